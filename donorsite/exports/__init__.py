"""Machine-readable outputs: calendars (ICS), the events API (JSON), Atom feeds, schema.org data.

Plain Python over the loaded content; nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator

from donorsite.content.loading import SiteContent
from donorsite.content.options import GeneratedFile, SiteOptions
from donorsite.content.rebuild_memory import RebuildMemory
from donorsite.exports.calendar import TimeZoneDefinitions, calendar_files
from donorsite.exports.centre_data import centre_api_files
from donorsite.exports.events_api import events_api_file
from donorsite.exports.feeds import feed_files
from donorsite.exports.occurrences import site_occurrences
from donorsite.localize.services import LocaleServices


def export_files(
    content: SiteContent, renderers: dict[str, LocaleServices], options: SiteOptions, memory: RebuildMemory | None = None
) -> Iterator[GeneratedFile]:
    """Every calendar, feed and data file of the site: each locale's calendars and feed, then the events API.

    With ``memory`` (a preview's rebuilds), what an unchanged campaign gave is kept.
    """
    occurrences = site_occurrences(content.campaigns, memory)
    time_zones = TimeZoneDefinitions(occurrences, memory)
    for renderer in renderers.values():
        yield from calendar_files(content, renderer, options, time_zones, memory, occurrences)
        yield from feed_files(content, renderer, options)
    yield events_api_file(content, renderers, options, memory, occurrences)
    yield from centre_api_files(list(content.supplies), content.sites, renderers, options)
