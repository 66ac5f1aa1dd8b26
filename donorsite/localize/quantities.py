"""Reported figures written the locale's way: a number with its unit and how exact it is.

A report's "about 140 people" is 约140人 in Chinese and "khoảng 140 người" in
Vietnamese; the qualifiers and units come from the label catalogs.
"""

from __future__ import annotations

from donorsite.localize.formatting import HOURS, LITRE_THRESHOLD_ML, LITRES, MILLILITRES, N_, LocaleFormatter

# A reported number's qualifier, keyed by the model's values (FigureQualifier). Chinese puts
# 多 after a count (1万多人) but 超过 before a share (超过70%), hence two tables.
COUNT_QUALIFIERS: dict[str, str] = {
    "about": N_("about %(value)s"),
    "more-than": N_("more than %(value)s"),
    "at-least": N_("at least %(value)s"),
    "fewer-than": N_("fewer than %(value)s"),
}
SHARE_QUALIFIERS: dict[str, str] = {
    "about": N_("about %(value)s"),
    "more-than": N_("above %(value)s"),
    "at-least": N_("at least %(value)s"),
    "fewer-than": N_("below %(value)s"),
}
# Marks where the number sits in a formatted quantity, so that a page can set the number apart.
_NUMBER_MARK = "\ue000"


def _pattern(formatter: LocaleFormatter, message: str, **values: str) -> str:
    return formatter.translations.gettext(message) % values


def _unit_pattern(formatter: LocaleFormatter, unit: str, value: float) -> str:
    # A fraction takes the plural in English ("1.5 people" does not occur, but stays grammatical).
    count = int(value) if float(value).is_integer() else 2
    if unit == "people":
        return formatter.translations.ngettext("%(value)s person", "%(value)s people", count)
    if unit == "donations":
        return formatter.translations.ngettext("%(value)s donation", "%(value)s donations", count)
    if unit == "hours":
        return formatter.translations.gettext(HOURS)
    return "%(value)s"


def quantity_parts(formatter: LocaleFormatter, value: float, unit: str, qualifier: str | None = None) -> tuple[str, str, str]:
    """A reported figure as (words before the number, the number, words after it), with its unit and qualifier.

    ``unit`` is a figure unit (count, people, donations, ml, percent, hours);
    ``qualifier`` is about, more-than, at-least or fewer-than.

    >>> from donorsite.localize.formatting import formatter_for
    >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
    ...     f = formatter_for(code)
    ...     print(code, "|".join(quantity_parts(f, 140, "people", "about")), "|".join(quantity_parts(f, 10000, "people", "more-than")))
    zh-Hans 约|140|人 |1万|多人
    zh-Hant 約|140|人 |1萬|多人
    vi khoảng |140| người hơn |10.000| người
    en about |140| people more than |10,000| people
    """
    if unit == "percent":
        number = formatter.percent(value / 100)
    elif unit == "ml":
        litres = value >= LITRE_THRESHOLD_ML and not formatter.uses_myriads
        number = formatter.number(round(value / 1000, 1) if litres else value)
    else:
        number = formatter.number(value)
    text = _NUMBER_MARK
    if qualifier:
        qualifiers = SHARE_QUALIFIERS if unit == "percent" else COUNT_QUALIFIERS
        text = _pattern(formatter, qualifiers[qualifier], value=text)
    if unit == "ml":
        text = _pattern(formatter, LITRES if litres else MILLILITRES, value=text)
    elif unit != "percent":
        text = _unit_pattern(formatter, unit, value) % {"value": text}
    before, after = text.split(_NUMBER_MARK)
    return before, number, after


def quantity(formatter: LocaleFormatter, value: float, unit: str, qualifier: str | None = None) -> str:
    """A reported figure as one text: ``约140人``, ``more than 10,000 people``, ``khoảng 72,7%``.

    >>> from donorsite.localize.formatting import formatter_for
    >>> for code in ("zh-Hans", "zh-Hant", "vi", "en"):
    ...     f = formatter_for(code)
    ...     print(code, quantity(f, 700, "count", "more-than"), quantity(f, 72.7, "percent", "about"), quantity(f, 9, "count", "at-least"))
    zh-Hans 700多 约72.7% 至少9
    zh-Hant 700多 約72.7% 至少9
    vi hơn 700 khoảng 72,7% ít nhất 9
    en more than 700 about 72.7% at least 9
    """
    return "".join(quantity_parts(formatter, value, unit, qualifier))
