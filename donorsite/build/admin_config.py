"""The web editor's configuration (Decap CMS ``admin/config.yml``), derived from the content model.

Every form field comes from the JSON Schema of the model that ``check``
validates with: the same names, choices, patterns and ranges, so the editor
cannot drift from the schema. A localized text becomes a group with one
field per site locale, each labelled with its language's own name; the
editor's source language is the required one. There is one config per site
locale: its labels and hints come from the editor catalogs (``admin_labels``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import yaml
from pydantic import BaseModel

from donorsite.build.admin_labels import Translate, editor_template_text, editor_translator
from donorsite.build.settings import EditorOptions, donorsite_settings
from donorsite.core.campaign_ids import CAMPAIGN_EXTENSION
from donorsite.core.locales import DEFAULT_LOCALE, LOCALES, get_locale
from donorsite.model.campaign import Campaign
from donorsite.model.donation_sites import SitesFile
from donorsite.model.slogan import SloganFile
from donorsite.model.supply import SupplyFile, SupplyLevel
from donorsite.model.time_zones import region_zone_names

# libyaml's emitter writes the same text as PyYAML's own, several times faster: four configs at every build.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Decap's own interface languages, by site locale (decap-cms-locales).
_DECAP_LOCALES = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "vi": "vi", "en": "en"}
_LOCALIZED = ("LocalizedText", "LocalizedMarkdown", "LocalizedName")
# Labels the field name alone would not make clear.
_LABELS = {
    "id": "Campaign id (file name)",
    "url": "Web address",
    "src": "Picture file",
    "alt": "Text alternative",
    "whole_blood_ml": "Whole blood (mL)",
    "plasma_ml": "Plasma (mL)",
}
# The one set of defaults is EditorOptions' (the schema of mkdocs.yml's extra.donorsite.editor).
_OPTIONS = EditorOptions()
HEADER = "# Generated from the content model by `donorsite admin-config`; do not edit (the build writes it again).\n"


@dataclass(frozen=True)
class EditorSettings:
    """One config's settings: ``EditorOptions`` from ``mkdocs.yml`` (their defaults too), the language, the site's address."""

    repository: str = _OPTIONS.repository
    branch: str = _OPTIONS.branch
    # The language of this config: the editor's interface, labels and hints, and the texts it requires.
    language: str = DEFAULT_LOCALE
    site_url: str = "/"
    # Where decap-server listens while editing a local checkout (its PORT; `donorsite edit --port`).
    local_port: int = _OPTIONS.local_port

    def in_language(self, language: str) -> EditorSettings:
        """The same settings for editors writing in ``language``."""
        return replace(self, language=language)

    @property
    def local_backend(self) -> str:
        """The address of decap-server's API."""
        return f"http://localhost:{self.local_port}/api/v1"


@functools.cache
def _json_schema(model: type[BaseModel]) -> str:
    """``model``'s JSON Schema as JSON text: made once per build process, read afresh by each language's converter."""
    return json.dumps(model.model_json_schema(by_alias=True, mode="validation"))


