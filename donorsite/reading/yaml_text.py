"""The text of an editor's YAML file before it is parsed: decoding, editor positions, hidden line breaks."""

from __future__ import annotations

from donorsite.core.problems import Problem
from donorsite.core.text_hygiene import LINE_BREAKS_EDITORS_HIDE, describe_character

Location = tuple[int, int]


def decode_utf8(raw: bytes, display_name: str) -> tuple[str | None, list[Problem]]:
    """The text of ``raw`` (a byte-order mark dropped), or a problem at the first byte that is not UTF-8."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(
                display_name,
                line,
                column,
                "",
                "the file is not UTF-8 text; save it again with the UTF-8 encoding",
            )
        ]
    if text.startswith("\ufeff"):
        # One byte-order mark is dropped above; a second would become part of the first key ("'kind' is required").
        message = "the file starts with two byte-order marks (U+FEFF); save it again as UTF-8 (without BOM)"
        return None, [Problem(display_name, 1, 1, "", message)]
    return text, []


def editor_position(text: str, index: int) -> Location:
    r"""Line and column of ``text[index]`` as an editor shows them (new lines at LF, CRLF or a lone CR).

    >>> editor_position("a: 1\r\nb: 2\rc: 3", 13)
    (3, 3)
    """
    before = text[:index]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    return line, index - line_start + 1


def hidden_line_break_problems(text: str, display_name: str) -> list[Problem]:
    """YAML counts U+0085, U+2028 and U+2029 as new lines and editors do not: refuse them before reading."""
    problems = []
    for index, character in enumerate(text):
        if character in LINE_BREAKS_EDITORS_HIDE:
            line, column = editor_position(text, index)
            problems.append(Problem(display_name, line, column, "", f"the file contains {describe_character(character)}"))
    return problems
