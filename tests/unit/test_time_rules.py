"""The build's time rules against the cases the browser's must also pass.

``tests/time_rules_cases.json`` is read here (the Python rules of the build)
and by ``tests/time_rules.test.cjs`` (``node --test``, docs/assets/time-rules.js):
the two cannot drift apart without one of them failing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from donorsite.model.donation_sites import site_state
from donorsite.model.sessions import SessionInstants, state_at, state_on
from donorsite.model.time_rules import countdown, stock_age

ROOT = Path(__file__).resolve().parents[2]
CASES: dict[str, Any] = json.loads((ROOT / "tests" / "time_rules_cases.json").read_text(encoding="utf-8"))


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _sessions(pairs: list[list[str]]) -> list[SessionInstants]:
    return [(_instant(start), _instant(end)) for start, end in pairs]


def _utc_text(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


@pytest.mark.parametrize("case", CASES["sessions_at"], ids=lambda case: case["name"])
def test_state_at_an_instant(case: dict[str, Any]) -> None:
    result = state_at(_sessions(case["sessions"]), _instant(case["now"]), case["timezone"])
    assert (result.state.value, _utc_text(result.next_start)) == (case["state"], case["next"])


@pytest.mark.parametrize("case", CASES["sessions_on"], ids=lambda case: case["name"])
def test_state_on_a_build_date(case: dict[str, Any]) -> None:
    result = state_on(_sessions(case["sessions"]), date.fromisoformat(case["day"]), case["timezone"])
    assert (result.state.value, _utc_text(result.next_start)) == (case["state"], case["next"])


@pytest.mark.parametrize("case", CASES["site"], ids=lambda case: case["name"])
def test_site_state(case: dict[str, Any]) -> None:
    expected = {key: case[key] for key in ("state", "time", "next_day", "next_time")}
    assert site_state(case["schedule"], _instant(case["now"]), case["timezone"]) == expected


@pytest.mark.parametrize("case", CASES["stock_age"], ids=lambda case: str(case["seconds"]))
def test_stock_age(case: dict[str, Any]) -> None:
    assert stock_age(case["seconds"]) == (case["value"], case["unit"])


@pytest.mark.parametrize("case", CASES["countdown"], ids=lambda case: case["today"])
def test_countdown(case: dict[str, Any]) -> None:
    assert countdown(date.fromisoformat(case["today"]), case["month"], case["day"]) == (case["days"], case["year"])


def test_the_table_covers_dst_breaks_midnight_and_both_sides_of_the_reader() -> None:
    names = " ".join(case["name"] for section in ("sessions_at", "sessions_on", "site") for case in CASES[section])
    for word in ("spring-forward", "fall-back", "lunch break", "west of the reader", "east of the reader", "midnight"):
        assert word in names, word


@pytest.mark.skipif(shutil.which("node") is None, reason="no Node.js")
def test_node_runs_the_same_table() -> None:
    result = subprocess.run(
        ["node", "--test", str(ROOT / "tests" / "time_rules.test.cjs")], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "# fail 0" in result.stdout


def test_stock_age_words_agree_with_the_browser() -> None:
    """36 hours and 14 days in the build's words, as Intl.RelativeTimeFormat writes them in the browser."""
    from babel.dates import format_timedelta

    from donorsite.model.time_rules import age_delta

    def words(seconds: float, locale: str) -> str:
        delta, unit = age_delta(seconds)
        return format_timedelta(delta, granularity=unit, threshold=10**12, add_direction=True, locale=locale)

    assert words(timedelta(hours=36).total_seconds(), "en") == "1 day ago"
    assert words(timedelta(days=14).total_seconds(), "en") == "14 days ago"
    assert words(timedelta(days=14).total_seconds(), "zh_Hans_CN") == "14天前"
    assert words(timedelta(days=14).total_seconds(), "vi") == "14 ngày trước"
