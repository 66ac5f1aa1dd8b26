"""What the domain code reports, as MkDocs reports it: one ``PluginError`` line, never a traceback."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from donorsite.build.producers import WorkerFailedError
from donorsite.content.revisions import ShallowHistoryError
from donorsite.core.problems import ContentError
from donorsite.localize.catalogs import MissingCatalogError

log = get_plugin_logger("donorsite")


@contextlib.contextmanager
def plugin_errors() -> Iterator[None]:
    """Turn what the build reports (content problems, a failed worker…) into one ``PluginError``; MkDocs prints it as it is."""
    try:
        yield
    except ContentError as error:
        raise PluginError(f"The content has {len(error.problems)} problem(s):\n{error.report()}") from None
    except WorkerFailedError as error:
        log.debug(error.details)  # the worker's traceback, shown by `mkdocs build --verbose`
        raise PluginError(str(error)) from None
    except (MissingCatalogError, ShallowHistoryError) as error:
        raise PluginError(str(error)) from None
