"""``/api/events.json``: every event of every campaign, in every locale.

The models below are the format's only declaration: the JSON written into
the site and ``schemas/events-api.schema.json`` both come from them, and
each field's description is its documentation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial

from pydantic import BaseModel, ConfigDict, Field

from donorsite.content.loading import SiteContent
from donorsite.content.options import GeneratedFile, SiteOptions
from donorsite.content.rebuild_memory import RebuildMemory, kept
from donorsite.core.addresses import EVENTS_API, campaign_page_address, event_calendar_url, feed_url, locale_calendar_url
from donorsite.exports.event_texts import EventTexts, event_texts
from donorsite.exports.occurrences import EventOccurrence, site_occurrences
from donorsite.localize.services import LocaleServices
from donorsite.localize.texts import LocalText, TextOrigin
from donorsite.model.campaign import CampaignKind, CampaignStatus
from donorsite.model.fields import CountryCode, LocaleCode
from donorsite.render.maps import venue_country


class ApiModel(BaseModel):
    """Base of the API's models: an output format, described as it is written."""

    # Every field is always written (null when unknown), so the schema
    # (generated in serialization mode) lists every field as required.
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_serialization_defaults_required=True)


class ApiText(ApiModel):
    """A text as a reader of one locale sees it."""

    text: str = Field(description="The text shown to the reader.")
    lang: LocaleCode = Field(description="The language the text is in (BCP 47); differs from the locale when the text fell back.")
    origin: TextOrigin = Field(
        description="written: written for this locale by a person; converted: converted between Simplified and Traditional "
        "Chinese with OpenCC; fallback: not written for this locale, shown in the language given in lang."
    )


LocalizedApiText = dict[LocaleCode, ApiText]


class ApiCoordinates(ApiModel):
    """A point on the map in WGS 84 degrees."""

    latitude: float = Field(description="Degrees north, -90 to 90.")
    longitude: float = Field(description="Degrees east, -180 to 180.")


class ApiVenue(ApiModel):
    """Where the event takes place, in every locale."""

    name: LocalizedApiText = Field(description="Name of the place, keyed by locale code.")
    address: LocalizedApiText | None = Field(description="Street address keyed by locale code; null when not written.")
    city: LocalizedApiText = Field(description="City or district, keyed by locale code.")
    country: CountryCode | None = Field(
        description="Two-letter country code (ISO 3166): written on the venue, else the country of the time zone; null if unknown."
    )
    coordinates: ApiCoordinates | None = Field(description="Map position; null when not known.")


class ApiSession(ApiModel):
    """One session of an event: a span of real time during which it is on."""

    start: datetime = Field(description="Beginning, date and time with the UTC offset of the event's time zone (ISO 8601).")
    end: datetime = Field(description="End, exclusive, with UTC offset.")


class ApiEvent(ApiModel):
    """One dated event of a campaign."""

    id: str = Field(
        description="Stable id, <campaign id>-<YYYYMMDD>[-HHMM] from the campaign, the event's first day and its start time "
        "(or the time of its programme's first item), "
        "with -2, -3... for events of one campaign that begin at the same moment. The calendar files' UID is this id "
        "followed by @ and the site's host."
    )
    campaign_id: str = Field(description="The campaign's id, the name of its YAML file and of its page.")
    number: int = Field(ge=1, description="The event's position in its campaign, from 1 (as in its calendar file event-<n>.ics).")
    kind: CampaignKind = Field(description="What sort of campaign the event belongs to.")
    status: CampaignStatus = Field(description="Where the campaign stands; cancelled and postponed events keep their old date.")
    all_day: bool = Field(description="True when no start time is known (neither a start nor a programme): start and end are then dates.")
    start: datetime | date = Field(
        description="Beginning: date and time with the UTC offset of the event's time zone (ISO 8601), or the first day for all-day events."
    )
    end: datetime | date = Field(
        description="End: date and time with UTC offset, exclusive (from the end time, else the end of the programme, "
        "else two hours after the last start); for all-day events the last day, inclusive."
    )
    sessions: list[ApiSession] = Field(
        description="Every session of the event, earliest first: each day's hours from date to end_date (a lunch break "
        "splits a day in two), less skipped days, then further sessions. start and end above are the first start and the "
        "last end; the event is on only inside a session. An all-day day runs from midnight to midnight."
    )
    timezone: str = Field(description="IANA time zone of the event, e.g. Asia/Ho_Chi_Minh.")
    title: LocalizedApiText = Field(description="The campaign's title, keyed by locale code.")
    event_title: LocalizedApiText | None = Field(description="The event's own title keyed by locale code; null when it has none.")
    summary: LocalizedApiText = Field(description="The campaign's summary, keyed by locale code.")
    venue: ApiVenue = Field(description="Where the event takes place.")
    url: dict[LocaleCode, str] = Field(description="Absolute address of the campaign's page, keyed by locale code.")
    ics: dict[LocaleCode, str] = Field(description="Absolute address of the event's calendar file (.ics), keyed by locale code.")
    updated: date = Field(description="When the campaign last changed.")


