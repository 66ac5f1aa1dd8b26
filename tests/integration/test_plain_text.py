"""Plain text stays text: every plain-text field of every content file, whatever it holds, is shown as text.

The fields are read from the content models' JSON Schemas (every
``LocalizedText``), not from a hand list: a field added to a model is poisoned
here too, and the coverage test fails until some content file fills it. The
whole sample project is poisoned at once and built once; then every file of
the site (pages with their table of contents, feeds, calendars, the events
API, structured data, search indexes) and of the export is searched for
markup made from the poison.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from pydantic import BaseModel
from pymdownx.slugs import slugify

from conftest import build_site, copy_project
from donorsite.build.export import export_site
from donorsite.build.page_html import PAGE_CLASS, split_front_matter
from donorsite.content.loading import load_content
from donorsite.core.problems import ContentError
from donorsite.model.campaign import Campaign
from donorsite.model.donation_sites import SitesFile
from donorsite.model.slogan import SloganFile
from donorsite.model.supply import SupplyFile

BUILD_DATE = "2026-11-29"
PLAIN = "LocalizedText"
# A line break, then what Markdown would read as a heading with a link.
MARKDOWN_POISON = "\n# [a](https://evil.example/)"
# A line break, then an HTML tag with a handler: refused in every plain-text field.
HTML_POISON = "\n<b onclick=alert(1)>"
DATA = Path(__file__).resolve().parents[1] / "data" / "plain_text"

# Each content file's model and where its files lie in the project.
CONTENT_FILES: list[tuple[type[BaseModel], str]] = [
    (Campaign, "campaigns/*.yaml"),
    (SitesFile, "sites.yaml"),
    (SloganFile, "slogans.yaml"),
    (SupplyFile, "supply.yaml"),
]


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any] | None:
    """``schema`` with its references followed; None for a plain-text field."""
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name == PLAIN:
            return None
        schema = defs[name]
    return schema


def plain_paths(schema: dict[str, Any], defs: dict[str, Any], path: str = "") -> Iterator[str]:
    """The path (``events[].venue.name``) of every plain-text field under ``schema``."""
    resolved = _resolve(schema, defs)
    if resolved is None:
        yield path
        return
    for option in resolved.get("anyOf", []) + resolved.get("oneOf", []) + resolved.get("allOf", []):
        yield from plain_paths(option, defs, path)
    if isinstance(resolved.get("items"), dict):
        yield from plain_paths(resolved["items"], defs, path + "[]")
    for name, field in resolved.get("properties", {}).items():
        yield from plain_paths(field, defs, f"{path}.{name}" if path else name)


def poisoned(data: Any, schema: dict[str, Any], defs: dict[str, Any], poison: str, hits: set[str], path: str = "") -> Any:
    """``data`` with ``poison`` appended to the text of every locale of every plain-text field; ``hits`` gets their paths."""
    resolved = _resolve(schema, defs)
    if resolved is None:
        if isinstance(data, dict):
            hits.add(path)
            return {code: f"{text}{poison}" for code, text in data.items()}
        return data
    for option in resolved.get("anyOf", []) + resolved.get("oneOf", []) + resolved.get("allOf", []):
        data = poisoned(data, option, defs, poison, hits, path)
    if isinstance(data, list) and isinstance(resolved.get("items"), dict):
        return [poisoned(item, resolved["items"], defs, poison, hits, path + "[]") for item in data]
    if isinstance(data, dict) and "properties" in resolved:
        fields = resolved["properties"]
        return {
            key: poisoned(value, fields[key], defs, poison, hits, f"{path}.{key}" if path else key) if key in fields else value
            for key, value in data.items()
        }
    return data


def poison_project(project: Path, poison: str) -> dict[str, set[str]]:
    """Poison every plain-text field of every content file of ``project``; the paths hit, by model name."""
    shutil.copy2(DATA / "2026-every-plain-field.yaml", project / "campaigns")
    sites_file = project / "sites.yaml"
    sites = yaml.safe_load(sites_file.read_text(encoding="utf-8"))
    # No sample donation site names a contact person; one does here, so that the field is poisoned too.
    sites["centres"][0]["sites"][0].setdefault("contact", {})["name"] = {"zh-Hans": "献血屋值班室"}
    sites_file.write_text(yaml.safe_dump(sites, allow_unicode=True, sort_keys=False), encoding="utf-8")
    hits: dict[str, set[str]] = {}
    for model, pattern in CONTENT_FILES:
        schema = model.model_json_schema()
        found = hits.setdefault(model.__name__, set())
        for file in sorted(project.glob(pattern)):
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
            text = yaml.safe_dump(poisoned(data, schema, schema.get("$defs", {}), poison, found), allow_unicode=True, sort_keys=False)
            file.write_text(text, encoding="utf-8")
    return hits


@pytest.fixture(scope="module")
def poisoned_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]]]:
    project = copy_project(tmp_path_factory.mktemp("poisoned") / "project")
    return project, poison_project(project, MARKDOWN_POISON)


@pytest.fixture(scope="module")
def poisoned_site(poisoned_project: tuple[Path, dict[str, set[str]]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    project, _ = poisoned_project
    result = build_site(project, tmp_path_factory.mktemp("poisoned-site"), environment={"DONORSITE_TODAY": BUILD_DATE})
    assert result.succeeded, result.log
    return result.site


def test_every_plain_text_field_of_every_model_is_poisoned(poisoned_project: tuple[Path, dict[str, set[str]]]) -> None:
    _, hits = poisoned_project
    for model, _ in CONTENT_FILES:
        schema = model.model_json_schema()
        fields = set(plain_paths(schema, schema.get("$defs", {})))
        assert fields, model.__name__
        # A field no content file fills is not tested: add it to tests/data/plain_text or to poison_project.
        assert fields - hits[model.__name__] == set(), model.__name__


# Markup the poison would make if anything read it as Markdown or HTML, in HTML and in JSON strings.
MADE_MARKUP = re.compile(r"""href=\\?["']?https://evil\.example|<h[1-6][^>]*>\s*<a[^>]*evil|<b onclick""")

