"""English source labels of the blood service's pages: supply levels, blood types, sites (issue 17)."""

from __future__ import annotations

from collections.abc import Callable

from donorsite.model.donation_kinds import DonationKind
from donorsite.model.donation_sites import SiteKind
from donorsite.model.supply import SupplyLevel
from donorsite.render.labels import N_

LEVEL_LABELS: dict[SupplyLevel, str] = {
    SupplyLevel.CRITICAL: N_("Critical"),
    SupplyLevel.LOW: N_("Low"),
    SupplyLevel.PLENTY: N_("Plenty"),
}

# A blood type as each language writes it (style sheet): O型 and O型RhD阴性 on the
# mainland, O型Rh陰性 in Taiwan; "O+" and "O-" in Vietnamese and English. Never "O-型" in Chinese.
RHD_POSITIVE = N_("%(group)s+")
RHD_NEGATIVE = N_("%(group)s-")


def blood_type_name(gettext: Callable[[str], str], blood_type: str) -> str:
    """``blood_type`` (``O+``, ``AB-``) as the locale of ``gettext`` writes it: ``O型``, ``AB型RhD阴性``."""
    group, sign = blood_type[:-1], blood_type[-1]
    message = RHD_NEGATIVE if sign == "-" else RHD_POSITIVE
    return gettext(message) % {"group": group}


# A shape for each level, so that the level never rests on colour alone.
LEVEL_ICONS: dict[SupplyLevel, str] = {
    SupplyLevel.CRITICAL: "▲",
    SupplyLevel.LOW: "◆",
    SupplyLevel.PLENTY: "●",
}

KIND_LABELS: dict[SiteKind, str] = {
    SiteKind.BLOOD_CENTRE: N_("Blood centre"),
    SiteKind.DONATION_HOUSE: N_("Donation house"),
    SiteKind.BUS_STOP: N_("Blood bus stop"),
}

DONATION_LABELS: dict[DonationKind, str] = {
    DonationKind.WHOLE_BLOOD: N_("Whole blood"),
    DonationKind.PLATELETS: N_("Platelets"),
    DonationKind.PLASMA: N_("Plasma"),
}

# Today's state of a site, computed again in the reader's browser (docs/assets/site-hours.js).
OPEN_NOW = N_("Open now, until %(time)s")
OPENS_AT = N_("Opens today at %(time)s")
CLOSED_NOW = N_("Closed now; opening hours are over for today")
CLOSED_TODAY = N_("Closed today")
# Closed, with the next opening named (the day in the site's own calendar).
CLOSED_NOW_NEXT = N_("Closed now; opens %(day)s at %(time)s")
CLOSED_TODAY_NEXT = N_("Closed today; opens %(day)s at %(time)s")
# Added when the reader's clock is not the site's: the state is on the site's clock.
IN_SITE_ZONE = N_("%(text)s (%(zone)s)")
