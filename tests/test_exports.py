"""Calendars, the events API, Atom feeds and schema.org data, read back as their consumers read them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import jsonschema
import pytest

from conftest import ROOT, copy_project, run_mkdocs_build
from donorsite.exports.calendar import calendar_event
from donorsite.exports.occurrences import DEFAULT_DURATION, campaign_occurrences
from donorsite.loading import CampaignEntry, SiteContent, load_content
from donorsite.locales import LOCALES, SiteLocale
from donorsite.localize.catalogs import load_translations
from donorsite.model.campaign import Contact, Event, ScheduleItem
from donorsite.options import SiteOptions
from donorsite.render.context import build_renderers

SITE_URL = "https://blood-campaigns.example.org/"
HOST = "blood-campaigns.example.org"
DUONG_KINH = "2022-duong-kinh-donation-day"
SUJIN_MEETING = "2022-sujin-street-mobilisation-meeting"
JIAYUGUAN = "wbdd-jiayuguan-summary"
LINCANG = "wbdd-lincang-night-ride"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def content() -> SiteContent:
    """The sample content, to know what the outputs should say."""
    return load_content(ROOT)


def site_name(site_locale: SiteLocale) -> str:
    return load_translations(site_locale).gettext("Blood donation campaigns")


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


def event_files(site: Path) -> list[Path]:
    return sorted(site.glob("*/campaigns/*/event-*.ics"))


# Calendars


def test_every_event_has_a_calendar_file_in_every_locale(built_site: Path, content: SiteContent) -> None:
    expected = {
        f"{site_locale.prefix}/campaigns/{entry.id}/event-{number}.ics"
        for site_locale in LOCALES
        for entry in content.campaigns
        for number in range(1, len(entry.campaign.events) + 1)
    }
    assert {path.relative_to(built_site).as_posix() for path in event_files(built_site)} == expected


def test_event_calendars_have_the_rfc_5545_fields(built_site: Path, content: SiteContent) -> None:
    for path in event_files(built_site):
        prefix, _, campaign_id, name = path.relative_to(built_site).parts
        event_model = content.campaign(campaign_id).campaign.events[int(name[6:-4]) - 1]
        raw = path.read_bytes()
        assert raw.count(b"\n") == raw.count(b"\r\n"), f"{path}: lines must end in CRLF"
        calendar = read_calendar(path)
        assert (calendar["VERSION"], calendar["METHOD"]) == ("2.0", "PUBLISH")
        assert calendar["PRODID"]
        event = only_event(calendar)
        for name in ("UID", "DTSTAMP", "LAST-MODIFIED", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "URL", "STATUS", "DESCRIPTION"):
            assert name in event, f"{path}: {name} is missing"
        assert event["UID"].endswith(f"@{HOST}")
        assert event["URL"] == f"{SITE_URL}{prefix}/campaigns/{campaign_id}/"
        assert page_of(built_site, str(event["URL"])).is_file()
        assert str(event["URL"]) in str(event["DESCRIPTION"])
        assert event.decoded("DTEND") > event.decoded("DTSTART")
        if event_model.start_time is not None:
            assert event["DTSTART"].params["TZID"] == event_model.timezone
            assert event["DTEND"].params["TZID"] == event_model.timezone
            assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == [event_model.timezone]
        coordinates = event_model.venue.coordinates
        if coordinates:
            geo = event["GEO"]
            assert (geo.latitude, geo.longitude) == (coordinates.latitude, coordinates.longitude)
        else:
            assert "GEO" not in event


def test_duong_kinh_event_is_at_its_local_hours(built_site: Path, content: SiteContent) -> None:
    for site_locale in LOCALES:
        event = only_event(read_calendar(built_site / site_locale.prefix / "campaigns" / DUONG_KINH / "event-1.ics"))
        zone = ZoneInfo("Asia/Ho_Chi_Minh")
        assert event.decoded("DTSTART") == datetime(2022, 11, 3, 7, 0, tzinfo=zone)
        assert event.decoded("DTEND") == datetime(2022, 11, 3, 11, 30, tzinfo=zone)
        assert event["UID"] == f"{DUONG_KINH}-20221103-0700@{HOST}"
        assert event["SUMMARY"].params["LANGUAGE"] == site_locale.code
        assert event["STATUS"] == "CONFIRMED"
        updated = content.campaign(DUONG_KINH).updated
        assert event.decoded("DTSTAMP") == datetime.combine(updated, time(0), tzinfo=ZoneInfo("UTC"))
    vi = only_event(read_calendar(built_site / "vi" / "campaigns" / DUONG_KINH / "event-1.ics"))
    assert str(vi["SUMMARY"]) == "Ngày hội hiến máu tình nguyện quận Dương Kinh 2022"
    assert str(vi["LOCATION"]).startswith("Điểm hiến máu tập trung của quận Dương Kinh, ")


def test_an_event_without_start_time_lasts_whole_days(built_site: Path) -> None:
    event = only_event(read_calendar(built_site / "en" / "campaigns" / SUJIN_MEETING / "event-1.ics"))
    assert event.decoded("DTSTART") == date(2022, 1, 20)
    assert event.decoded("DTEND") == date(2022, 1, 21)
    assert event["DTSTART"].params["VALUE"] == "DATE"


def test_uids_are_the_same_in_every_locale(built_site: Path) -> None:
    uids: dict[str, set[str]] = {}
    for path in event_files(built_site):
        _, _, campaign_id, name = path.relative_to(built_site).parts
        uids.setdefault(f"{campaign_id}/{name}", set()).add(str(only_event(read_calendar(path))["UID"]))
    assert uids and all(len(found) == 1 for found in uids.values())
    assert len({next(iter(found)) for found in uids.values()}) == len(uids)


def test_locale_calendar_holds_every_event(built_site: Path) -> None:
    all_uids = {str(only_event(read_calendar(path))["UID"]) for path in event_files(built_site)}
    for site_locale in LOCALES:
        calendar = read_calendar(built_site / site_locale.prefix / "calendar.ics")
        assert {str(event["UID"]) for event in calendar.walk("VEVENT")} == all_uids
        assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == site_name(site_locale)
        assert calendar.decoded("REFRESH-INTERVAL") == timedelta(days=1)
        assert calendar["SOURCE"] == f"{SITE_URL}{site_locale.prefix}/calendar.ics"
        used = {event["DTSTART"].params["TZID"] for event in calendar.walk("VEVENT") if "TZID" in event["DTSTART"].params}
        assert {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} == used


# Events API


def api_document(site: Path) -> dict[str, Any]:
    return json.loads((site / "api" / "events.json").read_text(encoding="utf-8"))


def api_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / "events-api.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_events_api_validates_against_its_schema(built_site: Path) -> None:
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in api_validator().iter_errors(api_document(built_site))]
    assert errors == []


def test_schema_rejects_a_malformed_event(built_site: Path) -> None:
    document = api_document(built_site)
    del document["events"][0]["ics"]
    document["events"][0]["status"] = "over"
    document["events"][0]["title"]["fr"] = document["events"][0]["title"]["en"]
    assert len(list(api_validator().iter_errors(document))) == 3


def test_events_api_lists_every_event_with_the_calendar_ids(built_site: Path) -> None:
    document = api_document(built_site)
    events = document["events"]
    uids = {str(only_event(read_calendar(path))["UID"]) for path in event_files(built_site)}
    assert {f"{event['id']}@{HOST}" for event in events} == uids
    assert document["locales"] == [site_locale.code for site_locale in LOCALES]
    starts = [datetime.fromisoformat(event["start"]) for event in events if not event["all_day"]]
    assert starts == sorted(starts)
    for event in events:
        for code, address in [*event["url"].items(), *event["ics"].items()]:
            assert page_of(built_site, address).is_file(), (code, address)


def test_events_api_gives_local_times_and_texts_by_origin(built_site: Path) -> None:
    events = {event["id"]: event for event in api_document(built_site)["events"]}
    duong_kinh = events[f"{DUONG_KINH}-20221103-0700"]
    assert (duong_kinh["start"], duong_kinh["end"]) == ("2022-11-03T07:00:00+07:00", "2022-11-03T11:30:00+07:00")
    assert (duong_kinh["all_day"], duong_kinh["timezone"], duong_kinh["venue"]["country"]) == (False, "Asia/Ho_Chi_Minh", "VN")
    assert duong_kinh["title"]["vi"] == {"text": "Ngày hội hiến máu tình nguyện quận Dương Kinh 2022", "lang": "vi", "origin": "written"}
    meeting = events[f"{SUJIN_MEETING}-20220120"]
    assert (meeting["start"], meeting["end"], meeting["all_day"]) == ("2022-01-20", "2022-01-20", True)
    jiayuguan = events[f"{JIAYUGUAN}-20110614-0900"]
    assert jiayuguan["title"]["zh-Hant"]["origin"] == "converted"
    # Vietnamese readers get English before the Chinese source.
    assert jiayuguan["title"]["vi"] == {**jiayuguan["title"]["en"], "origin": "fallback"}


# Atom feeds


def test_feeds_parse_and_link_to_every_campaign(built_site: Path, content: SiteContent) -> None:
    for site_locale in LOCALES:
        path = built_site / site_locale.prefix / "feed.xml"
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.feed.title == site_name(site_locale)
        assert parsed.feed.language == site_locale.code
        links = {link.rel: link.href for link in parsed.feed.links}
        assert links["self"] == f"{SITE_URL}{site_locale.prefix}/feed.xml"
        expected = {f"{SITE_URL}{site_locale.prefix}/campaigns/{entry.id}/" for entry in content.campaigns}
        assert {entry.link for entry in parsed.entries} == expected
        assert all(page_of(built_site, entry.link).is_file() for entry in parsed.entries)
        assert all(entry.id == entry.link and entry.title and entry.summary for entry in parsed.entries)
        updated = [entry.updated_parsed for entry in parsed.entries]
        assert updated == sorted(updated, reverse=True)


def test_feed_is_well_formed_atom_with_rfc_3339_stamps(built_site: Path, content: SiteContent) -> None:
    root = ET.parse(built_site / "vi" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed" and root.get(XML_LANG) == "vi"
    stamps = [element.text or "" for element in root.iter(f"{ATOM}updated")]
    assert stamps and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", stamp) for stamp in stamps)
    entries = {entry.findtext(f"{ATOM}id"): entry for entry in root.findall(f"{ATOM}entry")}
    duong_kinh = entries[f"{SITE_URL}vi/campaigns/{DUONG_KINH}/"]
    assert duong_kinh.findtext(f"{ATOM}updated") == f"{content.campaign(DUONG_KINH).updated.isoformat()}T00:00:00Z"
    title = duong_kinh.find(f"{ATOM}title")
    assert title is not None and title.text == "Ngày hội hiến máu tình nguyện quận Dương Kinh 2022" and title.get(XML_LANG) is None
    # A campaign not written in Vietnamese shows its English title (English before the Chinese source), marked as such.
    fallback = entries[f"{SITE_URL}vi/campaigns/{JIAYUGUAN}/"].find(f"{ATOM}title")
    assert fallback is not None and fallback.get(XML_LANG) == "en"


# schema.org data in the pages' heads


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


def campaign_pages_with_events(site: Path, content: SiteContent) -> Iterator[tuple[SiteLocale, CampaignEntry, Path]]:
    for site_locale in LOCALES:
        for entry in content.campaigns:
            if entry.campaign.events:
                yield site_locale, entry, site / site_locale.prefix / "campaigns" / entry.id / "index.html"


ISO_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


def test_campaign_pages_carry_one_schema_org_event_per_event(built_site: Path, content: SiteContent) -> None:
    for site_locale, entry, page in campaign_pages_with_events(built_site, content):
        items = structured_data(page)
        assert len(items) == len(entry.campaign.events), page
        for item, event in zip(items, entry.campaign.events, strict=True):
            assert (item["@context"], item["@type"]) == ("https://schema.org", "Event")
            assert item["name"] and item["description"]
            assert item["inLanguage"] == site_locale.code
            assert item["url"] == f"{SITE_URL}{site_locale.prefix}/campaigns/{entry.id}/"
            assert item["eventStatus"] == "https://schema.org/EventScheduled"
            assert item["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
            timed = event.start_time is not None
            for key in ("startDate", "endDate"):
                assert bool(ISO_WITH_OFFSET.fullmatch(item[key])) == timed, (page, key, item[key])
            location = item["location"]
            assert location["@type"] == "Place" and location["name"]
            assert location["address"]["@type"] == "PostalAddress" and location["address"]["addressLocality"]
            assert re.fullmatch(r"[A-Z]{2}", location["address"]["addressCountry"])
            assert ("geo" in location) == (event.venue.coordinates is not None)
            assert all(organizer["@type"] == "Organization" and organizer["name"] for organizer in item.get("organizer", []))
            images = [f"{SITE_URL}{image.src}" for image in entry.campaign.images]
            assert item.get("image", []) == images
            assert all(page_of(built_site, image).is_file() for image in images)


def test_duong_kinh_structured_data(built_site: Path, content: SiteContent) -> None:
    [item] = structured_data(built_site / "en" / "campaigns" / DUONG_KINH / "index.html")
    assert (item["startDate"], item["endDate"]) == ("2022-11-03T07:00:00+07:00", "2022-11-03T11:30:00+07:00")
    assert item["name"] == "Dương Kinh District blood donation day 2022"
    assert item["location"]["address"]["addressCountry"] == "VN"
    assert item["organizer"] == [{"@type": "Organization", "name": "Dương Kinh District Steering Committee for Voluntary Blood Donation"}]
    coordinates = content.campaign(DUONG_KINH).campaign.events[0].venue.coordinates
    if coordinates:
        geo = {"@type": "GeoCoordinates", "latitude": coordinates.latitude, "longitude": coordinates.longitude}
        assert item["location"]["geo"] == geo
    [meeting] = structured_data(built_site / "en" / "campaigns" / SUJIN_MEETING / "index.html")
    assert (meeting["startDate"], meeting["endDate"]) == ("2022-01-20", "2022-01-20")


# Variants: statuses, an event without a start time, and a second build


def _edit(project: Path, campaign_id: str, old: str, new: str) -> None:
    path = project / "campaigns" / f"{campaign_id}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: expected {old!r} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def variant_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site with Dương Kinh cancelled, Lincang postponed and Jiayuguan's start time removed."""
    project = copy_project(tmp_path_factory.mktemp("variant") / "project")
    _edit(project, DUONG_KINH, "status: confirmed", "status: cancelled")
    _edit(project, LINCANG, "status: confirmed", "status: postponed")
    _edit(project, JIAYUGUAN, '    start: "09:00"\n', "")
    site = project.parent / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_cancelled_and_postponed_events_say_so_everywhere(variant_site: Path) -> None:
    statuses = {DUONG_KINH: ("CANCELLED", "EventCancelled"), LINCANG: ("TENTATIVE", "EventPostponed")}
    for campaign_id, (ics_status, schema_status) in statuses.items():
        for site_locale in LOCALES:
            folder = variant_site / site_locale.prefix / "campaigns" / campaign_id
            assert only_event(read_calendar(folder / "event-1.ics"))["STATUS"] == ics_status
            [item] = structured_data(folder / "index.html")
            assert item["eventStatus"] == f"https://schema.org/{schema_status}"
        calendar = read_calendar(variant_site / "en" / "calendar.ics")
        [in_calendar] = [event for event in calendar.walk("VEVENT") if str(event["UID"]).startswith(campaign_id)]
        assert in_calendar["STATUS"] == ics_status
    api_statuses = {event["campaign_id"]: event["status"] for event in api_document(variant_site)["events"]}
    assert (api_statuses[DUONG_KINH], api_statuses[LINCANG]) == ("cancelled", "postponed")


