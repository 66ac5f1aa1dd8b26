"""The campaign format: one ``campaigns/<id>.yaml`` file per campaign.

Field descriptions here are the editor documentation: they are copied into
the JSON Schema (hover text in the editor) and into the field reference.
"""

from __future__ import annotations

import datetime
from datetime import date, time
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, ValidationInfo

from donorsite.model.fields import (
    CalendarDate,
    Count,
    CountryCode,
    EmailAddress,
    Link,
    LocaleCode,
    LocalizedMarkdown,
    LocalizedName,
    LocalizedText,
    PhoneNumber,
    Slug,
    StrictModel,
    TimeOfDay,
    WebLink,
    editor_error,
)
from donorsite.model.session_times import Session, SessionTimes
from donorsite.model.time_zones import TimeZoneName


class CampaignKind(StrEnum):
    """What sort of campaign a file describes."""

    WORLD_BLOOD_DONOR_DAY = "world-blood-donor-day"
    BLOOD_DRIVE = "blood-drive"
    MOBILISATION_MEETING = "mobilisation-meeting"
    AWARENESS_EVENT = "awareness-event"
    ANNUAL_REPORT = "annual-report"


class CampaignStatus(StrEnum):
    """The organisers' decision about a campaign; whether it is upcoming, on now or over is computed from its dates."""

    PLANNED = "planned"
    CONFIRMED = "confirmed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


# Old status names still read, with the decision each one meant. "open" and
# "completed" mixed a decision with the time; the time is now computed.
LEGACY_STATUSES: dict[str, CampaignStatus] = {"open": CampaignStatus.CONFIRMED, "completed": CampaignStatus.CONFIRMED}


def _read_legacy_status(value: Any) -> Any:
    return LEGACY_STATUSES.get(value, value) if isinstance(value, str) else value


class OrganiserRole(StrEnum):
    """The part an organisation plays."""

    HOST = "host"
    CO_HOST = "co-host"
    ORGANISER = "organiser"
    SUPPORTER = "supporter"
    SPONSOR = "sponsor"
    MEDIA = "media"


class Organiser(StrictModel):
    """An organisation behind the campaign."""

    name: LocalizedName = Field(description="Full name of the organisation; a plain text is shown as written in every locale.")
    role: OrganiserRole = Field(strict=False, description="host, co-host, organiser, supporter, sponsor or media.")
    url: WebLink | None = Field(None, description="The organisation's website (https://...).")


class Contact(StrictModel):
    """Where readers can ask questions."""

    name: LocalizedText | None = Field(None, description="Office or person to contact.")
    phone: PhoneNumber | None = Field(None, description="Phone number, digits, spaces, + ( ) - only.")
    email: EmailAddress | None = Field(None, description="E-mail address.")
    url: WebLink | None = Field(None, description="A web page with contact details.")


class Coordinates(StrictModel):
    """A point on the map in WGS 84 degrees."""

    latitude: Annotated[float, Field(ge=-90, le=90)] = Field(description="Degrees north, -90 to 90.")
    longitude: Annotated[float, Field(ge=-180, le=180)] = Field(description="Degrees east, -180 to 180.")


class Venue(StrictModel):
    """Where an event takes place."""

    name: LocalizedName = Field(description="Name of the place, e.g. a square or a hall; a plain text is shown as written in every locale.")
    address: LocalizedName | None = Field(None, description="Street address; a plain text is shown as written in every locale.")
    city: LocalizedText = Field(description="City or district.")
    country: CountryCode | None = Field(
        None, description="Two-letter country code (ISO 3166), e.g. CN or VN; without it, the country of the time zone is used."
    )
    coordinates: Coordinates | None = Field(None, description="Optional map position.")


class ScheduleItem(StrictModel):
    """One timed item of an event's programme."""

    time: TimeOfDay = Field(description='Start, "HH:MM" in quotes, 24-hour clock.')
    end: TimeOfDay | None = Field(None, description='Optional end, "HH:MM" in quotes.')
    activity: LocalizedText = Field(description="What happens.")


class Waypoint(StrictModel):
    """One stop of a route, in the order travelled."""

    name: LocalizedText = Field(description="Name of the stop.")
    coordinates: Coordinates | None = Field(None, description="Optional map position.")


def _venue_or_site(schema: dict[str, Any]) -> None:
    """In the JSON Schema: an event names its venue and zone, or a donation site of sites.yaml that gives both."""
    schema["required"] = [name for name in schema.get("required", []) if name not in ("venue", "timezone")]
    schema["anyOf"] = [{"required": ["venue", "timezone"]}, {"required": ["site"]}]


