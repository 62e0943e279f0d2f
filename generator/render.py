"""Render: page plans → docs files (front matter + body), plus the site's data files.

The output depends only on the Site (no clock, no environment), so two runs give
identical bytes; ``generator.write`` puts it on disk touching only files whose
bytes changed.  Generated pages are HTML from our templates (trusted: every
value escaped or sanitized there); hand-written pages and the pages other
modules write in Markdown (guide, open data) are Markdown, which the engine
renders and sanitizes.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import frontmatter, incremental
from generator.incremental import RenderState
from generator.jsonld import jsonld_for, jsonld_script, website_jsonld
from generator.loader import HandPage
from generator.markup import safe_url
from generator.nodes import Node, Site
from generator.pages import PagePlan, Planner, RenderOptions, hand_page_problems, section_url
from generator.palette import custom_css
from generator.problems import Problem
from generator.share import image_for, share_meta
from generator.templating import Templates
from generator.urls import docs_path

if TYPE_CHECKING:
    from generator.media import Media


@dataclass
class Rendered:
    """Everything the render stage writes into the docs folder."""

    #: docs path → bytes of every page (generated, hand-written, Markdown from modules).
    pages: dict[str, bytes] = field(default_factory=dict)
    #: Docs paths of pages whose body is trusted HTML from our templates.
    generated: set[str] = field(default_factory=set)
    #: docs path → bytes of data files published as they are (JSON, CSV, feeds, redirects).
    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: Docs paths of generated pages not rendered again: the bytes on disk are still right.
    kept: set[str] = field(default_factory=set)
    #: What an incremental render next time compares with.
    state: RenderState = field(default_factory=RenderState)

    def all_files(self) -> dict[str, bytes]:
        return dict(sorted({**self.files, **self.pages}.items()))


def _body(text: str) -> str:
    # No blank line inside a block: the body stays one run of raw HTML blocks in Markdown.
    return "\n".join(line for line in text.splitlines() if line.strip())


class PageWriter:
    """Turns one PagePlan into the bytes of its docs file."""

    def __init__(self, site: Site, templates_dir: Path, media: Media | None = None) -> None:
        self.site = site
        self.media = media
        self.templates = Templates(site, templates_dir, media)

    def head(self, title: str, description: str, url: str, node: Node | None) -> str:
        """Share metadata and JSON-LD for the page's ``<head>`` (already escaped).

        The share image is the page's card (generator.media) with its size; without the
        media stage, the record's first picture or the site's default image.
        """
        site = self.site
        urls = site.urls
        card = self.media.cards.get(url) if self.media is not None else None
        if url == section_url("home") and site.config.share_image:
            card = None  # the editor's own picture for the site, when there is one
        image = card.path if card is not None else image_for(node, site)
        parts = [
            share_meta(
                title,
                description,
                urls.absolute(url),
                urls.absolute(image) if image else None,
                site.config.title,
                node.spec.og_type if node is not None else "website",
                include_description=False,
                image=card,
            )
        ]
        data = None
        if node is not None:
            data = jsonld_for(node, urls)
        elif url == section_url("home"):
            data = website_jsonld(site, urls)
        if data is not None:
            parts.append(jsonld_script(data))
        return "".join(parts)

    def edit_url(self, source: str) -> str | None:
        config = self.site.config
        repo = safe_url(config.repo_url) if config.repo_url else None
        if not repo:
            return None
        return f"{repo.rstrip('/')}/edit/{config.edit_branch}/content/{source}"

    def meta(self, plan: PagePlan) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "title": plan.title,
            "description": plan.description,
            "head": self.head(plan.title, plan.description, plan.url, plan.node),
        }
        if not plan.toc:
            meta["toc"] = False
        node = plan.node
        if node is not None:
            edit = self.edit_url(node.source)
            if edit:
                meta["edit_url"] = edit
        return meta

    def page(self, plan: PagePlan) -> bytes:
        body = plan.markdown if plan.markdown is not None else _body(self.templates.render(plan))
        return frontmatter.page(self.meta(plan), body).encode("utf-8")

    def hand_page(self, hand: HandPage) -> bytes:
        """A hand-written page: its validated front matter, plus head, edit link and search data.

        Only the keys of the page schema (generator.model.HandPageFront) are carried over:
        the file's own front matter never reaches the engine as it is.
        """
        meta, body, title, description = hand_page_meta(hand, self.site)
        out: dict[str, Any] = dict(meta)
        out["title"] = title
        out["description"] = description
        out["head"] = self.head(title, description, f"{hand.slug}/", None)
        edit = self.edit_url(hand.rel)
        if edit:
            out["edit_url"] = edit
        return frontmatter.page(out, body).encode("utf-8")


def hand_page_meta(hand: HandPage, site: Site) -> tuple[dict[str, Any], str, str, str]:
    """A hand-written page's validated front matter (as far as it is kept), body, title and
    description."""
    front = hand.front
    body = hand.body.lstrip("\n")
    title = (front.title if front is not None else None) or _first_heading(body) or hand.slug
    given = front.description if front is not None else None
    meta: dict[str, Any] = {}
    if front is not None and front.hide:
        meta["hide"] = list(front.hide)
    return meta, body, title, given or site.config.tagline or ""


def _first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def extra_plans(site: Site) -> list[PagePlan]:
    """Pages other modules write in Markdown: the open data page and the editors' guide."""
    from generator import export, guide

    return [
        PagePlan(
            section_url("open_data"),
            "",
            "Dữ liệu mở",
            "Toàn bộ dữ liệu đã công bố của trang dưới dạng JSON và CSV, kèm lược đồ JSON Schema.",
            markdown=export.open_data_markdown(site, export.export_counts(site), heading=False),
        ),
        PagePlan(
            section_url("guide"),
            "",
            "Hướng dẫn biên tập",
            "Cách thêm sáng kiến, cá nhân, đơn vị, khen thưởng; nhập danh sách; "
            "các trường và thông báo lỗi.",
            markdown=guide.guide_markdown(),
        ),
    ]


