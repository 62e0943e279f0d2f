"""``showcase import``: an award list (.xlsx or .csv) → award, person, unit and initiative records.

The stages, each in its own module:

- :mod:`~generator.importer.sheet` reads the file into cleaned cell text
  (merged cells filled, spaces collapsed, legacy fonts converted by
  :mod:`~generator.importer.legacy`);
- :mod:`~generator.importer.headers` finds the header row under the title block
  and what each column holds, refusing private columns;
- :mod:`~generator.importer.parse` turns rows into collectives, individuals and
  groups of authors, following "I. TẬP THỂ" / "II. CÁ NHÂN" sections and
  numbered sub-rows;
- :mod:`~generator.importer.match` and :mod:`~generator.importer.records`
  match names to existing records, plan the missing ones and write them.

Problems point at the spreadsheet (line = row, col = column number) and use
the ``import-*`` codes of the error catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from openpyxl.utils import get_column_letter

from generator.importer.headers import Role, find_header
from generator.importer.match import ContentIndex, build_index
from generator.importer.parse import Listing, Mode, decision_from_title, parse_listing
from generator.importer.records import (
    AwardSettings,
    FilePlan,
    Planner,
    check_records,
    write_files,
)
from generator.importer.sheet import Sheet, SheetError, read_sheets
from generator.loader import default_display_root
from generator.model import SLUG_RE, DateFormatError, parse_date
from generator.problems import Problem, Severity, has_errors, sort_problems
from generator.vietnamese import fold, nfc

__all__ = ["ImportOptions", "ImportResult", "ImportSummary", "run_import"]

DEFAULT_UNIT_KIND = "cong-doan-co-so"


@dataclass
class ImportOptions:
    award: str
    content: Path = Path("content")
    title: str | None = None
    form: str | None = None
    issuer: str | None = None
    date: dt.date | None = None
    event: str | None = None
    campaign: str | None = None
    decision_number: str | None = None
    unit_kind: str = DEFAULT_UNIT_KIND
    parent_unit: str | None = None
    field: str | None = None
    initiative_type: str | None = None
    initiative_status: str | None = None
    sheet: str | None = None
    dry_run: bool = False
    today: dt.date | None = None


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
        prefix = f"sheet '{sheet}': " if sheet and self.multi_sheet else ""
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
            f"column '{label}' ({letter}) holds private data and is not imported",
            "import-private-column",
            warning=True,
        )
    for col, label in sorted(header.unknown.items()):
        report.add(
            sheet.name,
            header.first_row,
            col,
            f"column '{label}' ({get_column_letter(col)}) is not a column the importer knows; "
            "it is not imported",
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
            if cell.covered or cell.legacy is None:
                continue
            ref = f"{get_column_letter(col)}{row}"
            result = cell.legacy
            if result.converted is None:
                hint = f" (it may read '{result.suggestion}')" if result.suggestion else ""
                report.add(
                    sheet.name,
                    row,
                    col,
                    f"cell {ref} looks like {result.encoding} text: '{cell.raw}'{hint}; convert "
                    "the file to Unicode (Unikey: Công cụ chuyển mã) or retype the cell",
                    "import-legacy-encoding",
                )
            else:
                converted.append((row, ref, cell.raw, cell.text))
        if converted:
            row, ref, raw, text = converted[0]
            refs = [c[1] for c in converted[:5]]
            more = f" and {len(converted) - 5} more" if len(converted) > 5 else ""
            encoding = sheet.cell(row, col).legacy
            name = encoding.encoding if encoding else "a legacy encoding"
            if len(converted) == 1:
                message = f"cell {ref} converted from {name} to Unicode: '{raw}' → '{text}'"
            else:
                message = (
                    f"cells {', '.join(refs)}{more} converted from {name} to Unicode, "
                    f"e.g. {ref} '{raw}' → '{text}'"
                )
            report.add(
                sheet.name,
                row,
                col,
                message + "; check the spelling",
                "import-legacy-encoding",
                warning=True,
            )


def _existing(index: ContentIndex, award: str) -> dict[str, Any]:
    data = index.awards.get(award)
    return data if isinstance(data, dict) else {}


def _pick_term(
    index: ContentIndex, vocabulary: str, given: str | None, preferred: str
) -> tuple[str, bool]:
    """The given taxonomy key, else ``preferred`` when the site has it, else the first key."""
    keys = index.taxonomy_keys(vocabulary)
    if given:
        return given, False
    if preferred in keys:
        return preferred, True
    return (keys[0] if keys else preferred), True


def _settings(
    options: ImportOptions,
    index: ContentIndex,
    title_block: list[str],
    report: _Reporter,
    notes: list[str],
) -> AwardSettings:
    """The award's fields: options first, then the existing award record, then the title block."""
    existing = _existing(index, options.award)
    today = options.today or dt.date.today()

    def option_error(message: str) -> None:
        report.add(None, 1, 1, message, "import-option")

    if not SLUG_RE.match(options.award):
        option_error(
            f"--award '{options.award}' is not a valid id: use lowercase ASCII letters, digits "
            "and hyphens"
        )
    block_number, block_date = decision_from_title(title_block)
    is_new = not existing

    def value(given: str | None, key: str) -> str | None:
        if given:
            return nfc(given.strip())
        found = existing.get(key)
        return str(found) if found is not None else None

    form = value(options.form, "form")
    issuer = value(options.issuer, "issuer")
    for flag, found in (("--form", form), ("--issuer", issuer)):
        if not found:
            why = f"award '{options.award}' does not exist yet" if is_new else "the award has none"
            option_error(f"{flag} is required: {why}")
    date = options.date
    if date is None and existing.get("date") is not None:
        try:
            parsed = parse_date(existing["date"])
            date = parsed if isinstance(parsed, dt.date) else None
        except DateFormatError:
            date = None
    if date is None and block_date is not None:
        date = block_date
        notes.append(f"date {block_date.isoformat()} read from the title block")
    if date is None:
        option_error(
            "--date is required: no date in the title block ('Kèm theo Quyết định số … ngày …')"
        )
    elif date > today:
        option_error(f"--date {date.isoformat()} is in the future")
    decision = value(options.decision_number, "decision_number")
    if decision is None and block_number:
        decision = block_number
        notes.append(f"decision number {block_number} read from the title block")
    event = value(options.event, "event")
    campaign = value(options.campaign, "campaign")
    form_key = form or "hinh-thuc"
    if (
        form
        and index.taxonomy_keys("award_forms")
        and form not in index.taxonomy_keys("award_forms")
    ):
        option_error(
            f"--form '{form}' is not in award_forms of taxonomies.yml; use one of: "
            + ", ".join(index.taxonomy_keys("award_forms"))
        )
    if issuer and issuer not in index.units:
        option_error(f"--issuer '{issuer}' is not a unit in content/units/")
    if event and event not in index.events:
        option_error(f"--event '{event}' is not an event in content/events/")
    if campaign and campaign not in index.campaigns:
        option_error(f"--campaign '{campaign}' is not a campaign in content/campaigns/")
    if options.parent_unit and options.parent_unit not in index.units:
        option_error(f"--parent-unit '{options.parent_unit}' is not a unit in content/units/")
    kinds = index.taxonomy_keys("unit_kinds")
    if kinds and options.unit_kind not in kinds:
        option_error(
            f"--unit-kind '{options.unit_kind}' is not in unit_kinds of taxonomies.yml; use one "
            "of: " + ", ".join(kinds)
        )
    for flag, given, vocabulary in (
        ("--field", options.field, "fields"),
        ("--initiative-type", options.initiative_type, "initiative_types"),
        ("--initiative-status", options.initiative_status, "statuses"),
    ):
        keys = index.taxonomy_keys(vocabulary)
        if given and keys and given not in keys:
            option_error(
                f"{flag} '{given}' is not in {vocabulary} of taxonomies.yml; use one of: "
                + ", ".join(keys)
            )
    title = value(options.title, "title")
    if not title:
        form_name = index.taxonomy_name("award_forms", form_key)
        if decision:
            title = f"{form_name} theo Quyết định số {decision}"
        elif date:
            title = f"{form_name} ngày {date.day}/{date.month}/{date.year}"
        else:
            title = form_name
    return AwardSettings(
        award=options.award,
        title=title,
        form=form_key,
        issuer=issuer or "don-vi",
        date=date or today,
        decision_number=decision,
        event=event,
        campaign=campaign,
        unit_kind=options.unit_kind,
        parent_unit=options.parent_unit,
        field=options.field,
        initiative_type=options.initiative_type,
        initiative_status=options.initiative_status,
    )


