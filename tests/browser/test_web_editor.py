"""The web editor at /admin/ (issue 26): built with the site, configured from the content model, and what it saves is valid.

The round trips drive Decap CMS in Chromium against decap-server on a copy of
the project, as `donorsite edit` runs them, through the Vietnamese editor at
/admin/vi/: a drive written in Vietnamese and English with one event of two
sessions at one venue, and a drive written in Vietnamese alone, are saved;
then `donorsite check` passes and the build shows them. The GitHub sign-in
cannot run here (no network): the production config is asserted instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, build_site, copy_project, empty_tab, needs_chromium, serve_directory
from donorsite.build.admin_config import (
    EditorSettings,
    admin_config,
    admin_config_text,
    each_language,
    editor_settings,
)
from donorsite.build.admin_site import admin_folder, write_admin
from donorsite.build.export import read_site_config
from donorsite.build.settings import EditorOptions
from donorsite.core.locales import LOCALE_CODES, LOCALES
from donorsite.model.campaign import CampaignKind, CampaignStatus
from donorsite.model.supply import BLOOD_TYPES
from donorsite.reading.yaml_reader import read_yaml_file

needs_decap = pytest.mark.skipif(not (ROOT / "node_modules" / "decap-server").is_dir(), reason="no decap-cms/decap-server: run npm ci")
BUILD_DATE = "2026-11-29"
# Screenshots for the editor guide are written here when DONORSITE_SCREENSHOTS names a folder.
SCREENSHOTS = os.environ.get("DONORSITE_SCREENSHOTS")


def _fields(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in fields}


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(collection for collection in config["collections"] if collection["name"] == name)


@needs_decap
def test_the_built_site_has_the_editor_with_the_config_the_model_gives(built_site: Path) -> None:
    admin = built_site / "admin"
    settings = editor_settings(read_site_config(ROOT))
    # Regenerated from the model and mkdocs.yml, each language's config is the one the build wrote: it cannot drift.
    assert (admin / "config.yml").read_text(encoding="utf-8") == admin_config_text(settings)
    for each in each_language(settings):
        folder = admin / admin_folder(each.language, settings.language)
        assert (folder / "config.yml").read_text(encoding="utf-8") == admin_config_text(each), each.language
        assert f'<html lang="{each.language}">' in (folder / "index.html").read_text(encoding="utf-8")
    assert sorted(path.name for path in admin.iterdir() if path.is_dir()) == sorted(
        site_locale.prefix for site_locale in LOCALES if site_locale.code != settings.language
    )
    page = (admin / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'" in policy.group(1)
    # Every script is the site's own: Decap is served from /admin/, no other host; a language's page uses the same bundle.
    assert re.findall(r'<script src="([^"]+)"', page) == ["decap-cms.js", "admin.js"]
    vietnamese = (admin / "vi" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<script src="([^"]+)"', vietnamese) == ["../decap-cms.js", "admin.js"]
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', page + vietnamese)
    # Each page links to the editor in the other languages, each named in its own language.
    assert '<a href="vi/" lang="vi" hreflang="vi">Tiếng Việt</a>' in page
    assert '<a href="../" lang="zh-Hans" hreflang="zh-Hans">简体中文</a>' in vietnamese
    assert '"../../assets/site.css"' in (admin / "vi" / "admin.js").read_text(encoding="utf-8")
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    # The bundle is the pinned one (npm ci installs what package-lock.json records, with its hash).
    version = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["decap-cms"]
    assert json.loads((ROOT / "node_modules" / "decap-cms" / "package.json").read_text(encoding="utf-8"))["version"] == version
    assert (admin / "decap-cms.js").read_bytes() == (ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").read_bytes()
    assert not list(admin.glob("*.map"))
    # The preview pane uses the site's own stylesheets.
    assert '"../assets/site.css"' in (admin / "admin.js").read_text(encoding="utf-8")
    # The editor is no page of the site: no other page links to it, and search engines are told to keep out.
    assert '<meta name="robots" content="noindex">' in page


def test_the_config_carries_the_schemas_choices_and_limits() -> None:
    config = admin_config(EditorSettings(language="vi"))
    assert config["backend"]["name"] == "github" and config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] == {"url": "http://localhost:8081/api/v1"} and config["locale"] == "vi"
    campaigns = _collection(config, "campaigns")
    assert campaigns["folder"] == "campaigns" and campaigns["extension"] == "yaml" and campaigns["format"] == "yaml"
    # The file name is the id the editor writes, whatever languages the campaign is in; the id rule is its pattern.
    assert campaigns["slug"] == "{{fields.id}}" and campaigns["identifier_field"] == "id" and config["slug"]["encoding"] == "ascii"
    fields = _fields(campaigns["fields"])
    assert fields["id"]["required"] and fields["id"]["pattern"] == [r"^[a-z0-9]+(-[a-z0-9]+)*$", "ví dụ 2027-hai-phong-blood-drive"]
    assert fields["kind"]["options"] == [kind.value for kind in CampaignKind]
    assert fields["status"]["options"] == [status.value for status in CampaignStatus]
    assert (fields["year"]["min"], fields["year"]["max"], fields["year"]["value_type"]) == (1990, 2100, "int")
    title = _fields(fields["title"]["fields"])
    assert list(title) == list(LOCALE_CODES)
    assert [code for code, field in title.items() if field["required"]] == ["vi"] and title["vi"]["label"] == "Tiếng Việt (vi) ✱"
    assert title["zh-Hans"]["label"] == "简体中文 (zh-Hans)"
    events = fields["events"]
    assert events["widget"] == "list"
    event = _fields(events["fields"])
    assert "Asia/Ho_Chi_Minh" in event["timezone"]["options"] and "UTC+8" not in event["timezone"]["options"]
    # Sessions: a list of further days at the event's venue, with the schema's limits (366 sessions, 8 spans a day).
    sessions = event["sessions"]
    assert (sessions["widget"], sessions["max"], sessions["required"]) == ("list", 366, False)
    session = _fields(sessions["fields"])
    assert list(session) == ["date", "end_date", "start", "end", "hours", "skip"] and "venue" not in session
    assert session["date"]["required"] and session["date"]["format"] == "YYYY-MM-DD"
    assert session["start"]["pattern"][0] == r"^([01]?\d|2[0-3]):([0-5]\d)$" and session["hours"]["max"] == 8
    assert (session["skip"]["max"], event["hours"]["max"]) == (366, 8)
    # Labels and hints in the editor's language (vi here), from the editor catalog.
    assert (fields["title"]["label"], events["label"], sessions["label"]) == ("Tiêu đề", "Sự kiện", "Các buổi khác")
    assert event["date"]["hint"].startswith("Ngày diễn ra") and campaigns["label"] == "Các đợt hiến máu"
    assert event["start"]["pattern"][0] == r"^([01]?\d|2[0-3]):([0-5]\d)$"
    assert event["date"]["widget"] == "datetime" and event["date"]["format"] == "YYYY-MM-DD"
    venue = _fields(event["venue"]["fields"])
    # An optional group never blocks a save with its required fields; check refuses one written half.
    latitude = _fields(venue["coordinates"]["fields"])["latitude"]
    assert (latitude["required"], latitude["min"], latitude["max"]) == (False, -90, 90)
    supply = _fields(_collection(config, "supply")["files"][0]["fields"])
    assert _fields(supply["appeal"]["fields"])["types"]["field"]["options"] == list(BLOOD_TYPES)
    assert list(_fields(supply["levels"]["fields"])) == list(BLOOD_TYPES)
    assert {collection["name"] for collection in config["collections"]} == {"campaigns", "slogans", "sites", "supply"}
    assert _collection(config, "sites")["files"][0]["file"] == "sites.yaml"


def test_the_production_config_saves_through_github_as_pull_requests() -> None:
    """What the GitHub sign-in would use (it cannot run here, offline): GitHub, mkdocs.yml's repository and branch, pull requests."""
    site = {
        "site_url": "https://blood.example.org/",
        "extra": {"donorsite": {"default_locale": "vi", "editor": {"repository": "haiphong-blood/site", "branch": "live"}}},
    }
    settings = editor_settings(site)
    for each in each_language(settings):
        config = admin_config(each)
        assert config["backend"] == {"name": "github", "repo": "haiphong-blood/site", "branch": "live"}, each.language
        assert config["publish_mode"] == "editorial_workflow" and config["site_url"] == "https://blood.example.org/"
    assert settings.language == "vi" and editor_settings({"extra": {"donorsite": {"editor": {"language": "en"}}}}).language == "en"
    # Unset, the settings are EditorOptions' defaults: one source for both.
    unset = editor_settings({})
    defaults = EditorOptions()
    assert (unset.repository, unset.branch, unset.local_port) == (defaults.repository, defaults.branch, defaults.local_port)
    assert EditorSettings() == EditorSettings(repository=defaults.repository, branch=defaults.branch, local_port=defaults.local_port)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("localhost", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"decap-server did not listen on {port}")


