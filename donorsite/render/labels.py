"""English source labels for the values of the content model.

``N_`` only marks a string for ``pybabel extract``; the label is
translated when a page is rendered, through the locale's catalog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from donorsite.model.campaign import Campaign, CampaignKind, CampaignStatus, OrganiserRole
from donorsite.model.results import AwardGrade
from donorsite.model.timing import TimeState


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet."""
    return message


KIND_LABELS: dict[CampaignKind, str] = {
    CampaignKind.WORLD_BLOOD_DONOR_DAY: N_("World Blood Donor Day"),
    CampaignKind.BLOOD_DRIVE: N_("Blood drive"),
    CampaignKind.MOBILISATION_MEETING: N_("Mobilisation meeting"),
    CampaignKind.AWARENESS_EVENT: N_("Awareness event"),
    CampaignKind.ANNUAL_REPORT: N_("Annual report"),
}

# Decisions stay true whenever they are read; labels of time are below.
STATUS_LABELS: dict[CampaignStatus, str] = {
    CampaignStatus.PLANNED: N_("Planned"),
    CampaignStatus.CONFIRMED: N_("Confirmed"),
    CampaignStatus.POSTPONED: N_("Postponed"),
    CampaignStatus.CANCELLED: N_("Cancelled"),
}


def shown_status_label(gettext: Callable[[str], str], campaign: Campaign, today: date) -> str:
    """The text of a campaign's status badge, or "" where a status tells the reader nothing.

    "Confirmed" is news only before a campaign is over: a report, or a
    campaign whose events have all ended, shows no badge. Planned, postponed
    and cancelled are always shown.
    """
    if campaign.status is CampaignStatus.CONFIRMED and (
        campaign.kind is CampaignKind.ANNUAL_REPORT or all(event.last_date < today for event in campaign.events)
    ):
        return ""
    return gettext(STATUS_LABELS[campaign.status])


# Where an event stands in time, computed at build time and again in the browser.
TIME_STATE_LABELS: dict[TimeState, str] = {
    TimeState.UPCOMING: N_("Upcoming"),
    TimeState.TODAY: N_("Today"),
    TimeState.ON_NOW: N_("On now"),
    TimeState.BETWEEN: N_("Between sessions, next: %(when)s"),
    TimeState.ENDED: N_("Ended"),
}

# Choices of the listing's "When" filter; "upcoming" includes today's and running events.
WHEN_LABELS: dict[str, str] = {
    "upcoming": N_("Upcoming"),
    "past": N_("Past"),
}

ROLE_LABELS: dict[OrganiserRole, str] = {
    OrganiserRole.HOST: N_("Host"),
    OrganiserRole.CO_HOST: N_("Co-host"),
    OrganiserRole.ORGANISER: N_("Organiser"),
    OrganiserRole.SUPPORTER: N_("Supporter"),
    OrganiserRole.SPONSOR: N_("Sponsor"),
    OrganiserRole.MEDIA: N_("Media partner"),
}

MEASURE_LABELS: dict[str, str] = {
    "donors": N_("Donors"),
    "participants": N_("Participants"),
    "units": N_("Blood units"),
    "whole_blood_ml": N_("Whole blood"),
    "platelet_doses": N_("Platelet doses"),
    "plasma_ml": N_("Plasma"),
    "volunteers": N_("Volunteers"),
    "people_served": N_("People served on site"),
}

VOLUME_MEASURES = frozenset({"whole_blood_ml", "plasma_ml"})

AWARD_LABELS: dict[AwardGrade, str] = {
    AwardGrade.GOLD: N_("Gold award"),
    AwardGrade.SILVER: N_("Silver award"),
    AwardGrade.BRONZE: N_("Bronze award"),
}

MAP_LABELS: dict[str, str] = {
    "geo": N_("Open in a map app"),
    "amap": N_("Amap"),
    "baidu": N_("Baidu Maps"),
    "openstreetmap": N_("OpenStreetMap"),
    "google": N_("Google Maps"),
}

# Slogan tags the sample slogans use; a tag without a label is shown as "#tag".
TAG_LABELS: dict[str, str] = {
    "gratitude": N_("Thanks to donors"),
    "family": N_("Family"),
    "first-time-donors": N_("First-time donors"),
    "regular-donors": N_("Regular donors"),
    "awareness": N_("Why blood is needed"),
    "youth": N_("Young people"),
    "safety": N_("Safe donation"),
    "health": N_("Health"),
    "community": N_("Neighbourhoods"),
    "workplace": N_("Workplaces"),
    "rare-blood": N_("Rare blood types"),
    "platelets": N_("Platelets"),
    "stem-cells": N_("Stem cells"),
    "plasma": N_("Plasma"),
    "heroes": N_("Everyday heroes"),
    "mothers": N_("Mothers"),
    "solidarity": N_("Solidarity"),
    "hope": N_("Hope"),
    "world-blood-donor-day": N_("World Blood Donor Day"),
}
