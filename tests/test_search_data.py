"""Per-locale search data of the export, made from page sources as Material's search plugin would index them."""

from __future__ import annotations

import json

from donorsite.build.search_data import SearchEntry, material_index, page_entries, segment_han, zensical_index


def test_han_text_is_cut_into_words_with_zero_width_spaces() -> None:
    assert segment_han("无偿献血活动 in Suzhou") == "无偿献血\u200b活动\u200b in Suzhou"
    assert segment_han("Hiến máu") == "Hiến máu"


def test_a_hand_written_page_is_titled_by_its_heading_and_split_at_its_sections() -> None:
    source = "# 编辑指南\n\n本页写给宣传人员。\n\n## 工作流程\n\n复制一个文件 <b>x</b> & 1 < 2。\n"
    assert page_entries("editor-guide/", source) == [
        SearchEntry("editor-guide/", 1, "编辑\u200b指南", "本页\u200b写给\u200b宣传\u200b人员\u200b。"),
        SearchEntry("editor-guide/#工作流程", 2, "工作\u200b流程", "复制\u200b一个\u200b文件\u200b x &amp; 1 &lt; 2。"),
    ]


def test_a_generated_page_keeps_its_escaped_front_matter_title_and_excluded_pages_give_nothing() -> None:
    page = "---\ntitle: Xi&#39;an drive\n---\n\n<p>Thank you.</p>\n"
    assert page_entries("campaigns/x/", page) == [SearchEntry("campaigns/x/", 1, "Xi&#39;an drive", "Thank you.")]
    assert page_entries("404/", "---\ntitle: Not found\nsearch:\n  exclude: true\n---\n\nText\n") == []


def test_both_index_formats_carry_the_same_entries_and_the_sites_separator() -> None:
    entries = [SearchEntry("", 1, "Home", "Welcome"), SearchEntry("#next", 2, "Next", "Soon")]
    config = {"lang": ["en"], "separator": "[\\s\\u200b]+"}
    material = json.loads(material_index(entries, config))
    zensical = json.loads(zensical_index(entries, config))
    assert material["config"]["separator"] == zensical["config"]["separator"] == config["separator"]
    assert [doc["location"] for doc in material["docs"]] == [item["location"] for item in zensical["items"]] == ["", "#next"]
    assert zensical["items"][1]["path"] == ["Home", "Next"]
