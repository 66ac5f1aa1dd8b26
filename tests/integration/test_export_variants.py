"""Exports of a changed site (statuses, an event without a start time) and of a second build of the same sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project
from donorsite.core.locales import LOCALES
from export_readers import (
    DUONG_KINH,
    HOST,
    JIAYUGUAN,
    LINCANG,
    api_document,
    api_validator,
    event_files,
    only_event,
    read_calendar,
    structured_data,
)


def _edit(project: Path, campaign_id: str, old: str, new: str) -> None:
    path = project / "campaigns" / f"{campaign_id}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: expected {old!r} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def variant_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site with Dương Kinh cancelled, Lincang postponed and Jiayuguan's start time removed."""
    project = copy_project(tmp_path_factory.mktemp("variant") / "project")
    _edit(project, DUONG_KINH, "status: confirmed", "status: cancelled")
    _edit(project, LINCANG, "status: confirmed", "status: postponed")
    _edit(project, JIAYUGUAN, '    start: "09:00"\n', "")
    result = build_site(project, project.parent / "site")
    assert result.succeeded, result.log
    return result.site


def test_cancelled_and_postponed_events_say_so_everywhere(variant_site: Path) -> None:
    statuses = {DUONG_KINH: ("CANCELLED", "EventCancelled"), LINCANG: ("TENTATIVE", "EventPostponed")}
    for campaign_id, (ics_status, schema_status) in statuses.items():
        for site_locale in LOCALES:
            folder = variant_site / site_locale.prefix / "campaigns" / campaign_id
            assert only_event(read_calendar(folder / "event-1.ics"))["STATUS"] == ics_status
            [item] = structured_data(folder / "index.html")
            assert item["eventStatus"] == f"https://schema.org/{schema_status}"
        calendar = read_calendar(variant_site / "en" / "calendar.ics")
        [in_calendar] = [event for event in calendar.walk("VEVENT") if str(event["UID"]).startswith(campaign_id)]
        assert in_calendar["STATUS"] == ics_status
    api_statuses = {event["campaign_id"]: event["status"] for event in api_document(variant_site)["events"]}
    assert (api_statuses[DUONG_KINH], api_statuses[LINCANG]) == ("cancelled", "postponed")


def test_removing_the_start_time_makes_an_all_day_event(variant_site: Path) -> None:
    event = only_event(read_calendar(variant_site / "zh-hans" / "campaigns" / JIAYUGUAN / "event-1.ics"))
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (date(2011, 6, 14), date(2011, 6, 15))
    assert event["UID"] == f"{JIAYUGUAN}-20110614@{HOST}"
    [item] = structured_data(variant_site / "zh-hans" / "campaigns" / JIAYUGUAN / "index.html")
    assert (item["startDate"], item["endDate"]) == ("2011-06-14", "2011-06-14")
    [api_event] = [event for event in api_document(variant_site)["events"] if event["campaign_id"] == JIAYUGUAN]
    assert (api_event["id"], api_event["all_day"], api_event["start"]) == (f"{JIAYUGUAN}-20110614", True, "2011-06-14")
    assert list(api_validator().iter_errors(api_document(variant_site))) == []


def test_two_builds_write_the_same_bytes(built_site: Path, tmp_path: Path) -> None:
    """A second build of the same sources, in the same process, after other builds: no state leaks between builds."""
    again = tmp_path / "again"
    result = build_site(ROOT, again)
    assert result.succeeded, result.log
    outputs = [*event_files(built_site), *built_site.glob("*/calendar.ics"), *built_site.glob("*/feed.xml")]
    assert outputs
    for path in outputs:
        assert (again / path.relative_to(built_site)).read_bytes() == path.read_bytes(), path
    first, second = api_document(built_site), api_document(again)
    first.pop("generated"), second.pop("generated")
    assert first == second
