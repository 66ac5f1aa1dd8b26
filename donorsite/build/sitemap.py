"""Sitemaps that carry each page's language alternates (hreflang)."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from donorsite.core.locales import LOCALES


@dataclass(frozen=True)
class SitemapEntry:
    """A page's URL and its alternates as (hreflang, URL), all site-relative."""

    url: str
    alternates: tuple[tuple[str, str], ...]


def render_sitemap(entries: Iterable[SitemapEntry], site_url: str) -> str:
    """A sitemap with ``xhtml:link`` alternates; URLs are made absolute with ``site_url``."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in sorted(entries, key=lambda entry: entry.url):
        lines.append(f"  <url><loc>{_escape(base + entry.url)}</loc>")
        for hreflang, url in entry.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} href={quoteattr(base + url)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    with gzip.GzipFile(str(path) + ".gz", "wb", mtime=0) as compressed:
        compressed.write(text.encode("utf-8"))


def write_sitemaps(site_dir: Path, entries: list[SitemapEntry], site_url: str) -> None:
    """Write the site's ``sitemap.xml`` and one per locale folder (where Material's script looks)."""
    _write(site_dir / "sitemap.xml", render_sitemap(entries, site_url))
    for site_locale in LOCALES:
        own = [entry for entry in entries if entry.url.startswith(site_locale.prefix + "/")]
        _write(site_dir / site_locale.prefix / "sitemap.xml", render_sitemap(own, site_url))