@pytest.fixture
def editing(tmp_path: Path) -> Iterator[tuple[Path, str, EditorSettings]]:
    """A copy of the project, decap-server writing into it, and /admin/ served on localhost; yields (project, /admin/vi/, settings)."""
    project = copy_project(tmp_path / "project")
    settings = EditorSettings(language="zh-Hans", local_port=_free_port())
    site = tmp_path / "admin-site"
    write_admin(site, ROOT, settings)
    shutil.copytree(ROOT / "docs" / "assets", site / "assets")
    environment = {**os.environ, "PORT": str(settings.local_port), "GIT_REPO_DIRECTORY": str(project), "BIND_HOST": "localhost"}
    log = (tmp_path / "decap-server.log").open("w")
    server = subprocess.Popen([str(ROOT / "node_modules" / ".bin" / "decap-server")], env=environment, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(settings.local_port)
        with serve_directory(site) as url:
            # Decap uses the local backend only on a page served from localhost. Vietnamese editors open /admin/vi/.
            yield project, url.replace("127.0.0.1", "localhost") + "admin/vi/", settings
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


class CmsForm:
    """Decap's form, found by its fields' names (each input's id is ``<name>-field-<n>``)."""

    def __init__(self, page: Any) -> None:
        self.page = page

    def control(self, scope: Any, name: str) -> Any:
        return scope.locator(f"label[for^='{name}-field-']").first.locator("xpath=ancestor::div[contains(@class,'ControlContainer')][1]")

    def input(self, scope: Any, name: str, index: int = 0) -> Any:
        return self.page.locator("#" + scope.locator(f"label[for^='{name}-field-']").nth(index).get_attribute("for"))

    def fill(self, scope: Any, name: str, value: str, index: int = 0) -> None:
        self.input(scope, name, index).fill(value)

    def choose(self, scope: Any, name: str, value: str) -> None:
        box = self.input(scope, name)
        box.click()
        box.fill(value)
        box.press("Enter")

    def texts(self, scope: Any, name: str, **texts: str) -> None:
        group = self.control(scope, name)
        for code, text in texts.items():
            self.fill(group, code, text)

    def add_item(self, list_name: str, label: str) -> None:
        """Press the add button of list ``list_name`` (its label in the editor's language names the button)."""
        self.control(self.page, list_name).get_by_role("button", name=re.compile(re.escape(label), re.IGNORECASE)).first.click()

    def add_event(self, day: str, start: str, end: str, venue: dict[str, str], city: dict[str, str]) -> None:
        """The campaign's one event: its first session's day and hours, its zone and its venue (written once for every session)."""
        self.add_item("events", "Sự kiện")
        self.page.locator("label[for^='date-field-']").first.wait_for()
        self.fill(self.page, "date", day)
        self.fill(self.page, "start", start)
        self.fill(self.page, "end", end)
        self.choose(self.page, "timezone", "Asia/Ho_Chi_Minh")
        where = self.control(self.page, "venue")
        self.texts(where, "name", **venue)
        self.texts(where, "city", **city)
        self.fill(where, "country", "VN")

    def add_session(self, index: int, day: str, start: str, end: str) -> None:
        """A further session of the event (``index`` 1 is the first of its ``sessions``): its day and hours, no venue."""
        self.add_item("sessions", "Các buổi khác")
        self.page.locator("label[for^='date-field-']").nth(index).wait_for()
        self.fill(self.page, "date", day, index)
        self.fill(self.page, "start", start, index)
        self.fill(self.page, "end", end, index)


def _watched_page(browser: Any, **options: Any) -> tuple[Any, list[str]]:
    """A new page, and the list that collects its script errors and CSP refusals."""
    page = browser.new_page(viewport={"width": 1100, "height": 720}, **options)
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(str(error)))
    page.on("console", lambda message: failures.append(message.text) if "Content Security Policy" in message.text else None)
    return page, failures


