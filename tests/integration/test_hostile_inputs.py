"""Hostile inputs: each is refused with a located message, or builds a page where no injected script runs.

The browser check loads every page that was built from a hostile input in
headless Chromium, listening for dialogs and for the marker the payloads
try to set, and asserts that neither appears.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import CHROMIUM, ROOT, build_site, copy_project, run_mkdocs_build, serve_directory
from donorsite.cli import main
from donorsite.content.loading import collect_content, load_campaign
from donorsite.core.locales import LOCALE_CODES
from test_bad_input import BILLION_LAUGHS, VALID

PAYLOAD = "window.__pwned=1;alert(1)"
TITLE_LINE = 6
SUMMARY_LINE = 8


def with_line(number: int, text: str) -> str:
    lines = VALID.splitlines()
    lines[number - 1] = text
    return "\n".join(lines) + "\n"


def appended(text: str) -> str:
    return VALID + text


HOSTILE: list[tuple[str, str, str]] = [
    # (name, file name, file text)
    ("script in title", "h-script-title.yaml", with_line(TITLE_LINE, f"  vi: <script>{PAYLOAD}</script>")),
    ("script in summary", "h-script-summary.yaml", with_line(SUMMARY_LINE, f"  vi: '<script>{PAYLOAD}</script>'")),
    ("script in body", "h-script-body.yaml", appended(f"body:\n  vi: x <script>{PAYLOAD}</script>\n")),
    ("script in venue name", "h-script-venue.yaml", with_line(16, f"        vi: <script>{PAYLOAD}</script>")),
    ("script in city", "h-script-city.yaml", with_line(18, f"        vi: <script>{PAYLOAD}</script>")),
    (
        "script in organiser",
        "h-script-organiser.yaml",
        appended(f"organisers:\n  - name: {{vi: '<script>{PAYLOAD}</script>'}}\n    role: host\n"),
    ),
    (
        "script in honour roll name",
        "h-script-roll.yaml",
        appended(
            f"honour_rolls:\n  - title: {{vi: Vinh danh}}\n    recipients_are: people\n    recipients:\n      - name: {{vi: '<script>{PAYLOAD}</script>'}}\n"
        ),
    ),
    (
        "script in schedule",
        "h-script-schedule.yaml",
        appended(f"    schedule:\n      - time: '08:00'\n        activity: {{vi: '<script>{PAYLOAD}</script>'}}\n"),
    ),
    ("script in theme", "h-script-theme.yaml", appended(f"theme: {{vi: '<script>{PAYLOAD}</script>'}}\n")),
    ("closing script tag in title", "h-close-script.yaml", with_line(TITLE_LINE, '  vi: "</script><script>alert(1)</script>"')),
    ("img onerror in summary", "h-onerror.yaml", with_line(SUMMARY_LINE, f"  vi: '<img src=x onerror={PAYLOAD}>'")),
    ("svg onload in body", "h-svg.yaml", appended(f"body:\n  vi: '<svg onload={PAYLOAD}></svg>'\n")),
    ("iframe in body", "h-iframe.yaml", appended("body:\n  vi: '<iframe src=\"javascript:alert(1)\"></iframe>'\n")),
    ("style in body", "h-style.yaml", appended("body:\n  vi: '<style>body{display:none}</style>'\n")),
    ("event attribute without tag close", "h-attr.yaml", with_line(TITLE_LINE, '  vi: "x\\" onmouseover=\\"alert(1)"')),
    ("javascript registration link", "h-js-link.yaml", appended("registration: javascript:alert(1)\n")),
    ("JavaScript link in capitals", "h-js-caps.yaml", appended("registration: JaVaScRiPt:alert(1)\n")),
    ("data link", "h-data-link.yaml", appended("links:\n  - data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n")),
    (
        "javascript organiser url",
        "h-js-organiser.yaml",
        appended("organisers:\n  - name: {vi: X}\n    role: host\n    url: javascript:alert(1)\n"),
    ),
    ("markdown javascript link in body", "h-md-link.yaml", appended(f"body:\n  vi: '[bấm vào đây](javascript:{PAYLOAD})'\n")),
    ("markdown data image in body", "h-md-image.yaml", appended("body:\n  vi: '![x](data:image/svg+xml,<svg onload=alert(1)>)'\n")),
    ("markdown autolink to javascript", "h-md-autolink.yaml", appended("body:\n  vi: '<javascript:alert(1)>'\n")),
    ("entity-encoded script in title", "h-entities.yaml", with_line(TITLE_LINE, "  vi: '&lt;script&gt;alert(1)&lt;/script&gt;'")),
    ("attribute list in event title", "h-attr-list.yaml", appended("    title: {vi: 'Buổi sáng { onclick=alert(1) }'}\n")),
    (
        "markdown heading injection in roll title",
        "h-heading.yaml",
        appended(
            'honour_rolls:\n  - title: {vi: "x\\n\\n<script>alert(1)</script>"}\n    recipients_are: units\n    recipients:\n      - name: {vi: A}\n'
        ),
    ),
    ("right-to-left override in title", "h-rtl.yaml", with_line(TITLE_LINE, "  vi: Ngày hội \u202eláu nểih")),
    ("zero-width space in summary", "h-zwsp.yaml", with_line(SUMMARY_LINE, "  vi: Gần\u200b600")),
    ("zero-width space in file name", "h-zero\u200bwidth.yaml", VALID),
    ("billion laughs", "h-laughs.yaml", BILLION_LAUGHS),
    (
        "10,000-item schedule",
        "h-schedule.yaml",
        appended("    schedule:\n" + "      - time: '08:00'\n        activity: {vi: x}\n" * 10_000),
    ),
    ("python object tag", "h-python-tag.yaml", with_line(4, "year: !!python/object/apply:os.system ['echo pwned']")),
    ("alias into body", "h-alias.yaml", appended("theme: &t {vi: x}\nbody: *t\n")),
]


def test_there_are_at_least_thirty_hostile_inputs() -> None:
    assert len(HOSTILE) >= 30


def outcomes(root: Path) -> dict[str, list[str]]:
    """Each hostile file checked by the real loader: its problems (empty when accepted)."""
    folder = root / "campaigns"
    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    for name, file_name, text in HOSTILE:
        path = folder / file_name
        path.write_text(text, encoding="utf-8")
        _, problems = load_campaign(path, root)
        results[name] = [str(problem) for problem in problems]
        path.unlink()
    return results


def test_refused_inputs_name_file_and_line(tmp_path: Path) -> None:
    for name, problems in outcomes(tmp_path).items():
        file_name = next(file_name for entry, file_name, _ in HOSTILE if entry == name)
        for problem in problems:
            assert problem.startswith(f"campaigns/{file_name}:"), (name, problem)
            assert int(problem.split(":")[1]) >= 1, (name, problem)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium: run bash .ci/run or set CHROMIUM_PATH")
def test_accepted_inputs_build_pages_where_no_injected_script_runs(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    accepted = [name for name, problems in outcomes(tmp_path / "check").items() if not problems]
    assert accepted, "some hostile inputs are harmless text and must still build"
    project = copy_project(tmp_path / "project")
    for name, file_name, text in HOSTILE:
        if name in accepted:
            (project / "campaigns" / file_name).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.succeeded, result.log
    dialogs: list[str] = []
    with serve_directory(site) as base:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for name, file_name, _ in HOSTILE:
            if name not in accepted:
                continue
            for prefix in ("vi", "en"):
                page.goto(f"{base}{prefix}/campaigns/{Path(file_name).stem}/")
                page.wait_for_load_state("load")
                for link in page.query_selector_all("article a"):
                    href = (link.get_attribute("href") or "").strip().lower()
                    assert not href.startswith(("javascript:", "data:")), (name, href)
                assert page.evaluate("window.__pwned") is None, name
        page.close()
    assert dialogs == []


# --- Hostile content the checker must refuse with an exact message (issue 13) ---------------------------
#
# Each file is written into one project, `donorsite check` runs once as a
# subprocess, and each case's expected line must appear exactly in its
# output; files expected to pass must not be named at all.

CHECK_CASES: list[tuple[str, str, str, str | None]] = [
    # (name, file name, file text, the exact problem line, or None if the file is accepted)
    (
        "left-to-right mark in title",
        "c-lrm.yaml",
        with_line(TITLE_LINE, "  vi: Ngày hội\u200e hiến máu"),
        "campaigns/c-lrm.yaml:6:7: title.vi: the text contains the invisible character U+200E (left-to-right mark), "
        "which can hide or reorder text; delete it",
    ),
    (
        "direction isolate in summary",
        "c-isolate.yaml",
        with_line(SUMMARY_LINE, "  vi: Gần \u2066600\u2069 người"),
        "campaigns/c-isolate.yaml:8:7: summary.vi: the text contains the invisible character U+2066 (left-to-right isolate), "
        "which can hide or reorder text; delete it",
    ),
    (
        "byte-order mark inside a text",
        "c-bom-inside.yaml",
        with_line(TITLE_LINE, "  vi: Ngày\ufeff hội"),
        "campaigns/c-bom-inside.yaml:6:7: title.vi: the text contains the invisible character U+FEFF (zero width no-break space), "
        "which can hide or reorder text; delete it",
    ),
    (
        "soft hyphen",
        "c-soft-hyphen.yaml",
        with_line(TITLE_LINE, "  vi: hiến\u00admáu"),
        "campaigns/c-soft-hyphen.yaml:6:7: title.vi: the text contains the invisible character U+00AD (soft hyphen), "
        "which can hide or reorder text; delete it",
    ),
    (
        "word joiner",
        "c-word-joiner.yaml",
        with_line(TITLE_LINE, "  vi: hiến\u2060máu"),
        "campaigns/c-word-joiner.yaml:6:7: title.vi: the text contains the invisible character U+2060 (word joiner), "
        "which can hide or reorder text; delete it",
    ),
    (
        "zero-width joiner between Latin letters",
        "c-zwj-latin.yaml",
        with_line(TITLE_LINE, "  vi: hi\u200dến máu"),
        "campaigns/c-zwj-latin.yaml:6:7: title.vi: the text contains the invisible character U+200D (zero width joiner), "
        "which can hide or reorder text; delete it",
    ),
    (
        "zero-width non-joiner in Chinese",
        "c-zwnj-han.yaml",
        with_line(TITLE_LINE, "  vi: 献\u200c血"),
        "campaigns/c-zwnj-han.yaml:6:7: title.vi: the text contains the invisible character U+200C (zero width non-joiner), "
        "which can hide or reorder text; delete it",
    ),
    (
        "zero-width joiner in a family emoji",
        "c-zwj-emoji.yaml",
        with_line(TITLE_LINE, "  vi: Cả nhà \U0001f468\u200d\U0001f469\u200d\U0001f467"),
        None,
    ),
    (
        "zero-width non-joiner in a Persian name",
        "c-zwnj-persian.yaml",
        with_line(TITLE_LINE, "  vi: Bệnh viện \u0645\u06cc\u200c\u0631\u0648\u062f"),
        None,
    ),
    (
        "escaped right-to-left override",
        "c-escaped-rlo.yaml",
        with_line(TITLE_LINE, '  vi: "Ngày hội \\u202Ehiến máu"'),
        "campaigns/c-escaped-rlo.yaml:6:7: title.vi: the text contains the invisible character U+202E (right-to-left override), "
        "which can hide or reorder text; delete it",
    ),
    (
        "raw U+FFFF in title",
        "c-ffff.yaml",
        with_line(TITLE_LINE, "  vi: Ngày hội\uffff"),
        "campaigns/c-ffff.yaml:6:15: the file contains the non-character U+FFFF, which is not allowed in text; delete it",
    ),
    (
        "escaped U+FFFF in title",
        "c-escaped-ffff.yaml",
        with_line(TITLE_LINE, '  vi: "Ngày hội\\uFFFF"'),
        "campaigns/c-escaped-ffff.yaml:6:7: title.vi: the text contains the non-character U+FFFF, which is not allowed in text; delete it",
    ),
    (
        "non-character U+FDD0",
        "c-fdd0.yaml",
        with_line(SUMMARY_LINE, "  vi: Gần 600\ufdd0 người"),
        "campaigns/c-fdd0.yaml:8:7: summary.vi: the text contains the non-character U+FDD0, which is not allowed in text; delete it",
    ),
    (
        "plane-16 non-character",
        "c-10ffff.yaml",
        with_line(SUMMARY_LINE, "  vi: Gần 600\U0010ffff người"),
        "campaigns/c-10ffff.yaml:8:7: summary.vi: the text contains the non-character U+10FFFF, which is not allowed in text; delete it",
    ),
    (
        "raw line separator",
        "c-line-separator.yaml",
        with_line(TITLE_LINE, "  vi: Ngày hội\u2028hiến máu"),
        "campaigns/c-line-separator.yaml:6:15: the file contains the line separator U+2028, which editors do not show "
        "as a new line; replace it with a normal line break",
    ),
    (
        "raw paragraph separator after a CRLF line",
        "c-paragraph-separator.yaml",
        VALID.replace("\n", "\r\n", 6).replace("Gần 600", "Gần\u2029600"),
        "campaigns/c-paragraph-separator.yaml:8:10: the file contains the line separator U+2029, which editors do not show "
        "as a new line; replace it with a normal line break",
    ),
    (
        "raw next-line character",
        "c-next-line.yaml",
        with_line(SUMMARY_LINE, "  vi: Gần\u0085600"),
        "campaigns/c-next-line.yaml:8:10: the file contains the line separator U+0085, which editors do not show "
        "as a new line; replace it with a normal line break",
    ),
    (
        "escaped line separator",
        "c-escaped-line-separator.yaml",
        with_line(TITLE_LINE, '  vi: "Ngày hội\\Lhiến máu"'),
        "campaigns/c-escaped-line-separator.yaml:6:7: title.vi: the text contains the line separator U+2028, which editors "
        "do not show as a new line; replace it with a normal line break",
    ),
    (
        "raw C1 control",
        "c-c1.yaml",
        with_line(TITLE_LINE, "  vi: Ngày\u0090hội"),
        "campaigns/c-c1.yaml:6:11: the file contains the control character U+0090; delete it",
    ),
    (
        "escaped C0 control",
        "c-escaped-c0.yaml",
        with_line(TITLE_LINE, '  vi: "Ngày\\x01hội"'),
        "campaigns/c-escaped-c0.yaml:6:7: title.vi: the text contains the control character U+0001; delete it",
    ),
    (
        "escaped lone surrogate",
        "c-surrogate.yaml",
        with_line(TITLE_LINE, '  vi: "Ngày\\uD800hội"'),
        "campaigns/c-surrogate.yaml:6:7: title.vi: the text contains the lone surrogate U+D800, which is not a character; delete it",
    ),
    (
        "year thousands of digits long",
        "c-long-year.yaml",
        with_line(4, "year: " + "9" * 5000),
        "campaigns/c-long-year.yaml:4:7: year: this number has 5,000 digits; no value here needs more than 20, so check what was pasted",
    ),
    (
        "count of 25 digits",
        "c-long-count.yaml",
        appended("results:\n  donors: " + "1" * 25 + "\n"),
        "campaigns/c-long-count.yaml:20:11: results.donors: this number has 25 digits; no value here needs more than 20, "
        "so check what was pasted",
    ),
    (
        "link with user info",
        "c-user-info.yaml",
        appended("registration: https://site.example@evil.example/\n"),
        "campaigns/c-user-info.yaml:19:15: registration: 'https://site.example@evil.example/' puts a user name before '@', "
        "which hides that the link goes to 'evil.example'; remove everything up to the '@'",
    ),
    (
        "link with user and password",
        "c-user-password.yaml",
        appended("links:\n  - https://user:pass@evil.example/\n"),
        "campaigns/c-user-password.yaml:20:5: links[0]: 'https://user:pass@evil.example/' puts a user name before '@', "
        "which hides that the link goes to 'evil.example'; remove everything up to the '@'",
    ),
    (
        "protocol-relative link",
        "c-protocol-relative.yaml",
        appended("registration: //evil.example/\n"),
        "campaigns/c-protocol-relative.yaml:19:15: registration: '//evil.example/' has no scheme; write the full address, "
        "starting with https://",
    ),
    (
        "leading space in a link",
        "c-leading-space.yaml",
        appended('registration: " https://site.example/"\n'),
        "campaigns/c-leading-space.yaml:19:15: registration: ' https://site.example/' has spaces before or after the link; remove them",
    ),
    (
        "trailing space in a link",
        "c-trailing-space.yaml",
        appended('links:\n  - "https://site.example/ "\n'),
        "campaigns/c-trailing-space.yaml:20:5: links[0]: 'https://site.example/ ' has spaces before or after the link; remove them",
    ),
    (
        "Cyrillic letter in a Latin host",
        "c-mixed-host.yaml",
        appended("registration: https://s\u0456te.example/\n"),
        "campaigns/c-mixed-host.yaml:19:15: registration: the host name part 's\\u0456te' of 'https://s\u0456te.example/' mixes "
        "scripts (cyrillic, latin), which can imitate another site's address; write the host in one script",
    ),
    (
        "Greek letter in an organiser's host",
        "c-greek-host.yaml",
        appended("organisers:\n  - name: {vi: X}\n    role: host\n    url: https://d\u03bfnor.example/\n"),
        "campaigns/c-greek-host.yaml:22:10: organisers[0].url: the host name part 'd\\u03bfnor' of 'https://d\u03bfnor.example/' "
        "mixes scripts (greek, latin), which can imitate another site's address; write the host in one script",
    ),
    ("Chinese host name in one script", "c-idn-han.yaml", appended("registration: https://献血.中国/\n"), None),
    ("Cyrillic host name in one script", "c-idn-cyrillic.yaml", appended("registration: https://xn--80ak6aa92e.com/\n"), None),
    (
        "invisible character in an e-mail address",
        "c-email.yaml",
        appended('contact:\n  email: "info@site.example\u202e"\n'),
        "campaigns/c-email.yaml:20:10: contact.email: the address contains the invisible character U+202E (right-to-left override), "
        "which can hide or reorder text; delete it",
    ),
    (
        "control character in a file name",
        "c-\x01control.yaml",
        VALID,
        "campaigns/c-\\x01control.yaml:1:1: file name: 'c-\\x01control' is not a valid campaign id; use lowercase ASCII letters, "
        "digits and single hyphens, e.g. 2027-suzhou-winter-drive",
    ),
    (
        "Windows device name",
        "con.yaml",
        VALID,
        "campaigns/con.yaml:1:1: file name: 'con' is a name Windows reserves for a device; add a year or place, e.g. con-2027",
    ),
    (
        "Windows printer name",
        "lpt1.yaml",
        VALID,
        "campaigns/lpt1.yaml:1:1: file name: 'lpt1' is a name Windows reserves for a device; add a year or place, e.g. lpt1-2027",
    ),
    (
        "id of 200 characters",
        "a" * 200 + ".yaml",
        VALID,
        f"campaigns/{'a' * 200}.yaml:1:1: file name: the id '{'a' * 80}...' is 200 characters long; use at most 80",
    ),
    (
        "capital YAML extension",
        "c-capitals.YAML",
        VALID,
        "campaigns/c-capitals.YAML:1:1: campaign files must end in .yaml (lowercase); rename the file to c-capitals.yaml",
    ),
    (
        "mixed-case yml extension",
        "c-mixed.Yml",
        VALID,
        "campaigns/c-mixed.Yml:1:1: campaign files must end in .yaml (lowercase); rename the file to c-mixed.yaml",
    ),
]


def test_the_hostile_suite_has_at_least_eighty_cases_with_exact_outcomes() -> None:
    assert len(CHECK_CASES) + len(SHEET_CASES) + len(NEW_CASES) >= 80
    names = [case[0] for case in CHECK_CASES] + [case.name for case in SHEET_CASES] + [case[0] for case in NEW_CASES]
    assert len(set(names)) == len(names)


def run_donorsite(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "donorsite.cli", *arguments], capture_output=True, text=True, timeout=300)


def test_checker_refuses_hostile_text_with_exact_messages(tmp_path: Path) -> None:
    folder = tmp_path / "campaigns"
    folder.mkdir()
    for _, file_name, text, _ in CHECK_CASES:
        (folder / file_name).write_bytes(text.encode("utf-8"))
    result = run_donorsite("check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for name, file_name, _, expected in CHECK_CASES:
        if expected is None:
            assert not [line for line in lines if line.startswith(f"campaigns/{file_name}:")], name
        elif not file_name.isprintable():
            assert expected in lines and not [line for line in lines if "\x01" in line], name
        else:
            assert expected in lines, f"{name}: {expected!r} not in\n" + "\n".join(line for line in lines if file_name in line)


def test_line_numbers_after_a_crlf_line_and_a_lone_carriage_return_match_the_editor(tmp_path: Path) -> None:
    text = VALID.replace("\n", "\r\n", 3).replace("year: 2022\n", "year: 2022\r").replace("  - date: 2022-11-03", "  - date: 2022-13-40")
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "endings.yaml").write_bytes(text.encode("utf-8"))
    _, problems = load_campaign(tmp_path / "campaigns" / "endings.yaml", tmp_path)
    assert [str(problem).split(": ")[0] for problem in problems] == ["campaigns/endings.yaml:10:11"]


def _image_campaign(root: Path, source: str) -> None:
    (root / "campaigns").mkdir(parents=True, exist_ok=True)
    text = appended(f"images:\n  - src: {source}\n    alt: {{zh-Hans: 图, zh-Hant: 圖, vi: Ảnh, en: Picture}}\n")
    (root / "campaigns" / "pictures.yaml").write_text(text, encoding="utf-8")


def test_a_picture_that_is_a_symbolic_link_is_refused_with_file_and_line(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.png"
    secret.parent.mkdir()
    secret.write_bytes(b"\x89PNG secret")
    root = tmp_path / "site"
    (root / "docs" / "images").mkdir(parents=True)
    (root / "docs" / "images" / "poster.png").symlink_to(secret)
    _image_campaign(root, "images/poster.png")
    result = run_donorsite("check", "--root", str(root))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines()[:2] == [
        "campaigns/pictures.yaml:20:10: images[0].src: docs/images/poster.png is a symbolic link; copy the file itself into the project",
        "docs/images/poster.png:1:1: this is a symbolic link, and the build would publish the file it points to; put the file itself here",
    ]


def test_a_picture_in_a_linked_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "poster.png").write_bytes(b"\x89PNG secret")
    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "images").symlink_to(outside, target_is_directory=True)
    _image_campaign(root, "images/poster.png")
    result = run_donorsite("check", "--root", str(root))
    assert result.stdout.splitlines()[:2] == [
        "campaigns/pictures.yaml:20:10: images[0].src: docs/images is a symbolic link; copy the file itself into the project",
        "docs/images:1:1: this is a symbolic link, and the build would publish the file it points to; put the file itself here",
    ]


def test_the_build_refuses_a_linked_file_under_docs_and_publishes_nothing_from_outside(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the public", encoding="utf-8")
    project = copy_project(tmp_path / "project")
    (project / "docs" / "images" / "leak.png").symlink_to(secret)
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert (
        "docs/images/leak.png:1:1: this is a symbolic link, and the build would publish the file it points to; put the file itself here"
        in result.stderr
    )
    assert not (site / "images" / "leak.png").exists()


# --- Hostile translation sheets: a clear message and no file touched, or exactly the intended lines (issue 13) ---

SHEET_HEADER = ("file", "field", "locale", "source_language", "source_text", "translation")
DRIVE = "campaigns/drive.yaml"
DRIVE_TEXT = VALID + "theme: {vi: Chủ đề, en: Theme}\n"
SECOND = "campaigns/second.yaml"


def sheet(*rows: tuple[str, ...], header: tuple[str, ...] = SHEET_HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def row(field: str, translation: str, *, file: str = DRIVE, locale: str = "en") -> tuple[str, ...]:
    return (file, field, locale, "vi", "x", translation)


def title_added(value: str, newline: str = "\n") -> Callable[[str], str]:
    return lambda text: text.replace(f"  vi: Ngày hội hiến máu{newline}", f"  vi: Ngày hội hiến máu{newline}  en: {value}{newline}", 1)


@dataclass(frozen=True)
class SheetCase:
    name: str
    data: bytes
    # Every line the import prints on standard error, or None when it succeeds.
    errors: list[str] | None
    # For a successful import: the expected new text of each changed file, from its old text.
    changes: dict[str, Callable[[str], str]] = field(default_factory=dict)
    prepare: Callable[[Path], None] | None = None


def _crlf(root: Path) -> None:
    (root / DRIVE).write_bytes(DRIVE_TEXT.replace("\n", "\r\n").encode("utf-8"))


def _bom(root: Path) -> None:
    (root / DRIVE).write_bytes(b"\xef\xbb\xbf" + DRIVE_TEXT.encode("utf-8"))


def _broken(root: Path) -> None:
    (root / DRIVE).write_text(DRIVE_TEXT.replace("year: 2022", "year: 1800"), encoding="utf-8")


def _linked(root: Path) -> None:
    outside = root.parent / "elsewhere.yaml"
    outside.write_text(DRIVE_TEXT, encoding="utf-8")
    (root / "campaigns" / "linked.yaml").symlink_to(outside)


def _no_final_newline(root: Path) -> None:
    (root / DRIVE).write_text(DRIVE_TEXT.rstrip("\n").replace("theme: {vi: Chủ đề, en: Theme}", "theme:\n  vi: Chủ đề"), encoding="utf-8")


NOT_UTF8 = sheet(row("title", "Title")).replace(b"Title", "献血".encode("gb18030"))
GUIDE = "give every row one cell per column (a comma inside a text needs quotes around the cell)"
SAVE_UTF8 = 'save it from the spreadsheet as "CSV UTF-8 (comma delimited)"'
ONLY_CONTENT = "only campaign files, slogans.yaml, sites.yaml and supply.yaml take translations"
INJECTED = 'Tiêu đề"\nregistration: https://evil.example/\n#'

SHEET_CASES = [
    SheetCase(
        "field cell names a link",
        sheet(row("registration", "https://evil.example/")),
        ["vi.csv:2: campaigns/drive.yaml has no text registration to translate; keep the field cell as exported"],
    ),
    SheetCase(
        "locale cell names a link",
        sheet(row("title", "https://evil.example/", locale="registration")),
        ["vi.csv:2: 'registration' is not a site locale; use one of " + ", ".join(LOCALE_CODES)],
    ),
    SheetCase(
        "newline in the locale cell",
        sheet(row("title", "https://evil.example/", locale="en\nregistration")),
        ["vi.csv:2: the locale cell contains the control character U+000A; delete it"],
    ),
    SheetCase(
        "newline in the field cell",
        sheet(row("title\nregistration", "https://evil.example/")),
        ["vi.csv:2: the field cell contains the control character U+000A; delete it"],
    ),
    SheetCase(
        "YAML inside a translation stays text",
        sheet(row("title", INJECTED)),
        None,
        {DRIVE: title_added(json.dumps(INJECTED, ensure_ascii=False))},
    ),
    SheetCase(
        "locale in capitals",
        sheet(row("title", "Title", locale="EN")),
        ["vi.csv:2: 'EN' is not a site locale; use one of " + ", ".join(LOCALE_CODES)],
    ),
    SheetCase(
        "path up and out",
        sheet(row("title", "Title", file="../../etc/passwd")),
        [f"vi.csv:2: '../../etc/passwd' points outside campaigns/; {ONLY_CONTENT}"],
    ),
    SheetCase(
        "path up and back",
        sheet(row("title", "Title", file="campaigns/../campaigns/drive.yaml")),
        [f"vi.csv:2: 'campaigns/../campaigns/drive.yaml' points outside campaigns/; {ONLY_CONTENT}"],
    ),
    SheetCase(
        "absolute path",
        sheet(row("title", "Title", file="/etc/passwd")),
        ["vi.csv:2: '/etc/passwd' is an absolute path; write the path as exported, e.g. campaigns/<id>.yaml"],
    ),
    SheetCase(
        "Windows drive path",
        sheet(row("title", "Title", file="C:/site/campaigns/drive.yaml")),
        ["vi.csv:2: 'C:/site/campaigns/drive.yaml' is an absolute path; write the path as exported, e.g. campaigns/<id>.yaml"],
    ),
    SheetCase(
        "backslashes",
        sheet(row("title", "Title", file="campaigns\\drive.yaml")),
        ["vi.csv:2: 'campaigns\\drive.yaml' uses '\\' between folders; write the path as exported, e.g. campaigns/<id>.yaml"],
    ),
    SheetCase(
        "a page of the site",
        sheet(row("title", "Title", file="docs/en/about.md")),
        [f"vi.csv:2: 'docs/en/about.md' is not a file in campaigns/; {ONLY_CONTENT}"],
    ),
    SheetCase(
        "the site configuration",
        sheet(row("site_url", "https://evil.example/", file="mkdocs.yml")),
        [f"vi.csv:2: 'mkdocs.yml' is not a file in campaigns/; {ONLY_CONTENT}"],
    ),
    SheetCase(
        "unknown campaign",
        sheet(row("title", "Title", file="campaigns/missing.yaml")),
        ["vi.csv:2: there is no content file campaigns/missing.yaml in this site; write the path as exported"],
    ),
    SheetCase(
        "extension in capitals",
        sheet(row("title", "Title", file="campaigns/drive.YAML")),
        ["vi.csv:2: 'campaigns/drive.YAML' does not end in .yaml; write the path as exported"],
    ),
    SheetCase(
        "Windows device name as file",
        sheet(row("title", "Title", file="campaigns/con.yaml")),
        [
            "vi.csv:2: 'campaigns/con.yaml' does not name a campaign file: 'con' is a name Windows reserves for a device; "
            "add a year or place, e.g. con-2027"
        ],
    ),
    SheetCase(
        "campaign file that is a link",
        sheet(row("title", "Title", file="campaigns/linked.yaml")),
        ["vi.csv:2: there is no content file campaigns/linked.yaml in this site; write the path as exported"],
        prepare=_linked,
    ),
    SheetCase(
        "one target by two paths",
        sheet(row("title", "One"), row("title", "Two", file="campaigns/./drive.yaml")),
        ["vi.csv:3: the en text of campaigns/drive.yaml title is also on line 2; keep one of the two rows"],
    ),
    SheetCase(
        "one target by doubled slashes",
        sheet(row("title", "One", file="./campaigns//drive.yaml"), row("title", "Two")),
        ["vi.csv:3: the en text of campaigns/drive.yaml title is also on line 2; keep one of the two rows"],
    ),
    SheetCase(
        "missing column",
        sheet(("campaigns/drive.yaml", "title", "en", "vi", "x"), header=SHEET_HEADER[:5]),
        ["vi.csv:1: missing column(s) translation; start from an exported sheet"],
    ),
    SheetCase(
        "extra column",
        sheet((*row("title", "Title"), "note"), header=(*SHEET_HEADER, "notes")),
        [
            "vi.csv:1: unknown column(s) 'notes'; remove them (the columns are file, field, locale, source_language, "
            "source_text, translation)"
        ],
    ),
    SheetCase(
        "duplicate column",
        sheet((*row("title", "Title"), "Other"), header=(*SHEET_HEADER, "translation")),
        ["vi.csv:1: the column(s) translation appear twice; keep one of each"],
    ),
    SheetCase(
        "columns in another order",
        sheet(
            ("Title", "en", "title", DRIVE, "x", "vi"), header=("translation", "locale", "field", "file", "source_text", "source_language")
        ),
        None,
        {DRIVE: title_added('"Title"')},
    ),
    SheetCase("short row", sheet(row("title", "Title")[:5]), [f"vi.csv:2: the row has only 5 cells and the header 6; {GUIDE}"]),
    SheetCase("long row", sheet((*row("title", "Title"), "more")), [f"vi.csv:2: the row has 7 cells and the header 6; {GUIDE}"]),
    SheetCase(
        "row without a field",
        sheet(row("", "Title")),
        ["vi.csv:2: '' is not a field path such as events[0].venue.name; keep the cell as exported"],
    ),
    SheetCase(
        "field path with stray bracket",
        sheet(row("title]", "Title")),
        ["vi.csv:2: 'title]' is not a field path such as events[0].venue.name; keep the cell as exported"],
    ),
    SheetCase(
        "field beyond the list",
        sheet(row("events[99].title", "Title")),
        ["vi.csv:2: campaigns/drive.yaml has no text events[99].title to translate; keep the field cell as exported"],
    ),
    SheetCase(
        "field that is a number",
        sheet(row("year", "2030")),
        ["vi.csv:2: campaigns/drive.yaml has no text year to translate; keep the field cell as exported"],
    ),
    SheetCase(
        "field inside a text",
        sheet(row("title.vi", "Title")),
        ["vi.csv:2: campaigns/drive.yaml has no text title.vi to translate; keep the field cell as exported"],
    ),
    SheetCase(
        "cell of 60,000 characters",
        sheet(row("title", "x" * 60_000)),
        ["vi.csv:2: the translation cell has 60,000 characters, more than the 50,000 any text may have; shorten it"],
    ),
    SheetCase(
        "cell of 200,000 characters",
        sheet(row("title", "x" * 200_000)),
        ["vi.csv:2: a cell is longer than the 50,000 characters any text may have; shorten it"],
    ),
    SheetCase(
        "UTF-16 sheet",
        "\ufeff".encode("utf-16-le") + sheet(row("title", "Title")).decode("utf-8").encode("utf-16-le"),
        [f"vi.csv:1: the sheet is UTF-16 text; {SAVE_UTF8}"],
    ),
    SheetCase(
        "GB18030 sheet",
        NOT_UTF8,
        [f"vi.csv:2: the sheet is not UTF-8 text (byte 0x{'献'.encode('gb18030')[0]:02X} cannot be read); {SAVE_UTF8}"],
    ),
    SheetCase("empty sheet", b"", ["vi.csv:1: the sheet is empty; start from an exported sheet"]),
    SheetCase(
        "unclosed quote",
        sheet(row("title", "Title")) + b'campaigns/drive.yaml,title,zh-Hans,vi,x,"open\r\n',
        ["vi.csv:3: the row cannot be read as CSV (unexpected end of data); check the quotes, or export the sheet again"],
    ),
    SheetCase(
        "source language row",
        sheet(row("title", "Đổi tiêu đề", locale="vi")),
        ["vi.csv:2: vi is the source language of campaigns/drive.yaml; change source texts in the file itself"],
    ),
    SheetCase(
        "HTML in a translation",
        sheet(row("title", "<b>Title</b>")),
        ["vi.csv:2: campaigns/drive.yaml:7:7: title.en: HTML tags are not allowed here (plain text only); remove the '<...>' markup"],
    ),
    SheetCase(
        "direction override in a translation",
        sheet(row("title", "Ti\u202eltle")),
        [
            "vi.csv:2: the translation cell contains the invisible character U+202E (right-to-left override), "
            "which can hide or reorder text; delete it"
        ],
    ),
    SheetCase(
        "non-character in a translation",
        sheet(row("title", "Title\uffff")),
        ["vi.csv:2: the translation cell contains the non-character U+FFFF, which is not allowed in text; delete it"],
    ),
    SheetCase(
        "line separator in a translation",
        sheet(row("title", "Ti\u2028tle")),
        [
            "vi.csv:2: the translation cell contains the line separator U+2028, which editors do not show as a new line; "
            "replace it with a normal line break"
        ],
    ),
    SheetCase(
        "NUL in a translation",
        sheet(row("title", "Ti\x00tle")),
        ["vi.csv:2: the translation cell contains the control character U+0000; delete it"],
    ),
    SheetCase(
        "file with problems",
        sheet(row("title", "Title")),
        ["vi.csv:2: campaigns/drive.yaml has problems; run donorsite check and fix them before importing"],
        prepare=_broken,
    ),
    SheetCase(
        "good and bad rows in two files",
        sheet(row("title", "Title", file=SECOND), row("title", "<i>x</i>")),
        ["vi.csv:3: campaigns/drive.yaml:7:7: title.en: HTML tags are not allowed here (plain text only); remove the '<...>' markup"],
    ),
    SheetCase("blank translation changes nothing", sheet(row("title", "   "), row("summary", "")), None),
    SheetCase("same text as written changes nothing", sheet(row("theme", "Theme")), None),
    SheetCase(
        "guarded formula comes back as text",
        sheet(row("title", '\'=HYPERLINK("https://evil.example")')),
        None,
        {DRIVE: title_added('"=HYPERLINK(\\"https://evil.example\\")"')},
    ),
    SheetCase("doubly guarded quote keeps one quote", sheet(row("title", "''@x")), None, {DRIVE: title_added('"\'@x"')}),
    SheetCase("CRLF file keeps CRLF", sheet(row("title", "Title")), None, {DRIVE: title_added('"Title"', "\r\n")}, prepare=_crlf),
    SheetCase("byte-order mark is kept", sheet(row("title", "Title")), None, {DRIVE: title_added('"Title"')}, prepare=_bom),
    SheetCase(
        "last line without a line break",
        sheet(row("theme", "Theme")),
        None,
        {DRIVE: lambda text: text + '\n  en: "Theme"'},
        prepare=_no_final_newline,
    ),
    SheetCase(
        "changed translation in a flow mapping",
        sheet(row("theme", "A theme, changed")),
        None,
        {DRIVE: lambda text: text.replace("en: Theme}", 'en: "A theme, changed"}')},
    ),
    SheetCase(
        "added translation in a flow mapping",
        sheet(row("theme", "Chủ đề", locale="zh-Hans")),
        None,
        {DRIVE: lambda text: text.replace("en: Theme}", 'en: Theme, zh-Hans: "Chủ đề"}')},
    ),
    SheetCase(
        "slogan translation",
        sheet(("slogans.yaml", "slogans[0].text", "zh-Hant", "zh-Hans", "x", "十分鐘")),
        None,
        {
            "slogans.yaml": lambda text: text.replace(
                "      en: Ten minutes of your time can keep a family together.\n",
                '      en: Ten minutes of your time can keep a family together.\n      zh-Hant: "十分鐘"\n',
                1,
            )
        },
    ),
]


def sheet_site(root: Path) -> Path:
    (root / "campaigns").mkdir(parents=True)
    (root / DRIVE).write_text(DRIVE_TEXT, encoding="utf-8")
    (root / SECOND).write_text(VALID, encoding="utf-8")
    shutil.copy2(ROOT / "slogans.yaml", root / "slogans.yaml")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("case", SHEET_CASES, ids=[case.name for case in SHEET_CASES])
def test_hostile_sheets_are_refused_or_change_only_translations(
    case: SheetCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = sheet_site(tmp_path / "site")
    if case.prepare:
        case.prepare(root)
    before = snapshot(root)
    sheet_path = tmp_path / "vi.csv"
    sheet_path.write_bytes(case.data)
    status = main(["translations", "--import", str(sheet_path), "--root", str(root)])
    output = capsys.readouterr()
    after = snapshot(root)
    if case.errors is not None:
        assert status == 1
        assert output.err.splitlines() == [*case.errors, f"nothing was changed. 未作任何修改。 ({len(case.errors)} problem(s))"]
        assert after == before
        return
    assert status == 0, output.err
    expected = dict(before)
    for name, change in case.changes.items():
        raw = before[name]
        bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
        expected[name] = bom + change(raw[len(bom) :].decode("utf-8")).encode("utf-8")
        assert expected[name] != before[name], "the expected change must change something"
    assert after == expected
    assert output.out.splitlines() == (
        [f"updated {name}" for name in sorted(case.changes)] or ["nothing to change: the sheet has no new translations. 没有新的译文。"]
    )
    assert collect_content(root).problems == ()


def test_injected_yaml_adds_no_key(tmp_path: Path) -> None:
    root = sheet_site(tmp_path / "site")
    (tmp_path / "vi.csv").write_bytes(sheet(row("title", INJECTED)))
    assert main(["translations", "--import", str(tmp_path / "vi.csv"), "--root", str(root)]) == 0
    campaign = collect_content(root).campaign("drive").campaign
    assert campaign.registration is None
    assert campaign.title.get("en") == INJECTED.strip()


def test_import_runs_as_a_command_without_traceback(tmp_path: Path) -> None:
    root = sheet_site(tmp_path / "site")
    (tmp_path / "vi.csv").write_bytes(sheet(row("title", "x" * 200_000), row("field", "y", file="../x")))
    result = run_donorsite("translations", "--import", str(tmp_path / "vi.csv"), "--root", str(root))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == "vi.csv:2: a cell is longer than the 50,000 characters any text may have; shorten it"


# --- `donorsite new` refuses ids the site cannot use ------------------------------------------------------

NEW_CASES = [
    (
        "id with capitals",
        ["new", "Drive-2027"],
        "error: 'Drive-2027' is not a valid campaign id; use lowercase ASCII letters, digits and single hyphens, e.g. 2027-suzhou-winter-drive",
    ),
    (
        "id with a control character",
        ["new", "drive\x01"],
        "error: 'drive\\x01' is not a valid campaign id; use lowercase ASCII letters, digits and single hyphens, e.g. 2027-suzhou-winter-drive",
    ),
    (
        "id with a folder",
        ["new", "../drive"],
        "error: '../drive' is not a valid campaign id; use lowercase ASCII letters, digits and single hyphens, e.g. 2027-suzhou-winter-drive",
    ),
    (
        "id with Vietnamese letters",
        ["new", "hiến-máu"],
        "error: 'hi\\u1ebfn-m\\xe1u' is not a valid campaign id; use lowercase ASCII letters, digits and single hyphens, e.g. 2027-suzhou-winter-drive",
    ),
    (
        "id with double hyphen",
        ["new", "drive--2027"],
        "error: 'drive--2027' is not a valid campaign id; use lowercase ASCII letters, digits and single hyphens, e.g. 2027-suzhou-winter-drive",
    ),
    ("id of 81 characters", ["new", "a" * 81], f"error: the id '{'a' * 81}' is 81 characters long; use at most 80"),
    ("device name con", ["new", "con"], "error: 'con' is a name Windows reserves for a device; add a year or place, e.g. con-2027"),
    ("device name aux", ["new", "aux"], "error: 'aux' is a name Windows reserves for a device; add a year or place, e.g. aux-2027"),
    ("device name com1", ["new", "com1"], "error: 'com1' is a name Windows reserves for a device; add a year or place, e.g. com1-2027"),
    ("id taken with other capitals", ["new", "drive"], "error: campaigns/drive.YAML already exists; choose another id"),
    (
        "copy from outside",
        ["new", "drive-2027", "--copy", "../../etc/passwd"],
        "error: --copy: '../../etc/passwd' is not a valid campaign id; use lowercase ASCII letters, digits and single hyphens, e.g. 2027-suzhou-winter-drive",
    ),
]


@pytest.mark.parametrize(("name", "arguments", "message"), NEW_CASES, ids=[case[0] for case in NEW_CASES])
def test_new_refuses_bad_ids(name: str, arguments: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "drive.YAML").write_text(VALID, encoding="utf-8")
    before = snapshot(tmp_path)
    extra = [] if "--copy" in arguments else ["--kind", "blood-drive"]
    status = main([*arguments, *extra, "--date", "2027-06-14", "--root", str(tmp_path)])
    assert status == 1
    assert capsys.readouterr().err.splitlines() == [message]
    assert snapshot(tmp_path) == before


def test_new_and_import_keep_usual_file_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Temporary files are private (0600); the files they become have the permissions an editor's save gives."""
    root = sheet_site(tmp_path / "site")
    os.chmod(root / DRIVE, 0o640)
    previous = os.umask(0o022)
    try:
        assert main(["new", "drive-2027", "--kind", "blood-drive", "--date", "2027-06-14", "--root", str(root)]) == 0
        (tmp_path / "vi.csv").write_bytes(sheet(row("title", "Title")))
        assert main(["translations", "--import", str(tmp_path / "vi.csv"), "--root", str(root)]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((root / "campaigns" / "drive-2027.yaml").stat().st_mode) == 0o644
    assert stat.S_IMODE((root / DRIVE).stat().st_mode) == 0o640
    assert sorted(path.name for path in (root / "campaigns").iterdir()) == ["drive-2027.yaml", "drive.yaml", "second.yaml"]


def test_export_writes_formula_texts_as_plain_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Texts a spreadsheet would run (=, @, +, -, full-width ＝) leave as quoted text cells, byte for byte."""
    text = VALID.replace("  vi: Ngày hội hiến máu", '  vi: \'=HYPERLINK("https://evil.example","Bấm")\'')
    text = text.replace("  vi: Gần 600 người tham gia.", "  vi: '@SUM(A1:A9)'")
    text = text.replace("        vi: Nhà văn hóa quận", "        vi: '+84 225 3842 000'")
    text = text.replace("        vi: Hải Phòng", "        vi: '-5 độ'")
    text += 'theme: {vi: ＝1+1}\nbody: {vi: "\'=already quoted"}\n'
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "drive.yaml").write_text(text, encoding="utf-8")
    assert main(["translations", "--export", "en", "--root", str(tmp_path)]) == 0
    assert capsys.readouterr().out == (
        "file,field,locale,source_language,source_text,translation\n"
        "campaigns/drive.yaml,theme,en,vi,'＝1+1,\n"
        'campaigns/drive.yaml,title,en,vi,"\'=HYPERLINK(""https://evil.example"",""Bấm"")",\n'
        "campaigns/drive.yaml,summary,en,vi,'@SUM(A1:A9),\n"
        "campaigns/drive.yaml,body,en,vi,''=already quoted,\n"
        "campaigns/drive.yaml,events[0].venue.name,en,vi,'+84 225 3842 000,\n"
        "campaigns/drive.yaml,events[0].venue.city,en,vi,'-5 độ,\n"
    )


def test_linked_content_files_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(VALID, encoding="utf-8")
    root = tmp_path / "site"
    (root / "campaigns").mkdir(parents=True)
    (root / "campaigns" / "linked.yaml").symlink_to(outside)
    (root / "slogans.yaml").symlink_to(outside)
    result = run_donorsite("check", "--root", str(root))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "campaigns/linked.yaml:1:1: this content file is a symbolic link; put the file itself here",
        "slogans.yaml:1:1: this content file is a symbolic link; put the file itself here",
    ]
