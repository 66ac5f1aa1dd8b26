"""Pages a citizen reads at a glance, in headless Chromium at 360 px and 1280 px, for each page kind in each locale.

No sideways scrolling; on event pages the key-facts block comes first; each
stat tile holds its value and label in one element; every chart draws one unit.
"""

from __future__ import annotations

import pytest

from conftest import needs_chromium
from donorsite.core.locales import LOCALES

pytestmark = needs_chromium
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
# Page kind → (path under the locale, whether it is an event page).
PAGE_KINDS = {
    "home": ("", False),
    "listing": ("campaigns/", False),
    "archive": ("archive/2022/", False),
    "slogans": ("slogans/", False),
    "event still to come": ("campaigns/2027-wbdd-suzhou-square/", True),
    "ended event with results": ("campaigns/2022-duong-kinh-donation-day/", True),
    "ride with route": ("campaigns/wbdd-lincang-night-ride/", True),
    "report with honour roll": ("campaigns/2022-changshu-annual-report/", False),
    "report with grouped figures": ("campaigns/2021-zhumadian-red-cross-report/", False),
}
# What the page says about itself, measured in one round trip.
MEASURE = """() => {
  const article = document.querySelector("article.md-content__inner");
  const blocks = [...article.children].filter(el => el.tagName !== "H1" && el.tagName !== "SCRIPT" && !el.hidden);
  const inside = (outer, inner) => {
    const a = outer.getBoundingClientRect(), b = inner.getBoundingClientRect();
    return outer.contains(inner) && b.left >= a.left - 0.5 && b.right <= a.right + 0.5
      && b.top >= a.top - 0.5 && b.bottom <= a.bottom + 0.5;
  };
  const tiles = [...document.querySelectorAll(".stat-tile")].map(tile => {
    const value = tile.querySelector(".stat-tile__value"), label = tile.querySelector(".stat-tile__label");
    return Boolean(value && label && inside(tile, value) && inside(tile, label));
  });
  const charts = [...document.querySelectorAll("svg.chart")].map(chart => ({
    unit: chart.getAttribute("data-unit"),
    values: [...chart.querySelectorAll(".chart__value")].map(text => text.textContent),
  }));
  return {
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    first: blocks.length ? blocks[0].className : "",
    keyFacts: document.querySelectorAll(".key-facts").length,
    tiles, charts,
  };
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("site_locale", LOCALES, ids=[site_locale.prefix for site_locale in LOCALES])
def test_every_page_kind_reads_at_a_glance(tabs, site_url: str, site_locale, viewport: str) -> None:  # type: ignore[no-untyped-def]
    page = tabs.take(viewport=VIEWPORTS[viewport])
    problems = []
    try:
        for kind, (path, is_event) in PAGE_KINDS.items():
            page.goto(f"{site_url}{site_locale.prefix}/{path}", wait_until="load")
            facts = page.evaluate(MEASURE)
            if facts["overflow"] > 0:
                problems.append(f"{kind}: scrolls sideways by {facts['overflow']}px")
            if is_event and (facts["keyFacts"] != 1 or "key-facts" not in facts["first"].split()):
                problems.append(f"{kind}: the first block is {facts['first']!r}, not the key facts")
            if not all(facts["tiles"]):
                problems.append(f"{kind}: a stat tile's value or label lies outside the tile")
            for chart in facts["charts"]:
                if chart["unit"] not in {"people", "percent"}:
                    problems.append(f"{kind}: a chart without one unit: {chart}")
                if chart["unit"] == "percent" and not all("%" in value for value in chart["values"]):
                    problems.append(f"{kind}: a per-cent chart draws a value that is not a share: {chart['values']}")
        assert problems == []
    finally:
        tabs.done(page)


def test_report_pages_show_figures_as_tiles(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    try:
        page.goto(f"{site_url}en/campaigns/2021-zhumadian-red-cross-report/", wait_until="load")
        tile = page.locator(".stat-tile").filter(has_text="first-aid courses")
        number = tile.locator(".stat-tile__number")
        label = tile.locator(".stat-tile__label")
        assert tile.locator(".stat-tile__value").inner_text() == "more than 3,400 people"
        # The number stands out: larger than the words around it and than the label under it.
        size = number.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size > label.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") * 1.5
        number_box, label_box = number.bounding_box(), label.bounding_box()
        assert number_box and label_box and label_box["y"] >= number_box["y"] + number_box["height"] - 1
    finally:
        page.close()
