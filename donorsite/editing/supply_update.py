"""``donorsite supply set O- critical``: the daily update of ``supply.yaml``, one value changed and every other byte kept.

The new value is written at the position the YAML reader recorded for the
old one (comments, order, quoting and line endings stay the editor's); the
whole new file must pass the same validation as ``donorsite check`` before it
replaces the old one in one atomic rename.
"""

from __future__ import annotations

import fcntl
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def _supply_lock(root: Path) -> Iterator[None]:
    """Hold the site folder's lock while ``supply.yaml`` is read, changed and replaced.

    Two updates at once would each read the old file and the second rename
    would drop the first one's value; the lock makes them take turns. It is
    taken on the folder itself, so no lock file is left in the checkout.
    """
    try:
        handle = os.open(root, os.O_RDONLY)
    except OSError as error:
        raise SupplyUpdateError(f"{root}: cannot open the site folder ({error.strerror}); pass the site's folder with --root") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError as error:
            # Some network file systems cannot lock; updating without the lock could lose another update's value.
            raise SupplyUpdateError(f"{root}: cannot lock the site folder ({error.strerror}); nothing was changed") from None
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _writable_problem(path: Path) -> str | None:
    """Why replacing ``path`` would do something its owner did not ask for, or None."""
    status = path.stat()
    if not status.st_mode & stat.S_IWUSR:
        return (
            f"{SUPPLY_FILE} is read-only (mode {stat.S_IMODE(status.st_mode):04o}); "
            f"make it writable (chmod u+w {SUPPLY_FILE}) if its figures should change"
        )
    if status.st_nlink > 1:
        return (
            f"{SUPPLY_FILE} has {status.st_nlink} names (hard links); an update writes a new file, which would leave the other names "
            f"with the old figures; replace the links with one file (cp {SUPPLY_FILE} x && mv x {SUPPLY_FILE})"
        )
    return None


def set_supply_level(root: Path, change: SupplyChange, build_date: date) -> None:
    """Apply ``change`` to ``root/supply.yaml`` atomically; raises ``SupplyUpdateError`` (nothing written) or ``WriteError``.

    Concurrent updates take turns (a lock on the site folder), so each keeps the others' values.
    """
    path = root / SUPPLY_FILE
    if path.is_symlink() or not path.exists():
        raise SupplyUpdateError(f"{SUPPLY_FILE}: no such file in {root}; start from the sample in the editor guide")
    if not path.is_file():
        raise SupplyUpdateError(f"{SUPPLY_FILE} in {root} is a folder, not a file; remove the folder and start from the sample")
    with _supply_lock(root):
        _update_supply_file(path, change, build_date)


def _update_supply_file(path: Path, change: SupplyChange, build_date: date) -> None:
    """Read, change, check and replace ``path``; called with the lock held."""
    problem = _writable_problem(path)
    if problem:
        raise SupplyUpdateError(problem + "; nothing was changed")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SupplyUpdateError(f"cannot read {SUPPLY_FILE} ({error.strerror}); nothing was changed") from None
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
