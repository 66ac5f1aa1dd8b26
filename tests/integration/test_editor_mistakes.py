"""What comms editors get wrong that the schema alone let through (issue 26), each refused or warned about in words they can act on.

The table cases break the valid campaign of ``test_bad_input`` one way and
expect `donorsite check` to name the file, line and field; the tests below
them run `donorsite new` as an editor does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from donorsite.editing.starter import StarterError, parse_start_date
from donorsite.model.time_zones import suggested_zone, zone_country
from test_bad_input import BUILD_DATE, Case, _write_case, chain, check_in_process, delete_lines, insert_after, replace_line

VENUE_END = 18  # the line of `vi: Hải Phòng`, the last line of the venue


def venue_name(text: str) -> Callable[[str], str]:
    """The venue's name (lines 15-16, per locale) written once as ``text``."""
    return chain(replace_line(15, f"      name: {text}"), delete_lines(16, 16))


CASES = [
    Case("placeholder-title", replace_line(6, '  vi: "TODO: title"'), 6, "title.vi", "'TODO: title' is a placeholder of the starter file"),
    Case("placeholder-city", replace_line(18, '        vi: "TODO: city"'), 18, "events[0].venue.city.vi", "placeholder"),
    Case(
        "placeholder-zone-not-reported-twice",
        replace_line(13, '    timezone: "TODO: time zone, e.g. Asia/Ho_Chi_Minh"'),
        13,
        "events[0].timezone",
        "is a placeholder of the starter file; write the real text",
    ),
    Case(
        "vietnam-venue-china-zone",
        chain(replace_line(13, "    timezone: Asia/Shanghai"), insert_after(VENUE_END, "      country: VN")),
        13,
        "events[0].timezone",
        "Asia/Shanghai is the time zone of China, but 'country: VN' puts the venue in Vietnam; write 'timezone: Asia/Ho_Chi_Minh'",
    ),
    Case(
        "vietnam-coordinates-china-zone",
        chain(
            replace_line(13, "    timezone: Asia/Shanghai"),
            insert_after(VENUE_END, "      coordinates: {latitude: 20.86, longitude: 106.68}"),
        ),
        13,
        "events[0].timezone",
        "Asia/Shanghai is the time zone of China, but its coordinates put the venue in Vietnam; write 'timezone: Asia/Ho_Chi_Minh'",
    ),
    Case(
        "taiwan-venue-vietnam-zone",
        insert_after(VENUE_END, "      country: TW"),
        13,
        "events[0].timezone",
        "Asia/Ho_Chi_Minh is the time zone of Vietnam, but 'country: TW' puts the venue in Taiwan; write 'timezone: Asia/Taipei'",
    ),
    Case(
        "china-venue-lists-its-zones",
        insert_after(VENUE_END, "      country: CN"),
        13,
        "events[0].timezone",
        "write 'timezone: Asia/Shanghai' (or Asia/Urumqi)",
    ),
    Case("hanoi-is-not-yangon", replace_line(13, "    timezone: Asia/Hanoi"), 13, "events[0].timezone", "did you mean Asia/Ho_Chi_Minh?"),
    Case("country-as-zone", replace_line(13, "    timezone: Asia/Vietnam"), 13, "events[0].timezone", "did you mean Asia/Ho_Chi_Minh?"),
    Case("beijing", replace_line(13, "    timezone: Asia/Beijing"), 13, "events[0].timezone", "did you mean Asia/Shanghai?"),
    Case(
        "zone-in-lowercase", replace_line(13, "    timezone: asia/ho_chi_minh"), 13, "events[0].timezone", "did you mean Asia/Ho_Chi_Minh?"
    ),
    Case("tab-in-venue", replace_line(17, "\t  city:"), 17, "", "indented with a tab; indent with spaces only"),
    Case("plain-name-must-not-be-empty", venue_name('""'), 15, "events[0].venue.name", "the text is empty"),
    # The web editor names a file after its id; a written id that is not the file's name would mislead.
    Case(
        "id-is-not-the-file-name",
        insert_after(0, "id: 2027-another-drive"),
        1,
        "id",
        "the file is named id-is-not-the-file-name.yaml, so its id is 'id-is-not-the-file-name'; write 'id: id-is-not-the-file-name'",
    ),
    Case("id-breaks-the-id-rule", insert_after(0, "id: Hải-Phòng"), 1, "id", "'Hải-Phòng' is not an id; use lowercase ASCII letters"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_refuses_what_editors_get_wrong(case: Case, tmp_path: Path) -> None:
    display = _write_case(tmp_path, case)
    result = check_in_process(tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(f"{display}:{case.line}:")]
    field_part = f": {case.field}: " if case.field else ": "
    assert [line for line in lines if field_part in line and case.message in line], result.stdout
    # One mistake, one line: a placeholder is not also reported as a bad zone or code.
    assert len([line for line in result.stdout.splitlines() if line.startswith(display)]) == 1, result.stdout


ACCEPTED = [
    ("vietnam-venue-vietnam-zone", insert_after(VENUE_END, "      country: VN")),
    ("coordinates-in-vietnam", insert_after(VENUE_END, "      coordinates: {latitude: 21.03, longitude: 105.85}")),
    # Near a border the coarse outline does not judge: Dongxing, Guangxi, beside Móng Cái.
    (
        "coordinates-near-a-border",
        chain(
            replace_line(13, "    timezone: Asia/Shanghai"),
            insert_after(VENUE_END, "      coordinates: {latitude: 21.55, longitude: 107.97}"),
        ),
    ),
    ("proper-name-written-once", venue_name("Nhà văn hóa quận Lê Chân")),
    ("zone-without-a-country", replace_line(13, "    timezone: Antarctica/Troll")),
    ("id-is-the-file-name", insert_after(0, "id: id-is-the-file-name")),
]


@pytest.mark.parametrize(("name", "change"), ACCEPTED, ids=[name for name, _ in ACCEPTED])
def test_check_accepts_what_is_right(name: str, change: Callable[[str], str], tmp_path: Path) -> None:
    _write_case(tmp_path, Case(name, change, 0, "", ""))
    result = check_in_process(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_proper_name_written_once_is_shown_as_written_in_every_locale(tmp_path: Path) -> None:
    from donorsite.content.loading import load_content
    from donorsite.editing.translations import text_slots

    _write_case(tmp_path, Case("once", venue_name("Nhà văn hóa quận Lê Chân"), 0, "", ""))
    content = load_content(tmp_path, build_date=None)
    venue = content.campaign("once").campaign.events[0].venue
    assert {venue.name.get(code) for code in ("zh-Hans", "zh-Hant", "vi", "en")} == {"Nhà văn hóa quận Lê Chân"}
    # `translations` asks for no copies of it.
    name_slots = [slot for slot in text_slots(content) if slot.path == ("events", 0, "venue", "name")]
    assert name_slots and not any(slot.missing(code) for slot in name_slots for code in ("zh-Hans", "zh-Hant", "en"))


@dataclass(frozen=True)
class Zone:
    written: str
    suggested: str


@pytest.mark.parametrize(
    "zone",
    [Zone("Asia/Hanoi", "Asia/Ho_Chi_Minh"), Zone("Asia/Saigon", "Asia/Ho_Chi_Minh"), Zone("Asia/Da_Nang", "Asia/Ho_Chi_Minh"),
     Zone("Asia/Kaohsiung", "Asia/Taipei"), Zone("Asia/Shanghia", "Asia/Shanghai"), Zone("Asia/Taiwan", "Asia/Taipei")],
    ids=lambda zone: zone.written,
)  # fmt: skip
def test_suggestions_prefer_aliases_and_the_countrys_own_zones(zone: Zone) -> None:
    assert suggested_zone(zone.written) == zone.suggested


def test_a_zone_without_a_country_has_none() -> None:
    # CLDR files Antarctica/Troll under "001" (the world); that is no country code.
    assert zone_country("Antarctica/Troll") is None and zone_country("Asia/Taipei") == "TW"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("16/01/2027", "--date 2027-01-16"), ("16.01.2027", "2027-01-16"), ("2027/01/16", "2027-01-16"),
     ("03/02/2027", "2027-02-03 (3 February 2027) or 2027-03-02 (2 March 2027)"), ("tomorrow", "write it as YYYY-MM-DD")],
)  # fmt: skip
def test_new_date_in_the_forms_people_type_is_shown_as_yyyy_mm_dd(typed: str, shown: str) -> None:
    with pytest.raises(StarterError, match="YYYY-MM-DD") as refused:
        parse_start_date(typed)
    assert shown in str(refused.value)


def donorsite(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {"DONORSITE_TODAY": BUILD_DATE, "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "donorsite.cli", *arguments, "--root", str(project)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_new_with_a_typed_date_says_how_to_write_it(tmp_path: Path) -> None:
    result = donorsite(tmp_path, "new", "2027-hai-phong-drive", "--kind", "blood-drive", "--date", "16/01/2027")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--date 2027-01-16" in result.stderr and "fromisoformat" not in result.stderr
    assert not (tmp_path / "campaigns").exists()


def test_new_in_a_past_year_warns(tmp_path: Path) -> None:
    result = donorsite(tmp_path, "new", "2025-hai-phong-drive", "--kind", "blood-drive", "--date", "2025-11-03", "--language", "vi")
    assert result.returncode == 0, result.stderr
    assert "warning: 2025-11-03 is in a past year (today is 2026-11-29)" in result.stderr
    this_year = donorsite(tmp_path, "new", "2027-hai-phong-drive", "--kind", "blood-drive", "--date", "2027-01-16", "--language", "vi")
    assert "warning" not in this_year.stderr


@pytest.mark.parametrize(
    ("arguments", "zone", "country"),
    [(("--language", "en", "--country", "VN"), "timezone: Asia/Ho_Chi_Minh", "country: VN"),
     (("--language", "vi"), "timezone: Asia/Ho_Chi_Minh", "country: VN"),
     (("--language", "zh-Hant"), "timezone: Asia/Taipei", "country: TW"),
     (("--language", "en"), 'timezone: "TODO: time zone', 'country: "TODO: country code')],
    ids=["en-in-vietnam", "vi", "zh-Hant", "en-unknown-country"],
)  # fmt: skip
def test_new_never_leaves_another_countrys_zone(tmp_path: Path, arguments: tuple[str, ...], zone: str, country: str) -> None:
    result = donorsite(tmp_path, "new", "2027-drive", "--kind", "blood-drive", "--date", "2027-01-16", *arguments)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "campaigns" / "2027-drive.yaml").read_text(encoding="utf-8")
    assert zone in text and country in text
    assert "Asia/Shanghai\n" not in text.replace("Asia/Shanghai, ", "")


def test_a_starter_left_as_written_is_refused_at_each_placeholder(tmp_path: Path) -> None:
    donorsite(tmp_path, "new", "2027-drive", "--kind", "blood-drive", "--date", "2027-01-16", "--language", "vi")
    lines = (tmp_path / "campaigns" / "2027-drive.yaml").read_text(encoding="utf-8").splitlines()
    todo_lines = [number for number, line in enumerate(lines, start=1) if "TODO:" in line and not line.lstrip().startswith("#")]
    result = donorsite(tmp_path, "check")
    assert result.returncode == 1
    reported = sorted({int(line.split(":")[1]) for line in result.stdout.splitlines() if "placeholder" in line})
    assert reported == todo_lines


def test_a_zone_without_a_country_builds(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    """Antarctica/Troll passes check (a real IANA region zone), so the build must not then fail on CLDR's country "001"."""
    from conftest import build_site

    project = project_copy()
    drive = project / "campaigns" / "2022-duong-kinh-donation-day.yaml"
    drive.write_text(
        drive.read_text(encoding="utf-8").replace("timezone: Asia/Ho_Chi_Minh", "timezone: Antarctica/Troll"), encoding="utf-8"
    )
    assert donorsite(project, "check").returncode == 0
    build = build_site(project, tmp_path / "site", environment={"DONORSITE_TODAY": BUILD_DATE, "DONORSITE_CAMPAIGNS": drive.stem})
    assert build.succeeded, build.log
    events = json.loads((tmp_path / "site" / "api" / "events.json").read_text(encoding="utf-8"))
    assert "001" not in json.dumps(events)


def test_a_donation_site_in_another_countrys_zone_is_refused() -> None:
    from donorsite.content.centre_files import validate_sites_text

    text = (ROOT / "sites.yaml").read_text(encoding="utf-8")
    _, problems = validate_sites_text(text.replace("timezone: Asia/Shanghai", "timezone: Asia/Taipei", 1))
    wrong = [problem for problem in problems if problem.field.endswith(".timezone")]
    assert wrong and "Asia/Taipei is the time zone of Taiwan" in wrong[0].message and "Asia/Shanghai" in wrong[0].message


@dataclass(frozen=True)
class CentreFileCase:
    """A ``TODO:`` put into one line of a blood service's file (sites.yaml, supply.yaml, supply/*.yaml)."""

    file: str
    written: str
    placeholder: str
    field: str


CENTRE_FILE_CASES = [
    CentreFileCase("sites.yaml", "          vi: Quận Cô Tô, Tô Châu", '          vi: "TODO: city"', "centres[0].sites[0].city.vi"),
    CentreFileCase("sites.yaml", "    name: {zh-Hans: 海防市, zh-Hant: 海防市, vi: Hải Phòng, en: Hải Phòng}",
                   '    name: {zh-Hans: 海防市, zh-Hant: 海防市, vi: "TODO: name", en: Hải Phòng}', "regions[1].name.vi"),
    CentreFileCase("supply.yaml", "timezone: Asia/Shanghai", 'timezone: "TODO: time zone, e.g. Asia/Shanghai"', "timezone"),
    CentreFileCase("supply/hai-phong-blood-centre.yaml", "  vi: Trung tâm Huyết học Hải Phòng", '  vi: "TODO: centre"', "centre.vi"),
]  # fmt: skip


@pytest.mark.parametrize("case", CENTRE_FILE_CASES, ids=[case.field for case in CENTRE_FILE_CASES])
def test_check_refuses_placeholders_in_the_centres_files(case: CentreFileCase, tmp_path: Path) -> None:
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "supply").mkdir()
    for name in ("sites.yaml", "supply.yaml", "supply/hai-phong-blood-centre.yaml"):
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert check_in_process(tmp_path).returncode == 0
    lines = (tmp_path / case.file).read_text(encoding="utf-8").splitlines()
    number = lines.index(case.written) + 1
    lines[number - 1] = case.placeholder
    (tmp_path / case.file).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_in_process(tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    reported = [line for line in result.stdout.splitlines() if line.startswith(f"{case.file}:")]
    # One mistake, one line, at the placeholder's file and line: not also "not a time zone".
    assert len(reported) == 1, result.stdout
    assert reported[0].startswith(f"{case.file}:{number}:") and f": {case.field}: " in reported[0], reported
    assert "is a placeholder of the starter file" in reported[0]
