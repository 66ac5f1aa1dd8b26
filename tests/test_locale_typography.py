"""Punctuation, address order, dates, times, zones, numbers and units on the built pages of each locale.

Everything here is read from the real site built once by ``built_site``;
the patterns come from the label catalogs and ``DATE_STYLES`` (see
``docs/translators.md``).
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
    assert '<span lang="zh-Hant">褚*燕</span> (<span class="affiliation">' in content(built_site, "en", f"campaigns/{CHANGSHU}")


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
    assert any(re.search(r"日 ?星期[一二三四五六日]", page) for page in pages)
    assert not any(re.search(r"[周週][一二三四五六日](?!岁|歲)", page) for page in pages)


@pytest.mark.parametrize(
    ("prefix", "date", "wrong"),
    [
        ("vi", "Thứ năm, ngày 3/11/2022", ["tháng 11, 2022", "Thứ Năm", "thg", "07:00"]),
        ("zh-hans", "2022年11月3日星期四", ["周四", "中国时间"]),
        ("zh-hant", "2022年11月3日 星期四", ["週四", "中國時間", "台北時間"]),
    ],
)
def test_dates_read_as_the_locales_blood_services_write_them(built_site: Path, prefix: str, date: str, wrong: list[str]) -> None:
    article = content(built_site, prefix, f"campaigns/{DUONG_KINH}")
    assert date in article
    for text in wrong:
        assert text not in article


def test_vietnamese_listings_write_dates_as_day_and_month_numbers(built_site: Path) -> None:
    listing = content(built_site, "vi", "campaigns")
    assert "Thứ hai, ngày 14/6/2027" in listing
    assert "thg" not in listing and "Th 2" not in listing


@pytest.mark.parametrize(
    ("prefix", "figures", "wrong"),
    [
        ("zh-hans", ["1.6729万", "472万毫升"], ["16,729</", "4,720升", "4,720 L"]),
        ("zh-hant", ["1.6729萬", "472萬毫升"], ["16,729</", "4,720 公升"]),
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
        ("zh-Hans", "1月10日星期日至2027年1月12日星期二"),
        ("zh-Hant", "1月10日 星期日至2027年1月12日 星期二"),
        ("vi", "Chủ nhật, ngày 10/1 – Thứ ba, ngày 12/1/2027"),
        ("en", "Sunday, January 10 – Tuesday, January 12, 2027"),
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
region: taiwan-taipei
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
    assert "2027年3月6日 星期六" in article
    # Taiwan's rules differ for 250 mL and 500 mL donations.
    assert "捐血250毫升：體重45公斤以上，距上次捐全血至少2個月" in article
    assert "捐血500毫升：體重60公斤以上，距上次捐全血至少3個月" in article


def test_traditional_text_is_converted_to_mainland_words_on_simplified_pages(site_with_a_taipei_drive: Path) -> None:
    article = content(site_with_a_taipei_drive, "zh-hans", "campaigns/2027-taipei-drive")
    assert "欢迎志愿者和献血者通过网上预约到献血车献血，现场备有数据库查询。" in article
    assert "“热血青春”" in article and "「" not in article
    assert "台北捐血中心" in article  # a protected name keeps its word 捐血
    assert '（<span class="timezone">台湾时间</span>）' in article
    assert "由繁体中文自动转换而来" in article


def test_vietnamese_readers_get_the_chinese_original_when_no_english_exists(site_with_a_taipei_drive: Path) -> None:
    article = content(site_with_a_taipei_drive, "vi", "campaigns/2027-taipei-drive")
    assert '<span lang="zh-Hant">臺北捐血中心</span>' in article
    assert "đang hiển thị bằng tiếng Trung (Phồn thể)" in article
    assert "Hiến 500 ml: cân nặng ít nhất 60 kg" in article
