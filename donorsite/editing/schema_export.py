"""JSON Schemas of the content formats and of the events API, generated from their models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from donorsite.exports.centre_data import SitesApi, SupplyApi
from donorsite.exports.events_api import EventsApi
from donorsite.model.campaign import Campaign
from donorsite.model.donation_sites import SitesFile
from donorsite.model.slogan import SloganFile
from donorsite.model.supply import SupplyFile

SCHEMA_FOLDER = "schemas"
SCHEMAS: dict[str, type[BaseModel]] = {
    "campaign.schema.json": Campaign,
    "slogan.schema.json": SloganFile,
    "events-api.schema.json": EventsApi,
    "sites.schema.json": SitesFile,
    "supply.schema.json": SupplyFile,
    "supply-api.schema.json": SupplyApi,
    "sites-api.schema.json": SitesApi,
}
# Formats the site writes rather than reads are described as they are
# serialised: every field present, dates as strings.
OUTPUT_FORMATS: frozenset[type[BaseModel]] = frozenset({EventsApi, SupplyApi, SitesApi})


def json_schema(model: type[BaseModel], file_name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``model``, keyed by YAML names (as written, for output formats)."""
    schema = model.model_json_schema(by_alias=True, mode="serialization" if model in OUTPUT_FORMATS else "validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": file_name, **schema}


def schema_texts() -> dict[str, str]:
    """File name to schema text, as written into ``schemas/``."""
    return {
        name: json.dumps(json_schema(model, name), ensure_ascii=False, indent=2, sort_keys=True) + "\n" for name, model in SCHEMAS.items()
    }


def write_schemas(root: Path) -> list[Path]:
    """Write the schemas into ``root/schemas``; return the files written."""
    folder = root / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
