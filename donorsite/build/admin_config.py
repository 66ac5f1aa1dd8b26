"""The web editor's configuration (Decap CMS ``admin/config.yml``), derived from the content model.

Every form field comes from the JSON Schema of the model that ``check``
validates with: the same names, choices, patterns and ranges, so the editor
cannot drift from the schema. A localized text becomes a group with one
field per site locale, each labelled with its language's own name; the
editor's source language is the required one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from donorsite.core.campaign_ids import CAMPAIGN_EXTENSION
from donorsite.core.locales import LOCALES, get_locale
from donorsite.model.campaign import Campaign
from donorsite.model.donation_sites import SitesFile
from donorsite.model.slogan import SloganFile
from donorsite.model.supply import SupplyFile, SupplyLevel
from donorsite.model.time_zones import region_zone_names

# Decap's own interface languages, by site locale (decap-cms-locales).
_DECAP_LOCALES = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "vi": "vi", "en": "en"}
_LOCALIZED = ("LocalizedText", "LocalizedMarkdown", "LocalizedName")
HEADER = "# Generated from the content model by `donorsite admin-config`; do not edit (the build writes it again).\n"


@dataclass(frozen=True)
class EditorSettings:
    """What ``mkdocs.yml`` says about the web editor (``extra.donorsite.editor``)."""

    repository: str = "OWNER/REPOSITORY"
    branch: str = "main"
    # The language editors write in: the editor's interface, and the texts it requires.
    language: str = "zh-Hans"
    site_url: str = "/"
    # Where decap-server listens while editing a local checkout (its PORT; `donorsite edit --port`).
    local_port: int = 8081

    @property
    def local_backend(self) -> str:
        """The address of decap-server's API."""
        return f"http://localhost:{self.local_port}/api/v1"


