"""What search costs a phone: bytes fetched from opening search to the first results, and the time to them, per locale.

Run:  .venv/bin/python benchmarks/search_cost.py                 (N = 500)
      .venv/bin/python benchmarks/search_cost.py --sizes 500 2000

For each N it writes N seeded synthetic campaigns (benchmarks/build_speed.py's
generator), builds the site once with the hooks, serves it on localhost and,
in Chromium with a phone's viewport, opens each locale's home page, waits
for it to load, then types a query into the search box and records every
request until the first results show: their bytes (as served, without
transfer compression: Pagefind's index files are gzip-compressed already)
and the milliseconds from the first keystroke. It also checks that every
result is in the page's locale.

Material's old search (before Pagefind) is measured from the same build with
the theme's search plugin switched on (``--old``): a phone downloaded its
locale's whole ``search_index.json`` and the search worker before the first
result; their gzip sizes are printed, as a server that compresses sends them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from build_speed import write_project  # noqa: E402

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


def measure_query(browser, url: str, prefix: str, query: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Bytes, requests and ms from typing ``query`` to the first results on ``url``; the results' paths."""
    page = browser.new_page(viewport={"width": 412, "height": 860})
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda request: fetched.append((request.url, request.sizes()["responseBodySize"])))
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)
        fetched.clear()
        start = time.perf_counter()
        page.focus(".site-search__input")
        page.keyboard.insert_text(query)
        page.wait_for_selector('.site-search__output[aria-busy="false"] .site-search__link', timeout=60_000)
        milliseconds = (time.perf_counter() - start) * 1000
        results = page.eval_on_selector_all(".site-search__link", "links => links.map(l => new URL(l.href).pathname)")
    finally:
        page.close()
    return {
        "bytes": sum(size for _, size in fetched),
        "requests": len(fetched),
        "ms": milliseconds,
        "in_locale": all(path.startswith(f"/{prefix}/") for path in results),
        "results": len(results),
    }


def old_search_bytes(project: Path, folder: Path) -> dict[str, int]:
    """Gzip bytes a phone fetched before the first result with Material's search: its locale's index and the worker."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("plugins: []", "plugins:\n  - search"), encoding="utf-8")
    try:
        site = folder / "site-old"
        build(project, site)
    finally:
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).read_bytes()
    sizes = {"/ (all locales)": len(gzip.compress((site / "search" / "search_index.json").read_bytes()))}
    for prefix in ("zh-hans", "zh-hant", "vi", "en"):
        docs = [doc for doc in index["docs"] if doc["location"].startswith(prefix + "/")]
        own = json.dumps({**index, "docs": docs}, ensure_ascii=False).encode("utf-8")
        sizes[prefix] = len(gzip.compress(own)) + len(gzip.compress(worker))
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[500])
    parser.add_argument("--old", action="store_true", help="also build with Material's search plugin and print its bytes")
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    failed = False
    with tempfile.TemporaryDirectory(prefix="search-cost-") as scratch, sync_playwright() as playwright:
        options = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=options)
        for count in arguments.sizes:
            folder = Path(scratch) / f"n{count}"
            project = write_project(folder / "project", count)
            seconds = build(project, folder / "site")
            bundle = sum(path.stat().st_size for path in (folder / "site" / "pagefind").rglob("*") if path.is_file())
            print(f"N = {count}: built in {seconds:.1f} s (with the Pagefind step); index and scripts on the server {bundle / 1e6:.1f} MB")
            with serve_directory(folder / "site") as url:
                for prefix, query in QUERIES:
                    figures = measure_query(browser, f"{url}{prefix}/", prefix, query)
                    within = figures["bytes"] <= LIMIT_KB * 1024 and figures["in_locale"]
                    failed |= count == 500 and not within
                    print(
                        f"  Pagefind  /{prefix}/ {query!r}: {figures['bytes'] / 1024:.0f} KB in {figures['requests']} requests, "
                        f"first results after {figures['ms']:.0f} ms; {figures['results']} shown, "
                        f"{'all in the locale' if figures['in_locale'] else 'SOME IN ANOTHER LOCALE'}"
                    )
            if arguments.old:
                for where, size in old_search_bytes(project, folder).items():
                    print(f"  Material  {where}: {size / 1024:.0f} KB gzip before the first result (index + worker)")
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
