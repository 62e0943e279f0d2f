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

from generator.i18n import Msg
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
    notes: list[Msg] = field(default_factory=list)
    #: "cơ quan khen thưởng = …": each award field read from the title block.
    inferred: list[Msg] = field(default_factory=list)
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
        code: str,
        params: dict[str, Any],
        variant: str = "",
        warning: bool = False,
        path: str | None = None,
    ) -> None:
        # In a workbook of several sheets, the sheet's name stands where a field's would.
        where = sheet if sheet and self.multi_sheet else ""
        self.problems.append(
            Problem(
                path or self.display,
                max(row, 1),
                max(col, 1),
                code,
                params,
                where,
                Severity.WARNING if warning else Severity.ERROR,
                variant,
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
            "nhap-cot-ca-nhan",
            {"label": label, "letter": letter},
            warning=True,
        )
    for col, label in sorted(header.unknown.items()):
        report.add(
            sheet.name,
            header.first_row,
            col,
            "nhap-cot-la",
            {"label": label, "letter": get_column_letter(col)},
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
                report.add(sheet.name, row, col, "nhap-ky-tu-hong", {"cell": ref, "raw": cell.raw})
                continue
            if cell.covered or cell.legacy is None:
                continue
            result = cell.legacy
            if result.converted is None:
                hint: Any = (
                    Msg("import.legacy-hint", suggestion=result.suggestion)
                    if result.suggestion
                    else ""
                )
                params = {"cell": ref, "encoding": result.encoding, "raw": cell.raw, "hint": hint}
                report.add(sheet.name, row, col, "nhap-bang-ma-cu", params)
            else:
                converted.append((row, ref, cell.raw, cell.text))
        if converted:
            row, ref, raw, text = converted[0]
            refs = [c[1] for c in converted[:5]]
            more: Any = (
                Msg("import.more-cells", count=len(converted) - 5) if len(converted) > 5 else ""
            )
            encoding = sheet.cell(row, col).legacy
            name: Any = encoding.encoding if encoding else Msg("import.legacy")
            params = {"cell": ref, "encoding": name, "raw": raw, "text": text}
            if len(converted) == 1:
                variant = "converted-one"
            else:
                variant = "converted"
                params.update(cells=", ".join(refs), more=more)
            report.add(sheet.name, row, col, "nhap-bang-ma-cu", params, variant, warning=True)


def run_import(path: Path, options: ImportOptions) -> ImportResult:
    """Read ``path``, plan every record, and write them unless anything is an error."""
    result = ImportResult(dry_run=options.dry_run)
    display = path.as_posix()
    try:
        sheets = read_sheets(path)
    except SheetError as exc:
        problem = Problem(
            display, exc.row, exc.col, "nhap-tep-loi", exc.params, variant=exc.variant
        )
        result.problems.append(problem)
        return result
    if options.sheet is not None:
        names = [s.name for s in sheets]
        sheets = [s for s in sheets if s.name == options.sheet]
        if not sheets:
            wanted = {"sheet": options.sheet, "names": ", ".join(f"'{n}'" for n in names)}
            result.problems.append(
                Problem(display, 1, 1, "nhap-tuy-chon", wanted, variant="no-sheet")
            )
            return result
    sources = {s.source for s in sheets if s.source is not None}
    result.notes += [Msg("import.read-file", source=source) for source in sources]
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
        for row_problem in listing.problems:
            report.add(
                sheet.name,
                row_problem.row,
                row_problem.col,
                row_problem.code,
                row_problem.params,
                row_problem.variant,
                row_problem.warning,
            )
    if not listings:
        report.add(None, 1, 1, "nhap-khong-thay-tieu-de", {})
        result.problems = sort_problems(report.problems)
        return result

    index = build_index(options.content)
    # The title block of the first sheet that has one: sheets of one workbook share it.
    cells = next((listing.title_cells for _, listing in listings if listing.title_cells), [])
    resolved = resolve_settings(
        options,
        index,
        cells,
        lambda variant, params: report.add(None, 1, 1, "nhap-tuy-chon", params, variant),
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
                sheet.name,
                planned.row,
                planned.col,
                planned.code,
                planned.params,
                planned.variant,
                planned.warning,
            )
        for row, col, name, unit_id, kind in planner.unknown_kinds[kinds_before:]:
            params = {"name": name, "kind": kind, "id": unit_id}
            report.add(sheet.name, row, col, "nhap-loai-don-vi", params, warning=True)
    if not recipients and not has_errors(report.problems):
        report.add(None, 1, 1, "nhap-dong-loi", {}, "nobody")

    terms = initiative_terms(options, index)
    plans = planner.plan_files(
        planner.award_record(recipients), options.content, (terms.field, terms.type, terms.status)
    )
    new_initiatives = len(planner.new_initiatives)
    if new_initiatives:
        for variant, params in term_problems(options, index, terms):
            report.add(None, 1, 1, "nhap-tuy-chon", params, variant)
    if new_initiatives and terms.missing:
        result.needs_review = new_initiatives
        what = Msg("import.what-" + "-".join(terms.missing))
        review: dict[str, Any] = {
            "count": new_initiatives,
            "what": what,
            "field": terms.field,
            "type": terms.type,
            "status": NEEDS_REVIEW,
        }
        report.add(None, 1, 1, "nhap-can-ra-soat", review, warning=True)
    if new_initiatives and planner.defaulted_units:
        unit = settings.parent_unit or settings.issuer
        defaulted: dict[str, Any] = {"count": planner.defaulted_units, "unit": unit}
        report.add(None, 1, 1, "nhap-mac-dinh", defaulted, warning=True)
    if not has_errors(report.problems):
        # A last guard: with the list read cleanly, every planned record must validate.
        for plan, failure in check_records(plans):
            report.add(None, plan.source_row, 1, "nhap-dong-loi", failure, "invalid")
    for plan in plans:
        if plan.status == "conflict":
            report.add(None, 1, 1, "nhap-xung-dot", {"file": plan.display}, path=plan.display)
    result.files = plans
    result.problems = sort_problems(report.problems)
    if not options.dry_run and not result.failed:
        result.written = write_files(plans)
    return result


def _recased_note(result: ImportResult, sheet: Sheet, listing: Listing, multi: bool) -> None:
    if not listing.recased:
        return
    row, col, before, after = listing.recased[0]
    params = {
        "count": len(listing.recased),
        "cell": f"{get_column_letter(col)}{row}",
        "before": before,
        "after": after,
    }
    if multi:
        result.notes.append(Msg("import.recased-sheet", params, sheet=sheet.name))
    else:
        result.notes.append(Msg("import.recased", params))
