"""Pages follow the reader's clock: one build, read before, during and after a drive, in real Chromium.

The sample site is built once as of 29 November 2026; Playwright's clock
then moves the browser to each moment of the Sujin winter drive
(12 December 2026, 08:30-16:00 Asia/Shanghai, i.e. 00:30-08:00 UTC).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

import conftest
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
def site_as_built(site_url: str) -> str:
    """The shared sample site, built once as of BUILD_DATE (conftest's), served on localhost."""
    assert conftest.BUILD_DATE.isoformat() == BUILD_DATE
    return site_url


def open_at(tabs, url: str, now: dt.datetime | None, scripts: bool = True):  # type: ignore[no-untyped-def]
    """A tab opened at ``url`` with the browser's clock at ``now``; ``tabs.done(page)`` gives it back."""
    return tabs.open(url, now=now, java_script_enabled=scripts)


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
def test_campaign_page_follows_the_clock(tabs, site_as_built: str, now: dt.datetime, expected: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    page = open_at(tabs, f"{site_as_built}en/campaigns/{DRIVE}/", now)
    try:
        assert campaign_state(page) == expected
        assert page.locator(".campaign__meta .status-badge").inner_text() == "Confirmed"
    finally:
        tabs.done(page)


def test_labels_follow_the_clock_in_the_reader_s_language(tabs, site_as_built: str) -> None:  # type: ignore[no-untyped-def]
    labels = {"zh-hans": "正在进行", "zh-hant": "進行中", "vi": "Đang diễn ra"}
    for prefix, label in labels.items():
        page = open_at(tabs, f"{site_as_built}{prefix}/campaigns/{DRIVE}/", DURING)
        try:
            assert page.inner_text(".campaign__meta .time-badge") == label
        finally:
            tabs.done(page)


def coming_up(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator(".upcoming__item:visible .upcoming__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")


def test_home_drops_the_drive_from_coming_up_after_its_end(tabs, site_as_built: str) -> None:  # type: ignore[no-untyped-def]
    before = open_at(tabs, f"{site_as_built}en/", BEFORE)
    after = open_at(tabs, f"{site_as_built}en/", AFTER)
    later = open_at(tabs, f"{site_as_built}en/", dt.datetime(2028, 1, 1, tzinfo=UTC))
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
            tabs.done(page)


def test_listing_filter_upcoming_and_past_follows_the_clock(tabs, site_as_built: str) -> None:  # type: ignore[no-untyped-def]
    card = f".campaign-card:has(a[href$='{DRIVE}/'])"
    before = open_at(tabs, f"{site_as_built}en/campaigns/?when=upcoming", BEFORE)
    after_upcoming = open_at(tabs, f"{site_as_built}en/campaigns/?when=upcoming", AFTER)
    after_past = open_at(tabs, f"{site_as_built}en/campaigns/?when=past", AFTER)
    try:
        assert before.locator(card).is_visible()
        assert not after_upcoming.locator(card).is_visible()
        assert after_past.locator(card).is_visible()
        assert after_past.locator(f"{card} .time-badge").inner_text() == "Ended"
    finally:
        for page in (before, after_upcoming, after_past):
            tabs.done(page)


def test_without_scripts_the_build_date_state_shows_never_on_now(tabs, site_as_built: str) -> None:  # type: ignore[no-untyped-def]
    page = open_at(tabs, f"{site_as_built}en/campaigns/{DRIVE}/", DURING, scripts=False)
    try:
        assert page.inner_text(".campaign__meta .time-badge") == "Upcoming (as of 29 November 2026)"
        assert "On now" not in page.inner_text("article")
        assert "12 December 2026" in page.inner_text(".key-facts")
        assert page.locator(".campaign__signup").is_visible()
    finally:
        tabs.done(page)


def test_pages_built_after_the_end_say_so_without_scripts() -> None:
    """As of the day after the drive, the page says it has ended and offers no sign-up."""
    content = load_content(ROOT, build_date=dt.date(2026, 12, 13))
    view = build_campaign_view(build_renderers()["en"], content.campaign(DRIVE), SiteOptions(today=dt.date(2026, 12, 13)))
    assert view.time_state is not None and (view.time_state.state, view.time_state.text) == ("ended", "Ended")
    assert view.registration is None


# The blood bus week: 24, 25 and 27 November 2027, 08:30-12:00 and 13:30-17:00 in Shanghai (UTC+8), then 4 December 09:00-16:00.
BUS_WEEK = "2027-11-gusu-blood-bus-week"


def _shanghai(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2027, month, day, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.mark.parametrize(
    ("now", "badge"),
    [
        (_shanghai(25, 3), "Between sessions, next: Thursday, November 25, 2027, 08:30 (Beijing time)"),
        (_shanghai(25, 10), "On now"),
        (_shanghai(25, 12, 30), "Between sessions, next: Thursday, November 25, 2027, 13:30 (Beijing time)"),
        (_shanghai(25, 21, 30), "Between sessions, next: Saturday, November 27, 2027, 08:30 (Beijing time)"),
        (_shanghai(26, 10), "Between sessions, next: Saturday, November 27, 2027, 08:30 (Beijing time)"),
        (_shanghai(1, 10, month=12), "Between sessions, next: Saturday, December 4, 2027, 09:00 (Beijing time)"),
        (_shanghai(4, 10, month=12), "On now"),
        (_shanghai(4, 16, month=12), "Ended"),
    ],
    ids=["03:00", "10:00", "lunch-break", "21:30", "skipped-day", "before-the-last-day", "last-day", "after"],
)
def test_sessions_decide_on_now_in_the_browser(tabs, site_as_built: str, now: dt.datetime, badge: str) -> None:  # type: ignore[no-untyped-def]
    """On now only inside a session: not at night, not at lunch, not on a skipped day; between sessions the next is named."""
    page = open_at(tabs, f"{site_as_built}en/campaigns/{BUS_WEEK}/", now)
    try:
        assert page.inner_text(".campaign__meta .time-badge") == badge
        card = open_at(tabs, f"{site_as_built}en/campaigns/", now)
        try:
            state = card.locator(f".campaign-card:has(a[href$='{BUS_WEEK}/'])").get_attribute("data-time-state")
            assert state == ("on-now" if badge == "On now" else "ended" if badge == "Ended" else "between")
        finally:
            tabs.done(card)
    finally:
        tabs.done(page)


@pytest.mark.parametrize(
    ("build_date", "state", "text"),
    [
        ("2027-11-23", "upcoming", "Upcoming (as of 23 November 2027)"),
        ("2027-11-25", "today", "Today (as of 25 November 2027)"),
        ("2027-11-26", "between", "Between sessions, next: Saturday 27 November 2027, 08:30 (Beijing time) (as of 26 November 2027)"),
        ("2027-12-01", "between", "Between sessions, next: Saturday 4 December 2027, 09:00 (Beijing time) (as of 1 December 2027)"),
        ("2027-12-05", "ended", "Ended"),
    ],
)
def test_sessions_decide_the_state_at_build(build_date: str, state: str, text: str) -> None:
    """As of a build date: a skipped day or a day between two sessions is never "today" and never "on now"."""
    content = load_content(ROOT, build_date=dt.date.fromisoformat(build_date))
    renderer = build_renderers()["en"]
    view = build_campaign_view(renderer, content.campaign(BUS_WEEK), SiteOptions(today=dt.date.fromisoformat(build_date)))
    assert view.time_state is not None
    assert (view.time_state.state, view.time_state.text) == (state, text)


# The issue's own cases, as an editor writes them: daily hours over three days, and a campaign of two events weeks apart.
THREE_DAYS = """\
kind: blood-drive
status: confirmed
source_language: en
year: 2026
title: {en: Three days at the donation house}
summary: {en: Daily hours from 25 to 27 November.}
events:
  - date: 2026-11-25
    end_date: 2026-11-27
    start: "08:30"
    end: "17:00"
    timezone: Asia/Shanghai
    venue: {name: {en: Donation house}, city: {en: Suzhou}}
"""
TWO_DAYS_APART = """\
kind: blood-drive
status: confirmed
source_language: en
year: 2027
title: {en: Winter and spring drives}
summary: {en: Sessions on 9 January and 20 March.}
events:
  - date: 2027-01-09
    start: "09:00"
    end: "16:00"
    timezone: Asia/Shanghai
    venue: {name: {en: Square}, city: {en: Suzhou}}
  - date: 2027-03-20
    start: "09:00"
    end: "16:00"
    timezone: Asia/Shanghai
    venue: {name: {en: Square}, city: {en: Suzhou}}
"""


@pytest.fixture(scope="module")
def issue_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site plus the two campaigns above, built as of BUILD_DATE and served."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("issue") / "project")
    (project / "campaigns" / "2026-11-three-days.yaml").write_text(THREE_DAYS, encoding="utf-8")
    (project / "campaigns" / "2027-winter-and-spring.yaml").write_text(TWO_DAYS_APART, encoding="utf-8")
    result = build_site(project, tmp_path_factory.mktemp("issue-site"), environment={"DONORSITE_TODAY": BUILD_DATE})
    assert result.succeeded, result.log
    with serve_directory(result.site) as url:
        yield url


@pytest.mark.parametrize(
    ("hour", "on_now"),
    [(3, False), (10, True), (21.5, False)],
    ids=["03:00", "10:00", "21:30"],
)
def test_daily_hours_are_on_now_only_within_the_day_s_hours(tabs, issue_site: str, hour: float, on_now: bool) -> None:  # type: ignore[no-untyped-def]
    now = dt.datetime(2026, 11, 26, int(hour), int(hour % 1 * 60), tzinfo=dt.timezone(dt.timedelta(hours=8)))
    page = open_at(tabs, f"{issue_site}en/campaigns/2026-11-three-days/", now)
    try:
        badge = page.inner_text(".campaign__meta .time-badge")
        assert (badge == "On now") is on_now, badge
        if not on_now:
            assert badge.startswith("Between sessions, next: ")
    finally:
        tabs.done(page)


def test_a_campaign_between_two_events_is_neither_on_now_nor_today(tabs, issue_site: str) -> None:  # type: ignore[no-untyped-def]
    now = dt.datetime(2027, 2, 1, 2, 0, tzinfo=UTC)  # 1 February, 10:00 in Suzhou
    page = open_at(tabs, f"{issue_site}en/campaigns/2027-winter-and-spring/", now)
    listing = open_at(tabs, f"{issue_site}en/campaigns/", now)
    try:
        assert page.inner_text(".campaign__meta .time-badge") == ("Between sessions, next: Saturday, March 20, 2027, 09:00 (Beijing time)")
        card = listing.locator(".campaign-card:has(a[href$='2027-winter-and-spring/'])")
        assert card.get_attribute("data-time-state") == "between"
        assert card.locator(".time-badge").inner_text().startswith("Between sessions")
    finally:
        tabs.done(page)
        tabs.done(listing)


def test_built_on_a_day_between_two_events_it_is_not_today() -> None:
    """Built on 1 February, the campaign of 9 January and 20 March is between sessions, with the next named."""
    from donorsite.model.campaign import Campaign
    from donorsite.model.timing import campaign_span
    from donorsite.reading.yaml_reader import read_yaml_text

    document, problems = read_yaml_text(TWO_DAYS_APART, "campaigns/2027-winter-and-spring.yaml")
    assert problems == [] and document is not None
    span = campaign_span(Campaign.model_validate(document.data))
    assert span is not None
    standing = span.standing_on(dt.date(2027, 2, 1))
    assert standing.state.value == "between"
    assert standing.next_start == dt.datetime(2027, 3, 20, 1, 0, tzinfo=UTC)
