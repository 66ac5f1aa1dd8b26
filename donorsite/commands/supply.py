"""``donorsite supply set``: one blood type's level written into supply.yaml, or a further centre's supply/<id>.yaml."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from donorsite.build.settings import SettingsError, build_date_from_environment
from donorsite.editing.safe_write import WriteError
from donorsite.editing.supply_update import SupplyChange, SupplyUpdateError, set_supply_level


def supply_set(root: Path, arguments: argparse.Namespace) -> int:
    """Set the level ``arguments`` give for one blood type; return the exit status."""
    try:
        build_date = build_date_from_environment(os.environ)
        change = SupplyChange(arguments.blood_type, arguments.level, arguments.measured)
        name = set_supply_level(root, change, build_date, arguments.centre)
    except (SupplyUpdateError, WriteError, SettingsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"updated {name}: {arguments.blood_type} {arguments.level} / 已更新")
    return 0
