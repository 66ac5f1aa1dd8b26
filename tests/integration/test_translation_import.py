"""Translation import: all or nothing under failing disks, and safe for any sheet a translator could send.

The failure tests run the real command as a subprocess and make the
operating system fail underneath it: a full disk (a small tmpfs), or an
error injected with strace into one rename or one fsync. The property test
feeds the importer arbitrary CSV text against copies of the sample
campaigns.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from donorsite.content.loading import collect_content
from donorsite.core.locales import LOCALE_CODES
from donorsite.editing.safe_write import WriteError
from donorsite.editing.translation_import import import_translations
from donorsite.editing.translation_sheet import FORMULA_STARTS, SheetError, guard_formula, unguard_formula
from donorsite.editing.translations import export_missing, load_slots
from donorsite.reading.yaml_reader import read_yaml_text

ROOT = Path(__file__).resolve().parents[2]
HEADER = "file,field,locale,source_language,source_text,translation\r\n"
SAMPLE_FILES = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "campaigns").glob("*.yaml")) + ["slogans.yaml"]


def copy_content(destination: Path) -> Path:
    """The sample campaigns, slogans and pictures (all an import and a check need) under ``destination``."""
    (destination / "campaigns").mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "images", destination / "docs" / "images")
    for name in SAMPLE_FILES:
        shutil.copy2(ROOT / name, destination / name)
    return destination


def snapshot(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def two_file_sheet() -> str:
    """Filled-in rows for two campaign files and the slogans, in the order they are written."""
    return (
        HEADER
        + "campaigns/2021-zhumadian-red-cross-report.yaml,title,vi,zh-Hant,x,Số liệu hiến tặng năm 2021\r\n"
        + "campaigns/2022-changshu-annual-report.yaml,title,vi,zh-Hant,x,Báo cáo hiến máu Thường Thục 2022\r\n"
        + "slogans.yaml,slogans[0].text,zh-Hant,zh-Hans,x,十分鐘的等待\r\n"
    )


def run_import(root: Path, sheet: Path, *wrapper: str) -> subprocess.CompletedProcess[str]:
    command = [*wrapper, sys.executable, "-m", "donorsite.cli", "translations", "--import", str(sheet), "--root", str(root)]
    # No .pyc is written, so the only renames and fsyncs of the process are the import's own.
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=environment)


def test_the_sheet_imports_when_nothing_fails(tmp_path: Path) -> None:
    """The control for the failure tests: the same sheet changes the three files."""
    root = copy_content(tmp_path / "site")
    before = snapshot(root)
    (tmp_path / "vi.csv").write_text(two_file_sheet(), encoding="utf-8")
    result = run_import(root, tmp_path / "vi.csv")
    assert result.returncode == 0, result.stderr
    changed = {name for name, data in snapshot(root).items() if before.get(name) != data}
    assert changed == {"campaigns/2021-zhumadian-red-cross-report.yaml", "campaigns/2022-changshu-annual-report.yaml", "slogans.yaml"}


needs_strace = pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")


@needs_strace
def test_a_failing_replace_of_a_later_file_puts_back_the_earlier_ones(tmp_path: Path) -> None:
    """The second of three renames fails: the first file is put back, no temporary file is left."""
    root = copy_content(tmp_path / "site")
    before = snapshot(root)
    (tmp_path / "vi.csv").write_text(two_file_sheet(), encoding="utf-8")
    trace = tmp_path / "trace"
    strace = ["strace", "-f", "-qq", "-o", str(trace), "-e", "trace=rename,renameat,renameat2"]
    result = run_import(root, tmp_path / "vi.csv", *strace, "-e", "inject=rename,renameat,renameat2:error=EIO:when=2")
    renames = trace.read_text(encoding="utf-8")
    assert "(INJECTED)" in renames and "zhumadian" in renames.split("INJECTED")[0], renames
    assert result.returncode == 1
    assert result.stderr == "error: cannot replace campaigns/2022-changshu-annual-report.yaml: Input/output error; nothing was changed\n"
    assert snapshot(root) == before


@needs_strace
def test_a_failing_flush_to_disk_changes_nothing(tmp_path: Path) -> None:
    """The disk reports itself full when the second new file is flushed, before any file is replaced."""
    root = copy_content(tmp_path / "site")
    before = snapshot(root)
    (tmp_path / "vi.csv").write_text(two_file_sheet(), encoding="utf-8")
    result = run_import(root, tmp_path / "vi.csv", "strace", "-f", "-qq", "-o", "/dev/null", "-e", "inject=fsync:error=ENOSPC:when=2")
    assert result.returncode == 1
    assert result.stderr == "error: cannot write campaigns/2022-changshu-annual-report.yaml: No space left on device; nothing was changed\n"
    assert snapshot(root) == before


@needs_strace
def test_a_killed_import_leaves_every_file_whole(tmp_path: Path) -> None:
    """SIGKILL at the second rename cannot be undone; still each file is either its old or its new text, and check passes."""
    done = copy_content(tmp_path / "done")
    (tmp_path / "vi.csv").write_text(two_file_sheet(), encoding="utf-8")
    assert run_import(done, tmp_path / "vi.csv").returncode == 0
    root = copy_content(tmp_path / "site")
    before, after = snapshot(root), snapshot(done)
    result = run_import(root, tmp_path / "vi.csv", "strace", "-f", "-qq", "-o", "/dev/null", "-e", "inject=rename:signal=SIGKILL:when=2")
    assert result.returncode != 0
    now = snapshot(root)
    whole = {name: data for name, data in now.items() if not Path(name).name.startswith(".")}
    assert set(whole) == set(before)
    assert all(data in (before[name], after[name]) for name, data in whole.items())
    assert whole != before and whole != after, "the kill came between two renames"
    leftovers = sorted(Path(name).name for name in set(now) - set(whole))
    assert all(re.fullmatch(r"\.[\w.-]+\.yaml\.(\w+\.tmp|\d+-\d+\.orig)", name) for name in leftovers), leftovers
    assert collect_content(root).problems == ()


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``folder`` (needs root), unmounted afterwards."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(folder: Path) -> None:
    """Write until the disk holding ``folder`` is full."""
    with (folder / "filler").open("wb", buffering=0) as stream:
        try:
            while True:
                stream.write(b"\0" * 512)
        except OSError:
            pass
    assert shutil.disk_usage(folder).free < 8192


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small disk needs root")
def test_a_full_disk_changes_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "1m") as disk:
        root = copy_content(disk / "site")
        before = snapshot(root)
        (tmp_path / "vi.csv").write_text(two_file_sheet(), encoding="utf-8")
        fill(disk)
        result = run_import(root, tmp_path / "vi.csv")
        assert result.returncode == 1
        assert (
            result.stderr
            == "error: cannot write campaigns/2021-zhumadian-red-cross-report.yaml: No space left on device; nothing was changed\n"
        )
        assert snapshot(root) == before


def test_export_neutralises_formulas_and_import_brings_them_back(tmp_path: Path) -> None:
    root = copy_content(tmp_path / "site")
    target = root / "campaigns" / "2021-zhumadian-red-cross-report.yaml"
    text = target.read_text(encoding="utf-8")
    formula = '=HYPERLINK("https://evil.example","Bấm")'
    text = text.replace("  zh-Hant: 駐馬店市紅十字會2021年捐贈工作數據", f"  zh-Hant: '{formula}'")
    target.write_text(text, encoding="utf-8")
    exported = export_missing(load_slots(root), "vi")
    rows = list(csv.reader(io.StringIO(exported)))
    title = next(row for row in rows if row[0].endswith("zhumadian-red-cross-report.yaml") and row[1] == "title")
    assert title[4] == "'" + formula
    for cell in (cell for row in rows for cell in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    title[5] = title[4]
    sheet = io.StringIO()
    csv.writer(sheet).writerows([rows[0], title])
    assert import_translations(root, sheet.getvalue().encode("utf-8"), "vi.csv") == ["campaigns/2021-zhumadian-red-cross-report.yaml"]
    document, _ = read_yaml_text(target.read_text(encoding="utf-8"), "x")
    assert document is not None and document.data["title"]["vi"] == formula


# --- Property: any sheet gives a clear error and no change, or valid files changed only in translations ---


def _text_slots() -> list[tuple[str, str, str]]:
    """(file, field, source language) of every text of the samples."""
    sheet = export_missing(load_slots(ROOT), "en") + export_missing(load_slots(ROOT), "vi")
    return sorted({(row[0], row[1], row[3]) for row in csv.reader(io.StringIO(sheet)) if row[0] != "file"})


SLOTS = _text_slots()
CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
# Text a translator would write: letters, marks, digits, punctuation, symbols and spaces of any script.
WRITTEN = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1, max_size=40)
NASTY = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "\r\n",
        '"',
        ",",
        "'",
        "'=1+1",
        "=cmd|' /C calc'!A0",
        "@SUM(1)",
        "-1",
        "<script>alert(1)</script>",
        "registration: https://evil.example/",
        "\nregistration: https://evil.example/",
        '"\nregistration: x\n#',
        "{a: 1}",
        "- x",
        "&a",
        "*a",
        "!!python/object:os.system",
        "\u202e",
        "\u200b",
        "\u2028",
        "\uffff",
        "\x00",
        "\x85",
        "campaigns/./",
        "../",
        "x" * 3000,
        "献血",
        "Đ",
    ]
)
PATHS = st.sampled_from(
    [
        *SAMPLE_FILES,
        "campaigns/./2022-duong-kinh-donation-day.yaml",
        "./campaigns/2021-zhumadian-red-cross-report.yaml",
        "campaigns//wbdd-lincang-night-ride.yaml",
        "campaigns/../slogans.yaml",
        "../campaigns/wbdd-lincang-night-ride.yaml",
        "/etc/passwd",
        "mkdocs.yml",
        "campaigns/NEW.yaml",
        "campaigns/wbdd-lincang-night-ride.YAML",
    ]
)
FIELDS = st.one_of(st.sampled_from([slot[1] for slot in SLOTS]), st.sampled_from(["registration", "title.vi", "events[9].title", ""]), CELL)
LOCALES = st.one_of(st.sampled_from([*LOCALE_CODES, "EN", "registration", ""]), CELL)


@st.composite
def sheet_rows(draw: st.DrawFn) -> list[list[str]]:
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        file, field, source = draw(st.sampled_from(SLOTS))
        row = [file, field, draw(st.sampled_from(LOCALE_CODES)), source, "x", draw(st.one_of(WRITTEN, WRITTEN, WRITTEN, CELL, NASTY))]
        for index, strategy in ((0, PATHS), (1, FIELDS), (2, LOCALES), (5, st.one_of(CELL, NASTY))):
            if draw(st.integers(0, 9)) == 0:
                row[index] = draw(strategy)
        if draw(st.integers(0, 20)) == 0:
            row = row[: draw(st.integers(0, 7))] + draw(st.lists(CELL, max_size=2))
        rows.append(row)
    return rows


@st.composite
def sheets(draw: st.DrawFn) -> bytes:
    header = ["file", "field", "locale", "source_language", "source_text", "translation"]
    if draw(st.integers(0, 8)) == 0:
        header = draw(st.permutations(header))
    if draw(st.integers(0, 15)) == 0:
        header = draw(st.lists(st.one_of(st.sampled_from(header), CELL), max_size=7))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(header)
    writer.writerows(draw(sheet_rows()))
    text = buffer.getvalue()
    if draw(st.integers(0, 12)) == 0:
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.one_of(NASTY, CELL)) + text[position:]
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "gb18030", "latin-1"]))
    return text.encode(encoding, errors="replace")


@st.composite
def well_formed_sheets(draw: st.DrawFn) -> bytes:
    """Sheets as a spreadsheet saves them: real files and fields, any written text, sometimes a wrong locale or a duplicate."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(["file", "field", "locale", "source_language", "source_text", "translation"])
    for _ in range(draw(st.integers(1, 8))):
        file, field, source = draw(st.sampled_from(SLOTS))
        translation = draw(st.one_of(WRITTEN, WRITTEN, NASTY))
        locales = [code for code in LOCALE_CODES if code != source or draw(st.integers(0, 10)) == 0]
        writer.writerow([file, field, draw(st.sampled_from(locales)), source, "x", translation])
    return buffer.getvalue().encode(draw(st.sampled_from(["utf-8", "utf-8-sig"])))


