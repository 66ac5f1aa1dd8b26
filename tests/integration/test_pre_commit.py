"""Campaign repositories can run ``donorsite check`` before every commit through pre-commit."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

GUIDES = ["docs/en/editor-guide.md", "docs/zh-hans/editor-guide.md"]


def _hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    return hooks[0]


def _run_entry(folder: Path) -> subprocess.CompletedProcess[str]:
    """The hook's entry as pre-commit runs it: the console script, in the repository's root, no file names."""
    program, *arguments = str(_hook()["entry"]).split()
    script = Path(sys.executable).parent / program
    return subprocess.run([str(script), *arguments], capture_output=True, text=True, cwd=folder, timeout=120)


def test_hook_runs_the_installed_donorsite_check_on_content_changes_only() -> None:
    hook = _hook()
    assert hook["id"] == "donorsite-check" and hook["language"] == "python" and hook["pass_filenames"] is False
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert str(hook["entry"]).split()[0] in scripts
    files = re.compile(str(hook["files"]))
    # Every content file: a commit that changes only the blood service's files is checked too (issue 26).
    for changed in ("campaigns/2027-suzhou-drive.yaml", "slogans.yaml", "sites.yaml", "supply.yaml"):
        assert files.search(changed), changed
    for unrelated in ("docs/en/about.md", "README.md", "campaigns/notes.txt", "mkdocs.yml", "docs/sites.yaml"):
        assert not files.search(unrelated), unrelated


def test_hook_passes_good_content_and_stops_a_commit_with_a_located_problem(project_copy: Callable[[], Path]) -> None:
    assert _run_entry(ROOT).returncode == 0
    project = project_copy()
    campaign = next(path for path in sorted((project / "campaigns").glob("*.yaml")) if "start: " in path.read_text(encoding="utf-8"))
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(re.sub(r"start: \"?\d\d:\d\d\"?", "start: 1830", text, count=1), encoding="utf-8")
    result = _run_entry(project)
    assert result.returncode == 1
    assert re.search(rf"campaigns/{re.escape(campaign.name)}:\d+:\d+: .*start", result.stdout), result.stdout


@pytest.mark.parametrize("guide", GUIDES)
def test_editor_guide_shows_the_pre_commit_snippet(guide: str) -> None:
    text = (ROOT / guide).read_text(encoding="utf-8")
    snippet = next(block for block in re.findall(r"```yaml\n(.*?)```", text, re.S) if "pre-commit" in block or "repos:" in block)
    config = yaml.safe_load(snippet)
    assert config["repos"][0]["hooks"] == [{"id": _hook()["id"]}]
    assert "pre-commit install" in text
