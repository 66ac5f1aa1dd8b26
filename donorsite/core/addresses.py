"""The URL contract of the site; other systems link to these addresses.

* ``/<prefix>/`` is a locale's home page;
* ``/<prefix>/campaigns/`` lists its campaigns;
* ``/<prefix>/campaigns/<id>/`` is one campaign, ``<id>`` being the YAML file stem;
* ``/<prefix>/slogans/`` lists the slogans;
* ``/<prefix>/archive/<year>/`` lists one year's campaigns;
* ``/<prefix>/404.html`` is the locale's "page not found" page (``/404.html`` offers every locale);
* ``/`` leads to the default locale and offers the others;
* ``/<prefix>/campaigns/<id>/qr.svg`` is the QR code of the campaign page's address;
* ``/<prefix>/campaigns/<id>/event-<n>.ics`` is the calendar file of a campaign's n-th event (from 1);
* ``/<prefix>/calendar.ics`` is a subscribable calendar of all events, ``/<prefix>/feed.xml`` an Atom feed;
* ``/api/events.json`` lists every event in every locale (``schemas/events-api.schema.json``);
* ``/<prefix>/supply/`` shows the blood supply by type, ``/<prefix>/sites/`` the permanent donation
  sites and ``/<prefix>/sites/<id>/`` one site; ``/api/supply.json`` and ``/api/sites.json`` carry them as data;
* ``/<prefix>/eligibility/`` is the "may I give?" self-check, ``/<prefix>/first-time/`` the page for first-time donors.

A page is named by a locale-independent *key* (``campaigns/<id>``); the
same key in another locale is the same page in another language.
"""

from __future__ import annotations

import posixpath

from donorsite.core.locales import SiteLocale

HOME = ""
CAMPAIGNS = "campaigns"
SLOGANS = "slogans"
EVENTS_API = "api/events.json"
ARCHIVE = "archive"
NOT_FOUND = "404"
# The blood service's pages and data (issue 17).
SUPPLY = "supply"
SITES = "sites"
SUPPLY_API = "api/supply.json"
SITES_API = "api/sites.json"
# The citizen's questions (issue 21).
ELIGIBILITY = "eligibility"
FIRST_TIME = "first-time"


def campaign_key(campaign_id: str) -> str:
    """The page key of a campaign."""
    return f"{CAMPAIGNS}/{campaign_id}"


def site_key(site_id: str) -> str:
    """The page key of a permanent donation site (``sites/<id>``)."""
    return f"{SITES}/{site_id}"


def page_url(locale: SiteLocale | None, key: str) -> str:
    """The site-relative URL of page ``key`` in ``locale`` (None for the root), e.g. ``vi/campaigns/x/``."""
    parts = [part for part in ((locale.prefix if locale else ""), key) if part]
    return "/".join(parts) + "/" if parts else ""


def source_path(locale: SiteLocale | None, key: str) -> str:
    """The Markdown path that MkDocs turns into ``page_url(locale, key)``."""
    url = page_url(locale, key)
    return f"{url}index.md" if url else "index.md"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to the page at ``to_url`` (both site-relative)."""
    relative = posixpath.relpath("/" + to_url, "/" + from_url)
    if relative == ".":
        return "./"
    return relative + "/" if to_url.endswith("/") or to_url == "" else relative


def key_of_source_path(path: str) -> tuple[str, str]:
    """Split a Markdown path under ``docs/`` into (locale prefix, page key).

    ``vi/about.md`` gives ``("vi", "about")``; ``en/index.md`` gives ``("en", "")``.
    """
    parts = path.split("/")
    prefix, rest = (parts[0], parts[1:]) if len(parts) > 1 else ("", parts)
    stem = "/".join(rest)
    if stem == "index.md":
        return prefix, ""
    for suffix in ("/index.md", ".md"):
        if stem.endswith(suffix):
            return prefix, stem[: -len(suffix)]
    return prefix, stem


def archive_key(year: int) -> str:
    """The page key of the archive of one year's campaigns (``archive/2022``)."""
    return f"{ARCHIVE}/{year}"


QR_CODE_FILE = "qr.svg"


def qr_code_url(locale: SiteLocale, campaign_id: str) -> str:
    """The site-relative URL of the QR code of a campaign page's public address."""
    return f"{page_url(locale, campaign_key(campaign_id))}{QR_CODE_FILE}"


def event_calendar_url(locale: SiteLocale, campaign_id: str, event_index: int) -> str:
    """The site-relative URL of the ``.ics`` file of a campaign's event (``event_index`` from 0)."""
    return f"{page_url(locale, campaign_key(campaign_id))}event-{event_index + 1}.ics"


def locale_calendar_url(locale: SiteLocale) -> str:
    """The site-relative URL of the locale's calendar of all events."""
    return f"{locale.prefix}/calendar.ics"


def feed_url(locale: SiteLocale) -> str:
    """The site-relative URL of the locale's Atom feed."""
    return f"{locale.prefix}/feed.xml"


def campaign_page_address(base_url: str, locale: SiteLocale, campaign_id: str) -> str:
    """The absolute address of a campaign page, as shared and printed."""
    return base_url + page_url(locale, campaign_key(campaign_id))
