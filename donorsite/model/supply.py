"""The blood-supply format: ``supply.yaml``, the stock of each ABO/RhD type and an optional appeal.

A level is written either as days of stock (a number) or as a word
(``plenty``, ``low``, ``critical``); days are turned into words by the
thresholds written in the same file, so readers see how each word is meant.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import ConfigDict, Field, PlainValidator, ValidationInfo, WithJsonSchema, create_model, field_validator, model_validator

from donorsite.model.fields import LocaleCode, Slug, StrictModel, closest_match, editor_error
from donorsite.model.text_fields import LocalizedText
from donorsite.model.time_zones import TimeZoneName

# The eight ABO/RhD types, in the order blood services publish them: the one registry of types.
BLOOD_TYPES: tuple[str, ...] = ("O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-")


class SupplyLevel(StrEnum):
    """How long the stock of a type lasts, in words; ordered from worst to best by ``rank``."""

    CRITICAL = "critical"
    LOW = "low"
    PLENTY = "plenty"

    @property
    def rank(self) -> int:
        """0 for critical, 1 for low, 2 for plenty."""
        return list(SupplyLevel).index(self)


_LEVEL_WORDS = ", ".join(level.value for level in SupplyLevel)


def _parse_level(value: Any) -> float | SupplyLevel:
    if isinstance(value, bool):
        raise editor_error("level_type", f"{value!r} is not a level; write days of stock (a number such as 4.5) or one of {_LEVEL_WORDS}")
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            raise editor_error("level_number", "the level is not a finite number; write days of stock such as 4.5")
        if value < 0:
            raise editor_error(
                "level_negative", f"{value} days is negative; write the days of stock left (0 or more) or one of {_LEVEL_WORDS}"
            )
        if value > 365:
            raise editor_error("level_large", f"{value} days of stock looks mistyped; write a number of days up to 365")
        return float(value)
    if isinstance(value, str) and value in SupplyLevel._value2member_map_:
        return SupplyLevel(value)
    hint = closest_match(str(value), [level.value for level in SupplyLevel])
    raise editor_error(
        "level_unknown",
        f"{value!r} is not a level; write days of stock (a number such as 4.5) or one of {_LEVEL_WORDS}"
        + (f"; did you mean {hint}?" if hint else ""),
    )


Level = Annotated[
    float | SupplyLevel,
    PlainValidator(_parse_level),
    WithJsonSchema(
        {
            "oneOf": [
                {"type": "number", "minimum": 0, "maximum": 365, "description": "Days of stock."},
                {"type": "string", "enum": [level.value for level in SupplyLevel]},
            ]
        }
    ),
]

_MEASURED = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)$")


def _parse_measured_at(value: Any) -> datetime:
    if isinstance(value, str) and (match := _MEASURED.fullmatch(value)):
        try:
            return datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}:{match.group(3)}")
        except ValueError:
            raise editor_error("measured_impossible", f"{value} is not a real date; check the month and the day") from None
    raise editor_error(
        "measured_format",
        f'{value!r} is not a time of measurement; write it as "YYYY-MM-DD HH:MM" (with quotes), for example "2026-11-28 08:00"',
    )


MeasuredAt = Annotated[
    datetime,
    PlainValidator(_parse_measured_at),
    WithJsonSchema({"type": "string", "pattern": _MEASURED.pattern, "examples": ["2026-11-28 08:00"]}),
]


def _type_field_name(blood_type: str) -> str:
    return blood_type.replace("+", "_pos").replace("-", "_neg").lower()


def _check_blood_type(value: str) -> str:
    if value in BLOOD_TYPES:
        return value
    hint = closest_match(value.upper().replace("−", "-").replace("＋", "+"), list(BLOOD_TYPES))
    raise editor_error(
        "blood_type_unknown",
        f"{value!r} is not a blood type; use one of {', '.join(BLOOD_TYPES)}" + (f"; did you mean {hint}?" if hint else ""),
    )


BloodType = Annotated[
    str, PlainValidator(lambda value: _check_blood_type(str(value))), WithJsonSchema({"type": "string", "enum": list(BLOOD_TYPES)})
]


class _TypeLevels(StrictModel):
    """Base of the per-type level table; its fields come from ``BLOOD_TYPES``."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    @field_validator("*", mode="before")
    @classmethod
    def _no_empty_level(cls, value: Any, info: ValidationInfo) -> Any:
        # "O+:" with nothing after it reads as null, which would drop the type from the page without a word.
        if value is None:
            field = cls.model_fields[info.field_name] if info.field_name else None
            blood_type = (field.alias if field else None) or info.field_name
            raise editor_error(
                "level_empty",
                f"the level of {blood_type} is empty; write days of stock (a number such as 4.5) or one of {_LEVEL_WORDS}, "
                "or remove the line",
            )
        return value

    def level_of(self, blood_type: str) -> float | SupplyLevel | None:
        """The level written for ``blood_type``, or None."""
        return getattr(self, _type_field_name(blood_type))  # type: ignore[no-any-return]


