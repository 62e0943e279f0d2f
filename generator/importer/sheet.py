"""Read award lists (.xlsx, .csv) into plain grids of cleaned cell text.

Everything later stages need from the file is here: the text of every cell
(NFC, spaces collapsed, legacy fonts converted when certain), whether the cell
is covered by a merged range (the value of the range's top-left cell applies
to all of it, as Excel displays it), and the font, which tells TCVN3 from VNI.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.importer.legacy import LegacyResult, detect

#: Rows read from one sheet at most: award lists are hundreds of rows; a sheet
#: formatted down to row 1,048,576 must not make the import crawl.
MAX_ROWS = 20_000
MAX_COLS = 60

_SPACES = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


class SheetError(Exception):
    """The file cannot be read at all (wrong type, damaged, unreadable)."""


@dataclass
class Cell:
    text: str = ""  # what the importer uses
    raw: str = ""  # as stored in the file (after NFC and space collapsing)
    font: str | None = None
    covered: bool = False  # inside a merged range, not its top-left cell
    span_cols: int = 1  # width of the merged range this cell belongs to
    span_rows: int = 1
    legacy: LegacyResult | None = None  # set when the raw text looked legacy-encoded


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]] = field(default_factory=list)  # rows[r][c]; row number r + 1

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, col: int) -> Cell:
        """1-based access; missing cells are empty."""
        if 1 <= row <= len(self.rows) and 1 <= col <= len(self.rows[row - 1]):
            return self.rows[row - 1][col - 1]
        return Cell()


def clean_text(value: str) -> str:
    """NFC, invisible characters removed, every run of spaces (and line breaks) one space."""
    text = unicodedata.normalize("NFC", value).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def _value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_text(str(value))


def _make_cell(value: Any, font: str | None) -> Cell:
    raw = _value_text(value)
    cell = Cell(text=raw, raw=raw, font=font)
    if raw and not raw.isascii():
        result = detect(raw, font)
        if result.encoding is not None:
            cell.legacy = result
            if result.converted is not None:
                cell.text = clean_text(result.converted)
    return cell


def read_xlsx(path: Path) -> list[Sheet]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # read_only=False: merged ranges are only known to the full reader.
        workbook = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise SheetError(f"cannot read {path.name} as an Excel .xlsx file: {exc}") from None
    sheets = []
    for ws in workbook.worksheets:
        if getattr(ws, "sheet_state", "visible") != "visible":
            continue  # hidden sheets hold helper data, not the list
        max_row = min(ws.max_row or 0, MAX_ROWS)
        max_col = min(ws.max_column or 0, MAX_COLS)
        rows: list[list[Cell]] = []
        for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col):
            cells = []
            for c in row:
                font = getattr(getattr(c, "font", None), "name", None)
                cells.append(_make_cell(getattr(c, "value", None), font))
            rows.append(cells)
        for merged in ws.merged_cells.ranges:
            top = merged.min_row
            left = merged.min_col
            if top > len(rows):
                continue
            anchor = rows[top - 1][left - 1] if left <= len(rows[top - 1]) else Cell()
            span_rows = merged.max_row - merged.min_row + 1
            span_cols = merged.max_col - merged.min_col + 1
            for r in range(top, min(merged.max_row, len(rows)) + 1):
                for c in range(left, min(merged.max_col, max_col) + 1):
                    covered = (r, c) != (top, left)
                    rows[r - 1][c - 1] = Cell(
                        text=anchor.text,
                        raw=anchor.raw,
                        font=anchor.font,
                        covered=covered,
                        span_cols=span_cols,
                        span_rows=span_rows,
                        # The legacy verdict is reported once, at the range's top-left cell.
                        legacy=None if covered else anchor.legacy,
                    )
        sheets.append(Sheet(ws.title, _trim(rows)))
    workbook.close()
    return sheets


def decode_csv_bytes(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1258 as Vietnamese Excel saves "CSV"."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # cp1258 spells tones as combining marks; NFC (in clean_text) composes them.
        return raw.decode("cp1258", errors="replace")


def read_csv(path: Path) -> list[Sheet]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SheetError(f"cannot read {path}: {exc.strerror}") from None
    text = decode_csv_bytes(raw)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [
        [_make_cell(value, None) for value in record[:MAX_COLS]]
        for record in list(csv.reader(io.StringIO(text), dialect))[:MAX_ROWS]
    ]
    return [Sheet(path.stem, _trim(rows))]


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Drop trailing empty rows and columns (formatting reaches far beyond the data)."""
    width = 0
    for row in rows:
        for index in range(len(row) - 1, -1, -1):
            if row[index].text:
                width = max(width, index + 1)
                break
    while rows and not any(c.text for c in rows[-1]):
        rows.pop()
    return [row[:width] + [Cell() for _ in range(width - len(row))] for row in rows]


def read_sheets(path: Path) -> list[Sheet]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return read_csv(path)
    if suffix == ".xls":
        raise SheetError(
            f"{path.name} is an old Excel 97-2003 (.xls) file; open it in Excel or LibreOffice "
            "and save it as .xlsx (Excel Workbook), then import the .xlsx"
        )
    raise SheetError(f"{path.name}: only .xlsx and .csv files can be imported")
