"""When each content file last changed, from the project's git history.

A shallow clone (``git clone --depth``, or ``actions/checkout`` without
``fetch-depth: 0``) cuts the history: its oldest commit seems to add every
file, so its date is not the date of any file's last change. Dates read
from commits inside the clone are right; files last changed before it are
reported as unknown, never dated with the clone's first commit.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

FIX_SHALLOW = (
    "fetch the full history with 'git fetch --unshallow' (in GitHub Actions: 'fetch-depth: 0' under actions/checkout), "
    "or write 'updated: YYYY-MM-DD' in these files"
)


class ShallowHistoryError(Exception):
    """The checkout is shallow and hides when some files last changed; the message says how to fix the checkout."""

    def __init__(self, files: Iterable[str]) -> None:
        self.files = sorted(files)
        super().__init__(
            f"{', '.join(self.files)}: the date of the last change is unknown because this git checkout is shallow "
            f"(cloned with --depth); {FIX_SHALLOW}"
        )


@dataclass(frozen=True)
class CommitDates:
    """Last-commit dates of files; ``unknown`` holds files whose last change lies before a shallow clone's history."""

    dates: dict[str, date] = field(default_factory=dict)
    unknown: frozenset[str] = frozenset()


def _git(root: Path, *arguments: str) -> str | None:
    """Standard output of a git command in ``root``, or None if git is missing or fails (not a checkout)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotePath=false", *arguments],
            capture_output=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


NO_HISTORY = (
    "git is not installed (not found on the PATH): "
    "the date of each campaign's last change is unknown, and feeds and calendars fall back to dates written in the files "
    "(never later than the build date); install git and build from a clone, or write 'updated: YYYY-MM-DD' in each campaign"
)


def git_available() -> bool:
    """Whether a ``git`` command is on the PATH, to read when each file last changed.

    A folder that is not a checkout (a copy, an export) builds quietly with
    the dates written in its files; a machine without git is told.
    """
    return shutil.which("git") is not None


def _shallow_boundary(root: Path) -> frozenset[str]:
    """The commits where a shallow clone's history is cut (empty for a full clone)."""
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() != "true":
        return frozenset()
    shallow_file = (_git(root, "rev-parse", "--path-format=absolute", "--git-path", "shallow") or "").strip()
    try:
        return frozenset(Path(shallow_file).read_text(encoding="ascii").split())
    except OSError:
        return frozenset()


def last_commit_dates(root: Path, folder: str) -> CommitDates:
    """Date of the last commit of each file under ``root/folder``, keyed by its path relative to ``root``.

    One ``git log`` call covers every file. Outside a git checkout, or
    without git, nothing is known: pages then show only dates written in the
    files themselves.
    """
    output = _git(root, "log", "--format=%x00%H %cs", "--name-only", "--no-renames", "--relative", "--", folder)
    if output is None:
        return CommitDates()
    boundary = _shallow_boundary(root)
    dates: dict[str, date] = {}
    unknown: set[str] = set()
    current: date | None = None
    cut = False
    for line in output.splitlines():
        if line.startswith("\x00"):
            commit, day = line[1:].split(" ")
            current, cut = date.fromisoformat(day), commit in boundary
        elif line.strip() and current is not None:
            name = line.strip()
            if name in dates or name in unknown:
                continue
            if cut:
                unknown.add(name)
            else:
                dates[name] = current
    return CommitDates(dates, frozenset(unknown))
