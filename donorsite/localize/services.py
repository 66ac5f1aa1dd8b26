"""The locale services of one published language: formatter, labels, text resolver.

No templates here: ``exports/`` use these services to write calendars,
feeds and JSON; ``render/`` adds the Jinja environment on top.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass

from babel import Locale

from donorsite.core.locales import LOCALES, SiteLocale
from donorsite.localize.catalogs import load_translations
from donorsite.localize.chinese import ChineseConverter
from donorsite.localize.formatting import N_, LocaleFormatter
from donorsite.localize.texts import TextResolver

# Joiner, translated in the catalogs: Chinese uses a full-width ：with no space.
LABELLED = N_("%(label)s: %(value)s")
# The site's name: page titles, calendars, feeds and sharing previews say it.
SITE_NAME = N_("Blood donation campaigns")


@dataclass
class LocaleServices:
    """Formatter, label catalog and text resolver of one locale."""

    site_locale: SiteLocale
    formatter: LocaleFormatter
    translations: gettext.NullTranslations
    texts: TextResolver

    def gettext(self, message: str) -> str:
        """The label ``message`` in this locale."""
        return self.translations.gettext(message)

    def site_name(self) -> str:
        """The site's name in this locale."""
        return self.translations.gettext(SITE_NAME)

    def language_name(self, code: str) -> str:
        """The name of language ``code`` written in this locale, e.g. 越南文 or 繁体中文.

        CLDR's name for the whole tag comes first (简体中文, Simplified Chinese);
        the composed "language (script)" form, 中文 (简体), only when that
        name has brackets of its own (Vietnamese "Tiếng Trung Phổ thông (Giản thể)").
        """
        whole = self.site_locale.babel.languages.get(code.replace("-", "_"))
        if whole and "(" not in whole:
            return whole
        return Locale.parse(code, sep="-").get_display_name(self.site_locale.babel) or code

    def language_name_in_sentence(self, code: str) -> str:
        """Like ``language_name``, as written inside a sentence: Vietnamese says "bằng tiếng Anh", not "Tiếng Anh"."""
        name = self.language_name(code)
        return name[:1].lower() + name[1:] if self.site_locale.babel.language == "vi" else name

    def labelled_text(self, label: str, value: str) -> str:
        """Like ``labelled``, as plain text (chart descriptions)."""
        return self.gettext(LABELLED) % {"label": label, "value": value}


def build_locale_services(converter: ChineseConverter | None = None) -> dict[str, LocaleServices]:
    """The services of every published locale, sharing one OpenCC converter."""
    texts = TextResolver(converter or ChineseConverter())
    services = {}
    for site_locale in LOCALES:
        translations = load_translations(site_locale)
        formatter = LocaleFormatter(site_locale.babel, translations)
        services[site_locale.code] = LocaleServices(site_locale, formatter, translations, texts)
    return services
