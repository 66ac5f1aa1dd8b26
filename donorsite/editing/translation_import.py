"""Importing a filled-in translation sheet: only translations change, all files or none.

Each row may add or change the text of one site locale in a localized text
that the content file already has in its source language. The importer
works on the parsed file, never on text the sheet could smuggle YAML into:
a cell becomes one double-quoted YAML string, whatever it contains. Before
anything is written, each changed file is read back and must hold exactly
the old values plus the new translations, differ only on the lines of
those translations (comments, order, line endings and byte-order mark
untouched), and pass validation. Then every file is replaced at once, or
none is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from donorsite.content.centre_files import SITES_FILE, SUPPLY_FILE, load_sites, validate_sites_text, validate_supply_text
from donorsite.content.loading import CAMPAIGN_FOLDER, SLOGAN_FILE, validate_campaign_text, validate_slogans_text
from donorsite.content.rules import walk_models
from donorsite.core.campaign_ids import CAMPAIGN_EXTENSION, campaign_id_problem
from donorsite.core.locales import LOCALE_CODES
from donorsite.core.problems import Problem
from donorsite.editing.change_check import only_translations_changed, value_at
from donorsite.editing.safe_write import replace_files
from donorsite.editing.text_edits import TextEdit, add_key_edit, apply_edits, yaml_string
from donorsite.editing.translation_sheet import SheetError, SheetRow, decode_sheet, read_sheet
from donorsite.model.donation_sites import SitesFile
from donorsite.model.text_fields import LocalizedText
from donorsite.model.timing import utc_today
from donorsite.reading.yaml_document import FieldPath, YamlDocument, format_path
from donorsite.reading.yaml_reader import read_yaml_text

UTF8_BOM = b"\xef\xbb\xbf"
_FIELD_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[\d{1,6}\])*$")


@dataclass
class _Target:
    """One content file named by the sheet and the rows that change it."""

    display: str
    path: Path
    rows: list[tuple[SheetRow, FieldPath]] = field(default_factory=list)


def parse_field_path(text: str) -> FieldPath | None:
    """``events[0].venue.name`` as a path, or None if it is not written like one.

    >>> parse_field_path("events[0].venue.name")
    ('events', 0, 'venue', 'name')
    """
    if not _FIELD_PATH.fullmatch(text):
        return None
    parts: list[str | int] = []
    for piece in re.findall(r"[^.\[\]]+|\[\d+\]", text):
        parts.append(int(piece[1:-1]) if piece.startswith("[") else piece)
    return tuple(parts)


_TAKE_TRANSLATIONS = f"only campaign files, {SLOGAN_FILE}, {SITES_FILE} and {SUPPLY_FILE} take translations"


def normalise_content_path(cell: str) -> tuple[str | None, str]:
    """The file a sheet's ``file`` cell names (``campaigns/<id>.yaml`` or one of the site's own files); else None and why."""
    if "\\" in cell:
        return None, f"'{cell}' uses '\\' between folders; write the path as exported, e.g. campaigns/<id>.yaml"
    if cell.startswith("/") or re.match(r"^[A-Za-z]:", cell):
        return None, f"'{cell}' is an absolute path; write the path as exported, e.g. campaigns/<id>.yaml"
    parts = [part for part in cell.split("/") if part not in ("", ".")]
    if ".." in parts:
        return None, f"'{cell}' points outside {CAMPAIGN_FOLDER}/; {_TAKE_TRANSLATIONS}"
    normal = "/".join(parts)
    if normal in (SLOGAN_FILE, SITES_FILE, SUPPLY_FILE):
        return normal, ""
    if len(parts) != 2 or parts[0] != CAMPAIGN_FOLDER:
        return None, f"'{cell}' is not a file in {CAMPAIGN_FOLDER}/; {_TAKE_TRANSLATIONS}"
    name = parts[1]
    if not name.endswith(CAMPAIGN_EXTENSION):
        return None, f"'{cell}' does not end in {CAMPAIGN_EXTENSION}; write the path as exported"
    problem = campaign_id_problem(name[: -len(CAMPAIGN_EXTENSION)])
    if problem:
        return None, f"'{cell}' does not name a campaign file: {problem}"
    return normal, ""


def _targets(root: Path, rows: Iterable[SheetRow], sheet: str) -> tuple[dict[str, _Target], list[str]]:
    targets: dict[str, _Target] = {}
    problems: list[str] = []
    first_line: dict[tuple[str, FieldPath, str], int] = {}
    project = root.resolve()
    for row in rows:
        display, why = normalise_content_path(row.file)
        if display is None:
            problems.append(f"{sheet}:{row.line}: {why}")
            continue
        path = root / display
        if path.is_symlink() or not path.is_file() or not path.resolve().is_relative_to(project):
            problems.append(f"{sheet}:{row.line}: there is no content file {display} in this site; write the path as exported")
            continue
        field_path = parse_field_path(row.field)
        if field_path is None:
            problems.append(
                f"{sheet}:{row.line}: '{row.field}' is not a field path such as events[0].venue.name; keep the cell as exported"
            )
            continue
        if row.locale not in LOCALE_CODES:
            problems.append(f"{sheet}:{row.line}: '{row.locale}' is not a site locale; use one of {', '.join(LOCALE_CODES)}")
            continue
        key = (display, field_path, row.locale)
        if key in first_line:
            problems.append(
                f"{sheet}:{row.line}: the {row.locale} text of {display} {format_path(field_path)} is also on line {first_line[key]}; "
                "keep one of the two rows"
            )
            continue
        first_line[key] = row.line
        targets.setdefault(display, _Target(display, path)).rows.append((row, field_path))
    return targets, problems


def _text_slots(model: BaseModel) -> set[FieldPath]:
    return {path for path, value in walk_models(model) if isinstance(value, LocalizedText)}


@dataclass
class _Plan:
    edits: list[TextEdit] = field(default_factory=list)
    changes: dict[FieldPath, str] = field(default_factory=dict)
    lines: dict[FieldPath, int] = field(default_factory=dict)


def _edit_for(text: str, document: YamlDocument, slot: FieldPath, locale: str, value: str) -> TextEdit:
    mapping = value_at(document.data, slot)
    if locale not in mapping:
        return add_key_edit(text, document, slot, locale, value)
    start, end = document.value_spans[(*slot, locale)]
    written = text[start:end]
    # A block scalar's span includes its closing line breaks: keep them.
    trailing = written[len(written.rstrip(" \t\r\n")) :]
    lead = " " if start > 0 and text[start - 1] == ":" else ""
    return TextEdit(start, end, lead + yaml_string(value) + trailing)


def _add_edit(edits: list[TextEdit], edit: TextEdit) -> None:
    """Add ``edit``; two new entries at one place are joined in the order of the sheet."""
    for index, other in enumerate(edits):
        if other.start == other.end == edit.start == edit.end:
            edits[index] = TextEdit(other.start, other.end, other.text + edit.text)
            return
    edits.append(edit)


def _plan(
    text: str, document: YamlDocument, model: BaseModel, source_language: str, target: _Target, sheet: str
) -> tuple[_Plan, list[str]]:
    plan = _Plan()
    problems: list[str] = []
    # Only texts written in this file: a venue an event takes from sites.yaml is translated there.
    slots = {slot for slot in _text_slots(model) if slot in document.value_spans}
    for row, slot in target.rows:
        where = f"{sheet}:{row.line}"
        if row.locale == source_language:
            problems.append(f"{where}: {row.locale} is the source language of {target.display}; change source texts in the file itself")
            continue
        if slot not in slots:
            problems.append(f"{where}: {target.display} has no text {row.field} to translate; keep the field cell as exported")
            continue
        value = unicodedata.normalize("NFC", row.translation)
        if value_at(document.data, slot).get(row.locale) == value:
            continue
        _add_edit(plan.edits, _edit_for(text, document, slot, row.locale, value))
        plan.changes[(*slot, row.locale)] = value
        plan.lines[(*slot, row.locale)] = row.line
    return plan, problems


def _validate(display: str, text: str, sites: SitesFile | None) -> tuple[BaseModel | None, str, list[Problem]]:
    """The file's model, source language and problems; campaign events may name a site of ``sites``."""
    if display == SLOGAN_FILE:
        slogans, problems = validate_slogans_text(text, display)
        return slogans, slogans.source_language if slogans else "", problems
    if display == SITES_FILE:
        centres, problems = validate_sites_text(text, display)
        return centres, centres.source_language if centres else "", problems
    if display == SUPPLY_FILE:
        supply, problems = validate_supply_text(text, utc_today(), display)
        return supply, supply.source_language if supply else "", problems
    campaign, problems = validate_campaign_text(text, display, sites)
    return campaign, campaign.source_language if campaign else "", problems


