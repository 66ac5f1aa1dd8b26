"""Reading the site's exports back as their consumers do: calendar files, the events API, schema.org data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import icalendar
import jsonschema

from conftest import ROOT
from donorsite.content.loading import CampaignEntry, SiteContent
from donorsite.core.locales import LOCALES, SiteLocale
from donorsite.localize.catalogs import load_translations
from donorsite.localize.services import SITE_NAME

SITE_URL = "https://blood-campaigns.example.org/"
HOST = "blood-campaigns.example.org"
DUONG_KINH = "2022-duong-kinh-donation-day"
SUJIN_MEETING = "2022-sujin-street-mobilisation-meeting"
JIAYUGUAN = "wbdd-jiayuguan-summary"
LINCANG = "wbdd-lincang-night-ride"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def site_name(site_locale: SiteLocale) -> str:
    return load_translations(site_locale).gettext(SITE_NAME)


def page_of(site: Path, address: str) -> Path:
    """The built file an absolute address of the site points to."""
    assert address.startswith(SITE_URL), address
    relative = address[len(SITE_URL) :]
    return site / (relative + "index.html" if relative.endswith("/") or not relative else relative)


def read_calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def only_event(calendar: icalendar.Calendar) -> icalendar.Event:
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def calendar_uids(calendar: icalendar.Calendar) -> set[str]:
    """The UIDs of every VEVENT (one per session of an event)."""
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def event_files(site: Path) -> list[Path]:
    return sorted(site.glob("*/campaigns/*/event-*.ics"))


def api_document(site: Path) -> dict[str, Any]:
    return json.loads((site / "api" / "events.json").read_text(encoding="utf-8"))


def api_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / "events-api.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


class _JsonLdScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self._inside:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data


def structured_data(page: Path) -> list[dict[str, Any]]:
    parser = _JsonLdScripts()
    parser.feed(page.read_text(encoding="utf-8"))
    return [item for script in parser.scripts for item in json.loads(script)]


def campaign_pages_with_events(site: Path, sample_content: SiteContent) -> Iterator[tuple[SiteLocale, CampaignEntry, Path]]:
    for site_locale in LOCALES:
        for entry in sample_content.campaigns:
            if entry.campaign.events:
                yield site_locale, entry, site / site_locale.prefix / "campaigns" / entry.id / "index.html"
