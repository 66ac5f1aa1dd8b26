"""axe-core, in a real headless Chromium, finds no WCAG 2.1 A/AA violation on any kind of page in any locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import needs_chromium
from donorsite.core.locales import LOCALES

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = [
    pytest.mark.skipif(not AXE.is_file(), reason="run `npm ci` (done by .ci/run) to install axe-core"),
    needs_chromium,
]

PAGE_KINDS = {
    "home": "",
    "listing": "campaigns/",
    "slogans": "slogans/",
    "about": "about/",
    "ended drive with results": "campaigns/2022-duong-kinh-donation-day/",
    "confirmed drive still to come": "campaigns/2026-12-sujin-winter-drive/",
    "report with figures and honour roll": "campaigns/2022-changshu-annual-report/",
    "ride with route and disclaimer": "campaigns/wbdd-lincang-night-ride/",
    # Issue 17: the blood service's pages (the banner is on every page).
    "blood supply": "supply/",
    "donation sites": "sites/",
    "donation site with exceptions": "sites/gusu-renmin-road-house/",
    "donation site in Vietnam": "sites/duong-kinh-donation-point/",
    "report with grouped figures and qualifiers": "campaigns/2021-zhumadian-red-cross-report/",
    # Issue 21: the self-check and the first-time donors' page.
    "may I give": "eligibility/",
    "first-time donors": "first-time/",
}
LOCALE_PREFIXES = [site_locale.prefix for site_locale in LOCALES]
PAGES = [f"{prefix}/{path}" for prefix in LOCALE_PREFIXES for path in PAGE_KINDS.values()] + [
    "zh-hans/editor-guide/",
    "en/editor-guide/",
    "404.html",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# On a phone the key facts, stat tiles and stacked tables take another layout: checked there too.
PHONE_PAGES = [
    f"{prefix}/{path}"
    for prefix in LOCALE_PREFIXES
    # Issue 21: the home page opens with the next chances to give, laid out for a phone.
    for path in ("campaigns/2022-duong-kinh-donation-day/", "campaigns/2022-changshu-annual-report/", "", "eligibility/")
]


@pytest.fixture(scope="module")
def axe_page(browser):  # type: ignore[no-untyped-def]
    """One tab per viewport width with axe-core in every page it opens, for the whole module.

    A tab reused from page to page measured half the time of a fresh context for each (0.7 s
    against 1.5 s a page): the pages are only read, never changed, so nothing carries over.
    The pages' Content Security Policy would refuse the injected axe script; it is tested elsewhere.
    """
    contexts = {}

    def page_at(width: int):  # type: ignore[no-untyped-def]
        if width not in contexts:
            context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
            context.add_init_script(path=str(AXE))
            contexts[width] = (context, context.new_page())
        return contexts[width][1]

    yield page_at
    for context, _ in contexts.values():
        context.close()


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The WCAG 2.1 A/AA violations axe finds on the page as it is now, one line each."""
    # Only violations are read: axe skips gathering the nodes that pass (every violating node is still reported).
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_TAGS)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}x, e.g. {violation['nodes'][0]['target']})"
        for violation in result["violations"]
    ]


@pytest.mark.parametrize(
    ("path", "width"), [(path, 1280) for path in PAGES] + [(path, 360) for path in PHONE_PAGES], ids=lambda value: str(value)
)
def test_page_has_no_axe_violations(axe_page, site_url: str, path: str, width: int) -> None:  # type: ignore[no-untyped-def]
    page = axe_page(width)
    page.goto(site_url + path)
    assert axe_violations(page) == []


STATUS_VARIANTS = {
    "wbdd-xian-launch-ceremony": "postponed",
    "wbdd-jiayuguan-summary": "cancelled",
    "2021-zhumadian-red-cross-report": "planned",
}


@pytest.fixture(scope="module")
def status_site_url(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The site rebuilt with campaigns in the statuses the samples lack, served on localhost."""
    from conftest import build_site, copy_project, serve_directory

    root = tmp_path_factory.mktemp("statuses")
    project = copy_project(root / "project")
    for campaign_id, status in STATUS_VARIANTS.items():
        path = project / "campaigns" / f"{campaign_id}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("status: confirmed", f"status: {status}", 1), encoding="utf-8")
    result = build_site(project, root / "site")
    assert result.succeeded, result.log
    with serve_directory(root / "site") as url:
        yield url


@pytest.mark.parametrize("campaign_id", sorted(STATUS_VARIANTS))
@pytest.mark.parametrize("prefix", LOCALE_PREFIXES)
def test_other_statuses_have_no_axe_violations(axe_page, status_site_url: str, prefix: str, campaign_id: str) -> None:  # type: ignore[no-untyped-def]
    test_page_has_no_axe_violations(axe_page, status_site_url, f"{prefix}/campaigns/{campaign_id}/", 1280)


def test_keyboard_reaches_skip_link_first_and_the_language_selector(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{site_url}vi/campaigns/2022-duong-kinh-donation-day/")
        page.keyboard.press("Tab")
        assert "md-skip" in page.evaluate("document.activeElement.className")
        page.wait_for_timeout(400)  # Material slides the skip link in
        box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.height]; })()")
        assert box[0] >= 0 and box[1] > 0, "the skip link shows when focused"
        assert page.evaluate("getComputedStyle(document.activeElement).opacity") == "1"
        reached = False
        for _ in range(40):
            page.keyboard.press("Tab")
            if "md-select__link" in (page.evaluate("document.activeElement.className") or ""):
                reached = True
                break
        assert reached, "the language selector must be reachable by keyboard"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "focus must be visible"
    finally:
        page.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(("prefix", "query"), [("zh-hans", "献血"), ("zh-hant", "捐血"), ("vi", "hien mau"), ("en", "blood")])
def test_search_box_with_results_open_has_no_axe_violations(axe_page, site_url: str, prefix: str, query: str, width: int) -> None:  # type: ignore[no-untyped-def]
    page = axe_page(width)
    page.goto(f"{site_url}{prefix}/campaigns/")
    page.fill(".site-search__input", query)
    page.wait_for_selector('.site-search__output[aria-busy="false"] .site-search__link', timeout=15_000)
    assert axe_violations(page) == []
