"""Screenshots of each kind of page, on a phone (360 px) and a desktop (1280 px), for reviewers.

Run:  .venv/bin/python benchmarks/screenshots.py                        (writes screenshots/*.png)
      .venv/bin/python benchmarks/screenshots.py --out /tmp/shots --site site   (an already built site)

Builds the sample site with ``properdocs build`` into a temporary folder
(unless ``--site`` names a built one), serves it on localhost and drives
Debian's Chromium through Playwright. One locale per page kind (the table
``PAGES``); each picture is the whole page. Nothing is loaded from another host.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"

# Page kind, locale, path under the locale.
PAGES: list[tuple[str, str, str]] = [
    ("home", "zh-hans", ""),
    ("listing", "vi", "campaigns/"),
    ("event", "zh-hans", "campaigns/2027-wbdd-suzhou-square/"),
    ("event-with-results", "vi", "campaigns/2022-duong-kinh-donation-day/"),
    ("report-figures-honour-roll", "zh-hant", "campaigns/2022-changshu-annual-report/"),
    ("report-figures-groups", "en", "campaigns/2021-zhumadian-red-cross-report/"),
    ("slogans", "zh-hans", "slogans/"),
    ("archive", "en", "archive/2022/"),
    ("eligibility", "zh-hant", "eligibility/"),
    ("first-time", "vi", "first-time/"),
    ("donation-site", "vi", "sites/duong-kinh-donation-point/"),
]
VIEWPORTS = {"phone": (360, 780), "desktop": (1280, 900)}
# The first screen of a 390 x 844 phone on each home page (issue 21): the next chances to give must start on it.
FIRST_SCREEN = (390, 844)
# (locale, reader's position or None): where the list is ordered by distance, the position it is ordered from.
FIRST_SCREENS: list[tuple[str, dict[str, float] | None]] = [
    ("zh-hans", None),
    ("zh-hant", None),
    ("vi", None),
    ("en", None),
    ("vi", {"latitude": 20.86, "longitude": 106.68}),  # near Hải Phòng
    ("zh-hans", {"latitude": 31.30, "longitude": 120.60}),  # near Suzhou
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


def build_site(destination: Path) -> None:
    """Build the sample site into ``destination`` as a user would."""
    command = [sys.executable, "-m", "properdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(destination)]
    subprocess.run(command, cwd=ROOT, check=True)


def take_screenshots(site: Path, out: Path) -> list[Path]:
    """Serve ``site`` and write one PNG per page kind and viewport into ``out``; return their paths."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for device, (width, height) in VIEWPORTS.items():
                context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
                page = context.new_page()
                for kind, locale, path in PAGES:
                    page.goto(f"{base}{locale}/{path}", wait_until="load")
                    target = out / f"{kind}-{locale}-{device}-{width}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                context.close()
            written += _first_screens(browser, base, out)
            browser.close()
    finally:
        server.shutdown()
    return written


def _first_screens(browser: object, base: str, out: Path) -> list[Path]:
    """The first phone screen of each home page, soonest first or ordered from a reader's position."""
    written = []
    width, height = FIRST_SCREEN
    for locale, position in FIRST_SCREENS:
        located = {"geolocation": position, "permissions": ["geolocation"]} if position else {}
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1, **located)  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(f"{base}{locale}/", wait_until="load")
        if position:
            page.locator("[data-next-chances-forget]").wait_for(state="visible")
        target = out / f"home-first-screen-{locale}{'-located' if position else ''}-{width}x{height}.png"
        page.screenshot(path=str(target))
        written.append(target)
        context.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the PNG files (default: screenshots/)")
    parser.add_argument("--site", type=Path, help="an already built site folder (default: build the samples now)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            build_site(site)
        for path in take_screenshots(site, args.out):
            print(path)


if __name__ == "__main__":
    main()
