"""The JSON Schemas come from the model, accept every sample and reject schema-level mistakes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from donorsite.editing.schema_export import schema_texts
from donorsite.reading.yaml_reader import read_yaml_text
from test_bad_input import CASES, VALID

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "campaigns").glob("*.yaml"))


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def data_of(text: str) -> Any:
    document, problems = read_yaml_text(text, "sample")
    assert document is not None and problems == []
    return document.data


def test_committed_schemas_are_generated_from_the_model() -> None:
    for name, text in schema_texts().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, "run: donorsite schema"


@pytest.mark.parametrize("path", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_schema_accepts_every_sample(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/campaign.schema.json")
    assert list(validator("campaign.schema.json").iter_errors(data_of(text))) == []


def test_schema_accepts_the_slogans() -> None:
    text = (ROOT / "slogans.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schemas/slogan.schema.json")
    assert list(validator("slogan.schema.json").iter_errors(data_of(text))) == []


SCHEMA_ERRORS = [
    "time-as-number",
    "time-out-of-range",
    "date-day-first",
    "year-quoted",
    "year-out-of-range",
    "status-no",
    "status-typo",
    "kind-unknown",
    "unknown-key",
    "unknown-venue-key",
    "locale-key-case",
    "source-language-unknown",
    "required-missing",
    "timezone-missing",
    "javascript-link",
    "data-link",
    "ftp-link",
    "title-not-mapping",
    "events-not-list",
    "negative-count",
    "fractional-count",
    "yes-as-count",
    "schedule-time-number",
    "latitude-out-of-range",
    "phone-letters",
    "huge-schedule",
    "impossible-date",
]


@pytest.mark.parametrize("name", SCHEMA_ERRORS)
def test_schema_rejects_schema_level_mistakes(name: str) -> None:
    case = next(case for case in CASES if case.name == name)
    assert case.change is not None
    document, _ = read_yaml_text(case.change(VALID), "bad")
    assert document is not None
    assert list(validator("campaign.schema.json").iter_errors(document.data)), name


# Issue 17: the blood service's own files.
@pytest.mark.parametrize(("file_name", "schema_name"), [("sites.yaml", "sites.schema.json"), ("supply.yaml", "supply.schema.json")])
def test_schema_accepts_the_service_files(file_name: str, schema_name: str) -> None:
    text = (ROOT / file_name).read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=schemas/{schema_name}")
    assert list(validator(schema_name).iter_errors(data_of(text))) == []
