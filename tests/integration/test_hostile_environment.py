"""The build environment and every command under hostile conditions (issue 27): links, export targets, concurrent updates.

* A symbolic link in any folder the build publishes or the export copies is
  refused by ``check``, the build and the export, and nothing it points to
  is published or exported.
* ``donorsite export`` refuses a target inside a copied folder, a linked or
  dangling target and one it may not write, in one line and without leaving
  anything behind.
* ``donorsite supply set`` run eight times at once keeps all eight values;
  it keeps a read-only or hard-linked file as it is and says why.
* The export shows the critical-supply banner wherever the hook build does
  (plain MkDocs and Zensical).
* Wrong environment variables and a machine without git give one clean line or a normal build.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, ZENSICAL_CLOCK, build_site, copy_project
from donorsite.cli import main
from test_bad_input import VALID

TODAY = "2026-06-01"
SECRET = "not-for-the-public-7f3a"
LINK_MESSAGE = "this is a symbolic link, and the build would publish the file it points to; put the file itself here"


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    for path in (project / "campaigns").iterdir():
        path.unlink()
    (project / "campaigns" / "drive.yaml").write_text(VALID, encoding="utf-8")
    return project


def run(arguments: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """``donorsite`` in this process as of the fixed day; exit status, standard output and error."""
    monkeypatch.setenv("DONORSITE_TODAY", TODAY)
    capsys.readouterr()
    try:
        status = main(arguments)
    except SystemExit as exit_:  # argparse's usage errors
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def published_text(folder: Path) -> str:
    """Every file under ``folder`` as text, to search for the secret."""
    return "\n".join(path.read_bytes().decode("utf-8", "replace") for path in folder.rglob("*") if path.is_file())


# --- Links in every folder the build and the export read -----------------------------------------------------


def _rename_docs(project: Path) -> str:
    (project / "docs").rename(project / "pages")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("strict: false", "strict: false\ndocs_dir: pages"), encoding="utf-8")
    return "pages"


def _rename_theme(project: Path) -> str:
    (project / "overrides").rename(project / "theme-files")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("custom_dir: overrides", "custom_dir: theme-files"), encoding="utf-8")
    return "theme-files"


LINKED_FOLDERS: list[tuple[str, Callable[[Path], str]]] = [
    ("docs", lambda project: "docs"),
    ("docs/assets", lambda project: "docs/assets"),
    ("overrides", lambda project: "overrides"),
    ("overrides/partials", lambda project: "overrides/partials"),
    ("overrides/assets (a new folder)", lambda project: "overrides/assets"),
    ("docs_dir named in mkdocs.yml", _rename_docs),
    ("custom_dir named in mkdocs.yml", _rename_theme),
]


@pytest.mark.parametrize(("name", "folder_of"), LINKED_FOLDERS, ids=[name for name, _ in LINKED_FOLDERS])
def test_a_link_in_any_published_folder_is_refused_by_check_build_and_export(
    name: str,
    folder_of: Callable[[Path], str],
    small_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    folder = folder_of(small_project)
    (small_project / folder).mkdir(parents=True, exist_ok=True)
    (small_project / folder / "x.txt").symlink_to(secret)
    expected = f"{folder}/x.txt:1:1: {LINK_MESSAGE}"
    status, out, _ = run(["check", "--root", str(small_project)], capsys, monkeypatch)
    assert status == 1 and expected in out.splitlines()
    result = build_site(small_project, tmp_path / "site", environment={"DONORSITE_TODAY": TODAY})
    assert not result.succeeded and expected in result.log.splitlines()
    assert not (tmp_path / "site").exists() or SECRET not in published_text(tmp_path / "site")
    status, _, err = run(["export", str(tmp_path / "export"), "--root", str(small_project)], capsys, monkeypatch)
    assert status == 1 and expected in err.splitlines()
    assert not (tmp_path / "export").exists()
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".export")] == []


def test_a_linked_theme_folder_is_refused(
    small_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside-partials"
    (small_project / "overrides" / "partials").rename(outside)
    (outside / "x.html").write_text(SECRET, encoding="utf-8")
    (small_project / "overrides" / "partials").symlink_to(outside, target_is_directory=True)
    status, out, _ = run(["check", "--root", str(small_project)], capsys, monkeypatch)
    assert status == 1 and f"overrides/partials:1:1: {LINK_MESSAGE}" in out.splitlines()


def test_an_export_holds_no_links_and_its_mkdocs_build_publishes_nothing_from_outside(
    small_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export"
    status, _, err = run(["export", str(target), "--root", str(small_project)], capsys, monkeypatch)
    assert status == 0, err
    assert [path for path in target.rglob("*") if path.is_symlink()] == []
    result = build_site(target, tmp_path / "export-site", environment={"DONORSITE_TODAY": TODAY})
    assert result.succeeded, result.log
    assert SECRET not in published_text(tmp_path / "export-site")


# --- Export targets -------------------------------------------------------------------------------------------


def _inside_docs(project: Path, tmp_path: Path) -> Path:
    return project / "docs" / "export"


def _inside_overrides(project: Path, tmp_path: Path) -> Path:
    return project / "overrides" / "export"


def _link_to_empty_folder(project: Path, tmp_path: Path) -> Path:
    (tmp_path / "empty").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "empty", target_is_directory=True)
    return tmp_path / "linked"


def _dangling_link(project: Path, tmp_path: Path) -> Path:
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    return tmp_path / "dangling"


def _under_a_file(project: Path, tmp_path: Path) -> Path:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    return tmp_path / "a-file" / "export"


def _unwritable_parent(project: Path, tmp_path: Path) -> Path:
    # /sys refuses new folders even to root, where a chmod 555 folder would not.
    return Path("/sys/donorsite-export")


EXPORT_TARGETS: list[tuple[str, Callable[[Path, Path], Path], str]] = [
    ("inside docs/", _inside_docs, "the folder is inside docs/, which the export copies (into itself); choose a folder outside docs/"),
    ("inside overrides/", _inside_overrides, "the folder is inside overrides/, which the export copies (into itself)"),
    ("a link to an empty folder", _link_to_empty_folder, "this is a symbolic link; choose a new folder"),
    ("a dangling link", _dangling_link, "this is a symbolic link; choose a new folder"),
    ("under a regular file", _under_a_file, "cannot create the folder"),
    ("a parent that is not writable", _unwritable_parent, "cannot create the folder"),
]


@pytest.mark.parametrize(("name", "target_of", "message"), EXPORT_TARGETS, ids=[name for name, _, _ in EXPORT_TARGETS])
def test_export_refuses_a_bad_target_in_one_line(
    name: str,
    target_of: Callable[[Path, Path], Path],
    message: str,
    small_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if name == "a parent that is not writable" and not Path("/sys").is_dir():
        pytest.skip("no /sys on this system")
    target = target_of(small_project, tmp_path)
    before = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*"))
    status, _, err = run(["export", str(target), "--root", str(small_project)], capsys, monkeypatch)
    assert status == 1
    assert err.splitlines() == [err.splitlines()[0]] and err.startswith(f"error: {target}: ") and message in err, err
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*")) == before


# --- supply set -----------------------------------------------------------------------------------------------


def supply_project(tmp_path: Path, text: str | None = None) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "supply.yaml").write_text(text if text is not None else (ROOT / "supply.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_eight_concurrent_supply_set_runs_keep_all_eight_values(tmp_path: Path) -> None:
    root = supply_project(tmp_path)
    values = {"O+": "1.25", "O-": "2.25", "A+": "3.25", "A-": "4.25", "B+": "5.25", "B-": "6.25", "AB+": "7.25", "AB-": "8.25"}
    environment = {**os.environ, "DONORSITE_TODAY": TODAY}
    command = [sys.executable, "-m", "donorsite.cli", "supply", "set"]
    runs = [
        subprocess.Popen(
            [*command, blood_type, level, "--root", str(root)], env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for blood_type, level in values.items()
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0] * 8, outputs
    text = (root / "supply.yaml").read_text(encoding="utf-8")
    for blood_type, level in values.items():
        assert re.search(rf"^  {re.escape(blood_type)}: {re.escape(level)}$", text, re.M), (blood_type, text)
    assert sorted(path.name for path in root.iterdir()) == ["supply.yaml"]


def test_supply_set_fills_an_empty_levels_mapping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = re.sub(r"levels:\n(  .*\n)+", "levels: {}\n", (ROOT / "supply.yaml").read_text(encoding="utf-8"))
    root = supply_project(tmp_path, text)
    assert run(["check", "--root", str(root)], capsys, monkeypatch)[0] == 0
    assert run(["supply", "set", "O-", "critical", "--root", str(root)], capsys, monkeypatch)[0] == 0
    assert run(["supply", "set", "A+", "4.5", "--root", str(root)], capsys, monkeypatch)[0] == 0
    assert "levels: {O-: critical, A+: 4.5}\n" in (root / "supply.yaml").read_text(encoding="utf-8")
    assert run(["check", "--root", str(root)], capsys, monkeypatch)[0] == 0


def test_supply_set_keeps_a_read_only_file_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = supply_project(tmp_path)
    path = root / "supply.yaml"
    before = path.read_bytes()
    path.chmod(0o444)
    status, _, err = run(["supply", "set", "O-", "low", "--root", str(root)], capsys, monkeypatch)
    assert status == 1
    assert err == (
        "error: supply.yaml is read-only (mode 0444); make it writable (chmod u+w supply.yaml) if its figures should change; "
        "nothing was changed\n"
    )
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_supply_set_keeps_a_hard_linked_file_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = supply_project(tmp_path)
    path = root / "supply.yaml"
    os.link(path, tmp_path / "published-copy.yaml")
    status, _, err = run(["supply", "set", "O-", "low", "--root", str(root)], capsys, monkeypatch)
    assert status == 1 and "supply.yaml has 2 names (hard links)" in err and err.endswith("nothing was changed\n")
    assert path.stat().st_ino == (tmp_path / "published-copy.yaml").stat().st_ino


SUPPLY_SET_REFUSALS = [
    ("a level with a final newline", None, ["O+", "5\n"], "error: '5\\n' is not a level; write days of stock"),
    ("a folder named supply.yaml", "folder", ["O+", "5"], "is a folder, not a file"),
    ("an empty level in the file", "  O+: 8.5\n", ["O-", "5"], "supply.yaml:22:6: levels.O+: the level of O+ is empty"),
]


@pytest.mark.parametrize(("name", "change", "arguments", "message"), SUPPLY_SET_REFUSALS, ids=[case[0] for case in SUPPLY_SET_REFUSALS])
def test_supply_set_refuses_in_one_clear_message(
    name: str,
    change: str | None,
    arguments: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = supply_project(tmp_path)
    if change == "folder":
        (root / "supply.yaml").unlink()
        (root / "supply.yaml").mkdir()
    elif change:
        path = root / "supply.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(change, "  O+:\n"), encoding="utf-8")
    status, _, err = run(["supply", "set", *arguments, "--root", str(root)], capsys, monkeypatch)
    assert status == 1 and message in err, err


# --- The export carries the supply banner ---------------------------------------------------------------------

BANNER = re.compile(r'<strong class="supply-banner__alert">(.*?)</strong>', re.S)


def banners(site: Path) -> dict[str, str]:
    """The banner's alert text on each page of ``site``, by path."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        match = BANNER.search(page.read_text(encoding="utf-8"))
        if match:
            found[page.relative_to(site).as_posix()] = match.group(1)
    return found


