"""One search index per locale, so that a search returns the reader's language only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from donorsite.core.locales import LOCALES

INDEX_PATH = Path("search") / "search_index.json"


def split_search_index(index: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The entries of ``index`` under ``prefix/``, with locations relative to that folder."""
    start = prefix + "/"
    docs = [
        {**doc, "location": doc["location"][len(start) :]} for doc in index.get("docs", []) if doc.get("location", "").startswith(start)
    ]
    return {**index, "docs": docs}


def write_locale_search_indexes(site_dir: Path) -> list[Path]:
    """Write ``<prefix>/search/search_index.json`` for each locale from the site-wide index.

    Returns the files written; nothing if the site has no search index.
    """
    source = site_dir / INDEX_PATH
    if not source.is_file():
        return []
    index = json.loads(source.read_text(encoding="utf-8"))
    written = []
    for site_locale in LOCALES:
        target = site_dir / site_locale.prefix / INDEX_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(split_search_index(index, site_locale.prefix), ensure_ascii=False), encoding="utf-8")
        written.append(target)
    return written
