"""The locales the site is published in: the one place to add a language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from babel import Locale
from babel.core import get_global, parse_locale


@dataclass(frozen=True)
class SiteLocale:
    """One published language of the site.

    ``code`` is the BCP 47 tag used in YAML keys and ``<html lang>``;
    ``prefix`` is the URL folder; ``material_language`` names the
    mkdocs-material partial that supplies the theme's interface labels.
    """

    code: str
    prefix: str
    material_language: str
    native_name: str
    default_time_zone: str
    # The other Chinese script a missing text can be converted from with OpenCC.
    convertible_from: str | None = None
    # Where a reader of this locale would rather read a missing text, best first:
    # the other Chinese script (converted) before English before Vietnamese
    # for Chinese readers; English before Chinese for Vietnamese readers.
    fallback_order: tuple[str, ...] = ()
    # The apps its readers share with, most used first (names of ``render/sharing.py``'s share links).
    share_apps: tuple[str, ...] = ("whatsapp", "facebook", "x")

    @cached_property
    def babel(self) -> Locale:
        """The Babel locale (``zh-Hant`` needs ``sep='-'`` to parse)."""
        return Locale.parse(self.code, sep="-")

    @cached_property
    def og_locale(self) -> str:
        """The ``language_TERRITORY`` form Open Graph uses (``zh_CN``, ``vi_VN``), from CLDR's likely subtags."""
        likely = get_global("likely_subtags")
        full = Locale.parse(likely.get(str(self.babel)) or likely.get(self.babel.language) or str(self.babel))
        return f"{full.language}_{full.territory}" if full.territory else full.language

    @property
    def catalog_id(self) -> str:
        """Folder name of this locale's gettext catalog (``zh_Hant``)."""
        return str(self.babel)


LOCALES: tuple[SiteLocale, ...] = (
    SiteLocale(
        "zh-Hans", "zh-hans", "zh-Hans", "简体中文", "Asia/Shanghai",
        convertible_from="zh-Hant",
        fallback_order=("zh-Hant", "en", "vi"),
        # LINE and WhatsApp are blocked in mainland China, where WeChat and Weibo are used.
        share_apps=("wechat", "weibo"),
    ),
    # overrides/partials/languages/zh-Hant.html serves Material's zh-TW (Taiwan) labels:
    # Material's own zh-Hant file mixes in Simplified characters (个) and mainland words.
    SiteLocale(
        "zh-Hant", "zh-hant", "zh-Hant", "繁體中文", "Asia/Taipei",
        convertible_from="zh-Hans",
        fallback_order=("zh-Hans", "en", "vi"),
        share_apps=("line", "facebook"),
    ),
    SiteLocale(
        "vi", "vi", "vi", "Tiếng Việt", "Asia/Ho_Chi_Minh",
        fallback_order=("en", "zh-Hans", "zh-Hant"),
        share_apps=("zalo", "facebook"),
    ),
    # English readers get Vietnamese (Latin letters: names and places stay legible) before Chinese.
    SiteLocale("en", "en", "en", "English", "Asia/Shanghai", fallback_order=("vi", "zh-Hans", "zh-Hant")),
)  # fmt: skip

# The locale that "/" leads to unless mkdocs.yml names another (extra.donorsite.default_locale).
DEFAULT_LOCALE = "zh-Hans"

# For code and tests that need the list itself (e.g. ``pytest.mark.parametrize``).
LOCALE_CODES: tuple[str, ...] = tuple(locale.code for locale in LOCALES)
LOCALE_PREFIXES: tuple[str, ...] = tuple(locale.prefix for locale in LOCALES)
_BY_CODE = {locale.code: locale for locale in LOCALES}
_BY_PREFIX = {locale.prefix: locale for locale in LOCALES}


def get_locale(code: str) -> SiteLocale:
    """Return the site locale for a BCP 47 code such as ``zh-Hant``.

    Raises ``KeyError`` for a code the site does not publish.
    """
    return _BY_CODE[code]


def locale_for_prefix(prefix: str) -> SiteLocale | None:
    """Return the locale whose URL folder is ``prefix``, or None."""
    return _BY_PREFIX.get(prefix)


def browser_tag_aliases() -> dict[str, str]:
    """Browser language tags that mean a site locale with a script, lowercased, from CLDR's likely subtags.

    A reader whose browser says ``zh-TW`` or ``zh-HK`` reads Traditional
    Chinese; plain ``zh`` means Simplified. Tags of other locales need no alias
    (``vi-VN`` is found by its language).

    >>> aliases = browser_tag_aliases()
    >>> aliases["zh-tw"], aliases["zh-hk"], aliases["zh"]
    ('zh-hant', 'zh-hant', 'zh-hans')
    """
    likely = get_global("likely_subtags")
    aliases = {}
    for site_locale in LOCALES:
        language, script = site_locale.babel.language, site_locale.babel.script
        if not script:
            continue
        for tag, full in sorted(likely.items()):
            if tag.split("_")[0] == language and parse_locale(full)[2] == script and tag != str(site_locale.babel):
                aliases[tag.replace("_", "-").lower()] = site_locale.code.lower()
    return aliases
