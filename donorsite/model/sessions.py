"""The sessions of events and where they stand in time: upcoming, today, on now, between sessions or ended.

An event is one or more *sessions*: spans of real time in the event's zone.
``event_sessions`` and ``campaign_sessions`` list them as (start, end) aware
datetimes; every output (page, calendar, JSON-LD, events API, listings) and
every state is computed from them. The build knows only its date
(``state_on``); the browser applies the same rules to the minute
(``state_at``; ``docs/assets/time-rules.js``), and ``tests/time_rules_cases.json``
holds the cases both must agree on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from donorsite.model.campaign import Campaign
from donorsite.model.event import Event
from donorsite.model.session_times import SessionTimes


class TimeState(StrEnum):
    """Where an event stands relative to the reader's (or the build's) time."""

    UPCOMING = "upcoming"
    TODAY = "today"
    ON_NOW = "on-now"
    BETWEEN = "between"
    ENDED = "ended"


# One session: its start and its (exclusive) end, aware datetimes in the event's zone.
SessionInstants = tuple[datetime, datetime]

# How long a timed session lasts when neither its end nor its programme says:
# counted from the last time known to begin (the start or a later schedule item).
DEFAULT_DURATION = timedelta(hours=2)


def _local(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def _days(run: SessionTimes, overnight: bool) -> Iterator[date]:
    """The days sessions of ``run`` begin on: date to end_date, less the skipped days.

    Overnight hours (the end before the start) end on the next morning, so
    their last session begins the day before ``end_date``.
    """
    last = run.end_date or run.date
    if overnight and last > run.date:
        last -= timedelta(days=1)
    skipped = set(run.skip)
    day = run.date
    while day <= last:
        if day not in skipped:
            yield day
        day += timedelta(days=1)


def _schedule_end(event: Event) -> time | None:
    """The programme's last end time, if the programme is over by then (no item begins at or after it)."""
    ends = [item.end for item in event.schedule if item.end]
    if not ends:
        return None
    last_end = max(ends)
    return last_end if all(item.time < last_end for item in event.schedule) else None


def _daily_spans(event: Event, run: SessionTimes) -> list[tuple[time, time | None]]:
    """The spans of each day of ``run``; an end of None means the default duration."""
    if run.hours:
        return [(opens, closes) for opens, closes in run.hours]
    start = run.start or (event.schedule[0].time if event.schedule and run is event else None)
    if start is None:
        return []
    return [(start, run.end or (_schedule_end(event) if run is event else None))]


def _run_sessions(event: Event, run: SessionTimes, zone: ZoneInfo) -> Iterator[SessionInstants]:
    spans = _daily_spans(event, run)
    if not spans:
        # No hours: all day, from midnight to midnight.
        for day in _days(run, overnight=False):
            yield _local(day, time(0), zone), _local(day + timedelta(days=1), time(0), zone)
        return
    overnight = any(closes is not None and closes <= opens for opens, closes in spans)
    last_begin = max([spans[0][0], *(item.time for item in event.schedule)])
    for day in _days(run, overnight):
        for opens, closes in spans:
            starts = _local(day, opens, zone)
            if closes is None:
                ends = _local(day, max(last_begin, opens), zone) + DEFAULT_DURATION
            else:
                ends = _local(day + timedelta(days=1) if closes <= opens else day, closes, zone)
            yield starts, ends


def event_sessions(event: Event) -> list[SessionInstants]:
    """Every session of ``event`` as (start, end) aware datetimes in its zone, earliest first; the end is exclusive.

    ``date``..``end_date`` with ``start``/``end`` (or ``hours``) means those
    hours on each day, less ``skip``; ``sessions`` adds further days. A day
    without hours is one all-day session, midnight to midnight. Without an
    end, a session ends with its programme, else two hours after its last
    start (``DEFAULT_DURATION``).
    """
    zone = ZoneInfo(event.timezone)
    return sorted({session for run in event.runs for session in _run_sessions(event, run, zone)})


def campaign_sessions(campaign: Campaign) -> list[SessionInstants]:
    """Every session of every event of ``campaign``, earliest first (each in its event's zone); empty for a report."""
    return sorted((s for event in campaign.events for s in event_sessions(event)), key=lambda s: (s[0].astimezone(UTC), s[1]))


def is_all_day(event: Event) -> bool:
    """Whether no session of ``event`` has hours (a day written without a start time)."""
    return not any(_daily_spans(event, run) for run in event.runs)


@dataclass(frozen=True)
class SessionsState:
    """Where a list of sessions stands: the state and, unless ended, the next session still to begin."""

    state: TimeState
    next_start: datetime | None


