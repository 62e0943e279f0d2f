"""Generate the docs folder: load → validate → link → render → write.

This is what the MkDocs glue runs in ``on_pre_build`` and what ``showcase
build`` runs before MkDocs.  It returns Problems instead of raising.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.link import Site
from generator.pipeline import check_content
from generator.problems import Problem
from generator.render import render_site
from generator.write import WriteReport, write_tree


@dataclass(frozen=True)
class Project:
    """Where things are, relative to the folder holding mkdocs.yml."""

    root: Path
    content: Path
    templates: Path
    docs: Path

    @classmethod
    def at(
        cls,
        root: Path,
        content: str = "content",
        templates: str = "site_templates/pages",
        docs: str = "docs_generated",
    ) -> Project:
        return cls(root, root / content, root / templates, root / docs)


def extra_files(site: Site) -> dict[str, bytes]:
    """Pages and data files beyond the record templates: guide, open data, feeds, redirects."""
    files: dict[str, bytes] = {}
    from generator import export, feeds, guide, redirects

    base_url = site.config.base_url
    if not base_url.endswith("/"):
        base_url += "/"
    dataset = export.export_dataset(site)
    files.update(dataset)
    files["du-lieu-mo/index.md"] = _page(
        "Dữ liệu mở",
        "Toàn bộ dữ liệu đã công bố của trang dưới dạng JSON và CSV, kèm lược đồ JSON Schema.",
        export.open_data_markdown(site, export.export_counts(site), heading=False),
    )
    files["huong-dan/index.md"] = _page(
        "Hướng dẫn biên tập",
        "Cách thêm sáng kiến, cá nhân, đơn vị, khen thưởng; nhập danh sách; các trường và thông báo lỗi.",
        guide.guide_markdown(),
    )
    files["feed.xml"] = feeds.atom_feed(site, base_url)
    files["rss.xml"] = feeds.rss_feed(site, base_url)
    files["robots.txt"] = feeds.robots_txt(base_url).encode("utf-8")
    files.update(redirects.redirect_pages(site, base_url))
    return files


def _page(title: str, description: str, body: str) -> bytes:
    import yaml

    from generator.markup import escape_attr

    meta = {
        "title": escape_attr(title),
        "description": escape_attr(description),
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{front}---\n\n{body.rstrip()}\n".encode()


def write_docs(site: Site, project: Project) -> tuple[WriteReport, set[str]]:
    """Render the Site and make the docs folder hold exactly its pages and media.

    Also returns the paths of the extra (non-template) files, which the MkDocs glue
    sanitizes like hand-written pages.
    """
    files = render_site(site, project.templates)
    extras = extra_files(site)
    files.update(extras)
    report = write_tree(project.docs, files, copies=site.media_sources)
    return report, set(extras)


def generate(
    project: Project, *, today: dt.date | None = None
) -> tuple[Site | None, list[Problem], WriteReport | None]:
    site, problems = check_content(project.content, today=today)
    if site is None:
        return None, problems, None
    report, _ = write_docs(site, project)
    return site, problems, report
