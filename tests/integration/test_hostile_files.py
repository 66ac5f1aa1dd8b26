"""Hostile content files, links and targets (issue 27): each is refused at file:line with the fix, by ``check`` and the build alike.

Each case is written into a small copy of the project; ``donorsite check``
and an in-process MkDocs build then run on it, and must agree: a refused
case is refused by both with the same located line, an accepted one passes
both. Builds of refused cases stop while the content loads, so the table
costs little more than one build per accepted case.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project
from donorsite.cli import main
from test_bad_input import VALID
from test_hostile_inputs import CHECK_CASES, HOSTILE

TODAY = "2026-06-01"
ENVIRONMENT = {"DONORSITE_TODAY": TODAY}
DRIVE = "campaigns/drive.yaml"
SITES = (ROOT / "sites.yaml").read_text(encoding="utf-8")
SUPPLY = (ROOT / "supply.yaml").read_text(encoding="utf-8")
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
SLOGANS = (ROOT / "slogans.yaml").read_text(encoding="utf-8")


def drive(old: str, new: str) -> dict[str, str]:
    assert old in VALID
    return {DRIVE: VALID.replace(old, new, 1)}


def appended(text: str) -> dict[str, str]:
    return {DRIVE: VALID + text}


def sites(old: str, new: str) -> dict[str, str]:
    assert old in SITES
    return {"sites.yaml": SITES.replace(old, new, 1)}


def supply(old: str, new: str) -> dict[str, str]:
    assert old in SUPPLY
    return {"supply.yaml": SUPPLY.replace(old, new, 1)}


def slogans(old: str, new: str) -> dict[str, str]:
    assert old in SLOGANS
    return {"slogans.yaml": SLOGANS.replace(old, new, 1)}


FIGURE = "statistics:\n  figures:\n    - label: {{vi: Tỉ lệ}}\n      value: {value}\n      unit: {unit}\n"


@dataclass(frozen=True)
class Case:
    """Files to write over the small project, and the start and a fragment of the one line both tools must print (None: accepted)."""

    name: str
    files: dict[str, str]
    where: str | None = None
    says: str = ""


CASES = [
    Case("valid drive", {}),
    Case("time with a final newline", drive('start: "07:00"', 'start: "07:00\\n"'), f"{DRIVE}:11:12: events[0].start:", "is not a time"),
    Case("campaign file named nl<newline>", {"campaigns/nl\n.yaml": VALID}, "campaigns/nl\\n.yaml:1:1:", "is not a valid campaign id"),
    Case("protocol-relative link in body", appended("body:\n  vi: '[a](//evil.example/a)'\n"), f"{DRIVE}:20:7: body.vi:", "has no scheme"),
    Case("backslash host link in body", appended("body:\n  vi: '[a](/\\evil.example/a)'\n"), f"{DRIVE}:20:7: body.vi:", "has no scheme"),
    Case(
        "javascript link in body",
        appended("body:\n  vi: '[a](javascript:alert(1))'\n"),
        f"{DRIVE}:20:7: body.vi:",
        "is not an allowed link",
    ),
    Case(
        "outside picture in body",
        appended("body:\n  vi: '![a](https://evil.example/p.png)'\n"),
        f"{DRIVE}:20:7: body.vi:",
        "add it under images:",
    ),
    Case("tel:javascript link", appended("links:\n  - 'tel:javascript:alert(1)'\n"), f"{DRIVE}:20:5: links[0]:", "is not a phone number"),
    Case(
        "javascript e-mail",
        appended("contact:\n  email: 'javascript:alert(1)//@x.yz'\n"),
        f"{DRIVE}:20:10: contact.email:",
        "is not an e-mail address",
    ),
    Case(
        "percent of 10^15",
        appended(FIGURE.format(value="1.0e15", unit="percent")),
        f"{DRIVE}:22:14: statistics.figures[0].value:",
        "at most 1000",
    ),
    Case(
        "5e-324 mL", appended(FIGURE.format(value="5.0e-324", unit="ml")), f"{DRIVE}:22:14: statistics.figures[0].value:", "looks mistyped"
    ),
    Case("variation selector in a name", drive("vi: Nhà văn hóa quận", "vi: Nhà văn hóa quận\ufe0f"), f"{DRIVE}:16:13:", "U+FE0F"),
    Case("hangul filler as a name", drive("vi: Nhà văn hóa quận", "vi: \u3164"), f"{DRIVE}:16:13:", "U+3164"),
    Case("grapheme joiner in a name", drive("vi: Hải Phòng", "vi: Hải\u034f Phòng"), f"{DRIVE}:18:13:", "U+034F"),
    Case("emoji with its variation selector", drive("vi: Nhà văn hóa quận", "vi: Nhà văn hóa quận ❤\ufe0f")),
    Case("double byte-order mark", {DRIVE: "\ufeff\ufeff" + VALID}, f"{DRIVE}:1:1:", "two byte-order marks"),
    Case(
        "one-letter masked name",
        appended(
            "honour_rolls:\n  - title: {vi: Vinh danh}\n    recipients_are: people\n"
            "    recipients:\n      - name: {vi: A}\n        mask_name: true\n"
        ),
    ),
    Case("site id con", sites("id: changshu-blood-centre", "id: con"), "sites.yaml:", "Windows reserves"),
    Case(
        "duplicate donations",
        sites("donations: [whole-blood, platelets]", "donations: [platelets, platelets]"),
        "sites.yaml:",
        "listed twice",
    ),
    Case(
        "javascript in a site's phone",
        sites('phone: "+86 512 0000 0001"', 'phone: "javascript:alert(1)"'),
        "sites.yaml:119:18: centres[0].sites[1].contact.phone:",
        "does not have the expected form",
    ),
    Case("empty supply level", supply("O+: 8.5", "O+:"), "supply.yaml:22:6: levels.O+:", "the level of O+ is empty"),
    Case("supply level with a final newline", supply("O+: 8.5", 'O+: "5\\n"'), "supply.yaml:22:7: levels.O+:", "is not a level"),
    Case(
        "measured_at with a final newline",
        supply('"2026-05-30 08:00"', '"2026-05-30 08:00\\n"'),
        "supply.yaml:15:14: measured_at:",
        "is not a time",
    ),
    Case("a folder named supply.yaml", {"supply.yaml/": ""}, "supply.yaml:1:1:", "this is a folder, not a file"),
    Case("a folder named sites.yaml", {"sites.yaml/": ""}, "sites.yaml:1:1:", "this is a folder, not a file"),
    Case("a folder named slogans.yaml", {"slogans.yaml/": ""}, "slogans.yaml:1:1:", "this is a folder, not a file"),
    Case(
        "a slogan tag con",
        slogans("tags: [gratitude, family]", "tags: [gratitude, con]"),
        "slogans.yaml:12:23: slogans[0].tags[1]:",
        "Windows",
    ),
    Case("hangul filler in a slogan", slogans("en: Ten minutes", "en: \u3164Ten minutes"), "slogans.yaml:11:11:", "U+3164"),
    Case("double byte-order mark in slogans", {"slogans.yaml": "\ufeff\ufeff" + SLOGANS}, "slogans.yaml:1:1:", "two byte-order marks"),
    Case("double byte-order mark in sites", {"sites.yaml": "\ufeff\ufeff" + SITES}, "sites.yaml:1:1:", "two byte-order marks"),
    Case(
        "supply_stale_after_days of -1",
        {"mkdocs.yml": CONFIG.replace("supply_stale_after_days: 3", "supply_stale_after_days: -1")},
        "mkdocs.yml:23:30: extra.donorsite.supply_stale_after_days:",
        "write a number of days such as 3",
    ),
]


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with one small campaign (the sample's sites, supply, slogans and pages): quick to build."""
    project = copy_project(tmp_path_factory.mktemp("small") / "project")
    for path in (project / "campaigns").iterdir():
        path.unlink()
    (project / DRIVE).write_text(VALID, encoding="utf-8")
    return project


