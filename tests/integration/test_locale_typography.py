"""Punctuation, address order, dates, times, zones, numbers and units on the built pages of each locale.

Everything here is read from the real site built once by ``built_site``;
the patterns come from the label catalogs and ``DATE_STYLES`` (see the
README's translators' style sheet).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import build_site, copy_project
from donorsite.core.locales import get_locale
from donorsite.localize.catalogs import load_translations
from donorsite.localize.formatting import LocaleFormatter
from donorsite.localize.texts import LocalText, TextOrigin
from donorsite.render.context import LocaleRenderer, build_renderers

SUZHOU_2027 = "2027-wbdd-suzhou-square"
JIAYUGUAN = "wbdd-jiayuguan-summary"
CHANGSHU = "2022-changshu-annual-report"
DUONG_KINH = "2022-duong-kinh-donation-day"


def html(site: Path, prefix: str, key: str) -> str:
    return (site / prefix / key / "index.html").read_text(encoding="utf-8")


def content(site: Path, prefix: str, key: str) -> str:
    """The article of a page, without the theme's header, search and footer."""
    page = html(site, prefix, key)
    return page.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("zh-hans", ["主办单位：", "电话：", "最后更新：", '09:00–17:00（<span class="timezone">北京时间</span>）']),
        ("zh-hant", ["主辦單位：", "電話：", "最後更新：", '09:00–17:00（<span class="timezone">北京時間</span>）']),
        ("vi", ["Đơn vị chủ trì: ", "Điện thoại: ", '9h00 – 17h00 (<span class="timezone">giờ Bắc Kinh</span>)']),
        ("en", ["Host: ", "Phone: ", "Last updated: ", '09:00–17:00 (<span class="timezone">Beijing time</span>)']),
    ],
)
def test_labels_and_brackets_use_the_locales_punctuation(built_site: Path, prefix: str, expected: list[str]) -> None:
    article = content(built_site, prefix, f"campaigns/{SUZHOU_2027}")
    for text in expected:
        assert text in article


@pytest.mark.parametrize("prefix", ["zh-hans", "zh-hant"])
@pytest.mark.parametrize("campaign", [SUZHOU_2027, JIAYUGUAN, CHANGSHU])
def test_chinese_pages_have_no_ascii_joiners_from_the_templates(built_site: Path, prefix: str, campaign: str) -> None:
    article = re.sub(r"<svg.*?</svg>|<[^>]+>", "", content(built_site, prefix, f"campaigns/{campaign}"), flags=re.S)
    # Text outside tags: a label colon, bracket or comma the templates added would show here.
    for joiner in ("：", "（"):
        assert joiner in article
    assert not re.search(r"[\u4e00-\u9fff]: |[\u4e00-\u9fff] \(|\)[\u4e00-\u9fff]|[\u4e00-\u9fff], [\u4e00-\u9fff]", article), article


def test_honour_roll_affiliations_sit_in_the_locales_brackets(built_site: Path) -> None:
    assert '褚*燕（<span class="affiliation">莫城街道</span>）' in content(built_site, "zh-hans", f"campaigns/{CHANGSHU}")
    assert '<span lang="zh-Hans">褚*燕</span> (<span class="affiliation">' in content(built_site, "en", f"campaigns/{CHANGSHU}")


@pytest.mark.parametrize(
    ("prefix", "place"),
    [
        # Chinese: the venue, then the place from large to small in brackets; others from small to large.
        ("zh-hans", "雄关广场（甘肃省嘉峪关市）"),
        ("zh-hant", "雄關廣場（甘肅省嘉峪關市）"),
        ("en", "Xiongguan Square, Jiayuguan, Gansu"),
    ],
)
def test_venues_follow_the_locales_address_order(built_site: Path, prefix: str, place: str) -> None:
    assert place in content(built_site, prefix, f"campaigns/{JIAYUGUAN}")


