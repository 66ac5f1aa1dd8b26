"""A newcomer's first command prints nothing that looks like a failure.

The README's set-up command is run as written, in a fresh virtual
environment (pip's cache is reused), with a fresh jieba dictionary cache and
none of the switches that silence warnings; its build step must print no
warning or traceback about the packages. Warnings about content still show:
the sample content has none.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, real_clock

# Lines a package prints when something looks wrong: warnings, tracebacks and their stack lines.
ALARMING = re.compile(r"warning|traceback|deprecat|^\s*File \"|end of life|should be renamed", re.IGNORECASE)
SILENCERS = ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING", "PYTHONWARNINGS")


def readme_first_command() -> list[str]:
    """The steps of the README's first shell command (set-up and preview)."""
    block = re.search(r"```sh\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert block, "README.md has no sh block"
    return [step.strip() for step in block.group(1).split("&&")]


def test_readme_first_command_uses_properdocs_on_the_sites_config() -> None:
    assert readme_first_command() == [
        "python3 -m venv .venv",
        ".venv/bin/pip install -e .",
        # --dirty: a save rebuilds only what it touches (issue 24).
        ".venv/bin/properdocs serve --dirty -f mkdocs.yml",
    ]


@pytest.mark.full
def test_first_build_in_a_fresh_environment_prints_no_package_warning(tmp_path: Path) -> None:
    # The registry is reached on the machine's clock: under faketime its TLS certificate would look expired.
    inherited = real_clock(os.environ)
    environment = {name: value for name, value in inherited.items() if name not in SILENCERS and not name.startswith("VIRTUAL_ENV")}
    # jieba builds its dictionary cache in the temporary folder on a first run.
    environment["TMPDIR"] = str(tmp_path)
    venv = tmp_path / ".venv"
    python3 = shutil.which("python3") or "python3"
    subprocess.run([python3, "-m", "venv", str(venv)], check=True, timeout=300)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", "-e", str(ROOT)], capture_output=True, text=True, env=environment, timeout=900
    )
    assert install.returncode == 0, install.stdout + install.stderr
    # The cause of jieba's warning is gone: no pkg_resources, yet jieba still finds its dictionary.
    probe = "import importlib.util, jieba; print(importlib.util.find_spec('pkg_resources')); print('/'.join(jieba.cut('无偿献血活动')))"
    found = subprocess.run([str(venv / "bin" / "python"), "-c", probe], capture_output=True, text=True, env=environment, timeout=120)
    assert found.stdout.split("\n")[:2] == ["None", "无偿献血/活动"], found.stdout + found.stderr

    serve = readme_first_command()[-1].split()
    assert serve[:2] == [".venv/bin/properdocs", "serve"]
    # The preview's --dirty only matters to `serve`; the build step is the same command's.
    build = [str(venv / "bin" / "properdocs"), "build", *(part for part in serve[2:] if part != "--dirty"), "-d", str(tmp_path / "site")]
    result = subprocess.run(build, capture_output=True, text=True, cwd=ROOT, env=environment, timeout=600)
    assert result.returncode == 0, result.stderr
    alarming = [line for line in result.stderr.splitlines() if ALARMING.search(line)]
    assert alarming == [], result.stderr
    assert (tmp_path / "site" / "zh-hans" / "campaigns" / "index.html").is_file()
