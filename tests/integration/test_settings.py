"""``extra.donorsite`` is one typed schema: a wrong setting fails ``donorsite check``, the build and the export alike, at its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build_site, copy_project
from donorsite.build.export import export_site
from donorsite.build.settings import SettingsError
from donorsite.cli import main

CASES = [
    (
        "supply_stale_after_days: 3",
        "supply_stale_after_days: yes",
        "mkdocs.yml:23:30: extra.donorsite.supply_stale_after_days: True is not right; write a number of days such as 3",
    ),
    (
        "supply_stale_after_days: 3",
        "supply_stale_after_days: 3\n    colour: red",
        "mkdocs.yml:24:13: extra.donorsite.colour: not a setting; use default_locale, supply_stale_after_days, eligibility",
    ),
    (
        "default_locale: zh-Hans",
        "default_locale: fr",
        "mkdocs.yml:21:21: extra.donorsite.default_locale: 'fr' is not a site locale; write one of zh-Hans, zh-Hant, vi, en",
    ),
    (
        "supply_stale_after_days: 3",
        "supply_stale_after_days: 3\n    eligibility: {vn: {}}",
        "mkdocs.yml:24:5: extra.donorsite.eligibility: 'vn' is not a country code",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), CASES, ids=["not-a-number", "unknown", "locale", "eligibility"])
def test_a_wrong_setting_fails_check_build_and_export_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")

    assert main(["check", "--root", str(project)]) == 1
    printed = capsys.readouterr()
    assert message in printed.out + printed.err

    result = build_site(project, tmp_path / "site")
    assert not result.succeeded
    assert message in result.log
    assert "Traceback" not in result.log

    with pytest.raises(SettingsError, match=message.split(": ", 1)[0]):
        export_site(project, tmp_path / "export", {"DONORSITE_TODAY": "2026-11-29"})


def test_the_sample_settings_pass_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert main(["check", "--root", str(project)]) == 0, capsys.readouterr().err


def test_a_limited_build_says_what_it_left_out_and_how_many_pages_it_made(tmp_path: Path) -> None:
    environment = {"DONORSITE_CAMPAIGNS": "2022-duong-kinh-donation-day", "DONORSITE_TODAY": "2026-11-29"}
    result = build_site(copy_project(tmp_path / "project"), tmp_path / "site", environment=environment)
    assert result.succeeded, result.log
    assert (
        "donorsite: a partial site: only the campaigns of DONORSITE_CAMPAIGNS=2022-duong-kinh-donation-day are built; "
        "unset the variables to build every campaign"
    ) in result.log
    pages = re.search(r"donorsite: (\d+) pages generated from the content", result.log)
    assert pages is not None, result.log
    # The root, and per locale: home, listing, one archive, slogans, one campaign, supply, sites, three sites, the self-check, 404.
    assert int(pages.group(1)) == 1 + 4 * 12, result.log
