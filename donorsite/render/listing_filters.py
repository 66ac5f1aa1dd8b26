"""The choices of the campaign listing's filters: year, city and status."""

from __future__ import annotations

from dataclasses import dataclass

from donorsite.model.campaign import CampaignStatus
from donorsite.render.context import LocaleRenderer
from donorsite.render.labels import STATUS_LABELS
from donorsite.render.views import CampaignSummaryView


@dataclass(frozen=True)
class ListingFilters:
    """(value, label) choices of each filter, in the order to offer them."""

    years: list[tuple[str, str]]
    cities: list[tuple[str, str]]
    statuses: list[tuple[str, str]]


def listing_filters(renderer: LocaleRenderer, summaries: list[CampaignSummaryView]) -> ListingFilters:
    """Choices that occur among ``summaries``: years newest first, cities alphabetically, statuses in model order."""
    years = sorted({summary.year for summary in summaries}, reverse=True)
    cities = sorted({city for summary in summaries for city in summary.cities})
    present = {summary.status for summary in summaries}
    statuses = [(str(status.value), renderer.gettext(STATUS_LABELS[status])) for status in CampaignStatus if status.value in present]
    return ListingFilters([(str(year), str(year)) for year in years], [(city, city) for city in cities], statuses)
