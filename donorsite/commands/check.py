"""``donorsite check``: every content file and the build settings validated as the build reads them, without building."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from donorsite.build.settings import SettingsError, build_date_from_environment, options_from_config
from donorsite.build.site_config import CONFIG_FILE, ConfigFileError, read_site_config
from donorsite.content.loading import collect_content
from donorsite.core.problems import Problem
from donorsite.localize.catalogs import MissingCatalogError


def check_site(root: Path, annotations: bool) -> int:
    """Print every problem of the site at ``root`` (also as GitHub annotations if asked); return the exit status."""
    try:
        build_date = build_date_from_environment(os.environ)
    except (SettingsError, MissingCatalogError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    content = collect_content(root, build_date=build_date)
    settings_problem = _settings_problem(root)
    if settings_problem:
        print(settings_problem)
        if annotations and isinstance(settings_problem, Problem):
            print(settings_problem.as_github_annotation())
    for notice in content.notices:
        print(f"{notice} (warning)")
        if annotations:
            print(notice.as_github_annotation("warning"))
    for problem in sorted(content.problems):
        print(problem)
        if annotations:
            print(problem.as_github_annotation())
    if content.problems or settings_problem:
        count = len(content.problems) + bool(settings_problem)
        files = len({problem.file for problem in content.problems} | ({CONFIG_FILE} if settings_problem else set()))
        print(f"{count} problem(s) in {files} file(s). 共 {count} 个问题，涉及 {files} 个文件。", file=sys.stderr)
        return 1
    slogans = len(content.slogans.slogans) if content.slogans else 0
    print(f"OK: {len(content.campaigns)} campaign(s), {slogans} slogan(s). 检查通过。")
    return 0


def _settings_problem(root: Path) -> Problem | str | None:
    """The first wrong build setting of ``mkdocs.yml`` (as the build reads it), located; None if they are right or there is no file.

    ``check`` reads them so that nothing it passes fails the build. An
    unreadable file is a message that names it (and its line) already.
    """
    if not (root / CONFIG_FILE).is_file():
        return None
    try:
        # The build's settings, read as the build reads them: a wrong one fails here too, at its line.
        options_from_config(read_site_config(root), os.environ, root / CONFIG_FILE)
    except ConfigFileError as error:
        return str(error)
    except SettingsError as error:
        return error.problem or str(error)
    return None