def test_the_export_shows_the_supply_banner_wherever_the_hook_build_does(
    small_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    environment = {"DONORSITE_TODAY": TODAY}
    hooks = build_site(small_project, tmp_path / "hooks-site", environment=environment)
    assert hooks.succeeded, hooks.log
    expected = banners(tmp_path / "hooks-site")
    assert "vi/index.html" in expected and "en/supply/index.html" in expected, "the sample's O- is critical"
    assert run(["export", str(tmp_path / "export"), "--root", str(small_project)], capsys, monkeypatch)[0] == 0
    plain = build_site(tmp_path / "export", tmp_path / "export-site", environment=environment)
    assert plain.succeeded, plain.log
    zensical = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(tmp_path / "export" / "mkdocs.yml")],
        cwd=tmp_path / "export",
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **environment, **ZENSICAL_CLOCK},
    )
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    for engine, site in (("mkdocs", tmp_path / "export-site"), ("zensical", tmp_path / "export" / "site")):
        shown = banners(site)
        common = {path: text for path, text in expected.items() if (site / path).exists()}
        assert len(common) > len(expected) / 2, (engine, sorted(expected), sorted(shown))
        assert {path: shown.get(path) for path in common} == common, engine
        # A missing page concerns no centre: no banner there, in the hook build or the export.
        assert "404.html" not in shown and "404.html" not in expected, engine


