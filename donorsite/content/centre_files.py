"""Loading ``sites.yaml`` and ``supply.yaml``: the blood service's own files, beside the campaigns.

Read and located like campaigns (YAML 1.2, ``file:line:col`` messages), then
checked for what a schema cannot say: overlapping hours, duplicate ids, a
count measured after the build date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from donorsite.content.rules import RuleViolation, missing_source_texts, placeholder_violations, zone_country_problem
from donorsite.core.problems import Problem
from donorsite.model.donation_sites import WEEKDAYS, DonationSite, HoursException, SitesFile
from donorsite.model.fields import closest_match
from donorsite.model.supply import SupplyFile
from donorsite.reading.validation import describe_validation_error
from donorsite.reading.yaml_document import FieldPath, YamlDocument, format_path
from donorsite.reading.yaml_reader import read_yaml_file, read_yaml_text

SITES_FILE = "sites.yaml"
SUPPLY_FILE = "supply.yaml"
# One file per further blood centre, named by the centre's id: supply/hai-phong-blood-centre.yaml.
SUPPLY_FOLDER = "supply"
_LINKED = "this content file is a symbolic link; put the file itself here"


def _overlap(spans: list[tuple[time, time]]) -> str | None:
    ordered = sorted(spans)
    for (_, closes), (opens, _) in zip(ordered, ordered[1:], strict=False):
        if opens < closes:
            return f"two spans overlap ({opens:%H:%M} is before {closes:%H:%M}); join them into one span or correct the times"
    return None


def _exception_overlaps(path: FieldPath, exceptions: list[HoursException]) -> Iterator[RuleViolation]:
    """Two exceptions that cover the same day: which one holds would depend on their order in the file."""
    for e, exception in enumerate(exceptions):
        for o, other in enumerate(exceptions[:e]):
            if exception.date <= other.last_date and other.date <= exception.last_date:
                yield (
                    (*path, "exceptions", e, "date"),
                    f"these days ({exception.date}–{exception.last_date}) overlap another exception "
                    f"({other.date}–{other.last_date}, exception {o + 1} of this site); split the range so that each day "
                    "has one exception, e.g. end the first the day before",
                )
                break


def site_rule_violations(sites: SitesFile) -> Iterator[RuleViolation]:
    """Overlapping spans, contradictory exceptions and duplicate ids, each with its path."""
    seen: set[str] = set()
    for c, centre in enumerate(sites.centres):
        for s, site in enumerate(centre.sites):
            path: FieldPath = ("centres", c, "sites", s)
            if site.id in seen:
                yield (*path, "id"), f"the id '{site.id}' is used by another site; give each site its own id"
            seen.add(site.id)
            position = (site.coordinates.latitude, site.coordinates.longitude) if site.coordinates else None
            zone_problem = zone_country_problem(site.timezone, site.country, position)
            if zone_problem:
                yield (*path, "timezone"), zone_problem
            for day in WEEKDAYS:
                message = _overlap(getattr(site.hours, day))
                if message:
                    yield (*path, "hours", day), message
            for e, exception in enumerate(site.exceptions):
                where = (*path, "exceptions", e)
                if exception.end_date and exception.end_date < exception.date:
                    message = f"end_date {exception.end_date} is before date {exception.date}; write the first day in date"
                    yield (*where, "end_date"), message
                if exception.closed and exception.hours:
                    yield (*where, "hours"), "a closed day has no hours; remove 'hours' or 'closed: true'"
                if not exception.closed and not exception.hours:
                    yield where, "say what changes: write 'closed: true' or the day's 'hours'"
                message = _overlap(exception.hours)
                if message:
                    yield (*where, "hours"), message
            yield from _exception_overlaps(path, site.exceptions)
    region_ids = [region.id for region in sites.regions]
    for r, region_id in enumerate(region_ids):
        if region_ids.index(region_id) != r:
            yield ("regions", r, "id"), f"the id '{region_id}' is used by another region; give each region its own id"
    if sites.regions:
        for c, centre in enumerate(sites.centres):
            for s, site in enumerate(centre.sites):
                if site.region is not None and site.region not in region_ids:
                    yield ("centres", c, "sites", s, "region"), _unknown_region(site.region, region_ids)
    centre_ids = [centre.id for centre in sites.centres]
    for c, centre_id in enumerate(centre_ids):
        if centre_ids.index(centre_id) != c:
            yield ("centres", c, "id"), f"the id '{centre_id}' is used by another centre; give each centre its own id"


def _unknown_region(region_id: str, known: list[str]) -> str:
    hint = closest_match(region_id, known)
    return f"no region '{region_id}' in sites.yaml's regions; " + (
        f"did you mean {hint}?" if hint else f"use one of its ids ({', '.join(sorted(known))}) or add it there"
    )


def campaign_region_violations(data: Any, sites: SitesFile | None) -> list[RuleViolation]:
    """A campaign's ``region`` that the regions table of ``sites.yaml`` does not list (none when it has no table)."""
    if sites is None or not sites.regions or not isinstance(data, dict) or not isinstance(data.get("region"), str):
        return []
    known = [region.id for region in sites.regions]
    return [] if data["region"] in known else [(("region",), _unknown_region(data["region"], known))]


