"""The blood service's data for machines: ``/api/supply.json``, ``/api/sites.json`` and schema.org data of site pages.

As with the events API, the models below are the formats' only declaration:
the JSON written into the site and ``schemas/supply-api.schema.json`` and
``schemas/sites-api.schema.json`` come from them.
"""

from __future__ import annotations

from datetime import UTC, time
from typing import Any

from pydantic import Field

from donorsite.content.options import GeneratedFile, SiteOptions
from donorsite.core.addresses import SITES_API, SUPPLY, SUPPLY_API, page_url, site_key
from donorsite.core.locales import LOCALES
from donorsite.exports.events_api import ApiCoordinates, ApiModel, LocalizedApiText, _api_text
from donorsite.localize.picking import TextPicker
from donorsite.localize.services import LocaleServices
from donorsite.model.donation_kinds import DonationKind
from donorsite.model.donation_sites import WEEKDAYS, BloodCentre, DonationSite, SiteKind, SitesFile
from donorsite.model.supply import BLOOD_TYPES, SupplyFile, SupplyLevel
from donorsite.model.text_fields import LocalizedText
from donorsite.model.time_zones import zone_country


def _localized(text: LocalizedText, source_language: str, renderers: dict[str, LocaleServices]) -> LocalizedApiText:
    return {code: _api_text(TextPicker(renderer, source_language)(text)) for code, renderer in renderers.items()}


def _pages(options: SiteOptions, key: str) -> dict[str, str]:
    return {site_locale.code: options.base_url + page_url(site_locale, key) for site_locale in LOCALES}


# --- /api/supply.json ---


class ApiTypeLevel(ApiModel):
    """The stock of one blood type."""

    type: str = Field(description="ABO/RhD type: O+, O-, A+, A-, B+, B-, AB+ or AB-.")
    level: SupplyLevel | None = Field(description="critical, low or plenty (days put through the thresholds); null when not published.")
    days: float | None = Field(description="Days of stock when the centre publishes days; null otherwise.")


class ApiAppeal(ApiModel):
    """An urgent call for donors of some types."""

    types: list[str] = Field(description="The types needed.")
    text: LocalizedApiText = Field(description="The appeal, keyed by locale code.")


class CentreSupplyApi(ApiModel):
    """One blood centre's stock by type."""

    centre_id: str | None = Field(description="The centre's id in /api/sites.json (centre_id of its sites); null when not written.")
    centre: LocalizedApiText = Field(description="The blood centre, keyed by locale code.")
    measured_at: str = Field(description="When the stock was counted, local time of `timezone` (YYYY-MM-DDTHH:MM).")
    measured_at_utc: str = Field(description="The same instant in UTC (RFC 3339).")
    timezone: str = Field(description="IANA time zone of measured_at.")
    stale_after_days: float = Field(description="Figures older than this many days are shown as out of date.")
    thresholds: dict[str, float] = Field(description="critical_below and low_below, in days of stock.")
    levels: list[ApiTypeLevel] = Field(description="One entry per type, in the order O+, O-, A+, A-, B+, B-, AB+, AB-.")
    critical_types: list[str] = Field(description="The types whose level is critical.")
    appeal: ApiAppeal | None = Field(description="The appeal; null when there is none.")
    pages: dict[str, str] = Field(description="The supply page in each locale.")


class SupplyApi(CentreSupplyApi):
    """``/api/supply.json``: every centre's blood stock by type in ``centres``; the first centre's also at the top, as before."""

    centres: list[CentreSupplyApi] = Field(description="Every centre that publishes its stock, supply.yaml's first.")


def supply_api(supplies: list[SupplyFile], renderers: dict[str, LocaleServices], options: SiteOptions) -> SupplyApi:
    """The supply document of every centre in ``supplies`` (at least one)."""
    centres = [centre_supply_api(supply, renderers, options) for supply in supplies]
    return SupplyApi(**centres[0].model_dump(), centres=centres)


