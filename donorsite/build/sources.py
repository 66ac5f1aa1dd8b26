"""A build's pages and files written out as plain sources under a ``docs/`` folder.

Any engine that builds a folder of Markdown (MkDocs without hooks, Zensical)
can then build them; the export and the benchmark's plain-Markdown baseline
both start from here.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from donorsite.build.build import SiteBuild
from donorsite.build.page_html import markdown_source


@dataclass(frozen=True)
class WrittenSources:
    """What ``write_sources`` wrote: every Markdown page (docs-relative) and those kept out of the menu."""

    pages: list[str]
    not_in_nav: list[str]


def write_sources(build: SiteBuild, hand_written: Path, docs: Path) -> WrittenSources:
    """Copy the hand-written ``docs`` folder to ``docs``, then add every generated page and file.

    Generated pages are written at their Markdown path (``vi/campaigns/x/index.md``), their HTML as one raw block;
    calendars, feeds and API files at their site path. Every hand-written
    page is recorded in ``build`` so that menus and alternates know it.
    """
    shutil.copytree(hand_written, docs)
    not_in_nav = []
    for page in build.generated:
        _write(docs / page.source_path, markdown_source(page.text).encode("utf-8"))
        if not page.in_navigation:
            not_in_nav.append(page.source_path)
    for generated in build.files:
        _write(docs / generated.path, generated.content)
    pages = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    for page_path in pages:
        build.add_existing_page(page_path)
    return WrittenSources(pages, not_in_nav)


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
