"""Files of the site that are not pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedFile:
    """A file that is not a page (calendar, feed, JSON), copied into the site as it is.

    ``path`` is site-relative, e.g. ``vi/calendar.ics``.
    """

    path: str
    content: bytes
