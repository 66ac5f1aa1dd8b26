"""Build settings that come from the environment, for partial builds."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from donorsite.build.site_config import CONFIG_FILE, setting_position
from donorsite.content.loading import ContentFilter
from donorsite.content.options import SiteOptions
from donorsite.core.campaign_ids import campaign_id_problem
from donorsite.core.locales import DEFAULT_LOCALE, LOCALE_CODES
from donorsite.core.problems import Problem
from donorsite.model.eligibility import EligibilitySettingsError, eligibility_rules
from donorsite.model.timing import utc_today

REGIONS_VARIABLE = "DONORSITE_REGIONS"
YEARS_VARIABLE = "DONORSITE_YEARS"
CAMPAIGNS_VARIABLE = "DONORSITE_CAMPAIGNS"
TODAY_VARIABLE = "DONORSITE_TODAY"


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class SettingsError(Exception):
    """A build setting is wrong; the message names it and says how to fix it.

    ``problem`` is a setting of ``mkdocs.yml`` located at its line, as ``donorsite check``
    prints it (the message is its text); None for an environment variable.
    """

    def __init__(self, message: str, problem: Problem | None = None) -> None:
        super().__init__(message)
        self.problem = problem

    def __reduce__(self) -> tuple[type[SettingsError], tuple[str, Problem | None]]:
        # Rebuilt whole when it crosses to or from the page worker.
        return (SettingsError, (str(self), self.problem))


def setting_error(config_file: Path | None, keys: tuple[str, ...], field: str, text: str) -> SettingsError:
    """The error of the setting at ``keys`` of ``mkdocs.yml``, at its line and column (the file's first line if it has none of them).

    ``field`` names the setting in the message (empty for none); ``text`` says what to do.
    """
    line, column = setting_position(config_file, *keys) or (1, 1)
    problem = Problem(CONFIG_FILE, line, column, field, text)
    return SettingsError(str(problem), problem)


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


# The range of build dates a build accepts: campaign years run from 1990 to 2100.
EARLIEST_BUILD_DATE = date(1990, 1, 1)
LATEST_BUILD_DATE = date(2199, 12, 31)


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
        day = date.fromisoformat(text)
    except ValueError:
        raise SettingsError(f"{TODAY_VARIABLE}: {text!r} is not a date; write it as YYYY-MM-DD") from None
    # Near year 9999 a day after the build date no longer exists (date.max): a
    # build date that far out is a typing slip, refused before it breaks a date sum.
    if not LATEST_BUILD_DATE >= day >= EARLIEST_BUILD_DATE:
        raise SettingsError(
            f"{TODAY_VARIABLE}: {text!r} is not a possible build date; write a day between "
            f"{EARLIEST_BUILD_DATE.isoformat()} and {LATEST_BUILD_DATE.isoformat()} as YYYY-MM-DD"
        )
    return day


WORKER_VARIABLE = "DONORSITE_WORKER"
SEARCH_INDEX_VARIABLE = "DONORSITE_SEARCH_INDEX"


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


def search_index_from_environment(environment: Mapping[str, str]) -> bool:
    """Whether the build ends by indexing the finished pages for search (Pagefind): yes unless ``off``.

    ``DONORSITE_SEARCH_INDEX=off`` leaves the index out, as ``serve`` always
    does: a quicker local build when search is not what is being checked.
    Raises ``SettingsError`` for a value other than ``on`` or ``off``.
    """
    text = environment.get(SEARCH_INDEX_VARIABLE, "").strip().lower()
    if text not in ("", "on", "off"):
        raise SettingsError(f"{SEARCH_INDEX_VARIABLE}: {text!r} is not a choice; write on or off")
    return text != "off"


class EditorOptions(BaseModel):
    """``extra.donorsite.editor``: where the web editor at /admin/ saves (as pull requests) and the language editors write in."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    repository: str = Field(default="OWNER/REPOSITORY", pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
    branch: str = Field(default="main", min_length=1)
    language: str | None = None
    local_port: int = Field(default=8081, ge=1024, le=65535)


class DonorsiteSettings(BaseModel):
    """The site's own settings, ``extra.donorsite`` in ``mkdocs.yml``: the one schema the build, ``check`` and the export read."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    # Readers at "/" are led here when their browser names no locale of the site.
    default_locale: str = DEFAULT_LOCALE
    # Blood-supply figures older than this many days are shown with their age as stale.
    supply_stale_after_days: float = Field(default=3.0, gt=0, le=365)
    # Whole countries' donor rules replacing or adding to the defaults (see model/eligibility.py).
    eligibility: dict[str, Any] | None = None
    # The web editor at /admin/ (donorsite/build/admin_config.py reads it).
    editor: EditorOptions | None = None


_SETTING_HELP = {
    "default_locale": "write one of " + ", ".join(LOCALE_CODES),
    "supply_stale_after_days": "write a number of days such as 3 (more than 0, up to 365)",
    "eligibility": "write one entry per country code, e.g. 'VN: {min_age: 18, ...}'",
    "editor": "write repository: OWNER/NAME, branch: main and language: one of " + ", ".join(LOCALE_CODES),
}


def donorsite_settings(config: Mapping[str, Any], config_file: Path | None = None) -> DonorsiteSettings:
    """``extra.donorsite`` of ``config``, checked; raises ``SettingsError`` at ``mkdocs.yml:line:col`` of a wrong one."""
    extra = config.get("extra") or {}
    raw = extra.get("donorsite") if isinstance(extra, Mapping) else None
    if raw is None:
        return DonorsiteSettings()
    if not isinstance(raw, Mapping):
        text = "write the site's settings as a mapping, e.g. 'default_locale: zh-Hans'"
        raise setting_error(config_file, ("extra", "donorsite"), "extra.donorsite", text)
    try:
        settings = DonorsiteSettings.model_validate(dict(raw))
    except ValidationError as error:
        key = str(error.errors()[0]["loc"][0])
        keys = ("extra", "donorsite", key)
        if key not in _SETTING_HELP:
            raise setting_error(config_file, keys, f"extra.donorsite.{key}", f"not a setting; use {', '.join(_SETTING_HELP)}") from None
        raise setting_error(config_file, keys, f"extra.donorsite.{key}", f"{raw[key]!r} is not right; {_SETTING_HELP[key]}") from None
    if settings.default_locale not in LOCALE_CODES:
        text = f"'{settings.default_locale}' is not a site locale; {_SETTING_HELP['default_locale']}"
        raise setting_error(config_file, ("extra", "donorsite", "default_locale"), "extra.donorsite.default_locale", text)
    if settings.editor and settings.editor.language and settings.editor.language not in LOCALE_CODES:
        text = f"'{settings.editor.language}' is not a site locale; {_SETTING_HELP['editor']}"
        raise setting_error(config_file, ("extra", "donorsite", "editor", "language"), "extra.donorsite.editor.language", text)
    return settings


def options_from_config(config: Mapping[str, Any], environment: Mapping[str, str], config_file: Path | None = None) -> SiteOptions:
    """The build options from ``mkdocs.yml`` (as read by the engine or as data) and the environment.

    The one place the MkDocs adapter, ``donorsite check`` and ``donorsite export``
    assemble them; ``config_file`` lets a message name the setting's line.

    Raises ``SettingsError`` naming a wrong setting.
    """
    if not config.get("site_url"):
        raise setting_error(config_file, ("site_url",), "", "set site_url to the public address; hreflang links and sitemaps need it")
    settings = donorsite_settings(config, config_file)
    try:
        eligibility = eligibility_rules(settings.eligibility)
    except EligibilitySettingsError as error:
        raise setting_error(config_file, ("extra", "donorsite", "eligibility"), error.field, error.text) from None
    return SiteOptions(
        default_locale=settings.default_locale,
        site_url=str(config["site_url"]),
        today=build_date_from_environment(environment),
        eligibility=eligibility,
        supply_stale_after_days=settings.supply_stale_after_days,
    )


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
