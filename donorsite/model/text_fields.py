"""Texts an editor writes: plain text, Markdown, and texts given per locale.

Plain text is checked for markup and hidden characters; Markdown for pictures
and the links a link field would refuse. The per-locale models take their
fields from the locale registry.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any

from babel import Locale
from pydantic import AfterValidator, ConfigDict, Field, GetJsonSchemaHandler, create_model, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from donorsite.core.locales import LOCALE_CODES
from donorsite.core.text_hygiene import find_bad_character
from donorsite.model.fields import StrictModel, editor_error
from donorsite.model.link_fields import LINK_SCHEMES, check_link
from donorsite.model.markdown_links import is_site_path, markdown_targets

_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<\s*[A-Za-z]+[\s/]")


def _check_plain_text(value: str, *, markdown: bool) -> str:
    stripped = value.strip()
    if not stripped:
        raise editor_error("empty_text", "the text is empty; write it or remove the line")
    # Invisible characters that reorder or hide text (bidi overrides, zero-width
    # spaces) let a pasted string show one thing and mean another.
    bad = find_bad_character(value)
    if bad:
        raise editor_error("bad_character", f"the text contains {bad.message}")
    if _HTML_TAG.search(value):
        where = "Markdown only" if markdown else "plain text only"
        raise editor_error(
            "html_in_text",
            f"HTML tags are not allowed here ({where}); remove the '<...>' markup",
        )
    return stripped if not markdown else value.strip("\n")


def _plain_text(value: str) -> str:
    return _check_plain_text(value, markdown=False)


def _markdown_text(value: str) -> str:
    text = _check_plain_text(value, markdown=True)
    # The page keeps only the links a link field allows and no pictures: say so here instead of losing them silently.
    links, pictures = markdown_targets(text)
    if pictures:
        raise editor_error(
            "markdown_picture",
            f"the picture {pictures[0]!r} would not be shown in the text; add it under images: (a file under docs/, with alt text)",
        )
    for href in links:
        if not is_site_path(href.strip()):
            check_link(href.replace("\\", "/"), LINK_SCHEMES)
    return text


PlainText = Annotated[str, Field(max_length=2000), AfterValidator(_plain_text)]
MarkdownText = Annotated[str, Field(max_length=50_000), AfterValidator(_markdown_text)]


class _PerLocaleText(StrictModel):
    """Base of the per-locale text models; their fields come from the locale registry."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    def get(self, code: str) -> str | None:
        """The text written for locale ``code``, or None."""
        return getattr(self, code.replace("-", "_"))  # type: ignore[no-any-return]

    def written_locales(self) -> tuple[str, ...]:
        """Locale codes this text was written in, in site order."""
        return tuple(code for code in LOCALE_CODES if self.get(code))


def _per_locale_fields(text_type: Any) -> dict[str, Any]:
    """One optional field per site locale, named by its code (``zh-Hans`` → ``zh_Hans``), described in English."""
    english = Locale("en")
    fields: dict[str, Any] = {}
    for code in LOCALE_CODES:
        name = code.replace("-", "_")
        alias = code if name != code else None
        description = english.languages.get(name) or Locale.parse(code, sep="-").get_display_name(english)
        fields[name] = (text_type | None, Field(None, alias=alias, description=description))
    return fields


if TYPE_CHECKING:
    # What mypy sees: the fields themselves exist only at run time, one per locale.
    class LocalizedText(_PerLocaleText):
        """A human-readable text given per locale; the campaign's source language is required."""

    class LocalizedMarkdown(LocalizedText):
        """Like LocalizedText, but each text may use Markdown (no raw HTML)."""

else:
    LocalizedText = create_model(
        "LocalizedText",
        __base__=_PerLocaleText,
        __module__=__name__,
        __doc__="A human-readable text given per locale; the campaign's source language is required.",
        **_per_locale_fields(PlainText),
    )
    LocalizedMarkdown = create_model(
        "LocalizedMarkdown",
        __base__=LocalizedText,
        __module__=__name__,
        __doc__="Like LocalizedText, but each text may use Markdown (no raw HTML).",
        **_per_locale_fields(MarkdownText),
    )


class LocalizedName(LocalizedText):
    """A name given per locale, or written once as plain text when it needs no translation.

    ``name: Nhà văn hóa quận Lê Chân`` is shown as written in every locale, so a
    proper name is neither copied into each language nor reported as untranslated.
    """

    @model_validator(mode="before")
    @classmethod
    def _written_once(cls, value: Any) -> Any:
        if isinstance(value, str):
            # Checked once here, so that a mistake is reported once and not per locale.
            checked = _plain_text(value)
            return {code: checked for code in LOCALE_CODES}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        per_locale = handler(core_schema)
        written_once = {"type": "string", "minLength": 1, "description": "The name as written, shown the same in every locale."}
        return {"anyOf": [written_once, per_locale]}
