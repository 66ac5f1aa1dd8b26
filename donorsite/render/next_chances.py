"""The reader's next chances to give blood: drive days and the days donation sites are open, soonest first.

This module is the one adapter between the content and the "next chances"
list: it reads each event's sessions (``model.sessions.event_sessions``: daily
hours, lunch breaks, skipped days) and each donation site's weekly hours; the
views, templates and the browser script read ``Chance`` alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import partial
from zoneinfo import ZoneInfo

from donorsite.content.loading import CampaignEntry, SiteContent
from donorsite.content.rebuild_memory import RebuildMemory, kept
from donorsite.core.addresses import campaign_key, site_key
from donorsite.model.campaign import CampaignKind, CampaignStatus
from donorsite.model.donation_sites import BloodCentre, DonationSite
from donorsite.model.event import Coordinates, Event
from donorsite.model.sessions import event_sessions, is_all_day
from donorsite.model.text_fields import LocalizedText

# Drives are planned weeks ahead; a site's next open days are what a reader can act on this week.
DRIVE_HORIZON_DAYS = 60
SITE_HORIZON_DAYS = 7
# A site is listed with its next few open days: the browser shows the first one that has not ended yet.
SITE_DAYS_LISTED = 3
# Kinds of campaign at which blood is collected; meetings and reports are not chances to give.
GIVING_KINDS = frozenset({CampaignKind.BLOOD_DRIVE, CampaignKind.WORLD_BLOOD_DONOR_DAY})
# Decisions under which a drive still takes place.
TAKING_PLACE = frozenset({CampaignStatus.PLANNED, CampaignStatus.CONFIRMED})


class ChanceKind(StrEnum):
    """Where the chance is: a drive (a campaign's event) or a permanent donation site."""

    DRIVE = "drive"
    SITE = "site"


@dataclass(frozen=True)
class Chance:
    """One day on which a reader can give blood at one place.

    ``spans`` are the local opening hours of that day (two spans around a
    lunch break); empty when the event gives no hours. ``start`` and ``end``
    are aware instants of the first opening and the last closing.
    """

    kind: ChanceKind
    group: str
    day: date
    start: datetime
    end: datetime
    spans: tuple[tuple[time, time], ...]
    timezone: str
    source_language: str
    title: LocalizedText | None
    venue: LocalizedText
    address: LocalizedText | None
    city: LocalizedText
    region: str | None
    coordinates: Coordinates | None
    page_key: str
    sign_up: str | None


def _local(day: date, moment: time, zone: str) -> datetime:
    return datetime.combine(day, moment, ZoneInfo(zone))


def _event_days(event: Event, as_of: date) -> Iterator[tuple[date, list[tuple[datetime, datetime]]]]:
    """Each day of ``event`` from ``as_of`` on, within the drive horizon, with that day's sessions (a lunch break splits a day in two)."""
    days: dict[date, list[tuple[datetime, datetime]]] = {}
    for start, end in event_sessions(event):
        day = start.date()
        if as_of <= day <= as_of + timedelta(days=DRIVE_HORIZON_DAYS):
            days.setdefault(day, []).append((start, end))
    yield from sorted(days.items())


def _drive_chances(entry: CampaignEntry, as_of: date) -> Iterator[Chance]:
    """Each remaining day of each event of a drive that takes place, within the drive horizon, with its sessions' hours."""
    campaign = entry.campaign
    if campaign.kind not in GIVING_KINDS or campaign.status not in TAKING_PLACE:
        return
    for number, event in enumerate(campaign.events, start=1):
        all_day = is_all_day(event)
        for day, sessions in _event_days(event, as_of):
            spans = () if all_day else tuple((start.time(), end.time()) for start, end in sessions)
            yield Chance(
                kind=ChanceKind.DRIVE,
                group=f"{entry.id}/{number}/{day.isoformat()}",
                day=day,
                start=sessions[0][0],
                end=sessions[-1][1],
                spans=spans,
                timezone=event.timezone,
                source_language=campaign.source_language,
                title=event.title or campaign.title,
                venue=event.venue.name,
                address=event.venue.address,
                city=event.venue.city,
                region=campaign.region,
                coordinates=event.venue.coordinates,
                page_key=campaign_key(entry.id),
                sign_up=str(campaign.registration) if campaign.registration else None,
            )


def _site_chances(centre: BloodCentre, site: DonationSite, source_language: str, as_of: date) -> Iterator[Chance]:
    """The site's next open days from ``as_of`` on, at most ``SITE_DAYS_LISTED`` within the site horizon."""
    listed = 0
    for offset in range(SITE_HORIZON_DAYS + 1):
        day = as_of + timedelta(days=offset)
        spans, _ = site.hours_on(day)
        if not spans or listed >= SITE_DAYS_LISTED:
            continue
        listed += 1
        yield Chance(
            kind=ChanceKind.SITE,
            group=f"site/{site.id}",
            day=day,
            start=_local(day, spans[0][0], site.timezone),
            end=_local(day, spans[-1][1], site.timezone),
            spans=tuple(spans),
            timezone=site.timezone,
            source_language=source_language,
            title=None,
            venue=site.name,
            address=site.address,
            city=site.city,
            region=site.region,
            coordinates=site.coordinates,
            page_key=site_key(site.id),
            sign_up=None,
        )


def _listed_drive_chances(entry: CampaignEntry, as_of: date) -> list[Chance]:
    return list(_drive_chances(entry, as_of))


def upcoming_chances(content: SiteContent, as_of: date, memory: RebuildMemory | None = None) -> list[Chance]:
    """Every chance to give from ``as_of`` (the build date) on, soonest first.

    Drive days come within ``DRIVE_HORIZON_DAYS``, each site's next
    ``SITE_DAYS_LISTED`` open days within ``SITE_HORIZON_DAYS``. A day that
    has begun is listed: the browser hides what has ended by the time it is read.
    """
    # A preview's rebuild keeps an unchanged campaign's chances (every locale's home asks for them).
    drives = [
        kept(memory, ("drive chances", entry.id), (entry, as_of), partial(_listed_drive_chances, entry, as_of))
        for entry in content.campaigns
    ]
    chances = [chance for of_drive in drives for chance in of_drive]
    if content.sites:
        for centre, site in content.sites.all_sites():
            chances.extend(_site_chances(centre, site, content.sites.source_language, as_of))
    return sorted(chances, key=lambda chance: (chance.start, chance.end, chance.group))
