"""PyYAML loaders that read YAML 1.2's core schema and keep aliases as markers at their own position."""

from __future__ import annotations

import re

import yaml

NULL_TAG = "tag:yaml.org,2002:null"
BOOL_TAG = "tag:yaml.org,2002:bool"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"


class CoreSchemaLoader(yaml.SafeLoader):
    """A loader whose implicit types follow YAML 1.2's core schema.

    Only ``true``/``false``, ``null``/``~``, decimal integers without a
    leading zero and plain decimal floats are typed; everything else,
    times, dates and ``no`` included, stays a string for the model to read.
    """


ALIAS_TAG = "tag:donorsite,2026:alias"


def _compose_node(self: CoreSchemaLoader, parent: yaml.Node | None, index: object) -> yaml.Node:
    # An alias would share (and, expanded, multiply) another node: keep it
    # as a marker at its own position so the builder can point at it.
    if self.check_event(yaml.AliasEvent):
        event = self.get_event()
        return yaml.ScalarNode(ALIAS_TAG, event.anchor, event.start_mark, event.end_mark)
    return yaml.composer.Composer.compose_node(self, parent, index)  # type: ignore[arg-type,return-value]


CoreSchemaLoader.compose_node = _compose_node  # type: ignore[method-assign,assignment]


class FastCoreSchemaLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same resolver over libyaml's C parser, about ten times faster.

    It composes aliases as shared nodes without their own position, so a
    file with an alias, or with any error, is read again by the Python
    loader for exact messages.
    """


CoreSchemaLoader.yaml_implicit_resolvers = {}
CoreSchemaLoader.add_implicit_resolver(BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreSchemaLoader.add_implicit_resolver(NULL_TAG, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
CoreSchemaLoader.add_implicit_resolver(INT_TAG, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
CoreSchemaLoader.add_implicit_resolver(
    FLOAT_TAG,
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"),
)
FastCoreSchemaLoader.yaml_implicit_resolvers = CoreSchemaLoader.yaml_implicit_resolvers
