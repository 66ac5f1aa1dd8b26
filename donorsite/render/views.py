"""Plain, already-localised data for templates: Python decides, Jinja draws.

A view holds formatted strings (dates, volumes, percentages computed from
targets) and ``LocalText`` values that know their language and origin, so
that templates contain markup only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from markupsafe import Markup

from donorsite.addresses import QR_CODE_FILE, campaign_page_address, event_calendar_url
from donorsite.loading import CampaignEntry
from donorsite.localize.picking import TextPicker, TranslationNotes, translation_notes
from donorsite.localize.texts import LocalText, TextOrigin
from donorsite.model.campaign import Campaign, CampaignKind, CampaignStatus, Event, Measures, Recipient, RecipientKind
from donorsite.options import SiteOptions
from donorsite.render.charts import Bar, bar_chart
from donorsite.render.context import LocaleRenderer
from donorsite.render.eligibility_view import EligibilityView, build_eligibility_view
from donorsite.render.labels import (
    AWARD_LABELS,
    KIND_LABELS,
    MEASURE_LABELS,
    ROLE_LABELS,
    STATUS_LABELS,
    VOLUME_MEASURES,
)
from donorsite.render.maps import MapLink, map_links, venue_country
from donorsite.render.markdown_text import render_markdown
from donorsite.render.sharing import ShareLink, share_links
from donorsite.render.time_view import TimeStateView, build_time_state
from donorsite.timing import TimeState, campaign_span


@dataclass(frozen=True)
class ScheduleRow:
    time: str
    activity: LocalText


@dataclass(frozen=True)
class EventView:
    title: LocalText | None
    date_text: str
    iso_date: str
    time_text: str | None
    timezone_text: str
    venue_name: LocalText
    venue_address: LocalText | None
    venue_city: LocalText
    map_links: list[MapLink]
    calendar_file: str
    schedule: list[ScheduleRow]
    route: list[LocalText]
    bring: list[LocalText]
    rules: list[LocalText]
    notes: list[LocalText]
    disclaimer: list[LocalText]


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
    label: LocalText
    value: str


@dataclass(frozen=True)
class StatisticsView:
    figures: list[FigureView]
    award_name: LocalText | None
    awards: list[tuple[str, str]]
    award_total: str | None


@dataclass(frozen=True)
class OrganiserView:
    role: str
    name: LocalText
    url: str | None


@dataclass(frozen=True)
class CampaignView:
    """Everything a campaign page shows, in one locale."""

    id: str
    kind_label: str
    status: str
    status_label: str
    year: str
    title: LocalText
    summary: LocalText
    theme: LocalText | None
    body: Markup | None
    date_text: str | None
    events: list[EventView]
    measures: list[MeasureRow]
    honour_rolls: list[HonourRollView]
    statistics: StatisticsView | None
    organisers: list[OrganiserView]
    contact_name: LocalText | None
    contact_phone: str | None
    contact_email: str | None
    contact_url: str | None
    registration: str | None
    links: list[str]
    time_state: TimeStateView | None = None
    has_results: bool = False
    images: list[tuple[str, LocalText]] = field(default_factory=list)
    notes: TranslationNotes = field(default=TranslationNotes("", ""))
    address: str = ""
    updated_text: str = ""
    updated_iso: str = ""
    eligibility: EligibilityView | None = None
    qr_code_src: str = QR_CODE_FILE
    qr_code_alt: str = ""
    share_links: list[ShareLink] = field(default_factory=list)
    results_chart: Markup | None = None
    statistics_charts: list[Markup] = field(default_factory=list)


def mask_person_name(name: str) -> str:
    """A person's name with its middle hidden: 褚宏燕 → 褚*燕, 陸衛 → 陸*, Nguyễn Văn An → Nguyễn * An."""
    words = name.split()
    if len(words) > 1:
        return " ".join([words[0], *("*" for _ in words[1:-1]), words[-1]]) if len(words) > 2 else f"{words[0]} *"
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def _masked(text: LocalText) -> LocalText:
    return LocalText(mask_person_name(text.text), text.lang, text.origin)


def _recipient(pick: TextPicker, recipient: Recipient) -> tuple[LocalText, LocalText | None]:
    name = pick(recipient.name)
    return (_masked(name) if recipient.mask_name else name), pick.optional(recipient.affiliation)


def _place(pick: TextPicker, event: Event) -> str:
    """The venue as one line for a map search: name, address, city."""
    venue = event.venue
    parts = [pick(venue.name).text, *([pick(venue.address).text] if venue.address else []), pick(venue.city).text]
    return ", ".join(parts)


