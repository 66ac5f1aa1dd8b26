"""What a citizen sees, checked in the built sample site's HTML: campaign pages, home, listing, slogans, 404."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import zxingcpp
from babel.numbers import format_decimal

from conftest import BUILD_DATE
from donorsite.core.locales import LOCALES
from donorsite.render.sharing import qr_code_svg

BASE = "https://blood-campaigns.example.org/"
PREFIXES = [site_locale.prefix for site_locale in LOCALES]
DUONG_KINH = "2022-duong-kinh-donation-day"
WBDD_2027 = "2027-wbdd-suzhou-square"
CHANGSHU = "2022-changshu-annual-report"


class _Tree(HTMLParser):
    """Start tags with attributes, and the text inside each element with a class or id of interest."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def tags(path: Path) -> list[tuple[str, dict[str, str]]]:
    tree = _Tree()
    tree.feed(path.read_text(encoding="utf-8"))
    return tree.tags


def html(site: Path, prefix: str, key: str = "") -> str:
    path = site / prefix / key / "index.html" if key else site / prefix / "index.html"
    return path.read_text(encoding="utf-8")


def with_classes(site: Path, prefix: str, key: str, tag_name: str, css: str) -> list[dict[str, str]]:
    path = site / prefix / key / "index.html" if key else site / prefix / "index.html"
    return [attrs for tag, attrs in tags(path) if tag == tag_name and css in attrs.get("class", "").split()]


def next_world_blood_donor_day(today: date) -> date:
    this_year = date(today.year, 6, 14)
    return this_year if today <= this_year else date(today.year + 1, 6, 14)


# Campaign pages ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("campaign", "expected", "absent"),
    [
        (DUONG_KINH, {"geo", "openstreetmap", "google"}, {"amap", "baidu"}),  # Viet Nam: Google Maps works
        (WBDD_2027, {"geo", "amap", "baidu"}, {"google", "openstreetmap"}),  # mainland China: Google Maps is blocked
    ],
)
def test_map_links_are_ones_that_work_where_the_venue_is(built_site: Path, campaign: str, expected: set[str], absent: set[str]) -> None:
    links = with_classes(built_site, "en", f"campaigns/{campaign}", "a", "map-link")
    services = {next(c.split("--")[1] for c in link["class"].split() if c.startswith("map-link--")) for link in links}
    assert expected <= services and not (absent & services)
    geo = next(link["href"] for link in links if link["href"].startswith("geo:"))
    assert geo.startswith("geo:20.7909,106.6966" if campaign == DUONG_KINH else "geo:31.3117,120.6186")


def test_chinese_map_links_carry_wgs84_positions(built_site: Path) -> None:
    amap = next(link["href"] for link in with_classes(built_site, "zh-hans", f"campaigns/{WBDD_2027}", "a", "map-link--amap"))
    assert "position=120.6186%2C31.3117" in amap and "coordinate=wgs84" in amap


def test_campaign_page_links_each_event_to_its_calendar_file(built_site: Path) -> None:
    for prefix in PREFIXES:
        links = with_classes(built_site, prefix, f"campaigns/{WBDD_2027}", "a", "calendar-link")
        assert [link["href"] for link in links] == ["event-1.ics"]
        assert (built_site / prefix / "campaigns" / WBDD_2027 / "event-1.ics").is_file()


@pytest.mark.parametrize(
    ("prefix", "age", "weight", "interval"),
    [
        ("zh-hans", "年龄18至55周岁", "体重男性不低于50千克，女性不低于45千克", "距上次献全血至少6个月"),
        ("en", "Aged 18 to 55", "Weighing at least 50 kg (men) or 45 kg (women)", "At least 6 months since your last whole-blood donation"),
    ],
)
def test_who_may_donate_follows_the_venues_country(built_site: Path, prefix: str, age: str, weight: str, interval: str) -> None:
    page = html(built_site, prefix, f"campaigns/{WBDD_2027}")
    section = page.split('id="who-may-donate"')[1].split("</ul>")[0]
    for condition in (age, weight, interval):
        assert condition in section


def test_who_may_donate_is_left_out_after_the_drive(built_site: Path) -> None:
    assert 'id="who-may-donate"' not in html(built_site, "vi", f"campaigns/{DUONG_KINH}")


