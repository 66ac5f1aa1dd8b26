"""``donorsite edit``: the web editor on this machine, for a local checkout.

Two programs run side by side until Ctrl+C: ``decap-server`` (from the
project's ``node_modules``), which lets the editor at ``/admin/`` read and
write the files of the checkout, and ``properdocs serve``, which rebuilds the
preview on every save. Nothing is sent anywhere; the editor's saves are plain
file changes to review and commit as usual.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from donorsite.build.admin_config import EditorSettings

DECAP_SERVER = Path("node_modules") / ".bin" / "decap-server"


class EditSessionError(Exception):
    """The editor cannot be started; the message says what to install or free."""


def edit_commands(root: Path, settings: EditorSettings, address: str) -> tuple[list[str], list[str]]:
    """The decap-server and preview-server command lines; raises ``EditSessionError`` if decap-server is not installed."""
    decap = root / DECAP_SERVER
    if not decap.is_file():
        raise EditSessionError(f"{DECAP_SERVER.as_posix()} is missing; run `npm ci` in {root} first")
    engine = shutil.which("properdocs") or shutil.which("mkdocs")
    serve = [engine, "serve"] if engine else [sys.executable, "-m", "mkdocs", "serve"]
    # --dirty: a save rebuilds only what it touches (the hooks keep the rest), as the README's preview.
    return [str(decap)], [*serve, "--dirty", "-f", str(root / "mkdocs.yml"), "-a", address]


def run_edit_session(root: Path, settings: EditorSettings, address: str, environment: Mapping[str, str]) -> int:
    """Run both servers until one stops or the user presses Ctrl+C; return the exit status."""
    decap_command, serve_command = edit_commands(root, settings, address)
    # Only this machine may reach the server that writes the checkout.
    decap_env = {**environment, "PORT": str(settings.local_port), "GIT_REPO_DIRECTORY": str(root.resolve()), "BIND_HOST": "localhost"}
    print(f"web editor: http://{address.replace('127.0.0.1', 'localhost')}/admin/  (Ctrl+C stops) / 网页编辑器", flush=True)
    decap = subprocess.Popen(decap_command, env=decap_env, cwd=root)
    serve = subprocess.Popen(serve_command, env=dict(environment), cwd=root)
    try:
        while decap.poll() is None and serve.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for process in (serve, decap):
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in (serve, decap):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    return 0 if (decap.returncode in (0, -signal.SIGINT, None) and serve.returncode in (0, -signal.SIGINT, None)) else 1


def default_environment() -> dict[str, str]:
    """The environment for the servers: this one, without MkDocs' 2.0 banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
