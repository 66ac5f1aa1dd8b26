"""Time from saving a campaign file to the refreshed page under the README's preview command.

Run:  .venv/bin/python benchmarks/preview_latency.py [--campaigns 500] [--saves 3] [--no-clean]

It generates the campaigns of benchmarks/build_speed.py and starts
`properdocs serve --dirty -f mkdocs.yml` (the README's preview) on the whole
site; saves one campaign's English title --saves times and measures how long
until the served page shows the new title (each figure, then the median);
then breaks the file (an unknown status) and measures until the page shows
the problem, and fixes it until the page is back. For comparison it then
measures a save under `properdocs serve` without --dirty (every page made
again by MkDocs; skipped with --no-clean) and in the preview mode limited to
the campaign being edited (DONORSITE_CAMPAIGNS=<id>). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
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


def _save_title(target: Path, marker: str) -> None:
    text = target.read_text(encoding="utf-8")
    english_title = r"(?m)^(  en: ).*(blood drive|edited title).*$"
    target.write_text(re.sub(english_title, rf"\g<1>{marker}", text, count=1), encoding="utf-8")


def _page_or_error(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def measure(
    project: Path, environment: dict[str, str], marker: str, arguments: list[str], saves: int = 1, broken: bool = False
) -> dict[str, object]:
    """Seconds to the first page, from each save to the refreshed page, and (``broken``) to the problem and back."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/en/campaigns/{EDITED}/"
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "properdocs", "serve", *arguments, "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    target = project / "campaigns" / f"{EDITED}.yaml"
    figures: dict[str, object] = {}
    try:
        _wait_until(lambda: "<html" in _page(url), "the first page")
        figures["first"] = time.perf_counter() - started
        refreshed = []
        for number in range(saves):
            time.sleep(1.0)
            saved = time.perf_counter()
            _save_title(target, f"edited title {marker} {number}")
            _wait_until(lambda number=number: f"edited title {marker} {number}" in _page(url), "the refreshed page")
            refreshed.append(time.perf_counter() - saved)
        figures["saves"] = refreshed
        if broken:
            time.sleep(1.0)
            good = target.read_text(encoding="utf-8")
            saved = time.perf_counter()
            target.write_text(good.replace("status: ", "status: complete\nold_status: ", 1), encoding="utf-8")
            _wait_until(lambda: f"campaigns/{EDITED}.yaml:" in _page_or_error(url), "the problem in the page")
            figures["problem"] = time.perf_counter() - saved
            time.sleep(1.0)
            saved = time.perf_counter()
            target.write_text(good.replace(f"edited title {marker}", f"edited title {marker} fixed"), encoding="utf-8")
            _wait_until(lambda: f"edited title {marker} fixed" in _page(url), "the page back")
            figures["back"] = time.perf_counter() - saved
        return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


def _line(label: str, figures: dict[str, object]) -> str:
    saves = figures["saves"]
    assert isinstance(saves, list)
    each = ", ".join(f"{value:.2f}" for value in saves)
    line = f"{label}: first page after {figures['first']:.1f} s; save -> refreshed page {statistics.median(saves):.2f} s (median of {each})"
    if "problem" in figures:
        line += f"; broken save -> problem shown {figures['problem']:.2f} s; fixed -> page back {figures['back']:.2f} s"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--campaigns", type=int, default=500)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--no-clean", action="store_true", help="skip the measure without --dirty")
    arguments = parser.parse_args()
    count = arguments.campaigns
    base = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="donorsite-preview-") as scratch:
        project = write_project(Path(scratch) / "site", count)
        lines = [_line("whole site, properdocs serve --dirty (README)", measure(project, base, "one", ["--dirty"], arguments.saves, True))]
        if not arguments.no_clean:
            lines.append(_line("whole site, properdocs serve (no --dirty)", measure(project, base, "two", [])))
        preview = measure(project, {**base, "DONORSITE_CAMPAIGNS": EDITED}, "three", ["--dirty"])
        lines.append(_line(f"preview mode (DONORSITE_CAMPAIGNS={EDITED}), --dirty", preview))
    print(f"campaigns: {count}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
