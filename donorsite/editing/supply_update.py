"""``donorsite supply set O- critical``: the daily update of ``supply.yaml``, one value changed and every other byte kept.

The new value is written at the position the YAML reader recorded for the
old one (comments, order, quoting and line endings stay the editor's); the
whole new file must pass the same validation as ``donorsite check`` before it
replaces the old one in one atomic rename.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from donorsite.content.centre_files import SUPPLY_FILE, validate_supply_text
from donorsite.editing.safe_write import replace_files
from donorsite.editing.text_edits import TextEdit, add_key_edit, apply_edits, yaml_string
from donorsite.model.supply import BLOOD_TYPES, SupplyLevel
from donorsite.reading.yaml_reader import read_yaml_text

UTF8_BOM = b"\xef\xbb\xbf"
_DAYS = re.compile(r"^\d{1,3}(\.\d{1,2})?$")
_WORDS = ", ".join(level.value for level in SupplyLevel)


class SupplyUpdateError(Exception):
    """The update cannot be made; the message says why and what to write instead. Nothing was written."""


@dataclass(frozen=True)
class SupplyChange:
    """What ``supply set`` changes: a type's level and, optionally, when the stock was counted."""

    blood_type: str
    level: str
    measured_at: str | None = None


def _level_text(level: str) -> str:
    if level in SupplyLevel._value2member_map_ or _DAYS.fullmatch(level):
        return level
    raise SupplyUpdateError(f"{level!r} is not a level; write days of stock (a number such as 4.5) or one of {_WORDS}")


def _checked_type(blood_type: str) -> str:
    if blood_type not in BLOOD_TYPES:
        raise SupplyUpdateError(f"{blood_type!r} is not a blood type; use one of {', '.join(BLOOD_TYPES)}")
    return blood_type


def updated_supply_text(text: str, change: SupplyChange, build_date: date) -> str:
    """``text`` (a valid supply file) with ``change`` applied; raises ``SupplyUpdateError`` if the result would be invalid."""
    blood_type = _checked_type(change.blood_type)
    level = _level_text(change.level)
    document, problems = read_yaml_text(text, SUPPLY_FILE)
    if document is None or problems or not isinstance(document.data, dict) or not isinstance(document.data.get("levels"), dict):
        raise SupplyUpdateError(f"{SUPPLY_FILE} must be valid before it is updated; run donorsite check")
    edits = []
    path = ("levels", blood_type)
    if path in document.value_spans:
        start, end = document.value_spans[path]
        edits.append(TextEdit(start, end, level))
    else:
        placeholder = add_key_edit(text, document, ("levels",), blood_type, level)
        edits.append(TextEdit(placeholder.start, placeholder.end, placeholder.text.replace(yaml_string(level), level)))
    if change.measured_at is not None:
        start, end = document.value_spans[("measured_at",)]
        edits.append(TextEdit(start, end, yaml_string(change.measured_at)))
    new_text = apply_edits(text, edits)
    _, problems = validate_supply_text(new_text, build_date)
    if problems:
        raise SupplyUpdateError("\n".join(str(problem) for problem in problems))
    return new_text


def set_supply_level(root: Path, change: SupplyChange, build_date: date) -> None:
    """Apply ``change`` to ``root/supply.yaml`` atomically; raises ``SupplyUpdateError`` (nothing written) or ``WriteError``."""
    path = root / SUPPLY_FILE
    if path.is_symlink() or not path.is_file():
        raise SupplyUpdateError(f"{SUPPLY_FILE}: no such file in {root}; start from the sample in the editor guide")
    raw = path.read_bytes()
    bom = raw.startswith(UTF8_BOM)
    try:
        text = raw[len(UTF8_BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        raise SupplyUpdateError(f"{SUPPLY_FILE} is not UTF-8; save it as UTF-8") from None
    _, problems = validate_supply_text(text, build_date)
    if problems:
        raise SupplyUpdateError("\n".join(str(problem) for problem in problems) + f"\nfix {SUPPLY_FILE} first; nothing was changed")
    new_text = updated_supply_text(text, change, build_date)
    replace_files({path: (UTF8_BOM if bom else b"") + new_text.encode("utf-8")}, {path: SUPPLY_FILE})
