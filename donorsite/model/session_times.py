"""The days and hours of an event's sessions, and the "HH:MM-HH:MM" spans of opening hours.

``SessionTimes`` is what an event (and each of its further ``sessions``)
writes about when it takes place; ``donorsite/model/sessions.py`` turns it
into real instants. ``OpeningSpan`` is shared with the donation sites' weekly hours.
"""

from __future__ import annotations

import datetime
import re
from datetime import time
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainValidator, WithJsonSchema

from donorsite.model.fields import CalendarDate, StrictModel, TimeOfDay, editor_error

_SPAN = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


def _clock(hours: str, minutes: str, text: str) -> time:
    hour, minute = int(hours), int(minutes)
    if hour > 23 or minute > 59:
        raise editor_error(
            "hours_impossible",
            f"{hours}:{minutes} in {text!r} is not a time of day; use 00:00 to 23:59 (write a site open past midnight as two days)",
        )
    return time(hour, minute)


def _parse_span(value: Any) -> tuple[time, time]:
    if not isinstance(value, str) or not (match := _SPAN.fullmatch(value.strip())):
        raise editor_error("hours_format", f'{value!r} is not a span of opening hours; write it as "08:30-17:00" (with quotes)')
    opens = _clock(match.group(1), match.group(2), value)
    closes = _clock(match.group(3), match.group(4), value)
    if closes <= opens:
        raise editor_error("hours_order", f'{value!r} closes before it opens; write the opening time first, e.g. "08:30-17:00"')
    return opens, closes


OpeningSpan = Annotated[
    tuple[time, time],
    PlainValidator(_parse_span),
    WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-3]):[0-5]\d$", "examples": ["08:30-17:00"]}),
]


def _daily_hours_text(value: Any) -> Any:
    """``hours: "08:30-17:00"`` (one span) reads as a list of one span."""
    return [value] if isinstance(value, str) else value


DailyHours = Annotated[
    list[OpeningSpan],
    BeforeValidator(_daily_hours_text),
    Field(max_length=8),
]


class SessionTimes(StrictModel):
    """The days and hours of one run of sessions: each day from ``date`` to ``end_date``, at the same hours."""

    date: CalendarDate = Field(description="Day of the event (the first day, for several days), YYYY-MM-DD.")
    end_date: CalendarDate | None = Field(
        None, description="Last day, for events over several days: the hours then hold on each day from date to end_date."
    )
    start: TimeOfDay | None = Field(None, description='Start time on each day, "HH:MM" in quotes.')
    end: TimeOfDay | None = Field(
        None, description='End time on each day, "HH:MM" in quotes; an end before the start means the next morning (a night).'
    )
    hours: DailyHours = Field(
        default_factory=list,
        description='Instead of start and end: the hours of each day as spans, e.g. ["08:30-12:00", "13:30-17:00"] for a lunch break.',
    )
    skip: list[CalendarDate] = Field(
        default_factory=list, max_length=366, description="Days between date and end_date without any session, YYYY-MM-DD."
    )

    @property
    def last_date(self) -> datetime.date:
        """The final day written for these sessions."""
        return self.end_date or self.date


class Session(SessionTimes):
    """Further days of the same event at the same venue, with their own hours."""
