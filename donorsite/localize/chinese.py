"""Conversion between Simplified and Traditional Chinese: OpenCC plus curated vocabularies.

OpenCC converts characters reliably but not vocabulary: ``s2twp`` turns
社区 into 社群 (an online community) and leaves mainland words such as 网上
or 示例 alone; ``tw2sp`` keeps Taiwan words such as 捐血 and 志工. So text
is converted in three layers, each stronger than the next:

1. **Protected names** (``names.tsv``): award titles, office and
   organisation names, laws. They are replaced by their written form in the
   other script and never touched by anything else.
2. **Glossary terms** (``zh-Hant.tsv`` for Simplified → Taiwan Traditional,
   ``zh-Hans.tsv`` for Traditional → mainland Simplified), matched as whole
   terms, longest first, left to right: 捐献血小板 is one term, so the entry
   献血 never fires inside it.
3. **OpenCC** (``s2twp`` / ``tw2sp``) for everything between.

Two boundary rules keep words whole. A term ending in 血 never matches when
a blood product follows (浆/漿 plasma, 小板 platelets): 献血浆 is the verb
献 and the object 血浆, so it becomes 捐血漿 through the verb entry, never
through 献血. And a title in 《》 is a proper name (a mainland document,
law or award keeps 献血 in Traditional as 獻血): it is converted character
by character (``s2tw`` / ``tw2s``), with no glossary term.

Quotation marks follow the target: 「」『』 for Traditional, “”‘’ for Simplified.

Each glossary line is ``source<TAB>target<TAB>where the entry came from``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files

import opencc

NAMES_FILE = "names.tsv"
TO_TRADITIONAL_FILE = "zh-Hant.tsv"
TO_SIMPLIFIED_FILE = "zh-Hans.tsv"

_TO_TRADITIONAL_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
_TO_SIMPLIFIED_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
# A title of a document, law or award: its words are its own (see the module docstring).
_TITLE = re.compile(r"《[^《》]*》")
# What may not follow a term ending in 血: the rest of a blood product's name (血浆, 血小板).
_NOT_A_BLOOD_PRODUCT = "(?!浆|漿|小板)"


class GlossaryError(ValueError):
    """A glossary line that cannot be read; the message names file and line."""


@dataclass(frozen=True)
class GlossaryEntry:
    """One curated pair: ``source`` is replaced by ``target``; ``origin`` says who uses that word."""

    source: str
    target: str
    origin: str


def read_glossary(text: str, file_name: str = "glossary") -> list[GlossaryEntry]:
    """Entries of a glossary file: three tab-separated columns; ``#`` starts a comment line.

    Raises ``GlossaryError`` naming the line when a column is missing or empty.
    """
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = [column.strip() for column in line.split("\t")]
        if len(columns) != 3 or not all(columns):
            raise GlossaryError(
                f"{file_name}:{number}: expected 'source<TAB>target<TAB>where it came from', got {line!r}; "
                "write three columns separated by tabs, the last naming the source of the term"
            )
        entries.append(GlossaryEntry(*columns))
    return entries


def read_packaged_glossary(file_name: str) -> list[GlossaryEntry]:
    """The entries of one of the glossary files shipped in ``donorsite/glossary``."""
    text = files("donorsite.glossary").joinpath(file_name).read_text(encoding="utf-8")
    return read_glossary(text, f"donorsite/glossary/{file_name}")


def _term_pattern(term: str) -> str:
    """The regular expression of one whole term: a term ending in 血 stops short of 血浆 and 血小板."""
    return re.escape(term) + (_NOT_A_BLOOD_PRODUCT if term.endswith("血") else "")


class TermMatcher:
    """Finds whole terms, longest first, left to right (forward maximum matching).

    One regular expression of all terms, longest first: at each position the
    first alternative that matches is the longest term starting there.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.replacements: dict[str, str] = {}
        for source, target in pairs:
            # The first entry of a term wins, so a file reads top-down.
            self.replacements.setdefault(source, target)
        terms = sorted(self.replacements, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(_term_pattern, terms))) if terms else None

    def split(self, text: str) -> list[tuple[str, bool]]:
        """``text`` cut into (piece, is_term) pieces, in order; adjacent non-terms are joined."""
        if self._pattern is None:
            return [(text, False)] if text else []
        pieces: list[tuple[str, bool]] = []
        plain_start = 0
        for match in self._pattern.finditer(text):
            if plain_start < match.start():
                pieces.append((text[plain_start : match.start()], False))
            pieces.append((match.group(), True))
            plain_start = match.end()
        if plain_start < len(text):
            pieces.append((text[plain_start:], False))
        return pieces