# --- Environment variables and a machine without git ----------------------------------------------------------

ENVIRONMENTS = [
    (
        "build date that is not a date",
        {"DONORSITE_TODAY": "31/12/2026"},
        "DONORSITE_TODAY: '31/12/2026' is not a date; write it as YYYY-MM-DD",
    ),
    ("year that is not a year", {"DONORSITE_YEARS": "20x2"}, "DONORSITE_YEARS: 20x2 is not a year; write years like 2022,2023"),
    ("campaign id with a newline", {"DONORSITE_CAMPAIGNS": "drive\nx"}, "DONORSITE_CAMPAIGNS: 'drive\\nx' is not a valid campaign id"),
    ("worker choice that is no choice", {"DONORSITE_WORKER": "maybe"}, "DONORSITE_WORKER: 'maybe' is not a choice; write on, off or auto"),
    ("no git on the PATH", {"PATH": "/nonexistent"}, "git is not installed (not found on the PATH)"),
    ("a far time zone and the C locale", {"TZ": "Pacific/Kiritimati", "LANG": "C", "LC_ALL": "C"}, None),
]


@pytest.mark.parametrize(("name", "variables", "message"), ENVIRONMENTS, ids=[case[0] for case in ENVIRONMENTS])
def test_the_build_environment_gives_one_clean_line_or_a_normal_build(
    name: str, variables: dict[str, str], message: str | None, small_project: Path, tmp_path: Path
) -> None:
    if "PATH" in variables:
        # A git checkout built (strictly) where git is missing: one clear warning that fails --strict, not a traceback.
        git = ["git", "-C", str(small_project), "-c", "user.name=t", "-c", "user.email=t@example.org"]
        for arguments in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "sample"]):
            subprocess.run([*git, *arguments], check=True, capture_output=True)
    result = build_site(small_project, tmp_path / "site", environment={"DONORSITE_TODAY": TODAY, **variables})
    if message is None:
        assert result.succeeded, result.log
        assert (tmp_path / "site" / "vi" / "campaigns" / "drive" / "index.html").is_file()
    else:
        assert not result.succeeded and message in result.log, result.log
        assert "Traceback" not in result.log


