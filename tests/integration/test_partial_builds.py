"""Builds limited to a region, a year or the campaigns being edited."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import build_site


def build_with(project: Path, site: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` as a user runs it, for what the user sees when a setting is wrong."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **variables}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=project, env=environment, capture_output=True, text=True
    )


def campaign_ids(site: Path) -> set[str]:
    return {path.name for path in (site / "en" / "campaigns").iterdir() if path.is_dir()}


def test_region_and_year_limit_the_campaigns(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    result = build_site(
        project, tmp_path / "region", strict=False, environment={"DONORSITE_REGIONS": "jiangsu-suzhou", "DONORSITE_YEARS": "2022"}
    )
    assert result.succeeded, result.log
    assert campaign_ids(tmp_path / "region") == {"2022-changshu-annual-report", "2022-sujin-street-mobilisation-meeting"}


def test_preview_of_one_campaign_builds_only_that_campaign(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    result = build_site(project, tmp_path / "preview", strict=False, environment={"DONORSITE_CAMPAIGNS": "wbdd-lincang-night-ride"})
    assert result.succeeded, result.log
    assert campaign_ids(tmp_path / "preview") == {"wbdd-lincang-night-ride"}


def test_a_wrong_setting_is_a_message_not_a_traceback(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    result = build_with(project, tmp_path / "bad", DONORSITE_YEARS="20x2")
    assert result.returncode == 1
    assert "DONORSITE_YEARS: 20x2 is not a year" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
