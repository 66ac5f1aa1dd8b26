"""The fast build pipeline gives the very same site as the plain one.

Pages are rendered by a worker process beside MkDocs (``DONORSITE_WORKER``),
which may not change a byte of the output; generated pages are HTML that no
Markdown converter reinterprets (``donorsite/build/page_html.py``).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import markdown
import pytest
from pymdownx.slugs import slugify

from conftest import MKDOCS, ROOT, run_mkdocs_build
from donorsite.build.build import SiteBuild
from donorsite.build.page_html import markdown_source, split_front_matter
from donorsite.content.options import SiteOptions
from donorsite.content.rebuild_memory import RebuildMemory
from test_serve import descendants

BUILD_DATE = "2026-11-29"


def _build(tmp_path: Path, name: str, worker: str) -> Path:
    site = tmp_path / name
    os.environ["DONORSITE_WORKER"] = worker
    os.environ["DONORSITE_TODAY"] = BUILD_DATE
    try:
        result = run_mkdocs_build(ROOT, site)
    finally:
        del os.environ["DONORSITE_WORKER"], os.environ["DONORSITE_TODAY"]
    assert result.returncode == 0, result.stderr
    return site


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_worker_and_in_process_builds_write_the_same_bytes(tmp_path: Path) -> None:
    with_worker = _files(_build(tmp_path, "worker", "on"))
    in_process = _files(_build(tmp_path, "in-process", "off"))
    assert sorted(with_worker) == sorted(in_process)
    assert [path for path in with_worker if with_worker[path] != in_process[path]] == []
    # The worker's own files (QR codes, calendars, feeds, the API) are there too.
    assert "vi/campaigns/2022-duong-kinh-donation-day/qr.svg" in with_worker
    assert "vi/campaigns/2022-duong-kinh-donation-day/event-1.ics" in with_worker
    assert "api/events.json" in with_worker


def test_a_wrong_worker_setting_is_refused_in_words(tmp_path: Path) -> None:
    os.environ["DONORSITE_WORKER"] = "sometimes"
    try:
        result = run_mkdocs_build(ROOT, tmp_path / "site")
    finally:
        del os.environ["DONORSITE_WORKER"]
    assert result.returncode == 1
    assert "DONORSITE_WORKER: 'sometimes' is not a choice; write on, off or auto" in result.stderr
    assert "Traceback" not in result.stderr


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions of mkdocs.yml, and md_in_html, which re-reads blocks marked ``markdown``."""
    return markdown.Markdown(
        extensions=["attr_list", "tables", "admonition", "toc", "md_in_html"],
        extension_configs={"toc": {"permalink": False, "slugify": slugify(case="lower")}},
    )


@pytest.fixture(scope="module")
def sample_pages() -> list[tuple[str, str]]:
    build = SiteBuild(ROOT, SiteOptions(today=date.fromisoformat(BUILD_DATE)))
    return [(page.source_path, page.text) for page in build.generated]


def test_markdown_hands_every_generated_page_back_unchanged(sample_pages: list[tuple[str, str]]) -> None:
    assert len(sample_pages) > 50
    for path, text in sample_pages:
        _, body = split_front_matter(markdown_source(text))
        assert _site_markdown().convert(body) == body.strip(), path


def test_a_failing_worker_stops_the_build_with_one_line(tmp_path: Path) -> None:
    command = [*MKDOCS, "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DONORSITE_WORKER": "on", "DONORSITE_TODAY": BUILD_DATE}
    build = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # The worker lives until the engine has taken its files at the end of the build: kill it on sight.
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while not workers and time.monotonic() < deadline and build.poll() is None:
        workers = {pid for pid in descendants(build.pid) if "donorsite.build.worker" in _command_line(pid)}
        time.sleep(0.05)
    assert workers, "the build started no worker"
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    _, stderr = build.communicate(timeout=120)
    assert build.returncode == 1, stderr
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, stderr
    assert re.search(r"the page worker stopped \(exit code -9\) while the build waited for \S+", errors[0]), errors


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_a_rebuild_with_memory_makes_again_only_what_changed(project_copy: Callable[[], Path]) -> None:
    """A preview's memory keeps a campaign's entry while its file's bytes stay; its pages and summaries follow the entry."""
    project = project_copy()
    memory = RebuildMemory()
    options = SiteOptions(today=date.fromisoformat(BUILD_DATE))
    first = SiteBuild(project, options, memory=memory)
    texts = {plan.source_path: first.page_text(plan.source_path) for plan in first.pages}
    target = project / "campaigns" / "2026-12-sujin-winter-drive.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("en: Sujin Subdistrict winter", "en: Sujin renamed winter", 1), "utf-8")
    second = SiteBuild(project, options, memory=memory)
    changed = {plan.source_path for plan in second.pages if second.page_text(plan.source_path) != texts[plan.source_path]}
    assert "en/campaigns/2026-12-sujin-winter-drive/index.md" in changed
    assert {"en/campaigns/index.md", "en/index.md"} <= changed
    assert "en/campaigns/wbdd-lincang-night-ride/index.md" not in changed
    # The same texts as a build without memory.
    fresh = SiteBuild(project, options)
    assert all(fresh.page_text(plan.source_path) == second.page_text(plan.source_path) for plan in fresh.pages)
    # Another context (settings, templates, other files) forgets everything, once.
    assert memory.start(("another context",)) is True and memory.start(("another context",)) is False
