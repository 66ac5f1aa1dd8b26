"""Where and when a campaign's events take place: venues, programmes, routes and the event itself.

Field descriptions here are the editor documentation, as in ``model/campaign.py``.
"""

from __future__ import annotations

import datetime
from datetime import time
from typing import Annotated, Any

from pydantic import ConfigDict, Field

from donorsite.model.fields import CountryCode, Slug, StrictModel, TimeOfDay
from donorsite.model.session_times import Session, SessionTimes
from donorsite.model.text_fields import LocalizedName, LocalizedText
from donorsite.model.time_zones import TimeZoneName


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
