"""What the engine adapter needs from a locale's renderer besides pages: its site name, labels, the supply banner.

Made where the renderers are (this process or the page worker) and sent to
the adapter as plain data, so that the adapter's process never builds the
renderers a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from donorsite.content.loading import SiteContent
from donorsite.content.options import SiteOptions
from donorsite.core.addresses import SITES, SUPPLY, page_url
from donorsite.core.locales import LOCALES
from donorsite.localize.services import LABELLED
from donorsite.model.supply import SupplyFile
from donorsite.render.context import LocaleRenderer
from donorsite.render.supply_alerts import centre_city
from donorsite.render.supply_view import build_supply_view


@dataclass(frozen=True)
class LocaleFacts:
    """One locale's site name, its "page not found" label, each centre's supply banner (by centre id; "" when none shows)
    and what the search box says when its index cannot be loaded (no connection, or a preview built without one)."""

    site_name: str
    not_found: str
    supply_banners: dict[str, str]
    search_unavailable: str


def locale_facts(content: SiteContent, renderers: dict[str, LocaleRenderer], options: SiteOptions) -> dict[str, LocaleFacts]:
    """The facts of every locale, by locale code."""
    return {
        site_locale.code: LocaleFacts(
            renderers[site_locale.code].site_name(),
            _not_found_label(renderers[site_locale.code]),
            {
                supply.centre_id: _supply_banner(content, supply, renderers[site_locale.code], options)
                for supply in content.supplies
                if supply.centre_id
            },
            renderers[site_locale.code].gettext("Search could not be loaded."),
        )
        for site_locale in LOCALES
    }


def _not_found_label(renderer: LocaleRenderer) -> str:
    """"Page not found" with its locale's colon (``页面不存在：``, ``Page not found: ``), from the catalog's label joiner."""
    return renderer.gettext(LABELLED) % {"label": renderer.gettext("Page not found"), "value": ""}


def _supply_banner(content: SiteContent, supply: SupplyFile, renderer: LocaleRenderer, options: SiteOptions) -> str:
    """A centre's banner while a type is critical and its figures are fresh, naming its city; "" otherwise.

    Its links are absolute paths, so that one text serves every page.
    """
    if not supply.critical_types():
        return ""
    view = build_supply_view(renderer, supply, options.today, options.supply_stale_after_days)
    if view.stale:
        return ""
    sites = content.sites
    centre = next((centre for centre in sites.centres if centre.id == supply.centre_id), None) if sites else None
    city = centre_city(renderer, sites, centre) if centre else None
    base = urlsplit(options.base_url).path
    macros = renderer.environment.get_template("_supply.html").module
    site_locale = renderer.site_locale
    supply_url = base + page_url(site_locale, SUPPLY) + f"#{supply.centre_id}"
    return str(macros.supply_banner(view, supply_url, base + page_url(site_locale, SITES), city))  # type: ignore[attr-defined]