def _without_translations(value: Any, source: str) -> Any:
    """Raw YAML data with every non-source locale removed from localized texts, found without the model."""
    if isinstance(value, dict):
        if value and set(value) <= set(LOCALE_CODES):
            return {key: text for key, text in value.items() if key == source}
        return {key: _without_translations(item, source) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_translations(item, source) for item in value]
    return value


CODE = "|".join(map(re.escape, LOCALE_CODES))
TRANSLATION_LINE = re.compile(rf'^\s*({CODE}): ".*"(\r?\n)?$')


def assert_only_translations_changed(name: str, old: bytes, new: bytes) -> None:
    assert new.startswith(b"\xef\xbb\xbf") == old.startswith(b"\xef\xbb\xbf"), name
    old_text, new_text = old.decode("utf-8-sig"), new.decode("utf-8-sig")
    old_document, _ = read_yaml_text(old_text, name)
    new_document, problems = read_yaml_text(new_text, name)
    assert old_document is not None and new_document is not None and problems == [], name
    source = old_document.data["source_language"]
    assert new_document.data["source_language"] == source
    assert _without_translations(new_document.data, source) == _without_translations(old_document.data, source), name
    old_lines, new_lines = old_text.splitlines(keepends=True), new_text.splitlines(keepends=True)
    for tag, _, _, first, last in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if tag != "equal":
            for line in new_lines[first:last]:
                assert TRANSLATION_LINE.match(line) or re.search(rf'\{{.*({CODE}): ".*"\}}', line), (name, line)


