"""Atom feeds per locale, read back as a feed reader reads them."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser

from donorsite.content.loading import SiteContent
from donorsite.core.locales import LOCALES
from export_readers import (
    ATOM,
    DUONG_KINH,
    JIAYUGUAN,
    SITE_URL,
    XML_LANG,
    page_of,
    site_name,
)


def test_feeds_parse_and_link_to_every_campaign(built_site: Path, sample_content: SiteContent) -> None:
    for site_locale in LOCALES:
        path = built_site / site_locale.prefix / "feed.xml"
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.feed.title == site_name(site_locale)
        assert parsed.feed.language == site_locale.code
        links = {link.rel: link.href for link in parsed.feed.links}
        assert links["self"] == f"{SITE_URL}{site_locale.prefix}/feed.xml"
        expected = {f"{SITE_URL}{site_locale.prefix}/campaigns/{entry.id}/" for entry in sample_content.campaigns}
        # The supply appeal (issue 17) is an entry too, linking to the supply page.
        expected.add(f"{SITE_URL}{site_locale.prefix}/supply/")
        assert {entry.link for entry in parsed.entries} == expected
        assert all(page_of(built_site, entry.link).is_file() for entry in parsed.entries)
        campaigns = [entry for entry in parsed.entries if "/campaigns/" in entry.link]
        assert all(entry.id == entry.link and entry.title and entry.summary for entry in campaigns)
        updated = [entry.updated_parsed for entry in parsed.entries]
        assert updated == sorted(updated, reverse=True)


def test_feed_is_well_formed_atom_with_rfc_3339_stamps(built_site: Path, sample_content: SiteContent) -> None:
    root = ET.parse(built_site / "vi" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed" and root.get(XML_LANG) == "vi"
    stamps = [element.text or "" for element in root.iter(f"{ATOM}updated")]
    assert stamps and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", stamp) for stamp in stamps)
    entries = {entry.findtext(f"{ATOM}id"): entry for entry in root.findall(f"{ATOM}entry")}
    duong_kinh = entries[f"{SITE_URL}vi/campaigns/{DUONG_KINH}/"]
    assert duong_kinh.findtext(f"{ATOM}updated") == f"{sample_content.campaign(DUONG_KINH).updated.isoformat()}T00:00:00Z"
    title = duong_kinh.find(f"{ATOM}title")
    assert title is not None and title.text == "Ngày hội hiến máu tình nguyện quận Dương Kinh 2022" and title.get(XML_LANG) is None
    # A campaign not written in Vietnamese shows its English title (English before the Chinese source), marked as such.
    fallback = entries[f"{SITE_URL}vi/campaigns/{JIAYUGUAN}/"].find(f"{ATOM}title")
    assert fallback is not None and fallback.get(XML_LANG) == "en"
