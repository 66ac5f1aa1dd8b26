"""Who may give blood, per country: the general rules a campaign page shows.

The defaults follow each country's published donor-selection rules in their
simplest form (whole blood). A site overrides or adds countries under
``extra.donorsite.eligibility`` in ``mkdocs.yml``; staff still decide on site.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator


class DonationKind(StrEnum):
    """The kinds of donation a self-check asks about (the values of the form's ``last_kind``)."""

    WHOLE_BLOOD = "whole-blood"
    PLATELETS = "platelets"
    PLASMA = "plasma"


class IntervalUnit(StrEnum):
    """The unit of the wait between two whole-blood donations."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class DonationRule(BaseModel):
    """Weight and wait for one size of whole-blood donation, where a country's rules differ by size."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    volume_ml: Annotated[int, Field(ge=100, le=600)] = Field(description="The volume given, in mL (250, 500).")
    min_weight_kg: Annotated[int, Field(ge=30, le=100)] = Field(description="Lowest body weight for this donation, in kg.")
    interval: Annotated[int, Field(ge=1, le=400)] = Field(description="Shortest wait since the last whole-blood donation.")
    interval_unit: IntervalUnit = Field(strict=False, description="day, week or month.")


class KindInterval(BaseModel):
    """The shortest wait after a donation of one kind before giving that kind again."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    kind: DonationKind = Field(strict=False, description="whole-blood, platelets or plasma.")
    interval: Annotated[int, Field(ge=1, le=400)] = Field(description="Shortest wait after a donation of this kind.")
    interval_unit: IntervalUnit = Field(strict=False, description="day, week or month.")


class EligibilityRule(BaseModel):
    """General conditions for giving whole blood in one country.

    The weights and interval apply to every donation, unless
    ``donations`` lists sizes with rules of their own (Taiwan: 250 mL and 500 mL).
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    min_age: Annotated[int, Field(ge=16, le=30)] = Field(description="Youngest age at which people may donate.")
    max_age: Annotated[int, Field(ge=40, le=80)] = Field(description="Oldest age at which people may donate.")
    min_weight_kg_men: Annotated[int, Field(ge=30, le=80)] = Field(description="Lowest body weight for men, in kg.")
    min_weight_kg_women: Annotated[int, Field(ge=30, le=80)] = Field(description="Lowest body weight for women, in kg.")
    interval: Annotated[int, Field(ge=1, le=400)] = Field(description="Shortest wait between two whole-blood donations.")
    interval_unit: IntervalUnit = Field(strict=False, description="day, week or month.")
    donations: tuple[DonationRule, ...] = Field(
        default=(), strict=False, description="Sizes of donation with their own weight and interval, smallest first."
    )
    kinds: tuple[KindInterval, ...] = Field(
        default=(), strict=False, description="Waits after apheresis donations (platelets, plasma) where the rules give them."
    )

    def kinds_offered(self) -> tuple[DonationKind, ...]:
        """Whole blood, then the kinds with a wait of their own, in ``DonationKind`` order."""
        listed = {interval.kind for interval in self.kinds}
        return tuple(kind for kind in DonationKind if kind is DonationKind.WHOLE_BLOOD or kind in listed)

    @model_validator(mode="after")
    def _ages_in_order(self) -> EligibilityRule:
        if self.max_age <= self.min_age:
            raise ValueError("max_age must be above min_age")
        return self


DEFAULT_RULES: dict[str, EligibilityRule] = {
    # Mainland China, national standard GB 18467-2011 (献血者健康检查要求): 18-55, 50 kg men, 45 kg women, whole blood
    # every 6 months; apheresis platelets (单采血小板) every 2 weeks. Plasma for fractionation is collected outside
    # the unpaid donation system (单采血浆站), so the mainland rules here name no plasma interval.
    "CN": EligibilityRule(
        min_age=18,
        max_age=55,
        min_weight_kg_men=50,
        min_weight_kg_women=45,
        interval=6,
        interval_unit=IntervalUnit.MONTH,
        kinds=(KindInterval(kind=DonationKind.PLATELETS, interval=2, interval_unit=IntervalUnit.WEEK),),
    ),
    # Taiwan, 捐血者健康標準 art. 3 (2025 text) and Taiwan Blood Services Foundation (blood.org.tw, 捐血注意事項),
    # TERMS.md [T1][T2]: 16-65 (some 2025 press still says 17; the rule's text says 16); 250 mL from 45 kg every
    # 2 months; 500 mL from 60 kg every 3 months. Over 65 depends on earlier donations, so the check stops at 65.
    "TW": EligibilityRule(
        min_age=16,
        max_age=65,
        min_weight_kg_men=45,
        min_weight_kg_women=45,
        interval=2,
        interval_unit=IntervalUnit.MONTH,
        donations=(
            DonationRule(volume_ml=250, min_weight_kg=45, interval=2, interval_unit=IntervalUnit.MONTH),
            DonationRule(volume_ml=500, min_weight_kg=60, interval=3, interval_unit=IntervalUnit.MONTH),
        ),
        # Same sources: apheresis (分離術) platelets or plasma every 2 weeks.
        kinds=(
            KindInterval(kind=DonationKind.PLATELETS, interval=2, interval_unit=IntervalUnit.WEEK),
            KindInterval(kind=DonationKind.PLASMA, interval=2, interval_unit=IntervalUnit.WEEK),
        ),
    ),
    # Viet Nam, Ministry of Health circular 26/2013/TT-BYT: 18-60, 45 kg men, 42 kg women, whole blood every
    # 12 weeks; platelets or plasma by apheresis (gạn tách) every 2 weeks.
    "VN": EligibilityRule(
        min_age=18,
        max_age=60,
        min_weight_kg_men=45,
        min_weight_kg_women=42,
        interval=12,
        interval_unit=IntervalUnit.WEEK,
        kinds=(
            KindInterval(kind=DonationKind.PLATELETS, interval=2, interval_unit=IntervalUnit.WEEK),
            KindInterval(kind=DonationKind.PLASMA, interval=2, interval_unit=IntervalUnit.WEEK),
        ),
    ),
}


class EligibilitySettingsError(Exception):
    """The eligibility settings in ``mkdocs.yml`` are wrong; the message says where and how to fix them."""


def eligibility_rules(overrides: Mapping[str, Any] | None) -> dict[str, EligibilityRule]:
    """The default rules, with whole countries replaced or added by ``overrides``.

    Raises ``EligibilitySettingsError`` naming the setting for any mistake.
    """
    rules = dict(DEFAULT_RULES)
    where = "mkdocs.yml: extra.donorsite.eligibility"
    if overrides is None:
        return rules
    if not isinstance(overrides, Mapping):
        raise EligibilitySettingsError(f"{where}: write one entry per country code, e.g. 'VN: {{min_age: 18, ...}}'")
    for country, values in overrides.items():
        if not (isinstance(country, str) and len(country) == 2 and country.isupper()):
            raise EligibilitySettingsError(f"{where}: {country!r} is not a country code; use two capitals such as VN")
        try:
            rules[country] = EligibilityRule.model_validate(values)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            raise EligibilitySettingsError(
                f"{where}.{country}{'.' + field if field else ''}: {first['msg']}; "
                "give min_age, max_age, min_weight_kg_men, min_weight_kg_women, interval and interval_unit"
            ) from None
    return rules
