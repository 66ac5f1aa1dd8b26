"""``donorsite new``: a campaign file started from a starter or copied from another campaign with new dates."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from donorsite.build.settings import SettingsError, build_date_from_environment
from donorsite.content.loading import CAMPAIGN_FOLDER
from donorsite.editing.safe_write import WriteError, create_file
from donorsite.editing.starter import (
    StarterError,
    check_country,
    check_new_id,
    copied_campaign_path,
    copied_campaign_text,
    parse_start_date,
    starter_text,
)
from donorsite.model.campaign import CampaignKind


def new_campaign(root: Path, arguments: argparse.Namespace) -> int:
    """Write the new campaign file that ``arguments`` ask for; return the exit status."""
    try:
        day = parse_start_date(arguments.date)
        path = check_new_id(root, arguments.id)
        if arguments.copy:
            source = copied_campaign_path(root, arguments.copy)
            text = copied_campaign_text(source.read_bytes().decode("utf-8-sig", errors="replace"), day)
        else:
            text = starter_text(CampaignKind(arguments.kind), arguments.language, day, check_country(arguments.country))
        today = build_date_from_environment(os.environ)
        (root / CAMPAIGN_FOLDER).mkdir(exist_ok=True)
        create_file(path, text.encode("utf-8"), path.relative_to(root).as_posix())
    except (StarterError, WriteError, OSError, SettingsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if day.year < today.year:
        warning = f"warning: {day.isoformat()} is in a past year (today is {today.isoformat()}); check --date / 日期在往年，请核对"
        print(warning, file=sys.stderr)
    print(f"wrote {path.relative_to(root).as_posix()}; now edit it and run: donorsite check / 已创建，请编辑后运行检查")
    return 0