def _open_new_campaign(browser: Any, admin: str) -> tuple[Any, CmsForm, list[str]]:
    """A page on Decap's new-campaign form through the local backend (no account); the list collects script errors and CSP refusals."""
    page, failures = _watched_page(browser, locale="vi-VN")
    page.goto(admin)
    page.get_by_role("button", name="Đăng nhập").click()  # the local backend needs no account
    page.goto(admin + "#/collections/campaigns/new")
    page.wait_for_selector("label[for^='kind-field-']")
    return page, CmsForm(page), failures


def _publish(page: Any, saved: Path) -> None:
    page.get_by_role("button", name="Công bố").click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    deadline = time.monotonic() + 20
    while not saved.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert saved.exists(), sorted(path.name for path in saved.parent.iterdir())


def _check_and_build(project: Path, saved: Path, tmp_path: Path) -> Path:
    """`donorsite check` on the project, then a build of the saved campaign alone; returns the site folder."""
    check = subprocess.run(
        [sys.executable, "-m", "donorsite.cli", "check", "--root", str(project)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DONORSITE_TODAY": BUILD_DATE},
    )
    assert check.returncode == 0, check.stdout + check.stderr
    site = tmp_path / "site"
    build = build_site(project, site, environment={"DONORSITE_TODAY": BUILD_DATE, "DONORSITE_CAMPAIGNS": saved.stem})
    assert build.succeeded, build.log
    return site


def _screenshot(form: CmsForm, field: str, file_name: str) -> None:
    """With DONORSITE_SCREENSHOTS set, a picture of the form at ``field`` for the editor guide."""
    if not SCREENSHOTS:
        return
    from playwright.sync_api import Error as PlaywrightError

    for _ in range(5):
        try:
            form.control(form.page, field).scroll_into_view_if_needed()
            break
        except PlaywrightError:  # Decap draws the form again after a save
            form.page.wait_for_timeout(500)
    form.page.screenshot(path=str(Path(SCREENSHOTS) / file_name))


def _visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@needs_chromium
@needs_decap
def test_a_drive_of_two_sessions_saved_in_the_editor_passes_check_and_builds(
    editing: tuple[Path, str, EditorSettings], browser: Any, tmp_path: Path
) -> None:
    project, admin, _ = editing
    page, form, failures = _open_new_campaign(browser, admin)
    # The Vietnamese editor's form is labelled in Vietnamese, from the editor catalog.
    assert page.locator("label[for^='title-field-']").first.text_content().startswith("Tiêu đề")
    form.choose(page, "kind", "blood-drive")
    form.choose(page, "status", "planned")
    form.fill(page, "year", "2027")
    form.fill(page, "id", "2027-hai-phong-blood-drive")
    form.texts(page, "title", vi="Ngày hội hiến máu Hải Phòng", en="Hai Phong blood drive")
    form.texts(page, "summary", vi="Hai buổi hiến máu tại quận Lê Chân.", en="Two donation sessions in Le Chan district.")
    _screenshot(form, "title", "web-editor-form.png")
    form.add_event(
        "2027-01-16", "07:00", "11:30",
        venue={"vi": "Nhà văn hóa quận Lê Chân", "en": "Le Chan District Cultural House"},
        city={"vi": "Hải Phòng", "en": "Hai Phong"},
    )  # fmt: skip
    form.add_session(1, "2027-01-17", "07:30", "11:00")
    _screenshot(form, "sessions", "web-editor-sessions.png")
    saved = project / "campaigns" / "2027-hai-phong-blood-drive.yaml"
    _publish(page, saved)
    assert not failures, failures
    _screenshot(form, "id", "web-editor-saved.png")
    page.close()
    document, problems = read_yaml_file(saved, saved.name)
    assert document is not None and not problems
    data = document.data
    assert data["source_language"] == "vi" and data["id"] == saved.stem
    # One event, its venue written once, two sessions: its own day and one further day.
    [event] = data["events"]
    assert (event["date"], event["start"], event["end"]) == ("2027-01-16", "07:00", "11:30")
    assert [(s["date"], s["start"], s["end"]) for s in event["sessions"]] == [("2027-01-17", "07:30", "11:00")]
    assert "venue" not in event["sessions"][0] and event["venue"]["name"]["vi"] == "Nhà văn hóa quận Lê Chân"
    site = _check_and_build(project, saved, tmp_path)
    # Both sessions, each with its date and hours, in each language's way of writing them.
    for locale, title, sessions in (
        ("vi", "Ngày hội hiến máu Hải Phòng", ("Thứ Bảy, ngày 16/1/2027 7h00 – 11h30", "Chủ Nhật, ngày 17/1/2027 7h30 – 11h00")),
        ("en", "Hai Phong blood drive", ("Saturday 16 January 2027 07:00–11:30", "Sunday 17 January 2027 07:30–11:00")),
    ):
        text = _visible_text((site / locale / "campaigns" / saved.stem / "index.html").read_text(encoding="utf-8"))
        assert title in text
        for shown in sessions:
            assert shown in text, (locale, shown)


@needs_chromium
@needs_decap
def test_a_drive_written_in_vietnamese_alone_is_saved_under_its_id(
    editing: tuple[Path, str, EditorSettings], browser: Any, tmp_path: Path
) -> None:
    """No English title: the file is named after the id the editor writes, and check accepts the Vietnamese-only drive."""
    project, admin, _ = editing
    page, form, failures = _open_new_campaign(browser, admin)
    form.choose(page, "kind", "blood-drive")
    form.choose(page, "status", "confirmed")
    form.fill(page, "year", "2027")
    form.fill(page, "id", "2027-le-chan-ngay-hoi")
    form.texts(page, "title", vi="Ngày hội Chủ Nhật Đỏ quận Lê Chân")
    form.texts(page, "summary", vi="Một buổi sáng hiến máu tại nhà văn hóa quận.")
    form.add_event("2027-02-21", "07:00", "11:00", venue={"vi": "Nhà văn hóa quận Lê Chân"}, city={"vi": "Hải Phòng"})
    saved = project / "campaigns" / "2027-le-chan-ngay-hoi.yaml"
    _publish(page, saved)
    assert not failures, failures
    page.close()
    document, _ = read_yaml_file(saved, saved.name)
    assert document is not None and document.data["source_language"] == "vi" and document.data["id"] == saved.stem
    assert set(document.data["title"]) == {"vi"}
    site = _check_and_build(project, saved, tmp_path)
    assert "Ngày hội Chủ Nhật Đỏ quận Lê Chân" in (site / "vi" / "campaigns" / saved.stem / "index.html").read_text(encoding="utf-8")


@needs_chromium
@needs_decap
def test_each_language_has_its_editor_labelled_in_it(editing: tuple[Path, str, EditorSettings], browser: Any) -> None:
    """/admin/ (the site's language) and /admin/<prefix>/ for the others: Decap runs in each, with the catalog's labels and hints."""
    _, vietnamese, settings = editing
    admin = vietnamese.removesuffix("vi/")
    # One tab for the four editors: Decap's bundle (the same file for each) is compiled once. Signed out between
    # them (the local backend keeps its user in the origin's storage), so each editor starts at its own sign-in.
    page, failures = _watched_page(browser)
    for each in each_language(settings):
        config = admin_config(each)
        campaign_fields = _fields(_collection(config, "campaigns")["fields"])
        page.goto(admin + admin_folder(each.language, settings.language))
        page.locator("button").first.click()  # the local backend's sign-in needs no account
        page.goto(page.url.split("#")[0] + "#/collections/campaigns/new")
        page.wait_for_selector("label[for^='title-field-']")
        assert page.locator("label[for^='title-field-']").first.text_content() == campaign_fields["title"]["label"], each.language
        assert page.get_by_text(campaign_fields["year"]["hint"]).count() == 1, each.language
        assert not failures, (each.language, failures)
        empty_tab(page)
    page.close()
    assert len({admin_config(each)["collections"][0]["fields"][0]["label"] for each in each_language(settings)}) == len(LOCALES)


@needs_decap
def test_donorsite_edit_starts_decap_server_and_the_preview_together(tmp_path: Path) -> None:
    """`donorsite edit`: one command, two servers (the editor's backend and the preview), both stopped by Ctrl+C."""
    import json as json_module
    import signal
    import urllib.request

    project = copy_project(tmp_path / "project")
    decap_port, preview_port = _free_port(), _free_port()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("      language: zh-Hans\n", f"      language: zh-Hans\n      local_port: {decap_port}\n")
    )
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DONORSITE_CAMPAIGNS": "2022-duong-kinh-donation-day"}
    command = [sys.executable, "-m", "donorsite.cli", "edit", "--root", str(project), "--address", f"127.0.0.1:{preview_port}"]
    log = (tmp_path / "edit.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
    try:
        _wait_for_port(decap_port, 60)
        request = urllib.request.Request(
            f"http://localhost:{decap_port}/api/v1", data=b'{"action": "info"}', headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json_module.loads(response.read())["type"] == "local_fs"
        deadline = time.monotonic() + 120
        page = b""
        while time.monotonic() < deadline and b"decap-cms.js" not in page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{preview_port}/admin/", timeout=5) as response:
                    page = response.read()
            except OSError:
                time.sleep(0.5)
        assert b"decap-cms.js" in page, (tmp_path / "edit.log").read_text()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        log.close()
    assert process.returncode == 0, (tmp_path / "edit.log").read_text()
