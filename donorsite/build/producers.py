"""Who renders the pages and files of a build: this process, or a worker beside the engine.

The engine (MkDocs) renders pages on one core. Rendering campaign pages,
calendars and QR codes is as much work again, so on a machine with a second
core a forked worker does it while the engine works: it loads the content,
sends the plan of the site, then each page's text in the order the engine
reads them, then writes every other file straight into the site folder.
Both producers run the same code (``SitePageBuilder``), so a build gives the
same bytes either way.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol, TypeVar

from donorsite.build.files import write_files
from donorsite.build.pages import PagePlan, SitePageBuilder
from donorsite.content.loading import ContentFilter, load_content
from donorsite.content.options import GeneratedFile, SiteOptions
from donorsite.content.revisions import ShallowHistoryError
from donorsite.core.problems import ContentError
from donorsite.render.context import LocaleRenderer, build_renderers

T = TypeVar("T")


class PageProducer(Protocol):
    """Renders a build's pages and files."""

    plans: list[PagePlan]

    def text(self, source_path: str) -> str:
        """The Markdown text of the planned page at ``source_path``."""
        ...

    def files(self) -> list[GeneratedFile]:
        """Every file of the build that is not a page."""
        ...

    def write_files(self, site_dir: Path) -> None:
        """Write every file that is not a page into ``site_dir``."""
        ...

    def close(self) -> None:
        """Stop any work still under way."""
        ...


class InProcessProducer:
    """Renders each page when it is asked for, in this process."""

    def __init__(
        self, root: Path, options: SiteOptions, content_filter: ContentFilter | None, renderers: dict[str, LocaleRenderer]
    ) -> None:
        self._builder = SitePageBuilder(load_content(root, content_filter, options.today), renderers, options)
        jobs = list(self._builder.jobs())
        self._jobs = {plan.source_path: render for plan, render in jobs}
        self.plans = [plan for plan, _ in jobs]

    def text(self, source_path: str) -> str:
        return self._jobs[source_path]()

    def files(self) -> list[GeneratedFile]:
        return list(self._builder.files())

    def write_files(self, site_dir: Path) -> None:
        write_files(site_dir, self._builder.files())

    def close(self) -> None:
        pass


class WorkerFailedError(RuntimeError):
    """The worker stopped on an unexpected error; the message carries its traceback."""


def _produce(connection: Connection, root: Path, options: SiteOptions, content_filter: ContentFilter | None, site_dir: Path) -> None:
    """The worker: plan, then every page's text, then the files, reported over ``connection``."""
    try:
        try:
            content = load_content(root, content_filter, options.today)
        except ContentError as error:
            connection.send(("problems", error.problems))
            return
        except ShallowHistoryError as error:
            connection.send(("shallow", error.files))
            return
        builder = SitePageBuilder(content, build_renderers(), options)
        jobs = list(builder.jobs())
        connection.send(("plan", [plan for plan, _ in jobs]))
        for plan, render in jobs:
            connection.send(("page", plan.source_path, render()))
        write_files(site_dir, builder.files())
        connection.send(("done",))
    except BaseException:  # noqa: BLE001 - anything the worker meets must reach the build, not vanish with the process.
        connection.send(("failure", traceback.format_exc()))
    finally:
        connection.close()


class WorkerProducer:
    """Renders in a forked worker; this process reads what it sends when the engine asks for it.

    Nothing runs in a thread here: a thread would fight the engine for the
    interpreter lock at every message. The worker instead renders pages in
    the order the engine reads them, up to a full pipe ahead, then writes the
    other files while the engine turns pages into HTML.
    """

    def __init__(self, root: Path, options: SiteOptions, content_filter: ContentFilter | None, site_dir: Path) -> None:
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        _widen_pipe(sending)
        self._process = context.Process(target=_produce, args=(sending, root, options, content_filter, site_dir), daemon=True)
        self._process.start()
        sending.close()
        self._connection = receiving
        self._texts: dict[str, str] = {}
        self._plans: list[PagePlan] | None = None
        self._done = False
        self.plans = self._receive_until(lambda: self._plans)

    def _receive_until(self, ready: Callable[[], T | None]) -> T:
        """Read the worker's messages until ``ready()`` gives a value; raise what the worker reports instead."""
        while (value := ready()) is None:
            try:
                message = self._connection.recv()
            except (EOFError, OSError):
                raise WorkerFailedError("The page worker stopped without finishing its work") from None
            kind = message[0]
            if kind == "page":
                self._texts[message[1]] = message[2]
            elif kind == "plan":
                self._plans = message[1]
            elif kind == "problems":
                raise ContentError(message[1])
            elif kind == "shallow":
                raise ShallowHistoryError(message[1])
            elif kind == "failure":
                raise WorkerFailedError(f"The page worker failed:\n{message[1]}")
            else:
                self._done = True
        return value

    def text(self, source_path: str) -> str:
        return self._receive_until(lambda: self._texts.get(source_path))

    def files(self) -> list[GeneratedFile]:
        raise NotImplementedError("the worker writes its files into the site folder; use write_files")

    def write_files(self, site_dir: Path) -> None:
        self._receive_until(lambda: True if self._done else None)
        self._process.join()

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._connection.close()


def _widen_pipe(connection: Connection) -> None:
    """Let the worker get up to 1 MB of pages ahead (Linux allows it; elsewhere the default stays)."""
    import fcntl  # only where fork is, so the worker's platforms all have it

    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
    if set_size is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(connection.fileno(), set_size, 1 << 20)


def worker_available() -> bool:
    """Whether a worker can run beside the engine: a second core and a fork-able process."""
    return (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()
