"""Sorting names the way readers look them up, where code-point order is wrong.

Babel has no collation and ICU is not a dependency; Vietnamese is the locale
whose alphabet code points put out of order (Đ after Z, Â after B), so it has
an explicit key: letters in the Vietnamese alphabet's order, tone marks only
breaking ties. Other locales keep code-point order (Chinese names would need
pinyin or stroke data to sort well).
"""

from __future__ import annotations

import unicodedata

# Vietnamese letters that are one letter with a mark: each sorts right after its base letter.
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # breve (ă), circumflex (â, ê, ô), horn (ơ, ư)
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng


def vietnamese_key(name: str) -> tuple[tuple[tuple[str, int], ...], tuple[int, ...]]:
    """A sort key for ``name`` in Vietnamese alphabetical order: letters first, tones only between equal letters.

    >>> sorted(["Tô Châu", "Trú Mã Điếm", "Tây An", "Đà Nẵng", "Dương Kinh"], key=vietnamese_key)
    ['Dương Kinh', 'Đà Nẵng', 'Tây An', 'Tô Châu', 'Trú Mã Điếm']
    """
    letters: list[tuple[str, int]] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", name.casefold()):
        if char in _LETTER_MARKS and letters:
            letters[-1] = (letters[-1][0], _LETTER_MARKS[char])
        elif char in _TONE_MARKS and tones:
            tones[-1] = _TONE_MARKS[char]
        elif char == "đ":
            letters.append(("d", 9))
            tones.append(0)
        else:
            letters.append((char, 0))
            tones.append(0)
    return tuple(letters), tuple(tones)


def name_sort_key(name: str, locale_code: str) -> tuple[object, ...]:
    """The key to sort ``name`` by for readers of ``locale_code``."""
    if locale_code == "vi":
        return (*vietnamese_key(name), name)
    return (name,)
