"""The web editor's field labels and hints in the editor's language, from the ``editor`` gettext catalogs.

Decap CMS takes one interface language per config and labels as plain
strings, so each site locale has its own config (``/admin/<prefix>/``). The
labels and hints are written in English in the content model (field names and
descriptions); ``donorsite/locale/editor.pot`` lists every one the configs
use (``donorsite admin-config --template`` writes it, and a test compares it
with the model), and ``<locale>/LC_MESSAGES/editor.po`` translates them as the
blood services of each place write. They are apart from the site's
``messages`` catalog because ``pybabel extract`` cannot see them in the code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from io import BytesIO

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from donorsite.core.locales import get_locale
from donorsite.localize.catalogs import SOURCE_LOCALE, catalog_folder, catalog_path, load_translations

EDITOR_DOMAIN = "editor"
EDITOR_TEMPLATE = f"{EDITOR_DOMAIN}.pot"

Translate = Callable[[str], str]


def editor_translator(language: str) -> Translate:
    """The web editor's labels and hints in ``language`` (English as written for ``en``).

    A locale added without an editor catalog gets its editor with the labels
    in English, so that adding a locale stays three steps (README); the
    catalogs' test lists every locale whose ``editor.po`` is missing.
    """
    site_locale = get_locale(language)
    if site_locale.code != SOURCE_LOCALE and not catalog_path(site_locale, EDITOR_DOMAIN).is_file():
        return lambda text: text
    translations = load_translations(site_locale, EDITOR_DOMAIN)

    def translate(text: str) -> str:
        # gettext("") is the catalog's header, not an empty label.
        return translations.gettext(text) if text else text

    return translate


def editor_template_text(texts: Iterable[str]) -> str:
    """``editor.pot``: every label and hint of the web editor, sorted, without locations (like the site's template)."""
    catalog = Catalog(project="donorsite", domain=EDITOR_DOMAIN)
    for text in sorted(set(texts)):
        if text:
            catalog.add(text)
    buffer = BytesIO()
    write_po(buffer, catalog, omit_header=True, sort_output=True, width=120)
    return buffer.getvalue().decode("utf-8")


def editor_template_path() -> str:
    """Where ``editor.pot`` lives, as a path string."""
    return str(catalog_folder() / EDITOR_TEMPLATE)
