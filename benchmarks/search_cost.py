"""What search costs a phone: bytes fetched from opening search to the first results, and the time to them, per locale.

Run:  .venv/bin/python benchmarks/search_cost.py                 (N = 500)
      .venv/bin/python benchmarks/search_cost.py --sizes 500 1000 --old c02c1f9   (and Material's search at that commit)

For each N it writes N seeded synthetic campaigns (benchmarks/build_speed.py's
generator), builds the site once with the hooks, serves it on localhost and,
in Chromium with a phone's viewport, opens each locale's home page, waits
for it to load, then types a query into the search box and records every
request until the first results show: their bytes (as served, without
transfer compression: Pagefind's index files are gzip-compressed already)
and the milliseconds from the first keystroke. It also checks that every
result is in the page's locale.

With ``--old COMMIT`` it also builds the same campaigns with the project as
it was at COMMIT (``git archive``; c02c1f9 is the last commit with Material's
search) and measures Material's search the same way: a phone downloads its
locale's whole ``search_index.json`` and the search worker before the first
result. Bytes are given as served and gzipped (what a compressing server
sends; Pagefind's index files are gzip already and stay the same).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import build_speed  # noqa: E402
from build_speed import write_project  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # noqa: E402

from conftest import CHROMIUM, serve_directory  # noqa: E402

QUERIES = [("zh-hans", "献血"), ("zh-hant", "捐血"), ("vi", "hiến máu"), ("vi", "hien mau"), ("en", "blood donation")]
LIMIT_KB = 300


def build(project: Path, site: Path) -> float:
    """Build ``project`` into ``site`` with ProperDocs and the hooks; return seconds."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "properdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    return time.perf_counter() - start


def _type_into_pagefind_box(page, query: str) -> None:  # type: ignore[no-untyped-def]
    page.focus(".site-search__input")
    page.keyboard.insert_text(query)
    page.wait_for_selector('.site-search__output[aria-busy="false"]', timeout=120_000)


def _type_into_material_search(page, query: str) -> None:  # type: ignore[no-untyped-def]
    page.click("label.md-search__icon, input.md-search__input", timeout=10_000)
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material reads the query on keyup
    # No result within 20 s is a result too: Material finds nothing for Vietnamese typed without diacritics.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_selector(".md-search-result__item a", timeout=20_000)


def measure_query(browser, url: str, prefix: str, query: str, old: bool = False) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Bytes (as served, and gzipped as a compressing server sends them), requests and ms from opening search to the first results."""
    # Material's search is driven as its old test drove it, in a wide window; the bytes do not depend on the width.
    page = browser.new_page(viewport={"width": 1280, "height": 900} if old else {"width": 412, "height": 860})
    fetched: list = []  # type: ignore[type-arg]
    page.on("requestfinished", lambda request: fetched.append(request))
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(500)
        # Material fetches its locale's whole index and its worker while the page loads, before search is opened: they count.
        at_load = [request for request in fetched if old and ("/search/" in request.url or "/workers/" in request.url)]
        fetched[:] = at_load
        start = time.perf_counter()
        (_type_into_material_search if old else _type_into_pagefind_box)(page, query)
        milliseconds = (time.perf_counter() - start) * 1000
        links = ".md-search-result__item a" if old else ".site-search__link"
        results = page.eval_on_selector_all(links, "links => links.map(l => new URL(l.href).pathname)")
        bodies = [request.response().body() for request in list(fetched) if request.response()]
    finally:
        page.close()
    return {
        "bytes": sum(len(body) for body in bodies),
        "gzip": sum(min(len(body), len(gzip.compress(body))) for body in bodies),
        "requests": len(bodies),
        "ms": milliseconds,
        "in_locale": all(path.startswith(f"/{prefix}/") for path in results),
        "results": len(results),
    }


def old_tree(commit: str, folder: Path) -> Path:
    """The project's files at ``commit`` (Material's search, before Pagefind), unpacked into ``folder``."""
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(build_speed.ROOT), "archive", commit], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def report(label: str, prefix: str, query: str, figures: dict[str, object]) -> str:
    """One printed line of figures."""
    found = f"first results after {figures['ms']:.0f} ms; {figures['results']} shown" if figures["results"] else "NO RESULTS after 20 s"
    where = "all in the locale" if figures["in_locale"] else "SOME IN ANOTHER LOCALE"
    return (
        f"  {label:<9} /{prefix}/ {query!r}: {figures['bytes'] / 1024:.0f} KB as served, {figures['gzip'] / 1024:.0f} KB gzipped, "
        f"{figures['requests']} requests; {found}, {where}"
    )


def measure_site(browser, project: Path, site: Path, label: str, old: bool) -> bool:  # type: ignore[no-untyped-def]
    """Build ``project`` into ``site`` and print the figures of every query; return whether all met the limit."""
    seconds = build(project, site)
    print(f"  {label}: built in {seconds:.1f} s")
    within = True
    with serve_directory(site) as url:
        for prefix, query in QUERIES:
            figures = measure_query(browser, f"{url}{prefix}/", prefix, query, old)
            within &= bool(figures["in_locale"]) and int(figures["bytes"]) <= LIMIT_KB * 1024  # type: ignore[call-overload]
            print(report(label, prefix, query, figures), flush=True)
    return within


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[500])
    parser.add_argument("--old", metavar="COMMIT", help="also measure Material's search from the project at COMMIT (e.g. c02c1f9)")
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    failed = False
    with tempfile.TemporaryDirectory(prefix="search-cost-") as scratch, sync_playwright() as playwright:
        options = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=options)
        old_root = old_tree(arguments.old, Path(scratch) / "old-tree") if arguments.old else None
        for count in arguments.sizes:
            folder = Path(scratch) / f"n{count}"
            print(f"N = {count} campaigns", flush=True)
            within = measure_site(browser, write_project(folder / "project", count), folder / "site", "Pagefind", old=False)
            failed |= count == 500 and not within
            if old_root:
                new_root, build_speed.ROOT = build_speed.ROOT, old_root  # the generator copies the site's files from ROOT
                try:
                    project = write_project(folder / "old-project", count)
                finally:
                    build_speed.ROOT = new_root
                measure_site(browser, project, folder / "old-site", "Material", old=True)
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
