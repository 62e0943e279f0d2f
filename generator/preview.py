"""The preview server: one build per save, only the changed pages, errors shown in the page.

``showcase serve`` builds the site once into a temporary folder, serves it over HTTP and
watches ``content/``, the templates and ``mkdocs.yml``.  A save starts one build:

- the content is checked (all problems, as ``showcase validate`` finds them); if there is
  an error, nothing is rebuilt and every page shows an overlay listing the problems
  (``file:line:col``, field, message) until the file is fixed;
- otherwise only the pages the edit touches are rendered again (generator.incremental,
  with the render state kept in memory) and built again by an engine session kept alive
  between saves (generator.engine.driver.Session);
- the own pages of the records edited or added are built and published first, then the
  rest of the site (listings, pages that show them);
- the page in the browser reloads itself: every HTML page served gets one small script,
  ``/__showcase/preview.js``, which long-polls ``/__showcase/status`` and reloads when a
  build since the page was loaded rebuilt it (the status lists the last builds' pages);
- the search index is refreshed in the background, a few seconds after the last build,
  in a child process that stopping the server also stops.

SIGINT and SIGTERM stop the server, the watcher, the indexer and remove the temporary
folder.  Messages for the editor go through ``say`` (the CLI prints them, in Vietnamese).
"""

from __future__ import annotations

import contextlib
import gc
import http.server
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.i18n import language, t
from generator.incremental import NodeKey, RenderState
from generator.media import Media
from generator.pipeline import SEARCH_DIR, Project, default_jobs, make_media, render_docs
from generator.problems import Problem, has_errors
from generator.recheck import Checker
from generator.urls import docs_path
from generator.vietnamese import format_count
from generator.write import write_files

#: Files an editor's tools write beside the real ones while saving.
_IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~", ".crdownload", ".part")
#: Quiet time after the last change before a build starts (editors save in bursts).
DEBOUNCE = 0.15
#: Quiet time after the last build before the search index is refreshed.
SEARCH_DELAY = 3.0
STATUS_PATH = "/__showcase/status"
#: Builds the status remembers (a page that missed more reloads anyway).
HISTORY = 20
#: Records saved at once whose own pages are built before the rest (a branch switch or an
#: import of hundreds goes straight to the full pass).
FIRST_MAX = 20
SCRIPT_PATH = "/__showcase/preview.js"
_SCRIPT_FILE = Path(__file__).with_name("preview.js")
_INJECT = f'<script src="{SCRIPT_PATH}" defer></script>'.encode()


def _seconds(value: float) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if language() == "vi" else text


@dataclass
class Status:
    build: int = 0  # successful builds so far: a page reloads when this grows
    version: int = 0  # every change of this status, for the long poll
    ok: bool = True
    problems: list[dict[str, Any]] = field(default_factory=list)
    search: str = "off"  # off | stale | updating | fresh
    #: The last builds: {"build": n, "pages": URL paths built, or None for every page}.  A
    #: page reloads only when a build since its own rebuilt it (preview.js).
    history: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> bytes:
        data = {
            "build": self.build,
            "version": self.version,
            "ok": self.ok,
            "problems": self.problems,
            "search": self.search,
            "history": self.history,
        }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "where": f"{problem.path}:{problem.line}:{problem.col}",
        "field": problem.field,
        "message": problem.message,
        "severity": problem.severity.value,
        "code": problem.code,
        "text": problem.format(),
    }


