"""The web editor at /admin/ (issue 26): built with the site, configured from the content model, and what it saves is valid.

The round trip drives Decap CMS in Chromium against decap-server on a copy of
the project, as `donorsite edit` runs them: a drive written in Vietnamese and
English with two events (sessions are not yet in the model on this branch)
is saved, then `donorsite check` passes and the build has its page.
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

from conftest import ROOT, build_site, copy_project, needs_chromium, serve_directory
from donorsite.build.admin_config import EditorSettings, admin_config, admin_config_text, editor_settings
from donorsite.build.admin_site import write_admin
from donorsite.build.export import read_site_config
from donorsite.core.locales import LOCALE_CODES
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
    # Regenerated from the model and mkdocs.yml, the config is the one the build wrote: it cannot drift.
    assert (admin / "config.yml").read_text(encoding="utf-8") == admin_config_text(editor_settings(read_site_config(ROOT)))
    page = (admin / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'" in policy.group(1)
    # Every script is the site's own: Decap is served from /admin/, no other host.
    assert re.findall(r'<script src="([^"]+)"', page) == ["decap-cms.js", "admin.js"]
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
    assert campaigns["slug"] == "{{fields.year}}-{{slug}}" and config["slug"]["encoding"] == "ascii"
    fields = _fields(campaigns["fields"])
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
    """A copy of the project, decap-server writing into it, and /admin/ served on localhost; yields (project, admin URL, settings)."""
    project = copy_project(tmp_path / "project")
    settings = EditorSettings(language="vi", local_port=_free_port())
    site = tmp_path / "admin-site"
    write_admin(site, ROOT, settings)
    shutil.copytree(ROOT / "docs" / "assets", site / "assets")
    environment = {**os.environ, "PORT": str(settings.local_port), "GIT_REPO_DIRECTORY": str(project), "BIND_HOST": "localhost"}
    log = (tmp_path / "decap-server.log").open("w")
    server = subprocess.Popen([str(ROOT / "node_modules" / ".bin" / "decap-server")], env=environment, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(settings.local_port)
        with serve_directory(site) as url:
            # Decap uses the local backend only on a page served from localhost.
            yield project, url.replace("127.0.0.1", "localhost") + "admin/", settings
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

    def input(self, scope: Any, name: str) -> Any:
        return self.page.locator("#" + scope.locator(f"label[for^='{name}-field-']").first.get_attribute("for"))

    def fill(self, scope: Any, name: str, value: str) -> None:
        self.input(scope, name).fill(value)

    def choose(self, scope: Any, name: str, value: str) -> None:
        box = self.input(scope, name)
        box.click()
        box.fill(value)
        box.press("Enter")

    def texts(self, scope: Any, name: str, **texts: str) -> None:
        group = self.control(scope, name)
        for code, text in texts.items():
            self.fill(group, code, text)

    def add_event(self, index: int, day: str, start: str, end: str) -> None:
        events = self.control(self.page, "events")
        events.get_by_role("button", name="Add events").click()
        date_label = events.locator("label[for^='date-field-']").nth(index)
        date_label.wait_for()
        # The list item: the outermost element holding this one event's date.
        event = date_label.locator("xpath=ancestor::div[count(.//label[starts-with(@for,'date-field-')]) = 1][last()]")
        self.fill(event, "date", day)
        self.fill(event, "start", start)
        self.fill(event, "end", end)
        self.choose(event, "timezone", "Asia/Ho_Chi_Minh")
        venue = self.control(event, "venue")
        self.texts(venue, "name", vi="Nhà văn hóa quận Lê Chân", en="Le Chan District Cultural House")
        self.texts(venue, "city", vi="Hải Phòng", en="Hai Phong")
        self.fill(venue, "country", "VN")


@needs_chromium
@needs_decap
def test_a_drive_saved_in_the_editor_passes_check_and_builds(
    editing: tuple[Path, str, EditorSettings], browser: Any, tmp_path: Path
) -> None:
    project, admin, _ = editing
    page = browser.new_page(viewport={"width": 1100, "height": 720}, locale="vi-VN")
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(str(error)))
    page.on("console", lambda message: failures.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(admin)
    page.get_by_role("button", name="Đăng nhập").click()  # the local backend needs no account
    page.goto(admin + "#/collections/campaigns/new")
    page.wait_for_selector("label[for^='kind-field-']")
    form = CmsForm(page)
    form.choose(page, "kind", "blood-drive")
    form.choose(page, "status", "planned")
    form.fill(page, "year", "2027")
    form.texts(page, "title", vi="Ngày hội hiến máu Hải Phòng", en="Hai Phong blood drive")
    form.texts(page, "summary", vi="Hai buổi hiến máu tại quận Lê Chân.", en="Two donation sessions in Le Chan district.")
    if SCREENSHOTS:
        form.control(page, "title").scroll_into_view_if_needed()
        page.screenshot(path=str(Path(SCREENSHOTS) / "web-editor-form.png"))
    form.add_event(0, "2027-01-16", "07:00", "11:30")
    form.add_event(1, "2027-01-17", "07:30", "11:00")
    page.get_by_role("button", name="Công bố").click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    saved = project / "campaigns" / "2027-hai-phong-blood-drive.yaml"
    deadline = time.monotonic() + 20
    while not saved.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert saved.exists(), sorted(path.name for path in (project / "campaigns").iterdir())
    assert not failures, failures
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / "web-editor-saved.png"))
    page.close()
    document, problems = read_yaml_file(saved, saved.name)
    assert document is not None and not problems
    data = document.data
    assert data["source_language"] == "vi" and [event["date"] for event in data["events"]] == ["2027-01-16", "2027-01-17"]
    check = subprocess.run(
        [sys.executable, "-m", "donorsite.cli", "check", "--root", str(project)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DONORSITE_TODAY": BUILD_DATE},
    )
    assert check.returncode == 0, check.stdout + check.stderr
    build = build_site(project, tmp_path / "site", environment={"DONORSITE_TODAY": BUILD_DATE, "DONORSITE_CAMPAIGNS": saved.stem})
    assert build.succeeded, build.log
    for locale, title in (("vi", "Ngày hội hiến máu Hải Phòng"), ("en", "Hai Phong blood drive")):
        html = (tmp_path / "site" / locale / "campaigns" / saved.stem / "index.html").read_text(encoding="utf-8")
        assert title in html and "07:00" in html


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
