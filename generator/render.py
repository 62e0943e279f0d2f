"""Render: page plans → docs files (front matter + body), plus the site's data files.

The output depends only on the Site (no clock, no environment), so two runs give
identical bytes; ``generator.write`` puts it on disk touching only files whose
bytes changed.  Generated pages are HTML from our templates (trusted: every
value escaped or sanitized there); hand-written pages and the pages other
modules write in Markdown (guide, open data) are Markdown, which the engine
renders and sanitizes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator import frontmatter
from generator.jsonld import jsonld_for, jsonld_script, website_jsonld
from generator.loader import HandPage
from generator.markup import safe_url
from generator.nodes import Node, Site
from generator.pages import PagePlan, Planner, RenderOptions, hand_page_problems, section_url
from generator.problems import Problem
from generator.search import folded_search_text
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
            meta["pagefind"] = _search_meta(node)
        else:
            meta["pagefind"] = {"index": False}
        return meta

    def page(self, plan: PagePlan) -> bytes:
        body = plan.markdown if plan.markdown is not None else _body(self.templates.render(plan))
        return frontmatter.page(self.meta(plan), body).encode("utf-8")

    def hand_page(self, hand: HandPage) -> bytes:
        """A hand-written page: its front matter gains head, edit link and search data."""
        meta, body, title, description = hand_page_meta(hand, self.site)
        out: dict[str, Any] = {
            k: v
            for k, v in meta.items()
            if isinstance(v, str | int | bool) and k not in ("head", "edit_url", "toc")
        }
        out["title"] = title
        out["description"] = description
        out["head"] = self.head(title, description, f"{hand.slug}/", None)
        edit = self.edit_url(hand.rel)
        if edit:
            out["edit_url"] = edit
        out["pagefind"] = {
            "index": True,
            "filters": {"kind": "Trang"},
            "meta": {"kind": "Trang"},
            "folded": folded_search_text(title, body),
        }
        return frontmatter.page(out, body).encode("utf-8")


def hand_page_meta(hand: HandPage, site: Site) -> tuple[dict[str, Any], str, str, str]:
    """A hand-written page's front matter, body, title and description."""
    text = hand.text
    meta: dict[str, Any] = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            loaded = yaml.safe_load(text[4:end])
            if isinstance(loaded, dict):
                meta = {str(k): v for k, v in loaded.items()}
                body = text[end + 4 :].lstrip("\n")
    title = str(meta.get("title") or _first_heading(body) or hand.slug)
    description = str(meta.get("description", "") or site.config.tagline or "")
    return meta, body, title, description


def _first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def _search_meta(node: Node) -> dict[str, Any]:
    """The ``pagefind`` block of a record page (read by the theme partial)."""
    data = node.spec.search(node)
    kind = node.spec.label
    model = node.model
    return {
        "index": True,
        "filters": {"kind": kind, **data.filters},
        "meta": {"kind": kind, **data.meta},
        # Pagefind folds tone marks itself; only đ → d needs an alias (see search.py).
        "folded": folded_search_text(
            " ".join(w for w in data.words if w),
            *(getattr(model, name, None) for name in ("description", "conditions", "bio")),
        ),
        **({"sort": data.sort} if data.sort else {}),
    }


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


def data_files(site: Site) -> dict[str, bytes]:
    """Files published as they are: open data, feeds, robots.txt, redirect pages."""
    from generator import export, feeds, redirects

    files: dict[str, bytes] = {}
    files.update(export.export_dataset(site))
    files.update(feeds.feed_files(site))
    files.update(redirects.redirect_pages(site))
    return files


def render_site(
    site: Site,
    templates_dir: Path,
    options: RenderOptions | None = None,
    media: Media | None = None,
) -> Rendered:
    """Every generated docs file; pictures and share cards from ``media`` when given."""
    plans = media.plans if media is not None and media.plans else Planner(site, options).plan()
    out = Rendered()
    out.problems = hand_page_problems(site, plans)
    writer = PageWriter(site, templates_dir, media)
    for plan in plans:
        path = docs_path(plan.url)
        out.pages[path] = writer.page(plan)
        out.generated.add(path)
    for plan in extra_plans(site):
        out.pages[docs_path(plan.url)] = writer.page(plan)
    collided = {p.path for p in out.problems}
    for hand in site.pages:
        if hand.path not in collided:
            out.pages[f"{hand.slug}.md"] = writer.hand_page(hand)
    out.files = data_files(site)
    return out