class Event(SessionTimes):
    """One dated gathering of a campaign: a drive, a meeting, a ride. Its days and hours are its sessions."""

    model_config = ConfigDict(json_schema_extra=_venue_or_site)

    title: LocalizedText | None = Field(None, description="Name of this event if the campaign has several.")
    timezone: TimeZoneName = Field(description="IANA time zone, e.g. Asia/Shanghai or Asia/Ho_Chi_Minh.")
    venue: Venue = Field(description="Where it takes place; may be left out when `site` names a donation site.")
    site: Slug | None = Field(
        None, description="Id of a donation site in sites.yaml; its name, address, position and time zone are used unless written here."
    )
    sessions: list[Session] = Field(
        default_factory=list,
        max_length=366,
        description="Further days of this event at the same venue, each with its own date and hours "
        "(the event's own date and hours are its first sessions), e.g. a second weekend.",
    )
    schedule: list[ScheduleItem] = Field(default_factory=list, max_length=500, description="Timed programme.")
    route: list[Waypoint] = Field(default_factory=list, max_length=500, description="Ordered stops of a ride or walk.")
    bring: list[LocalizedText] = Field(default_factory=list, description="What donors or riders should bring.")
    rules: list[LocalizedText] = Field(default_factory=list, description="Rules participants must follow.")
    notes: list[LocalizedText] = Field(default_factory=list, description="Other practical notes.")
    disclaimer: list[LocalizedText] = Field(default_factory=list, description="Disclaimer paragraphs.")

    @property
    def runs(self) -> list[SessionTimes]:
        """The event's own days and hours, then its further sessions, as written."""
        return [self, *self.sessions]

    @property
    def last_date(self) -> datetime.date:
        """The final day of the event, over all its sessions."""
        return max([self.end_date or self.date, *(session.last_date for session in self.sessions)])

    @property
    def start_time(self) -> time | None:
        """The start time, or the first span's, or the first schedule item's time."""
        return self.start or (self.hours[0][0] if self.hours else None) or (self.schedule[0].time if self.schedule else None)


class CustomMeasure(StrictModel):
    """A count with its own label, for figures the standard measures lack."""

    key: Slug = Field(description="Short ASCII name, used to pair a target with its result.")
    label: LocalizedText = Field(description="What is counted.")
    value: Count = Field(description="The count.")


class Measures(StrictModel):
    """Counts of a drive, used both for targets and results."""

    donors: Count | None = Field(None, description="People who gave blood.")
    participants: Count | None = Field(None, description="People who took part (donors and others).")
    units: Count | None = Field(None, description="Blood units collected.")
    whole_blood_ml: Count | None = Field(None, description="Whole blood collected, in mL.")
    platelet_doses: Count | None = Field(None, description="Platelet therapeutic doses collected.")
    plasma_ml: Count | None = Field(None, description="Plasma collected by apheresis, in mL.")
    volunteers: Count | None = Field(None, description="Volunteers who helped.")
    people_served: Count | None = Field(None, description="People given checks or advice on site.")
    other: list[CustomMeasure] = Field(default_factory=list, description="Further counts with their own labels.")


class RecipientKind(StrEnum):
    """Whether an honour roll lists organisations or people."""

    UNITS = "units"
    PEOPLE = "people"


class Recipient(StrictModel):
    """A unit or person on an honour roll."""

    name: LocalizedName = Field(description="Name of the unit or person; a plain text is shown as written in every locale.")
    affiliation: LocalizedText | None = Field(None, description="Workplace or district of a person.")
    mask_name: bool = Field(False, description="Show a person's name masked, e.g. 褚*燕, to protect privacy.")


class HonourRoll(StrictModel):
    """A named category of an honour roll with its recipients."""

    title: LocalizedText = Field(description="Name of the category, e.g. Advanced units.")
    recipients_are: RecipientKind = Field(strict=False, description="units or people.")
    recipients: list[Recipient] = Field(min_length=1, description="Who is honoured, in the published order.")


class FigureUnit(StrEnum):
    """How a statistic is counted and written."""

    COUNT = "count"
    PEOPLE = "people"
    DONATIONS = "donations"
    ML = "ml"
    PERCENT = "percent"
    HOURS = "hours"


class FigureQualifier(StrEnum):
    """How exact a reported number is: the report's "about 140", "more than 10,000"."""

    ABOUT = "about"
    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    FEWER_THAN = "fewer-than"


# The largest value a report can mean for each unit, and whether it is a whole number.
_FIGURE_RANGES: dict[FigureUnit, tuple[float, bool]] = {
    FigureUnit.COUNT: (1e9, True),
    FigureUnit.PEOPLE: (1e9, True),
    FigureUnit.DONATIONS: (1e9, True),
    FigureUnit.ML: (1e12, False),
    FigureUnit.PERCENT: (1000, False),
    FigureUnit.HOURS: (1e7, False),
}


def _figure_value_in_range(value: float, info: ValidationInfo) -> float:
    unit = info.data.get("unit")
    if not isinstance(unit, FigureUnit):
        return value  # the unit's own error is reported
    largest, whole = _FIGURE_RANGES[unit]
    if value > largest:
        raise editor_error("figure_large", f"{value:g} {unit.value} looks mistyped; a figure in {unit.value} is at most {largest:g}")
    if whole and value != int(value):
        raise editor_error("figure_whole", f"{value:g} {unit.value} is not a whole number; write a count without decimals")
    if 0 < value < 0.01:
        raise editor_error("figure_small", f"{value:g} {unit.value} looks mistyped; write 0 or a figure with at most two decimals")
    return value