def centre_supply_api(supply: SupplyFile, renderers: dict[str, LocaleServices], options: SiteOptions) -> CentreSupplyApi:
    """One centre's part of the supply document."""
    levels = []
    for blood_type in BLOOD_TYPES:
        written = supply.levels.level_of(blood_type)
        days = None if written is None or isinstance(written, SupplyLevel) else written
        levels.append(ApiTypeLevel(type=blood_type, level=supply.level_word(blood_type), days=days))
    appeal = supply.appeal
    return CentreSupplyApi(
        centre_id=supply.centre_id,
        centre=_localized(supply.centre, supply.source_language, renderers),
        measured_at=supply.measured_at.strftime("%Y-%m-%dT%H:%M"),
        measured_at_utc=supply.measured_instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        timezone=supply.timezone,
        stale_after_days=options.supply_stale_after_days,
        thresholds={"critical_below": supply.thresholds.critical_below, "low_below": supply.thresholds.low_below},
        levels=levels,
        critical_types=list(supply.critical_types()),
        appeal=ApiAppeal(types=list(appeal.types), text=_localized(appeal.text, supply.source_language, renderers)) if appeal else None,
        pages={code: f"{url}#{supply.centre_id}" if supply.centre_id else url for code, url in _pages(options, SUPPLY).items()},
    )


# --- /api/sites.json ---


class ApiSpan(ApiModel):
    """Opening hours on one day, local time."""

    opens: str = Field(description="HH:MM.")
    closes: str = Field(description="HH:MM.")


class ApiException(ApiModel):
    """Changed hours for a range of days."""

    first_day: str = Field(description="YYYY-MM-DD.")
    last_day: str = Field(description="YYYY-MM-DD.")
    closed: bool = Field(description="Whether the site is closed on these days.")
    hours: list[ApiSpan] = Field(description="The hours on these days; empty when closed.")
    note: LocalizedApiText | None = Field(description="Why, keyed by locale code; null when not written.")


class ApiSite(ApiModel):
    """A permanent donation site."""

    id: str = Field(description="The site's id.")
    centre_id: str = Field(description="The id of its blood centre.")
    kind: SiteKind = Field(description="blood-centre, donation-house or bus-stop.")
    name: LocalizedApiText = Field(description="Name, keyed by locale code.")
    address: LocalizedApiText = Field(description="Street address, keyed by locale code.")
    city: LocalizedApiText = Field(description="City or district, keyed by locale code.")
    country: str | None = Field(description="Two-letter country code; null when unknown.")
    coordinates: ApiCoordinates | None = Field(description="Map position; null when not written.")
    timezone: str = Field(description="IANA time zone of the hours.")
    hours: dict[str, list[ApiSpan]] = Field(description="Opening hours per weekday (monday … sunday); an empty list is a closed day.")
    exceptions: list[ApiException] = Field(description="Holidays, closures, extended hours.")
    donations: list[DonationKind] = Field(description="What can be given: whole-blood, platelets, plasma.")
    phone: str | None = Field(description="Phone number; null when not written.")
    pages: dict[str, str] = Field(description="The site's page in each locale.")


class SitesApi(ApiModel):
    """``/api/sites.json``: every permanent donation site."""

    sites: list[ApiSite] = Field(description="Sites in file order.")


def _spans(spans: list[tuple[time, time]]) -> list[ApiSpan]:
    return [ApiSpan(opens=f"{opens:%H:%M}", closes=f"{closes:%H:%M}") for opens, closes in sorted(spans)]


