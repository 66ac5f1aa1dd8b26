"""A strict gate for label catalogs: what ``pybabel compile`` lets through."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w*\}")


def placeholders(text: str) -> list[str]:
    """The printf- and format-style placeholders in ``text``, sorted."""
    return sorted(match.group(0) for match in _PLACEHOLDER.finditer(text))


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """A .po or .pot file as a Babel catalog."""
    with path.open("rb") as po_file:
        return read_po(po_file, locale=locale)


def catalog_problems(catalog_file: Path, template: Catalog, locale: str) -> list[str]:
    """Every reason the catalog at ``catalog_file`` is not ready to publish."""
    catalog = read_catalog(catalog_file, locale)
    name = catalog_file.as_posix()
    problems = [f"{name}: obsolete entry {message_id!r}; remove it" for message_id in catalog.obsolete]
    expected = {message.id for message in template if message.id}
    present = {message.id for message in catalog if message.id}
    problems += [f"{name}: missing entry {message_id!r}; run pybabel update" for message_id in sorted(expected - present)]
    problems += [f"{name}: entry {message_id!r} is not in the template; run pybabel update" for message_id in sorted(present - expected)]
    for message in catalog:
        if not message.id:
            continue
        strings = tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string or "",)
        if message.fuzzy:
            problems.append(f"{name}: fuzzy entry {message.id!r}; review it and remove the fuzzy flag")
        if not all(strings):
            problems.append(f"{name}: untranslated entry {message.id!r}")
            continue
        ids = tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)
        for string in strings:
            if placeholders(string) != placeholders(ids[0]):
                problems.append(f"{name}: placeholders of {message.id!r} differ in {string!r}")
    return problems