def state_at(sessions: Sequence[SessionInstants], now: datetime, timezone: str) -> SessionsState:
    """The state at the instant ``now``: on now only inside a session; between sessions once one has begun.

    "Today" is a day in ``timezone`` on which a session still begins. The
    browser applies the same rule (``sessionState`` in docs/assets/time-rules.js).
    """
    zone = ZoneInfo(timezone)
    later = [start for start, _ in sessions if start > now]
    upcoming = min(later, key=lambda start: start.astimezone(UTC)) if later else None
    if not sessions or all(end <= now for _, end in sessions):
        return SessionsState(TimeState.ENDED, None)
    if any(start <= now < end for start, end in sessions):
        return SessionsState(TimeState.ON_NOW, upcoming)
    if any(start <= now for start, _ in sessions):
        return SessionsState(TimeState.BETWEEN, upcoming)
    assert upcoming is not None  # noqa: S101 - not ended and nothing begun: something is still to begin
    today = now.astimezone(zone).date()
    return SessionsState(TimeState.TODAY if upcoming.astimezone(zone).date() == today else TimeState.UPCOMING, upcoming)


def _local_days(session: SessionInstants, zone: ZoneInfo) -> tuple[date, date]:
    """The first and last local day a session touches (its end is exclusive)."""
    start, end = session
    return start.astimezone(zone).date(), (end.astimezone(zone) - timedelta(microseconds=1)).date()


def state_on(sessions: Sequence[SessionInstants], build_date: date, timezone: str) -> SessionsState:
    """The state as of a whole day in ``timezone``: upcoming, today, between sessions or ended; never on now.

    The build knows only its date; the browser's ``dayState`` applies the same rule.
    """
    zone = ZoneInfo(timezone)
    days = [_local_days(session, zone) for session in sessions]
    if not days or all(last < build_date for _, last in days):
        return SessionsState(TimeState.ENDED, None)
    later = [session[0] for session, (first, _) in zip(sessions, days, strict=True) if first > build_date]
    upcoming = min(later, key=lambda start: start.astimezone(UTC)) if later else None
    if any(first <= build_date <= last for first, last in days):
        return SessionsState(TimeState.TODAY, upcoming)
    if all(first > build_date for first, _ in days):
        return SessionsState(TimeState.UPCOMING, upcoming)
    return SessionsState(TimeState.BETWEEN, upcoming)


@dataclass(frozen=True)
class EventSpan:
    """The sessions of one event or of a whole campaign, with the zone their days are counted in."""

    sessions: tuple[SessionInstants, ...]
    timezone: str

    @property
    def starts(self) -> datetime:
        """The first session's start."""
        return min(start.astimezone(UTC) for start, _ in self.sessions)

    @property
    def ends(self) -> datetime:
        """The last session's end (exclusive)."""
        return max(end.astimezone(UTC) for _, end in self.sessions)

    @property
    def first_day(self) -> date:
        """The first local day of the sessions."""
        return self.starts.astimezone(ZoneInfo(self.timezone)).date()

    @property
    def last_day(self) -> date:
        """The last local day the sessions touch."""
        return (self.ends.astimezone(ZoneInfo(self.timezone)) - timedelta(microseconds=1)).date()

    @property
    def starts_iso(self) -> str:
        """The start as a UTC timestamp the browser parses, e.g. ``2026-12-12T00:30:00Z``."""
        return _utc_text(self.starts)

    @property
    def ends_iso(self) -> str:
        """The end (exclusive) as a UTC timestamp."""
        return _utc_text(self.ends)

    @property
    def sessions_json(self) -> str:
        """The sessions as JSON for the browser: ``[["<start UTC>", "<end UTC>"], ...]``."""
        return json.dumps([[_utc_text(start), _utc_text(end)] for start, end in self.sessions], separators=(",", ":"))

    def state_on(self, build_date: date) -> TimeState:
        """The state as of a whole day: upcoming, today, between sessions or ended; never on now."""
        return state_on(self.sessions, build_date, self.timezone).state

    def standing_on(self, build_date: date) -> SessionsState:
        """The state as of a whole day, with the next session to begin."""
        return state_on(self.sessions, build_date, self.timezone)


def utc_today() -> date:
    """Today's date in UTC: the default build date, the same on every machine whatever its time zone."""
    return datetime.now(UTC).date()


def _utc_text(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def event_span(event: Event) -> EventSpan | None:
    """The sessions of ``event`` in its zone; None if it has none (every day skipped, a mistake ``check`` reports)."""
    sessions = event_sessions(event)
    return EventSpan(tuple(sessions), event.timezone) if sessions else None


def campaign_span(campaign: Campaign) -> EventSpan | None:
    """The sessions of every event, days counted in the first event's zone; None for a campaign without sessions (a report)."""
    sessions = campaign_sessions(campaign)
    if not sessions:
        return None
    return EventSpan(tuple(sessions), campaign.events[0].timezone)
