"""Characters no editor's text may contain, and host names that imitate others.

A pasted text can carry characters that show nothing but change what a
reader sees (direction overrides, zero-width spaces), characters that
break the XML of feeds (non-characters, control characters), and line
separators that editors do not show as a new line while YAML counts them
as one, so that every later line number would be wrong.

The zero-width joiner and non-joiner are allowed where a script needs
them: between two letters or marks of a script that shapes joined letters
(Arabic, the Indic scripts and a few more), and the joiner inside an emoji
sequence such as a family emoji. Tag characters are allowed after the
black flag of a subdivision flag emoji.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

ZERO_WIDTH_NON_JOINER = "\u200c"
ZERO_WIDTH_JOINER = "\u200d"
LINE_BREAKS_EDITORS_HIDE = frozenset("\u0085\u2028\u2029")

# First word of the Unicode names of scripts whose letters join or form
# conjuncts, where ZWJ/ZWNJ select a different written form.
_JOINING_SCRIPTS = frozenset(
    {
        "ARABIC",
        "SYRIAC",
        "NKO",
        "MANDAIC",
        "MONGOLIAN",
        "PHAGS-PA",
        "DEVANAGARI",
        "BENGALI",
        "GURMUKHI",
        "GUJARATI",
        "ORIYA",
        "TAMIL",
        "TELUGU",
        "KANNADA",
        "MALAYALAM",
        "SINHALA",
        "MYANMAR",
        "KHMER",
        "TIBETAN",
    }
)
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2300, 0x23FF), (0x2B00, 0x2BFF), (0x1F3FB, 0x1F3FF))
_VARIATION_SELECTOR_16 = "\ufe0f"
# Letters and marks that print as nothing at all (fillers, blanks, the grapheme joiner):
# a name made of them, or padded with them, looks like another name or like none.
_INVISIBLE_PRINTABLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")
_BLACK_FLAG = "\U0001f3f4"


@dataclass(frozen=True)
class BadCharacter:
    """A character that must not be in an editor's text, where it is and why."""

    index: int
    character: str
    message: str

    @property
    def code(self) -> str:
        """The code point as editors search for it, e.g. ``U+202E``."""
        return f"U+{ord(self.character):04X}"


def _is_emoji(character: str) -> bool:
    point = ord(character)
    return character == _VARIATION_SELECTOR_16 or any(low <= point <= high for low, high in _EMOJI_RANGES)


def _script(character: str) -> str:
    return unicodedata.name(character, "").split(" ", 1)[0]


def _joiner_is_needed(text: str, index: int) -> bool:
    if index == 0 or index == len(text) - 1:
        return False
    before, after = text[index - 1], text[index + 1]
    if text[index] == ZERO_WIDTH_JOINER and _is_emoji(before) and _is_emoji(after):
        return True
    script = _script(before)
    return script in _JOINING_SCRIPTS and _script(after) == script


def _tag_is_in_flag(text: str, index: int) -> bool:
    start = index
    while start > 0 and 0xE0020 <= ord(text[start - 1]) <= 0xE007F:
        start -= 1
    return start > 0 and text[start - 1] == _BLACK_FLAG


def _is_noncharacter(point: int) -> bool:
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def describe_character(character: str) -> str:
    """Why ``character`` is refused, in words for the editor, or '' if it is allowed in some context."""
    point = ord(character)
    code = f"U+{point:04X}"
    if character in LINE_BREAKS_EDITORS_HIDE:
        return f"the line separator {code}, which editors do not show as a new line; replace it with a normal line break"
    category = unicodedata.category(character)
    if category == "Cc":
        return f"the control character {code}; delete it"
    if category == "Cs":
        return f"the lone surrogate {code}, which is not a character; delete it"
    if _is_noncharacter(point):
        return f"the non-character {code}, which is not allowed in text; delete it"
    if category == "Cf":
        name = unicodedata.name(character, "")
        shown = f"{code} ({name.lower()})" if name else code
        return f"the invisible character {shown}, which can hide or reorder text; delete it"
    return ""


def _is_variation_selector(point: int) -> bool:
    return 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF


def _selects_a_variant(text: str, index: int) -> bool:
    """Whether the variation selector at ``index`` follows a character it can change (a symbol, emoji, keycap or Han character)."""
    if index == 0:
        return False
    before = text[index - 1]
    return (
        (_is_emoji(before) and before != _VARIATION_SELECTOR_16)
        or unicodedata.category(before).startswith("S")
        or before in "#*0123456789"
        or _script(before) in ("CJK", "MONGOLIAN")
    )


def _invisible_printable(text: str, index: int) -> str:
    """Why the printable character at ``index`` is refused although it prints nothing, or ''."""
    character = text[index]
    point = ord(character)
    if character in _INVISIBLE_PRINTABLE or (_is_variation_selector(point) and not _selects_a_variant(text, index)):
        name = unicodedata.name(character, "").lower()
        return f"the invisible character U+{point:04X} ({name}), which shows nothing; delete it"
    return ""


def find_bad_character(text: str, *, allow_line_breaks: bool = True) -> BadCharacter | None:
    """The first character of ``text`` that no editor's text may contain, or None.

    >>> find_bad_character("Ngày hội \\u202ehiến máu").code
    'U+202E'
    >>> find_bad_character("👨\\u200d👩\\u200d👧") is None
    True
    >>> find_bad_character("Lan\\u3164").code
    'U+3164'
    >>> find_bad_character("❤\\ufe0f") is None
    True
    """
    for index, character in enumerate(text):
        invisible = _invisible_printable(text, index)
        if invisible:
            return BadCharacter(index, character, invisible)
        if character.isprintable() and character not in LINE_BREAKS_EDITORS_HIDE and not _is_noncharacter(ord(character)):
            continue
        if allow_line_breaks and character in "\t\n\r":
            continue
        message = describe_character(character)
        if not message:
            continue  # spaces of other widths, private-use and unassigned characters
        if character in (ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER) and _joiner_is_needed(text, index):
            continue
        if 0xE0020 <= ord(character) <= 0xE007F and _tag_is_in_flag(text, index):
            continue
        return BadCharacter(index, character, message)
    return None


# Unicode TS 39 "highly restrictive": one script per label, or Latin with
# the scripts that Chinese, Japanese and Korean writing combine.
_ALLOWED_SCRIPT_MIXES = (
    frozenset({"LATIN", "CJK", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "CJK", "BOPOMOFO"}),
    frozenset({"LATIN", "CJK", "HANGUL"}),
)


def _label_scripts(label: str) -> set[str]:
    scripts = set()
    for character in label:
        if unicodedata.category(character).startswith("L"):
            scripts.add(_script(character))
    return scripts


def _decoded_label(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except UnicodeError:
            return label
    return label


def mixed_script_label(host: str) -> tuple[str, list[str]] | None:
    """The first label of ``host`` that mixes scripts, with its scripts, or None.

    >>> mixed_script_label("site.example") is None
    True
    >>> mixed_script_label("xn--80ak6aa92e.com") is None
    True
    >>> mixed_script_label("p\\u0430ypal.com")
    ('p\u0430ypal', ['CYRILLIC', 'LATIN'])
    """
    for raw_label in host.split("."):
        label = _decoded_label(raw_label)
        scripts = _label_scripts(label)
        if len(scripts) > 1 and not any(scripts <= allowed for allowed in _ALLOWED_SCRIPT_MIXES):
            return label, sorted(scripts)
    return None
