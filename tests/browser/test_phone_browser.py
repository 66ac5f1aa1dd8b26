"""A reader on a 360 px phone, in headless Chromium: nothing from other hosts, no failed request, no sideways scrolling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.numbers import format_decimal

from conftest import needs_chromium
from donorsite.core.locales import LOCALES

pytestmark = needs_chromium
PHONE = {"width": 360, "height": 740}
PAGES = [("", "home"), ("campaigns/2022-duong-kinh-donation-day/", "results"), ("campaigns/2027-wbdd-suzhou-square/", "planned")]


def visit(tabs, url: str, now: dt.datetime | None = None):  # type: ignore[no-untyped-def]
    """Open ``url`` on a phone-sized tab; return the tab and the problems its requests met (``tabs.done`` gives it back)."""
    page = tabs.take(now=now, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    local = urlsplit(url).netloc
    problems: list[str] = []

    def on_request(request) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(request.url).netloc not in (local, "") and not request.url.startswith("data:"):
            problems.append(f"other host: {request.url}")

    def on_failed(request) -> None:  # type: ignore[no-untyped-def]
        problems.append(f"failed: {request.url} {request.failure}")

    def on_response(response) -> None:  # type: ignore[no-untyped-def]
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    for event, listener in (("request", on_request), ("requestfailed", on_failed), ("response", on_response)):
        tabs.listen(page, event, listener)
    page.goto(url, wait_until="networkidle")
    return page, problems


@pytest.mark.parametrize("site_locale", LOCALES, ids=[site_locale.prefix for site_locale in LOCALES])
@pytest.mark.parametrize(("key", "kind"), PAGES, ids=[kind for _, kind in PAGES])
def test_page_loads_fully_from_the_site_alone_and_fits_a_phone(tabs, site_url: str, site_locale, key: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    page, problems = visit(tabs, f"{site_url}{site_locale.prefix}/{key}")
    try:
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert problems == []
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
        if kind == "home":
            today = dt.date.today()
            target = dt.date(today.year, 6, 14) if today <= dt.date(today.year, 6, 14) else dt.date(today.year + 1, 6, 14)
            days = page.get_attribute(".countdown", "data-days")
            assert days == str((target - today).days)
            assert format_decimal((target - today).days, locale=site_locale.babel) in page.inner_text(".countdown__text")
    finally:
        tabs.done(page)


@pytest.mark.parametrize(
    ("now", "days", "iso"),
    [
        (dt.datetime(2027, 6, 10, 9, 0), "4", "2027-06-14"),
        (dt.datetime(2027, 6, 14, 20, 0), "0", "2027-06-14"),
        (dt.datetime(2027, 6, 15, 8, 0), "365", "2028-06-14"),
    ],
)
def test_countdown_stays_true_long_after_the_build(tabs, site_url: str, now: dt.datetime, days: str, iso: str) -> None:  # type: ignore[no-untyped-def]
    page, _ = visit(tabs, f"{site_url}en/", now)
    try:
        assert page.get_attribute(".countdown", "data-days") == days
        assert page.get_attribute(".countdown__date", "datetime") == iso
        text = page.inner_text(".countdown__text")
        expected = (
            "Today is World Blood Donor Day" if days == "0" else f"{days} {'day' if days == '1' else 'days'} to World Blood Donor Day"
        )
        assert text == expected
        vi_page, _ = visit(tabs, f"{site_url}vi/", now)
        assert vi_page.inner_text(".countdown__text").startswith("Còn 4 ngày" if days == "4" else "")
        tabs.done(vi_page)
    finally:
        tabs.done(page)


@pytest.mark.parametrize(
    ("prefix", "text"), [("en", "Wednesday 14 June 2028"), ("zh-hans", "2028年6月14日（星期三）"), ("vi", "Thứ Tư, ngày 14/6/2028")]
)
def test_countdown_writes_the_following_year_by_the_sites_date_rules(tabs, site_url: str, prefix: str, text: str) -> None:  # type: ignore[no-untyped-def]
    # Issue 23: one date form on every page, also when the browser moves the countdown to the next year.
    page, _ = visit(tabs, f"{site_url}{prefix}/", dt.datetime(2027, 6, 15, 8, 0))
    try:
        assert page.inner_text(".countdown__date") == text
    finally:
        tabs.done(page)


def test_listing_filters_by_city_and_status_without_a_server(tabs, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page, problems = visit(tabs, f"{site_url}en/campaigns/")
    try:
        total = page.locator(".campaign-card:visible").count()
        page.select_option("select[name=city]", "vietnam-hai-phong")
        visible = page.locator(".campaign-card:visible")
        assert visible.count() == 1 and "Dương Kinh" in visible.inner_text()
        assert "city=" in page.url
        page.select_option("select[name=city]", "")
        page.select_option("select[name=status]", "planned")
        assert 0 < page.locator(".campaign-card:visible").count() < total
        assert all(s == "planned" for s in page.locator(".campaign-card:visible").evaluate_all("cards => cards.map(c => c.dataset.status)"))
        assert problems == []
    finally:
        tabs.done(page)


def test_campaign_page_prints_as_a_notice(tabs, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page, _ = visit(tabs, f"{site_url}zh-hans/campaigns/2027-wbdd-suzhou-square/")
    try:
        page.emulate_media(media="print")
        assert not page.is_visible(".md-header") and not page.is_visible(".md-sidebar--primary")
        # The notice's first block is the key facts with the QR code; the "Share" section is not printed twice.
        assert page.is_visible(".key-facts .key-facts__qr") and page.is_visible("table.schedule")
        assert not page.is_visible(".qr-code__image")
        qr = page.locator(".key-facts__qr").bounding_box()
        assert qr is not None and qr["y"] + qr["height"] < 1000, "the QR code is not near the top of the first page"
        assert not page.is_visible(".share-links")
        assert len(page.pdf(format="A4")) > 10_000
    finally:
        tabs.done(page)


def test_locale_404_page_works_at_a_deep_missing_address(tabs, built_site: Path) -> None:  # type: ignore[no-untyped-def]
    """Served for a missing address, as nginx's error_page does, the page still finds its styles and links home."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class NotFoundHandler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code != 404:
                return super().send_error(code, message, explain)
            body = (built_site / "vi" / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(NotFoundHandler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        page, problems = visit(tabs, f"{base}vi/campaigns/no-such-campaign/")
        assert [problem for problem in problems if "no-such-campaign" not in problem] == []
        page.click("text=Về trang chủ")
        page.wait_for_url(f"{base}vi/")
        tabs.done(page)
    finally:
        server.shutdown()
