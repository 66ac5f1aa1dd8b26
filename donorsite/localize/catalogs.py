"""Site labels in gettext catalogs, compiled in memory from the .po files."""

from __future__ import annotations

import gettext
from importlib.resources import files
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from donorsite.core.locales import SiteLocale

# Labels are written in English in the code and templates; English needs no catalog.
SOURCE_LOCALE = "en"
DOMAIN = "messages"


def catalog_folder() -> Path:
    """The folder holding ``<locale>/LC_MESSAGES/messages.po``."""
    return Path(str(files("donorsite").joinpath("locale")))


def catalog_path(locale: SiteLocale, domain: str = DOMAIN) -> Path:
    """Where the catalog of ``locale`` lives (``domain``: the site's labels unless told, or the web editor's)."""
    return catalog_folder() / locale.catalog_id / "LC_MESSAGES" / f"{domain}.po"


class MissingCatalogError(Exception):
    """A published locale has no catalog: its labels would silently stay English."""


def load_translations(locale: SiteLocale, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The label translations of ``locale`` (of the catalog ``domain``: the site's labels unless told).

    Raises ``MissingCatalogError`` rather than falling back to English
    silently, which is what gettext does when a catalog id is off.
    """
    if locale.code == SOURCE_LOCALE:
        return gettext.NullTranslations()
    path = catalog_path(locale, domain)
    if not path.is_file():
        raise MissingCatalogError(f"no label catalog for {locale.code} at {path}; run pybabel init (see README)")
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale=locale.catalog_id)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=domain)
