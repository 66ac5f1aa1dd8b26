"""One build of the site: content loaded once, pages, navigation and alternates.

This is the engine-neutral heart of a build. An engine adapter (the MkDocs
hooks) asks it for the pages to add, the navigation of each locale and the
language alternates of each page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from donorsite.build.locale_facts import LocaleFacts
from donorsite.build.page_plan import GeneratedPage, PagePlan
from donorsite.build.producers import InProcessProducer, PageProducer
from donorsite.build.sitemap import SitemapEntry
from donorsite.content.loading import ContentFilter
from donorsite.content.options import GeneratedFile, SiteOptions
from donorsite.content.rebuild_memory import RebuildMemory, files_state
from donorsite.core.addresses import (
    CAMPAIGNS,
    ELIGIBILITY,
    FIRST_TIME,
    HOME,
    NOT_FOUND,
    SITES,
    SLOGANS,
    SUPPLY,
    key_of_source_path,
    page_url,
    relative_url,
)
from donorsite.core.locales import LOCALES, SiteLocale, get_locale, locale_for_prefix

# Keys of pages every locale's menu starts with, in this order; any other
# hand-written page of the locale follows, sorted by key.
MENU_ORDER = (HOME, SUPPLY, SITES, ELIGIBILITY, FIRST_TIME, CAMPAIGNS, SLOGANS, "about", "editor-guide")


# Everything besides campaign files that a generated page or file follows from, under the project's folder
# and the package's: while none of it changes, a preview's rebuilds reuse what unchanged campaigns gave.
CONTEXT_FILES = ("mkdocs.yml", "slogans.yaml", "sites.yaml", "supply.yaml", "supply", "docs", "overrides")
PACKAGE_FOLDERS = ("templates", "locale")


def preview_context(root: Path, options: SiteOptions, content_filter: ContentFilter | None) -> tuple[object, ...]:
    """The key of what a preview's rebuild follows from besides the campaign files: settings, and the state of every other input file."""
    package = Path(__file__).resolve().parent.parent
    # Resolved: MkDocs gives the first build of `serve -f mkdocs.yml` a relative config path, its rebuilds an absolute one.
    root = root.resolve()
    folders = [root / name for name in CONTEXT_FILES] + [package / name for name in PACKAGE_FOLDERS]
    return (root, options, content_filter, files_state(folders))


@dataclass(frozen=True)
class Alternate:
    """The same page in another locale (or the locale's home if it lacks the page)."""

    locale: SiteLocale
    url: str
    same_page: bool


