"""Every generated page of the site, as HTML with front matter (see ``page_html``).

The output is engine-neutral: a path under ``docs/`` and the page's text.
MkDocs receives it through the hooks; another engine could read the same
pages from a folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from itertools import groupby
from urllib.parse import urlsplit

from donorsite.build.centre_pages import CentrePages
from donorsite.build.page_plan import GeneratedPage, PageJob, PagePlan, page_text, plan_page
from donorsite.content.loading import CampaignEntry
from donorsite.content.options import GeneratedFile
from donorsite.content.rebuild_memory import kept
from donorsite.core.addresses import (
    CAMPAIGNS,
    ELIGIBILITY,
    HOME,
    NOT_FOUND,
    SLOGANS,
    archive_key,
    campaign_key,
    campaign_page_address,
    page_url,
    qr_code_url,
)
from donorsite.core.locales import LOCALES, browser_tag_aliases
from donorsite.exports import export_files
from donorsite.exports.structured_data import campaign_structured_data
from donorsite.localize.picking import TextPicker, translation_notes
from donorsite.render.campaign_view import build_campaign_view
from donorsite.render.context import LocaleRenderer
from donorsite.render.eligibility_page_view import build_eligibility_page
from donorsite.render.home_view import build_countdown, build_theme, build_upcoming_events, recent_results
from donorsite.render.listing_filters import listing_filters
from donorsite.render.next_chances_view import build_next_chances
from donorsite.render.sharing import qr_code_svg
from donorsite.render.slogans_view import build_slogan_groups
from donorsite.render.summary_view import CampaignSummaryView, build_campaign_summary
from donorsite.render.supply_alerts import centres_of_campaign, every_centre


class SitePageBuilder(CentrePages):
    """Renders the generated pages of every locale from the loaded content."""

    def files(self) -> Iterator[GeneratedFile]:
        """Every generated file that is not a page: QR codes, calendars, feeds, the events API."""
        for site_locale in LOCALES:
            for entry in self.content.campaigns:
                address = campaign_page_address(self.options.base_url, self.renderers[site_locale.code].site_locale, entry.id)
                yield GeneratedFile(qr_code_url(site_locale, entry.id), qr_code_svg(address))
        services = {code: renderer.services() for code, renderer in self.renderers.items()}
        yield from export_files(self.content, services, self.options, self.memory)

    def years(self) -> list[int]:
        """The years that have campaigns, newest first: one archive page each."""
        return sorted({entry.campaign.year for entry in self.content.campaigns}, reverse=True)

    def jobs(self) -> Iterator[PageJob]:
        """Every generated page, the root and then each locale's, with the function that renders it.

        Plans are cheap and come first, so that an engine can lay out the site
        before any page is rendered, and render each page only when it reads it.
        """
        yield self._context_job(PagePlan(HOME, None, "index.md", False), self.root_page)
        for site_locale in LOCALES:
            renderer = self.renderers[site_locale.code]
            # The home and the listing show every campaign: made again at every build, from kept summaries.
            yield plan_page(site_locale, HOME, True), partial(self.home_page, renderer)
            yield plan_page(site_locale, CAMPAIGNS, True), partial(self.listing_page, renderer)
            for year in self.years():
                of_year = tuple(entry for entry in self.content.campaigns if entry.campaign.year == year)
                archive = plan_page(site_locale, archive_key(year), False)
                yield self._context_job(archive, partial(self.archive_page, renderer, year), of_year)
            if self.content.slogans:
                yield self._context_job(plan_page(site_locale, SLOGANS, True), partial(self.slogans_page, renderer))
            for entry in self.content.campaigns:
                plan = plan_page(site_locale, campaign_key(entry.id), False)
                yield self._context_job(plan, partial(self.campaign_page, renderer, entry), (entry,))
            yield from self._centre_jobs(site_locale, renderer)
            yield self._context_job(plan_page(site_locale, ELIGIBILITY, True), partial(self.eligibility_page, renderer))
            home = page_url(site_locale, HOME)
            not_found = PagePlan(NOT_FOUND, site_locale, f"{site_locale.prefix}/{NOT_FOUND}.md", False, f"{home}404.html")
            yield self._context_job(not_found, partial(self.not_found_page, renderer))

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
        return page_text(title, title, body, base_href=base_href, search={"exclude": True})

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
        return page_text(view.title.text, view.summary.text, body, head, supply_centres=centres_of_campaign(self.content, entry))

    def _summary(self, renderer: LocaleRenderer, entry: CampaignEntry) -> tuple[CampaignSummaryView, TextPicker]:
        key = ("summary", renderer.site_locale.code, entry.id)
        return kept(self.memory, key, (entry,), partial(build_campaign_summary, renderer, entry, self.options.today, self.content.sites))

    def _summaries(self, renderer: LocaleRenderer) -> list[tuple[CampaignSummaryView, TextPicker]]:
        return [self._summary(renderer, entry) for entry in self.content.campaigns]

    @staticmethod
    def _shown(pick: TextPicker, summaries: list[tuple[CampaignSummaryView, TextPicker]]) -> list[CampaignSummaryView]:
        """The summaries a page shows. Each carries its own language tag: they never count for the page-wide note."""
        return [summary for summary, _ in summaries]

    def _by_year(self, renderer: LocaleRenderer, pick: TextPicker, year: int | None = None) -> list[tuple[int, list[CampaignSummaryView]]]:
        """The summaries of every campaign (or of ``year``'s) grouped by year, newest first."""
        entries = [entry for entry in self.content.campaigns if year is None or entry.campaign.year == year]
        summaries = [self._summary(renderer, entry) for entry in entries]
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
        return page_text(title, title, body, self._head(renderer, url), supply_centres=every_centre(self.content))

    def archive_page(self, renderer: LocaleRenderer, year: int) -> str:
        """The page of one year's campaigns."""
        pick = TextPicker(renderer, self.default_locale)
        items = [summary for _, summaries in self._by_year(renderer, pick, year) for summary in summaries]
        url = page_url(renderer.site_locale, archive_key(year))
        title = renderer.gettext("Campaigns of %(year)s") % {"year": year}
        body = self._render(renderer, "archive.html", url, year=year, items=items, notes=translation_notes(pick))
        return page_text(title, title, body, self._head(renderer, url), supply_centres=every_centre(self.content))

    def home_page(self, renderer: LocaleRenderer) -> str:
        """A locale's home: the next World Blood Donor Day, this year's theme, what is coming up, recent results, a slogan."""
        url = page_url(renderer.site_locale, HOME)
        today = self.options.today
        pick = TextPicker(renderer, self.default_locale)
        event_picks: dict[str, TextPicker] = {}
        # Listed events and campaigns carry their own language tags; only the home's own texts count for its note.
        upcoming = build_upcoming_events(renderer, self.content, today, event_picks)
        summaries = {item[0].id: item for item in self._summaries(renderer)}
        finished = self._shown(pick, [summaries[campaign_id] for campaign_id in recent_results(self.content, today, memory=self.memory)])
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
            chances=build_next_chances(renderer, self.content, today, self.memory),
            countdown=build_countdown(renderer, today),
            theme=theme,
            upcoming=upcoming,
            finished=finished,
            slogan=slogan,
            has_slogans=self.content.slogans is not None,
            supplies=self.supply_views(renderer),
            notes=translation_notes(pick),
        )
        description = renderer.gettext("Blood drives, World Blood Donor Day events and their results.")
        return page_text(title, description, body, self._head(renderer, url), supply_centres=every_centre(self.content))

    def slogans_page(self, renderer: LocaleRenderer) -> str:
        """All slogans in the reader's language."""
        assert self.content.slogans is not None
        url = page_url(renderer.site_locale, SLOGANS)
        pick = TextPicker(renderer, self.content.slogans.source_language)
        groups = build_slogan_groups(renderer, self.content.slogans, pick)
        title = renderer.gettext("Slogans")
        body = self._render(renderer, "slogans.html", url, groups=groups, notes=translation_notes(pick))
        return page_text(title, title, body, self._head(renderer, url))

    def eligibility_page(self, renderer: LocaleRenderer) -> str:
        """The "may I give?" self-check, with the rules of every country the site knows."""
        url = page_url(renderer.site_locale, ELIGIBILITY)
        view = build_eligibility_page(renderer, self.options.eligibility)
        body = self._render(renderer, "eligibility.html", url, view=view)
        title = renderer.gettext("May I give blood?")
        description = renderer.gettext("Check what the general rules say and when you may give next; the staff at the site decide.")
        return page_text(title, description, body, self._head(renderer, url))

    def root_page(self) -> str:
        """``/``: offers every locale, the default one first."""
        renderer = self.renderers[self.default_locale]
        ordered = sorted(LOCALES, key=lambda site_locale: site_locale.code != self.default_locale)
        choices = [(site_locale, page_url(site_locale, HOME)) for site_locale in ordered]
        # choose-locale.js reads which browser tags mean which locale (zh-TW → zh-Hant) from CLDR, via this attribute.
        tag_aliases = json.dumps(browser_tag_aliases(), sort_keys=True, separators=(",", ":"))
        body = renderer.environment.get_template("root.html").render(choices=choices, tag_aliases=tag_aliases)
        title = renderer.site_name()
        return page_text(title, title, body)
