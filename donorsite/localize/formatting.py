"""Dates, times, numbers, volumes and percentages written the locale's way.

Digits, month and weekday names come from Babel's CLDR data. Where CLDR's
defaults are not what the locale's blood services print, the pattern is
chosen here, in ``DATE_STYLES``, and recorded in the README's translators'
style sheet:

- Chinese: 2027年2月16日（星期二）, one weekday form on every page (星期, never
  周 beside it); a range writes the year once, at the start, and drops what
  repeats (2027年2月16日（星期二）至18日（星期四））; figures without
  separators below 100 000 (16729人次, 32600毫升), in 万/亿 (萬/億) from
  there, with at most two decimals (472万毫升).
- Vietnamese: "Thứ Ba, ngày 16/2/2027" (CLDR's capitals, the same on every
  page) and times as 7h00.
- English: British style, "Tuesday 16 February 2027".

Joiners between two values (ranges, a figure and its unit) come from the
label catalogs, so each language keeps its own punctuation. A report's
figures with their qualifiers (约140人) are written in ``quantities.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from gettext import NullTranslations
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_timezone_name
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from donorsite.core.locales import get_locale
from donorsite.localize.catalogs import load_translations
from donorsite.localize.date_styles import DATE_STYLES, DateStyle

# Totals of at least this many millilitres read better in litres (not in Chinese: 472万毫升).
LITRE_THRESHOLD_ML = 100_000
# Chinese prose writes figures in full up to 99999 (16729人次) and in 万 and 亿 from 十万 up (472万毫升);
# a whole number of 万 is always written so (1万多人).
MYRIAD = 10_000
MYRIAD_FROM = 100_000


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated through the locale's catalog."""
    return message


# Joiners and units, translated in the catalogs (Chinese: no space before 毫升).
DATE_RANGE = N_("%(first)s – %(last)s")
TIME_RANGE = N_("%(start)s–%(end)s")
MILLILITRES = N_("%(value)s mL")
LITRES = N_("%(value)s L")
KILOGRAMS = N_("%(value)s kg")
HOURS = N_("%(value)s h")

# The names readers use for the zones of the site's events. CLDR calls
# Asia/Shanghai 中国时间 and Asia/Taipei 台北時間; notices say 北京时间 and 臺灣時間.
ZONE_NAMES: dict[str, str] = {
    "Asia/Shanghai": N_("Beijing time"),
    "Asia/Taipei": N_("Taiwan time"),
    "Asia/Hong_Kong": N_("Hong Kong time"),
    "Asia/Ho_Chi_Minh": N_("Viet Nam time"),
}


