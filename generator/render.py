"""Render: the linked Site → Markdown pages with front matter.

The output is a mapping of docs-relative paths to bytes.  It depends only on
the Site (no clock, no environment), so two runs give identical bytes;
``generator.write`` puts it on disk touching only files whose bytes changed.

Templates live in ``site_templates/pages/`` and run with ``StrictUndefined``.
Every value printed with ``{{ … }}`` that is not already ``Markup`` is escaped
as HTML *and* as Markdown syntax (see ``generator.markup``); Markdown fields go
through ``md`` (rendered and sanitized).  Front-matter strings that Material
prints raw (title, description) are HTML-escaped here.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from generator import charts
from generator.facets import facets_json
from generator.link import (
    KIND_LABEL,
    URL_PREFIX,
    AwardNode,
    EventNode,
    InitiativeNode,
    Node,
    PersonNode,
    PersonRef,
    Site,
    UnitNode,
)
from generator.markup import escape_attr, escape_text, render_markdown, safe_url
from generator.model import Figure
from generator.vietnamese import (
    format_count,
    format_date,
    format_date_long,
    format_money,
    format_money_exact,
    format_percent,
    person_sort_key,
    sort_key,
)

PER_PAGE = 50

#: How many linked records a record page lists itself; past this, the page shows the first
#: ones and links to a paginated list of all (``don-vi/<id>/sang-kien/``), so that no record
#: page grows with the number of records (the root unit would otherwise list every initiative).
RECORD_LIST_LIMIT = 20


@dataclass
class Page:
    path: str  # docs-relative, e.g. sang-kien/so-hoa.md
    template: str
    meta: dict[str, Any]
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SortOrder:
    slug: str  # "" for the default order
    label: str
    key: Callable[[Any], Any]


def _figure_text(figure: Figure, value: float | None = None) -> str:
    amount = figure.value if value is None else value
    if figure.unit == "vnd":
        return format_money(int(amount), approximate=figure.approximate)
    if figure.unit == "percent":
        return format_percent(amount / 100)
    text = format_count(int(amount) if float(amount).is_integer() else amount)
    if figure.approximate:
        text = "hơn " + text
    return f"{text} {figure.noun}" if figure.noun else text


def _page_number_path(base: str, number: int) -> str:
    """base is a docs path of the first page (…/index.md or x.md)."""
    if number == 1:
        return base
    folder = (
        posixpath.dirname(base) if base.endswith("/index.md") or base == "index.md" else base[:-3]
    )
    return posixpath.join(folder, f"trang-{number}.md")


class Renderer:
    def __init__(self, site: Site, templates_dir: Path) -> None:
        self.site = site
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            undefined=jinja2.StrictUndefined,
            # autoescape makes macro output Markup (so it is not escaped twice); finalize adds
            # Markdown escaping on top of HTML escaping for every plain value.
            autoescape=True,
            finalize=self._finalize,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            md=self._markdown,
            date=format_date,
            date_long=format_date_long,
            money=lambda v, approximate=False: format_money(int(v), approximate=approximate),
            money_exact=lambda v: format_money_exact(int(v)),
            count=format_count,
            percent=format_percent,
            figure=_figure_text,
            attr=escape_attr,
            t=escape_text,
            h=lambda v: Markup(escape_attr(v)),
            raw=Markup,
            safe_url=lambda v: safe_url(v) or "",
        )
        self.env.globals.update(
            site=site,
            config=site.config,
            KIND_LABEL=KIND_LABEL,
            link=self._link,
            href=self._href,
            person=self._person,
            unit_chain=self._unit_chain,
            figure_source=self._figure_source,
            progress=self._progress_html,
        )

    # -- template helpers ----------------------------------------------------
    @staticmethod
    def _finalize(value: Any) -> Any:
        if isinstance(value, Markup):
            return value
        if value is None:
            return ""
        return escape_text(value)

    @staticmethod
    def _markdown(value: str | None) -> Markup:
        return render_markdown(value) if value else Markup("")

    @staticmethod
    def _target_path(target: Node | str) -> str:
        if isinstance(target, Node):
            return f"{URL_PREFIX[target.kind]}/{target.id}.md"
        return target

    @jinja2.pass_context
    def _href(self, ctx: jinja2.runtime.Context, target: Node | str) -> Markup:
        """Relative link from the current page's source file to a target page's source file."""
        current = ctx["page_path"]
        rel = posixpath.relpath(self._target_path(target), posixpath.dirname(current) or ".")
        return Markup(rel)

    @jinja2.pass_context
    def _link(self, ctx: jinja2.runtime.Context, target: Node | None, text: Any = None) -> Markup:
        if target is None:
            return escape_text(text or "")
        label = text if text is not None else target.display_name
        if isinstance(target, PersonNode) and not target.published:
            return escape_text(label)
        return Markup(f"[{escape_text(label)}]({self._href(ctx, target)})")

    @jinja2.pass_context
    def _person(self, ctx: jinja2.runtime.Context, ref: PersonRef) -> Markup:
        return self._link(ctx, ref.link, ref.name) if ref.link else escape_text(ref.name)

    @jinja2.pass_context
    def _unit_chain(self, ctx: jinja2.runtime.Context, unit: UnitNode | None) -> Markup:
        """'Unit › parent › grandparent' as links: where a record sits."""
        if unit is None:
            return Markup("")
        parts = [self._link(ctx, u) for u in [unit, *unit.ancestors]]
        return Markup(" › ").join(parts)

    @jinja2.pass_context
    def _figure_source(self, ctx: jinja2.runtime.Context, figure: Any) -> Markup:
        source = figure.source
        title = escape_text(source.title)
        url = safe_url(source.url) if source.url else None
        text = f"[{title}](<{escape_attr(url)}>)" if url else str(title)
        extras = [escape_text(x) for x in (source.publisher,) if x]
        if source.date:
            extras.append(escape_text(format_date(source.date)))
        if extras:
            text += " (" + ", ".join(extras) + ")"
        return Markup(text)

    # -- pages ---------------------------------------------------------------
    def pages(self) -> list[Page]:
        site = self.site
        out: list[Page] = [self.home()]
        for initiative in site.initiatives.values():
            out.append(self.record_page(initiative, "initiative.md.j2"))
        for person in site.people.values():
            if person.published:
                out.append(self.record_page(person, "person.md.j2"))
        for unit in site.units.values():
            lists, more = self._unit_lists(unit)
            out.append(
                self.record_page(
                    unit, "unit.md.j2", leaderboard=self._leaderboard(unit), lists=lists
                )
            )
            out.extend(more)
        for award in site.awards.values():
            out.append(self.record_page(award, "award.md.j2"))
        for event in site.events.values():
            out.append(self.record_page(event, "event.md.j2"))
        for campaign in site.campaigns.values():
            initiatives, more = self.capped(
                campaign,
                "sang-kien",
                "initiative",
                f"Sáng kiến tham gia {campaign.display_name}",
                campaign.initiatives,
                _INITIATIVE_ORDERS,
            )
            awards, more_awards = self.capped(
                campaign,
                "khen-thuong",
                "award",
                f"Khen thưởng trong {campaign.display_name}",
                campaign.awards,
                _AWARD_ORDERS,
            )
            out.append(
                self.record_page(
                    campaign, "campaign.md.j2", lists={"initiatives": initiatives, "awards": awards}
                )
            )
            out.extend(more + more_awards)
        out.extend(self.listings())
        out.extend(self.year_pages())
        out.extend(self.field_pages())
        out.append(self.honour_roll())
        out.append(self.statistics())
        out.append(
            self.simple(
                "tra-cuu/index.md",
                "search.md.j2",
                "Tra cứu",
                "Tìm sáng kiến, cá nhân, đơn vị, khen thưởng và sự kiện.",
                facets=facets_json(),
            )
        )
        return out

    def simple(
        self, path: str, template: str, title: str, description: str, **context: Any
    ) -> Page:
        return Page(path, template, self.meta(title, description), context)

    def meta(
        self,
        title: str,
        description: str,
        *,
        node: Node | None = None,
        hide: Sequence[str] = (),
    ) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "title": escape_attr(title),
            "description": escape_attr(description),
        }
        if hide:
            meta["hide"] = list(hide)
        if node is not None:
            meta["showcase"] = {
                "kind": node.kind,
                "id": node.id,
                "source": node.source,
                "example": bool(node.model.example),
            }
        return meta

    def record_page(self, node: Node, template: str, **context: Any) -> Page:
        description = _description(node)
        path = self._target_path(node)
        return Page(
            path,
            template,
            self.meta(node.display_name, description, node=node),
            {"node": node, **context},
        )

    def capped(
        self,
        owner: Node,
        slug: str,
        kind: str,
        title: str,
        items: Sequence[Any],
        orders: list[SortOrder],
    ) -> tuple[dict[str, Any], list[Page]]:
        """What a record page lists of ``items`` and, past the limit, the paginated list of all."""
        noun = _NOUN[kind]
        ordered = sorted(items, key=orders[0].key)
        info: dict[str, Any] = {
            "shown": ordered[:RECORD_LIST_LIMIT],
            "total": len(ordered),
            "noun": noun,
            "more": None,
        }
        if len(ordered) <= RECORD_LIST_LIMIT:
            return info, []
        folder = f"{URL_PREFIX[owner.kind]}/{owner.id}/{slug}"
        pages = self.listing(
            folder,
            title,
            f"{title}.",
            list(items),
            orders,
            "sub-listing.md.j2",
            extra={
                "owner": owner,
                "kind": kind,
                "noun": noun,
                "owner_index": f"{URL_PREFIX[owner.kind]}/index.md",
            },
        )
        info["more"] = pages[0].path
        return info, pages

    def _unit_lists(self, unit: UnitNode) -> tuple[dict[str, Any], list[Page]]:
        name = unit.display_name
        lists: dict[str, Any] = {}
        pages: list[Page] = []
        for key, slug, kind, title, items, orders in (
            (
                "initiatives",
                "sang-kien",
                "initiative",
                f"Sáng kiến của {name}",
                unit.all_initiatives,
                _INITIATIVE_ORDERS,
            ),
            ("people", "ca-nhan", "person", f"Cá nhân thuộc {name}", unit.people, _PEOPLE_ORDERS),
            (
                "awards",
                "khen-thuong",
                "award",
                f"Khen thưởng của {name}",
                unit.all_awards,
                _AWARD_ORDERS,
            ),
            (
                "issued_awards",
                "quyet-dinh",
                "award",
                f"Quyết định khen thưởng do {name} ban hành",
                unit.issued_awards,
                _AWARD_ORDERS,
            ),
        ):
            lists[key], more = self.capped(unit, slug, kind, title, items, orders)
            pages.extend(more)
        return lists, pages

    def _leaderboard(self, unit: UnitNode) -> list[dict[str, Any]]:
        rows = []
        for child in sorted(unit.children, key=lambda u: (sort_key(u.model.name), u.id)):
            initiatives = child.all_initiatives
            rows.append(
                {
                    "unit": child,
                    "count": len(initiatives),
                    "recognised": sum(1 for i in initiatives if i.recognised),
                    "benefit": sum(i.benefit for i in initiatives),
                }
            )
        return rows

    def home(self) -> Page:
        site = self.site
        campaigns = [
            site.campaigns[c] for c in site.config.home_campaigns if c in site.campaigns
        ] or list(site.campaigns.values())
        return Page(
            "index.md",
            "home.md.j2",
            self.meta(
                site.config.title,
                site.config.tagline or site.config.title,
                hide=["toc"],
            ),
            {
                "campaigns": campaigns,
                "latest_awards": site.latest_awards,
                "latest_initiatives": sorted(site.initiatives.values(), key=_initiative_recent_key)[
                    :6
                ],
            },
        )

    def _progress_html(self, phase: Any) -> Markup:
        target = phase.phase.target
        if not target or phase.progress is None:
            return Markup("")
        figure: Figure = phase.progress.figure
        return Markup(
            charts.progress_bar(
                phase.phase.name,
                figure.value,
                target,
                value_text=_figure_text(figure),
                target_text=format_count(target),
            )
        )

    # -- listings ------------------------------------------------------------
    def listings(self) -> list[Page]:
        site = self.site
        out: list[Page] = []
        out += self.listing(
            "sang-kien",
            "Sáng kiến",
            "Các sáng kiến được vinh danh.",
            list(site.initiatives.values()),
            [
                SortOrder("", "Mới nhất", _initiative_recent_key),
                SortOrder("theo-ten", "Theo tên (A–Z)", lambda i: sort_key(i.model.title)),
                SortOrder(
                    "theo-gia-tri",
                    "Giá trị làm lợi",
                    lambda i: (-i.benefit, sort_key(i.model.title)),
                ),
            ],
            "listing-initiatives.md.j2",
        )
        people = [p for p in site.people.values() if p.published]
        out += self.listing(
            "ca-nhan",
            "Cá nhân",
            "Cá nhân có sáng kiến, được khen thưởng.",
            people,
            [
                SortOrder("", "Theo tên", lambda p: person_sort_key(p.model.name)),
                SortOrder(
                    "theo-so-sang-kien",
                    "Theo số sáng kiến",
                    lambda p: (-len(p.initiatives), person_sort_key(p.model.name)),
                ),
            ],
            "listing-people.md.j2",
        )
        out += self.listing(
            "don-vi",
            "Đơn vị",
            "Các đơn vị, công đoàn có sáng kiến và khen thưởng.",
            list(site.units.values()),
            [
                SortOrder("", "Theo tên", lambda u: sort_key(u.model.name)),
                SortOrder(
                    "theo-so-sang-kien",
                    "Theo số sáng kiến",
                    lambda u: (-len(u.all_initiatives), sort_key(u.model.name)),
                ),
            ],
            "listing-units.md.j2",
        )
        out += self.listing(
            "khen-thuong",
            "Khen thưởng",
            "Các quyết định khen thưởng.",
            list(site.awards.values()),
            [
                SortOrder("", "Mới nhất", lambda a: (-a.model.date.toordinal(), a.id)),
                SortOrder("theo-ten", "Theo tên (A–Z)", lambda a: sort_key(a.model.title)),
            ],
            "listing-awards.md.j2",
        )
        out += self.listing(
            "su-kien",
            "Sự kiện",
            "Các sự kiện, diễn đàn sáng kiến.",
            list(site.events.values()),
            [SortOrder("", "Mới nhất", lambda e: (-e.model.date.toordinal(), e.id))],
            "listing-events.md.j2",
        )
        out += self.listing(
            "chuong-trinh",
            "Chương trình",
            "Các chương trình, phong trào thi đua sáng tạo.",
            list(site.campaigns.values()),
            [SortOrder("", "Mới nhất", lambda c: (-c.model.start.toordinal(), c.id))],
            "listing-campaigns.md.j2",
        )
        return out

    def listing(
        self,
        folder: str,
        title: str,
        description: str,
        items: list[Any],
        orders: list[SortOrder],
        template: str,
        *,
        extra: dict[str, Any] | None = None,
        first_page: str | None = None,
    ) -> list[Page]:
        pages = []
        for order in orders:
            ordered = sorted(items, key=order.key)
            if first_page is not None and not order.slug:
                base = first_page
            else:
                base = (
                    posixpath.join(folder, order.slug, "index.md")
                    if order.slug
                    else posixpath.join(folder, "index.md")
                )
            chunks = [ordered[i : i + PER_PAGE] for i in range(0, len(ordered), PER_PAGE)] or [[]]
            order_links = []
            for other in orders:
                other_base = (
                    first_page
                    if (first_page is not None and not other.slug)
                    else posixpath.join(folder, other.slug, "index.md")
                    if other.slug
                    else posixpath.join(folder, "index.md")
                )
                order_links.append(
                    {"label": other.label, "path": other_base, "current": other is order}
                )
            for number, chunk in enumerate(chunks, start=1):
                path = _page_number_path(base, number)
                page_links = [
                    {"number": n, "path": _page_number_path(base, n), "current": n == number}
                    for n in range(1, len(chunks) + 1)
                ]
                heading = title if number == 1 else f"{title} (trang {number})"
                pages.append(
                    Page(
                        path,
                        template,
                        self.meta(heading, description),
                        {
                            "title": title,
                            "description": description,
                            "items": chunk,
                            "total": len(items),
                            "offset": (number - 1) * PER_PAGE,
                            "orders": order_links if len(orders) > 1 else [],
                            "pagination": page_links if len(chunks) > 1 else [],
                            "number": number,
                            **(extra or {}),
                        },
                    )
                )
        return pages

    def year_pages(self) -> list[Page]:
        site = self.site
        by_year: dict[int, list[InitiativeNode]] = defaultdict(list)
        for initiative in site.initiatives.values():
            by_year[initiative.year].append(initiative)
        awards_by_year: dict[int, list[AwardNode]] = defaultdict(list)
        for award in site.awards.values():
            awards_by_year[award.year].append(award)
        events_by_year: dict[int, list[EventNode]] = defaultdict(list)
        for event in site.events.values():
            events_by_year[event.year].append(event)
        years = sorted(set(by_year) | set(awards_by_year) | set(events_by_year), reverse=True)
        totals = site.totals_by_year()
        out = [
            Page(
                "nam/index.md",
                "years.md.j2",
                self.meta("Theo năm", "Sáng kiến, khen thưởng và sự kiện theo từng năm."),
                {
                    "years": years,
                    "totals": totals,
                    "awards_by_year": awards_by_year,
                    "events_by_year": events_by_year,
                },
            )
        ]
        for year in years:
            out += self.listing(
                f"nam/{year}",
                f"Năm {year}",
                f"Sáng kiến, khen thưởng và sự kiện năm {year}.",
                by_year.get(year, []),
                [SortOrder("", "Mới nhất", _initiative_recent_key)],
                "year.md.j2",
                extra={
                    "year": year,
                    "awards": sorted(
                        awards_by_year.get(year, []),
                        key=lambda a: (a.model.date, a.id),
                        reverse=True,
                    ),
                    "events": sorted(
                        events_by_year.get(year, []), key=lambda e: (e.model.date, e.id)
                    ),
                    "totals": totals.get(year),
                },
                first_page=f"nam/{year}.md",
            )
        return out

    def field_pages(self) -> list[Page]:
        site = self.site
        by_field: dict[str, list[InitiativeNode]] = defaultdict(list)
        for initiative in site.initiatives.values():
            by_field[initiative.model.field].append(initiative)
        totals = site.totals_by_field()
        fields = sorted(site.taxonomies.fields.items(), key=lambda kv: sort_key(kv[1].name))
        out = [
            Page(
                "linh-vuc/index.md",
                "fields.md.j2",
                self.meta("Lĩnh vực", "Sáng kiến theo lĩnh vực áp dụng."),
                {"fields": fields, "totals": totals},
            )
        ]
        for key, term in fields:
            out += self.listing(
                f"linh-vuc/{key}",
                f"Lĩnh vực: {term.name}",
                term.description or f"Sáng kiến trong lĩnh vực {term.name}.",
                by_field.get(key, []),
                [
                    SortOrder("", "Mới nhất", _initiative_recent_key),
                    SortOrder(
                        "theo-gia-tri",
                        "Giá trị làm lợi",
                        lambda i: (-i.benefit, sort_key(i.model.title)),
                    ),
                ],
                "field.md.j2",
                extra={"term": term, "key": key, "totals": totals.get(key)},
                first_page=f"linh-vuc/{key}.md",
            )
        return out

    def honour_roll(self) -> Page:
        site = self.site
        grouped: dict[int, dict[str, list[AwardNode]]] = defaultdict(lambda: defaultdict(list))
        for award in sorted(site.awards.values(), key=lambda a: (a.model.date, a.id)):
            form = award.form_term.name if award.form_term else award.model.form
            grouped[award.year][form].append(award)
        years = [
            (year, sorted(forms.items(), key=lambda kv: sort_key(kv[0])))
            for year, forms in sorted(grouped.items(), reverse=True)
        ]
        return Page(
            "bang-vang/index.md",
            "honour-roll.md.j2",
            self.meta(
                "Bảng vàng",
                "Danh sách tập thể, cá nhân được khen thưởng, theo năm và hình thức khen thưởng.",
            ),
            {"years": years},
        )

    def statistics(self) -> Page:
        site = self.site
        by_field = site.totals_by_field()
        by_year = site.totals_by_year()
        by_unit = site.totals_by_unit()
        field_name = {k: t.name for k, t in site.taxonomies.fields.items()}
        unit_name = {k: u.model.name for k, u in site.units.items()}
        charts_html = [
            charts.bar_chart(
                "Số sáng kiến theo lĩnh vực",
                sorted(
                    ((field_name.get(k, k), t.count) for k, t in by_field.items()),
                    key=lambda r: (-r[1], sort_key(r[0])),
                ),
                value_format=lambda v: format_count(int(v)),
                chart_id="theo-linh-vuc",
            ),
            charts.bar_chart(
                "Số sáng kiến theo năm",
                [(str(y), t.count) for y, t in sorted(by_year.items())],
                value_format=lambda v: format_count(int(v)),
                chart_id="theo-nam",
            ),
            charts.bar_chart(
                "Số sáng kiến theo đơn vị áp dụng",
                sorted(
                    ((unit_name.get(k, k), t.count) for k, t in by_unit.items()),
                    key=lambda r: (-r[1], sort_key(r[0])),
                ),
                value_format=lambda v: format_count(int(v)),
                chart_id="theo-don-vi",
            ),
            charts.bar_chart(
                "Giá trị làm lợi theo đơn vị áp dụng",
                sorted(
                    ((unit_name.get(k, k), t.benefit) for k, t in by_unit.items() if t.benefit),
                    key=lambda r: (-r[1], sort_key(r[0])),
                ),
                value_format=lambda v: format_money(int(v)),
                chart_id="gia-tri-theo-don-vi",
            ),
        ]
        progress = []
        for campaign in site.campaigns.values():
            for phase in campaign.phases:
                if phase.phase.target:
                    progress.append((campaign, phase))
        totals = _sum_all(site.initiatives.values())
        return Page(
            "thong-ke/index.md",
            "statistics.md.j2",
            self.meta(
                "Thống kê",
                "Số liệu sáng kiến theo lĩnh vực, năm, đơn vị và tiến độ các chương trình.",
            ),
            {
                "charts": [Markup(c) for c in charts_html],
                "progress_rows": progress,
                "totals": totals,
            },
        )

    # -- output --------------------------------------------------------------
    def render(self, page: Page) -> str:
        template = self.env.get_template(page.template)
        body = template.render(page_path=page.path, page=page, **page.context)
        front = yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=False, width=1_000_000)
        return f"---\n{front}---\n\n{body.rstrip()}\n"


def _sum_all(initiatives: Iterable[InitiativeNode]) -> dict[str, int]:
    items = list(initiatives)
    return {
        "count": len(items),
        "recognised": sum(1 for i in items if i.recognised),
        "benefit": sum(i.benefit for i in items),
    }


def _initiative_recent_key(i: InitiativeNode) -> tuple[Any, ...]:
    applied = i.model.first_applied.toordinal() if i.model.first_applied else 0
    return (-i.year, -applied, sort_key(i.model.title))


_INITIATIVE_ORDERS = [
    SortOrder("", "Mới nhất", _initiative_recent_key),
    SortOrder("theo-gia-tri", "Giá trị làm lợi", lambda i: (-i.benefit, sort_key(i.model.title))),
]
_PEOPLE_ORDERS = [SortOrder("", "Theo tên", lambda p: (person_sort_key(p.model.name), p.id))]
_AWARD_ORDERS = [SortOrder("", "Mới nhất", lambda a: (-a.model.date.toordinal(), a.id))]
_NOUN = {"initiative": "sáng kiến", "person": "cá nhân", "award": "quyết định khen thưởng"}


def _description(node: Node) -> str:
    summary = getattr(node.model, "summary", None)
    if isinstance(node, PersonNode):
        parts = [node.model.job_title, node.unit.model.name if node.unit else None]
        summary = ", ".join(p for p in parts if p) or summary
    elif isinstance(node, UnitNode):
        summary = f"{node.model.name}: {len(node.all_initiatives)} sáng kiến, {len(node.all_awards)} lượt khen thưởng."
    text = " ".join(str(summary or node.display_name).split())
    return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"


def _hand_page(text: str) -> str:
    """A hand-written page, its front-matter title escaped (Material prints it raw)."""
    meta: dict[str, Any] = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            loaded = yaml.safe_load(text[4:end])
            if isinstance(loaded, dict):
                meta = loaded
                body = text[end + 4 :].lstrip("\n")
    if not meta:
        return text
    if "title" in meta:
        meta["title"] = escape_attr(meta["title"])
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{front}---\n\n{body}"


def render_site(
    site: Site, templates_dir: Path, extra_pages: dict[str, str] | None = None
) -> dict[str, bytes]:
    """Every generated docs file: docs-relative path → bytes."""
    renderer = Renderer(site, templates_dir)
    out: dict[str, bytes] = {}
    for page in renderer.pages():
        out[page.path] = renderer.render(page).encode("utf-8")
    for hand in site.pages:
        out[f"{hand.slug}.md"] = _hand_page(hand.text).encode("utf-8")
    for path, text in (extra_pages or {}).items():
        out[path] = text.encode("utf-8")
    return dict(sorted(out.items()))
