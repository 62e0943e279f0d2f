"""Page planning: the linked Site → the list of pages to render, as plain data.

Each ``PagePlan`` says where a page lives (its site-relative URL), which template
draws it, its title and description, the record it is about and the context the
template gets.  Nothing here renders or knows Jinja; ``generator.render`` does.
URL shapes are declared here once: record pages and listings come from the kind
registry (generator.kinds), the other sections from ``SECTIONS``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator import charts
from generator.describe import description_for
from generator.kinds import (
    INITIATIVE_BENEFIT,
    INITIATIVE_RECENT,
    KINDS,
    Kind,
    SortOrder,
    default_order,
    initiative_recent_key,
)
from generator.nodes import AwardNode, EventNode, InitiativeNode, Node, Site, sum_totals
from generator.problems import Problem
from generator.vietnamese import format_count, format_money, sort_key


@dataclass(frozen=True)
class RenderOptions:
    """How long lists get: rows per listing page, records a record page lists itself."""

    per_page: int = 50
    #: Past this, a record page shows the first ones and links to a paginated list of all
    #: (``don-vi/<id>/sang-kien/``), so that no record page grows with the number of records.
    record_list_limit: int = 20
    #: Awards per page of a year of the honour roll.
    honour_roll_awards: int = 20


#: Sections that are not a kind's listing: their URL and title.
SECTIONS: dict[str, tuple[str, str]] = {
    "home": ("", "Trang chủ"),
    "years": ("nam/", "Theo năm"),
    "fields": ("linh-vuc/", "Lĩnh vực"),
    "honour_roll": ("bang-vang/", "Bảng vàng"),
    "statistics": ("thong-ke/", "Thống kê"),
    "search": ("tra-cuu/", "Tra cứu"),
    "open_data": ("du-lieu-mo/", "Dữ liệu mở"),
    "guide": ("huong-dan/", "Hướng dẫn biên tập"),
}


def section_url(name: str) -> str:
    return SECTIONS[name][0]


def page_number_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}trang-{number}/"


@dataclass
class PagePlan:
    url: str  # site-relative, "" for the home page, always ending in "/" otherwise
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    #: The record the page is about: share metadata, JSON-LD, edit link, search entry.
    node: Node | None = None
    toc: bool = True
    #: A page made of Markdown by another module (guide, open data) instead of a template.
    markdown: str | None = None


class Planner:
    def __init__(self, site: Site, options: RenderOptions | None = None) -> None:
        self.site = site
        self.options = options or RenderOptions()

    def plan(self) -> list[PagePlan]:
        site = self.site
        out: list[PagePlan] = [self.home()]
        for kind in KINDS.values():
            for node in site.records[kind.name].values():
                if node.published:
                    out.extend(self.record_pages(kind, node))
            out.extend(self.kind_listing(kind))
        out.extend(self.year_pages())
        out.extend(self.field_pages())
        out.extend(self.honour_roll())
        out.append(self.statistics())
        out.append(
            PagePlan(
                section_url("search"),
                "search.md.j2",
                "Tra cứu",
                "Tìm sáng kiến, cá nhân, đơn vị, khen thưởng và sự kiện.",
            )
        )
        return out

    # -- records --------------------------------------------------------------------------
    def record_pages(self, kind: Kind, node: Node) -> list[PagePlan]:
        lists: dict[str, Any] = {}
        more: list[PagePlan] = []
        for record_list in kind.record_lists:
            title = record_list.title.format(name=node.display_name)
            lists[record_list.key], pages = self.capped(
                node, record_list.slug, record_list.item_kind, title, record_list.items(node)
            )
            more.extend(pages)
        context: dict[str, Any] = {"node": node, "lists": lists}
        if kind.context is not None:
            context.update(kind.context(node))
        page = PagePlan(
            node.url, kind.template, node.display_name, description_for(node), context, node
        )
        return [page, *more]

    def capped(
        self, owner: Node, slug: str, item_kind: str, title: str, items: Sequence[Node]
    ) -> tuple[dict[str, Any], list[PagePlan]]:
        """What a record page lists of ``items`` and, past the limit, the paginated list of all."""
        limit = self.options.record_list_limit
        item_spec = KINDS[item_kind]
        ordered = sorted(items, key=default_order(item_kind).key)
        info: dict[str, Any] = {
            "shown": ordered[:limit],
            "total": len(ordered),
            "noun": item_spec.noun,
            "more": None,
        }
        if len(ordered) <= limit:
            return info, []
        pages = self.listing(
            f"{owner.url}{slug}/",
            title,
            f"{title}.",
            list(items),
            item_spec.listing.orders[:1] if item_kind != "initiative" else _INITIATIVE_ORDERS,
            "sub-listing.md.j2",
            extra={"owner": owner, "kind": item_kind, "noun": item_spec.noun},
        )
        info["more"] = pages[0].url
        return info, pages

    # -- listings -------------------------------------------------------------------------
    def kind_listing(self, kind: Kind) -> list[PagePlan]:
        items = [n for n in self.site.records[kind.name].values() if n.published]
        return self.listing(
            f"{kind.url_prefix}/",
            kind.listing.title,
            kind.listing.description,
            items,
            kind.listing.orders,
            kind.listing.template,
            extra={"noun": kind.noun},
        )

    def listing(
        self,
        base: str,
        title: str,
        description: str,
        items: Sequence[Any],
        orders: Sequence[SortOrder],
        template: str,
        *,
        extra: dict[str, Any] | None = None,
        per_page: int | None = None,
    ) -> list[PagePlan]:
        """Every page of a listing: each order in its sub-folder, each split into pages."""
        size = per_page or self.options.per_page
        pages = []

        def order_base(order: SortOrder) -> str:
            return f"{base}{order.slug}/" if order.slug else base

        for order in orders:
            ordered = sorted(items, key=order.key)
            first = order_base(order)
            chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)] or [[]]
            order_links = [
                {"label": other.label, "url": order_base(other), "current": other is order}
                for other in orders
            ]
            for number, chunk in enumerate(chunks, start=1):
                page_links = [
                    {"number": n, "url": page_number_url(first, n), "current": n == number}
                    for n in range(1, len(chunks) + 1)
                ]
                heading = title if number == 1 else f"{title} (trang {number})"
                pages.append(
                    PagePlan(
                        page_number_url(first, number),
                        template,
                        heading,
                        description,
                        {
                            "title": title,
                            "description": description,
                            "items": chunk,
                            "total": len(items),
                            "offset": (number - 1) * size,
                            "orders": order_links if len(orders) > 1 else [],
                            "pagination": page_links if len(chunks) > 1 else [],
                            "number": number,
                            **(extra or {}),
                        },
                    )
                )
        return pages

    # -- sections -------------------------------------------------------------------------
    def home(self) -> PagePlan:
        site = self.site
        campaigns = [
            site.campaigns[c] for c in site.config.home_campaigns if c in site.campaigns
        ] or list(site.campaigns.values())
        latest = sorted(site.initiatives.values(), key=initiative_recent_key)[:6]
        return PagePlan(
            section_url("home"),
            "home.md.j2",
            site.config.title,
            site.config.tagline or site.config.title,
            {
                "campaigns": campaigns,
                "latest_awards": site.latest_awards,
                "latest_initiatives": latest,
            },
            toc=False,
        )

    def year_pages(self) -> list[PagePlan]:
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
        base = section_url("years")
        out = [
            PagePlan(
                base,
                "years.md.j2",
                "Theo năm",
                "Sáng kiến, khen thưởng và sự kiện theo từng năm.",
                {
                    "years": years,
                    "totals": totals,
                    "award_counts": {y: len(a) for y, a in awards_by_year.items()},
                    "event_counts": {y: len(e) for y, e in events_by_year.items()},
                },
            )
        ]
        limit = self.options.record_list_limit
        for year in years:
            awards = sorted(
                awards_by_year.get(year, []), key=lambda a: (a.model.date, a.id), reverse=True
            )
            out += self.listing(
                f"{base}{year}/",
                f"Năm {year}",
                f"Sáng kiến, khen thưởng và sự kiện năm {year}.",
                by_year.get(year, []),
                [INITIATIVE_RECENT],
                "year.md.j2",
                extra={
                    "year": year,
                    "awards": awards[:limit],
                    "award_total": len(awards),
                    "events": sorted(
                        events_by_year.get(year, []), key=lambda e: (e.model.date, e.id)
                    )[:limit],
                    "event_total": len(events_by_year.get(year, [])),
                    "totals": totals.get(year),
                },
            )
        return out

    def field_pages(self) -> list[PagePlan]:
        site = self.site
        by_field: dict[str, list[InitiativeNode]] = defaultdict(list)
        for initiative in site.initiatives.values():
            by_field[initiative.model.field].append(initiative)
        totals = site.totals_by_field()
        fields = sorted(site.taxonomies.fields.items(), key=lambda kv: sort_key(kv[1].name))
        base = section_url("fields")
        out = [
            PagePlan(
                base,
                "fields.md.j2",
                "Lĩnh vực",
                "Sáng kiến theo lĩnh vực áp dụng.",
                {"fields": fields, "totals": totals},
            )
        ]
        for key, term in fields:
            if key not in by_field:
                continue  # no page for a field nobody has filed under
            out += self.listing(
                f"{base}{key}/",
                f"Lĩnh vực: {term.name}",
                term.description or f"Sáng kiến trong lĩnh vực {term.name}.",
                by_field[key],
                _INITIATIVE_ORDERS,
                "field.md.j2",
                extra={"term": term, "key": key, "totals": totals.get(key)},
            )
        return out

    def honour_roll(self) -> list[PagePlan]:
        """The honour roll: an index of years, then each year's awards by form, paginated."""
        site = self.site
        by_year: dict[int, list[AwardNode]] = defaultdict(list)
        for award in site.awards.values():
            by_year[award.year].append(award)
        base = section_url("honour_roll")
        years = sorted(by_year, reverse=True)
        out = [
            PagePlan(
                base,
                "honour-roll-index.md.j2",
                "Bảng vàng",
                "Danh sách tập thể, cá nhân được khen thưởng, theo năm và hình thức khen thưởng.",
                {
                    "years": [
                        (y, len(by_year[y]), sum(len(a.recipients) for a in by_year[y]))
                        for y in years
                    ]
                },
            )
        ]
        for year in years:

            def form_then_date(a: AwardNode) -> tuple[Any, ...]:
                form = a.form_term.name if a.form_term else a.model.form
                return (sort_key(form), a.model.date, a.id)

            out += self.listing(
                f"{base}{year}/",
                f"Bảng vàng năm {year}",
                f"Tập thể, cá nhân được khen thưởng năm {year}, theo hình thức khen thưởng.",
                by_year[year],
                [SortOrder("", "Theo hình thức khen thưởng", form_then_date)],
                "honour-roll.md.j2",
                extra={"year": year},
                per_page=self.options.honour_roll_awards,
            )
        return out

    def statistics(self) -> PagePlan:
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
        progress = [
            (campaign, phase)
            for campaign in site.campaigns.values()
            for phase in campaign.phases
            if phase.phase.target
        ]
        return PagePlan(
            section_url("statistics"),
            "statistics.md.j2",
            "Thống kê",
            "Số liệu sáng kiến theo lĩnh vực, năm, đơn vị và tiến độ các chương trình.",
            {
                "charts": [Markup(c) for c in charts_html],
                "progress_rows": progress,
                "totals": sum_totals(site.initiatives.values()),
            },
        )


_INITIATIVE_ORDERS = (INITIATIVE_RECENT, INITIATIVE_BENEFIT)


def hand_page_problems(site: Site, plans: Sequence[PagePlan]) -> list[Problem]:
    """A hand-written page whose address a generated page already has is refused."""
    taken = {plan.url for plan in plans}
    taken |= {section_url(name) for name in SECTIONS}
    taken |= {f"{kind.url_prefix}/" for kind in KINDS.values()}
    problems = []
    for page in site.pages:
        if f"{page.slug}/" in taken or page.slug == "index":
            problems.append(Problem(page.path, 1, 1, "trung-dia-chi-trang", {"id": page.slug}))
    return problems
