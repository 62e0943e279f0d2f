"""Build a docs folder into a site with MkDocs + Material, in parallel and incrementally.

The stages are MkDocs' own (``mkdocs.commands.build.build``), in the same order:
config → files → navigation → pages read → static files → theme templates →
pages built.  Three things differ:

- **No content pipeline here.**  The pipeline has already written the docs folder;
  the ``showcase`` plugin, which does that work for plain ``mkdocs build``, is taken
  out of the config this driver builds with.
- **Pages are built by worker processes.**  After the shared state (config, files,
  navigation, theme environment) is ready, the pages are split between ``jobs``
  processes forked from this one, each reading and writing its share.  A page's HTML
  depends only on its own source and that shared state, so any split gives the same
  bytes as one process (tests/test_engine.py checks it).
- **Only what changed is rebuilt.**  A manifest in the output folder records, per page,
  a hash of its source and of everything shared (mkdocs.yml, the theme and its overrides,
  the site settings, the navigation).  A page whose hash is unchanged and whose output
  exists is not rebuilt; files of pages that are gone are removed.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import importlib.metadata
import json
import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files, file_sort_key, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from generator.engine import pages as page_glue
from generator.engine.html import finish as finish_html
from generator.engine.sitemap import reproducible_sitemap
from generator.engine.theme import apply_settings
from generator.model import SiteConfig

log = logging.getLogger("mkdocs.showcase")

#: The name of our own plugin in mkdocs.yml (pyproject.toml's entry point).
PLUGIN_NAME = "showcase"
#: Below this many pages to build, forking costs more than it saves.
MIN_PAGES_PER_JOB = 40


class EngineError(Exception):
    """The engine could not build the site; the message says why (MkDocs' warnings)."""


@dataclass
class EngineResult:
    built: int = 0
    unchanged: int = 0
    removed: int = 0
    warnings: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


#: The session the forked workers build from (set just before forking; they inherit it).
_SESSION: Session | None = None


def _without_plugin(config: MkDocsConfig, name: str) -> None:
    """Take our own plugin out: the pipeline has already done its work."""
    plugins = config.plugins
    plugin = plugins.get(name)
    if plugin is None:
        return
    for methods in plugins.events.values():
        methods[:] = [m for m in methods if getattr(m, "__self__", None) is not plugin]
    del plugins[name]


def _hash(*parts: bytes | str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _tree_hash(folders: Iterable[Path]) -> str:
    """Names and contents of the files under ``folders``, wherever the project lives.

    Contents, not modification times: a fresh checkout (CI) must find the same key.
    """
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _shared_key(
    config: MkDocsConfig, config_path: Path, settings: SiteConfig, nav: Navigation
) -> str:
    # The project's theme overrides and the engine's own code shape every page; installed
    # themes are covered by their versions above.
    project = config_path.resolve().parent
    theme_dirs = [Path(d) for d in config.theme.dirs if Path(d).resolve().is_relative_to(project)]
    theme_dirs.append(Path(__file__).resolve().parent)
    nav_shape = [(p.file.src_uri, p.title) for p in nav.pages]
    return _hash(
        mkdocs.__version__,
        importlib.metadata.version("mkdocs-material"),
        config_path.read_bytes(),
        settings.model_dump_json(),
        json.dumps(nav_shape, ensure_ascii=False),
        _tree_hash(theme_dirs),
        json.dumps(
            [str(config.extra_css), str(config.extra_javascript), str(config.markdown_extensions)]
        ),
    )


def _build_pages(uris: list[str]) -> tuple[int, list[str]]:
    """Worker: read and build some pages of the shared session; returns (count, warnings)."""
    session = _SESSION
    assert session is not None
    return session.build_here(uris)


def _chunks(items: list[str], jobs: int) -> Iterator[list[str]]:
    """Split ``items`` into about 4 × jobs chunks, so a slow chunk does not leave a core idle."""
    count = max(1, min(len(items), jobs * 4))
    size = -(-len(items) // count)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def build_pages(session: Session, uris: list[str], jobs: int) -> tuple[int, list[str]]:
    """Build pages of ``session`` in ``jobs`` forked processes (in this one when few)."""
    global _SESSION
    if jobs <= 1 or len(uris) < MIN_PAGES_PER_JOB * 2:
        return session.build_here(uris)
    built = 0
    warnings: list[str] = []
    context = multiprocessing.get_context("fork")
    _SESSION = session
    try:
        with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context) as pool:
            for count, messages in pool.map(_build_pages, _chunks(uris, jobs)):
                built += count
                warnings.extend(messages)
    finally:
        _SESSION = None
    return built, warnings


def _stale(site_dir: Path, wanted: set[str], keep: tuple[str, ...]) -> list[Path]:
    out = []
    for dirpath, _, names in os.walk(site_dir):
        for name in names:
            path = Path(dirpath, name)
            rel = path.relative_to(site_dir).as_posix()
            if rel not in wanted and not rel.startswith(tuple(f"{k}/" for k in keep)):
                out.append(path)
    return out


class Session:
    """MkDocs' shared state for one docs folder: config, files, navigation, theme.

    ``showcase build`` makes one per build; the preview server keeps one alive and tells it
    which docs files changed, so that a save rebuilds only those pages.
    """

    def __init__(
        self,
        config_path: Path,
        docs_dir: Path,
        site_dir: Path,
        settings: SiteConfig,
        base_url: str,
        generated: Iterable[str],
        *,
        strict: bool = True,
    ) -> None:
        self.config_path = config_path
        self.settings = settings
        config = load_config(
            str(config_path), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=strict
        )
        _without_plugin(config, PLUGIN_NAME)
        apply_settings(config, settings, base_url)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        site_dir.mkdir(parents=True, exist_ok=True)
        self.config = config
        self.site_dir = site_dir
        self.generated = frozenset(generated)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        self.files = files
        self.nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        self.doc_files = files.documentation_pages()
        for file in self.doc_files:
            if file.page is None:
                Page(None, file, config)
        self.in_nav = frozenset(p.file.src_uri for p in self.nav.pages)
        self._read_nav_pages()
        self.env = config.plugins.on_env(env, config=config, files=files)

    def _read_nav_pages(self) -> None:
        # Navigation titles come from the pages' front matter: read those few pages first,
        # so that every page (and every worker) renders the same navigation.
        for page in self.nav.pages:
            if page.file.src_uri in self.generated:
                page_glue.populate_generated(page)
            else:
                page.read_source(self.config)

    def nav_titles(self) -> list[tuple[str, str | None]]:
        return [(p.file.src_uri, p.title) for p in self.nav.pages]

    def shared_key(self) -> str:
        return _shared_key(self.config, self.config_path, self.settings, self.nav)

    def build_here(self, uris: Iterable[str]) -> tuple[int, list[str]]:
        """Read and build pages in this process; returns (count, MkDocs' warnings)."""
        handler = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        count = 0
        try:
            by_uri = {f.src_uri: f for f in self.doc_files}
            for uri in uris:
                file = by_uri[uri]
                page = file.page
                assert page is not None
                path = Path(file.abs_dest_path)
                if path.is_file() or path.is_symlink():
                    path.unlink()  # never write through a link into a published copy
                if uri in self.generated:
                    page_glue.populate_generated(page)
                else:
                    mkdocs_build._populate_page(page, self.config, self.files)
                    page_glue.finish(page)
                    page_glue.sanitize(page)
                self.write_page(page)
                count += 1
                if uri not in self.in_nav:
                    # What the page held is written; drop it so that memory stays flat.  Pages
                    # in the navigation keep theirs: their titles are read by every other page.
                    page.content = None
                    page.markdown = None
                    page.toc = []  # type: ignore[assignment]
            return count, handler.messages
        finally:
            logger.removeHandler(handler)

    def write_page(self, page: Page) -> None:
        """MkDocs' ``_build_page``, with the page finished (CSP, no indentation) before writing.

        The template is always the theme's ``main.html``: a page cannot pick another one.
        """
        config = self.config
        page.active = True
        try:
            context = mkdocs_build.get_context(self.nav, self.doc_files, config, page)
            template = self.env.get_template("main.html")
            context = config.plugins.on_page_context(
                context, page=page, config=config, nav=self.nav
            )
            output = template.render(context)
            output = config.plugins.on_post_page(output, page=page, config=config)
            if output.strip():
                utils.write_file(
                    finish_html(output).encode("utf-8", errors="xmlcharrefreplace"),
                    page.file.abs_dest_path,
                )
        except Exception:
            log.error(f"Error building page '{page.file.src_uri}'")
            raise
        finally:
            page.active = False

    def build_static(self) -> None:
        """Theme assets and docs files that are not pages, then 404.html and the sitemap."""
        self.files.copy_static_files(dirty=True)
        for template in self.config.theme.static_templates:
            mkdocs_build._build_theme_template(
                template, self.env, self.files, self.config, self.nav
            )
        for template in self.config.extra_templates:
            mkdocs_build._build_extra_template(template, self.files, self.config, self.nav)
        for name in self.config.theme.static_templates:
            path = self.site_dir / name
            if name.endswith(".html") and path.is_file():
                path.write_text(finish_html(path.read_text("utf-8")), encoding="utf-8")
        reproducible_sitemap(self.site_dir)

    def build_sitemap(self) -> None:
        """The sitemap again, after pages were added or removed.

        Pages added since the session began are at the end of its file list; the sitemap
        lists them where a new session would (MkDocs' ``file_sort_key``, the order of ``get_files``), so that it is the same.
        """
        files = Files(sorted(self.files.documentation_pages(), key=file_sort_key))
        for template in self.config.theme.static_templates:
            if template.startswith("sitemap."):
                mkdocs_build._build_theme_template(template, self.env, files, self.config, self.nav)
        reproducible_sitemap(self.site_dir)

    def update(
        self, changed: Iterable[str], removed: Iterable[str], generated: Iterable[str]
    ) -> list[str]:
        """Docs files written and deleted since the last build → the pages to build again.

        New files join the file list, deleted ones leave it with their output; files that
        are not pages are copied.  When a page of the navigation changed its title, every
        page shows the new navigation: all pages are returned.
        """
        config = self.config
        self.generated = frozenset(generated)
        by_uri = {f.src_uri: f for f in self.files}
        pages_came_or_went = False
        for uri in removed:
            file = by_uri.pop(uri, None)
            if file is not None:
                pages_came_or_went |= file.is_documentation_page()
                self.files.remove(file)
                dest = Path(file.abs_dest_path)
                if dest.is_file():
                    dest.unlink()
        todo: list[str] = []
        for uri in changed:
            file = by_uri.get(uri)
            if file is None:
                file = File(uri, config.docs_dir, config.site_dir, config.use_directory_urls)
                self.files.append(file)
                by_uri[uri] = file
                pages_came_or_went |= file.is_documentation_page()
            if file.is_documentation_page():
                if file.page is None:
                    Page(None, file, config)
                todo.append(uri)
            else:
                dest = Path(file.abs_dest_path)
                if dest.is_file():
                    dest.unlink()
                file.copy_file()
        self.doc_files = self.files.documentation_pages()
        if pages_came_or_went:
            self.build_sitemap()
        before = self.nav_titles()
        self._read_nav_pages()
        if self.nav_titles() != before:
            return [f.src_uri for f in self.doc_files]
        return todo

    def url_paths(self, uris: Iterable[str]) -> list[str]:
        """The paths the pages of ``uris`` are served at (``/sang-kien/x/``), sorted."""
        by_uri = self.files.src_uris
        out = []
        for uri in uris:
            file = by_uri.get(uri)
            if file is not None:
                url = file.url
                out.append("/" if url in ("", "./") else "/" + url.lstrip("/"))
        return sorted(out)

    def remove_stale(self, keep: tuple[str, ...]) -> int:
        wanted = {f.dest_uri for f in self.files}
        wanted |= {"sitemap.xml", "sitemap.xml.gz", *self.config.theme.static_templates}
        stale = _stale(self.site_dir, wanted, keep)
        for path in stale:
            path.unlink()
        return len(stale)


def build(
    config_path: Path,
    docs_dir: Path,
    site_dir: Path,
    settings: SiteConfig,
    base_url: str,
    generated: Iterable[str],
    *,
    manifest: Path,
    jobs: int = 1,
    strict: bool = True,
    keep: tuple[str, ...] = (),
) -> EngineResult:
    """Build ``docs_dir`` into ``site_dir`` (kept between builds: only changes are rebuilt).

    ``generated`` names the docs files (``sang-kien/x/index.md``) whose body is trusted
    HTML from our templates; every other page is rendered by Python-Markdown and sanitized.
    ``manifest`` is where the hashes of the pages built are kept (outside the site);
    files under the folders named in ``keep`` (the search bundle) are not removed as stale.
    """
    result = EngineResult()
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        session = Session(
            config_path, docs_dir, site_dir, settings, base_url, generated, strict=strict
        )
        previous: dict[str, Any] = {}
        if manifest.is_file():
            try:
                previous = json.loads(manifest.read_text("utf-8"))
            except (OSError, ValueError):
                previous = {}
        shared = session.shared_key()
        old_pages: dict[str, str] = (
            previous.get("pages", {}) if previous.get("shared") == shared else {}
        )
        hashes = {f.src_uri: _hash(Path(f.abs_src_path).read_bytes()) for f in session.doc_files}  # type: ignore[arg-type]
        todo = [
            f.src_uri
            for f in session.doc_files
            if old_pages.get(f.src_uri) != hashes[f.src_uri] or not Path(f.abs_dest_path).is_file()
        ]
        result.unchanged = len(session.doc_files) - len(todo)
        session.build_static()
        result.built, warnings = build_pages(session, todo, jobs)
        result.warnings.extend(warnings)
        session.config.plugins.on_post_build(config=session.config)
        result.removed = session.remove_stale(keep)
        manifest.parent.mkdir(parents=True, exist_ok=True)
        manifest.write_text(
            json.dumps({"shared": shared, "pages": hashes}, sort_keys=True), encoding="utf-8"
        )
    except MkDocsException as exc:
        raise EngineError("\n".join([*handler.messages, str(exc)]).strip()) from None
    finally:
        logger.removeHandler(handler)
    result.warnings = [*handler.messages, *result.warnings]
    if strict and result.warnings:
        raise EngineError("\n".join(result.warnings))
    return result
