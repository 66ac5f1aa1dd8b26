"""The CSV sheet a translator fills in: written safe for spreadsheets, read strictly.

Columns are found by their header names. Every problem of a sheet is
reported as ``sheet.csv:line: what to do``, with the line on which the row
starts as a text editor counts it.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or
a tab or carriage return) as a formula. Following OWASP's advice on CSV
injection, the exporter puts a single quote before such a cell, and the
importer removes exactly that quote again, so every text survives the
round trip unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from donorsite.core.text_hygiene import find_bad_character

CSV_COLUMNS = ("file", "field", "locale", "source_language", "source_text", "translation")
MAX_SHEET_BYTES = 20_000_000
# The longest text the content model accepts (a Markdown body).
MAX_CELL_CHARACTERS = 50_000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_GUARD = "'"
_SAVE_AS_UTF8 = 'save it from the spreadsheet as "CSV UTF-8 (comma delimited)"'


class SheetError(Exception):
    """The sheet cannot be used as it is; carries one line per problem."""

    def __init__(self, messages: Iterable[str]) -> None:
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


@dataclass(frozen=True)
class SheetRow:
    """One filled-in row of a sheet, its cells as the translator meant them."""

    line: int
    file: str
    field: str
    locale: str
    translation: str


def _needs_guard(cell: str) -> bool:
    return cell.lstrip(_GUARD).startswith(FORMULA_STARTS)


def guard_formula(cell: str) -> str:
    """``cell`` with a quote in front if a spreadsheet would run it as a formula.

    >>> guard_formula('=HYPERLINK("https://evil.example")')
    '\\'=HYPERLINK("https://evil.example")'
    >>> guard_formula("献血"), unguard_formula(guard_formula("'=x"))
    ('献血', "'=x")
    """
    return _GUARD + cell if _needs_guard(cell) else cell


def unguard_formula(cell: str) -> str:
    """The text ``guard_formula`` was given: removes the quote it adds, and nothing else."""
    if cell.startswith(_GUARD) and _needs_guard(cell[1:]):
        return cell[1:]
    return cell


def write_sheet(rows: Iterable[Sequence[str]]) -> str:
    """CSV text with the standard header and every cell guarded against formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([guard_formula(cell) for cell in row])
    return buffer.getvalue()


def decode_sheet(data: bytes, name: str) -> str:
    """The sheet's text; raises ``SheetError`` if it is too large or not UTF-8."""
    if len(data) > MAX_SHEET_BYTES:
        raise SheetError([f"{name}:1: the sheet is {len(data):,} bytes, more than the {MAX_SHEET_BYTES:,} allowed; split it"])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SheetError([f"{name}:1: the sheet is UTF-16 text; {_SAVE_AS_UTF8}"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SheetError(
            [f"{name}:{line}: the sheet is not UTF-8 text (byte 0x{data[error.start]:02X} cannot be read); {_SAVE_AS_UTF8}"]
        ) from None


def _records(text: str, name: str) -> Iterable[tuple[int, list[str]]]:
    """Each record of the sheet with the line it starts on; raises ``SheetError`` on broken quoting."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field limit" in str(error):
                raise SheetError(
                    [f"{name}:{start}: a cell is longer than the {MAX_CELL_CHARACTERS:,} characters any text may have; shorten it"]
                ) from None
            raise SheetError(
                [f"{name}:{start}: the row cannot be read as CSV ({error}); check the quotes, or export the sheet again"]
            ) from None
        yield start, record
        start = reader.line_num + 1


def _header_problems(header: list[str], name: str) -> list[str]:
    names = [cell.strip() for cell in header]
    problems = []
    duplicates = sorted({cell for cell in names if names.count(cell) > 1})
    if duplicates:
        problems.append(f"{name}:1: the column(s) {', '.join(duplicates)} appear twice; keep one of each")
    missing = [column for column in CSV_COLUMNS if column not in names]
    if missing:
        problems.append(f"{name}:1: missing column(s) {', '.join(missing)}; start from an exported sheet")
    extra = [cell for cell in names if cell not in CSV_COLUMNS]
    if extra:
        shown = ", ".join(repr(cell) for cell in extra)
        problems.append(f"{name}:1: unknown column(s) {shown}; remove them (the columns are {', '.join(CSV_COLUMNS)})")
    return problems


def _cell_problem(cell: str, column: str) -> str | None:
    if len(cell) > MAX_CELL_CHARACTERS:
        return f"the {column} cell has {len(cell):,} characters, more than the {MAX_CELL_CHARACTERS:,} any text may have; shorten it"
    bad = find_bad_character(cell, allow_line_breaks=column in ("translation", "source_text"))
    if bad:
        return f"the {column} cell contains {bad.message}"
    return None


def read_sheet(text: str, name: str) -> list[SheetRow]:
    """The rows of the sheet with a translation filled in.

    Raises ``SheetError`` listing every problem of the header and the rows.
    """
    records = iter(_records(text, name))
    header: list[str] | None = None
    for _, record in records:
        if any(cell.strip() for cell in record):
            header = record
            break
    if header is None:
        raise SheetError([f"{name}:1: the sheet is empty; start from an exported sheet"])
    problems = _header_problems(header, name)
    if problems:
        raise SheetError(problems)
    position = {cell.strip(): index for index, cell in enumerate(header)}
    rows: list[SheetRow] = []
    for line, record in records:
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            fewer = "only" if len(record) < len(header) else ""
            problems.append(
                f"{name}:{line}: the row has {fewer} {len(record)} cells and the header {len(header)}; "
                "give every row one cell per column (a comma inside a text needs quotes around the cell)".replace("  ", " ")
            )
            continue
        cells = {column: unguard_formula(record[position[column]]) for column in CSV_COLUMNS}
        found = [problem for column in CSV_COLUMNS if (problem := _cell_problem(cells[column], column))]
        if found:
            problems += [f"{name}:{line}: {problem}" for problem in found]
            continue
        # Spreadsheets end lines inside a cell with CRLF or LF; texts use LF, as a YAML file reads them.
        translation = cells["translation"].replace("\r\n", "\n").replace("\r", "\n").strip()
        if translation:
            rows.append(SheetRow(line, cells["file"].strip(), cells["field"].strip(), cells["locale"].strip(), translation))
    if problems:
        raise SheetError(problems)
    return rows
