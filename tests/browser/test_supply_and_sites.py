"""Where and when to donate (issue 17): supply levels, the banner, donation sites and their data, in real builds and Chromium.

The sample site is built once as of 29 November 2026 (its supply figures
were counted on 30 May 2026, so they are stale then); Playwright's clock then
moves the browser to moments inside and outside the sites' hours.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import jsonschema
import pytest

import conftest
from conftest import ROOT, build_site, copy_project, needs_chromium, serve_directory
from donorsite.core.locales import LOCALES

BUILD_DATE = "2026-11-29"
UTC = dt.UTC
PREFIXES = [site_locale.prefix for site_locale in LOCALES]
GUSU = "sites/gusu-renmin-road-house/"  # 09:00-17:00 every day, Asia/Shanghai; closed 16-18 Feb 2027
CHANGSHU = "sites/changshu-blood-centre/"  # weekdays 08:30-11:30 and 13:30-17:00, Saturday mornings, closed on Sundays


@pytest.fixture(scope="module")
def sample_build(built_site: Path) -> Path:
    """The shared sample site (built as of conftest's BUILD_DATE, this file's BUILD_DATE); only read."""
    assert conftest.BUILD_DATE.isoformat() == BUILD_DATE
    return built_site


@pytest.fixture(scope="module")
def sample_url(site_url: str) -> str:
    return site_url


def _open_at(tabs, url: str, now: dt.datetime, zone: str = "Asia/Shanghai"):  # type: ignore[no-untyped-def]
    """A tab at ``url`` at ``now`` for a reader whose clock is in ``zone`` (the sample sites' own by default); tabs.done gives it back."""
    return tabs.open(url, now=now, timezone_id=zone)


# --- today's state of a site, in the reader's browser ---

OPENING_CASES = [
    ("en", GUSU, dt.datetime(2026, 12, 1, 3, 0, tzinfo=UTC), "open-now", "Open now, until 17:00"),  # Tuesday 11:00 in Suzhou
    ("en", GUSU, dt.datetime(2026, 12, 1, 10, 0, tzinfo=UTC), "closed-now", "Closed now; opens Wednesday, December 2, 2026 at 09:00"),
    ("en", GUSU, dt.datetime(2026, 12, 1, 0, 15, tzinfo=UTC), "opens-at", "Opens today at 09:00"),  # 08:15
    # The Spring Festival closure, 6-8 February 2027: the next opening is after it.
    ("en", GUSU, dt.datetime(2027, 2, 7, 3, 0, tzinfo=UTC), "closed-today", "Closed today; opens Tuesday, February 9, 2027 at 09:00"),
    ("en", CHANGSHU, dt.datetime(2026, 12, 6, 3, 0, tzinfo=UTC), "closed-today", "Closed today; opens Monday, December 7, 2026 at 08:30"),
    ("en", CHANGSHU, dt.datetime(2026, 12, 7, 4, 30, tzinfo=UTC), "opens-at", "Opens today at 13:30"),  # Monday 12:30, the lunch break
    ("zh-hans", GUSU, dt.datetime(2026, 12, 1, 3, 0, tzinfo=UTC), "open-now", "正在开放，至17:00"),
    ("vi", "sites/duong-kinh-donation-point/", dt.datetime(2026, 12, 2, 1, 0, tzinfo=UTC), "open-now", "Đang mở cửa, đến 11h30"),
]


@needs_chromium
def test_a_reader_in_another_zone_sees_the_sites_day_and_zone(tabs, sample_url: str) -> None:  # type: ignore[no-untyped-def]
    """Monday 16:15 in Los Angeles is Tuesday 08:15 in Suzhou: the site opens "today" on its own clock, and says whose."""
    page = _open_at(tabs, f"{sample_url}en/{GUSU}", dt.datetime(2026, 12, 1, 0, 15, tzinfo=UTC), zone="America/Los_Angeles")
    try:
        today = page.locator(".site-today")
        assert today.get_attribute("data-open-state") == "opens-at"
        assert today.inner_text() == "Opens today at 09:00 (Beijing time)"
    finally:
        tabs.done(page)


@needs_chromium
@pytest.mark.parametrize(("prefix", "path", "now", "state", "text"), OPENING_CASES)
def test_site_state_follows_the_readers_clock(  # type: ignore[no-untyped-def]
    tabs, sample_url: str, prefix: str, path: str, now: dt.datetime, state: str, text: str
) -> None:
    zone = "Asia/Ho_Chi_Minh" if "duong-kinh" in path else "Asia/Shanghai"
    page = _open_at(tabs, f"{sample_url}{prefix}/{path}", now, zone=zone)
    try:
        today = page.locator(".site-today")
        assert today.get_attribute("data-open-state") == state
        assert today.inner_text() == text
    finally:
        tabs.done(page)


def test_without_scripts_the_build_dates_hours_stay(sample_build: Path) -> None:
    html = (sample_build / "en" / GUSU / "index.html").read_text(encoding="utf-8")
    assert "Sunday 29 November 2026: 09:00–17:00" in html


# --- staleness, at build time and in the browser ---


def test_stale_figures_show_their_age_at_build_time(sample_build: Path) -> None:
    html = (sample_build / "en" / "supply" / "index.html").read_text(encoding="utf-8")
    assert 'data-stale="true"' in html
    notice = '<p class="supply-stale"><strong>Out of date</strong>: these figures were counted <span class="supply-age">6 months ago</span>'
    assert notice in html


@needs_chromium
@pytest.mark.parametrize(
    ("now", "stale", "age"),
    [
        (dt.datetime(2026, 5, 30, 6, 0, tzinfo=UTC), False, None),  # six hours after counting: current
        (dt.datetime(2026, 6, 10, 0, 0, tzinfo=UTC), True, "11 days ago"),
        (dt.datetime(2026, 12, 1, 0, 0, tzinfo=UTC), True, "6 months ago"),
    ],
)
def test_staleness_is_recomputed_in_the_browser(tabs, sample_url: str, now: dt.datetime, stale: bool, age: str | None) -> None:  # type: ignore[no-untyped-def]
    page = _open_at(tabs, f"{sample_url}en/supply/", now)
    try:
        # Both sample centres counted their stock on 30 May 2026: the first one's age stands for both.
        notice = page.locator("article .supply-stale").first
        assert notice.is_visible() is stale
        if age:
            assert page.locator("article .supply-age").first.inner_text() == age
    finally:
        tabs.done(page)


# --- the banner: only while the figures are fresh, only on the pages it concerns (issue 21) ---

PAGE_KINDS = [
    "index.html",
    "404.html",
    "{p}/index.html",
    "{p}/campaigns/index.html",
    "{p}/campaigns/2022-duong-kinh-donation-day/index.html",
    "{p}/archive/2022/index.html",
    "{p}/slogans/index.html",
    "{p}/supply/index.html",
    "{p}/sites/index.html",
    "{p}/" + GUSU + "index.html",
    "{p}/about/index.html",
    "{p}/404.html",
]


def _pages(site: Path) -> list[Path]:
    return [site / kind.format(p=prefix) for prefix in PREFIXES for kind in PAGE_KINDS]


def test_figures_older_than_the_limit_raise_no_banner(sample_build: Path) -> None:
    carrying = [
        str(page.relative_to(sample_build)) for page in _pages(sample_build) if 'class="supply-banner"' in page.read_text(encoding="utf-8")
    ]
    assert carrying == []


@pytest.fixture(scope="module")
def fresh_url(sample_site_as_of: Callable[[str], Path]) -> Iterator[str]:
    """The sample built on the day its figures were counted, served on localhost."""
    with serve_directory(sample_site_as_of("2026-05-30")) as url:
        yield url


CONCERNED = ["zh-hans/", "zh-hant/", "vi/sites/", "en/" + GUSU, "en/campaigns/2026-12-sujin-winter-drive/"]
NOT_CONCERNED = ["en/slogans/", "vi/about/", "en/editor-guide/", "404.html", "vi/404.html", "vi/sites/duong-kinh-donation-point/"]


@needs_chromium
@pytest.mark.parametrize("kind", CONCERNED)
def test_banner_shows_where_it_concerns_the_reader_while_fresh(tabs, fresh_url: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    page = _open_at(tabs, fresh_url + kind, dt.datetime(2026, 5, 30, 6, 0, tzinfo=UTC))
    try:
        banner = page.locator(".md-banner .supply-banner")
        assert banner.is_visible()
        assert not banner.locator(".supply-stale").is_visible()
    finally:
        tabs.done(page)
    # Read eleven days later, the same page's figures are old: the browser drops the alert.
    page = _open_at(tabs, fresh_url + kind, dt.datetime(2026, 6, 10, 0, 0, tzinfo=UTC))
    try:
        assert page.locator(".md-banner .supply-banner").count() == 1
        assert not page.locator(".md-banner").is_visible()
    finally:
        tabs.done(page)


@needs_chromium
@pytest.mark.parametrize("kind", NOT_CONCERNED)
def test_no_banner_where_it_concerns_no_reader(tabs, fresh_url: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    page = _open_at(tabs, fresh_url + kind, dt.datetime(2026, 5, 30, 6, 0, tzinfo=UTC))
    try:
        assert page.locator(".supply-banner").count() == 0
    finally:
        tabs.done(page)


def test_no_banner_when_no_type_is_critical(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    supply = project / "supply.yaml"
    supply.write_text(supply.read_text(encoding="utf-8").replace("  O-: critical\n", "  O-: low\n"), encoding="utf-8")
    result = build_site(project, tmp_path / "site", environment={"DONORSITE_TODAY": BUILD_DATE})
    assert result.succeeded, result.log
    with_banner = [str(page) for page in _pages(result.site) if 'class="supply-banner"' in page.read_text(encoding="utf-8")]
    assert with_banner == []
    assert 'class="supply-grid"' in (result.site / "en" / "index.html").read_text(encoding="utf-8"), "the home page still sums up"


def test_home_page_sums_up_the_supply(sample_build: Path) -> None:
    html = (sample_build / "vi" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="supply">Lượng máu dự trữ</h2>' in html
    assert '<li class="supply-tile supply-tile--critical"><span class="supply-tile__type">O-</span>' in html


# --- data for machines ---


@pytest.mark.parametrize(("file_name", "schema_name"), [("supply.json", "supply-api.schema.json"), ("sites.json", "sites-api.schema.json")])
def test_api_validates_against_its_schema(sample_build: Path, file_name: str, schema_name: str) -> None:
    schema = json.loads((ROOT / "schemas" / schema_name).read_text(encoding="utf-8"))
    document = json.loads((sample_build / "api" / file_name).read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(document)) == []


def test_supply_api_says_what_the_file_says(sample_build: Path) -> None:
    document = json.loads((sample_build / "api" / "supply.json").read_text(encoding="utf-8"))
    assert document["critical_types"] == ["O-"]
    assert document["measured_at_utc"] == "2026-05-30T00:00:00Z"
    assert [level["type"] for level in document["levels"]] == ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"]
    assert document["levels"][4] == {"type": "B+", "level": "low", "days": 5.5}
    assert set(document["appeal"]["text"]) == {"zh-Hans", "zh-Hant", "vi", "en"}


def test_site_page_carries_blood_bank_data_with_opening_hours(sample_build: Path) -> None:
    html = (sample_build / "en" / CHANGSHU / "index.html").read_text(encoding="utf-8")
    data = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    bank = data[0]
    assert bank["@type"] == "BloodBank"
    assert bank["parentOrganization"] == {"@type": "MedicalOrganization", "name": "Suzhou Central Blood Station"}
    monday = [spec for spec in bank["openingHoursSpecification"] if spec.get("dayOfWeek") == "https://schema.org/Monday"]
    assert [(spec["opens"], spec["closes"]) for spec in monday] == [("08:30", "11:30"), ("13:30", "17:00")]
    assert not any(spec.get("dayOfWeek") == "https://schema.org/Sunday" for spec in bank["openingHoursSpecification"])


@pytest.mark.parametrize("prefix", PREFIXES)
def test_appeal_is_an_entry_of_each_locales_feed(sample_build: Path, prefix: str) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(sample_build / prefix / "feed.xml").getroot()
    appeal = [entry for entry in feed.iter(f"{atom}entry") if entry.find(f"{atom}category").get("term") == "appeal"]
    assert len(appeal) == 1
    # Two centres: the id and the link name the centre whose appeal it is.
    assert appeal[0].find(f"{atom}id").text.endswith(f"/{prefix}/supply/#appeal-suzhou-blood-centre-20260530T0000Z")
    assert appeal[0].find(f"{atom}link").get("href").endswith(f"/{prefix}/supply/#appeal-suzhou-blood-centre")
    assert "O" in appeal[0].find(f"{atom}summary").text


HAI_PHONG_APPEAL = """\
appeal:
  types: [O-]
  text:
    vi: Nhóm máu O Rh(D) âm đang thiếu; mong người hiến có nhóm máu này đến Trung tâm sớm.
"""


def test_each_centres_appeal_is_an_entry_of_the_feed(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    further = project / "supply" / "hai-phong-blood-centre.yaml"
    further.write_text(further.read_text(encoding="utf-8") + HAI_PHONG_APPEAL, encoding="utf-8")
    result = build_site(project, tmp_path / "site", environment={"DONORSITE_TODAY": BUILD_DATE})
    assert result.succeeded, result.log
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(tmp_path / "site" / "vi" / "feed.xml").getroot()
    appeals = [entry for entry in feed.iter(f"{atom}entry") if entry.find(f"{atom}category").get("term") == "appeal"]
    assert sorted(entry.find(f"{atom}author/{atom}name").text for entry in appeals) == [
        "Trung tâm Huyết học Hải Phòng",
        "Trạm máu trung tâm Tô Châu",
    ]
    ids = sorted(entry.find(f"{atom}id").text.rsplit("#", 1)[1] for entry in appeals)
    assert ids == ["appeal-hai-phong-blood-centre-20260530T0030Z", "appeal-suzhou-blood-centre-20260530T0000Z"]
    page = (tmp_path / "site" / "vi" / "supply" / "index.html").read_text(encoding="utf-8")
    assert 'id="appeal-hai-phong-blood-centre"' in page, "the entry's link has its place on the supply page"


# --- campaign events that name a site instead of repeating its address ---

SITE_EVENT = """\
kind: blood-drive
status: confirmed
source_language: en
year: 2027
title:
  en: Saturday at the Renmin Road house
summary:
  en: Donors are welcome all day at the donation house.
events:
  - date: 2027-01-09
    start: "09:00"
    end: "17:00"
    site: gusu-renmin-road-house
"""


def test_event_can_name_a_site_instead_of_its_address(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "campaigns" / "2027-01-renmin-road-saturday.yaml").write_text(SITE_EVENT, encoding="utf-8")
    result = build_site(project, tmp_path / "site", environment={"DONORSITE_TODAY": BUILD_DATE})
    assert result.succeeded, result.log
    html = (result.site / "en" / "campaigns" / "2027-01-renmin-road-saturday" / "index.html").read_text(encoding="utf-8")
    assert "Renmin Road Donation House, Gusu District, Suzhou" in html
    assert "Beijing time" in html, "the site's time zone is the event's"
    assert "uri.amap.com/marker" in html, "the site's position gives the map links"


def test_unknown_site_of_an_event_is_reported_with_its_line(tmp_path: Path) -> None:
    from test_bad_input import check_in_process

    project = copy_project(tmp_path / "project")
    wrong = SITE_EVENT.replace("site: gusu-renmin-road-house", "site: gusu-renmin-road")
    (project / "campaigns" / "x.yaml").write_text(wrong, encoding="utf-8")
    result = check_in_process(project)
    assert result.returncode == 1
    assert result.stdout == (
        "campaigns/x.yaml:13:11: events[0].site: no donation site 'gusu-renmin-road' in sites.yaml; "
        "use one of its ids (changshu-blood-centre, duong-kinh-donation-point, gusu-renmin-road-house)\n"
    )


def test_translations_of_a_borrowed_venue_are_asked_for_in_sites_yaml_only(tmp_path: Path) -> None:
    from donorsite.editing.translations import load_slots

    project = copy_project(tmp_path / "project")
    (project / "campaigns" / "2027-01-renmin-road-saturday.yaml").write_text(SITE_EVENT, encoding="utf-8")
    paths = [slot.path for slot in load_slots(project) if slot.file == "campaigns/2027-01-renmin-road-saturday.yaml"]
    assert paths == [("title",), ("summary",)]
