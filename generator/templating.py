"""The Jinja environment the page templates (site_templates/pages/) run in.

Templates write HTML: every ``{{ value }}`` is HTML-escaped (autoescape), values
that are already safe HTML are ``Markup`` (the ``md`` filter renders an editor's
Markdown field and sanitizes it; ``link`` and friends build their own tags from
escaped parts).  ``StrictUndefined`` turns a misspelt name into an error.

A page body is a sequence of block-level HTML elements with no blank line inside
any of them, so that it is also valid Markdown (raw HTML blocks) for any engine.
Links between pages are relative to the page's own URL (``generator.urls``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from generator import charts
from generator.avatar import avatar_svg
from generator.describe import description_for
from generator.kinds import KINDS, facets_json, province_of
from generator.markup import render_markdown, safe_url
from generator.model import Figure
from generator.nodes import (
    AwardNode,
    Node,
    PersonNode,
    PersonRef,
    RecipientRef,
    Site,
    SourcedFigure,
    UnitNode,
)
from generator.pages import PagePlan, section_url
from generator.qr import qr_svg
from generator.urls import relative
from generator.vietnamese import (
    format_count,
    format_date,
    format_date_long,
    format_money,
    format_money_exact,
    format_percent,
    slugify,
)

if TYPE_CHECKING:
    from generator.media import Media

#: The "¶" link after a heading, as MkDocs' toc extension writes it on hand-written pages.
PERMALINK_TITLE = "Liên kết đến mục này"


@dataclass(frozen=True)
class Honour:
    """One thing a person or a unit was honoured for: the award and their line in it."""

    award: AwardNode
    recipient: RecipientRef


def honours_of(node: Node) -> list[Honour]:
    """Newest first: each award naming this person (alone or in a group) or this unit."""
    out: list[Honour] = []
    awards: list[AwardNode] = getattr(node, "awards", [])
    for award in sorted(awards, key=lambda a: (a.model.date, a.id), reverse=True):
        for recipient in award.recipients:
            if recipient.unit is node or any(ref.person is node for ref in recipient.people):
                out.append(Honour(award, recipient))
    return out


#: Where a reported figure applies, from the widest: the whole country, a province, a unit.
SCOPE_LABELS = {"toan-quoc": "Toàn quốc", "cap-tinh": "Tỉnh, thành phố", "cap-don-vi": "Đơn vị"}
#: The same when the place is not known (a figure that declares its own scope).
SCOPE_LEVELS = {"toan-quoc": "Toàn quốc", "cap-tinh": "Cấp tỉnh", "cap-don-vi": "Cấp đơn vị"}
_SCOPE_ORDER = list(SCOPE_LABELS)


def figure_scope(sf: SourcedFigure) -> tuple[str, str]:
    """(scope, place) of a figure: from who reported it, unless the figure says.

    The organiser of the campaign or event that published the figure says how wide it
    is: a unit at the top of the tree (Tổng Liên đoàn) speaks for the whole country, a
    unit right under it (a provincial federation) for its province, any other for itself.
    A figure's own ``scope`` wins; its place is then known only for a province.
    """
    owner = sf.owner
    unit: UnitNode | None = getattr(owner, "organiser", None)
    province = getattr(owner.model, "province", None) or province_of(unit)
    declared = getattr(sf.figure, "scope", None)
    if declared is not None:
        return declared, str(province or "") if declared == "cap-tinh" else ""
    if unit is None:
        return ("cap-tinh", str(province)) if province else ("toan-quoc", "")
    if unit.parent is None:
        return "toan-quoc", ""
    if unit.parent.parent is None:
        return "cap-tinh", str(province or unit.display_name)
    return "cap-don-vi", unit.display_name


@dataclass(frozen=True)
class OwnFigure:
    """A figure shown on the page of the record that reports it (no owner to name)."""

    figure: Figure
    owner: None = None


@dataclass(frozen=True)
class FigureGroup:
    """Figures reported by one campaign or event for one scope, by source."""

    label: str  # "Toàn quốc", "Tỉnh, thành phố: Thanh Hóa", "Đơn vị: …"
    owner: Any  # the campaign or event that published them (None: the page's own record)
    sources: list[tuple[Any, list[Any]]]  # (source, figures citing it), first seen first


def figure_groups(figures: list[Any]) -> list[FigureGroup]:
    """Figures grouped by scope (widest first), then by who published them, then by source,
    so that each source is written once under the figures it gives."""
    groups: dict[tuple[str, str, int], list[Any]] = {}
    owners: dict[int, Any] = {}
    for sf in figures:
        owner = getattr(sf, "owner", None)
        where = figure_scope(sf) if owner is not None else ("", "")
        owners[id(owner)] = owner
        groups.setdefault((*where, id(owner)), []).append(sf)
    order = {name: index for index, name in enumerate(["", *_SCOPE_ORDER])}
    out = []
    for (scope, place, owner_id), items in sorted(
        groups.items(), key=lambda item: order[item[0][0]]
    ):
        by_source: dict[tuple[Any, ...], list[Any]] = {}
        for sf in items:
            source = sf.figure.source
            by_source.setdefault((source.title, source.url, source.date), []).append(sf)
        label = f"{SCOPE_LABELS[scope]}: {place}" if place else SCOPE_LEVELS.get(scope, "")
        out.append(
            FigureGroup(
                label,
                owners[owner_id],
                [(group[0].figure.source, group) for group in by_source.values()],
            )
        )
    return out


def figure_text(figure: Figure, value: float | None = None) -> str:
    amount = figure.value if value is None else value
    if figure.unit == "vnd":
        return format_money(int(amount), approximate=figure.approximate)
    if figure.unit == "percent":
        return format_percent(amount / 100)
    text = format_count(int(amount) if float(amount).is_integer() else amount)
    if figure.approximate:
        text = "hơn " + text
    return f"{text} {figure.noun}" if figure.noun else text


def runs(items: Any, attribute: str) -> list[tuple[Any, list[Any]]]:
    """Consecutive items with the same ``attribute``, in their order (Jinja's groupby sorts)."""
    return [
        (key, list(group))
        for key, group in itertools.groupby(items, key=lambda item: getattr(item, attribute))
    ]


def heading_id(text: str) -> str:
    """Heading anchors without diacritics, ``đ`` folded to ``d`` (``#lien-doan``)."""
    return slugify(text, max_length=120)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the process's next environment.

    Every render makes a new environment (its globals are the Site's); the preview renders
    after each save, and compiling the templates again took a third of a second.  Jinja
    checks each entry against the template's source, so an edited template is compiled anew.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


class Templates:
    def __init__(self, site: Site, templates_dir: Path, media: Media | None = None) -> None:
        self.site = site
        self.media = media
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            bytecode_cache=_COMPILED,
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            finalize=lambda value: "" if value is None else value,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            md=lambda value: render_markdown(value) if value else Markup(""),
            date=format_date,
            date_long=format_date_long,
            money=lambda v, approximate=False: format_money(int(v), approximate=approximate),
            money_exact=lambda v: format_money_exact(int(v)),
            count=format_count,
            percent=format_percent,
            figure=figure_text,
            safe_url=lambda v: safe_url(v) or "",
            runs=runs,
            figure_of=OwnFigure,
        )
        self.env.globals.update(
            site=site,
            config=site.config,
            section_url=section_url,
            kinds=list(KINDS.values()),
            describe=description_for,
            facets_json=facets_json(),
            link=self.link,
            link_to=self.link_to,
            kind_link=self.kind_link,
            link_external=self.link_external,
            href=self.href,
            person=self.person,
            unit_chain=self.unit_chain,
            figure_source=self.figure_source,
            progress=self.progress,
            heading=self.heading,
            picture=self.picture,
            portrait=self.portrait,
            honours_of=honours_of,
            figure_groups=figure_groups,
            qr=self.qr,
            absolute=site.urls.absolute,
            root=self.root,
        )

    def render(self, plan: PagePlan) -> str:
        template = self.env.get_template(plan.template)
        return template.render(page_url=plan.url, page=plan, **plan.context)

    # -- helpers the templates call -----------------------------------------------------------
    @jinja2.pass_context
    def href(self, ctx: jinja2.runtime.Context, target: Node | str) -> str:
        """Relative address from the current page to a node's page or a site-relative URL."""
        url = target.url if isinstance(target, Node) else target
        return relative(ctx["page_url"], url)

    @jinja2.pass_context
    def link(self, ctx: jinja2.runtime.Context, target: Node | None, text: Any = None) -> Markup:
        if target is None:
            return escape(text or "")
        label = text if text is not None else target.display_name
        if not target.published:
            return escape(label)
        # Built by hand: Markup.format costs ten times as much, on every link of every page.
        href = relative(ctx["page_url"], target.url)
        return Markup(f'<a href="{escape(href)}">{escape(label)}</a>')

    @jinja2.pass_context
    def link_to(self, ctx: jinja2.runtime.Context, url: str, text: Any) -> Markup:
        """A link to a page that is not a record (a section, a year, a field)."""
        return Markup(f'<a href="{escape(self.href(ctx, url))}">{escape(text)}</a>')

    @staticmethod
    def link_external(url: str | None, text: Any = None) -> Markup:
        """A link to another site, only for http(s) addresses; anything else stays text."""
        target = safe_url(url) if url else None
        label = text if text is not None else url
        if not target:
            return escape(label or "")
        return Markup('<a href="{}">{}</a>').format(target, label)

    @jinja2.pass_context
    def kind_link(self, ctx: jinja2.runtime.Context, kind: str) -> Markup:
        """A link to the listing of a kind, named with its label."""
        spec = KINDS[kind]
        return self.link_to(ctx, f"{spec.url_prefix}/", spec.label)

    @jinja2.pass_context
    def person(self, ctx: jinja2.runtime.Context, ref: PersonRef) -> Markup:
        return self.link(ctx, ref.link, ref.name) if ref.link else escape(ref.name)

    @jinja2.pass_context
    def unit_chain(self, ctx: jinja2.runtime.Context, unit: UnitNode | None) -> Markup:
        """'Root › … › parent › unit' as links: where a record sits, from the top."""
        if unit is None:
            return Markup("")
        chain = [*reversed(unit.ancestors), unit]
        return Markup(" › ").join(self.link(ctx, u) for u in chain)

    def figure_source(self, figure: Any) -> Markup:
        source = figure.source
        url = safe_url(source.url) if source.url else None
        if url:
            text = Markup('<a href="{}">{}</a>').format(url, source.title)
        else:
            text = escape(source.title)
        extras = [escape(x) for x in (source.publisher,) if x]
        if source.date:
            extras.append(escape(format_date(source.date)))
        if extras:
            text += Markup(" (") + Markup(", ").join(extras) + Markup(")")
        return text

    def progress(self, phase: Any) -> Markup:
        target = phase.phase.target
        if not target or phase.progress is None:
            return Markup("")
        figure: Figure = phase.progress.figure
        return Markup(
            charts.progress_bar(
                phase.phase.name,
                figure.value,
                target,
                value_text=figure_text(figure),
                target_text=format_count(target),
            )
        )

    @jinja2.pass_context
    def root(self, ctx: jinja2.runtime.Context) -> str:
        """The relative path from the current page to the site root ("../../", "./")."""
        return relative(ctx["page_url"], "")

    @jinja2.pass_context
    def picture(
        self,
        ctx: jinja2.runtime.Context,
        path: str,
        alt: str,
        sizes: str = "100vw",
        css_class: str = "",
        eager: bool = False,
    ) -> Markup:
        """A record's image as ``<picture>`` (WebP and JPEG variants, size, lazy loading);
        empty without the media stage or for an image it could not use."""
        if self.media is None:
            return Markup("")
        return self.media.picture(
            path, alt, self.root(ctx), sizes=sizes, css_class=css_class, eager=eager
        )

    @jinja2.pass_context
    def portrait(
        self, ctx: jinja2.runtime.Context, person: PersonNode, *, decorative: bool = False
    ) -> Markup:
        """A person's photo, or a disc with their initials when there is none."""
        photo = person.model.photo
        alt = "" if decorative else f"Ảnh {person.display_name}"
        if photo and self.media is not None and photo in self.media.images:
            return self.picture(ctx, photo, alt, "(min-width: 45em) 7rem, 4.5rem", eager=True)
        return Markup(avatar_svg(person.display_name, person.id, size=112, decorative=decorative))

    def qr(self, url: str, label: str | None = None) -> Markup:
        """A QR code (inline SVG) to an absolute URL, for printed pages."""
        return Markup(qr_svg(url, label))

    def heading(self, level: int, text: Any, anchor: str | None = None) -> Markup:
        """``<h2 id>`` with its "¶" link; the id comes from ``anchor`` or the text."""
        ident = anchor or heading_id(str(text))
        return Markup(
            '<h{0} id="{1}">{2}<a class="headerlink" href="#{1}" title="{3}">¶</a></h{0}>'
        ).format(level, ident, text, PERMALINK_TITLE)
