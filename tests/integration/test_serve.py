"""`mkdocs serve` follows the editor: YAML errors are reported, the server stays up, files come and go."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from conftest import BUILD_DATE, build_environment, real_clock

DRIVE = "2022-duong-kinh-donation-day"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


Served = tuple[Path, str, Path, subprocess.Popen[bytes]]


@pytest.fixture
def served(project_copy: Callable[[], Path], tmp_path: Path) -> Iterator[Served]:
    yield from _serve(project_copy(), tmp_path, {})


@pytest.fixture
def served_with_worker(project_copy: Callable[[], Path], tmp_path: Path) -> Iterator[Served]:
    yield from _serve(project_copy(), tmp_path, {"DONORSITE_WORKER": "on"})


def _serve(project: Path, tmp_path: Path, environment: dict[str, str], command: list[str] | None = None) -> Iterator[Served]:
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [*(command or [sys.executable, "-m", "mkdocs", "serve"]), "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=real_clock({**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment}),
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            assert _wait_for(lambda: _status(base + "en/") == 200), log.read_text()
            yield project, base, log, process
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_yaml_error_is_reported_and_the_server_keeps_running(served: Served) -> None:
    project, base, log, process = served
    target = project / "campaigns" / f"{DRIVE}.yaml"
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("status: confirmed", "status: complete"), encoding="utf-8")
    assert _wait_for(lambda: "status: 'complete' is not one of" in log.read_text()), log.read_text()
    assert f"campaigns/{DRIVE}.yaml:6:9:" in log.read_text()
    assert "Traceback" not in log.read_text()
    # MkDocs holds requests while the build is broken; the server itself stays up.
    assert process.poll() is None
    target.write_text(original, encoding="utf-8")
    assert _wait_for(lambda: _status(base + f"en/campaigns/{DRIVE}/") == 200), log.read_text()


def test_new_and_deleted_campaigns_appear_and_disappear(served: Served) -> None:
    project, base, log, _ = served
    source = project / "campaigns" / f"{DRIVE}.yaml"
    copy = project / "campaigns" / "2023-duong-kinh-donation-day.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert _wait_for(lambda: _status(base + "vi/campaigns/2023-duong-kinh-donation-day/") == 200), log.read_text()
    copy.unlink()
    assert _wait_for(lambda: _status(base + "vi/campaigns/2023-duong-kinh-donation-day/") == 404), log.read_text()


def descendants(pid: int) -> set[int]:
    """The ids of every process below ``pid``, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie, waiting to be reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_broken_and_a_fixed_save_leave_no_worker_behind(served_with_worker: Served) -> None:
    project, base, log, process = served_with_worker
    target = project / "campaigns" / f"{DRIVE}.yaml"
    original = target.read_text(encoding="utf-8")
    seen: set[int] = set()
    target.write_text(original.replace("status: confirmed", "status: complete"), encoding="utf-8")
    assert _wait_for(lambda: bool(seen.update(descendants(process.pid))) or "status: 'complete' is not one of" in log.read_text())
    target.write_text(original.replace("Dương Kinh", "Dương Kinh (sửa)"), encoding="utf-8")
    assert _wait_for(lambda: bool(seen.update(descendants(process.pid))) or "(sửa)" in _page(base + f"vi/campaigns/{DRIVE}/"))
    # Each rebuild's worker ran (and was seen), then ended with its build.
    assert seen, "no worker process was started"
    assert _wait_for(lambda: not descendants(process.pid), 10), descendants(process.pid)
    assert "Traceback" not in log.read_text()
    process.terminate()
    process.wait(timeout=30)
    assert not [pid for pid in seen if _alive(pid)]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def test_a_change_to_supply_yaml_rebuilds(served: Served) -> None:
    project, base, log, _ = served
    supply = project / "supply.yaml"
    supply.write_text(supply.read_text(encoding="utf-8").replace("苏州市中心血站", "苏州市中心血站（新址）", 1), encoding="utf-8")
    assert _wait_for(lambda: "（新址）" in _page(base + "zh-hans/supply/")), log.read_text()


def _preview_build(project: Path, site_dir: Path, *, dirty: bool, start: bool) -> None:
    """One rebuild as `mkdocs serve [--dirty]` runs it, in this process (``start``: the server's first build)."""
    with build_environment({"NO_MKDOCS_2_WARNING": "1", "DONORSITE_TODAY": BUILD_DATE.isoformat()}):
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        if start:
            config.plugins.on_startup(command="serve", dirty=dirty)
        config.site_url = "http://127.0.0.1:8000/"
        mkdocs_build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)


def _files(site_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(site_dir).as_posix(): path.read_bytes() for path in site_dir.rglob("*") if path.is_file()}