# --- Every command, given what a user can type ----------------------------------------------------------------

COMMANDS = [
    (
        "new with an id ending in a newline",
        ["new", "nl\n", "--kind", "blood-drive", "--date", "2027-01-01"],
        "'nl\\n' is not a valid campaign id",
    ),
    (
        "new copying an id ending in a newline",
        ["new", "x", "--copy", "nl\n", "--date", "2027-01-01"],
        "--copy: 'nl\\n' is not a valid campaign id",
    ),
    ("new with a Windows device name", ["new", "con", "--kind", "blood-drive", "--date", "2027-01-01"], "Windows reserves"),
    ("new with an unknown kind", ["new", "x", "--kind", "nonsense", "--date", "2027-01-01"], "invalid choice: 'nonsense'"),
    ("translations importing an empty sheet", ["translations", "--import", "/dev/null"], "the sheet is empty"),
    ("translations importing a folder", ["translations", "--import", "/tmp"], "cannot read /tmp"),
    ("translations for an unknown locale", ["translations", "--export", "xx"], "invalid choice: 'xx'"),
    ("supply set with an unknown type", ["supply", "set", "Z+", "5"], "'Z+' is not a blood type"),
    ("supply set with a huge number", ["supply", "set", "O+", "1e400"], "'1e400' is not a level"),
    ("supply set with a negative number", ["supply", "set", "O+", "-1"], "'-1' is not a level"),
    ("supply without an action", ["supply"], "the following arguments are required"),
    ("export to an empty name", ["export", ""], "the folder exists and is not empty"),
    ("check of a folder that does not exist", ["check", "--root", "/nonexistent"], "--root: /nonexistent is not a folder"),
    ("check of a file", ["check", "--root", "/etc/hostname"], "--root: /etc/hostname is not a folder"),
    ("schema into a folder it cannot write", ["schema", "--root", "/proc"], "cannot write /proc/schemas"),
]


