"""Starting a campaign file: from a commented starter, or by copying last year's."""

from __future__ import annotations

import re
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path
from string import Template

from babel.core import get_global
from pydantic import ValidationError

from donorsite.content.loading import CAMPAIGN_FOLDER
from donorsite.core.campaign_ids import CAMPAIGN_EXTENSION, campaign_id_problem
from donorsite.core.locales import get_locale
from donorsite.editing.text_edits import TextEdit, apply_edits
from donorsite.model.campaign import Campaign, CampaignKind
from donorsite.model.time_zones import country_zones, zone_country
from donorsite.reading.yaml_document import YamlDocument
from donorsite.reading.yaml_reader import read_yaml_text

# Facts of the old campaign that would be wrong for the new one.
_DROPPED_ON_COPY = ("results", "honour_rolls", "statistics", "registration")


class StarterError(Exception):
    """The campaign cannot be started as asked; the message says why."""


def check_new_id(root: Path, campaign_id: str) -> Path:
    """The path of a new campaign file; raises ``StarterError`` if the id is invalid or taken."""
    problem = campaign_id_problem(campaign_id)  # the same rule the checker applies to file names
    if problem:
        raise StarterError(problem)
    folder = root / CAMPAIGN_FOLDER
    if folder.is_dir():
        # On a case-insensitive disk X.YAML is the same file; on others it would be a second campaign with this id.
        for existing in folder.iterdir():
            if existing.name.lower() in (f"{campaign_id}.yaml", f"{campaign_id}.yml"):
                raise StarterError(f"{CAMPAIGN_FOLDER}/{existing.name} already exists; choose another id")
    return folder / f"{campaign_id}{CAMPAIGN_EXTENSION}"


def copied_campaign_path(root: Path, campaign_id: str) -> Path:
    """The file of the campaign to copy; raises ``StarterError`` if the id is invalid or has no file."""
    problem = campaign_id_problem(campaign_id)
    if problem:
        raise StarterError(f"--copy: {problem}")
    path = root / CAMPAIGN_FOLDER / f"{campaign_id}{CAMPAIGN_EXTENSION}"
    if not path.is_file() or path.is_symlink():
        raise StarterError(f"there is no {CAMPAIGN_FOLDER}/{campaign_id}{CAMPAIGN_EXTENSION} to copy")
    return path


def starter_text(kind: CampaignKind, language: str, day: date, country: str | None = None) -> str:
    """A commented starter file for a campaign of ``kind`` written in ``language``, for a venue in ``country``.

    Without ``country``, the venue is taken to be in the language's home country
    when its usual zone lies there (vi: VN, Asia/Ho_Chi_Minh); English has no such
    home on this site, so the country and zone are left as placeholders that
    ``check`` refuses, rather than guessed.
    """
    name = "report.yaml" if kind is CampaignKind.ANNUAL_REPORT else "event.yaml"
    template = Template(files("donorsite.starters").joinpath(name).read_text(encoding="utf-8"))
    country = country or _home_country(language)
    zones = country_zones(country) if country else ()
    return template.substitute(
        kind=kind.value,
        lang=language,
        year=day.year,
        date=day.isoformat(),
        country=country or '"TODO: country code, e.g. VN"',
        timezone=zones[0] if zones else '"TODO: time zone, e.g. Asia/Ho_Chi_Minh"',
    )


def check_country(country: str | None) -> str | None:
    """``country`` if it is a country with a time zone (or None); raises ``StarterError`` otherwise."""
    if country is not None and not country_zones(country):
        raise StarterError(f"--country {country!r} is not a country code with a time zone; write two letters such as VN, CN or TW")
    return country


def _home_country(language: str) -> str | None:
    """The country of ``language``'s usual zone, if CLDR also names it the language's country (zh-Hant: TW; en: none)."""
    site_locale = get_locale(language)
    likely = get_global("likely_subtags")
    full = likely.get(str(site_locale.babel)) or likely.get(site_locale.babel.language) or ""
    country = zone_country(site_locale.default_time_zone)
    return country if country and full.endswith(f"_{country}") else None


