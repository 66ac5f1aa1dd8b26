"""Files of the site that are not pages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from donorsite.content.options import GeneratedFile


def write_files(site_dir: Path, files: Iterable[GeneratedFile], unchanged: Mapping[str, bytes] | None = None) -> dict[str, bytes]:
    """Write ``files`` into the built site at ``site_dir``, making folders as needed: the build's one writer.

    A file whose bytes are those of ``unchanged`` (the last build's, in a dirty
    preview) and that is still there is not written again. Returns every
    file's bytes by path, written or not.
    """
    contents = {file.path: file.content for file in files}
    for path, content in contents.items():
        target = site_dir / path
        if unchanged is not None and unchanged.get(path) == content and target.is_file():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return contents
