"""The page worker's own process: ``python -m donorsite.build.worker SEND_FD ARGUMENTS_FD``.

``WorkerProducer`` starts it with two inherited pipe ends: it reads the
build's arguments (root, options, filter) from the second and reports on
the first, in the order ``WorkerProducer`` reads: problems, or the plan and
each locale's facts, each page's text, then every other file, or one
failure naming what failed.
"""

from __future__ import annotations

import sys
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from donorsite.build.locale_facts import locale_facts
from donorsite.build.pages import SitePageBuilder
from donorsite.content.loading import ContentFilter, load_content
from donorsite.content.options import SiteOptions
from donorsite.content.revisions import ShallowHistoryError
from donorsite.core.problems import ContentError
from donorsite.render.context import build_renderers


def _produce(connection: Connection, root: Path, options: SiteOptions, content_filter: ContentFilter | None) -> None:
    """The worker: plan and facts, every page's text, then the files, reported over ``connection``."""
    stage = "loading the content"
    try:
        try:
            content = load_content(root, content_filter, options.today)
        except ContentError as error:
            connection.send(("problems", error.problems))
            return
        except ShallowHistoryError as error:
            connection.send(("shallow", error.files))
            return
        stage = "building the renderers of each locale"
        renderers = build_renderers()
        builder = SitePageBuilder(content, renderers, options)
        jobs = list(builder.jobs())
        connection.send(("plan", [plan for plan, _ in jobs], locale_facts(content, renderers, options)))
        for plan, render in jobs:
            stage = f"rendering {plan.source_path}"
            connection.send(("page", plan.source_path, render()))
        stage = "making the calendars, feeds, QR codes and data files"
        connection.send(("files", list(builder.files())))
    except BaseException as error:  # noqa: BLE001 - anything the worker meets must reach the build, not vanish with the process.
        summary = f"{type(error).__name__}: {error}".splitlines()[0]
        connection.send(("failure", f"the page worker failed while {stage}: {summary}", traceback.format_exc()))
    finally:
        connection.close()


def main(arguments: list[str]) -> None:
    """Read the build's arguments from the pipe named second in ``arguments`` and produce into the first."""
    with Connection(int(arguments[1]), writable=False) as reading:
        root, options, content_filter = reading.recv()
    _produce(Connection(int(arguments[0]), readable=False), root, options, content_filter)


if __name__ == "__main__":
    main(sys.argv[1:])
