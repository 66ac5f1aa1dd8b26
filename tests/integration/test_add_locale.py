"""Adding a locale takes one registry entry, a label catalog and an about page: no other code.

The test adds French to a copy of the project (package included), makes
exactly those three changes, builds, and reads the French site. The
content needs one thing of its own: every picture's alt text in every
locale (a content rule, checked like any other), so the one sample
picture gets its French alt text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from tests.conftest import MKDOCS, ROOT, copy_project

REGISTRY_ENTRY = """LOCALES: tuple[SiteLocale, ...] = (
    SiteLocale("fr", "fr", "fr", "Français", "Europe/Paris", fallback_order=("en", "vi", "zh-Hans", "zh-Hant")),
"""
ABOUT = "# À propos\n\nCe site publie les collectes de sang bénévoles.\n"
SITE_NAME = "Blood donation campaigns"
SITE_NAME_FR = "Campagnes de don de sang"


def add_french(project: Path) -> list[Path]:
    """The three changes of README "Adding a locale"; returns the files touched."""
    registry = project / "donorsite" / "core" / "locales.py"
    text = registry.read_text(encoding="utf-8")
    assert text.count("LOCALES: tuple[SiteLocale, ...] = (\n") == 1
    registry.write_text(text.replace("LOCALES: tuple[SiteLocale, ...] = (\n", REGISTRY_ENTRY), encoding="utf-8")

    with (project / "donorsite" / "locale" / "messages.pot").open("rb") as template:
        catalog = read_po(template, locale="fr")
    catalog[SITE_NAME].string = SITE_NAME_FR
    catalog_file = project / "donorsite" / "locale" / "fr" / "LC_MESSAGES" / "messages.po"
    catalog_file.parent.mkdir(parents=True)
    with catalog_file.open("wb") as po_file:
        write_po(po_file, catalog)

    about = project / "docs" / "fr" / "about.md"
    about.parent.mkdir(parents=True)
    about.write_text(ABOUT, encoding="utf-8")
    return [registry, catalog_file, about]


def describe_pictures_in_french(project: Path) -> None:
    """Content, not code: pictures need alt text in every locale."""
    campaign = project / "campaigns" / "2022-duong-kinh-donation-day.yaml"
    english_alt = "      en: A red drop of blood on a light background, the symbol of the donation day\n"
    text = campaign.read_text(encoding="utf-8")
    assert text.count(english_alt) == 1
    french_alt = "      fr: Une goutte de sang rouge sur fond clair, symbole de la journée du don\n"
    campaign.write_text(text.replace(english_alt, english_alt + french_alt), encoding="utf-8")


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    # A real copy of the package, so that the registry can be edited; PYTHONPATH puts it first.
    (project / "donorsite").unlink()
    shutil.copytree(ROOT / "donorsite", project / "donorsite", ignore=shutil.ignore_patterns("__pycache__"))
    add_french(project)
    describe_pictures_in_french(project)
    site = project / "site"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "DONORSITE_TODAY": "2026-06-01"}
    command = [*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project, env=environment, timeout=600)
    assert result.returncode == 0, result.stderr
    # The build used the copy, not the package this test runs from.
    probe = [sys.executable, "-c", "import donorsite.core.locales as m; print(m.__file__)"]
    used = subprocess.run(probe, capture_output=True, text=True, cwd=project, env=environment, check=True).stdout.strip()
    assert Path(used) == project / "donorsite" / "core" / "locales.py"
    return site


def test_the_new_locale_has_its_home_campaigns_slogans_and_about_pages(french_site: Path) -> None:
    home = (french_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in home
    assert (french_site / "fr" / "slogans" / "index.html").is_file()
    assert "À propos" in (french_site / "fr" / "about" / "index.html").read_text(encoding="utf-8")
    english = sorted(path.name for path in (french_site / "en" / "campaigns").iterdir() if path.is_dir())
    french = sorted(path.name for path in (french_site / "fr" / "campaigns").iterdir() if path.is_dir())
    assert english and french == english


def test_the_new_locale_has_its_calendar_feed_and_sitemap_entries(french_site: Path) -> None:
    assert (french_site / "fr" / "calendar.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert "<feed" in (french_site / "fr" / "feed.xml").read_text(encoding="utf-8")
    assert "/fr/" in (french_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_root_page_offers_the_new_locale(french_site: Path) -> None:
    root = (french_site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="fr"' in root


def test_other_locales_link_to_their_french_version(french_site: Path) -> None:
    english_home = (french_site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../fr/" hreflang="fr" class="md-select__link">' in english_home


def test_the_new_catalog_supplies_the_labels(french_site: Path) -> None:
    home = (french_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{SITE_NAME_FR}</h1>" in home
    # The page title, then the site name: both from the catalog.
    assert f"<title>{SITE_NAME_FR} - {SITE_NAME_FR}</title>" in home
