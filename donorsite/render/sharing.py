"""Sharing a page: a QR code drawn at build time and share links for the chat apps of each locale."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlencode

import zxingcpp

from donorsite.core.locales import get_locale

QR_BORDER = 2  # modules of white around the code; the page's own margin adds to it
DARK_RUN = re.compile(b"\x00+")


@dataclass(frozen=True)
class ShareLink:
    """A link that opens a chat app's share dialog; ``service`` names the app."""

    service: str
    label: str
    href: str


# Encoding is the costly part; under `mkdocs serve` each rebuild draws the
# same addresses again, so codes are kept by content.
@lru_cache(maxsize=4096)
def qr_code_svg(url: str) -> bytes:
    """A standalone SVG file of the QR code of ``url`` (error correction M), drawn in dark modules on white.

    zxing-cpp encodes the address and picks the mask pattern with the lowest
    penalty, as ISO/IEC 18004 asks, in C++ (a pure-Python encoder spent 5 ms
    a code on the masks alone, a quarter of a large site's build). The
    drawing is one path, a line for each run of dark modules in a row, inside
    a quiet zone of ``QR_BORDER`` modules. The page shows it as an ``<img>`` whose ``alt``
    text says what it is, so the file needs no text of its own and is the
    same in every locale.
    """
    symbol = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = symbol.to_image(scale=1, add_quiet_zones=False)  # one byte a module, 0 is dark
    size = image.shape[0]
    modules = bytes(memoryview(image))  # type: ignore[arg-type]  # zxing-cpp's Image is a buffer; its stub does not say so
    side = size + 2 * QR_BORDER
    # Each run of dark modules is a line one module thick, moved to from the end of the last one.
    lines: list[str] = []
    pen_x, pen_y = 0, 0.5
    for y in range(size):
        for run in DARK_RUN.finditer(modules, y * size, (y + 1) * size):
            left, middle, length = run.start() - y * size + QR_BORDER, y + QR_BORDER + 0.5, run.end() - run.start()
            lines.append(f"m{left - pen_x} {middle - pen_y:g}h{length}" if lines else f"M{left} {middle:g}h{length}")
            pen_x, pen_y = left + length, middle
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}">'
        f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/><path stroke="#000" d="{"".join(lines)}"/></svg>\n'
    ).encode("ascii")


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
