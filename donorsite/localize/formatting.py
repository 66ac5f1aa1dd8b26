"""Dates, times, numbers, volumes and percentages written the locale's way.

Every string comes from Babel's locale data: no format string here is
written by hand, apart from the choice of 24-hour skeletons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit

# Totals of at least this many millilitres read better in litres.
LITRE_THRESHOLD_ML = 100_000


class LocaleFormatter:
    """Formats values for one Babel locale; create once per locale and reuse."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale

    def date(self, day: dt.date) -> str:
        """A full date with weekday: ``2025年6月14日星期六``."""
        return format_date(day, "full", locale=self.locale)

    def short_date(self, day: dt.date) -> str:
        """A date without weekday, for listings: ``2025年6月14日``."""
        return format_date(day, "long", locale=self.locale)

    def date_range(self, first: dt.date, last: dt.date) -> str:
        """A span of days, ``Jun 14 – 16, 2025``; a single day if they are equal."""
        if first == last:
            return self.date(first)
        return format_interval(first, last, "yMMMEd", locale=self.locale)

    def time(self, moment: dt.time) -> str:
        """A time on the 24-hour clock."""
        return format_skeleton("Hm", dt.datetime.combine(dt.date(2000, 1, 1), moment), locale=self.locale)

    def time_range(self, start: dt.time, end: dt.time | None) -> str:
        """``16:30–19:00`` in the locale's style; only the start if there is no end.

        The 24-hour ``Hm`` skeleton is used everywhere: ``hm`` intervals
        raise for Traditional Chinese locales in Babel.
        """
        if end is None:
            return self.time(start)
        return format_interval(start, end, "Hm", locale=self.locale)

    def number(self, value: float) -> str:
        """A number with the locale's grouping: ``16,729`` or ``16.729``."""
        return format_decimal(value, locale=self.locale)

    def volume(self, millilitres: float) -> str:
        """A volume in mL, or in litres for large totals, with the locale's short unit."""
        if millilitres >= LITRE_THRESHOLD_ML:
            litres = round(millilitres / 1000, 1)
            return format_unit(litres, "volume-liter", length="short", locale=self.locale)
        return format_unit(millilitres, "volume-milliliter", length="short", locale=self.locale)

    def hours(self, value: float) -> str:
        """A duration in hours with the locale's short unit."""
        return format_unit(value, "duration-hour", length="short", locale=self.locale)

    def percent(self, ratio: float) -> str:
        """A ratio as a percentage with at most one decimal: ``118.8%``."""
        return format_percent(round(ratio, 3), locale=self.locale, decimal_quantization=False)

    def items(self, values: Sequence[str]) -> str:
        """A list joined the locale's way: ``A、B和C`` or ``A, B, and C``."""
        return format_list(list(values), locale=self.locale) if values else ""
