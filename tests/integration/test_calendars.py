"""Calendar files (RFC 5545) per event and per locale, read back as a calendar app reads them; event ids and times from the model."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from donorsite.content.loading import CampaignEntry, SiteContent
from donorsite.content.options import SiteOptions
from donorsite.core.locales import LOCALES
from donorsite.exports.calendar import calendar_event
from donorsite.exports.occurrences import DEFAULT_DURATION, campaign_occurrences
from donorsite.model.campaign import Contact, Event, ScheduleItem
from donorsite.model.sessions import event_sessions
from donorsite.render.context import build_renderers
from export_readers import (
    DUONG_KINH,
    HOST,
    SITE_URL,
    SUJIN_MEETING,
    calendar_uids,
    event_files,
    only_event,
    page_of,
    read_calendar,
    site_name,
)


def test_every_event_has_a_calendar_file_in_every_locale(built_site: Path, sample_content: SiteContent) -> None:
    expected = {
        f"{site_locale.prefix}/campaigns/{entry.id}/event-{number}.ics"
        for site_locale in LOCALES
        for entry in sample_content.campaigns
        for number in range(1, len(entry.campaign.events) + 1)
    }
    assert {path.relative_to(built_site).as_posix() for path in event_files(built_site)} == expected


def test_event_calendars_have_the_rfc_5545_fields(built_site: Path, sample_content: SiteContent) -> None:
    for path in event_files(built_site):
        prefix, _, campaign_id, name = path.relative_to(built_site).parts
        event_model = sample_content.campaign(campaign_id).campaign.events[int(name[6:-4]) - 1]
        raw = path.read_bytes()
        assert raw.count(b"\n") == raw.count(b"\r\n"), f"{path}: lines must end in CRLF"
        calendar = read_calendar(path)
        assert (calendar["VERSION"], calendar["METHOD"]) == ("2.0", "PUBLISH")
        assert calendar["PRODID"]
        vevents = calendar.walk("VEVENT")
        # One VEVENT per session: an event over days, or with a lunch break, has several.
        assert len(vevents) == len(event_sessions(event_model)), path
        for event in vevents:
            _check_vevent(built_site, path, prefix, campaign_id, event_model, calendar, event)


def _check_vevent(built_site: Path, path: Path, prefix: str, campaign_id: str, event_model, calendar, event) -> None:  # type: ignore[no-untyped-def]
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


BUS_WEEK = "2027-11-gusu-blood-bus-week"
VENUE = {"name": {"en": "Hall"}, "city": {"en": "Town"}}


def test_days_with_a_lunch_break_are_one_vevent_per_session(built_site: Path) -> None:
    """24-27 November less the 26th, 08:30-12:00 and 13:30-17:00, then 4 December: no VEVENT spans a night or a break."""
    zone = ZoneInfo("Asia/Shanghai")
    calendar = read_calendar(built_site / "en" / "campaigns" / BUS_WEEK / "event-1.ics")
    spans = sorted((event.decoded("DTSTART"), event.decoded("DTEND")) for event in calendar.walk("VEVENT"))
    expected = [
        (datetime(2027, 11, day, *opens, tzinfo=zone), datetime(2027, 11, day, *closes, tzinfo=zone))
        for day in (24, 25, 27)
        for opens, closes in (((8, 30), (12, 0)), ((13, 30), (17, 0)))
    ] + [(datetime(2027, 12, 4, 9, 0, tzinfo=zone), datetime(2027, 12, 4, 16, 0, tzinfo=zone))]
    assert spans == expected
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    assert f"{BUS_WEEK}-20271124-0830-20271127T1330@{HOST}" in uids


def test_daily_hours_over_several_days_are_one_session_a_day() -> None:
    """25-27 Nov 08:30-17:00 is three days of those hours, never one span from the first morning to the last evening."""
    event = Event.model_validate(
        {"date": "2026-11-25", "end_date": "2026-11-27", "start": "08:30", "end": "17:00", "timezone": "Asia/Shanghai", "venue": VENUE}
    )
    zone = ZoneInfo("Asia/Shanghai")
    assert event_sessions(event) == [
        (datetime(2026, 11, day, 8, 30, tzinfo=zone), datetime(2026, 11, day, 17, 0, tzinfo=zone)) for day in (25, 26, 27)
    ]


def test_duong_kinh_event_is_at_its_local_hours(built_site: Path, sample_content: SiteContent) -> None:
    for site_locale in LOCALES:
        event = only_event(read_calendar(built_site / site_locale.prefix / "campaigns" / DUONG_KINH / "event-1.ics"))
        zone = ZoneInfo("Asia/Ho_Chi_Minh")
        assert event.decoded("DTSTART") == datetime(2022, 11, 3, 7, 0, tzinfo=zone)
        assert event.decoded("DTEND") == datetime(2022, 11, 3, 11, 30, tzinfo=zone)
        assert event["UID"] == f"{DUONG_KINH}-20221103-0700@{HOST}"
        assert event["SUMMARY"].params["LANGUAGE"] == site_locale.code
        assert event["STATUS"] == "CONFIRMED"
        updated = sample_content.campaign(DUONG_KINH).updated
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
        uids.setdefault(f"{campaign_id}/{name}", set()).add(frozenset(calendar_uids(read_calendar(path))))
    assert uids and all(len(found) == 1 for found in uids.values())
    every = [uid for found in uids.values() for uid in next(iter(found))]
    assert len(set(every)) == len(every)


def test_locale_calendar_holds_every_event(built_site: Path) -> None:
    all_uids = {uid for path in event_files(built_site) for uid in calendar_uids(read_calendar(path))}
    for site_locale in LOCALES:
        calendar = read_calendar(built_site / site_locale.prefix / "calendar.ics")
        assert {str(event["UID"]) for event in calendar.walk("VEVENT")} == all_uids
        assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == site_name(site_locale)
        assert calendar.decoded("REFRESH-INTERVAL") == timedelta(days=1)
        assert calendar["SOURCE"] == f"{SITE_URL}{site_locale.prefix}/calendar.ics"
        used = {event["DTSTART"].params["TZID"] for event in calendar.walk("VEVENT") if "TZID" in event["DTSTART"].params}
        assert {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} == used


# Event ids and times, from the model


def _with_events(entry: CampaignEntry, *events: Event) -> CampaignEntry:
    return CampaignEntry(entry.id, entry.source_file, entry.campaign.model_copy(update={"events": list(events)}))


def test_events_beginning_together_get_distinct_ids(sample_content: SiteContent) -> None:
    entry = sample_content.campaign(DUONG_KINH)
    event = entry.campaign.events[0]
    ids = [occurrence.id for occurrence in campaign_occurrences(_with_events(entry, event, event, event))]
    assert ids == [f"{DUONG_KINH}-20221103-0700", f"{DUONG_KINH}-20221103-0700-2", f"{DUONG_KINH}-20221103-0700-3"]


def test_ids_do_not_depend_on_position(sample_content: SiteContent) -> None:
    entry = sample_content.campaign(DUONG_KINH)
    event = entry.campaign.events[0]
    earlier = event.model_copy(update={"date": date(2022, 11, 1)})
    [alone] = campaign_occurrences(entry)
    _, second = campaign_occurrences(_with_events(entry, earlier, event))
    assert (alone.id, alone.index, second.id, second.index) == (second.id, 0, alone.id, 1)


def _end_of(sample_content: SiteContent, **changes: Any) -> datetime | date:
    entry = sample_content.campaign(DUONG_KINH)
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
def test_event_end(sample_content: SiteContent, changes: dict[str, Any], expected: datetime | date) -> None:
    assert _end_of(sample_content, **changes) == expected


@pytest.mark.parametrize("email", ["hien.mau@example.vn", None])
def test_organizer_is_the_contact_address_named_after_the_host(sample_content: SiteContent, email: str | None) -> None:
    entry = sample_content.campaign(DUONG_KINH)
    contact = Contact.model_validate({"email": email} if email else {"phone": "+84 225 123 456"})
    with_contact = CampaignEntry(entry.id, entry.source_file, entry.campaign.model_copy(update={"contact": contact}))
    [occurrence] = campaign_occurrences(with_contact)
    event = calendar_event(occurrence, build_renderers()["en"], SiteOptions())
    if email is None:
        assert "ORGANIZER" not in event
        return
    assert event["ORGANIZER"] == f"mailto:{email}"
    assert event["ORGANIZER"].params["CN"] == "Dương Kinh District Steering Committee for Voluntary Blood Donation"
