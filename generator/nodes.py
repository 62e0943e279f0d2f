"""The Site graph: linked records (nodes), the references between them, and totals.

``generator.link`` builds it from validated records; every later stage (render,
export, feeds, search documents) reads only these objects.  A node knows its own
kind through ``spec``, the declaration of its kind in ``generator.kinds`` (bound
there, so that this module names no URL and no label).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from generator.model import Figure, Phase, SiteConfig, Taxonomies, Term
from generator.urls import Urls

if TYPE_CHECKING:
    from generator.kinds import Kind
    from generator.loader import HandPage

# -- nodes -------------------------------------------------------------------


@dataclass(eq=False)
class Node:
    """A linked record: its validated model and the objects its references resolved to."""

    kind: ClassVar[str] = ""
    #: The declaration of this kind (generator.kinds binds it).
    spec: ClassVar[Kind]
    id: str
    source: str  # path relative to content/, for "edit this record" links
    path: str  # as shown in messages
    model: Any
    #: Site-relative URL of the record's page ("sang-kien/x/"), from its kind's URL shape.
    url: str = ""
    #: Hash of the record file's bytes: what incremental builds compare.
    digest: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)

    @property
    def kind_label(self) -> str:
        return self.spec.label

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
    #: Computed once by the linker (see ``_Linker.unit_trees``), not on every read: the units
    #: under this one (depth first), the initiatives applied in it or under it, and the awards
    #: naming it, a unit under it or a person working in one of them (newest first).
    descendants: list[UnitNode] = field(default_factory=list)
    all_initiatives: list[InitiativeNode] = field(default_factory=list)
    all_awards: list[AwardNode] = field(default_factory=list)

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

    #: The name as the list writes it, for someone without a record ("" when ``person`` is set:
    #: the name is then always the record's own, so a rename shows everywhere at once).
    given: str
    person: PersonNode | None = None

    @property
    def name(self) -> str:
        return str(self.person.model.name) if self.person is not None else self.given

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

    @property
    def form_label(self) -> str:
        return self.form_term.name if self.form_term is not None else str(self.model.form)


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
    urls: Urls
    #: kind → id → node: every kind of generator.kinds, in its order, ids sorted.
    records: dict[str, dict[str, Node]]
    pages: list[HandPage]
    media: set[str]
    featured: list[InitiativeNode] = field(default_factory=list)
    headline: list[SourcedFigure] = field(default_factory=list)
    media_sources: dict[str, Path] = field(default_factory=dict)  # media/x.jpg → file to copy

    # Typed views of ``records`` for the kinds other code names directly.
    @property
    def campaigns(self) -> dict[str, CampaignNode]:
        return cast("dict[str, CampaignNode]", self.records["campaign"])

    @property
    def units(self) -> dict[str, UnitNode]:
        return cast("dict[str, UnitNode]", self.records["unit"])

    @property
    def people(self) -> dict[str, PersonNode]:
        return cast("dict[str, PersonNode]", self.records["person"])

    @property
    def initiatives(self) -> dict[str, InitiativeNode]:
        return cast("dict[str, InitiativeNode]", self.records["initiative"])

    @property
    def awards(self) -> dict[str, AwardNode]:
        return cast("dict[str, AwardNode]", self.records["award"])

    @property
    def events(self) -> dict[str, EventNode]:
        return cast("dict[str, EventNode]", self.records["event"])

    def node(self, kind: str, ident: str) -> Node | None:
        group = self.records.get(kind)
        return group.get(ident) if group is not None else None

    def all_nodes(self) -> list[Node]:
        return [node for group in self.records.values() for node in group.values()]

    def totals_by_year(self) -> dict[int, Totals]:
        return totals_by(self.initiatives.values(), lambda i: i.year)

    def totals_by_field(self) -> dict[str, Totals]:
        return totals_by(self.initiatives.values(), lambda i: i.model.field)

    def totals_by_unit(self, *, include_sub_units: bool = False) -> dict[str, Totals]:
        if not include_sub_units:
            return totals_by(self.initiatives.values(), lambda i: i.model.unit)
        return {
            unit.id: sum_totals(unit.all_initiatives)
            for unit in self.units.values()
            if unit.all_initiatives
        }

    @property
    def latest_awards(self) -> list[AwardNode]:
        ordered = sorted(self.awards.values(), key=lambda a: (a.model.date, a.id), reverse=True)
        return ordered[: self.config.latest_awards]


def sum_totals(initiatives: Iterable[InitiativeNode]) -> Totals:
    """Count, recognised and benefit of some initiatives: the one place totals are made."""
    count = recognised = benefit = 0
    for initiative in initiatives:
        count += 1
        recognised += initiative.recognised
        benefit += initiative.benefit
    return Totals(count, recognised, benefit)


def totals_by(initiatives: Iterable[InitiativeNode], key: Any) -> dict[Any, Totals]:
    groups: dict[Any, list[InitiativeNode]] = defaultdict(list)
    for initiative in initiatives:
        groups[key(initiative)].append(initiative)
    return {k: sum_totals(v) for k, v in sorted(groups.items())}
