"""The sample site, built for real, is in one language per page all the way through."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, build_site, run_mkdocs_build
from donorsite.core.locales import LOCALES

CAMPAIGN_IDS = sorted(path.stem for path in (ROOT / "campaigns").glob("*.yaml"))
PREFIXES = [site_locale.prefix for site_locale in LOCALES]
DUONG_KINH = "2022-duong-kinh-donation-day"
JIAYUGUAN = "wbdd-jiayuguan-summary"
CHANGSHU = "2022-changshu-annual-report"


class _Elements(HTMLParser):
    """Collects start tags with their attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> _Elements:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page(site: Path, prefix: str, key: str = "") -> Path:
    return site / prefix / key / "index.html" if key else site / prefix / "index.html"


def text_of(path: Path) -> str:
    """The visible text, with thin and no-break spaces made plain."""
    return re.sub(r"[\u2009\u202f\u00a0]", " ", " ".join(parse(path).text))


def flat_text(path: Path) -> str:
    """The page's text with the tags removed, not joined by spaces: a stat tile's number and unit read as one."""
    return re.sub(r"[\u2009\u202f\u00a0]", " ", re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_there_are_samples_to_check() -> None:
    assert {DUONG_KINH, JIAYUGUAN, CHANGSHU} <= set(CAMPAIGN_IDS)


def test_every_campaign_is_written_in_every_locale(built_site: Path) -> None:
    missing = [
        f"{prefix}/campaigns/{campaign_id}/"
        for prefix in PREFIXES
        for campaign_id in CAMPAIGN_IDS
        if not page(built_site, prefix, f"campaigns/{campaign_id}").is_file()
    ]
    assert missing == []
    for prefix in PREFIXES:
        assert page(built_site, prefix).is_file()
        assert page(built_site, prefix, "campaigns").is_file()
        assert page(built_site, prefix, "slogans").is_file()


@pytest.mark.parametrize(
    ("prefix", "lang", "skip_label", "search_label"),
    [
        ("zh-hans", "zh-Hans", "跳转至", "搜索"),
        ("zh-hant", "zh-Hant", "跳轉到", "搜尋"),  # Material's zh-TW (Taiwan) labels
        ("vi", "vi", "Bỏ qua", "Tìm kiếm"),
        ("en", "en", "Skip to content", "Search"),
    ],
)
def test_page_language_and_interface_labels(built_site: Path, prefix: str, lang: str, skip_label: str, search_label: str) -> None:
    for key in ("", "campaigns", f"campaigns/{DUONG_KINH}", "about"):
        html = page(built_site, prefix, key).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html, key
        assert skip_label in html, key
        assert f'placeholder="{search_label}"' in html, key
        if lang == "zh-Hant":
            assert "个" not in html, key  # Material's zh-Hant file has it; zh-TW does not


@pytest.mark.parametrize(
    ("prefix", "date", "time_range", "share"),
    [
        ("zh-hans", "2022年11月3日（星期四）", "07:00–11:30", "118.8%"),
        ("zh-hant", "2022年11月3日（星期四）", "07:00–11:30", "118.8%"),
        ("vi", "Thứ Năm, ngày 3/11/2022", "7h00 – 11h30", "118,8%"),
        ("en", "Thursday 3 November 2022", "07:00–11:30", "118.8%"),
    ],
)
def test_dates_times_and_percentages_follow_the_locale(built_site: Path, prefix: str, date: str, time_range: str, share: str) -> None:
    text = text_of(page(built_site, prefix, f"campaigns/{DUONG_KINH}"))
    assert date in text
    assert time_range in text
    assert share in text


@pytest.mark.parametrize(
    ("prefix", "millilitres", "litres"),
    [
        # Chinese prose writes 472万毫升, so the figures do too; no space before the unit.
        ("zh-hans", "32600毫升", "472万毫升"),
        ("zh-hant", "32600毫升", "472萬毫升"),
        ("vi", "32.600 ml", "4.720 lít"),
        ("en", "32,600 mL", "4,720 L"),
    ],
)
def test_volumes_use_each_locales_units_and_litres_or_myriads_for_large_totals(
    built_site: Path, prefix: str, millilitres: str, litres: str
) -> None:
    assert millilitres in text_of(page(built_site, prefix, f"campaigns/{JIAYUGUAN}"))
    assert litres in flat_text(page(built_site, prefix, f"campaigns/{CHANGSHU}"))


def test_pages_link_no_alternate_whose_folder_lacks_a_sitemap(built_site: Path) -> None:
    """Material fetches sitemap.xml next to every <link rel=alternate>: each such request must find one.

    The language alternates (hreflang) are therefore published in the sitemaps, not in the pages.
    """
    for path in [page(built_site, "vi", f"campaigns/{DUONG_KINH}"), page(built_site, "en"), page(built_site, "zh-hans", "slogans")]:
        alternates = [attrs for tag, attrs in parse(path).tags if tag == "link" and attrs.get("rel") == "alternate"]
        assert all("hreflang" not in attrs for attrs in alternates), path
        for attrs in alternates:
            target = (path.parent / attrs["href"]).resolve()
            assert (target.parent / "sitemap.xml").is_file(), (path, attrs)


def test_language_selector_leads_to_the_same_page(built_site: Path) -> None:
    selector = [
        attrs["href"]
        for tag, attrs in parse(page(built_site, "en", f"campaigns/{CHANGSHU}")).tags
        if tag == "a" and "md-select__link" in attrs.get("class", "")
    ]
    expected = [f"../../../{prefix}/campaigns/{CHANGSHU}/" if prefix != "en" else "./" for prefix in PREFIXES]
    assert selector == expected


def test_menu_lists_only_the_pages_of_its_locale(built_site: Path) -> None:
    for prefix in PREFIXES:
        links = [
            attrs["href"]
            for tag, attrs in parse(page(built_site, prefix, "campaigns")).tags
            if tag == "a" and "md-nav__link" in attrs.get("class", "")
        ]
        assert links, prefix
        assert all(not href.startswith("../../") for href in links), (prefix, links)


def test_sitemap_carries_the_alternates(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = sitemap.split(f"<loc>https://blood-campaigns.example.org/en/campaigns/{DUONG_KINH}/</loc>")[1].split("</url>")[0]
    assert entry.count('rel="alternate"') == 5
    assert f'hreflang="vi" href="https://blood-campaigns.example.org/vi/campaigns/{DUONG_KINH}/"' in entry
    assert 'hreflang="x-default" href="https://blood-campaigns.example.org/"' in entry


def test_missing_translation_falls_back_with_a_note(built_site: Path) -> None:
    text = text_of(page(built_site, "en", f"campaigns/{JIAYUGUAN}"))
    assert "Parts of this page have not been translated yet and are shown in Simplified Chinese" in text
    html = page(built_site, "en", f"campaigns/{JIAYUGUAN}").read_text(encoding="utf-8")
    assert '<span lang="zh-Hans">' in html
    translated = text_of(page(built_site, "en", f"campaigns/{DUONG_KINH}"))
    assert "not been translated" not in translated


def test_traditional_text_nobody_wrote_is_converted_and_marked(built_site: Path) -> None:
    text = text_of(page(built_site, "zh-hant", f"campaigns/{JIAYUGUAN}"))
    assert "自動轉換" in text
    assert "捐血" in text  # the glossary's Taiwan wording, not OpenCC's 獻血
    written = text_of(page(built_site, "zh-hant", f"campaigns/{DUONG_KINH}"))
    assert "自動轉換" not in written


def test_root_offers_every_locale(built_site: Path) -> None:
    links = {
        attrs["hreflang"]: attrs["href"]
        for tag, attrs in parse(built_site / "index.html").tags
        if tag == "a" and "hreflang" in attrs and "md-select__link" not in attrs.get("class", "")
    }
    assert links == {"zh-Hans": "zh-hans/", "zh-Hant": "zh-hant/", "vi": "vi/", "en": "en/"}


def test_each_locale_has_its_own_search_index(built_site: Path) -> None:
    """Pagefind keeps one index per <html lang>: each locale's pages are searched apart from the others."""
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == sorted(prefix.lower() for prefix in PREFIXES)
    html = page(built_site, "vi", f"campaigns/{DUONG_KINH}").read_text(encoding="utf-8")
    assert '<html lang="vi"' in html and "data-pagefind-body" in html
    assert not (built_site / "search").exists(), "the theme's whole-site index is gone"


def test_yaml_error_fails_the_build_with_file_and_line(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    target = project / "campaigns" / f"{DUONG_KINH}.yaml"
    lines = target.read_text(encoding="utf-8").splitlines()
    number = next(index for index, line in enumerate(lines) if line.startswith("status:"))
    lines[number] = "status: complete"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"campaigns/{DUONG_KINH}.yaml:{number + 1}:9: status: 'complete' is not one of" in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    ("prefix", "alt"), [("vi", "Một giọt máu đỏ"), ("zh-hans", "一滴红色血滴"), ("zh-hant", "一滴紅色血滴"), ("en", "A red drop")]
)
def test_pictures_carry_alt_text_in_the_readers_language(built_site: Path, prefix: str, alt: str) -> None:
    tags = parse(page(built_site, prefix, f"campaigns/{DUONG_KINH}")).tags
    images = [attrs for tag, attrs in tags if tag == "img" and attrs.get("class") not in ("qr-code__image", "key-facts__qr")]
    assert [image["src"] for image in images] == ["../../../images/blood-drop.png"]
    assert alt in images[0]["alt"]
    assert (built_site / "images" / "blood-drop.png").is_file()


def test_editor_text_is_escaped_in_titles_descriptions_and_headings(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    target = project / "campaigns" / f"{DUONG_KINH}.yaml"
    tricky = 'Drive "A" & &lt;x&gt; *y* [l](javascript:x)'
    lines = target.read_text(encoding="utf-8").splitlines()
    for key in ("title:", "summary:"):
        start = lines.index(key)
        english = next(index for index in range(start, len(lines)) if lines[index].startswith("  en: "))
        lines[english] = f"  en: '{tricky}'"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.succeeded, result.log
    built = tmp_path / "site" / "en" / "campaigns" / DUONG_KINH / "index.html"
    elements = parse(built)
    descriptions = [attrs["content"] for tag, attrs in elements.tags if tag == "meta" and attrs.get("name") == "description"]
    assert descriptions == [tricky]
    html = built.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and unescape(title.group(1)).startswith(tricky)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert heading and unescape(heading.group(1)).strip() == tricky
    assert "javascript:x" not in re.findall(r'href="([^"]*)"', html)