BEFORE = {name: (ROOT / name).read_bytes() for name in [*SAMPLE_FILES, "docs/images/blood-drop.png"]}


def check_import_outcome(root: Path, data: bytes) -> None:
    """Either a clear error and every file as it was, or valid files that differ only in translations."""
    try:
        changed = import_translations(root, data, "vi.csv")
    except (SheetError, WriteError) as error:
        messages = error.messages if isinstance(error, SheetError) else [str(error)]
        assert messages
        for message in messages:
            assert re.match(r"^vi\.csv:\d+(, \d+)*: \S", message), message
        assert snapshot(root) == BEFORE
        return
    after = snapshot(root)
    assert sorted(name for name in BEFORE if after[name] != BEFORE[name]) == changed
    assert set(after) == set(BEFORE)
    for name in changed:
        assert_only_translations_changed(name, BEFORE[name], after[name])
    assert collect_content(root).problems == ()


@seed(20261129)
@settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(sheets())
def test_any_sheet_gives_a_clear_error_or_only_new_translations(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    check_import_outcome(copy_content(tmp_path_factory.mktemp("site")), data)


@seed(20261129)
@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(well_formed_sheets())
def test_well_formed_sheets_give_a_clear_error_or_only_new_translations(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    check_import_outcome(copy_content(tmp_path_factory.mktemp("site")), data)


@seed(20261129)
@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "＝", "a", "献", " "]), max_size=8) | CELL)
def test_formula_guard_round_trips_and_never_leaves_a_formula(text: str) -> None:
    guarded = guard_formula(text)
    assert unguard_formula(guarded) == text
    assert not guarded.startswith(FORMULA_STARTS)


