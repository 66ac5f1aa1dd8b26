"""The campaign format: one ``campaigns/<id>.yaml`` file per campaign.

Field descriptions here are the editor documentation: they are copied into
the JSON Schema (hover text in the editor) and into the field reference.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from donorsite.model.event import Event
from donorsite.model.fields import CalendarDate, CountryCode, LocaleCode, Slug, StrictModel
from donorsite.model.link_fields import EmailAddress, Link, PhoneNumber, WebLink
from donorsite.model.results import HonourRoll, Measures, Statistics
from donorsite.model.text_fields import LocalizedMarkdown, LocalizedName, LocalizedText


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
