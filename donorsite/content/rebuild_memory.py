"""What a preview keeps from one rebuild to the next, so that a save re-renders only what it touches.

Under ``serve`` every save rebuilds the whole site. Most of it follows from
campaign files that did not change: their parsed content, their pages, the
calendar entries and API records made from them. A ``RebuildMemory`` keeps
each such value with the objects it was made from, and gives it back only
while those are the same (the same objects, or equal ones). Loading keeps a
campaign's entry for as long as its file has the same bytes, so every value
made from that entry is reused, and a changed file's entry is new, so
everything made from it is made again.

Everything else a value may follow from (the options, sites.yaml,
supply.yaml, slogans.yaml, mkdocs.yml, templates, catalogs, pictures) is the
*context*: when its key changes, the memory forgets everything
(``start``). A full ``build`` uses no memory at all.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class RebuildMemory:
    """Values of earlier rebuilds, each with the objects it was made from."""

    def __init__(self) -> None:
        self._context: Hashable = None
        self._values: dict[Hashable, tuple[tuple[object, ...], Any]] = {}

    def start(self, context: Hashable) -> bool:
        """Begin a rebuild in ``context``; forget everything if it differs from the last one. Returns whether it did."""
        if context == self._context:
            return False
        self._context = context
        self._values.clear()
        return True

    def kept(self, key: Hashable, inputs: tuple[object, ...], make: Callable[[], T]) -> T:
        """The value at ``key`` if it was made from ``inputs`` (the same objects, or equal ones), else ``make()``, kept for next time.

        Identity is checked first: an unchanged campaign's entry is the same object, and comparing it is free.
        """
        found = self._values.get(key)
        if found is not None and len(found[0]) == len(inputs) and all(_same(old, new) for old, new in zip(found[0], inputs, strict=True)):
            value: T = found[1]
            return value
        value = make()
        self._values[key] = (inputs, value)
        return value


def _same(old: object, new: object) -> bool:
    return old is new or bool(old == new)


def kept(memory: RebuildMemory | None, key: Hashable, inputs: tuple[object, ...], make: Callable[[], T]) -> T:
    """``memory.kept(...)``, or ``make()`` in a build without memory (a full build)."""
    return make() if memory is None else memory.kept(key, inputs, make)


def files_state(folders: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, size, modification time in ns) of every file under ``folders`` (or of the file itself), sorted: a context key part.

    A missing path counts as one with no files.
    """
    state = []
    for folder in folders:
        paths = [folder] if folder.is_file() else sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []
        for path in paths:
            stat = path.stat()
            state.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(state)
