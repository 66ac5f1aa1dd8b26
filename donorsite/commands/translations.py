"""``donorsite translations``: what is untranslated, a CSV sheet of it for a translator, and the sheet read back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from donorsite.commands.output import write_output
from donorsite.core.problems import ContentError
from donorsite.editing.safe_write import WriteError
from donorsite.editing.translation_import import import_translations
from donorsite.editing.translation_sheet import SheetError
from donorsite.editing.translations import export_missing, load_slots, translation_table


def _import(root: Path, sheet: Path) -> int:
    try:
        data = sheet.read_bytes()
    except OSError as error:
        print(f"error: cannot read {sheet}: {error.strerror or error}", file=sys.stderr)
        return 1
    try:
        changed = import_translations(root, data, sheet.name)
    except SheetError as error:
        print("\n".join(error.messages), file=sys.stderr)
        print(f"nothing was changed. 未作任何修改。 ({len(error.messages)} problem(s))", file=sys.stderr)
        return 1
    except WriteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for name in changed:
        print(f"updated {name}")
    if not changed:
        print("nothing to change: the sheet has no new translations. 没有新的译文。")
    return 0


def translations(root: Path, arguments: argparse.Namespace) -> int:
    """Show, export or import the translations as ``arguments`` ask; return the exit status."""
    try:
        if arguments.import_file:
            return _import(root, arguments.import_file)
        slots = load_slots(root)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    output = export_missing(slots, arguments.export) if arguments.export else translation_table(slots) + "\n"
    if arguments.output:
        return write_output(arguments.output, output)
    sys.stdout.write(output)
    return 0
