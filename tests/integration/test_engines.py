"""The site outlives its engine: ProperDocs builds what MkDocs builds, and the hook-free export builds with MkDocs and Zensical."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from markupsafe import escape

from conftest import ROOT, ZENSICAL_CLOCK, build_site, needs_chromium, serve_directory
from donorsite.cli import main as donorsite_main
from donorsite.content.loading import load_content
from donorsite.core.locales import LOCALES
from test_search import open_search, results_for

# Every build of this module counts from one day, so that they can be compared byte for byte.
TODAY = "2026-11-20"
ENVIRONMENT = {**os.environ, "DONORSITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
# The one line in which a ProperDocs build differs from a MkDocs build.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
CAMPAIGN_IDS = [entry.id for entry in load_content(ROOT).campaigns]


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**ENVIRONMENT, **ZENSICAL_CLOCK} if "zensical" in command else ENVIRONMENT
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=environment, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from its sources with MkDocs and the hooks, by ``mkdocs build --strict`` as a user runs it."""
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)], ROOT)
    return site


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same sources built with ProperDocs."""
    site = tmp_path_factory.mktemp("properdocs") / "site"
    _run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)], ROOT)
    return site


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project written by ``donorsite export``."""
    target = tmp_path_factory.mktemp("export") / "project"
    _run([sys.executable, "-m", "donorsite.cli", "export", str(target), "--root", str(ROOT)], ROOT)
    return target


