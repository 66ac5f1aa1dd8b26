"""Time from saving a campaign file to the refreshed page under `mkdocs serve`.

Run:  .venv/bin/python benchmarks/preview_latency.py [--campaigns 500]

It generates the campaigns of benchmarks/build_speed.py, starts
`mkdocs serve` twice — on the whole site, then in the preview mode limited
to the campaign being edited (DONORSITE_CAMPAIGNS=<id>) — changes one
campaign's English title and measures how long until the served page shows
the new title. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_speed import write_project  # noqa: E402

EDITED = "synthetic-00007"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait_until(condition, what: str, limit: float = 900.0) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if condition():
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {what}")


def measure(project: Path, environment: dict[str, str], marker: str) -> tuple[float, float]:
    """Seconds to the first page, and from saving the file to the refreshed page."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/en/campaigns/{EDITED}/"
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until(lambda: "<html" in _page(url), "the first page")
        first = time.perf_counter() - started
        time.sleep(1.0)
        target = project / "campaigns" / f"{EDITED}.yaml"
        text = target.read_text(encoding="utf-8")
        saved = time.perf_counter()
        english_title = r"(?m)^(  en: ).*blood drive.*$|^(  en: )edited title.*$"
        target.write_text(re.sub(english_title, rf"\g<1>\g<2>{marker}", text, count=1), encoding="utf-8")
        _wait_until(lambda: marker in _page(url), "the refreshed page")
        return first, time.perf_counter() - saved
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--campaigns", type=int, default=500)
    count = parser.parse_args().campaigns
    base = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="donorsite-preview-") as scratch:
        project = write_project(Path(scratch) / "site", count)
        full = measure(project, base, "edited title one")
        preview = measure(project, {**base, "DONORSITE_CAMPAIGNS": EDITED}, "edited title two")
    print(f"campaigns: {count}")
    print(f"whole site:   first page after {full[0]:.1f} s; save -> refreshed page {full[1]:.2f} s")
    print(f"preview mode: first page after {preview[0]:.1f} s; save -> refreshed page {preview[1]:.2f} s  (DONORSITE_CAMPAIGNS={EDITED})")


if __name__ == "__main__":
    main()
