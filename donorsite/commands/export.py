"""``donorsite export`` and ``donorsite search-index``: the site as a plain project without hooks, and the search index of a built site."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from donorsite.build.export import ExportError, export_site
from donorsite.build.settings import SettingsError, content_filter_from_environment
from donorsite.build.site_config import ConfigFileError
from donorsite.build.site_search import SearchIndexError, write_search_index
from donorsite.content.revisions import ShallowHistoryError
from donorsite.core.problems import ContentError
from donorsite.localize.catalogs import MissingCatalogError
from donorsite.model.eligibility import EligibilitySettingsError


def export(root: Path, target: Path) -> int:
    """Write the site at ``root`` as a plain project into the new folder ``target``; return the exit status."""
    try:
        export_site(root, target, os.environ, content_filter_from_environment(os.environ))
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except (ExportError, ConfigFileError, SettingsError, EligibilitySettingsError, MissingCatalogError, ShallowHistoryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {target}: build it there with `mkdocs build` or `zensical build`, then `donorsite search-index site` / 已导出")
    return 0


def search_index(site_dir: Path) -> int:
    """Index the built site in ``site_dir`` for search; return the exit status."""
    try:
        bundle = write_search_index(site_dir)
    except SearchIndexError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {bundle} / 已生成搜索索引")
    return 0
