"""What a locale's home page shows: the next World Blood Donor Day, this year's theme, what is coming up."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from donorsite.content.loading import CampaignEntry, SiteContent
from donorsite.content.rebuild_memory import RebuildMemory, kept
from donorsite.localize.picking import ItemLanguageTag, TextPicker, campaign_picker, item_language_tag
from donorsite.localize.texts import LocalText
from donorsite.model.campaign import CampaignKind, CampaignStatus
from donorsite.model.time_rules import countdown
from donorsite.model.timing import TimeState, campaign_span, event_span
from donorsite.render.context import LocaleRenderer
from donorsite.render.labels import shown_status_label
from donorsite.render.time_view import TimeStateView, build_time_state

WORLD_BLOOD_DONOR_DAY = (6, 14)
# The placeholder the countdown script replaces with the number of days.
DAYS_PLACEHOLDER = "{days}"


def next_world_blood_donor_day(today: date) -> date:
    """14 June of this year, or of next year once this year's has passed."""
    month, day = WORLD_BLOOD_DONOR_DAY
    _, year = countdown(today, month, day)
    return date(year, month, day)


@dataclass(frozen=True)
class CountdownView:
    """The countdown as built, plus the sentences the browser fills in with the days it counts itself."""

    iso_date: str
    date_text: str
    text: str
    text_one: str
    text_other: str
    text_today: str
    # The following year's day, written by the same rules, for the browser once the built day has passed.
    next_iso_date: str = ""
    next_date_text: str = ""


def build_countdown(renderer: LocaleRenderer, today: date) -> CountdownView:
    """The countdown to the next World Blood Donor Day, as of ``today``."""
    target = next_world_blood_donor_day(today)
    days = (target - today).days
    text_today = renderer.gettext("Today is World Blood Donor Day")
    built = text_today if days == 0 else _days_to_go(renderer, days, renderer.formatter.number(days))
    # Readers without scripts keep this text: say for which day it was counted.
    built = renderer.gettext("%(state)s (as of %(date)s)") % {"state": built, "date": renderer.formatter.short_date(today)}
    return CountdownView(
        target.isoformat(),
        renderer.formatter.date(target),
        built,
        _days_to_go(renderer, 1, DAYS_PLACEHOLDER),
        _days_to_go(renderer, 2, DAYS_PLACEHOLDER),
        text_today,
        target.replace(year=target.year + 1).isoformat(),
        renderer.formatter.date(target.replace(year=target.year + 1)),
    )


def _days_to_go(renderer: LocaleRenderer, count: int, shown: str) -> str:
    """The countdown sentence in the plural form for ``count``, with ``shown`` as the number."""
    message = renderer.translations.ngettext("%(days)s day to World Blood Donor Day", "%(days)s days to World Blood Donor Day", count)
    return message % {"days": shown}


@dataclass(frozen=True)
class UpcomingEventView:
    """One event still to come, as the home page lists it."""

    campaign_id: str
    title: LocalText
    event_title: LocalText | None
    date_text: str
    iso_date: str
    city: LocalText
    status: str
    status_label: str
    # The browser drops the item once the event has ended.
    time_state: TimeStateView | None = None
    # Set when the item's texts are in another language or converted.
    language_tag: ItemLanguageTag | None = None


def build_upcoming_events(
    renderer: LocaleRenderer, content: SiteContent, today: date, pick_for: dict[str, TextPicker]
) -> list[UpcomingEventView]:
    """Events that end on the build date or later, soonest first; ``pick_for`` collects each campaign's text picker."""
    upcoming = []
    for entry in content.campaigns:
        campaign = entry.campaign
        campaign_pick = pick_for.setdefault(entry.id, campaign_picker(renderer, campaign))
        for event in campaign.events:
            if event.last_date < today:
                continue
            # Each event gets its own picker so that its tag names only what it shows.
            pick = campaign_picker(renderer, campaign)
            item = UpcomingEventView(
                entry.id,
                pick(campaign.title),
                pick.optional(event.title),
                renderer.formatter.date_range(event.date, event.last_date),
                event.date.isoformat(),
                pick(event.venue.city),
                campaign.status.value,
                shown_status_label(renderer.gettext, campaign, today),
                build_time_state(renderer, event_span(event), campaign.status, today),
            )
            upcoming.append(replace(item, language_tag=item_language_tag(pick)))
            campaign_pick.absorb(pick)
    return sorted(upcoming, key=lambda item: (item.iso_date, item.campaign_id))


@dataclass(frozen=True)
class ThemeView:
    """A World Blood Donor Day theme and its year."""

    year: int
    text: LocalText


def build_theme(renderer: LocaleRenderer, content: SiteContent, today: date) -> ThemeView | None:
    """This year's World Blood Donor Day theme, else the latest one before it.

    A World Blood Donor Day campaign's ``theme`` wins over a slogan marked
    with ``theme_year``.
    """
    candidates: list[tuple[int, int, ThemeView]] = []
    for entry in content.campaigns:
        campaign = entry.campaign
        if campaign.kind is CampaignKind.WORLD_BLOOD_DONOR_DAY and campaign.theme and campaign.year <= today.year:
            text = campaign_picker(renderer, campaign)(campaign.theme)
            candidates.append((campaign.year, 1, ThemeView(campaign.year, text)))
    if content.slogans:
        pick = TextPicker(renderer, content.slogans.source_language)
        for slogan in content.slogans.slogans:
            if slogan.theme_year and slogan.theme_year <= today.year:
                candidates.append((slogan.theme_year, 0, ThemeView(slogan.theme_year, pick(slogan.text))))
    if not candidates:
        return None
    return max(candidates, key=lambda item: (item[0], item[1]))[2]


def _over(entry: CampaignEntry, today: date) -> bool:
    """Whether a campaign that was not cancelled had ended by ``today`` (a report without events always has)."""
    span = campaign_span(entry.campaign)
    return entry.campaign.status is not CampaignStatus.CANCELLED and (span is None or span.state_on(today) is TimeState.ENDED)


def recent_results(content: SiteContent, today: date, limit: int = 6, memory: RebuildMemory | None = None) -> list[str]:
    """Ids of campaigns over by ``today`` with results or figures, most recent first (``memory``: a preview's, see ``kept``)."""
    finished = [
        entry
        for entry in content.campaigns
        if kept(memory, ("over", entry.id), (entry, today), partial(_over, entry, today))
        and (entry.campaign.results or entry.campaign.statistics or entry.campaign.honour_rolls)
    ]
    return [entry.id for entry in sorted(finished, key=lambda entry: (entry.campaign.sort_date, entry.id), reverse=True)[:limit]]
