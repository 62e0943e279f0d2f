"""The kind registry: one declaration per kind of record.

Everything that differs between kinds is declared here, once, and read from
here by every stage: the folder under ``content/`` and the model (loader,
validator, schemas, ``showcase new``), the node class (linker), the URL shape
(pages, links, redirects, reserved ids), labels and nouns (pages, guide,
scaffold, search), the record and listing templates with their sort orders and
the capped lists a record page shows (page planning), search facets and fields,
the share description, Open Graph and JSON-LD types, the open-data columns and
the guide section.

Adding a kind is: its model (model.py), its node class (nodes.py), how its
references resolve (link.py), one ``Kind`` here, its page and listing templates
and its generated JSON Schema (docs_dev/architecture.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator import jsonld
from generator.model import (
    SINGLE_FILES,
    Award,
    Campaign,
    Event,
    Initiative,
    Person,
    RecordBase,
    Strict,
    Unit,
)
from generator.nodes import (
    AwardNode,
    CampaignNode,
    EventNode,
    InitiativeNode,
    Node,
    PersonNode,
    UnitNode,
    sum_totals,
)
from generator.share import plain_text
from generator.urls import Urls
from generator.vietnamese import format_count, format_date, person_sort_key, sort_key

# -- search facets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Facet:
    """A search filter: its key in the index and URLs, and its panel title on /tra-cuu/."""

    key: str
    label: str
    #: Values listed newest first (years) instead of by count.
    newest_first: bool = False


#: Every facet, in the order the search page shows them.  The page hands this list to the
#: JavaScript (``data-facets``), which keeps no list of its own; search documents fill
#: these keys only, and the filter index is written for them (generator.search_filters).
FACETS: tuple[Facet, ...] = (
    Facet("kind", "Loại hồ sơ"),
    Facet("year", "Năm", newest_first=True),
    Facet("field", "Lĩnh vực"),
    Facet("unit", "Đơn vị"),
    Facet("province", "Tỉnh, thành phố"),
    Facet("award_form", "Hình thức khen thưởng"),
    Facet("level", "Cấp công nhận"),
    Facet("status", "Tình trạng"),
)
FACET_KEYS: tuple[str, ...] = tuple(f.key for f in FACETS)
#: The sort key of search documents that the search page offers (newest / oldest first).
SORT_KEY = "date"


def facets_json() -> str:
    """The declaration as the search page receives it: ``[{"key", "label", "newestFirst"}]``."""
    return json.dumps(
        [{"key": f.key, "label": f.label, "newestFirst": f.newest_first} for f in FACETS],
        ensure_ascii=False,
        separators=(",", ":"),
    )


@dataclass
class SearchData:
    """What the search index knows of one record, besides its title and its Markdown fields.

    ``filters``: facet key → values; ``meta``: shown under a result (kind, unit, year);
    ``names``: people and units it names (weighted between title and text); ``lead``:
    its summary, before its description; ``text``: other words a reader may search for;
    ``sort``: sort keys (``date`` ISO, ``benefit`` zero-padded).
    """

    filters: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    names: list[str | None] = field(default_factory=list)
    lead: list[Any] = field(default_factory=list)
    text: list[Any] = field(default_factory=list)
    sort: dict[str, str] = field(default_factory=dict)

    def facet(self, key: str, value: Any) -> None:
        if value is None or not str(value).strip():
            return
        values = self.filters.setdefault(key, [])
        if str(value) not in values:
            values.append(str(value))

    def year(self, year: int) -> None:
        self.facet("year", year)
        self.meta["year"] = str(year)

    def unit(self, unit: UnitNode | None, *, facet: bool = True) -> None:
        if unit is None:
            return
        self.meta["unit"] = unit.model.name
        self.names.append(unit.model.name)
        if facet:
            self.facet("unit", unit.model.name)


# -- listings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SortOrder:
    """One order of a listing; ``slug`` is its sub-folder ("" for the default order)."""

    slug: str
    label: str
    key: Callable[[Any], Any]


@dataclass(frozen=True)
class Listing:
    """The paginated list of every record of a kind, at the kind's URL prefix."""

    title: str
    description: str
    orders: tuple[SortOrder, ...]
    #: A template of its own, or the generic list of names and descriptions.
    template: str = "listing.md.j2"


