"""Shared fixtures: real builds of the site into temporary folders.

Most tests build in this process with MkDocs' own API (``load_config`` then
``build``, as MkDocs' ``build_tests.py`` does): ``build_site``. A few smoke
tests run ``mkdocs build`` / ``properdocs build`` as a user would:
``run_mkdocs_build``.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from donorsite.content.loading import SiteContent, load_content

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
# .ci/run installs Debian's chromium; elsewhere CHROMIUM_PATH names another Chromium-based browser.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium: run bash .ci/run or set CHROMIUM_PATH")
# Every build of the tests is as of this day unless a test sets DONORSITE_TODAY itself (or removes it
# with "" to test the clock): the suite passes on any day, after every sample event as before it.
BUILD_DATE = date(2026, 11, 29)
# Under `faketime` (the suite run on another date), Zensical's threads hang on a faked monotonic clock,
# while Python's own sleeps fail without one: only the Zensical command gets this variable. Harmless without faketime.
ZENSICAL_CLOCK = {"FAKETIME_DONT_FAKE_MONOTONIC": "1"}


def real_clock(environment: Mapping[str, str]) -> dict[str, str]:
    """``environment`` without faketime's variables: `mkdocs serve`'s watcher and live reload wait on a clock that must run true.

    A preview test's date is ``DONORSITE_TODAY``; the server process itself runs on the machine's clock.
    """
    return {name: value for name, value in environment.items() if name != "LD_PRELOAD" and not name.startswith("FAKETIME")}
# Two depths of one suite. The quick run (`pytest`, the developer's loop) runs every test, with a tenth of
# the Hypothesis examples, and skips the few tests marked `full` (a fresh install, the build-speed guard's own
# test). `DONORSITE_TEST_DEPTH=full` (set by .ci/run) runs them all with every example.
FULL_DEPTH = os.environ.get("DONORSITE_TEST_DEPTH", "") == "full"


def examples(full: int) -> int:
    """Hypothesis examples for a property: ``full`` at full depth, a tenth (at least 25) in the quick run."""
    return full if FULL_DEPTH else max(25, full // 10)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the tests marked ``full`` in the quick run, with the reason in the summary."""
    if FULL_DEPTH:
        return
    skip = pytest.mark.skip(reason="full depth only: DONORSITE_TEST_DEPTH=full (as .ci/run sets it)")
    for item in items:
        if "full" in item.keywords:
            item.add_marker(skip)


SITE_PARTS = ("mkdocs.yml", "hooks", "overrides", "docs", "campaigns", "slogans.yaml", "sites.yaml", "supply.yaml", "supply")


