"""Search documents: what the index stage receives from the generator (design §4).

The index stage never reads the built HTML.  The generator hands it one
:class:`SearchDoc` per searchable page, built from the linked Site: the record's own
words (no navigation, no labels, no example notice, no table headers), its facet
values, what a result shows under its title, and its sort keys.  ``generator.search``
turns the list into the search index (words, facet values, result rows) and Pagefind's
bundles.

:func:`search_documents` is the producer for now; the per-kind part will move into
the kind registry.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import markdown
import nh3
import yaml

from generator.facets import FACET_KEYS
from generator.link import (
    KIND_LABEL,
    AwardNode,
    CampaignNode,
    EventNode,
    InitiativeNode,
    Node,
    PersonNode,
    Site,
    UnitNode,
)
from generator.loader import HandPage

#: Kind label of hand-written pages (content/pages/*.md).
PAGE_KIND = "Trang"


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page, as the index stage sees it.  All text is plain (no HTML)."""

    url: str
    """Site-relative URL with a trailing slash, no leading one: ``sang-kien/x/``."""
    title: str
    """Title or name: weighted highest."""
    kind: str
    """Kind label shown with the result (``Sáng kiến``); also the ``kind`` facet value."""
    text: str
    """The record's own searchable text: summary, description, tags, places…"""
    names: str = ""
    """People and units the record names (authors, unit, recipients…): weighted between
    the title and the text, so that a person's or a unit's name ranks its records high."""
    description: str = ""
    """One or two sentences shown under a result from the search index (shortened);
    Pagefind results (quoted phrases) show an excerpt of the text instead."""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Facet key (``generator.facets.FACET_KEYS``) → values."""
    meta: Mapping[str, str] = field(default_factory=dict)
    """Shown under a result: ``kind``, ``unit``, ``year``."""
    sort: Mapping[str, str] = field(default_factory=dict)
    """Sort keys: ``date`` (ISO), ``benefit`` (zero-padded đồng)."""


def shorten(text: str, limit: int = 150) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters + "…".

    >>> shorten("Một hai ba bốn năm", 9)
    'Một hai…'
    """
    text = " ".join(text.replace("¶", " ").split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else text[:limit]
    return cut.rstrip(" ,;:.–—-…") + "…"


# One converter, reset per field: building a Markdown instance costs more than converting
# a short field (9 of 36 CPU seconds at 10,000 records).
_MARKDOWN = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")


def _plain(markdown_source: str | None) -> str:
    """A Markdown field as plain text: rendered as the page renders it, every tag dropped
    (``nh3`` also drops the content of ``script`` and ``style``)."""
    if not markdown_source:
        return ""
    rendered = _MARKDOWN.reset().convert(markdown_source)
    return " ".join(html.unescape(nh3.clean(rendered, tags=set())).split())


def _join(parts: Iterable[Any]) -> str:
    return " ".join(" ".join(str(p).split()) for p in parts if p)


def _names(parts: Iterable[str | None]) -> str:
    seen: dict[str, None] = {}
    for part in parts:
        if part and part.strip():
            seen.setdefault(" ".join(part.split()), None)
    return " · ".join(seen)


def _province(unit: UnitNode | None) -> str | None:
    if unit is None:
        return None
    for current in [unit, *unit.ancestors]:
        if current.model.province:
            return str(current.model.province)
    return None


def _description(node: Node) -> str:
    summary = getattr(node.model, "summary", None)
    if isinstance(node, PersonNode):
        parts = [node.model.job_title, node.unit.model.name if node.unit else None]
        summary = ", ".join(p for p in parts if p) or summary
    elif isinstance(node, UnitNode):
        summary = (
            f"{node.model.name}: {len(node.all_initiatives)} sáng kiến, "
            f"{len(node.all_awards)} lượt khen thưởng."
        )
    return " ".join(str(summary or node.display_name).split())


class _Doc:
    """Collects one document's parts."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.kind = KIND_LABEL[node.kind]
        self.filters: dict[str, list[str]] = {"kind": [self.kind]}
        self.meta: dict[str, str] = {"kind": self.kind}
        self.sort: dict[str, str] = {}
        self.names: list[str | None] = []
        self.lead: list[Any] = []  # summary: before the description
        self.text: list[Any] = []  # details: after it

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

    def build(self) -> SearchDoc:
        model = self.node.model
        prose = [_plain(getattr(model, name, None)) for name in ("description", "bio")]
        return SearchDoc(
            url=self.node.url,
            title=" ".join(self.node.display_name.split()),
            kind=self.kind,
            text=_join([*self.lead, *prose, *self.text]),
            names=_names(self.names),
            description=_description(self.node),
            filters={k: tuple(v) for k, v in self.filters.items()},
            meta=dict(self.meta),
            sort=dict(self.sort),
        )


def _initiative(doc: _Doc, node: InitiativeNode) -> None:
    model = node.model
    doc.year(node.year)
    doc.unit(node.unit)
    doc.names.extend(a.name for a in node.authors)
    if node.owner is not None:
        doc.names.append(node.owner.model.name)
    if node.field_term:
        doc.facet("field", node.field_term.name)
    doc.facet("province", _province(node.unit))
    if node.status_term:
        doc.facet("status", node.status_term.name)
    if node.recognition:
        doc.facet("level", node.recognition.level.name)
    doc.lead.append(model.summary)
    doc.text.extend([_plain(model.conditions), *model.tags])
    doc.text.extend(t.name for t in (node.field_term, node.type_term) if t is not None)
    doc.text.append(_province(node.unit))
    first = model.first_applied.isoformat() if model.first_applied else f"{node.year}-01-01"
    doc.sort["date"] = first
    doc.sort["benefit"] = f"{node.benefit:015d}"


def _person(doc: _Doc, node: PersonNode) -> None:
    doc.unit(node.unit)
    doc.facet("province", _province(node.unit))
    doc.names.append(node.model.job_title)


def _unit(doc: _Doc, node: UnitNode) -> None:
    doc.facet("province", _province(node))
    doc.names.append(node.model.short_name)
    if node.parent is not None:
        doc.meta["unit"] = node.parent.model.name
        doc.names.append(node.parent.model.name)
    doc.text.append(_province(node))
    if node.kind_term:
        doc.text.append(node.kind_term.name)


def _award(doc: _Doc, node: AwardNode) -> None:
    model = node.model
    doc.year(node.year)
    doc.unit(node.issuer)
    if node.form_term:
        doc.facet("award_form", node.form_term.name)
        doc.text.append(node.form_term.name)
    doc.names.extend(r.label for r in node.recipients)
    doc.lead.append(model.summary)
    doc.text.append(model.decision_number)
    doc.text.extend(r.citation for r in node.recipients)
    doc.sort["date"] = model.date.isoformat()


def _event(doc: _Doc, node: EventNode) -> None:
    model = node.model
    doc.year(node.year)
    doc.unit(node.organiser)
    doc.facet("province", model.province)
    for item in node.programme:
        if item.speaker is not None:
            doc.names.append(item.speaker.name)
        doc.text.extend([item.topic, item.summary])
    doc.lead.append(model.summary)
    doc.text.extend([model.place, model.province])
    doc.sort["date"] = model.date.isoformat()


def _campaign(doc: _Doc, node: CampaignNode) -> None:
    model = node.model
    doc.year(model.start.year)
    doc.unit(node.organiser, facet=False)
    doc.names.append(model.short_name)
    doc.lead.append(model.summary)
    doc.text.extend(p.phase.name for p in node.phases)
    doc.sort["date"] = model.start.isoformat()


_BY_KIND: Mapping[type[Node], Any] = {
    InitiativeNode: _initiative,
    PersonNode: _person,
    UnitNode: _unit,
    AwardNode: _award,
    EventNode: _event,
    CampaignNode: _campaign,
}


def record_document(node: Node) -> SearchDoc:
    """The search document of one published record."""
    doc = _Doc(node)
    _BY_KIND[type(node)](doc, node)
    return doc.build()


def page_document(page: HandPage) -> SearchDoc:
    """The search document of a hand-written page: its title and its Markdown as text."""
    meta: dict[str, Any] = {}
    body = page.text
    if body.startswith("---\n"):
        end = body.find("\n---", 4)
        if end != -1:
            try:
                loaded = yaml.safe_load(body[4:end])
            except yaml.YAMLError:
                loaded = None
            if isinstance(loaded, dict):
                meta = loaded
                body = body[end + 4 :].lstrip("\n")
    title = str(meta.get("title") or "")
    if not title:
        heading = next((ln for ln in body.splitlines() if ln.startswith("# ")), "")
        title = heading[2:].strip() or page.slug
    text = _plain(body)
    if text.startswith(title):
        text = text[len(title) :].lstrip()
    description = str(meta.get("description") or "") or text
    return SearchDoc(
        url=f"{page.slug}/",
        title=" ".join(title.split()),
        kind=PAGE_KIND,
        text=text,
        description=" ".join(description.split()),
        filters={"kind": (PAGE_KIND,)},
        meta={"kind": PAGE_KIND},
    )


def search_documents(site: Site) -> list[SearchDoc]:
    """Every searchable page of the site: published records and hand-written pages.

    Listings, the home page, the search page, the honour roll, statistics and the
    editors' guide are not searchable: they only repeat what records say.
    """
    docs = [record_document(node) for node in site.all_nodes() if node.published]
    docs.extend(page_document(page) for page in site.pages)
    for doc in docs:
        unknown = set(doc.filters) - set(FACET_KEYS)
        if unknown:  # a programming error, not a content problem
            raise ValueError(f"{doc.url}: filters outside the facet declaration: {unknown}")
    return sorted(docs, key=lambda d: d.url)