def scanned(svg: str, scale: int = 4) -> zxingcpp.Barcode | None:
    """What a scanner reads from a QR code drawn as our SVG: its lines are painted, pixel by pixel, then decoded."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))  # type: ignore[union-attr]
    pixels = bytearray([255]) * (size * scale) ** 2
    x = y = 0.0
    for move, dx, dy, length in re.findall(r"([Mm])(-?\d+) (-?[\d.]+)h(\d+)", svg.split('stroke="#000" d="')[1]):
        x, y = (float(dx), float(dy)) if move == "M" else (x + float(dx), y + float(dy))
        for row in range(int(y) * scale, int(y) * scale + scale):
            start = row * size * scale + int(x) * scale
            pixels[start : start + int(length) * scale] = bytes(int(length) * scale)
        x += int(length)
    return zxingcpp.read_barcode(memoryview(pixels).cast("B", (size * scale, size * scale)), formats=zxingcpp.BarcodeFormat.QRCode)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_qr_code_encodes_the_pages_public_address(built_site: Path, prefix: str) -> None:
    page = html(built_site, prefix, f"campaigns/{DUONG_KINH}")
    address = f"{BASE}{prefix}/campaigns/{DUONG_KINH}/"
    image = re.search(r'<img class="qr-code__image" src="qr.svg" alt="([^"]+)" width="132" height="132">', page)
    assert image is not None and image.group(1).strip()
    drawn = (built_site / prefix / "campaigns" / DUONG_KINH / "qr.svg").read_text(encoding="utf-8")
    code = scanned(drawn)
    assert code is not None and code.text == address and code.ec_level == "M"
    assert 'fill="#fff"' in drawn, "a white background keeps the code readable in a dark theme"


def test_a_scanner_reads_the_drawing_and_not_just_any_code() -> None:
    """The scanning helper itself: a code whose top rows are wiped (finder patterns and all) reads as nothing."""
    drawn = qr_code_svg("https://blood.example.org/vi/").decode("ascii")
    assert scanned(drawn).text == "https://blood.example.org/vi/"  # type: ignore[union-attr]
    assert scanned(re.sub(r"h(\d+)", "h0", drawn, count=60)) is None


def test_share_links_carry_the_pages_address(built_site: Path) -> None:
    address = f"{BASE}vi/campaigns/{DUONG_KINH}/"
    links = {
        link["class"].split("--")[-1]: link["href"] for link in with_classes(built_site, "vi", f"campaigns/{DUONG_KINH}", "a", "share-link")
    }
    assert list(links) == ["zalo", "facebook"]
    assert quote(address, safe="") in links["zalo"]
    assert links["facebook"] == "https://www.facebook.com/sharer/sharer.php?u=" + quote(address, safe="")


@pytest.mark.parametrize(
    ("prefix", "services"),
    [
        # LINE and WhatsApp are blocked in mainland China; WeChat shares through the page's QR code.
        ("zh-hans", ["wechat", "weibo"]),
        ("zh-hant", ["line", "facebook"]),
        ("vi", ["zalo", "facebook"]),
        ("en", ["whatsapp", "facebook", "x"]),
    ],
)
def test_share_targets_are_the_apps_of_each_locale(built_site: Path, prefix: str, services: list[str]) -> None:
    links = {
        link["class"].split("--")[-1]: link["href"]
        for link in with_classes(built_site, prefix, f"campaigns/{DUONG_KINH}", "a", "share-link")
    }
    assert list(links) == services
    address = quote(f"{BASE}{prefix}/campaigns/{DUONG_KINH}/", safe="")
    for service, href in links.items():
        if service == "wechat":
            assert href == "#share-qr" and 'id="share-qr"' in html(built_site, prefix, f"campaigns/{DUONG_KINH}")
        else:
            assert href.startswith("https://") and (address in href or address.replace("%2F", "/") in href), href


@pytest.mark.parametrize(
    ("prefix", "numbers"),
    [("en", ["297", "250", "118.8%"]), ("vi", ["297", "250", "118,8%"]), ("zh-hans", ["297", "250", "118.8%"])],
)
def test_results_chart_carries_its_numbers_in_text(built_site: Path, prefix: str, numbers: list[str]) -> None:
    page = html(built_site, prefix, f"campaigns/{DUONG_KINH}")
    chart = re.search(r'<svg class="chart" id="chart-results".*?</svg>', page, re.S)
    assert chart is not None
    svg = chart.group(0)
    assert 'role="img"' in svg and 'aria-labelledby="chart-results-title chart-results-desc"' in svg
    drawn_text = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    description = re.search(r"<desc[^>]*>([^<]*)</desc>", svg)
    assert description is not None
    for number in numbers:
        assert number in drawn_text and number in description.group(1)
    # The bar for 297 of 250 is full width; the target marker sits at 250/297 of it.
    marker = re.search(r'<line class="chart__target" x1="([\d.]+)"', svg)
    assert marker is not None and float(marker.group(1)) == pytest.approx(312 * 250 / 297, abs=0.1)
    table = page.split('<table class="measures">')[1].split("</table>")[0]
    assert all(number in table for number in numbers)


def test_annual_report_draws_its_awards(built_site: Path) -> None:
    page = html(built_site, "en", f"campaigns/{CHANGSHU}")
    chart = re.search(r'<svg class="chart" id="chart-awards".*?</svg>', page, re.S)
    assert chart is not None
    awards = page.split('<table class="awards">')[1].split("</table>")[0]
    counts = re.findall(r'<td class="num">([\d,]+)</td>', awards)[:-1]
    assert counts and all(count in chart.group(0) for count in counts)


def test_campaign_page_says_when_it_was_last_updated(built_site: Path) -> None:
    updated = with_classes(built_site, "en", f"campaigns/{DUONG_KINH}", "time", "")
    assert re.search(
        r'<p class="campaign__updated">Last updated: <time datetime="\d{4}-\d{2}-\d{2}">', html(built_site, "en", f"campaigns/{DUONG_KINH}")
    )
    assert updated is not None


@pytest.mark.parametrize(("prefix", "og_locale"), [("zh-hans", "zh_CN"), ("zh-hant", "zh_TW"), ("vi", "vi_VN"), ("en", "en_US")])
def test_sharing_previews_describe_each_page(built_site: Path, prefix: str, og_locale: str) -> None:
    meta = {
        attrs.get("property") or attrs.get("name"): attrs.get("content", "")
        for tag, attrs in tags(built_site / prefix / "campaigns" / DUONG_KINH / "index.html")
        if tag == "meta"
    }
    assert meta["og:url"] == f"{BASE}{prefix}/campaigns/{DUONG_KINH}/"
    assert meta["og:locale"] == og_locale
    assert meta["og:type"] == "article"
    assert meta["og:image"] == f"{BASE}images/blood-drop.png"
    assert meta["og:description"] == meta["description"] and "297" in meta["og:description"]
    assert meta["twitter:card"] == "summary_large_image"
    home = {attrs.get("property"): attrs.get("content", "") for tag, attrs in tags(built_site / prefix / "index.html") if tag == "meta"}
    assert home["og:url"] == f"{BASE}{prefix}/" and home["og:type"] == "website"


# Home, listing, slogans -----------------------------------------------------------


@pytest.mark.parametrize("site_locale", LOCALES, ids=PREFIXES)
def test_home_counts_down_to_the_next_world_blood_donor_day(built_site: Path, site_locale) -> None:  # type: ignore[no-untyped-def]
    today = BUILD_DATE
    target = next_world_blood_donor_day(today)
    countdown = with_classes(built_site, site_locale.prefix, "", "p", "countdown")[0]
    assert countdown["data-countdown-month"] == "6" and countdown["data-countdown-day"] == "14"
    assert "{days}" in countdown["data-text-other"]
    page = html(built_site, site_locale.prefix)
    built_text = re.search(r'<span class="countdown__text">([^<]*)</span> <time class="countdown__date" datetime="([\d-]+)">', page)
    assert built_text is not None
    assert built_text.group(2) == target.isoformat()
    days = (target - today).days
    assert format_decimal(days, locale=site_locale.babel) in built_text.group(1)


def test_home_lists_coming_events_soonest_first(built_site: Path) -> None:
    page = html(built_site, "en")
    coming = page.split('id="coming-up"')[1].split("<h2")[0]
    dates = re.findall(r'<time class="upcoming__date" datetime="([\d-]+)">', coming)
    assert dates == sorted(dates)
    assert all(day >= BUILD_DATE.isoformat() for day in dates)
    assert f"campaigns/{WBDD_2027}/" in coming


def test_home_shows_a_theme_recent_results_and_a_slogan(built_site: Path) -> None:
    page = html(built_site, "vi")
    assert re.search(r'<span class="home__theme-label">Chủ đề Ngày Quốc tế Người hiến máu \d{4}</span>', page)
    results = page.split('id="results"')[1].split("</ul>")[0]
    assert f"campaigns/{DUONG_KINH}/" in results and "campaigns/2026-12-sujin-winter-drive/" not in results
    assert '<p class="home__slogan">' in page


def test_listing_offers_filters_by_year_city_and_status(built_site: Path) -> None:
    path = built_site / "en" / "campaigns" / "index.html"
    options: dict[str, list[str]] = {}
    current = ""
    for tag, attrs in tags(path):
        if tag == "select":
            current = attrs["name"]
        elif tag == "option" and current:
            options.setdefault(current, []).append(attrs["value"])
    assert options["year"][:3] == ["", "2027", "2026"]
    # Places are named by region id (issue 21): one choice per place in every language.
    assert "vietnam-hai-phong" in options["city"]
    assert options["status"] == ["", "planned", "confirmed"]
    assert options["when"] == ["", "upcoming", "past"]
    cards = [attrs for tag, attrs in tags(path) if tag == "li" and "campaign-card" in attrs.get("class", "")]
    duong_kinh = next(card for card in cards if card["data-year"] == "2022" and "Dương Kinh" in card["data-cities"])
    assert (duong_kinh["data-status"], duong_kinh["data-when"]) == ("confirmed", "past")


def test_archive_has_a_page_per_year(built_site: Path) -> None:
    for prefix in PREFIXES:
        years = sorted(path.name for path in (built_site / prefix / "archive").iterdir())
        assert years == ["2011", "2015", "2016", "2021", "2022", "2026", "2027"]
    archive = html(built_site, "en", "archive/2022")
    assert f"campaigns/{DUONG_KINH}/" in archive and WBDD_2027 not in archive


def test_slogans_are_grouped_and_shown_with_their_translations(built_site: Path) -> None:
    page = html(built_site, "en", "slogans")
    headings = re.findall(r'<h2 id="([^"]+)"', page)
    assert headings[:2] == ["theme-2025", "theme-2024"] and any(h.startswith("tag-") for h in headings)
    theme = page.split('id="theme-2025"')[1].split("</ol>")[0]
    assert "Give blood, give hope." in theme
    assert '<dd lang="zh-Hans">献出一份血，送出一份希望。</dd>' in theme and '<dd lang="vi">' in theme


# Not found ---------------------------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
def test_each_locale_has_a_404_page_with_home_and_search(built_site: Path, prefix: str) -> None:
    path = built_site / prefix / "404.html"
    page = path.read_text(encoding="utf-8")
    assert f'<base href="/{prefix}/">' in page
    form = next(attrs for tag, attrs in tags(path) if tag == "form" and "not-found__search" in attrs.get("class", ""))
    assert form["action"] == "./"
    assert any(tag == "input" and attrs.get("name") == "q" for tag, attrs in tags(path))
    html_tag = next(attrs for tag, attrs in tags(path) if tag == "html")
    assert html_tag["lang"] == next(loc.code for loc in LOCALES if loc.prefix == prefix)
    assert "404" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")


def test_site_wide_404_offers_every_locale(built_site: Path) -> None:
    links = [
        attrs["href"]
        for tag, attrs in tags(built_site / "404.html")
        if tag == "a" and "hreflang" in attrs and "md-select__link" not in attrs.get("class", "")
    ]
    assert links == [f"/{prefix}/" for prefix in PREFIXES]


# No third-party host -------------------------------------------------------------


# Every attribute through which a page makes the browser fetch something.
LOADING_ATTRIBUTES = ("src", "srcset", "poster", "data", "background")
LOADING_LINKS = {"stylesheet", "preconnect", "preload", "prefetch", "icon", "dns-prefetch", "modulepreload", "manifest"}
OUTSIDE_CSS = re.compile(r"@import\s+(url\()?\s*['\"]?(https?:)?//|url\(\s*['\"]?(https?:)?//|fonts\.googleapis|fonts\.gstatic")


def _addresses(value: str) -> list[str]:
    """The URLs of an attribute; ``srcset`` lists several, each followed by a size."""
    return [candidate.strip().split(" ")[0] for candidate in value.split(",")] if "," in value else [value.strip()]


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    """Scripts, styles, pictures, fonts, frames and media all come from the site itself, in HTML and in CSS."""
    offenders = []
    for path in built_site.rglob("*.html"):
        for tag, attrs in tags(path):
            urls = [url for name in LOADING_ATTRIBUTES for url in _addresses(attrs.get(name, ""))]
            if tag == "link" and LOADING_LINKS & set(attrs.get("rel", "").lower().split()):
                urls.append(attrs.get("href", ""))
            offenders += [(path.relative_to(built_site).as_posix(), tag, url) for url in urls if url and urlsplit(url).netloc]
            if OUTSIDE_CSS.search(attrs.get("style", "")):
                offenders.append((path.relative_to(built_site).as_posix(), tag, attrs["style"]))
        inline_styles = re.findall(r"<style[^>]*>(.*?)</style>", path.read_text(encoding="utf-8"), re.S)
        offenders += [(path.relative_to(built_site).as_posix(), "style", css) for css in inline_styles if OUTSIDE_CSS.search(css)]
    assert offenders == []
    css = "\n".join(path.read_text(encoding="utf-8") for path in built_site.rglob("*.css"))
    assert not OUTSIDE_CSS.search(css)


def test_json_ld_and_feed_link_are_in_the_head(built_site: Path) -> None:
    page = html(built_site, "vi", f"campaigns/{DUONG_KINH}")
    head = page.split("</head>")[0]
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))  # type: ignore[union-attr]
    assert data and data[0]["@type"] == "Event"
    assert '<link rel="alternate" type="application/atom+xml" href="../../feed.xml"' in head
    assert (built_site / "vi" / "feed.xml").is_file()


# Figures as stat tiles ---------------------------------------------------------

ZHUMADIAN = "2021-zhumadian-red-cross-report"


def tile_texts(site: Path, prefix: str, campaign: str) -> list[str]:
    """The text of each stat tile's value (number, qualifier and unit), tags removed."""
    page = html(site, prefix, f"campaigns/{campaign}")
    values = re.findall(r'<span class="stat-tile__value">(.*?)</span>\n', page)
    return [re.sub(r"<[^>]+>", "", value) for value in values]


