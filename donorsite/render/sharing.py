"""Sharing a page: a QR code drawn at build time and share links for chat apps."""

from __future__ import annotations

import base64
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlencode

import segno


@dataclass(frozen=True)
class ShareLink:
    """A link that opens a chat app's share dialog; ``service`` names the app."""

    service: str
    label: str
    href: str


# Encoding is the costly part (a few ms a code); under `mkdocs serve` each
# rebuild draws the same addresses again, so codes are kept by content.
@lru_cache(maxsize=4096)
def qr_code_svg(url: str) -> bytes:
    """A standalone SVG file of the QR code of ``url`` (error correction M), drawn in dark modules on white.

    The page shows it as an ``<img>`` whose ``alt`` text says what it is, so
    the file needs no text of its own and is the same in every locale.
    """
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", border=2, light="#fff", omitsize=True, xmldecl=False, svgns=True, nl=True)
    return buffer.getvalue()


def share_links(url: str, text: str) -> list[ShareLink]:
    """Share links for Zalo, LINE and WhatsApp; ``text`` goes before the address where the app takes text."""
    zalo_data = base64.b64encode(json.dumps({"url": url}, separators=(",", ":")).encode("utf-8")).decode("ascii")
    return [
        ShareLink("zalo", "Zalo", "https://button-share.zalo.me/share_external?" + urlencode({"d": zalo_data, "url": url})),
        ShareLink("line", "LINE", "https://social-plugins.line.me/lineit/share?" + urlencode({"url": url, "text": text})),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?text=" + quote(f"{text} {url}")),
    ]
