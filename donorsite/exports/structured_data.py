"""schema.org ``Event`` data (JSON-LD) of a campaign page."""

from __future__ import annotations

from typing import Any

from donorsite.loading import CampaignEntry
from donorsite.render.context import LocaleRenderer
from donorsite.site.settings import SiteOptions


def campaign_structured_data(entry: CampaignEntry, renderer: LocaleRenderer, options: SiteOptions) -> list[dict[str, Any]]:
    """One schema.org ``Event`` per event of the campaign, in the renderer's locale (empty without events)."""
    return []
