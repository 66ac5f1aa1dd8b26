"""MkDocs adapter: hands MkDocs the pages that ``donorsite`` generates.

Each handler translates between MkDocs objects and the engine-neutral
``SiteBuild``; the content model, localisation and rendering live in the
``donorsite`` package. Read top to bottom, the handlers are the build:
load content, add pages, split the menu by locale, localise each page.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from donorsite.eligibility import EligibilitySettingsError, eligibility_rules
from donorsite.locales import DEFAULT_LOCALE, LOCALES
from donorsite.localize.catalogs import MissingCatalogError
from donorsite.options import SiteOptions
from donorsite.problems import ContentError
from donorsite.revisions import ShallowHistoryError
from donorsite.site.build import SiteBuild
from donorsite.site.html_blocks import SetAside, set_aside_html_blocks, split_front_matter
from donorsite.site.producers import worker_available
from donorsite.site.search_index import write_locale_search_indexes
from donorsite.site.security import add_content_security_policy
from donorsite.site.settings import (
    SettingsError,
    build_date_from_environment,
    check_default_locale,
    content_filter_from_environment,
    worker_from_environment,
)
from donorsite.site.sitemap import write_sitemaps

__all__ = [
    "on_config",
    "on_files",
    "on_nav",
    "on_page_read_source",
    "on_page_markdown",
    "on_page_content",
    "on_page_context",
    "on_template_context",
    "on_post_page",
    "on_post_build",
    "on_build_error",
    "on_shutdown",
]

# MkDocs keeps hook modules loaded between rebuilds under `mkdocs serve`:
# this state is rebuilt from scratch in on_config every time.
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _close_build()
    _state.clear()
    _state["site_name"] = config.site_name
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: use_directory_urls must stay true; the site's URLs are /<locale>/campaigns/<id>/")
    if not config.site_url:
        raise PluginError("mkdocs.yml: set site_url to the public address; hreflang links and sitemaps need it")
    settings = config.extra.get("donorsite", {})
    try:
        _state["options"] = SiteOptions(
            default_locale=check_default_locale(settings.get("default_locale", DEFAULT_LOCALE)),
            site_url=config.site_url,
            today=build_date_from_environment(os.environ),
            eligibility=eligibility_rules(settings.get("eligibility")),
        )
        _state["content_filter"] = content_filter_from_environment(os.environ)
        _state["worker"] = worker_from_environment(os.environ, worker_available())
    except (SettingsError, EligibilitySettingsError, MissingCatalogError) as error:
        raise PluginError(str(error)) from None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The build starts here, after MkDocs has emptied the site folder the worker writes into.
    site_dir = Path(config.site_dir) if _state["worker"] else None
    try:
        build = SiteBuild(Path(config.config_file_path).parent, _state["options"], _state["content_filter"], worker_site_dir=site_dir)
    except ContentError as error:
        raise PluginError(f"The content has {len(error.problems)} problem(s):\n{error.report()}") from None
    except (MissingCatalogError, ShallowHistoryError) as error:
        raise PluginError(str(error)) from None
    _state["build"] = build
    _state["set_aside"] = {}
    for page in build.pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_navigation else InclusionLevel.NOT_IN_NAV
        # The text is rendered when MkDocs reads the page (on_page_read_source).
        file = File.generated(config, page.source_path, content="", inclusion=inclusion)
        if page.output_path:
            file.dest_uri = page.output_path
        files.append(file)
    for file in files.documentation_pages():
        if not file.generated_by:
            build.add_existing_page(file.src_uri)
    _state["page_paths"] = [file.src_uri for file in files.documentation_pages()]
    # One menu section per locale; on_nav splits them so that each page
    # shows only its own locale's menu.
    config["nav"] = [{site_locale.code: build.menu(site_locale)} for site_locale in LOCALES]
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    menus = {}
    for site_locale, section in zip(LOCALES, nav.items, strict=True):
        assert isinstance(section, Section)
        pages = [page for page in nav.pages if _in_section(page, section)]
        menu = Navigation(section.children, pages)
        for item in section.children:
            item.parent = None
        menu.homepage = pages[0] if pages else None
        menus[site_locale.code] = menu
    _state["menus"] = menus
    return nav


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    if page.file.generated_by is None:
        return None
    build: SiteBuild = _state["build"]
    front_matter, body = split_front_matter(build.page_text(page.file.src_uri))
    aside = set_aside_html_blocks(body)
    _state["set_aside"][page.file.src_uri] = aside
    return front_matter + aside.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    aside: SetAside | None = _state["set_aside"].pop(page.file.src_uri, None)
    return aside.restore(html) if aside else html


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build: SiteBuild = _state["build"]
    site_locale = build.locale_of(page.file.src_uri) or build.default_locale
    page.meta["material_language"] = site_locale.material_language
    return markdown


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    build: SiteBuild = _state["build"]
    site_locale = build.locale_of(page.file.src_uri)
    context["nav"] = _state["menus"][(site_locale or build.default_locale).code]
    alternates = build.alternates(page.file.src_uri)
    # Material reads the language selector from config.extra.alternate;
    # it is reassigned on every page so no page inherits another's links.
    config.extra["alternate"] = [
        {"name": alternate.locale.native_name, "link": alternate.url, "lang": alternate.locale.code} for alternate in alternates
    ]
    context["locale_base"] = build.locale_base(page.file.src_uri)
    config["site_name"] = build.site_name(site_locale)
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "404.html":
        context["not_found_choices"] = _state["build"].not_found_choices()
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    config.extra["alternate"] = []
    config["site_name"] = _state["site_name"]
    return add_content_security_policy(output)


def on_post_build(config: MkDocsConfig) -> None:
    build: SiteBuild = _state["build"]
    site_dir = Path(config.site_dir)
    try:
        build.write_files(site_dir)
    except ContentError as error:
        raise PluginError(f"The content has {len(error.problems)} problem(s):\n{error.report()}") from None
    finally:
        build.close()
    write_sitemaps(site_dir, build.sitemap_entries(_state["page_paths"]), config.site_url or "")
    write_locale_search_indexes(site_dir)


def on_build_error(error: Exception) -> None:
    _close_build()


def on_shutdown() -> None:
    _close_build()


def _close_build() -> None:
    build: SiteBuild | None = _state.get("build")
    if build is not None:
        build.close()


def _in_section(page: Page, section: Section) -> bool:
    parent = page.parent
    while parent is not None:
        if parent is section:
            return True
        parent = parent.parent
    return False
