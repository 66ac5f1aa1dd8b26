"""Per-locale rendering tools, built once per build and shared by every page."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field

from babel import Locale
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from donorsite.locales import LOCALES, SiteLocale
from donorsite.localize.catalogs import load_translations
from donorsite.localize.chinese import ChineseConverter
from donorsite.localize.formatting import N_, LocaleFormatter
from donorsite.localize.texts import LocalText, TextResolver
from donorsite.render.labels import MAP_LABELS

# Joiners, translated in the catalogs: Chinese uses full-width ：and （）with no spaces.
LABELLED = N_("%(label)s: %(value)s")
BRACKETED = N_("%(text)s (%(note)s)")
# Where an event takes place: English and Vietnamese go from small to large;
# Chinese puts the venue first and the address, large to small, in brackets.
VENUE_WITH_ADDRESS = N_("%(venue)s, %(address)s, %(city)s")
VENUE_AT = N_("%(venue)s, %(place)s")

_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()#+!|~]")


@dataclass
class LocaleRenderer:
    """Formatter, label catalog, text resolver and templates of one locale."""

    site_locale: SiteLocale
    formatter: LocaleFormatter
    translations: gettext.NullTranslations
    texts: TextResolver
    environment: Environment = field(repr=False)

    def gettext(self, message: str) -> str:
        """The label ``message`` in this locale."""
        return self.translations.gettext(message)

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

    def heading(self, text: LocalText | str) -> Markup:
        """Like ``localized``, with Markdown punctuation escaped, for a Markdown heading line."""
        one_line = " ".join(str(text).split())
        escaped = escape(_MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", one_line))
        if isinstance(text, LocalText) and text.lang != self.site_locale.code:
            return Markup('<span lang="{}">').format(text.lang) + Markup(escaped) + Markup("</span>")
        return Markup(escaped)

    def labelled(self, label: str, value: object) -> Markup:
        """``label`` and ``value`` joined the locale's way: ``Phone: …``, ``电话：…``."""
        return Markup(escape(self.gettext(LABELLED))) % {"label": label, "value": value}

    def labelled_text(self, label: str, value: str) -> str:
        """Like ``labelled``, as plain text (chart descriptions)."""
        return self.gettext(LABELLED) % {"label": label, "value": value}

    def bracketed(self, text: object, note: object) -> Markup:
        """``text`` with ``note`` in the locale's brackets: ``Name (note)``, ``姓名（备注）``."""
        return Markup(escape(self.gettext(BRACKETED))) % {"text": text, "note": note}

    def venue_line(self, venue: LocalText, address: LocalText | None, city: LocalText) -> Markup:
        """Venue, address and city in the locale's order; the city once if the address already names it."""
        parts = {"venue": self.localized(venue)}
        if address is None or city.text in address.text:
            parts["place"] = self.localized(address or city)
            return Markup(escape(self.gettext(VENUE_AT))) % parts
        parts |= {"address": self.localized(address), "city": self.localized(city)}
        return Markup(escape(self.gettext(VENUE_WITH_ADDRESS))) % parts

    def localized(self, text: LocalText | str | None) -> Markup:
        """Escaped text, marked with its own ``lang`` when it differs from the page's."""
        if text is None:
            return Markup("")
        if isinstance(text, LocalText) and text.lang != self.site_locale.code:
            return Markup('<span lang="{}">{}</span>').format(text.lang, text.text)
        return escape(str(text))


def _environment(translations: gettext.NullTranslations) -> Environment:
    environment = Environment(
        loader=PackageLoader("donorsite", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    return environment


def build_renderers(converter: ChineseConverter | None = None) -> dict[str, LocaleRenderer]:
    """One renderer per published locale, sharing one OpenCC converter."""
    texts = TextResolver(converter or ChineseConverter())
    renderers = {}
    for site_locale in LOCALES:
        translations = load_translations(site_locale)
        renderer = LocaleRenderer(
            site_locale=site_locale,
            formatter=LocaleFormatter(site_locale.babel, translations),
            translations=translations,
            texts=texts,
            environment=_environment(translations),
        )
        renderer.environment.globals["t"] = renderer.localized
        renderer.environment.globals["h"] = renderer.heading
        renderer.environment.globals["labelled"] = renderer.labelled
        renderer.environment.globals["bracketed"] = renderer.bracketed
        renderer.environment.globals["venue_line"] = renderer.venue_line
        renderer.environment.globals["map_label"] = lambda service, gettext=renderer.gettext: gettext(MAP_LABELS[service])
        renderers[site_locale.code] = renderer
    return renderers
