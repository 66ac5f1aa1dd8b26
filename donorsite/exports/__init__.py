"""Machine-readable outputs: calendars (ICS), the events API (JSON), Atom feeds, schema.org data.

Plain Python over the loaded content; nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator

from donorsite.loading import SiteContent
from donorsite.render.context import LocaleRenderer
from donorsite.site.files import GeneratedFile
from donorsite.site.settings import SiteOptions


def export_files(content: SiteContent, renderers: dict[str, LocaleRenderer], options: SiteOptions) -> Iterator[GeneratedFile]:
    """Every calendar, feed and data file of the site."""
    return iter(())