class LocaleFormatter:
    """Formats values for one Babel locale; create once per locale and reuse.

    ``translations`` supplies the joiners and unit patterns; without it the
    English source patterns are used.
    """

    def __init__(self, locale: Locale, translations: NullTranslations | None = None) -> None:
        # English is written the British way throughout: CLDR's en_GB for lists ("A, B and C") and dates.
        self.locale = Locale("en", "GB") if locale.language == "en" and not locale.territory else locale
        self.translations = translations or NullTranslations()
        self.style = DATE_STYLES.get(str(locale), DATE_STYLES.get(locale.language, DateStyle()))
        self.uses_myriads = locale.language == "zh"

    def _pattern(self, message: str, **values: str) -> str:
        return self.translations.gettext(message) % values

    def _date(self, day: dt.date, pattern: str) -> str:
        return format_date(day, pattern, locale=self.locale)

    def date(self, day: dt.date) -> str:
        """A full date with weekday.

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     print(code, formatter_for(code).date(dt.date(2025, 6, 14)))
        zh-Hans 2025年6月14日（星期六）
        zh-Hant 2025年6月14日（星期六）
        vi Thứ Bảy, ngày 14/6/2025
        en Saturday 14 June 2025
        """
        return self._date(day, self.style.full or self.locale.date_formats["full"].pattern)

    def short_date(self, day: dt.date) -> str:
        """A date without weekday, for listings.

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     print(code, formatter_for(code).short_date(dt.date(2025, 6, 14)))
        zh-Hans 2025年6月14日
        zh-Hant 2025年6月14日
        vi 14/6/2025
        en 14 June 2025
        """
        return self._date(day, self.style.short or self.locale.date_formats["long"].pattern)

    def date_range(self, first: dt.date, last: dt.date) -> str:
        """A span of days with the same weekday form as single dates; a single day if they are equal.

        What both days share (the year, the month) is written once.

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     f = formatter_for(code)
        ...     feb, jan = dt.date(2027, 2, 16), dt.date(2027, 1, 30)
        ...     print(code, f.date_range(feb, feb.replace(day=18)), "|", f.date_range(jan, dt.date(2027, 2, 2)))
        zh-Hans 2027年2月16日（星期二）至18日（星期四） | 2027年1月30日（星期六）至2月2日（星期二）
        zh-Hant 2027年2月16日（星期二）至18日（星期四） | 2027年1月30日（星期六）至2月2日（星期二）
        vi Thứ Ba, ngày 16/2 – Thứ Năm, ngày 18/2/2027 | Thứ Bảy, ngày 30/1 – Thứ Ba, ngày 2/2/2027
        en Tuesday 16 – Thursday 18 February 2027 | Saturday 30 January – Tuesday 2 February 2027
        """
        if first == last:
            return self.date(first)
        patterns = None
        if first.year == last.year:
            patterns = self.style.same_month if first.month == last.month else self.style.same_year
        if patterns is None:
            return self._pattern(DATE_RANGE, first=self.date(first), last=self.date(last))
        return self._pattern(DATE_RANGE, first=self._date(first, patterns[0]), last=self._date(last, patterns[1]))

    def time(self, moment: dt.time) -> str:
        """A time on the 24-hour clock.

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     print(code, formatter_for(code).time(dt.time(7, 0)))
        zh-Hans 07:00
        zh-Hant 07:00
        vi 7h00
        en 07:00
        """
        when = dt.datetime.combine(dt.date(2000, 1, 1), moment)
        if self.style.time:
            return format_time(when, self.style.time, locale=self.locale)
        return format_skeleton("Hm", when, locale=self.locale)

    def time_range(self, start: dt.time, end: dt.time | None) -> str:
        """A span of time in the locale's style; only the start if there is no end.

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     print(code, formatter_for(code).time_range(dt.time(16, 30), dt.time(19, 0)))
        zh-Hans 16:30–19:00
        zh-Hant 16:30–19:00
        vi 16h30 – 19h00
        en 16:30–19:00
        """
        if end is None:
            return self.time(start)
        return self._pattern(TIME_RANGE, start=self.time(start), end=self.time(end))

    def zone_name(self, zone: str) -> str:
        """What readers call the time zone ``zone``; CLDR's generic name for a zone the catalogs do not name.

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     print(code, formatter_for(code).zone_name("Asia/Shanghai"))
        zh-Hans 北京时间
        zh-Hant 北京時間
        vi giờ Bắc Kinh
        en Beijing time
        """
        if zone in ZONE_NAMES:
            return self.translations.gettext(ZONE_NAMES[zone])
        return get_timezone_name(ZoneInfo(zone), "long", zone_variant="generic", locale=self.locale)

    def number(self, value: float) -> str:
        """A number: ``16,729`` or ``16.729``; Chinese without separators, and in 万/亿 from 100,000 up.

        Chinese figures from 十万 up keep at most two decimals of 万 (12.35万), as blood stations write
        them; a whole number of 万 is written in 万 below that too (3万).

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     f = formatter_for(code)
        ...     print(code, f.number(16729), f.number(2500), f.number(30000), f.number(4_720_000), f.number(123_456))
        zh-Hans 16729 2500 3万 472万 12.35万
        zh-Hant 16729 2500 3萬 472萬 12.35萬
        vi 16.729 2.500 30.000 4.720.000 123.456
        en 16,729 2,500 30,000 4,720,000 123,456
        """
        if self.uses_myriads:
            if abs(value) >= MYRIAD_FROM or (abs(value) >= MYRIAD and value % MYRIAD == 0):
                return format_compact_decimal(value, format_type="short", fraction_digits=2, locale=self.locale)
            return format_decimal(value, locale=self.locale, group_separator=False)
        return format_decimal(value, locale=self.locale)

    def volume(self, millilitres: float) -> str:
        """A volume in mL (Chinese: always 毫升, with 万), or in litres for large totals.

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     print(code, formatter_for(code).volume(3_450_000))
        zh-Hans 345万毫升
        zh-Hant 345萬毫升
        vi 3.450 lít
        en 3,450 L
        """
        if millilitres >= LITRE_THRESHOLD_ML and not self.uses_myriads:
            return self._pattern(LITRES, value=self.number(round(millilitres / 1000, 1)))
        return self._pattern(MILLILITRES, value=self.number(millilitres))

    def weight(self, kilograms: float) -> str:
        """A body weight in kilograms, with the locale's unit (45公斤, 45 kg)."""
        return self._pattern(KILOGRAMS, value=self.number(kilograms))

    def hours(self, value: float) -> str:
        """A duration in hours with the locale's unit."""
        return self._pattern(HOURS, value=self.number(value))

    def percent(self, ratio: float) -> str:
        """A ratio as a percentage with at most one decimal.

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     print(code, formatter_for(code).percent(1.1875))
        zh-Hans 118.8%
        zh-Hant 118.8%
        vi 118,8%
        en 118.8%
        """
        return format_percent(round(ratio, 3), locale=self.locale, decimal_quantization=False)

    def items(self, values: Sequence[str]) -> str:
        """A list joined the locale's way.

        >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
        ...     print(code, formatter_for(code).items(["A", "B", "C"]))
        zh-Hans A、B和C
        zh-Hant A、B和C
        vi A, B và C
        en A, B and C
        """
        return format_list(list(values), locale=self.locale) if values else ""


def formatter_for(code: str) -> LocaleFormatter:
    """The formatter of site locale ``code`` with its label catalog, as in the examples above.

    A build makes one per locale once (``localize.services.build_locale_services``).
    """
    site_locale = get_locale(code)
    return LocaleFormatter(site_locale.babel, load_translations(site_locale))
