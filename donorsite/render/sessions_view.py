"""An event's days and hours as readers see them: one line per run of days with the same hours.

``date``..``end_date`` with its hours is one line ("25–27 November: 08:30–12:00, 13:30–17:00"),
the skipped days are named after it, and each further session is a line of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from donorsite.localize.services import LocaleServices
from donorsite.model.event import Event
from donorsite.model.session_times import SessionTimes


@dataclass(frozen=True)
class WhenLine:
    """One run of days with the same hours, ready to show."""

    date_text: str
    iso_date: str
    time_text: str | None
    except_text: str | None


def _hours_text(renderer: LocaleServices, run: SessionTimes) -> str | None:
    """The hours of each day of ``run``; None without a start (the programme's first time is not shown as hours)."""
    formatter = renderer.formatter
    if run.hours:
        return formatter.items([formatter.time_range(opens, closes) for opens, closes in run.hours])
    return formatter.time_range(run.start, run.end) if run.start else None


def when_lines(renderer: LocaleServices, event: Event) -> list[WhenLine]:
    """The event's own days and hours, then each further session, in the renderer's locale."""
    formatter = renderer.formatter
    lines = []
    for run in event.runs:
        skipped = None
        if run.skip:
            days = formatter.items([formatter.short_date(day) for day in sorted(run.skip)])
            skipped = renderer.gettext("except %(days)s") % {"days": days}
        dates = formatter.date_range(run.date, run.end_date or run.date)
        lines.append(WhenLine(dates, run.date.isoformat(), _hours_text(renderer, run), skipped))
    return lines
