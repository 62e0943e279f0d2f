"""CSV and text exports of a spreadsheet → one sheet of cleaned cells.

Excel writes lists as text in a few ways, and editors send all of them:

- "CSV UTF-8": UTF-8 with a byte order mark, fields separated by ``,`` (or
  ``;`` where the decimal separator is a comma, as on Vietnamese Windows);
- "CSV (Comma delimited)": the Windows code page, which on a Vietnamese
  Windows is Windows-1258 (tones as combining marks; NFC composes them);
- "Unicode Text": UTF-16 little-endian with a byte order mark, tab-separated.

The encoding is decided by the byte order mark, then by the NUL bytes UTF-16
is full of, then by whether the bytes are valid UTF-8 (Windows-1258 text almost
never is), and only then is Windows-1258 assumed.  The delimiter is the one of
tab, ``;`` and ``,`` that splits the most lines into the same number of fields.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from generator.i18n import Msg
from generator.importer.sheet import MAX_COLS, MAX_ROWS, Sheet, SheetError, make_cell, trim

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8 BOM"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 BE"),
)

#: Delimiters tried, with the phrase that names them in the summary.
DELIMITERS = {
    "\t": "import.delimiter-tab",
    ";": "import.delimiter-semicolon",
    ",": "import.delimiter-comma",
}

#: Lines looked at to choose the delimiter.
_SNIFF_LINES = 200


def _utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes fill every other position (text mostly ASCII)."""
    sample = raw[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def decode(raw: bytes) -> tuple[str, str]:
    """The text of ``raw`` and the name of the encoding it was read in."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, errors="replace"), label
    codec16 = _utf16_without_bom(raw)
    if codec16 is not None:
        return raw.decode(codec16, errors="replace"), codec16.upper().replace("-LE", " LE").replace(
            "-BE", " BE"
        )
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        # cp1258 spells tones as combining marks; NFC (in clean_text) composes them.
        return raw.decode("cp1258", errors="replace"), "Windows-1258"


def sniff_delimiter(text: str) -> str:
    """Tab, ``;`` or ``,``: the one that splits the most lines into the same number of fields."""
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    best = ","
    best_score = (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [len(fields) for fields in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        split = Counter(c for c in counts if c > 1)
        if not split:
            continue
        fields, lines_with_it = split.most_common(1)[0]
        score = (lines_with_it, fields)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_text(raw: bytes, name: str) -> list[Sheet]:
    text, encoding = decode(raw)
    text = text.replace("\x00", "")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for record in reader:
            rows.append([make_cell(value) for value in record[:MAX_COLS]])
            if len(rows) >= MAX_ROWS:
                break
    except csv.Error as exc:
        raise SheetError(
            "text-row",
            {"row": reader.line_num, "detail": str(exc)},
            row=max(reader.line_num, 1),
        ) from None
    source = Msg("import.text-source", encoding=encoding, delimiter=Msg(DELIMITERS[delimiter]))
    return [Sheet(name, trim(rows), source=source)]
