"""Who renders the pages and files of a build: this process, or a worker beside the engine.

The engine (MkDocs) renders pages on one core. Rendering campaign pages,
calendars and QR codes is as much work again, so on a machine with a second
core a worker process does it while the engine works: it loads the content,
builds the renderers, sends the plan of the site and each locale's facts,
then each page's text in the order the engine reads them, then every other
file. The worker is a fresh interpreter (``python -m donorsite.build.worker``,
as multiprocessing's ``spawn`` would start it, without re-running the
engine's main script) that shares no thread, lock or open file with the
engine's process: ``fork`` from a process running MkDocs' server and
watcher threads is unsafe. Both
producers run the same code (``SitePageBuilder``), and this process writes
every file through one writer (``build.files.write_files``), so a build gives the same
bytes either way.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol, TypeVar

from donorsite.build.locale_facts import LocaleFacts, locale_facts
from donorsite.build.page_plan import PagePlan
from donorsite.build.pages import SitePageBuilder
from donorsite.content.loading import ContentFilter, load_content
from donorsite.content.options import GeneratedFile, SiteOptions
from donorsite.content.rebuild_memory import RebuildMemory, kept
from donorsite.content.revisions import ShallowHistoryError
from donorsite.core.problems import ContentError
from donorsite.render.context import build_renderers

T = TypeVar("T")


class PageProducer(Protocol):
    """Renders a build's pages and files."""

    @property
    def plans(self) -> list[PagePlan]:
        """Every generated page, before any is rendered."""
        ...

    @property
    def facts(self) -> dict[str, LocaleFacts]:
        """Each locale's site name, labels and supply banner, by locale code."""
        ...

    def text(self, source_path: str) -> str:
        """The text of the planned page at ``source_path``."""
        ...

    def files(self) -> list[GeneratedFile]:
        """Every file of the build that is not a page."""
        ...

    def close(self) -> None:
        """Stop any work still under way."""
        ...


class InProcessProducer:
    """Renders each page when it is asked for, in this process; with ``memory``, a preview's rebuild reuses what did not change."""

    def __init__(
        self, root: Path, options: SiteOptions, content_filter: ContentFilter | None, memory: RebuildMemory | None = None
    ) -> None:
        content = load_content(root, content_filter, options.today, memory)
        # A preview keeps the renderers (their compiled templates) while templates and catalogs stay as they were.
        renderers = kept(memory, ("renderers",), (), build_renderers)
        self._builder = SitePageBuilder(content, renderers, options, memory)
        self._facts = locale_facts(content, renderers, options)
        jobs = list(self._builder.jobs())
        self._jobs = {plan.source_path: render for plan, render in jobs}
        self._plans = [plan for plan, _ in jobs]

    @property
    def plans(self) -> list[PagePlan]:
        return self._plans

    @property
    def facts(self) -> dict[str, LocaleFacts]:
        return self._facts

    def text(self, source_path: str) -> str:
        return self._jobs[source_path]()

    def files(self) -> list[GeneratedFile]:
        return list(self._builder.files())

    def close(self) -> None:
        pass


class WorkerFailedError(RuntimeError):
    """The worker stopped on an unexpected error; the message is one line naming what failed.

    ``details`` holds the worker's traceback, for a verbose log.
    """

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


class WorkerProducer:
    """Renders in a worker process; this process reads what it sends when the engine asks for it.

    Nothing runs in a thread here: a thread would fight the engine for the
    interpreter lock at every message. The worker instead renders pages in
    the order the engine reads them, up to a full pipe ahead, then makes the
    other files while the engine turns pages into HTML.

    The worker starts at once; ``plans`` and ``facts`` wait for its first message.
    """

    def __init__(self, root: Path, options: SiteOptions, content_filter: ContentFilter | None) -> None:
        receiving, sending = os.pipe()
        arguments_in, arguments_out = os.pipe()
        _widen_pipe(sending)
        command = [sys.executable, "-m", "donorsite.build.worker", str(sending), str(arguments_in)]
        self._process = subprocess.Popen(command, pass_fds=(sending, arguments_in), stdin=subprocess.DEVNULL)
        os.close(sending)
        os.close(arguments_in)
        with Connection(arguments_out, readable=False) as arguments:
            arguments.send((root, options, content_filter))
        self._connection = Connection(receiving, writable=False)
        self._texts: dict[str, str] = {}
        self._started: tuple[list[PagePlan], dict[str, LocaleFacts]] | None = None
        self._files: list[GeneratedFile] | None = None

    def _receive_until(self, ready: Callable[[], T | None], waiting_for: str) -> T:
        """Read the worker's messages until ``ready()`` gives a value; raise what the worker reports instead."""
        while (value := ready()) is None:
            try:
                message = self._connection.recv()
            except (EOFError, OSError):
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._process.wait(timeout=5)
                raise WorkerFailedError(
                    f"the page worker stopped (exit code {self._process.returncode}) while the build waited for {waiting_for}"
                ) from None
            kind = message[0]
            if kind == "page":
                self._texts[message[1]] = message[2]
            elif kind == "plan":
                self._started = (message[1], message[2])
            elif kind == "files":
                self._files = message[1]
            elif kind == "problems":
                raise ContentError(message[1])
            elif kind == "shallow":
                raise ShallowHistoryError(message[1])
            else:
                raise WorkerFailedError(message[1], message[2])
        return value

    @property
    def plans(self) -> list[PagePlan]:
        return self._receive_until(lambda: self._started, "the plan of the site")[0]

    @property
    def facts(self) -> dict[str, LocaleFacts]:
        return self._receive_until(lambda: self._started, "the plan of the site")[1]

    def text(self, source_path: str) -> str:
        return self._receive_until(lambda: self._texts.pop(source_path, None), source_path)

    def files(self) -> list[GeneratedFile]:
        files = self._receive_until(lambda: self._files, "the calendars, feeds and data files")
        self._process.wait()
        return files

    @property
    def pid(self) -> int:
        """The worker's process id."""
        return self._process.pid

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait()
        self._connection.close()


def _widen_pipe(descriptor: int) -> None:
    """Let the worker get up to 1 MB of pages ahead (Linux allows it; elsewhere the default stays)."""
    try:
        import fcntl
    except ImportError:  # not on Windows; the pipe keeps its default size
        return
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
    if set_size is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(descriptor, set_size, 1 << 20)


def worker_available() -> bool:
    """Whether a worker can run beside the engine: a second core, and pipes a child process can inherit (POSIX)."""
    return (os.cpu_count() or 1) >= 2 and os.name == "posix"
