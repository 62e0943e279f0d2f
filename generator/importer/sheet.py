"""Read award lists into plain grids of cleaned cell text.

Everything later stages need from the file is here: the text of every cell
(NFC, spaces collapsed, legacy fonts converted when certain), whether the cell
is covered by a merged range (the value of the range's top-left cell applies
to all of it, as Excel displays it), and, for .xlsx cells whose reading depends
on it, the font, which tells TCVN3 from VNI.

Two readers feed this grid: :mod:`~generator.importer.workbook` (.xlsx, .xls,
.ods through python-calamine) and :mod:`~generator.importer.textfile` (CSV and
"Unicode text" exports).  Whatever the bytes, reading ends in sheets or in a
:class:`SheetError` that the caller turns into a positioned Problem.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.i18n import Msg
from generator.importer.legacy import LegacyResult, detect

#: Rows read from one sheet at most: award lists are hundreds of rows; a sheet
#: formatted down to row 1,048,576 must not make the import crawl.
MAX_ROWS = 20_000
MAX_COLS = 60
#: Bigger files are not award lists (or are damaged); refused before parsing.
MAX_BYTES = 50 * 1024 * 1024

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")

_SPACES = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\x00"))


class SheetError(Exception):
    """The file cannot be read at all (wrong type, damaged, protected).

    ``variant`` and ``params`` make the ``nhap-tep-loi`` message of the error catalogue.
    """

    def __init__(self, variant: str, params: dict[str, Any], row: int = 1, col: int = 1) -> None:
        super().__init__(variant)
        self.variant = variant
        self.params = params
        self.row = row
        self.col = col


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
    #: How a text file was read, for the summary ("văn bản UTF-16, phân cách bằng dấu tab").
    source: Msg | None = None

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


def value_text(value: Any) -> str:
    """A cell value as the text the importer reads (dates ISO, whole numbers without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return clean_text(str(value))


def make_cell(value: Any, font: str | None = None) -> Cell:
    raw = value_text(value)
    cell = Cell(text=raw, raw=raw, font=font)
    if raw and not raw.isascii():
        result = detect(raw, font)
        if result.encoding is not None:
            cell.legacy = result
            if result.converted is not None:
                cell.text = clean_text(result.converted)
    return cell


#: Fonts that stand for each way a legacy cell can be read.
_PROBE_FONTS = (".VnTime", ".VnTimeH", "VNI-Times")


def font_matters(raw: str) -> bool:
    """Would the cell's font change how ``raw`` is read?  Only then is it worth looking up."""
    if raw.isascii():
        return False
    plain = detect(raw)
    return any(detect(raw, font) != plain for font in _PROBE_FONTS)


def apply_merges(
    rows: list[list[Cell]], ranges: Iterable[tuple[int, int, int, int]]
) -> list[list[Cell]]:
    """Fill every merged range (top, left, bottom, right; 1-based) with its top-left value."""
    for top, left, bottom, right in ranges:
        bottom = min(bottom, MAX_ROWS)
        right = min(right, MAX_COLS)
        if top > bottom or left > right or top < 1 or left < 1:
            continue
        while len(rows) < bottom:
            rows.append([])
        for row in rows[top - 1 : bottom]:
            row.extend(Cell() for _ in range(right - len(row)))
        anchor = rows[top - 1][left - 1]
        span_rows = bottom - top + 1
        span_cols = right - left + 1
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
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
    return rows


def trim(rows: list[list[Cell]]) -> list[list[Cell]]:
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


def decode_csv_bytes(raw: bytes) -> str:
    """The text of a CSV or text export (see :func:`generator.importer.textfile.decode`)."""
    from generator.importer.textfile import decode

    return decode(raw)[0]


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SheetError("too-large", {"file": path.name, "size": size, "limit": MAX_BYTES})
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SheetError("unreadable", {"file": path.name, "reason": reason}) from None


def read_sheets(path: Path) -> list[Sheet]:
    """Every visible sheet of ``path`` as cleaned text; :class:`SheetError` when unreadable."""
    from generator.importer.textfile import read_text
    from generator.importer.workbook import read_workbook

    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES + TEXT_SUFFIXES:
        raise SheetError("suffix", {"file": path.name, "suffix": path.suffix})
    raw = _read_bytes(path)
    if not raw.strip():
        raise SheetError("empty", {"file": path.name})
    sheets = (
        read_text(raw, path.stem)
        if suffix in TEXT_SUFFIXES
        else read_workbook(raw, path.name, suffix)
    )
    if not any(sheet.rows for sheet in sheets):
        raise SheetError("empty-sheets", {"file": path.name})
    return sheets
