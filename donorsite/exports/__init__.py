"""Machine-readable outputs: calendars (ICS), the events API (JSON), Atom feeds, schema.org data.

Plain Python over the loaded content; nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator

from donorsite.exports.calendar import TimeZoneDefinitions, calendar_files
from donorsite.exports.events_api import events_api_file
from donorsite.exports.feeds import feed_files
from donorsite.exports.occurrences import site_occurrences
from donorsite.exports.site_data import service_api_files
from donorsite.loading import SiteContent
from donorsite.localize.services import LocaleServices
from donorsite.options import GeneratedFile, SiteOptions


def export_files(content: SiteContent, renderers: dict[str, LocaleServices], options: SiteOptions) -> Iterator[GeneratedFile]:
    """Every calendar, feed and data file of the site: each locale's calendars and feed, then the events API."""
    time_zones = TimeZoneDefinitions(site_occurrences(content.campaigns))
    for renderer in renderers.values():
        yield from calendar_files(content, renderer, options, time_zones)
        yield from feed_files(content, renderer, options)
    yield events_api_file(content, renderers, options)
    yield from service_api_files(content.supply, content.sites, renderers, options)
