"""The donation-sites format: ``sites.yaml``, blood centres and their permanent sites with weekly hours.

Opening hours are written per weekday as ``"HH:MM-HH:MM"`` spans; an
exception replaces a day's hours (or closes the site) for one date or a
range of dates: holidays, closures, extended hours.
"""

from __future__ import annotations

import datetime
from datetime import time
from enum import StrEnum
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, Field

from donorsite.model.campaign import Contact
from donorsite.model.donation_kinds import DonationKind
from donorsite.model.event import Coordinates
from donorsite.model.fields import CalendarDate, CountryCode, LocaleCode, Slug, StrictModel, editor_error
from donorsite.model.link_fields import WebLink
from donorsite.model.session_times import OpeningSpan
from donorsite.model.text_fields import LocalizedName, LocalizedText
from donorsite.model.time_zones import TimeZoneName

# Weekday keys in ISO order (Monday first), as written in the files and in schema.org's DayOfWeek.
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class WeeklyHours(StrictModel):
    """Opening hours per weekday; a day not written is a closed day."""

    monday: list[OpeningSpan] = Field(default_factory=list, max_length=8, description='Spans such as ["08:30-11:30", "13:00-17:00"].')
    tuesday: list[OpeningSpan] = Field(default_factory=list, max_length=8, description="As monday.")
    wednesday: list[OpeningSpan] = Field(default_factory=list, max_length=8, description="As monday.")
    thursday: list[OpeningSpan] = Field(default_factory=list, max_length=8, description="As monday.")
    friday: list[OpeningSpan] = Field(default_factory=list, max_length=8, description="As monday.")
    saturday: list[OpeningSpan] = Field(default_factory=list, max_length=8, description="As monday.")
    sunday: list[OpeningSpan] = Field(default_factory=list, max_length=8, description="As monday.")

    def on(self, weekday: int) -> list[tuple[time, time]]:
        """The spans of ISO weekday ``weekday`` (0 = Monday), sorted."""
        return sorted(getattr(self, WEEKDAYS[weekday]))


class SiteKind(StrEnum):
    """What sort of permanent site it is."""

    BLOOD_CENTRE = "blood-centre"
    DONATION_HOUSE = "donation-house"
    BUS_STOP = "bus-stop"


class HoursException(StrictModel):
    """Different hours for one date or a range: a holiday, a closure, extended hours."""

    date: CalendarDate = Field(description="First day, YYYY-MM-DD.")
    end_date: CalendarDate | None = Field(None, description="Last day, for a range of days.")
    closed: bool = Field(False, description="true if the site is closed on these days.")
    hours: list[OpeningSpan] = Field(default_factory=list, max_length=8, description='The hours on these days, e.g. ["08:00-20:00"].')
    note: LocalizedText | None = Field(None, description="Why, e.g. the Spring Festival.")

    @property
    def last_date(self) -> datetime.date:
        """The final day of the exception."""
        return self.end_date or self.date

    def covers(self, day: datetime.date) -> bool:
        """Whether ``day`` falls in the exception."""
        return self.date <= day <= self.last_date


def _each_donation_once(donations: list[DonationKind]) -> list[DonationKind]:
    # A kind written twice would be listed twice on the site's page and in its structured data.
    for index, donation in enumerate(donations):
        if donation in donations[:index]:
            raise editor_error("donation_twice", f"{donation.value} is listed twice; write each kind of donation once")
    return donations


class DonationSite(StrictModel):
    """A permanent place to give blood, with its weekly hours."""

    id: Slug = Field(description="Short ASCII id, used in the page address and by campaign events (site: <id>).")
    kind: SiteKind = Field(strict=False, description="blood-centre, donation-house or bus-stop.")
    name: LocalizedName = Field(description="Name of the site, e.g. 人民路献血屋; a plain text is shown as written in every locale.")
    address: LocalizedName = Field(description="Street address; a plain text is shown as written in every locale.")
    city: LocalizedText = Field(description="City or district.")
    country: CountryCode | None = Field(None, description="Two-letter country code; without it, the country of the time zone.")
    coordinates: Coordinates | None = Field(None, description="Map position; without it, maps search for name and address.")
    timezone: TimeZoneName = Field(description="IANA time zone, e.g. Asia/Shanghai.")
    hours: WeeklyHours = Field(description="Opening hours per weekday.")
    exceptions: list[HoursException] = Field(default_factory=list, max_length=500, description="Holidays, closures, extended hours.")
    donations: Annotated[list[Annotated[DonationKind, Field(strict=False)]], AfterValidator(_each_donation_once)] = Field(
        min_length=1, description="whole-blood, platelets, plasma."
    )
    contact: Contact | None = Field(None, description="Phone, e-mail or web page.")
    region: Slug | None = Field(None, description="Id of the site's city or district in `regions`, e.g. jiangsu-suzhou.")

    def hours_on(self, day: datetime.date) -> tuple[list[tuple[time, time]], HoursException | None]:
        """The spans the site is open on ``day`` (empty: closed), touching spans joined, and the exception that set them, if any."""
        for exception in self.exceptions:
            if exception.covers(day):
                return ([] if exception.closed else merge_spans(exception.hours)), exception
        return merge_spans(self.hours.on(day.weekday())), None

    def schedule_data(self) -> dict[str, Any]:
        """The week and the exceptions as plain data, clocks as "HH:MM": what the page embeds and ``site_state`` reads."""
        return {
            "week": [_clocks(merge_spans(self.hours.on(index))) for index in range(7)],
            "exceptions": [
                {"from": e.date.isoformat(), "to": e.last_date.isoformat(), "spans": [] if e.closed else _clocks(merge_spans(e.hours))}
                for e in self.exceptions
            ],
        }


