"""Files of the project that the build publishes: pictures named by campaigns, the docs/ folder and the theme's custom_dir.

A symbolic link would publish whatever it points to, so links are refused;
file names are shown with control characters escaped.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import yaml

from donorsite.core.problems import Problem
from donorsite.model.campaign import Campaign
from donorsite.reading.yaml_document import YamlDocument, format_path

DOCS_FOLDER = "docs"


def shown_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` as messages print it: control characters in a file name are escaped, not sent to the terminal."""
    text = path.relative_to(root).as_posix()
    if not any(unicodedata.category(character) == "Cc" for character in text):
        return text
    return "".join(
        character.encode("unicode_escape").decode("ascii") if unicodedata.category(character) == "Cc" else character for character in text
    )


def _outside_link_problem(root: Path, relative: str) -> str | None:
    """Why the file ``relative`` (to ``root``) must not be published, or None if it may be."""
    project = root.resolve()
    current = root
    for part in Path(relative).parts:
        current = current / part
        if current.is_symlink():
            return f"{shown_path(current, root)} is a symbolic link; copy the file itself into the project"
    if not current.resolve().is_relative_to(project):
        return f"{relative} resolves outside the project folder; copy the file itself into the project"
    return None


def image_problems(entry: Campaign, root: Path, display_name: str, document: YamlDocument) -> list[Problem]:
    """A problem for each picture of ``entry`` that is missing, a symbolic link or outside the project."""
    problems = []
    for index, image in enumerate(entry.images):
        path = ("images", index, "src")
        line, column = document.locate(path)
        relative = f"{DOCS_FOLDER}/{image.src}"
        outside = _outside_link_problem(root, relative)
        if outside:
            problems.append(Problem(display_name, line, column, format_path(path), outside))
        elif not (root / relative).is_file():
            problems.append(
                Problem(display_name, line, column, format_path(path), f"no file docs/{image.src}; add the picture or fix the path")
            )
    return problems


class _SettingsLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` for its folder names; ``!!python/...`` values become None instead of running."""


_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def published_folders(root: Path) -> list[str]:
    """The folders of the project whose files the build publishes or the export copies, relative to ``root``.

    ``docs_dir`` (default ``docs``) and the theme's ``custom_dir``, as ``mkdocs.yml`` names
    them: MkDocs copies every file of both into the site that is not a page or a template.
    """
    try:
        settings = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_SettingsLoader)  # noqa: S506 - a SafeLoader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        settings = None  # the build reports an unreadable mkdocs.yml itself
    settings = settings if isinstance(settings, dict) else {}
    theme = settings.get("theme")
    docs = settings.get("docs_dir")
    folders = [docs if isinstance(docs, str) and docs.strip() else DOCS_FOLDER]
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom_dir, str) and custom_dir.strip() and custom_dir not in folders:
        folders.append(custom_dir)
    return folders


_SPECIAL_MESSAGE = "this is not a regular file (a pipe or a device), and the build would copy what it gives; remove it"
_LINK_MESSAGE = "this is a symbolic link, and the build would publish the file it points to; put the file itself here"


def published_link_problems(root: Path) -> list[Problem]:
    """Files and folders the build publishes (``docs/``, the theme's ``custom_dir``) that are symbolic links.

    The build would publish, and the export copy, what they point to; the folders themselves may not be links either.
    """
    problems = []
    for relative in published_folders(root):
        top = root / relative
        if top.is_symlink():
            problems.append(Problem(shown_path(top, root), 1, 1, "", _LINK_MESSAGE))
            continue
        if not top.resolve().is_relative_to(root.resolve()):
            message = f"the folder {relative!r} is outside the project, and the build would publish its files; keep it in the project"
            problems.append(Problem("mkdocs.yml", 1, 1, "", message))
            continue
        for folder, folders, names in os.walk(top):
            for name in sorted([*folders, *names]):
                path = Path(folder) / name
                if path.is_symlink():
                    problems.append(Problem(shown_path(path, root), 1, 1, "", _LINK_MESSAGE))
                elif not (path.is_file() or path.is_dir()):
                    # Copying a named pipe or a device would block the build or publish the device's output.
                    problems.append(Problem(shown_path(path, root), 1, 1, "", _SPECIAL_MESSAGE))
    return problems
