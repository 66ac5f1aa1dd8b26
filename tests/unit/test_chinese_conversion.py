"""Conversion between the Chinese scripts, as a reader in Taiwan or on the mainland expects it.

Each row is (source text, expected text). The rows name every garbling
found in issue 15 and the terms of the glossaries in ``donorsite/glossary``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from donorsite.localize.chinese import (
    NAMES_FILE,
    TO_SIMPLIFIED_FILE,
    TO_TRADITIONAL_FILE,
    ChineseConverter,
    GlossaryError,
    read_glossary,
    read_packaged_glossary,
)
from donorsite.localize.texts import TextOrigin, TextResolver, chinese_script_of_country
from donorsite.model.fields import LocalizedText

TO_TRADITIONAL = [
    # Glossary entries must not fire inside a longer word.
    ("捐献血小板", "捐血小板"),
    ("欢迎捐献血小板", "歡迎捐血小板"),
    ("贡献血液", "貢獻血液"),
    ("奉献血液", "奉獻血液"),
    ("捐献造血干细胞", "捐贈造血幹細胞"),
    # OpenCC's Taiwan phrases that mean something else there.
    ("社区", "社區"),
    ("社区献血", "社區捐血"),
    ("走进社区", "走進社區"),
    ("采血房车", "捐血車"),
    ("献血房车", "捐血車"),
    ("采血车", "捐血車"),
    ("发布会", "發布會"),
    ("新闻发布会", "新聞發布會"),
    ("发布通知", "發布通知"),
    ("献血项目", "捐血項目"),
    ("服务质量", "服務品質"),
    # Mainland words that OpenCC leaves.
    ("网上预约", "線上預約"),
    ("网上报名", "線上報名"),
    ("示例", "範例"),
    ("演示", "示範"),
    ("问询", "詢問"),
    ("问询处", "詢問處"),
    ("高校", "大專院校"),
    ("大屏", "大螢幕"),
    ("大屏幕", "大螢幕"),
    ("计划", "計畫"),
    ("年度计划", "年度計畫"),
    ("报道", "報導"),
    ("媒体报道", "媒體報導"),
    ("扫描二维码", "掃描QR Code"),
    # Donation vocabulary of Taiwan Blood Services.
    ("献血", "捐血"),
    ("献血者", "捐血人"),
    ("无偿献血", "無償捐血"),
    ("无偿献血者", "無償捐血人"),
    ("献血车", "捐血車"),
    ("献血屋", "捐血室"),
    ("献血点", "捐血點"),
    ("献血站", "捐血站"),
    ("献血证", "捐血卡"),
    ("献血量", "捐血量"),
    ("献血人次", "捐血人次"),
    ("世界献血者日", "世界捐血人日"),
    ("成分献血", "分離術捐血"),
    ("机采血小板", "分離術血小板"),
    ("单采血小板", "分離術血小板"),
    ("另有单采血浆2500毫升", "另有分離術血漿2500毫升"),
    ("志愿者", "志工"),
    ("志愿服务", "志工服務"),
    ("身份证", "身分證"),
    ("携带身份证", "攜帶身分證"),
    ("造血干细胞", "造血幹細胞"),
    # Protected names keep their own words, in Traditional characters.
    ("全国无偿献血奉献奖", "全國無償獻血奉獻獎"),
    ("荣获全国无偿献血奉献奖金奖", "榮獲全國無償獻血奉獻獎金獎"),
    ("全国无偿献血促进奖", "全國無償獻血促進獎"),
    ("全国无偿献血志愿服务奖", "全國無償獻血志願服務獎"),
    ("全国无偿献血先进城市", "全國無償獻血先進城市"),
    ("献血办公室", "獻血辦公室"),
    ("苏州市献血办公室", "蘇州市獻血辦公室"),
    ("市献血领导小组", "市獻血領導小組"),
    ("苏州市无偿献血志愿者协会", "蘇州市無償獻血志願者協會"),
    ("无偿献血志愿服务队", "無償獻血志願服務隊"),
    ("中华人民共和国献血法", "中華人民共和國獻血法"),
    ("《献血法》", "《獻血法》"),
    ("台湾血液基金会", "台灣血液基金會"),
    ("香港红十字会输血服务中心", "香港紅十字會輸血服務中心"),
    # A glossary term next to a name: both apply, neither inside the other.
    ("献血办公室招募志愿者", "獻血辦公室招募志工"),
    ("无偿献血办公室", "無償獻血辦公室"),
    # Issue 23: the verb 献 alone is 捐 in Taiwan prose; other words with 献 keep it.
    ("来社区献一次血", "來社區捐一次血"),
    ("常献常分享", "常捐常分享"),
    ("你献的这一袋", "你捐的這一袋"),
    ("爸妈献过的血，我来接着献。", "爸媽捐過的血，我來接著捐。"),
    ("献出一份血", "捐出一份血"),
    ("献全血", "捐全血"),
    ("文献", "文獻"),
    ("献花", "獻花"),
    ("献给母亲", "獻給母親"),
    ("献爱心", "獻愛心"),
    ("贡献", "貢獻"),
    # Issue 23: 献血 never matches inside a blood product (献｜血浆, 献｜血小板).
    ("献全血，献血浆", "捐全血，捐血漿"),
    ("献血浆", "捐血漿"),
    ("献血小板", "捐血小板"),
    ("献血者来献血浆", "捐血人來捐血漿"),
    # Issue 23: Taiwan forms for the day, the card, organs, cells and bodies.
    ("今天是世界献血者日", "今天是世界捐血人日"),
    ("请带上献血证", "請帶上捐血卡"),
    ("造血干细胞捐献", "造血幹細胞捐贈"),
    ("人体器官捐献", "人體器官捐贈"),
    ("遗体捐献", "大體捐贈"),
    ("志愿献血", "自願捐血"),
    # Issue 23: mainland titles, laws, awards and offices keep 獻血 and their own words.
    ("常熟市2022年度无偿献血工作通报", "常熟市2022年度無償獻血工作通報"),
    ("姑苏区2022年无偿献血工作意见", "姑蘇區2022年無償獻血工作意見"),
    ("《关于做好献血工作的通知》", "《關於做好獻血工作的通知》"),
    ("《献血者健康检查要求》", "《獻血者健康檢查要求》"),
    ("获评全国无偿献血先进市", "獲評全國無償獻血先進市"),
    ("无偿献血奉献奖金奖", "無償獻血奉獻獎金獎"),
    ("明确分管领导", "明確分管領導"),
    ("市献血办", "市獻血辦"),
    ("中华骨髓库", "中華骨髓庫"),
    # Quotation marks.
    ("“献血”", "「捐血」"),
    ("他说：“欢迎参加”", "他說：「歡迎參加」"),
    ("“他说‘好’”", "「他說『好』」"),
    ("‘一’", "『一』"),
    # Plain characters still convert; other text passes through.
    ("血液中心", "血液中心"),
    ("红十字会", "紅十字會"),
    ("体检", "體檢"),
    ("Blood drive 2027", "Blood drive 2027"),
    ("", ""),
]

TO_SIMPLIFIED = [
    # Taiwan vocabulary that a character-only conversion keeps.
    ("捐血", "献血"),
    ("捐血人", "献血者"),
    ("捐血者", "献血者"),
    ("歡迎捐血", "欢迎献血"),
    ("無償捐血", "无偿献血"),
    ("捐血車", "献血车"),
    ("捐血室", "献血屋"),
    ("捐血站", "献血点"),
    ("捐血點", "献血点"),
    ("捐血量", "献血量"),
    ("捐血人次", "献血人次"),
    ("捐血證", "献血证"),
    ("世界捐血人日", "世界献血者日"),
    ("世界捐血者日", "世界献血者日"),
    ("分離術捐血", "成分献血"),
    ("分離術血小板", "机采血小板"),
    ("捐血小板", "捐献血小板"),
    ("志工", "志愿者"),
    ("義工", "志愿者"),
    ("志工服務", "志愿服务"),
    ("透過", "通过"),
    ("透過網路", "通过网络"),
    ("病患", "患者"),
    ("資料庫", "资料库"),
    ("慈濟骨髓資料庫", "慈济骨髓资料库"),
    ("身分證", "身份证"),
    ("攜帶身分證", "携带身份证"),
    ("線上預約", "网上预约"),
    ("線上", "网上"),
    ("範例", "示例"),
    ("大螢幕", "大屏幕"),
    ("計畫", "计划"),
    ("報導", "报道"),
    ("品質", "质量"),
    ("簡訊", "短信"),
    ("大專院校", "高校"),
    ("資料庫查詢", "资料库查询"),
    ("查詢", "查询"),
    # OpenCC's own phrases still apply between glossary terms.
    ("軟體", "软件"),
    ("影片", "视频"),
    ("資訊", "信息"),
    # Protected names: characters only, words kept.
    ("台北捐血中心", "台北捐血中心"),
    ("臺北捐血中心", "台北捐血中心"),
    ("臺中捐血中心", "台中捐血中心"),
    ("高雄捐血中心", "高雄捐血中心"),
    ("臺灣血液基金會", "台湾血液基金会"),
    ("台灣血液基金會", "台湾血液基金会"),
    ("全國無償獻血奉獻獎", "全国无偿献血奉献奖"),
    ("香港紅十字會輸血服務中心", "香港红十字会输血服务中心"),
    ("台北捐血中心的志工", "台北捐血中心的志愿者"),
    # Issue 23: 新增 is mainland usage too (tw2sp alone gives 添加, a software word).
    ("新增", "新增"),
    ("本月新增捐血點", "本月新增献血点"),
    # Issue 23: the mainland donates organs, stem cells and bodies with 捐献, goods with 捐赠.
    ("器官捐贈", "器官捐献"),
    ("人體器官捐贈", "人体器官捐献"),
    ("造血幹細胞捐贈", "造血干细胞捐献"),
    ("成功捐贈造血幹細胞", "成功捐献造血干细胞"),
    ("遺體捐贈", "遗体捐献"),
    ("大體捐贈", "遗体捐献"),
    ("捐贈物資", "捐赠物资"),
    # Issue 23: the mainland's words for voluntary donation and the card.
    ("自願無償捐血", "自愿无偿献血"),
    ("自願捐血", "无偿献血"),
    ("捐血卡", "献血证"),
    ("捐全血", "献全血"),
    ("《無償獻血工作通報》", "《无偿献血工作通报》"),
    ("無償獻血工作", "无偿献血工作"),
    ("O型Rh陰性", "O型RhD阴性"),
    # Quotation marks.
    ("「捐血」", "“献血”"),
    ("「他說『好』」", "“他说‘好’”"),
    ("Blood drive 2027", "Blood drive 2027"),
]


@pytest.fixture(scope="module")
def converter() -> ChineseConverter:
    return ChineseConverter()


def test_the_table_is_large_enough() -> None:
    assert len(TO_TRADITIONAL) + len(TO_SIMPLIFIED) >= 100


@pytest.mark.parametrize(("simplified", "traditional"), TO_TRADITIONAL)
def test_simplified_to_taiwan_traditional(converter: ChineseConverter, simplified: str, traditional: str) -> None:
    assert converter.to_traditional(simplified) == traditional


@pytest.mark.parametrize(("traditional", "simplified"), TO_SIMPLIFIED)
def test_taiwan_traditional_to_mainland_simplified(converter: ChineseConverter, traditional: str, simplified: str) -> None:
    assert converter.to_simplified(traditional) == simplified


@pytest.mark.parametrize("file_name", [NAMES_FILE, TO_TRADITIONAL_FILE, TO_SIMPLIFIED_FILE])
def test_every_glossary_entry_says_where_it_came_from(file_name: str) -> None:
    entries = read_packaged_glossary(file_name)
    assert len(entries) >= 20
    assert all(len(entry.origin) >= 8 for entry in entries), [e for e in entries if len(e.origin) < 8]


def test_every_glossary_entry_is_used_as_written(converter: ChineseConverter) -> None:
    # An entry whose source another, longer entry always swallows would never apply.
    for entry in read_packaged_glossary(TO_TRADITIONAL_FILE):
        assert converter.to_traditional(entry.source) == entry.target, entry
    for entry in read_packaged_glossary(TO_SIMPLIFIED_FILE):
        assert converter.to_simplified(entry.source) == entry.target, entry


def test_protected_names_survive_a_round_trip(converter: ChineseConverter) -> None:
    for entry in read_packaged_glossary(NAMES_FILE):
        assert converter.to_traditional(entry.source) in {e.target for e in read_packaged_glossary(NAMES_FILE) if e.source == entry.source}
        assert converter.to_simplified(entry.target) == entry.source


def test_a_glossary_line_without_its_source_is_refused_with_the_line() -> None:
    with pytest.raises(GlossaryError, match=r"names.tsv:2: .*where it came from"):
        read_glossary("# comment\n献血\t捐血\n", "names.tsv")


# Which text a reader sees when hers is missing: (written texts, page locale, source language, expected lang, origin).
FALLBACKS = [
    ({"zh-Hans": "献血", "en": "Give blood"}, "vi", "zh-Hans", "en", TextOrigin.FALLBACK),
    ({"zh-Hant": "捐血", "en": "Give blood"}, "vi", "zh-Hant", "en", TextOrigin.FALLBACK),
    ({"zh-Hans": "献血", "vi": "Hiến máu"}, "vi", "zh-Hans", "vi", TextOrigin.WRITTEN),
    ({"zh-Hans": "献血"}, "vi", "zh-Hans", "zh-Hans", TextOrigin.FALLBACK),
    ({"zh-Hans": "献血", "vi": "Hiến máu"}, "en", "zh-Hans", "vi", TextOrigin.FALLBACK),
    ({"zh-Hans": "献血", "en": "Give blood", "vi": "Hiến máu"}, "zh-Hant", "vi", "zh-Hant", TextOrigin.CONVERTED),
    ({"en": "Give blood", "vi": "Hiến máu"}, "zh-Hant", "vi", "en", TextOrigin.FALLBACK),
    ({"en": "Give blood", "vi": "Hiến máu"}, "zh-Hans", "vi", "en", TextOrigin.FALLBACK),
    ({"zh-Hant": "捐血", "vi": "Hiến máu"}, "zh-Hans", "vi", "zh-Hans", TextOrigin.CONVERTED),
    ({"zh-Hans": "献血", "zh-Hant": "捐血"}, "zh-Hant", "zh-Hans", "zh-Hant", TextOrigin.WRITTEN),
]


@pytest.mark.parametrize(("written", "locale_code", "source", "lang", "origin"), FALLBACKS)
def test_a_missing_text_falls_back_in_the_readers_order(
    converter: ChineseConverter, written: dict[str, str], locale_code: str, source: str, lang: str, origin: TextOrigin
) -> None:
    local = TextResolver(converter).resolve(LocalizedText.model_validate(written), locale_code, source)
    assert (local.lang, local.origin) == (lang, origin)


@pytest.mark.parametrize(
    ("written", "locale_code", "country", "text", "lang"),
    [
        # Issue 23: Chinese shown to a reader of another language is in the venue country's script.
        ({"zh-Hant": "無償獻血工作通報"}, "vi", "CN", "无偿献血工作通报", "zh-Hans"),
        ({"zh-Hant": "無償獻血工作通報"}, "en", "CN", "无偿献血工作通报", "zh-Hans"),
        ({"zh-Hans": "献血", "zh-Hant": "捐血"}, "en", "TW", "捐血", "zh-Hant"),
        ({"zh-Hans": "献血"}, "vi", "TW", "捐血", "zh-Hant"),
        ({"zh-Hans": "献血", "zh-Hant": "捐血"}, "vi", "VN", "献血", "zh-Hans"),
        ({"zh-Hant": "捐血", "en": "Give blood"}, "vi", "CN", "Give blood", "en"),
    ],
)
def test_chinese_for_other_readers_follows_the_venues_country(
    converter: ChineseConverter, written: dict[str, str], locale_code: str, country: str, text: str, lang: str
) -> None:
    script = chinese_script_of_country(country)
    local = TextResolver(converter).resolve(LocalizedText.model_validate(written), locale_code, "zh-Hant", script)
    assert (local.text, local.lang) == (text, lang)


def test_a_converted_text_says_which_script_it_came_from(converter: ChineseConverter) -> None:
    local = TextResolver(converter).resolve(LocalizedText.model_validate({"zh-Hans": "“献血”"}), "zh-Hant", "zh-Hans")
    assert (local.text, local.converted_from) == ("「捐血」", "zh-Hans")


def test_the_style_sheet_declares_taiwan_usage_and_lists_every_source_it_cites() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    sheet = readme[readme.index("## Translators' style sheet") : readme.index("## Adding a locale")]
    assert "zh-Hant on this site follows Taiwan usage" in sheet
    listed = set(re.findall(r"^- \[([CTVX]\d+)\] \S+", sheet, flags=re.M))
    glossaries = "".join(
        (Path(__file__).resolve().parents[2] / "donorsite" / "glossary" / name).read_text(encoding="utf-8")
        for name in (NAMES_FILE, TO_TRADITIONAL_FILE, TO_SIMPLIFIED_FILE)
    )
    cited = set(re.findall(r"\[([CTVX]\d+)\]", sheet + glossaries))
    assert cited <= listed, sorted(cited - listed)
