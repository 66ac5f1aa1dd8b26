"""``donorsite schema``: the JSON Schemas of the content files, written from the content model."""

from __future__ import annotations

import sys
from pathlib import Path

from donorsite.editing.schema_export import write_schemas


def schema(root: Path) -> int:
    """Write ``root/schemas/*.json``; return the exit status."""
    try:
        written = write_schemas(root)
    except OSError as error:
        reason = error.strerror or error
        print(f"error: cannot write {root / 'schemas'}: {reason}; run it in the site's folder or pass --root", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0