def run_import(path: Path, options: ImportOptions) -> ImportResult:
    """Read ``path``, plan every record, and write them unless anything is an error."""
    result = ImportResult(dry_run=options.dry_run)
    display = path.as_posix()
    try:
        sheets = read_sheets(path)
    except SheetError as exc:
        result.problems.append(Problem(display, 1, 1, str(exc), code="import-file"))
        return result
    if options.sheet is not None:
        sheets = [s for s in sheets if s.name == options.sheet]
        if not sheets:
            result.problems.append(
                Problem(display, 1, 1, f"no sheet named '{options.sheet}'", code="import-option")
            )
            return result
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
            "no header row found: expected columns such as 'STT', 'Họ và tên', 'Đơn vị'",
            "import-no-header",
        )
        result.problems = sort_problems(report.problems)
        return result

    index = build_index(options.content)
    title_block = [line for _, listing in listings for line in listing.title_block]
    settings = _settings(options, index, title_block, report, result.notes)
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
        before = len(planner.problems)
        recipients += planner.recipients(listing.entries)
        for planned in planner.problems[before:]:
            report.add(
                sheet.name, planned.row, planned.col, planned.message, planned.code, planned.warning
            )
    if not recipients and not has_errors(report.problems):
        report.add(None, 1, 1, "the list has no recipients under its header row", "import-row")

    field_key, field_default = _pick_term(index, "fields", settings.field, "khac")
    type_key, type_default = _pick_term(index, "initiative_types", settings.initiative_type, "khac")
    status_key, _ = _pick_term(index, "statuses", settings.initiative_status, "cong-nhan")
    plans = planner.plan_files(
        planner.award_record(recipients), options.content, (field_key, type_key, status_key)
    )
    new_initiatives = len(planner.new_initiatives)
    if new_initiatives and (field_default or type_default or planner.defaulted_units):
        parts = []
        if field_default or type_default:
            parts.append(f"the default field '{field_key}' and type '{type_key}'")
        if planner.defaulted_units:
            parts.append(f"unit '{settings.parent_unit or settings.issuer}' (no unit in the list)")
        report.add(
            None,
            1,
            1,
            f"{new_initiatives} new initiative{'s' if new_initiatives != 1 else ''} got "
            + " and ".join(parts)
            + "; check them or pass --field and --initiative-type",
            "import-default",
            warning=True,
        )
    if not has_errors(report.problems):
        # A last guard: with the list read cleanly, every planned record must validate.
        for plan, message in check_records(plans):
            report.add(
                None, plan.source_row, 1, f"the record would not validate: {message}", "import-row"
            )
    for plan in plans:
        if plan.status == "conflict":
            report.add(
                None,
                1,
                1,
                f"{plan.display} already exists with different content; not overwritten",
                "import-conflict",
                path=plan.display,
            )
    result.files = plans
    result.problems = sort_problems(report.problems)
    if not options.dry_run and not result.failed:
        result.written = write_files(plans)
    return result
