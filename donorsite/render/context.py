"""Per-locale rendering tools, built once per build and shared by every page."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field, replace

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from donorsite.localize.chinese import ChineseConverter
from donorsite.localize.formatting import N_
from donorsite.localize.services import LABELLED, LocaleServices, build_locale_services
from donorsite.localize.texts import LocalText
from donorsite.render.labels import MAP_LABELS

# Joiners, translated in the catalogs: Chinese uses full-width ：and （）with no spaces.
BRACKETED = N_("%(text)s (%(note)s)")
# Where an event takes place: English and Vietnamese go from small to large;
# Chinese puts the venue first and the address, large to small, in brackets.
VENUE_WITH_ADDRESS = N_("%(venue)s, %(address)s, %(city)s")
VENUE_AT = N_("%(venue)s, %(place)s")

_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()#+!|~]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_PART_SEPARATOR = re.compile(r"\s*[,，、]\s*")
_VI_LEVEL = re.compile(r"(?:(?<=^)|(?<=, ))(?:Quận|Phường|Huyện|Xã|Thị xã|Thị trấn|Thành phố|Tỉnh|Đường|Phố)(?= )")


def _unrepeated(text: LocalText, seen: list[str], venue: str) -> LocalText | None:
    """``text`` without the comma-separated parts that a text in ``seen`` already contains; None if nothing is left.

    A part in Latin script is also left out when the ``venue`` name contains
    it ("Điểm hiến máu quận Dương Kinh", "Quận Dương Kinh"); a Chinese venue
    name often holds its street (姑苏人民路献血屋, 人民路), which the address
    still gives. The parts kept are added to ``seen``.
    """
    han = bool(_HAN.search(text.text))
    kept = [
        part
        for part in _PART_SEPARATOR.split(text.text.strip())
        if part and not any(part.casefold() in earlier for earlier in seen) and (han or part.casefold() not in venue)
    ]
    seen.extend(part.casefold() for part in kept)
    if not kept:
        return None
    joined = "".join(kept) if han else ", ".join(kept)
    return text if joined == text.text else replace(text, text=joined)


@dataclass
class LocaleRenderer(LocaleServices):
    """The locale services of one locale plus its templates and the Markup helpers they call."""

    environment: Environment = field(repr=False, kw_only=True)

    def services(self) -> LocaleServices:
        """The same services without the templates, for ``exports/``."""
        return LocaleServices(self.site_locale, self.formatter, self.translations, self.texts)

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

    def bracketed(self, text: object, note: object) -> Markup:
        """``text`` with ``note`` in the locale's brackets: ``Name (note)``, ``姓名（备注）``."""
        return Markup(escape(self.gettext(BRACKETED))) % {"text": text, "note": note}

    def venue_line(self, venue: LocalText, address: LocalText | None, city: LocalText) -> Markup:
        """Venue, address and city in the locale's order, no part said twice: the one place addresses are composed.

        A comma-separated part of the address or city that an earlier part
        already names (case aside) is left out: "Điểm hiến máu quận Dương
        Kinh" is not followed by "Quận Dương Kinh" again. Chinese runs city
        and address together (苏州市姑苏区人民路); a part in Latin script (a
        Vietnamese address on a Chinese page) keeps its own order and commas.
        """
        seen: list[str] = []
        venue_key = venue.text.casefold()
        kept_address = _unrepeated(address, seen, venue_key) if address is not None else None
        kept_city = _unrepeated(city, seen, venue_key)
        parts = {"venue": self.localized(venue)}
        places = [text for text in (kept_address, kept_city) if text is not None]
        if self.site_locale.babel.language == "vi":
            # Vietnamese writes the level of a place in lower case inside an address (phường Dương Kinh,
            # quận Cô Tô); a city field standing alone, as in the city filter, keeps its capital.
            places = [replace(text, text=_VI_LEVEL.sub(lambda m: m.group().lower(), text.text)) for text in places]
        latin = any(not _HAN.search(text.text) for text in places)
        if len(places) == 2 and not (latin and self.site_locale.babel.language == "zh"):
            parts |= {"address": self.localized(kept_address), "city": self.localized(kept_city)}
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
        renderer.environment.globals["h"] = renderer.heading
        renderer.environment.globals["labelled"] = renderer.labelled
        renderer.environment.globals["bracketed"] = renderer.bracketed
        renderer.environment.globals["venue_line"] = renderer.venue_line
        renderer.environment.globals["map_label"] = lambda service, gettext=renderer.gettext: gettext(MAP_LABELS[service])
        renderers[code] = renderer
    return renderers
