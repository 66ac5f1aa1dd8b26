"""Every mistake an editor can make stops `donorsite check` with file, line and field.

Each case starts from a valid campaign, breaks it one way, runs the real
command (its ``main``, in this process; the tests below the table run it as
a subprocess, as an editor does) and expects: a non-zero exit, no traceback,
and a line `campaigns/<case>.yaml:<line>:<col>: <field>: <message>` naming
the line and field of the mistake.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import build_environment
from donorsite.cli import main as donorsite_main

VALID = """\
kind: blood-drive
status: confirmed
source_language: vi
year: 2022
title:
  vi: Ngày hội hiến máu
summary:
  vi: Gần 600 người tham gia.
events:
  - date: 2022-11-03
    start: "07:00"
    end: "11:30"
    timezone: Asia/Ho_Chi_Minh
    venue:
      name:
        vi: Nhà văn hóa quận
      city:
        vi: Hải Phòng
"""


def replace_line(number: int, text: str) -> Callable[[str], str]:
    """Replace line ``number`` (1-based) of the valid file."""

    def change(source: str) -> str:
        lines = source.splitlines()
        lines[number - 1] = text
        return "\n".join(lines) + "\n"

    return change


def insert_after(number: int, text: str) -> Callable[[str], str]:
    """Insert ``text`` after line ``number`` (0 puts it first)."""

    def change(source: str) -> str:
        lines = source.splitlines()
        lines[number:number] = text.splitlines()
        return "\n".join(lines) + "\n"

    return change


def append(text: str) -> Callable[[str], str]:
    return lambda source: source + text


def delete_lines(first: int, last: int) -> Callable[[str], str]:
    def change(source: str) -> str:
        lines = source.splitlines()
        del lines[first - 1 : last]
        return "\n".join(lines) + "\n"

    return change


def whole(text: str) -> Callable[[str], str]:
    return lambda source: text


def chain(*changes: Callable[[str], str]) -> Callable[[str], str]:
    """Apply several changes in order."""

    def change(source: str) -> str:
        for step in changes:
            source = step(source)
        return source

    return change


# Every check runs as of this build date (DONORSITE_TODAY), so that "after the build date" is fixed.
BUILD_DATE = "2026-11-29"


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
"""


@dataclass(frozen=True)
class Case:
    name: str
    change: Callable[[str], str] | None
    line: int
    field: str
    message: str
    file_name: str | None = None
    raw: bytes | None = None


