"""schema.org Event data in the campaign pages' heads, as search engines read it."""

from __future__ import annotations

import re
from pathlib import Path

from donorsite.content.loading import SiteContent
from export_readers import (
    DUONG_KINH,
    SITE_URL,
    SUJIN_MEETING,
    campaign_pages_with_events,
    page_of,
    structured_data,
)

ISO_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


def test_campaign_pages_carry_one_schema_org_event_per_event(built_site: Path, sample_content: SiteContent) -> None:
    for site_locale, entry, page in campaign_pages_with_events(built_site, sample_content):
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


def test_duong_kinh_structured_data(built_site: Path, sample_content: SiteContent) -> None:
    [item] = structured_data(built_site / "en" / "campaigns" / DUONG_KINH / "index.html")
    assert (item["startDate"], item["endDate"]) == ("2022-11-03T07:00:00+07:00", "2022-11-03T11:30:00+07:00")
    assert item["name"] == "Dương Kinh District blood donation day 2022"
    assert item["location"]["address"]["addressCountry"] == "VN"
    assert item["organizer"] == [{"@type": "Organization", "name": "Dương Kinh District Steering Committee for Voluntary Blood Donation"}]
    coordinates = sample_content.campaign(DUONG_KINH).campaign.events[0].venue.coordinates
    if coordinates:
        geo = {"@type": "GeoCoordinates", "latitude": coordinates.latitude, "longitude": coordinates.longitude}
        assert item["location"]["geo"] == geo
    [meeting] = structured_data(built_site / "en" / "campaigns" / SUJIN_MEETING / "index.html")
    assert (meeting["startDate"], meeting["endDate"]) == ("2022-01-20", "2022-01-20")


def test_an_event_of_several_sessions_lists_them_as_sub_events(built_site: Path) -> None:
    """The blood bus week: six half-days (a lunch break each day, the 26th skipped) and 4 December, each a subEvent."""
    page = built_site / "en" / "campaigns" / "2027-11-gusu-blood-bus-week" / "index.html"
    (item,) = structured_data(page)
    sub_events = item["subEvent"]
    assert [(sub["startDate"], sub["endDate"]) for sub in sub_events[:2]] == [
        ("2027-11-24T08:30:00+08:00", "2027-11-24T12:00:00+08:00"),
        ("2027-11-24T13:30:00+08:00", "2027-11-24T17:00:00+08:00"),
    ]
    assert len(sub_events) == 7
    assert not any(sub["startDate"].startswith("2027-11-26") for sub in sub_events)
    assert (item["startDate"], item["endDate"]) == ("2027-11-24T08:30:00+08:00", "2027-12-04T16:00:00+08:00")
    assert all(sub["location"] == item["location"] for sub in sub_events)
