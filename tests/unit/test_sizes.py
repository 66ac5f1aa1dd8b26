"""Sizes a reader can hold in mind: modules of at most 300 lines, functions of at most 60, a hook file of at most 60."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULE_LINES = 300
FUNCTION_LINES = 60
HOOK_FILE = ROOT / "hooks" / "campaign_site.py"
HOOK_LINES = 60
# Still over the limit while other branches change them (sessions: model/campaign.py,
# language: localize/formatting.py); split them after those merges, then empty this set.
NOT_YET_SPLIT = {
    "donorsite/model/campaign.py",
    "donorsite/localize/formatting.py",
    # Grown past 300 lines by the merges of issues 21-27; to split next.
    "donorsite/model/fields.py",
    "donorsite/reading/yaml_reader.py",
    "donorsite/cli.py",
}


def _modules() -> list[Path]:
    return sorted([*(ROOT / "donorsite").rglob("*.py"), *(ROOT / "hooks").glob("*.py")])


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_module_is_over_300_lines() -> None:
    over = {_name(path): lines for path in _modules() if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES}
    assert set(over) - NOT_YET_SPLIT == set(), over
    # A module split since is taken off the list, so that it stays split.
    assert NOT_YET_SPLIT - set(over) == set(), NOT_YET_SPLIT - set(over)


def test_no_function_is_over_60_lines() -> None:
    over = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                # From the first decorator to the last line of the body.
                first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
                lines = (node.end_lineno or node.lineno) - first + 1
                if lines > FUNCTION_LINES:
                    over.append(f"{_name(path)}:{node.lineno}: {node.name} has {lines} lines")
    assert over == []


def test_the_hook_file_stays_thin() -> None:
    assert len(HOOK_FILE.read_text(encoding="utf-8").splitlines()) <= HOOK_LINES
