"""A campaign as listings show it: title, summary, kind, status, dates and cities."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from donorsite.content.loading import CampaignEntry
from donorsite.localize.picking import ItemLanguageTag, TextPicker, campaign_picker, item_language_tag
from donorsite.localize.texts import LocalText
from donorsite.model.campaign import Campaign
from donorsite.model.donation_sites import SitesFile
from donorsite.model.timing import campaign_span
from donorsite.render.context import LocaleRenderer
from donorsite.render.labels import KIND_LABELS, shown_status_label
from donorsite.render.time_view import TimeStateView, build_time_state


def campaign_date_text(pick: TextPicker, campaign: Campaign) -> str | None:
    """When a campaign takes place (its first to last event day), or when a report was published; None if neither."""
    formatter = pick.renderer.formatter
    if campaign.events:
        return formatter.date_range(campaign.events[0].date, max(event.last_date for event in campaign.events))
    if campaign.published:
        return formatter.short_date(campaign.published)
    return None


@dataclass(frozen=True)
class CampaignSummaryView:
    """A campaign as a listing shows it."""

    id: str
    title: LocalText
    summary: LocalText
    kind_label: str
    status: str
    status_label: str
    date_text: str | None
    sort_date: date
    year: int
    cities: tuple[str, ...] = ()
    # (value, name) of the places the listing's place filter offers: a region id and its name, else the city as written.
    places: tuple[tuple[str, str], ...] = ()
    time_state: TimeStateView | None = None
    # Set when the item's own texts are in another language or converted: listings tag the item, not the page.
    language_tag: ItemLanguageTag | None = None

    @property
    def when(self) -> str:
        """``upcoming`` or ``past`` as of the build date; a campaign without events (a report) is past."""
        return self.time_state.when if self.time_state else "past"


def campaign_places(renderer: LocaleRenderer, campaign: Campaign, sites: SitesFile | None) -> tuple[tuple[str, str], ...]:
    """Where a campaign is, as (value, name): its region by id, named in the reader's locale (or by the fallback order).

    A campaign whose region the regions table does not list is placed by the
    cities its events name, as written.
    """
    region = sites.region(campaign.region) if sites else None
    if region is not None and sites is not None:
        return ((region.id, TextPicker(renderer, sites.source_language)(region.name).text),)
    pick = TextPicker(renderer, campaign.source_language)
    return tuple(dict.fromkeys((city, city) for city in (pick(event.venue.city).text for event in campaign.events)))


def build_campaign_summary(
    renderer: LocaleRenderer, entry: CampaignEntry, build_date: date, sites: SitesFile | None = None
) -> tuple[CampaignSummaryView, TextPicker]:
    """The listing entry of one campaign, with the picker that knows which of its texts fell back; ``sites`` names its places."""
    campaign = entry.campaign
    entry_pick = campaign_picker(renderer, campaign)
    summary = CampaignSummaryView(
        id=entry.id,
        title=entry_pick(campaign.title),
        summary=entry_pick(campaign.summary),
        kind_label=renderer.gettext(KIND_LABELS[campaign.kind]),
        status=campaign.status.value,
        status_label=shown_status_label(renderer.gettext, campaign, build_date),
        date_text=campaign_date_text(entry_pick, campaign),
        sort_date=campaign.sort_date,
        year=campaign.year,
        cities=tuple(dict.fromkeys(entry_pick(event.venue.city).text for event in campaign.events)),
        places=campaign_places(renderer, campaign, sites),
        time_state=build_time_state(renderer, campaign_span(campaign), campaign.status, build_date),
    )
    return replace(summary, language_tag=item_language_tag(entry_pick)), entry_pick