_LEVEL_FIELDS: dict[str, Any] = {
    _type_field_name(blood_type): (Level | None, Field(None, alias=blood_type, description=f"Level of {blood_type}."))
    for blood_type in BLOOD_TYPES
}
TypeLevels: Any = create_model(
    "TypeLevels",
    __base__=_TypeLevels,
    __module__=__name__,
    __doc__="The level of each blood type: days of stock, or plenty, low or critical.",
    **_LEVEL_FIELDS,
)


class Thresholds(StrictModel):
    """How days of stock become words: fewer than ``critical_below`` days is critical, fewer than ``low_below`` is low."""

    critical_below: Annotated[float, Field(gt=0, le=365)] = Field(description="Fewer days of stock than this is critical, e.g. 3.")
    low_below: Annotated[float, Field(gt=0, le=365)] = Field(description="Fewer days than this (and not critical) is low, e.g. 7.")

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.critical_below >= self.low_below:
            raise editor_error(
                "thresholds_order", f"critical_below ({self.critical_below:g}) must be smaller than low_below ({self.low_below:g})"
            )
        return self

    def level_for(self, days: float) -> SupplyLevel:
        """The word for ``days`` of stock.

        >>> Thresholds(critical_below=3, low_below=7).level_for(2.5).value
        'critical'
        >>> Thresholds(critical_below=3, low_below=7).level_for(7).value
        'plenty'
        """
        if days < self.critical_below:
            return SupplyLevel.CRITICAL
        return SupplyLevel.LOW if days < self.low_below else SupplyLevel.PLENTY


class Appeal(StrictModel):
    """An urgent call for donors of some types."""

    types: list[BloodType] = Field(min_length=1, description="The blood types needed, e.g. [O-, B-].")
    text: LocalizedText = Field(description="The appeal, per locale; name the types needed.")


class SupplyFile(StrictModel):
    """``supply.yaml`` (or ``supply/<centre id>.yaml``): one centre's blood stock by type, when it was measured, and an optional appeal."""

    source_language: LocaleCode = Field(description="The locale the texts were written in, e.g. zh-Hans.")
    centre: LocalizedText = Field(description="The blood centre whose stock this is.")
    centre_id: Slug | None = Field(
        None, description="The id of that centre in sites.yaml (centres[].id): its sites' pages show this stock and its alerts."
    )
    measured_at: MeasuredAt = Field(description='When the stock was counted, "YYYY-MM-DD HH:MM" in quotes, local time of `timezone`.')
    timezone: TimeZoneName = Field(description="IANA time zone of measured_at, e.g. Asia/Shanghai.")
    thresholds: Thresholds = Field(description="How days of stock are put in words.")
    levels: TypeLevels = Field(description="Level per blood type: O+, O-, A+, A-, B+, B-, AB+, AB-.")
    appeal: Appeal | None = Field(None, description="An urgent appeal naming the types needed.")

    @property
    def measured_instant(self) -> datetime:
        """``measured_at`` as an aware instant in its zone."""
        return self.measured_at.replace(tzinfo=ZoneInfo(self.timezone))

    def level_word(self, blood_type: str) -> SupplyLevel | None:
        """The level of ``blood_type`` in words (days put through the thresholds); None if not written."""
        level = self.levels.level_of(blood_type)
        if level is None or isinstance(level, SupplyLevel):
            return level
        return self.thresholds.level_for(level)

    def critical_types(self) -> tuple[str, ...]:
        """The types whose level is critical, in registry order."""
        return tuple(blood_type for blood_type in BLOOD_TYPES if self.level_word(blood_type) is SupplyLevel.CRITICAL)


def supply_age(supply: SupplyFile, now: datetime) -> timedelta:
    """How long before ``now`` (aware) the stock was measured."""
    return now - supply.measured_instant
