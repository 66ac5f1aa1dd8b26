"""The "may I give?" self-check: a reader's answers put through one country's general rules.

The same rules, as ``rules_table`` writes them, are read by the page's script
(``docs/assets/eligibility.js``), which applies them the same way in the
reader's browser; ``tests/eligibility_cases.json`` holds the cases both must
agree on. The check only says what the general rules say: the staff at the
donation site decide, after a health check.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from donorsite.model.donation_kinds import DonationKind
from donorsite.model.eligibility import EligibilityRule, IntervalUnit


class Outcome(StrEnum):
    """What the rules say: give now, wait until a date, or not under these rules."""

    ELIGIBLE = "eligible"
    NOT_YET = "not-yet"
    NOT_ELIGIBLE = "not-eligible"


class Reason(StrEnum):
    """Why; each has a sentence of its own on the page."""

    MAY_GIVE = "may-give"
    TOO_YOUNG = "too-young"
    TOO_OLD = "too-old"
    UNDER_WEIGHT = "under-weight"
    WAIT = "wait"
    KIND_NOT_LISTED = "kind-not-listed"


@dataclass(frozen=True)
class Answers:
    """A reader's answers; ``sex`` is "woman", "man" or None (then the higher weight limit applies)."""

    age: int
    weight_kg: float
    sex: str | None = None
    last_donation: date | None = None
    last_kind: DonationKind | None = None
    last_volume_ml: int | None = None


@dataclass(frozen=True)
class CheckResult:
    """The outcome, the earliest date of the next donation, the reason and the figures the reason names."""

    outcome: Outcome
    next_date: date
    reason: Reason
    figures: Mapping[str, int | float] = field(default_factory=dict)


def add_interval(day: date, interval: int, unit: IntervalUnit) -> date:
    """``day`` plus ``interval`` days, weeks or calendar months (a month end is kept within the month).

    >>> add_interval(date(2026, 10, 1), 6, IntervalUnit.MONTH)
    datetime.date(2027, 4, 1)
    >>> add_interval(date(2026, 8, 31), 6, IntervalUnit.MONTH)
    datetime.date(2027, 2, 28)
    >>> add_interval(date(2026, 10, 1), 12, IntervalUnit.WEEK)
    datetime.date(2026, 12, 24)
    """
    if unit is IntervalUnit.DAY:
        return day + timedelta(days=interval)
    if unit is IntervalUnit.WEEK:
        return day + timedelta(weeks=interval)
    months = day.year * 12 + day.month - 1 + interval
    year, month = divmod(months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def wait_after(rule: EligibilityRule, kind: DonationKind, volume_ml: int | None = None) -> tuple[int, IntervalUnit] | None:
    """The wait after a donation of ``kind`` (of ``volume_ml`` for rules that differ by size); None if the rules name none.

    Where sizes differ and the size is not known, the longest wait applies.
    """
    if kind is DonationKind.WHOLE_BLOOD:
        if rule.donations:
            sized = [donation for donation in rule.donations if donation.volume_ml == volume_ml]
            chosen = sized[0] if sized else rule.donations[-1]
            return chosen.interval, chosen.interval_unit
        return rule.interval, rule.interval_unit
    listed = [interval for interval in rule.kinds if interval.kind is kind]
    return (listed[0].interval, listed[0].interval_unit) if listed else None


def lowest_weight(rule: EligibilityRule, sex: str | None) -> int:
    """The lowest weight for any donation: the reader's sex's, else the higher of the two; with sizes, the smallest size's."""
    if rule.donations:
        return min(donation.min_weight_kg for donation in rule.donations)
    if sex == "woman":
        return rule.min_weight_kg_women
    if sex == "man":
        return rule.min_weight_kg_men
    return max(rule.min_weight_kg_men, rule.min_weight_kg_women)


def check_eligibility(rule: EligibilityRule, answers: Answers, today: date) -> CheckResult:
    """What ``rule`` says about ``answers`` on ``today``: age first, then weight, then the wait since the last donation."""
    if answers.age < rule.min_age:
        return CheckResult(Outcome.NOT_ELIGIBLE, today, Reason.TOO_YOUNG, {"age": rule.min_age})
    if answers.age > rule.max_age:
        return CheckResult(Outcome.NOT_ELIGIBLE, today, Reason.TOO_OLD, {"age": rule.max_age})
    weight = lowest_weight(rule, answers.sex)
    if answers.weight_kg < weight:
        return CheckResult(Outcome.NOT_ELIGIBLE, today, Reason.UNDER_WEIGHT, {"weight": weight})
    if answers.last_donation is None or answers.last_kind is None:
        return CheckResult(Outcome.ELIGIBLE, today, Reason.MAY_GIVE)
    wait = wait_after(rule, answers.last_kind, answers.last_volume_ml)
    if wait is None:
        return CheckResult(Outcome.NOT_YET, today, Reason.KIND_NOT_LISTED)
    next_date = add_interval(answers.last_donation, *wait)
    if next_date > today:
        return CheckResult(Outcome.NOT_YET, next_date, Reason.WAIT, {"interval": wait[0]})
    return CheckResult(Outcome.ELIGIBLE, today, Reason.MAY_GIVE)


def rules_table(rules: Mapping[str, EligibilityRule]) -> dict[str, object]:
    """The rules as plain data for the page's script: per country, ages, weights, sizes and the wait per kind."""
    table: dict[str, object] = {}
    for country, rule in sorted(rules.items()):
        waits = {kind.value: wait for kind in rule.kinds_offered() if (wait := wait_after(rule, kind)) is not None}
        table[country] = {
            "min_age": rule.min_age,
            "max_age": rule.max_age,
            "min_weight_men": rule.min_weight_kg_men,
            "min_weight_women": rule.min_weight_kg_women,
            "sizes": [[d.volume_ml, d.min_weight_kg, d.interval, d.interval_unit.value] for d in rule.donations],
            "waits": {kind: [value, unit.value] for kind, (value, unit) in waits.items()},
        }
    return table
