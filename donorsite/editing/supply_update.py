"""``donorsite supply set O- critical [--centre ID]``: the daily update of a centre's stock, one value changed and every other byte kept.

The file is ``supply.yaml``, or ``supply/<ID>.yaml`` for a further centre.

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

from donorsite.content.centre_files import SUPPLY_FILE, SUPPLY_FOLDER, supply_file_names, validate_supply_text
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


def updated_supply_text(text: str, change: SupplyChange, build_date: date, name: str = SUPPLY_FILE) -> str:
    """``text`` (a valid supply file, ``name`` in messages) with ``change`` applied.

    Raises ``SupplyUpdateError`` if the result would be invalid.
    """
    blood_type = _checked_type(change.blood_type)
    level = _level_text(change.level)
    document, problems = read_yaml_text(text, name)
    if document is None or problems or not isinstance(document.data, dict) or not isinstance(document.data.get("levels"), dict):
        raise SupplyUpdateError(f"{name} must be valid before it is updated; run donorsite check")
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
    _, problems = validate_supply_text(new_text, build_date, name)
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


def _writable_problem(path: Path, name: str) -> str | None:
    """Why replacing ``path`` (``name`` in messages) would do something its owner did not ask for, or None."""
    status = path.stat()
    if not status.st_mode & stat.S_IWUSR:
        mode = stat.S_IMODE(status.st_mode)
        return f"{name} is read-only (mode {mode:04o}); make it writable (chmod u+w {name}) if its figures should change"
    if status.st_nlink > 1:
        return (
            f"{name} has {status.st_nlink} names (hard links); an update writes a new file, which would leave the other names "
            f"with the old figures; replace the links with one file (cp {name} x && mv x {name})"
        )
    return None


def supply_file_of(root: Path, centre: str | None) -> str:
    """The supply file ``supply set`` changes: ``supply.yaml`` without ``centre``, else ``supply/<centre>.yaml``.

    ``supply.yaml`` also answers to its own ``centre_id``. Raises ``SupplyUpdateError`` naming the files there are.
    """
    if centre is None or centre == _centre_id_of(root / SUPPLY_FILE):
        return SUPPLY_FILE
    name = f"{SUPPLY_FOLDER}/{centre}.yaml"
    if (root / name).exists() or (root / name).is_symlink():
        return name
    known = ", ".join(supply_file_names(root)) or "none"
    raise SupplyUpdateError(f"--centre {centre}: no {name} and supply.yaml is another centre's; the supply files are: {known}")


def _centre_id_of(path: Path) -> str | None:
    """The ``centre_id`` written in ``path``, or None if it has none or cannot be read."""
    try:
        document, problems = read_yaml_text(path.read_text(encoding="utf-8-sig"), path.name)
    except (OSError, UnicodeDecodeError):
        return None
    data = document.data if document is not None and not problems else None
    return data.get("centre_id") if isinstance(data, dict) else None


def set_supply_level(root: Path, change: SupplyChange, build_date: date, centre: str | None = None) -> str:
    """Apply ``change`` to the supply file of ``centre`` (see ``supply_file_of``) atomically; return its name.

    Raises ``SupplyUpdateError`` (nothing written) or ``WriteError``. Concurrent
    updates take turns (a lock on the site folder), so each keeps the others' values.
    """
    name = supply_file_of(root, centre)
    path = root / name
    if path.is_symlink() or not path.exists():
        raise SupplyUpdateError(f"{name}: no such file in {root}; start from the sample in the editor guide")
    if not path.is_file():
        raise SupplyUpdateError(f"{name} in {root} is a folder, not a file; remove the folder and start from the sample")
    with _supply_lock(root):
        _update_supply_file(path, name, change, build_date)
    return name


def _update_supply_file(path: Path, name: str, change: SupplyChange, build_date: date) -> None:
    """Read, change, check and replace ``path`` (``name`` in messages); called with the lock held."""
    problem = _writable_problem(path, name)
    if problem:
        raise SupplyUpdateError(problem + "; nothing was changed")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SupplyUpdateError(f"cannot read {name} ({error.strerror}); nothing was changed") from None
    bom = raw.startswith(UTF8_BOM)
    try:
        text = raw[len(UTF8_BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        raise SupplyUpdateError(f"{name} is not UTF-8; save it as UTF-8") from None
    _, problems = validate_supply_text(text, build_date, name)
    if problems:
        raise SupplyUpdateError("\n".join(str(problem) for problem in problems) + f"\nfix {name} first; nothing was changed")
    new_text = updated_supply_text(text, change, build_date, name)
    replace_files({path: (UTF8_BOM if bom else b"") + new_text.encode("utf-8")}, {path: name})
