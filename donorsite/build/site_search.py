"""The site's search: a Pagefind index of the finished HTML, written after the engine has built the pages.

Pagefind reads every page that marks its content with ``data-pagefind-body``
(the templates mark each locale's pages, not the root page or "page not
found"), keeps one index per ``<html lang>`` and splits it into small chunks
that the reader's browser fetches only as a query needs them. Because it runs
on the finished folder, the hook build, an exported project built with MkDocs
and one built with Zensical get the same search from the same command.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

# The folder Pagefind writes into, under the site folder; overrides/partials/search.html loads the script from it.
BUNDLE_FOLDER = "pagefind"
# Pagefind's list of its indexes, one per language; the browser reads it first.
ENTRY_FILE = "pagefind-entry.json"
# Seconds a build waits for Pagefind; 5,000 campaigns in four locales take well under a minute on 2 cores.
TIMEOUT = 600


class SearchIndexError(Exception):
    """The search index could not be written; the message says why and what to do."""


def pagefind_executable() -> Path:
    """The Pagefind binary of the ``pagefind[extended]`` wheel (the extended build segments Chinese).

    Raises ``SearchIndexError`` if the wheel is not installed.
    """
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise SearchIndexError(
            "Pagefind is not installed; run `.venv/bin/pip install -e .` (it pins pagefind[extended])"
        ) from None
    try:
        return get_executable()
    except FileNotFoundError as error:
        raise SearchIndexError(f"the Pagefind binary is missing from its wheel ({error}); reinstall pagefind[extended]") from None


def pagefind_command(site_dir: Path) -> list[str]:
    """The command that indexes the built site in ``site_dir``; every other setting is in the pages' markup."""
    return [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_FOLDER, "--silent"]


def write_search_index(site_dir: Path) -> Path:
    """Index the built site in ``site_dir``; return the folder of the index and its scripts.

    Raises ``SearchIndexError`` with Pagefind's own message if it fails.
    """
    if not site_dir.is_dir():
        raise SearchIndexError(f"{site_dir}: no such folder; build the site first (mkdocs build, zensical build)")
    try:
        result = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"Pagefind did not run on {site_dir}: {error}") from None
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        raise SearchIndexError(f"Pagefind failed on {site_dir}: {' / '.join(message[-3:]) or f'exit status {result.returncode}'}")
    bundle = site_dir / BUNDLE_FOLDER
    if not (bundle / "pagefind.js").is_file():
        raise SearchIndexError(f"{site_dir}: Pagefind found no page marked data-pagefind-body; is the theme's overrides/ folder in use?")
    _sort_entry(bundle / ENTRY_FILE)
    return bundle


def _sort_entry(entry: Path) -> None:
    """Rewrite Pagefind's list of indexes with its languages sorted.

    Pagefind writes them in the order of a hash map, which changes from run
    to run; sorted, two builds of the same pages give the same bytes.
    """
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
