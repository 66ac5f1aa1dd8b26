"""Every generated page of the site, as Markdown with front matter.

The output is engine-neutral: a path under ``docs/`` and the page's text.
MkDocs receives it through the hooks; another engine could read the same
pages from a folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

import yaml

from donorsite.loading import SiteContent
from donorsite.locales import LOCALES, SiteLocale
from donorsite.model.campaign import CampaignStatus
from donorsite.render.context import LocaleRenderer
from donorsite.render.views import (
    TextPicker,
    build_campaign_summary,
    build_campaign_view,
    translation_notes,
)
from donorsite.site.urls import CAMPAIGNS, HOME, SLOGANS, campaign_key, page_url, relative_url, source_path


@dataclass(frozen=True)
class GeneratedPage:
    """One page to add to the site."""

    key: str
    locale: SiteLocale | None
    source_path: str
    text: str
    in_navigation: bool

    @property
    def url(self) -> str:
        """The site-relative URL of the page."""
        return page_url(self.locale, self.key)


def _page_text(title: str, description: str, locale_code: str, body: str) -> str:
    front_matter = yaml.safe_dump(
        {"title": title, "description": description, "locale": locale_code},
        allow_unicode=True,
        sort_keys=True,
        width=1_000_000,
    )
    return f"---\n{front_matter}---\n\n{_blocks(body)}\n"


def _blocks(body: str) -> str:
    """Markdown headings on lines of their own between HTML blocks without inner blank lines.

    A blank line inside a raw HTML block would end it early, so blank lines
    are kept only around Markdown headings.
    """
    lines: list[str] = []
    for line in body.splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            lines += ["", line, ""]
        else:
            lines.append(line)
    return "\n".join(lines).strip("\n")


class SitePageBuilder:
    """Renders the generated pages of every locale from the loaded content."""

    def __init__(self, content: SiteContent, renderers: dict[str, LocaleRenderer], default_locale: str) -> None:
        self.content = content
        self.renderers = renderers
        self.default_locale = default_locale

    def pages(self) -> Iterator[GeneratedPage]:
        """All generated pages: the root, then each locale's pages."""
        yield self.root_page()
        for site_locale in LOCALES:
            renderer = self.renderers[site_locale.code]
            yield self.home_page(renderer)
            yield self.listing_page(renderer)
            if self.content.slogans:
                yield self.slogans_page(renderer)
            for entry in self.content.campaigns:
                yield self.campaign_page(renderer, entry.id)

    def _render(self, renderer: LocaleRenderer, template: str, url: str, **values: object) -> str:
        def link(locale_prefix_key: str) -> str:
            return relative_url(url, page_url(renderer.site_locale, locale_prefix_key))

        return renderer.environment.get_template(template).render(link=link, **values)

    def campaign_page(self, renderer: LocaleRenderer, campaign_id: str) -> GeneratedPage:
        """One campaign's page in the renderer's locale."""
        entry = self.content.campaign(campaign_id)
        key = campaign_key(campaign_id)
        url = page_url(renderer.site_locale, key)
        view = build_campaign_view(renderer, entry)
        body = self._render(renderer, "campaign.html", url, view=view)
        text = _page_text(view.title.text, view.summary.text, renderer.site_locale.code, body)
        return GeneratedPage(key, renderer.site_locale, source_path(renderer.site_locale, key), text, False)

    def _summaries(self, renderer: LocaleRenderer, pick: TextPicker) -> list:  # type: ignore[type-arg]
        return [build_campaign_summary(renderer, entry, pick) for entry in self.content.campaigns]

    def listing_page(self, renderer: LocaleRenderer) -> GeneratedPage:
        """The list of all campaigns, newest year first."""
        url = page_url(renderer.site_locale, CAMPAIGNS)
        pick = TextPicker(renderer, self.default_locale)
        summaries = sorted(self._summaries(renderer, pick), key=lambda s: (s.sort_date, s.id), reverse=True)
        years = [(year, list(items)) for year, items in groupby(summaries, key=lambda s: s.year)]
        title = renderer.gettext("All campaigns")
        body = self._render(renderer, "listing.html", url, years=years, notes=translation_notes(pick))
        text = _page_text(title, title, renderer.site_locale.code, body)
        return GeneratedPage(CAMPAIGNS, renderer.site_locale, source_path(renderer.site_locale, CAMPAIGNS), text, True)

    def home_page(self, renderer: LocaleRenderer) -> GeneratedPage:
        """A locale's home: what is on now and what recent drives achieved."""
        url = page_url(renderer.site_locale, HOME)
        pick = TextPicker(renderer, self.default_locale)
        summaries = self._summaries(renderer, pick)
        current = [s for s in summaries if s.status in (CampaignStatus.PLANNED.value, CampaignStatus.OPEN.value)]
        finished = [s for s in reversed(summaries) if s.status == CampaignStatus.COMPLETED.value][:6]
        slogan = None
        if self.content.slogans:
            slogan_pick = TextPicker(renderer, self.content.slogans.source_language)
            slogan = slogan_pick(self.content.slogans.slogans[0].text)
            pick.fallback_languages |= slogan_pick.fallback_languages
            pick.converted = pick.converted or slogan_pick.converted
        title = renderer.gettext("Blood donation campaigns")
        body = self._render(
            renderer,
            "home.html",
            url,
            current=current,
            finished=finished,
            slogan=slogan,
            has_slogans=self.content.slogans is not None,
            notes=translation_notes(pick),
        )
        description = renderer.gettext("Blood drives, World Blood Donor Day events and their results.")
        text = _page_text(title, description, renderer.site_locale.code, body)
        return GeneratedPage(HOME, renderer.site_locale, source_path(renderer.site_locale, HOME), text, True)

    def slogans_page(self, renderer: LocaleRenderer) -> GeneratedPage:
        """All slogans in the reader's language."""
        assert self.content.slogans is not None
        url = page_url(renderer.site_locale, SLOGANS)
        pick = TextPicker(renderer, self.content.slogans.source_language)
        slogans = [(pick(slogan.text), slogan.tags, slogan.theme_year) for slogan in self.content.slogans.slogans]
        title = renderer.gettext("Slogans")
        body = self._render(renderer, "slogans.html", url, slogans=slogans, notes=translation_notes(pick))
        text = _page_text(title, title, renderer.site_locale.code, body)
        return GeneratedPage(SLOGANS, renderer.site_locale, source_path(renderer.site_locale, SLOGANS), text, True)

    def root_page(self) -> GeneratedPage:
        """``/``: offers every locale, the default one first."""
        renderer = self.renderers[self.default_locale]
        ordered = sorted(LOCALES, key=lambda site_locale: site_locale.code != self.default_locale)
        choices = [(site_locale, page_url(site_locale, HOME)) for site_locale in ordered]
        body = renderer.environment.get_template("root.html").render(choices=choices)
        title = renderer.gettext("Blood donation campaigns")
        text = _page_text(title, title, self.default_locale, body)
        return GeneratedPage(HOME, None, "index.md", text, False)
