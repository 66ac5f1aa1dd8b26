"""Where events stand in time: their real start and end instants, and upcoming, today, on now or ended.

The editor writes decisions (``status``); whether an event is still to come
is computed here from its dates, times and IANA zone. A build knows only its
build date, so it never says "on now"; the reader's browser recomputes the
state to the minute from the same instants, which the pages embed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from donorsite.model.campaign import Campaign
from donorsite.model.event import Event
from donorsite.model.session_times import SessionTimes
from donorsite.model.sessions import (
    DEFAULT_DURATION,
    EventSpan,
    SessionInstants,
    SessionsState,
    TimeState,
    campaign_sessions,
    campaign_span,
    event_sessions,
    event_span,
    is_all_day,
    state_at,
    state_on,
    utc_today,
)

__all__ = [
    "DEFAULT_DURATION",
    "EventSpan",
    "SessionInstants",
    "SessionsState",
    "TimeState",
    "build_date_contradictions",
    "campaign_sessions",
    "campaign_span",
    "event_sessions",
    "event_span",
    "event_time_contradictions",
    "is_all_day",
    "missing_local_time",
    "state_at",
    "state_on",
    "utc_today",
]

FieldPath = tuple[str | int, ...]


def missing_local_time(day: date, clock: time, timezone: str) -> bool:
    """Whether ``clock`` never happens on ``day`` in ``timezone`` (skipped when clocks go forward)."""
    local = datetime.combine(day, clock, tzinfo=ZoneInfo(timezone))
    return local.astimezone(UTC).astimezone(ZoneInfo(timezone)).replace(tzinfo=None) != datetime.combine(day, clock)


def _run_clocks(run: SessionTimes) -> Iterator[tuple[str, time, bool]]:
    """(field, clock, is_end) of each time written on ``run``."""
    for name, clock in (("start", run.start), ("end", run.end)):
        if clock is not None:
            yield name, clock, name == "end"
    for opens, closes in run.hours:
        yield "hours", opens, False
        yield "hours", closes, True


def _clock_gap_problems(path: FieldPath, run: SessionTimes, timezone: str) -> Iterator[tuple[FieldPath, str]]:
    for name, clock, _ in _run_clocks(run):
        day = run.date
        while day <= (run.end_date or run.date):
            if missing_local_time(day, clock, timezone):
                yield (
                    (*path, name),
                    f"{clock:%H:%M} does not exist on {day.isoformat()} in {timezone}: the clocks go forward "
                    "for daylight-saving time that night; write a time before or after the jump",
                )
                break
            day += timedelta(days=1)


def _run_paths(index: int, event: Event) -> Iterator[tuple[FieldPath, SessionTimes]]:
    yield ("events", index), event
    for number, session in enumerate(event.sessions):
        yield ("events", index, "sessions", number), session


def _session_clock_problems(path: FieldPath, run: SessionTimes) -> Iterator[tuple[FieldPath, str]]:
    """A further session's own times, checked as the event's are (content/rules.py)."""
    if run.end and not run.start:
        yield ((*path, "end"), "an end time needs a start time; add 'start: \"HH:MM\"' or remove 'end'")
    if run.start and run.end and run.end <= run.start and not run.end_date:
        yield ((*path, "end"), f"the end {run.end:%H:%M} is not after the start {run.start:%H:%M}; check both times")
    if run.end_date and run.end_date < run.date:
        yield ((*path, "end_date"), "end_date is before date; swap or correct them")


def event_time_contradictions(events: Iterable[Event]) -> Iterator[tuple[FieldPath, str]]:
    """Times that skip over a daylight-saving jump, skipped days outside an event, and sessions that end before they begin."""
    for index, event in enumerate(events):
        for path, run in _run_paths(index, event):
            yield from _clock_gap_problems(path, run, event.timezone)
            last = run.end_date or run.date
            for number, day in enumerate(run.skip):
                if not run.date <= day <= last:
                    yield (
                        (*path, "skip", number),
                        f"{day.isoformat()} is not between date {run.date.isoformat()} and end_date {last.isoformat()}; "
                        "list only days of the event that have no session",
                    )
            if run.hours and (run.start or run.end):
                yield ((*path, "hours"), "write the hours either as start and end or as hours, not both")
            if run is not event:
                yield from _session_clock_problems(path, run)
            elif run.end_date == run.date and run.start and run.end and run.end <= run.start:
                # A night needs end_date on the next day; the same day twice is a mistake in one of the four fields.
                yield (
                    (*path, "end"),
                    f"the end {run.end_date.isoformat()} {run.end:%H:%M} is not after the start "
                    f"{run.date.isoformat()} {run.start:%H:%M} in {event.timezone}; check the dates and times",
                )
        if not event_sessions(event):
            yield (("events", index, "skip"), "every day of the event is skipped; remove a day from skip or the event")


def build_date_contradictions(campaign: Campaign, legacy_status: str | None, build_date: date) -> Iterator[tuple[FieldPath, str]]:
    """What a campaign claims that cannot be true on ``build_date``: results or "completed" before its end, an ``updated`` in the future."""
    span = campaign_span(campaign)
    # Only an end after the whole build date (in UTC) is certainly still to come:
    # an event that ended this morning in Asia may end before the UTC date turns.
    end_of_build_date = datetime.combine(build_date + timedelta(days=1), time(0), tzinfo=UTC)
    if span is not None and span.ends > end_of_build_date:
        ends = span.last_day.isoformat()
        if campaign.results is not None:
            yield (
                ("results",),
                f"results are given but the campaign runs until {ends}, after the build date {build_date.isoformat()}; "
                "remove 'results' until it has taken place, or correct the event dates",
            )
        if legacy_status == "completed":
            yield (
                ("status",),
                f"'completed' is written but the campaign runs until {ends}, after the build date {build_date.isoformat()}; "
                "write 'status: confirmed' (the site shows by itself when it has ended)",
            )
    # The build date is today in UTC; east of Greenwich (up to UTC+14) it may already be the next day.
    latest_local_today = build_date + timedelta(days=1)
    if campaign.updated is not None and campaign.updated > latest_local_today:
        yield (
            ("updated",),
            f"{campaign.updated.isoformat()} is after the build date {build_date.isoformat()}; "
            f"write the day of the last change, {latest_local_today.isoformat()} or earlier",
        )
