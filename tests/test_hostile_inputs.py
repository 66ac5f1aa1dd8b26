"""Hostile inputs: each is refused with a located message, or builds a page where no injected script runs.

The browser check loads every page that was built from a hostile input in
headless Chromium, listening for dialogs and for the marker the payloads
try to set, and asserts that neither appears.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHROMIUM, copy_project, run_mkdocs_build, serve_directory
from donorsite.loading import load_campaign
from test_bad_input import BILLION_LAUGHS, VALID

PAYLOAD = "window.__pwned=1;alert(1)"
TITLE_LINE = 6
SUMMARY_LINE = 8


def with_line(number: int, text: str) -> str:
    lines = VALID.splitlines()
    lines[number - 1] = text
    return "\n".join(lines) + "\n"


def appended(text: str) -> str:
    return VALID + text


HOSTILE: list[tuple[str, str, str]] = [
    # (name, file name, file text)
    ("script in title", "h-script-title.yaml", with_line(TITLE_LINE, f"  vi: <script>{PAYLOAD}</script>")),
    ("script in summary", "h-script-summary.yaml", with_line(SUMMARY_LINE, f"  vi: '<script>{PAYLOAD}</script>'")),
    ("script in body", "h-script-body.yaml", appended(f"body:\n  vi: x <script>{PAYLOAD}</script>\n")),
    ("script in venue name", "h-script-venue.yaml", with_line(16, f"        vi: <script>{PAYLOAD}</script>")),
    ("script in city", "h-script-city.yaml", with_line(18, f"        vi: <script>{PAYLOAD}</script>")),
    (
        "script in organiser",
        "h-script-organiser.yaml",
        appended(f"organisers:\n  - name: {{vi: '<script>{PAYLOAD}</script>'}}\n    role: host\n"),
    ),
    (
        "script in honour roll name",
        "h-script-roll.yaml",
        appended(
            f"honour_rolls:\n  - title: {{vi: Vinh danh}}\n    recipients_are: people\n    recipients:\n      - name: {{vi: '<script>{PAYLOAD}</script>'}}\n"
        ),
    ),
    (
        "script in schedule",
        "h-script-schedule.yaml",
        appended(f"    schedule:\n      - time: '08:00'\n        activity: {{vi: '<script>{PAYLOAD}</script>'}}\n"),
    ),
    ("script in theme", "h-script-theme.yaml", appended(f"theme: {{vi: '<script>{PAYLOAD}</script>'}}\n")),
    ("closing script tag in title", "h-close-script.yaml", with_line(TITLE_LINE, '  vi: "</script><script>alert(1)</script>"')),
    ("img onerror in summary", "h-onerror.yaml", with_line(SUMMARY_LINE, f"  vi: '<img src=x onerror={PAYLOAD}>'")),
    ("svg onload in body", "h-svg.yaml", appended(f"body:\n  vi: '<svg onload={PAYLOAD}></svg>'\n")),
    ("iframe in body", "h-iframe.yaml", appended("body:\n  vi: '<iframe src=\"javascript:alert(1)\"></iframe>'\n")),
    ("style in body", "h-style.yaml", appended("body:\n  vi: '<style>body{display:none}</style>'\n")),
    ("event attribute without tag close", "h-attr.yaml", with_line(TITLE_LINE, '  vi: "x\\" onmouseover=\\"alert(1)"')),
    ("javascript registration link", "h-js-link.yaml", appended("registration: javascript:alert(1)\n")),
    ("JavaScript link in capitals", "h-js-caps.yaml", appended("registration: JaVaScRiPt:alert(1)\n")),
    ("data link", "h-data-link.yaml", appended("links:\n  - data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n")),
    (
        "javascript organiser url",
        "h-js-organiser.yaml",
        appended("organisers:\n  - name: {vi: X}\n    role: host\n    url: javascript:alert(1)\n"),
    ),
    ("markdown javascript link in body", "h-md-link.yaml", appended(f"body:\n  vi: '[bấm vào đây](javascript:{PAYLOAD})'\n")),
    ("markdown data image in body", "h-md-image.yaml", appended("body:\n  vi: '![x](data:image/svg+xml,<svg onload=alert(1)>)'\n")),
    ("markdown autolink to javascript", "h-md-autolink.yaml", appended("body:\n  vi: '<javascript:alert(1)>'\n")),
    ("entity-encoded script in title", "h-entities.yaml", with_line(TITLE_LINE, "  vi: '&lt;script&gt;alert(1)&lt;/script&gt;'")),
    ("attribute list in event title", "h-attr-list.yaml", appended("    title: {vi: 'Buổi sáng { onclick=alert(1) }'}\n")),
    (
        "markdown heading injection in roll title",
        "h-heading.yaml",
        appended(
            'honour_rolls:\n  - title: {vi: "x\\n\\n<script>alert(1)</script>"}\n    recipients_are: units\n    recipients:\n      - name: {vi: A}\n'
        ),
    ),
    ("right-to-left override in title", "h-rtl.yaml", with_line(TITLE_LINE, "  vi: Ngày hội \u202eláu nểih")),
    ("zero-width space in summary", "h-zwsp.yaml", with_line(SUMMARY_LINE, "  vi: Gần\u200b600")),
    ("zero-width space in file name", "h-zero\u200bwidth.yaml", VALID),
    ("billion laughs", "h-laughs.yaml", BILLION_LAUGHS),
    (
        "10,000-item schedule",
        "h-schedule.yaml",
        appended("    schedule:\n" + "      - time: '08:00'\n        activity: {vi: x}\n" * 10_000),
    ),
    ("python object tag", "h-python-tag.yaml", with_line(4, "year: !!python/object/apply:os.system ['echo pwned']")),
    ("alias into body", "h-alias.yaml", appended("theme: &t {vi: x}\nbody: *t\n")),
]


def test_there_are_at_least_thirty_hostile_inputs() -> None:
    assert len(HOSTILE) >= 30


def outcomes(root: Path) -> dict[str, list[str]]:
    """Each hostile file checked by the real loader: its problems (empty when accepted)."""
    folder = root / "campaigns"
    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    for name, file_name, text in HOSTILE:
        path = folder / file_name
        path.write_text(text, encoding="utf-8")
        _, problems = load_campaign(path, root)
        results[name] = [str(problem) for problem in problems]
        path.unlink()
    return results


def test_refused_inputs_name_file_and_line(tmp_path: Path) -> None:
    for name, problems in outcomes(tmp_path).items():
        file_name = next(file_name for entry, file_name, _ in HOSTILE if entry == name)
        for problem in problems:
            assert problem.startswith(f"campaigns/{file_name}:"), (name, problem)
            assert int(problem.split(":")[1]) >= 1, (name, problem)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium: run bash .ci/run or set CHROMIUM_PATH")
def test_accepted_inputs_build_pages_where_no_injected_script_runs(tmp_path: Path) -> None:
    accepted = [name for name, problems in outcomes(tmp_path / "check").items() if not problems]
    assert accepted, "some hostile inputs are harmless text and must still build"
    project = copy_project(tmp_path / "project")
    for name, file_name, text in HOSTILE:
        if name in accepted:
            (project / "campaigns" / file_name).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for name, file_name, _ in HOSTILE:
            if name not in accepted:
                continue
            for prefix in ("vi", "en"):
                page.goto(f"{base}{prefix}/campaigns/{Path(file_name).stem}/")
                page.wait_for_load_state("load")
                for link in page.query_selector_all("article a"):
                    href = (link.get_attribute("href") or "").strip().lower()
                    assert not href.startswith(("javascript:", "data:")), (name, href)
                assert page.evaluate("window.__pwned") is None, name
        browser.close()
    assert dialogs == []