class EventsApi(ApiModel):
    """All events of the site's campaigns, earliest first, with their texts in every locale."""

    generated: date = Field(description="The day the site was built.")
    site_url: str = Field(description="The site's public address; every address below starts with it.")
    locales: list[LocaleCode] = Field(description="The site's locales, in its order; texts and addresses are keyed by these codes.")
    calendars: dict[LocaleCode, str] = Field(description="Absolute address of each locale's subscribable calendar of all events.")
    feeds: dict[LocaleCode, str] = Field(description="Absolute address of each locale's Atom feed of campaigns.")
    events: list[ApiEvent] = Field(description="Every event, by start (all-day events from local midnight), then by id.")


def _api_text(text: LocalText) -> ApiText:
    return ApiText(text=text.text, lang=text.lang, origin=text.origin)


def _localized(texts: dict[str, EventTexts], pick: Callable[[EventTexts], LocalText]) -> LocalizedApiText:
    """One text of the event in every locale."""
    return {code: _api_text(pick(locale_texts)) for code, locale_texts in texts.items()}


def _optional_localized(texts: dict[str, EventTexts], pick: Callable[[EventTexts], LocalText | None]) -> LocalizedApiText | None:
    """Like ``_localized`` for a text the event may lack (then None)."""
    values = {code: pick(locale_texts) for code, locale_texts in texts.items()}
    return {code: _api_text(value) for code, value in values.items() if value is not None} or None


def _venue(occurrence: EventOccurrence, texts: dict[str, EventTexts]) -> ApiVenue:
    venue = occurrence.event.venue
    coordinates = venue.coordinates
    return ApiVenue(
        name=_localized(texts, lambda t: t.venue_name),
        address=_optional_localized(texts, lambda t: t.venue_address),
        city=_localized(texts, lambda t: t.venue_city),
        country=venue_country(venue, occurrence.event.timezone),
        coordinates=ApiCoordinates(latitude=coordinates.latitude, longitude=coordinates.longitude) if coordinates else None,
    )


def api_event(occurrence: EventOccurrence, renderers: dict[str, LocaleServices], options: SiteOptions) -> ApiEvent:
    """The API's record of one event, with texts and addresses in every locale."""
    entry = occurrence.entry
    campaign = entry.campaign
    texts = {code: event_texts(renderer, occurrence) for code, renderer in renderers.items()}
    return ApiEvent(
        id=occurrence.id,
        campaign_id=entry.id,
        number=occurrence.number,
        kind=campaign.kind,
        status=campaign.status,
        all_day=occurrence.all_day,
        start=occurrence.start,
        end=occurrence.end,
        sessions=[ApiSession(start=start, end=end) for start, end in occurrence.sessions],
        timezone=occurrence.event.timezone,
        title=_localized(texts, lambda t: t.title),
        event_title=_optional_localized(texts, lambda t: t.event_title),
        summary=_localized(texts, lambda t: t.summary),
        venue=_venue(occurrence, texts),
        url={code: campaign_page_address(options.base_url, renderer.site_locale, entry.id) for code, renderer in renderers.items()},
        ics={
            code: options.base_url + event_calendar_url(renderer.site_locale, entry.id, occurrence.index)
            for code, renderer in renderers.items()
        },
        updated=entry.updated,
    )


def events_api(
    occurrences: list[EventOccurrence], renderers: dict[str, LocaleServices], options: SiteOptions, memory: RebuildMemory | None = None
) -> EventsApi:
    """The whole events API document; with ``memory``, an unchanged campaign's records are kept."""
    return EventsApi(
        generated=options.today,
        site_url=options.base_url,
        locales=list(renderers),
        calendars={code: options.base_url + locale_calendar_url(renderer.site_locale) for code, renderer in renderers.items()},
        feeds={code: options.base_url + feed_url(renderer.site_locale) for code, renderer in renderers.items()},
        events=[
            kept(memory, ("API event", o.entry.id, o.index), (o.entry,), partial(api_event, o, renderers, options)) for o in occurrences
        ],
    )


def events_api_file(
    content: SiteContent,
    renderers: dict[str, LocaleServices],
    options: SiteOptions,
    memory: RebuildMemory | None = None,
    occurrences: list[EventOccurrence] | None = None,
) -> GeneratedFile:
    """``/api/events.json``, indented UTF-8 JSON (of ``occurrences``, by default the content's)."""
    document = events_api(site_occurrences(content.campaigns) if occurrences is None else occurrences, renderers, options, memory)
    return GeneratedFile(EVENTS_API, (document.model_dump_json(indent=2) + "\n").encode("utf-8"))
