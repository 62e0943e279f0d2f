"""Link: validated records → the Site graph.

Every reference is resolved to an object (or reported with its position), and
the back-links later pages need are computed once here: a person's initiatives
and awards, a unit's sub-units and everything under them, an event's awards, a
campaign's figures per phase, totals per year, field and unit.

Templates receive only these objects.  Attribute access falls through to the
validated pydantic model, so ``initiative.title`` works as well as
``initiative.unit.name`` (a resolved Unit).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from generator.loader import FieldPath, HandPage, format_field_path
from generator.model import (
    SLUG_RE,
    Award,
    Campaign,
    Event,
    Figure,
    Initiative,
    Person,
    Phase,
    RecordBase,
    SiteConfig,
    Taxonomies,
    Term,
    Unit,
)
from generator.problems import Problem, Severity
from generator.validate import ValidContent, ValidRecord

# -- nodes -------------------------------------------------------------------

URL_PREFIX = {
    "initiative": "sang-kien",
    "person": "ca-nhan",
    "unit": "don-vi",
    "award": "khen-thuong",
    "event": "su-kien",
    "campaign": "chuong-trinh",
}

KIND_LABEL = {
    "initiative": "Sáng kiến",
    "person": "Cá nhân",
    "unit": "Đơn vị",
    "award": "Khen thưởng",
    "event": "Sự kiện",
    "campaign": "Chương trình",
}


@dataclass(eq=False)
class Node:
    """A linked record.  Unknown attributes are read from the validated model."""

    kind: ClassVar[str] = ""
    id: str
    source: str  # path relative to content/, for "edit this record" links
    path: str  # as shown in messages
    model: Any

    def __getattr__(self, name: str) -> Any:
        # Only called when normal lookup fails: fall through to the model's fields.
        if name.startswith("__") or name == "model":
            raise AttributeError(name)
        return getattr(self.model, name)

    @property
    def url(self) -> str:
        """Site-relative URL of the record's page, with a trailing slash."""
        return f"{URL_PREFIX[self.kind]}/{self.id}/"

    @property
    def kind_label(self) -> str:
        return KIND_LABEL[self.kind]

    @property
    def published(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return str(getattr(self.model, "title", None) or getattr(self.model, "name", self.id))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


@dataclass(eq=False)
class TermRef:
    """A taxonomy key with its term."""

    key: str
    term: Term

    @property
    def name(self) -> str:
        return self.term.name


@dataclass(eq=False, repr=False)  # keep Node's short repr
class UnitNode(Node):
    kind: ClassVar[str] = "unit"
    kind_term: TermRef | None = None
    parent: UnitNode | None = None
    children: list[UnitNode] = field(default_factory=list)
    people: list[PersonNode] = field(default_factory=list)
    initiatives: list[InitiativeNode] = field(default_factory=list)
    awards: list[AwardNode] = field(default_factory=list)  # awards naming this unit as recipient
    issued_awards: list[AwardNode] = field(default_factory=list)
    organised_events: list[EventNode] = field(default_factory=list)

    @property
    def ancestors(self) -> list[UnitNode]:
        """Parent first, root last."""
        chain: list[UnitNode] = []
        current = self.parent
        while current is not None and current not in chain:
            chain.append(current)
            current = current.parent
        return chain

    @property
    def descendants(self) -> list[UnitNode]:
        out: list[UnitNode] = []
        stack = list(reversed(self.children))
        while stack:
            unit = stack.pop()
            if unit in out or unit is self:
                continue
            out.append(unit)
            stack.extend(reversed(unit.children))
        return out

    @property
    def all_initiatives(self) -> list[InitiativeNode]:
        """Initiatives applied in this unit or any unit under it."""
        seen: dict[str, InitiativeNode] = {}
        for unit in [self, *self.descendants]:
            for initiative in unit.initiatives:
                seen.setdefault(initiative.id, initiative)
        return list(seen.values())

    @property
    def all_awards(self) -> list[AwardNode]:
        """Awards naming this unit, a unit under it, or a person working in one of them."""
        seen: dict[str, AwardNode] = {}
        for unit in [self, *self.descendants]:
            for award in unit.awards:
                seen.setdefault(award.id, award)
            for person in unit.people:
                for award in person.awards:
                    seen.setdefault(award.id, award)
        return sorted(seen.values(), key=lambda a: (a.model.date, a.id), reverse=True)

    @property
    def display_name(self) -> str:
        return str(self.model.name)


@dataclass(eq=False, repr=False)  # keep Node's short repr
class PersonNode(Node):
    kind: ClassVar[str] = "person"
    unit: UnitNode | None = None
    initiatives: list[InitiativeNode] = field(default_factory=list)
    awards: list[AwardNode] = field(default_factory=list)

    @property
    def published(self) -> bool:
        return bool(self.model.publish)

    @property
    def display_name(self) -> str:
        return str(self.model.name)


@dataclass(eq=False)
class PersonRef:
    """Someone named in a list: a person record, or only a name."""

    name: str
    person: PersonNode | None = None

    @property
    def link(self) -> PersonNode | None:
        """The person to link to, if they have a published page."""
        return self.person if self.person is not None and self.person.published else None


@dataclass(eq=False)
class AuthorRef(PersonRef):
    share: float | None = None
    role: str | None = None


@dataclass(eq=False)
class RecognitionRef:
    by: UnitNode
    level: TermRef
    date: dt.date | None
    decision_number: str | None


@dataclass(eq=False, repr=False)  # keep Node's short repr
class InitiativeNode(Node):
    kind: ClassVar[str] = "initiative"
    year: int = 0
    authors: list[AuthorRef] = field(default_factory=list)
    unit: UnitNode | None = None
    owner: UnitNode | None = None
    field_term: TermRef | None = None
    type_term: TermRef | None = None
    status_term: TermRef | None = None
    campaign: CampaignNode | None = None
    phase: Phase | None = None
    recognition: RecognitionRef | None = None
    awards: list[AwardNode] = field(default_factory=list)
    related: list[InitiativeNode] = field(default_factory=list)

    @property
    def recognised(self) -> bool:
        return bool(self.model.status == "cong-nhan")

    @property
    def benefit(self) -> int:
        return int(self.model.benefit_vnd or 0)


@dataclass(eq=False)
class RecipientRef:
    """One line of an award list."""

    kind: str  # person | unit | group | name
    people: list[PersonRef] = field(default_factory=list)  # one for person/name, several for group
    unit: UnitNode | None = None
    initiative: InitiativeNode | None = None
    citation: str | None = None
    job_title: str | None = None

    @property
    def label(self) -> str:
        if self.unit is not None:
            return str(self.unit.model.name)
        return ", ".join(p.name for p in self.people)

    @property
    def kind_label(self) -> str:
        return {"person": "Cá nhân", "name": "Cá nhân", "unit": "Tập thể", "group": "Nhóm tác giả"}[
            self.kind
        ]


@dataclass(eq=False, repr=False)  # keep Node's short repr
class AwardNode(Node):
    kind: ClassVar[str] = "award"
    form_term: TermRef | None = None
    issuer: UnitNode | None = None
    event: EventNode | None = None
    campaign: CampaignNode | None = None
    recipients: list[RecipientRef] = field(default_factory=list)

    @property
    def year(self) -> int:
        return int(self.model.date.year)


@dataclass(eq=False)
class ProgrammeRef:
    topic: str
    summary: str | None
    speaker: PersonRef | None
    unit: UnitNode | None
    initiative: InitiativeNode | None


@dataclass(eq=False, repr=False)  # keep Node's short repr
class EventNode(Node):
    kind: ClassVar[str] = "event"
    organiser: UnitNode | None = None
    campaign: CampaignNode | None = None
    phase: Phase | None = None
    programme: list[ProgrammeRef] = field(default_factory=list)
    awards: list[AwardNode] = field(default_factory=list)

    @property
    def year(self) -> int:
        return int(self.model.date.year)


@dataclass(eq=False)
class SourcedFigure:
    """A figure and where it was reported (a campaign or an event)."""

    figure: Figure
    owner: CampaignNode | EventNode


@dataclass(eq=False)
class PhaseProgress:
    phase: Phase
    figures: list[SourcedFigure]
    progress: SourcedFigure | None  # the figure counted toward the target, if any

    @property
    def ratio(self) -> float | None:
        if self.progress is None or not self.phase.target:
            return None
        return self.progress.figure.value / self.phase.target


@dataclass(eq=False, repr=False)  # keep Node's short repr
class CampaignNode(Node):
    kind: ClassVar[str] = "campaign"
    organiser: UnitNode | None = None
    phases: list[PhaseProgress] = field(default_factory=list)
    general_figures: list[SourcedFigure] = field(default_factory=list)  # not tied to a phase
    initiatives: list[InitiativeNode] = field(default_factory=list)
    events: list[EventNode] = field(default_factory=list)
    awards: list[AwardNode] = field(default_factory=list)


@dataclass(frozen=True)
class Totals:
    count: int = 0
    recognised: int = 0
    benefit: int = 0


@dataclass(eq=False)
class Site:
    config: SiteConfig
    taxonomies: Taxonomies
    campaigns: dict[str, CampaignNode]
    units: dict[str, UnitNode]
    people: dict[str, PersonNode]
    initiatives: dict[str, InitiativeNode]
    awards: dict[str, AwardNode]
    events: dict[str, EventNode]
    pages: list[HandPage]
    media: set[str]
    featured: list[InitiativeNode] = field(default_factory=list)
    headline: list[SourcedFigure] = field(default_factory=list)
    media_sources: dict[str, Path] = field(default_factory=dict)  # media/x.jpg → file to copy

    def node(self, kind: str, ident: str) -> Node | None:
        groups: dict[str, dict[str, Any]] = {
            "campaign": self.campaigns,
            "unit": self.units,
            "person": self.people,
            "initiative": self.initiatives,
            "award": self.awards,
            "event": self.events,
        }
        group = groups.get(kind)
        return group.get(ident) if group is not None else None

    def all_nodes(self) -> list[Node]:
        out: list[Node] = []
        for group in (
            self.campaigns,
            self.units,
            self.people,
            self.initiatives,
            self.awards,
            self.events,
        ):
            out.extend(group.values())
        return out

    def totals_by_year(self) -> dict[int, Totals]:
        return _totals(self.initiatives.values(), lambda i: i.year)

    def totals_by_field(self) -> dict[str, Totals]:
        return _totals(self.initiatives.values(), lambda i: i.model.field)

    def totals_by_unit(self, *, include_sub_units: bool = False) -> dict[str, Totals]:
        if not include_sub_units:
            return _totals(self.initiatives.values(), lambda i: i.model.unit)
        return {
            unit.id: _sum(unit.all_initiatives)
            for unit in self.units.values()
            if unit.all_initiatives
        }

    @property
    def latest_awards(self) -> list[AwardNode]:
        return sorted(self.awards.values(), key=lambda a: (a.model.date, a.id), reverse=True)[
            : self.config.latest_awards
        ]


def _sum(initiatives: Iterable[InitiativeNode]) -> Totals:
    count = recognised = benefit = 0
    for initiative in initiatives:
        count += 1
        recognised += initiative.recognised
        benefit += initiative.benefit
    return Totals(count, recognised, benefit)


def _totals(initiatives: Iterable[InitiativeNode], key: Any) -> dict[Any, Totals]:
    groups: dict[Any, list[InitiativeNode]] = defaultdict(list)
    for initiative in initiatives:
        groups[key(initiative)].append(initiative)
    return {k: _sum(v) for k, v in sorted(groups.items())}


# -- linking -----------------------------------------------------------------

_KIND_NAMES = {
    "unit": "unit",
    "person": "person",
    "initiative": "initiative",
    "award": "award",
    "event": "event",
    "campaign": "campaign",
}


#: Vocabulary in taxonomies.yml → what one of its keys is called in messages.
_VOCAB_NAMES = {
    "fields": "field",
    "initiative_types": "initiative type",
    "award_forms": "award form",
    "recognition_levels": "recognition level",
    "unit_kinds": "unit kind",
    "statuses": "status",
}


class _Linker:
    def __init__(self, valid: ValidContent) -> None:
        self.valid = valid
        self.problems: list[Problem] = []
        # Ids of every record that was loaded, valid or not: a reference to a record that
        # merely failed validation is not reported again as unknown.
        self.loaded_ids: dict[str, set[str]] = defaultdict(set)
        for raw in valid.loaded.records:
            self.loaded_ids[raw.kind].add(raw.id)
        for kind, ident in valid.loaded.unreadable:
            self.loaded_ids[kind].add(ident)
        self.nodes: dict[str, dict[str, Node]] = defaultdict(dict)
        self.records: dict[int, ValidRecord] = {}

    # -- helpers
    def problem(
        self,
        record: ValidRecord,
        path: FieldPath,
        message: str,
        code: str,
        *,
        key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> None:
        line, col = record.at(path, key=key)
        self.problems.append(
            Problem(
                record.raw.path, line, col, message, format_field_path(path), severity, code=code
            )
        )

    def ref(self, record: ValidRecord, kind: str, ident: str | None, path: FieldPath) -> Any:
        if ident is None:
            return None
        node = self.nodes[kind].get(ident)
        if node is None:
            if ident not in self.loaded_ids[kind]:
                known = sorted(self.nodes[kind])
                close = difflib.get_close_matches(ident, known, n=1, cutoff=0.75)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.problem(
                    record,
                    path,
                    f"unknown {_KIND_NAMES[kind]} {ident!r}{hint}",
                    "unknown-reference",
                )
            return None
        return node

    def term(
        self,
        record: ValidRecord | None,
        vocab: str,
        key: str | None,
        path: FieldPath,
        raw_path: Any = None,
    ) -> TermRef | None:
        taxonomies = self.valid.taxonomies
        if key is None or taxonomies is None:
            return None
        terms: dict[str, Term] = getattr(taxonomies, vocab)
        if key in terms:
            return TermRef(key, terms[key])
        if record is not None:
            close = difflib.get_close_matches(key, sorted(terms), n=1, cutoff=0.6)
            hint = (
                f"; did you mean {close[0]!r}?"
                if close
                else f"; expected one of: {', '.join(sorted(terms))}"
            )
            what = _VOCAB_NAMES.get(vocab, vocab)
            self.problem(
                record,
                path,
                f"unknown {what} key {key!r} in taxonomies.yml {vocab}{hint}",
                "unknown-term",
            )
        return None

    # -- stages
    def create_nodes(self) -> None:
        classes: dict[str, type[Node]] = {
            "campaign": CampaignNode,
            "unit": UnitNode,
            "person": PersonNode,
            "initiative": InitiativeNode,
            "award": AwardNode,
            "event": EventNode,
        }
        first: dict[tuple[str, str], ValidRecord] = {}
        for record in sorted(self.valid.records, key=lambda r: r.raw.path):
            key = (record.kind, record.id)
            if key in first:
                self.problems.append(
                    Problem(
                        record.raw.path,
                        1,
                        1,
                        f"id {record.id!r} is already used by {first[key].raw.path}",
                        code="duplicate-id",
                    )
                )
                continue
            first[key] = record
            node = classes[record.kind](
                id=record.id, source=record.raw.rel, path=record.raw.path, model=record.model
            )
            if isinstance(node, InitiativeNode):
                node.year = int(record.raw.year_folder or 0)
            self.nodes[record.kind][record.id] = node
            self.records[id(node)] = record

    def record_of(self, node: Node) -> ValidRecord:
        return self.records[id(node)]

    def link_units(self) -> None:
        for node in self.nodes["unit"].values():
            assert isinstance(node, UnitNode)
            record = self.record_of(node)
            model: Unit = node.model
            node.kind_term = self.term(record, "unit_kinds", model.kind, ("kind",))
            node.parent = self.ref(record, "unit", model.parent, ("parent",))
        for node in sorted(self.nodes["unit"].values(), key=lambda n: n.id):
            assert isinstance(node, UnitNode)
            # A cycle through parent would make every "units above" list endless.
            chain = [node.id]
            current = node.parent
            while current is not None:
                if current.id in chain:
                    if current is node:
                        cycle = " → ".join([*chain, node.id])
                        self.problem(
                            self.record_of(node),
                            ("parent",),
                            f"unit {node.id!r} is its own ancestor through parent: {cycle}",
                            "reference-cycle",
                        )
                        node.parent = None
                    break
                chain.append(current.id)
                current = current.parent
        for node in self.nodes["unit"].values():
            assert isinstance(node, UnitNode)
            if node.parent is not None:
                node.parent.children.append(node)

    def link_people(self) -> None:
        for node in self.nodes["person"].values():
            assert isinstance(node, PersonNode)
            model: Person = node.model
            node.unit = self.ref(self.record_of(node), "unit", model.unit, ("unit",))
            if node.unit is not None:
                node.unit.people.append(node)

    def phase_of(
        self,
        record: ValidRecord,
        campaign: CampaignNode | None,
        key: str | None,
        path: FieldPath,
        campaign_given: bool,
    ) -> Phase | None:
        if key is None:
            return None
        if campaign is None:
            if not campaign_given:
                self.problem(record, path, f"phase {key!r} needs a campaign", "unknown-reference")
            return None
        phases: list[Phase] = campaign.model.phases
        for phase in phases:
            if phase.key == key:
                return phase
        keys = [p.key for p in phases]
        close = difflib.get_close_matches(key, keys, n=1, cutoff=0.6)
        hint = (
            f"; did you mean {close[0]!r}?"
            if close
            else f"; expected one of: {', '.join(keys) or '(none)'}"
        )
        self.problem(
            record,
            path,
            f"unknown phase {key!r} of campaign {campaign.id!r}{hint}",
            "unknown-reference",
        )
        return None

    def person_ref(
        self, record: ValidRecord, person: str | None, name: str | None, path: FieldPath
    ) -> PersonRef:
        if person is not None:
            node = self.ref(record, "person", person, (*path, "person") if path else path)
            if isinstance(node, PersonNode):
                return PersonRef(str(node.model.name), node)
            return PersonRef(person)
        return PersonRef((name or "").strip())

    def link_campaigns(self) -> None:
        for node in self.nodes["campaign"].values():
            assert isinstance(node, CampaignNode)
            record = self.record_of(node)
            model: Campaign = node.model
            node.organiser = self.ref(record, "unit", model.organiser, ("organiser",))

    def link_initiatives(self) -> None:
        for node in self.nodes["initiative"].values():
            assert isinstance(node, InitiativeNode)
            record = self.record_of(node)
            model: Initiative = node.model
            for index, author in enumerate(model.authors):
                ref = self.person_ref(record, author.person, author.name, ("authors", index))
                node.authors.append(AuthorRef(ref.name, ref.person, author.share, author.role))
                if ref.person is not None and node not in ref.person.initiatives:
                    ref.person.initiatives.append(node)
            node.unit = self.ref(record, "unit", model.unit, ("unit",))
            node.owner = self.ref(record, "unit", model.owner, ("owner",))
            node.field_term = self.term(record, "fields", model.field, ("field",))
            node.type_term = self.term(record, "initiative_types", model.type, ("type",))
            node.status_term = self.term(record, "statuses", model.status, ("status",))
            node.campaign = self.ref(record, "campaign", model.campaign, ("campaign",))
            node.phase = self.phase_of(
                record, node.campaign, model.phase, ("phase",), model.campaign is not None
            )
            if model.recognition is not None:
                by = self.ref(record, "unit", model.recognition.by, ("recognition", "by"))
                level = self.term(
                    record, "recognition_levels", model.recognition.level, ("recognition", "level")
                )
                if by is not None and level is not None:
                    node.recognition = RecognitionRef(
                        by, level, model.recognition.date, model.recognition.decision_number
                    )
            if node.unit is not None:
                node.unit.initiatives.append(node)
            if node.campaign is not None:
                node.campaign.initiatives.append(node)
            if model.first_applied and node.year and abs(model.first_applied.year - node.year) > 1:
                self.problem(
                    record,
                    ("first_applied",),
                    f"first_applied is in {model.first_applied.year} but the file is in "
                    f"initiatives/{node.year}/; the folder should be the year it was filed",
                    "bad-location",
                    severity=Severity.WARNING,
                )

    def link_events(self) -> None:
        for node in self.nodes["event"].values():
            assert isinstance(node, EventNode)
            record = self.record_of(node)
            model: Event = node.model
            node.organiser = self.ref(record, "unit", model.organiser, ("organiser",))
            node.campaign = self.ref(record, "campaign", model.campaign, ("campaign",))
            node.phase = self.phase_of(
                record, node.campaign, model.phase, ("phase",), model.campaign is not None
            )
            for index, item in enumerate(model.programme):
                path: FieldPath = ("programme", index)
                speaker = None
                if item.speaker:
                    speaker = self.speaker_ref(record, item.speaker, (*path, "speaker"))
                node.programme.append(
                    ProgrammeRef(
                        item.topic,
                        item.summary,
                        speaker,
                        self.ref(record, "unit", item.unit, (*path, "unit")),
                        self.ref(record, "initiative", item.initiative, (*path, "initiative")),
                    )
                )
            if node.organiser is not None:
                node.organiser.organised_events.append(node)
            if node.campaign is not None:
                node.campaign.events.append(node)

    def speaker_ref(self, record: ValidRecord, text: str, path: FieldPath) -> PersonRef:
        """A plain string that is shaped like an id must name a person record; otherwise it is a name."""
        if SLUG_RE.match(text):
            node = self.ref(record, "person", text, path)
            if isinstance(node, PersonNode):
                return PersonRef(str(node.model.name), node)
        return PersonRef(text)

    def link_awards(self) -> None:
        for node in self.nodes["award"].values():
            assert isinstance(node, AwardNode)
            record = self.record_of(node)
            model: Award = node.model
            node.form_term = self.term(record, "award_forms", model.form, ("form",))
            node.issuer = self.ref(record, "unit", model.issuer, ("issuer",))
            node.event = self.ref(record, "event", model.event, ("event",))
            node.campaign = self.ref(record, "campaign", model.campaign, ("campaign",))
            for index, recipient in enumerate(model.recipients):
                path: FieldPath = ("recipients", index)
                initiative = self.ref(
                    record, "initiative", recipient.initiative, (*path, "initiative")
                )
                ref = RecipientRef(
                    kind="person",
                    initiative=initiative,
                    citation=recipient.citation,
                    job_title=recipient.job_title,
                )
                if recipient.person is not None:
                    ref.people.append(self.person_ref(record, recipient.person, None, path))
                elif recipient.name is not None:
                    ref.kind = "name"
                    ref.people.append(PersonRef(recipient.name.strip()))
                elif recipient.unit is not None:
                    ref.kind = "unit"
                    ref.unit = self.ref(record, "unit", recipient.unit, (*path, "unit"))
                    if ref.unit is not None and node not in ref.unit.awards:
                        ref.unit.awards.append(node)
                elif recipient.group is not None:
                    ref.kind = "group"
                    for member_index, member in enumerate(recipient.group):
                        ref.people.append(
                            self.speaker_ref(record, member, (*path, "group", member_index))
                        )
                for person_ref in ref.people:
                    if person_ref.person is not None and node not in person_ref.person.awards:
                        person_ref.person.awards.append(node)
                if initiative is not None and node not in initiative.awards:
                    initiative.awards.append(node)
                node.recipients.append(ref)
            if node.issuer is not None:
                node.issuer.issued_awards.append(node)
            if node.event is not None:
                node.event.awards.append(node)
            if node.campaign is not None:
                node.campaign.awards.append(node)
            elif node.event is not None and node.event.campaign is not None:
                node.event.campaign.awards.append(node)

    def figures(self) -> None:
        """Collect every phase's figures from the campaign and from events reporting on it."""
        for node in self.nodes["campaign"].values():
            assert isinstance(node, CampaignNode)
            record = self.record_of(node)
            model: Campaign = node.model
            by_phase: dict[str, list[SourcedFigure]] = {p.key: [] for p in model.phases}
            for index, figure in enumerate(model.figures):
                if figure.phase is None:
                    node.general_figures.append(SourcedFigure(figure, node))
                elif figure.phase in by_phase:
                    by_phase[figure.phase].append(SourcedFigure(figure, node))
                else:
                    self.phase_of(record, node, figure.phase, ("figures", index, "phase"), True)
            for event in sorted(node.events, key=lambda e: (e.model.date, e.id)):
                event_record = self.record_of(event)
                for index, figure in enumerate(event.model.figures):
                    phase_key = figure.phase or (event.phase.key if event.phase else None)
                    if figure.phase is not None:
                        self.phase_of(
                            event_record, node, figure.phase, ("figures", index, "phase"), True
                        )
                    if phase_key in by_phase:
                        by_phase[phase_key].append(SourcedFigure(figure, event))
            for phase in model.phases:
                figures = by_phase[phase.key]
                toward = [f for f in figures if f.figure.toward_target]
                progress = max(toward, key=lambda f: f.figure.value) if toward else None
                node.phases.append(PhaseProgress(phase, figures, progress))
        for lone in self.nodes["event"].values():
            assert isinstance(lone, EventNode)
            if lone.campaign is None:
                record = self.record_of(lone)
                for index, figure in enumerate(lone.model.figures):
                    if figure.phase is not None:
                        self.problem(
                            record,
                            ("figures", index, "phase"),
                            f"phase {figure.phase!r} needs a campaign on the event",
                            "unknown-reference",
                        )

    def related(self) -> None:
        """Up to five related initiatives: 3 points a shared tag, 2 for the field, 1 for the unit.

        Scored through inverted indexes rather than all pairs (all pairs took 96 s of CPU at
        10,000 records).  Same-field-only candidates all score 2, so only the first few ids of
        each field are needed to fill the list; ties break by id, as before.
        """
        initiatives = sorted(
            (n for n in self.nodes["initiative"].values() if isinstance(n, InitiativeNode)),
            key=lambda n: n.id,
        )
        by_tag: dict[str, list[InitiativeNode]] = defaultdict(list)
        by_field: dict[str, list[InitiativeNode]] = defaultdict(list)
        by_unit: dict[str, list[InitiativeNode]] = defaultdict(list)
        for node in initiatives:
            for tag in set(node.model.tags):
                by_tag[tag].append(node)
            by_field[node.model.field].append(node)
            by_unit[node.model.unit].append(node)
        for node in initiatives:
            scores: dict[str, int] = defaultdict(int)
            members: dict[str, InitiativeNode] = {}
            for tag in set(node.model.tags):
                for other in by_tag[tag]:
                    scores[other.id] += 3
                    members[other.id] = other
            for other in by_unit[node.model.unit]:
                scores[other.id] += 1
                members[other.id] = other
            for other_id, other in members.items():
                if other.model.field == node.model.field:
                    scores[other_id] += 2
            scores.pop(node.id, None)
            ranked = sorted(((-score, ident) for ident, score in scores.items()))[:5]
            field_only: list[tuple[int, str]] = []
            for other in by_field[node.model.field]:
                if len(field_only) == 5:
                    break
                if other is not node and other.id not in scores:
                    field_only.append((-2, other.id))
                    members[other.id] = other
            best = sorted(ranked + field_only)[:5]
            node.related = [members[ident] for _, ident in best]

    def media(self) -> None:
        media = self.valid.loaded.media
        for node in [n for group in self.nodes.values() for n in group.values()]:
            record = self.record_of(node)
            model = node.model
            for name in ("photo", "logo"):
                value = getattr(model, name, None)
                if value:
                    self.check_media(record, value, (name,), media)
            for name in ("images", "photos"):
                for index, value in enumerate(getattr(model, name, []) or []):
                    self.check_media(record, value, (name, index), media)

    def check_media(
        self, record: ValidRecord, value: str, path: FieldPath, media: set[str]
    ) -> None:
        if value.startswith(("http://", "https://")):
            self.problem(
                record,
                path,
                f"image {value!r} must be a file under content/media/, not a web address",
                "missing-media",
            )
        elif value not in media:
            self.problem(record, path, f"image {value!r} not found under content/", "missing-media")

    def redirects(self) -> None:
        for kind, group in self.nodes.items():
            owners: dict[str, str] = {}
            for node in sorted(group.values(), key=lambda n: n.id):
                record = self.record_of(node)
                model: RecordBase = node.model
                for index, old in enumerate(model.redirect_from):
                    if old in group or old in self.loaded_ids[kind]:
                        self.problem(
                            record,
                            ("redirect_from", index),
                            f"redirect_from {old!r} clashes with the id of another record",
                            "redirect-clash",
                        )
                    elif old in owners:
                        self.problem(
                            record,
                            ("redirect_from", index),
                            f"redirect_from {old!r} is already claimed by {owners[old]!r}",
                            "redirect-clash",
                        )
                    else:
                        owners[old] = node.id

    def site_refs(self) -> tuple[list[InitiativeNode], list[SourcedFigure]]:
        config = self.valid.site
        raw = self.valid.site_raw
        if config is None or raw is None:
            return [], []
        record = ValidRecord(raw, config)  # type: ignore[arg-type]
        if config.organisation_unit:
            self.ref(record, "unit", config.organisation_unit, ("organisation_unit",))
        for name in ("logo", "share_image"):
            value = getattr(config, name)
            if value:
                self.check_media(record, value, (name,), self.valid.loaded.media)
        featured = []
        for index, ident in enumerate(config.featured_initiatives):
            node = self.ref(record, "initiative", ident, ("featured_initiatives", index))
            if isinstance(node, InitiativeNode):
                featured.append(node)
        for index, ident in enumerate(config.home_campaigns):
            self.ref(record, "campaign", ident, ("home_campaigns", index))
        headline = []
        for index, figure_ref in enumerate(config.headline_figures):
            path: FieldPath = ("headline_figures", index)
            owner: Any
            if figure_ref.campaign:
                owner = self.ref(record, "campaign", figure_ref.campaign, (*path, "campaign"))
            else:
                owner = self.ref(record, "event", figure_ref.event, (*path, "event"))
            if owner is None:
                continue
            found = [f for f in owner.model.figures if f.key == figure_ref.figure]
            if not found:
                keys = [f.key for f in owner.model.figures]
                close = difflib.get_close_matches(figure_ref.figure, keys, n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.problem(
                    record,
                    (*path, "figure"),
                    f"unknown figure {figure_ref.figure!r} of {owner.kind} {owner.id!r}{hint}",
                    "unknown-reference",
                )
                continue
            headline.append(SourcedFigure(found[0], owner))
        return featured, headline

    def sort_backlinks(self) -> None:
        for node in self.nodes["unit"].values():
            assert isinstance(node, UnitNode)
            node.children.sort(key=lambda n: n.id)
            node.people.sort(key=lambda n: n.id)
            node.initiatives.sort(key=lambda n: (-n.year, n.id))
            for name in ("awards", "issued_awards"):
                getattr(node, name).sort(key=lambda a: (a.model.date, a.id), reverse=True)
            node.organised_events.sort(key=lambda e: (e.model.date, e.id), reverse=True)
        for node in self.nodes["person"].values():
            assert isinstance(node, PersonNode)
            node.initiatives.sort(key=lambda n: (-n.year, n.id))
            node.awards.sort(key=lambda a: (a.model.date, a.id), reverse=True)
        for node in self.nodes["initiative"].values():
            assert isinstance(node, InitiativeNode)
            node.awards.sort(key=lambda a: (a.model.date, a.id), reverse=True)
        for node in self.nodes["event"].values():
            assert isinstance(node, EventNode)
            node.awards.sort(key=lambda a: (a.model.date, a.id))
        for node in self.nodes["campaign"].values():
            assert isinstance(node, CampaignNode)
            node.initiatives.sort(key=lambda n: (-n.year, n.id))
            node.events.sort(key=lambda e: (e.model.date, e.id))
            node.awards.sort(key=lambda a: (a.model.date, a.id), reverse=True)


def link_content(valid: ValidContent) -> tuple[Site | None, list[Problem]]:
    """Resolve references and build the Site; None when site.yml or taxonomies.yml is unusable."""
    linker = _Linker(valid)
    linker.create_nodes()
    linker.link_units()
    linker.link_people()
    linker.link_campaigns()
    linker.link_initiatives()
    linker.link_events()
    linker.link_awards()
    linker.figures()
    linker.related()
    linker.media()
    linker.redirects()
    featured, headline = linker.site_refs()
    linker.sort_backlinks()
    if valid.site is None or valid.taxonomies is None:
        return None, linker.problems

    def group(kind: str) -> dict[str, Any]:
        return dict(sorted(linker.nodes[kind].items()))

    site = Site(
        config=valid.site,
        taxonomies=valid.taxonomies,
        campaigns=group("campaign"),
        units=group("unit"),
        people=group("person"),
        initiatives=group("initiative"),
        awards=group("award"),
        events=group("event"),
        pages=list(valid.pages),
        media=set(valid.loaded.media),
        featured=featured,
        headline=headline,
        media_sources=valid.loaded.media_files(),
    )
    return site, linker.problems