CASES = [
    Case("time-as-number", replace_line(11, "    start: 1830"), 11, "events[0].start", 'write it as "18:30"'),
    Case("time-out-of-range", replace_line(11, '    start: "25:00"'), 11, "events[0].start", "is not a time"),
    Case("time-words", replace_line(11, "    start: 7h sáng"), 11, "events[0].start", "is not a time"),
    Case("impossible-date", replace_line(10, "  - date: 2022-13-40"), 10, "events[0].date", "not a real date"),
    Case("february-30", replace_line(10, "  - date: 2022-02-30"), 10, "events[0].date", "not a real date"),
    Case("date-day-first", replace_line(10, "  - date: 03/11/2022"), 10, "events[0].date", "write it as YYYY-MM-DD"),
    Case("year-leading-zero", replace_line(4, "year: 02022"), 4, "year", "without a leading zero"),
    Case("year-quoted", replace_line(4, 'year: "2022"'), 4, "year", "expected a whole number"),
    Case("year-out-of-range", replace_line(4, "year: 1800"), 4, "year", "greater than or equal to 1990"),
    Case("status-no", replace_line(2, "status: no"), 2, "status", "'no' is not one of"),
    Case("status-typo", replace_line(2, "status: complete"), 2, "status", "is not one of: planned, confirmed, postponed, cancelled"),
    Case("kind-unknown", replace_line(1, "kind: drive"), 1, "kind", "is not one of"),
    Case("duplicate-key", insert_after(2, "status: open"), 3, "status", "duplicate key 'status' (first written on line 2)"),
    Case("unknown-key", insert_after(4, "titel: x"), 5, "titel", "did you mean 'title'"),
    Case("unknown-venue-key", insert_after(16, "      adress:\n        vi: x"), 17, "events[0].venue.adress", "did you mean 'address'"),
    Case("locale-key-case", replace_line(6, "  VI: Ngày hội"), 6, "title.VI", "did you mean 'vi'"),
    Case("source-text-missing", replace_line(6, "  en: Donation day"), 6, "title.vi", "source language vi is missing"),
    Case("source-language-unknown", replace_line(3, "source_language: vn"), 3, "source_language", "is not a site locale"),
    Case("required-missing", delete_lines(7, 8), 1, "summary", "'summary' is required"),
    Case("timezone-missing", delete_lines(13, 13), 10, "events[0].timezone", "'timezone' is required"),
    Case(
        "timezone-unknown",
        replace_line(13, "    timezone: Asia/Hanoi"),
        13,
        "events[0].timezone",
        "'Asia/Hanoi' is not an IANA time zone; did you mean Asia/Ho_Chi_Minh?",
    ),
    Case(
        "timezone-localtime",
        replace_line(13, "    timezone: localtime"),
        13,
        "events[0].timezone",
        "'localtime' means the zone of whichever machine builds the site, not an IANA region name; "
        "write the venue's zone, e.g. Asia/Shanghai or Asia/Ho_Chi_Minh",
    ),
    Case(
        "timezone-utc-offset",
        replace_line(13, "    timezone: UTC+8"),
        13,
        "events[0].timezone",
        "'UTC+8' is a fixed offset, not an IANA region name; write the venue's region, e.g. Asia/Shanghai or Asia/Ho_Chi_Minh, "
        "so that daylight-saving changes are applied",
    ),
    Case(
        "timezone-empty",
        replace_line(13, '    timezone: ""'),
        13,
        "events[0].timezone",
        "the time zone is empty; write the IANA name of the venue's region, e.g. Asia/Shanghai or Asia/Ho_Chi_Minh",
    ),
    Case(
        "results-before-the-end",
        chain(replace_line(10, "  - date: 2026-12-03"), append("results:\n  donors: 600\n")),
        20,
        "results",
        "results are given but the campaign runs until 2026-12-03, after the build date 2026-11-29; "
        "remove 'results' until it has taken place, or correct the event dates",
    ),
    Case(
        "completed-before-the-end",
        chain(replace_line(2, "status: completed"), replace_line(10, "  - date: 2026-12-03")),
        2,
        "status",
        "'completed' is written but the campaign runs until 2026-12-03, after the build date 2026-11-29; "
        "write 'status: confirmed' (the site shows by itself when it has ended)",
    ),
    Case(
        "updated-after-the-build-date",
        insert_after(4, "updated: 2026-12-25"),
        5,
        "updated",
        "2026-12-25 is after the build date 2026-11-29; write the day of the last change, 2026-11-30 or earlier",
    ),
    Case(
        "end-before-start-next-day-field",
        chain(replace_line(12, '    end: "06:00"'), insert_after(10, "    end_date: 2022-11-03")),
        13,
        "events[0].end",
        "the end 2022-11-03 06:00 is not after the start 2022-11-03 07:00 in Asia/Ho_Chi_Minh; check the dates and times",
    ),
    Case(
        "start-in-daylight-saving-gap",
        chain(
            replace_line(10, "  - date: 2022-03-13"),
            replace_line(11, '    start: "02:30"'),
            replace_line(12, '    end: "03:15"'),
            replace_line(13, "    timezone: America/New_York"),
        ),
        11,
        "events[0].start",
        "02:30 does not exist on 2022-03-13 in America/New_York: the clocks go forward for daylight-saving time that night; "
        "write a time before or after the jump",
    ),
    Case("javascript-link", append("registration: javascript:alert(1)\n"), 19, "registration", "not an allowed link"),
    Case("data-link", append("links:\n  - data:text/html,<script>alert(1)</script>\n"), 20, "links[0]", "not an allowed link"),
    Case("ftp-link", append("links:\n  - ftp://example.org/file\n"), 20, "links[0]", "not an allowed link"),
    Case("link-without-host", append("registration: https:/example.org\n"), 19, "registration", "no web address"),
    Case("html-in-title", replace_line(6, "  vi: <b>Ngày hội</b>"), 6, "title.vi", "HTML tags are not allowed"),
    Case("script-in-body", append("body:\n  vi: Xin chào <script>alert(1)</script>\n"), 20, "body.vi", "HTML tags are not allowed"),
    Case("img-onerror", replace_line(8, '  vi: "<img src=x onerror=alert(1)>"'), 8, "summary.vi", "HTML tags are not allowed"),
    Case("rtl-override", replace_line(6, "  vi: Ngày hội \u202ehiến máu"), 6, "title.vi", "U+202E"),
    Case("zero-width-space", replace_line(8, "  vi: Gần\u200b 600 người"), 8, "summary.vi", "U+200B"),
    Case("empty-text", replace_line(6, '  vi: ""'), 6, "title.vi", "the text is empty"),
    Case("title-not-mapping", delete_lines(6, 6), 5, "title", "expected a group of fields"),
    Case("events-not-list", whole(VALID.split("events:")[0] + "events: 2022-11-03\n"), 9, "events", "expected a list"),
    Case("negative-count", append("results:\n  units: -5\n"), 20, "results.units", "greater than or equal to 0"),
    Case("fractional-count", append("results:\n  units: 297.5\n"), 20, "results.units", "expected a whole number"),
    Case("yes-as-count", append("results:\n  donors: yes\n"), 20, "results.donors", "expected a whole number, found 'yes'"),
    Case(
        "qualifier-in-words",
        append(
            "statistics:\n  figures:\n    - label: {vi: Tình nguyện viên}\n      value: 140\n      unit: people\n"
            "      qualifier: more than\n"
        ),
        24,
        "statistics.figures[0].qualifier",
        "'more than' is not one of: about, more-than, at-least, fewer-than; did you mean 'more-than'?",
    ),
    Case(
        "qualifier-in-the-value",
        append("statistics:\n  figures:\n    - label: {vi: Tình nguyện viên}\n      value: 约140\n      unit: people\n"),
        22,
        "statistics.figures[0].value",
        "expected a number, found '约140'; write the number alone and how exact it is as 'qualifier: about' "
        "(or more-than, at-least, fewer-than)",
    ),
    Case(
        "schedule-time-number",
        append('    schedule:\n      - time: 930\n        activity: {vi: "Đón tiếp"}\n'),
        20,
        "events[0].schedule[0].time",
        'write it as "09:30"',
    ),
    Case("end-without-start", delete_lines(11, 11), 11, "events[0].end", "needs a start time"),
    Case(
        "duplicate-measure-key",
        append("results:\n  other:\n    - {key: leaflets, label: {vi: A}, value: 1}\n    - {key: leaflets, label: {vi: B}, value: 2}\n"),
        22,
        "results.other[1].key",
        "used twice",
    ),
    Case("end-before-start", replace_line(12, '    end: "06:00"'), 12, "events[0].end", "is not after the start"),
    Case("alias", append("theme: &t\n  vi: Chủ đề\nbody: *t\n"), 21, "body", "aliases (*t)"),
    Case("billion-laughs", whole(BILLION_LAUGHS), 2, "b[0]", "aliases"),
    Case("unclosed-bracket", replace_line(6, "  vi: [Ngày hội"), 7, "", "YAML syntax error"),
    Case("colon-in-value", replace_line(6, "  vi: Ngày hội: lần 2"), 6, "", "YAML syntax error"),
    Case("tab-indent", replace_line(6, "\tvi: Ngày hội"), 6, "", "this line is indented with a tab; indent with spaces only"),
    Case("python-tag", replace_line(4, "year: !!python/object:os.system echo"), 4, "year", "tag"),
    Case("empty-file", whole(""), 1, "", "the file is empty"),
    Case("control-character", replace_line(6, "  vi: Ngày\x1fhội"), 6, "", "control character U+001F"),
    Case("list-at-top", whole("- kind: blood-drive\n"), 1, "", "must be a group of 'key: value' lines"),
    Case(
        "latitude-out-of-range",
        insert_after(18, "      coordinates: {latitude: 123, longitude: 106.6}"),
        19,
        "events[0].venue.coordinates.latitude",
        "less than or equal to 90",
    ),
    Case("phone-letters", append("contact:\n  phone: call-me\n"), 20, "contact.phone", "does not have the expected form"),
    Case("image-alt-missing", append("images:\n  - src: assets/site.css\n    alt: {vi: Ảnh}\n"), 20, "images[0].src", "expected form"),
    Case("non-utf8", None, 2, "", "not UTF-8", raw="kind: blood-drive\ntitle: 献血活动\n".encode("gb18030")),
    Case("five-megabytes", None, 1, "", "more than the", raw=b"# " + b"x" * 5_000_000 + b"\n"),
    Case("bad-file-name", None, 1, "", "not a valid campaign id", file_name="Bad Name.yaml"),
    Case("zero-width-in-id", None, 1, "", "not a valid campaign id", file_name="2022\u200b-drive.yaml"),
    Case("yml-extension", None, 1, "", "must end in .yaml", file_name="2022-drive.yml"),
    # Sessions: daily hours, spans for a break, skipped days, further days.
    Case("hours-and-start", insert_after(12, '    hours: ["07:00-11:30"]'), 13, "events[0].hours", "either as start and end or as hours"),
    Case(
        "hours-closes-first",
        chain(delete_lines(11, 12), insert_after(10, '    hours: ["07:00-11:00", "11:30-07:00"]')),
        11,
        "events[0].hours[1]",
        "closes before it opens",
    ),
    Case(
        "hours-not-a-span",
        chain(delete_lines(11, 12), insert_after(10, '    hours: "7h-11h"')),
        11,
        "events[0].hours[0]",
        "is not a span of opening hours",
    ),
    Case(
        "skip-outside-the-days",
        insert_after(12, "    end_date: 2022-11-04\n    skip: [2022-11-05]"),
        14,
        "events[0].skip[0]",
        "is not between date 2022-11-03 and end_date 2022-11-04",
    ),
    Case("every-day-skipped", insert_after(12, "    skip: [2022-11-03]"), 13, "events[0].skip", "every day of the event is skipped"),
    Case(
        "session-without-date",
        insert_after(12, '    sessions:\n      - start: "08:00"\n        end: "11:00"'),
        14,
        "events[0].sessions[0].date",
        "'date' is required",
    ),
    Case(
        "session-ends-before-it-starts",
        insert_after(12, '    sessions:\n      - date: 2022-11-10\n        start: "08:00"\n        end: "07:00"'),
        16,
        "events[0].sessions[0].end",
        "is not after the start 08:00",
    ),
    Case(
        "huge-schedule",
        append("    schedule:\n" + '      - time: "08:00"\n        activity: {vi: x}\n' * 10_000),
        20,
        "events[0].schedule",
        "at most 500 items",
    ),
]


