"""Loading and validating all content of a site, once per build."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from donorsite.content.centre_files import fill_site_venues, load_sites, load_supplies
from donorsite.content.project_files import image_problems, published_link_problems, shown_path
from donorsite.content.rebuild_memory import RebuildMemory, kept
from donorsite.content.revisions import ShallowHistoryError, last_commit_dates
from donorsite.content.rules import RuleViolation, campaign_rule_violations, missing_source_texts, placeholder_violations

# The content's types live in site_content (no git, no loading); importers of this module still find them here.
from donorsite.content.site_content import CampaignEntry as CampaignEntry
from donorsite.content.site_content import ContentFilter as ContentFilter
from donorsite.content.site_content import SiteContent as SiteContent
from donorsite.core.campaign_ids import CAMPAIGN_EXTENSION, campaign_id_problem, has_yaml_extension
from donorsite.core.problems import ContentError, Problem
from donorsite.model.campaign import LEGACY_STATUSES, Campaign
from donorsite.model.donation_sites import SitesFile
from donorsite.model.slogan import SloganFile
from donorsite.model.timing import build_date_contradictions, utc_today
from donorsite.reading.validation import describe_validation_error
from donorsite.reading.yaml_document import FieldPath, YamlDocument, format_path
from donorsite.reading.yaml_reader import read_yaml_file, read_yaml_text

CAMPAIGN_FOLDER = "campaigns"
SLOGAN_FILE = "slogans.yaml"

ModelT = TypeVar("ModelT", bound=BaseModel)


def _located(display_name: str, document: YamlDocument, violations: Iterable[RuleViolation]) -> list[Problem]:
    problems = []
    for path, message in violations:
        line, column = document.locate(path)
        problems.append(Problem(display_name, line, column, format_path(path), message))
    return problems


def _validate(model: type[ModelT], path: Path, display_name: str) -> tuple[ModelT | None, YamlDocument | None, list[Problem]]:
    return _validate_document(model, *read_yaml_file(path, display_name), display_name)


def _validate_document(
    model: type[ModelT], document: YamlDocument | None, problems: list[Problem], display_name: str
) -> tuple[ModelT | None, YamlDocument | None, list[Problem]]:
    if document is None:
        return None, None, problems
    if not isinstance(document.data, dict):
        return (
            None,
            document,
            [
                *problems,
                Problem(display_name, 1, 1, "", "the file must be a group of 'key: value' lines; start from a sample"),
            ],
        )
    # A starter's "TODO: ..." is the mistake to report, not the time zone or code it fails to be.
    placeholders = _located(display_name, document, placeholder_violations(document.data))
    problems = [*problems, *placeholders]
    try:
        instance = model.model_validate(document.data)
    except ValidationError as error:
        left_in = {problem.field for problem in placeholders}
        for field_path, (line, column), message in describe_validation_error(error, model, document):
            if format_path(field_path) not in left_in:
                problems.append(Problem(display_name, line, column, format_path(field_path), message))
        return None, document, problems
    return (instance if not problems else None), document, problems


# A content file that links elsewhere would publish whatever it points to.
_LINKED_CONTENT = "this content file is a symbolic link; put the file itself here"


def _campaign_id_problem(path: Path, display_name: str) -> Problem | None:
    message = campaign_id_problem(path.stem)
    return Problem(display_name, 1, 1, "", f"file name: {message}") if message else None


def _written_id_violations(campaign: Campaign, path: Path) -> list[RuleViolation]:
    """An ``id`` written in the file (the web editor writes one) that is not the file's name: the page would not be where it says."""
    stem = unicodedata.normalize("NFC", path.stem)
    if campaign.id is None or campaign.id == stem:
        return []
    message = f"the file is named {path.name}, so its id is '{stem}'; write 'id: {stem}', or rename the file to {campaign.id}.yaml"
    return [(("id",), message)]


def _legacy_status(document: YamlDocument) -> str | None:
    status = document.data.get("status") if isinstance(document.data, dict) else None
    return status if isinstance(status, str) and status in LEGACY_STATUSES else None