def supply_rule_violations(supply: SupplyFile, build_date: date) -> Iterator[RuleViolation]:
    """A count measured after the build date cannot be true yet."""
    # The build knows only its date: anything measured after that UTC day has ended is in the future.
    end_of_build_day = datetime.combine(build_date + timedelta(days=1), time(), UTC)
    if supply.measured_instant > end_of_build_day:
        yield (
            ("measured_at",),
            (
                f"{supply.measured_at:%Y-%m-%d %H:%M} ({supply.timezone}) is after the build date {build_date}; "
                "write when the stock was actually counted"
            ),
        )


def supply_centre_violations(supply: SupplyFile, sites: SitesFile | None, display_name: str) -> Iterator[RuleViolation]:
    """A ``centre_id`` that sites.yaml does not know, or a file in ``supply/`` not named by its centre's id."""
    known = [centre.id for centre in sites.centres] if sites else []
    if supply.centre_id is not None and sites is not None and supply.centre_id not in known:
        yield ("centre_id",), f"no centre '{supply.centre_id}' in sites.yaml; use one of its centre ids ({', '.join(known)})"
    if display_name.startswith(f"{SUPPLY_FOLDER}/"):
        expected = f"{SUPPLY_FOLDER}/{supply.centre_id}.yaml"
        if supply.centre_id is None:
            yield (), "a file in supply/ is one centre's stock; write its sites.yaml id as 'centre_id: <id>'"
        elif display_name != expected:
            yield ("centre_id",), f"this file holds the stock of '{supply.centre_id}'; name it {expected}"


def _site_venue(site: DonationSite) -> dict[str, Any]:
    """The site as a campaign venue, in the plain values a campaign file holds."""
    venue = site.model_dump(include={"name", "address", "city", "country", "coordinates"}, by_alias=True, exclude_none=True)
    return venue


def fill_site_venues(data: Any, sites: SitesFile | None) -> tuple[list[RuleViolation], list[FieldPath]]:
    """Give each event of campaign ``data`` (plain values, changed in place) that names a site its venue and zone.

    What the event writes itself wins. Returns the violations (an unknown site
    id at ``events[i].site``, an unknown ``region``) and the paths of the values taken from
    ``sites.yaml``, which belong to that file, not to the campaign's.
    """
    violations: list[RuleViolation] = campaign_region_violations(data, sites)
    borrowed: list[FieldPath] = []
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list):
        return violations, borrowed
    known = {site.id: site for _, site in sites.all_sites()} if sites else {}
    for index, event in enumerate(events):
        if not isinstance(event, dict) or not isinstance(event.get("site"), str):
            continue
        site = known.get(event["site"])
        if site is None:
            choices = ", ".join(sorted(known)) if known else "none: sites.yaml is missing or has problems"
            violations.append(
                (("events", index, "site"), f"no donation site '{event['site']}' in sites.yaml; use one of its ids ({choices})")
            )
            continue
        if "venue" not in event:
            event["venue"] = _site_venue(site)
            borrowed.append(("events", index, "venue"))
        event.setdefault("timezone", site.timezone)
    return violations, borrowed


def _located(display_name: str, document: YamlDocument, violations: Iterable[RuleViolation]) -> list[Problem]:
    problems = []
    for path, message in violations:
        line, column = document.locate(path)
        problems.append(Problem(display_name, line, column, format_path(path), message))
    return problems


