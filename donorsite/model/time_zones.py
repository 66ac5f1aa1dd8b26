"""Time zones as editors write them: IANA region names only, with a suggestion for a near miss."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel.core import get_global
from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from donorsite.model.fields import closest_match, editor_error

# IANA zones named after a region ("Asia/Shanghai"). Fixed offsets (UTC+8,
# Etc/GMT-8), the machine's own zone (localtime) and old aliases (PRC) are
# refused: they change with the build machine or miss daylight-saving rules.
_REGION_ZONE = re.compile(
    r"^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)?$"
)


_OFFSET_ZONE = re.compile(r"^(Etc/)?(UTC|GMT|UT|Z)?\s*([+-]\d{1,2}(:?\d{2})?)?$", re.IGNORECASE)


def _not_a_region_zone(value: str) -> PydanticCustomError | None:
    """Why ``value`` is not an IANA region name the site accepts, or None if it is one."""
    example = "e.g. Asia/Shanghai or Asia/Ho_Chi_Minh"
    if not value.strip():
        return editor_error("timezone_empty", f"the time zone is empty; write the IANA name of the venue's region, {example}")
    if value.strip().lower() == "localtime":
        return editor_error(
            "timezone_local",
            f"'localtime' means the zone of whichever machine builds the site, not an IANA region name; write the venue's zone, {example}",
        )
    if _OFFSET_ZONE.fullmatch(value.strip()):
        return editor_error(
            "timezone_offset",
            f"{value!r} is a fixed offset, not an IANA region name; write the venue's region, {example}, "
            "so that daylight-saving changes are applied",
        )
    if value in _time_zone_names() and not _REGION_ZONE.fullmatch(value):
        return editor_error("timezone_alias", f"{value!r} is not an IANA region name (Area/City); write the venue's zone, {example}")
    return None


def _parse_time_zone(value: Any) -> str:
    if not isinstance(value, str):
        raise editor_error("timezone_type", "write the time zone as text, for example Asia/Shanghai")
    refusal = _not_a_region_zone(value)
    if refusal is not None:
        raise refusal
    try:
        ZoneInfo(value)
        if value not in _time_zone_names():
            raise ZoneInfoNotFoundError(value)
    except (ZoneInfoNotFoundError, ValueError):
        suggestion = closest_match(value, sorted(_time_zone_names()))
        raise editor_error(
            "timezone_unknown",
            f"{value!r} is not an IANA time zone"
            + (f"; did you mean {suggestion}?" if suggestion else "; use a name such as Asia/Shanghai"),
        ) from None
    return value


@lru_cache(maxsize=1)
def _time_zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


TimeZoneName = Annotated[
    str,
    PlainValidator(_parse_time_zone),
    WithJsonSchema({"type": "string", "examples": ["Asia/Shanghai", "Asia/Ho_Chi_Minh", "Asia/Taipei"]}),
]


def zone_country(zone: str) -> str | None:
    """The country code CLDR gives the time zone ``zone`` (``CN`` for Asia/Shanghai); None if it has none."""
    territory = get_global("zone_territories").get(zone)
    return str(territory) if territory else None
