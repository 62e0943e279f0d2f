"""Entries of a list → records: match what exists, plan what is missing, write.

Nothing is written until the whole list has been read, matched and checked:
an import either writes every file it planned or none (when anything is an
error), so a fixed spreadsheet can simply be imported again.  Existing files
are never rewritten: the same content counts as "unchanged", different
content is a conflict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from generator.importer.headers import Role
from generator.importer.kinds import infer_unit_kind
from generator.importer.match import (
    ContentIndex,
    match_initiative,
    match_people,
    match_unit,
    name_key,
    unit_key,
    unit_key_stripped,
)
from generator.importer.parse import Entry, RowData
from generator.kinds import RECORD_KINDS
from generator.model import SLUG_RE
from generator.scaffold import dump_yaml, schema_line
from generator.vietnamese import slugify, unique_slug


@dataclass
class FilePlan:
    kind: str
    id: str
    path: Path
    display: str
    text: str
    status: str = "create"  # "create", "unchanged" or "conflict"
    data: dict[str, Any] = field(default_factory=dict)
    source_row: int = 1


@dataclass
class PlanProblem:
    row: int
    col: int
    code: str
    params: dict[str, Any]
    variant: str = ""
    warning: bool = False


@dataclass
class AwardSettings:
    award: str
    title: str
    form: str
    issuer: str
    date: dt.date
    decision_number: str | None
    event: str | None
    campaign: str | None
    unit_kind: str | None  # --unit-kind: for names that do not tell their kind
    fallback_kind: str  # when neither the name nor --unit-kind tells
    unit_kinds: list[str]
    parent_unit: str | None
    field: str | None
    initiative_type: str | None
    initiative_status: str | None


@dataclass
class _NewInitiative:
    id: str
    title: str
    authors: list[dict[str, str]]
    unit: str | None
    summary: str
    row: int


class Planner:
    """Resolves the names of one import against the content, creating what is missing."""

    def __init__(
        self,
        index: ContentIndex,
        settings: AwardSettings,
        display: Callable[[Path], str],
    ) -> None:
        self.index = index
        self.settings = settings
        self.display = display
        self.problems: list[PlanProblem] = []
        self.taken = {kind: set(index.taken.get(kind, set())) for kind in RECORD_KINDS}
        self.new_units: dict[str, str] = {}  # name key → id
        self.new_people: dict[tuple[str, str], str] = {}  # (name key, unit id) → id
        self.new_initiatives: dict[str, _NewInitiative] = {}  # title key → record
        self.records: dict[tuple[str, str], tuple[dict[str, Any], int]] = {}
        self.defaulted_units = 0
        #: New units whose kind the name did not tell: (row, col, name, id, kind written).
        self.unknown_kinds: list[tuple[int, int, str, str, str]] = []
        self.person_units: dict[str, str | None] = {}

    # -- units ---------------------------------------------------------------

    def unit(self, name: str, row: int, col: int, parent: str | None = None) -> str | None:
        if not name:
            return None
        found = match_unit(self.index, name)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            self.problems.append(
                PlanProblem(
                    row,
                    col,
                    "nhap-khop-nhieu",
                    {"name": name, "count": len(found), "ids": ", ".join(found)},
                    "unit",
                )
            )
            return None
        key = name_key(name)
        if key in self.new_units:
            return self.new_units[key]
        unit_id = unique_slug(slugify(name), self.taken["unit"])
        self.taken["unit"].add(unit_id)
        self.new_units[key] = unit_id
        data: dict[str, Any] = {
            "example": False,
            "name": name,
            "kind": self._kind(name, unit_id, row, col),
        }
        parent = parent or self.settings.parent_unit
        if parent and parent != unit_id:
            data["parent"] = parent
        self._remember("unit", unit_id, data, row)
        return unit_id

    def _kind(self, name: str, unit_id: str, row: int, col: int) -> str:
        """The kind the name tells, else --unit-kind, else the fallback (reported)."""
        inferred = infer_unit_kind(name, self.settings.unit_kinds)
        if inferred is not None:
            return inferred
        if self.settings.unit_kind:
            return self.settings.unit_kind
        self.unknown_kinds.append((row, col, name, unit_id, self.settings.fallback_kind))
        return self.settings.fallback_kind

    def _remember(self, kind: str, record_id: str, data: dict[str, Any], row: int) -> None:
        """Plan a new record and index it, so later rows match it as a re-run would."""
        self.records[(kind, record_id)] = (data, row)
        if kind == "unit":
            self.index.units[record_id] = data
            self.index.units_by_name[unit_key(data["name"])].append(record_id)
            self.index.units_by_stripped[unit_key_stripped(data["name"])].append(record_id)
        elif kind == "person":
            self.index.people[record_id] = data
            self.index.people_by_name[name_key(data["name"])].append(record_id)

    # -- people --------------------------------------------------------------

    def person(self, data: RowData) -> str | None:
        """The id of the person on this row: matched by name (and unit), or created.

        Namesakes are common, so a person is identified by name and unit when both
        the list and the record give a unit: the same name in another unit is
        another person (created, with a warning).  When the unit cannot tell two
        records of that name apart, the row is reported instead of guessed.
        """
        if data.id:
            return self._person_by_id(data)
        name_col = data.col(Role.NAME)
        # Look the unit up without creating it: a matched person needs no new unit.
        units = match_unit(self.index, data.unit) if data.unit else []
        known_unit = units[0] if len(units) == 1 else None
        has_unit = bool(data.unit) and len(units) <= 1  # a unit we can compare with
        found = match_people(self.index, data.name)

        def unit_of(person_id: str) -> str | None:
            unit = self.index.people[person_id].get("unit")
            return unit if isinstance(unit, str) and unit else None

        if found:
            same = [p for p in found if known_unit and unit_of(p) == known_unit]
            unitless = [p for p in found if unit_of(p) is None]
            chosen: str | None = None
            if len(same) == 1:
                chosen = same[0]
            elif len(found) == 1 and (not has_unit or unitless):
                chosen = found[0]  # nothing to compare: the name alone decides
            elif len(same) > 1 or not has_unit or unitless:
                self.problems.append(
                    PlanProblem(
                        data.row,
                        name_col,
                        "nhap-khop-nhieu",
                        {"name": data.name, "count": len(found), "ids": ", ".join(found)},
                        "person",
                    )
                )
                return None
            if chosen is not None:
                self.person_units[chosen] = unit_of(chosen)
                return chosen
        unit_id = self.unit(data.unit, data.row, data.col(Role.UNIT)) if data.unit else None
        key = (name_key(data.name), unit_id or "")
        if key in self.new_people:
            return self.new_people[key]
        person_id = unique_slug(slugify(data.name), self.taken["person"])
        if found:
            others = ", ".join(f"{p} ({unit_of(p)})" for p in found)
            self.problems.append(
                PlanProblem(
                    data.row,
                    name_col,
                    "nhap-trung-ten",
                    {"name": data.name, "others": others, "unit": unit_id, "id": person_id},
                    warning=True,
                )
            )
        return self._new_person(person_id, data, unit_id, key)

    def _person_by_id(self, data: RowData) -> str | None:
        wanted = data.id.strip()
        if wanted in self.index.people:
            unit = self.index.people[wanted].get("unit")
            self.person_units[wanted] = unit if isinstance(unit, str) else None
            return wanted
        if ("person", wanted) in self.records:
            return wanted
        if not SLUG_RE.match(wanted) or wanted in self.taken["person"]:
            self.problems.append(
                PlanProblem(
                    data.row,
                    data.col(Role.ID),
                    "nhap-dong-loi",
                    {"row": data.row, "id": wanted},
                    "bad-id",
                )
            )
            return None
        unit_id = self.unit(data.unit, data.row, data.col(Role.UNIT)) if data.unit else None
        return self._new_person(wanted, data, unit_id, (f"id:{wanted}", ""))

    def _new_person(
        self, person_id: str, data: RowData, unit_id: str | None, key: tuple[str, str]
    ) -> str:
        self.taken["person"].add(person_id)
        self.new_people[key] = person_id
        record: dict[str, Any] = {"example": False, "name": data.name}
        if data.job_title:
            record["job_title"] = data.job_title
        if unit_id:
            record["unit"] = unit_id
        self._remember("person", person_id, record, data.row)
        self.person_units[person_id] = unit_id
        return person_id

    # -- initiatives -----------------------------------------------------------

    def initiative(
        self,
        entry: Entry,
        authors: list[dict[str, str]],
        unit_id: str | None,
    ) -> str | None:
        title = entry.initiative
        row, col = entry.initiative_at
        found = match_initiative(self.index, title)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            self.problems.append(
                PlanProblem(
                    row,
                    col,
                    "nhap-khop-nhieu",
                    {"name": title, "count": len(found), "ids": ", ".join(found)},
                    "initiative",
                )
            )
            return None
        key = name_key(title)
        if key in self.new_initiatives:
            record = self.new_initiatives[key]
            for author in authors:
                if author not in record.authors:
                    record.authors.append(author)
            return record.id
        initiative_id = unique_slug(slugify(title), self.taken["initiative"])
        self.taken["initiative"].add(initiative_id)
        summary = entry.citation or f"Sáng kiến được khen thưởng: {self.settings.title}."
        self.new_initiatives[key] = _NewInitiative(
            initiative_id, title, list(authors), unit_id, summary, row
        )
        return initiative_id

    def _initiative_records(self, field_key: str, type_key: str, status_key: str) -> None:
        for record in self.new_initiatives.values():
            unit = record.unit
            if unit is None:
                unit = self.settings.parent_unit or self.settings.issuer
                self.defaulted_units += 1
            data: dict[str, Any] = {
                "example": False,
                "title": record.title,
                "authors": record.authors,
                "unit": unit,
                "field": field_key,
                "type": type_key,
            }
            if self.settings.campaign:
                data["campaign"] = self.settings.campaign
            data["status"] = status_key
            data["summary"] = record.summary
            self.records[("initiative", record.id)] = (data, record.row)

    # -- the award ---------------------------------------------------------------

    def recipients(self, entries: list[Entry]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for entry in entries:
            recipient: dict[str, Any] = {}
            authors: list[dict[str, str]] = []
            unit_for_initiative: str | None = None
            if entry.kind == "unit":
                data = entry.members[0]
                parent = self.unit(data.unit, data.row, data.col(Role.UNIT)) if data.unit else None
                unit_id = self._collective(data, parent)
                if unit_id is None:
                    continue
                recipient["unit"] = unit_id
                authors = [{"name": data.name}]
                unit_for_initiative = unit_id
            elif entry.kind == "person":
                data = entry.members[0]
                person_id = self.person(data)
                if person_id is None:
                    continue
                recipient["person"] = person_id
                authors = [{"person": person_id}]
                unit_for_initiative = self.person_units.get(person_id)
            else:
                members = [self.person(member) for member in entry.members]
                if any(m is None for m in members):
                    continue
                ids = [m for m in members if m is not None]
                recipient["group"] = list(dict.fromkeys(ids))
                authors = [{"person": m} for m in recipient["group"]]
                unit_for_initiative = next(
                    (self.person_units.get(m) for m in ids if self.person_units.get(m)), None
                )
            if entry.initiative:
                initiative_id = self.initiative(entry, authors, unit_for_initiative)
                if initiative_id is not None:
                    recipient["initiative"] = initiative_id
            if entry.citation:
                recipient["citation"] = entry.citation
            if entry.kind == "person" and entry.members[0].job_title:
                recipient["job_title"] = entry.members[0].job_title
            out.append(recipient)
        return out

    def _collective(self, data: RowData, parent: str | None) -> str | None:
        if data.id:
            wanted = data.id.strip()
            if wanted in self.index.units or ("unit", wanted) in self.records:
                return wanted
            if not SLUG_RE.match(wanted) or wanted in self.taken["unit"]:
                self.problems.append(
                    PlanProblem(
                        data.row,
                        data.col(Role.ID),
                        "nhap-dong-loi",
                        {"row": data.row, "id": wanted},
                        "bad-id",
                    )
                )
                return None
            self.taken["unit"].add(wanted)
            self.new_units[name_key(data.name)] = wanted
            record: dict[str, Any] = {"example": False, "name": data.name}
            record["kind"] = self._kind(data.name, wanted, data.row, data.col(Role.NAME))
            if parent or self.settings.parent_unit:
                record["parent"] = parent or self.settings.parent_unit
            self._remember("unit", wanted, record, data.row)
            return wanted
        return self.unit(data.name, data.row, data.col(Role.NAME), parent=parent)

    def award_record(self, recipients: list[dict[str, Any]]) -> dict[str, Any]:
        s = self.settings
        data: dict[str, Any] = {
            "example": False,
            "title": s.title,
            "form": s.form,
            "issuer": s.issuer,
        }
        if s.decision_number:
            data["decision_number"] = s.decision_number
        data["date"] = s.date
        if s.event:
            data["event"] = s.event
        if s.campaign:
            data["campaign"] = s.campaign
        data["recipients"] = recipients
        return data

    # -- files -------------------------------------------------------------------

    def plan_files(
        self, award: dict[str, Any], root: Path, defaults: tuple[str, str, str]
    ) -> list[FilePlan]:
        self._initiative_records(*defaults)
        self.records[("award", self.settings.award)] = (award, 1)
        plans = []
        year = str(self.settings.date.year)
        for (kind, record_id), (data, row) in sorted(self.records.items()):
            folder, _ = RECORD_KINDS[kind]
            directory = root / folder / year if kind == "initiative" else root / folder
            path = directory / f"{record_id}.yml"
            text = schema_line(path, root, kind) + "\n" + dump_yaml(data)
            plan = FilePlan(
                kind, record_id, path, self.display(path), text, data=data, source_row=row
            )
            if path.exists():
                plan.status = (
                    "unchanged" if path.read_bytes() == text.encode("utf-8") else "conflict"
                )
            plans.append(plan)
        return plans


def check_records(plans: list[FilePlan]) -> list[tuple[FilePlan, dict[str, Any]]]:
    """Validate every planned record with its model; (plan, message values) for each failure."""
    failures = []
    for plan in plans:
        _, model = RECORD_KINDS[plan.kind]
        try:
            model.model_validate(yaml.safe_load(plan.text))
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            failures.append((plan, {"file": plan.display, "where": where, "detail": first["msg"]}))
    return failures


def write_files(plans: list[FilePlan]) -> int:
    """Create the planned files that do not exist yet; never overwrite one."""
    written = 0
    for plan in plans:
        if plan.status != "create":
            continue
        plan.path.parent.mkdir(parents=True, exist_ok=True)
        with plan.path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(plan.text)
        written += 1
    return written
