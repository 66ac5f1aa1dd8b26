"""Stamps do not depend on the checkout or the machine.

"Last updated", Atom ``<updated>`` and .ics ``LAST-MODIFIED`` come from
each file's own last commit: a depth-1 clone stops with a message that says
how to fix it, and once fixed gives the same bytes as a full clone. Builds
under different time zones and languages give the same bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, SiteBuild, build_site, copy_project

DUONG_KINH = "2022-duong-kinh-donation-day"
XIAN = "wbdd-xian-launch-ceremony"
CHANGSHU = "2022-changshu-annual-report"
# Commits of the test repository: (date, what changes).
FIRST, SECOND, THIRD = "2026-01-05T10:00:00+00:00", "2026-03-10T10:00:00+00:00", "2026-05-20T23:30:00-08:00"


def build(project: Path, site: Path, **environment: str) -> SiteBuild:
    """A strict build of ``project`` as of 29 November 2026, with extra environment variables (a value of "" removes one)."""
    return build_site(project, site, environment={"DONORSITE_TODAY": "2026-11-29", **environment})


def git(folder: Path, *arguments: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    identity = ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "protocol.file.allow=always"]
    result = subprocess.run(["git", "-C", str(folder), *identity, *arguments], capture_output=True, text=True, env=env, check=True)
    return result.stdout


def commit_all(folder: Path, message: str, when: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message, when=when)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site repository with three commits: everything; one campaign edited; only a README changed (late at night, UTC-8)."""
    source = copy_project(tmp_path_factory.mktemp("repo") / "source")
    git(source, "init", "-q", "-b", "main")
    commit_all(source, "Sample site", FIRST)
    campaign = source / "campaigns" / f"{DUONG_KINH}.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    commit_all(source, "Review Dương Kinh", SECOND)
    (source / "README.md").write_text("Notes that readers never see.\n", encoding="utf-8")
    commit_all(source, "README only", THIRD)
    return source


def clone(repository: Path, target: Path, *options: str) -> Path:
    git(target.parent, "clone", "-q", *options, f"file://{repository}", str(target))
    # The copy links the package by absolute path; keep the link as it was.
    return target


def stamps(site: Path) -> dict[str, str]:
    """Every date a reader or an app sees as "last changed", by where it appears."""
    found = {}
    for campaign_id in (DUONG_KINH, XIAN, CHANGSHU):
        page = (site / "en" / "campaigns" / campaign_id / "index.html").read_text(encoding="utf-8")
        match = re.search(r'<p class="campaign__updated">Last updated: <time datetime="([0-9-]+)">', page)
        found[f"page {campaign_id}"] = match.group(1) if match else "none"
    feed = (site / "en" / "feed.xml").read_text(encoding="utf-8")
    for entry in re.findall(r"<entry>.*?</entry>", feed, re.S):
        if 'term="appeal"' in entry:
            continue  # the supply appeal (issue 17) is dated by its count, not by a commit
        campaign_id = re.search(r"/campaigns/([^/]+)/</id>", entry).group(1)  # type: ignore[union-attr]
        found[f"feed {campaign_id}"] = re.search(r"<updated>(.*?)</updated>", entry).group(1)  # type: ignore[union-attr]
    calendar = (site / "en" / "campaigns" / DUONG_KINH / "event-1.ics").read_text(encoding="utf-8")
    found["ics LAST-MODIFIED"] = re.search(r"LAST-MODIFIED:(\S+)", calendar).group(1)  # type: ignore[union-attr]
    return found


@pytest.fixture(scope="module")
def full_clone_site(repository: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("full")
    project = clone(repository, folder / "project")
    site = folder / "site"
    result = build(project, site)
    assert result.succeeded, result.log
    return site


def test_full_clone_dates_each_file_by_its_own_last_commit(full_clone_site: Path) -> None:
    found = stamps(full_clone_site)
    assert found[f"page {DUONG_KINH}"] == "2026-03-10"
    assert found[f"page {XIAN}"] == "2026-01-05"
    # A written `published` loses to the last commit, which is known here.
    assert found[f"page {CHANGSHU}"] == "2026-01-05"
    assert found[f"feed {DUONG_KINH}"] == "2026-03-10T00:00:00Z"
    assert found["ics LAST-MODIFIED"] == "20260310T000000Z"
    # The README-only commit dates nothing.
    assert "2026-05-20" not in str(found) and "2026-05-21" not in str(found)


def test_depth_1_clone_stops_and_says_how_to_fix_the_checkout(repository: Path, full_clone_site: Path, tmp_path: Path) -> None:
    project = clone(repository, tmp_path / "shallow", "--depth", "1")
    result = build(project, tmp_path / "site")
    assert not result.succeeded
    assert (
        f"campaigns/{CHANGSHU}.yaml, campaigns/{DUONG_KINH}.yaml, " in result.log
        and "the date of the last change is unknown because this git checkout is shallow (cloned with --depth); "
        "fetch the full history with 'git fetch --unshallow' (in GitHub Actions: 'fetch-depth: 0' under actions/checkout), "
        "or write 'updated: YYYY-MM-DD' in these files"
        in result.log
    ), result.log
    assert not (tmp_path / "site" / "en" / "campaigns" / DUONG_KINH / "index.html").exists()
    # Following the message gives exactly the full clone's site.
    git(project, "fetch", "-q", "--unshallow")
    assert build(project, tmp_path / "fixed").succeeded
    assert stamps(tmp_path / "fixed") == stamps(full_clone_site)
    assert different_files(full_clone_site, tmp_path / "fixed") == []


def test_without_git_pages_show_no_invented_date(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "no-git")
    result = build(project, tmp_path / "site")
    assert result.succeeded, result.log
    found = stamps(tmp_path / "site")
    # Nobody wrote when Dương Kinh last changed: no date at all, never 1 January or the event's day.
    assert found[f"page {DUONG_KINH}"] == "none"
    # The report's written publication date is a known date.
    assert found[f"page {CHANGSHU}"] == "2023-04-17"


def different_files(first: Path, second: Path) -> list[str]:
    """Files that exist in only one of two folders or differ in a byte."""
    names = {path.relative_to(first).as_posix() for path in first.rglob("*") if path.is_file()}
    others = {path.relative_to(second).as_posix() for path in second.rglob("*") if path.is_file()}
    differing = sorted(names ^ others)
    differing += sorted(name for name in names & others if (first / name).read_bytes() != (second / name).read_bytes())
    return differing


HOSTS = [
    ("Asia/Tokyo", "vi_VN.UTF-8"),
    # UTC+14 and UTC-11: at any hour, one of them is on another calendar day than UTC.
    ("Pacific/Kiritimati", "C"),
    ("Pacific/Pago_Pago", "zh_TW.UTF-8"),
]


@pytest.fixture(scope="module")
def utc_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("utc-site")
    result = build(ROOT, site, TZ="UTC", LANG="C.UTF-8", LC_ALL="", LANGUAGE="", DONORSITE_TODAY="")
    assert result.succeeded, result.log
    return site


@pytest.mark.parametrize(("zone", "language"), HOSTS, ids=[zone for zone, _ in HOSTS])
def test_same_bytes_whatever_the_machine_s_zone_and_language(utc_site: Path, tmp_path: Path, zone: str, language: str) -> None:
    """The build date defaults to today in UTC; nothing else reads the clock, the zone or the language."""
    site = tmp_path / "site"
    result = build(ROOT, site, TZ=zone, LANG=language, LC_ALL="", LANGUAGE="", DONORSITE_TODAY="")
    assert result.succeeded, result.log
    assert different_files(utc_site, site) == []
    shutil.rmtree(site)
