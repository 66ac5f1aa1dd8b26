"""A hook-free copy of the site: plain ``mkdocs.yml`` and ``docs/`` that any MkDocs-like engine builds.

What the MkDocs hooks do while building, the export does once, ahead of time:

* every generated page is a Markdown file, and every page's front matter
  carries what a hook would set on it: its theme language
  (``material_language``), language selector (``alternates``), localized site
  name and the folder of its locale (``locale_base``);
* calendars, feeds, the events API and the sitemaps with hreflang alternates
  are static files under ``docs/``;
* search is made after the engine's build, on the finished pages, by
  ``donorsite search-index site`` (Pagefind), as the hook build makes it;
* ``overrides/`` holds template overrides that read those front-matter keys
  without changing the engine's configuration from a template, so that
  MkDocs (Jinja) and Zensical (MiniJinja) render them alike;
* ``mkdocs.yml`` is the site's own, without ``hooks`` and ``watch``, with the
  menu written out.

The export never imports an engine; tests build it with MkDocs and Zensical.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from donorsite.build.build import SiteBuild
from donorsite.build.settings import options_from_config
from donorsite.build.site_config import CONFIG_FILE, PythonTag, read_site_config
from donorsite.build.sitemap import render_sitemap
from donorsite.build.sources import WrittenSources, write_sources
from donorsite.content.loading import ContentFilter
from donorsite.content.project_files import published_folders
from donorsite.core.addresses import HOME, page_url
from donorsite.core.locales import LOCALES

# Settings that only make sense with the hooks, or only while previewing the sources.
HOOK_SETTINGS = ("hooks", "watch")
EXPORT_THEME = "export_theme"
# The step after the engine's build that makes the search index (donorsite/build/site_search.py).
SEARCH_INDEX_COMMAND = "donorsite search-index site"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a Markdown page; an empty mapping if it has none."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            meta = yaml.safe_load(text[4:end]) or {}
            return (meta if isinstance(meta, dict) else {}), text[end + 5 :]
    return {}, text


class ExportError(Exception):
    """The export cannot be written; the message says why and what to do."""


class _ConfigDumper(yaml.SafeDumper):
    """Writes ``mkdocs.yml`` with its ``!!python/...`` values back in place."""


def _represent_python_tag(dumper: _ConfigDumper, data: PythonTag) -> yaml.Node:
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_ConfigDumper.add_representer(PythonTag, _represent_python_tag)


def export_site(
    root: Path, target: Path, environment: Mapping[str, str] | None = None, content_filter: ContentFilter | None = None
) -> Path:
    """Write the exported project of the site at ``root`` into the new folder ``target``; return ``target``.

    The project is written into a temporary folder beside ``target`` and moved
    into place at the end: a failed export leaves nothing behind. Raises
    ``ExportError`` if ``target`` exists and is not empty, ``ContentError``
    for content problems and ``SettingsError`` for wrong settings.
    """
    _check_target(root, target)
    config = read_site_config(root)
    options = options_from_config(config, os.environ if environment is None else environment, root / CONFIG_FILE)
    build = SiteBuild(root, options, content_filter)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    except OSError as error:
        raise ExportError(f"{target}: cannot create the folder ({error.strerror or error}); choose a folder you may write to") from None
    try:
        _write_project(root, scratch, config, build)
        if target.exists():
            target.rmdir()
        scratch.rename(target)
    except OSError as error:
        raise ExportError(f"{target}: cannot write the export ({error.strerror or error}); nothing was exported") from None
    finally:
        if scratch.exists():
            shutil.rmtree(scratch)
    return target


def _check_target(root: Path, target: Path) -> None:
    """Raise ``ExportError`` unless ``target`` is a new or empty folder outside every folder the export copies."""
    if target.is_symlink():
        raise ExportError(f"{target}: this is a symbolic link; choose a new folder (the export does not write through links)")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ExportError(f"{target}: the folder exists and is not empty; choose a new folder or remove this one first")
    resolved = target.resolve()
    for folder in published_folders(root):
        if resolved.is_relative_to((root / folder).resolve()):
            raise ExportError(
                f"{target}: the folder is inside {folder}/, which the export copies (into itself); choose a folder outside {folder}/"
            )


def _write_project(root: Path, project: Path, config: dict[str, Any], build: SiteBuild) -> None:
    docs = project / "docs"
    sources = write_sources(build, root / str(config.get("docs_dir", "docs")), docs)
    for path in sources.pages:
        _add_page_settings(docs / path, path, build)
    _write_sitemaps(docs, project / "overrides", sources, build)
    _write_theme(root, project / "overrides", config, build)
    exported = _exported_config(config, sources, build)
    text = yaml.dump(exported, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    header = (
        "# Exported by `donorsite export`: plain MkDocs/Zensical project, no hooks. Build with\n"
        f"# `mkdocs build` or `zensical build`, then index the pages for search: {SEARCH_INDEX_COMMAND}\n"
    )
    (project / CONFIG_FILE).write_text(header + text, encoding="utf-8")


def page_settings(path: str, build: SiteBuild, centre_ids: Sequence[str] = ()) -> dict[str, Any]:
    """The front-matter keys that stand in for the hooks on the page at Markdown ``path``; ``centre_ids``: the centres it concerns."""
    site_locale = build.locale_of(path)
    settings: dict[str, Any] = {
        "material_language": (site_locale or build.default_locale).material_language,
        "site_name": str(escape(build.site_name(site_locale))),
        "alternates": [{"name": alt.locale.native_name, "link": alt.url, "lang": alt.locale.code} for alt in build.alternates(path)],
    }
    locale_base = build.locale_base(path)
    if locale_base:
        settings["locale_base"] = locale_base
        settings["search_unavailable"] = build.search_unavailable(site_locale)
    # The hook build shows a concerned centre's supply banner (the announce block of overrides/main.html); so does the export.
    banner = build.supply_banner(site_locale, centre_ids)
    if banner:
        settings["supply_banner"] = banner
    return settings


def _add_page_settings(file: Path, path: str, build: SiteBuild) -> None:
    meta, body = split_front_matter(file.read_text(encoding="utf-8"))
    meta = {**meta, **page_settings(path, build, meta.get("supply_centres") or ())}
    front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1_000_000)
    file.write_text(f"---\n{front_matter}---\n\n{body.lstrip()}", encoding="utf-8")


def _write_sitemaps(docs: Path, overrides: Path, sources: WrittenSources, build: SiteBuild) -> None:
    """The site's sitemap replaces the theme's (as a template), each locale's is a static file."""
    entries = build.sitemap_entries(sources.pages)
    overrides.mkdir(parents=True, exist_ok=True)
    site_map = render_sitemap(entries, build.options.base_url)
    (overrides / "sitemap.xml").write_text("{% raw %}" + site_map + "{% endraw %}\n", encoding="utf-8")
    for site_locale in LOCALES:
        own = [entry for entry in entries if entry.url.startswith(site_locale.prefix + "/")]
        (docs / site_locale.prefix / "sitemap.xml").write_text(render_sitemap(own, build.options.base_url), encoding="utf-8")