def _legacy_status_notices(display_name: str, document: YamlDocument) -> list[Problem]:
    legacy = _legacy_status(document)
    if legacy is None:
        return []
    new = LEGACY_STATUSES[legacy].value
    message = (
        f"'{legacy}' is an old status name that still works; write 'status: {new}' "
        "(whether the campaign is upcoming, on now or over is now computed from its dates)"
    )
    return _located(display_name, document, [(("status",), message)])


def _without_what_the_site_gives(problems: list[Problem], found_first: list[Problem]) -> list[Problem]:
    """``problems`` without "venue/timezone is required" for events whose site id is unknown: the id is the mistake to fix."""
    unknown = {problem.field.removesuffix(".site") for problem in found_first if problem.field.endswith(".site")}
    missing = {f"{event}.{name}" for event in unknown for name in ("venue", "timezone")}
    return [problem for problem in problems if problem.field not in missing]


def load_campaign(
    path: Path, root: Path, build_date: date | None = None, sites: SitesFile | None = None
) -> tuple[CampaignEntry | None, list[Problem]]:
    """Read and validate one campaign file as of ``build_date`` (default: today in UTC); return it (or None) and its problems.

    An event may name a donation site of ``sites`` (``site: <id>``) instead of writing its venue and zone.
    """
    display_name = shown_path(path, root)
    if path.is_symlink():
        return None, [Problem(display_name, 1, 1, "", _LINKED_CONTENT)]
    id_problem = _campaign_id_problem(path, display_name)
    read, read_problems = read_yaml_file(path, display_name)
    borrowed: list[FieldPath] = []
    if read is not None:
        site_problems, borrowed = fill_site_venues(read.data, sites)
        read_problems += _located(display_name, read, site_problems)
    campaign, document, problems = _validate_document(Campaign, read, read_problems, display_name)
    problems = _without_what_the_site_gives(problems, read_problems)
    if id_problem:
        problems.insert(0, id_problem)
    if campaign is None or document is None:
        return None, problems
    problems += _located(display_name, document, campaign_rule_violations(campaign))
    problems += _located(display_name, document, _written_id_violations(campaign, path))
    as_of = build_date or utc_today()
    problems += _located(display_name, document, build_date_contradictions(campaign, _legacy_status(document), as_of))
    problems += image_problems(campaign, root, display_name, document)
    if problems:
        return None, problems
    notices = tuple(_legacy_status_notices(display_name, document))
    entry_id = unicodedata.normalize("NFC", path.stem)
    return CampaignEntry(entry_id, display_name, campaign, notices=notices, borrowed_paths=tuple(borrowed), build_date=as_of), []


def validate_campaign_text(text: str, display_name: str, sites: SitesFile | None = None) -> tuple[Campaign | None, list[Problem]]:
    """Validate campaign YAML given as text (no file, no picture checks); return it (or None) and its problems.

    Events that name a site of ``sites`` take its venue and zone, as in a build.
    """
    read, read_problems = read_yaml_text(text, display_name)
    if read is not None:
        read_problems += _located(display_name, read, fill_site_venues(read.data, sites)[0])
    campaign, document, problems = _validate_document(Campaign, read, read_problems, display_name)
    problems = _without_what_the_site_gives(problems, read_problems)
    if campaign is None or document is None:
        return None, problems
    problems += _located(display_name, document, campaign_rule_violations(campaign))
    return (campaign if not problems else None), problems


def validate_slogans_text(text: str, display_name: str) -> tuple[SloganFile | None, list[Problem]]:
    """Validate slogan YAML given as text; return it (or None) and its problems."""
    slogans, document, problems = _validate_document(SloganFile, *read_yaml_text(text, display_name), display_name)
    if slogans is None or document is None:
        return None, problems
    problems += _located(display_name, document, missing_source_texts(slogans, slogans.source_language))
    return (slogans if not problems else None), problems


def load_slogans(root: Path) -> tuple[SloganFile | None, list[Problem]]:
    """Read and validate ``slogans.yaml`` if the site has one."""
    path = root / SLOGAN_FILE
    if path.is_symlink():
        return None, [Problem(SLOGAN_FILE, 1, 1, "", _LINKED_CONTENT)]
    if not path.exists():
        return None, []
    slogans, document, problems = _validate(SloganFile, path, SLOGAN_FILE)
    if slogans is None or document is None:
        return None, problems
    problems += _located(SLOGAN_FILE, document, missing_source_texts(slogans, slogans.source_language))
    return (slogans if not problems else None), problems


