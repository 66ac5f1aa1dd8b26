"""Field types shared by the content formats: the strict base model, dates, times, codes and counts.

Each type validates what an editor writes and explains a mistake in words
the editor can act on; each also carries its JSON Schema, so the schema
editors get in their editor comes from this same declaration. Texts are in
``text_fields.py``, links in ``link_fields.py``.
"""

from __future__ import annotations

import re
from datetime import date, time
from functools import lru_cache
from typing import Annotated, Any

from babel import Locale
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from donorsite.core.campaign_ids import CAMPAIGN_ID, MAX_ID_LENGTH, WINDOWS_DEVICE_NAMES
from donorsite.core.locales import LOCALE_CODES


class StrictModel(BaseModel):
    """Base of every content model: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)


def editor_error(kind: str, message: str) -> PydanticCustomError:
    """A validation error whose message is shown to the editor as written."""
    return PydanticCustomError(kind, message, None)


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _parse_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise editor_error(
            "date_format",
            f"{value!r} is not a date; write it as YYYY-MM-DD, for example 2022-11-03",
        )
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise editor_error(
            "date_impossible",
            f"{value} is not a real date; check the month (01-12) and the day of that month",
        ) from None
    if not 1990 <= parsed.year <= 2100:
        raise editor_error("date_range", f"the year {parsed.year} looks mistyped; use a year between 1990 and 2100")
    return parsed


def _parse_time(value: Any) -> time:
    if isinstance(value, str):
        match = _TIME.fullmatch(value)
        if match:
            return time(int(match.group(1)), int(match.group(2)))
        raise editor_error(
            "time_format",
            f'{value!r} is not a time; write it as "HH:MM" on a 24-hour clock, for example "18:30"',
        )
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2359 and value % 100 < 60:
        hint = f"{value // 100:02d}:{value % 100:02d}"
        raise editor_error(
            "time_number",
            f'{value} is a number, not a time; write it as "{hint}" (with quotes)',
        )
    raise editor_error(
        "time_format",
        f'{value!r} is not a time; write it as "HH:MM" (with quotes), for example "18:30"',
    )


CalendarDate = Annotated[
    date,
    PlainValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE.pattern}),
]
TimeOfDay = Annotated[
    time,
    PlainValidator(_parse_time),
    WithJsonSchema({"type": "string", "pattern": _TIME.pattern, "examples": ["18:30"]}),
]


def closest_match(value: str, options: list[str]) -> str | None:
    """The option most like ``value`` (a likely typo), or None.

    >>> closest_match("zh-hans", ["zh-Hans", "zh-Hant", "vi", "en"])
    'zh-Hans'
    """
    import difflib

    matches = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _check_locale_code(value: str) -> str:
    if value in LOCALE_CODES:
        return value
    suggestion = closest_match(value, list(LOCALE_CODES)) or next(
        (code for code in LOCALE_CODES if code.lower() == value.lower().replace("_", "-")), None
    )
    hint = f"; did you mean {suggestion}?" if suggestion else ""
    raise editor_error("locale_unknown", f"{value!r} is not a site locale; use one of {', '.join(LOCALE_CODES)}{hint}")


LocaleCode = Annotated[str, AfterValidator(_check_locale_code), WithJsonSchema({"type": "string", "enum": list(LOCALE_CODES)})]
Count = Annotated[int, Field(ge=0, le=1_000_000_000)]


# Ids of slogans and other entries follow the campaign-id rule: lowercase ASCII words joined by hyphens.
def _check_slug(value: str) -> str:
    # Ids become folder names of the built site: a Windows device name cannot be checked out or copied there.
    if value in WINDOWS_DEVICE_NAMES:
        raise editor_error("id_device_name", f"'{value}' is a name Windows reserves for a device; add a place or year, e.g. {value}-2027")
    return value


Slug = Annotated[str, Field(pattern=CAMPAIGN_ID.pattern, max_length=MAX_ID_LENGTH), AfterValidator(_check_slug)]


@lru_cache(maxsize=1)
def _territory_codes() -> frozenset[str]:
    return frozenset(str(code) for code in Locale("en").territories if isinstance(code, str) and len(code) == 2 and code.isalpha())


def _check_country_code(value: str) -> str:
    if value in _territory_codes():
        return value
    upper = value.upper()
    hint = f"; write it in capitals: {upper}" if upper in _territory_codes() else "; use a two-letter ISO 3166 code such as CN, TW or VN"
    raise editor_error("country_unknown", f"{value!r} is not a country code{hint}")


CountryCode = Annotated[
    str,
    AfterValidator(_check_country_code),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$", "examples": ["CN", "TW", "VN"]}),
]