def test_sites_and_supply_are_exported_and_imported_like_campaigns(tmp_path: Path) -> None:
    """`translations` covers the blood service's own files (issue 26): sites.yaml and supply.yaml."""
    root = copy_content(tmp_path / "site")
    for name in ("sites.yaml", "supply.yaml"):
        shutil.copy2(ROOT / name, root / name)
    # The appeal of supply.yaml is complete in the sample: take its English text out, as a new appeal would be.
    supply = (root / "supply.yaml").read_text(encoding="utf-8")
    document, _ = read_yaml_text(supply, "supply.yaml")
    assert document is not None
    start, end = document.value_spans[("appeal", "text", "en")]
    line_start = supply.rindex("\n", 0, start) + 1
    (root / "supply.yaml").write_text(supply[:line_start] + supply[end:].lstrip("\n"), encoding="utf-8")
    # Every site is written in all four locales in the sample: take one Vietnamese name out, as a new site would lack it.
    sites = (root / "sites.yaml").read_text(encoding="utf-8")
    document, _ = read_yaml_text(sites, "sites.yaml")
    assert document is not None
    start, end = document.value_spans[("centres", 0, "sites", 0, "name", "vi")]
    line_start = sites.rindex("\n", 0, start) + 1
    (root / "sites.yaml").write_text(sites[:line_start] + sites[end:].lstrip("\n"), encoding="utf-8")
    rows = list(csv.reader(io.StringIO(export_missing(load_slots(root), "en"))))
    assert ["supply.yaml", "appeal.text", "en"] in [row[:3] for row in rows]
    rows = list(csv.reader(io.StringIO(export_missing(load_slots(root), "vi"))))
    site_rows = [row for row in rows if row[0] == "sites.yaml"]
    assert site_rows, rows
    sheet = HEADER + f"{site_rows[0][0]},{site_rows[0][1]},vi,{site_rows[0][3]},x,Nhà hiến máu\r\n"
    sheet += "supply.yaml,appeal.text,en,zh-Hans,x,Type O is short: please give blood this week.\r\n"
    (tmp_path / "sheet.csv").write_text(sheet, encoding="utf-8")
    assert import_translations(root, sheet.encode("utf-8"), "sheet.csv") == ["sites.yaml", "supply.yaml"]
    assert "Type O is short" in (root / "supply.yaml").read_text(encoding="utf-8")
    assert not [slot for slot in load_slots(root) if slot.file == "supply.yaml" and slot.missing("en")]
