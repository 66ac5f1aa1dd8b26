"""Which of the site's scripts a page loads: a script that serves one kind of page only where that page's markup is.

Every script also checks for its markup and does nothing without it, so
loading it elsewhere is harmless but costs a request on a phone. Scripts not
in ``SCRIPT_MARKERS`` load on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

Script = TypeVar("Script")

# Script (as listed in mkdocs.yml's extra_javascript) → text its page's HTML contains.
SCRIPT_MARKERS: dict[str, str] = {
    "assets/campaign-filter.js": 'class="campaign-filter"',
    "assets/countdown.js": "data-countdown-month",
    "assets/share.js": "share-native__button",
    "assets/choose-locale.js": "language-choice",
    "assets/time-state.js": "data-sessions=",
    "assets/next-chances.js": "data-next-chances",
    "assets/eligibility.js": "data-eligibility",
}


def scripts_for_page(html: str, scripts: Sequence[Script]) -> list[Script]:
    """The entries of ``scripts`` the page with content ``html`` needs, in their order.

    >>> scripts_for_page('<p class="countdown" data-countdown-month="6">', ["assets/countdown.js", "assets/share.js", "assets/other.js"])
    ['assets/countdown.js', 'assets/other.js']
    """
    return [script for script in scripts if SCRIPT_MARKERS.get(str(script), "") in html]
