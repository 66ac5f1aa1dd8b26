"""Files of the project that the build publishes: pictures named by campaigns and the docs/ folder.

A symbolic link would publish whatever it points to, so links are refused;
file names are shown with control characters escaped.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from donorsite.core.problems import Problem
from donorsite.model.campaign import Campaign
from donorsite.reading.yaml_reader import YamlDocument, format_path

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


def published_link_problems(root: Path) -> list[Problem]:
    """Files and folders under ``docs/`` that are symbolic links: the build would publish what they point to."""
    problems = []
    docs = root / DOCS_FOLDER
    for folder, folders, names in os.walk(docs):
        for name in sorted([*folders, *names]):
            path = Path(folder) / name
            if path.is_symlink():
                shown = shown_path(path, root)
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        "",
                        "this is a symbolic link, and the build would publish the file it points to; put the file itself here",
                    )
                )
    return problems
