"""Turning validation failures into located messages an editor can act on."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from donorsite.core.campaign_ids import CAMPAIGN_ID
from donorsite.reading.yaml_document import FieldPath, YamlDocument, format_path

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a group of fields (key: value lines)",
    "dict_type": "a group of fields (key: value lines)",
    "model_attributes_type": "a group of fields (key: value lines)",
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unwrap(annotation: Any) -> list[Any]:
    """The model or container types an annotation may hold."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    return [annotation]


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return info.annotation
    return None


def allowed_keys(model: type[BaseModel], path: FieldPath) -> list[str]:
    """The keys the model accepts in the mapping found at ``path``."""
    candidates: list[Any] = [model]
    for part in path:
        following: list[Any] = []
        for candidate in candidates:
            for option in _unwrap(candidate):
                origin = typing.get_origin(option)
                if isinstance(part, int) and origin is list:
                    following.extend(_unwrap(typing.get_args(option)[0]))
                elif isinstance(part, str) and isinstance(option, type) and issubclass(option, BaseModel):
                    annotation = _field_by_key(option, part)
                    if annotation is not None:
                        following.extend(_unwrap(annotation))
        candidates = following
    keys: list[str] = []
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            keys.extend(info.alias or name for name, info in candidate.model_fields.items())
    return keys


def _suggest(word: str, options: list[str], noun: str = "keys") -> str:
    lowered = {option.lower(): option for option in options}
    if word.lower() in lowered:
        return f"; did you mean '{lowered[word.lower()]}'?"
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    if matches:
        return f"; did you mean '{matches[0]}'?"
    return f"; allowed {noun} here: {', '.join(options)}" if options else ""


def _message_for(error: dict[str, Any], model: type[BaseModel], path: FieldPath) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return f"'{path[-1]}' is required; add it"
    if kind == "extra_forbidden":
        key = str(path[-1])
        return f"unknown key '{key}'{_suggest(key, allowed_keys(model, path[:-1]))}"
    if kind in ("enum", "literal_error"):
        expected = error.get("ctx", {}).get("expected", "")
        options = [option.strip(" '") for option in expected.replace(" or ", ", ").split(",") if option.strip()]
        hint = _suggest(str(value), options, "values") if isinstance(value, str) else ""
        return f"{_describe(value)} is not one of: {', '.join(options)}{hint}"
    if kind in _TYPE_NAMES:
        message = f"expected {_TYPE_NAMES[kind]}, found {_describe(value)}"
        if kind == "string_type" and isinstance(value, (int, float, bool)):
            message += "; put the value in quotes"
        if kind == "int_type" and isinstance(value, str) and value.isdigit():
            message += "; write the number without a leading zero or quotes"
        if "figures" in path and path[-1] == "value" and isinstance(value, str) and any(char.isdigit() for char in value):
            # 约140, 300多, "more than 3,400": the report's approximation goes in its own field.
            message += "; write the number alone and how exact it is as 'qualifier: about' (or more-than, at-least, fewer-than)"
        return message
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if pattern == CAMPAIGN_ID.pattern:
            # Ids (a campaign's, a region's, a site's) are file names and addresses: say the rule in words.
            rule = "use lowercase ASCII letters without accents, digits and single hyphens, e.g. 2027-hai-phong"
            return f"{_describe(value)} is not an id; {rule}"
        return f"{_describe(value)} does not have the expected form ({pattern})"
    if kind.startswith(("greater_than", "less_than", "too_short", "too_long", "string_too")):
        return f"{_describe(value)}: {error['msg'][0].lower()}{error['msg'][1:]}"
    return str(error["msg"])


def _clean_loc(loc: tuple[Any, ...]) -> FieldPath:
    # Pydantic inserts the name of a custom validator or union member into
    # the location; keep only the parts that exist in the editor's YAML.
    return tuple(part for part in loc if isinstance(part, int) or not str(part).startswith(("function-", "lax-", "strict-")))


def describe_validation_error(
    error: ValidationError, model: type[BaseModel], document: YamlDocument
) -> Iterator[tuple[FieldPath, tuple[int, int], str]]:
    """Each failure as (field path, line and column, message)."""
    for item in error.errors(include_url=False):
        path = _clean_loc(tuple(item["loc"]))
        if item["type"] == "extra_forbidden":
            location = document.locate_key(path)
        elif item["type"] == "missing":
            location = document.locate(path[:-1])
        else:
            location = document.locate(path)
        yield path, location, _message_for(dict(item), model, path)


__all__ = ["allowed_keys", "describe_validation_error", "format_path"]
