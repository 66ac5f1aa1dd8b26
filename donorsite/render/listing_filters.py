"""The choices of the campaign listing's filters: year, city, status (the organisers' decision) and upcoming or past."""

from __future__ import annotations

from dataclasses import dataclass

from donorsite.localize.collation import name_sort_key
from donorsite.model.campaign import CampaignStatus
from donorsite.render.context import LocaleRenderer
from donorsite.render.labels import STATUS_LABELS, WHEN_LABELS
from donorsite.render.summary_view import CampaignSummaryView


@dataclass(frozen=True)
class ListingFilters:
    """(value, label) choices of each filter, in the order to offer them."""

    years: list[tuple[str, str]]
    cities: list[tuple[str, str]]
    statuses: list[tuple[str, str]]
    # Upcoming or past: computed from the dates, in the reader's browser too.
    times: list[tuple[str, str]]


def listing_filters(renderer: LocaleRenderer, summaries: list[CampaignSummaryView]) -> ListingFilters:
    """Choices that occur among ``summaries``: years newest first, places by name, statuses in model order."""
    years = sorted({summary.year for summary in summaries}, reverse=True)
    # One choice per place (a region id names one place in every language), by its name in the reader's locale.
    places = dict(place for summary in summaries for place in summary.places)
    code = renderer.site_locale.code
    cities = sorted(places.items(), key=lambda place: (name_sort_key(place[1], code), place[0]))
    present = {summary.status for summary in summaries}
    statuses = [(str(status.value), renderer.gettext(STATUS_LABELS[status])) for status in CampaignStatus if status.value in present]
    present_times = {summary.when for summary in summaries} | ({"past"} if any(summary.time_state for summary in summaries) else set())
    times = [(value, renderer.gettext(label)) for value, label in WHEN_LABELS.items() if value in present_times]
    return ListingFilters([(str(year), str(year)) for year in years], cities, statuses, times)
