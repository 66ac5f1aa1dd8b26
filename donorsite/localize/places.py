"""Which parts of a place are written after its venue: the address and the city, nothing said twice.

The one rule behind every address line (pages, calendars, structured data);
the order and punctuation of each locale are the renderer's
(``LocaleRenderer.venue_line``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from donorsite.localize.texts import LocalText

_HAN = re.compile(r"[\u3400-\u9fff]")
_PART_SEPARATOR = re.compile(r"\s*[,，、]\s*")
# Vietnamese writes the level of a place in lower case inside an address (phường Dương Kinh,
# quận Cô Tô); a city field standing alone, as in the city filter, keeps its capital.
_VI_LEVEL = re.compile(r"(?:(?<=^)|(?<=, ))(?:Quận|Phường|Huyện|Xã|Thị xã|Thị trấn|Thành phố|Tỉnh|Đường|Phố)(?= )")


def is_han(text: LocalText) -> bool:
    """Whether ``text`` is written in Chinese characters (else in Latin script)."""
    return bool(_HAN.search(text.text))


def _unrepeated(text: LocalText, seen: list[str], venue: str) -> LocalText | None:
    """``text`` without the comma-separated parts that a text in ``seen`` already contains; None if nothing is left.

    A part in Latin script is also left out when the ``venue`` name contains
    it ("Điểm hiến máu quận Dương Kinh", "Quận Dương Kinh"); a Chinese venue
    name often holds its street (姑苏人民路献血屋, 人民路), which the address
    still gives. The parts kept are added to ``seen``.
    """
    han = is_han(text)
    kept = [
        part
        for part in _PART_SEPARATOR.split(text.text.strip())
        if part and not any(part.casefold() in earlier for earlier in seen) and (han or part.casefold() not in venue)
    ]
    seen.extend(part.casefold() for part in kept)
    if not kept:
        return None
    joined = "".join(kept) if han else ", ".join(kept)
    if text.lang == "vi":
        joined = _VI_LEVEL.sub(lambda match: match.group().lower(), joined)
    return text if joined == text.text else replace(text, text=joined)


def place_parts(venue: LocalText, address: LocalText | None, city: LocalText) -> list[LocalText]:
    """The address and city to write after ``venue``, in that order, without any part an earlier one names.

    >>> from donorsite.localize.texts import TextOrigin
    >>> def vi(text): return LocalText(text, "vi", TextOrigin.WRITTEN)
    >>> [p.text for p in place_parts(vi("Điểm hiến máu quận Dương Kinh"), vi("Quận Dương Kinh"), vi("Quận Dương Kinh, Hải Phòng"))]
    ['Hải Phòng']
    >>> def zh(text): return LocalText(text, "zh-Hans", TextOrigin.WRITTEN)
    >>> [p.text for p in place_parts(zh("雄关广场"), zh("甘肃省嘉峪关市新华路"), zh("甘肃省嘉峪关市"))]
    ['甘肃省嘉峪关市新华路']
    """
    seen: list[str] = []
    venue_key = venue.text.casefold()
    kept_address = _unrepeated(address, seen, venue_key) if address is not None else None
    kept_city = _unrepeated(city, seen, venue_key)
    return [text for text in (kept_address, kept_city) if text is not None]
