"""Where events stand in time: their real start and end instants, and upcoming, today, on now or ended.

The editor writes decisions (``status``); whether an event is still to come
is computed here from its dates, times and IANA zone. A build knows only its
build date, so it never says "on now"; the reader's browser recomputes the
state to the minute from the same instants, which the pages embed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from donorsite.model.campaign import Campaign, Event

FieldPath = tuple[str | int, ...]


class TimeState(StrEnum):
    """Where an event stands relative to the reader's (or the build's) time."""

    UPCOMING = "upcoming"
    TODAY = "today"
    ON_NOW = "on-now"
    ENDED = "ended"


@dataclass(frozen=True)
class EventSpan:
    """The real interval of one event or of a whole campaign."""

    starts: datetime
    ends: datetime
    first_day: date
    last_day: date
    timezone: str

    @property
    def starts_iso(self) -> str:
        """The start as a UTC timestamp the browser parses, e.g. ``2026-12-12T00:30:00Z``."""
        return _utc_text(self.starts)

    @property
    def ends_iso(self) -> str:
        """The end (exclusive) as a UTC timestamp."""
        return _utc_text(self.ends)

    def state_on(self, build_date: date) -> TimeState:
        """The state as of a whole day: upcoming, today (some time that day) or ended; never on now."""
        if self.last_day < build_date:
            return TimeState.ENDED
        if self.first_day > build_date:
            return TimeState.UPCOMING
        return TimeState.TODAY


def utc_today() -> date:
    """Today's date in UTC: the default build date, the same on every machine whatever its time zone."""
    return datetime.now(UTC).date()


def _utc_text(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _local(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def event_span(event: Event) -> EventSpan:
    """The event's interval: from its start (or the first day's midnight) to its end (or the end of its last day)."""
    zone = ZoneInfo(event.timezone)
    starts = _local(event.date, event.start_time or time(0), zone)
    ends = _local(event.last_date, event.end, zone) if event.end else _local(event.last_date + timedelta(days=1), time(0), zone)
    return EventSpan(starts.astimezone(UTC), ends.astimezone(UTC), event.date, event.last_date, event.timezone)


def campaign_span(campaign: Campaign) -> EventSpan | None:
    """From the first event's start to the last event's end; None for a campaign without events (a report)."""
    spans = [event_span(event) for event in campaign.events]
    if not spans:
        return None
    return EventSpan(
        min(span.starts for span in spans),
        max(span.ends for span in spans),
        min(span.first_day for span in spans),
        max(span.last_day for span in spans),
        spans[0].timezone,
    )


def missing_local_time(day: date, clock: time, timezone: str) -> bool:
    """Whether ``clock`` never happens on ``day`` in ``timezone`` (skipped when clocks go forward)."""
    local = _local(day, clock, ZoneInfo(timezone))
    return local.astimezone(UTC).astimezone(ZoneInfo(timezone)).replace(tzinfo=None) != datetime.combine(day, clock)


def _clock_gap_problems(index: int, event: Event) -> Iterator[tuple[FieldPath, str]]:
    for name, day, clock in (("start", event.date, event.start), ("end", event.last_date, event.end)):
        if clock is not None and missing_local_time(day, clock, event.timezone):
            yield (
                ("events", index, name),
                f"{clock:%H:%M} does not exist on {day.isoformat()} in {event.timezone}: the clocks go forward "
                "for daylight-saving time that night; write a time before or after the jump",
            )


def event_time_contradictions(events: Iterable[Event]) -> Iterator[tuple[FieldPath, str]]:
    """Times that skip over a daylight-saving jump, and ends that come before starts in real time."""
    for index, event in enumerate(events):
        gaps = list(_clock_gap_problems(index, event))
        yield from gaps
        span = event_span(event)
        if not gaps and event.end is not None and span.ends <= span.starts and event.end_date:
            yield (
                ("events", index, "end"),
                f"the end {event.end_date.isoformat()} {event.end:%H:%M} is not after the start "
                f"{event.date.isoformat()} {event.start_time or time(0):%H:%M} in {event.timezone}; check the dates and times",
            )


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