@dataclass(frozen=True)
class RecordList:
    """A list a record page shows, capped; past the cap, "see all" pages at ``<url><slug>/``."""

    key: str  # name in the page's ``lists`` context
    slug: str
    item_kind: str
    title: str  # with {name}: the owner's name
    items: Callable[[Any], Sequence[Node]]


Column = tuple[str, Callable[[Any, dict[str, Any]], Any]]


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str  # under content/
    model: type[RecordBase]
    node: type[Node]
    url_prefix: str
    label: str  # "Sáng kiến": headings, facet value, guide section
    noun: str  # "sáng kiến": after a number ("12 sáng kiến"), and in messages
    noun_en: str  # "initiative": in messages printed in English (--lang en)
    title_field: str  # the model field holding the title or name
    template: str  # the record page
    listing: Listing
    search_priority: int  # order of kinds in common-word result lists (lower first)
    search: Callable[[Any], SearchData]
    describe: Callable[[Any], str]  # plain text; truncated by generator.describe
    og_type: str
    jsonld_type: str  # schema.org type of the record page's JSON-LD
    export_name: str  # du-lieu-mo/<export_name>.json|csv
    export_columns: Callable[[Any], list[Column]]
    #: The second line of the record's share card: what it was honoured for and where it
    #: belongs (plain text; generator.media draws it).
    card_subtitle: Callable[[Any], str] = lambda node: ""
    record_lists: tuple[RecordList, ...] = ()
    context: Callable[[Any], dict[str, Any]] | None = None  # extra template context
    year_folders: bool = False  # content/<folder>/<year>/<id>.yml
    #: The JSON-LD of a record; by default its type, name and description (jsonld.thing).
    jsonld: Callable[[Any, Urls], jsonld.JsonObject | None] = jsonld.thing

    def __post_init__(self) -> None:
        self.node.spec = self

    def url(self, ident: str) -> str:
        return f"{self.url_prefix}/{ident}/"

    @property
    def export_label(self) -> str:
        return self.noun[:1].upper() + self.noun[1:]

    @property
    def content_path(self) -> str:
        """Where an editor puts one record, as the guide writes it."""
        year = "<năm>/" if self.year_folders else ""
        return f"content/{self.folder}/{year}<mã>.yml"


# -- helpers shared by declarations ------------------------------------------------------------


def province_of(unit: UnitNode | None) -> str | None:
    """The province of a unit, or of the nearest unit above it that names one."""
    if unit is None:
        return None
    for current in [unit, *unit.ancestors]:
        if current.model.province:
            return str(current.model.province)
    return None


