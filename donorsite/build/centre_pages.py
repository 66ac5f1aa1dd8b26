"""The generated pages of the blood service: supply levels and donation sites (issue 17), on the builders' shared base."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from donorsite.build.page_plan import PageJob, PagePlan, page_text, plan_page
from donorsite.content.loading import SiteContent
from donorsite.content.options import SiteOptions
from donorsite.content.rebuild_memory import RebuildMemory, kept
from donorsite.core.addresses import SITES, SUPPLY, feed_url, page_url, relative_url, site_key
from donorsite.core.locales import SiteLocale
from donorsite.exports.centre_data import site_structured_data
from donorsite.localize.picking import TextPicker, translation_notes
from donorsite.render.context import Anchors, LocaleRenderer
from donorsite.render.donation_site_view import build_site_view
from donorsite.render.page_head import PageHead
from donorsite.render.supply_alerts import centres_of_site, every_centre
from donorsite.render.supply_view import SupplyView, build_supply_view


class PageBase:
    """What every page builder shares: the content, the renderers, the options, and rendering a template."""

    def __init__(
        self, content: SiteContent, renderers: dict[str, LocaleRenderer], options: SiteOptions, memory: RebuildMemory | None = None
    ) -> None:
        self.content = content
        self.renderers = renderers
        self.options = options
        self.default_locale = options.default_locale
        # A preview's rebuilds reuse what was made from the same inputs (see ``rebuild_memory``).
        self.memory = memory

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


class CentrePages(PageBase):
    """The supply page, the list of donation sites and one page per site."""

    def _centre_jobs(self, site_locale: SiteLocale, renderer: LocaleRenderer) -> Iterator[PageJob]:
        if self.content.supply:
            yield self._context_job(plan_page(site_locale, SUPPLY, True), partial(self.supply_page, renderer))
        if self.content.sites:
            yield self._context_job(plan_page(site_locale, SITES, True), partial(self.sites_page, renderer))
            for _, site in self.content.sites.all_sites():
                yield self._context_job(plan_page(site_locale, site_key(site.id), False), partial(self.site_page, renderer, site.id))

    def _context_job(self, plan: PagePlan, render: Callable[[], str], inputs: tuple[object, ...] = ()) -> PageJob:
        """The job of a page made from ``inputs`` and the build's context alone (no campaign unless given): kept by a preview."""
        return plan, partial(kept, self.memory, ("page", plan.source_path), inputs, render)

    def supply_views(self, renderer: LocaleRenderer) -> list[tuple[str, SupplyView]]:
        """(centre id or "", figures) of every centre that publishes its stock, in ``renderer``'s locale."""
        stale_after = self.options.supply_stale_after_days
        return [
            (supply.centre_id or "", build_supply_view(renderer, supply, self.options.today, stale_after))
            for supply in self.content.supplies
        ]

    def supply_page(self, renderer: LocaleRenderer) -> str:
        """Each centre's stock of each blood type, when it was counted and how old that is, its appeal and thresholds."""
        url = page_url(renderer.site_locale, SUPPLY)
        views = self.supply_views(renderer)
        pick = TextPicker(renderer, self.content.supplies[0].source_language)
        for supply in self.content.supplies:
            pick(supply.centre)
        title = renderer.gettext("Blood supply")
        body = self._render(renderer, "supply.html", url, views=views, sites_key=SITES, notes=translation_notes(pick))
        description = renderer.gettext("Blood stock by type, as of %(time)s.") % {"time": views[0][1].measured_text}
        return page_text(title, description, body, self._head(renderer, url), supply_centres=every_centre(self.content))

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
        return page_text(title, description, body, self._head(renderer, url), supply_centres=every_centre(self.content))

    def site_page(self, renderer: LocaleRenderer, site_id: str) -> str:
        """One donation site: today's state, address and map links, the week's hours and changed hours."""
        sites = self.content.sites
        assert sites is not None
        centre, site = next((centre, site) for centre, site in sites.all_sites() if site.id == site_id)
        url = page_url(renderer.site_locale, site_key(site_id))
        pick = TextPicker(renderer, sites.source_language)
        view = build_site_view(renderer, centre, site, sites.source_language, self.options.today)
        supply = self.content.supply_of(centre.id)
        stock = build_supply_view(renderer, supply, self.options.today, self.options.supply_stale_after_days) if supply else None
        body = self._render(renderer, "site.html", url, view=view, stock=stock, supply_key=SUPPLY, notes=translation_notes(pick))
        head = self._head(renderer, url, structured_data=site_structured_data(sites, centre, site, renderer.services(), self.options))
        return page_text(view.name.text, view.place_text, body, head, supply_centres=centres_of_site(self.content, site_id))
