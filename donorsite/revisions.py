"""When each content file last changed, from the project's git history."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def last_commit_dates(root: Path, folder: str) -> dict[str, date]:
    """Date of the last commit of each file under ``root/folder``, keyed by its path relative to ``root``.

    One ``git log`` call covers every file. Outside a git checkout, or
    without git, the answer is empty and pages fall back to dates written
    in the files themselves.
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative", "--", folder],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, date] = {}
    current: date | None = None
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            current = date.fromisoformat(line[1:])
        elif line.strip() and current is not None:
            dates.setdefault(line.strip(), current)
    return dates
