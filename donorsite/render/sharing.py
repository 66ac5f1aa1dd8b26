"""Sharing a page: a QR code drawn at build time and share links for chat apps."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import segno
from markupsafe import Markup


@dataclass(frozen=True)
class ShareLink:
    """A link that opens a chat app's share dialog; ``service`` names the app."""

    service: str
    label: str
    href: str


def qr_code_svg(url: str, title: str) -> Markup:
    """An inline SVG QR code of ``url`` (error correction M), with ``title`` as its text alternative."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=4, border=2, title=title, svgclass="qr-code__image", lineclass="qr-code__modules")
    # The SVG carries only presentation attributes, so a strict style-src policy allows it.
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def share_links(url: str, text: str) -> list[ShareLink]:
    """Share links for Zalo, LINE and WhatsApp; ``text`` goes before the address where the app takes text."""
    zalo_data = base64.b64encode(json.dumps({"url": url}, separators=(",", ":")).encode("utf-8")).decode("ascii")
    return [
        ShareLink("zalo", "Zalo", "https://button-share.zalo.me/share_external?" + urlencode({"d": zalo_data, "url": url})),
        ShareLink("line", "LINE", "https://social-plugins.line.me/lineit/share?" + urlencode({"url": url, "text": text})),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?text=" + quote(f"{text} {url}")),
    ]
