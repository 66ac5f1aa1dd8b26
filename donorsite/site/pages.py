"""Every generated page of the site, as Markdown with front matter.

The output is engine-neutral: a path under ``docs/`` and the page's text.
MkDocs receives it through the hooks; another engine could read the same
pages from a folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlsplit

import yaml
from markupsafe import escape

from donorsite.exports import export_files
from donorsite.exports.structured_data import campaign_structured_data
from donorsite.loading import CampaignEntry, SiteContent
from donorsite.locales import LOCALES, SiteLocale
from donorsite.render.context import LocaleRenderer
from donorsite.render.home_view import build_countdown, build_theme, build_upcoming_events, recent_results
from donorsite.render.listing_filters import listing_filters
from donorsite.render.page_head import PageHead
from donorsite.render.slogans_view import build_slogan_groups
from donorsite.render.views import (
    CampaignSummaryView,
    TextPicker,
    build_campaign_summary,
    build_campaign_view,
    translation_notes,
)
from donorsite.site.files import GeneratedFile
from donorsite.site.settings import SiteOptions
from donorsite.site.urls import (
    CAMPAIGNS,
    HOME,
    NOT_FOUND,
    SLOGANS,
    archive_key,
    campaign_key,
    feed_url,
    page_url,
    relative_url,
    source_path,
)


@dataclass(frozen=True)
class GeneratedPage:
    """One page to add to the site."""

    key: str
    locale: SiteLocale | None
    source_path: str
    text: str
    in_navigation: bool
    # Where the page is written when not at the engine's usual place (``vi/404.html``).
    output_path: str | None = None


def _single_line(text: str) -> str:
    return " ".join(text.split())


def _page_text(title: str, description: str, body: str, head: PageHead | None = None, **extra: object) -> str:
    """Markdown with front matter; the theme prints title and description as they are, so they are escaped here."""
    meta: dict[str, object] = {"title": str(escape(_single_line(title))), "description": str(escape(_single_line(description))), **extra}
    if head is not None:
        meta["head"] = head.front_matter()
    front_matter = yaml.safe_dump(
        meta,
        allow_unicode=True,
        sort_keys=True,
        width=1_000_000,
    )
    return f"---\n{front_matter}---\n\n{body.strip()}\n"


class SitePageBuilder:
    """Renders the generated pages of every locale from the loaded content."""

    def __init__(self, content: SiteContent, renderers: dict[str, LocaleRenderer], options: SiteOptions) -> None:
        self.content = content
        self.renderers = renderers
        self.options = options
        self.default_locale = options.default_locale

    def files(self) -> Iterator[GeneratedFile]:
        """Every generated file that is not a page: calendars, feeds, the events API."""
        return export_files(self.content, self.renderers, self.options)

    def pages(self) -> Iterator[GeneratedPage]:
        """All generated pages: the root, then each locale's pages."""
        yield self.root_page()
        for site_locale in LOCALES:
            renderer = self.renderers[site_locale.code]
            yield self.home_page(renderer)
            yield self.listing_page(renderer)
            yield from self.archive_pages(renderer)
            if self.content.slogans:
                yield self.slogans_page(renderer)
            for entry in self.content.campaigns:
                yield self.campaign_page(renderer, entry)
            yield self.not_found_page(renderer)

    def not_found_page(self, renderer: LocaleRenderer) -> GeneratedPage:
        """The locale's "page not found" page, offering its home page and search.

        A server shows it at any missing address, so its relative links are
        anchored by ``<base href>`` to the locale's folder.
        """
        site_locale = renderer.site_locale
        home = page_url(site_locale, HOME)
        title = renderer.gettext("Page not found")
        body = self._render(renderer, "not_found.html", home)
        base_href = urlsplit(self.options.base_url).path + home
        text = _page_text(title, title, body, base_href=base_href, search={"exclude": True})
        return GeneratedPage(NOT_FOUND, site_locale, f"{site_locale.prefix}/{NOT_FOUND}.md", text, False, f"{home}404.html")

    def _render(self, renderer: LocaleRenderer, template: str, url: str, **values: object) -> str:
        def link(key: str) -> str:
            return relative_url(url, page_url(renderer.site_locale, key))

        def asset(path: str) -> str:
            return relative_url(url, path)

        template_values = {"link": link, "asset": asset, "page_lang": renderer.site_locale.code, **values}
        return renderer.environment.get_template(template).render(**template_values)

    def _head(self, renderer: LocaleRenderer, url: str, **values: object) -> PageHead:
        """The head additions of the page at ``url``: its address, the locale's feed, and ``values``."""
        return PageHead(
            renderer.site_locale,
            self.options.base_url + url,
            relative_url(url, feed_url(renderer.site_locale)),
            renderer.gettext("Blood donation campaigns"),
            **values,  # type: ignore[arg-type]
        )

    def campaign_page(self, renderer: LocaleRenderer, entry: CampaignEntry) -> GeneratedPage:
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
            structured_data=campaign_structured_data(entry, renderer, self.options),
        )
        text = _page_text(view.title.text, view.summary.text, body, head)
        return GeneratedPage(key, renderer.site_locale, source_path(renderer.site_locale, key), text, False)

    def _summaries(self, renderer: LocaleRenderer) -> list[tuple[CampaignSummaryView, TextPicker]]:
        return [build_campaign_summary(renderer, entry, self.options.today) for entry in self.content.campaigns]

    @staticmethod
    def _shown(pick: TextPicker, summaries: list[tuple[CampaignSummaryView, TextPicker]]) -> list[CampaignSummaryView]:
        """The summaries a page shows; only their texts count for the page's translation notes."""
        for _, summary_pick in summaries:
            pick.absorb(summary_pick)
        return [summary for summary, _ in summaries]

    def _by_year(self, renderer: LocaleRenderer, pick: TextPicker) -> list[tuple[int, list[CampaignSummaryView]]]:
        """Every campaign's summary grouped by year, newest first."""
        ordered = sorted(self._summaries(renderer), key=lambda item: (item[0].year, item[0].sort_date, item[0].id), reverse=True)
        summaries = self._shown(pick, ordered)
        return [(year, list(items)) for year, items in groupby(summaries, key=lambda s: s.year)]

    def listing_page(self, renderer: LocaleRenderer) -> GeneratedPage:
        """The list of all campaigns, newest year first, with filters by year, city and status."""
        url = page_url(renderer.site_locale, CAMPAIGNS)
        pick = TextPicker(renderer, self.default_locale)
        years = self._by_year(renderer, pick)
        summaries = [summary for _, items in years for summary in items]
        filters = listing_filters(renderer, summaries)
        title = renderer.gettext("All campaigns")
        body = self._render(renderer, "listing.html", url, years=years, filters=filters, notes=translation_notes(pick))
        text = _page_text(title, title, body, self._head(renderer, url))
        return GeneratedPage(CAMPAIGNS, renderer.site_locale, source_path(renderer.site_locale, CAMPAIGNS), text, True)

    def archive_pages(self, renderer: LocaleRenderer) -> Iterator[GeneratedPage]:
        """One page per year with that year's campaigns."""
        pick = TextPicker(renderer, self.default_locale)
        for year, items in self._by_year(renderer, pick):
            key = archive_key(year)
            url = page_url(renderer.site_locale, key)
            title = renderer.gettext("Campaigns of %(year)s") % {"year": year}
            body = self._render(renderer, "archive.html", url, year=year, items=items, notes=translation_notes(pick))
            text = _page_text(title, title, body, self._head(renderer, url))
            yield GeneratedPage(key, renderer.site_locale, source_path(renderer.site_locale, key), text, False)

    def home_page(self, renderer: LocaleRenderer) -> GeneratedPage:
        """A locale's home: the next World Blood Donor Day, this year's theme, what is coming up, recent results, a slogan."""
        url = page_url(renderer.site_locale, HOME)
        today = self.options.today
        pick = TextPicker(renderer, self.default_locale)
        event_picks: dict[str, TextPicker] = {}
        upcoming = build_upcoming_events(renderer, self.content, today, event_picks)
        for event_pick in event_picks.values():
            pick.absorb(event_pick)
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
        title = renderer.gettext("Blood donation campaigns")
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
            notes=translation_notes(pick),
        )
        description = renderer.gettext("Blood drives, World Blood Donor Day events and their results.")
        text = _page_text(title, description, body, self._head(renderer, url))
        return GeneratedPage(HOME, renderer.site_locale, source_path(renderer.site_locale, HOME), text, True)

    def slogans_page(self, renderer: LocaleRenderer) -> GeneratedPage:
        """All slogans in the reader's language."""
        assert self.content.slogans is not None
        url = page_url(renderer.site_locale, SLOGANS)
        pick = TextPicker(renderer, self.content.slogans.source_language)
        groups = build_slogan_groups(renderer, self.content.slogans, pick)
        title = renderer.gettext("Slogans")
        body = self._render(renderer, "slogans.html", url, groups=groups, notes=translation_notes(pick))
        text = _page_text(title, title, body, self._head(renderer, url))
        return GeneratedPage(SLOGANS, renderer.site_locale, source_path(renderer.site_locale, SLOGANS), text, True)

    def root_page(self) -> GeneratedPage:
        """``/``: offers every locale, the default one first."""
        renderer = self.renderers[self.default_locale]
        ordered = sorted(LOCALES, key=lambda site_locale: site_locale.code != self.default_locale)
        choices = [(site_locale, page_url(site_locale, HOME)) for site_locale in ordered]
        body = renderer.environment.get_template("root.html").render(choices=choices)
        title = renderer.gettext("Blood donation campaigns")
        text = _page_text(title, title, body)
        return GeneratedPage(HOME, None, "index.md", text, False)