# Dates as people type them: 16/01/2027, 16.01.2027, 16-01-2027 (day first) or 2027/01/16.
_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})$")


def parse_start_date(text: str) -> date:
    """The date of ``--date``, written YYYY-MM-DD; raises ``StarterError`` showing that form for any other way of writing it.

    >>> parse_start_date("2027-01-16")
    datetime.date(2027, 1, 16)
    """
    try:
        return date.fromisoformat(text) if len(text) == 10 else _not_iso(text)
    except ValueError:
        return _not_iso(text)


def _not_iso(text: str) -> date:
    day_first, year_first = _DAY_FIRST.match(text.strip()), _YEAR_FIRST.match(text.strip())
    readings: list[date] = []
    if year_first:
        readings = _valid_dates([(int(year_first[1]), int(year_first[2]), int(year_first[3]))])
    elif day_first:
        first, second, year = int(day_first[1]), int(day_first[2]), int(day_first[3])
        readings = _valid_dates([(year, second, first), (year, first, second)])
    if not readings:
        raise StarterError(f"--date {text!r} is not a date; write it as YYYY-MM-DD, for example 2027-01-16")
    shown = " or ".join(f"{day.isoformat()} ({day.day} {day:%B %Y})" for day in readings)
    raise StarterError(f"--date {text!r}: write the date as YYYY-MM-DD, e.g. --date {readings[0].isoformat()}; that is {shown}")


def _valid_dates(candidates: list[tuple[int, int, int]]) -> list[date]:
    found: list[date] = []
    for year, month, day in candidates:
        try:
            parsed = date(year, month, day)
        except ValueError:
            continue
        if parsed not in found:
            found.append(parsed)
    return found


def _date_paths(campaign: Campaign) -> list[tuple[str | int, ...]]:
    paths: list[tuple[str | int, ...]] = [("published",)] if campaign.published else []
    for index, event in enumerate(campaign.events):
        paths.append(("events", index, "date"))
        if event.end_date:
            paths.append(("events", index, "end_date"))
    return paths


def _drop_key_edit(source: str, document: YamlDocument, key: str) -> TextEdit:
    line, _ = document.key_locations[(key,)]
    start = sum(len(text) for text in source.splitlines(keepends=True)[: line - 1])
    end = document.value_spans[(key,)][1]
    if end > 0 and source[end - 1] != "\n":
        newline = source.find("\n", end)
        end = len(source) if newline == -1 else newline + 1
    return TextEdit(start, end, "")


def copied_campaign_text(source: str, new_date: date) -> str:
    """Last year's campaign text moved to ``new_date``.

    Every date moves by the same number of days, the year follows the new
    date, the status becomes planned, and results, honour rolls, statistics
    and the registration link are removed. Comments and everything else
    stay as written. Raises ``StarterError`` if the source is not valid.
    """
    document, problems = read_yaml_text(source, "source")
    if document is None or problems:
        raise StarterError("the campaign to copy has problems; run donorsite check first")
    try:
        campaign = Campaign.model_validate(document.data)
    except ValidationError:
        raise StarterError("the campaign to copy has problems; run donorsite check first") from None
    shift = timedelta(days=(new_date - campaign.sort_date).days)
    edits = [TextEdit(*document.value_spans[path], (_value_at(campaign, path) + shift).isoformat()) for path in _date_paths(campaign)]
    edits.append(TextEdit(*document.value_spans[("year",)], str(new_date.year)))
    edits.append(TextEdit(*document.value_spans[("status",)], "planned"))
    edits += [_drop_key_edit(source, document, key) for key in _DROPPED_ON_COPY if key in document.data]
    return apply_edits(source, edits)


def _value_at(campaign: Campaign, path: tuple[str | int, ...]) -> date:
    value: object = campaign
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)  # type: ignore[index]
    assert isinstance(value, date)
    return value
