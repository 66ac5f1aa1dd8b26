"""Impossible build dates are one clear line; a build without git says so; no stamp is later than the build date."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT, build_site

BUILD_DATE = "2026-11-29"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9999-12-31", "DONORSITE_TODAY: '9999-12-31' is not a possible build date; write a day between 1990-01-01 and 2199-12-31"),
        ("9999-12-30", "is not a possible build date"),
        ("1900-01-01", "is not a possible build date"),
        ("tomorrow", "DONORSITE_TODAY: 'tomorrow' is not a date; write it as YYYY-MM-DD"),
    ],
)
def test_an_impossible_build_date_is_one_clear_line_in_check_and_build(value: str, message: str, tmp_path: Path) -> None:
    check = subprocess.run(
        [sys.executable, "-m", "donorsite.cli", "check", "--root", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"DONORSITE_TODAY": value, "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert check.returncode != 0
    assert message in check.stdout + check.stderr
    assert "Traceback" not in check.stdout + check.stderr
    result = build_site(ROOT, tmp_path / "site", environment={"DONORSITE_TODAY": value})
    assert not result.succeeded
    assert message in result.log
    assert "Traceback" not in result.log


@pytest.fixture
def no_git_path(tmp_path: Path) -> str:
    """A PATH on which every tool of /usr/bin is found except git."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in Path("/usr/bin").iterdir():
        if tool.name != "git" and not tool.name.startswith("git-"):
            (folder / tool.name).symlink_to(tool)
    return str(folder)


def test_a_build_without_git_warns_and_fails_under_strict(project_copy: Callable[[], Path], tmp_path: Path, no_git_path: str) -> None:
    project = project_copy()
    strict = build_site(project, tmp_path / "strict", environment={"PATH": no_git_path, "DONORSITE_TODAY": BUILD_DATE})
    assert not strict.succeeded
    assert "git is not installed (not found on the PATH)" in strict.log
    lenient = build_site(project, tmp_path / "site", strict=False, environment={"PATH": no_git_path, "DONORSITE_TODAY": BUILD_DATE})
    assert lenient.succeeded, lenient.log
    assert re.search(r"WARNING\s+-\s+.*git is not installed", lenient.log)
    _no_stamp_after(lenient.site, date.fromisoformat(BUILD_DATE))


def _no_stamp_after(site: Path, build_date: date) -> None:
    """Feeds' <updated> and calendars' DTSTAMP / LAST-MODIFIED are never later than the build date."""
    feeds = list(site.glob("*/feed.xml"))
    stamps = [match for feed in feeds for match in re.findall(r"<updated>([^<]+)</updated>", feed.read_text(encoding="utf-8"))]
    assert stamps, "no feed stamps found"
    for stamp in stamps:
        assert datetime.fromisoformat(stamp).date() <= build_date, stamp
    calendars = list(site.glob("*/campaigns/*/event-*.ics")) + list(site.glob("*/calendar.ics"))
    assert calendars
    for path in calendars:
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            for name in ("DTSTAMP", "LAST-MODIFIED"):
                assert event.decoded(name).date() <= build_date, (path, name)


def test_stamps_of_a_copy_without_history_are_not_after_the_build_date(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    """A copy that is not a git checkout (nothing dated by commits): the 2027 samples are not stamped in 2027."""
    result = build_site(project_copy(), tmp_path / "site", environment={"DONORSITE_TODAY": BUILD_DATE})
    assert result.succeeded, result.log
    _no_stamp_after(result.site, date.fromisoformat(BUILD_DATE))
