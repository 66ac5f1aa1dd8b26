"""A Content Security Policy for every page: only the site's own scripts run.

The theme writes two small inline scripts of its own. Their hashes are
allowed; any other inline script, such as one that slipped into editor
content, is refused by the browser. Only scripts in ``<head>`` (which no
editor text reaches unescaped) and the theme's fixed tab script are hashed.
Search (Pagefind) compiles its own WebAssembly module, which needs
``'wasm-unsafe-eval'``: it allows compiling WebAssembly, not ``eval`` of
JavaScript text.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Material's script that re-checks a tab named in the URL fragment, after the content.
THEME_BODY_SCRIPT = (
    'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
)
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_HEAD = re.compile(r"<head>(.*?)</head>", re.S)

BASE_POLICY = (
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def _source_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_for(html: str, previewing: bool = False) -> str:
    """The policy for one page: the base policy, with the theme's own inline scripts allowed by hash.

    ``previewing`` (``serve`` on the editor's machine): inline scripts are
    allowed, because the preview server adds its live-reload script to every
    page after the build, with values no hash can know.
    """
    if previewing:
        return "; ".join((*BASE_POLICY, "script-src 'self' 'unsafe-inline'"))
    head = _HEAD.search(html)
    trusted = _INLINE_SCRIPT.findall(head.group(1)) if head else []
    if THEME_BODY_SCRIPT in html:
        trusted.append(THEME_BODY_SCRIPT)
    hashes = " ".join(sorted({_source_hash(script) for script in trusted}))
    return "; ".join((*BASE_POLICY, f"script-src 'self' 'wasm-unsafe-eval' {hashes}".strip()))


def add_content_security_policy(html: str, previewing: bool = False) -> str:
    """``html`` with a ``<meta http-equiv="Content-Security-Policy">`` as the first element of ``<head>``."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, previewing)}">'
    return html.replace("<head>", f"<head>\n    {meta}", 1)