def campaign_files(root: Path) -> list[Path]:
    """The campaign files of the site, sorted by name."""
    folder = root / CAMPAIGN_FOLDER
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if has_yaml_extension(path.name) and path.is_file())


def collect_content(
    root: Path, content_filter: ContentFilter | None = None, build_date: date | None = None, memory: RebuildMemory | None = None
) -> SiteContent:
    """Load every content file as of ``build_date`` (default: today in UTC), keeping what is valid and recording all problems.

    With ``memory`` (a preview's rebuilds), a campaign file with the same bytes as before keeps its entry, the same object.
    """
    problems: list[Problem] = []
    entries: list[CampaignEntry] = []
    # Sites first: campaign events may name a site instead of repeating its address.
    sites, found = load_sites(root)
    problems += found
    for path in campaign_files(root):
        if content_filter is not None and not content_filter.reads(path):
            continue
        if path.suffix != CAMPAIGN_EXTENSION:
            problems.append(
                Problem(
                    shown_path(path, root),
                    1,
                    1,
                    "",
                    f"campaign files must end in {CAMPAIGN_EXTENSION} (lowercase); rename the file to {path.stem}{CAMPAIGN_EXTENSION}",
                )
            )
            continue
        if memory is None:
            entry, found = load_campaign(path, root, build_date, sites)
        else:
            inputs = (path.is_symlink(), path.read_bytes() if not path.is_symlink() else b"")
            entry, found = memory.kept(("campaign file", path.name), inputs, partial(load_campaign, path, root, build_date, sites))
        problems += found
        if entry and (content_filter is None or content_filter.admits(entry.campaign)):
            entries.append(entry)
    slogans, found = load_slogans(root)
    problems += found
    supplies, found = load_supplies(root, build_date or utc_today(), sites)
    problems += found
    problems += published_link_problems(root)
    entries.sort(key=lambda entry: (entry.campaign.sort_date, entry.id))
    notices = tuple(notice for entry in entries for notice in entry.notices)
    return SiteContent(tuple(entries), slogans, tuple(problems), notices, sites, tuple(supplies))


def _dated(entry: CampaignEntry, last_changed: date | None, memory: RebuildMemory | None) -> CampaignEntry:
    """``entry`` with its last commit date; with ``memory``, the same object as before for the same entry and date."""
    return kept(memory, ("dated", entry.source_file), (entry, last_changed), partial(replace, entry, last_changed=last_changed))


def _with_commit_dates(root: Path, content: SiteContent, memory: RebuildMemory | None = None) -> SiteContent:
    """The content with each campaign's last commit date.

    Raises ``ShallowHistoryError`` if the checkout is shallow and a campaign
    without ``updated`` was last changed beyond its history: its date is
    unknown, and the date of the clone's first commit would be wrong.
    """
    if not content.campaigns:
        return content
    history = last_commit_dates(root, CAMPAIGN_FOLDER)
    unknown = [entry.source_file for entry in content.campaigns if entry.campaign.updated is None and entry.source_file in history.unknown]
    if unknown:
        raise ShallowHistoryError(unknown)
    entries = tuple(_dated(entry, history.dates.get(entry.source_file), memory) for entry in content.campaigns)
    return replace(content, campaigns=entries)


def load_content(
    root: Path, content_filter: ContentFilter | None = None, build_date: date | None = None, memory: RebuildMemory | None = None
) -> SiteContent:
    """Load all content of the site at ``root`` as of ``build_date`` (default: today in UTC), with commit dates.

    Raises ``ContentError`` listing every problem if any file is invalid, and
    ``ShallowHistoryError`` if a shallow checkout hides when a campaign last changed.
    """
    content = collect_content(root, content_filter, build_date, memory)
    if content.problems:
        raise ContentError(content.problems)
    return _with_commit_dates(root, content, memory)
