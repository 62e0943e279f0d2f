"""The pipeline, orchestrated in one place: load → validate → link → render → build → index.

Each stage is a function of the previous stage's output:

- ``check_content``: content folder → linked Site (or Problems), through
  generator.loader, generator.validate and generator.link;
- ``make_media``: Site → record pictures and share cards (generator.media), cached;
- ``render_docs``: Site → docs folder (generator.render, written by generator.write);
- ``build``: the above, then the engine (generator.engine.driver) builds the docs
  folder into a work folder kept between builds, Pagefind indexes it, and the result
  is published into ``site/`` in one step.

Where things are is decided once, by ``Project``.  The CLI and the MkDocs plugin
call these functions; neither keeps its own idea of the folders.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator import collector
from generator.i18n import t
from generator.incremental import NodeKey, RenderState
from generator.link import link_content
from generator.loader import load_content
from generator.media import Media, prepare_media, published_copies
from generator.nodes import Site
from generator.pages import RenderOptions
from generator.problems import Problem, format_text, has_errors, sort_problems
from generator.render import Rendered, render_site
from generator.validate import validate_content
from generator.write import WriteReport, write_tree

#: The content folder of a project, relative to the folder holding mkdocs.yml.
DEFAULT_CONTENT = "content"


@dataclass(frozen=True)
class Project:
    """Where everything is, relative to the folder holding mkdocs.yml."""

    root: Path
    content: Path
    templates: Path
    docs: Path
    cache: Path
    config_file: Path

    @classmethod
    def at(cls, root: Path, content: Path | str = DEFAULT_CONTENT) -> Project:
        root = root.resolve()
        return cls(
            root=root,
            content=(root / content).resolve(),
            templates=root / "site_templates" / "pages",
            docs=root / "docs_generated",
            cache=root / ".showcase-build",
            config_file=root / "mkdocs.yml",
        )

    @property
    def record_cache(self) -> Path:
        """Records already parsed and validated, by content hash."""
        return self.cache / "records.sqlite"

    @property
    def work_site(self) -> Path:
        """The engine's output, kept between builds so that only changes are rebuilt."""
        return self.cache / "site"


class BuildError(Exception):
    """The build failed; the message says why (content problems or engine warnings)."""


@dataclass
class Stage:
    name: str
    wall: float
    cpu: float  # seconds of CPU, this process and the children it waited for


@dataclass
class BuildReport:
    site_dir: Path
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    pages_built: int = 0
    pages_unchanged: int = 0
    docs_written: int = 0

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        def cpu() -> float:
            own = resource.getrusage(resource.RUSAGE_SELF)
            kids = resource.getrusage(resource.RUSAGE_CHILDREN)
            return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

        start_wall, start_cpu = time.perf_counter(), cpu()
        try:
            yield
        finally:
            self.stages.append(Stage(name, time.perf_counter() - start_wall, cpu() - start_cpu))


def check_content(
    root: Path,
    *,
    display_root: str | None = None,
    today: dt.date | None = None,
    cache: Path | None = None,
    jobs: int = 1,
) -> tuple[Site | None, list[Problem]]:
    """Load, validate and link the content folder.

    Returns the linked Site only when there is no error, with every Problem found
    (warnings included), sorted.  With a ``cache`` file, records already checked in an
    earlier run (same bytes, same day, same code) are not parsed or validated again.
    """
    from generator.record_cache import RecordCache, cached

    today = today or dt.date.today()
    store = RecordCache(cache, today) if cache is not None else None
    parse_all, validate = cached(store, jobs)
    with collector.paused():
        try:
            loaded, problems = load_content(root, display_root, parse_all=parse_all)
            valid, validation_problems = validate_content(loaded, today=today, validate=validate)
        finally:
            if store is not None:
                store.close()
        problems += validation_problems
        site, link_problems = link_content(valid)
    problems += link_problems
    problems = sort_problems(problems)
    if has_errors(problems):
        return None, problems
    return site, problems


def make_media(
    site: Site, project: Project, options: RenderOptions | None = None, jobs: int | None = None
) -> Media:
    """The media stage (generator.media): record pictures and share cards, cached."""
    return prepare_media(site, project.content, project.cache, options, jobs=jobs or default_jobs())


