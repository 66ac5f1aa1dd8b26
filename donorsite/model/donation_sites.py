"""The donation-sites format: ``sites.yaml``, blood centres and their permanent sites with weekly hours.

Opening hours are written per weekday as ``"HH:MM-HH:MM"`` spans; an
exception replaces a day's hours (or closes the site) for one date or a
range of dates: holidays, closures, extended hours.
"""

from __future__ import annotations

import datetime
import re
from datetime import time
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema

from donorsite.model.campaign import Contact, Coordinates
from donorsite.model.fields import (
    CalendarDate,
    CountryCode,
    LocaleCode,
    LocalizedName,
    LocalizedText,
    Slug,
    StrictModel,
    WebLink,
    editor_error,
)
from donorsite.model.time_zones import TimeZoneName

# Weekday keys in ISO order (Monday first), as written in the files and in schema.org's DayOfWeek.
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

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
    if not isinstance(value, str) or not (match := _SPAN.match(value.strip())):
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


class Donation(StrEnum):
    """What can be given at a site."""

    WHOLE_BLOOD = "whole-blood"
    PLATELETS = "platelets"
    PLASMA = "plasma"


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
    donations: list[Annotated[Donation, Field(strict=False)]] = Field(min_length=1, description="whole-blood, platelets, plasma.")
    contact: Contact | None = Field(None, description="Phone, e-mail or web page.")

    def hours_on(self, day: datetime.date) -> tuple[list[tuple[time, time]], HoursException | None]:
        """The spans the site is open on ``day`` (empty: closed) and the exception that set them, if any."""
        for exception in self.exceptions:
            if exception.covers(day):
                return ([] if exception.closed else sorted(exception.hours)), exception
        return self.hours.on(day.weekday()), None


class BloodCentre(StrictModel):
    """A blood service and the sites it runs."""

    id: Slug = Field(description="Short ASCII id of the centre.")
    name: LocalizedName = Field(description="Name of the blood centre; a plain text is shown as written in every locale.")
    url: WebLink | None = Field(None, description="The centre's website.")
    sites: list[DonationSite] = Field(min_length=1, max_length=1000, description="Its permanent donation sites.")


class SitesFile(StrictModel):
    """``sites.yaml``: blood centres and their permanent donation sites."""

    source_language: LocaleCode = Field(description="The locale the texts were written in; its texts are required.")
    centres: list[BloodCentre] = Field(min_length=1, description="Blood centres, each with its sites.")

    def all_sites(self) -> list[tuple[BloodCentre, DonationSite]]:
        """Every site with its centre, in file order."""
        return [(centre, site) for centre in self.centres for site in centre.sites]
