"""Real instants of events and their state as of a build date, from dates, times and IANA zones."""

from __future__ import annotations

from datetime import date, time

import pytest

from donorsite.model.campaign import Campaign, Event
from donorsite.model.timing import TimeState, build_date_contradictions, event_span, missing_local_time

VENUE = {"name": {"en": "Hall"}, "city": {"en": "Town"}}


def event(**fields: object) -> Event:
    return Event.model_validate({"venue": VENUE, **fields})


@pytest.mark.parametrize(
    ("fields", "starts", "ends"),
    [
        (
            {"date": "2026-12-12", "start": "08:30", "end": "16:00", "timezone": "Asia/Shanghai"},
            "2026-12-12T00:30:00Z",
            "2026-12-12T08:00:00Z",
        ),
        # Without an end time (nor a programme's), a session lasts the default two hours, as its calendar entry does.
        ({"date": "2015-06-14", "start": "18:30", "timezone": "Asia/Shanghai"}, "2015-06-14T10:30:00Z", "2015-06-14T12:30:00Z"),
        ({"date": "2022-01-20", "timezone": "Asia/Shanghai"}, "2022-01-19T16:00:00Z", "2022-01-20T16:00:00Z"),
        # Across the spring-forward night in New York: 23 hours between the two midnights.
        ({"date": "2027-03-13", "end_date": "2027-03-14", "timezone": "America/New_York"}, "2027-03-13T05:00:00Z", "2027-03-15T04:00:00Z"),
    ],
)
def test_event_span_in_utc(fields: dict[str, object], starts: str, ends: str) -> None:
    span = event_span(event(**fields))
    assert (span.starts_iso, span.ends_iso) == (starts, ends)


@pytest.mark.parametrize(
    ("build_date", "state"),
    [
        (date(2026, 12, 11), TimeState.UPCOMING),
        (date(2026, 12, 12), TimeState.TODAY),
        (date(2026, 12, 13), TimeState.TODAY),
        (date(2026, 12, 14), TimeState.ENDED),
    ],
)
def test_state_on_a_build_date_is_never_on_now(build_date: date, state: TimeState) -> None:
    span = event_span(event(date="2026-12-12", end_date="2026-12-13", start="09:00", end="17:00", timezone="Asia/Ho_Chi_Minh"))
    assert span.state_on(build_date) is state


def test_times_skipped_by_daylight_saving_are_found() -> None:
    assert missing_local_time(date(2027, 3, 14), time(2, 30), "America/New_York")
    assert not missing_local_time(date(2027, 3, 14), time(3, 30), "America/New_York")
    assert not missing_local_time(date(2027, 11, 7), time(1, 30), "America/New_York")  # happens twice, but happens
    assert not missing_local_time(date(2027, 3, 14), time(2, 30), "Asia/Shanghai")


def test_results_are_allowed_once_the_event_may_have_ended() -> None:
    """An event that ended at 07:30 in Shanghai on 3 December may report results while the UTC date is still 2 December."""
    campaign = Campaign.model_validate(
        {
            "kind": "blood-drive",
            "status": "confirmed",
            "source_language": "en",
            "year": 2026,
            "title": {"en": "Drive"},
            "summary": {"en": "Early drive."},
            "events": [{"date": "2026-12-03", "start": "06:00", "end": "07:30", "timezone": "Asia/Shanghai", "venue": VENUE}],
            "results": {"donors": 40},
        }
    )
    assert list(build_date_contradictions(campaign, None, date(2026, 12, 2))) == []
    [(path, message)] = build_date_contradictions(campaign, None, date(2026, 12, 1))
    assert path == ("results",) and message.startswith("results are given but the campaign runs until 2026-12-03")