def _write_case(root: Path, case: Case) -> str:
    folder = root / "campaigns"
    folder.mkdir(parents=True)
    file_name = case.file_name or f"{case.name}.yaml"
    data = case.raw if case.raw is not None else (case.change(VALID) if case.change else VALID).encode("utf-8")
    (folder / file_name).write_bytes(data)
    return f"campaigns/{file_name}"


def run_check(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "donorsite.cli", "check", "--root", str(root), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DONORSITE_TODAY": BUILD_DATE},
    )


def check_in_process(root: Path) -> subprocess.CompletedProcess[str]:
    """``donorsite check --root root`` through ``main``; an unexpected exception propagates (the traceback a user would see)."""
    out, err = io.StringIO(), io.StringIO()
    with build_environment({"DONORSITE_TODAY": BUILD_DATE}), redirect_stdout(out), redirect_stderr(err):
        code = donorsite_main(["check", "--root", str(root)])
    return subprocess.CompletedProcess(["donorsite", "check"], code, out.getvalue(), err.getvalue())


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_reports_file_line_and_field(case: Case, tmp_path: Path) -> None:
    display = _write_case(tmp_path, case)
    before = (tmp_path / display).read_bytes()
    result = check_in_process(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    prefix = f"{display}:{case.line}:"
    matching = [line for line in result.stdout.splitlines() if line.startswith(prefix)]
    assert matching, f"no problem reported at {prefix}\n{result.stdout}"
    field_part = f": {case.field}: " if case.field else ": "
    found = [line for line in matching if field_part in line and case.message in line]
    assert found, f"expected field {case.field!r} and {case.message!r} at {prefix}\n{result.stdout}"
    # The checker never rewrites the editor's file.
    assert (tmp_path / display).read_bytes() == before


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    broken = replace_line(2, "status: complete")(VALID)
    broken = replace_line(4, "year: 02022")(broken)
    broken = replace_line(11, "    start: 1830")(broken)
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "many.yaml").write_text(broken, encoding="utf-8")
    lines = run_check(tmp_path).stdout.splitlines()
    assert [line.split(":")[1] for line in lines if line.startswith("campaigns/many.yaml:")] == ["2", "4", "11"]


