"""What a page embeds so that the reader's browser tells where an event stands in time.

The build writes the state as of its build date (never "on now", and never
without the date it holds for); ``docs/assets/time-state.js`` recomputes it
from the embedded sessions when the page is read, by the same rules
(``docs/assets/time-rules.js``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from donorsite.model.campaign import CampaignStatus
from donorsite.model.timing import EventSpan, TimeState
from donorsite.render.context import LocaleRenderer
from donorsite.render.labels import TIME_STATE_LABELS

# A postponed or cancelled event's written date is no longer its date: no time badge.
_TIMELESS_DECISIONS = frozenset({CampaignStatus.POSTPONED, CampaignStatus.CANCELLED})


@dataclass(frozen=True)
class TimeStateView:
    """An event's interval for the browser, and its state as of the build date for readers without scripts."""

    state: str
    text: str
    starts: str
    ends: str
    timezone: str
    first_day: str
    labels: tuple[tuple[str, str], ...]
    badge: bool
    # The sessions as JSON ([[start, end], ...] in UTC) and the pattern of "next: <when>" with the zone filled in.
    sessions: str = "[]"
    when_pattern: str = ""

    @property
    def ended(self) -> bool:
        """Whether the event had ended by the build date."""
        return self.state == TimeState.ENDED.value

    @property
    def when(self) -> str:
        """``past`` once ended, else ``upcoming``: the value the listing's filter matches."""
        return "past" if self.ended else "upcoming"


def build_time_state(renderer: LocaleRenderer, span: EventSpan | None, decision: CampaignStatus, build_date: date) -> TimeStateView | None:
    """The view of ``span`` as of ``build_date``; None without a span (a report has no event)."""
    if span is None:
        return None
    standing = span.standing_on(build_date)
    state = standing.state
    when_pattern = renderer.gettext("%(date)s, %(time)s (%(zone)s)") % {
        "date": "%(date)s",
        "time": "%(time)s",
        "zone": renderer.formatter.zone_name(span.timezone),
    }
    label = renderer.gettext(TIME_STATE_LABELS[state])
    if state is TimeState.BETWEEN:
        label = label % {"when": _when_text(renderer, standing.next_start, span.timezone, when_pattern)}
    if state is not TimeState.ENDED:
        # "Upcoming" or "Today" stops being true: say for which day it was written.
        label = renderer.gettext("%(state)s (as of %(date)s)") % {"state": label, "date": renderer.formatter.short_date(build_date)}
    return TimeStateView(
        state=state.value,
        text=label,
        starts=span.starts_iso,
        ends=span.ends_iso,
        timezone=span.timezone,
        first_day=span.first_day.isoformat(),
        labels=tuple((value.value, renderer.gettext(text)) for value, text in TIME_STATE_LABELS.items()),
        badge=decision not in _TIMELESS_DECISIONS,
        sessions=span.sessions_json,
        when_pattern=when_pattern,
    )


def _when_text(renderer: LocaleRenderer, moment: datetime | None, timezone: str, pattern: str) -> str:
    """The next session's day and time on the event's wall clock, e.g. "Saturday, 20 March 2027, 09:00 (China Standard Time)"."""
    if moment is None:
        return ""
    local = moment.astimezone(ZoneInfo(timezone))
    return pattern % {"date": renderer.formatter.date(local.date()), "time": renderer.formatter.time(local.time())}
