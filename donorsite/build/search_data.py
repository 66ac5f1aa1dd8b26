"""Search data of one locale, made from the pages' sources without a site engine.

The hook build splits the theme's own search index per locale after the
build; an exported project has no hooks, so it ships the per-locale data as
static files, in the two formats the themes read from their ``base``:
``search/search_index.json`` (Material for MkDocs) and ``search.json``
(Zensical). Like Material, Han text is cut into words with jieba and the
words are separated by zero-width spaces, which the search separator splits on.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import jieba
import markdown
import yaml
from markupsafe import escape
from pymdownx.slugs import slugify

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
HEADINGS = ("h1", "h2", "h3")
MATERIAL_INDEX = "search/search_index.json"
ZENSICAL_INDEX = "search.json"
# Field weights of Material's index; the same as its search plugin writes.
MATERIAL_FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}

# jieba announces on standard error that it builds its dictionary; that is progress, not a problem.
jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class SearchEntry:
    """One searchable part of a page: the page itself (``level`` 1) or one of its sections."""

    location: str
    level: int
    title: str
    text: str


def segment_han(text: str) -> str:
    """``text`` with every run of Han characters cut into words separated by zero-width spaces."""

    def cut(match: re.Match[str]) -> str:
        return "\u200b" + "\u200b".join(jieba.cut(match.group(0))) + "\u200b"

    return HAN.sub(cut, text).strip("\u200b")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a Markdown page; an empty mapping if it has none."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            meta = yaml.safe_load(text[4:end]) or {}
            return (meta if isinstance(meta, dict) else {}), text[end + 5 :]
    return {}, text


class _Sections(HTMLParser):
    """Splits rendered HTML into sections at headings: [level, id, heading text, text]; the first has level 0."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list[Any]] = [[0, "", "", ""]]
        self._in_heading = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "svg"):
            self._skip += 1
        elif tag in HEADINGS and dict(attrs).get("id"):
            self.sections.append([int(tag[1]), dict(attrs).get("id") or "", "", ""])
            self._in_heading = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg"):
            self._skip = max(0, self._skip - 1)
        elif tag in HEADINGS:
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.sections[-1][2 if self._in_heading else 3] += data + " "


def _single_line(text: str) -> str:
    return " ".join(text.split())


def page_entries(page_url: str, source: str) -> list[SearchEntry]:
    """The search entries of one page at ``page_url`` (relative to its locale) from its Markdown ``source``.

    The page itself is one entry (titled by its front matter or its ``# heading``);
    each ``##`` and ``###`` section is another, located by its heading id.
    Nothing if the front matter says ``search: {exclude: true}``.
    """
    meta, body = split_front_matter(source)
    if isinstance(meta.get("search"), dict) and meta["search"].get("exclude"):
        return []
    html = markdown.markdown(
        body,
        extensions=["attr_list", "tables", "admonition", "toc"],
        extension_configs={"toc": {"slugify": slugify(case="lower")}},
    )
    parser = _Sections()
    parser.feed(html)
    # The themes show titles and texts as HTML: the front matter's title is escaped already, the rest is escaped here.
    title, text = str(meta.get("title") or ""), ""
    sections = []
    for level, anchor, heading, section_text in parser.sections:
        if level <= 1:
            title = title or str(escape(heading))
            text += section_text
        else:
            sections.append(SearchEntry(f"{page_url}#{anchor}", 2, _html_text(heading), _html_text(section_text)))
    page = SearchEntry(page_url, 1, segment_han(_single_line(title)), _html_text(text))
    return [page, *sections]


def _html_text(text: str) -> str:
    """Plain ``text`` on one line, Han words cut, escaped for HTML."""
    return str(escape(segment_han(_single_line(text))))


def material_index(entries: list[SearchEntry], search_config: dict[str, Any]) -> str:
    """Material for MkDocs' ``search_index.json`` of ``entries``."""
    config = {"fields": MATERIAL_FIELDS, "pipeline": ["stemmer"], **search_config}
    docs = [{"location": entry.location, "title": entry.title, "text": entry.text} for entry in entries]
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, sort_keys=True)


def zensical_index(entries: list[SearchEntry], search_config: dict[str, Any]) -> str:
    """Zensical's ``search.json`` of ``entries``."""
    items = []
    page_title = ""
    for entry in entries:
        if entry.level == 1:
            page_title = entry.title
        path = [page_title] if entry.level == 1 else [page_title, entry.title]
        items.append({"location": entry.location, "level": entry.level, "title": entry.title, "text": entry.text, "path": path, "tags": []})
    return json.dumps({"config": search_config, "items": items}, ensure_ascii=False, sort_keys=True)
