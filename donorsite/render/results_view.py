"""Results of a campaign as a page shows them: targets against results, honour rolls, figures and their charts."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from donorsite.localize.picking import TextPicker
from donorsite.localize.quantities import quantity_parts
from donorsite.localize.texts import LocalText
from donorsite.model.campaign import Campaign
from donorsite.model.results import Measures, Recipient
from donorsite.render.charts import Bar, bar_chart
from donorsite.render.context import LocaleRenderer
from donorsite.render.labels import AWARD_LABELS, MEASURE_LABELS, VOLUME_MEASURES


@dataclass(frozen=True)
class MeasureRow:
    label: LocalText | str
    target: str | None
    result: str | None
    share_of_target: str | None
    target_value: int | None = None
    result_value: int | None = None


@dataclass(frozen=True)
class HonourRollView:
    title: LocalText
    recipients_are_people: bool
    recipients: list[tuple[LocalText, LocalText | None]]


@dataclass(frozen=True)
class FigureView:
    """One figure as a stat tile: the number set apart from its qualifier and unit words."""

    label: LocalText
    before: str
    number: str
    after: str
    unit: str
    comparison: LocalText | None = None

    @property
    def value(self) -> str:
        """The whole figure as one text: ``约140人``, ``more than 10,000 people``."""
        return self.before + self.number + self.after


@dataclass(frozen=True)
class FigureGroup:
    """Figures the editor grouped under one heading (``title``), or ungrouped ones (no title)."""

    title: LocalText | None
    figures: list[FigureView]


@dataclass(frozen=True)
class StatisticsView:
    figures: list[FigureView]
    award_name: LocalText | None
    awards: list[tuple[str, str]]
    award_total: str | None
    figure_groups: list[FigureGroup] = field(default_factory=list)


def mask_person_name(name: str) -> str:
    """A person's name with its middle hidden, for honour rolls that ask for it (``mask_name: true``).

    A name of several words keeps its first and last word; a name written
    without spaces (Chinese) keeps its first and last character.

    >>> for name in ("褚宏燕", "陸衛", "Nguyễn Văn An", "Nguyễn An", "Lan", "衛"):
    ...     print(mask_person_name(name))
    褚*燕
    陸*
    Nguyễn * An
    Nguyễn *
    L*n
    *
    """
    words = name.split()
    if len(words) > 1:
        return " ".join([words[0], *("*" for _ in words[1:-1]), words[-1]]) if len(words) > 2 else f"{words[0]} *"
    if len(name) <= 1:
        return "*"  # a one-letter name shown as written would not be masked at all
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def _masked(text: LocalText) -> LocalText:
    return LocalText(mask_person_name(text.text), text.lang, text.origin)


def recipient_names(pick: TextPicker, recipient: Recipient) -> tuple[LocalText, LocalText | None]:
    name = pick(recipient.name)
    return (_masked(name) if recipient.mask_name else name), pick.optional(recipient.affiliation)


def _format_measure(pick: TextPicker, key: str, value: int | None) -> str | None:
    if value is None:
        return None
    formatter = pick.renderer.formatter
    return formatter.volume(value) if key in VOLUME_MEASURES else formatter.number(value)


def _share(pick: TextPicker, target: int | None, result: int | None) -> str | None:
    if not target or result is None:
        return None
    return pick.renderer.formatter.percent(result / target)


def measure_rows(pick: TextPicker, targets: Measures | None, results: Measures | None) -> list[MeasureRow]:
    """Rows of targets and results; the share of target is computed, never typed."""
    gettext = pick.renderer.gettext
    rows = []
    for key, label in MEASURE_LABELS.items():
        target = getattr(targets, key) if targets else None
        result = getattr(results, key) if results else None
        if target is None and result is None:
            continue
        rows.append(
            MeasureRow(
                gettext(label),
                _format_measure(pick, key, target),
                _format_measure(pick, key, result),
                _share(pick, target, result),
                target,
                result,
            )
        )
    other_targets = {measure.key: measure for measure in (targets.other if targets else [])}
    other_results = {measure.key: measure for measure in (results.other if results else [])}
    for key in [*other_targets, *(k for k in other_results if k not in other_targets)]:
        target_measure, result_measure = other_targets.get(key), other_results.get(key)
        labelled = result_measure or target_measure
        assert labelled is not None
        target_value = target_measure.value if target_measure else None
        result_value = result_measure.value if result_measure else None
        rows.append(
            MeasureRow(
                pick(labelled.label),
                _format_measure(pick, key, target_value),
                _format_measure(pick, key, result_value),
                _share(pick, target_value, result_value),
                target_value,
                result_value,
            )
        )
    return rows


def statistics_view(pick: TextPicker, campaign: Campaign) -> StatisticsView | None:
    statistics = campaign.statistics
    if statistics is None:
        return None
    formatter = pick.renderer.formatter
    figures = []
    groups: list[FigureGroup] = []
    for figure in statistics.figures:
        qualifier = figure.qualifier.value if figure.qualifier else None
        before, number, after = quantity_parts(formatter, figure.value, figure.unit.value, qualifier)
        view = FigureView(pick(figure.label), before, number, after, figure.unit.value, pick.optional(figure.comparison))
        figures.append(view)
        title = pick.optional(figure.group)
        if groups and groups[-1].title == title:
            groups[-1].figures.append(view)
        else:
            groups.append(FigureGroup(title, [view]))
    awards = [(pick.renderer.gettext(AWARD_LABELS[award.grade]), formatter.number(award.count)) for award in statistics.awards]
    total = formatter.number(sum(award.count for award in statistics.awards)) if statistics.awards else None
    return StatisticsView(figures, pick.optional(statistics.award_name), awards, total, groups)


def results_chart(renderer: LocaleRenderer, chart_id: str, rows: list[MeasureRow]) -> Markup | None:
    """A bar chart of the share of each target reached, for the rows that have both; None if none has.

    Counts and volumes are never drawn side by side: every bar is a share of its target
    (one unit, per cent), the target being the line at 100 %.
    """
    gettext = renderer.gettext
    compared = [row for row in rows if row.target_value and row.result_value is not None]
    if not compared:
        return None
    shares = {id(row): 100 * (row.result_value or 0) / (row.target_value or 1) for row in compared}
    scale = max(100.0, *shares.values())
    bars, sentences = [], []
    for row in compared:
        label = str(row.label)
        note = gettext("%(result)s of a target of %(target)s") % {"result": row.result, "target": row.target}
        bars.append(Bar(label, shares[id(row)], row.share_of_target or "", scale, note, 100.0))
        sentences.append(
            gettext("%(measure)s: %(result)s against a target of %(target)s (%(share)s)")
            % {"measure": label, "result": row.result, "target": row.target, "share": row.share_of_target}
        )
    description = renderer.formatter.items(sentences)
    return bar_chart(chart_id, gettext("Share of target reached"), description, bars, "percent")


def statistics_charts(pick: TextPicker, campaign: Campaign, view: StatisticsView | None) -> list[Markup]:
    """Charts of a report: awards by grade, and figures given as percentages."""
    statistics = campaign.statistics
    if statistics is None or view is None:
        return []
    gettext = pick.renderer.gettext
    charts = []
    if statistics.awards:
        largest = max(award.count for award in statistics.awards)
        bars = [Bar(label, award.count, count, largest) for (label, count), award in zip(view.awards, statistics.awards, strict=True)]
        title = str(view.award_name) if view.award_name else gettext("Awards")
        description = pick.renderer.formatter.items([pick.renderer.labelled_text(bar.label, bar.value_text) for bar in bars])
        charts.append(bar_chart("chart-awards", title, description, bars, "people"))
    percents = [
        (figure_view, figure)
        for figure_view, figure in zip(view.figures, statistics.figures, strict=True)
        if figure.unit.value == "percent"
    ]
    if percents:
        bars = [Bar(str(figure_view.label), figure.value, figure_view.value, 100.0) for figure_view, figure in percents]
        description = pick.renderer.formatter.items([pick.renderer.labelled_text(bar.label, bar.value_text) for bar in bars])
        charts.append(bar_chart("chart-percentages", gettext("Figures in per cent"), description, bars, "percent"))
    return charts
