"""Search documents: what the index stage receives from the generator (design §4).

The index stage never reads the built HTML.  The generator hands it one
:class:`SearchDoc` per searchable page, built from the linked Site: the record's own
words (no navigation, no labels, no example notice, no table headers), its facet
values, what a result shows under its title, and its sort keys.  ``generator.search``
turns the list into the search index (words, facet values, result rows) and Pagefind's
bundles.

:func:`search_documents` is the producer; what differs per kind (facet values, the
names a record holds, its words and sort keys) is the kind's ``search`` declaration in
generator.kinds.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import markdown
import nh3

from generator.describe import description_for
from generator.kinds import FACET_KEYS
from generator.loader import HandPage
from generator.nodes import Node, Site

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
    """Facet key (``generator.kinds.FACET_KEYS``) → values."""
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


def record_document(node: Node) -> SearchDoc:
    """The search document of one published record, from its kind's search data."""
    data = node.spec.search(node)
    kind = node.spec.label
    model = node.model
    prose = [_plain(getattr(model, name, None)) for name in ("description", "bio", "conditions")]
    filters = {"kind": [kind], **data.filters}
    return SearchDoc(
        url=node.url,
        title=" ".join(node.display_name.split()),
        kind=kind,
        text=_join([*data.lead, *prose, *data.text]),
        names=_names(data.names),
        description=description_for(node),
        filters={k: tuple(v) for k, v in filters.items()},
        meta={"kind": kind, **data.meta},
        sort=dict(data.sort),
    )


def page_document(page: HandPage) -> SearchDoc:
    """The search document of a hand-written page: its title and its Markdown as text."""
    front = page.front
    body = page.body
    title = front.title if front is not None and front.title else ""
    if not title:
        heading = next((ln for ln in body.splitlines() if ln.startswith("# ")), "")
        title = heading[2:].strip() or page.slug
    text = _plain(body)
    if text.startswith(title):
        text = text[len(title) :].lstrip()
    description = (front.description if front is not None else None) or text
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
