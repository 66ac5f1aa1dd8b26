"""Build settings that come from the environment, for partial builds."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from donorsite.content.loading import ContentFilter
from donorsite.content.options import SiteOptions
from donorsite.core.campaign_ids import campaign_id_problem
from donorsite.core.locales import DEFAULT_LOCALE, LOCALE_CODES
from donorsite.model.eligibility import eligibility_rules
from donorsite.model.timing import utc_today

REGIONS_VARIABLE = "DONORSITE_REGIONS"
YEARS_VARIABLE = "DONORSITE_YEARS"
CAMPAIGNS_VARIABLE = "DONORSITE_CAMPAIGNS"
TODAY_VARIABLE = "DONORSITE_TODAY"


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class SettingsError(Exception):
    """A build setting is wrong; the message names it and says how to fix it."""


def content_filter_from_environment(environment: Mapping[str, str]) -> ContentFilter:
    """A filter from ``DONORSITE_REGIONS=a,b``, ``DONORSITE_YEARS=2022,2023`` and ``DONORSITE_CAMPAIGNS=id,id`` (unset: everything).

    Raises ``SettingsError`` if a year is not a number or an id is not a campaign id.
    """
    regions = frozenset(_items(environment.get(REGIONS_VARIABLE, "")))
    years_text = _items(environment.get(YEARS_VARIABLE, ""))
    bad = [year for year in years_text if not (year.isascii() and year.isdigit() and len(year) == 4)]
    if bad:
        raise SettingsError(f"{YEARS_VARIABLE}: {', '.join(bad)} is not a year; write years like 2022,2023")
    ids = frozenset(_items(environment.get(CAMPAIGNS_VARIABLE, "")))
    for campaign_id in sorted(ids):
        problem = campaign_id_problem(campaign_id)
        if problem:
            raise SettingsError(f"{CAMPAIGNS_VARIABLE}: {problem}")
    return ContentFilter(regions, frozenset(int(year) for year in years_text), ids)


def check_default_locale(code: str) -> str:
    """``code`` if it names a site locale; raises ``SettingsError`` otherwise."""
    if code not in LOCALE_CODES:
        raise SettingsError(
            f"mkdocs.yml: extra.donorsite.default_locale: '{code}' is not a site locale; use one of {', '.join(LOCALE_CODES)}"
        )
    return code


def build_date_from_environment(environment: Mapping[str, str]) -> date:
    """Today in UTC, or the day named by ``DONORSITE_TODAY=YYYY-MM-DD`` (to rebuild or test as of a given day).

    The build date is the only date a build takes from the machine; it does
    not depend on the machine's time zone (``TZ``) or language (``LANG``).

    Raises ``SettingsError`` if the variable is not a date.
    """
    text = environment.get(TODAY_VARIABLE, "").strip()
    if not text:
        return utc_today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SettingsError(f"{TODAY_VARIABLE}: {text!r} is not a date; write it as YYYY-MM-DD") from None


WORKER_VARIABLE = "DONORSITE_WORKER"


def worker_from_environment(environment: Mapping[str, str], available: bool, serving: bool = False) -> bool:
    """Whether a worker process renders pages beside the engine.

    ``auto`` (the default) uses one where ``available`` (a second core) and
    not while ``serving`` a preview, whose rebuilds reuse what this process
    has cached (QR codes); ``on`` uses one wherever available, ``off``
    renders in the engine's process, e.g. to profile a build. Raises
    ``SettingsError`` for any other value.
    """
    text = environment.get(WORKER_VARIABLE, "").strip().lower()
    if text not in ("", "auto", "on", "off"):
        raise SettingsError(f"{WORKER_VARIABLE}: {text!r} is not a choice; write on, off or auto")
    if text == "on":
        return available
    return available and text != "off" and not serving


def options_from_config(config: Mapping[str, Any], environment: Mapping[str, str]) -> SiteOptions:
    """The build options from ``mkdocs.yml`` (as read by the engine or as data) and the environment.

    The one place both the MkDocs adapter and ``donorsite export`` assemble them.

    Raises ``SettingsError`` (or ``EligibilitySettingsError``) naming a wrong setting.
    """
    if not config.get("site_url"):
        raise SettingsError("mkdocs.yml: set site_url to the public address; hreflang links and sitemaps need it")
    settings = (config.get("extra") or {}).get("donorsite") or {}
    return SiteOptions(
        default_locale=check_default_locale(settings.get("default_locale", DEFAULT_LOCALE)),
        site_url=str(config["site_url"]),
        today=build_date_from_environment(environment),
        eligibility=eligibility_rules(settings.get("eligibility")),
        supply_stale_after_days=_stale_after_days(settings.get("supply_stale_after_days", 3)),
    )


def _stale_after_days(value: Any) -> float:
    """The supply staleness threshold in days; raises ``SettingsError`` unless it is a positive number."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 365:
        raise SettingsError(
            f"mkdocs.yml: extra.donorsite.supply_stale_after_days: {value!r} is not a number of days; write a number such as 3 (up to 365)"
        )
    return float(value)


def limits_text(content_filter: ContentFilter) -> str | None:
    """What a build limited by ``content_filter`` leaves in, in words for the build's log; None for a whole site."""
    limits = [
        f"{variable}={','.join(sorted(str(item) for item in items))}"
        for variable, items in (
            (REGIONS_VARIABLE, content_filter.regions),
            (YEARS_VARIABLE, content_filter.years),
            (CAMPAIGNS_VARIABLE, content_filter.ids),
        )
        if items
    ]
    if not limits:
        return None
    return f"a partial site: only the campaigns of {' '.join(limits)} are built; unset the variables to build every campaign"
