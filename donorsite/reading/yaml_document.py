"""A YAML file's plain values and where each of them was written: what validation and edits need to name a line.

Value paths are tuples of keys and list indexes, written for the editor as
``events[0].schedule[2].time``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Location = tuple[int, int]
FieldPath = tuple[str | int, ...]


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