class Preview:
    def __init__(
        self,
        project: Project,
        *,
        jobs: int | None = None,
        search: bool = True,
        say: Callable[[str], None] = lambda text: None,
    ) -> None:
        self.project = project
        self.jobs = jobs or default_jobs()
        self.search = search
        self.say = say
        self.tmp: Path | None = None
        self.site_dir = Path()
        self.status = Status(search="stale" if search else "off")
        self.changed = threading.Condition()
        self.state: RenderState | None = None
        self.session: Any = None
        self.theme_stamp: tuple[float, ...] = ()
        self.dirty_since: float | None = None
        self.stopping = threading.Event()
        self.indexer: subprocess.Popen[bytes] | None = None
        #: The process computing the data files, while it runs.
        self.data_child: _Forked | None = None
        self.last_build = 0.0
        #: Builds and background refreshes take turns with the engine session and the Site.
        self.lock = threading.Lock()
        self.checker = Checker(project.content, project.record_cache)
        self.site: Any = None
        #: The last build's pictures and cards (the edited record's page is built with them).
        self.media: Media | None = None
        #: Docs paths of the data files, kept as they are by builds between refreshes.
        self.data_files: set[str] = set()
        self.data_stale = False

    # -- building --------------------------------------------------------------------------
    def _theme_stamp(self) -> tuple[float, ...]:
        """Modification times of what the engine session holds in memory (theme, config)."""
        overrides = self.project.root / "site_templates" / "overrides"
        stamps = [self.project.config_file.stat().st_mtime]
        stamps += [p.stat().st_mtime for p in sorted(overrides.rglob("*")) if p.is_file()]
        return tuple(stamps)

    def _publish(self, **changes: Any) -> None:
        with self.changed:
            for key, value in changes.items():
                setattr(self.status, key, value)
            self.status.version += 1
            self.changed.notify_all()

    def _built(self, pages: list[str] | None, problems: list[Problem]) -> None:
        """Publish a successful build of ``pages`` (URL paths; None: every page)."""
        build = self.status.build + 1
        history = [*self.status.history, {"build": build, "pages": pages}][-HISTORY:]
        self._publish(
            build=build,
            ok=True,
            problems=[_problem(p) for p in problems],
            search="stale" if self.search else "off",
            history=history,
        )

    def rebuild(self) -> None:
        """Check, render the changed pages and build them; or show the problems."""
        with self.lock:
            self._rebuild()
            _settle_memory()

    def _rebuild(self) -> None:
        from generator.engine.driver import EngineError, Session, build_pages

        start = time.perf_counter()
        project = self.project
        checked = self.checker.check()
        site, problems = checked.site, checked.problems
        if site is None:
            self._fail(problems)
            return
        first = self.status.build == 0
        stamp = self._theme_stamp()
        same_session = (
            self.session is not None
            and stamp == self.theme_stamp
            and self.session.settings == site.config
        )
        touched, gone = checked.touched or set(), checked.gone or set()
        some = 0 < len(touched) + len(gone) <= FIRST_MAX
        if some and same_session and self.media is not None:
            self._show_first(site, touched, gone, problems)
        media = make_media(site, project, jobs=self.jobs)
        rendered, written = render_docs(
            site,
            project,
            media=media,
            state=self.state,
            jobs=self.jobs,
            changed=checked.changed,
            with_data=first,
            keep_files=self.data_files,
        )
        if has_errors(rendered.problems):
            self._fail([*problems, *rendered.problems])
            return
        self.state = rendered.state
        self.site = site
        self.media = media
        if first:
            self.data_files = set(rendered.files)
        pages: list[str] | None = None
        try:
            # site.yml's title, tagline, palette and URLs live in the engine's config: a change
            # to them is a new session, and every page built again.
            if not same_session:
                self.session = Session(
                    project.config_file,
                    project.docs,
                    self.site_dir,
                    site.config,
                    site.urls.base,
                    rendered.generated,
                    strict=False,
                )
                self.theme_stamp = stamp
                uris = [f.src_uri for f in self.session.doc_files]
                self.session.build_static()
                # Files the previous session built for docs files that are gone since.
                self.session.remove_stale(keep=(SEARCH_DIR,))
            else:
                uris = self.session.update(written.written, written.deleted, rendered.generated)
                pages = self.session.url_paths(uris)
            built, _ = build_pages(self.session, uris, self.jobs)
        except EngineError as exc:
            self._fail([], str(exc))
            return
        took = time.perf_counter() - start
        self.last_build = time.monotonic()
        self._built(pages, problems)
        self.data_stale = not first
        key = "preview.first-build" if first else "preview.build"
        self.say(t(key, count=format_count(built), seconds=_seconds(took)))

    def _show_first(
        self, site: Any, changed: set[NodeKey], gone: set[NodeKey], problems: list[Problem]
    ) -> None:
        """Build and publish the edited records' own pages before the rest of the site.

        At 10,000 records planning every page and finding what changed takes a few seconds;
        the page the editor is looking at (or has just added) needs only its own record.
        The full pass that follows renders it again, finds the same bytes and leaves it
        alone, and updates the listings and other pages that show the record.  The pages
        of deleted records go at once (their address answers "not found").
        """
        from generator.engine.driver import EngineError, build_pages
        from generator.media import with_cards
        from generator.pages import Planner
        from generator.render import PageWriter

        assert self.media is not None and self.session is not None

        def own_pages(site: Any, keys: set[NodeKey]) -> list[Any]:
            planner = Planner(site)
            nodes = [site.node(*key) for key in sorted(keys)]
            return [planner.record_pages(n.spec, n)[0] for n in nodes if n and n.published]

        project = self.project
        removed = []
        if gone and self.site is not None:  # the Site the deleted records were last built from
            for plan in own_pages(self.site, gone):
                rel = docs_path(plan.url)
                if (project.docs / rel).is_file():
                    (project.docs / rel).unlink()
                    removed.append(rel)
        plans = own_pages(site, changed)
        written: list[str] = []
        if plans:
            media = with_cards(site, project.content, project.cache, plans, self.media)
            writer = PageWriter(site, project.templates, media)
            files = {docs_path(plan.url): writer.page(plan) for plan in plans}
            for plan in plans:
                card = media.cards.get(plan.url)
                if card is not None and card.path not in self.media.files:
                    files[card.path] = media.files[card.path].read_bytes()
            written = write_files(project.docs, files)
        if not written and not removed:
            return
        gone_paths = self.session.url_paths(removed)
        try:
            # A new record's page is generated HTML like the others (no Markdown pass).
            generated = self.session.generated | {docs_path(plan.url) for plan in plans}
            uris = self.session.update(written, removed, generated)
            build_pages(self.session, uris, 1)
        except EngineError:
            return  # the full pass reports it
        self._built(sorted([*self.session.url_paths(uris), *gone_paths]), problems)

    def refresh_data(self) -> None:
        """Write the data files (open data, feeds, redirects) again, after builds are quiet.

        At 10,000 records they take seconds to compute, and an edit saved meanwhile must
        not wait for them: they are computed in a process forked from a snapshot of the
        Site, and only written (under the lock, briefly) if no build ran in between.
        Otherwise they stay stale and are computed again once builds are quiet.
        """
        from generator.render import data_files

        with self.lock:
            if self.site is None or self.session is None or not self.status.ok:
                return
            site, since = self.site, self.last_build
            self.data_child = _Forked(data_files, site)
        try:
            files: dict[str, bytes] = self.data_child.result()
        finally:
            self.data_child = None
        with self.lock:
            if self.site is not site or self.last_build != since or not self.status.ok:
                return
            changed = []
            for rel, data in files.items():
                target = self.project.docs / rel
                if not target.is_file() or target.read_bytes() != data:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    changed.append(rel)
            gone = sorted(self.data_files - set(files))
            for rel in gone:
                (self.project.docs / rel).unlink(missing_ok=True)
            self.data_files = set(files)
            self.session.update(changed, gone, self.session.generated)
            self.data_stale = False

    def _fail(self, problems: list[Problem], detail: str = "") -> None:
        shown = [_problem(p) for p in problems]
        if detail:
            shown.append(
                {
                    "where": "",
                    "field": "",
                    "message": detail,
                    "severity": "error",
                    "code": "",
                    "text": detail,
                }
            )
        errors = sum(1 for p in shown if p["severity"] == "error")
        self._publish(ok=False, problems=shown)
        self.say(t("preview.failed", count=format_count(errors)))
        for item in shown:
            if item["severity"] == "error":
                self.say("  " + item["text"])

    # -- search in the background ------------------------------------------------------------
    def _index_later(self) -> None:
        """Refresh the data files and the search index once builds have been quiet a moment."""
        while not self.stopping.wait(0.5):
            if time.monotonic() - self.last_build < SEARCH_DELAY or not self.status.ok:
                continue
            if self.data_stale:
                try:
                    self.refresh_data()
                except Exception as exc:
                    self.say(t("preview.data-failed", detail=f"{type(exc).__name__}: {exc}"))
                    self.last_build = time.monotonic() + 60  # do not retry at once
                    continue
            if self.status.search != "stale" or not self.search:
                continue
            self._publish(search="updating")
            start = time.perf_counter()
            # A child process in its own group: stopping the preview stops Pagefind too.
            self.indexer = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "import sys; from pathlib import Path; "
                    "from generator.pipeline import Project, index_project; "
                    "index_project(Project.at(Path(sys.argv[1])), Path(sys.argv[2]))",
                    str(self.project.root),
                    str(self.site_dir),
                ],
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            _, err = self.indexer.communicate()
            code, self.indexer = self.indexer.returncode, None
            if self.stopping.is_set():
                return
            if code == 0:
                if self.status.search == "updating":
                    self._publish(search="fresh")
                self.say(t("preview.search-done", seconds=_seconds(time.perf_counter() - start)))
            else:
                self._publish(search="stale")
                self.say(t("preview.search-failed", detail=err.decode(errors="replace")[-300:]))
                self.last_build = time.monotonic() + 60  # do not retry at once

    # -- watching ------------------------------------------------------------------------------
    def _watch(self) -> Any:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        preview = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                path = str(event.src_path)
                if event.is_directory and event.event_type == "modified":
                    return
                if path.endswith(_IGNORED_SUFFIXES) or "/." in path.replace(os.sep, "/"):
                    return
                if event.event_type in ("opened", "closed_no_write"):
                    return
                with preview.changed:
                    preview.dirty_since = time.monotonic()
                    preview.changed.notify_all()

        observer = Observer()
        handler = Handler()
        root = self.project.root
        for folder in (self.project.content, root / "site_templates"):
            if folder.is_dir():
                observer.schedule(handler, str(folder), recursive=True)
        observer.schedule(handler, str(root), recursive=False)
        observer.start()
        return observer

    def _builder(self) -> None:
        while not self.stopping.is_set():
            with self.changed:
                while self.dirty_since is None and not self.stopping.is_set():
                    self.changed.wait(0.5)
                if self.stopping.is_set():
                    return
                assert self.dirty_since is not None
                quiet = DEBOUNCE - (time.monotonic() - self.dirty_since)
                if quiet > 0:
                    self.changed.wait(quiet)
                    continue
                self.dirty_since = None
            try:
                self.rebuild()
            except Exception as exc:
                self._fail([], f"{type(exc).__name__}: {exc}")

    # -- serving -------------------------------------------------------------------------------
    def handler_class(self) -> type[http.server.SimpleHTTPRequestHandler]:
        preview = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, directory=str(preview.site_dir), **kwargs)

            def log_message(self, format: str, *args: Any) -> None:
                return  # the editor's terminal shows builds, not requests

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                if url.path == STATUS_PATH:
                    self._status(urllib.parse.parse_qs(url.query))
                elif url.path == SCRIPT_PATH:
                    self._send(_SCRIPT_FILE.read_bytes(), "text/javascript; charset=utf-8")
                else:
                    self._file(url.path)

            def _send(self, body: bytes, kind: str, code: int = 200) -> None:
                self.send_response(code)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def _status(self, query: dict[str, list[str]]) -> None:
                since = int((query.get("since") or ["-1"])[0] or -1)
                deadline = time.monotonic() + 20
                with preview.changed:
                    while preview.status.version <= since and time.monotonic() < deadline:
                        if preview.stopping.is_set():
                            break
                        preview.changed.wait(0.5)
                    body = preview.status.as_json()
                self._send(body, "application/json; charset=utf-8")

            def _file(self, path: str) -> None:
                local = Path(self.translate_path(path))
                if local.is_dir():
                    if not path.endswith("/"):
                        self.send_response(301)
                        self.send_header("Location", path + "/")
                        self.end_headers()
                        return
                    local = local / "index.html"
                if local.suffix == ".html" and local.is_file():
                    body = local.read_bytes()
                    head, sep, tail = body.rpartition(b"</body>")
                    body = head + _INJECT + sep + tail if sep else body + _INJECT
                    self._send(body, "text/html; charset=utf-8")
                    return
                if not local.exists():
                    missing = preview.site_dir / "404.html"
                    body = missing.read_bytes() + _INJECT if missing.is_file() else b""
                    self._send(body, "text/html; charset=utf-8", 404)
                    return
                super().do_GET()

        return Handler

    def serve(self, host: str, port: int) -> None:
        """Build, then serve until SIGINT or SIGTERM; always clean up."""
        server = _Server((host, port), self.handler_class())
        server.daemon_threads = True
        # Only once the port is ours: a refused address leaves nothing behind.
        self.tmp = Path(tempfile.mkdtemp(prefix="showcase-preview-"))
        self.site_dir = self.tmp / "site"
        threads: list[threading.Thread] = []
        observer = None

        def stop(signum: int, frame: Any) -> None:
            self.stopping.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            self.say(t("preview.serving", url=f"http://{host}:{server.server_address[1]}/"))
            try:
                self.rebuild()
            except Exception as exc:
                self._fail([], f"{type(exc).__name__}: {exc}")
            observer = self._watch()
            threads = [
                threading.Thread(target=self._builder, daemon=True),
                threading.Thread(target=self._index_later, daemon=True),
            ]
            for thread in threads:
                thread.start()
            server.serve_forever(poll_interval=0.2)
        finally:
            self.stopping.set()
            with self.changed:
                self.changed.notify_all()
            if self.indexer is not None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self.indexer.pid, signal.SIGTERM)
            if self.data_child is not None:
                self.data_child.stop()
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)
            for thread in threads:
                thread.join(timeout=10)
            server.server_close()
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self.say(t("preview.stopped"))


class _Forked:
    """``function(*args)`` in a process forked now, which sees this one's memory as it is."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)

        def run() -> None:
            try:
                send.send((True, function(*args)))
            except BaseException as exc:  # the parent raises it
                send.send((False, exc))

        self._process = context.Process(target=run, daemon=True)
        self._process.start()
        send.close()

    def result(self) -> Any:
        try:
            ok, value = self._receive.recv()
        except EOFError:
            raise ChildProcessError(f"exit code {self._process.exitcode}") from None
        finally:
            self._receive.close()
            self._process.join()
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that leaves a page cuts its waiting status request: not worth a traceback
        in the editor's terminal.  Anything else is still reported."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def _settle_memory() -> None:
    """Collect the last build's garbage once, then freeze what is left.

    The Site, the render state and the engine session are millions of long-lived objects;
    without this, the collector's full passes walk them all during the next build (about a
    second at 10,000 records).  Run after the page is published, so nobody waits for it.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
