"""``showcase import``: an award list → award, person, unit and initiative records.

The list may be an .xlsx, .xls or .ods workbook, or a CSV / "Unicode text"
export.  The stages, each in its own module:

- :mod:`~generator.importer.sheet` reads the file into cleaned cell text
  (through :mod:`~generator.importer.workbook` or
  :mod:`~generator.importer.textfile`; merged cells filled, spaces collapsed,
  legacy fonts converted by :mod:`~generator.importer.legacy`);
- :mod:`~generator.importer.headers` finds the header row under the title block
  and what each column holds, refusing private columns;
- :mod:`~generator.importer.parse` turns rows into collectives, individuals and
  groups of authors, following "I. TẬP THỂ" / "II. CÁ NHÂN" sections and
  numbered sub-rows, and puts names typed in capitals in Vietnamese case
  (:mod:`~generator.importer.names`);
- :mod:`~generator.importer.settings` settles the award's fields from the
  options, the award record and the title block
  (:mod:`~generator.importer.titleblock`);
- :mod:`~generator.importer.match` and :mod:`~generator.importer.records`
  match names to existing records, plan the missing ones (unit kinds from
  :mod:`~generator.importer.kinds`) and write them.

Problems point at the spreadsheet (line = row, col = column number) and use
the ``import-*`` codes of the error catalogue.  Messages are Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from openpyxl.utils import get_column_letter

from generator.importer.headers import Role, find_header
from generator.importer.match import build_index
from generator.importer.parse import Listing, Mode, parse_listing
from generator.importer.records import FilePlan, Planner, check_records, write_files
from generator.importer.settings import (
    NEEDS_REVIEW,
    ImportOptions,
    initiative_terms,
    resolve_settings,
    term_problems,
)
from generator.importer.sheet import Sheet, SheetError, read_sheets
from generator.loader import default_display_root
from generator.problems import Problem, Severity, has_errors, sort_problems
from generator.vietnamese import fold

__all__ = ["ImportOptions", "ImportResult", "ImportSummary", "run_import"]


@dataclass
class ImportSummary:
    rows: int = 0
    collectives: int = 0
    individuals: int = 0
    groups: int = 0
    group_members: int = 0


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    files: list[FilePlan] = field(default_factory=list)
    summary: ImportSummary = field(default_factory=ImportSummary)
    written: int = 0
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)
    #: "cơ quan khen thưởng = …": each award field read from the title block.
    inferred: list[str] = field(default_factory=list)
    #: New initiatives written with status can-ra-soat (field or type unknown).
    needs_review: int = 0

    @property
    def failed(self) -> bool:
        return has_errors(self.problems)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)


def _mode_from_sheet_name(name: str) -> Mode | None:
    folded = fold(name).lower()
    if "tap the" in folded:
        return Mode.COLLECTIVE
    if "ca nhan" in folded:
        return Mode.INDIVIDUAL
    return None


class _Reporter:
    def __init__(self, display: str, multi_sheet: bool) -> None:
        self.display = display
        self.multi_sheet = multi_sheet
        self.problems: list[Problem] = []

    def add(
        self,
        sheet: str | None,
        row: int,
        col: int,
        message: str,
        code: str,
        warning: bool = False,
        path: str | None = None,
    ) -> None:
        prefix = f"trang tính '{sheet}': " if sheet and self.multi_sheet else ""
        self.problems.append(
            Problem(
                path or self.display,
                max(row, 1),
                max(col, 1),
                prefix + message,
                severity=Severity.WARNING if warning else Severity.ERROR,
                code=code,
            )
        )


def _column_problems(report: _Reporter, sheet: Sheet, listing: Listing) -> None:
    header = listing.header
    for col, role in sorted(header.roles.items()):
        if role is not Role.PRIVATE:
            continue
        label = header.labels.get(col, "")
        letter = get_column_letter(col)
        report.add(
            sheet.name,
            header.first_row,
            col,
            f"cột '{label}' ({letter}) chứa dữ liệu cá nhân nên không được nhập",
            "import-private-column",
            warning=True,
        )
    for col, label in sorted(header.unknown.items()):
        report.add(
            sheet.name,
            header.first_row,
            col,
            f"cột '{label}' ({get_column_letter(col)}) không phải cột mà lệnh nhập biết nên "
            "không được nhập",
            "import-unknown-column",
            warning=True,
        )


def _legacy_problems(report: _Reporter, sheet: Sheet, listing: Listing) -> None:
    header = listing.header
    last = max(listing.last_row, header.row)
    for col, role in sorted(header.roles.items()):
        if role is Role.PRIVATE:
            continue
        converted: list[tuple[int, str, str, str]] = []
        for row in range(header.first_row, last + 1):
            cell = sheet.cell(row, col)
            ref = f"{get_column_letter(col)}{row}"
            if not cell.covered and "\ufffd" in cell.raw:
                report.add(
                    sheet.name,
                    row,
                    col,
                    f"ô {ref} có ký tự không đọc được ('{cell.raw}'): tệp không lưu bằng UTF-8, "
                    "UTF-16 hay Windows-1258; lưu lại danh sách dạng .xlsx hoặc “CSV UTF-8” rồi "
                    "nhập lại",
                    "import-encoding",
                )
                continue
            if cell.covered or cell.legacy is None:
                continue
            result = cell.legacy
            if result.converted is None:
                hint = f" (có thể là '{result.suggestion}')" if result.suggestion else ""
                report.add(
                    sheet.name,
                    row,
                    col,
                    f"ô {ref} có vẻ gõ bằng bảng mã {result.encoding}: '{cell.raw}'{hint}; chuyển "
                    "tệp sang Unicode (Unikey: Công cụ chuyển mã) hoặc gõ lại ô này",
                    "import-legacy-encoding",
                )
            else:
                converted.append((row, ref, cell.raw, cell.text))
        if converted:
            row, ref, raw, text = converted[0]
            refs = [c[1] for c in converted[:5]]
            more = f" và {len(converted) - 5} ô khác" if len(converted) > 5 else ""
            encoding = sheet.cell(row, col).legacy
            name = encoding.encoding if encoding else "bảng mã cũ"
            if len(converted) == 1:
                message = f"ô {ref} đã được chuyển từ {name} sang Unicode: '{raw}' → '{text}'"
            else:
                message = (
                    f"các ô {', '.join(refs)}{more} đã được chuyển từ {name} sang Unicode, "
                    f"ví dụ {ref} '{raw}' → '{text}'"
                )
            report.add(
                sheet.name,
                row,
                col,
                message + "; kiểm tra lại chính tả",
                "import-legacy-encoding",
                warning=True,
            )


def run_import(path: Path, options: ImportOptions) -> ImportResult:
    """Read ``path``, plan every record, and write them unless anything is an error."""
    result = ImportResult(dry_run=options.dry_run)
    display = path.as_posix()
    try:
        sheets = read_sheets(path)
    except SheetError as exc:
        result.problems.append(Problem(display, exc.row, exc.col, str(exc), code="import-file"))
        return result
    if options.sheet is not None:
        names = [s.name for s in sheets]
        sheets = [s for s in sheets if s.name == options.sheet]
        if not sheets:
            result.problems.append(
                Problem(
                    display,
                    1,
                    1,
                    f"không có trang tính nào tên '{options.sheet}'; tệp có: "
                    + ", ".join(f"'{n}'" for n in names),
                    code="import-option",
                )
            )
            return result
    result.notes += sorted({f"Đã đọc tệp {s.source}" for s in sheets if s.source})
    report = _Reporter(display, multi_sheet=len(sheets) > 1)
    listings: list[tuple[Sheet, Listing]] = []
    for sheet in sheets:
        header = find_header(sheet)
        if header is None:
            continue
        listing = parse_listing(sheet, header, _mode_from_sheet_name(sheet.name))
        listings.append((sheet, listing))
        _column_problems(report, sheet, listing)
        _legacy_problems(report, sheet, listing)
        for problem in listing.problems:
            report.add(
                sheet.name, problem.row, problem.col, problem.message, problem.code, problem.warning
            )
    if not listings:
        report.add(
            None,
            1,
            1,
            "không tìm thấy dòng tiêu đề cột: cần các cột như 'STT', 'Họ và tên', 'Đơn vị'",
            "import-no-header",
        )
        result.problems = sort_problems(report.problems)
        return result

    index = build_index(options.content)
    # The title block of the first sheet that has one: sheets of one workbook share it.
    cells = next((listing.title_cells for _, listing in listings if listing.title_cells), [])
    resolved = resolve_settings(
        options, index, cells, lambda message: report.add(None, 1, 1, message, "import-option")
    )
    settings = resolved.settings
    result.inferred = resolved.inferred
    display_root = default_display_root(options.content)

    def show(file: Path) -> str:
        rel = PurePosixPath(file.relative_to(options.content).as_posix())
        return str(PurePosixPath(display_root) / rel) if display_root not in ("", ".") else str(rel)

    planner = Planner(index, settings, show)
    recipients: list[dict[str, Any]] = []
    summary = result.summary
    for sheet, listing in listings:
        summary.rows += listing.rows_read
        for entry in listing.entries:
            if entry.kind == "unit":
                summary.collectives += 1
            elif entry.kind == "person":
                summary.individuals += 1
            else:
                summary.groups += 1
                summary.group_members += len(entry.members)
        _recased_note(result, sheet, listing, multi=len(listings) > 1)
        before = len(planner.problems)
        kinds_before = len(planner.unknown_kinds)
        recipients += planner.recipients(listing.entries)
        for planned in planner.problems[before:]:
            report.add(
                sheet.name, planned.row, planned.col, planned.message, planned.code, planned.warning
            )
        for row, col, name, unit_id, kind in planner.unknown_kinds[kinds_before:]:
            report.add(
                sheet.name,
                row,
                col,
                f"không suy ra được loại đơn vị từ tên '{name}': đã ghi kind: {kind} cho đơn vị "
                f"mới {unit_id}; sửa lại trong hồ sơ nếu sai, hoặc chạy lại với --unit-kind",
                "import-unit-kind",
                warning=True,
            )
    if not recipients and not has_errors(report.problems):
        report.add(None, 1, 1, "danh sách không có ai dưới dòng tiêu đề cột", "import-row")

    terms = initiative_terms(options, index)
    plans = planner.plan_files(
        planner.award_record(recipients), options.content, (terms.field, terms.type, terms.status)
    )
    new_initiatives = len(planner.new_initiatives)
    if new_initiatives:
        for message in term_problems(options, index, terms):
            report.add(None, 1, 1, message, "import-option")
    if new_initiatives and terms.missing:
        result.needs_review = new_initiatives
        what = "/".join(terms.missing)
        report.add(
            None,
            1,
            1,
            f"{new_initiatives} sáng kiến mới chưa có {what} (bảng tính không ghi): đã ghi "
            f"field: {terms.field}, type: {terms.type}, status: {NEEDS_REVIEW} (cần rà soát); "
            "sửa từng hồ sơ sau khi rà soát, hoặc chạy lại với --field và --initiative-type",
            "import-needs-review",
            warning=True,
        )
    if new_initiatives and planner.defaulted_units:
        unit = settings.parent_unit or settings.issuer
        report.add(
            None,
            1,
            1,
            f"{planner.defaulted_units} sáng kiến mới không có đơn vị áp dụng trong danh sách: "
            f"đã ghi unit: {unit}; kiểm tra lại các hồ sơ đó",
            "import-default",
            warning=True,
        )
    if not has_errors(report.problems):
        # A last guard: with the list read cleanly, every planned record must validate.
        for plan, message in check_records(plans):
            report.add(None, plan.source_row, 1, f"hồ sơ sẽ không hợp lệ: {message}", "import-row")
    for plan in plans:
        if plan.status == "conflict":
            report.add(
                None,
                1,
                1,
                f"{plan.display} đã có với nội dung khác; không ghi đè",
                "import-conflict",
                path=plan.display,
            )
    result.files = plans
    result.problems = sort_problems(report.problems)
    if not options.dry_run and not result.failed:
        result.written = write_files(plans)
    return result


def _recased_note(result: ImportResult, sheet: Sheet, listing: Listing, multi: bool) -> None:
    if not listing.recased:
        return
    row, col, before, after = listing.recased[0]
    where = f"trang tính '{sheet.name}', " if multi else ""
    result.notes.append(
        f"Đã đổi {len(listing.recased)} tên viết hoa toàn bộ sang chữ thường có viết hoa "
        f"({where}ví dụ ô {get_column_letter(col)}{row}: “{before}” → “{after}”)"
    )
