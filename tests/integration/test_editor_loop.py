"""The comms editor's loop, driven through the `donorsite` command as a subprocess."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import ROOT, build_site
from donorsite.core.locales import LOCALE_CODES
from donorsite.reading.yaml_reader import read_yaml_file


def donorsite(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "donorsite.cli", *arguments, "--root", str(project)], capture_output=True, text=True, timeout=120
    )


def test_new_campaign_from_a_starter_passes_check_and_builds(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    for campaign_id, kind in (
        ("2027-hai-phong-drive", "blood-drive"),
        ("2027-wbdd", "world-blood-donor-day"),
        ("2027-report", "annual-report"),
    ):
        result = donorsite(project, "new", campaign_id, "--kind", kind, "--date", "2027-06-14", "--language", "vi")
        assert result.returncode == 0, result.stderr
        text = (project / "campaigns" / f"{campaign_id}.yaml").read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schemas/campaign.schema.json")
    # Left as written, the starters are refused at their placeholders; filled in, they pass.
    left = donorsite(project, "check")
    assert left.returncode == 1 and "campaigns/2027-hai-phong-drive.yaml:9:" in left.stdout and "placeholder" in left.stdout
    for path in (project / "campaigns").glob("2027-*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace('"TODO: ', '"'), encoding="utf-8")
    assert donorsite(project, "check").returncode == 0
    build = build_site(project, tmp_path / "site")
    assert build.succeeded, build.log
    assert (tmp_path / "site" / "vi" / "campaigns" / "2027-hai-phong-drive" / "index.html").is_file()


def test_copied_campaign_gets_new_id_and_dates(project_copy: Callable[[], Path]) -> None:
    project = project_copy()
    result = donorsite(project, "new", "2023-duong-kinh-donation-day", "--copy", "2022-duong-kinh-donation-day", "--date", "2023-11-02")
    assert result.returncode == 0, result.stderr
    document, problems = read_yaml_file(project / "campaigns" / "2023-duong-kinh-donation-day.yaml", "copy")
    assert document is not None and problems == []
    assert document.data["events"][0]["date"] == "2023-11-02"
    assert document.data["year"] == 2023 and document.data["status"] == "planned"
    assert "results" not in document.data
    assert donorsite(project, "check").returncode == 0


def test_new_refuses_a_taken_or_invalid_id(project_copy: Callable[[], Path]) -> None:
    project = project_copy()
    taken = donorsite(project, "new", "2022-duong-kinh-donation-day", "--kind", "blood-drive", "--date", "2027-01-01")
    assert taken.returncode == 1 and "already exists" in taken.stderr
    invalid = donorsite(project, "new", "Bad Id", "--kind", "blood-drive", "--date", "2027-01-01")
    assert invalid.returncode == 1 and "not a valid campaign id" in invalid.stderr


def _localized_texts(value: Any) -> list[dict[str, str]]:
    """Every per-locale text in raw YAML data, found independently of the model."""
    if isinstance(value, dict):
        if value and set(value) <= set(LOCALE_CODES):
            return [value]
        return [text for item in value.values() for text in _localized_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _localized_texts(item)]
    return []


def _expected_cell(texts: list[dict[str, str]], code: str) -> str:
    missing = [text for text in texts if code not in text]
    counterpart = {"zh-Hant": "zh-Hans", "zh-Hans": "zh-Hant"}.get(code)
    automatic = sum(1 for text in missing if counterpart in text)
    if not missing:
        return "complete"
    return f"{len(missing)} missing ({automatic} auto)" if automatic else f"{len(missing)} missing"


def test_translation_table_is_correct_for_the_samples() -> None:
    result = donorsite(ROOT, "translations")
    assert result.returncode == 0, result.stderr
    header, *lines = result.stdout.splitlines()
    assert re.split(r"\s{2,}", header.strip()) == ["file", *LOCALE_CODES]
    rows = {cells[0]: cells[1:] for cells in (re.split(r"\s{2,}", line.strip()) for line in lines)}
    paths = [*sorted((ROOT / "campaigns").glob("*.yaml")), ROOT / "slogans.yaml", ROOT / "sites.yaml", ROOT / "supply.yaml"]
    assert len(rows) == len(paths)
    for path in paths:
        document, _ = read_yaml_file(path, path.name)
        assert document is not None
        texts = _localized_texts(document.data)
        name = path.relative_to(ROOT).as_posix()
        assert rows[name] == [_expected_cell(texts, code) for code in LOCALE_CODES], name
    assert rows["campaigns/2022-duong-kinh-donation-day.yaml"] == ["complete"] * 4


def test_export_edit_import_fills_one_text_and_keeps_every_other_byte(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    target = project / "campaigns" / "2021-zhumadian-red-cross-report.yaml"
    before = target.read_text(encoding="utf-8")
    exported = donorsite(project, "translations", "--export", "vi")
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    title_row = next(row for row in rows if row["file"] == "campaigns/2021-zhumadian-red-cross-report.yaml" and row["field"] == "title")
    assert title_row["source_language"] == "zh-Hant" and title_row["source_text"]
    title_row["translation"] = "Số liệu hiến tặng năm 2021 của Hội Chữ thập đỏ Trú Mã Điếm"
    sheet = tmp_path / "vi.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    imported = donorsite(project, "translations", "--import", str(sheet))
    assert imported.returncode == 0, imported.stderr
    after = target.read_text(encoding="utf-8")
    added = [line for line in after.splitlines(keepends=True) if line not in before.splitlines(keepends=True)]
    assert added == ['  vi: "Số liệu hiến tặng năm 2021 của Hội Chữ thập đỏ Trú Mã Điếm"\n']
    assert after.replace(added[0], "", 1) == before
    others = [path for path in (project / "campaigns").glob("*.yaml") if path != target]
    assert all(path.read_bytes() == (ROOT / "campaigns" / path.name).read_bytes() for path in others)
    assert donorsite(project, "check").returncode == 0


def test_import_refuses_a_translation_that_would_break_the_file(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    target = project / "campaigns" / "2021-zhumadian-red-cross-report.yaml"
    before = target.read_bytes()
    sheet = tmp_path / "bad.csv"
    sheet.write_text(
        "file,field,locale,source_language,source_text,translation\n"
        "campaigns/2021-zhumadian-red-cross-report.yaml,title,vi,zh-Hant,x,<script>alert(1)</script>\n",
        encoding="utf-8",
    )
    result = donorsite(project, "translations", "--import", str(sheet))
    assert result.returncode == 1
    assert "title.vi: HTML tags are not allowed" in result.stderr
    assert target.read_bytes() == before
