"""Reading an editor's YAML file without PyYAML's YAML 1.1 surprises.

PyYAML's ``safe_load`` reads ``18:30`` as the integer 1110, ``no`` as False
and ``0123`` as 83, silently keeps the last of two duplicate keys and loses
line numbers. This reader composes the node tree with a resolver limited to
YAML 1.2's core schema, builds plain Python values itself, and remembers
where every value stood so that later validation can name the line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from donorsite.core.problems import Problem
from donorsite.core.text_hygiene import describe_character
from donorsite.reading.yaml_document import YamlDocument
from donorsite.reading.yaml_loaders import CoreSchemaLoader, FastCoreSchemaLoader
from donorsite.reading.yaml_text import decode_utf8, editor_position, hidden_line_break_problems
from donorsite.reading.yaml_values import MAX_DEPTH, SharedNodeError, TooLargeError, ValueBuilder, too_large_problem

MAX_FILE_BYTES = 1_000_000


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
    builder = ValueBuilder(display_name, refuse_shared_nodes=True)
    try:
        builder.document.data = builder.build(root, ())
    except SharedNodeError:
        return None
    except TooLargeError as too_large:
        return None, [too_large_problem(display_name, too_large.node)]
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
    builder = ValueBuilder(display_name)
    try:
        builder.document.data = builder.build(root, ())
    except TooLargeError as too_large:
        return None, [too_large_problem(display_name, too_large.node)]
    return builder.document, builder.problems


def _tab_indented_line(text: str) -> int | None:
    """The number of the first line indented with a tab, or None: YAML forbids tabs there, and PyYAML's own words do not say so."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return number
    return None


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