AS_TEXT = re.compile(r"(?:\]\(https://|%5D%28https%3A(?://|%2F%2F))evil\.example")


def _texts(folder: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".ics", ".md", ".txt", ".js", ".webmanifest"}:
            text = path.read_text(encoding="utf-8")
            # Calendars fold long lines; unfolded, each text is whole again.
            yield path.relative_to(folder).as_posix(), re.sub(r"\r?\n[ \t]", "", text) if path.suffix == ".ics" else text


def test_the_built_site_holds_the_poison_only_as_text(poisoned_site: Path) -> None:
    files_with_poison = []
    for name, text in _texts(poisoned_site):
        assert MADE_MARKUP.search(text) is None, (name, MADE_MARKUP.search(text))
        if "evil.example" in text:
            files_with_poison.append(name)
            # Every mention is the poison's own text, "[a](https://evil.example/)" (or percent-encoded in a share link).
            assert text.count("evil.example") == len(AS_TEXT.findall(text)), name
    kinds = {name.rsplit(".", 1)[1] for name in files_with_poison}
    # The poison reached pages, the feeds, calendars and the events API, as text.
    assert {"html", "xml", "ics", "json"} <= kinds, kinds
    assert any(name.startswith("api/") for name in files_with_poison)


def test_the_search_index_holds_the_poison_only_as_text(poisoned_site: Path) -> None:
    """Pagefind's records (gzipped JSON, one a page) hold the poison as the words a reader typed, never as markup."""
    records = []
    for path in (poisoned_site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        records.append(json.loads(data[data.index(b"{") :]))
    poisoned = [record for record in records if "evil.example" in record["content"]]
    assert poisoned, "the poison reached no indexed page"
    for record in poisoned:
        # Pagefind keeps the text a page shows: the poison's own brackets survive, so no link was made of it.
        assert "[a](https://evil.example/)" in record["content"], record["url"]
        assert "<b onclick" not in record["content"] and "<a href" not in record["content"], record["url"]


def test_the_table_of_contents_holds_no_heading_made_from_text(poisoned_site: Path) -> None:
    page = (poisoned_site / "en" / "campaigns" / "2026-every-plain-field" / "index.html").read_text(encoding="utf-8")
    toc = page[page.index('data-md-component="toc"') :]
    toc = toc[: toc.index("</nav>")]
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link">', toc)
    # The templates' own sections, and the event's title as one heading whose text holds the poison as text.
    title_anchor = "#" + slugify(case="lower")("Morning session # [a](https://evil.example/)", "-")
    assert links[:2] == ["#when-and-where", title_anchor], links
    # Markdown would have made a heading "a" (id "a") with a link to evil.example.
    assert "#a" not in links and "https://evil.example" not in " ".join(links), links
    assert "# [a](https://evil.example/)" in toc


def test_the_export_holds_the_poison_only_as_text_for_any_markdown_engine(
    poisoned_project: tuple[Path, dict[str, set[str]]], tmp_path: Path
) -> None:
    project, _ = poisoned_project
    exported = export_site(project, tmp_path / "export", {"DONORSITE_TODAY": BUILD_DATE})
    converter = markdown.Markdown(extensions=["attr_list", "tables", "admonition", "toc", "md_in_html"])
    generated = 0
    for name, text in _texts(exported / "docs"):
        assert MADE_MARKUP.search(text) is None, name
        if not name.endswith(".md"):
            continue
        _, body = split_front_matter(text)
        html = converter.reset().convert(body)
        assert MADE_MARKUP.search(html) is None, name
        if f'<div class="{PAGE_CLASS}">' in body:
            generated += 1
            # Python-Markdown hands the generated HTML back as it is: one raw block, nothing re-read.
            assert html.strip() == body.strip(), name
    assert generated > 50


def test_html_in_any_plain_text_field_is_refused_at_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    hits = poison_project(project, HTML_POISON)
    with pytest.raises(ContentError) as raised:
        load_content(project)
    problems = [str(problem) for problem in raised.value.problems]
    assert all("HTML tags are not allowed here (plain text only)" in problem for problem in problems), problems
    assert all(re.match(r"^[^:]+\.yaml:\d+:\d+: ", problem) for problem in problems), problems
    # "events[0].venue.name.vi" is a problem of the field "events[].venue.name".
    named = {re.sub(r"\[\d+\]", "[]", problem.split(": ", 2)[1]).rsplit(".", 1)[0] for problem in problems}
    assert set().union(*hits.values()) - named == set(), sorted(named)