def merge_spans(spans: list[tuple[time, time]]) -> list[tuple[time, time]]:
    """``spans`` sorted, with spans that touch or overlap joined: 09:00-12:00 and 12:00-17:00 are 09:00-17:00."""
    merged: list[tuple[time, time]] = []
    for opens, closes in sorted(spans):
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(closes, merged[-1][1]))
        else:
            merged.append((opens, closes))
    return merged


def _clocks(spans: list[tuple[time, time]]) -> list[list[str]]:
    return [[f"{opens:%H:%M}", f"{closes:%H:%M}"] for opens, closes in spans]


def _spans_on(schedule: dict[str, Any], day: datetime.date) -> list[list[str]]:
    """The spans of ``day`` in schedule data (the exception covering it, else its weekday's), joined, as "HH:MM"."""
    spans = schedule["week"][day.weekday()]
    for exception in schedule["exceptions"]:
        if exception["from"] <= day.isoformat() <= exception["to"]:
            spans = exception["spans"]
            break
    return _clocks(merge_spans([(time.fromisoformat(a), time.fromisoformat(b)) for a, b in spans]))


def next_opening(schedule: dict[str, Any], day: datetime.date) -> tuple[datetime.date, str] | None:
    """The first day after ``day`` (within a year) the site opens, and its opening clock; None if it stays closed."""
    for ahead in range(1, 367):
        later = day + datetime.timedelta(days=ahead)
        spans = _spans_on(schedule, later)
        if spans:
            return later, spans[0][0]
    return None


def site_state(schedule: dict[str, Any], now: datetime.datetime, timezone: str) -> dict[str, str | None]:
    """A site's state at ``now`` on its own wall clock, as ``siteState`` in docs/assets/time-rules.js computes it.

    Returns ``state`` (open-now, opens-at, closed-now or closed-today), ``time``
    (closing or opening clock), and when closed ``next_day``/``next_time``: the next opening.
    """
    local = now.astimezone(ZoneInfo(timezone))
    clock = f"{local:%H:%M}"
    spans = _spans_on(schedule, local.date())
    for opens, closes in spans:
        if opens <= clock < closes:
            return {"state": "open-now", "time": closes, "next_day": None, "next_time": None}
        if clock < opens:
            return {"state": "opens-at", "time": opens, "next_day": None, "next_time": None}
    following = next_opening(schedule, local.date())
    return {
        "state": "closed-now" if spans else "closed-today",
        "time": None,
        "next_day": following[0].isoformat() if following else None,
        "next_time": following[1] if following else None,
    }


class BloodCentre(StrictModel):
    """A blood service and the sites it runs."""

    id: Slug = Field(description="Short ASCII id of the centre.")
    name: LocalizedName = Field(description="Name of the blood centre; a plain text is shown as written in every locale.")
    url: WebLink | None = Field(None, description="The centre's website.")
    sites: list[DonationSite] = Field(min_length=1, max_length=1000, description="Its permanent donation sites.")


class Region(StrictModel):
    """A city or district that campaigns and sites name by its id, so that readers see one place under one name."""

    id: Slug = Field(description="Short ASCII id, e.g. jiangsu-suzhou; campaigns write it as `region:`, sites as `region:`.")
    name: LocalizedText = Field(description="The place's name per locale, e.g. 苏州市 / Tô Châu / Suzhou.")
    coordinates: Coordinates | None = Field(None, description="A point in the place, for readers who sort by distance.")


class SitesFile(StrictModel):
    """``sites.yaml``: blood centres and their permanent donation sites, and the places they are in."""

    source_language: LocaleCode = Field(description="The locale the texts were written in; its texts are required.")
    regions: list[Region] = Field(default_factory=list, max_length=5000, description="Cities and districts, by id.")
    centres: list[BloodCentre] = Field(min_length=1, description="Blood centres, each with its sites.")

    def region(self, region_id: str | None) -> Region | None:
        """The region with id ``region_id``, or None."""
        return next((region for region in self.regions if region.id == region_id), None)

    def all_sites(self) -> list[tuple[BloodCentre, DonationSite]]:
        """Every site with its centre, in file order."""
        return [(centre, site) for centre in self.centres for site in centre.sites]
