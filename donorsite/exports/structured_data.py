"""schema.org ``Event`` data (JSON-LD) of a campaign page."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from donorsite.content.loading import CampaignEntry
from donorsite.content.options import SiteOptions
from donorsite.core.addresses import campaign_page_address
from donorsite.exports.event_texts import EventTexts, event_texts, organizing_organisers
from donorsite.exports.occurrences import EventOccurrence, campaign_occurrences
from donorsite.localize.picking import TextPicker, campaign_picker
from donorsite.localize.services import LocaleServices
from donorsite.model.campaign import CampaignStatus, Organiser
from donorsite.render.maps import venue_country

SCHEMA_ORG = "https://schema.org"
# Planned and confirmed campaigns are scheduled; schema.org has no status for "has taken place".
_EVENT_STATUS = {
    CampaignStatus.CANCELLED: f"{SCHEMA_ORG}/EventCancelled",
    CampaignStatus.POSTPONED: f"{SCHEMA_ORG}/EventPostponed",
}
_SCHEDULED = f"{SCHEMA_ORG}/EventScheduled"


def _iso(moment: datetime | date) -> str:
    """ISO 8601: date and time with UTC offset for timed events, the date alone for all-day ones."""
    return moment.isoformat()


def _address(occurrence: EventOccurrence, texts: EventTexts) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress", "addressLocality": texts.venue_city.text}
    if texts.venue_address:
        address["streetAddress"] = texts.venue_address.text
    country = venue_country(occurrence.event.venue, occurrence.event.timezone)
    if country:
        address["addressCountry"] = country
    return address


def _place(occurrence: EventOccurrence, texts: EventTexts) -> dict[str, Any]:
    place: dict[str, Any] = {"@type": "Place", "name": texts.venue_name.text, "address": _address(occurrence, texts)}
    coordinates = occurrence.event.venue.coordinates
    if coordinates:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": coordinates.latitude, "longitude": coordinates.longitude}
    return place


def _organization(pick: TextPicker, organiser: Organiser) -> dict[str, Any]:
    organization: dict[str, Any] = {"@type": "Organization", "name": pick(organiser.name).text}
    if organiser.url:
        organization["url"] = organiser.url
    return organization


def _organizers(entry: CampaignEntry, renderer: LocaleServices) -> list[dict[str, Any]]:
    """Hosts, co-hosts and organisers of the campaign as schema.org Organizations."""
    campaign = entry.campaign
    pick = campaign_picker(renderer, campaign)
    return [_organization(pick, organiser) for organiser in organizing_organisers(campaign)]


def schema_org_event(occurrence: EventOccurrence, renderer: LocaleServices, options: SiteOptions) -> dict[str, Any]:
    """One event as a schema.org ``Event`` for a reader of the renderer's locale."""
    entry = occurrence.entry
    campaign = entry.campaign
    texts = event_texts(renderer, occurrence)
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "name": texts.name,
        "description": texts.summary.text,
        "startDate": _iso(occurrence.start),
        "endDate": _iso(occurrence.end),
        "eventStatus": _EVENT_STATUS.get(campaign.status, _SCHEDULED),
        "eventAttendanceMode": f"{SCHEMA_ORG}/OfflineEventAttendanceMode",
        "location": _place(occurrence, texts),
        "inLanguage": renderer.site_locale.code,
        "url": campaign_page_address(options.base_url, renderer.site_locale, entry.id),
    }
    sessions = occurrence.sessions
    if len(sessions) > 1 and not occurrence.all_day:
        # Several sessions (days, or a day with a break): each is a sub-event at the same place.
        data["subEvent"] = [
            {"@type": "Event", "name": texts.name, "startDate": _iso(start), "endDate": _iso(end), "location": data["location"]}
            for start, end in sessions
        ]
    organizers = _organizers(entry, renderer)
    if organizers:
        data["organizer"] = organizers
    if campaign.images:
        data["image"] = [options.base_url + image.src for image in campaign.images]
    return data


def campaign_structured_data(entry: CampaignEntry, renderer: LocaleServices, options: SiteOptions) -> list[dict[str, Any]]:
    """One schema.org ``Event`` per event of the campaign, in the renderer's locale (empty without events)."""
    return [schema_org_event(occurrence, renderer, options) for occurrence in campaign_occurrences(entry)]