class ScriptConversion:
    """One direction of conversion: protected names, then glossary terms, then OpenCC."""

    def __init__(
        self,
        names: TermMatcher,
        glossary: TermMatcher,
        opencc_convert: Callable[[str], str],
        quotes: dict[int, str],
        characters_only: Callable[[str], str] | None = None,
    ) -> None:
        self.names = names
        self.glossary = glossary
        self.opencc_convert = opencc_convert
        self.quotes = quotes
        # Titles in 《》 are converted character by character; without a converter for that, like the rest.
        self.characters_only = characters_only or opencc_convert

    def _convert(self, text: str, title: bool) -> str:
        out = []
        # Names are cut out first, so that no glossary term can match across
        # or inside a protected name.
        for piece, is_name in self.names.split(text):
            if is_name:
                out.append(self.names.replacements[piece])
            elif title:
                out.append(self.characters_only(piece))
            else:
                for part, is_term in self.glossary.split(piece):
                    out.append(self.glossary.replacements[part] if is_term else self.opencc_convert(part))
        return "".join(out)

    def __call__(self, text: str) -> str:
        out = []
        start = 0
        for match in _TITLE.finditer(text):
            out.append(self._convert(text[start : match.start()], title=False))
            out.append(self._convert(match.group(), title=True))
            start = match.end()
        out.append(self._convert(text[start:], title=False))
        return "".join(out).translate(self.quotes)


class ChineseConverter:
    """Simplified → Traditional (Taiwan usage) and Traditional → Simplified (mainland usage).

    Built once per build: OpenCC loads its dictionaries when first used.
    The glossaries default to the files in ``donorsite/glossary``.
    """

    def __init__(
        self,
        names: list[GlossaryEntry] | None = None,
        to_traditional_terms: list[GlossaryEntry] | None = None,
        to_simplified_terms: list[GlossaryEntry] | None = None,
    ) -> None:
        self.names = read_packaged_glossary(NAMES_FILE) if names is None else names
        self.to_traditional_terms = read_packaged_glossary(TO_TRADITIONAL_FILE) if to_traditional_terms is None else to_traditional_terms
        self.to_simplified_terms = read_packaged_glossary(TO_SIMPLIFIED_FILE) if to_simplified_terms is None else to_simplified_terms

    @cached_property
    def _to_traditional(self) -> ScriptConversion:
        # In names.tsv, ``source`` is the Simplified form and ``target`` the Traditional one.
        return ScriptConversion(
            TermMatcher((entry.source, entry.target) for entry in self.names),
            TermMatcher((entry.source, entry.target) for entry in self.to_traditional_terms),
            opencc.OpenCC("s2twp").convert,
            _TO_TRADITIONAL_QUOTES,
            opencc.OpenCC("s2tw").convert,
        )

    @cached_property
    def _to_simplified(self) -> ScriptConversion:
        return ScriptConversion(
            TermMatcher((entry.target, entry.source) for entry in self.names),
            TermMatcher((entry.source, entry.target) for entry in self.to_simplified_terms),
            opencc.OpenCC("tw2sp").convert,
            _TO_SIMPLIFIED_QUOTES,
            opencc.OpenCC("tw2s").convert,
        )

    def to_traditional(self, text: str) -> str:
        """Traditional Chinese, as written in Taiwan, for Simplified ``text``."""
        return self._to_traditional(text)

    def to_simplified(self, text: str) -> str:
        """Simplified Chinese, as written on the mainland, for Traditional ``text``."""
        return self._to_simplified(text)
