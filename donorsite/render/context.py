"""Per-locale rendering tools, built once per build and shared by every page."""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markdown.extensions.toc import unique
from markupsafe import Markup, escape
from pymdownx.slugs import slugify

from donorsite.localize.chinese import ChineseConverter
from donorsite.localize.formatting import N_
from donorsite.localize.places import is_han, place_parts
from donorsite.localize.services import LABELLED, LocaleServices, build_locale_services
from donorsite.localize.texts import LocalText
from donorsite.render.compiled_templates import share_compiled_templates
from donorsite.render.labels import MAP_LABELS

# Joiners, translated in the catalogs: Chinese uses full-width ：and （）with no spaces.
BRACKETED = N_("%(text)s (%(note)s)")
# Where an event takes place: English and Vietnamese go from small to large;
# Chinese puts the venue first and the address, large to small, in brackets.
VENUE_WITH_ADDRESS = N_("%(venue)s, %(address)s, %(city)s")
VENUE_AT = N_("%(venue)s, %(place)s")


class Anchors:
    """The ids of one page's headings that have no fixed id: slugs of their text, unique on the page.

    Made the way the table-of-contents extension of ``mkdocs.yml`` made them
    while pages were Markdown, so that links to a section keep working.

    >>> anchor = Anchors()
    >>> anchor("Ngày hội hiến máu"), anchor("Ngày hội hiến máu")
    ('ngày-hội-hiến-máu', 'ngày-hội-hiến-máu_1')
    """

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._slugify = slugify(case="lower")

    def __call__(self, text: object) -> str:
        slug: str = unique(self._slugify(" ".join(str(text).split()), "-"), self._used)
        return slug


@dataclass
class LocaleRenderer(LocaleServices):
    """The locale services of one locale plus its templates and the Markup helpers they call."""

    environment: Environment = field(repr=False, kw_only=True)

    def services(self) -> LocaleServices:
        """The same services without the templates, for ``exports/``."""
        return LocaleServices(self.site_locale, self.formatter, self.translations, self.texts)

    def labelled(self, label: str, value: object) -> Markup:
        """``label`` and ``value`` joined the locale's way: ``Phone: …``, ``电话：…``."""
        return Markup(escape(self.gettext(LABELLED))) % {"label": label, "value": value}

    def bracketed(self, text: object, note: object) -> Markup:
        """``text`` with ``note`` in the locale's brackets: ``Name (note)``, ``姓名（备注）``."""
        return Markup(escape(self.gettext(BRACKETED))) % {"text": text, "note": note}

    def venue_line(self, venue: LocalText, address: LocalText | None, city: LocalText) -> Markup:
        """Venue, address and city in the locale's order, no part said twice (``place_parts``).

        Chinese runs city and address together in brackets (苏州市姑苏区人民路);
        a part in Latin script (a Vietnamese address on a Chinese page) keeps
        its own order and commas.
        """
        places = place_parts(venue, address, city)
        parts = {"venue": self.localized(venue)}
        latin = not all(is_han(text) for text in places)
        if len(places) == 2 and not (latin and self.site_locale.babel.language == "zh"):
            parts |= {"address": self.localized(places[0]), "city": self.localized(places[1])}
            return Markup(escape(self.gettext(VENUE_WITH_ADDRESS))) % parts
        if not places:
            return self.localized(venue)
        parts["place"] = Markup(", ").join(self.localized(text) for text in places)
        return Markup(escape(self.gettext(VENUE_AT))) % parts

    def localized(self, text: LocalText | str | None) -> Markup:
        """Escaped text, marked with its own ``lang`` when it differs from the page's."""
        if text is None:
            return Markup("")
        if isinstance(text, LocalText) and text.lang != self.site_locale.code:
            return Markup('<span lang="{}">{}</span>').format(text.lang, text.text)
        return escape(str(text))


# One function for every locale's environment: they share their compiled templates (``share_compiled_templates``).
_AUTOESCAPE = select_autoescape(default=True, default_for_string=True)


def _environment(translations: gettext.NullTranslations) -> Environment:
    environment = Environment(
        loader=PackageLoader("donorsite", "templates"),
        autoescape=_AUTOESCAPE,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    share_compiled_templates(environment)
    return environment


def build_renderers(converter: ChineseConverter | None = None) -> dict[str, LocaleRenderer]:
    """One renderer per published locale, sharing one OpenCC converter."""
    renderers = {}
    for code, services in build_locale_services(converter).items():
        renderer = LocaleRenderer(
            services.site_locale,
            services.formatter,
            services.translations,
            services.texts,
            environment=_environment(services.translations),
        )
        renderer.environment.globals["t"] = renderer.localized
        renderer.environment.globals["labelled"] = renderer.labelled
        renderer.environment.globals["bracketed"] = renderer.bracketed
        renderer.environment.globals["venue_line"] = renderer.venue_line
        renderer.environment.globals["map_label"] = lambda service, gettext=renderer.gettext: gettext(MAP_LABELS[service])
        renderers[code] = renderer
    return renderers
