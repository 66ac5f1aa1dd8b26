"""`mkdocs serve` follows the editor: YAML errors are reported, the server stays up, files come and go."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

DRIVE = "2022-duong-kinh-donation-day"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def served(project_copy: Callable[[], Path], tmp_path: Path) -> Iterator[tuple[Path, str, Path, subprocess.Popen[bytes]]]:
    project = project_copy()
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            assert _wait_for(lambda: _status(base + "en/") == 200), log.read_text()
            yield project, base, log, process
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_yaml_error_is_reported_and_the_server_keeps_running(served: tuple[Path, str, Path, subprocess.Popen[bytes]]) -> None:
    project, base, log, process = served
    target = project / "campaigns" / f"{DRIVE}.yaml"
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("status: confirmed", "status: complete"), encoding="utf-8")
    assert _wait_for(lambda: "status: 'complete' is not one of" in log.read_text()), log.read_text()
    assert f"campaigns/{DRIVE}.yaml:6:9:" in log.read_text()
    assert "Traceback" not in log.read_text()
    # MkDocs holds requests while the build is broken; the server itself stays up.
    assert process.poll() is None
    target.write_text(original, encoding="utf-8")
    assert _wait_for(lambda: _status(base + f"en/campaigns/{DRIVE}/") == 200), log.read_text()


def test_new_and_deleted_campaigns_appear_and_disappear(served: tuple[Path, str, Path, subprocess.Popen[bytes]]) -> None:
    project, base, log, _ = served
    source = project / "campaigns" / f"{DRIVE}.yaml"
    copy = project / "campaigns" / "2023-duong-kinh-donation-day.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert _wait_for(lambda: _status(base + "vi/campaigns/2023-duong-kinh-donation-day/") == 200), log.read_text()
    copy.unlink()
    assert _wait_for(lambda: _status(base + "vi/campaigns/2023-duong-kinh-donation-day/") == 404), log.read_text()
