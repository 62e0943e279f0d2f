"""The award's fields for one import: options first, then the award record, then the title block.

Nothing here guesses: a value comes from the command line, from the existing
award record of that id, or from the title block when it names exactly one
existing unit or ``award_forms`` term (see :mod:`generator.importer.titleblock`).
Each value read from the title block is reported as inferred; a value that
cannot be found is an ``import-option`` error that says which option to give.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from generator.i18n import Msg
from generator.importer.match import ContentIndex
from generator.importer.parse import decision_from_title
from generator.importer.records import AwardSettings
from generator.importer.titleblock import Finding, TitleCell, infer_form, infer_issuer
from generator.model import SLUG_RE, DateFormatError, parse_date
from generator.vietnamese import format_date, nfc

#: The kind given to a new unit whose name does not tell it, when --unit-kind is not given.
FALLBACK_UNIT_KIND = "cong-doan-co-so"
#: Field and type of an initiative imported without them, and the status that flags it.
UNCLASSIFIED = "chua-phan-loai"
NEEDS_REVIEW = "can-ra-soat"


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
    unit_kind: str | None = None
    parent_unit: str | None = None
    field: str | None = None
    initiative_type: str | None = None
    initiative_status: str | None = None
    sheet: str | None = None
    dry_run: bool = False
    today: dt.date | None = None


@dataclass
class Resolved:
    settings: AwardSettings
    #: "cơ quan khen thưởng = ldld-thanh-hoa (…)": each value read from the title block.
    inferred: list[Msg] = field(default_factory=list)


def _cell_ref(where: tuple[int, int]) -> str:
    row, col = where
    return f"{get_column_letter(col)}{row}"


def _one_of(keys: list[str]) -> str:
    return ", ".join(keys)


#: Reports a problem with the options: (message variant of ``nhap-tuy-chon``, its values).
OptionError = Callable[[str, dict[str, Any]], None]


def resolve_settings(
    options: ImportOptions,
    index: ContentIndex,
    cells: list[TitleCell],
    option_error: OptionError,
) -> Resolved:
    existing: dict[str, Any] = index.awards.get(options.award) or {}
    today = options.today or dt.date.today()
    inferred: list[Msg] = []
    is_new = not existing

    if not SLUG_RE.match(options.award):
        option_error("award-id", {"award": options.award})

    def value(given: str | None, key: str) -> str | None:
        if given:
            return nfc(given.strip())
        found = existing.get(key)
        return str(found) if found is not None else None

    why_needed = Msg("import.why-new", award=options.award) if is_new else Msg("import.why-field")

    issuer = value(options.issuer, "issuer")
    if issuer is None:
        found = infer_issuer(cells, index)
        if found.value:
            issuer = found.value
            name = index.units[issuer].get("name", issuer)
            inferred.append(
                Msg(
                    "import.inferred-issuer",
                    value=issuer,
                    name=name,
                    cell=_cell_ref(found.where),
                    source=found.source,
                )
            )
        elif found.candidates:
            option_error(
                "issuer-many", {"why": why_needed, "candidates": _one_of(found.candidates)}
            )
        else:
            option_error("issuer-none", {"why": why_needed})
    elif issuer not in index.units:
        option_error("issuer-unknown", {"issuer": issuer})

    forms = index.taxonomy_keys("award_forms")
    form = value(options.form, "form")
    if form is None:
        found_form: Finding = infer_form(cells, index, issuer)
        if found_form.value:
            form = found_form.value
            name = index.taxonomy_name("award_forms", form)
            inferred.append(
                Msg(
                    "import.inferred-form",
                    value=form,
                    name=name,
                    cell=_cell_ref(found_form.where),
                    source=found_form.source,
                )
            )
        elif found_form.candidates:
            said = (
                Msg("import.said", source=found_form.source)
                if found_form.source
                else Msg("import.said-many")
            )
            candidates = _one_of(found_form.candidates)
            option_error("form-many", {"why": why_needed, "said": said, "candidates": candidates})
        else:
            option_error("form-none", {"why": why_needed, "choices": _one_of(forms)})
    elif forms and form not in forms:
        option_error(
            "not-in-vocabulary",
            {
                "flag": "--form",
                "value": form,
                "vocabulary": "award_forms",
                "choices": _one_of(forms),
            },
        )

    block_number, block_date = decision_from_title([c.text for c in _rows(cells)])
    date = options.date
    if date is None and existing.get("date") is not None:
        try:
            parsed = parse_date(existing["date"])
            date = parsed if isinstance(parsed, dt.date) else None
        except DateFormatError:
            date = None
    if date is None and block_date is not None:
        date = block_date
        inferred.append(Msg("import.inferred-date", value=block_date))
    if date is None:
        option_error("date-missing", {})
    elif date > today:
        option_error("date-future", {"date": date})
    decision = value(options.decision_number, "decision_number")
    if decision is None and block_number:
        decision = block_number
        inferred.append(Msg("import.inferred-number", value=block_number))

    event = value(options.event, "event")
    campaign = value(options.campaign, "campaign")

    def not_a_record(flag: str, value: str, kind: str, folder: str) -> None:
        params = {
            "flag": flag,
            "value": value,
            "kind": Msg(f"import.kind-{kind}"),
            "folder": folder,
        }
        option_error("not-a-record", params)

    if event and event not in index.events:
        not_a_record("--event", event, "event", "events")
    if campaign and campaign not in index.campaigns:
        not_a_record("--campaign", campaign, "campaign", "campaigns")
    if options.parent_unit and options.parent_unit not in index.units:
        not_a_record("--parent-unit", options.parent_unit, "unit", "units")
    kinds = index.taxonomy_keys("unit_kinds")
    if options.unit_kind and kinds and options.unit_kind not in kinds:
        option_error(
            "not-in-vocabulary",
            {
                "flag": "--unit-kind",
                "value": options.unit_kind,
                "vocabulary": "unit_kinds",
                "choices": _one_of(kinds),
            },
        )
    for flag, given, vocabulary in (
        ("--field", options.field, "fields"),
        ("--initiative-type", options.initiative_type, "initiative_types"),
        ("--initiative-status", options.initiative_status, "statuses"),
    ):
        keys = index.taxonomy_keys(vocabulary)
        if given and keys and given not in keys:
            option_error(
                "not-in-vocabulary",
                {"flag": flag, "value": given, "vocabulary": vocabulary, "choices": _one_of(keys)},
            )

    form_key = form or "hinh-thuc"
    title = value(options.title, "title")
    if not title:
        form_name = index.taxonomy_name("award_forms", form_key)
        if decision:
            title = f"{form_name} theo Quyết định số {decision}"
        elif date:
            title = f"{form_name} ngày {format_date(date)}"
        else:
            title = form_name
    fallback = FALLBACK_UNIT_KIND if FALLBACK_UNIT_KIND in kinds or not kinds else kinds[0]
    settings = AwardSettings(
        award=options.award,
        title=title,
        form=form_key,
        issuer=issuer or "co-quan-khen-thuong",
        date=date or today,
        decision_number=decision,
        event=event,
        campaign=campaign,
        unit_kind=options.unit_kind,
        fallback_kind=fallback,
        unit_kinds=kinds,
        parent_unit=options.parent_unit,
        field=options.field,
        initiative_type=options.initiative_type,
        initiative_status=options.initiative_status,
    )
    return Resolved(settings, inferred)


def _rows(cells: list[TitleCell]) -> list[TitleCell]:
    """One line of text per row of the block (cells joined left to right)."""
    rows: dict[int, list[TitleCell]] = {}
    for cell in cells:
        rows.setdefault(cell.row, []).append(cell)
    return [
        TitleCell(row, 1, " ".join(c.text for c in sorted(found, key=lambda c: c.col)))
        for row, found in sorted(rows.items())
    ]


@dataclass
class InitiativeTerms:
    """Field, type and status written on the initiatives an import creates."""

    field: str
    type: str
    status: str
    missing: list[str]  # "field", "type": what the editor did not give


def initiative_terms(options: ImportOptions, index: ContentIndex) -> InitiativeTerms:
    """No silent defaults: what is not given is written as unclassified, needing review."""
    missing = []
    if not options.field:
        missing.append("field")
    if not options.initiative_type:
        missing.append("type")
    statuses = index.taxonomy_keys("statuses")
    if missing:
        status = NEEDS_REVIEW
    elif options.initiative_status:
        status = options.initiative_status
    else:
        status = "cong-nhan" if "cong-nhan" in statuses or not statuses else statuses[0]
    return InitiativeTerms(
        field=options.field or UNCLASSIFIED,
        type=options.initiative_type or UNCLASSIFIED,
        status=status,
        missing=missing,
    )


def term_problems(
    options: ImportOptions, index: ContentIndex, terms: InitiativeTerms
) -> list[tuple[str, dict[str, Any]]]:
    """Why the terms cannot be written: (``nhap-tuy-chon`` variant, values) for each reason."""
    problems: list[tuple[str, dict[str, Any]]] = []
    if terms.missing and options.initiative_status and options.initiative_status != NEEDS_REVIEW:
        problems.append(
            ("status-alone", {"status": options.initiative_status, "review": NEEDS_REVIEW})
        )
    wanted = [
        ("fields", terms.field, "Chưa phân loại", "--field"),
        ("initiative_types", terms.type, "Chưa phân loại", "--initiative-type"),
        ("statuses", terms.status, "Cần rà soát", "--field --initiative-type"),
    ]
    for vocabulary, key, name, flag in wanted:
        keys = index.taxonomy_keys(vocabulary)
        if key in (UNCLASSIFIED, NEEDS_REVIEW) and keys and key not in keys:
            problems.append(
                (
                    "term-missing",
                    {"key": key, "vocabulary": vocabulary, "name": name, "flag": flag},
                )
            )
    return problems
