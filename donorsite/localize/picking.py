"""Picking each text of a page in the reader's language, and saying which were not written in it."""

from __future__ import annotations

from dataclasses import dataclass

from donorsite.localize.services import LocaleServices
from donorsite.localize.texts import LocalText, TextOrigin, chinese_script_of_country
from donorsite.model.campaign import Campaign
from donorsite.model.text_fields import LocalizedText
from donorsite.model.time_zones import zone_country


class TextPicker:
    """Resolves texts for one page and remembers which were not written for it."""

    def __init__(self, renderer: LocaleServices, source_language: str, country: str | None = None) -> None:
        self.renderer = renderer
        self.source_language = source_language
        # Chinese shown to a reader of another language is written in the venue country's script.
        self.chinese_script = chinese_script_of_country(country)
        self.fallback_languages: set[str] = set()
        self.converted_from: set[str] = set()

    def __call__(self, text: LocalizedText) -> LocalText:
        local = self.renderer.texts.resolve(text, self.renderer.site_locale.code, self.source_language, self.chinese_script)
        if local.origin is TextOrigin.FALLBACK:
            self.fallback_languages.add(local.lang)
        elif local.origin is TextOrigin.CONVERTED and local.converted_from:
            self.converted_from.add(local.converted_from)
        return local

    def absorb(self, other: TextPicker) -> None:
        """Count the fallbacks and conversions of ``other`` as this page's own."""
        self.fallback_languages |= other.fallback_languages
        self.converted_from |= other.converted_from

    @property
    def converted(self) -> bool:
        """Whether any text of the page was converted from the other Chinese script."""
        return bool(self.converted_from)

    def optional(self, text: LocalizedText | None) -> LocalText | None:
        """Like calling the picker, for a text that may be absent."""
        return self(text) if text is not None else None


def campaign_country(campaign: Campaign) -> str | None:
    """The country of a campaign's first venue (written on it, else its time zone's); without events, the campaign's own."""
    if not campaign.events:
        return campaign.country
    first = campaign.events[0]
    return first.venue.country or zone_country(first.timezone)


def campaign_picker(renderer: LocaleServices, campaign: Campaign) -> TextPicker:
    """A picker for the texts of ``campaign``: its source language, and its venue's script for Chinese."""
    return TextPicker(renderer, campaign.source_language, campaign_country(campaign))


@dataclass(frozen=True)
class TranslationNotes:
    """What the page says about texts not written in the reader's language."""

    fallback_language_names: str
    converted_from_names: str

    @property
    def converted(self) -> bool:
        return bool(self.converted_from_names)


def translation_notes(picker: TextPicker) -> TranslationNotes:
    """Notes for a page after all its texts were picked."""
    renderer = picker.renderer
    names = [renderer.language_name_in_sentence(code) for code in sorted(picker.fallback_languages)]
    converted = [renderer.language_name_in_sentence(code) for code in sorted(picker.converted_from)]
    return TranslationNotes(renderer.formatter.items(names), renderer.formatter.items(converted))


@dataclass(frozen=True)
class ItemLanguageTag:
    """A small tag on one listed item whose texts were not written in the reader's language.

    ``kind`` is ``fallback`` (shown in another language, named in ``text``) or
    ``converted`` (converted from the other Chinese script); ``lang`` is the
    language the tag names, for its ``lang`` attribute when it is one language.
    """

    kind: str
    text: str
    lang: str | None = None


def item_language_tag(picker: TextPicker) -> ItemLanguageTag | None:
    """The tag of a listed item after its texts were picked with ``picker``; None if they were all written for the reader."""
    renderer = picker.renderer
    if picker.fallback_languages:
        codes = sorted(picker.fallback_languages)
        names = renderer.formatter.items([renderer.language_name(code) for code in codes])
        return ItemLanguageTag("fallback", names, codes[0] if len(codes) == 1 else None)
    if picker.converted_from:
        return ItemLanguageTag("converted", renderer.gettext("Converted automatically"))
    return None
