"""The thin MkDocs glue: run the generator before MkDocs reads the docs folder.

``on_config`` loads, validates and links the content (and applies site.yml to
the MkDocs config), ``on_pre_build`` renders and writes the docs folder,
``on_page_context`` adds the edit link and share metadata, and
``on_post_build`` writes the search index from the Site's search documents.  Content problems
become one ``PluginError`` listing all of them, never a traceback.
"""

from __future__ import annotations

import gzip
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.generate import Project, write_docs
from generator.link import Site
from generator.markup import escape_attr, sanitize_document
from generator.pipeline import check_content
from generator.problems import Problem, format_text, has_errors
from generator.vietnamese import slugify

log = logging.getLogger("mkdocs.plugins.showcase")

#: Python-Markdown's default title of a heading's "¶" link is English.
PERMALINK_TITLE = "Liên kết đến mục này"


def heading_id(value: str, separator: str) -> str:
    """Heading anchors without diacritics, ``đ`` folded to ``d`` (``#lien-doan``).

    Python-Markdown's default slugify drops what NFKD cannot decompose, so
    "Liên đoàn" became ``lien-oan``.
    """
    return slugify(value, max_length=120).replace("-", separator)


_LASTMOD = re.compile(r"\s*<lastmod>[^<]*</lastmod>")


def reproducible_sitemap(site_dir: Path) -> None:
    """Make sitemap.xml and sitemap.xml.gz the same bytes on every build.

    MkDocs gives every page the build day as ``<lastmod>`` (it knows no better date) and
    stamps the gzip header with it, so two builds on different days differ.  A wrong
    ``lastmod`` is worse than none: it is dropped, and the gzip copy gets timestamp 0.
    """
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    data = _LASTMOD.sub("", sitemap.read_text(encoding="utf-8")).encode("utf-8")
    sitemap.write_bytes(data)
    with (
        (site_dir / "sitemap.xml.gz").open("wb") as raw,
        gzip.GzipFile(filename="sitemap.xml", mode="wb", fileobj=raw, mtime=0) as gz,
    ):
        gz.write(data)


class ShowcaseConfig(Config):  # type: ignore[no-untyped-call]
    content = c.Type(str, default="content")
    templates = c.Type(str, default="site_templates/pages")
    search = c.Type(bool, default=True)


class ShowcasePlugin(BasePlugin[ShowcaseConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.site: Site | None = None
        self.project: Project | None = None
        #: (content folder, Site, problems) handed over by ``showcase build``, used once.
        self.preloaded: tuple[Path, Site | None, list[Problem]] | None = None
        #: Docs pages not made by our templates (hand-written ones, other modules' pages):
        #: their HTML is sanitized in on_page_content.
        self.sanitized: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        self.project = Project(
            root, root / self.config.content, root / self.config.templates, Path(config.docs_dir)
        )
        if self.preloaded is not None and self.preloaded[0] == self.project.content.resolve():
            # `showcase build` has just checked this content: don't load and link it twice.
            _, site, problems = self.preloaded
        else:
            site, problems = check_content(self.project.content)
        self.preloaded = None
        for problem in problems:
            if not has_errors([problem]):
                log.warning(problem.format())
        if site is None:
            raise PluginError("content has errors:\n" + format_text(problems))
        self.site = site
        settings = site.config
        # Material prints these raw into HTML (MkDocs' Jinja does not autoescape).
        config.site_name = escape_attr(settings.title)
        config.site_description = escape_attr(settings.tagline) if settings.tagline else None
        if not config.site_url:
            config.site_url = settings.base_url
        if settings.repo_url and not config.repo_url:
            config.repo_url = settings.repo_url
        config.copyright = escape_attr(settings.organisation)
        toc = config.mdx_configs.setdefault("toc", {})
        toc.setdefault("permalink_title", PERMALINK_TITLE)
        toc.setdefault("slugify", heading_id)
        theme = config.theme
        palette: list[dict[str, Any]] = [
            {
                "media": "(prefers-color-scheme: light)" if settings.dark_mode else "",
                "scheme": "default",
                "primary": settings.palette.primary,
                "accent": settings.palette.accent,
            }
        ]
        if settings.dark_mode:
            palette[0]["toggle"] = {
                "icon": "material/weather-night",
                "name": "Chuyển sang chế độ tối",
            }
            palette.append(
                {
                    "media": "(prefers-color-scheme: dark)",
                    "scheme": "slate",
                    "primary": settings.palette.primary,
                    "accent": settings.palette.accent,
                    "toggle": {"icon": "material/weather-sunny", "name": "Chuyển sang chế độ sáng"},
                }
            )
        else:
            palette[0].pop("media")
        theme["palette"] = palette
        if settings.logo:
            theme["logo"] = settings.logo
            theme["favicon"] = settings.logo
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        assert self.site is not None and self.project is not None
        report, extras = write_docs(self.site, self.project)
        self.sanitized = {f"{page.slug}.md" for page in self.site.pages}
        self.sanitized |= {path for path in extras if path.endswith(".md")}
        log.info(
            "showcase: %d page(s) written, %d unchanged, %d removed",
            len(report.written),
            report.unchanged,
            len(report.deleted),
        )

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Any
    ) -> str | None:
        # Template pages escape every value themselves; a hand-written page is Markdown with
        # whatever HTML its author typed, so it is sanitized like the Markdown fields of records.
        if page.file.src_uri in self.sanitized:
            return sanitize_document(html)
        return html

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        from generator.theme_context import page_head

        showcase = page.meta.get("showcase") if page.meta else None
        node = None
        if self.site is not None and isinstance(showcase, dict):
            node = self.site.node(showcase.get("kind", ""), showcase.get("id", ""))
            settings = self.site.config
            if settings.repo_url and showcase.get("source"):
                repo = settings.repo_url.rstrip("/")
                page.edit_url = f"{repo}/edit/{settings.edit_branch}/content/{showcase['source']}"
        else:
            page.edit_url = None
        if self.site is not None:
            context["showcase_head"] = page_head(  # type: ignore[typeddict-unknown-key]
                self.site, page, node, config.site_url or ""
            )
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        reproducible_sitemap(Path(config.site_dir))
        if not self.config.search:
            return
        from generator.search import index_documents
        from generator.search_docs import search_documents

        assert self.site is not None
        # Search documents come from the linked Site, not from the built HTML.
        report = index_documents(search_documents(self.site), Path(config.site_dir))
        log.info("showcase: search index %s", report)
