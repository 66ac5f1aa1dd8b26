"""Pages follow the reader's clock: one build, read before, during and after a drive, in real Chromium.

The sample site is built once as of 29 November 2026; Playwright's clock
then moves the browser to each moment of the Sujin winter drive
(12 December 2026, 08:30-16:00 Asia/Shanghai, i.e. 00:30-08:00 UTC).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from conftest import ROOT, build_site, needs_chromium, serve_directory
from donorsite.content.loading import load_content
from donorsite.content.options import SiteOptions
from donorsite.render.campaign_view import build_campaign_view
from donorsite.render.context import build_renderers

pytestmark = needs_chromium
BUILD_DATE = "2026-11-29"
DRIVE = "2026-12-sujin-winter-drive"
UTC = dt.UTC
BEFORE = dt.datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
MORNING_OF = dt.datetime(2026, 12, 12, 0, 0, tzinfo=UTC)  # 08:00 in Shanghai, half an hour before the start
DURING = dt.datetime(2026, 12, 12, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai
AFTER = dt.datetime(2026, 12, 12, 8, 0, tzinfo=UTC)  # 16:00 in Shanghai: the end


@pytest.fixture(scope="module")
def site_as_built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site built once, as of BUILD_DATE, served on localhost."""
    result = build_site(ROOT, tmp_path_factory.mktemp("as-built"), environment={"DONORSITE_TODAY": BUILD_DATE})
    assert result.succeeded, result.log
    with serve_directory(result.site) as url:
        yield url


def open_at(browser, url: str, now: dt.datetime | None, scripts: bool = True):  # type: ignore[no-untyped-def]
    """A page opened at ``url`` with the browser's clock at ``now``."""
    context = browser.new_context(java_script_enabled=scripts)
    page = context.new_page()
    if now is not None:
        page.clock.install(time=now)
    page.goto(url)
    return page


def campaign_state(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "badge": page.inner_text(".campaign__meta .time-badge"),
        "sign_up": page.locator(".campaign__signup").is_visible(),
        "ended_note": page.locator(".campaign__ended").is_visible(),
    }


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (BEFORE, {"badge": "Upcoming", "sign_up": True, "ended_note": False}),
        (MORNING_OF, {"badge": "Today", "sign_up": True, "ended_note": False}),
        (DURING, {"badge": "On now", "sign_up": True, "ended_note": False}),
        (AFTER, {"badge": "Ended", "sign_up": False, "ended_note": True}),
    ],
    ids=["before", "morning-of", "during", "after"],
)
def test_campaign_page_follows_the_clock(browser, site_as_built: str, now: dt.datetime, expected: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    page = open_at(browser, f"{site_as_built}en/campaigns/{DRIVE}/", now)
    try:
        assert campaign_state(page) == expected
        assert page.locator(".campaign__meta .status-badge").inner_text() == "Confirmed"
    finally:
        page.context.close()


def test_labels_follow_the_clock_in_the_reader_s_language(browser, site_as_built: str) -> None:  # type: ignore[no-untyped-def]
    labels = {"zh-hans": "正在进行", "zh-hant": "進行中", "vi": "Đang diễn ra"}
    for prefix, label in labels.items():
        page = open_at(browser, f"{site_as_built}{prefix}/campaigns/{DRIVE}/", DURING)
        try:
            assert page.inner_text(".campaign__meta .time-badge") == label
        finally:
            page.context.close()


def coming_up(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator(".upcoming__item:visible .upcoming__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")


def test_home_drops_the_drive_from_coming_up_after_its_end(browser, site_as_built: str) -> None:  # type: ignore[no-untyped-def]
    before = open_at(browser, f"{site_as_built}en/", BEFORE)
    after = open_at(browser, f"{site_as_built}en/", AFTER)
    later = open_at(browser, f"{site_as_built}en/", dt.datetime(2027, 6, 15, tzinfo=UTC))
    try:
        assert any(DRIVE in href for href in coming_up(before))
        assert not any(DRIVE in href for href in coming_up(after))
        assert coming_up(after), "the World Blood Donor Day 2027 event is still to come"
        # Once every listed event is over, the page says nothing is planned.
        assert coming_up(later) == []
        assert later.locator(".upcoming-empty").is_visible()
        assert not before.locator(".upcoming-empty").is_visible()
    finally:
        for page in (before, after, later):
            page.context.close()


def test_listing_filter_upcoming_and_past_follows_the_clock(browser, site_as_built: str) -> None:  # type: ignore[no-untyped-def]
    card = f".campaign-card:has(a[href$='{DRIVE}/'])"
    before = open_at(browser, f"{site_as_built}en/campaigns/?when=upcoming", BEFORE)
    after_upcoming = open_at(browser, f"{site_as_built}en/campaigns/?when=upcoming", AFTER)
    after_past = open_at(browser, f"{site_as_built}en/campaigns/?when=past", AFTER)
    try:
        assert before.locator(card).is_visible()
        assert not after_upcoming.locator(card).is_visible()
        assert after_past.locator(card).is_visible()
        assert after_past.locator(f"{card} .time-badge").inner_text() == "Ended"
    finally:
        for page in (before, after_upcoming, after_past):
            page.context.close()


def test_without_scripts_the_build_date_state_shows_never_on_now(browser, site_as_built: str) -> None:  # type: ignore[no-untyped-def]
    page = open_at(browser, f"{site_as_built}en/campaigns/{DRIVE}/", DURING, scripts=False)
    try:
        assert page.inner_text(".campaign__meta .time-badge") == "Upcoming (as of 29 November 2026)"
        assert "On now" not in page.inner_text("article")
        assert "12 December 2026" in page.inner_text(".key-facts")
        assert page.locator(".campaign__signup").is_visible()
    finally:
        page.context.close()


def test_pages_built_after_the_end_say_so_without_scripts() -> None:
    """As of the day after the drive, the page says it has ended and offers no sign-up."""
    content = load_content(ROOT, build_date=dt.date(2026, 12, 13))
    view = build_campaign_view(build_renderers()["en"], content.campaign(DRIVE), SiteOptions(today=dt.date(2026, 12, 13)))
    assert view.time_state is not None and (view.time_state.state, view.time_state.text) == ("ended", "Ended")
    assert view.registration is None
