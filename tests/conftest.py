"""Shared fixtures: real builds of the site into temporary folders."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
# .ci/run installs Debian's chromium; elsewhere CHROMIUM_PATH names another Chromium-based browser.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium: run bash .ci/run or set CHROMIUM_PATH")
SITE_PARTS = ("mkdocs.yml", "hooks", "overrides", "docs", "campaigns", "slogans.yaml")


def run_mkdocs_build(project: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` as a user would; return the finished process."""
    command = [*MKDOCS, "build", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, cwd=project, env=environment, timeout=600)


def copy_project(destination: Path) -> Path:
    """A copy of the site's sources (config, hooks, docs, content) to edit in a test."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = ROOT / part
        target = destination / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    # mkdocs.yml watches the package's templates and catalogs by relative path.
    (destination / "donorsite").symlink_to(ROOT / "donorsite")
    return destination


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@contextmanager
def serve_directory(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on localhost; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[], Path]:
    """Make a private copy of the project to break on purpose."""
    return lambda: copy_project(tmp_path / "project")


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    """The sample site served on localhost."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    """Headless Chromium driven by Playwright, without the background traffic this machine's network refuses."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()
