"""The `donorsite` command on the sample content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_check_passes_on_the_samples() -> None:
    result = subprocess.run([sys.executable, "-m", "donorsite.cli", "check", "--root", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    campaigns = len(list((ROOT / "campaigns").glob("*.yaml")))
    assert f"OK: {campaigns} campaign(s)" in result.stdout


def test_help_speaks_english_and_chinese() -> None:
    result = subprocess.run([sys.executable, "-m", "donorsite.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "validate campaigns" in result.stdout and "检查" in result.stdout
