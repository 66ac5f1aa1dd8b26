"""The events of the site as calendars, the events API and structured data list them.

An *occurrence* is one event of one campaign with what every export needs:
a stable id and its start and end as points in time. The exports share this
module so that an event has the same id and the same hours everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import partial
from zoneinfo import ZoneInfo

from donorsite.content.loading import CampaignEntry
from donorsite.content.rebuild_memory import RebuildMemory, kept
from donorsite.model.event import Event
from donorsite.model.sessions import DEFAULT_DURATION, SessionInstants, event_sessions, is_all_day

__all__ = ["DEFAULT_DURATION", "EventOccurrence", "campaign_occurrences", "event_span", "site_occurrences"]


@dataclass(frozen=True)
class EventOccurrence:
    """One event of a campaign, with its id and its time span.

    A timed event (with a start time, or a schedule to take it from) has
    aware ``start`` and ``end`` datetimes in its time zone, ``end`` being
    exclusive. An all-day event has dates: ``start`` its first day and
    ``end`` its last day, inclusive.
    """

    entry: CampaignEntry
    index: int
    event: Event
    id: str
    start: datetime | date
    end: datetime | date

    @property
    def all_day(self) -> bool:
        """Whether the event has no start time."""
        return not isinstance(self.start, datetime)

    @property
    def sessions(self) -> list[SessionInstants]:
        """The event's sessions, (start, end) aware datetimes in its zone, earliest first."""
        return event_sessions(self.event)

    @property
    def number(self) -> int:
        """The event's position in its campaign, counted from 1 as in its calendar file's name."""
        return self.index + 1

    @property
    def sort_key(self) -> tuple[datetime, str]:
        """Orders occurrences by the moment they begin (an all-day event at local midnight), then by id."""
        start = self.start if isinstance(self.start, datetime) else _at(self.start, time(0), self.event.timezone)
        return start.astimezone(UTC), self.id


def _at(day: date, moment: time, timezone: str) -> datetime:
    return datetime.combine(day, moment, tzinfo=ZoneInfo(timezone))


def event_span(event: Event) -> tuple[datetime | date, datetime | date]:
    """(start, end) of an event: its first session's start and last session's end, else (all day) its first and last day."""
    if is_all_day(event):
        return event.date, event.last_date
    sessions = event_sessions(event)
    return sessions[0][0], max(end for _, end in sessions)


def _base_id(campaign_id: str, event: Event) -> str:
    """``<campaign-id>-<YYYYMMDD>[-HHMM]``: the same whatever the event's place in the list."""
    start_time = event.start_time
    suffix = f"-{start_time:%H%M}" if start_time else ""
    return f"{campaign_id}-{event.date:%Y%m%d}{suffix}"


def campaign_occurrences(entry: CampaignEntry) -> list[EventOccurrence]:
    """The campaign's events in their written order.

    Two events that begin at the same moment get ``-2``, ``-3``... in the
    order they are written, so ids stay unique.
    """
    seen: Counter[str] = Counter()
    occurrences = []
    for index, event in enumerate(entry.campaign.events):
        base = _base_id(entry.id, event)
        seen[base] += 1
        event_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        start, end = event_span(event)
        occurrences.append(EventOccurrence(entry, index, event, event_id, start, end))
    return occurrences


def site_occurrences(entries: Iterable[CampaignEntry], memory: RebuildMemory | None = None) -> list[EventOccurrence]:
    """Every event of every campaign, earliest first (ties by id); with ``memory``, an unchanged campaign's are kept."""
    occurrences = [
        occurrence
        for entry in entries
        for occurrence in kept(memory, ("occurrences", entry.id), (entry,), partial(campaign_occurrences, entry))
    ]
    return sorted(occurrences, key=lambda occurrence: occurrence.sort_key)