@pytest.mark.parametrize("prefix", ["zh-hans", "zh-hant"])
def test_chinese_pages_use_one_weekday_form(built_site: Path, prefix: str) -> None:
    pages = [path.read_text(encoding="utf-8") for path in (built_site / prefix).rglob("index.html")]
    assert any(re.search(r"日 ?（?星期[一二三四五六日]", page) for page in pages)
    assert not any(re.search(r"[周週][一二三四五六日](?!岁|歲)", page) for page in pages)


@pytest.mark.parametrize(
    ("prefix", "date", "wrong"),
    [
        ("vi", "Thứ Năm, ngày 3/11/2022", ["tháng 11, 2022", "Thứ năm", "thg", "07:00"]),
        ("zh-hans", "2022年11月3日（星期四）", ["周四", "中国时间"]),
        ("zh-hant", "2022年11月3日（星期四）", ["週四", "中國時間", "台北時間"]),
    ],
)
def test_dates_read_as_the_locales_blood_services_write_them(built_site: Path, prefix: str, date: str, wrong: list[str]) -> None:
    article = content(built_site, prefix, f"campaigns/{DUONG_KINH}")
    assert date in article
    for text in wrong:
        assert text not in article


def test_vietnamese_listings_write_dates_as_day_and_month_numbers(built_site: Path) -> None:
    listing = content(built_site, "vi", "campaigns")
    assert "Thứ Hai, ngày 14/6/2027" in listing
    assert "thg" not in listing and "Th 2" not in listing


@pytest.mark.parametrize(
    ("prefix", "figures", "wrong"),
    [
        ("zh-hans", ["16729", "472万毫升"], ["16,729</", "4,720升", "4,720 L"]),
        ("zh-hant", ["16729", "472萬毫升"], ["16,729</", "4,720 公升"]),
        ("vi", ["16.729", "4.720 lít"], ["万"]),
        ("en", ["16,729", "4,720 L"], ["万"]),
    ],
)
def test_figures_use_myriads_in_chinese_only(built_site: Path, prefix: str, figures: list[str], wrong: list[str]) -> None:
    article = content(built_site, prefix, f"campaigns/{CHANGSHU}")
    # A stat tile sets its number apart in its own element: compare the text without tags.
    text_only = re.sub(r"<[^>]+>", "", article).replace("\u00a0", " ")
    for text in figures:
        assert text in text_only
    for text in wrong:
        assert text not in article


@pytest.mark.parametrize(
    ("prefix", "units"),
    [
        ("zh-hans", ["50千克", "45千克", "6个月"]),
        ("zh-hant", ["50公斤", "45公斤", "6個月"]),
        ("vi", ["50 kg", "45 kg", "6 tháng"]),
        ("en", ["50 kg", "45 kg", "6 months"]),
    ],
)
def test_units_follow_one_rule_per_locale(built_site: Path, prefix: str, units: list[str]) -> None:
    section = content(built_site, prefix, f"campaigns/{SUZHOU_2027}").split('id="who-may-donate"')[1].split("</ul>")[0]
    for text in units:
        assert text in section


@pytest.mark.parametrize(
    ("code", "shanghai", "taipei", "ho_chi_minh"),
    [
        ("zh-Hans", "北京时间", "台湾时间", "越南时间"),
        ("zh-Hant", "北京時間", "臺灣時間", "越南時間"),
        ("vi", "giờ Bắc Kinh", "giờ Đài Loan", "giờ Việt Nam"),
        ("en", "Beijing time", "Taiwan time", "Viet Nam time"),
    ],
)
def test_time_zones_carry_the_names_readers_use(code: str, shanghai: str, taipei: str, ho_chi_minh: str) -> None:
    site_locale = get_locale(code)
    formatter = LocaleFormatter(site_locale.babel, load_translations(site_locale))
    assert [formatter.zone_name(zone) for zone in ("Asia/Shanghai", "Asia/Taipei", "Asia/Ho_Chi_Minh")] == [shanghai, taipei, ho_chi_minh]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh-Hans", "2027年1月10日（星期日）至12日（星期二）"),
        ("zh-Hant", "2027年1月10日（星期日）至12日（星期二）"),
        ("vi", "Chủ Nhật, ngày 10/1 – Thứ Ba, ngày 12/1/2027"),
        ("en", "Sunday 10 – Tuesday 12 January 2027"),
    ],
)
def test_date_ranges_keep_the_single_dates_weekday_form(code: str, expected: str) -> None:
    site_locale = get_locale(code)
    formatter = LocaleFormatter(site_locale.babel, load_translations(site_locale))
    assert formatter.date_range(dt.date(2027, 1, 10), dt.date(2027, 1, 12)) == expected