def _event_view(pick: TextPicker, entry: CampaignEntry, index: int, event: Event) -> EventView:
    formatter = pick.renderer.formatter
    time_text = formatter.time_range(event.start, event.end) if event.start else None
    calendar_file = event_calendar_url(pick.renderer.site_locale, entry.id, index).rsplit("/", 1)[-1]
    return EventView(
        title=pick.optional(event.title),
        date_text=formatter.date_range(event.date, event.last_date),
        iso_date=event.date.isoformat(),
        time_text=time_text,
        timezone_text=formatter.zone_name(event.timezone),
        venue_name=pick(event.venue.name),
        venue_address=pick.optional(event.venue.address),
        venue_city=pick(event.venue.city),
        map_links=map_links(event.venue, event.timezone, _place(pick, event)),
        calendar_file=calendar_file,
        schedule=[ScheduleRow(formatter.time_range(item.time, item.end), pick(item.activity)) for item in event.schedule],
        route=[pick(stop.name) for stop in event.route],
        bring=[pick(text) for text in event.bring],
        rules=[pick(text) for text in event.rules],
        notes=[pick(text) for text in event.notes],
        disclaimer=[pick(text) for text in event.disclaimer],
    )


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


def _statistics_view(pick: TextPicker, campaign: Campaign) -> StatisticsView | None:
    statistics = campaign.statistics
    if statistics is None:
        return None
    formatter = pick.renderer.formatter
    figures = []
    for figure in statistics.figures:
        value = {
            "percent": lambda v: formatter.percent(v / 100),
            "ml": formatter.volume,
            "hours": formatter.hours,
        }.get(figure.unit.value, formatter.number)(figure.value)
        figures.append(FigureView(pick(figure.label), value))
    awards = [(pick.renderer.gettext(AWARD_LABELS[award.grade]), formatter.number(award.count)) for award in statistics.awards]
    total = formatter.number(sum(award.count for award in statistics.awards)) if statistics.awards else None
    return StatisticsView(figures, pick.optional(statistics.award_name), awards, total)


def _campaign_date_text(pick: TextPicker, campaign: Campaign) -> str | None:
    formatter = pick.renderer.formatter
    if campaign.events:
        return formatter.date_range(campaign.events[0].date, max(event.last_date for event in campaign.events))
    if campaign.published:
        return formatter.short_date(campaign.published)
    return None


def results_chart(renderer: LocaleRenderer, chart_id: str, rows: list[MeasureRow]) -> Markup | None:
    """A bar chart of results against targets, for the rows that have both; None if none has."""
    gettext = renderer.gettext
    compared = [row for row in rows if row.target_value and row.result_value is not None]
    if not compared:
        return None
    bars, sentences = [], []
    for row in compared:
        assert row.target_value is not None and row.result_value is not None
        label = str(row.label)
        note = gettext("Target %(target)s, %(share)s reached") % {"target": row.target, "share": row.share_of_target}
        bars.append(Bar(label, row.result_value, row.result or "", max(row.result_value, row.target_value), note, row.target_value))
        sentences.append(
            gettext("%(measure)s: %(result)s against a target of %(target)s (%(share)s)")
            % {"measure": label, "result": row.result, "target": row.target, "share": row.share_of_target}
        )
    description = renderer.formatter.items(sentences)
    return bar_chart(chart_id, gettext("Results against targets"), description, bars)


def _statistics_charts(pick: TextPicker, campaign: Campaign, view: StatisticsView | None) -> list[Markup]:
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
        charts.append(bar_chart("chart-awards", title, description, bars))
    percents = [
        (figure_view, figure)
        for figure_view, figure in zip(view.figures, statistics.figures, strict=True)
        if figure.unit.value == "percent"
    ]
    if percents:
        bars = [Bar(str(figure_view.label), figure.value, figure_view.value, 100.0) for figure_view, figure in percents]
        description = pick.renderer.formatter.items([pick.renderer.labelled_text(bar.label, bar.value_text) for bar in bars])
        charts.append(bar_chart("chart-percentages", gettext("Figures in per cent"), description, bars))
    return charts


# Who-may-donate rules matter to readers before a drive, not after it or in a report.
_DONATION_KINDS = frozenset({CampaignKind.BLOOD_DRIVE, CampaignKind.WORLD_BLOOD_DONOR_DAY, CampaignKind.AWARENESS_EVENT})


def _still_to_come(campaign: Campaign, options: SiteOptions) -> bool:
    """Whether the campaign has events, is not cancelled and had not ended by the build date."""
    span = campaign_span(campaign)
    return span is not None and campaign.status is not CampaignStatus.CANCELLED and span.state_on(options.today) is not TimeState.ENDED


def _eligibility(renderer: LocaleRenderer, campaign: Campaign, options: SiteOptions) -> EligibilityView | None:
    if campaign.kind not in _DONATION_KINDS or not _still_to_come(campaign, options):
        return None
    first = campaign.events[0]
    country = venue_country(first.venue, first.timezone)
    rule = options.eligibility.get(country) if country else None
    return build_eligibility_view(renderer, country, rule) if country and rule else None


