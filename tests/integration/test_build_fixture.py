"""The in-process build behaves as ``mkdocs build --strict`` does: warnings fail it, and it leaves the process as it found it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from conftest import build_site


def test_a_warning_fails_a_strict_build_and_is_reported_as_mkdocs_prints_it(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    project = project_copy()
    about = project / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[a page that is not there](missing.md)\n", encoding="utf-8")
    strict = build_site(project, tmp_path / "strict")
    assert not strict.succeeded
    assert "WARNING -  Doc file 'en/about.md' contains a link 'missing.md'" in strict.log, strict.log
    assert "Aborted with 1 warnings in strict mode!" in strict.log
    lenient = build_site(project, tmp_path / "lenient", strict=False)
    assert lenient.succeeded, lenient.log
    assert (tmp_path / "lenient" / "en" / "about" / "index.html").is_file()


def test_a_build_sets_its_variables_only_while_it_runs(project_copy: Callable[[], Path], tmp_path: Path) -> None:
    before = dict(os.environ)
    result = build_site(project_copy(), tmp_path / "site", environment={"DONORSITE_TODAY": "2027-06-13", "DONORSITE_WORKER": "off"})
    assert result.succeeded, result.log
    assert dict(os.environ) == before
    # The build date reached the build: the day before World Blood Donor Day counts one day down.
    home = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert "1 day to World Blood Donor Day (as of 13 June 2027)" in home
