"""Setting the generated HTML of a page aside while the engine converts its Markdown.

Generated pages are Markdown headings (for the table of contents and
anchors) around blocks of HTML that the templates already finished.
Python-Markdown passes such blocks through unchanged, but only after parsing
every tag of them, which on a page with a thousand events costs more than
everything else. A page's blocks are replaced by numbered HTML comments
before conversion and put back afterwards, giving the same HTML for a
fraction of the work. Editors' text never contains ``<!--`` unescaped (the
checker refuses HTML), so no text can forge a placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^#{1,6} .*$", re.M)
_PLACEHOLDER = re.compile(r"<!--donorsite-block-(\d+)-->")


@dataclass(frozen=True)
class SetAside:
    """A page's Markdown with its HTML blocks replaced by placeholders, and the blocks."""

    markdown: str
    blocks: tuple[str, ...]

    def restore(self, html: str) -> str:
        """The converted ``html`` with every placeholder replaced by its block."""
        return _PLACEHOLDER.sub(lambda match: self.blocks[int(match.group(1))], html)


def set_aside_html_blocks(body: str) -> SetAside:
    """``body`` (Markdown after front matter) with each run of HTML between headings set aside.

    >>> aside = set_aside_html_blocks('<p class="x">A</p>\\n\\n## Where { #where }\\n\\n<dl><dt>B</dt></dl>\\n')
    >>> aside.markdown
    '\\n\\n<!--donorsite-block-0-->\\n\\n## Where { #where }\\n\\n<!--donorsite-block-1-->\\n\\n'
    >>> aside.restore('<!--donorsite-block-0-->\\n<h2 id="where">Where</h2>\\n<!--donorsite-block-1-->')
    '<p class="x">A</p>\\n<h2 id="where">Where</h2>\\n<dl><dt>B</dt></dl>'
    """
    blocks: list[str] = []
    parts: list[str] = []

    def set_aside(chunk: str) -> str:
        if not chunk.strip():
            return chunk
        blocks.append(chunk.strip())
        return f"\n\n<!--donorsite-block-{len(blocks) - 1}-->\n\n"

    position = 0
    for heading in _HEADING.finditer(body):
        parts += [set_aside(body[position : heading.start()]), heading.group(0)]
        position = heading.end()
    parts.append(set_aside(body[position:]))
    return SetAside("".join(parts), tuple(blocks))


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter with its ``---`` lines, body) of a generated page's text."""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 3) + len("\n---\n")
        return text[:end], text[end:]
    return "", text
