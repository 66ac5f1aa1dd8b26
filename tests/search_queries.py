"""What a citizen types into search, per locale, and the page that must be among the first three results.

Places, organisers, the word for giving blood in each locale's own usage,
Vietnamese typed without diacritics (as many phones type it), campaign titles
and dates as the pages write them. Pages are given relative to the locale's
folder. Read by tests/browser/test_search.py (in Chromium) and benchmarks/search_cost.py.
"""

from __future__ import annotations

# The reader's clock while searching: events after it are upcoming (the sample's winter drive, World Blood Donor Day 2027).
READER_CLOCK = "2026-11-29T12:00:00+08:00"

SUJIN = "campaigns/2026-12-sujin-winter-drive/"
SUZHOU = "campaigns/2027-wbdd-suzhou-square/"
LINCANG = "campaigns/wbdd-lincang-night-ride/"
JIAYUGUAN = "campaigns/wbdd-jiayuguan-summary/"
XIAN = "campaigns/wbdd-xian-launch-ceremony/"
DUONG_KINH = "campaigns/2022-duong-kinh-donation-day/"
ZHUMADIAN = "campaigns/2021-zhumadian-red-cross-report/"
SUJIN_2022 = "campaigns/2022-sujin-street-mobilisation-meeting/"
CHANGSHU = "campaigns/2022-changshu-annual-report/"
RENMIN_ROAD = "sites/gusu-renmin-road-house/"
CHANGSHU_SITE = "sites/changshu-blood-centre/"

QUERIES: dict[str, list[tuple[str, str]]] = {
    "zh-hans": [
        ("献血", SUJIN),  # the next drive before the archive
        ("世界献血者日", SUZHOU),
        ("临沧", LINCANG),
        ("嘉峪关", JIAYUGUAN),
        ("钟楼邮政广场", XIAN),  # a venue
        ("西安晚报", XIAN),  # an organiser
        ("临沧市自行车运动协会", LINCANG),
        ("苏锦街道冬季献血日", SUJIN),  # a campaign title
        ("2022年11月3日", DUONG_KINH),  # a date as the page writes it
        ("阳京郡", DUONG_KINH),
        ("红十字会", ZHUMADIAN),  # Pagefind's segmenter finds nothing for 驻马店 (a gap, see benchmarks/README.md)
        ("人民路献血屋", RENMIN_ROAD),
    ],
    "zh-hant": [
        ("捐血", SUJIN),
        ("世界捐血人日", SUZHOU),
        ("臨滄", LINCANG),
        ("嘉峪關", JIAYUGUAN),
        ("鐘樓郵政廣場", XIAN),
        ("西安晚報", XIAN),
        ("臨滄市自行車運動協會", LINCANG),
        ("蘇錦街道冬季捐血日", SUJIN),
        ("2022年11月3日", DUONG_KINH),
        ("陽京郡", DUONG_KINH),
        ("駐馬店", ZHUMADIAN),
        ("人民路捐血室", RENMIN_ROAD),
    ],
    "vi": [
        ("hiến máu", SUJIN),  # the next drive first: upcoming events rank above past ones
        ("hien mau", SUJIN),  # no diacritics
        ("Dương Kinh", DUONG_KINH),
        ("duong kinh", DUONG_KINH),
        ("Lâm Thương", LINCANG),
        ("Trạm Máu Trung tâm thành phố Lâm Thương", LINCANG),  # an organiser
        ("Merida", LINCANG),
        ("Tô Cẩm", SUJIN_2022),
        ("3/11/2022", DUONG_KINH),  # a date
        ("Xiongguan Square", JIAYUGUAN),  # a venue
        ("Ngày hội hiến máu tình nguyện quận Dương Kinh", DUONG_KINH),  # a campaign title
        ("Thường Thục", CHANGSHU_SITE),
    ],
    "en": [
        ("blood drive", SUJIN),
        ("World Blood Donor Day", SUZHOU),
        ("Lincang", LINCANG),
        ("Jiayuguan", JIAYUGUAN),
        ("Bell Tower Post Office Square", XIAN),
        ("Xi'an Evening News", XIAN),
        ("Merida bike shop", LINCANG),
        ("Sujin Subdistrict winter blood drive", SUJIN),
        ("3 November 2022", DUONG_KINH),
        ("duong kinh", DUONG_KINH),
        ("Zhumadian", ZHUMADIAN),
        ("Changshu", CHANGSHU),
    ],
}
