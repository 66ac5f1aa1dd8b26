"""The MkDocs adapter's state, typed, on one object per build (as Material's plugins keep theirs).

``hooks/campaign_site.py`` creates a ``CampaignSite`` in ``on_config`` and
hands every event to it. The object translates between MkDocs objects and
the engine-neutral ``SiteBuild``: content, localisation and rendering live
in the ``donorsite`` package, which never imports MkDocs. MkDocs puts the
hook's folder on ``sys.path`` while it loads the hook, so this module is
imported from beside it.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from donorsite.build.build import SiteBuild
from donorsite.build.html_blocks import SetAside, set_aside_html_blocks, split_front_matter
from donorsite.build.page_scripts import scripts_for_page
from donorsite.build.producers import worker_available
from donorsite.build.security import add_content_security_policy
from donorsite.build.settings import SettingsError, content_filter_from_environment, options_from_config, worker_from_environment
from donorsite.build.site_search import SearchIndexError, write_search_index
from donorsite.build.sitemap import write_sitemaps
from donorsite.content.centre_files import SITES_FILE, SUPPLY_FILE
from donorsite.content.options import SiteOptions
from donorsite.content.revisions import ShallowHistoryError
from donorsite.core.locales import LOCALES, SiteLocale
from donorsite.core.problems import ContentError
from donorsite.localize.catalogs import MissingCatalogError
from donorsite.model.eligibility import EligibilitySettingsError


class CampaignSite:
    """One build of the campaign site under MkDocs: settings read once, then the pages, menus and files."""

    def __init__(self, config: MkDocsConfig, previewing: bool = False) -> None:
        """Read the settings of the build; raises ``PluginError`` naming a wrong one.

        ``previewing`` (under ``mkdocs serve``) leaves out the search index: at
        500 campaigns Pagefind takes seconds to tens of seconds a build, and a
        save must refresh the preview quickly.
        """
        self.previewing = previewing
        if not config.use_directory_urls:
            raise PluginError("mkdocs.yml: use_directory_urls must stay true; the site's URLs are /<locale>/campaigns/<id>/")
        try:
            self.options: SiteOptions = options_from_config(config, os.environ)
            self.content_filter = content_filter_from_environment(os.environ)
            self.worker: bool = worker_from_environment(os.environ, worker_available())
        except (SettingsError, EligibilitySettingsError, MissingCatalogError) as error:
            raise PluginError(str(error)) from None
        self._build: SiteBuild | None = None
        # Each generated page's HTML blocks, set aside while Markdown converts the page.
        self.set_aside: dict[str, SetAside] = {}
        # Each locale's own menu, by locale code.
        self.menus: dict[str, Navigation] = {}
        self.page_paths: list[str] = []

    @property
    def build(self) -> SiteBuild:
        """The loaded content and its pages; exists from ``on_files`` on."""
        if self._build is None:
            raise PluginError("the campaign site was asked for pages before MkDocs listed the files")
        return self._build

    def add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        """Load the content and add its pages to ``files``; the text of each is rendered when MkDocs reads it.

        The build starts here, after MkDocs has emptied the site folder the worker writes into.
        """
        site_dir = Path(config.site_dir) if self.worker else None
        root = Path(config.config_file_path).parent
        try:
            self._build = build = SiteBuild(root, self.options, self.content_filter, worker_site_dir=site_dir)
        except ContentError as error:
            raise PluginError(f"The content has {len(error.problems)} problem(s):\n{error.report()}") from None
        except (MissingCatalogError, ShallowHistoryError) as error:
            raise PluginError(str(error)) from None
        for page in build.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_navigation else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.source_path, content="", inclusion=inclusion)
            if page.output_path:
                file.dest_uri = page.output_path
            files.append(file)
        for file in files.documentation_pages():
            if not file.generated_by:
                build.add_existing_page(file.src_uri)
        self.page_paths = [file.src_uri for file in files.documentation_pages()]
        # One menu section per locale; split_menus gives each page only its own locale's menu.
        config["nav"] = [{site_locale.code: build.menu(site_locale)} for site_locale in LOCALES]
        return files

    def split_menus(self, nav: Navigation) -> Navigation:
        """Keep each locale's section of ``nav`` as that locale's menu."""
        for site_locale, section in zip(LOCALES, nav.items, strict=True):
            assert isinstance(section, Section)
            pages = [page for page in nav.pages if _in_section(page, section)]
            menu = Navigation(section.children, pages)
            for item in section.children:
                item.parent = None
            menu.homepage = pages[0] if pages else None
            self.menus[site_locale.code] = menu
        return nav

    def page_source(self, page: Page) -> str | None:
        """The Markdown of a generated page (None for a page written by hand), its HTML blocks set aside."""
        if page.file.generated_by is None:
            return None
        front_matter, body = split_front_matter(self.build.page_text(page.file.src_uri))
        aside = set_aside_html_blocks(body)
        self.set_aside[page.file.src_uri] = aside
        return front_matter + aside.markdown

    def restore_html(self, html: str, page: Page) -> str:
        """The page's HTML with its set-aside blocks back in place."""
        aside = self.set_aside.pop(page.file.src_uri, None)
        return aside.restore(html) if aside else html

    def page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
        """The page's own interface language, menu, search folder, site name and language selector."""
        build = self.build
        # overrides/partials/language.html picks Material's interface labels by this key.
        page.meta["material_language"] = self._locale_of(page).material_language
        context["nav"] = self.menus[self._locale_of(page).code]
        context["locale_base"] = build.locale_base(page.file.src_uri)
        context["config"] = self._page_config(config, page)
        # overrides/main.html shows it in Material's announcement bar while a blood type is critical.
        context["supply_banner"] = build.supply_banner(build.locale_of(page.file.src_uri))
        return context

    def template_context(self, context: dict[str, Any], template_name: str) -> dict[str, Any]:
        """The locale choices of the site-wide "page not found" page."""
        if template_name == "404.html":
            context["not_found_choices"] = self.build.not_found_choices()
            context["supply_banner"] = self.build.supply_banner(None)
        return context

    def finish_page(self, output: str) -> str:
        return add_content_security_policy(output)

    def write_files(self, config: MkDocsConfig) -> None:
        """Files that are not pages and the per-locale sitemaps, then close the worker; last, the search index of the finished pages."""
        build = self.build
        site_dir = Path(config.site_dir)
        try:
            build.write_files(site_dir)
        except ContentError as error:
            raise PluginError(f"The content has {len(error.problems)} problem(s):\n{error.report()}") from None
        finally:
            build.close()
        write_sitemaps(site_dir, build.sitemap_entries(self.page_paths), config.site_url or "")
        if self.previewing:
            return
        try:
            write_search_index(site_dir)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def watch_service_files(self, server: Any, config: MkDocsConfig) -> Any:
        """Rebuild on changes to ``supply.yaml`` and ``sites.yaml`` (optional files, so not in ``watch:``, which needs them to exist)."""
        root = Path(config.config_file_path).parent
        for name in (SUPPLY_FILE, SITES_FILE):
            if (root / name).is_file():
                server.watch(str(root / name))
        return server

    def close(self) -> None:
        """Stop the worker of an unfinished build (an error, or the end of ``mkdocs serve``)."""
        if self._build is not None:
            self._build.close()

    def _locale_of(self, page: Page) -> SiteLocale:
        return self.build.locale_of(page.file.src_uri) or self.build.default_locale

    def _page_config(self, config: MkDocsConfig, page: Page) -> MkDocsConfig:
        """The configuration as this page's templates see it: its locale's site name, language selector and scripts.

        Material reads both from ``config``; a copy per page, put in the page's
        context, leaves the engine's own configuration untouched.
        """
        build = self.build
        alternates = build.alternates(page.file.src_uri)
        page_config = copy.copy(config)  # shallow: only the keys below differ
        page_config["site_name"] = build.site_name(build.locale_of(page.file.src_uri))
        page_config["extra"] = {
            **config.extra,
            "alternate": [{"name": other.locale.native_name, "link": other.url, "lang": other.locale.code} for other in alternates],
        }
        # Scripts for one kind of page (the listing's filter, the home's countdown…) load only there.
        page_config["extra_javascript"] = scripts_for_page(page.content or "", config.extra_javascript)
        return page_config


def _in_section(page: Page, section: Section) -> bool:
    parent = page.parent
    while parent is not None:
        if parent is section:
            return True
        parent = parent.parent
    return False