def _join(parts: Sequence[str | None], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def _counts(*parts: tuple[int, str]) -> str:
    return _join([f"{format_count(n)} {noun}" for n, noun in parts if n])


def _date_key(node: Any) -> tuple[int, str]:
    return (-node.model.date.toordinal(), node.id)


def initiative_recent_key(i: InitiativeNode) -> tuple[Any, ...]:
    applied = i.model.first_applied.toordinal() if i.model.first_applied else 0
    return (-i.year, -applied, sort_key(i.model.title))


def initiative_benefit_key(i: InitiativeNode) -> tuple[Any, ...]:
    return (-i.benefit, sort_key(i.model.title))


def newest_award(awards: Sequence[AwardNode]) -> AwardNode | None:
    return max(awards, key=lambda a: (a.model.date, a.id), default=None)


def _award_form(awards: Sequence[AwardNode]) -> str | None:
    award = newest_award(awards)
    return award.form_label if award is not None else None


def _card_line(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p)


INITIATIVE_RECENT = SortOrder("", "Mới nhất", initiative_recent_key)
INITIATIVE_BENEFIT = SortOrder("theo-gia-tri", "Giá trị làm lợi", initiative_benefit_key)
AWARD_RECENT = SortOrder("", "Mới nhất", _date_key)


def _term_name(term: Any) -> str | None:
    return str(term.name) if term is not None else None


def _name(node: Node | None) -> str | None:
    return node.display_name if node is not None else None


# -- initiative --------------------------------------------------------------------------------


def _initiative_search(node: InitiativeNode) -> SearchData:
    model = node.model
    data = SearchData()
    data.year(node.year)
    data.unit(node.unit)
    data.names.extend(a.name for a in node.authors)
    if node.owner is not None:
        data.names.append(node.owner.model.name)
    if node.field_term:
        data.facet("field", node.field_term.name)
    data.facet("province", province_of(node.unit))
    if node.status_term:
        data.facet("status", node.status_term.name)
    if node.recognition:
        data.facet("level", node.recognition.level.name)
    data.lead.append(model.summary)
    data.text.extend(model.tags)
    data.text.extend(t.name for t in (node.field_term, node.type_term) if t is not None)
    data.text.append(province_of(node.unit))
    first = model.first_applied
    data.sort["date"] = first.isoformat() if first else f"{node.year}-01-01"
    data.sort["benefit"] = f"{node.benefit:015d}"
    return data


def _initiative_card(node: InitiativeNode) -> str:
    return _card_line(_award_form(node.awards), _name(node.unit), node.year)


def _initiative_columns(_: Any) -> list[Column]:
    def recognition(key: str) -> Callable[[Any, dict[str, Any]], Any]:
        return lambda n, r: (r["recognition"] or {}).get(key)

    def share(value: Any) -> str:
        return "" if value is None else str(value)

    return [
        *fields("id", "url", "year", "title"),
        ("authors", lambda n, r: [a.name for a in n.authors]),
        ("author_ids", lambda n, r: [a["person"] or "" for a in r["authors"]]),
        ("author_shares", lambda n, r: [share(a["share"]) for a in r["authors"]]),
        *fields("unit"),
        ("unit_name", lambda n, r: _name(n.unit)),
        *fields("owner", "field"),
        ("field_name", lambda n, r: _term_name(n.field_term)),
        *fields("type"),
        ("type_name", lambda n, r: _term_name(n.type_term)),
        *fields("campaign", "phase", "first_applied"),
        ("recognition_by", recognition("by")),
        ("recognition_level", recognition("level")),
        ("recognition_date", recognition("date")),
        ("recognition_decision_number", recognition("decision_number")),
        *fields("status"),
        ("status_name", lambda n, r: _term_name(n.status_term)),
        *fields("benefit_vnd", "summary", "tags", "images", "description", "conditions"),
        *fields("example"),
    ]


# -- person ------------------------------------------------------------------------------------


def _person_search(node: PersonNode) -> SearchData:
    data = SearchData()
    data.unit(node.unit)
    data.facet("province", province_of(node.unit))
    data.names.append(node.model.job_title)
    return data


def _person_describe(node: PersonNode) -> str:
    if node.model.bio:
        return plain_text(node.model.bio)
    head = _join([node.model.name, node.model.job_title, _name(node.unit)])
    counts = _counts(
        (len(node.initiatives), "sáng kiến"), (len(node.awards), "lần được khen thưởng")
    )
    return head + (f". {counts}." if counts else ".")


def _person_card(node: PersonNode) -> str:
    return _card_line(_award_form(node.awards), node.model.job_title, _name(node.unit))


def _person_columns(_: Any) -> list[Column]:
    return [
        *fields("id", "url", "name", "job_title", "unit"),
        ("unit_name", lambda n, r: _name(n.unit)),
        *fields("photo", "bio", "example"),
    ]


# -- unit --------------------------------------------------------------------------------------


def _unit_search(node: UnitNode) -> SearchData:
    data = SearchData()
    data.facet("province", province_of(node))
    data.names.append(node.model.short_name)
    if node.parent is not None:
        data.meta["unit"] = node.parent.model.name
        data.names.append(node.parent.model.name)
    data.text.append(province_of(node))
    if node.kind_term:
        data.text.append(node.kind_term.name)
    return data


def _unit_describe(node: UnitNode) -> str:
    if node.model.description:
        return plain_text(node.model.description)
    head = _join([node.model.name, _term_name(node.kind_term), node.model.province])
    counts = _counts(
        (len(node.all_initiatives), "sáng kiến"),
        (len(node.all_awards), "quyết định khen thưởng"),
    )
    return head + (f". {counts}." if counts else ".")


#: How many units a unit's rankings name (the table of units under it is capped like any list).
RANKING_SIZE = 10


def _unit_card(node: UnitNode) -> str:
    return _card_line(_award_form(node.awards), _name(node.parent) or node.model.province)


def unit_leaderboard(unit: UnitNode) -> dict[str, Any]:
    """The units directly under this one with the totals of everything under each, and the
    first ones by recognised initiatives and by benefit."""
    rows = [(child, sum_totals(child.all_initiatives)) for child in unit.children]
    by_recognised = sorted(rows, key=lambda r: (-r[1].recognised, sort_key(r[0].model.name)))
    by_benefit = sorted(rows, key=lambda r: (-r[1].benefit, sort_key(r[0].model.name)))
    return {
        "totals_of": {child.id: totals for child, totals in rows},
        "ranking_recognised": by_recognised[:RANKING_SIZE],
        "ranking_benefit": by_benefit[:RANKING_SIZE],
    }


def _unit_columns(_: Any) -> list[Column]:
    return [
        *fields("id", "url", "name", "short_name", "kind"),
        ("kind_name", lambda n, r: _term_name(n.kind_term)),
        *fields("parent"),
        ("parent_name", lambda n, r: _name(n.parent)),
        *fields("province", "website", "logo", "description", "example"),
    ]


# -- award -------------------------------------------------------------------------------------


def _award_search(node: AwardNode) -> SearchData:
    model = node.model
    data = SearchData()
    data.year(node.year)
    data.unit(node.issuer)
    if node.form_term:
        data.facet("award_form", node.form_term.name)
        data.text.append(node.form_term.name)
    data.names.extend(r.label for r in node.recipients)
    data.lead.append(model.summary)
    data.text.append(model.decision_number)
    data.text.extend(r.citation for r in node.recipients)
    data.sort["date"] = model.date.isoformat()
    return data


def _award_describe(node: AwardNode) -> str:
    model = node.model
    if model.summary:
        return str(model.summary)
    decision = f"quyết định số {model.decision_number}" if model.decision_number else "quyết định"
    head = _join([_term_name(node.form_term), f"{decision} ngày {format_date(model.date)}"], ": ")
    if node.issuer is not None:
        head += f" của {node.issuer.display_name}"
    return f"{head}; khen thưởng {format_count(len(model.recipients))} tập thể, cá nhân."


def _award_card(node: AwardNode) -> str:
    model = node.model
    decision = f"Quyết định số {model.decision_number}" if model.decision_number else "Quyết định"
    return _card_line(_name(node.issuer), f"{decision} ngày {format_date(model.date)}")


def _award_columns(_: Any) -> list[Column]:
    return [
        *fields("id", "url", "title", "form"),
        ("form_name", lambda n, r: _term_name(n.form_term)),
        *fields("issuer"),
        ("issuer_name", lambda n, r: _name(n.issuer)),
        *fields("decision_number", "date", "event", "campaign", "summary"),
        ("recipient_count", lambda n, r: len(n.recipients)),
        ("recipients", lambda n, r: [x.label for x in n.recipients]),
        *fields("description", "example"),
    ]


# -- event -------------------------------------------------------------------------------------


def _event_search(node: EventNode) -> SearchData:
    model = node.model
    data = SearchData()
    data.year(node.year)
    data.unit(node.organiser)
    data.facet("province", model.province)
    for item in node.programme:
        if item.speaker is not None:
            data.names.append(item.speaker.name)
        data.text.extend([item.topic, item.summary])
    data.lead.append(model.summary)
    data.text.extend([model.place, model.province])
    data.sort["date"] = model.date.isoformat()
    return data


def _event_describe(node: EventNode) -> str:
    model = node.model
    if model.summary:
        return str(model.summary)
    where = _join([model.place, model.province])
    text = f"{model.title}, ngày {format_date(model.date)}"
    return text + (f" tại {where}." if where else ".")


def _event_card(node: EventNode) -> str:
    model = node.model
    return _card_line(format_date(model.date), _join([model.place, model.province]))


def _event_columns(_: Any) -> list[Column]:
    return [
        *fields("id", "url", "title", "date", "end_date", "place", "province", "organiser"),
        ("organiser_name", lambda n, r: _name(n.organiser)),
        *fields("campaign", "phase", "summary", "photos"),
        ("programme_topics", lambda n, r: [item.topic for item in n.programme]),
        *fields("description", "example"),
    ]


# -- campaign ----------------------------------------------------------------------------------


def _campaign_search(node: CampaignNode) -> SearchData:
    model = node.model
    data = SearchData()
    data.year(model.start.year)
    data.unit(node.organiser, facet=False)
    data.names.append(model.short_name)
    data.lead.append(model.summary)
    data.text.extend(p.phase.name for p in node.phases)
    data.sort["date"] = model.start.isoformat()
    return data


def _campaign_describe(node: CampaignNode) -> str:
    model = node.model
    if model.summary:
        return str(model.summary)
    text = f"{model.title}, phát động ngày {format_date(model.start)}"
    return text + (f" bởi {node.organiser.display_name}." if node.organiser else ".")


def _campaign_card(node: CampaignNode) -> str:
    return _card_line(_name(node.organiser), f"phát động ngày {format_date(node.model.start)}")


def _campaign_columns(_: Any) -> list[Column]:
    def share(value: Any) -> str:
        return "" if value is None else str(value)

    return [
        *fields("id", "url", "title", "short_name", "organiser"),
        ("organiser_name", lambda n, r: _name(n.organiser)),
        *fields("start", "end", "summary", "website"),
        ("phases", lambda n, r: [p.key for p in n.model.phases]),
        ("phase_names", lambda n, r: [p.name for p in n.model.phases]),
        ("phase_targets", lambda n, r: [share(p.target) for p in n.model.phases]),
        *fields("description", "example"),
    ]


def fields(*names: str) -> list[Column]:
    """Columns copied from the exported record as they are."""
    return [(name, _getter(name)) for name in names]


def _getter(name: str) -> Callable[[Any, dict[str, Any]], Any]:
    return lambda n, r: r.get(name)


# -- the registry ------------------------------------------------------------------------------

#: Every kind, in the order editors meet them (guide, open data, `showcase new`).
KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            name="initiative",
            folder="initiatives",
            model=Initiative,
            node=InitiativeNode,
            url_prefix="sang-kien",
            label="Sáng kiến",
            noun="sáng kiến",
            noun_en="initiative",
            title_field="title",
            template="initiative.md.j2",
            listing=Listing(
                "Sáng kiến",
                "Các sáng kiến được vinh danh.",
                template="listing-initiatives.md.j2",
                orders=(
                    INITIATIVE_RECENT,
                    SortOrder("theo-ten", "Theo tên (A–Z)", lambda i: sort_key(i.model.title)),
                    INITIATIVE_BENEFIT,
                ),
            ),
            search_priority=0,
            search=_initiative_search,
            describe=lambda n: str(n.model.summary),
            og_type="article",
            jsonld_type="CreativeWork",
            jsonld=jsonld.initiative,
            export_name="initiatives",
            card_subtitle=_initiative_card,
            export_columns=_initiative_columns,
            year_folders=True,
        ),
        Kind(
            name="person",
            folder="people",
            model=Person,
            node=PersonNode,
            url_prefix="ca-nhan",
            label="Cá nhân",
            noun="cá nhân",
            noun_en="person",
            title_field="name",
            template="person.md.j2",
            listing=Listing(
                "Cá nhân",
                "Cá nhân có sáng kiến, được khen thưởng.",
                template="listing-people.md.j2",
                orders=(
                    SortOrder("", "Theo tên", lambda p: person_sort_key(p.model.name)),
                    SortOrder(
                        "theo-so-sang-kien",
                        "Theo số sáng kiến",
                        lambda p: (-len(p.initiatives), person_sort_key(p.model.name)),
                    ),
                ),
            ),
            search_priority=5,
            search=_person_search,
            describe=_person_describe,
            og_type="profile",
            jsonld_type="Person",
            jsonld=jsonld.person,
            export_name="people",
            card_subtitle=_person_card,
            export_columns=_person_columns,
        ),
        Kind(
            name="unit",
            folder="units",
            model=Unit,
            node=UnitNode,
            url_prefix="don-vi",
            label="Đơn vị",
            noun="đơn vị",
            noun_en="unit",
            title_field="name",
            template="unit.md.j2",
            listing=Listing(
                "Đơn vị",
                "Các đơn vị, công đoàn có sáng kiến và khen thưởng.",
                template="listing-units.md.j2",
                orders=(
                    SortOrder("", "Theo tên", lambda u: sort_key(u.model.name)),
                    SortOrder(
                        "theo-so-sang-kien",
                        "Theo số sáng kiến",
                        lambda u: (-len(u.all_initiatives), sort_key(u.model.name)),
                    ),
                ),
            ),
            search_priority=4,
            search=_unit_search,
            describe=_unit_describe,
            og_type="website",
            jsonld_type="Organization",
            jsonld=jsonld.unit,
            export_name="units",
            card_subtitle=_unit_card,
            export_columns=_unit_columns,
            record_lists=(
                RecordList(
                    "children",
                    "don-vi-truc-thuoc",
                    "unit",
                    "Đơn vị trực thuộc {name}",
                    lambda u: u.children,
                ),
                RecordList(
                    "initiatives",
                    "sang-kien",
                    "initiative",
                    "Sáng kiến của {name}",
                    lambda u: u.all_initiatives,
                ),
                RecordList(
                    "people", "ca-nhan", "person", "Cá nhân thuộc {name}", lambda u: u.people
                ),
                RecordList(
                    "awards",
                    "khen-thuong",
                    "award",
                    "Khen thưởng của {name}",
                    lambda u: u.all_awards,
                ),
                RecordList(
                    "issued_awards",
                    "quyet-dinh",
                    "award",
                    "Quyết định khen thưởng do {name} ban hành",
                    lambda u: u.issued_awards,
                ),
                RecordList(
                    "events",
                    "su-kien",
                    "event",
                    "Sự kiện do {name} tổ chức",
                    lambda u: u.organised_events,
                ),
            ),
            context=unit_leaderboard,
        ),
        Kind(
            name="award",
            folder="awards",
            model=Award,
            node=AwardNode,
            url_prefix="khen-thuong",
            label="Khen thưởng",
            noun="quyết định khen thưởng",
            noun_en="award decision",
            title_field="title",
            template="award.md.j2",
            listing=Listing(
                "Khen thưởng",
                "Các quyết định khen thưởng.",
                template="listing-awards.md.j2",
                orders=(
                    AWARD_RECENT,
                    SortOrder("theo-ten", "Theo tên (A–Z)", lambda a: sort_key(a.model.title)),
                ),
            ),
            search_priority=1,
            search=_award_search,
            describe=_award_describe,
            og_type="article",
            jsonld_type="CreativeWork",
            jsonld=jsonld.award,
            export_name="awards",
            card_subtitle=_award_card,
            export_columns=_award_columns,
        ),
        Kind(
            name="event",
            folder="events",
            model=Event,
            node=EventNode,
            url_prefix="su-kien",
            label="Sự kiện",
            noun="sự kiện",
            noun_en="event",
            title_field="title",
            template="event.md.j2",
            listing=Listing(
                "Sự kiện",
                "Các sự kiện, diễn đàn sáng kiến.",
                template="listing-events.md.j2",
                orders=(SortOrder("", "Mới nhất", _date_key),),
            ),
            search_priority=2,
            search=_event_search,
            describe=_event_describe,
            og_type="article",
            jsonld_type="Event",
            jsonld=jsonld.event,
            export_name="events",
            card_subtitle=_event_card,
            export_columns=_event_columns,
        ),
        Kind(
            name="campaign",
            folder="campaigns",
            model=Campaign,
            node=CampaignNode,
            url_prefix="chuong-trinh",
            label="Chương trình",
            noun="chương trình",
            noun_en="campaign",
            title_field="title",
            template="campaign.md.j2",
            listing=Listing(
                "Chương trình",
                "Các chương trình, phong trào thi đua sáng tạo.",
                orders=(SortOrder("", "Mới nhất", lambda c: (-c.model.start.toordinal(), c.id)),),
            ),
            search_priority=3,
            search=_campaign_search,
            describe=_campaign_describe,
            og_type="website",
            jsonld_type="Project",
            jsonld=jsonld.campaign,
            export_name="campaigns",
            card_subtitle=_campaign_card,
            export_columns=_campaign_columns,
            record_lists=(
                RecordList(
                    "initiatives",
                    "sang-kien",
                    "initiative",
                    "Sáng kiến tham gia {name}",
                    lambda c: c.initiatives,
                ),
                RecordList(
                    "awards", "khen-thuong", "award", "Khen thưởng trong {name}", lambda c: c.awards
                ),
                RecordList("events", "su-kien", "event", "Sự kiện của {name}", lambda c: c.events),
            ),
        ),
    )
}

