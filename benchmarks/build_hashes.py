"""Hash every file of a full `properdocs build` of the sample site, to show that a change leaves the build byte-identical.

Run:  .venv/bin/python benchmarks/build_hashes.py --write before.txt      (on the code before the change)
      .venv/bin/python benchmarks/build_hashes.py --compare before.txt    (after it: lists every file that differs)

The build is as of a fixed day (DONORSITE_TODAY, as the tests' BUILD_DATE), so two builds of the same
sources give the same bytes; `--compare` exits 1 when a file was added, removed or changed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-29"


def build_hashes(root: Path = ROOT) -> dict[str, str]:
    """SHA-256 of every file of a full build of ``root``, by path under the site folder; raises if the build fails."""
    with tempfile.TemporaryDirectory(prefix="donorsite-hashes-") as scratch:
        site = Path(scratch) / "site"
        environment = {**os.environ, "DONORSITE_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "properdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
        subprocess.run(command, cwd=root, env=environment, check=True, capture_output=True)
        files = sorted(path for path in site.rglob("*") if path.is_file())
        return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the hashes to this file")
    group.add_argument("--compare", type=Path, help="compare with hashes written before")
    arguments = parser.parse_args()
    hashes = build_hashes()
    if arguments.write:
        arguments.write.write_text("".join(f"{digest}  {path}\n" for path, digest in hashes.items()), encoding="utf-8")
        print(f"{len(hashes)} files hashed into {arguments.write}")
        return
    before = {path: digest for digest, path in (line.split("  ", 1) for line in arguments.compare.read_text(encoding="utf-8").splitlines())}
    differing = sorted(path for path in before.keys() | hashes.keys() if before.get(path) != hashes.get(path))
    for path in differing:
        print(f"differs: {path}")
    print(f"{len(hashes)} files built, {len(before)} before, {len(differing)} differ")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
