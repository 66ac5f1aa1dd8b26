"""Plain Python values built from a composed YAML node tree, with the place of each and the problems met.

Only YAML 1.2's core types are built; aliases, merge keys and other tags are
problems, not values, and a tree too large or too deep stops the build.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from donorsite.core.problems import Problem
from donorsite.core.text_hygiene import describe_character
from donorsite.reading.yaml_document import FieldPath, Location, YamlDocument, format_path
from donorsite.reading.yaml_loaders import ALIAS_TAG, BOOL_TAG, FLOAT_TAG, INT_TAG, MAP_TAG, NULL_TAG, SEQ_TAG, STR_TAG

MAX_NODES = 200_000
MAX_DEPTH = 40
# No count, year or coordinate needs more digits; Python refuses to read
# integers of more than 4,300 digits at all.
MAX_NUMBER_DIGITS = 20

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _location(node: yaml.Node) -> Location:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class ValueBuilder:
    """Turns a composed node tree into plain values, collecting problems."""

    def __init__(self, display_name: str, refuse_shared_nodes: bool = False) -> None:
        self.display_name = display_name
        self._seen: set[int] | None = set() if refuse_shared_nodes else None
        self.document = YamlDocument(data=None)
        self.problems: list[Problem] = []
        self._alias_reported = False
        self._count = 0

    def problem(self, location: Location, path: FieldPath, message: str) -> None:
        """Record a problem at ``location``, for the value at ``path``."""
        self.problems.append(Problem(self.display_name, location[0], location[1], format_path(path), message))

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        """The plain value of ``node`` at ``path``, its place recorded.

        Raises ``TooLargeError`` past the limits and, when told to refuse them, ``SharedNodeError`` at an alias.
        """
        self._count += 1
        if self._count > MAX_NODES or len(path) > MAX_DEPTH:
            raise TooLargeError(node)
        if self._seen is not None:
            if id(node) in self._seen:
                raise SharedNodeError()
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


class TooLargeError(Exception):
    """The tree has more values, or nests them deeper, than a content file may; ``node`` is where the limit was passed."""

    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class SharedNodeError(Exception):
    """The fast loader met an alias (a node reached twice); the Python loader must read the file to report it."""


def too_large_problem(display_name: str, node: yaml.Node) -> Problem:
    """The problem of a file whose tree passed the limits at ``node``."""
    line, column = _location(node)
    message = f"the file has more than {MAX_NODES:,} values or nests them more than {MAX_DEPTH} levels deep; simplify it"
    return Problem(display_name, line, column, "", message)
