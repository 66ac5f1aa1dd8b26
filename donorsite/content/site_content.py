"""The loaded content of a site: each campaign with its file facts, the whole content, and a build's filter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from donorsite.core.problems import Problem
from donorsite.model.campaign import Campaign
from donorsite.model.donation_sites import SitesFile
from donorsite.model.slogan import SloganFile
from donorsite.model.supply import SupplyFile
from donorsite.reading.yaml_document import FieldPath


@dataclass(frozen=True)
class CampaignEntry:
    """A validated campaign with the id taken from its file name."""

    id: str
    source_file: str
    campaign: Campaign
    # The date of the file's last commit, when the site is a git checkout.
    last_changed: date | None = None
    # Old ways of writing that still work, for `donorsite check` to point out.
    notices: tuple[Problem, ...] = ()
    # Values an event takes from sites.yaml (``site: <id>``): their texts are translated there, not here.
    borrowed_paths: tuple[FieldPath, ...] = ()
    # The build date: no stamp of the campaign (feed updated, DTSTAMP, dateModified) may be later.
    build_date: date | None = None

    @property
    def known_update(self) -> date | None:
        """The last change as far as it is known: written ``updated``, else the last commit, else ``published``; None if unknown."""
        campaign = self.campaign
        return campaign.updated or self.last_changed or campaign.published

    @property
    def updated(self) -> date:
        """The stamp of calendars and feeds, which need one: the known last change, else the campaign's first date.

        Never later than the build date: a campaign not yet dated by git (no
        history, no ``updated``) is not stamped with a day still to come.
        """
        stamp = self.known_update or self.campaign.sort_date
        return min(stamp, self.build_date) if self.build_date else stamp


@dataclass(frozen=True)
class ContentFilter:
    """Limits a build to some regions, years or campaigns (empty means everything).

    Regions and years still validate every file; a list of campaign ids is a
    preview of just those files, and leaves the others unread.
    """

    regions: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()
    ids: frozenset[str] = frozenset()

    def reads(self, path: Path) -> bool:
        """Whether the campaign file at ``path`` is read at all."""
        return not self.ids or path.stem in self.ids

    def admits(self, campaign: Campaign) -> bool:
        """Whether the campaign belongs in a build limited by this filter."""
        region_ok = not self.regions or (campaign.region in self.regions)
        year_ok = not self.years or (campaign.year in self.years)
        return region_ok and year_ok


@dataclass(frozen=True)
class SiteContent:
    """Everything the site is generated from."""

    campaigns: tuple[CampaignEntry, ...]
    slogans: SloganFile | None
    problems: tuple[Problem, ...] = field(default=())
    # Deprecated but still valid writing (old status names), as located notices.
    notices: tuple[Problem, ...] = field(default=())
    # The blood service's own files (issue 17): permanent sites and today's stock.
    sites: SitesFile | None = None
    # Every centre's stock, the first centre's (supply.yaml) first.
    supplies: tuple[SupplyFile, ...] = ()

    @property
    def supply(self) -> SupplyFile | None:
        """The first centre's stock (supply.yaml), for what shows one centre; None if no stock is published."""
        return self.supplies[0] if self.supplies else None

    def supply_of(self, centre_id: str) -> SupplyFile | None:
        """The stock of the centre with id ``centre_id``, or None if none is published."""
        return next((supply for supply in self.supplies if supply.centre_id == centre_id), None)

    def campaign(self, campaign_id: str) -> CampaignEntry:
        """The campaign with this id; raises KeyError if there is none."""
        for entry in self.campaigns:
            if entry.id == campaign_id:
                return entry
        raise KeyError(campaign_id)