@pytest.mark.parametrize(("name", "arguments", "message"), COMMANDS, ids=[case[0] for case in COMMANDS])
def test_every_command_refuses_what_a_user_can_type_without_a_traceback(
    name: str, arguments: list[str], message: str, small_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(small_project)
    before = sorted(path.relative_to(small_project).as_posix() for path in small_project.rglob("*"))
    status, _, err = run(arguments, capsys, monkeypatch)
    assert status in (1, 2) and message in err, err
    assert sorted(path.relative_to(small_project).as_posix() for path in small_project.rglob("*")) == before


# --- Odd files: a named pipe where a content file or a published file should be -------------------------------


@pytest.mark.parametrize("place", ["supply.yaml", "sites.yaml", "slogans.yaml", "docs/assets/pipe.css", "overrides/pipe.html"])
def test_a_named_pipe_is_refused_without_waiting_for_it(place: str, small_project: Path) -> None:
    (small_project / place).unlink(missing_ok=True)
    os.mkfifo(small_project / place)
    environment = {**os.environ, "DONORSITE_TODAY": TODAY}
    result = subprocess.run(
        [sys.executable, "-m", "donorsite.cli", "check", "--root", str(small_project)],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith(f"{place}:1:1: this is not a regular file")], result.stdout


BROKEN_CONFIGS = [
    ("YAML syntax error", b"site_name: x\nsite_url: [\n", "mkdocs.yml:3:1: YAML syntax error: expected the node content"),
    ("not UTF-8", b"\xff\xfe", "mkdocs.yml: the file is not UTF-8 text; save it again with the UTF-8 encoding"),
    ("not a mapping", b"- a\n- b\n", "mkdocs.yml: the file is not a mapping of settings"),
]


@pytest.mark.parametrize(("name", "data", "message"), BROKEN_CONFIGS, ids=[case[0] for case in BROKEN_CONFIGS])
def test_a_broken_mkdocs_yml_is_one_line_for_check_and_export(
    name: str,
    data: bytes,
    message: str,
    small_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (small_project / "mkdocs.yml").write_bytes(data)
    status, out, _ = run(["check", "--root", str(small_project)], capsys, monkeypatch)
    assert status == 1 and f"{small_project}/{message}" in out.splitlines()[0], out
    status, _, err = run(["export", str(tmp_path / "export"), "--root", str(small_project)], capsys, monkeypatch)
    assert status == 1 and err.startswith(f"error: {small_project}/{message}"), err
