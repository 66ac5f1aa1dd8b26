"""Writing a command's output to the file the user named."""

from __future__ import annotations

import sys
from pathlib import Path

from donorsite.editing.safe_write import WriteError, replace_files


def write_output(path: Path, text: str) -> int:
    """Write ``text`` to ``path`` whole or not at all (or into a device such as /dev/stdout); return the exit status."""
    try:
        if path.exists() and (path.is_symlink() or not path.is_file()):
            path.write_text(text, encoding="utf-8")  # a device or pipe such as /dev/stdout
        else:
            replace_files({path: text.encode("utf-8")}, {path: str(path)})
    except (WriteError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
