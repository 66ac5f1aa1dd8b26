"""Every module of ``donorsite`` imports only from its own layer or the layers below it.

The layers, lowest first (README "Layout" says what each holds):
foundation → model → localize → render → exports → site → tools.
The MkDocs adapter (``hooks/``) sits on top and is the only code that imports MkDocs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "donorsite"
HOOKS = Path(__file__).resolve().parents[1] / "hooks"

# Module (or package) → layer; the longest matching name wins.
LAYERS: dict[str, int] = {
    # 0 foundation: problems, text checks, locales, YAML reading; no domain types.
    "donorsite": 0,
    "donorsite.problems": 0,
    "donorsite.text_hygiene": 0,
    "donorsite.campaign_ids": 0,
    "donorsite.locales": 0,
    "donorsite.yaml_reader": 0,
    "donorsite.yaml_text": 0,
    "donorsite.yaml_loaders": 0,
    "donorsite.validation": 0,
    "donorsite.revisions": 0,
    "donorsite.eligibility": 0,
    "donorsite.glossary": 0,
    "donorsite.starters": 0,
    # 1 model: the content model, its rules and loading; what a build is asked for; addresses.
    "donorsite.model": 1,
    "donorsite.timing": 1,
    "donorsite.rules": 1,
    "donorsite.loading": 1,
    "donorsite.service_loading": 1,
    "donorsite.project_files": 1,
    "donorsite.model.time_zones": 1,
    "donorsite.options": 1,
    "donorsite.addresses": 1,
    # 2 localize: catalogs, formatting, Chinese conversion, picking texts.
    "donorsite.localize": 2,
    # 3 render: views and templates of pages.
    "donorsite.render": 3,
    # 4 exports: calendars, feeds, events API, structured data.
    "donorsite.exports": 4,
    # 5 site: pages of the site, build, sitemaps, engine-neutral settings.
    "donorsite.site": 5,
    # 6 tools: command line, editing tools, schema export.
    "donorsite.cli": 6,
    "donorsite.editing": 6,
    "donorsite.schema_export": 6,
}
ADAPTER = 7
LAYER_NAMES = ("foundation", "model", "localize", "render", "exports", "site", "tools", "adapter")


def layer_of(module: str) -> int:
    """The layer of a ``donorsite`` module; raises ``KeyError`` for one the table does not place."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        name = ".".join(parts[:end])
        if name in LAYERS and (end > 1 or module == "donorsite"):
            return LAYERS[name]
    raise KeyError(module)


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Line and name of every ``donorsite`` module that ``path`` imports, at any depth of the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return [(line, name) for line, name in found if name == "donorsite" or name.startswith("donorsite.")]


def upward_imports(path: Path, own_layer: int) -> list[str]:
    return [
        f"{path.name}:{line}: imports {name} ({LAYER_NAMES[layer_of(name)]})"
        for line, name in imported_modules(path)
        if layer_of(name) > own_layer
    ]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_table_places_every_module() -> None:
    unplaced = []
    for path in MODULES:
        try:
            layer_of(module_name(path))
        except KeyError:
            unplaced.append(module_name(path))
    assert unplaced == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_a_module_imports_only_from_its_layer_or_below(path: Path) -> None:
    own = layer_of(module_name(path))
    assert upward_imports(path, own) == [], f"{module_name(path)} is in layer {LAYER_NAMES[own]}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_domain_code_never_imports_mkdocs(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    names += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert [name for name in names if name.split(".")[0] == "mkdocs"] == []


def test_the_check_finds_an_upward_import(tmp_path: Path) -> None:
    """A module of ``render/`` that imports ``site/`` is reported, with its line."""
    module = tmp_path / "views.py"
    module.write_text("from __future__ import annotations\n\nfrom donorsite.site.pages import SitePages\n", encoding="utf-8")
    assert upward_imports(module, LAYERS["donorsite.render"]) == [
        "views.py:3: imports donorsite.site.pages (site)",
    ]


def test_the_adapter_sits_on_top() -> None:
    for path in sorted(HOOKS.glob("*.py")):
        assert upward_imports(path, ADAPTER) == []
