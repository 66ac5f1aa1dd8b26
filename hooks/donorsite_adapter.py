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
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from plugin_errors import plugin_errors
from preview_session import BuildSession as BuildSession
from preview_session import PreviewFile

from donorsite.build.admin_config import editor_settings
from donorsite.build.admin_site import EditorBundleMissing, write_admin
from donorsite.build.build import SiteBuild, preview_context
from donorsite.build.page_html import split_front_matter, toc_tokens
from donorsite.build.page_scripts import scripts_for_page
from donorsite.build.preview_error import preview_error_page
from donorsite.build.producers import WorkerProducer, worker_available
from donorsite.build.security import add_content_security_policy
from donorsite.build.settings import (
    SettingsError,
    content_filter_from_environment,
    limits_text,
    options_from_config,
    search_index_from_environment,
    worker_from_environment,
)
from donorsite.build.site_search import SearchIndexError, write_search_index
from donorsite.build.sitemap import write_sitemaps
from donorsite.content.centre_files import SITES_FILE, SUPPLY_FILE, SUPPLY_FOLDER
from donorsite.content.options import SiteOptions
from donorsite.content.revisions import NO_HISTORY, git_available
from donorsite.core.locales import LOCALES, SiteLocale
from donorsite.core.problems import ContentError, Problem
from donorsite.localize.catalogs import MissingCatalogError
from donorsite.model.eligibility import EligibilitySettingsError

# Warnings go through MkDocs' logger, so that `--strict` turns them into a failed build.
log = get_plugin_logger("donorsite")


