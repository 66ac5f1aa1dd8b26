"""The `donorsite` command on the sample content."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_bad_input import VALID, replace_line

ROOT = Path(__file__).resolve().parents[2]


def test_check_passes_on_the_samples() -> None:
    result = subprocess.run([sys.executable, "-m", "donorsite.cli", "check", "--root", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    campaigns = len(list((ROOT / "campaigns").glob("*.yaml")))
    assert f"OK: {campaigns} campaign(s)" in result.stdout


# What `donorsite check` (run by editors and at every commit by the pre-commit hook) leaves out: it starts
# in about half the time of a command that loads the build, the export and the web editor.
NOT_FOR_CHECK = ("donorsite.build.export", "donorsite.build.admin_config", "donorsite.editing.edit_session", "mkdocs", "icalendar")


def test_check_loads_only_what_it_runs() -> None:
    script = (
        "import sys; from donorsite.cli import main; status = main(['check', '--root', sys.argv[1]]); "
        "print(status, *sorted(name for name in sys.modules if name.startswith(tuple(sys.argv[2:]))))"
    )
    result = subprocess.run([sys.executable, "-c", script, str(ROOT), *NOT_FOR_CHECK], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0", "modules a check does not need were imported"


def test_help_speaks_english_and_chinese() -> None:
    result = subprocess.run([sys.executable, "-m", "donorsite.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "validate campaigns" in result.stdout and "检查" in result.stdout


# The bad-input suite's valid campaign, with the status an old file would have.
OLD_STATUS_FILE = replace_line(2, "status: {status}")(VALID)


@pytest.mark.parametrize("status", ["open", "completed"])
def test_old_status_names_still_build_and_check_says_what_to_write(tmp_path: Path, status: str) -> None:
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "drive.yaml").write_text(OLD_STATUS_FILE.format(status=status), encoding="utf-8")
    command = [sys.executable, "-m", "donorsite.cli", "check", "--root", str(tmp_path), "--annotations", "github"]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "DONORSITE_TODAY": "2026-11-29"})
    assert result.returncode == 0, result.stdout + result.stderr
    message = (
        f"status: '{status}' is an old status name that still works; write 'status: confirmed' "
        "(whether the campaign is upcoming, on now or over is now computed from its dates)"
    )
    assert f"campaigns/drive.yaml:2:9: {message} (warning)" in result.stdout.splitlines()
    assert f"::warning file=campaigns/drive.yaml,line=2,col=9::{message}" in result.stdout.splitlines()
    assert "OK: 1 campaign(s)" in result.stdout