#: Rules for a hex colour from site.yml (mkdocs.yml lists it among the stylesheets).
CUSTOM_CSS = "assets/stylesheets/showcase-custom.css"


def data_files(site: Site) -> dict[str, bytes]:
    """Files published as they are: open data, feeds, robots.txt, redirect pages."""
    from generator import export, feeds, redirects

    files: dict[str, bytes] = {}
    files.update(export.export_dataset(site))
    files.update(feeds.feed_files(site))
    files.update(redirects.redirect_pages(site))
    palette = site.config.palette
    files[CUSTOM_CSS] = custom_css(palette.primary, palette.accent).encode("utf-8")
    return files


def render_site(
    site: Site,
    templates_dir: Path,
    options: RenderOptions | None = None,
    media: Media | None = None,
    *,
    state: RenderState | None = None,
    exists: Callable[[str], bool] = lambda path: False,
    jobs: int = 1,
    changed: set[incremental.NodeKey] | None = None,
    with_data: bool = True,
) -> Rendered:
    """Every generated docs file; with the last render's ``state``, only the changed pages.

    Pictures and share cards come from ``media`` (generator.media) when given.

    A page is kept (not rendered) when the state says nothing it showed has changed and
    ``exists`` says its file is still on disk; it is then listed in ``kept``, not ``pages``.
    Pages are rendered by ``jobs`` forked worker processes when there are many.
    ``changed`` (from generator.recheck) limits which nodes are hashed again; ``with_data=False``
    leaves out the data files (open data, feeds), which the preview writes later.
    """
    options = options or RenderOptions()
    plans = media.plans if media is not None and media.plans else Planner(site, options).plan()
    out = Rendered()
    out.problems = hand_page_problems(site, plans)
    writer = PageWriter(site, templates_dir, media)
    reuse = incremental.start(site, templates_dir, options, state, exists, changed, media)
    todo: list[tuple[PagePlan, str, str]] = []
    for plan in plans:
        path = docs_path(plan.url)
        out.generated.add(path)
        key = incremental.plan_key(plan)
        if reuse.unchanged(plan.url, path, key):
            out.kept.add(path)
        else:
            todo.append((plan, path, key))
    rendered = _render_pages(writer, [plan for plan, _, _ in todo], jobs)
    for (plan, path, key), (page_bytes, deps) in zip(todo, rendered, strict=True):
        out.pages[path] = page_bytes
        reuse.fresh.pages[plan.url] = incremental.PageRecord(path, key, deps)
    out.state = reuse.fresh
    for plan in extra_plans(site):
        out.pages[docs_path(plan.url)] = writer.page(plan)
    collided = {p.path for p in out.problems}
    for hand in site.pages:
        if hand.path not in collided:
            out.pages[f"{hand.slug}.md"] = writer.hand_page(hand)
    if with_data:
        out.files = data_files(site)
    return out


#: Below this many pages to render, forking costs more than it saves.
MIN_PAGES_PER_JOB = 400
#: What forked render workers share (set just before forking; they inherit it).
_SHARED: tuple[PageWriter, list[PagePlan]] | None = None
Result = tuple[bytes, frozenset[incremental.NodeKey]]


def _render_range(bounds: tuple[int, int]) -> list[Result]:
    """Render plans[start:end] of the shared work, recording what each page reads."""
    assert _SHARED is not None
    writer, plans = _SHARED
    out: list[Result] = []
    with incremental.recording():
        for plan in plans[bounds[0] : bounds[1]]:
            with incremental.record() as nodes:
                data = writer.page(plan)
            out.append((data, incremental.keys(nodes)))
    return out


def _render_pages(writer: PageWriter, plans: list[PagePlan], jobs: int) -> list[Result]:
    global _SHARED
    _SHARED = (writer, plans)
    try:
        if jobs <= 1 or len(plans) < MIN_PAGES_PER_JOB * 2:
            return _render_range((0, len(plans)))
        count = jobs * 4
        size = -(-len(plans) // count)
        ranges = [(start, min(start + size, len(plans))) for start in range(0, len(plans), size)]
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context) as pool:
            return [result for part in pool.map(_render_range, ranges) for result in part]
    finally:
        _SHARED = None
