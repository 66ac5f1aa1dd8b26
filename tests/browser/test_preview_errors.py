"""A broken save shows in the browser under `serve` (issue 26): the page being previewed names the file, line and fix, then recovers.

Before, a failed rebuild left the browser's request waiting with no answer
(the server "appears stuck until build errors are resolved"); an editor lost
minutes not knowing why. `mkdocs build` still fails on the same mistake.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import needs_chromium, real_clock, run_mkdocs_build
from test_serve import DRIVE, _free_port, _status, _wait_for

ENGINE = [sys.executable, "-m", "properdocs"]


@pytest.fixture
def previewing(project_copy: Callable[[], Path], tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """`properdocs serve` on a copy of the project, previewing one campaign (DONORSITE_CAMPAIGNS), as an editor does."""
    project = project_copy()
    port = _free_port()
    log = tmp_path / "serve.log"
    environment = real_clock({**os.environ, "NO_MKDOCS_2_WARNING": "1", "DONORSITE_CAMPAIGNS": DRIVE, "DONORSITE_TODAY": "2026-11-29"})
    with log.open("w") as output:
        process = subprocess.Popen(
            [*ENGINE, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, stdout=output, stderr=subprocess.STDOUT, env=environment
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            assert _wait_for(lambda: _status(base + f"vi/campaigns/{DRIVE}/") == 200, 120), log.read_text()
            yield project, base, log
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_for_text(page: Any, text: str, seconds: float) -> float:
    """Seconds until the page's text holds ``text`` (the page reloads by itself); fails after ``seconds``."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if text in page.inner_text("body"):
                return time.monotonic() - start
        except Exception:  # noqa: BLE001 - the page is between two loads
            pass
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not shown within {seconds} s; the page says:\n{page.inner_text('body')[:2000]}")


@needs_chromium
def test_a_broken_save_shows_in_the_preview_and_the_next_good_save_brings_it_back(
    previewing: tuple[Path, str, Path], browser: Any
) -> None:
    project, base, log = previewing
    target = project / "campaigns" / f"{DRIVE}.yaml"
    original = target.read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(base + f"vi/campaigns/{DRIVE}/")
    title = page.title()
    target.write_text(original.replace("status: confirmed", "status: complete"), encoding="utf-8")
    shown = _wait_for_text(page, f"campaigns/{DRIVE}.yaml:6:9: status: 'complete' is not one of", 10)
    # The file, line and fix, in the page the editor was looking at, within 2 s of the save (1.4-1.6 s measured
    # here with the machine otherwise busy). The rebuild competes for the cores: when other work keeps them
    # busy (load above the number of cores), the bound grows with the load, up to 5 s.
    busy = max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))
    assert shown < min(2.0 * busy, 5.0), f"{shown:.1f} s at load {os.getloadavg()[0]:.1f}"
    assert "Traceback" not in log.read_text()
    target.write_text(original, encoding="utf-8")
    _wait_for_text(page, title.split(" - ")[0], 30)
    assert page.title() == title
    page.close()


def test_the_build_still_fails_on_the_same_mistake(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    target = project / "campaigns" / f"{DRIVE}.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("status: confirmed", "status: complete"), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1 and f"campaigns/{DRIVE}.yaml:6:9" in result.stdout + result.stderr
