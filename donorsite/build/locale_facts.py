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
from donorsite.render.context import LocaleRenderer
from donorsite.render.supply_view import build_supply_view


@dataclass(frozen=True)
class LocaleFacts:
    """One locale's site name, its "page not found" label and its site-wide supply banner ("" when no type is critical)."""

    site_name: str
    not_found: str
    supply_banner: str


def locale_facts(content: SiteContent, renderers: dict[str, LocaleRenderer], options: SiteOptions) -> dict[str, LocaleFacts]:
    """The facts of every locale, by locale code."""
    return {
        site_locale.code: LocaleFacts(
            renderers[site_locale.code].site_name(),
            renderers[site_locale.code].gettext("Page not found"),
            _supply_banner(content, renderers[site_locale.code], options),
        )
        for site_locale in LOCALES
    }


def _supply_banner(content: SiteContent, renderer: LocaleRenderer, options: SiteOptions) -> str:
    """The banner shown on every page while a blood type is critical; its links are absolute paths, one text for every page."""
    supply = content.supply
    if supply is None or not supply.critical_types():
        return ""
    view = build_supply_view(renderer, supply, options.today, options.supply_stale_after_days)
    base = urlsplit(options.base_url).path
    macros = renderer.environment.get_template("_supply.html").module
    site_locale = renderer.site_locale
    return str(macros.supply_banner(view, base + page_url(site_locale, SUPPLY), base + page_url(site_locale, SITES)))  # type: ignore[attr-defined]
