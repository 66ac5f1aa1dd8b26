"""Build settings that come from the environment, for partial builds."""

from __future__ import annotations

from collections.abc import Mapping

from donorsite.loading import ContentFilter

REGIONS_VARIABLE = "DONORSITE_REGIONS"
YEARS_VARIABLE = "DONORSITE_YEARS"


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def content_filter_from_environment(environment: Mapping[str, str]) -> ContentFilter:
    """A filter from ``DONORSITE_REGIONS=a,b`` and ``DONORSITE_YEARS=2022,2023`` (unset: everything).

    Raises ``ValueError`` if a year is not a number.
    """
    regions = frozenset(_items(environment.get(REGIONS_VARIABLE, "")))
    years = frozenset(int(year) for year in _items(environment.get(YEARS_VARIABLE, "")))
    return ContentFilter(regions, years)