def test_a_dirty_rebuild_after_edits_writes_what_a_clean_build_writes(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    """`serve --dirty` rebuilds only what the saves touched, and its site is the one a clean build of the same files makes."""
    project = project_copy()
    dirty, clean = tmp_path / "dirty", tmp_path / "clean"
    _preview_build(project, dirty, dirty=True, start=True)
    target = project / "campaigns" / f"{DRIVE}.yaml"
    edited = target.read_text(encoding="utf-8").replace("blood donation day 2022", "blood donation day (edited)")
    target.write_text(edited, encoding="utf-8")
    (project / "campaigns" / "2023-duong-kinh-donation-day.yaml").write_text(target.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "campaigns" / "wbdd-jiayuguan-summary.yaml").unlink()
    before = {path: path.stat().st_mtime_ns for path in dirty.rglob("*.html")}
    _preview_build(project, dirty, dirty=True, start=False)
    rewritten = {path for path, stamp in before.items() if path.exists() and path.stat().st_mtime_ns != stamp}
    # Only the pages the edits touch were made again (the edited campaign's, listings, homes, archives, menus' pages).
    assert dirty / "en" / f"campaigns/{DRIVE}/index.html" in rewritten
    assert dirty / "en" / "campaigns" / "wbdd-lincang-night-ride" / "index.html" not in rewritten
    assert len(rewritten) < len(before) / 2, f"{len(rewritten)} of {len(before)} pages made again"
    assert not (dirty / "en" / "campaigns" / "wbdd-jiayuguan-summary").exists()
    _preview_build(project, clean, dirty=False, start=True)
    made, expected = _files(dirty), _files(clean)
    assert sorted(made.keys() ^ expected.keys()) == []
    assert [path for path in expected if made[path] != expected[path]] == []
    assert "blood donation day (edited)" in made[f"en/campaigns/{DRIVE}/index.html"].decode()


# The preview command of the README: only what a save touches is rebuilt.
PREVIEW = [sys.executable, "-m", "properdocs", "serve", "--dirty", "-f", "mkdocs.yml"]
WINTER_DRIVE = "2026-12-sujin-winter-drive"


@pytest.fixture
def previewed(project_copy: Callable[[], Path], tmp_path: Path) -> Iterator[Served]:
    """The README's preview command on a copy of the project, the whole site, as of the tests' build date."""
    yield from _serve(project_copy(), tmp_path, {"DONORSITE_TODAY": BUILD_DATE.isoformat()}, PREVIEW)


def test_a_saved_title_shows_on_its_page_the_listing_and_the_home(previewed: Served) -> None:
    project, base, log, _ = previewed
    target = project / "campaigns" / f"{WINTER_DRIVE}.yaml"
    assert "Sujin Subdistrict winter blood drive" in _page(base + "en/")
    renamed = target.read_text(encoding="utf-8").replace("en: Sujin Subdistrict winter", "en: Sujin renamed winter", 1)
    target.write_text(renamed, encoding="utf-8")
    assert _wait_for(lambda: "Sujin renamed winter blood drive" in _page(base + f"en/campaigns/{WINTER_DRIVE}/")), log.read_text()
    for address in ("en/campaigns/", "en/", "api/events.json", "en/feed.xml", "en/calendar.ics"):
        assert "Sujin renamed winter blood drive" in _page(base + address), address
    assert "Sujin Subdistrict winter blood drive" not in _page(base + "en/campaigns/")
    # The other locales' pages of the campaign are rebuilt too; their own title did not change.
    assert "苏锦街道冬季献血日" in _page(base + f"zh-hans/campaigns/{WINTER_DRIVE}/")
    # Only what the save touches was rebuilt: the first build made every page, the save a few.
    counts = re.findall(r"donorsite: (\d+) of (\d+) pages to rebuild(.*)", log.read_text())
    assert counts[0][2] == ": the first build" and counts[-1][2] == "", counts
    assert int(counts[-1][0]) < int(counts[-1][1]) / 2, counts
    assert "Traceback" not in log.read_text()


def test_an_added_campaign_is_listed_and_a_deleted_one_is_gone(previewed: Served) -> None:
    project, base, log, _ = previewed
    source = project / "campaigns" / f"{DRIVE}.yaml"
    added = project / "campaigns" / "2023-duong-kinh-donation-day.yaml"
    added.write_text(source.read_text(encoding="utf-8").replace("donation day 2022", "donation day 2023 (added)"), encoding="utf-8")
    assert _wait_for(lambda: "donation day 2023 (added)" in _page(base + "en/campaigns/")), log.read_text()
    assert _status(base + "vi/campaigns/2023-duong-kinh-donation-day/") == 200
    source.unlink()
    assert _wait_for(lambda: _status(base + f"vi/campaigns/{DRIVE}/") == 404), log.read_text()
    assert f"campaigns/{DRIVE}/" not in _page(base + "vi/campaigns/")
    assert _status(base + f"vi/campaigns/{DRIVE}/qr.svg") == 404
    assert "Traceback" not in log.read_text()


def test_a_broken_save_shows_on_every_page_and_the_next_good_save_brings_the_site_back(previewed: Served) -> None:
    project, base, log, _ = previewed
    target = project / "campaigns" / f"{DRIVE}.yaml"
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("status: confirmed", "status: complete"), encoding="utf-8")
    problem = f"campaigns/{DRIVE}.yaml:6:9: status: &#x27;complete&#x27; is not one of"
    # Every address answers with the problems, the pages of the last good build included.
    assert _wait_for(lambda: problem in _page_or_error(base + f"en/campaigns/{DRIVE}/")), log.read_text()
    assert problem in _page_or_error(base + f"zh-hans/campaigns/{WINTER_DRIVE}/")
    target.write_text(original.replace("blood donation day 2022", "blood donation day (fixed)"), encoding="utf-8")
    assert _wait_for(lambda: "blood donation day (fixed)" in _page(base + f"en/campaigns/{DRIVE}/")), log.read_text()
    assert "Sujin Subdistrict winter blood drive" in _page(base + f"en/campaigns/{WINTER_DRIVE}/")
    assert "blood donation day (fixed)" in _page(base + "en/campaigns/")
    assert "Traceback" not in log.read_text()


def _page_or_error(url: str) -> str:
    """The text served at ``url``, an error page's included."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))
    except OSError:
        return ""