def case_project(small_project: Path, case: Case, folder: Path) -> Path:
    project = folder / "project"
    shutil.copytree(small_project, project, symlinks=True)
    for name, text in case.files.items():
        target = project / name
        if name.endswith("/"):
            target.unlink(missing_ok=True)
            target.mkdir()
        else:
            target.write_bytes(text.encode("utf-8"))
    return project


def check_lines(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str]]:
    monkeypatch.setenv("DONORSITE_TODAY", TODAY)
    capsys.readouterr()
    status = main(["check", "--root", str(project)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return status, [line for line in captured.out.splitlines() if not line.endswith("(warning)")]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_and_the_build_agree_on_each_hostile_file(
    case: Case, small_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = case_project(small_project, case, tmp_path)
    status, lines = check_lines(project, capsys, monkeypatch)
    result = build_site(project, tmp_path / "site", environment=ENVIRONMENT)
    if case.where is None:
        assert status == 0 and lines[-1].startswith("OK:"), lines
        assert result.succeeded, result.log
        return
    assert status == 1
    mine = [line for line in lines if line.startswith(case.where) and case.says in line]
    assert len(mine) == 1, "\n".join(lines)
    assert not result.succeeded
    assert mine[0] in result.log.splitlines() or f"ERROR   -  {mine[0]}" in result.log.splitlines(), result.log


def test_the_table_covers_every_content_file_and_the_settings() -> None:
    written = {name.split("/")[0] for case in CASES for name in case.files}
    assert {"campaigns", "sites.yaml", "supply.yaml", "mkdocs.yml"} <= written


# --- The whole earlier corpus: check and the build print the same lines ---------------------------------------


def corpus_project(small_project: Path, folder: Path, files: list[tuple[str, str]]) -> Path:
    project = folder / "project"
    shutil.copytree(small_project, project, symlinks=True)
    for name, text in files:
        (project / "campaigns" / name).write_bytes(text.encode("utf-8"))
    return project


def test_check_and_the_build_agree_on_the_whole_campaign_corpus(
    small_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file of tests/integration/test_hostile_inputs.py's tables in one project: the build lists exactly what check lists."""
    files = [(file_name, text) for _, file_name, text in HOSTILE] + [(file_name, text) for _, file_name, text, _ in CHECK_CASES]
    project = corpus_project(small_project, tmp_path / "refused", files)
    status, lines = check_lines(project, capsys, monkeypatch)
    assert status == 1 and len(lines) > 60
    result = build_site(project, tmp_path / "site", environment=ENVIRONMENT)
    assert not result.succeeded
    log = result.log.splitlines()
    reported = {line.removeprefix("ERROR   -  ") for line in log}
    assert [line for line in lines if line not in reported] == []
    located = [line for line in log if re.match(r"^(campaigns|sites|supply|slogans)[^:]*:\d+:\d+: ", line)]
    assert sorted(located) == sorted(lines)


def test_the_files_check_accepts_in_the_corpus_build(
    small_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What check passes of the same tables builds: nothing passes check and then fails the build."""
    files = [(file_name, text) for _, file_name, text in HOSTILE] + [(file_name, text) for _, file_name, text, _ in CHECK_CASES]
    probe = corpus_project(small_project, tmp_path / "probe", files)
    _, lines = check_lines(probe, capsys, monkeypatch)
    refused = {line.split(":", 1)[0] for line in lines}
    accepted = [(name, text) for name, text in files if f"campaigns/{name}" not in refused and name.isprintable()]
    assert len(accepted) >= 5
    project = corpus_project(small_project, tmp_path / "accepted", accepted)
    status, lines = check_lines(project, capsys, monkeypatch)
    assert status == 0, lines
    result = build_site(project, tmp_path / "site", environment=ENVIRONMENT)
    assert result.succeeded, result.log
