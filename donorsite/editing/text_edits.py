"""Edits to an editor's YAML text that keep every other byte as it was.

Comments, key order and quoting styles are the editor's: instead of
loading and dumping the file, these functions insert or replace text at
the positions the reader recorded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from donorsite.reading.yaml_document import FieldPath, YamlDocument


@dataclass(frozen=True)
class TextEdit:
    """Replace ``source[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar for ``value`` (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def add_key_edit(source: str, document: YamlDocument, mapping: FieldPath, key: str, value: str) -> TextEdit:
    """An edit adding ``key: value`` as the last entry of the mapping at ``mapping``.

    Raises ``ValueError`` if the mapping is an empty block (no entry to take the indent from) or the key already exists.
    """
    data = document.data
    for part in mapping:
        data = data[part]
    if not isinstance(data, dict) or (not data and mapping not in document.flow_mappings):
        raise ValueError(f"no mapping with entries at {mapping}")
    if key in data:
        raise ValueError(f"{key} is already written at {mapping}")
    start, end = document.value_spans[mapping]
    if mapping in document.flow_mappings:
        # An empty "{}" gets its first entry without a comma.
        closing = source.rindex("}", start, end)
        return TextEdit(closing, closing, f"{', ' if data else ''}{key}: {yaml_string(value)}")
    first_key = next(iter(data))
    indent = " " * (document.key_locations[(*mapping, first_key)][1] - 1)
    last_key = list(data)[-1]
    _, last_end = document.value_spans[(*mapping, last_key)]
    entry = f"{indent}{key}: {yaml_string(value)}"
    if last_end > 0 and source[last_end - 1] == "\n":
        # A block scalar ends after its own line break (and any blank lines).
        return TextEdit(last_end, last_end, entry + _line_break_before(source, last_end))
    newline = source.find("\n", last_end)
    if newline == -1:
        # The last line has no line break: add one before the entry, and none after it.
        return TextEdit(len(source), len(source), _first_line_break(source) + entry)
    return TextEdit(newline + 1, newline + 1, entry + _line_break_before(source, newline + 1))


def _line_break_before(source: str, end: int) -> str:
    """The line break that ends at ``end`` (CRLF or LF), to write new lines the way the file does."""
    return "\r\n" if source[max(end - 2, 0) : end] == "\r\n" else "\n"


def _first_line_break(source: str) -> str:
    first = source.find("\n")
    return "\r\n" if first > 0 and source[first - 1] == "\r" else "\n"


def apply_edits(source: str, edits: list[TextEdit]) -> str:
    """``source`` with every edit applied; edits must not overlap."""
    result = source
    for edit in sorted(edits, key=lambda edit: (edit.start, edit.end), reverse=True):
        result = result[: edit.start] + edit.text + result[edit.end :]
    return result
