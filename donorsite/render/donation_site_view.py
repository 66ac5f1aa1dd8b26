"""A permanent donation site as readers see it: the week's hours, exceptions, map links and today's state.

Today's state (open now, opens at, closed) depends on the reader's clock:
the page embeds the week and the exceptions in the site's zone, and
``docs/assets/site-hours.js`` computes it; readers without scripts see the
hours of the build date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, time, timedelta

from babel.dates import format_date

from donorsite.localize.picking import TextPicker
from donorsite.localize.texts import LocalText
from donorsite.model.donation_sites import WEEKDAYS, BloodCentre, DonationSite, next_opening
from donorsite.model.event import Venue
from donorsite.model.time_zones import zone_country
from donorsite.render.centre_labels import (
    CLOSED_NOW,
    CLOSED_NOW_NEXT,
    CLOSED_TODAY,
    CLOSED_TODAY_NEXT,
    DONATION_LABELS,
    IN_SITE_ZONE,
    KIND_LABELS,
    OPEN_NOW,
    OPENS_AT,
)
from donorsite.render.context import LocaleRenderer
from donorsite.render.maps import MapLink, map_links


@dataclass(frozen=True)
class DayHours:
    """One weekday's row of the week table."""

    weekday: str
    key: str
    text: str
    closed: bool


@dataclass(frozen=True)
class ExceptionView:
    """Different hours for some days, ready to show."""

    when: str
    text: str
    note: LocalText | None


@dataclass(frozen=True)
class SiteView:
    """One site in one locale."""

    id: str
    name: LocalText
    centre: LocalText
    kind: str
    place_text: str
    address: LocalText
    city: LocalText
    timezone: str
    zone_name: str
    maps: list[MapLink]
    week: list[DayHours]
    exceptions: list[ExceptionView]
    donations_text: str
    phone: str | None
    email: str | None
    url: str | None
    today_text: str
    # For site-hours.js: the week and the exceptions as JSON, and the labels of each state.
    schedule_json: str
    labels: tuple[tuple[str, str], ...]


def _spans_text(renderer: LocaleRenderer, spans: list[tuple[time, time]]) -> str:
    if not spans:
        return renderer.gettext("Closed")
    return renderer.formatter.items([renderer.formatter.time_range(opens, closes) for opens, closes in spans])


def _in_a_sentence(labels: list[str]) -> list[str]:
    """Labels written for standing alone (Whole blood, Plasma), as items of one sentence: "Whole blood and plasma"."""
    return labels[:1] + [label[:1].lower() + label[1:] for label in labels[1:]]


def _venue(site: DonationSite) -> Venue:
    return Venue(name=site.name, address=site.address, city=site.city, country=site.country, coordinates=site.coordinates)


def _today_text(renderer: LocaleRenderer, site: DonationSite, build_date: date) -> str:
    """The build date's hours; on a closed day, with the next opening."""
    spans, _ = site.hours_on(build_date)
    hours = _spans_text(renderer, spans)
    following = next_opening(site.schedule_data(), build_date) if not spans else None
    if following:
        day, clock = following
        hours = renderer.gettext(CLOSED_TODAY_NEXT) % {
            "day": renderer.formatter.date(day),
            "time": renderer.formatter.time(time.fromisoformat(clock)),
        }
    return renderer.gettext("%(date)s: %(hours)s") % {"date": renderer.formatter.date(build_date), "hours": hours}


def _schedule_json(renderer: LocaleRenderer, site: DonationSite) -> str:
    """The week and the exceptions for site-hours.js, with each clock's text in the locale (``times``)."""
    schedule = site.schedule_data()
    clocks = {clock for day in schedule["week"] for span in day for clock in span}
    clocks |= {clock for e in schedule["exceptions"] for span in e["spans"] for clock in span}
    schedule["times"] = {clock: renderer.formatter.time(time.fromisoformat(clock)) for clock in sorted(clocks)}
    return json.dumps(schedule, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# How far ahead the page lists exceptions, and how far ahead the browser knows the hours.
_AHEAD = timedelta(days=366)


def build_site_view(renderer: LocaleRenderer, centre: BloodCentre, site: DonationSite, source_language: str, build_date: date) -> SiteView:
    """The view of ``site`` as of ``build_date``; exceptions already over by then are left out."""
    pick = TextPicker(renderer, source_language, site.country or zone_country(site.timezone))
    name, address, city = pick(site.name), pick(site.address), pick(site.city)
    # One plain line for map searches (name, address, city); the page shows them with venue_line.
    place = ", ".join((name.text, address.text, city.text))
    week = []
    for index, key in enumerate(WEEKDAYS):
        # 2024-01-01 was a Monday: the locale's name of each weekday from CLDR.
        weekday = format_date(date(2024, 1, 1) + timedelta(days=index), "EEEE", locale=renderer.formatter.locale)
        spans = site.hours.on(index)
        week.append(DayHours(weekday, key, _spans_text(renderer, spans), not spans))
    current = [e for e in site.exceptions if e.last_date >= build_date and e.date <= build_date + _AHEAD]
    exceptions = [
        ExceptionView(
            renderer.formatter.date_range(e.date, e.last_date),
            renderer.gettext("Closed") if e.closed else _spans_text(renderer, sorted(e.hours)),
            pick.optional(e.note),
        )
        for e in sorted(current, key=lambda e: e.date)
    ]
    contact = site.contact
    return SiteView(
        id=site.id,
        name=name,
        centre=pick(centre.name),
        kind=renderer.gettext(KIND_LABELS[site.kind]),
        place_text=place,
        address=address,
        city=city,
        timezone=site.timezone,
        zone_name=renderer.formatter.zone_name(site.timezone),
        maps=map_links(_venue(site), site.timezone, place),
        week=week,
        exceptions=exceptions,
        donations_text=renderer.formatter.items(_in_a_sentence([renderer.gettext(DONATION_LABELS[kind]) for kind in site.donations])),
        phone=contact.phone if contact else None,
        email=contact.email if contact else None,
        url=contact.url if contact else None,
        today_text=_today_text(renderer, site, build_date),
        schedule_json=_schedule_json(renderer, site),
        labels=(
            ("open-now", renderer.gettext(OPEN_NOW)),
            ("opens-at", renderer.gettext(OPENS_AT)),
            ("closed-now", renderer.gettext(CLOSED_NOW)),
            ("closed-today", renderer.gettext(CLOSED_TODAY)),
            ("closed-now-next", renderer.gettext(CLOSED_NOW_NEXT)),
            ("closed-today-next", renderer.gettext(CLOSED_TODAY_NEXT)),
            ("zone", renderer.gettext(IN_SITE_ZONE) % {"text": "%(text)s", "zone": renderer.formatter.zone_name(site.timezone)}),
        ),
    )
