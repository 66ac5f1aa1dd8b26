"""Lighthouse (mobile profile) scores of the home page, a listing, an event page and a report page in every locale.

Run:  .venv/bin/python benchmarks/lighthouse.py                  (builds the samples, prints a table)
      .venv/bin/python benchmarks/lighthouse.py --site site      (an already built site)
      .venv/bin/python benchmarks/lighthouse.py --markdown --min 98   (Markdown table; exit 1 below 98)

Needs ``npm ci`` (Lighthouse is pinned in package.json) and Debian's
Chromium (``CHROMIUM_PATH``, as for the tests; default /usr/bin/chromium). Runs offline against a
local server that compresses text with gzip, as static hosts such as GitHub
Pages do; Lighthouse's mobile profile simulates a slow 4G phone. Not part of
the test suite: about 15 s a page, 16 pages.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGE_KINDS = {
    "home": "",
    "listing": "campaigns/",
    "event": "campaigns/2027-wbdd-suzhou-square/",
    "report": "campaigns/2022-changshu-annual-report/",
    "self-check": "eligibility/",
}
LOCALE_PREFIXES = ("zh-hans", "zh-hant", "vi", "en")
_COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files as a static host does: text compressed with gzip when the client accepts it."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or not content_type.startswith(_COMPRESSED_TYPES):
            return super().send_head()
        if not self.path.split("?", 1)[0].endswith("/") and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()  # the redirect to the folder's address
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def build_site(destination: Path) -> None:
    command = [sys.executable, "-m", "properdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(destination)]
    subprocess.run(command, cwd=ROOT, check=True)


def run_lighthouse(url: str, report: Path) -> dict[str, int]:
    """The four category scores (0–100) of ``url``, mobile profile, and ``kib``: what the page loaded, in KiB transferred."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox",
        "--output=json",
        f"--output-path={report}",
    ]
    # CHROME_PATH is Lighthouse's own name for the browser.
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, stdout=subprocess.DEVNULL)
    result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    return {**scores, "kib": round(result["audits"]["total-byte-weight"]["numericValue"] / 1024)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site folder (default: build the samples now)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--min", type=int, default=0, help="exit 1 when a score is below this")
    parser.add_argument("--locales", nargs="*", default=list(LOCALE_PREFIXES))
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        parser.error("Lighthouse is missing: run `npm ci`")
    lowest = 100
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or Path(scratch) / "site"
        if args.site is None:
            build_site(site)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        if args.markdown:
            print("| page | locale | " + " | ".join(CATEGORIES) + " | KiB loaded |")
            print("|---|---|" + "---|" * (len(CATEGORIES) + 1))
        try:
            for prefix in args.locales:
                for kind, path in PAGE_KINDS.items():
                    scores = run_lighthouse(f"{base}{prefix}/{path}", Path(scratch) / f"{prefix}-{kind}.json")
                    lowest = min(lowest, *(scores[name] for name in CATEGORIES))
                    values = [str(scores[name]) for name in (*CATEGORIES, "kib")]
                    row = f"| {kind} | {prefix} | " + " | ".join(values) + " |"
                    if not args.markdown:
                        row = f"{prefix:8} {kind:8} " + " ".join(values)
                    print(row, flush=True)
        finally:
            server.shutdown()
    return 1 if lowest < args.min else 0


if __name__ == "__main__":
    sys.exit(main())
