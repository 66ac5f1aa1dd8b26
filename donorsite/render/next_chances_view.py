"""The "next chances to give" list of a locale's home page, ready for ``_next_chances.html``.

Python orders the list soonest first, as of the build date; the browser
(``docs/assets/next-chances.js``) hides what has ended and, if the reader
asks, orders it by distance from the reader (computed on the device) or by
a place the reader picks. Each item carries what that needs as data
attributes: its instants, a position and its region id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from babel.units import format_unit

from donorsite.content.loading import SiteContent
from donorsite.content.rebuild_memory import RebuildMemory
from donorsite.localize.collation import name_sort_key
from donorsite.localize.formatting import N_
from donorsite.localize.picking import TextPicker
from donorsite.localize.texts import LocalText
from donorsite.model.campaign import CampaignKind
from donorsite.model.donation_sites import SitesFile
from donorsite.render.context import LocaleRenderer
from donorsite.render.labels import KIND_LABELS
from donorsite.render.next_chances import Chance, ChanceKind, upcoming_chances

# At most this many places or drive days are written (a site's later days do not count); the browser reorders them.
CHANCES_LISTED = 12
# The number the distance pattern is made with, replaced by the browser's own figure.
_DISTANCE_SAMPLE = 987654
DISTANCE_PLACEHOLDER = "{km}"
ORDER_PLACEHOLDER = "{state}"
SOONEST_FIRST = N_("Soonest first")
KIND_OF_CHANCE = {ChanceKind.DRIVE: KIND_LABELS[CampaignKind.BLOOD_DRIVE], ChanceKind.SITE: N_("Donation site")}


def _instant(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class ChanceView:
    """One chance as the list shows it, with the data the browser orders it by."""

    kind: str
    kind_label: str
    group: str
    date_text: str
    iso_date: str
    hours_text: str
    title: LocalText | None
    venue: LocalText
    city: LocalText
    page_key: str
    sign_up: str | None
    start: str
    end: str
    latitude: str | None
    longitude: str | None
    region: str | None
    # A site's later open days wait, hidden, until the browser sees the first one has ended.
    later: bool


@dataclass(frozen=True)
class NextChancesView:
    """The list, the places a reader may pick, and the sentences the browser fills in."""

    items: list[ChanceView]
    as_of_text: str
    # "{state} (as of <date>)": the browser puts the order it chose in place of {state}.
    order_pattern: str
    places: list[tuple[str, LocalText]]
    distance_pattern: str


def _position(chance: Chance, sites: SitesFile | None) -> tuple[str | None, str | None]:
    """The venue's own position, else its region's; as text with 4 decimals (about 10 m), or None."""
    point = chance.coordinates
    if point is None and sites is not None and (region := sites.region(chance.region)) is not None:
        point = region.coordinates
    if point is None:
        return None, None
    return f"{point.latitude:.4f}", f"{point.longitude:.4f}"


def _chance_view(renderer: LocaleRenderer, chance: Chance, sites: SitesFile | None, later: bool) -> ChanceView:
    pick = TextPicker(renderer, chance.source_language)
    formatter = renderer.formatter
    hours = formatter.items([formatter.time_range(opens, closes) for opens, closes in chance.spans]) if chance.spans else ""
    latitude, longitude = _position(chance, sites)
    return ChanceView(
        kind=chance.kind.value,
        kind_label=renderer.gettext(KIND_OF_CHANCE[chance.kind]),
        group=chance.group,
        date_text=formatter.date(chance.day),
        iso_date=chance.day.isoformat(),
        hours_text=hours,
        title=pick.optional(chance.title),
        venue=pick(chance.venue),
        city=pick(chance.city),
        page_key=chance.page_key,
        sign_up=chance.sign_up,
        start=_instant(chance.start),
        end=_instant(chance.end),
        latitude=latitude,
        longitude=longitude,
        region=chance.region,
        later=later,
    )


def _places(renderer: LocaleRenderer, sites: SitesFile | None, region_ids: set[str]) -> list[tuple[str, LocalText]]:
    """The regions the chances are in, each once, named in the reader's locale (or by the fallback order)."""
    if sites is None:
        return []
    pick = TextPicker(renderer, sites.source_language)
    named = [(region.id, pick(region.name)) for region in sites.regions if region.id in region_ids]
    return sorted(named, key=lambda place: name_sort_key(place[1].text, renderer.site_locale.code))


def _distance_pattern(renderer: LocaleRenderer) -> str:
    """ "{km} km" in the locale's unit style (CLDR's short length unit)."""
    formatted = format_unit(_DISTANCE_SAMPLE, "length-kilometer", length="short", locale=renderer.site_locale.babel)
    return formatted.replace(renderer.formatter.number(_DISTANCE_SAMPLE), DISTANCE_PLACEHOLDER)


def build_next_chances(
    renderer: LocaleRenderer, content: SiteContent, as_of_date: date, memory: RebuildMemory | None = None
) -> NextChancesView:
    """The next chances to give as of ``as_of_date`` (the build date), soonest first, in ``renderer``'s locale.

    With ``memory``, a preview's rebuild keeps what unchanged campaigns gave.
    """
    items: list[ChanceView] = []
    seen_groups: set[str] = set()
    for chance in upcoming_chances(content, as_of_date, memory):
        later = chance.group in seen_groups
        if not later and len(seen_groups) >= CHANCES_LISTED:
            continue
        items.append(_chance_view(renderer, chance, content.sites, later=later))
        seen_groups.add(chance.group)
    as_of = renderer.gettext("%(state)s (as of %(date)s)")
    pattern = as_of % {"state": ORDER_PLACEHOLDER, "date": renderer.formatter.short_date(as_of_date)}
    as_of_text = pattern.replace(ORDER_PLACEHOLDER, renderer.gettext(SOONEST_FIRST))
    regions = {item.region for item in items if item.region}
    return NextChancesView(items, as_of_text, pattern, _places(renderer, content.sites, regions), _distance_pattern(renderer))