@pytest.mark.parametrize(
    ("prefix", "changshu", "zhumadian"),
    [
        ("zh-hans", "300多人", "3400多人"),
        ("zh-hant", "300多人", "3400多人"),
        ("vi", "hơn 300 người", "hơn 3.400 người"),
        ("en", "more than 300 people", "more than 3,400 people"),
    ],
)
def test_approximate_figures_carry_their_qualifier_the_locales_way(built_site: Path, prefix: str, changshu: str, zhumadian: str) -> None:
    assert changshu in tile_texts(built_site, prefix, CHANGSHU)
    assert zhumadian in tile_texts(built_site, prefix, ZHUMADIAN)


def test_figures_are_grouped_as_the_editor_grouped_them(built_site: Path) -> None:
    page = html(built_site, "en", f"campaigns/{ZHUMADIAN}")
    figures = page.split('id="figures"', 1)[1]
    headings = re.findall(r"<h3[^>]*>(.*?)</h3>", figures)
    assert headings[:3] == ["Organ and body donation", "Stem-cell donation", "First-aid training"]
    # One list of tiles per group, in the file's order: 3 + 5 + 2 figures.
    groups = re.findall(r'<ul class="stat-tiles">(.*?)</ul>', figures, flags=re.S)
    assert [group.count('class="stat-tile ') for group in groups] == [3, 5, 2]


