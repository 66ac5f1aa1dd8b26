"""Generated pages are HTML: the templates make it once, and no Markdown converter ever reads it.

A generated page's text is front matter (title, description, head data)
followed by the HTML body the templates rendered, in which every editor's
text is already escaped and only Markdown fields (bodies) were converted,
and sanitised, by ``render/markdown_text.py``. The engine adapter hands the
engine the front matter alone and puts the body in place of the (empty)
converted Markdown; the table of contents is read from the headings the
templates wrote. An engine that only reads Markdown files gets the body as
one raw HTML block (``markdown_source``), which Markdown passes through as
it is.
"""

from __future__ import annotations

import html
import re
from typing import TypedDict

# Headings the templates give an id to: the sections of the table of contents.
# Editors' text is escaped, so it can never contain "<h"; Markdown bodies lose
# their ids in the sanitiser, so their headings stay out of the contents.
_HEADING = re.compile(r'<h([1-6]) id="([^"<>]*)">(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]*>")
PAGE_CLASS = "donorsite-page"


class TocToken(TypedDict):
    """One heading of the table of contents, as Python-Markdown's ``toc`` extension gives it to MkDocs."""

    level: int
    id: str
    name: str
    children: list[TocToken]


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter with its ``---`` lines, body) of a generated page's text."""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 3) + len("\n---\n")
        return text[:end], text[end:]
    return "", text


def toc_tokens(body: str) -> list[TocToken]:
    """The headings of a generated page's HTML ``body`` that have an id, nested by level.

    ``name`` is the heading's HTML without tags, still escaped, as the theme prints it.

    >>> tokens = toc_tokens('<h2 id="a">A &amp; B</h2><p>x</p><h3 id="b"><span lang="vi">Bé</span></h3><h2 id="c">C</h2>')
    >>> [(t["id"], t["name"], [c["id"] for c in t["children"]]) for t in tokens]
    [('a', 'A &amp; B', ['b']), ('c', 'C', [])]
    """
    root: list[TocToken] = []
    open_tokens: list[TocToken] = []
    for match in _HEADING.finditer(body):
        name = " ".join(_TAG.sub("", match.group(3)).split())
        token = TocToken(level=int(match.group(1)), id=html.unescape(match.group(2)), name=name, children=[])
        while open_tokens and open_tokens[-1]["level"] >= token["level"]:
            open_tokens.pop()
        (open_tokens[-1]["children"] if open_tokens else root).append(token)
        open_tokens.append(token)
    return root


def markdown_source(text: str) -> str:
    """A generated page's ``text`` as a Markdown file: its front matter, then its body as one raw HTML block.

    Python-Markdown (and the engines built on it) pass a block-level element
    that starts a line through untouched up to its matching end tag, blank
    lines included, so nothing in the body is read as Markdown.
    """
    front_matter, body = split_front_matter(text)
    return f'{front_matter}\n<div class="{PAGE_CLASS}">\n{body.strip()}\n</div>\n'
