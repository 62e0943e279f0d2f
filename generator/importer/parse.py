"""Rows of an award list → entries: collectives, individuals and groups of authors.

Award lists annexed to a decision look like this::

    LIÊN ĐOÀN LAO ĐỘNG TỈNH …          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG
    (Kèm theo Quyết định số 123/QĐ-LĐLĐ ngày 29/6/2022 …)
    STT | Họ và tên | Chức vụ | Đơn vị | Tên sáng kiến | Ghi chú
    I. TẬP THỂ
    1   | Công đoàn cơ sở … |   | LĐLĐ huyện … | …
    II. CÁ NHÂN
    1   | Nguyễn Văn An | Kỹ sư | Công ty … | …
    2   | Nhóm tác giả:  |       |            | Sáng kiến …   ← a group
    2.1 | Trần Thị Bình  | …                               ← its members ("a)", "-",
    2.2 | Lê Văn Cường   | …                                  or a blank STT, also count)
    TM. BAN THƯỜNG VỤ … CHỦ TỊCH                            ← the footer ends the list

Everything here works on cleaned cell text; nothing is matched to content yet.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from generator.importer.headers import Header, Role, normalise_header
from generator.importer.names import is_all_caps, organisation_case, person_case, sentence_case
from generator.importer.sheet import Cell, Sheet
from generator.importer.titleblock import TitleCell
from generator.vietnamese import fold


class Mode(StrEnum):
    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"


@dataclass
class RowData:
    """The imported columns of one data row."""

    row: int
    stt: str = ""
    name: str = ""
    job_title: str = ""
    unit: str = ""
    initiative: str = ""
    citation: str = ""
    id: str = ""
    cols: dict[Role, int] = field(default_factory=dict)
    covered: set[Role] = field(default_factory=set)  # roles whose cell is inside a merged range

    def col(self, role: Role) -> int:
        return self.cols.get(role, 1)


@dataclass
class Entry:
    """One recipient of the award: a collective, an individual or a group of authors."""

    kind: str  # "unit", "person" or "group"
    row: int
    members: list[RowData] = field(default_factory=list)
    label: RowData | None = None  # the "Nhóm tác giả" row that opens a group
    initiative: str = ""
    initiative_at: tuple[int, int] = (0, 0)
    citation: str = ""

    @property
    def rows(self) -> list[RowData]:
        return ([self.label] if self.label else []) + self.members


@dataclass
class RowProblem:
    row: int
    col: int
    variant: str
    params: dict[str, Any]
    code: str = "nhap-dong-loi"
    warning: bool = False


@dataclass
class Listing:
    sheet: str
    header: Header
    entries: list[Entry] = field(default_factory=list)
    title_block: list[str] = field(default_factory=list)
    title_cells: list[TitleCell] = field(default_factory=list)
    #: Text typed in capitals and re-cased: (row, col, as typed, as imported).
    recased: list[tuple[int, int, str, str]] = field(default_factory=list)
    rows_read: int = 0
    last_row: int = 0  # the last row read (the footer and what follows are not)
    problems: list[RowProblem] = field(default_factory=list)


_TOP_STT = re.compile(r"^\d{1,4}\s*[.)]?$")
_SUB_STT = re.compile(r"^(?:\d{1,4}\s*[.,]\s*\d{1,3}\s*[.)]?|[a-zđ]\s*[.)]|[-+*•–])$")
_SECTION_NUMBER = re.compile(r"^(?:[IVXLC]{1,5}|[A-D])(?:\s*[.):/-]\s*|\s+)")
_ROMAN = re.compile(r"^[IVXLC]{1,5}\s*[.)]?$")
_SECTION_WORDS = re.compile(
    r"^(?:danh sach\s+|khen thuong\s+|khoi\s+)?(tap the|ca nhan|nhom tac gia|nhom)\b(.*)$"
)
_FOOTER = re.compile(
    r"^(?:tong cong|tong so|cong\s*[:(]|an dinh|danh sach (?:nay|tren|co|gom)|"
    r"tm\b|t/m|kt\b|chu tich$|pho chu tich$|nguoi lap|noi nhan|xac nhan|"
    r"ban thuong vu$|truong ban$)"
)
_GROUP_LABEL = re.compile(r"^(?:nhom|tap the tac gia|dong tac gia|cac tac gia|tac gia)\b")
_NAME_PREFIX = re.compile(r"^(?:[-+*•–]\s*|(?:ông|bà|đ/c|đồng chí|anh|chị)\s+(?=[A-ZÀ-ỸĐ]))", re.I)
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
# How names of organisations begin (matched with diacritics: "tổ " is not the surname "Tô").
_ORGANISATION = re.compile(
    r"^(?:công đoàn|cđcs|công ty|tổng công ty|tổ |phòng |ban |trường |bệnh viện|liên đoàn|"
    r"ldld|lđlđ|xí nghiệp|phân xưởng|đội |nhà máy|chi nhánh|trung tâm|tập thể|khoa |hợp tác xã|"
    r"htx|văn phòng|sở |ubnd|ủy ban|uỷ ban|viện |cục |chi cục|hội |câu lạc bộ)"
)


def _folded(text: str) -> str:
    return " ".join(fold(text).lower().split())


def clean_person_name(text: str) -> str:
    """Drop bullets and honorifics; an all-capitals name becomes ``Nguyễn Văn An``."""
    name = text.strip()
    while True:
        stripped = _NAME_PREFIX.sub("", name, count=1).strip()
        if stripped == name:
            break
        name = stripped
    return person_case(name.rstrip(" ,;:"))


def _recase(listing: Listing, data: RowData, mode: Mode) -> None:
    """Names typed in capitals → Vietnamese case (see :mod:`generator.importer.names`)."""
    name_case = clean_person_name if mode is Mode.INDIVIDUAL else organisation_case
    for role, attribute, recase in (
        (Role.NAME, "name", name_case),
        (Role.UNIT, "unit", organisation_case),
        (Role.JOB, "job_title", sentence_case),
    ):
        before = getattr(data, attribute)
        after = recase(before)
        setattr(data, attribute, after)
        if after != before and is_all_caps(before):
            listing.recased.append((data.row, data.col(role), before, after))


def _row_data(sheet: Sheet, header: Header, row: int) -> RowData:
    data = RowData(row=row)
    for col, role in header.roles.items():
        if role is Role.PRIVATE:
            continue
        cell = sheet.cell(row, col)
        data.cols.setdefault(role, col)
        if cell.covered and cell.span_rows > 1:
            data.covered.add(role)
        text = cell.text
        if role is Role.STT:
            data.stt = text
        elif role is Role.NAME:
            data.name = text
        elif role is Role.JOB:
            data.job_title = text
        elif role is Role.UNIT:
            data.unit = text
        elif role is Role.JOB_UNIT:
            job, _, unit = text.partition(",")
            data.job_title = data.job_title or job.strip()
            data.unit = data.unit or unit.strip()
            data.cols.setdefault(Role.JOB, col)
            data.cols.setdefault(Role.UNIT, col)
        elif role is Role.INITIATIVE:
            data.initiative = text
        elif role is Role.CITATION:
            data.citation = f"{data.citation} {text}".strip() if data.citation else text
        elif role is Role.ID:
            data.id = text
    return data


def _row_texts(sheet: Sheet, header: Header, row: int) -> list[tuple[int, Cell]]:
    """Distinct non-empty cells of a row, left to right, private columns left out."""
    out: list[tuple[int, Cell]] = []
    seen: set[str] = set()
    for col in range(1, sheet.width + 1):
        if header.roles.get(col) is Role.PRIVATE:
            continue
        cell = sheet.cell(row, col)
        if cell.text and cell.text not in seen:
            seen.add(cell.text)
            out.append((col, cell))
    return out


def _section(texts: list[tuple[int, Cell]], header: Header, data: RowData) -> Mode | str | None:
    """Mode for a section row, "heading" for another heading row, None for a data row."""
    if _TOP_STT.match(data.stt) or len(texts) > 2:
        return None
    joined = " ".join(cell.text for _, cell in texts)
    numbered = bool(_SECTION_NUMBER.match(joined)) or bool(_ROMAN.match(texts[0][1].text))
    body = _SECTION_NUMBER.sub("", joined, count=1) if numbered else joined
    match = _SECTION_WORDS.match(_folded(body))
    letters = [ch for ch in body if ch.isalpha()]
    upper = bool(letters) and all(ch.isupper() for ch in letters)
    if match:
        rest = match.group(2).strip()
        if numbered or upper or not rest or rest[0] in ":(-":
            return Mode.COLLECTIVE if match.group(1) == "tap the" else Mode.INDIVIDUAL
    name_col = header.column(Role.NAME)
    only_col, only_cell = texts[0]
    if len(texts) == 1 and (
        only_cell.span_cols > 1 and not only_cell.covered and only_col != name_col
    ):
        return "heading"
    if len(texts) == 1 and only_col == name_col and only_cell.span_cols > 2:
        return "heading"
    if numbered and upper:
        return "heading"
    return None


def _is_header_repeat(data: RowData, header: Header, texts: list[tuple[int, Cell]]) -> bool:
    name_col = header.column(Role.NAME)
    if name_col is not None and normalise_header(data.name) == normalise_header(
        header.labels.get(name_col, "")
    ):
        return True
    # A row of column numbers "(1) (2) (3) …" under the header.
    return len(texts) >= 2 and all(_COLUMN_NUMBER.match(cell.text) for _, cell in texts)


def _uses_stt(sheet: Sheet, header: Header) -> bool:
    col = header.column(Role.STT)
    if col is None:
        return False
    return any(
        _TOP_STT.match(sheet.cell(row, col).text)
        for row in range(header.row + 1, len(sheet.rows) + 1)
    )


def parse_listing(sheet: Sheet, header: Header, default_mode: Mode | None = None) -> Listing:
    """Turn the rows under ``header`` into entries, following sections and groups."""
    listing = Listing(sheet=sheet.name, header=header)
    for row in range(1, header.first_row):
        cells = [
            TitleCell(row, col, cell.text)
            for col, cell in ((c, sheet.cell(row, c)) for c in range(1, sheet.width + 1))
            if cell.text and not cell.covered
        ]
        if cells:
            listing.title_cells += cells
            listing.title_block.append(" ".join(c.text for c in cells))
    mode = default_mode or (Mode.COLLECTIVE if header.collectives else Mode.INDIVIDUAL)
    # "Tên tập thể, cá nhân" with no section rows: tell organisations from people by name.
    mixed = default_mode is None and header.mixed
    numbered = _uses_stt(sheet, header)
    current: Entry | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            _finish(current, listing)
        current = None

    for row in range(header.row + 1, len(sheet.rows) + 1):
        texts = _row_texts(sheet, header, row)
        if not texts:
            continue
        first = _folded(texts[0][1].text)
        data = _row_data(sheet, header, row)
        if _FOOTER.match(first) and not _TOP_STT.match(data.stt):
            break
        listing.last_row = row
        if _is_header_repeat(data, header, texts):
            continue
        section = _section(texts, header, data)
        if section is not None:
            close()
            if isinstance(section, Mode):
                mode = section
                mixed = False
            continue
        imported = [
            data.name,
            data.job_title,
            data.unit,
            data.initiative,
            data.citation,
            data.id,
        ]
        if not any(imported):
            continue  # only private or unknown columns hold text (e.g. "Nam | Nữ" under "Năm sinh")
        row_mode = mode
        if mixed and data.name:
            organisation = _ORGANISATION.match(data.name.lower())
            group_label = _GROUP_LABEL.match(_folded(data.name))
            row_mode = Mode.COLLECTIVE if organisation and not group_label else Mode.INDIVIDUAL
        _recase(listing, data, row_mode)
        listing.rows_read += 1
        stt_kind = _stt_kind(data, numbered)
        if not data.name:
            if current is not None and stt_kind != "top" and not (data.job_title or data.unit):
                # Text that wrapped into the next row: it belongs to the entry above.
                _continue_text(current, data)
                continue
            if (
                row_mode is Mode.INDIVIDUAL
                and stt_kind == "top"
                and (data.initiative or data.citation)
            ):
                close()
                current = Entry("group", row, label=data)
                _take_text(current, data)
                continue
            listing.problems.append(RowProblem(row, data.col(Role.NAME), "no-name", {"row": row}))
            continue
        if row_mode is Mode.COLLECTIVE:
            close()
            current = Entry("unit", row, members=[data])
            _take_text(current, data)
            continue
        label = bool(_GROUP_LABEL.match(_folded(data.name))) or data.name.endswith(":")
        joins = (
            current is not None
            and current.kind != "unit"
            and (
                stt_kind == "sub"
                or (stt_kind in ("blank", "covered") and _shares_text(current, data))
            )
        )
        if joins and current is not None and not label:
            current.kind = "group"
            current.members.append(data)
            _take_text(current, data)
            continue
        close()
        current = Entry("group", row, label=data) if label else Entry("person", row, members=[data])
        _take_text(current, data)
    close()
    return listing


def _stt_kind(data: RowData, numbered: bool) -> str:
    if not numbered:
        return "top"
    if Role.STT in data.covered:
        return "covered"
    if not data.stt:
        return "blank"
    if _TOP_STT.match(data.stt):
        return "top"
    if _SUB_STT.match(data.stt):
        return "sub"
    return "top"


def _shares_text(entry: Entry, data: RowData) -> bool:
    """A row without STT joins the group above unless it brings its own achievement."""
    for role, mine, theirs in (
        (Role.INITIATIVE, data.initiative, entry.initiative),
        (Role.CITATION, data.citation, entry.citation),
    ):
        if mine and role not in data.covered and theirs and mine != theirs:
            return False
    return True


def _take_text(entry: Entry, data: RowData) -> None:
    if data.initiative and not entry.initiative:
        entry.initiative = data.initiative
        entry.initiative_at = (data.row, data.col(Role.INITIATIVE))
    if data.citation and not entry.citation:
        entry.citation = data.citation


def _continue_text(entry: Entry, data: RowData) -> None:
    if (
        data.initiative
        and Role.INITIATIVE not in data.covered
        and data.initiative != entry.initiative
    ):
        entry.initiative = f"{entry.initiative} {data.initiative}".strip()
    if data.citation and Role.CITATION not in data.covered and data.citation != entry.citation:
        entry.citation = f"{entry.citation} {data.citation}".strip()


def _finish(entry: Entry, listing: Listing) -> None:
    if entry.kind == "group":
        if not entry.members:
            assert entry.label is not None
            listing.problems.append(
                RowProblem(
                    entry.row,
                    entry.label.col(Role.NAME),
                    "empty-group",
                    {"row": entry.row, "name": entry.label.name or entry.initiative},
                )
            )
            return
        if len(entry.members) == 1:
            entry.kind = "person"
    listing.entries.append(entry)


# -- the title block -----------------------------------------------------------

_DECISION = re.compile(r"quyet dinh so\s*:?\s*", re.I)
_DECISION_NUMBER = re.compile(r"[0-9][0-9A-Za-zĐđ/\-.]*[0-9A-Za-zĐđ]")
_DATE_WORDS = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_DATE_SLASH = re.compile(r"ngay\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


def decision_from_title(lines: list[str]) -> tuple[str | None, dt.date | None]:
    """Decision number and date from "Kèm theo Quyết định số 123/QĐ-LĐLĐ ngày 29/6/2022"."""
    number: str | None = None
    date: dt.date | None = None
    ordered = sorted(lines, key=lambda line: "quyet dinh" not in _folded(line))
    for line in ordered:
        folded = fold(line).lower()
        if number is None and len(folded) == len(line):
            match = _DECISION.search(folded)
            if match:
                found = _DECISION_NUMBER.match(line[match.end() :])
                if found:
                    number = found.group(0)
        if date is None:
            found_date = _DATE_WORDS.search(folded) or _DATE_SLASH.search(folded)
            if found_date:
                day, month, year = (int(g) for g in found_date.groups())
                try:
                    date = dt.date(year, month, day)
                except ValueError:
                    date = None
    return number, date