def test_a_figure_shows_its_comparison_under_the_label(built_site: Path) -> None:
    page = html(built_site, "en", f"campaigns/{CHANGSHU}")
    tile = re.search(r'<li class="stat-tile stat-tile--ml">(.*?)</li>', page, flags=re.S)
    assert tile is not None
    assert re.findall(r'class="stat-tile__(label|comparison)"', tile.group(1)) == ["label", "comparison"]
    assert "Second among Suzhou" in tile.group(1)


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("campaign", [CHANGSHU, ZHUMADIAN, "wbdd-jiayuguan-summary", DUONG_KINH])
def test_every_chart_draws_one_unit(built_site: Path, prefix: str, campaign: str) -> None:
    for attrs in with_classes(built_site, prefix, f"campaigns/{campaign}", "svg", "chart"):
        assert attrs.get("data-unit") in {"people", "percent"}, attrs
    if campaign == DUONG_KINH:
        # Results against targets count people and blood units: the chart draws the share of each target.
        charts = with_classes(built_site, prefix, f"campaigns/{campaign}", "svg", "chart")
        assert [chart["data-unit"] for chart in charts] == ["percent"]


# Language notes per item -------------------------------------------------------


def test_listings_tag_each_item_in_another_language_instead_of_a_page_note(built_site: Path) -> None:
    for key in ("", "campaigns"):
        page = html(built_site, "vi", key)
        assert "translation-note" not in page and "conversion-note" not in page
        tags = re.findall(r'<span class="language-tag language-tag--fallback">([^<]+)</span>', page)
        assert tags and set(tags) == {"Tiếng Anh"}, tags
    # Items written in Vietnamese carry no tag.
    card = html(built_site, "vi", "campaigns").split(f'href="{DUONG_KINH}/"', 1)[1].split("</li>", 1)[0]
    assert "language-tag" not in card