class SiteBuild:
    """Takes the pages' plan from a producer and answers the adapter's questions about pages.

    Pages are planned at once and rendered when the engine reads them
    (``page_text``); with ``producer`` a ``WorkerProducer``, a worker process
    renders them beside the engine. Raises ``ContentError`` when the content
    has problems.
    """

    def __init__(
        self,
        root: Path,
        options: SiteOptions,
        content_filter: ContentFilter | None = None,
        *,
        producer: PageProducer | None = None,
        memory: RebuildMemory | None = None,
    ) -> None:
        self.options = options
        self.default_locale = get_locale(options.default_locale)
        self._producer: PageProducer = producer or InProcessProducer(root, options, content_filter, memory)
        self.pages: list[PagePlan] = self._producer.plans
        self._facts: dict[str, LocaleFacts] = self._producer.facts
        self._existing: dict[tuple[str, str], str] = {}
        for page in self.pages:
            self.add_existing_page(page.source_path)

    def page_text(self, source_path: str) -> str:
        """The text (front matter and HTML) of the generated page at ``source_path``."""
        return self._producer.text(source_path)

    @property
    def generated(self) -> list[GeneratedPage]:
        """Every generated page with its text, rendered now."""
        return [GeneratedPage.of(plan, self.page_text(plan.source_path)) for plan in self.pages]

    @property
    def files(self) -> list[GeneratedFile]:
        """Calendars, feeds, QR codes and data files, written as they are (not pages)."""
        return self._producer.files()

    def close(self) -> None:
        """Stop the worker, if one is still rendering."""
        self._producer.close()

    def add_existing_page(self, path: str) -> None:
        """Record that a page exists at Markdown ``path`` (generated or hand-written)."""
        prefix, key = key_of_source_path(path)
        if locale_for_prefix(prefix):
            self._existing[(prefix, key)] = path

    def locale_of(self, path: str) -> SiteLocale | None:
        """The locale of the page at ``path``, from its first folder; None outside locale folders."""
        prefix, _ = key_of_source_path(path)
        return locale_for_prefix(prefix)

    def alternates(self, path: str) -> list[Alternate]:
        """The page at ``path`` in every locale, falling back to each locale's home."""
        prefix, key = key_of_source_path(path)
        if not locale_for_prefix(prefix):
            key = HOME
        alternates = []
        for site_locale in LOCALES:
            # A "page not found" page is not a page to switch language on: offer the locale's home.
            same = (site_locale.prefix, key) in self._existing and key != NOT_FOUND
            alternates.append(Alternate(site_locale, page_url(site_locale, key if same else HOME), same))
        return alternates

    def hreflang(self, path: str) -> list[tuple[str, str]]:
        """(hreflang, site-relative URL) of the page at ``path`` in each locale that has it, plus x-default."""
        same = [(alternate.locale.code, alternate.url) for alternate in self.alternates(path) if alternate.same_page]
        return [*same, ("x-default", "")]

    def sitemap_entries(self, paths: list[str]) -> list[SitemapEntry]:
        """Sitemap entries of the pages at ``paths``."""
        entries = []
        for path in paths:
            prefix, key = key_of_source_path(path)
            if key == NOT_FOUND:
                continue
            site_locale = locale_for_prefix(prefix)
            entries.append(SitemapEntry(page_url(site_locale, key), tuple(self.hreflang(path))))
        return entries

    def locale_base(self, path: str) -> str | None:
        """Link from the page at ``path`` to its locale's folder, where that locale's search index lives."""
        prefix, key = key_of_source_path(path)
        site_locale = locale_for_prefix(prefix)
        if site_locale is None:
            return None
        if key == NOT_FOUND:
            # Shown at any address: the theme's script resolves "base" from the address, not from <base href>.
            return urlsplit(self.options.base_url).path + page_url(site_locale, HOME)
        return relative_url(page_url(site_locale, key), page_url(site_locale, HOME))

    def menu(self, site_locale: SiteLocale) -> list[str]:
        """Markdown paths of the pages in ``site_locale``'s menu, in order."""
        # Campaign and archive pages are reached from the listing, not the menu.
        keys = [key for prefix, key in self._existing if prefix == site_locale.prefix and "/" not in key and key != NOT_FOUND]
        ordered = sorted(keys, key=lambda key: (MENU_ORDER.index(key) if key in MENU_ORDER else len(MENU_ORDER), key))
        return [self._existing[(site_locale.prefix, key)] for key in ordered]

    def site_name(self, site_locale: SiteLocale | None) -> str:
        """The site's name in ``site_locale`` (the default locale for pages outside locales)."""
        return self._facts[(site_locale or self.default_locale).code].site_name

    def not_found_choices(self) -> list[tuple[SiteLocale, str, str]]:
        """For the site-wide 404 page: each locale, the URL of its home, and "Page not found:" in its language.

        The label carries its locale's colon (``页面不存在：``, ``Page not found: ``), from the catalog's label joiner.
        """
        ordered = sorted(LOCALES, key=lambda site_locale: site_locale.code != self.default_locale.code)
        return [(loc, page_url(loc, HOME), self._facts[loc.code].not_found) for loc in ordered]

    def search_unavailable(self, site_locale: SiteLocale | None) -> str:
        """What the search box of a page in ``site_locale`` says when its index cannot be loaded."""
        return self._facts[(site_locale or self.default_locale).code].search_unavailable

    def supply_banner(self, site_locale: SiteLocale | None, centre_ids: Sequence[str] = ()) -> str:
        """The banners of the centres ``centre_ids`` (a page's ``supply_centres``) that have a type critical, else "".

        Each banner is made once per locale and build, where the renderers are
        (``locale_facts``); a centre whose figures are older than the staleness
        limit as of the build date raises none (the browser hides it when they
        grow old after the build).
        """
        banners = self._facts[(site_locale or self.default_locale).code].supply_banners
        return "".join(banners.get(centre_id, "") for centre_id in centre_ids)
