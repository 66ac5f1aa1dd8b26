"""Every generated page of the site, as HTML with front matter (see ``page_html``).

The output is engine-neutral: a path under ``docs/`` and the page's text.
MkDocs receives it through the hooks; another engine could read the same
pages from a folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import groupby
from urllib.parse import urlsplit

import yaml
from markupsafe import escape

from donorsite.content.loading import CampaignEntry, SiteContent
from donorsite.content.options import GeneratedFile, SiteOptions
from donorsite.core.addresses import (
    CAMPAIGNS,
    HOME,
    NOT_FOUND,
    SITES,
    SLOGANS,
    SUPPLY,
    archive_key,
    campaign_key,
    campaign_page_address,
    feed_url,
    page_url,
    qr_code_url,
    relative_url,
    site_key,
    source_path,
)
from donorsite.core.locales import LOCALES, SiteLocale, browser_tag_aliases
from donorsite.exports import export_files
from donorsite.exports.centre_data import site_structured_data
from donorsite.exports.structured_data import campaign_structured_data
from donorsite.localize.picking import TextPicker, translation_notes
from donorsite.render.campaign_view import build_campaign_view
from donorsite.render.context import Anchors, LocaleRenderer
from donorsite.render.donation_site_view import build_site_view
from donorsite.render.home_view import build_countdown, build_theme, build_upcoming_events, recent_results
from donorsite.render.listing_filters import listing_filters
from donorsite.render.page_head import PageHead
from donorsite.render.sharing import qr_code_svg
from donorsite.render.slogans_view import build_slogan_groups
from donorsite.render.summary_view import CampaignSummaryView, build_campaign_summary
from donorsite.render.supply_view import SupplyView, build_supply_view


@dataclass(frozen=True)
class PagePlan:
    """A page of the site before its text is rendered: where it goes and whether menus list it."""

    key: str
    locale: SiteLocale | None
    source_path: str
    in_navigation: bool
    # Where the page is written when not at the engine's usual place (``vi/404.html``).
    output_path: str | None = None


@dataclass(frozen=True)
class GeneratedPage:
    """One page to add to the site, with its text."""

    key: str
    locale: SiteLocale | None
    source_path: str
    text: str
    in_navigation: bool
    output_path: str | None = None

    @classmethod
    def of(cls, plan: PagePlan, text: str) -> GeneratedPage:
        """The page ``plan`` describes, written as ``text``."""
        return cls(plan.key, plan.locale, plan.source_path, text, plan.in_navigation, plan.output_path)


# A page's plan and the function that renders its text when it is needed.
PageJob = tuple[PagePlan, Callable[[], str]]


def _plan(site_locale: SiteLocale, key: str, in_navigation: bool) -> PagePlan:
    return PagePlan(key, site_locale, source_path(site_locale, key), in_navigation)


# libyaml's emitter writes the front matter of thousands of pages ten times faster than PyYAML's own.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _single_line(text: str) -> str:
    return " ".join(text.split())


def _page_text(title: str, description: str, body: str, head: PageHead | None = None, **extra: object) -> str:
    """HTML ``body`` under front matter; the theme prints title and description as they are, so they are escaped here."""
    meta: dict[str, object] = {"title": str(escape(_single_line(title))), "description": str(escape(_single_line(description))), **extra}
    if head is not None:
        meta["head"] = head.front_matter()
    front_matter = yaml.dump(meta, Dumper=_FAST_DUMPER, allow_unicode=True, sort_keys=True, width=1_000_000)
    return f"---\n{front_matter}---\n\n{body.strip()}\n"


class SitePageBuilder:
    """Renders the generated pages of every locale from the loaded content."""

    def __init__(self, content: SiteContent, renderers: dict[str, LocaleRenderer], options: SiteOptions) -> None:
        self.content = content
        self.renderers = renderers
        self.options = options
        self.default_locale = options.default_locale

    def files(self) -> Iterator[GeneratedFile]:
        """Every generated file that is not a page: QR codes, calendars, feeds, the events API."""
        for site_locale in LOCALES:
            for entry in self.content.campaigns:
                address = campaign_page_address(self.options.base_url, self.renderers[site_locale.code].site_locale, entry.id)
                yield GeneratedFile(qr_code_url(site_locale, entry.id), qr_code_svg(address))
        services = {code: renderer.services() for code, renderer in self.renderers.items()}
        yield from export_files(self.content, services, self.options)

    def years(self) -> list[int]:
        """The years that have campaigns, newest first: one archive page each."""
        return sorted({entry.campaign.year for entry in self.content.campaigns}, reverse=True)

    def jobs(self) -> Iterator[PageJob]:
        """Every generated page, the root and then each locale's, with the function that renders it.

        Plans are cheap and come first, so that an engine can lay out the site
        before any page is rendered, and render each page only when it reads it.
        """
        yield PagePlan(HOME, None, "index.md", False), self.root_page
        for site_locale in LOCALES:
            renderer = self.renderers[site_locale.code]
            yield _plan(site_locale, HOME, True), partial(self.home_page, renderer)
            yield _plan(site_locale, CAMPAIGNS, True), partial(self.listing_page, renderer)
            for year in self.years():
                yield _plan(site_locale, archive_key(year), False), partial(self.archive_page, renderer, year)
            if self.content.slogans:
                yield _plan(site_locale, SLOGANS, True), partial(self.slogans_page, renderer)
            for entry in self.content.campaigns:
                yield _plan(site_locale, campaign_key(entry.id), False), partial(self.campaign_page, renderer, entry)
            yield from self._centre_jobs(site_locale, renderer)
            home = page_url(site_locale, HOME)
            not_found = PagePlan(NOT_FOUND, site_locale, f"{site_locale.prefix}/{NOT_FOUND}.md", False, f"{home}404.html")
            yield not_found, partial(self.not_found_page, renderer)

    def pages(self) -> Iterator[GeneratedPage]:
        """All generated pages with their texts, in the order of ``jobs``."""
        for plan, render in self.jobs():
            yield GeneratedPage.of(plan, render())

    def not_found_page(self, renderer: LocaleRenderer) -> str:
        """The locale's "page not found" page, offering its home page and search.

        A server shows it at any missing address, so its relative links are
        anchored by ``<base href>`` to the locale's folder.
        """
        site_locale = renderer.site_locale
        home = page_url(site_locale, HOME)
        title = renderer.gettext("Page not found")
        body = self._render(renderer, "not_found.html", home)
        base_href = urlsplit(self.options.base_url).path + home
        return _page_text(title, title, body, base_href=base_href, search={"exclude": True})

    def _render(self, renderer: LocaleRenderer, template: str, url: str, **values: object) -> str:
        def link(key: str) -> str:
            return relative_url(url, page_url(renderer.site_locale, key))

        def asset(path: str) -> str:
            return relative_url(url, path)

        template_values = {"link": link, "asset": asset, "anchor": Anchors(), "page_lang": renderer.site_locale.code, **values}
        return renderer.environment.get_template(template).render(**template_values)

    def _head(self, renderer: LocaleRenderer, url: str, **values: object) -> PageHead:
        """The head additions of the page at ``url``: its address, the locale's feed, and ``values``."""
        return PageHead(
            renderer.site_locale,
            self.options.base_url + url,
            relative_url(url, feed_url(renderer.site_locale)),
            renderer.site_name(),
            **values,  # type: ignore[arg-type]
        )

    def campaign_page(self, renderer: LocaleRenderer, entry: CampaignEntry) -> str:
        """One campaign's page in the renderer's locale."""
        key = campaign_key(entry.id)
        url = page_url(renderer.site_locale, key)
        view = build_campaign_view(renderer, entry, self.options)
        body = self._render(renderer, "campaign.html", url, view=view)
        image = (self.options.base_url + view.images[0][0], view.images[0][1].text) if view.images else (None, None)
        head = self._head(
            renderer,
            url,
            og_type="article",
            image=image[0],
            image_alt=image[1],
            structured_data=campaign_structured_data(entry, renderer.services(), self.options),
        )
        return _page_text(view.title.text, view.summary.text, body, head)

    def _summaries(self, renderer: LocaleRenderer) -> list[tuple[CampaignSummaryView, TextPicker]]:
        return [build_campaign_summary(renderer, entry, self.options.today) for entry in self.content.campaigns]

    @staticmethod
    def _shown(pick: TextPicker, summaries: list[tuple[CampaignSummaryView, TextPicker]]) -> list[CampaignSummaryView]:
        """The summaries a page shows. Each carries its own language tag: they never count for the page-wide note."""
        return [summary for summary, _ in summaries]

    def _by_year(self, renderer: LocaleRenderer, pick: TextPicker, year: int | None = None) -> list[tuple[int, list[CampaignSummaryView]]]:
        """The summaries of every campaign (or of ``year``'s) grouped by year, newest first."""
        entries = [entry for entry in self.content.campaigns if year is None or entry.campaign.year == year]
        summaries = [build_campaign_summary(renderer, entry, self.options.today) for entry in entries]
        ordered = self._shown(pick, sorted(summaries, key=lambda item: (item[0].year, item[0].sort_date, item[0].id), reverse=True))
        return [(group_year, list(items)) for group_year, items in groupby(ordered, key=lambda s: s.year)]

    def listing_page(self, renderer: LocaleRenderer) -> str:
        """The list of all campaigns, newest year first, with filters by year, city and status."""
        url = page_url(renderer.site_locale, CAMPAIGNS)
        pick = TextPicker(renderer, self.default_locale)
        years = self._by_year(renderer, pick)
        summaries = [summary for _, items in years for summary in items]
        filters = listing_filters(renderer, summaries)
        title = renderer.gettext("All campaigns")
        body = self._render(renderer, "listing.html", url, years=years, filters=filters, notes=translation_notes(pick))
        return _page_text(title, title, body, self._head(renderer, url))

    def archive_page(self, renderer: LocaleRenderer, year: int) -> str:
        """The page of one year's campaigns."""
        pick = TextPicker(renderer, self.default_locale)
        items = [summary for _, summaries in self._by_year(renderer, pick, year) for summary in summaries]
        url = page_url(renderer.site_locale, archive_key(year))
        title = renderer.gettext("Campaigns of %(year)s") % {"year": year}
        body = self._render(renderer, "archive.html", url, year=year, items=items, notes=translation_notes(pick))
        return _page_text(title, title, body, self._head(renderer, url))

    def home_page(self, renderer: LocaleRenderer) -> str:
        """A locale's home: the next World Blood Donor Day, this year's theme, what is coming up, recent results, a slogan."""
        url = page_url(renderer.site_locale, HOME)
        today = self.options.today
        pick = TextPicker(renderer, self.default_locale)
        event_picks: dict[str, TextPicker] = {}
        # Listed events and campaigns carry their own language tags; only the home's own texts count for its note.
        upcoming = build_upcoming_events(renderer, self.content, today, event_picks)
        summaries = {item[0].id: item for item in self._summaries(renderer)}
        finished = self._shown(pick, [summaries[campaign_id] for campaign_id in recent_results(self.content, today)])
        theme = build_theme(renderer, self.content, today)
        slogan = None
        if self.content.slogans:
            slogans = self.content.slogans.slogans
            slogan_pick = TextPicker(renderer, self.content.slogans.source_language)
            # A different slogan each day, the same one for every locale.
            slogan = slogan_pick(slogans[today.toordinal() % len(slogans)].text)
            pick.absorb(slogan_pick)
        title = renderer.site_name()
        body = self._render(
            renderer,
            "home.html",
            url,
            countdown=build_countdown(renderer, today),
            theme=theme,
            upcoming=upcoming,
            finished=finished,
            slogan=slogan,
            has_slogans=self.content.slogans is not None,
            supply=self.supply_view(renderer),
            notes=translation_notes(pick),
        )
        description = renderer.gettext("Blood drives, World Blood Donor Day events and their results.")
        return _page_text(title, description, body, self._head(renderer, url))

    def slogans_page(self, renderer: LocaleRenderer) -> str:
        """All slogans in the reader's language."""
        assert self.content.slogans is not None
        url = page_url(renderer.site_locale, SLOGANS)
        pick = TextPicker(renderer, self.content.slogans.source_language)
        groups = build_slogan_groups(renderer, self.content.slogans, pick)
        title = renderer.gettext("Slogans")
        body = self._render(renderer, "slogans.html", url, groups=groups, notes=translation_notes(pick))
        return _page_text(title, title, body, self._head(renderer, url))

    # --- The blood service's pages: supply levels, donation sites (issue 17) ---

    def _centre_jobs(self, site_locale: SiteLocale, renderer: LocaleRenderer) -> Iterator[PageJob]:
        if self.content.supply:
            yield _plan(site_locale, SUPPLY, True), partial(self.supply_page, renderer)
        if self.content.sites:
            yield _plan(site_locale, SITES, True), partial(self.sites_page, renderer)
            for _, site in self.content.sites.all_sites():
                yield _plan(site_locale, site_key(site.id), False), partial(self.site_page, renderer, site.id)

    def supply_view(self, renderer: LocaleRenderer) -> SupplyView | None:
        """The supply figures in ``renderer``'s locale, or None if the site publishes none."""
        supply = self.content.supply
        if supply is None:
            return None
        return build_supply_view(renderer, supply, self.options.today, self.options.supply_stale_after_days)

    def supply_page(self, renderer: LocaleRenderer) -> str:
        """The stock of each blood type, when it was counted, the appeal and the thresholds."""
        url = page_url(renderer.site_locale, SUPPLY)
        view = self.supply_view(renderer)
        assert view is not None
        assert self.content.supply is not None
        pick = TextPicker(renderer, self.content.supply.source_language)
        pick(self.content.supply.centre)
        title = renderer.gettext("Blood supply")
        body = self._render(renderer, "supply.html", url, view=view, sites_key=SITES, notes=translation_notes(pick))
        description = renderer.gettext("Blood stock by type, as of %(time)s.") % {"time": view.measured_text}
        return _page_text(title, description, body, self._head(renderer, url))

    def sites_page(self, renderer: LocaleRenderer) -> str:
        """Every permanent donation site, by blood centre, with today's state."""
        sites = self.content.sites
        assert sites is not None
        url = page_url(renderer.site_locale, SITES)
        pick = TextPicker(renderer, sites.source_language)
        centres = []
        for centre in sites.centres:
            views = [build_site_view(renderer, centre, site, sites.source_language, self.options.today) for site in centre.sites]
            centres.append((pick(centre.name), views))
        title = renderer.gettext("Where to donate")
        body = self._render(
            renderer,
            "sites.html",
            url,
            centres=centres,
            centre_ids=[centre.id for centre in sites.centres],
            site_keys={site.id: site_key(site.id) for _, site in sites.all_sites()},
            notes=translation_notes(pick),
        )
        description = renderer.gettext("Blood centres and donation houses with their opening hours.")
        return _page_text(title, description, body, self._head(renderer, url))

    def site_page(self, renderer: LocaleRenderer, site_id: str) -> str:
        """One donation site: today's state, address and map links, the week's hours and changed hours."""
        sites = self.content.sites
        assert sites is not None
        centre, site = next((centre, site) for centre, site in sites.all_sites() if site.id == site_id)
        url = page_url(renderer.site_locale, site_key(site_id))
        pick = TextPicker(renderer, sites.source_language)
        view = build_site_view(renderer, centre, site, sites.source_language, self.options.today)
        body = self._render(renderer, "site.html", url, view=view, notes=translation_notes(pick))
        head = self._head(renderer, url, structured_data=site_structured_data(sites, centre, site, renderer.services(), self.options))
        return _page_text(view.name.text, view.place_text, body, head)

    def root_page(self) -> str:
        """``/``: offers every locale, the default one first."""
        renderer = self.renderers[self.default_locale]
        ordered = sorted(LOCALES, key=lambda site_locale: site_locale.code != self.default_locale)
        choices = [(site_locale, page_url(site_locale, HOME)) for site_locale in ordered]
        # choose-locale.js reads which browser tags mean which locale (zh-TW → zh-Hant) from CLDR, via this attribute.
        tag_aliases = json.dumps(browser_tag_aliases(), sort_keys=True, separators=(",", ":"))
        body = renderer.environment.get_template("root.html").render(choices=choices, tag_aliases=tag_aliases)
        title = renderer.site_name()
        return _page_text(title, title, body)
