"""Files of the site that are not pages."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from donorsite.content.options import GeneratedFile


def write_files(site_dir: Path, files: Iterable[GeneratedFile]) -> None:
    """Write ``files`` into the built site at ``site_dir``, making folders as needed."""
    for file in files:
        target = site_dir / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