TAIPEI_DRIVE = """\
kind: blood-drive
status: planned
source_language: zh-Hant
year: 2027
title:
  zh-Hant: 2027年「熱血青春」捐血活動
summary:
  zh-Hant: 歡迎志工和捐血人透過線上預約到捐血車捐血，現場備有資料庫查詢。
organisers:
  - name:
      zh-Hant: 臺北捐血中心
    role: host
events:
  - date: 2027-03-06
    start: "09:00"
    end: "16:00"
    timezone: Asia/Taipei
    venue:
      name:
        zh-Hant: 捐血車
      city:
        zh-Hant: 臺北市
"""


@pytest.fixture(scope="module")
def site_with_a_taipei_drive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site plus a drive in Taipei written only in Traditional Chinese."""
    project = copy_project(tmp_path_factory.mktemp("taipei") / "project")
    (project / "campaigns" / "2027-taipei-drive.yaml").write_text(TAIPEI_DRIVE, encoding="utf-8")
    site = project / "site"
    result = build_site(project, site)
    assert result.succeeded, result.log
    return site


def test_a_taipei_drive_reads_the_taiwan_way(site_with_a_taipei_drive: Path) -> None:
    article = content(site_with_a_taipei_drive, "zh-hant", "campaigns/2027-taipei-drive")
    assert '（<span class="timezone">臺灣時間</span>）' in article
    assert "2027年3月6日（星期六）" in article
    # Taiwan's rules differ for 250 mL and 500 mL donations.
    assert "捐血250毫升：體重45公斤以上，距上次捐全血至少2個月" in article
    assert "捐血500毫升：體重60公斤以上，距上次捐全血至少3個月" in article


def test_traditional_text_is_converted_to_mainland_words_on_simplified_pages(site_with_a_taipei_drive: Path) -> None:
    article = content(site_with_a_taipei_drive, "zh-hans", "campaigns/2027-taipei-drive")
    assert "欢迎志愿者和献血者通过网上预约到献血车献血，现场备有资料库查询。" in article
    assert "“热血青春”" in article and "「" not in article
    assert "台北捐血中心" in article  # a protected name keeps its word 捐血
    assert '（<span class="timezone">台湾时间</span>）' in article
    assert "由繁体中文自动转换而来" in article


def test_vietnamese_readers_get_the_chinese_original_when_no_english_exists(site_with_a_taipei_drive: Path) -> None:
    article = content(site_with_a_taipei_drive, "vi", "campaigns/2027-taipei-drive")
    assert '<span lang="zh-Hant">臺北捐血中心</span>' in article
    assert "đang hiển thị bằng tiếng Trung (Phồn thể)" in article
    assert "Hiến 500 ml: cân nặng ít nhất 60 kg" in article


# ---- Issue 23: one rule per locale, read from the built sample site. ----

SUJIN_WINTER = "2026-12-sujin-winter-drive"
SAMPLE_TEXT_FILES = sorted((Path(__file__).resolve().parents[2] / "campaigns").glob("*.yaml")) + [
    Path(__file__).resolve().parents[2] / name for name in ("sites.yaml", "supply.yaml", "slogans.yaml")
]


def get_locale_code(prefix: str) -> str:
    return {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "vi": "vi", "en": "en"}[prefix]


def page_text(site: Path, prefix: str, key: str) -> str:
    return re.sub(r"<svg.*?</svg>|<script.*?</script>|<[^>]+>", "", content(site, prefix, key), flags=re.S)


@pytest.mark.parametrize("path", SAMPLE_TEXT_FILES, ids=lambda path: path.name)
def test_chinese_sample_figures_have_no_thousands_commas(path: Path) -> None:
    # A station writes 16729人次 or 1.67万人次, never 16,729人次 (README, "figures").
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.lstrip().startswith("#") and re.match(r"\s*(zh-Hans|zh-Hant):|\s{4,}\S", line) and re.search(r"[\u4e00-\u9fff]", line):
            assert not re.search(r"\d,\d{3}", line), f"{path.name}:{number}: {line.strip()}"


@pytest.mark.parametrize(("prefix", "figure"), [("zh-hans", "16729人次"), ("zh-hant", "16729人次"), ("vi", "16.729")])
def test_one_figure_is_written_one_way_in_prose_and_tiles(built_site: Path, prefix: str, figure: str) -> None:
    article = page_text(built_site, prefix, f"campaigns/{CHANGSHU}")
    assert figure in article
    if prefix.startswith("zh"):
        assert "1.6729" not in article and "16,729" not in article


@pytest.mark.parametrize("prefix", ["zh-hans", "zh-hant", "vi", "en"])
def test_no_place_line_nests_or_doubles_brackets(built_site: Path, prefix: str) -> None:
    for page in sorted((built_site / prefix).glob("**/index.html")):
        for place in re.findall(r'<span class="key-facts__where">(.*?)</span>\s*<', page.read_text(encoding="utf-8"), flags=re.S):
            text = re.sub(r"<[^>]+>", "", place)
            assert not re.search(r"[）)]\s*[（(]|[（(][^）)]*[（(]", text), f"{page}: {text}"


def test_a_vietnamese_address_says_no_part_twice_and_has_no_district(built_site: Path) -> None:
    page = (built_site / "vi/sites/duong-kinh-donation-point/index.html").read_text(encoding="utf-8")
    line = next(re.sub(r"<[^>]+>", "", dd) for dd in re.findall(r"<dd>(.*?)</dd>", page, flags=re.S) if "phường" in dd)
    parts = [part.strip().casefold() for part in line.split(",")]
    assert len(parts) == len(set(parts)), line
    assert "quận" not in line.casefold() and "TP Hải Phòng" in line


def test_a_latin_address_on_a_chinese_page_keeps_its_commas(built_site: Path) -> None:
    page = (built_site / "zh-hans/sites/duong-kinh-donation-point/index.html").read_text(encoding="utf-8")
    assert "阳京坊" in page and "Hải Phòng1" not in page


@pytest.mark.parametrize(
    ("prefix", "expected", "never"),
    [
        ("zh-hans", ["O型RhD阴性", "正常"], ["O+", "O-", "RH"]),
        ("zh-hant", ["O型Rh陰性", "正常", "急缺"], ["O+", "O-", "RH", "充足"]),
        ("vi", ["O-", "Ổn định", "Đủ dùng 8,5 ngày"], ["Đủ Đủ"]),
    ],
)
def test_blood_types_and_stock_words_are_the_locales(built_site: Path, prefix: str, expected: list[str], never: list[str]) -> None:
    home = page_text(built_site, prefix, "")
    for text in expected:
        assert text in home, text
    for text in never:
        assert text not in home, text


@pytest.mark.parametrize(
    ("prefix", "key", "expected"),
    [
        ("zh-hant", f"campaigns/{SUZHOU_2027}", ["世界捐血人日", "捐血人"]),
        ("zh-hant", "campaigns/2022-sujin-street-mobilisation-meeting", ["分管領導", "無償獻血工作意見"]),
        ("zh-hant", f"campaigns/{CHANGSHU}", ["常熟市2022年度無償獻血工作通報", "全國無償獻血奉獻獎", "Rh陰性"]),
        ("zh-hant", f"campaigns/{SUJIN_WINTER}", ["中國大陸", "捐一袋血", "捐血卡"]),
        ("zh-hans", f"campaigns/{CHANGSHU}", ["全国无偿献血奉献奖", "RhD阴性"]),
    ],
)
def test_taiwan_and_mainland_usage_on_the_pages(built_site: Path, prefix: str, key: str, expected: list[str]) -> None:
    article = page_text(built_site, prefix, key)
    for text in expected:
        assert text in article, text
    if prefix == "zh-hant":
        for text in ("世界捐血者日", "捐血者", "分管主管", "無償捐血工作", "國家無償", "RH"):
            assert text not in article.replace("捐血者健康標準", ""), text


@pytest.mark.parametrize("prefix", ["zh-hans", "zh-hant", "vi", "en"])
@pytest.mark.parametrize(
    "key", [f"campaigns/{SUJIN_WINTER}", f"campaigns/{SUZHOU_2027}", "sites/gusu-renmin-road-house", "sites/duong-kinh-donation-point"]
)
def test_upcoming_drives_and_sites_are_written_in_every_locale(built_site: Path, prefix: str, key: str) -> None:
    article = content(built_site, prefix, key)
    # Neither a "converted automatically" nor a "not yet translated" note, and no text marked as another language.
    assert "conversion-note" not in article and "translation-note" not in article
    assert not re.search(f'lang="(?!{get_locale_code(prefix)}")', article), re.findall(r'<[^>]+lang="[^"]+"[^>]*>[^<]*', article)


@pytest.mark.parametrize(
    ("prefix", "key"), [("en", f"campaigns/{CHANGSHU}"), ("en", f"campaigns/{JIAYUGUAN}"), ("vi", f"campaigns/{DUONG_KINH}")]
)
def test_no_confirmed_badge_on_reports_and_ended_campaigns(built_site: Path, prefix: str, key: str) -> None:
    assert "status-badge--confirmed" not in content(built_site, prefix, key)


def test_the_tips_are_not_under_what_to_bring(built_site: Path) -> None:
    article = page_text(built_site, "en", f"campaigns/{SUZHOU_2027}")
    bring = article.split("What to bring", 1)[1].split("Notes", 1)[0]
    assert "meal" not in bring and "alcohol" not in bring


def test_the_site_wide_404_speaks_the_default_locale(built_site: Path) -> None:
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans"' in page
    assert "<title>无偿献血活动" in page or "无偿献血活动" in page.split("</title>", 1)[0]
    assert "页面不存在：" in page and "页面不存在: " not in page


@pytest.mark.parametrize("prefix", ["vi", "en"])
def test_mainland_reports_reach_other_readers_in_simplified_script(built_site: Path, prefix: str) -> None:
    # The Changshu report is written in Traditional Chinese too; a Vietnamese or English reader
    # shown its Chinese (body, names) meets the mainland's script, as the report's country says.
    article = content(built_site, prefix, f"campaigns/{CHANGSHU}")
    assert 'lang="zh-Hant"' not in article
    assert 'lang="zh-Hans"' in article


def test_a_weather_notice_is_not_called_a_disclaimer(built_site: Path) -> None:
    # Issue 23: 免责声明 over "the programme may change with the weather" misnames a notice.
    article = page_text(built_site, "zh-hans", f"campaigns/{SUZHOU_2027}")
    assert "因天气调整" in article and "免责声明" not in article


@pytest.mark.parametrize("prefix", ["zh-hans", "zh-hant"])
def test_the_age_of_the_stock_figures_has_no_space_in_chinese(built_site: Path, prefix: str) -> None:
    page = html(built_site, prefix, "")
    ages = re.findall(r'<span class="supply-age">([^<]*)</span>', page)
    assert ages and all(re.fullmatch(r"\d+[\u4e00-\u9fff]+", age) for age in ages), ages


@pytest.mark.parametrize(
    ("prefix", "notice"),
    [("zh-hans", "数据已过时</strong>：这些"), ("zh-hant", "資料已過時</strong>：這些"), ("vi", "Số liệu đã cũ</strong>: số liệu")],
)
def test_the_stale_notice_joins_its_label_the_locales_way(built_site: Path, prefix: str, notice: str) -> None:
    assert notice in html(built_site, prefix, "supply")


def test_vietnamese_place_levels_are_lower_case_inside_an_address_only(built_site: Path) -> None:
    site = re.sub(r"<[^>]+>", "", html(built_site, "vi", "sites/gusu-renmin-road-house"))
    assert "Điểm hiến máu đường Nhân Dân, quận Cô Tô, Tô Châu" in site
    listing = html(built_site, "vi", "campaigns")
    # The place filter names the city by its region, capitalised as a name standing alone.
    assert '<option value="jiangsu-suzhou">Tô Châu</option>' in listing


@pytest.fixture(scope="module")
def renderers() -> dict[str, LocaleRenderer]:
    return build_renderers()


@pytest.mark.parametrize(
    ("code", "venue", "address", "city", "expected"),
    [
        # A Vietnamese address shown on a Chinese page keeps its commas and its own order.
        ("zh-Hans", ("海防血液中心", "zh-Hans"), ("14 Trần Phú", "vi"), ("Hải Phòng", "vi"), "海防血液中心（14 Trần Phú, Hải Phòng）"),
        # No part twice: the district inside the venue's name, the city inside the address.
        (
            "vi",
            ("Điểm hiến máu quận Dương Kinh", "vi"),
            ("Quận Dương Kinh", "vi"),
            ("Quận Dương Kinh, Hải Phòng", "vi"),
            "Điểm hiến máu quận Dương Kinh, Hải Phòng",
        ),
        (
            "vi",
            ("Trung tâm Huyết học", "vi"),
            ("14 Trần Phú, Hải Phòng", "vi"),
            ("Hải Phòng", "vi"),
            "Trung tâm Huyết học, 14 Trần Phú, Hải Phòng",
        ),
        (
            "zh-Hans",
            ("市区广场献血点", "zh-Hans"),
            ("苏州市姑苏区人民路", "zh-Hans"),
            ("苏州市姑苏区", "zh-Hans"),
            "市区广场献血点（苏州市姑苏区人民路）",
        ),
        # A Chinese venue name may hold its street; the address still gives it.
        (
            "zh-Hans",
            ("姑苏人民路献血屋", "zh-Hans"),
            ("人民路", "zh-Hans"),
            ("苏州市姑苏区", "zh-Hans"),
            "姑苏人民路献血屋（苏州市姑苏区人民路）",
        ),
        (
            "en",
            ("Renmin Road Donation House", "en"),
            ("Renmin Road", "en"),
            ("Gusu District, Suzhou", "en"),
            "Renmin Road Donation House, Gusu District, Suzhou",
        ),
    ],
)
def test_addresses_are_composed_without_repeats(
    renderers: dict[str, LocaleRenderer], code: str, venue: tuple[str, str], address: tuple[str, str], city: tuple[str, str], expected: str
) -> None:
    def local(pair: tuple[str, str]) -> LocalText:
        return LocalText(pair[0], pair[1], TextOrigin.WRITTEN if pair[1] == code else TextOrigin.FALLBACK)

    line = renderers[code].venue_line(local(venue), local(address), local(city))
    assert re.sub(r"<[^>]+>", "", str(line)) == expected


def test_calendar_locations_say_no_part_twice(built_site: Path) -> None:
    # Calendars and pages share one rule (``place_parts``): the district in the venue's name is not repeated.
    ics = (built_site / "vi" / "campaigns" / DUONG_KINH / "event-1.ics").read_text(encoding="utf-8")
    location = re.search(r"^LOCATION[^:]*:(.*(?:\r?\n .*)*)", ics, flags=re.M)
    assert location is not None
    text = re.sub(r"\r?\n ", "", location.group(1)).replace("\\,", ",")
    parts = [part.strip().casefold() for part in text.split(",")]
    assert len(parts) == len(set(parts)) and not any(a != b and a in b for a in parts for b in parts), text
