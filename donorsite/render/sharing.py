"""Sharing a page: a QR code drawn at build time and share links for the chat apps of each locale."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlencode

import segno

from donorsite.core.locales import get_locale


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


def _wechat(url: str, text: str) -> ShareLink:
    # WeChat has no web share address: readers scan the page's QR code with it.
    return ShareLink("wechat", "微信", "#share-qr")


def _weibo(url: str, text: str) -> ShareLink:
    return ShareLink("weibo", "微博", "https://service.weibo.com/share/share.php?" + urlencode({"url": url, "title": text}))


def _line(url: str, text: str) -> ShareLink:
    return ShareLink("line", "LINE", "https://social-plugins.line.me/lineit/share?" + urlencode({"url": url, "text": text}))


def _facebook(url: str, text: str) -> ShareLink:
    return ShareLink("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}))


def _zalo(url: str, text: str) -> ShareLink:
    zalo_data = base64.b64encode(json.dumps({"url": url}, separators=(",", ":")).encode("utf-8")).decode("ascii")
    return ShareLink("zalo", "Zalo", "https://button-share.zalo.me/share_external?" + urlencode({"d": zalo_data, "url": url}))


def _whatsapp(url: str, text: str) -> ShareLink:
    return ShareLink("whatsapp", "WhatsApp", "https://wa.me/?text=" + quote(f"{text} {url}"))


def _x(url: str, text: str) -> ShareLink:
    return ShareLink("x", "X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url}))


# Share links by app name; each locale names its apps in ``locales.py`` (``share_apps``).
SHARE_TARGETS: dict[str, Callable[[str, str], ShareLink]] = {
    "wechat": _wechat,
    "weibo": _weibo,
    "line": _line,
    "facebook": _facebook,
    "zalo": _zalo,
    "whatsapp": _whatsapp,
    "x": _x,
}


def share_links(url: str, text: str, locale_code: str) -> list[ShareLink]:
    """Share links for the apps readers of ``locale_code`` use; plain links, no third-party script.

    ``text`` goes with the address where the app takes text. Raises
    ``KeyError`` for a locale the site does not publish.
    """
    return [SHARE_TARGETS[app](url, text) for app in get_locale(locale_code).share_apps]
