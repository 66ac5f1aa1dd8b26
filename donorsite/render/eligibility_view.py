"""The "who may donate" box of a campaign page, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from babel.units import format_unit

from donorsite.localize.formatting import N_
from donorsite.model.eligibility import EligibilityRule
from donorsite.render.context import LocaleRenderer


@dataclass(frozen=True)
class EligibilityView:
    """Ready sentences about who may give blood, and the country they apply to."""

    country_name: str
    conditions: list[str]


def _duration(renderer: LocaleRenderer, value: int, unit: str) -> str:
    """``6 months`` in the locale's words; Babel's long form lacks some units in Chinese, so the short form stands in."""
    locale = renderer.site_locale.babel
    long_form = format_unit(value, f"duration-{unit}", length="long", locale=locale)
    text = format_unit(value, f"duration-{unit}", length="short", locale=locale) if "duration-" in long_form else long_form
    # One rule for units in Chinese: no space between the figure and its unit (6个月, 45公斤).
    return text.replace(" ", "").replace("\u00a0", "") if locale.language == "zh" else text


# Countries whose name a locale writes otherwise than CLDR: Taiwan writes 中國大陸 for the mainland
# (the README's style sheet; the Taiwan Blood Services Foundation's and MOHW's usage), not CLDR's 中國.
COUNTRY_NAMES: dict[str, str] = {"CN": N_("mainland China")}


def country_name(renderer: LocaleRenderer, country: str) -> str:
    """The name of ``country`` in the locale's words: the catalog's for ``COUNTRY_NAMES``, else CLDR's."""
    if country in COUNTRY_NAMES:
        return renderer.gettext(COUNTRY_NAMES[country])
    return str(renderer.site_locale.babel.territories.get(country, country))


def _weight(renderer: LocaleRenderer, kilograms: int) -> str:
    return renderer.formatter.weight(kilograms)


def build_eligibility_view(renderer: LocaleRenderer, country: str, rule: EligibilityRule) -> EligibilityView:
    """Sentences for ``rule``, the rules of ``country``."""
    gettext = renderer.gettext
    number = renderer.formatter.number
    conditions = [gettext("Aged %(youngest)s to %(oldest)s") % {"youngest": number(rule.min_age), "oldest": number(rule.max_age)}]
    if rule.donations:
        # Rules differ by the size of the donation (Taiwan): one line per size.
        conditions += [
            gettext(
                "For a %(volume)s donation: weighing at least %(weight)s, and at least %(interval)s since your last whole-blood donation"
            )
            % {
                "volume": renderer.formatter.volume(donation.volume_ml),
                "weight": _weight(renderer, donation.min_weight_kg),
                "interval": _duration(renderer, donation.interval, donation.interval_unit.value),
            }
            for donation in rule.donations
        ]
        return EligibilityView(country_name(renderer, country), conditions)
    if rule.min_weight_kg_men == rule.min_weight_kg_women:
        conditions.append(gettext("Weighing at least %(weight)s") % {"weight": _weight(renderer, rule.min_weight_kg_men)})
    else:
        conditions.append(
            gettext("Weighing at least %(men)s (men) or %(women)s (women)")
            % {"men": _weight(renderer, rule.min_weight_kg_men), "women": _weight(renderer, rule.min_weight_kg_women)}
        )
    conditions.append(
        gettext("At least %(interval)s since your last whole-blood donation")
        % {"interval": _duration(renderer, rule.interval, rule.interval_unit.value)}
    )
    return EligibilityView(country_name(renderer, country), conditions)
