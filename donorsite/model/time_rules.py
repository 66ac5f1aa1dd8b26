"""Small time rules the build and the reader's browser both apply: the age of a stock count and the countdown's days.

Each has a twin of the same name in ``docs/assets/time-rules.js``
(``stockAge``, ``countdown``); ``tests/time_rules_cases.json`` holds the
cases both must agree on.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

AgeUnit = Literal["hour", "day", "month"]

# The length of a month when an age is counted in months (a Gregorian year / 12).
MONTH_DAYS = 30.4375


def stock_age(seconds: float) -> tuple[int, AgeUnit]:
    """How long ago, as (negative value, unit) for a relative-time format.

    Whole hours (at least 1) under a day, whole days under 60 days, else
    whole months: 36 hours is "1 day ago" and 14 days "14 days ago" on both sides.
    """
    days = seconds / 86400
    if days < 1:
        return -max(1, int(seconds // 3600)), "hour"
    if days < 60:
        return -int(days), "day"
    return -int(days // MONTH_DAYS), "month"


def countdown(today: date, month: int, day: int) -> tuple[int, int]:
    """(days, year) from ``today`` to the next ``month``/``day``, which counts 0 on the day itself."""
    target = date(today.year, month, day)
    if target < today:
        target = date(today.year + 1, month, day)
    return (target - today).days, target.year


# Babel's seconds per unit, to write an exact whole number of a unit.
UNIT_SECONDS: dict[AgeUnit, int] = {"hour": 3600, "day": 86400, "month": 30 * 86400}


def age_delta(seconds: float) -> tuple[timedelta, AgeUnit]:
    """The age as a timedelta of a whole number of its unit (as ``stock_age`` counts it), and the unit."""
    value, unit = stock_age(seconds)
    return timedelta(seconds=value * UNIT_SECONDS[unit]), unit
