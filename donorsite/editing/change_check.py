"""The check before an import writes a file: only the translations changed, on their own lines, line endings kept."""

from __future__ import annotations

import bisect
import copy
import difflib
import json
import re
from collections.abc import Iterable
from typing import Any

from donorsite.reading.yaml_document import FieldPath, YamlDocument
from donorsite.reading.yaml_reader import read_yaml_text

LINE_BREAK = re.compile(r"\r\n|\n|\r")


def value_at(data: Any, path: FieldPath) -> Any:
    """The mapping or list at ``path`` inside ``data``."""
    for part in path:
        data = data[part]
    return data


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in LINE_BREAK.finditer(text))]


def _lines(text: str) -> list[str]:
    starts = _line_starts(text)
    return [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True) if start < end]


def _line_range(starts: list[int], start: int, end: int) -> range:
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_right(starts, max(start, end - 1)) - 1
    return range(first, last + 1)


def _touched_lines(text: str, document: YamlDocument, paths: Iterable[FieldPath]) -> set[int]:
    starts = _line_starts(text)
    touched: set[int] = set()
    for path in paths:
        if path in document.value_spans:
            key_line = document.key_locations.get(path, document.locate(path))[0] - 1
            touched.update(range(key_line, key_line + 1))
            touched.update(_line_range(starts, *document.value_spans[path]))
        if path[:-1] in document.flow_mappings:
            touched.update(_line_range(starts, *document.value_spans[path[:-1]]))
    return touched


def _line_break_kinds(text: str) -> set[str]:
    return set(LINE_BREAK.findall(text))


def only_translations_changed(old_text: str, new_text: str, old_document: YamlDocument, changes: dict[FieldPath, str]) -> str | None:
    """Why ``new_text`` is more than ``old_text`` with the translations in ``changes``, or None if it is exactly that."""
    new_document, problems = read_yaml_text(new_text, "new")
    if new_document is None or problems:
        return "the file would no longer read as YAML"
    expected = copy.deepcopy(old_document.data)
    for path, value in changes.items():
        value_at(expected, path[:-1])[path[-1]] = value
    if json.dumps(new_document.data, ensure_ascii=False) != json.dumps(expected, ensure_ascii=False):
        return "the file would read back with other values than the translations"
    allowed_old = _touched_lines(old_text, old_document, changes)
    allowed_new = _touched_lines(new_text, new_document, changes)
    old_lines, new_lines = _lines(old_text), _lines(new_text)
    last = len(old_lines) - 1
    # A line added after a last line without a line break gives that line one, and nothing else.
    if old_lines and not LINE_BREAK.search(old_lines[last]) and LINE_BREAK.sub("", new_lines[last]) == old_lines[last]:
        allowed_old.add(last)
        allowed_new.add(last)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, old_first, old_last, new_first, new_last in matcher.get_opcodes():
        if tag != "equal" and not (set(range(old_first, old_last)) <= allowed_old and set(range(new_first, new_last)) <= allowed_new):
            return f"line {new_first + 1} would change although it holds no translation"
    old_kinds = _line_break_kinds(old_text) or {"\n"}
    if not _line_break_kinds(new_text) <= old_kinds:
        return "the file would get line breaks of another kind"
    return None
