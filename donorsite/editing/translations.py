"""What is not yet translated, and a CSV round trip for translators.

Export writes one row per missing text; a translator fills the last
column in a spreadsheet; import adds those texts to the YAML files as new
lines, leaving every other byte of each file as the editor wrote it.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from donorsite.editing.text_edits import add_key_edit, apply_edits
from donorsite.loading import SLOGAN_FILE, SiteContent, collect_content, load_campaign, load_slogans
from donorsite.locales import LOCALE_CODES, get_locale
from donorsite.model.fields import LocalizedText
from donorsite.problems import ContentError, Problem
from donorsite.rules import walk_models
from donorsite.yaml_reader import FieldPath, format_path, read_yaml_text

CSV_COLUMNS = ("file", "field", "locale", "source_language", "source_text", "translation")


@dataclass(frozen=True)
class TextSlot:
    """One localized text of a content file."""

    file: str
    path: FieldPath
    source_language: str
    text: LocalizedText

    def missing(self, locale: str) -> bool:
        """Whether no person has written this text in ``locale``."""
        return not self.text.get(locale)

    def converted_automatically(self, locale: str) -> bool:
        """Whether a missing ``locale`` text is produced by OpenCC from its Chinese counterpart."""
        counterpart = get_locale(locale).convertible_from
        return self.missing(locale) and counterpart is not None and bool(self.text.get(counterpart))


def _slots_of(file: str, root: BaseModel, source_language: str) -> Iterator[TextSlot]:
    for path, model in walk_models(root):
        if isinstance(model, LocalizedText):
            yield TextSlot(file, path, source_language, model)


def text_slots(content: SiteContent) -> list[TextSlot]:
    """Every localized text of the campaigns and slogans, in file order."""
    slots: list[TextSlot] = []
    for entry in sorted(content.campaigns, key=lambda entry: entry.source_file):
        slots += _slots_of(entry.source_file, entry.campaign, entry.campaign.source_language)
    if content.slogans:
        slots += _slots_of(SLOGAN_FILE, content.slogans, content.slogans.source_language)
    return slots


def translation_table(slots: Iterable[TextSlot]) -> str:
    """A text table: per file and locale, how many texts are missing (and how many OpenCC fills)."""
    by_file: dict[str, list[TextSlot]] = defaultdict(list)
    for slot in slots:
        by_file[slot.file].append(slot)
    width = max([len("file"), *(len(name) for name in by_file)])
    lines = [f"{'file':<{width}}  " + "  ".join(f"{code:<22}" for code in LOCALE_CODES)]
    for name, file_slots in by_file.items():
        cells = []
        for code in LOCALE_CODES:
            missing = [slot for slot in file_slots if slot.missing(code)]
            automatic = sum(1 for slot in missing if slot.converted_automatically(code))
            if not missing:
                cells.append("complete")
            elif automatic:
                cells.append(f"{len(missing)} missing ({automatic} auto)")
            else:
                cells.append(f"{len(missing)} missing")
        lines.append(f"{name:<{width}}  " + "  ".join(f"{cell:<22}" for cell in cells))
    return "\n".join(lines)


def export_missing(slots: Iterable[TextSlot], locale: str) -> str:
    """CSV rows (with a header) for every text missing in ``locale``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for slot in slots:
        if slot.missing(locale):
            source = slot.text.get(slot.source_language) or ""
            writer.writerow((slot.file, format_path(slot.path), locale, slot.source_language, source, ""))
    return buffer.getvalue()


def _parse_path(text: str) -> FieldPath:
    parts: list[str | int] = []
    for piece in text.replace("[", ".[").split("."):
        if not piece:
            continue
        if piece.startswith("["):
            if not (piece.endswith("]") and piece[1:-1].isdigit()):
                raise ValueError(f"'{text}' is not a field path")
            parts.append(int(piece[1:-1]))
        else:
            parts.append(piece)
    return tuple(parts)


def import_translations(root: Path, csv_text: str) -> list[str]:
    """Add the filled-in translations of ``csv_text`` to the content files under ``root``.

    Returns the files changed. Raises ``ContentError`` (and writes nothing)
    if a row points at a text that does not exist or is already written,
    or if a changed file would no longer be valid.
    """
    reader = csv.DictReader(io.StringIO(csv_text))
    missing_columns = [column for column in CSV_COLUMNS if column not in (reader.fieldnames or [])]
    if missing_columns:
        raise ContentError([Problem("CSV", 1, 1, "", f"missing column(s) {', '.join(missing_columns)}; start from an exported file")])
    rows = [row for row in reader if (row.get("translation") or "").strip()]
    by_file: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_file[row["file"]].append(row)
    new_texts: dict[Path, str] = {}
    problems: list[Problem] = []
    content_root = root.resolve()
    for name, file_rows in by_file.items():
        path = root / name
        if content_root not in path.resolve().parents or not path.is_file() or path.suffix != ".yaml":
            problems.append(Problem("CSV", 1, 1, "file", f"'{name}' is not a content file of this site"))
            continue
        source = path.read_text(encoding="utf-8")
        document, read_problems = read_yaml_text(source, name)
        if document is None:
            problems += read_problems
            continue
        edits = []
        for row in file_rows:
            try:
                field_path = _parse_path(row["field"])
                edits.append(add_key_edit(source, document, field_path, row["locale"], row["translation"].strip()))
            except (KeyError, ValueError, TypeError, IndexError) as error:
                problems.append(Problem(name, 1, 1, row["field"], f"cannot add the {row['locale']} text: {error}"))
        new_texts[path] = apply_edits(source, edits)
    problems += _validate_changed(root, new_texts)
    if problems:
        raise ContentError(problems)
    for path, text in new_texts.items():
        path.write_text(text, encoding="utf-8")
    return sorted(path.relative_to(root).as_posix() for path in new_texts)


def _validate_changed(root: Path, new_texts: dict[Path, str]) -> list[Problem]:
    """Validate the edited texts in a scratch copy, so a bad translation never reaches a file."""
    import tempfile

    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch_root = Path(scratch)
        for path, text in new_texts.items():
            target = scratch_root / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            if target.name == SLOGAN_FILE and target.parent == scratch_root:
                problems += load_slogans(scratch_root)[1]
            else:
                (scratch_root / "docs").mkdir(exist_ok=True)
                problems += [problem for problem in load_campaign(target, scratch_root)[1] if "images" not in problem.field]
    return problems


def load_slots(root: Path) -> list[TextSlot]:
    """The text slots of the site at ``root``; raises ``ContentError`` if content is invalid."""
    content = collect_content(root)
    if content.problems:
        raise ContentError(content.problems)
    return text_slots(content)
