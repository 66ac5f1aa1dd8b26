"""Choosing which written text a reader sees, and saying where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from donorsite.core.locales import get_locale
from donorsite.localize.chinese import ChineseConverter
from donorsite.model.text_fields import LocalizedText


class TextOrigin(StrEnum):
    """How the text shown to a reader was obtained."""

    WRITTEN = "written"
    CONVERTED = "converted"
    FALLBACK = "fallback"


@dataclass(frozen=True)
class LocalText:
    """A text ready to show, in language ``lang``, with its origin."""

    text: str
    lang: str
    origin: TextOrigin
    # The script a converted text was converted from (``zh-Hans`` or ``zh-Hant``).
    converted_from: str | None = None

    def __str__(self) -> str:
        return self.text


# The Chinese script read in a venue's country, for a reader of no Chinese locale who is shown Chinese.
CHINESE_SCRIPT_OF_COUNTRY: dict[str, str] = {"CN": "zh-Hans", "SG": "zh-Hans", "TW": "zh-Hant", "HK": "zh-Hant", "MO": "zh-Hant"}


def chinese_script_of_country(country: str | None) -> str | None:
    """``zh-Hans`` or ``zh-Hant``, the script written in ``country``; None for a country that writes neither."""
    return CHINESE_SCRIPT_OF_COUNTRY.get(country or "")


class TextResolver:
    """Picks the text for a locale: written, else the locale's fallbacks in its reader's order.

    Text written by a person always wins. A missing text in one Chinese
    script is converted from the other (OpenCC plus the project glossaries)
    when that comes first in the locale's ``fallback_order``; any other
    fallback is shown as written, in its own language. Conversions are
    cached, so each text is converted once per build.
    """

    def __init__(self, converter: ChineseConverter) -> None:
        self.converter = converter
        self._converted: dict[tuple[str, str], str] = {}

    def _convert(self, text: str, target: str) -> str:
        key = (text, target)
        if key not in self._converted:
            convert = self.converter.to_traditional if get_locale(target).babel.script == "Hant" else self.converter.to_simplified
            self._converted[key] = convert(text)
        return self._converted[key]

    def _chinese_for_other_readers(self, text: LocalizedText, found_code: str, script: str | None) -> LocalText:
        """A Chinese text for a reader of no Chinese locale, in ``script`` (the venue's) when it is given."""
        if script is None or found_code == script or found_code not in CHINESE_SCRIPT_OF_COUNTRY.values():
            return LocalText(text.get(found_code) or "", found_code, TextOrigin.FALLBACK)
        written = text.get(script)
        return LocalText(written or self._convert(text.get(found_code) or "", script), script, TextOrigin.FALLBACK)

    def resolve(self, text: LocalizedText, locale_code: str, source_language: str, chinese_script: str | None = None) -> LocalText:
        """The text a reader of ``locale_code`` sees.

        ``source_language`` is the last resort, for a text in a language the
        locale's fallback order does not list. ``chinese_script`` is the script
        of the venue's country: a reader of no Chinese locale who must be shown
        Chinese sees it in that script (converted if need be), so a mainland
        name is never shown in Traditional characters to a Vietnamese reader.
        """
        written = text.get(locale_code)
        if written:
            return LocalText(written, locale_code, TextOrigin.WRITTEN)
        site_locale = get_locale(locale_code)
        for code in site_locale.fallback_order:
            found = text.get(code)
            if not found:
                continue
            if code == site_locale.convertible_from:
                return LocalText(self._convert(found, locale_code), locale_code, TextOrigin.CONVERTED, converted_from=code)
            return self._chinese_for_other_readers(text, code, chinese_script)
        for code in (source_language, *text.written_locales()):
            if text.get(code):
                return self._chinese_for_other_readers(text, code, chinese_script)
        raise ValueError("a LocalizedText with no text at all passed validation")
