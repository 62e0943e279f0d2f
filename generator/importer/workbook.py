"""Spreadsheets (.xlsx, .xls, .ods) → sheets of cleaned cells, through python-calamine.

One reader serves the three formats: calamine gives every cell's value, and
the merged ranges of .xlsx and .xls files.  It does not report merged ranges of
.ods files, so those are read from the file's ``content.xml``
(``table:number-columns-spanned`` / ``number-rows-spanned``).

Fonts are read (with openpyxl, from .xlsx files only) just for the cells whose
reading as legacy TCVN3/VNI text depends on the font: a font such as
``.VnTime`` settles whether "Hái" is the word typed or "Hỏi" in TCVN3.

The file type is recognised from its bytes, not its name: a list saved as
.xlsx but named .xls still opens; a web page named .xls, a password-protected
workbook or a damaged file is refused with a sentence that says so.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

import python_calamine as calamine
from openpyxl.utils import column_index_from_string, get_column_letter

from generator.importer.sheet import (
    MAX_COLS,
    MAX_ROWS,
    Cell,
    Sheet,
    SheetError,
    apply_merges,
    font_matters,
    make_cell,
    trim,
)

#: Cells of the grid up to a sheet's farthest value, at most (checked before calamine reads it).
MAX_CELLS = 10_000_000

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .xls, and encrypted .xlsx
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _kind_of(raw: bytes) -> str:
    if raw.startswith(_ZIP):
        return "zip"
    if raw.startswith(_OLE):
        return "ole"
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<")):
        return "markup"
    return "other"


def _encrypted(raw: bytes) -> bool:
    """An Office file protected with a password is a Compound File holding "EncryptedPackage"."""
    return raw.startswith(_OLE) and "EncryptedPackage".encode("utf-16-le") in raw


def read_workbook(raw: bytes, name: str, suffix: str) -> list[Sheet]:
    kind = _kind_of(raw)
    if _encrypted(raw):
        raise SheetError("password", {"file": name})
    if kind == "markup":
        raise SheetError("markup", {"file": name, "suffix": suffix})
    if kind == "other":
        raise SheetError("not-workbook", {"file": name})
    try:
        return _read(raw, name)
    except SheetError:
        raise
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:
        # calamine is a parser of untrusted bytes written in Rust: a damaged file may surface
        # as any of its exceptions or as a Rust panic (pyo3's PanicException derives from
        # BaseException).  None of them may reach the editor as a traceback.
        if isinstance(exc, calamine.PasswordError):
            raise SheetError("password", {"file": name}) from None
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SheetError("damaged", {"file": name, "detail": detail}) from None


def _read(raw: bytes, name: str) -> list[Sheet]:
    is_ods = raw.startswith(_ZIP) and _zip_member(raw, "content.xml")
    ods_spans: dict[int, list[tuple[int, int, int, int]]] = {}
    extent: tuple[int, int] | None = None
    if is_ods:
        ods_spans, extent = _ods_layout(raw)
    elif raw.startswith(_ZIP):
        extent = _xlsx_extent(raw)
    if extent is not None and extent[0] * extent[1] > MAX_CELLS:
        # calamine lays every sheet out as a full grid up to its farthest value: a stray value
        # in cell XFD20000 would take a minute and gigabytes, so it is refused before reading.
        far_row, far_col = extent
        raise SheetError(
            "far-cell", {"file": name, "cell": f"{get_column_letter(far_col)}{far_row}"}
        )
    workbook = calamine.load_workbook(io.BytesIO(raw))
    sheets = []
    for index, meta in enumerate(workbook.sheets_metadata):
        if meta.visible != calamine.SheetVisibleEnum.Visible:
            continue  # hidden sheets hold helper data, not the list
        sheet = workbook.get_sheet_by_index(index)
        values = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS)
        rows = [[make_cell(value) for value in row[:MAX_COLS]] for row in values]
        merged = sheet.merged_cell_ranges
        ranges = (
            [(top + 1, left + 1, bottom + 1, right + 1) for (top, left), (bottom, right) in merged]
            if merged is not None
            else ods_spans.get(index, [])
        )
        sheets.append(Sheet(meta.name, rows=apply_merges(rows, ranges)))
    workbook.close()
    if raw.startswith(_ZIP) and not is_ods:
        _add_fonts(raw, sheets)
    return [Sheet(s.name, trim(s.rows)) for s in sheets]


def _zip_member(raw: bytes, member: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


# -- .ods merged cells -------------------------------------------------------------


def _attr(element: Any, name: str, default: int = 1) -> int:
    value = element.get(f"{{{_TABLE}}}{name}")
    try:
        return max(1, int(value)) if value is not None else default
    except ValueError:
        return default


def _ods_layout(
    raw: bytes,
) -> tuple[dict[int, list[tuple[int, int, int, int]]], tuple[int, int] | None]:
    """Merged ranges of each table (sheet index → top, left, bottom, right) and the farthest
    row and column holding a value in any table."""
    spans: dict[int, list[tuple[int, int, int, int]]] = {}
    extent = (0, 0)
    try:
        with (
            zipfile.ZipFile(io.BytesIO(raw)) as archive,
            archive.open("content.xml") as content,
        ):
            for kind, table, top, left, rows, cols in _walk_ods(content):
                if kind == "span":
                    spans.setdefault(table, []).append((top, left, top + rows - 1, left + cols - 1))
                else:
                    extent = (max(extent[0], top), max(extent[1], left))
    except (zipfile.BadZipFile, KeyError, OSError, ParseError, ValueError):
        return spans, None  # calamine reports what is wrong with the file
    return spans, extent


def _walk_ods(content: Any) -> Iterator[tuple[str, int, int, int, int, int]]:
    """("span", table, row, col, rows, cols) per merged range; ("value", table, last row,
    last col, 1, 1) per row holding values."""
    table_tag = f"{{{_TABLE}}}table"
    row_tag = f"{{{_TABLE}}}table-row"
    cell_tags = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
    value_type = f"{{{_OFFICE}}}value-type"
    table = -1
    depth = 0  # tables nested inside a cell (rare) are not sheets
    row = 0
    col = 0
    last_value_col = 0
    for event, element in iterparse(content, events=("start", "end")):
        tag = element.tag
        if tag == table_tag:
            if event == "start":
                depth += 1
                if depth == 1:
                    table += 1
                    row = 0
            else:
                depth -= 1
                element.clear()
            continue
        if depth != 1:
            continue
        if tag == row_tag:
            if event == "start":
                row += 1
                col = 0
                last_value_col = 0
            else:
                repeat = _attr(element, "number-rows-repeated")
                if last_value_col:
                    yield "value", table, row + repeat - 1, last_value_col, 1, 1
                row += repeat - 1
                element.clear()
        elif tag in cell_tags and event == "start":
            repeat = _attr(element, "number-columns-repeated")
            rows = _attr(element, "number-rows-spanned")
            cols = _attr(element, "number-columns-spanned")
            if (rows > 1 or cols > 1) and row <= MAX_ROWS:
                for n in range(min(repeat, MAX_COLS)):
                    if col + 1 + n * cols <= MAX_COLS:
                        yield "span", table, row, col + 1 + n * cols, rows, cols
            if element.get(value_type) is not None:
                last_value_col = col + repeat
            col += repeat
        elif tag in cell_tags:
            element.clear()


# -- how far .xlsx sheets reach ------------------------------------------------------

_CELL_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})")


def _xlsx_extent(raw: bytes) -> tuple[int, int] | None:
    """The farthest row and column holding a value in any worksheet of an .xlsx file."""
    extent = (0, 0)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for member in archive.namelist():
                if not (member.startswith("xl/worksheets/") and member.endswith(".xml")):
                    continue
                with archive.open(member) as sheet:
                    for _event, element in iterparse(sheet, events=("end",)):
                        if not element.tag.endswith("}c"):
                            if element.tag.endswith("}row"):
                                element.clear()
                            continue
                        found = _CELL_REF.fullmatch(element.get("r") or "")
                        if found and len(element):  # a value, formula or inline string
                            extent = (
                                max(extent[0], int(found.group(2))),
                                max(extent[1], column_index_from_string(found.group(1))),
                            )
    except (zipfile.BadZipFile, KeyError, OSError, ParseError, ValueError):
        return None  # calamine reports what is wrong with the file
    return extent


# -- fonts of legacy cells in .xlsx --------------------------------------------------


def _add_fonts(raw: bytes, sheets: list[Sheet]) -> None:
    """Re-read the cells whose reading depends on their font, with the font (openpyxl)."""
    wanted = {
        sheet.name: {
            (r, c)
            for r, row in enumerate(sheet.rows, start=1)
            for c, cell in enumerate(row, start=1)
            if not cell.covered and font_matters(cell.raw)
        }
        for sheet in sheets
    }
    if not any(wanted.values()):
        return
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # calamine read the values; fonts are only a hint
        return
    try:
        for sheet in sheets:
            cells = wanted.get(sheet.name)
            if not cells or sheet.name not in workbook.sheetnames:
                continue
            last = max(r for r, _ in cells)
            for row in workbook[sheet.name].iter_rows(max_row=last):
                for found in row:
                    position = (getattr(found, "row", None), getattr(found, "column", None))
                    if position not in cells:
                        continue
                    font = getattr(getattr(found, "font", None), "name", None)
                    r, c = position
                    assert r is not None and c is not None
                    old = sheet.rows[r - 1][c - 1]
                    new = make_cell(old.raw, font)
                    new.covered, new.span_rows, new.span_cols = (
                        old.covered,
                        old.span_rows,
                        old.span_cols,
                    )
                    _replace_range(sheet, r, c, old, new)
    except Exception:  # see above
        return
    finally:
        workbook.close()


def _replace_range(sheet: Sheet, row: int, col: int, old: Cell, new: Cell) -> None:
    """Put ``new`` at (row, col) and give the cells its merged range covers the same text."""
    sheet.rows[row - 1][col - 1] = new
    for r in range(row, row + old.span_rows):
        for c in range(col, col + old.span_cols):
            if (r, c) == (row, col) or r > len(sheet.rows) or c > len(sheet.rows[r - 1]):
                continue
            covered = sheet.rows[r - 1][c - 1]
            if covered.covered and covered.raw == old.raw:
                covered.text = new.text
                covered.font = new.font
