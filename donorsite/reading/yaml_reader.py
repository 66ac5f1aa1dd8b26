"""Reading an editor's YAML file without PyYAML's YAML 1.1 surprises.

PyYAML's ``safe_load`` reads ``18:30`` as the integer 1110, ``no`` as False
and ``0123`` as 83, silently keeps the last of two duplicate keys and loses
line numbers. This reader composes the node tree with a resolver limited to
YAML 1.2's core schema, builds plain Python values itself, and remembers
where every value stood so that later validation can name the line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from donorsite.core.problems import Problem
from donorsite.core.text_hygiene import describe_character
from donorsite.reading.yaml_loaders import (
    ALIAS_TAG,
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    MAP_TAG,
    NULL_TAG,
    SEQ_TAG,
    STR_TAG,
    CoreSchemaLoader,
    FastCoreSchemaLoader,
)
from donorsite.reading.yaml_text import decode_utf8, editor_position, hidden_line_break_problems

Location = tuple[int, int]
FieldPath = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_DEPTH = 40
# No count, year or coordinate needs more digits; Python refuses to read
# integers of more than 4,300 digits at all.
MAX_NUMBER_DIGITS = 20

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class YamlDocument:
    """Plain values of one YAML file and where each of them was written."""

    data: Any
    value_locations: dict[FieldPath, Location] = field(default_factory=dict)
    key_locations: dict[FieldPath, Location] = field(default_factory=dict)
    # Character offsets of each value in the source text, and which mappings
    # are written inline ({a: 1}); edits that must keep every other byte use them.
    value_spans: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    flow_mappings: set[FieldPath] = field(default_factory=set)

    def locate(self, path: FieldPath) -> Location:
        """The line and column of ``path``, or of its nearest written ancestor."""
        for end in range(len(path), -1, -1):
            found = self.value_locations.get(path[:end])
            if found:
                return found
        return (1, 1)

    def locate_key(self, path: FieldPath) -> Location:
        """The line and column of the key that introduces ``path``."""
        return self.key_locations.get(path) or self.locate(path)


def format_path(path: FieldPath) -> str:
    """Write a value path as an editor reads it: ``events[0].schedule[2].time``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _location(node: yaml.Node) -> Location:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node tree into plain values, collecting problems."""

    def __init__(self, display_name: str, refuse_shared_nodes: bool = False) -> None:
        self.display_name = display_name
        self._seen: set[int] | None = set() if refuse_shared_nodes else None
        self.document = YamlDocument(data=None)
        self.problems: list[Problem] = []
        self._alias_reported = False
        self._count = 0

    def problem(self, location: Location, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.display_name, location[0], location[1], format_path(path), message))

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        self._count += 1
        if self._count > MAX_NODES or len(path) > MAX_DEPTH:
            raise _TooLarge(node)
        if self._seen is not None:
            if id(node) in self._seen:
                raise _SharedNode()
            self._seen.add(id(node))
        if node.tag == ALIAS_TAG:
            if not self._alias_reported:
                self._alias_reported = True
                self.problem(
                    _location(node),
                    path,
                    f"aliases (*{node.value}) are not supported; write the value out in full instead of repeating it",
                )
            return None
        self.document.value_locations[path] = _location(node)
        if not isinstance(node, yaml.ScalarNode) and node.tag not in (MAP_TAG, SEQ_TAG):
            self.problem(_location(node), path, f"the YAML tag '{node.tag}' is not allowed here; remove it")
            return None
        self.document.value_spans[path] = (node.start_mark.index, node.end_mark.index)
        if isinstance(node, yaml.MappingNode) and node.flow_style:
            self.document.flow_mappings.add(path)
        if isinstance(node, yaml.MappingNode):
            return self._build_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._build_scalar(node, path)

    def _build_mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(_location(key_node), path, "keys must be plain names; merge keys (<<) are not supported")
                continue
            key = _nfc(str(key_node.value))
            key_path = (*path, key)
            if key in result:
                first = self.document.key_locations[key_path]
                self.problem(
                    _location(key_node),
                    key_path,
                    f"duplicate key '{key}' (first written on line {first[0]}); keep only one of them",
                )
                continue
            self.document.key_locations[key_path] = _location(key_node)
            result[key] = self.build(value_node, key_path)
        return result

    def _build_scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        text = node.value
        if node.tag == STR_TAG:
            surrogate = _LONE_SURROGATE.search(text)
            if surrogate:
                # An escape such as "\uD800" names half of a character; nothing could print or save it.
                self.problem(_location(node), path, f"the text contains {describe_character(surrogate.group())}")
                return _LONE_SURROGATE.sub("\ufffd", text)
            return _nfc(text)
        if node.tag == NULL_TAG:
            return None
        if node.tag == BOOL_TAG:
            return text.lower() == "true"
        if node.tag == INT_TAG:
            digits = len(text.lstrip("+-"))
            if digits > MAX_NUMBER_DIGITS:
                self.problem(
                    _location(node),
                    path,
                    f"this number has {digits:,} digits; no value here needs more than {MAX_NUMBER_DIGITS}, so check what was pasted",
                )
                return None
            return int(text)
        if node.tag == FLOAT_TAG:
            return float(text)
        self.problem(_location(node), path, f"the YAML tag '{node.tag}' is not allowed here; remove it")
        return None


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class _SharedNode(Exception):
    """The fast loader met an alias (a node reached twice)."""


def _read_fast(text: str, display_name: str) -> tuple[YamlDocument | None, list[Problem]] | None:
    """The document read with libyaml, or None if the Python loader must read it."""
    if not hasattr(yaml, "CSafeLoader"):
        return None
    try:
        loader = FastCoreSchemaLoader(text)
    except yaml.YAMLError:
        return None
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if root is None:
        return None
    builder = _Builder(display_name, refuse_shared_nodes=True)
    try:
        builder.document.data = builder.build(root, ())
    except _SharedNode:
        return None
    except _TooLarge as too_large:
        return None, [_too_large_problem(display_name, too_large.node)]
    return builder.document, builder.problems


def read_yaml_text(text: str, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read YAML source text; return the document (None if unreadable) and its problems."""
    hidden_breaks = hidden_line_break_problems(text, display_name)
    if hidden_breaks:
        return None, hidden_breaks
    if text.startswith("\ufeff\ufeff"):
        # YAML drops one byte-order mark; a second one would become part of the first key ("'kind' is required").
        message = "the file starts with two byte-order marks (U+FEFF); save it again as UTF-8 (without BOM)"
        return None, [Problem(display_name, 1, 1, "", message)]
    fast = _read_fast(text, display_name)
    if fast is not None:
        return fast
    try:
        loader = CoreSchemaLoader(text)
    except yaml.reader.ReaderError as error:
        line, column = editor_position(text, error.position)
        character = chr(error.character) if isinstance(error.character, int) else str(error.character)
        described = describe_character(character) or f"the character U+{ord(character):04X}; delete it"
        message = f"the file contains {described}"
        return None, [Problem(display_name, line, column, "", message)]
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tab = _tab_indented_line(text)
        if tab is not None:
            return None, [Problem(display_name, tab, 1, "", "YAML syntax error: this line is indented with a tab; indent with spaces only")]
        reason = error.problem or "the YAML could not be read"
        hint = " (a value containing ': ' or starting with a special character needs quotes)"
        return None, [Problem(display_name, line, column, "", f"YAML syntax error: {reason}{hint}")]
    except yaml.YAMLError as error:
        return None, [Problem(display_name, 1, 1, "", f"YAML syntax error: {error}")]
    except RecursionError:
        return None, [Problem(display_name, 1, 1, "", f"values are nested more than {MAX_DEPTH} levels deep; simplify the file")]
    finally:
        loader.dispose()
    if root is None:
        return None, [Problem(display_name, 1, 1, "", "the file is empty; start from a sample in campaigns/")]
    builder = _Builder(display_name)
    try:
        builder.document.data = builder.build(root, ())
    except _TooLarge as too_large:
        return None, [_too_large_problem(display_name, too_large.node)]
    return builder.document, builder.problems


