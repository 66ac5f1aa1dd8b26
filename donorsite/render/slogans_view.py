"""The slogans page: slogans grouped by World Blood Donor Day theme year, then by tag, each with its translations."""

from __future__ import annotations

from dataclasses import dataclass

from donorsite.core.locales import LOCALES
from donorsite.localize.picking import TextPicker
from donorsite.localize.texts import LocalText
from donorsite.model.slogan import Slogan, SloganFile
from donorsite.render.context import LocaleRenderer
from donorsite.render.labels import TAG_LABELS


@dataclass(frozen=True)
class SloganView:
    """A slogan in the reader's language and the other languages it was written in."""

    text: LocalText
    translations: list[tuple[str, str, str]]  # (language code, language name, text)
    tags: tuple[str, ...]


@dataclass(frozen=True)
class SloganGroup:
    """A heading and its slogans; ``anchor`` is a stable fragment id."""

    anchor: str
    heading: str
    slogans: list[SloganView]


def _slogan_view(renderer: LocaleRenderer, pick: TextPicker, slogan: Slogan) -> SloganView:
    shown = pick(slogan.text)
    translations = [
        (site_locale.code, renderer.language_name(site_locale.code), written)
        for site_locale in LOCALES
        if (written := slogan.text.get(site_locale.code)) and site_locale.code != shown.lang
    ]
    return SloganView(shown, translations, tuple(slogan.tags))


def build_slogan_groups(renderer: LocaleRenderer, slogans: SloganFile, pick: TextPicker) -> list[SloganGroup]:
    """Theme years newest first, then the other slogans by their first tag, tags in order of first use."""
    by_year: dict[int, list[SloganView]] = {}
    by_tag: dict[str, list[SloganView]] = {}
    for slogan in slogans.slogans:
        view = _slogan_view(renderer, pick, slogan)
        if slogan.theme_year:
            by_year.setdefault(slogan.theme_year, []).append(view)
        else:
            by_tag.setdefault(slogan.tags[0] if slogan.tags else "", []).append(view)
    groups = [
        SloganGroup(f"theme-{year}", renderer.gettext("World Blood Donor Day %(year)s theme") % {"year": year}, by_year[year])
        for year in sorted(by_year, reverse=True)
    ]
    for tag, views in by_tag.items():
        heading = renderer.gettext(TAG_LABELS[tag]) if tag in TAG_LABELS else (f"#{tag}" if tag else renderer.gettext("Other slogans"))
        groups.append(SloganGroup(f"tag-{tag or 'other'}", heading, views))
    return groups
