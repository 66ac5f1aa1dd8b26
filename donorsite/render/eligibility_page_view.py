"""The "may I give?" page of a locale: the self-check form, its sentences and the rules as data for the browser.

The rules come from ``SiteOptions.eligibility`` (``model/eligibility.py``,
overridable in ``mkdocs.yml``) through ``rules_table``: the page's script and
the Python check read one table. Sentences are written here with ``{name}``
placeholders that the script fills in with the reader's figures.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from donorsite.localize.formatting import N_
from donorsite.model.donation_kinds import DonationKind
from donorsite.model.eligibility import EligibilityRule
from donorsite.model.eligibility_check import Reason, rules_table
from donorsite.render.context import LocaleRenderer
from donorsite.render.eligibility_view import EligibilityView, build_eligibility_view

# The country whose rules a locale's readers most likely live under; the form starts there.
LOCALE_COUNTRY = {"zh-Hans": "CN", "zh-Hant": "TW", "vi": "VN"}

KIND_LABELS: dict[DonationKind, str] = {
    DonationKind.WHOLE_BLOOD: N_("Whole blood"),
    DonationKind.PLATELETS: N_("Platelets (apheresis)"),
    DonationKind.PLASMA: N_("Plasma (apheresis)"),
}

# What each reason says; {age}, {weight}, {date} and {interval} are filled in by the browser.
REASON_TEXTS: dict[Reason, str] = {
    Reason.MAY_GIVE: N_("By these rules you may give blood now."),
    Reason.TOO_YOUNG: N_("These rules accept donors from the age of {age}."),
    Reason.TOO_OLD: N_("These rules accept donors up to the age of {age}; ask the blood centre whether regular donors may give longer."),
    Reason.UNDER_WEIGHT: N_("These rules ask for a weight of at least {weight} kg."),
    Reason.WAIT: N_("You may give again from {date}, once the wait after your last donation is over."),
    Reason.KIND_NOT_LISTED: N_("These rules name no wait after this kind of donation; ask the blood centre."),
}


@dataclass(frozen=True)
class CountryChoice:
    """One country of the form: its code, its name in the reader's locale and its rules in sentences."""

    code: str
    name: str
    rules: EligibilityView
    selected: bool


@dataclass(frozen=True)
class EligibilityPageView:
    """The self-check page's choices, sentences and the rules as JSON."""

    countries: list[CountryChoice]
    kinds: list[tuple[str, str]]
    # Sizes of whole-blood donation that some rules tell apart (Taiwan: 250 mL, 500 mL).
    volumes: list[tuple[str, str]]
    reasons_json: str
    rules_json: str
    reminder_title: str
    reminder_file: str


def build_eligibility_page(renderer: LocaleRenderer, rules: Mapping[str, EligibilityRule]) -> EligibilityPageView:
    """The self-check in ``renderer``'s locale, with the countries of ``rules`` (the locale's own country first chosen)."""
    gettext = renderer.gettext
    own = LOCALE_COUNTRY.get(renderer.site_locale.code, "")
    territories = renderer.site_locale.babel.territories
    countries = [
        CountryChoice(code, territories.get(code, code), build_eligibility_view(renderer, code, rule), code == own)
        for code, rule in sorted(rules.items(), key=lambda item: territories.get(item[0], item[0]))
    ]
    if not any(country.selected for country in countries) and countries:
        countries[0] = CountryChoice(countries[0].code, countries[0].name, countries[0].rules, True)
    reasons = {reason.value: gettext(text) for reason, text in REASON_TEXTS.items()}
    sizes = {donation.volume_ml for rule in rules.values() for donation in rule.donations}
    compact = {"separators": (",", ":"), "ensure_ascii": False, "sort_keys": True}
    return EligibilityPageView(
        countries=countries,
        kinds=[(kind.value, gettext(label)) for kind, label in KIND_LABELS.items()],
        volumes=[(str(volume), renderer.formatter.volume(volume)) for volume in sorted(sizes)],
        reasons_json=json.dumps(reasons, **compact),  # type: ignore[arg-type]
        rules_json=json.dumps(rules_table(rules), **compact),  # type: ignore[arg-type]
        reminder_title=gettext("You may give blood again"),
        reminder_file="give-blood-again.ics",
    )
