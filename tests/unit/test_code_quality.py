"""The house style holds without anyone remembering it (ruff and mypy run beside pytest in .ci/run and the workflow)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_domain_code_never_imports_mkdocs() -> None:
    offenders = []
    for path in (ROOT / "donorsite").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
            if any(name == "mkdocs" or name.startswith(("mkdocs.", "material")) for name in names):
                offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []
