"""Links, phone numbers and e-mail addresses: what a reader can follow or call from a page.

A link that hides where it goes (a user name before '@', mixed scripts in a
host name, a scheme a browser would run) is refused with words the editor can act on.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, WithJsonSchema

from donorsite.core.text_hygiene import find_bad_character, mixed_script_label
from donorsite.model.fields import editor_error

LINK_SCHEMES = ("http", "https", "mailto", "tel")
_PHONE_PATTERN = r"^\+?[0-9][0-9 ()\-]{2,30}$"
_PHONE = re.compile(_PHONE_PATTERN)
# The dot-atom of RFC 5322 before the '@' (no ':', '(' or spaces, so no "javascript:...//@x.yz"), host labels after it.
_EMAIL_PATTERN = r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[\w-]+(\.[\w-]+)+$"
_EMAIL = re.compile(_EMAIL_PATTERN)


def check_link(value: str, schemes: tuple[str, ...]) -> str:
    """``value`` if it is a link with one of ``schemes`` that shows where it goes; raises the editor's error otherwise."""
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
    AfterValidator(lambda value: check_link(value, LINK_SCHEMES)),
    WithJsonSchema({"type": "string", "pattern": "^(https?://|mailto:|tel:)"}),
]
WebLink = Annotated[
    str,
    AfterValidator(lambda value: check_link(value, ("http", "https"))),
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