class Figure(StrictModel):
    """One reported statistic of a report."""

    label: LocalizedText = Field(description="What the figure measures.")
    # The unit comes first so that the value is checked against the range its unit allows.
    unit: FigureUnit = Field(strict=False, description="count, people, donations, ml, percent or hours.")
    value: Annotated[float, Field(ge=0, allow_inf_nan=False, le=1e15), AfterValidator(_figure_value_in_range)] = Field(
        description="The number; a percent is written as 72.7."
    )
    qualifier: FigureQualifier | None = Field(
        None,
        strict=False,
        description="When the report gives an approximate number: about, more-than, at-least or fewer-than "
        "(shown the language's way: 约140人, 1万多人, more than 10,000).",
    )
    group: LocalizedText | None = Field(
        None, description="Heading of the group the figure belongs to; figures in a row with the same group are shown together."
    )
    comparison: LocalizedText | None = Field(None, description="A short comparison shown under the figure, e.g. +29 points on last year.")


class AwardGrade(StrEnum):
    """Grades of the national blood-donation award."""

    GOLD = "gold"
    SILVER = "silver"
    BRONZE = "bronze"


class AwardCount(StrictModel):
    """How many people received an award of one grade."""

    grade: AwardGrade = Field(strict=False, description="gold, silver or bronze.")
    count: Count = Field(description="Number of people.")


class Statistics(StrictModel):
    """Figures of an annual report; totals of awards are computed."""

    figures: list[Figure] = Field(default_factory=list, description="Reported figures, in the order to show.")
    awards: list[AwardCount] = Field(default_factory=list, description="Award counts by grade.")
    award_name: LocalizedText | None = Field(None, description="Name of the award, e.g. the national dedication award.")


class Image(StrictModel):
    """A picture shown on the campaign page."""

    src: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.(jpg|jpeg|png|webp)$")] = Field(
        description="A picture file under docs/, e.g. images/poster.jpg (no outside hosts)."
    )
    alt: LocalizedText = Field(description="Text alternative, required in every locale.")


class Campaign(StrictModel):
    """A blood-donation campaign, event plan, results summary or report."""

    kind: CampaignKind = Field(
        strict=False, description="world-blood-donor-day, blood-drive, mobilisation-meeting, awareness-event or annual-report."
    )
    status: Annotated[CampaignStatus, BeforeValidator(_read_legacy_status)] = Field(
        strict=False,
        description="The organisers' decision: planned, confirmed, postponed or cancelled. "
        "Whether the campaign is upcoming, on now or over is computed from its dates (old values: open and completed mean confirmed).",
    )
    source_language: LocaleCode = Field(description="The locale the campaign was written in; its texts are required.")
    year: Annotated[int, Field(ge=1990, le=2100)] = Field(description="Campaign year.")
    id: Slug | None = Field(
        None,
        description="The campaign id: the file name without .yaml and the page's address, e.g. 2027-hai-phong-blood-drive "
        "(lowercase letters without accents, digits and hyphens). "
        "The web editor names a new file after it; if written, it must be the file's name.",
        examples=["2027-hai-phong-blood-drive"],
    )
    region: Slug | None = Field(None, description="ASCII region key, e.g. jiangsu-suzhou, to build one region alone.")
    country: CountryCode | None = Field(
        None,
        description="Two-letter country code (ISO 3166) of a campaign without events, such as a report: CN or VN. "
        "It says which Chinese script readers of other languages see; a campaign with events takes its first venue's country.",
    )
    published: CalendarDate | None = Field(None, description="Date of publication, for reports.")
    updated: CalendarDate | None = Field(
        None, description="Date of the last change readers should know of; without it, the date of the file's last commit."
    )
    theme: LocalizedText | None = Field(None, description="The year's theme or motto.")
    title: LocalizedText = Field(description="Title of the campaign.")
    summary: LocalizedText = Field(description="One or two sentences shown in listings.")
    body: LocalizedMarkdown | None = Field(None, description="Longer text; Markdown allowed, no HTML.")
    organisers: list[Organiser] = Field(default_factory=list, description="Organisations and their roles.")
    contact: Contact | None = Field(None, description="Where to ask questions.")
    registration: WebLink | None = Field(None, description="Sign-up page (https://...).")
    links: list[Link] = Field(default_factory=list, description="Further links (http, https, mailto, tel).")
    events: list[Event] = Field(default_factory=list, description="Dated events, earliest first.")
    targets: Measures | None = Field(None, description="What the campaign aims for.")
    results: Measures | None = Field(None, description="What it achieved; percentages of targets are computed.")
    honour_rolls: list[HonourRoll] = Field(default_factory=list, description="Honour-roll categories.")
    statistics: Statistics | None = Field(None, description="Figures of an annual report.")
    images: list[Image] = Field(default_factory=list, description="Pictures with alt text.")

    @property
    def sort_date(self) -> date:
        """The date listings sort by: the first event, else publication, else 1 January."""
        if self.events:
            return min(event.date for event in self.events)
        return self.published or date(self.year, 1, 1)
