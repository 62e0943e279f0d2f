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
import json
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator import charts
from generator.describe import description_for
from generator.kinds import FACETS, KINDS
from generator.markup import render_markdown, safe_url
from generator.model import Figure
from generator.nodes import Node, PersonRef, Site, UnitNode
from generator.pages import PagePlan, section_url
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

#: The "¶" link after a heading, as MkDocs' toc extension writes it on hand-written pages.
PERMALINK_TITLE = "Liên kết đến mục này"


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


class Templates:
    def __init__(self, site: Site, templates_dir: Path) -> None:
        self.site = site
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
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
        )
        self.env.globals.update(
            site=site,
            config=site.config,
            section_url=section_url,
            kinds=list(KINDS.values()),
            describe=description_for,
            facets_json=json.dumps(
                [{"key": f.key, "label": f.label} for f in FACETS], ensure_ascii=False
            ),
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

    def heading(self, level: int, text: Any, anchor: str | None = None) -> Markup:
        """``<h2 id>`` with its "¶" link; the id comes from ``anchor`` or the text."""
        ident = anchor or heading_id(str(text))
        return Markup(
            '<h{0} id="{1}">{2}<a class="headerlink" href="#{1}" title="{3}">¶</a></h{0}>'
        ).format(level, ident, text, PERMALINK_TITLE)
