"""The web editor at ``/admin/``: Decap CMS from the project's own ``node_modules``, its generated config and its own policy.

Decap is vendored through npm at the version pinned in ``package.json`` and
``package-lock.json`` (which records its integrity hash); the build copies its
bundle into the site, so the editor is served by the site itself and no page
loads anything from another host. The bundle is not committed: it is 5 MB
of minified code in about a hundred files, which ``npm ci`` already fetches
and verifies for the tests, and a copy in git would have to be kept in step
with the pin by hand.
"""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

from donorsite.build.admin_config import EditorSettings, admin_config_text

ADMIN_FOLDER = "admin"
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
DECAP_SCRIPT = "decap-cms.js"


def admin_policy(settings: EditorSettings) -> str:
    """The editor page's Content Security Policy.

    Decap styles its interface with inline styles (emotion) and compiles its
    config schema at run time (ajv), so this page alone allows inline styles
    and ``'unsafe-eval'``; it shows no content of its own, and no other page
    gets them. It talks to GitHub's API, or to decap-server on this machine.
    """
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https://raw.githubusercontent.com https://avatars.githubusercontent.com",
            "font-src 'self' data:",
            f"connect-src 'self' blob: http://localhost:{settings.local_port} https://api.github.com",
            "frame-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        )
    )


class EditorBundleMissing(Exception):
    """Decap's bundle is not installed (``npm ci`` has not run); the message says so."""


def decap_files(root: Path) -> list[Path]:
    """The files of Decap's bundle to serve: its script, the chunks it loads on demand and their licences; no source maps.

    Raises ``EditorBundleMissing`` if ``node_modules`` has no Decap.
    """
    dist = root / DECAP_DIST
    if not (dist / DECAP_SCRIPT).is_file():
        raise EditorBundleMissing(f"{DECAP_DIST.as_posix()}/{DECAP_SCRIPT} is missing; run `npm ci` to install the web editor")
    # dist/ holds two builds of the same code (cms.js and decap-cms.js); chunks are named after theirs.
    return sorted(
        path
        for path in dist.iterdir()
        if path.name == DECAP_SCRIPT
        or path.name.endswith(f".{DECAP_SCRIPT}")
        or path.name.endswith(".wasm")
        or path.name == f"{DECAP_SCRIPT}.LICENSE.txt"
    )


def admin_page(settings: EditorSettings) -> str:
    """The editor's HTML page: the policy, the config link and the two scripts."""
    template = files("donorsite").joinpath("templates/admin/index.html").read_text(encoding="utf-8")
    return template.replace("{{ language }}", settings.language).replace("{{ policy }}", admin_policy(settings))


def admin_script(stylesheets: list[str]) -> str:
    """``admin.js``: the site's own stylesheets for the editor's preview pane, then the preview set-up."""
    script = files("donorsite").joinpath("templates/admin/admin.js").read_text(encoding="utf-8")
    return f"var DONORSITE_PREVIEW_STYLES = {json.dumps(stylesheets)};\n{script}"


def site_stylesheets(site_dir: Path) -> list[str]:
    """The stylesheets every page of the built site uses (the theme's and the site's), as paths from ``/admin/``."""
    found = sorted(site_dir.glob("assets/stylesheets/main.*.min.css")) + sorted(site_dir.glob("assets/stylesheets/palette.*.min.css"))
    found += [path for path in [site_dir / "assets" / "site.css"] if path.is_file()]
    return [f"../{path.relative_to(site_dir).as_posix()}" for path in found]


def write_admin(site_dir: Path, root: Path, settings: EditorSettings) -> None:
    """Write ``/admin/`` into ``site_dir``: page, script, generated config and Decap's bundle copied from ``root/node_modules``.

    Raises ``EditorBundleMissing`` (after writing the rest) if Decap is not installed.
    """
    folder = site_dir / ADMIN_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(admin_page(settings), encoding="utf-8")
    (folder / "config.yml").write_text(admin_config_text(settings), encoding="utf-8")
    (folder / "admin.js").write_text(admin_script(site_stylesheets(site_dir)), encoding="utf-8")
    for path in decap_files(root):
        shutil.copyfile(path, folder / path.name)
