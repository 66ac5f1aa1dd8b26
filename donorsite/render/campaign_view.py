"""The campaign page as plain, already-localised data: Python decides, Jinja draws.

A view holds formatted strings (dates, volumes, percentages computed from
targets) and ``LocalText`` values that know their language and origin, so
that templates contain markup only. Results and figures are in
``results_view``; the campaign as a listing shows it in ``summary_view``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from markupsafe import Markup

from donorsite.content.loading import CampaignEntry
from donorsite.content.options import SiteOptions
from donorsite.core.addresses import QR_CODE_FILE, campaign_page_address, event_calendar_url
from donorsite.localize.picking import TextPicker, TranslationNotes, campaign_picker, translation_notes
from donorsite.localize.texts import LocalText, TextOrigin
from donorsite.model.campaign import Campaign, CampaignKind, CampaignStatus
from donorsite.model.event import Event
from donorsite.model.results import RecipientKind
from donorsite.model.timing import TimeState, campaign_span, event_span
from donorsite.render.context import LocaleRenderer
from donorsite.render.eligibility_view import EligibilityView, build_eligibility_view
from donorsite.render.labels import KIND_LABELS, ROLE_LABELS, shown_status_label
from donorsite.render.maps import MapLink, map_links, venue_country
from donorsite.render.markdown_text import render_markdown
from donorsite.render.results_view import (
    HonourRollView,
    MeasureRow,
    StatisticsView,
    measure_rows,
    recipient_names,
    results_chart,
    statistics_charts,
    statistics_view,
)
from donorsite.render.sessions_view import WhenLine, when_lines
from donorsite.render.sharing import ShareLink, share_links
from donorsite.render.summary_view import campaign_date_text
from donorsite.render.time_view import TimeStateView, build_time_state


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
    # None once the event has ended at build time; ``calendar_state`` lets the browser hide it at the end too.
    calendar_file: str | None
    schedule: list[ScheduleRow]
    route: list[LocalText]
    bring: list[LocalText]
    rules: list[LocalText]
    notes: list[LocalText]
    disclaimer: list[LocalText]
    calendar_state: TimeStateView | None = None
    # Each run of days with its hours: the event's own, then its further sessions.
    when: list[WhenLine] = field(default_factory=list)

    @property
    def has_details(self) -> bool:
        """Whether the event has a schedule, route or lists beyond the key facts shown at the top."""
        return bool(self.schedule or self.route or self.bring or self.rules or self.notes or self.disclaimer)


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
    # Drives link to the first-time donors' page and the self-check.
    is_drive: bool = False

    @property
    def events_with_details(self) -> list[EventView]:
        """The events that have more to show than the key-facts block at the top of the page."""
        return [event for event in self.events if event.has_details]


def _place(pick: TextPicker, event: Event) -> str:
    """The venue as one line for a map search: name, address, city."""
    venue = event.venue
    parts = [pick(venue.name).text, *([pick(venue.address).text] if venue.address else []), pick(venue.city).text]
    return ", ".join(parts)


def _event_view(pick: TextPicker, entry: CampaignEntry, index: int, event: Event, today: date) -> EventView:
    formatter = pick.renderer.formatter
    when = when_lines(pick.renderer, event)
    time_text = when[0].time_text
    calendar_state = build_time_state(pick.renderer, event_span(event), entry.campaign.status, today)  # type: ignore[arg-type]
    # Like the sign-up, "add to calendar" goes once the event is over: a past date in a calendar helps nobody.
    ended = calendar_state is not None and calendar_state.ended
    calendar_file = None if ended else event_calendar_url(pick.renderer.site_locale, entry.id, index).rsplit("/", 1)[-1]
    return EventView(
        title=pick.optional(event.title),
        date_text=when[0].date_text if len(when) == 1 else formatter.date_range(event.date, event.last_date),
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
        calendar_state=calendar_state,
        when=when,
    )


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
    pick = campaign_picker(renderer, campaign)
    gettext = renderer.gettext
    contact = campaign.contact
    view = CampaignView(
        id=entry.id,
        kind_label=gettext(KIND_LABELS[campaign.kind]),
        status=campaign.status.value,
        status_label=shown_status_label(gettext, campaign, options.today),
        year=str(campaign.year),
        title=pick(campaign.title),
        summary=pick(campaign.summary),
        theme=pick.optional(campaign.theme),
        body=None,
        date_text=campaign_date_text(pick, campaign),
        events=[_event_view(pick, entry, index, event, options.today) for index, event in enumerate(campaign.events)],
        measures=measure_rows(pick, campaign.targets, campaign.results),
        honour_rolls=[
            HonourRollView(
                pick(roll.title),
                roll.recipients_are is RecipientKind.PEOPLE,
                [recipient_names(pick, recipient) for recipient in roll.recipients],
            )
            for roll in campaign.honour_rolls
        ],
        statistics=statistics_view(pick, campaign),
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
        is_drive=campaign.kind in _DONATION_KINDS,
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
        statistics_charts=statistics_charts(pick, campaign, view.statistics),
    )


def _render_body(body: LocalText) -> Markup:
    html = render_markdown(body.text)
    if body.origin is TextOrigin.FALLBACK:
        return Markup('<div lang="{}">').format(body.lang) + html + Markup("</div>")
    return html
