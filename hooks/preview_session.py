"""What lasts from one build to the next in one MkDocs process: under ``serve --dirty``, only what a save changed is rebuilt.

``mkdocs serve`` keeps the hook modules loaded and calls ``on_config`` again
at every save. A ``BuildSession`` is made once, in ``on_startup``, and each
build's ``CampaignSite`` works with it. Under ``serve`` it holds the
``RebuildMemory`` of the domain code (an unchanged campaign's pages, summaries,
calendar entries are kept). Under ``serve --dirty`` (the preview command of
the README) MkDocs also skips every page whose file says it is not modified:
the session compares each generated page's text with the last build's and
marks only the changed ones (``PreviewFile``), writes only the files whose
bytes changed, and removes what a deleted campaign left behind. Every page
that follows from the site as a whole (the menus) is rebuilt, and any change
besides campaign files (settings, templates, catalogs, sites.yaml…) rebuilds
everything, so a dirty build gives the same files as a clean one.

A full ``build`` keeps nothing: its session has no memory.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from jinja2 import Environment
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from donorsite.build.files import write_files
from donorsite.content.options import GeneratedFile
from donorsite.content.rebuild_memory import RebuildMemory
from donorsite.render.compiled_templates import share_compiled_templates

log = get_plugin_logger("donorsite")
# MkDocs' warning at every dirty build; this site's dirty builds rebuild every page a change touches.
DIRTY_WARNING = "A 'dirty' build is being performed"


class PreviewFile(File):
    """A page of a dirty preview build: modified when its text or anything the whole site shows changed."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


class _WithoutDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


class BuildSession:
    """One MkDocs process's builds: a single ``build``, or the rebuilds of ``serve``."""

    def __init__(self) -> None:
        self.start(command="build", dirty=False)

    def start(self, *, command: str, dirty: bool) -> None:
        """Begin the builds of MkDocs' ``command`` (``on_startup``): nothing of an earlier one is kept."""
        self.previewing = command == "serve"
        self.dirty = self.previewing and dirty
        self.memory = RebuildMemory() if self.previewing else None
        # Of the last good build: each generated page's text, each written file's bytes, each page's output, the menus.
        self.texts: dict[str, str] = {}
        self.written: dict[str, bytes] = {}
        self.outputs: set[str] = set()
        self.menus: object = None
        # The last good site, set aside while the content is broken (a dirty build cleans nothing).
        self.stash: Path | None = None
        if self.dirty:
            for name in ("mkdocs.commands.build", "properdocs.commands.build"):
                logging.getLogger(name).addFilter(_WithoutDirtyWarning())

    def theme_environment(self, env: Environment, *, config: object = None, files: object = None) -> Environment:
        """The theme's Jinja environment of the first build with this context (its templates compiled once), else ``env``.

        Every build in the process loads the theme's templates compiled by the first (``share_compiled_templates``).
        """
        share_compiled_templates(env)
        return env if self.memory is None else self.memory.kept(("theme environment",), (), lambda: env)

    def mark_pages(self, files: Files, texts: Mapping[str, str], menus: object, everything: bool) -> Files:
        """``files`` with each page marked modified or not (a dirty preview only), from this build's ``texts`` and ``menus``.

        Every page is modified when ``everything`` (the context changed) or the
        menus did; pages written by hand and the pages in the menus always are
        (the menus show their titles); a generated page when its text changed.
        """
        if not self.dirty:
            return files
        reason = _rebuild_reason(bool(self.texts), everything, menus != self.menus)
        self.menus = menus
        marked = []
        for file in files:
            if file.is_documentation_page():
                file = file if isinstance(file, PreviewFile) else _as_preview_file(file)
                in_menu = file.inclusion.is_in_nav() or file.generated_by is None
                file.changed = bool(reason) or in_menu or texts.get(file.src_uri) != self.texts.get(file.src_uri)
            marked.append(file)
        pages = [file for file in marked if isinstance(file, PreviewFile)]
        log.info(f"{sum(file.changed for file in pages)} of {len(pages)} pages to rebuild" + (f": {reason}" if reason else ""))
        return Files(marked)

    def set_aside(self, site_dir: Path) -> None:
        """Move the last good site out of ``site_dir`` (once), so that every address answers with the problems page."""
        if not self.dirty or self.stash is not None:
            return
        # Beside the site folder, on the same file system: moving is renaming.
        self.stash = Path(tempfile.mkdtemp(prefix="donorsite-kept-", dir=site_dir.parent))
        # Gone with the server, too, if it stops while the content is still broken.
        atexit.register(shutil.rmtree, self.stash, ignore_errors=True)
        for path in site_dir.iterdir():
            shutil.move(str(path), self.stash / path.name)

    def bring_back(self, site_dir: Path) -> None:
        """Put the site set aside back into ``site_dir`` (what the broken builds wrote goes), if one was."""
        if self.stash is None:
            return
        for path in site_dir.iterdir():
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        for path in self.stash.iterdir():
            shutil.move(str(path), site_dir / path.name)
        self.stash.rmdir()
        self.stash = None

    def write(self, site_dir: Path, produced: Iterable[GeneratedFile], outputs: set[str], texts: Mapping[str, str]) -> None:
        """Write the files that are not pages, remember this good build, remove what the last one had and this one lacks.

        In a dirty preview only a file whose bytes changed is written; a clean
        build (MkDocs emptied ``site_dir``) writes every file.
        """
        written = write_files(site_dir, produced, self.written if self.dirty else None)
        if self.dirty:
            for gone in sorted({str(site_dir / path) for path in self.written.keys() - written.keys()} | (self.outputs - outputs)):
                _remove(Path(gone), site_dir)
        if self.previewing:
            self.written, self.outputs, self.texts = written, outputs, dict(texts)

    def forget(self) -> None:
        """After a build that stopped half-way: the next one rebuilds everything."""
        self.texts = {}
        self.written = {}


def _rebuild_reason(compared: bool, context_changed: bool, menus_changed: bool) -> str:
    """Why every page is rebuilt ("" when only changed ones are)."""
    if not compared:
        return "the first build"
    if context_changed:
        return "the settings, templates or other files changed"
    return "the menus changed" if menus_changed else ""


def _as_preview_file(file: File) -> PreviewFile:
    directory_urls = file.use_directory_urls
    return PreviewFile(file.src_path, file.src_dir, file.dest_dir, directory_urls, dest_uri=file.dest_uri, inclusion=file.inclusion)


def _remove(path: Path, site_dir: Path) -> None:
    """Remove ``path`` and the folders it leaves empty, up to ``site_dir``."""
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
