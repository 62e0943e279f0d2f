"""Link: validated records → the Site graph.

Every reference is resolved to an object (or reported with its position), and
the back-links later pages need are computed once here: a person's initiatives
and awards, a unit's sub-units and everything under them, an event's awards, a
campaign's figures per phase, totals per year, field and unit.

Templates receive only these objects (generator.nodes): a node's own fields are
on ``node.model``, its resolved references on the node (``initiative.unit`` is a
UnitNode).
"""

from __future__ import annotations

import datetime as dt
import difflib
import heapq
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from generator.i18n import Msg
from generator.kinds import KINDS
from generator.loader import FieldPath, format_field_path
from generator.model import (
    SLUG_RE,
    Award,
    Campaign,
    Event,
    Initiative,
    Person,
    Phase,
    RecordBase,
    Term,
    Unit,
)
from generator.nodes import (
    AuthorRef,
    AwardNode,
    CampaignNode,
    EventNode,
    InitiativeNode,
    Node,
    PersonNode,
    PersonRef,
    PhaseProgress,
    ProgrammeRef,
    RecipientRef,
    RecognitionRef,
    Site,
    SourcedFigure,
    TermRef,
    UnitNode,
)
from generator.problems import Problem, Severity, has_errors
from generator.urls import Urls
from generator.validate import ValidContent, ValidRecord
from generator.vietnamese import fold

# -- linking -----------------------------------------------------------------


def _name_key(text: str) -> str:
    """A display name or a code as an editor may type it: no case, no diacritics, no spaces."""
    return re.sub(r"[^a-z0-9]+", "", fold(text).lower())


