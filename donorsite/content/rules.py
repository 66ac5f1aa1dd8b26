"""Content rules that span several fields, checked after the types are valid."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from donorsite.core.locales import LOCALE_CODES
from donorsite.model.campaign import Campaign, Image
from donorsite.model.country_areas import country_at
from donorsite.model.event import Venue
from donorsite.model.text_fields import LocalizedText
from donorsite.model.time_zones import country_name, country_zones, zone_country
from donorsite.model.timing import event_time_contradictions
from donorsite.reading.yaml_document import FieldPath

RuleViolation = tuple[FieldPath, str]


def walk_models(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Every model instance inside ``value`` with its path, depth first."""
    if isinstance(value, BaseModel):
        yield path, value
        if isinstance(value, LocalizedText):
            return
        for name in type(value).model_fields:
            yield from walk_models(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_models(item, (*path, index))


def missing_source_texts(root: BaseModel, source_language: str) -> Iterator[RuleViolation]:
    """Localized texts that lack the source language."""
    for path, model in walk_models(root):
        if isinstance(model, LocalizedText) and not model.get(source_language):
            written = ", ".join(model.written_locales())
            yield (
                (*path, source_language),
                f"the text in the source language {source_language} is missing (only {written} given); "
                f"add '{source_language}: ...' or change source_language",
            )


def _image_alt_problems(images: list[Image]) -> Iterator[RuleViolation]:
    for index, image in enumerate(images):
        for code in LOCALE_CODES:
            if not image.alt.get(code):
                yield (
                    ("images", index, "alt", code),
                    f"every picture needs alt text in every locale; add '{code}: ...' describing the picture",
                )


def _event_time_problems(campaign: Campaign) -> Iterator[RuleViolation]:
    for index, event in enumerate(campaign.events):
        if event.end_date and event.end_date < event.date:
            yield (("events", index, "end_date"), "end_date is before date; swap or correct them")
        if event.end and not event.start:
            yield (("events", index, "end"), "an end time needs a start time; add 'start: \"HH:MM\"' or remove 'end'")
        if event.start and event.end and event.end <= event.start and not event.end_date:
            yield (
                ("events", index, "end"),
                f"the end {event.end:%H:%M} is not after the start {event.start:%H:%M}; check both times",
            )
        for item_index, item in enumerate(event.schedule):
            if item.end and item.end <= item.time:
                yield (
                    ("events", index, "schedule", item_index, "end"),
                    f"the end {item.end:%H:%M} is not after the start {item.time:%H:%M}",
                )


def _event_order_problems(campaign: Campaign) -> Iterator[RuleViolation]:
    starts = [datetime.combine(event.date, event.start_time or datetime.min.time()) for event in campaign.events]
    for index in range(1, len(starts)):
        if starts[index] < starts[index - 1]:
            yield (("events", index, "date"), "events must be listed earliest first; move this event up")


def _duplicate_measure_keys(campaign: Campaign) -> Iterator[RuleViolation]:
    for name in ("targets", "results"):
        measures = getattr(campaign, name)
        seen: set[str] = set()
        for index, measure in enumerate(measures.other if measures else []):
            if measure.key in seen:
                yield ((name, "other", index, "key"), f"the key '{measure.key}' is used twice; give each count its own key")
            seen.add(measure.key)


def zone_country_problem(timezone: str, country: str | None, coordinates: tuple[float, float] | None) -> str | None:
    """What is wrong when ``timezone`` is not a zone of the venue's country (written, or read from its coordinates), else None."""
    zone_in = zone_country(timezone)
    venue_in = country or (country_at(*coordinates) if coordinates else None)
    if zone_in is None or venue_in is None or zone_in == venue_in or not country_zones(venue_in) or timezone in country_zones(venue_in):
        return None
    because = f"'country: {country}' puts" if country else "its coordinates put"
    zones = country_zones(venue_in)
    fix = f"write 'timezone: {zones[0]}'" + (f" (or {', '.join(zones[1:])})" if len(zones) > 1 else "")
    place = country_name(venue_in)
    return f"{timezone} is the time zone of {country_name(zone_in)}, but {because} the venue in {place}; {fix}, or correct the venue"


def _venue_zone_problems(campaign: Campaign) -> Iterator[RuleViolation]:
    for index, event in enumerate(campaign.events):
        venue: Venue = event.venue
        position = (venue.coordinates.latitude, venue.coordinates.longitude) if venue.coordinates else None
        problem = zone_country_problem(event.timezone, venue.country, position)
        if problem:
            yield (("events", index, "timezone"), problem)


# What `donorsite new` writes where the editor has to fill in a fact ("TODO: title").
_PLACEHOLDER = re.compile(r"^\s*TODO\b")


def placeholder_violations(data: Any, path: FieldPath = ()) -> Iterator[RuleViolation]:
    """Every text of raw YAML ``data`` still holding a "TODO" placeholder of the starter, with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholder_violations(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholder_violations(value, (*path, index))
    elif isinstance(data, str) and _PLACEHOLDER.match(data):
        yield (path, f"{data!r} is a placeholder of the starter file; write the real text, or remove the line if it does not apply")


def campaign_rule_violations(campaign: Campaign) -> list[RuleViolation]:
    """Every cross-field rule a valid campaign still breaks."""
    return [
        *missing_source_texts(campaign, campaign.source_language),
        *_image_alt_problems(campaign.images),
        *_event_time_problems(campaign),
        *event_time_contradictions(campaign.events),
        *_event_order_problems(campaign),
        *_duplicate_measure_keys(campaign),
        *_venue_zone_problems(campaign),
    ]