@pytest.fixture(scope="module")
def export_mkdocs_site(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export built with plain MkDocs (no hooks), strict, in this process."""
    result = build_site(export, tmp_path_factory.mktemp("export-mkdocs") / "site", environment={"DONORSITE_TODAY": TODAY})
    assert result.succeeded, result.log
    # The export's search step, after the engine's build (its mkdocs.yml says so).
    _run([sys.executable, "-m", "donorsite.cli", "search-index", str(result.site)], export)
    return result.site


@pytest.fixture(scope="module")
def export_zensical_site(export: Path) -> Path:
    """The export built with Zensical (from the test environment, pinned in pyproject.toml), strict."""
    _run([sys.executable, "-m", "zensical", "build", "--strict", "-f", str(export / "mkdocs.yml")], export)
    _run([sys.executable, "-m", "donorsite.cli", "search-index", "site"], export)
    return export / "site"


def test_properdocs_builds_the_same_bytes_as_mkdocs_but_the_generator_line(mkdocs_site: Path, properdocs_site: Path) -> None:
    ours, theirs = _files(mkdocs_site), _files(properdocs_site)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name].read_bytes() != theirs[name].read_bytes()]
    for name in differing:
        assert name.endswith(".html"), name
        first, second = ours[name].read_bytes(), theirs[name].read_bytes()
        assert GENERATOR.sub(b"", first) == GENERATOR.sub(b"", second), name
        assert b'content="mkdocs-1.6.1, ' in first and b'content="mkdocs-ProperDocs 1.6.7, ' in second, name
    assert "zh-hans/campaigns/index.html" in differing and len(ours) > 100


def _page(path: Path) -> tuple[str, str, str]:
    """(``<html lang>``, ``<title>``, the article's text with spaces collapsed) of a built page."""
    text = path.read_text(encoding="utf-8")
    lang = re.search(r'<html lang="([^"]+)"', text)
    title = re.search(r"<title>(.*?)</title>", text, re.S)
    article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', text, re.S)
    assert lang and title and article, path
    words = html.unescape(re.sub(r"<[^>]+>", " ", article.group(1))).split()
    return lang.group(1), title.group(1).strip(), " ".join(words)


def _key_pages() -> list[str]:
    pages = []
    for site_locale in LOCALES:
        pages += [f"{site_locale.prefix}/index.html", f"{site_locale.prefix}/campaigns/index.html"]
        pages += [f"{site_locale.prefix}/campaigns/{campaign_id}/index.html" for campaign_id in CAMPAIGN_IDS]
    return pages


@pytest.mark.parametrize("engine", ["export_mkdocs_site", "export_zensical_site"])
def test_export_gives_every_locales_key_pages_at_the_same_urls_with_the_same_language_title_and_content(
    request: pytest.FixtureRequest, mkdocs_site: Path, engine: str
) -> None:
    site: Path = request.getfixturevalue(engine)
    assert len(CAMPAIGN_IDS) >= 5
    for name in _key_pages():
        lang, title, text = _page(site / name)
        expected_lang, expected_title, expected_text = _page(mkdocs_site / name)
        assert lang == expected_lang == LOCALES[[loc.prefix for loc in LOCALES].index(name.split("/")[0])].code, name
        assert title == expected_title, name
        assert text == expected_text, name


def test_exported_campaign_pages_carry_the_campaigns_facts(export_zensical_site: Path, export_mkdocs_site: Path) -> None:
    """Facts straight from the YAML, not only equality with the hook build."""
    content = load_content(ROOT)
    checked = 0
    for site in (export_mkdocs_site, export_zensical_site):
        for entry in content.campaigns:
            for site_locale in LOCALES:
                page = (site / site_locale.prefix / "campaigns" / entry.id / "index.html").read_text(encoding="utf-8")
                title = entry.campaign.title.get(site_locale.code)
                if title:
                    assert f">{escape(title)}</h1>" in page, (entry.id, site_locale.code)
                    checked += 1
                for event_number, event in enumerate(entry.campaign.events, start=1):
                    # Like the sign-up, "add to calendar" goes once the event is over (as of the build date).
                    if event.last_date >= date.fromisoformat(TODAY):
                        assert f'href="event-{event_number}.ics"' in page, (entry.id, site_locale.code)
    assert checked >= 2 * len(content.campaigns)


@pytest.mark.parametrize("engine", ["export_mkdocs_site", "export_zensical_site"])
def test_export_carries_feeds_calendars_api_and_sitemaps_as_the_hook_build_writes_them(
    request: pytest.FixtureRequest, mkdocs_site: Path, engine: str
) -> None:
    site: Path = request.getfixturevalue(engine)
    hook = _files(mkdocs_site)
    data = [name for name in hook if name.endswith((".ics", ".xml", ".json")) and not name.startswith("pagefind/")]
    assert "api/events.json" in data and "vi/feed.xml" in data and "en/calendar.ics" in data and "sitemap.xml" in data
    for name in data:
        assert (site / name).read_bytes() == hook[name].read_bytes(), name


@pytest.mark.parametrize("engine", ["export_mkdocs_site", "export_zensical_site"])
def test_export_pages_have_per_page_language_selector_and_per_locale_search(request: pytest.FixtureRequest, engine: str) -> None:
    site: Path = request.getfixturevalue(engine)
    page = (site / "vi" / "campaigns" / CAMPAIGN_IDS[0] / "index.html").read_text(encoding="utf-8")
    links = dict((lang, href) for href, lang in re.findall(r'href="([^"]*)" hreflang="([^"]*)" class="md-select__link"', page))
    assert links["en"] == f"../../../en/campaigns/{CAMPAIGN_IDS[0]}/"
    assert links["zh-Hant"] == f"../../../zh-hant/campaigns/{CAMPAIGN_IDS[0]}/"
    # No per-page hreflang links: as in the hook build, they are in the sitemaps.
    assert '<link rel="alternate" href' not in page
    assert 'class="site-search"' in page and "data-pagefind-body" in page


@needs_chromium
@pytest.mark.parametrize("engine", ["export_mkdocs_site", "export_zensical_site"])
@pytest.mark.parametrize(
    ("prefix", "query", "expected"), [("zh-hans", "献血", "campaigns/"), ("vi", "hien mau", "campaigns/2022-duong-kinh-donation-day/")]
)
def test_search_works_per_locale_in_the_export(  # type: ignore[no-untyped-def]
    browser, request: pytest.FixtureRequest, engine: str, prefix: str, query: str, expected: str
) -> None:
    site: Path = request.getfixturevalue(engine)
    with serve_directory(site) as url:
        page = open_search(browser, f"{url}{prefix}/")
        try:
            results = results_for(page, query)
        finally:
            page.close()
    assert any(path.startswith(f"/{prefix}/{expected}") for path in results), results
    assert all(path.startswith(f"/{prefix}/") for path in results), results


@pytest.mark.parametrize("engine", ["export_mkdocs_site", "export_zensical_site"])
def test_export_builds_every_page_of_the_hook_build(request: pytest.FixtureRequest, mkdocs_site: Path, engine: str) -> None:
    """All pages at the same URLs, but each locale's "page not found" page and the web editor (documented in README)."""
    site: Path = request.getfixturevalue(engine)
    for name in _files(mkdocs_site):
        if not name.endswith(".html") or name.startswith("admin/"):
            continue
        moved = re.fullmatch(r"([a-z-]+)/404\.html", name)
        assert (site / (f"{moved.group(1)}/404/index.html" if moved else name)).is_file(), name


def test_export_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    assert donorsite_main(["export", str(target), "--root", str(ROOT)]) == 1
    assert "exists and is not empty" in capsys.readouterr().err
    assert sorted(path.name for path in target.iterdir()) == ["keep.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_a_failed_export_leaves_nothing_behind(
    project_copy: Callable[[], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_copy()
    campaign = sorted((project / "campaigns").glob("*.yaml"))[0]
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    exports = tmp_path / "exports"
    assert donorsite_main(["export", str(exports / "site"), "--root", str(project)]) == 1
    assert f"campaigns/{campaign.name}:" in capsys.readouterr().err
    assert not exports.exists() or list(exports.iterdir()) == []
