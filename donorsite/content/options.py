"""What one build is asked to do, and what it hands over besides pages.

Below ``render/`` and ``exports/`` so that both can read the options of a
build without reaching up into ``site/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from donorsite.core.locales import DEFAULT_LOCALE
from donorsite.model.eligibility import DEFAULT_RULES, EligibilityRule
from donorsite.model.timing import utc_today


@dataclass(frozen=True)
class SiteOptions:
    """Settings of one build that do not come from the content files."""

    default_locale: str = DEFAULT_LOCALE
    # The public address; calendars, feeds, structured data and QR codes carry absolute links.
    site_url: str = "https://blood-campaigns.example.org/"
    # The build date: what is upcoming at build time, the next World Blood Donor Day,
    # the contradictions checked. Today in UTC (never the machine's zone), or DONORSITE_TODAY.
    today: date = field(default_factory=utc_today)
    eligibility: Mapping[str, EligibilityRule] = field(default_factory=lambda: dict(DEFAULT_RULES))
    # Supply figures older than this many days are shown as stale (mkdocs.yml: extra.donorsite.supply_stale_after_days).
    supply_stale_after_days: float = 3.0

    @property
    def base_url(self) -> str:
        """``site_url`` ending in a slash."""
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"


@dataclass(frozen=True)
class GeneratedFile:
    """A file that is not a page (calendar, feed, JSON), copied into the site as it is.

    ``path`` is site-relative, e.g. ``vi/calendar.ics``.
    """

    path: str
    content: bytes
