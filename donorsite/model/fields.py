"""Field types shared by the campaign and slogan formats.

Each type validates what an editor writes and explains a mistake in words
the editor can act on; each also carries its JSON Schema, so the schema
editors get in their editor comes from this same declaration.
"""

from __future__ import annotations

import re
from datetime import date, time
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlsplit

from babel import Locale
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainValidator,
    WithJsonSchema,
    create_model,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from donorsite.core.campaign_ids import CAMPAIGN_ID, MAX_ID_LENGTH, WINDOWS_DEVICE_NAMES
from donorsite.core.locales import LOCALE_CODES
from donorsite.core.text_hygiene import find_bad_character, mixed_script_label
from donorsite.model.markdown_links import is_site_path, markdown_targets


class StrictModel(BaseModel):
    """Base of every content model: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)


def editor_error(kind: str, message: str) -> PydanticCustomError:
    """A validation error whose message is shown to the editor as written."""
    return PydanticCustomError(kind, message, None)


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
            _check_link(href.replace("\\", "/"), _LINK_SCHEMES)
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


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _parse_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise editor_error(
            "date_format",
            f"{value!r} is not a date; write it as YYYY-MM-DD, for example 2022-11-03",
        )
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise editor_error(
            "date_impossible",
            f"{value} is not a real date; check the month (01-12) and the day of that month",
        ) from None
    if not 1990 <= parsed.year <= 2100:
        raise editor_error("date_range", f"the year {parsed.year} looks mistyped; use a year between 1990 and 2100")
    return parsed


def _parse_time(value: Any) -> time:
    if isinstance(value, str):
        match = _TIME.fullmatch(value)
        if match:
            return time(int(match.group(1)), int(match.group(2)))
        raise editor_error(
            "time_format",
            f'{value!r} is not a time; write it as "HH:MM" on a 24-hour clock, for example "18:30"',
        )
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2359 and value % 100 < 60:
        hint = f"{value // 100:02d}:{value % 100:02d}"
        raise editor_error(
            "time_number",
            f'{value} is a number, not a time; write it as "{hint}" (with quotes)',
        )
    raise editor_error(
        "time_format",
        f'{value!r} is not a time; write it as "HH:MM" (with quotes), for example "18:30"',
    )


CalendarDate = Annotated[
    date,
    PlainValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE.pattern}),
]
TimeOfDay = Annotated[
    time,
    PlainValidator(_parse_time),
    WithJsonSchema({"type": "string", "pattern": _TIME.pattern, "examples": ["18:30"]}),
]


def closest_match(value: str, options: list[str]) -> str | None:
    """The option most like ``value`` (a likely typo), or None.

    >>> closest_match("zh-hans", ["zh-Hans", "zh-Hant", "vi", "en"])
    'zh-Hans'
    """
    import difflib

    matches = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


_LINK_SCHEMES = ("http", "https", "mailto", "tel")
_PHONE_PATTERN = r"^\+?[0-9][0-9 ()\-]{2,30}$"
_PHONE = re.compile(_PHONE_PATTERN)
# The dot-atom of RFC 5322 before the '@' (no ':', '(' or spaces, so no "javascript:...//@x.yz"), host labels after it.
_EMAIL_PATTERN = r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[\w-]+(\.[\w-]+)+$"
_EMAIL = re.compile(_EMAIL_PATTERN)


def _check_link(value: str, schemes: tuple[str, ...]) -> str:
    allowed = ", ".join(f"{s}:" for s in schemes)
    if value != value.strip():
        raise editor_error("link_spaces", f"{value!r} has spaces before or after the link; remove them")
    bad = find_bad_character(value, allow_line_breaks=False)
    if bad:
        raise editor_error("link_character", f"the link contains {bad.message}")
    if value.startswith("//"):
        raise editor_error("link_relative_protocol", f"{value!r} has no scheme; write the full address, starting with https://")
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme not in schemes or any(c.isspace() for c in value):
        raise editor_error("link_scheme", f"{value!r} is not an allowed link; links must start with {allowed}")
    if scheme in ("http", "https"):
        _check_web_host(value, parts.netloc, parts.hostname or "")
    elif scheme == "tel" and not _PHONE.fullmatch(value[len("tel:") :]):
        # A browser runs nothing after tel:, but a number that is not digits is a mistake or a lure.
        raise editor_error("link_phone", f"{value!r} is not a phone number; write tel: and the digits, e.g. tel:+84225384200")
    elif scheme == "mailto" and not _EMAIL.fullmatch(value[len("mailto:") :].split("?", 1)[0]):
        raise editor_error("link_email", f"{value!r} is not an e-mail address; write mailto: and the address, e.g. mailto:info@example.org")
    return value


def _check_web_host(value: str, netloc: str, host: str) -> None:
    if not netloc:
        raise editor_error("link_host", f"{value!r} has no web address after '//'")
    if "@" in netloc:
        raise editor_error(
            "link_user_info",
            f"{value!r} puts a user name before '@', which hides that the link goes to {host!r}; remove everything up to the '@'",
        )
    if "\\" in value.split("?", 1)[0]:
        raise editor_error("link_backslash", f"{value!r} contains a backslash; write the address with '/'")
    mixed = mixed_script_label(host)
    if mixed:
        label, scripts = mixed
        shown = label.encode("ascii", "backslashreplace").decode("ascii")
        raise editor_error(
            "link_mixed_scripts",
            f"the host name part '{shown}' of {value!r} mixes scripts ({', '.join(s.lower() for s in scripts)}), "
            "which can imitate another site's address; write the host in one script",
        )


Link = Annotated[
    str,
    AfterValidator(lambda value: _check_link(value, _LINK_SCHEMES)),
    WithJsonSchema({"type": "string", "pattern": "^(https?://|mailto:|tel:)"}),
]
WebLink = Annotated[
    str,
    AfterValidator(lambda value: _check_link(value, ("http", "https"))),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]
PhoneNumber = Annotated[str, Field(pattern=_PHONE_PATTERN)]


def _check_email(value: str) -> str:
    bad = find_bad_character(value, allow_line_breaks=False)
    if bad:
        raise editor_error("email_character", f"the address contains {bad.message}")
    if not _EMAIL.fullmatch(value):
        raise editor_error("email_format", f"{value!r} is not an e-mail address; write it as name@example.org")
    return value


EmailAddress = Annotated[str, AfterValidator(_check_email), WithJsonSchema({"type": "string", "pattern": _EMAIL_PATTERN})]


def _check_locale_code(value: str) -> str:
    if value in LOCALE_CODES:
        return value
    suggestion = closest_match(value, list(LOCALE_CODES)) or next(
        (code for code in LOCALE_CODES if code.lower() == value.lower().replace("_", "-")), None
    )
    hint = f"; did you mean {suggestion}?" if suggestion else ""
    raise editor_error("locale_unknown", f"{value!r} is not a site locale; use one of {', '.join(LOCALE_CODES)}{hint}")


LocaleCode = Annotated[str, AfterValidator(_check_locale_code), WithJsonSchema({"type": "string", "enum": list(LOCALE_CODES)})]
Count = Annotated[int, Field(ge=0, le=1_000_000_000)]


# Ids of slogans and other entries follow the campaign-id rule: lowercase ASCII words joined by hyphens.
def _check_slug(value: str) -> str:
    # Ids become folder names of the built site: a Windows device name cannot be checked out or copied there.
    if value in WINDOWS_DEVICE_NAMES:
        raise editor_error("id_device_name", f"'{value}' is a name Windows reserves for a device; add a place or year, e.g. {value}-2027")
    return value


Slug = Annotated[str, Field(pattern=CAMPAIGN_ID.pattern, max_length=MAX_ID_LENGTH), AfterValidator(_check_slug)]


@lru_cache(maxsize=1)
def _territory_codes() -> frozenset[str]:
    return frozenset(str(code) for code in Locale("en").territories if isinstance(code, str) and len(code) == 2 and code.isalpha())


def _check_country_code(value: str) -> str:
    if value in _territory_codes():
        return value
    upper = value.upper()
    hint = f"; write it in capitals: {upper}" if upper in _territory_codes() else "; use a two-letter ISO 3166 code such as CN, TW or VN"
    raise editor_error("country_unknown", f"{value!r} is not a country code{hint}")


CountryCode = Annotated[
    str,
    AfterValidator(_check_country_code),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$", "examples": ["CN", "TW", "VN"]}),
]
