"""The blood supply as readers see it: a tile per type, when it was measured, how old that is, and the appeal.

Whether the figures are stale is decided at build time (as of the start of
the build date, UTC) and again in the reader's browser
(``docs/assets/supply-state.js``) from the embedded instant of measurement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from babel.dates import format_timedelta

from donorsite.localize.picking import TextPicker
from donorsite.localize.texts import LocalText
from donorsite.model.supply import BLOOD_TYPES, SupplyFile, SupplyLevel
from donorsite.model.time_rules import age_delta
from donorsite.render.centre_labels import LEVEL_ICONS, LEVEL_LABELS, blood_type_name
from donorsite.render.context import LocaleRenderer

# CLDR writes "6 個月前" in Traditional Chinese; Chinese prose sets no space between a figure and its word.
_FIGURE_SPACE = re.compile(r"(\d) (?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class TypeTile:
    """One blood type's level: its word, icon and, when written as days, the days."""

    blood_type: str
    level: str
    label: str
    icon: str
    days: str | None


@dataclass(frozen=True)
class SupplyView:
    """The supply figures ready for a template, in one locale."""

    centre: LocalText
    tiles: list[TypeTile]
    measured_text: str
    measured_iso: str
    stale_after_seconds: int
    stale: bool
    age_text: str
    critical_types: tuple[str, ...]
    critical_text: str
    appeal: LocalText | None
    appeal_types: str
    thresholds_text: str

    @property
    def has_critical(self) -> bool:
        """Whether any type is critical."""
        return bool(self.critical_types)


def build_moment(build_date: date) -> datetime:
    """The instant a build counts ages from: the start of its date in UTC, so that every build of one day agrees."""
    return datetime.combine(build_date, time(), UTC)


def _tile(renderer: LocaleRenderer, supply: SupplyFile, blood_type: str) -> TypeTile | None:
    word = supply.level_word(blood_type)
    if word is None:
        return None
    written = supply.levels.level_of(blood_type)
    days = None
    if not isinstance(written, SupplyLevel) and written is not None:
        days = renderer.gettext("%(days)s days of stock") % {"days": renderer.formatter.number(written)}
    name = blood_type_name(renderer.gettext, blood_type)
    return TypeTile(name, word.value, renderer.gettext(LEVEL_LABELS[word]), LEVEL_ICONS[word], days)


def age_text(renderer: LocaleRenderer, age: timedelta) -> str:
    """How long ago, in the locale's words: "3 days ago", "3天前"; counted as the browser counts it (``stock_age``)."""
    delta, unit = age_delta(max(age, timedelta(0)).total_seconds())
    # A threshold no value reaches makes Babel write the value in ``unit`` itself, unrounded.
    text = format_timedelta(delta, granularity=unit, threshold=10**12, add_direction=True, locale=renderer.formatter.locale)
    return _FIGURE_SPACE.sub(r"\1", text) if renderer.formatter.uses_myriads else text


def build_supply_view(renderer: LocaleRenderer, supply: SupplyFile, build_date: date, stale_after_days: float) -> SupplyView:
    """The supply in ``renderer``'s locale as of ``build_date``; stale once older than ``stale_after_days``."""
    pick = TextPicker(renderer, supply.source_language)
    measured = supply.measured_at
    measured_text = renderer.gettext("%(date)s, %(time)s (%(zone)s)") % {
        "date": renderer.formatter.short_date(measured.date()),
        "time": renderer.formatter.time(measured.time()),
        "zone": renderer.formatter.zone_name(supply.timezone),
    }
    age = build_moment(build_date) - supply.measured_instant
    stale_after = timedelta(days=stale_after_days)
    critical = supply.critical_types()
    thresholds = supply.thresholds
    return SupplyView(
        centre=pick(supply.centre),
        tiles=[tile for blood_type in BLOOD_TYPES if (tile := _tile(renderer, supply, blood_type))],
        measured_text=measured_text,
        measured_iso=supply.measured_instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        stale_after_seconds=int(stale_after.total_seconds()),
        stale=age > stale_after,
        age_text=age_text(renderer, age),
        critical_types=critical,
        critical_text=renderer.formatter.items([blood_type_name(renderer.gettext, t) for t in critical]),
        appeal=pick(supply.appeal.text) if supply.appeal else None,
        appeal_types=renderer.formatter.items([blood_type_name(renderer.gettext, t) for t in supply.appeal.types]) if supply.appeal else "",
        thresholds_text=renderer.gettext(
            "Critical: fewer than %(critical)s days of stock; low: fewer than %(low)s days; plenty: %(low)s days or more."
        )
        % {"critical": renderer.formatter.number(thresholds.critical_below), "low": renderer.formatter.number(thresholds.low_below)},
    )