def _row_of(problem: Problem, plan: _Plan) -> int | None:
    for path, line in plan.lines.items():
        if problem.field == format_path(path) or problem.field.startswith(format_path(path) + "."):
            return line
    return None


def _new_bytes(target: _Target, sheet: str, sites: SitesFile | None) -> tuple[bytes | None, list[str]]:
    """The file's new content (None if unchanged) and the problems that stop the import."""
    first = target.rows[0][0].line
    raw = target.path.read_bytes()
    bom = raw.startswith(UTF8_BOM)
    try:
        text = raw[len(UTF8_BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        return None, [f"{sheet}:{first}: {target.display} is not UTF-8 text; run donorsite check and fix it before importing"]
    document, read_problems = read_yaml_text(text, target.display)
    model, source_language, problems = _validate(target.display, text, sites)
    if document is None or model is None or read_problems or problems:
        return None, [f"{sheet}:{first}: {target.display} has problems; run donorsite check and fix them before importing"]
    plan, found = _plan(text, document, model, source_language, target, sheet)
    if found or not plan.edits:
        return None, found
    new_text = apply_edits(text, plan.edits)
    why = only_translations_changed(text, new_text, document, plan.changes)
    if why:
        lines = ", ".join(str(line) for line in sorted(plan.lines.values()))
        return None, [f"{sheet}:{lines}: the translations for {target.display} cannot be added safely ({why}); nothing was changed"]
    _, _, new_problems = _validate(target.display, new_text, sites)
    messages = []
    for problem in new_problems:
        line = _row_of(problem, plan) or min(plan.lines.values())
        messages.append(f"{sheet}:{line}: {problem}")
    if messages:
        return None, messages
    return (UTF8_BOM if bom else b"") + new_text.encode("utf-8"), []


def _line_number(message: str) -> int:
    match = re.match(r"^[^:]*:(\d+)", message)
    return int(match.group(1)) if match else 0


def import_translations(root: Path, sheet_data: bytes, sheet_name: str) -> list[str]:
    """Add or change the translations of a filled-in sheet in the content files under ``root``.

    Returns the files changed, sorted. Raises ``SheetError`` with every
    problem (and changes nothing) if any row cannot be applied, and
    ``WriteError`` (after putting back what was replaced) if a file cannot
    be written.
    """
    rows = read_sheet(decode_sheet(sheet_data, sheet_name), sheet_name)
    targets, problems = _targets(root, rows, sheet_name)
    contents: dict[Path, bytes] = {}
    sites, _ = load_sites(root)
    for display in sorted(targets):
        data, found = _new_bytes(targets[display], sheet_name, sites)
        problems += found
        if data is not None:
            contents[targets[display].path] = data
    if problems:
        raise SheetError(sorted(problems, key=_line_number))
    replace_files(contents, {path: path.relative_to(root).as_posix() for path in contents})
    return sorted(path.relative_to(root).as_posix() for path in contents)
