"""Which blood centres' alerts a page carries: only those that concern its readers.

A centre's critical appeal is shown on the pages of its own donation sites,
on campaigns in its cities or at its sites, and on the pages that list
everything (home pages, listings, the supply and sites pages), where the
banner names the centre and its city. Every other page carries none. Whether
the figures are fresh enough to alarm anyone is decided where the banner is
made (``SiteBuild.supply_banner``) and again in the browser.
"""

from __future__ import annotations

from donorsite.content.loading import CampaignEntry, SiteContent
from donorsite.localize.picking import TextPicker
from donorsite.localize.texts import LocalText
from donorsite.model.donation_sites import BloodCentre, SitesFile
from donorsite.render.context import LocaleRenderer


def every_centre(content: SiteContent) -> list[str]:
    """The ids of every centre whose stock is published, for pages that list everything."""
    return [supply.centre_id for supply in content.supplies if supply.centre_id]


def centres_of_campaign(content: SiteContent, entry: CampaignEntry) -> list[str]:
    """The centres a campaign concerns: those with a site in its region or named by one of its events."""
    sites = content.sites
    if sites is None:
        return []
    named = {event.site for event in entry.campaign.events if event.site}
    concerned = [
        centre.id
        for centre in sites.centres
        if any(site.id in named or (site.region and site.region == entry.campaign.region) for site in centre.sites)
    ]
    return [centre_id for centre_id in concerned if content.supply_of(centre_id)]


def centres_of_site(content: SiteContent, site_id: str) -> list[str]:
    """The centre of donation site ``site_id``, if its stock is published."""
    if content.sites is None:
        return []
    return [centre.id for centre, site in content.sites.all_sites() if site.id == site_id and content.supply_of(centre.id)]


def centre_city(renderer: LocaleRenderer, sites: SitesFile | None, centre: BloodCentre) -> LocalText | None:
    """The name of the city of the centre's first site that names its region, in the reader's locale; None if none does."""
    if sites is None:
        return None
    for site in centre.sites:
        region = sites.region(site.region)
        if region is not None:
            return TextPicker(renderer, sites.source_language)(region.name)
    return None
