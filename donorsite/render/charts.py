"""Bar charts drawn at build time as inline, accessible SVG (no script, no outside host).

Every number drawn is also written as text inside the SVG, the chart has a
title and a description that state the figures, and pages show the same
numbers in a table.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 320
LABEL_SIZE = 13
ROW_HEIGHT = 58
BAR_HEIGHT = 16


@dataclass(frozen=True)
class Bar:
    """One bar: ``value`` drawn against ``scale``; ``reference`` (a target) is marked when given."""

    label: str
    value: float
    value_text: str
    scale: float
    note: str = ""
    reference: float | None = None


def _text_width(text: str, size: float) -> float:
    """Rough width of ``text`` in SVG units: wide (CJK) characters count double."""
    return sum(size if unicodedata.east_asian_width(char) in "WF" else size * 0.56 for char in text)


def _fitted_size(text: str, room: float) -> float:
    """A font size at which ``text`` fits in ``room``, at most the label size."""
    width = _text_width(text, LABEL_SIZE)
    return LABEL_SIZE if width <= room else max(8.0, round(LABEL_SIZE * room / width, 1))


def _bar_markup(bar: Bar, top: float) -> Markup:
    room = WIDTH - 8
    share = 0.0 if bar.scale <= 0 else min(bar.value / bar.scale, 1.0)
    length = max(round(room * share, 1), 1.0)
    parts = [
        Markup('<text class="chart__label" x="0" y="{}" font-size="{}">{}</text>').format(
            top + LABEL_SIZE, _fitted_size(bar.label, room), bar.label
        ),
        Markup('<rect class="chart__bar" x="0" y="{}" width="{}" height="{}" rx="2"></rect>').format(top + 18, length, BAR_HEIGHT),
    ]
    if bar.reference is not None and bar.scale > 0:
        marker = round(room * min(bar.reference / bar.scale, 1.0), 1)
        parts.append(Markup('<line class="chart__target" x1="{0}" x2="{0}" y1="{1}" y2="{2}"></line>').format(marker, top + 14, top + 38))
    detail = f"{bar.value_text}  {bar.note}".strip()
    parts.append(
        Markup('<text class="chart__value" x="0" y="{}" font-size="{}">{}</text>').format(top + 50, _fitted_size(detail, room), detail)
    )
    return Markup("").join(parts)


def bar_chart(chart_id: str, title: str, description: str, bars: list[Bar], unit: str) -> Markup:
    """An SVG of ``bars`` one under another; ``title`` and ``description`` are its text alternative.

    Every bar of one chart measures the same kind of quantity in the same ``unit``
    (people, percent…), written in ``data-unit`` so that tests and readers' tools can tell.
    """
    height = ROW_HEIGHT * len(bars)
    rows = Markup("").join(_bar_markup(bar, index * ROW_HEIGHT) for index, bar in enumerate(bars))
    return Markup(
        '<svg class="chart" id="{id}" data-unit="{unit}" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{rows}</svg>'
    ).format(id=chart_id, w=WIDTH, h=height, title=escape(title), desc=escape(description), rows=rows, unit=unit)
