"""Reading ``mkdocs.yml`` as data, without an engine: for ``donorsite check``, the export, and the lines of settings.

``!!python/...`` values (such as the heading slugify function) are kept as
written, never run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"


class ConfigFileError(Exception):
    """``mkdocs.yml`` cannot be read; the message says why and what to do."""


class PythonTag:
    """A ``!!python/...`` value of ``mkdocs.yml``, kept as written."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag = tag
        self.value = value


class ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` without running the Python objects it names."""


def _construct_python_tag(loader: ConfigLoader, suffix: str, node: yaml.Node) -> PythonTag:
    if isinstance(node, yaml.MappingNode):
        value: Any = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
    return PythonTag("tag:yaml.org,2002:python/" + suffix, value)


ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_python_tag)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigFileError(f"{path}: cannot read it ({error.strerror}); run the command in the site's folder or pass --root") from None
    except UnicodeDecodeError:
        raise ConfigFileError(f"{path}: the file is not UTF-8 text; save it again with the UTF-8 encoding") from None


def read_site_config(root: Path) -> dict[str, Any]:
    """The site's ``mkdocs.yml`` as data; raises ``ConfigFileError`` if it is missing, not YAML or not a mapping."""
    path = root / CONFIG_FILE
    try:
        config = yaml.load(_text(path), Loader=ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ConfigFileError(f"{where}: YAML syntax error: {error.problem or error}") from None
    except yaml.YAMLError as error:
        raise ConfigFileError(f"{path}: YAML syntax error: {error}") from None
    if not isinstance(config, dict):
        raise ConfigFileError(f"{path}: the file is not a mapping of settings")
    return config


def setting_position(config_file: Path | None, *keys: str) -> tuple[int, int] | None:
    """Line and column of the setting at ``keys`` (``extra``, ``donorsite``, …) in ``config_file``, as deep as the file has it.

    The file is composed, not constructed, so ``!!python/...`` tags are harmless.
    None when there is no file, it cannot be read or it has none of the keys; never raises.
    """
    if config_file is None:
        return None
    try:
        node: yaml.Node | None = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=ConfigLoader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
        return None
    mark = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if found is None:
            break
        mark, node = found[0].start_mark, found[1]
        if isinstance(node, yaml.ScalarNode):
            mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark else None
