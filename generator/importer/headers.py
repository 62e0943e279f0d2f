"""Which column holds what: header names as unions spell them.

Headers are compared in a normalised form (diacritics folded, đ → d, lower
case, punctuation and runs of spaces made one space), so ``HỌ VÀ TÊN``,
``Họ  và tên``, ``Ho va ten`` and ``Họ, tên`` are the same header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from generator.importer.sheet import Sheet
from generator.vietnamese import fold

#: How far down the title block may reach before the header row.
HEADER_SEARCH_ROWS = 40


class Role(StrEnum):
    STT = "stt"
    NAME = "name"
    JOB = "job_title"
    JOB_UNIT = "job_title_and_unit"
    UNIT = "unit"
    INITIATIVE = "initiative"
    CITATION = "citation"
    NOTE = "note"
    ID = "id"
    PRIVATE = "private"


def normalise_header(text: str) -> str:
    """``Họ và tên`` → ``ho va ten``; ``Chức vụ/Chức danh`` → ``chuc vu chuc danh``."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text).lower()).split())


# Words that name private data anywhere in a header ("Ngày, tháng, năm sinh",
# "Số CCCD/CMND", "SĐT liên hệ", "Địa chỉ thường trú").  Matched on whole words.
_PRIVATE = re.compile(
    r"\b(?:ngay (?:thang )?(?:nam )?sinh|nam sinh|sinh ngay|sinh nam|noi sinh|"
    r"cccd|cmnd|cmt|can cuoc|dinh danh|ho chieu|"
    r"dien thoai|so dt|sdt|dt|dtdd|di dong|phone|tel|"
    r"dia chi|email|e mail|mail|que quan|noi o|thuong tru|tam tru|cho o|"
    r"dan toc|ton giao|so tai khoan|tai khoan|ma so thue|mst|bhxh|bao hiem xa hoi)\b"
)
_STT = re.compile(r"(?:s?tt|so tt|so thu tu|thu tu)")
_NAME = re.compile(
    r"(?:ho (?:va )?ten(?: .*)?|ten|"
    r"ten (?:cua )?(?:tap the|don vi|ca nhan|tac gia|nhom tac gia)(?: .*)?|"
    r"(?:tap the|ca nhan|tac gia)(?: (?:va|hoac))?(?: (?:ca nhan|tap the))?"
    r"(?: duoc (?:de nghi )?khen(?: thuong)?)?)"
)
# A name header that announces collectives: the list names units, not people.
_COLLECTIVE_NAME = re.compile(r"(?:ten (?:cua )?(?:tap the|don vi)|tap the)(?: duoc .*)?")
_JOB = re.compile(r"\b(?:chuc vu|chuc danh|nghe nghiep|vi tri cong viec)\b")
_UNIT = re.compile(r"\b(?:don vi|noi cong tac|co quan|truc thuoc|thuoc)\b")
_INITIATIVE = re.compile(r"\b(?:sang kien|de tai|giai phap|cong trinh)\b")
_CITATION = re.compile(r"\b(?:thanh tich|noi dung|ly do|tom tat)\b")
_NOTE = re.compile(r"(?:ghi chu)(?: .*)?")
_ID = re.compile(r"(?:ma|id|ma (?:ho so|ca nhan|don vi|nguoi|so ho so))")


def classify_header(text: str) -> Role | None:
    """The role of a header cell, or None when it is not a header we know."""
    h = normalise_header(text)
    if not h or len(h) > 80:
        return None
    if _PRIVATE.search(h):
        return Role.PRIVATE
    if _STT.fullmatch(h):
        return Role.STT
    if _ID.fullmatch(h):
        return Role.ID
    if _NAME.fullmatch(h):
        return Role.NAME
    if _JOB.search(h):
        return Role.JOB_UNIT if _UNIT.search(h) else Role.JOB
    if _INITIATIVE.search(h):
        return Role.INITIATIVE
    if _CITATION.search(h):
        return Role.CITATION
    if _UNIT.search(h):
        return Role.UNIT
    if _NOTE.fullmatch(h):
        return Role.NOTE
    return None


def names_collectives(text: str) -> bool:
    return bool(_COLLECTIVE_NAME.fullmatch(normalise_header(text)))


@dataclass
class Header:
    row: int  # 1-based row of the header (the last header row when it spans two)
    first_row: int
    roles: dict[int, Role] = field(default_factory=dict)  # column (1-based) → role
    labels: dict[int, str] = field(default_factory=dict)  # column → header text as written
    unknown: dict[int, str] = field(default_factory=dict)  # columns we do not import
    collectives: bool = False  # the name column announces collectives
    mixed: bool = False  # the name column announces both ("Tên tập thể, cá nhân")

    def column(self, role: Role) -> int | None:
        for col, r in self.roles.items():
            if r is role:
                return col
        return None


def _row_roles(sheet: Sheet, row: int) -> dict[int, Role]:
    roles: dict[int, Role] = {}
    seen_name = False
    for col in range(1, sheet.width + 1):
        cell = sheet.cell(row, col)
        if not cell.text:
            continue
        role = classify_header(cell.text)
        if role is None:
            continue
        if role is Role.NAME:
            if seen_name:
                continue  # a merged header repeated across columns; the first one counts
            seen_name = True
        roles[col] = role
    return roles


def find_header(sheet: Sheet) -> Header | None:
    """The first row with a name column and at least one other known column."""
    for row in range(1, min(len(sheet.rows), HEADER_SEARCH_ROWS) + 1):
        roles = _row_roles(sheet, row)
        if Role.NAME not in roles.values() or len(roles) < 2:
            continue
        header = Header(row=row, first_row=row)
        for col in range(1, sheet.width + 1):
            cell = sheet.cell(row, col)
            if col in roles:
                header.roles[col] = roles[col]
                header.labels[col] = cell.text
            elif cell.text and not (cell.covered and sheet.cell(row, col - 1).text == cell.text):
                header.unknown[col] = cell.text
            if roles.get(col) is Role.NAME:
                header.collectives = names_collectives(cell.text)
                folded = normalise_header(cell.text)
                header.mixed = "tap the" in folded and "ca nhan" in folded
        _merge_subheader(sheet, header)
        # Columns covered by a merged header ("Năm sinh" over "Nam | Nữ") share its role.
        for col in range(1, sheet.width + 1):
            cell = sheet.cell(header.first_row, col)
            left = header.roles.get(col - 1)
            if col not in header.roles and cell.covered and left is Role.PRIVATE:
                header.roles[col] = Role.PRIVATE
                header.labels[col] = header.labels[col - 1]
                header.unknown.pop(col, None)
        return header
    return None


def _merge_subheader(sheet: Sheet, header: Header) -> None:
    """Take a second header row into account ("Thông tin" over "Chức vụ | Đơn vị")."""
    below = header.row + 1
    if below > len(sheet.rows):
        return
    sub = _row_roles(sheet, below)
    own = {
        col
        for col in range(1, sheet.width + 1)
        if sheet.cell(below, col).text and not sheet.cell(below, col).covered
    }
    if not sub or Role.NAME in {sub[c] for c in sub if c in own}:
        return
    if any(col not in sub for col in own):
        return  # a data row, not a sub-header: every cell of a sub-header is a header
    for col, role in sub.items():
        if col not in own:
            continue
        merged_above = sheet.cell(header.row, col).span_cols > 1
        if col in header.roles and header.roles[col] is not Role.PRIVATE and not merged_above:
            continue
        header.roles[col] = role
        header.labels[col] = sheet.cell(below, col).text
        header.unknown.pop(col, None)
    header.row = below
