"""Links and pictures in editors' Markdown, checked where the text is read.

The page sanitiser (``render/markdown_text.py``) drops any link or picture
it does not allow, so without this check a ``javascript:`` link or an
outside picture would vanish from the page without a word, and a
protocol-relative link (``//host/path``) would be published although link
fields refuse it. The same Markdown library finds them here as renders
them there, so what is checked is what would be shown.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown


class _LinkCollector(HTMLParser):
    """The ``href`` of every link and the ``src`` of every picture, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.pictures: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href") is not None:
            self.links.append(values["href"] or "")
        elif tag == "img":
            self.pictures.append(values.get("src") or "")


def markdown_targets(text: str) -> tuple[list[str], list[str]]:
    """The addresses of the links and of the pictures that the Markdown ``text`` would render, in order.

    >>> markdown_targets("See [the supply](/vi/supply/), ![a](https://x.example/p.png) and <https://www.who.int/>.")
    (['/vi/supply/', 'https://www.who.int/'], ['https://x.example/p.png'])
    """
    if "](" not in text and "<" not in text and "]:" not in text:
        return [], []  # no link syntax at all: most texts
    collector = _LinkCollector()
    collector.feed(markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html"))
    return collector.links, collector.pictures


def is_site_path(href: str) -> bool:
    r"""Whether ``href`` is a path of this site or a #fragment: no scheme, and not ``//host`` (which browsers also read in ``\\host``).

    >>> [is_site_path(href) for href in ("/vi/supply/", "#hours", "../", "//evil.example/", "/\\evil.example", "https://x.example")]
    [True, True, True, False, False, False]
    """
    if href.replace("\\", "/").startswith("//"):
        return False
    return not urlsplit(href).scheme
