"""The build-speed guard of .ci/run fails a build that got slower than the plain-Markdown baseline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

# A hook that makes every page cost 80 ms more: a regression no noise can hide.
SLOW_HOOK = """
import time


def on_page_markdown(markdown, **kwargs):
    time.sleep(0.08)
    return markdown
"""


def test_guard_fails_a_deliberately_slowed_build(tmp_path: Path) -> None:
    hook = tmp_path / "slow_hook.py"
    hook.write_text(SLOW_HOOK, encoding="utf-8")
    guard = ["--guard", "1.5", "--attempts", "2", "--extra-hook", str(hook)]
    command = [sys.executable, "benchmarks/build_speed.py", "--sizes", "8", "--no-events", *guard]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "measuring again (2 of 2)" in result.stdout, "a case over the limit is measured again before the guard fails"
    assert "GUARD FAILED: N = 8 builds" in result.stdout
    assert "above the limit 1.5" in result.stdout
    assert "Traceback" not in result.stderr
