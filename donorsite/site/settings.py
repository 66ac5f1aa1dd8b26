"""Build settings that come from the environment, for partial builds."""

from __future__ import annotations

from collections.abc import Mapping

from donorsite.loading import ContentFilter
from donorsite.locales import LOCALE_CODES

REGIONS_VARIABLE = "DONORSITE_REGIONS"
YEARS_VARIABLE = "DONORSITE_YEARS"
CAMPAIGNS_VARIABLE = "DONORSITE_CAMPAIGNS"


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class SettingsError(Exception):
    """A build setting is wrong; the message names it and says how to fix it."""


def content_filter_from_environment(environment: Mapping[str, str]) -> ContentFilter:
    """A filter from ``DONORSITE_REGIONS=a,b``, ``DONORSITE_YEARS=2022,2023`` and ``DONORSITE_CAMPAIGNS=id,id`` (unset: everything).

    Raises ``SettingsError`` if a year is not a number.
    """
    regions = frozenset(_items(environment.get(REGIONS_VARIABLE, "")))
    years_text = _items(environment.get(YEARS_VARIABLE, ""))
    bad = [year for year in years_text if not year.isdigit()]
    if bad:
        raise SettingsError(f"{YEARS_VARIABLE}: {', '.join(bad)} is not a year; write years like 2022,2023")
    ids = frozenset(_items(environment.get(CAMPAIGNS_VARIABLE, "")))
    return ContentFilter(regions, frozenset(int(year) for year in years_text), ids)


def check_default_locale(code: str) -> str:
    """``code`` if it names a site locale; raises ``SettingsError`` otherwise."""
    if code not in LOCALE_CODES:
        raise SettingsError(
            f"mkdocs.yml: extra.donorsite.default_locale: '{code}' is not a site locale; use one of {', '.join(LOCALE_CODES)}"
        )
    return code