def _did_you_mean(key: str, choices: list[str], cutoff: float) -> Any:
    close = difflib.get_close_matches(key, choices, n=1, cutoff=cutoff)
    return Msg("hint.did-you-mean", suggestion=close[0]) if close else ""


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
        code: str,
        params: dict[str, Any] | None = None,
        variant: str = "",
        *,
        key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> None:
        line, col = record.at(path, key=key)
        self.problems.append(
            Problem(
                record.raw.path,
                line,
                col,
                code,
                params or {},
                format_field_path(path),
                severity,
                variant,
            )
        )

    def ref(self, record: ValidRecord, kind: str, ident: str | None, path: FieldPath) -> Any:
        if ident is None:
            return None
        node = self.nodes[kind].get(ident)
        if node is None:
            if ident not in self.loaded_ids[kind]:
                hint = _did_you_mean(ident, sorted(self.nodes[kind]), 0.75)
                params = {"kind": Msg(f"kind.{kind}"), "id": ident, "hint": hint}
                self.problem(record, path, "khong-ton-tai", params)
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
        terms: dict[str, Term] | None = getattr(taxonomies, vocab)
        if terms is None:
            return None  # the vocabulary itself has errors, reported by the validator
        if key in terms:
            return TermRef(key, terms[key])
        if record is not None:
            self.unknown_term(record, vocab, key, terms, path)
        return None

    def unknown_term(
        self, record: ValidRecord, vocab: str, key: str, terms: dict[str, Term], path: FieldPath
    ) -> None:
        """A code not in the vocabulary; a display name typed instead of its code is named."""
        wanted = _name_key(key)
        by_name = [code for code, term in terms.items() if _name_key(str(term.name)) == wanted]
        by_code = [code for code in terms if _name_key(code) == wanted]
        found = by_name or by_code
        if len(found) == 1:
            params = {"value": key, "code": found[0], "vocab": Msg(f"vocab.{vocab}")}
            self.problem(record, path, "khong-co-trong-danh-muc", params, "name")
            return
        hint: Any = _did_you_mean(key, sorted(terms), 0.6)
        if not hint:
            hint = (
                Msg("hint.one-of", choices=", ".join(sorted(terms)))
                if terms
                else Msg("hint.one-of-none")
            )
        params = {"value": key, "vocab": Msg(f"vocab.{vocab}"), "list_name": vocab, "hint": hint}
        self.problem(record, path, "khong-co-trong-danh-muc", params)

    # -- stages
    def create_nodes(self) -> None:
        first: dict[tuple[str, str], ValidRecord] = {}
        for record in sorted(self.valid.records, key=lambda r: r.raw.path):
            key = (record.kind, record.id)
            if key in first:
                params = {"id": record.id, "other": first[key].raw.path}
                self.problems.append(Problem(record.raw.path, 1, 1, "trung-ma", params))
                continue
            first[key] = record
            spec = KINDS[record.kind]
            node = spec.node(
                id=record.id,
                source=record.raw.rel,
                path=record.raw.path,
                model=record.model,
                url=spec.url(record.id),
                digest=record.raw.digest,
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
                            "vong-lap",
                            {"id": node.id, "cycle": cycle},
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
            # `publish: false` means only the name, anywhere: the person is not listed under
            # their unit (nor are their awards counted there).
            if node.unit is not None and node.published:
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
                self.problem(record, path, "khong-ton-tai", {"key": key}, "phase-needs-campaign")
            return None
        if self.record_of(campaign).failed:
            return None  # its phases may have lost their keys to errors reported there
        phases: list[Phase] = campaign.model.phases
        for phase in phases:
            if phase.key == key:
                return phase
        keys = [p.key for p in phases if p.key is not None]
        hint: Any = _did_you_mean(key, keys, 0.6)
        if not hint:
            hint = Msg("hint.one-of", choices=", ".join(keys)) if keys else ""
        params = {"key": key, "campaign": campaign.id, "hint": hint}
        self.problem(record, path, "khong-ton-tai", params, "phase")
        return None

    def person_ref(
        self, record: ValidRecord, person: str | None, name: str | None, path: FieldPath
    ) -> PersonRef:
        if person is not None:
            node = self.ref(record, "person", person, (*path, "person") if path else path)
            if isinstance(node, PersonNode):
                return PersonRef("", node)
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
                node.authors.append(AuthorRef(ref.given, ref.person, author.share, author.role))
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
                    "sai-vi-tri",
                    {"year": model.first_applied.year, "folder_year": node.year},
                    "year-mismatch",
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
                unit = self.ref(record, "unit", item.unit, (*path, "unit"))
                if speaker is not None and speaker.person and not speaker.person.published:
                    unit = None  # where an unpublished speaker works is not published
                node.programme.append(
                    ProgrammeRef(
                        item.topic,
                        item.summary,
                        speaker,
                        unit,
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
                return PersonRef("", node)
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
                    person = self.person_ref(record, recipient.person, None, path)
                    ref.people.append(person)
                    if person.person is not None and not person.person.published:
                        ref.job_title = None  # the list's job title is about the person
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
            # A failed event (checked, never published) may have lost its date.
            for event in sorted(node.events, key=lambda e: (e.model.date or dt.date.min, e.id)):
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
                            "khong-ton-tai",
                            {"key": figure.phase},
                            "event-phase",
                        )

    def related(self) -> None:
        """Up to five related initiatives: 3 points a shared tag, 2 for the field, 1 for the unit.

        The best five by score, ties by id.  Scoring every pair, or every member of a shared
        tag's list, grows with the square of the number of initiatives (tags are shared by
        thousands at 50,000 records), so see ``_RelatedIndex``: it walks the possible
        scores from the top and reads only as many candidates as the five need.
        """
        initiatives = [
            n for n in self.nodes["initiative"].values() if isinstance(n, InitiativeNode)
        ]
        index = _RelatedIndex(initiatives)
        for node in initiatives:
            node.related = index.best(node, 5)

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
            self.problem(record, path, "thieu-anh", {"value": value}, "web")
        elif value not in media:
            self.problem(record, path, "thieu-anh", {"value": value})

    def redirects(self) -> None:
        for kind, group in self.nodes.items():
            owners: dict[str, str] = {}
            for node in sorted(group.values(), key=lambda n: n.id):
                record = self.record_of(node)
                model: RecordBase = node.model
                for index, old in enumerate(model.redirect_from):
                    where = ("redirect_from", index)
                    if old in group or old in self.loaded_ids[kind]:
                        self.problem(record, where, "trung-chuyen-huong", {"old": old}, "id")
                    elif old in owners:
                        params = {"old": old, "owner": owners[old]}
                        self.problem(record, where, "trung-chuyen-huong", params, "claimed")
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
            if figure_ref.figure is None:
                continue  # the item has errors, reported by the validator
            owner: Any
            if figure_ref.campaign:
                owner = self.ref(record, "campaign", figure_ref.campaign, (*path, "campaign"))
            else:
                owner = self.ref(record, "event", figure_ref.event, (*path, "event"))
            if owner is None:
                continue
            found = [f for f in owner.model.figures if f.key == figure_ref.figure]
            if not found and self.record_of(owner).failed:
                continue  # its figures may have lost their keys to errors reported there
            if not found:
                keys = [f.key for f in owner.model.figures if f.key is not None]
                params = {
                    "figure": figure_ref.figure,
                    "kind": Msg(f"kind.{owner.kind}"),
                    "owner": owner.id,
                    "hint": _did_you_mean(figure_ref.figure, keys, 0.6),
                }
                self.problem(record, (*path, "figure"), "khong-ton-tai", params, "figure")
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

    def unit_trees(self) -> None:
        """Each unit's descendants and what happened under it, computed once per unit.

        Children are sorted by id, so depth-first order is stable; a reference cycle was
        cut by link_units, and ``seen`` keeps a damaged tree from looping anyway.
        """
        for node in self.nodes["unit"].values():
            assert isinstance(node, UnitNode)
            seen = {node.id}
            descendants: list[UnitNode] = []
            stack = list(reversed(node.children))
            while stack:
                unit = stack.pop()
                if unit.id in seen:
                    continue
                seen.add(unit.id)
                descendants.append(unit)
                stack.extend(reversed(unit.children))
            node.descendants = descendants
            initiatives: dict[str, InitiativeNode] = {}
            awards: dict[str, AwardNode] = {}
            for unit in [node, *descendants]:
                for initiative in unit.initiatives:
                    initiatives.setdefault(initiative.id, initiative)
                for award in unit.awards:
                    awards.setdefault(award.id, award)
                for person in unit.people:
                    for award in person.awards:
                        awards.setdefault(award.id, award)
            node.all_initiatives = list(initiatives.values())
            node.all_awards = sorted(
                awards.values(), key=lambda a: (a.model.date, a.id), reverse=True
            )


def link_content(valid: ValidContent) -> tuple[Site | None, list[Problem]]:
    """Resolve references and build the Site.

    The Site is None when a file failed validation (its valid fields are still checked here,
    so that one run reports every mistake) or site.yml or taxonomies.yml is unusable.
    """
    linker = _Linker(valid)
    linker.create_nodes()
    linker.link_units()
    linker.link_people()
    linker.link_campaigns()
    linker.link_initiatives()
    linker.link_events()
    linker.link_awards()
    linker.figures()
    linker.media()
    linker.redirects()
    featured, headline = linker.site_refs()
    if (
        valid.failed
        or valid.site is None
        or valid.taxonomies is None
        or has_errors(linker.problems)
    ):
        # Records with errors were linked for their checks only: no Site is made of them,
        # nor the related lists and unit trees that only pages read (the preview shows its
        # error overlay without waiting for them).
        return None, linker.problems
    linker.related()
    linker.sort_backlinks()
    linker.unit_trees()

    site = Site(
        config=valid.site,
        taxonomies=valid.taxonomies,
        urls=Urls.from_base_url(valid.site.base_url),
        records={kind: dict(sorted(linker.nodes[kind].items())) for kind in KINDS},
        pages=list(valid.pages),
        media=set(valid.loaded.media),
        featured=featured,
        headline=headline,
        media_sources=valid.loaded.media_files(),
    )
    return site, linker.problems


#: Past this many tags on one initiative, its levels (2^tags × 4) outnumber its candidates.
MAX_LEVEL_TAGS = 6


class _RelatedIndex:
    """Finds the best-scoring related initiatives without scoring every candidate.

    Score = 3 × shared tags + 2 × same field + 1 × same unit.  A candidate's score depends
    only on its *level*: which of the node's tags it shares exactly, and whether its field
    and unit are the node's.  Levels are visited from the highest score down; within one
    score, candidates are merged by id from lists sorted by id (per tag and field, per pair
    of tags, per unit, per field), each filtered to its exact level.  The walk stops when
    five are found and the next score is lower, so each node reads a handful of candidates
    however many initiatives share its tags.
    """

    def __init__(self, initiatives: list[InitiativeNode]) -> None:
        ordered = sorted(initiatives, key=lambda n: n.id)
        self.tags: dict[str, frozenset[str]] = {}
        self.by_tag_field: dict[tuple[str, str], list[InitiativeNode]] = defaultdict(list)
        self.fields_of_tag: dict[str, set[str]] = defaultdict(set)
        self.by_pair: dict[tuple[str, str], list[InitiativeNode]] = defaultdict(list)
        self.by_triple: dict[tuple[str, ...], list[InitiativeNode]] = defaultdict(list)
        self.many_tags: list[InitiativeNode] = []
        self.by_field: dict[str, list[InitiativeNode]] = defaultdict(list)
        self.by_unit: dict[str, list[InitiativeNode]] = defaultdict(list)
        for node in ordered:
            tags = frozenset(node.model.tags)
            self.tags[node.id] = tags
            field_key = node.model.field
            for tag in tags:
                self.by_tag_field[(tag, field_key)].append(node)
                self.fields_of_tag[tag].add(field_key)
            for pair in itertools.combinations(sorted(tags), 2):
                self.by_pair[pair].append(node)
            if len(tags) <= MAX_LEVEL_TAGS:
                for triple in itertools.combinations(sorted(tags), 3):
                    self.by_triple[triple].append(node)
            else:  # not thousands of triples for one node: read for every triple level
                self.many_tags.append(node)
            self.by_field[field_key].append(node)
            self.by_unit[node.model.unit].append(node)

    def _source(
        self, node: InitiativeNode, shared: tuple[str, ...], same_field: bool, same_unit: bool
    ) -> Iterator[InitiativeNode]:
        """Candidates in id order that may be at this level (filtered exactly by ``best``)."""
        field_key = node.model.field
        if same_unit:
            return iter(self.by_unit[node.model.unit])
        if len(shared) >= 3:
            # Not the pair lists: they grow with the content, and a level that few candidates
            # reach exactly would be read to its end for every node.
            triples = [self.by_triple.get(t, []) for t in itertools.combinations(shared, 3)]
            smallest: list[InitiativeNode] = min(triples, key=len)
            return heapq.merge(smallest, self.many_tags, key=lambda n: n.id)
        if len(shared) == 2:
            return iter(self.by_pair.get((shared[0], shared[1]), []))
        if len(shared) == 1:
            tag = shared[0]
            if same_field:
                return iter(self.by_tag_field.get((tag, field_key), []))
            lists = [
                self.by_tag_field[(tag, other)]
                for other in sorted(self.fields_of_tag[tag])
                if other != field_key
            ]
            return heapq.merge(*lists, key=lambda n: n.id)
        if same_field:
            return iter(self.by_field[field_key])
        return iter(())

    def best(self, node: InitiativeNode, limit: int) -> list[InitiativeNode]:
        tagset = self.tags[node.id]
        tags = sorted(tagset)
        if len(tags) > MAX_LEVEL_TAGS:
            return self._scored(node, limit)
        field_key = node.model.field
        unit_key = node.model.unit
        levels: dict[int, list[tuple[tuple[str, ...], bool, bool]]] = defaultdict(list)
        for size in range(len(tags), -1, -1):
            for shared in itertools.combinations(tags, size):
                for same_field in (True, False):
                    for same_unit in (True, False):
                        score = 3 * size + 2 * same_field + same_unit
                        if score:
                            levels[score].append((shared, same_field, same_unit))
        found: list[InitiativeNode] = []
        for score in sorted(levels, reverse=True):
            if len(found) >= limit:
                break
            streams = []
            for shared, same_field, same_unit in levels[score]:
                wanted = frozenset(shared)

                def exact(
                    other: InitiativeNode,
                    wanted: frozenset[str] = wanted,
                    same_field: bool = same_field,
                    same_unit: bool = same_unit,
                ) -> bool:
                    return (
                        other is not node
                        and (other.model.field == field_key) == same_field
                        and (other.model.unit == unit_key) == same_unit
                        and self.tags[other.id] & tagset == wanted
                    )

                streams.append(filter(exact, self._source(node, shared, same_field, same_unit)))
            merged = heapq.merge(*streams, key=lambda n: n.id)
            found.extend(itertools.islice(merged, limit - len(found)))
        return found

    def _scored(self, node: InitiativeNode, limit: int) -> list[InitiativeNode]:
        """Score every candidate sharing a tag, the unit or the field (rare: many tags)."""
        tagset = self.tags[node.id]
        field_key = node.model.field
        candidates: dict[str, InitiativeNode] = {}
        for tag in tagset:
            for other_field in self.fields_of_tag[tag]:
                for other in self.by_tag_field[(tag, other_field)]:
                    candidates[other.id] = other
        for other in self.by_unit[node.model.unit]:
            candidates[other.id] = other
        field_only = 0
        for other in self.by_field[field_key]:
            if field_only > limit:
                break
            if other.id not in candidates:
                candidates[other.id] = other
                field_only += 1
        candidates.pop(node.id, None)
        scored = sorted(
            (
                -(
                    3 * len(self.tags[o.id] & tagset)
                    + 2 * (o.model.field == field_key)
                    + (o.model.unit == node.model.unit)
                ),
                o.id,
            )
            for o in candidates.values()
        )
        return [candidates[ident] for score, ident in scored[:limit] if score < 0]
