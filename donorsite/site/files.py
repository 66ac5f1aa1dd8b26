"""Files of the site that are not pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GeneratedFile:
    """A file that is not a page (calendar, feed, JSON), copied into the site as it is.

    ``path`` is site-relative, e.g. ``vi/calendar.ics``.
    """

    path: str
    content: bytes


def write_files(site_dir: Path, files: Iterable[GeneratedFile]) -> None:
    """Write ``files`` into the built site at ``site_dir``, making folders as needed."""
    for file in files:
        target = site_dir / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