def test_removing_the_start_time_makes_an_all_day_event(variant_site: Path) -> None:
    event = only_event(read_calendar(variant_site / "zh-hans" / "campaigns" / JIAYUGUAN / "event-1.ics"))
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (date(2011, 6, 14), date(2011, 6, 15))
    assert event["UID"] == f"{JIAYUGUAN}-20110614@{HOST}"
    [item] = structured_data(variant_site / "zh-hans" / "campaigns" / JIAYUGUAN / "index.html")
    assert (item["startDate"], item["endDate"]) == ("2011-06-14", "2011-06-14")
    [api_event] = [event for event in api_document(variant_site)["events"] if event["campaign_id"] == JIAYUGUAN]
    assert (api_event["id"], api_event["all_day"], api_event["start"]) == (f"{JIAYUGUAN}-20110614", True, "2011-06-14")
    assert list(api_validator().iter_errors(api_document(variant_site))) == []


def test_two_builds_write_the_same_bytes(built_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = run_mkdocs_build(ROOT, again)
    assert result.returncode == 0, result.stdout + result.stderr
    outputs = [*event_files(built_site), *built_site.glob("*/calendar.ics"), *built_site.glob("*/feed.xml")]
    assert outputs
    for path in outputs:
        assert (again / path.relative_to(built_site)).read_bytes() == path.read_bytes(), path
    first, second = api_document(built_site), api_document(again)
    first.pop("generated"), second.pop("generated")
    assert first == second


# Event ids and times, from the model


def _with_events(entry: CampaignEntry, *events: Event) -> CampaignEntry:
    return CampaignEntry(entry.id, entry.source_file, entry.campaign.model_copy(update={"events": list(events)}))


def test_events_beginning_together_get_distinct_ids(content: SiteContent) -> None:
    entry = content.campaign(DUONG_KINH)
    event = entry.campaign.events[0]
    ids = [occurrence.id for occurrence in campaign_occurrences(_with_events(entry, event, event, event))]
    assert ids == [f"{DUONG_KINH}-20221103-0700", f"{DUONG_KINH}-20221103-0700-2", f"{DUONG_KINH}-20221103-0700-3"]


def test_ids_do_not_depend_on_position(content: SiteContent) -> None:
    entry = content.campaign(DUONG_KINH)
    event = entry.campaign.events[0]
    earlier = event.model_copy(update={"date": date(2022, 11, 1)})
    [alone] = campaign_occurrences(entry)
    _, second = campaign_occurrences(_with_events(entry, earlier, event))
    assert (alone.id, alone.index, second.id, second.index) == (second.id, 0, alone.id, 1)


def _end_of(content: SiteContent, **changes: Any) -> datetime | date:
    entry = content.campaign(DUONG_KINH)
    event = entry.campaign.events[0].model_copy(update=changes)
    [occurrence] = campaign_occurrences(_with_events(entry, event))
    return occurrence.end


def _item(start: str, end: str | None = None) -> ScheduleItem:
    activity = {"vi": "Hoạt động"}
    return ScheduleItem.model_validate({"time": start, "end": end, "activity": activity} if end else {"time": start, "activity": activity})


HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, datetime(2022, 11, 3, 11, 30, tzinfo=HCM)),
        ({"end": None}, datetime(2022, 11, 3, 7, 0, tzinfo=HCM) + DEFAULT_DURATION),
        ({"end": None, "schedule": [_item("07:00", "10:00"), _item("08:00")]}, datetime(2022, 11, 3, 10, 0, tzinfo=HCM)),
        ({"end": None, "schedule": [_item("06:00", "08:00"), _item("08:00")]}, datetime(2022, 11, 3, 10, 0, tzinfo=HCM)),
        ({"end_date": date(2022, 11, 5)}, datetime(2022, 11, 5, 11, 30, tzinfo=HCM)),
        ({"start": None, "end": None, "end_date": date(2022, 11, 5)}, date(2022, 11, 5)),
    ],
    ids=["end-time", "default-duration", "programme-end", "programme-still-running", "several-days", "all-day-several-days"],
)
def test_event_end(content: SiteContent, changes: dict[str, Any], expected: datetime | date) -> None:
    assert _end_of(content, **changes) == expected


@pytest.mark.parametrize("email", ["hien.mau@example.vn", None])
def test_organizer_is_the_contact_address_named_after_the_host(content: SiteContent, email: str | None) -> None:
    entry = content.campaign(DUONG_KINH)
    contact = Contact.model_validate({"email": email} if email else {"phone": "+84 225 123 456"})
    with_contact = CampaignEntry(entry.id, entry.source_file, entry.campaign.model_copy(update={"contact": contact}))
    [occurrence] = campaign_occurrences(with_contact)
    event = calendar_event(occurrence, build_renderers()["en"], SiteOptions())
    if email is None:
        assert "ORGANIZER" not in event
        return
    assert event["ORGANIZER"] == f"mailto:{email}"
    assert event["ORGANIZER"].params["CN"] == "Dương Kinh District Steering Committee for Voluntary Blood Donation"