def _api_site(
    sites: SitesFile, centre: BloodCentre, site: DonationSite, renderers: dict[str, LocaleServices], options: SiteOptions
) -> ApiSite:
    language = sites.source_language
    coordinates = site.coordinates
    return ApiSite(
        id=site.id,
        centre_id=centre.id,
        kind=site.kind,
        name=_localized(site.name, language, renderers),
        address=_localized(site.address, language, renderers),
        city=_localized(site.city, language, renderers),
        country=site.country or _zone_country(site),
        coordinates=ApiCoordinates(latitude=coordinates.latitude, longitude=coordinates.longitude) if coordinates else None,
        timezone=site.timezone,
        hours={day: _spans(site.hours.on(index)) for index, day in enumerate(WEEKDAYS)},
        exceptions=[
            ApiException(
                first_day=e.date.isoformat(),
                last_day=e.last_date.isoformat(),
                closed=e.closed,
                hours=_spans(e.hours),
                note=_localized(e.note, language, renderers) if e.note else None,
            )
            for e in site.exceptions
        ],
        donations=list(site.donations),
        phone=site.contact.phone if site.contact else None,
        pages=_pages(options, site_key(site.id)),
    )


def _zone_country(site: DonationSite) -> str | None:
    return zone_country(site.timezone)


def sites_api(sites: SitesFile, renderers: dict[str, LocaleServices], options: SiteOptions) -> SitesApi:
    """The sites document."""
    return SitesApi(sites=[_api_site(sites, centre, site, renderers, options) for centre, site in sites.all_sites()])


def centre_api_files(
    supplies: list[SupplyFile], sites: SitesFile | None, renderers: dict[str, LocaleServices], options: SiteOptions
) -> list[GeneratedFile]:
    """``api/supply.json`` and ``api/sites.json``, for the files the site has."""
    files = []
    if supplies:
        document = supply_api(supplies, renderers, options).model_dump_json(indent=2) + "\n"
        files.append(GeneratedFile(SUPPLY_API, document.encode("utf-8")))
    if sites is not None:
        files.append(GeneratedFile(SITES_API, (sites_api(sites, renderers, options).model_dump_json(indent=2) + "\n").encode("utf-8")))
    return files


# --- schema.org data of a site page ---


def _opening_hours(site: DonationSite) -> list[dict[str, Any]]:
    specifications: list[dict[str, Any]] = []
    for index, day in enumerate(WEEKDAYS):
        for opens, closes in site.hours.on(index):
            specifications.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{day.title()}",
                    "opens": f"{opens:%H:%M}",
                    "closes": f"{closes:%H:%M}",
                }
            )
    for exception in site.exceptions:
        dates = {"validFrom": exception.date.isoformat(), "validThrough": exception.last_date.isoformat()}
        # schema.org: a closed day is written as opening and closing at 00:00.
        spans = [(time(), time())] if exception.closed else sorted(exception.hours)
        for opens, closes in spans:
            specifications.append({"@type": "OpeningHoursSpecification", "opens": f"{opens:%H:%M}", "closes": f"{closes:%H:%M}", **dates})
    return specifications


def site_structured_data(
    sites: SitesFile, centre: BloodCentre, site: DonationSite, renderer: LocaleServices, options: SiteOptions
) -> list[dict[str, Any]]:
    """A ``BloodBank`` (a schema.org ``MedicalOrganization``) with its address, position and opening hours."""
    pick = TextPicker(renderer, sites.source_language)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BloodBank",
        "name": pick(site.name).text,
        "url": options.base_url + page_url(renderer.site_locale, site_key(site.id)),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": pick(site.address).text,
            "addressLocality": pick(site.city).text,
            **({"addressCountry": country} if (country := site.country or _zone_country(site)) else {}),
        },
        "parentOrganization": {
            "@type": "MedicalOrganization",
            "name": pick(centre.name).text,
            **({"url": centre.url} if centre.url else {}),
        },
        "openingHoursSpecification": _opening_hours(site),
    }
    if site.coordinates:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": site.coordinates.latitude, "longitude": site.coordinates.longitude}
    if site.contact and site.contact.phone:
        data["telephone"] = site.contact.phone
    return [data]
