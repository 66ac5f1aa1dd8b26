"""Search (Pagefind) on the built sample site, in Chromium: what a citizen types finds the page, in the reader's locale only."""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import needs_chromium
from donorsite.build.site_search import SearchIndexError, write_search_index
from donorsite.core.locales import LOCALES
from search_queries import QUERIES, READER_CLOCK, SUJIN, SUZHOU

PREFIXES = [site_locale.prefix for site_locale in LOCALES]


def open_search(browser, url: str, clock: str = READER_CLOCK):  # type: ignore[no-untyped-def]
    """A page at ``url`` with the reader's clock at ``clock`` and every request it makes recorded in ``page.requested``."""
    page = browser.new_page(viewport={"width": 412, "height": 860})
    page.clock.set_fixed_time(datetime.fromisoformat(clock))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.requested = requested
    page.goto(url)
    return page


def results_for(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The result links (paths) the search box lists for ``query``, typed as an input method types: input events, no key events."""
    page.evaluate("document.querySelector('.site-search__output').setAttribute('aria-busy', 'true')")
    page.fill(".site-search__input", "")
    page.focus(".site-search__input")
    page.keyboard.insert_text(query)
    page.wait_for_selector('.site-search__output[aria-busy="false"]', timeout=15_000)
    return [urlsplit(href).path for href in page.eval_on_selector_all(".site-search__link", "links => links.map(l => l.href)")]


@needs_chromium
@pytest.mark.parametrize("prefix", PREFIXES)
def test_each_query_finds_its_page_in_the_top_three_in_the_readers_locale(browser, site_url: str, prefix: str) -> None:  # type: ignore[no-untyped-def]
    page = open_search(browser, f"{site_url}{prefix}/")
    misses, strays = [], []
    try:
        for query, expected in QUERIES[prefix]:
            results = results_for(page, query)
            if f"/{prefix}/{expected}" not in results[:3]:
                misses.append(f"{query!r}: {expected} not in the top 3 of {results[:5]}")
            strays += [f"{query!r}: {path}" for path in results if not path.startswith(f"/{prefix}/")]
    finally:
        page.close()
    assert len(QUERIES[prefix]) >= 10
    assert misses == []
    assert strays == []
    # Self-hosted: the page, its index and Pagefind's own files come from the site.
    hosts = {urlsplit(url).netloc for url in page.requested if url.startswith("http")}
    assert hosts == {urlsplit(site_url).netloc}


@needs_chromium
def test_upcoming_events_rank_above_past_ones_by_the_readers_clock(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_search(browser, f"{site_url}zh-hans/")
    try:
        campaigns = [path for path in results_for(page, "世界献血者日") if "/campaigns/" in path]
    finally:
        page.close()
    assert campaigns[0] == f"/zh-hans/{SUZHOU}", campaigns
    # Once the 2027 event is over, it ranks among the others by relevance alone.
    later = open_search(browser, f"{site_url}zh-hans/", clock="2031-01-01T00:00:00+08:00")
    try:
        first = [path for path in results_for(later, "献血") if "/campaigns/" in path][0]
    finally:
        later.close()
    assert first != f"/zh-hans/{SUJIN}"


@needs_chromium
def test_search_starts_on_input_and_fetches_only_the_readers_locale(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_search(browser, f"{site_url}vi/")
    try:
        page.wait_for_load_state("load")
        before = list(page.requested)
        assert not any("/pagefind/" in url for url in before), "no index before the reader opens search"
        results_for(page, "hien mau")
        fetched = [url for url in page.requested if "/pagefind/" in url]
    finally:
        page.close()
    names = [url.rsplit("/", 1)[1] for url in fetched]
    assert any(name.startswith("pagefind.vi_") for name in names), names
    assert not any(f".{other}_" in name or name.startswith(f"{other}_") for name in names for other in ("zh-hans", "zh-hant", "en")), names


def test_one_index_per_locale_and_none_for_the_root_page(built_site: Path) -> None:
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {site_locale.code.lower() for site_locale in LOCALES}
    root = (built_site / "index.html").read_text(encoding="utf-8")
    assert "pagefind/" not in root and 'class="site-search"' not in root
    assert "data-pagefind-body" not in (built_site / "zh-hans" / "404.html").read_text(encoding="utf-8")


def _fragments(built_site: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    """Pagefind's record of each indexed page, by its URL."""
    fragments = {}
    for path in (built_site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        fragments[record["url"]] = record
    return fragments


def test_the_index_holds_what_a_citizen_searches_not_buttons_map_links_or_menus(built_site: Path) -> None:
    record = _fragments(built_site)["/en/campaigns/2022-duong-kinh-donation-day/"]
    text = record["content"]
    assert record["meta"]["title"] == "Dương Kinh District blood donation day 2022"
    assert "Dương Kinh District donation site" in text and "3 November 2022" in text
    for left_out in ("Add to calendar", "Share on", "Scan to open this page", "All campaigns", "Blood supply"):
        assert left_out not in text, left_out
    assert record["meta"]["ends"].startswith("2022-11-03T")


def _tiny_site(folder: Path) -> Path:
    for lang, name, text in (("vi", "a", "Ngày hội hiến máu"), ("en", "b", "Blood drive"), ("zh-Hans", "c", "献血活动")):
        page = folder / name / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<!doctype html><html lang="{lang}"><body><main data-pagefind-body><h1>{text}</h1></main></body></html>', "utf-8")
    return folder


def test_the_search_step_gives_the_same_bytes_twice_and_says_what_went_wrong(tmp_path: Path) -> None:
    runs = []
    for run in ("first", "second"):
        bundle = write_search_index(_tiny_site(tmp_path / run))
        runs.append({path.relative_to(bundle).as_posix(): path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()})
    assert runs[0] == runs[1]
    assert set(json.loads(runs[0]["pagefind-entry.json"])["languages"]) == {"vi", "en", "zh-hans"}
    with pytest.raises(SearchIndexError, match="no such folder; build the site first"):
        write_search_index(tmp_path / "not-built")


@needs_chromium
@pytest.mark.parametrize(("prefix", "said"), [("en", "Search could not be loaded."), ("zh-hant", "無法載入搜尋。")])
def test_a_search_whose_index_cannot_load_says_so_and_the_next_one_finds(browser, site_url: str, prefix: str, said: str) -> None:  # type: ignore[no-untyped-def]
    """The connection drops (or a preview was built without an index): the box says so in the page's language, not "loading" for ever."""
    page = browser.new_page(viewport={"width": 412, "height": 860})
    try:
        page.route("**/pagefind/**", lambda route: route.abort())
        page.goto(f"{site_url}{prefix}/")
        assert results_for(page, "blood" if prefix == "en" else "捐血") == []
        assert page.inner_text(".site-search__status") == said
        # Back online: the next query loads the index and finds.
        page.unroute("**/pagefind/**")
        assert results_for(page, "blood donation" if prefix == "en" else "捐血活動")
        assert page.inner_text(".site-search__status") != said
    finally:
        page.close()
