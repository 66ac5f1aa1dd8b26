"""The date patterns of each language where CLDR's defaults are not what its blood services print.

Recorded, with the sources they follow, in the README's translators' style sheet.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateStyle:
    """LDML patterns of one language, where CLDR's default is not what its readers expect.

    ``None`` keeps CLDR's pattern. A range of days is written as two
    patterns, for its first and its last day: ``same_month`` when both days
    fall in one month, ``same_year`` when in one year; otherwise both days
    are full dates.
    """

    full: str | None = None
    short: str | None = None
    time: str | None = None
    same_month: tuple[str, str] | None = None
    same_year: tuple[str, str] | None = None


DATE_STYLES: dict[str, DateStyle] = {
    # CLDR's full date says 星期六; its short forms (yMMMEd) say 周六. One form per page: 星期, in
    # brackets as the services' notices write it; the year once, at the start of a range.
    "zh_Hans": DateStyle(
        full="y年M月d日（EEEE）",
        same_month=("y年M月d日（EEEE）", "d日（EEEE）"),
        same_year=("y年M月d日（EEEE）", "M月d日（EEEE）"),
    ),
    "zh_Hant": DateStyle(
        full="y年M月d日（EEEE）",
        same_month=("y年M月d日（EEEE）", "d日（EEEE）"),
        same_year=("y年M月d日（EEEE）", "M月d日（EEEE）"),
    ),
    # British style (GOV.UK, NHS Blood and Transplant): no comma after the weekday.
    "en": DateStyle(
        full="EEEE d MMMM y",
        short="d MMMM y",
        same_month=("EEEE d", "EEEE d MMMM y"),
        same_year=("EEEE d MMMM", "EEEE d MMMM y"),
    ),
    # Vietnamese blood services write "Thứ Ba, ngày 16/2/2027" and "7h00".
    "vi": DateStyle(
        full="EEEE, 'ngày' d/M/y",
        short="d/M/y",
        time="H'h'mm",
        same_month=("EEEE, 'ngày' d/M", "EEEE, 'ngày' d/M/y"),
        same_year=("EEEE, 'ngày' d/M", "EEEE, 'ngày' d/M/y"),
    ),
}