#: Derived views: kind → (folder, model) of every kind of record, and kind → model of every
#: file an editor writes (the single files site.yml and taxonomies.yml included).
RECORD_KINDS: dict[str, tuple[str, type[RecordBase]]] = {
    name: (kind.folder, kind.model) for name, kind in KINDS.items()
}
ALL_MODELS: dict[str, type[Strict]] = {
    **{name: model for name, (_, model) in SINGLE_FILES.items()},
    **{name: kind.model for name, kind in KINDS.items()},
}

#: The single files of content/ (not kinds of record), with how the guide and the open data
#: name them.
SINGLE_FILE_LABELS: dict[str, str] = {
    "site": "Cấu hình trang",
    "taxonomies": "Danh mục dùng chung",
}


#: The order a record list shows, per kind of item (the first order of the kind's listing).
def default_order(kind: str) -> SortOrder:
    return KINDS[kind].listing.orders[0]


def kind_of_folder(folder: str) -> Kind | None:
    for kind in KINDS.values():
        if kind.folder == folder:
            return kind
    return None


#: Page names inside a kind's folder that are not records: the listing's other orders and
#: its later pages (``trang-2``).  A record with such an id would lose its page.
RESERVED_IDS = frozenset(
    {"index"} | {o.slug for k in KINDS.values() for o in k.listing.orders if o.slug}
)
PAGE_NUMBER_RE = re.compile(r"trang-\d+")


def reserved_id(ident: str) -> bool:
    return ident in RESERVED_IDS or PAGE_NUMBER_RE.fullmatch(ident) is not None