def build_campaign_view(renderer: LocaleRenderer, entry: CampaignEntry, options: SiteOptions) -> CampaignView:
    """The view of one campaign for the renderer's locale."""
    campaign = entry.campaign
    pick = TextPicker(renderer, campaign.source_language)
    gettext = renderer.gettext
    contact = campaign.contact
    view = CampaignView(
        id=entry.id,
        kind_label=gettext(KIND_LABELS[campaign.kind]),
        status=campaign.status.value,
        status_label=gettext(STATUS_LABELS[campaign.status]),
        year=str(campaign.year),
        title=pick(campaign.title),
        summary=pick(campaign.summary),
        theme=pick.optional(campaign.theme),
        body=None,
        date_text=_campaign_date_text(pick, campaign),
        events=[_event_view(pick, entry, index, event) for index, event in enumerate(campaign.events)],
        measures=measure_rows(pick, campaign.targets, campaign.results),
        honour_rolls=[
            HonourRollView(
                pick(roll.title),
                roll.recipients_are is RecipientKind.PEOPLE,
                [_recipient(pick, recipient) for recipient in roll.recipients],
            )
            for roll in campaign.honour_rolls
        ],
        statistics=_statistics_view(pick, campaign),
        organisers=[
            OrganiserView(gettext(ROLE_LABELS[organiser.role]), pick(organiser.name), organiser.url) for organiser in campaign.organisers
        ],
        contact_name=pick.optional(contact.name) if contact else None,
        contact_phone=contact.phone if contact else None,
        contact_email=contact.email if contact else None,
        contact_url=contact.url if contact else None,
        # The sign-up link is gone once the campaign has ended or was cancelled; the browser also hides it at the end.
        registration=campaign.registration if (_still_to_come(campaign, options) or not campaign.events) else None,
        links=list(campaign.links),
        images=[(image.src, pick(image.alt)) for image in campaign.images],
        time_state=build_time_state(renderer, campaign_span(campaign), campaign.status, options.today),
        has_results=campaign.results is not None,
    )
    body = pick.optional(campaign.body)
    rendered_body = _render_body(body) if body else None
    address = campaign_page_address(options.base_url, renderer.site_locale, entry.id)
    return replace(
        view,
        body=rendered_body,
        notes=translation_notes(pick),
        address=address,
        updated_text=renderer.formatter.short_date(entry.known_update) if entry.known_update else "",
        updated_iso=entry.known_update.isoformat() if entry.known_update else "",
        eligibility=_eligibility(renderer, campaign, options),
        qr_code_alt=renderer.gettext("QR code of this page's address"),
        share_links=share_links(address, view.title.text, renderer.site_locale.code),
        results_chart=results_chart(renderer, "chart-results", view.measures),
        statistics_charts=_statistics_charts(pick, campaign, view.statistics),
    )


def _render_body(body: LocalText) -> Markup:
    html = render_markdown(body.text)
    if body.origin is TextOrigin.FALLBACK:
        return Markup('<div lang="{}">').format(body.lang) + html + Markup("</div>")
    return html


@dataclass(frozen=True)
class CampaignSummaryView:
    """A campaign as a listing shows it."""

    id: str
    title: LocalText
    summary: LocalText
    kind_label: str
    status: str
    status_label: str
    date_text: str | None
    sort_date: date
    year: int
    cities: tuple[str, ...] = ()
    time_state: TimeStateView | None = None

    @property
    def when(self) -> str:
        """``upcoming`` or ``past`` as of the build date; a campaign without events (a report) is past."""
        return self.time_state.when if self.time_state else "past"


def build_campaign_summary(renderer: LocaleRenderer, entry: CampaignEntry, build_date: date) -> tuple[CampaignSummaryView, TextPicker]:
    """The listing entry of one campaign, with the picker that knows which of its texts fell back."""
    campaign = entry.campaign
    entry_pick = TextPicker(renderer, campaign.source_language)
    summary = CampaignSummaryView(
        id=entry.id,
        title=entry_pick(campaign.title),
        summary=entry_pick(campaign.summary),
        kind_label=renderer.gettext(KIND_LABELS[campaign.kind]),
        status=campaign.status.value,
        status_label=renderer.gettext(STATUS_LABELS[campaign.status]),
        date_text=_campaign_date_text(entry_pick, campaign),
        sort_date=campaign.sort_date,
        year=campaign.year,
        cities=tuple(dict.fromkeys(entry_pick(event.venue.city).text for event in campaign.events)),
        time_state=build_time_state(renderer, campaign_span(campaign), campaign.status, build_date),
    )
    return summary, entry_pick