class _Converter:
    """Turns one model's JSON Schema into Decap fields."""

    def __init__(self, model: type[BaseModel], language: str) -> None:
        self.schema = model.model_json_schema(by_alias=True, mode="validation")
        self.definitions: dict[str, Any] = self.schema.get("$defs", {})
        self.language = language

    def fields(self) -> list[dict[str, Any]]:
        """The Decap fields of the model's top level, in the model's order."""
        return self._object_fields(self.schema)

    def _object_fields(self, schema: dict[str, Any], present: bool = True) -> list[dict[str, Any]]:
        """The fields of an object; inside an optional group (``present`` false) none is required.

        Decap validates the fields of an optional group the editor never opened,
        so a required field there (a map position's latitude) would block every
        save; ``check`` still refuses a group written half.
        """
        required = set(schema.get("required", [])) if present else set()
        return [self.field(name, part, name in required) for name, part in schema.get("properties", {}).items()]

    def _resolve(self, schema: dict[str, Any]) -> tuple[dict[str, Any], str | None, bool]:
        """The schema behind ``$ref`` and ``X | None``; its definition name; whether None is allowed."""
        nullable = False
        options = schema.get("anyOf")
        if options and any(option.get("type") == "null" for option in options):
            nullable = True
            schema = {**next(option for option in options if option.get("type") != "null"), **_annotations(schema)}
        name = None
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = {**self.definitions[name], **_annotations(schema)}
        if name == "LocalizedName" or (schema.get("anyOf") and "$ref" in schema["anyOf"][-1]):
            # A name written once is a plain text in the file; the form offers the per-locale group.
            name = "LocalizedName"
            schema = {**self.definitions["LocalizedName"]["anyOf"][-1], **_annotations(schema)}
        return schema, name, nullable

    def field(self, name: str, schema: dict[str, Any], required: bool) -> dict[str, Any]:
        """The Decap field for property ``name`` of JSON Schema ``schema``: its widget, hint, limits and whether it is required."""
        schema, definition, nullable = self._resolve(schema)
        base: dict[str, Any] = {"name": name, "label": _label(name), "required": required and not nullable}
        if schema.get("description"):
            base["hint"] = schema["description"]
        if definition in _LOCALIZED:
            return {**base, **self._localized(definition == "LocalizedMarkdown", base["required"])}
        return {**base, **self._widget(name, schema, base["required"])}

    def _localized(self, markdown: bool, required: bool) -> dict[str, Any]:
        """One field per locale, labelled in its own language; the source language's is marked, and required where the text is."""
        widget = "markdown" if markdown else "string"
        fields = []
        for site_locale in LOCALES:
            source = site_locale.code == self.language
            label = f"{site_locale.native_name} ({site_locale.code})" + (" ✱" if source and required else "")
            fields.append({"name": site_locale.code, "label": label, "widget": widget, "required": source and required})
        return {"widget": "object", "collapsed": False, "fields": fields}

    def _widget(self, name: str, schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
        if "enum" in schema:
            return {"widget": "select", "options": list(schema["enum"])}
        if "oneOf" in schema:  # a supply level: days or a word; the form offers the words
            return {"widget": "select", "options": [level.value for level in SupplyLevel]}
        kind = schema.get("type")
        # No defaults: Decap fills a new list with one item whenever an item's field has one
        # (an honour roll would appear in every new campaign); the model supplies them instead.
        if kind == "object":
            return {"widget": "object", "fields": self._object_fields(schema, required)}
        if kind == "array":
            return self._list(name, schema)
        if kind == "boolean":
            return {"widget": "boolean"}
        if kind in ("integer", "number"):
            number: dict[str, Any] = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
            if "minimum" in schema:
                number["min"] = schema["minimum"]
            if "maximum" in schema:
                number["max"] = schema["maximum"]
            return number
        if name == "timezone":
            return {"widget": "select", "options": region_zone_names()}
        if schema.get("format") == "date":
            return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True}
        string: dict[str, Any] = {"widget": "string"}
        if "pattern" in schema:
            example = (schema.get("examples") or [""])[0]
            string["pattern"] = [schema["pattern"], f"e.g. {example}" if example else "see the hint"]
        return string

    def _list(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        items, definition, _ = self._resolve(schema.get("items", {}))
        limits = {key: schema[key] for key in ("minItems", "maxItems") if key in schema}
        listed: dict[str, Any] = {"widget": "list", **{("min" if k == "minItems" else "max"): v for k, v in limits.items()}}
        if definition in _LOCALIZED:
            return {**listed, "field": {"name": "text", "label": _label(name), **self._localized(False, True)}}
        if items.get("type") == "object":
            return {**listed, "fields": self._object_fields(items)}
        return {**listed, "field": {"name": "item", "label": _label(name), **self._widget(name, items)}}


def _annotations(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: schema[key] for key in ("description", "title", "default") if key in schema}


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _files_collection(name: str, label: str, file_name: str, model: type[BaseModel], language: str) -> dict[str, Any]:
    fields = _Converter(model, language).fields()
    return {"name": name, "label": label, "files": [{"name": name, "label": label, "file": file_name, "fields": fields}]}


def admin_config(settings: EditorSettings) -> dict[str, Any]:
    """The Decap CMS configuration for the site's content files."""
    language = get_locale(settings.language).code
    campaign_fields = _Converter(Campaign, language).fields()
    for field in campaign_fields:
        if field["name"] == "source_language":
            field["default"] = language
    campaigns = {
        "name": "campaigns",
        "label": "Campaigns",
        "label_singular": "Campaign",
        "folder": "campaigns",
        "extension": CAMPAIGN_EXTENSION.lstrip("."),
        "format": "yaml",
        "create": True,
        # The file name is the campaign id (lowercase ASCII words and hyphens): the year and the English title.
        "identifier_field": "title.en",
        "slug": "{{fields.year}}-{{slug}}",
        "summary": "{{fields.year}} · {{fields.title." + language + "}}",
        "fields": campaign_fields,
    }
    return {
        "backend": {"name": "github", "repo": settings.repository, "branch": settings.branch},
        # Each save is a pull request, so CI's `donorsite check` reaches the editor before anything is published.
        "publish_mode": "editorial_workflow",
        # With `npx decap-server` running (donorsite edit), the editor reads and writes the local checkout instead.
        "local_backend": {"url": settings.local_backend},
        "locale": _DECAP_LOCALES.get(language, "en"),
        "site_url": settings.site_url,
        "media_folder": "docs/images",
        "public_folder": "/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": True},
        "collections": [
            campaigns,
            _files_collection("slogans", "Slogans", "slogans.yaml", SloganFile, language),
            _files_collection("sites", "Donation sites", "sites.yaml", SitesFile, language),
            _files_collection("supply", "Blood supply", "supply.yaml", SupplyFile, language),
        ],
    }


def admin_config_text(settings: EditorSettings) -> str:
    """``admin/config.yml`` as written into the site."""
    return HEADER + yaml.safe_dump(admin_config(settings), allow_unicode=True, sort_keys=False, width=120)


def editor_settings(config: dict[str, Any]) -> EditorSettings:
    """The editor's settings from ``mkdocs.yml`` as data (``extra.donorsite.editor``, the default locale and site_url)."""
    donorsite = (config.get("extra") or {}).get("donorsite") or {}
    editor = donorsite.get("editor") or {}
    return EditorSettings(
        repository=str(editor.get("repository", EditorSettings.repository)),
        branch=str(editor.get("branch", EditorSettings.branch)),
        language=str(editor.get("language", donorsite.get("default_locale", EditorSettings.language))),
        site_url=str(config.get("site_url") or "/"),
        local_port=int(editor.get("local_port", EditorSettings.local_port)),
    )
