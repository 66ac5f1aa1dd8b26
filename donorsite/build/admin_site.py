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

import html
import json
import shutil
from importlib.resources import files
from pathlib import Path

from donorsite.build.admin_config import EditorSettings, admin_config_text, each_language
from donorsite.core.locales import LOCALES, get_locale

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


def admin_folder(language: str, default: str) -> str:
    """The folder of the editor in ``language``, from /admin/: "" for the site's default language, else the locale's URL folder."""
    return "" if language == default else get_locale(language).prefix + "/"


def _language_links(current: str, default: str) -> str:
    """Links to the editor in each site locale, each named in its own language; the current one is marked."""
    up = "../" if admin_folder(current, default) else ""
    links = []
    for site_locale in LOCALES:
        name = html.escape(site_locale.native_name)
        if site_locale.code == current:
            links.append(f'    <strong lang="{site_locale.code}" aria-current="page">{name}</strong>')
        else:
            href = up + admin_folder(site_locale.code, default)
            links.append(f'    <a href="{href or "./"}" lang="{site_locale.code}" hreflang="{site_locale.code}">{name}</a>')
    return " ·\n".join(links)


def admin_page(settings: EditorSettings, default: str | None = None) -> str:
    """The editor's HTML page in ``settings.language``: the policy, the config link, the links to the other languages and the two scripts.

    ``default`` (the language at /admin/ itself; ``settings.language`` unless told) says how deep the page is.
    """
    default = default or settings.language
    template = files("donorsite").joinpath("templates/admin/index.html").read_text(encoding="utf-8")
    root = "../" if admin_folder(settings.language, default) else ""
    return (
        template.replace("{{ language }}", settings.language)
        .replace("{{ policy }}", admin_policy(settings))
        .replace("{{ root }}", root)
        .replace("{{ languages }}", _language_links(settings.language, default))
    )


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
    """Write ``/admin/`` into ``site_dir``: a page, script and generated config per language, and Decap's bundle from ``root/node_modules``.

    ``/admin/`` is in ``settings.language``; ``/admin/<prefix>/`` in each other site locale.
    Raises ``EditorBundleMissing`` (after writing the rest) if Decap is not installed.
    """
    folder = site_dir / ADMIN_FOLDER
    stylesheets = site_stylesheets(site_dir)
    for each in each_language(settings):
        where = admin_folder(each.language, settings.language)
        language_folder = folder / where
        language_folder.mkdir(parents=True, exist_ok=True)
        (language_folder / "index.html").write_text(admin_page(each, settings.language), encoding="utf-8")
        (language_folder / "config.yml").write_text(admin_config_text(each), encoding="utf-8")
        # The stylesheets' paths are written from /admin/; a language's folder is one deeper.
        deeper = ["../" + path for path in stylesheets] if where else stylesheets
        (language_folder / "admin.js").write_text(admin_script(deeper), encoding="utf-8")
    for path in decap_files(root):
        shutil.copyfile(path, folder / path.name)
