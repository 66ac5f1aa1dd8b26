"""Every module of ``donorsite`` imports only from its own layer or the layers below it.

The layers, lowest first (README "Layout" says what each holds):
core → reading → model → content → localize → render → exports → build → editing,
with the command line (``cli.py``) at the root above them.
The MkDocs adapter (``hooks/``) sits on top and is the only code that imports MkDocs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "donorsite"
HOOKS = Path(__file__).resolve().parents[2] / "hooks"

# The rooms of the package, lowest layer first: a module's layer is its folder.
# Only entry points (``cli``, ``__init__``, ``__main__``) lie at the root, above every room.
ROOMS: tuple[str, ...] = ("core", "reading", "model", "content", "localize", "render", "exports", "build", "editing")
# Folders of data that are importable packages, and the room that reads them.
DATA_PACKAGES = {"glossary": "localize", "starters": "editing"}
ENTRY_POINTS = ("donorsite", "donorsite.cli", "donorsite.__main__")
ADAPTER = len(ROOMS) + 1
LAYER_NAMES = (*ROOMS, "entry points", "adapter")


def layer_of(module: str) -> int:
    """The layer of a ``donorsite`` module, read from its folder; raises ``KeyError`` for a module outside every room."""
    parts = module.split(".")
    if module in ENTRY_POINTS:
        return len(ROOMS) if module != "donorsite" else 0
    if len(parts) >= 2 and parts[1] in ROOMS:
        return ROOMS.index(parts[1])
    if len(parts) >= 2 and parts[1] in DATA_PACKAGES:
        return ROOMS.index(DATA_PACKAGES[parts[1]])
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
    module.write_text("from __future__ import annotations\n\nfrom donorsite.build.pages import SitePages\n", encoding="utf-8")
    assert upward_imports(module, ROOMS.index("render")) == [
        "views.py:3: imports donorsite.build.pages (build)",
    ]


def test_the_adapter_sits_on_top() -> None:
    for path in sorted(HOOKS.glob("*.py")):
        assert upward_imports(path, ADAPTER) == []


def test_the_root_holds_only_entry_points() -> None:
    """Every module lives in a room; the package root keeps the entry points alone."""
    loose = sorted(path.stem for path in PACKAGE.glob("*.py") if f"donorsite.{path.stem}" not in ENTRY_POINTS and path.stem != "__init__")
    assert loose == []


@pytest.mark.parametrize("room", ROOMS)
def test_each_room_says_what_it_holds(room: str) -> None:
    docstring = ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and docstring.splitlines()[0].endswith(".")
