"""The texts of an event as a reader of one locale sees them, for calendars, the API and structured data."""

from __future__ import annotations

from dataclasses import dataclass

from donorsite.exports.occurrences import EventOccurrence
from donorsite.localize.picking import campaign_picker
from donorsite.localize.places import place_parts
from donorsite.localize.services import LocaleServices
from donorsite.localize.texts import LocalText
from donorsite.model.campaign import Campaign, Organiser, OrganiserRole

# Joins the campaign's title to an event's own title; no label is needed
# because the dash reads the same in every site language.
TITLE_SEPARATOR = " – "
# Joins the parts of a venue into one line (name, street address, city).
PLACE_SEPARATOR = ", "
# Roles whose organisations run the event; supporters, sponsors and media do not.
ORGANIZING_ROLES = frozenset({OrganiserRole.HOST, OrganiserRole.CO_HOST, OrganiserRole.ORGANISER})


@dataclass(frozen=True)
class EventTexts:
    """Every text of one event in one locale, each knowing its language and origin."""

    title: LocalText
    event_title: LocalText | None
    summary: LocalText
    venue_name: LocalText
    venue_address: LocalText | None
    venue_city: LocalText

    @property
    def name(self) -> str:
        """The campaign's title, followed by the event's own title if it has one."""
        if self.event_title is None:
            return self.title.text
        return f"{self.title.text}{TITLE_SEPARATOR}{self.event_title.text}"

    @property
    def name_language(self) -> str | None:
        """The language of ``name``, or None when its two parts are in different languages."""
        return _common_language([self.title, self.event_title])

    @property
    def place_parts(self) -> list[LocalText]:
        """Venue name, then the street address (when written) and city, leaving out any part said already."""
        return [self.venue_name, *place_parts(self.venue_name, self.venue_address, self.venue_city)]

    @property
    def place(self) -> str:
        """The venue on one line: name, address, city."""
        return PLACE_SEPARATOR.join(part.text for part in self.place_parts)

    @property
    def place_language(self) -> str | None:
        """The language of ``place``, or None when its parts are in different languages."""
        return _common_language(list(self.place_parts))


def _common_language(texts: list[LocalText | None]) -> str | None:
    languages = {text.lang for text in texts if text is not None}
    return languages.pop() if len(languages) == 1 else None


def event_texts(renderer: LocaleServices, occurrence: EventOccurrence) -> EventTexts:
    """The texts of ``occurrence`` for a reader of the renderer's locale (written, converted or fallback)."""
    campaign = occurrence.entry.campaign
    venue = occurrence.event.venue
    pick = campaign_picker(renderer, campaign)
    return EventTexts(
        title=pick(campaign.title),
        event_title=pick.optional(occurrence.event.title),
        summary=pick(campaign.summary),
        venue_name=pick(venue.name),
        venue_address=pick.optional(venue.address),
        venue_city=pick(venue.city),
    )


def organizing_organisers(campaign: Campaign) -> list[Organiser]:
    """The hosts, co-hosts and organisers of a campaign, in their written order."""
    return [organiser for organiser in campaign.organisers if organiser.role in ORGANIZING_ROLES]
