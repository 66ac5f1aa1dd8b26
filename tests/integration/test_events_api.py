"""The events API (``api/events.json``), checked against its JSON Schema and the calendars."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from donorsite.core.locales import LOCALES
from export_readers import (
    DUONG_KINH,
    HOST,
    JIAYUGUAN,
    SUJIN_MEETING,
    api_document,
    api_validator,
    calendar_uids,
    event_files,
    page_of,
    read_calendar,
)


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
    uids = {uid for path in event_files(built_site) for uid in calendar_uids(read_calendar(path))}
    # One UID per session: the event's id alone for a single session, else the id and the session's local start.
    expected = set()
    for event in events:
        if len(event["sessions"]) == 1:
            expected.add(f"{event['id']}@{HOST}")
        else:
            expected |= {f"{event['id']}-{datetime.fromisoformat(s['start']):%Y%m%dT%H%M}@{HOST}" for s in event["sessions"]}
    assert expected == uids
    for event in events:
        assert event["sessions"][0]["start"] == event["start"] or event["all_day"]
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


def test_events_api_lists_each_session(built_site: Path) -> None:
    """Daily hours with a lunch break, a skipped day and one more day: each session with its UTC offset, in order."""
    (event,) = [event for event in api_document(built_site)["events"] if event["campaign_id"] == "2027-11-gusu-blood-bus-week"]
    sessions = [(session["start"], session["end"]) for session in event["sessions"]]
    assert sessions[0] == ("2027-11-24T08:30:00+08:00", "2027-11-24T12:00:00+08:00")
    assert sessions[-1] == ("2027-12-04T09:00:00+08:00", "2027-12-04T16:00:00+08:00")
    assert len(sessions) == 7 and sessions == sorted(sessions)
    assert (event["start"], event["end"]) == (sessions[0][0], sessions[-1][1])
    assert not any(start.startswith("2027-11-26") for start, _ in sessions)
