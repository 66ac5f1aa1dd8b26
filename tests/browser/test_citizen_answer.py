"""Where and when can I give near me, and may I? (issue 21), checked in a real build of the sample and in Chromium.

The sample is built as of 4 December 2026 (a Friday: every donation site is
open) and the browser's clock is set to that morning, so the lists are the
same whatever day the tests run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import ROOT, build_site, needs_chromium, serve_directory
from donorsite.core.locales import LOCALES

BUILD_DAY = "2026-12-04"
# 08:00 in Suzhou and 07:00 in Hải Phòng: nothing of the day has ended yet.
MORNING = datetime.fromisoformat("2026-12-04T00:00:00+00:00")
PREFIXES = [site_locale.prefix for site_locale in LOCALES]
PHONE = {"width": 390, "height": 844}
NEAR_HAI_PHONG = {"latitude": 20.86, "longitude": 106.68}
NEAR_SUZHOU = {"latitude": 31.30, "longitude": 120.60}
TESTS = Path(__file__).resolve().parents[1]
CASES: list[dict[str, Any]] = json.loads((TESTS / "eligibility_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = build_site(ROOT, tmp_path_factory.mktemp("citizen"), environment={"DONORSITE_TODAY": BUILD_DAY})
    assert result.succeeded, result.log
    return result.site


@pytest.fixture(scope="module")
def url(site: Path) -> Iterator[str]:
    with serve_directory(site) as address:
        yield address


def _home(site: Path, prefix: str) -> str:
    return (site / prefix / "index.html").read_text(encoding="utf-8")


def _items(html: str) -> list[str]:
    return re.findall(r'<li class="next-chance [^"]*"[^>]*>', html)


# --- Without a browser: the built HTML ---


@pytest.mark.parametrize("prefix", PREFIXES)
def test_home_opens_with_the_next_chances_soonest_first(site: Path, prefix: str) -> None:
    html = _home(site, prefix)
    chances = html.index('<ol class="next-chances__list" data-next-chances>')
    assert chances < html.index('class="countdown"') < html.index('id="supply"')
    starts = [re.search(r'data-start="([^"]+)"', item).group(1) for item in _items(html)]  # type: ignore[union-attr]
    assert starts and starts == sorted(starts)
    first = _items(html)[0]
    assert "hidden" not in first
    # A site's later open days wait hidden for the day before to end.
    assert any("data-later hidden" in item for item in _items(html))
    # Each chance has its date, hours, venue, city and an action.
    block = html[chances : html.index("</ol>", chances)]
    assert block.count('class="next-chance__hours"') == len(_items(html))
    assert block.count("<time datetime=") == len(_items(html))
    assert block.count('class="next-chance__city"') == len(_items(html))
    assert block.count('class="next-chance__walk-in"') + block.count('class="next-chance__sign-up"') == len(_items(html))


def test_a_drive_with_sign_up_and_sites_to_walk_in_are_listed(site: Path) -> None:
    html = _home(site, "en")
    drive = next(item for item in _items(html) if "next-chance--drive" in item)
    assert 'data-region="jiangsu-suzhou"' in drive and 'data-start="2026-12-12T00:30:00Z"' in drive
    assert 'href="https://example.org/register"' in html
    assert "Walk in" in html


def test_each_place_is_offered_once_in_the_vietnamese_listing(site: Path) -> None:
    html = (site / "vi" / "campaigns" / "index.html").read_text(encoding="utf-8")
    select = re.search(r'<select name="city">(.*?)</select>', html, re.S).group(1)  # type: ignore[union-attr]
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', select)[1:]
    values = [value for value, _ in options]
    names = [name for _, name in options]
    assert len(values) == len(set(values)) and len(names) == len(set(names))
    assert ("jiangsu-suzhou", "Tô Châu") in options
    # In the Vietnamese alphabet's order: Tây An before Tô Châu before Trú Mã Điếm.
    assert names.index("Tây An") < names.index("Tô Châu") < names.index("Trú Mã Điếm")
    # Every campaign held in Suzhou (the winter drive, the bus week, ...) carries the place id the filter matches.
    cards = re.findall(r'<li class="campaign-card[^"]*"[^>]*data-places="([^"]*)"', html)
    assert cards.count("jiangsu-suzhou") == 5


def test_an_unknown_region_is_one_located_line(tmp_path: Path) -> None:
    from conftest import copy_project
    from donorsite.content.loading import collect_content

    project = copy_project(tmp_path / "project")
    path = project / "campaigns" / "2026-12-sujin-winter-drive.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("region: jiangsu-suzhou", "region: jiangsu-suzou"), encoding="utf-8")
    problems = [str(problem) for problem in collect_content(project).problems]
    assert any(
        line.startswith("campaigns/2026-12-sujin-winter-drive.yaml:10:9: region: no region 'jiangsu-suzou'")
        and "did you mean jiangsu-suzhou?" in line
        for line in problems
    ), problems


def test_supply_api_lists_both_centres_and_follows_its_schema(site: Path) -> None:
    document = json.loads((site / "api" / "supply.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "supply-api.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    centres = {centre["centre_id"]: centre for centre in document["centres"]}
    assert set(centres) == {"suzhou-blood-centre", "hai-phong-blood-centre"}
    assert centres["suzhou-blood-centre"]["critical_types"] == ["O-"]
    assert centres["hai-phong-blood-centre"]["critical_types"] == []


def test_a_site_page_shows_its_own_centres_stock(site: Path) -> None:
    hai_phong = (site / "vi" / "sites" / "duong-kinh-donation-point" / "index.html").read_text(encoding="utf-8")
    assert "Trung tâm Huyết học Hải Phòng" in hai_phong.split('id="supply"')[1]
    assert "Trạm máu trung tâm Tô Châu" not in hai_phong


def _pages_with_banner(site: Path) -> list[str]:
    return sorted(
        str(path.relative_to(site)) for path in site.rglob("*.html") if 'class="supply-banner"' in path.read_text(encoding="utf-8")
    )


def test_stale_figures_raise_no_banner_but_stay_on_the_supply_page(sample_site_as_of: Callable[[str], Path]) -> None:
    site = sample_site_as_of("2027-06-01")
    assert _pages_with_banner(site) == []
    supply = (site / "vi" / "supply" / "index.html").read_text(encoding="utf-8")
    assert supply.count('data-stale="true"') == 2


def test_fresh_figures_alarm_only_the_pages_they_concern(sample_site_as_of: Callable[[str], Path]) -> None:
    site = sample_site_as_of("2026-05-30")
    pages = _pages_with_banner(site)
    assert "vi/sites/duong-kinh-donation-point/index.html" not in pages
    assert "vi/campaigns/2022-duong-kinh-donation-day/index.html" not in pages
    assert "vi/slogans/index.html" not in pages and "vi/about/index.html" not in pages
    for page in ("vi/index.html", "vi/campaigns/index.html", "vi/sites/gusu-renmin-road-house/index.html", "en/supply/index.html"):
        assert page in pages
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "Blood supply at Suzhou Central Blood Station (Suzhou) is critical for O-." in home


def test_ended_drives_offer_no_calendar_file(site: Path) -> None:
    ended = (site / "en" / "campaigns" / "2022-duong-kinh-donation-day" / "index.html").read_text(encoding="utf-8")
    coming = (site / "en" / "campaigns" / "2026-12-sujin-winter-drive" / "index.html").read_text(encoding="utf-8")
    assert 'class="calendar-link"' not in ended
    assert re.search(r'class="calendar-link" href="event-1.ics" download data-sessions="[^"]+"[^>]*data-until-end', coming)
    for html in (ended, coming):
        assert 'href="../../first-time/"' in html and 'href="../../eligibility/"' in html
        # Key facts stay first.
        assert html.index('class="key-facts"') < html.index('class="donor-help"')


@pytest.mark.parametrize("prefix", PREFIXES)
def test_first_time_and_self_check_pages_exist_and_home_links_them(site: Path, prefix: str) -> None:
    assert (site / prefix / "first-time" / "index.html").is_file()
    assert "data-eligibility" in (site / prefix / "eligibility" / "index.html").read_text(encoding="utf-8")
    home = _home(site, prefix)
    assert 'href="first-time/"' in home and 'href="eligibility/"' in home


# --- In Chromium ---


def _open(tabs: Any, url: str, path: str, **options: Any) -> Any:
    """A phone-sized tab at ``url + path`` on the morning of 4 December (UTC); ``tabs.done`` gives it back."""
    return tabs.open(url + path, now=MORNING, viewport=PHONE, timezone_id="UTC", **options)


def _first_region(page: Any) -> str:
    return str(page.locator("[data-next-chances] > li:not([hidden])").first.get_attribute("data-region"))


@needs_chromium
@pytest.mark.parametrize(
    ("prefix", "position", "region"), [("vi", NEAR_HAI_PHONG, "vietnam-hai-phong"), ("zh-hans", NEAR_SUZHOU, "jiangsu-suzhou")]
)
def test_with_location_the_nearest_chance_comes_first(tabs: Any, url: str, prefix: str, position: dict[str, float], region: str) -> None:
    page = _open(tabs, url, f"{prefix}/", geolocation=position, permissions=["geolocation"])
    try:
        page.locator("[data-next-chances-locate]").click()
        page.locator("[data-next-chances-forget]").wait_for(state="visible")
        assert _first_region(page) == region
        assert page.locator("[data-next-chances] > li:not([hidden]) [data-next-chance-distance]").first.is_visible()
        # Forgetting the position goes back to soonest first and leaves nothing stored.
        page.locator("[data-next-chances-forget]").click()
        assert page.evaluate("localStorage.getItem('donorsite.next-chances.position')") is None
        starts = page.eval_on_selector_all("[data-next-chances] > li:not([hidden])", "items => items.map(i => i.dataset.start)")
        assert starts == sorted(starts)
    finally:
        tabs.done(page)


@needs_chromium
def test_without_permission_the_list_is_soonest_first(tabs: Any, url: str) -> None:
    page = _open(tabs, url, "vi/")
    try:
        starts = page.eval_on_selector_all("[data-next-chances] > li:not([hidden])", "items => items.map(i => i.dataset.start)")
        assert len(starts) >= 3 and starts == sorted(starts)
        assert _first_region(page) == "vietnam-hai-phong"  # it opens first on Friday morning (07:00 in Hải Phòng)
    finally:
        tabs.done(page)


@needs_chromium
def test_a_chosen_place_comes_first_and_is_remembered(tabs: Any, url: str) -> None:
    page = _open(tabs, url, "en/")
    try:
        page.locator("[data-next-chances-place]").select_option("jiangsu-suzhou")
        assert _first_region(page) == "jiangsu-suzhou"
        page.reload()
        assert page.locator("[data-next-chances-place]").input_value() == "jiangsu-suzhou"
        assert _first_region(page) == "jiangsu-suzhou"
    finally:
        tabs.done(page)


@needs_chromium
def test_ended_chances_give_way_to_the_next_open_day(tabs: Any, url: str) -> None:
    # Friday 20:00 UTC: every site has closed for the day.
    page = tabs.open(url + "en/", now=datetime.fromisoformat("2026-12-04T20:00:00+00:00"), viewport=PHONE, timezone_id="UTC")
    try:
        days = page.eval_on_selector_all("[data-next-chances] > li:not([hidden]) time", "items => items.map(i => i.dateTime)")
        assert days and "2026-12-04" not in days
    finally:
        tabs.done(page)


@needs_chromium
@pytest.mark.parametrize("scripts", [True, False], ids=["scripts", "no-scripts"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_first_chance_is_on_the_first_phone_screen(tabs: Any, url: str, prefix: str, scripts: bool) -> None:
    page = _open(tabs, url, f"{prefix}/", java_script_enabled=scripts)
    try:
        first = page.locator("ol[data-next-chances] > li:not([hidden])").first
        assert first.is_visible()
        top = first.evaluate("item => item.getBoundingClientRect().top + window.scrollY")
        assert top < PHONE["height"], f"first chance starts at {top} px"
    finally:
        tabs.done(page)


def _fill(page: Any, case: dict[str, Any]) -> None:
    form = page.locator("form[data-eligibility]")
    form.locator("[name=country]").select_option(case["country"])
    form.locator("[name=age]").fill(str(case["age"]))
    form.locator("[name=weight]").fill(str(case["weight"]))
    form.locator(f"[name=sex][value='{case['sex']}']").check()
    form.locator("[name=last_donation]").fill(case["last_donation"] or "")
    form.locator("[name=last_kind]").select_option(case["last_kind"])
    if case["last_volume"]:
        form.locator("[name=last_volume]").select_option(str(case["last_volume"]))
    form.locator("button[type=submit]").click()


# Every case of the shared table answered by the page's own form in one script: the form is reset, filled as
# a reader leaves it (the country's `change` event fits the other fields) and sent. Filling it by Playwright's
# clicks took 17 s for the 24 cases; the clicks themselves are driven by the reminder and axe tests below.
ANSWER_EACH_CASE = """cases => cases.map(c => {
  const form = document.querySelector("form[data-eligibility]");
  const result = document.querySelector("[data-eligibility-result]");
  form.reset();
  form.elements.country.value = c.country;
  form.elements.country.dispatchEvent(new Event("change"));
  form.elements.age.value = String(c.age);
  form.elements.weight.value = String(c.weight);
  form.querySelector(`[name=sex][value='${c.sex}']`).checked = true;
  form.elements.last_donation.value = c.last_donation || "";
  form.elements.last_kind.value = c.last_kind;
  if (c.last_volume) form.elements.last_volume.value = String(c.last_volume);
  result.removeAttribute("data-outcome");
  form.requestSubmit();
  return [c.name, result.getAttribute("data-outcome"), result.getAttribute("data-next-date"),
          result.querySelector("[data-eligibility-reason]").textContent.trim() !== ""];
})"""


@needs_chromium
def test_self_check_gives_the_same_answers_as_python(browser: Any, url: str) -> None:
    context = browser.new_context(viewport=PHONE, timezone_id="UTC")
    page = context.new_page()
    page.clock.install(time=datetime.fromisoformat("2026-12-03T09:00:00+00:00"))
    try:
        page.goto(url + "en/eligibility/")
        seen = page.evaluate(ANSWER_EACH_CASE, CASES)
    finally:
        context.close()
    assert seen == [[case["name"], case["outcome"], case["next_date"], True] for case in CASES]


@needs_chromium
def test_the_reminder_is_a_calendar_file_on_the_next_date(browser: Any, url: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport=PHONE, timezone_id="UTC", accept_downloads=True)
    page = context.new_page()
    page.clock.install(time=datetime.fromisoformat("2026-12-03T09:00:00+00:00"))
    requests: list[Any] = []
    try:
        page.goto(url + "zh-hans/eligibility/")
        page.on("request", lambda request: requests.append(request))
        _fill(page, CASES[0])
        assert page.locator("[data-eligibility-result]").get_attribute("data-next-date") == "2027-04-01"
        assert "工作人员" in page.locator("[data-eligibility-result]").inner_text()
        with page.expect_download() as download:
            page.locator("[data-eligibility-reminder]").click()
        saved = tmp_path / "reminder.ics"
        download.value.save_as(saved)
        text = saved.read_text(encoding="utf-8")
        assert "DTSTART;VALUE=DATE:20270401" in text and "BEGIN:VEVENT" in text
        # Nothing is sent: no request carries data, none goes to another host (a favicon may still be fetched).
        sent = [r.url for r in requests if r.method != "GET" or "?" in r.url or not r.url.startswith((url, "blob:"))]
        assert sent == []
    finally:
        context.close()


def test_a_place_without_a_name_in_the_readers_language_stays_one_place(sample_content: Any) -> None:
    from donorsite.model.donation_sites import Region
    from donorsite.render.context import build_renderers
    from donorsite.render.listing_filters import listing_filters
    from donorsite.render.summary_view import build_campaign_summary

    sites = sample_content.sites

    def without_vietnamese(region: Region) -> Region:
        names = {code: text for code, text in region.name.model_dump(by_alias=True, exclude_none=True).items() if code != "vi"}
        return region.model_copy(update={"name": type(region.name).model_validate(names)})

    unnamed = [without_vietnamese(region) if region.id == "jiangsu-suzhou" else region for region in sites.regions]
    sites = sites.model_copy(update={"regions": unnamed})
    renderer = build_renderers()["vi"]
    summaries = [build_campaign_summary(renderer, entry, datetime(2026, 12, 4).date(), sites)[0] for entry in sample_content.campaigns]
    places = listing_filters(renderer, summaries).cities
    suzhou = [name for value, name in places if value == "jiangsu-suzhou"]
    # One entry, named by the project's fallback order (English, for a Vietnamese reader).
    assert suzhou == ["Suzhou"]
    assert len({value for value, _ in places}) == len(places)


@needs_chromium
def test_after_the_drive_its_calendar_file_and_sign_up_go(browser: Any, url: str) -> None:
    context = browser.new_context(viewport=PHONE, timezone_id="UTC")
    page = context.new_page()
    page.clock.install(time=datetime.fromisoformat("2026-12-13T01:00:00+00:00"))
    try:
        page.goto(url + "en/campaigns/2026-12-sujin-winter-drive/")
        assert page.locator(".calendar-link").count() == 1 and not page.locator(".calendar-link").is_visible()
        assert not page.locator(".key-facts .campaign__signup").is_visible()
    finally:
        context.close()


@needs_chromium
def test_self_check_with_its_answer_shown_has_no_axe_violations(browser: Any, url: str) -> None:
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        pytest.skip("run `npm ci` to install axe-core")
    context = browser.new_context(viewport=PHONE, timezone_id="UTC", bypass_csp=True)
    page = context.new_page()
    page.clock.install(time=datetime.fromisoformat("2026-12-03T09:00:00+00:00"))
    try:
        page.goto(url + "vi/eligibility/")
        _fill(page, CASES[-1])
        page.add_script_tag(path=str(axe))
        tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", tags)
    finally:
        context.close()
    assert [violation["id"] for violation in result["violations"]] == []