def run_mkdocs_build(project: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` as a user would; return the finished process."""
    command = [*MKDOCS, "build", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    environment = {"DONORSITE_TODAY": BUILD_DATE.isoformat(), **os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, cwd=project, env=environment, timeout=600)


@dataclass(frozen=True)
class SiteBuild:
    """What an in-process build left: the site folder, whether it succeeded, and MkDocs' log as a user reads it."""

    site: Path
    succeeded: bool
    log: str


class _LogLines(logging.Handler):
    """Collects MkDocs' log in the form its command line prints (``WARNING -  message``)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


@contextmanager
def build_environment(variables: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables (a value of "" removes one) for the length of a build, then restore them all.

    ``TZ`` takes effect at once (``time.tzset``), as in a process started with it.
    """
    saved = {name: os.environ.get(name) for name in variables}
    try:
        for name, value in variables.items():
            if value:
                os.environ[name] = value
            else:
                os.environ.pop(name, None)
        if "TZ" in variables:
            time.tzset()
        yield
    finally:
        for name, old in saved.items():
            if old is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = old
        if "TZ" in variables:
            time.tzset()


def build_site(project: Path, site_dir: Path, *, strict: bool = True, environment: Mapping[str, str] | None = None) -> SiteBuild:
    """Build ``project`` into ``site_dir`` in this process, as ``mkdocs build [--strict]`` would.

    The build date is ``BUILD_DATE`` unless ``environment`` says otherwise.
    ``environment`` sets variables for this build only (``DONORSITE_TODAY``, ``DONORSITE_WORKER`` and
    ``DONORSITE_SEARCH_INDEX`` (both ``off`` unless set), a filter; "" removes one). A build that
    MkDocs aborts (a ``PluginError``, a warning under ``strict``) returns ``succeeded=False`` with
    the logged message; any other exception is a crash a user would see as a traceback, and propagates.
    """
    logger = logging.getLogger("mkdocs")
    lines = _LogLines()
    level = logger.level
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)  # as the command line does
    succeeded = True
    try:
        # The pages are rendered in this process unless a test asks for the worker: pytest-xdist already keeps
        # both cores busy, and a worker's fresh interpreter costs a small build a second. Builds as a user runs
        # them (`run_mkdocs_build`, `serve`) keep the default; test_build_pipeline.py proves both write the same bytes.
        # The search index (a third of a small build) only where a test asks for it: the shared sample site has it.
        defaults = {
            "NO_MKDOCS_2_WARNING": "1",
            "DONORSITE_TODAY": BUILD_DATE.isoformat(),
            "DONORSITE_WORKER": "off",
            "DONORSITE_SEARCH_INDEX": "off",
        }
        with build_environment({**defaults, **(environment or {})}):
            try:
                config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    mkdocs_build(config)
                finally:
                    config.plugins.on_shutdown()
            except Abort as error:
                lines.lines.append(error.format_message())
                succeeded = False
    finally:
        logger.removeHandler(lines)
        logger.setLevel(level)
    return SiteBuild(site_dir, succeeded, "\n".join(lines.lines))


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
    # The web editor's Decap bundle is copied from node_modules into each build (issue 26).
    if (ROOT / "node_modules").is_dir():
        (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A page that navigates away while a large script is still coming closes the connection: not a failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve_directory(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on localhost; yield its base URL."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once (strict) in this process, with its search index; tests only read it."""
    result = build_site(ROOT, tmp_path_factory.mktemp("site"), environment={"DONORSITE_SEARCH_INDEX": "on"})
    assert result.succeeded, result.log
    return result.site


@pytest.fixture(scope="session")
def sample_site_as_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The sample site built (strict) as of a day ``YYYY-MM-DD``, once per day and worker process; tests only read it."""
    sites: dict[str, Path] = {}

    def site_as_of(day: str) -> Path:
        if day not in sites:
            result = build_site(ROOT, tmp_path_factory.mktemp(f"site-{day}"), environment={"DONORSITE_TODAY": day})
            assert result.succeeded, result.log
            sites[day] = result.site
        return sites[day]

    return site_as_of


@pytest.fixture(scope="session")
def sample_content() -> SiteContent:
    """The sample content as of ``BUILD_DATE``, to know what the outputs should say."""
    return load_content(ROOT, build_date=BUILD_DATE)


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[], Path]:
    """Make a private copy of the project to break on purpose."""
    return lambda: copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The sample site served on localhost."""
    with serve_directory(built_site) as url:
        yield url


DESKTOP = {"width": 1280, "height": 720}  # Playwright's default viewport


def empty_tab(page) -> None:  # type: ignore[no-untyped-def]
    """Forget what ``page``'s origin stored (storage, cookies) and leave it on about:blank, for its next use."""
    if page.url.startswith("http"):
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.context.clear_cookies()
    page.goto("about:blank")


class Tabs:
    """Chromium tabs reused from test to test, one pool per set of context options.

    A fresh tab costs Chromium a renderer process: about 1 CPU-second a page on a 2-core machine, against
    0.4 for a navigation in a tab already open. A tab goes back to the pool when its test calls ``done``,
    without the listeners its test gave it (``listen``) and emptied (the storage and cookies of the origin
    it shows, then about:blank); one never given back is closed with its context at the end of the session.
    A tab once given a clock always gets one: Playwright cannot remove it, only set it anew.
    """

    def __init__(self, browser) -> None:  # type: ignore[no-untyped-def]
        self._browser = browser
        self._idle: dict[str, list] = {}  # type: ignore[type-arg]
        self._keys: dict[int, str] = {}
        self._contexts: list = []  # type: ignore[type-arg]
        self._listeners: dict[int, list] = {}  # type: ignore[type-arg]

    def open(self, url: str, *, now=None, viewport: Mapping[str, int] | None = None, wait_until: str = "load", **options):  # type: ignore[no-untyped-def]
        """A tab showing ``url`` with the browser's clock at ``now`` (the machine's if None), in a context made with ``options``."""
        page = self.take(now=now, viewport=viewport, **options)
        page.goto(url, wait_until=wait_until)
        return page

    def take(self, *, now=None, viewport: Mapping[str, int] | None = None, **options):  # type: ignore[no-untyped-def]
        """A blank tab, as ``open`` gives it before it navigates (to listen to its requests first)."""
        key = repr((now is not None, sorted(options.items())))
        idle = self._idle.setdefault(key, [])
        if idle:
            page = idle.pop()
        else:
            context = self._browser.new_context(viewport=DESKTOP, **options)
            self._contexts.append(context)
            page = context.new_page()
            self._keys[id(page)] = key
        page.set_viewport_size(dict(viewport or DESKTOP))
        page.emulate_media(media="screen")
        if now is not None:
            page.clock.install(time=now)
        return page

    def listen(self, page, event: str, listener) -> None:  # type: ignore[no-untyped-def]
        """Call ``listener`` at each ``event`` of ``page`` until the tab is given back (``done``)."""
        page.on(event, listener)
        self._listeners.setdefault(id(page), []).append((event, listener))

    def done(self, page) -> None:  # type: ignore[no-untyped-def]
        """Give ``page`` back to the pool, emptied and no longer listened to, for the next test."""
        for event, listener in self._listeners.pop(id(page), []):
            page.remove_listener(event, listener)
        empty_tab(page)
        self._idle[self._keys[id(page)]].append(page)

    def close(self) -> None:
        for context in self._contexts:
            context.close()


@pytest.fixture(scope="session")
def tabs(browser) -> Iterator[Tabs]:  # type: ignore[no-untyped-def]
    """The pool of reused Chromium tabs (``Tabs``), for tests that only read what a page shows."""
    pool = Tabs(browser)
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Headless Chromium driven by Playwright, one for the whole session, without the background traffic this machine's network refuses."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()
