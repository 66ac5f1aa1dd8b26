"""Atom feeds (RFC 4287): one per locale, one entry per campaign, most recently changed first.

Written with ElementTree, which escapes every text and attribute. Stamps
come from the campaigns' last change, so the feed only changes when the
content does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date
from functools import partial
from xml.etree import ElementTree as ET

from donorsite.content.loading import CampaignEntry, SiteContent
from donorsite.content.options import GeneratedFile, SiteOptions
from donorsite.core.addresses import HOME, SUPPLY, campaign_page_address, feed_url, page_url
from donorsite.exports.event_texts import organizing_organisers
from donorsite.localize.picking import TextPicker, campaign_picker
from donorsite.localize.services import LocaleServices
from donorsite.localize.texts import LocalText
from donorsite.model.supply import SupplyFile
from donorsite.render.centre_labels import blood_type_name
from donorsite.render.labels import KIND_LABELS

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

ET.register_namespace("", ATOM)


def _atom(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _timestamp(day: date) -> str:
    """An RFC 3339 date-time at midnight UTC of ``day``."""
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _atom(name), attributes)
    element.text = text
    return element


def _add_text(parent: ET.Element, name: str, text: LocalText, feed_language: str) -> None:
    """A text construct, marked with its own language when it is not the feed's (a fallback)."""
    element = _add(parent, name, text.text, type="text")
    if text.lang != feed_language:
        element.set(XML_LANG, text.lang)


def _add_authors(parent: ET.Element, pick: TextPicker, entry: CampaignEntry) -> None:
    """The organisations running the campaign; without any, the feed's author (the site) stands."""
    for organiser in organizing_organisers(entry.campaign):
        author = _add(parent, "author")
        _add(author, "name", pick(organiser.name).text)
        if organiser.url:
            _add(author, "uri", organiser.url)


def _add_entry(feed: ET.Element, entry: CampaignEntry, renderer: LocaleServices, options: SiteOptions) -> None:
    """One campaign as an Atom entry; the page address is its id and its link."""
    campaign = entry.campaign
    language = renderer.site_locale.code
    pick = campaign_picker(renderer, campaign)
    page = campaign_page_address(options.base_url, renderer.site_locale, entry.id)
    element = _add(feed, "entry")
    _add(element, "id", page)
    _add_text(element, "title", pick(campaign.title), language)
    _add(element, "updated", _timestamp(entry.updated))
    if campaign.published:
        _add(element, "published", _timestamp(campaign.published))
    _add_authors(element, pick, entry)
    _add(element, "link", rel="alternate", type="text/html", hreflang=language, href=page)
    _add(element, "category", term=campaign.kind.value, label=renderer.gettext(KIND_LABELS[campaign.kind]))
    _add_text(element, "summary", pick(campaign.summary), language)


def _appeal_stamp(supply: SupplyFile) -> str:
    return supply.measured_instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add_appeal(feed: ET.Element, supply: SupplyFile, renderer: LocaleServices, options: SiteOptions, several: bool) -> None:
    """A centre's supply appeal as an Atom entry (issue 17); a new count of the stock makes a new entry id.

    With ``several`` centres, the id and the link name the centre (its section of the supply page).
    """
    assert supply.appeal is not None
    language = renderer.site_locale.code
    pick = TextPicker(renderer, supply.source_language)
    page = options.base_url + page_url(renderer.site_locale, SUPPLY)
    measured = supply.measured_instant.astimezone(UTC)
    centre = f"-{supply.centre_id}" if several and supply.centre_id else ""
    element = _add(feed, "entry")
    _add(element, "id", f"{page}#appeal{centre}-{measured:%Y%m%dT%H%MZ}")
    title = renderer.gettext("Appeal: blood type %(types)s needed") % {
        "types": renderer.formatter.items([blood_type_name(renderer.gettext, t) for t in supply.appeal.types])
    }
    _add(element, "title", title, type="text")
    _add(element, "updated", _appeal_stamp(supply))
    _add(_add(element, "author"), "name", pick(supply.centre).text)
    _add(element, "link", rel="alternate", type="text/html", hreflang=language, href=f"{page}#appeal{centre}" if centre else page)
    _add(element, "category", term="appeal", label=renderer.gettext("Appeal"))
    _add_text(element, "summary", pick(supply.appeal.text), language)


_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"


def newest_first(entries: Sequence[CampaignEntry]) -> list[CampaignEntry]:
    """Campaigns by last change, most recent first; ties by id."""
    by_id = sorted(entries, key=lambda entry: entry.id)
    return sorted(by_id, key=lambda entry: entry.updated, reverse=True)


def atom_feed(
    entries: Sequence[CampaignEntry], renderer: LocaleServices, options: SiteOptions, supplies: Sequence[SupplyFile] = ()
) -> bytes:
    """The locale's Atom feed document, UTF-8 with an XML declaration: the campaigns and every centre's appeal."""
    site_locale = renderer.site_locale
    site_name = renderer.site_name()
    ordered = newest_first(entries)
    feed = ET.Element(_atom("feed"), {XML_LANG: site_locale.code})
    self_link = options.base_url + feed_url(site_locale)
    _add(feed, "id", self_link)
    _add(feed, "title", site_name, type="text")
    _add(feed, "subtitle", renderer.gettext("Blood drives, World Blood Donor Day events and their results."), type="text")
    appealing = [supply for supply in supplies if supply.appeal is not None]
    counted = [supply.measured_instant.astimezone(UTC).date() for supply in appealing]
    newest = max([ordered[0].updated if ordered else options.today, *counted])
    _add(feed, "updated", _timestamp(newest))
    _add(_add(feed, "author"), "name", site_name)
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_link)
    _add(feed, "link", rel="alternate", type="text/html", hreflang=site_locale.code, href=options.base_url + page_url(site_locale, HOME))
    _add(feed, "generator", "donorsite")
    # The appeal (issue 17) takes its place among the campaigns by the time its stock was counted.
    items: list[tuple[str, Callable[[], None]]] = [
        (_timestamp(entry.updated), partial(_add_entry, feed, entry, renderer, options)) for entry in ordered
    ]
    several = len(supplies) > 1
    items += [(_appeal_stamp(supply), partial(_add_appeal, feed, supply, renderer, options, several)) for supply in appealing]
    for _, add in sorted(items, key=lambda item: item[0], reverse=True):
        add()
    ET.indent(feed)
    # The same bytes as ET.tostring(feed, encoding="utf-8", xml_declaration=True), several times faster:
    # ElementTree's byte output passes every piece through a text encoder of its own.
    return (_DECLARATION + ET.tostring(feed, encoding="unicode") + "\n").encode("utf-8")


def feed_files(content: SiteContent, renderer: LocaleServices, options: SiteOptions) -> Iterator[GeneratedFile]:
    """The locale's feed at ``/<prefix>/feed.xml``."""
    yield GeneratedFile(feed_url(renderer.site_locale), atom_feed(content.campaigns, renderer, options, content.supplies))
