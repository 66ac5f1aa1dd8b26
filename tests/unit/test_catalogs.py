"""Label catalogs are complete, current and consistent for every locale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from donorsite.build.admin_config import EditorSettings, admin_config_text, editor_messages, editor_template
from donorsite.build.admin_labels import EDITOR_DOMAIN, editor_template_path
from donorsite.core.locales import LOCALES, get_locale
from donorsite.localize.catalog_check import catalog_problems, read_catalog
from donorsite.localize.catalogs import SOURCE_LOCALE, MissingCatalogError, catalog_folder, catalog_path, load_translations

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = catalog_folder() / "messages.pot"
TRANSLATED = [site_locale for site_locale in LOCALES if site_locale.code != SOURCE_LOCALE]


def test_template_matches_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    current = {message.id for message in read_catalog(TEMPLATE) if message.id}
    extracted = {message.id for message in read_catalog(fresh) if message.id}
    assert extracted == current, "run the pybabel extract command in the README"


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=[site_locale.code for site_locale in TRANSLATED])
def test_catalog_is_complete(site_locale) -> None:  # type: ignore[no-untyped-def]
    assert catalog_problems(catalog_path(site_locale), read_catalog(TEMPLATE), site_locale.catalog_id) == []


def test_gate_catches_what_pybabel_lets_through(tmp_path: Path) -> None:
    from babel.messages.pofile import write_po

    template = Catalog()
    for message_id in ("Date", "Venue", "Shown in %(languages)s.", "Old"):
        template.add(message_id)
    catalog = Catalog(locale="vi")
    catalog.add("Date", "")
    catalog.add("Venue", "Địa điểm", flags=["fuzzy"])
    catalog.add("Shown in %(languages)s.", "Hiển thị.")
    catalog.obsolete["Gone"] = Message("Gone", "Đã bỏ")
    path = tmp_path / "messages.po"
    with path.open("wb") as po_file:
        write_po(po_file, catalog, include_previous=False)
    problems = "\n".join(catalog_problems(path, template, "vi"))
    assert "untranslated entry 'Date'" in problems
    assert "fuzzy entry 'Venue'" in problems
    assert "placeholders of 'Shown in %(languages)s.'" in problems
    assert "missing entry 'Old'" in problems
    assert "obsolete entry 'Gone'" in problems


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=[site_locale.code for site_locale in TRANSLATED])
def test_catalog_loads_with_the_locale_id(site_locale) -> None:  # type: ignore[no-untyped-def]
    translations = load_translations(site_locale)
    assert translations.gettext("What to bring") != "What to bring"


def test_missing_catalog_is_an_error_not_english() -> None:
    from donorsite.core.locales import SiteLocale

    with pytest.raises(MissingCatalogError):
        load_translations(SiteLocale("ko", "ko", "ko", "한국어", "Asia/Seoul"))


@pytest.mark.parametrize("site_locale", TRANSLATED, ids=[site_locale.code for site_locale in TRANSLATED])
def test_a_planned_campaign_and_an_upcoming_event_have_different_words(site_locale) -> None:  # type: ignore[no-untyped-def]
    # Issue 23: Vietnamese said "Sắp diễn ra" for both, so a drive carried two identical badges
    # and the status filter could not tell them apart.
    translations = load_translations(site_locale)
    planned = translations.gettext("Planned")
    assert planned not in {translations.gettext("Upcoming"), translations.gettext("Coming up")}


@pytest.mark.parametrize(
    ("code", "words"),
    [
        # style sheet: Taiwan's published scale (正常 / 偏低 / 急缺), the mainland's 正常 / 偏紧 / 告急.
        ("zh-Hant", ("正常", "偏低", "急缺")),
        ("zh-Hans", ("正常", "偏紧", "告急")),
        ("vi", ("Ổn định", "Thấp", "Báo động")),
    ],
)
def test_stock_levels_use_the_blood_services_words(code: str, words: tuple[str, str, str]) -> None:
    translations = load_translations(get_locale(code))
    assert tuple(translations.gettext(level) for level in ("Plenty", "Low", "Critical")) == words
    # The level word is never repeated by the days it lasts ("Đủ Đủ dùng 8,5 ngày").
    assert not translations.gettext("%(days)s days of stock").startswith(translations.gettext("Plenty"))


def test_the_editor_catalogs_hold_every_label_and_hint_of_the_model() -> None:
    """The web editor's labels and hints (issue 26) in every locale: the template is the model's, each catalog covers it."""
    # editor.pot is what the model gives (`donorsite admin-config --template`): a new field or hint cannot be left out.
    with open(editor_template_path(), encoding="utf-8") as template_file:
        assert template_file.read() == editor_template(), "run donorsite admin-config --template --output donorsite/locale/editor.pot"
    template = read_catalog(Path(editor_template_path()))
    assert {message.id for message in template if message.id} == set(editor_messages())
    for site_locale in LOCALES:
        if site_locale.code != SOURCE_LOCALE:
            path = catalog_path(site_locale, EDITOR_DOMAIN)
            assert catalog_problems(path, template, site_locale.catalog_id) == [], site_locale.code
    # Every label is in the language (blood types stay as written); Taiwan's blood service writes 捐血, not 献血.
    traditional = admin_config_text(EditorSettings(language="zh-Hant"))
    assert "獻血者" not in traditional and "捐血點" in traditional and "label: AB+" in traditional
    assert "label: Ngày kết thúc" in admin_config_text(EditorSettings(language="vi"))
