"""The ``showcase`` MkDocs plugin: plain ``mkdocs build`` and ``mkdocs serve`` run the pipeline.

``showcase build`` does not use it (generator.engine.driver takes it out of the
config it builds with).  With plain MkDocs, ``on_config`` checks the content and
writes the docs folder, the page hooks do what the driver does for each page
(generator.engine.pages), and ``on_post_build`` fixes the sitemap and indexes the
site for search.  Content problems become one ``PluginError`` listing all of them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from generator.engine import pages as page_glue
from generator.engine.sitemap import reproducible_sitemap
from generator.engine.theme import apply_settings
from generator.i18n import t
from generator.nodes import Site
from generator.pipeline import DEFAULT_CONTENT, Project, check_content, index_search, render_docs
from generator.problems import format_text, has_errors

log = logging.getLogger("mkdocs.plugins.showcase")


class ShowcaseConfig(Config):  # type: ignore[no-untyped-call]
    content = c.Type(str, default=DEFAULT_CONTENT)
    search = c.Type(bool, default=True)


class ShowcasePlugin(BasePlugin[ShowcaseConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        #: Docs paths whose body is trusted HTML from our templates.
        self.generated: set[str] = set()
        self.site: Site | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Project.at(Path(config.config_file_path).parent, self.config.content)
        site, problems = check_content(project.content)
        for problem in problems:
            if not has_errors([problem]):
                log.warning(problem.format())
        if site is None:
            raise PluginError(t("build.content-errors") + "\n" + format_text(problems))
        rendered, report = render_docs(site, project)
        if has_errors(rendered.problems):
            raise PluginError(t("build.content-errors") + "\n" + format_text(rendered.problems))
        self.generated = rendered.generated
        self.site = site
        log.info(
            "showcase: %d file(s) written, %d unchanged, %d removed",
            len(report.written),
            report.unchanged,
            len(report.deleted),
        )
        apply_settings(config, site.config, site.urls.base)
        return config

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Any
    ) -> str | None:
        page_glue.finish(page)
        return markdown

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Any
    ) -> str | None:
        if page.file.src_uri in self.generated:
            return html
        page.content = html
        page_glue.sanitize(page)
        return page.content

    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        reproducible_sitemap(site_dir)
        if self.config.search and self.site is not None:
            index_search(self.site, site_dir)
