"""The site in a real headless Chromium: the root page leads to a locale, the Content Security Policy holds (search: test_search.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import needs_chromium

pytestmark = needs_chromium


@pytest.mark.parametrize(
    ("browser_locale", "landing"),
    [("en-US", "en/"), ("zh-TW", "zh-hant/"), ("zh-CN", "zh-hans/"), ("vi-VN", "vi/"), ("fr-FR", "zh-hans/")],
)
def test_root_leads_to_the_preferred_or_default_locale(browser, site_url: str, browser_locale: str, landing: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale=browser_locale)
    page = context.new_page()
    try:
        page.goto(site_url)
        page.wait_for_url(f"{site_url}{landing}", timeout=10_000)
    finally:
        context.close()


def test_content_security_policy_blocks_injected_script_but_not_the_site(browser, built_site: Path, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """An inline script that got into a page does not run; the theme's own scripts still do."""
    source = (built_site / "en" / "campaigns" / "2022-duong-kinh-donation-day" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in source
    injected = source.replace(
        '<p class="campaign__summary">', '<script>window.__injected = 1; alert("x")</script><p class="campaign__summary">', 1
    )
    folder = built_site / "en" / "campaigns" / "injected-copy"
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(injected, encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    refused: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    try:
        page.goto(f"{site_url}en/campaigns/injected-copy/")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__injected") is None
        assert page.evaluate("typeof __md_scope") == "object", "the theme's own inline script must still run"
    finally:
        page.close()
    assert dialogs == []
    theme_refusals = [text for text in refused if "sitemap.xml" not in text and "inline script" not in text]
    assert theme_refusals == []
    assert any("inline script" in text for text in refused)