def _write_theme(root: Path, overrides: Path, config: Mapping[str, Any], build: SiteBuild) -> None:
    """The site's overrides (language partials), then the export's own templates on top."""
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir:
        shutil.copytree(root / str(custom_dir), overrides, dirs_exist_ok=True)
    theme = resources.files("donorsite").joinpath(EXPORT_THEME)
    for name in ("main.html", "partials/alternate.html"):
        target = overrides / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(theme.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
    choices = "\n".join(
        f'    <li lang="{site_locale.code}">{escape(label)}'
        f'<a href="{{{{ "{home}" | url }}}}" hreflang="{site_locale.code}">{escape(site_locale.native_name)}</a></li>'
        for site_locale, home, label in build.not_found_choices()
    )
    template = theme.joinpath("404.html").read_text(encoding="utf-8").replace("{# choices #}", choices)
    # The site-wide "page not found" page has no front matter: its banner (the default locale's, as in the hook build) is written in.
    banner = "{% raw %}" + build.supply_banner(None) + "{% endraw %}" if build.supply_banner(None) else ""
    (overrides / "404.html").write_text(template.replace("{# banner #}", banner), encoding="utf-8")


def _exported_config(config: Mapping[str, Any], sources: WrittenSources, build: SiteBuild) -> dict[str, Any]:
    exported = {key: value for key, value in config.items() if key not in HOOK_SETTINGS}
    exported["docs_dir"] = "docs"
    exported["theme"] = {**(config.get("theme") or {}), "custom_dir": "overrides"}
    extra = dict(config.get("extra") or {})
    # The selector shows when this list is not empty; each page's front matter gives its own links.
    extra["alternate"] = [{"name": loc.native_name, "link": page_url(loc, HOME), "lang": loc.code} for loc in LOCALES]
    exported["extra"] = extra
    exported["nav"] = [{site_locale.code: build.menu(site_locale)} for site_locale in LOCALES]
    exported["not_in_nav"] = "\n".join("/" + path for path in sorted(sources.not_in_nav))
    return exported