def render_docs(
    site: Site,
    project: Project,
    options: RenderOptions | None = None,
    media: Media | None = None,
    *,
    state: RenderState | None = None,
    jobs: int = 1,
    changed: set[NodeKey] | None = None,
    with_data: bool = True,
    keep_files: Iterable[str] = (),
) -> tuple[Rendered, WriteReport]:
    """Render the Site and make the docs folder hold exactly its pages, files and media.

    With the ``state`` of the previous render (in memory, or saved in the project's cache
    when ``state`` is None), only the pages an edit touches are rendered again.  The
    preview passes ``changed`` (generator.recheck), and ``with_data=False`` with the data
    files to keep as they are (``keep_files``) until it refreshes them in the background.
    Pictures and share cards come from the media stage (``make_media`` when not given).
    """
    if media is None:
        media = make_media(site, project, options, jobs)
    saved = project.cache / "render-state.pickle"
    previous = state if state is not None else RenderState.load(saved)
    docs = project.docs
    rendered = render_site(
        site,
        project.templates,
        options,
        media,
        state=previous,
        exists=lambda path: (docs / path).is_file(),
        jobs=jobs,
        changed=changed,
        with_data=with_data,
    )
    rendered.problems = [*media.problems, *rendered.problems]
    report = write_tree(
        docs,
        rendered.all_files(),
        copies=published_copies(site, media),
        keep=[*rendered.kept, *keep_files],
    )
    if state is None:
        rendered.state.save(saved)
    return rendered, report


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def build(
    project: Project,
    site_dir: Path | None = None,
    *,
    jobs: int | None = None,
    search: bool = True,
    strict: bool = True,
    options: RenderOptions | None = None,
    today: dt.date | None = None,
) -> BuildReport:
    """Check, render, build and index the project; publish into ``site_dir`` (default site/)."""
    from generator.engine.driver import EngineError
    from generator.engine.driver import build as engine_build

    target = (site_dir or project.root / "site").resolve()
    report = BuildReport(target)
    jobs = jobs or default_jobs()
    with report.stage("load + validate + link"):
        site, problems = check_content(
            project.content, today=today, cache=project.record_cache, jobs=jobs
        )
    report.problems = problems
    if site is None:
        raise BuildError(format_text(problems))
    jobs = jobs or default_jobs()
    with report.stage("media"):
        media = make_media(site, project, options, jobs)
    with report.stage("render + write"):
        rendered, written = render_docs(site, project, options, media, jobs=jobs)
    report.problems = sort_problems([*problems, *rendered.problems])
    if has_errors(report.problems):
        raise BuildError(format_text(report.problems))
    report.docs_written = len(written.written)
    # The search index needs the Site, not the built pages: it is made alongside them, by a
    # process forked now (before the engine forks its workers, while this one has no other
    # thread), which mostly waits for Pagefind while the engine's workers build.
    indexer: multiprocessing.process.BaseProcess | None = None
    project.work_site.mkdir(parents=True, exist_ok=True)  # both write into it, first build too
    if search:
        indexer = multiprocessing.get_context("fork").Process(
            target=index_search,
            args=(site, project.work_site),
            kwargs={"key_file": project.cache / "search.key"},
            name="search-index",
        )
    else:
        shutil.rmtree(project.work_site / SEARCH_DIR, ignore_errors=True)
    with report.stage("build pages + index" if search else "build pages"):
        if indexer is not None:
            indexer.start()
        try:
            result = engine_build(
                project.config_file,
                project.docs,
                project.work_site,
                site.config,
                site.urls.base,
                rendered.generated,
                manifest=project.cache / "pages.json",
                jobs=jobs,
                strict=strict,
                keep=(SEARCH_DIR,),
            )
        except EngineError as exc:
            raise BuildError(str(exc)) from None
        finally:
            if indexer is not None:
                indexer.join()
    if indexer is not None and indexer.exitcode != 0:
        raise BuildError(t("build.search-failed", code=indexer.exitcode))
    report.warnings = result.warnings
    report.pages_built, report.pages_unchanged = result.built, result.unchanged
    with report.stage("publish"):
        publish(project.work_site, target)
    return report


#: The folder of the search bundle inside the site.
SEARCH_DIR = "pagefind"


def index_search(site: Site, site_dir: Path, *, key_file: Path | None = None) -> bool:
    """Index the Site's search documents into ``site_dir/pagefind``; False when skipped.

    With a ``key_file``, the documents' hash is kept there and an index built from the
    same documents (by the same code) is not built again.  The old bundle's files are
    unlinked, never rewritten in place (the published copy links to them).
    """
    from generator.incremental import code_version
    from generator.search import index_documents
    from generator.search_docs import search_documents

    docs = search_documents(site)
    key = hashlib.blake2b(
        repr((code_version(), docs)).encode("utf-8", "surrogatepass"), digest_size=16
    ).hexdigest()
    bundle = site_dir / SEARCH_DIR
    same = key_file is not None and key_file.is_file() and key_file.read_text("utf-8") == key
    if same and bundle.is_dir():
        return False
    if key_file is None:
        shutil.rmtree(bundle, ignore_errors=True)
        index_documents(docs, site_dir)
        return True
    # Pagefind bundles whose documents did not change are kept (one of five after a title
    # edit at 50,000 records).
    key_file.unlink(missing_ok=True)
    reuse = key_file.with_name(key_file.name + ".bundles.json")
    index_documents(docs, site_dir, reuse=reuse, salt=code_version())
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text(key, encoding="utf-8")
    return True


def index_project(project: Project, site_dir: Path) -> None:
    """Check the project's content and index it into ``site_dir`` (the preview's indexer)."""
    site, problems = check_content(project.content, cache=project.record_cache)
    if site is None:
        raise BuildError(format_text(problems))
    index_search(site, site_dir, key_file=site_dir.parent / "search.key")


def publish(work: Path, target: Path) -> None:
    """Make ``target`` a copy of ``work`` in one step: hard links, then a rename.

    The engine never writes into an existing output file (it unlinks first), so the
    links keep the published bytes even while the next build runs.  Folders left by an
    interrupted earlier publish are removed first.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}-build-*"):
        shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    try:
        for dirpath, _dirnames, names in os.walk(work):
            rel = Path(dirpath).relative_to(work)
            (tmp / rel).mkdir(parents=True, exist_ok=True)
            for name in names:
                source = Path(dirpath, name)
                try:
                    os.link(source, tmp / rel / name)
                except OSError:
                    shutil.copy2(source, tmp / rel / name)
        old = target.with_name(f".{target.name}-build-old")
        if target.exists():
            target.rename(old)
        tmp.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