class _Converter:
    """Turns one model's JSON Schema into Decap fields."""

    def __init__(self, model: type[BaseModel], language: str, translate: Translate) -> None:
        self.schema: dict[str, Any] = json.loads(_json_schema(model))
        self.definitions: dict[str, Any] = self.schema.get("$defs", {})
        self.language = language
        self.translate = translate

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
        base: dict[str, Any] = {"name": name, "label": _name_label(name, self.translate), "required": required and not nullable}
        if schema.get("description"):
            base["hint"] = self.translate(schema["description"])
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
            shown = self.translate("e.g. %(example)s") % {"example": example} if example else self.translate("see the hint")
            string["pattern"] = [schema["pattern"], shown]
        return string

    def _list(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        items, definition, _ = self._resolve(schema.get("items", {}))
        limits = {key: schema[key] for key in ("minItems", "maxItems") if key in schema}
        listed: dict[str, Any] = {"widget": "list", **{("min" if k == "minItems" else "max"): v for k, v in limits.items()}}
        if definition in _LOCALIZED:
            return {**listed, "field": {"name": "text", "label": _name_label(name, self.translate), **self._localized(False, True)}}
        if items.get("type") == "object":
            return {**listed, "fields": self._object_fields(items)}
        return {**listed, "field": {"name": "item", "label": _name_label(name, self.translate), **self._widget(name, items)}}


def _annotations(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: schema[key] for key in ("description", "title", "default", "examples") if key in schema}


def _label(name: str) -> str:
    return _LABELS.get(name) or name.replace("_", " ").capitalize()


def _name_label(name: str, translate: Translate) -> str:
    """The label of field ``name``: a blood type (AB+) is shown as written, in every language; any other name is translated."""
    return translate(_label(name)) if name.isidentifier() else name


def _files_collection(name: str, label: str, file_name: str, model: type[BaseModel], language: str, translate: Translate) -> dict[str, Any]:
    fields = _Converter(model, language, translate).fields()
    label = translate(label)
    return {"name": name, "label": label, "files": [{"name": name, "label": label, "file": file_name, "fields": fields}]}


def _campaign_fields(language: str, translate: Translate) -> list[dict[str, Any]]:
    """The campaign form: the model's fields, the editor's language as the source language, the id required."""
    fields = _Converter(Campaign, language, translate).fields()
    for field in fields:
        if field["name"] == "source_language":
            field["default"] = language
        if field["name"] == "id":
            # The file is named after it, so a new campaign needs one; check says if it is not the file's name.
            field["required"] = True
    return fields


def admin_config(settings: EditorSettings, translate: Translate | None = None) -> dict[str, Any]:
    """The Decap CMS configuration for the site's content files, in ``settings.language``.

    Labels and hints come from the editor catalogs unless ``translate`` is given.
    """
    language = get_locale(settings.language).code
    translate = translate or editor_translator(language)
    campaigns = {
        "name": "campaigns",
        "label": translate("Campaigns"),
        "label_singular": translate("Campaign"),
        "folder": "campaigns",
        "extension": CAMPAIGN_EXTENSION.lstrip("."),
        "format": "yaml",
        "create": True,
        # The file name is the campaign id the editor writes (the id rule's pattern): every campaign
        # has one, whatever its languages, unlike a title in English or a Chinese title's letters.
        "identifier_field": "id",
        "slug": "{{fields.id}}",
        "summary": "{{fields.year}} · {{fields.title." + language + "}}",
        "fields": _campaign_fields(language, translate),
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
            _files_collection("slogans", "Slogans", "slogans.yaml", SloganFile, language, translate),
            _files_collection("sites", "Donation sites", "sites.yaml", SitesFile, language, translate),
            _files_collection("supply", "Blood supply", "supply.yaml", SupplyFile, language, translate),
        ],
    }


def admin_config_text(settings: EditorSettings) -> str:
    """``admin/config.yml`` as written into the site."""
    return HEADER + yaml.dump(admin_config(settings), Dumper=_FAST_DUMPER, allow_unicode=True, sort_keys=False, width=120)


def editor_messages() -> list[str]:
    """Every English label and hint the configs use: the msgids of the editor catalogs, in the order first met."""
    seen: dict[str, None] = {}

    def record(text: str) -> str:
        seen.setdefault(text, None)
        return text

    admin_config(EditorSettings(language="en"), record)
    return list(seen)


def editor_template() -> str:
    """``editor.pot`` as generated from the model (``donorsite admin-config --template``)."""
    return editor_template_text(editor_messages())


def editor_settings(config: dict[str, Any]) -> EditorSettings:
    """The editor's settings from ``mkdocs.yml`` as data (``extra.donorsite.editor``, the default locale and site_url).

    Raises ``SettingsError`` naming a wrong setting.
    """
    settings = donorsite_settings(config)
    editor = settings.editor or _OPTIONS
    return EditorSettings(
        repository=editor.repository,
        branch=editor.branch,
        language=editor.language or settings.default_locale,
        site_url=str(config.get("site_url") or "/"),
        local_port=editor.local_port,
    )


def each_language(settings: EditorSettings) -> Iterator[EditorSettings]:
    """The settings of every site locale's config, in the order of the site's locales."""
    for site_locale in LOCALES:
        yield settings.in_language(site_locale.code)