class CampaignSite:
    """One build of the campaign site under MkDocs: settings read once, then the pages, menus and files."""

    def __init__(self, config: MkDocsConfig, session: BuildSession | None = None) -> None:
        """Read the settings of the build and start its page worker; raises ``PluginError`` naming a wrong setting.

        ``session`` holds what lasts between the builds of one MkDocs process (``serve``'s rebuilds).
        Under ``serve`` a content mistake does not stop the build, which instead
        answers every page with the problems (see ``preview_error``), and the
        search index is left out: at 500 campaigns Pagefind takes seconds to tens
        of seconds a build, and a save must refresh the preview quickly.
        """
        self.session = session or BuildSession()
        if not config.use_directory_urls:
            raise PluginError("mkdocs.yml: use_directory_urls must stay true; the site's URLs are /<locale>/campaigns/<id>/")
        try:
            self.options: SiteOptions = options_from_config(config, os.environ, Path(config.config_file_path))
            self.content_filter = content_filter_from_environment(os.environ)
            worker = worker_from_environment(os.environ, worker_available(), serving=self.session.previewing)
            self.search_index = search_index_from_environment(os.environ) and not self.session.previewing
        except (SettingsError, EligibilitySettingsError) as error:
            # Located as `donorsite check` prints it: mkdocs.yml:line:col: setting: what to do.
            raise PluginError(str(error)) from None
        except MissingCatalogError as error:
            raise PluginError(str(error)) from None
        limits = limits_text(self.content_filter)
        if limits:
            log.info(limits)
        self.root = Path(config.config_file_path).parent
        # `serve` rebuilds on changes to the optional supply.yaml, supply/ and sites.yaml (`watch:` needs its paths to exist).
        for name in (SUPPLY_FILE, SITES_FILE, SUPPLY_FOLDER):
            if (self.root / name).exists() and str(self.root / name) not in config.watch:
                config.watch.append(str(self.root / name))
        # The worker loads and renders while MkDocs reads its configuration and lists the files.
        self._producer = WorkerProducer(self.root, self.options, self.content_filter) if worker else None
        self._build: SiteBuild | None = None
        # Each generated page's HTML body, held while MkDocs reads its front matter.
        self.bodies: dict[str, str] = {}
        self.previewing = self.session.previewing
        self.site_dir = Path(config.site_dir)
        # Under `serve --dirty`, each page's text is made when the files are listed, to tell which changed.
        self.texts: dict[str, str] = {}
        self.outputs: set[str] = set()
        self.context_changed = True
        # The content problems of a preview that stopped at an editor's mistake.
        self.failure: tuple[Problem, ...] = ()
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
        """Load the content and add its pages to ``files``; the text of each is rendered when MkDocs reads it."""
        if not git_available():
            log.warning(NO_HISTORY)
        memory = self.session.memory
        self.context_changed = memory.start(preview_context(self.root, self.options, self.content_filter)) if memory else True
        memory = memory if self._producer is None else None  # a worker renders in its own process, with no memory
        with plugin_errors():
            try:
                self._build = build = SiteBuild(self.root, self.options, self.content_filter, producer=self._producer, memory=memory)
            except ContentError as error:
                if not self.previewing:
                    raise
                log.error(f"The content has {len(error.problems)} problem(s); the preview shows them:\n{error.report()}")
                self.failure = tuple(error.problems)
                self.close()
                # No page is built: every address answers with the problems (404.html), and the preview shows them sooner.
                self.session.set_aside(self.site_dir)
                return Files([])
        self.session.bring_back(self.site_dir)
        page_file = PreviewFile if self.session.dirty else File
        for page in build.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_navigation else InclusionLevel.NOT_IN_NAV
            file = page_file.generated(config, page.source_path, content="", inclusion=inclusion)
            if page.output_path:
                file.dest_uri = page.output_path
            files.append(file)
        for file in files.documentation_pages():
            if not file.generated_by:
                build.add_existing_page(file.src_uri)
        self.page_paths = [file.src_uri for file in files.documentation_pages()]
        # One menu section per locale; split_menus gives each page only its own locale's menu.
        config["nav"] = [{site_locale.code: build.menu(site_locale)} for site_locale in LOCALES]
        self.outputs = {file.abs_dest_path for file in files.documentation_pages()}
        if self.session.dirty:
            with plugin_errors():
                self.texts = {page.source_path: build.page_text(page.source_path) for page in build.pages}
        return self.session.mark_pages(files, self.texts, config["nav"], self.context_changed)

    def split_menus(self, nav: Navigation) -> Navigation:
        """Keep each locale's section of ``nav`` as that locale's menu."""
        if self.failure:
            return nav
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
        """The front matter of a generated page (None for a page written by hand); its HTML body waits for ``page_html``.

        The body never reaches Markdown: the templates made it, with every editor's text escaped.
        """
        if page.file.generated_by is None or self.failure:
            return None
        with plugin_errors():
            text = self.texts.get(page.file.src_uri) or self.build.page_text(page.file.src_uri)
            front_matter, body = split_front_matter(text)
        self.bodies[page.file.src_uri] = body
        return front_matter

    def page_html(self, html: str, page: Page) -> str:
        """A generated page's HTML body, with its table of contents from the templates' headings; other pages' ``html``."""
        body = self.bodies.pop(page.file.src_uri, None)
        if body is None:
            return html
        page.toc = get_toc(toc_tokens(body))  # type: ignore[arg-type]
        return body.strip()

    def page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
        """The page's own interface language, menu, search folder, site name and language selector."""
        if self.failure:
            return context
        build = self.build
        # overrides/partials/language.html picks Material's interface labels by this key.
        page.meta["material_language"] = self._locale_of(page).material_language
        context["nav"] = self.menus[self._locale_of(page).code]
        context["locale_base"] = build.locale_base(page.file.src_uri)
        context["search_unavailable"] = build.search_unavailable(build.locale_of(page.file.src_uri))
        context["config"] = self._page_config(config, page)
        # overrides/main.html shows it in Material's announcement bar while a concerned centre's stock is critical.
        centres = page.meta.get("supply_centres") or ()
        context["supply_banner"] = build.supply_banner(build.locale_of(page.file.src_uri), centres)
        return context

    def template_context(self, context: dict[str, Any], template_name: str) -> dict[str, Any]:
        """The locale choices of the site-wide "page not found" page."""
        if template_name == "404.html" and not self.failure:
            context["not_found_choices"] = self.build.not_found_choices()
            # A missing page concerns no centre: no alert.
            context["supply_banner"] = ""
            # The page is written in the default locale: its language tag and its site name, not theme.language's "zh".
            context["not_found_language"] = self.build.default_locale.material_language
            page_config = copy.copy(context["config"])
            page_config["site_name"] = self.build.site_name(None)
            context["config"] = page_config
        return context

    def finish_page(self, output: str) -> str:
        if self.failure:
            return preview_error_page(self.failure)
        return add_content_security_policy(output, self.previewing)

    def write_files(self, config: MkDocsConfig) -> None:
        """Files that are not pages and the per-locale sitemaps, then close the worker; last, the search index of the finished pages."""
        site_dir = Path(config.site_dir)
        if self.failure:
            # `serve` answers every missing page with 404.html: the page being previewed shows the problems.
            (site_dir / "404.html").write_text(preview_error_page(self.failure), encoding="utf-8")
            return
        build = self.build
        try:
            with plugin_errors():
                self.session.write(site_dir, build.files, self.outputs, self.texts)
        finally:
            build.close()
        write_sitemaps(site_dir, build.sitemap_entries(self.page_paths), config.site_url or "")
        log.info(f"{len(build.pages)} pages generated from the content")
        settings = dict(config)
        if self.session.dirty and not self.context_changed and (site_dir / "admin" / "index.html").is_file():
            return  # the web editor follows from the settings alone; Pagefind stays out of previews
        try:
            write_admin(site_dir, Path(config.config_file_path).parent, editor_settings(settings))
        except EditorBundleMissing as error:
            # A build without Node still makes the site. A site that sets up its editor in mkdocs.yml
            # is warned, so that --strict (CI, where `npm ci` runs) refuses to publish it without one.
            configured = "editor" in ((settings.get("extra") or {}).get("donorsite") or {})
            (log.warning if configured else log.info)(f"the web editor at /admin/ has no Decap CMS: {error}")
        if not self.search_index:
            if not self.previewing:
                log.info("no search index: DONORSITE_SEARCH_INDEX=off")
            return
        try:
            write_search_index(site_dir)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def close(self, error: Exception | None = None) -> None:
        """Stop the worker of an unfinished build (an ``error``, or the end of ``mkdocs serve``)."""
        if self._producer is not None:
            self._producer.close()
        if error is not None:
            self.session.forget()

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
