"""Time zones as editors write them: IANA region names only, with a suggestion for a near miss."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel import Locale
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
        suggestion = suggested_zone(value)
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


# Cities editors write as if they were zone names, by the country whose zone they keep.
# tzdata names one city per zone (Ho_Chi_Minh, Shanghai, Taipei); these are the
# others a comms officer of the site's countries is likely to type.
_CITIES_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "VN": ("hanoi", "ha_noi", "haiphong", "hai_phong", "danang", "da_nang", "hue", "can_tho", "cantho", "nha_trang", "vung_tau"),
    "CN": ("beijing", "peking", "guangzhou", "shenzhen", "chengdu", "chongqing", "wuhan", "nanjing", "hangzhou", "suzhou", "kunming"),
    "TW": ("taipei_city", "kaohsiung", "taichung", "tainan", "hsinchu", "keelung"),
}


def zone_country(zone: str) -> str | None:
    """The two-letter country of IANA zone ``zone``, or None (unknown zone, or no country: Antarctica/Troll is CLDR's "001").

    >>> zone_country("Asia/Ho_Chi_Minh"), zone_country("Antarctica/Troll")
    ('VN', None)
    """
    territory = get_global("zone_territories").get(zone)
    return str(territory) if isinstance(territory, str) and len(territory) == 2 and territory.isalpha() else None


def country_zones(country: str) -> tuple[str, ...]:
    """The IANA zones of ``country``, its main zone first (CLDR's order).

    >>> country_zones("VN")
    ('Asia/Ho_Chi_Minh',)
    """
    return tuple(str(zone) for zone in get_global("territory_zones").get(country, ()))


def country_name(country: str) -> str:
    """The English name of a country code, e.g. Vietnam for VN."""
    return str(Locale("en").territories.get(country, country))


def _country_named(name: str) -> str | None:
    wanted = name.replace("_", " ").casefold()
    for code, label in Locale("en").territories.items():
        if isinstance(code, str) and len(code) == 2 and str(label).casefold() == wanted:
            return code
    return None


def suggested_zone(value: str) -> str | None:
    """The zone an unknown name most likely means, or None.

    Aliases first (Asia/Saigon), then a city or country of a country with
    zones (Asia/Hanoi, Asia/Vietnam → Asia/Ho_Chi_Minh), and only then the
    nearest spelling, so that a city is never matched to a look-alike name
    in another country (Hanoi is not Yangon).

    >>> suggested_zone("Asia/Hanoi"), suggested_zone("Asia/Saigon"), suggested_zone("Asia/Shanghia")
    ('Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh', 'Asia/Shanghai')
    """
    alias = get_global("zone_aliases").get(value)
    if alias and alias in _time_zone_names():
        return str(alias)
    place = value.rsplit("/", 1)[-1]
    key = place.casefold().replace(" ", "_").replace("-", "_")
    country = next((code for code, cities in _CITIES_BY_COUNTRY.items() if key in cities), None) or _country_named(place)
    if country and country_zones(country):
        return country_zones(country)[0]
    spelled = {name.casefold(): name for name in _time_zone_names()}
    if value.casefold() in spelled:
        return spelled[value.casefold()]
    return closest_match(value, sorted(_time_zone_names()))


def region_zone_names() -> list[str]:
    """Every zone name the site accepts (Area/City), sorted: the choices of the web editor."""
    return sorted(name for name in _time_zone_names() if _REGION_ZONE.match(name))
