"""What is not yet translated, and a CSV round trip for translators.

Export writes one row per missing text; a translator fills the last
column in a spreadsheet; ``translation_import`` adds those texts to the
YAML files, leaving every other byte of each file as the editor wrote it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from donorsite.content.centre_files import SITES_FILE, SUPPLY_FILE
from donorsite.content.loading import SLOGAN_FILE, SiteContent, collect_content
from donorsite.content.rules import walk_models
from donorsite.core.locales import LOCALE_CODES, get_locale
from donorsite.core.problems import ContentError
from donorsite.editing.translation_sheet import write_sheet
from donorsite.model.text_fields import LocalizedText
from donorsite.reading.yaml_document import FieldPath, format_path


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
    """Every localized text of the campaigns, slogans, donation sites and supply appeals, in file order."""
    slots: list[TextSlot] = []
    for entry in sorted(content.campaigns, key=lambda entry: entry.source_file):
        own = _slots_of(entry.source_file, entry.campaign, entry.campaign.source_language)
        # A venue taken from sites.yaml is translated there.
        slots += [slot for slot in own if not any(slot.path[: len(path)] == path for path in entry.borrowed_paths)]
    if content.slogans:
        slots += _slots_of(SLOGAN_FILE, content.slogans, content.slogans.source_language)
    if content.sites:
        slots += _slots_of(SITES_FILE, content.sites, content.sites.source_language)
    if content.supply:
        slots += _slots_of(SUPPLY_FILE, content.supply, content.supply.source_language)
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
    """CSV rows (with a header) for every text missing in ``locale``, safe to open in a spreadsheet."""
    return write_sheet(
        (slot.file, format_path(slot.path), locale, slot.source_language, slot.text.get(slot.source_language) or "", "")
        for slot in slots
        if slot.missing(locale)
    )


def load_slots(root: Path) -> list[TextSlot]:
    """The text slots of the site at ``root``; raises ``ContentError`` if content is invalid."""
    content = collect_content(root)
    if content.problems:
        raise ContentError(content.problems)
    return text_slots(content)
