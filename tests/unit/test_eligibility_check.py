"""The "may I give?" check in Python: a table of cases (tests/eligibility_cases.json) for the mainland, Taiwan and Viet Nam rules.

The same cases run against the page's script in Chromium (tests/browser/test_citizen_answer.py).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from donorsite.model.eligibility import DEFAULT_RULES, DonationKind, IntervalUnit
from donorsite.model.eligibility_check import Answers, Outcome, add_interval, check_eligibility, rules_table

TESTS = Path(__file__).resolve().parents[1]
CASES: list[dict[str, Any]] = json.loads((TESTS / "eligibility_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    answers = Answers(
        age=case["age"],
        weight_kg=case["weight"],
        sex=case["sex"] or None,
        last_donation=date.fromisoformat(case["last_donation"]) if case["last_donation"] else None,
        last_kind=DonationKind(case["last_kind"]) if case["last_donation"] else None,
        last_volume_ml=case["last_volume"],
    )
    result = check_eligibility(DEFAULT_RULES[case["country"]], answers, date.fromisoformat(case["today"]))
    assert (result.outcome.value, result.next_date.isoformat(), result.reason.value) == (case["outcome"], case["next_date"], case["reason"])


def test_the_issue_example() -> None:
    answers = Answers(age=30, weight_kg=60, sex="man", last_donation=date(2026, 10, 1), last_kind=DonationKind.WHOLE_BLOOD)
    result = check_eligibility(DEFAULT_RULES["CN"], answers, date(2026, 12, 3))
    assert (result.outcome, result.next_date) == (Outcome.NOT_YET, date(2027, 4, 1))


def test_each_rule_has_cases_for_whole_blood_and_apheresis() -> None:
    kinds = {(case["country"], case["last_kind"]) for case in CASES if case["last_donation"]}
    assert {
        ("CN", "whole-blood"),
        ("CN", "platelets"),
        ("TW", "whole-blood"),
        ("TW", "plasma"),
        ("VN", "whole-blood"),
        ("VN", "plasma"),
    } <= kinds


@pytest.mark.parametrize(
    ("start", "count", "unit", "expected"),
    [
        ("2026-08-31", 6, IntervalUnit.MONTH, "2027-02-28"),
        ("2027-08-31", 6, IntervalUnit.MONTH, "2028-02-29"),
        ("2026-12-31", 2, IntervalUnit.WEEK, "2027-01-14"),
        ("2026-12-31", 1, IntervalUnit.DAY, "2027-01-01"),
    ],
)
def test_intervals_follow_the_calendar(start: str, count: int, unit: IntervalUnit, expected: str) -> None:
    assert add_interval(date.fromisoformat(start), count, unit).isoformat() == expected


def test_the_browser_table_has_the_rules_of_each_country() -> None:
    table = rules_table(DEFAULT_RULES)
    assert table["CN"] == {
        "min_age": 18,
        "max_age": 55,
        "min_weight_men": 50,
        "min_weight_women": 45,
        "sizes": [],
        "waits": {"whole-blood": [6, "month"], "platelets": [2, "week"]},
    }
    assert table["TW"]["sizes"] == [[250, 45, 2, "month"], [500, 60, 3, "month"]]  # type: ignore[index]
    assert table["VN"]["waits"] == {"whole-blood": [12, "week"], "platelets": [2, "week"], "plasma": [2, "week"]}  # type: ignore[index]