def test_listings_tag_items_converted_from_the_other_script(built_site: Path) -> None:
    listing = html(built_site, "zh-hant", "campaigns")
    assert "conversion-note" not in listing
    assert '<span class="language-tag language-tag--converted">自動轉換</span>' in listing


def test_a_campaign_page_whose_own_text_falls_back_keeps_the_page_note(built_site: Path) -> None:
    assert "translation-note" in html(built_site, "en", "campaigns/wbdd-jiayuguan-summary")


# Key facts ---------------------------------------------------------------------

SECOND_EVENT = """\
  - date: 2026-12-19
    start: "09:00"
    end: "15:00"
    timezone: Asia/Shanghai
    title:
      zh-Hans: 第二场
      en: Second day
    venue:
      name:
        zh-Hans: 苏锦街道文化广场
        en: Sujin Culture Square
      city:
        zh-Hans: 苏州市姑苏区
        en: Gusu District, Suzhou
"""


def test_a_campaign_of_several_events_shows_one_compact_row_per_event(tmp_path: Path) -> None:
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    path = project / "campaigns" / "2026-12-sujin-winter-drive.yaml"
    text = path.read_text(encoding="utf-8")
    # The second event goes right after the first one's last line of notes.
    anchor = "        en: Drink plenty of water afterwards and avoid hard exercise that day.\n"
    path.write_text(text.replace(anchor, anchor + SECOND_EVENT, 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.succeeded, result.log
    page = html(tmp_path / "site", "en", "campaigns/2026-12-sujin-winter-drive")
    article = page.split('<article class="md-content__inner md-typeset">', 1)[1]
    key_facts = article.split('<section class="key-facts"', 1)[1].split("</section>", 1)[0]
    # The key facts come right after the title, before any other block.
    assert re.sub(r"\s+", " ", article.split('<section class="key-facts"', 1)[0]).strip().endswith("</h1>")
    rows = re.findall(r'<li class="key-facts__event">(.*?)</li>', key_facts, flags=re.S)
    assert len(rows) == 2
    assert "Second day" in rows[1] and "Sujin Culture Square" in rows[1] and "09:00–15:00" in rows[1]
    assert [re.findall(r'class="calendar-link" href="([^"]+)"', row) for row in rows] == [["event-1.ics"], ["event-2.ics"]]
    assert key_facts.count('class="campaign__signup"') == 1


# Weight ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "loaded", "not_loaded"),
    [
        ("", {"countdown.js", "time-state.js"}, {"campaign-filter.js", "share.js", "choose-locale.js"}),
        ("campaigns", {"campaign-filter.js", "time-state.js"}, {"countdown.js", "share.js", "choose-locale.js"}),
        (f"campaigns/{WBDD_2027}", {"time-state.js", "share.js"}, {"countdown.js", "campaign-filter.js", "choose-locale.js"}),
        (f"campaigns/{CHANGSHU}", {"share.js"}, {"countdown.js", "campaign-filter.js", "time-state.js", "choose-locale.js"}),
    ],
)
def test_pages_load_only_the_scripts_they_use(built_site: Path, key: str, loaded: set[str], not_loaded: set[str]) -> None:
    for prefix in PREFIXES:
        scripts = set(re.findall(r'<script src="[^"]*assets/([a-z-]+\.js)"', html(built_site, prefix, key)))
        assert loaded <= scripts and not (not_loaded & scripts), (prefix, scripts)