def test_github_annotations_point_at_the_line(tmp_path: Path) -> None:
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "drive.yaml").write_text(replace_line(2, "status: no")(VALID), encoding="utf-8")
    output = run_check(tmp_path, "--annotations", "github").stdout
    assert re.search(r"^::error file=campaigns/drive\.yaml,line=2,col=9::status: 'no' is not one of", output, re.M)


def test_yaml_1_1_traps_are_read_as_the_editor_meant(tmp_path: Path) -> None:
    """Unquoted 18:30 stays a time and `no` stays text: both build without error."""
    from donorsite.content.loading import load_content

    source = replace_line(11, "    start: 18:30")(VALID)
    source = replace_line(12, "    end: 21:00")(source)
    source = replace_line(6, "  vi: no")(source)
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "traps.yaml").write_text(source, encoding="utf-8")
    campaign = load_content(tmp_path).campaign("traps").campaign
    assert campaign.events[0].start is not None and campaign.events[0].start.isoformat() == "18:30:00"
    assert campaign.title.get("vi") == "no"


def test_vietnamese_with_combining_marks_is_normalised(tmp_path: Path) -> None:
    import unicodedata

    from donorsite.content.loading import load_content

    decomposed = unicodedata.normalize("NFD", "Ngày hội hiến máu")
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "nfd.yaml").write_text(replace_line(6, f"  vi: {decomposed}")(VALID), encoding="utf-8")
    title = load_content(tmp_path).campaign("nfd").campaign.title.get("vi")
    assert title == unicodedata.normalize("NFC", "Ngày hội hiến máu") != decomposed