def _tab_indented_line(text: str) -> int | None:
    """The number of the first line indented with a tab, or None: YAML forbids tabs there, and PyYAML's own words do not say so."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return number
    return None


def _too_large_problem(display_name: str, node: yaml.Node) -> Problem:
    line, column = _location(node)
    message = f"the file has more than {MAX_NODES:,} values or nests them more than {MAX_DEPTH} levels deep; simplify it"
    return Problem(display_name, line, column, "", message)


def read_yaml_file(path: Path, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one editor's YAML file; never writes to it. A folder or an unreadable file is a problem, not an exception."""
    if path.is_dir():
        return None, [Problem(display_name, 1, 1, "", "this is a folder, not a file; rename or remove the folder and put the file here")]
    if path.exists() and not path.is_file():
        # A named pipe or a device would block the read or never end.
        return None, [Problem(display_name, 1, 1, "", "this is not a regular file (a pipe or a device); put the file itself here")]
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_FILE_BYTES else b""
    except OSError as error:
        reason = error.strerror or str(error)
        return None, [Problem(display_name, 1, 1, "", f"cannot read the file ({reason}); check that it exists and may be read")]
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(
                display_name,
                1,
                1,
                "",
                f"the file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} allowed; split it or remove pasted material",
            )
        ]
    text, problems = decode_utf8(raw, display_name)
    if text is None:
        return None, problems
    return read_yaml_text(text, display_name)