def _validated(model: type[SitesFile] | type[SupplyFile], document: YamlDocument | None, problems: list[Problem], name: str) -> object:
    from pydantic import ValidationError

    if document is None:
        return None
    if not isinstance(document.data, dict):
        problems.append(Problem(name, 1, 1, "", "the file must be a group of 'key: value' lines; start from a sample"))
        return None
    # A "TODO: ..." left in is the mistake to report, not the value it fails to be (as for campaigns).
    placeholders = _located(name, document, placeholder_violations(document.data))
    problems += placeholders
    left_in = {problem.field for problem in placeholders}
    try:
        checked = model.model_validate(document.data)
    except ValidationError as error:
        for field_path, (line, column), message in describe_validation_error(error, model, document):
            if format_path(field_path) not in left_in:
                problems.append(Problem(name, line, column, format_path(field_path), message))
        return None
    return checked if not placeholders else None


def validate_sites_text(text: str, display_name: str = SITES_FILE) -> tuple[SitesFile | None, list[Problem]]:
    """Validate sites YAML given as text; return it (or None) and its problems."""
    document, problems = read_yaml_text(text, display_name)
    return _sites_checked(document, problems, display_name)


def _sites_checked(document: YamlDocument | None, problems: list[Problem], name: str) -> tuple[SitesFile | None, list[Problem]]:
    sites = _validated(SitesFile, document, problems, name)
    if not isinstance(sites, SitesFile) or document is None:
        return None, problems
    problems += _located(name, document, site_rule_violations(sites))
    problems += _located(name, document, missing_source_texts(sites, sites.source_language))
    return (sites if not problems else None), problems


def validate_supply_text(text: str, build_date: date, display_name: str = SUPPLY_FILE) -> tuple[SupplyFile | None, list[Problem]]:
    """Validate supply YAML given as text as of ``build_date``; return it (or None) and its problems."""
    document, problems = read_yaml_text(text, display_name)
    return _supply_checked(document, problems, display_name, build_date)


def _supply_checked(
    document: YamlDocument | None, problems: list[Problem], name: str, build_date: date
) -> tuple[SupplyFile | None, list[Problem]]:
    supply = _validated(SupplyFile, document, problems, name)
    if not isinstance(supply, SupplyFile) or document is None:
        return None, problems
    problems += _located(name, document, supply_rule_violations(supply, build_date))
    problems += _located(name, document, missing_source_texts(supply, supply.source_language))
    return (supply if not problems else None), problems


def load_sites(root: Path) -> tuple[SitesFile | None, list[Problem]]:
    """Read and validate ``sites.yaml`` if the site has one."""
    path = root / SITES_FILE
    if path.is_symlink():
        return None, [Problem(SITES_FILE, 1, 1, "", _LINKED)]
    if not path.exists():
        return None, []
    return _sites_checked(*read_yaml_file(path, SITES_FILE), SITES_FILE)


def load_supply(
    root: Path, build_date: date, name: str = SUPPLY_FILE, sites: SitesFile | None = None
) -> tuple[SupplyFile | None, list[Problem]]:
    """Read and validate the supply file ``name`` (``supply.yaml`` unless told) as of ``build_date`` if the site has it.

    With ``sites``, its ``centre_id`` must name one of their centres.
    """
    path = root / name
    if path.is_symlink():
        return None, [Problem(name, 1, 1, "", _LINKED)]
    if not path.exists():
        return None, []
    document, problems = read_yaml_file(path, name)
    supply, problems = _supply_checked(document, problems, name, build_date)
    if supply is not None and document is not None:
        problems += _located(name, document, supply_centre_violations(supply, sites, name))
    return (supply if not problems else None), problems


def supply_file_names(root: Path) -> list[str]:
    """``supply.yaml`` if it exists, then the files of ``supply/`` by name: one centre's stock each."""
    names = [SUPPLY_FILE] if (root / SUPPLY_FILE).exists() or (root / SUPPLY_FILE).is_symlink() else []
    folder = root / SUPPLY_FOLDER
    if folder.is_dir():
        names += sorted(f"{SUPPLY_FOLDER}/{path.name}" for path in folder.iterdir() if path.suffix in (".yaml", ".yml"))
    return names


def load_supplies(root: Path, build_date: date, sites: SitesFile | None = None) -> tuple[list[SupplyFile], list[Problem]]:
    """Every centre's stock (``supply.yaml`` first, then ``supply/*.yaml``) as of ``build_date``, and their problems."""
    supplies: list[SupplyFile] = []
    problems: list[Problem] = []
    for name in supply_file_names(root):
        supply, found = load_supply(root, build_date, name, sites)
        problems += found
        if supply is None:
            continue
        if supply.centre_id and any(other.centre_id == supply.centre_id for other in supplies):
            problems.append(Problem(name, 1, 1, "centre_id", f"another supply file already holds the stock of '{supply.centre_id}'"))
        supplies.append(supply)
    return supplies, problems
