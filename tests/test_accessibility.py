"""axe-core, in a real headless Chromium, finds no WCAG 2.1 A/AA violation on any kind of page in any locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_browser import CHROMIUM, browser, site_url  # noqa: F401 - fixtures shared with the search tests

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = [
    pytest.mark.skipif(not AXE.is_file(), reason="run `npm ci` (done by .ci/run) to install axe-core"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium: run bash .ci/run or set CHROMIUM_PATH"),
]

PAGE_KINDS = {
    "home": "",
    "listing": "campaigns/",
    "slogans": "slogans/",
    "about": "about/",
    "completed drive with results": "campaigns/2022-duong-kinh-donation-day/",
    "open drive": "campaigns/2026-12-sujin-winter-drive/",
    "report with figures and honour roll": "campaigns/2022-changshu-annual-report/",
    "ride with route and disclaimer": "campaigns/wbdd-lincang-night-ride/",
}
LOCALE_PREFIXES = ("zh-hans", "zh-hant", "vi", "en")
PAGES = [f"{prefix}/{path}" for prefix in LOCALE_PREFIXES for path in PAGE_KINDS.values()] + [
    "zh-hans/editor-guide/",
    "en/editor-guide/",
    "404.html",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(browser, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    # The pages' Content Security Policy would refuse the injected axe script; it is tested elsewhere.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(site_url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    finally:
        context.close()
    violations = [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}x, e.g. {violation['nodes'][0]['target']})"
        for violation in result["violations"]
    ]
    assert violations == []
