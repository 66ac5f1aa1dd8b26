"""What a generated page adds to its ``<head>``: sharing previews, feed discovery, structured data.

The values travel in the page's front matter (key ``head``), ready to print:
the theme prints front matter without escaping, so texts are escaped here and
JSON-LD is made safe to sit inside a ``<script>`` element.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from donorsite.core.locales import LOCALES, SiteLocale


def script_safe_json(data: Any) -> str:
    """JSON that cannot close or open markup when placed inside ``<script type="application/ld+json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class PageHead:
    """The head additions of one page in one locale."""

    site_locale: SiteLocale
    address: str
    feed_link: str
    feed_title: str
    og_type: str = "website"
    image: str | None = None
    image_alt: str | None = None
    structured_data: list[dict[str, Any]] = field(default_factory=list)

    def front_matter(self) -> dict[str, Any]:
        """The ``head`` front-matter entry, every text escaped for HTML attributes."""
        values: dict[str, Any] = {
            "url": str(escape(self.address)),
            "og_type": self.og_type,
            "og_locale": self.site_locale.og_locale,
            "og_locale_alternates": [other.og_locale for other in LOCALES if other != self.site_locale],
            "feed": str(escape(self.feed_link)),
            "feed_title": str(escape(self.feed_title)),
        }
        if self.image:
            values["image"] = str(escape(self.image))
            values["image_alt"] = str(escape(self.image_alt or ""))
        if self.structured_data:
            values["structured_data"] = script_safe_json(self.structured_data)
        return values
