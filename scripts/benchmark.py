"""Benchmark: build and search N synthetic records, stage by stage (issue 4, item 7).

Usage::

    python scripts/benchmark.py --records 1000 10000 [--keep DIR] [--seed 1] [--repeats 3]
                                [--no-browser] [--json FILE]

For each N it generates a content folder with ``scripts/synth.py`` into a temporary
project (``mkdocs.yml`` and ``site_templates/`` copied from the repository), then
runs each stage in a child process of its own and reports wall seconds and the
child's peak resident memory (``getrusage``; for the Pagefind stage also the peak of
the ``pagefind`` binary the Python API spawns):

1. load + validate + link     ``generator.pipeline.check_content``
2. render + write             ``render_site`` + ``extra_files`` + ``write_tree`` (after a check, timed apart)
3. MkDocs build               ``generator.build.build_site(search=False)``; the plugin's own
                              validate and render are timed apart, so "MkDocs proper" is shown too
4. search index               ``generator.search.index_documents`` (search documents of the Site)

then output and index sizes, and, in Chromium driven by Playwright against the site
served by ``python -m http.server`` on 127.0.0.1, what a first (cold) and a second
(warm) query cost through Pagefind's JS API: milliseconds to the first ten results'
data, bytes and requests, split into ``init`` (loading the index: entry, WASM,
metadata) and the query itself (index chunks, filters, fragments).  When the
site's header search (``[data-sk-search-input]``) exists, the same is measured
through it (its 180 ms debounce included).

This is a script, not a test: figures depend on the machine and its load (printed).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULT_TAG = "BENCH_RESULT "
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COMMON_QUERY = "sáng kiến"
#: The options site_templates/overrides/assets/javascripts/showcase-search.js passes
#: to Pagefind (baseUrl is set to the served root here).
PAGEFIND_OPTIONS: dict[str, Any] = {
    "baseUrl": "/",
    "excerptLength": 26,
    "ranking": {
        "diacriticSimilarity": 1.5,
        "metaWeights": {"title": 5.0, "folded": 0.5, "kind": 0.0, "year": 0.0},
    },
}
#: Content folder → URL folder of a record page (design §3).
RECORD_FOLDERS = {
    "initiatives": "sang-kien",
    "people": "ca-nhan",
    "units": "don-vi",
    "awards": "khen-thuong",
    "events": "su-kien",
    "campaigns": "chuong-trinh",
}


def _synth() -> ModuleType:
    module = sys.modules.get("showcase_synth")
    if module is None:
        spec = importlib.util.spec_from_file_location("showcase_synth", REPO / "scripts/synth.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["showcase_synth"] = module
        spec.loader.exec_module(module)
    return module


# =========================================================================== child stages


def _usage() -> dict[str, float]:
    """Peak RSS (MB; Linux reports KB) and CPU seconds of this process and its reaped children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "rss_mb": own.ru_maxrss / 1024,
        "children_rss_mb": children.ru_maxrss / 1024,
        "cpu_s": own.ru_utime + own.ru_stime,
        "children_cpu_s": children.ru_utime + children.ru_stime,
    }


def _stage_validate(project: Path) -> dict[str, Any]:
    from generator.pipeline import check_content

    started = time.perf_counter()
    site, problems = check_content(project / "content")
    seconds = time.perf_counter() - started
    errors = [p for p in problems if p.severity.value == "error"]
    return {
        "seconds": seconds,
        "errors": len(errors),
        "warnings": len(problems) - len(errors),
        "first_errors": [p.format() for p in errors[:5]],
        "ok": site is not None,
    }


def _stage_render(project: Path) -> dict[str, Any]:
    from generator.generate import Project, extra_files
    from generator.pipeline import check_content
    from generator.render import render_site
    from generator.write import write_tree

    paths = Project.at(project)
    started = time.perf_counter()
    site, _ = check_content(paths.content)
    check_seconds = time.perf_counter() - started
    if site is None:
        raise SystemExit("content has errors")
    started = time.perf_counter()
    files = render_site(site, paths.templates)
    files.update(extra_files(site))
    render_seconds = time.perf_counter() - started
    started = time.perf_counter()
    report = write_tree(paths.docs, files, copies=site.media_sources)
    write_seconds = time.perf_counter() - started
    return {
        "seconds": render_seconds + write_seconds,
        "check_seconds": check_seconds,
        "render_seconds": render_seconds,
        "write_seconds": write_seconds,
        "pages": len(files),
        "markdown_bytes": sum(len(b) for b in files.values()),
        "written": len(report.written),
    }


def _stage_mkdocs(project: Path) -> dict[str, Any]:
    import generator.build as build_module

    timings: dict[str, float] = {}

    def timed(owner: Any, name: str, key: str) -> None:
        original = getattr(owner, name, None)
        if original is None:
            return

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                timings[key] = timings.get(key, 0.0) + time.perf_counter() - started

        setattr(owner, name, wrapper)

    # Time the generator's own work inside the build, to show MkDocs proper apart.
    timed(build_module, "check_content", "pre_check")
    try:
        from generator.mkdocs_plugin import ShowcasePlugin

        timed(ShowcasePlugin, "on_config", "plugin_on_config")
        timed(ShowcasePlugin, "on_pre_build", "plugin_on_pre_build")
        timed(ShowcasePlugin, "on_page_context", "plugin_on_page_context")
    except ImportError:
        pass
    started = time.perf_counter()
    result = build_module.build_site(project, site_dir=project / "site", strict=False, search=False)
    seconds = time.perf_counter() - started
    generator_part = sum(
        timings.get(k, 0.0) for k in ("pre_check", "plugin_on_config", "plugin_on_pre_build")
    )
    return {
        "seconds": seconds,
        "timings": timings,
        "mkdocs_proper_seconds": seconds - generator_part,
        "warnings": len(result.warnings),
        "first_warnings": result.warnings[:5],
    }


def _stage_pagefind(project: Path) -> dict[str, Any]:
    from generator.pipeline import check_content
    from generator.search import index_documents
    from generator.search_docs import search_documents

    site, _ = check_content(project / "content")
    assert site is not None
    started = time.perf_counter()
    report = index_documents(search_documents(site), project / "site")
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "pages": report.pages,
        "html_files": report.pages,
        "files": report.files,
        "bytes": report.bytes_written,
    }


STAGES = {
    "validate": _stage_validate,
    "render": _stage_render,
    "mkdocs": _stage_mkdocs,
    "pagefind": _stage_pagefind,
}
STAGE_LABELS = {
    "synth": "generate synthetic content",
    "validate": "load + validate + link",
    "render": "render + write Markdown",
    "mkdocs": "MkDocs build (search=False)",
    "pagefind": "Pagefind index",
}


def run_child_stage(name: str, project: Path) -> None:
    """Entry point of a child process: run one stage, print its result as one JSON line."""
    result = STAGES[name](project)
    result.update(_usage())
    print(RESULT_TAG + json.dumps(result, ensure_ascii=False, default=str), flush=True)


# =========================================================================== parent


@dataclass
class StageResult:
    name: str
    wall: float
    load_before: float
    load_after: float
    data: dict[str, Any] = field(default_factory=dict)


def run_stage(name: str, project: Path) -> StageResult:
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--stage", name, "--project", str(project)],
        capture_output=True,
        text=True,
        cwd=project,
    )
    wall = time.perf_counter() - started
    lines = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_TAG)]
    if proc.returncode != 0 or not lines:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"stage {name} failed with exit status {proc.returncode}")
    data = json.loads(lines[-1][len(RESULT_TAG) :])
    return StageResult(name, wall, load_before, os.getloadavg()[0], data)


def make_project(target: Path, records: int, seed: int) -> tuple[Any, float]:
    """A project folder like the repository's, with synthetic content."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "site_templates", target / "site_templates")
    (target / "docs_generated").mkdir(exist_ok=True)
    started = time.perf_counter()
    report = _synth().generate_content(target / "content", records=records, seed=seed)
    return report, time.perf_counter() - started


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def output_sizes(project: Path) -> dict[str, Any]:
    site = project / "site"
    total, count = tree_size(site)
    html = list(site.rglob("*.html"))
    record_pages: dict[str, list[int]] = {}
    content = project / "content"
    for folder, url in RECORD_FOLDERS.items():
        sizes = []
        for yml in (content / folder).rglob("*.yml"):
            page = site / url / yml.stem / "index.html"
            if page.is_file():
                sizes.append(page.stat().st_size)
        record_pages[url] = sizes
    all_sizes = [s for sizes in record_pages.values() for s in sizes]
    initiative_sizes = record_pages["sang-kien"]
    bundle = site / "pagefind"
    parts: dict[str, tuple[int, int]] = {}
    if bundle.is_dir():
        for path in bundle.rglob("*"):
            if not path.is_file():
                continue
            rel = path.relative_to(bundle)
            key = rel.parts[0] + "/" if len(rel.parts) > 1 else _category(path.name)
            size, n = parts.get(key, (0, 0))
            parts[key] = (size + path.stat().st_size, n + 1)
    index_bytes, index_files = tree_size(bundle) if bundle.is_dir() else (0, 0)
    lunr = [str(p.relative_to(site)) for p in site.rglob("search_index.json")]
    return {
        "site_bytes": total,
        "site_files": count,
        "html_files": len(html),
        "record_pages": len(all_sizes),
        "record_page_avg": statistics.mean(all_sizes) if all_sizes else 0,
        "initiative_page_avg": statistics.mean(initiative_sizes) if initiative_sizes else 0,
        "index_bytes": index_bytes,
        "index_files": index_files,
        "index_parts": parts,
        "lunr_files": lunr,
    }


def _category(name: str) -> str:
    if name.endswith(".pf_index"):
        return "index/"
    if name.endswith(".pf_fragment"):
        return "fragment/"
    if name.endswith(".pf_filter"):
        return "filter/"
    if name.endswith(".pf_meta"):
        return "meta (.pf_meta)"
    if name.startswith("wasm."):
        return "wasm"
    if name == "pagefind-entry.json":
        return "pagefind-entry.json"
    if name.endswith(".js"):
        return "pagefind*.js"
    if name.endswith(".css"):
        return "ui css"
    return "other"


# =========================================================================== browser


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("http.server did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Recorder:
    """Requests of one page, grouped by phase (init, query 1, query 2…)."""

    def __init__(self, page: Any, base: str, site: Path) -> None:
        self.page = page
        self.base = base
        self.site = site
        self.phase: str | None = None
        self.started = 0
        self.ended = 0
        self.requests: dict[str, list[Any]] = {}
        page.on("request", self._on_request)
        page.on("requestfinished", self._on_end)
        page.on("requestfailed", self._on_end)

    def _on_request(self, request: Any) -> None:
        self.started += 1
        if self.phase is not None:
            self.requests.setdefault(self.phase, []).append(request)

    def _on_end(self, request: Any) -> None:
        self.ended += 1

    def settle(self, quiet: float = 0.4, timeout: float = 15.0) -> None:
        """Wait until no request is pending and none has started for ``quiet`` seconds.

        Pagefind's ``init()`` can resolve before its Web Worker has fetched the WASM
        and the metadata; waiting here puts those into ``init``, not into the query.
        """
        deadline = time.monotonic() + timeout
        seen, since = self.started, time.monotonic()
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            if self.started != seen:
                seen, since = self.started, time.monotonic()
            elif self.ended >= self.started and time.monotonic() - since >= quiet:
                return

    def _gzip_size(self, url: str, body: int) -> int:
        """Body size a server with gzip would send (Pagefind's own files are gzip already)."""
        if not url.startswith(self.base):
            return body
        rel = url[len(self.base) :].split("?")[0].lstrip("/")
        path = self.site / (rel + "index.html" if rel.endswith("/") or not rel else rel)
        if not path.is_file():
            return body
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            return body
        return min(body, len(gzip.compress(data, 6)))

    def summary(self, phase: str) -> dict[str, Any]:
        files: list[dict[str, Any]] = []
        for request in self.requests.get(phase, []):
            try:
                sizes = request.sizes()
                body = int(sizes["responseBodySize"])
                headers = int(sizes["responseHeadersSize"])
            except Exception:  # failed request or no response
                body, headers = 0, 0
            url = request.url
            from_disk = False
            if body == 0 and url.startswith(self.base):
                # Chromium reports no body size for a Web Worker's script (pagefind-worker.js);
                # the server sends the file as it is on disk.
                rel = url[len(self.base) :].split("?")[0].lstrip("/")
                path = self.site / (rel + "index.html" if rel.endswith("/") or not rel else rel)
                if path.is_file():
                    body, from_disk = path.stat().st_size, True
            files.append(
                {
                    "url": url,
                    "category": _category(url.rsplit("/", 1)[-1].split("?")[0]),
                    "body": body,
                    "bytes": body + headers,
                    "gzip_bytes": self._gzip_size(url, body) + headers,
                    "size_from_disk": from_disk,
                }
            )
        by_category: dict[str, list[int]] = {}
        for entry in files:
            slot = by_category.setdefault(entry["category"], [0, 0])
            slot[0] += entry["bytes"]
            slot[1] += 1
        return {
            "requests": len(files),
            "bytes": sum(f["bytes"] for f in files),
            "gzip_bytes": sum(f["gzip_bytes"] for f in files),
            "body_bytes": sum(f["body"] for f in files),
            "by_category": by_category,
            "files": files,
        }


_INIT_JS = """
async (opts) => {
  const t0 = performance.now();
  const pf = await import("/pagefind/pagefind.js");
  await pf.options(opts);
  await pf.init();
  window.__benchPagefind = pf;
  return performance.now() - t0;
}
"""

_QUERY_JS = """
async (q) => {
  const pf = window.__benchPagefind;
  const t0 = performance.now();
  const search = await pf.search(q);
  const t1 = performance.now();
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  const t2 = performance.now();
  return {
    search_ms: t1 - t0,
    data_ms: t2 - t1,
    total_ms: t2 - t0,
    results: search.results.length,
    unfiltered: search.unfilteredResultCount,
    // One entry per merged bundle (Pagefind returns a list when it searches several).
    timings: [].concat(search.timings || []),
    top: data.slice(0, 3).map((d) => d.url),
  };
}
"""

#: The site's measuring hook (showcase-search.js): the header's code path without the DOM.
_HOOK_JS = """
async (q) => {
  const hook = window.showcaseSearch;
  if (!hook || !hook.search) return null;
  const t0 = performance.now();
  const r = await hook.search(q);
  return {
    ms: performance.now() - t0,
    hook_ms: r.ms,
    results: r.results.length,
    total: r.total,
    approximate: !!r.approximate,
    source: r.source || "",
    top: r.results.slice(0, 3).map((x) => x.url),
  };
}
"""

#: Type ``q`` into the header search (or, with ``q`` null, press the button shown in the
#: result list, e.g. "Vẫn tìm") and wait until the search has settled: the output is no
#: longer busy and, when the status announces results, the first result is rendered.
_UI_JS = """
async (q) => {
  const input = document.querySelector("[data-sk-search-input]");
  const list = document.querySelector("[data-sk-search-results]");
  const status = document.querySelector("[data-sk-search-status]");
  const output = document.querySelector("[data-sk-search-output]") || list;
  if (!input || !list) return null;
  const busy = () => output.getAttribute("aria-busy") === "true";
  // "9.927 kết quả", "Khoảng 9.927 kết quả"; not "Không tìm thấy kết quả".
  const announcesResults = () => /\\d\\s*kết quả/.test(status ? status.textContent : "");
  let sawBusy = false;
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    const finish = (timedOut) => {
      clearTimeout(timer);
      obs.disconnect();
      resolve({
        ms: performance.now() - t0,
        timed_out: timedOut,
        results: list.querySelectorAll(".sk-result").length,
        items: list.querySelectorAll("li").length,
        status: status ? status.textContent.trim() : "",
        buttons: Array.from(list.querySelectorAll("button")).map((b) => b.textContent.trim()),
      });
    };
    const timer = setTimeout(() => finish(true), 90000);
    const check = () => {
      if (busy()) { sawBusy = true; return; }
      if (!sawBusy) return;
      if (!announcesResults() || list.querySelector(".sk-result")) finish(false);
    };
    const obs = new MutationObserver(check);
    obs.observe(output, { childList: true, subtree: true, attributes: true, characterData: true });
    if (status && status !== output && !output.contains(status)) {
      obs.observe(status, { childList: true, subtree: true, characterData: true });
    }
  });
  if (q === null) {
    const button = list.querySelector("button");
    if (!button) return null;
    button.click();
  } else {
    input.focus();
    input.value = q;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  return await done;
}
"""


def browser_measurements(
    base: str, site: Path, record_url: str, rare: str, repeats: int, options: dict[str, Any]
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {"api": {}, "hook": {}, "ui": {}}
    orders = [(rare, COMMON_QUERY), (COMMON_QUERY, rare)]
    results["load_before"] = os.getloadavg()[0]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for first, second in orders:
                runs: list[dict[str, Any]] = []
                for _ in range(repeats):
                    context = browser.new_context()
                    page = context.new_page()
                    recorder = Recorder(page, base, site)
                    page.goto(f"{base}/{record_url}", wait_until="load")
                    page.wait_for_load_state("networkidle")
                    recorder.settle()
                    run: dict[str, Any] = {}
                    recorder.phase = "init"
                    run["init_ms"] = page.evaluate(_INIT_JS, options)
                    recorder.settle()
                    for phase, query in (("cold", first), ("warm", second)):
                        recorder.phase = phase
                        run[phase] = page.evaluate(_QUERY_JS, query)
                        recorder.settle()
                        run[phase]["query"] = query
                    recorder.phase = None
                    for phase in ("init", "cold", "warm"):
                        run[f"{phase}_net"] = recorder.summary(phase)
                    runs.append(run)
                    context.close()
                results["api"][f"{first} → {second}"] = runs
            # The site's measuring hook, if this build has it.
            for first, second in orders:
                hook_runs: list[dict[str, Any]] = []
                for _ in range(repeats):
                    context = browser.new_context()
                    page = context.new_page()
                    recorder = Recorder(page, base, site)
                    page.goto(f"{base}/{record_url}", wait_until="load")
                    page.wait_for_load_state("networkidle")
                    recorder.settle()
                    if not page.evaluate(
                        "() => !!(window.showcaseSearch && window.showcaseSearch.search)"
                    ):
                        context.close()
                        break
                    hook_run: dict[str, Any] = {}
                    for phase, query in (("cold", first), ("warm", second)):
                        recorder.phase = phase
                        hook_run[phase] = page.evaluate(_HOOK_JS, query) or {}
                        recorder.settle()
                        hook_run[phase]["query"] = query
                        hook_run[f"{phase}_net"] = recorder.summary(phase)
                    recorder.phase = None
                    hook_runs.append(hook_run)
                    context.close()
                if hook_runs:
                    results["hook"][f"{first} → {second}"] = hook_runs
            # The site's own header search, if this build has it.
            for first, second in orders:
                ui_runs: list[dict[str, Any]] = []
                for _ in range(repeats):
                    context = browser.new_context()
                    page = context.new_page()
                    recorder = Recorder(page, base, site)
                    page.goto(f"{base}/{record_url}", wait_until="load")
                    page.wait_for_load_state("networkidle")
                    recorder.settle()
                    if page.query_selector("[data-sk-search-input]") is None:
                        context.close()
                        break
                    ui_run: dict[str, Any] = {}
                    for phase, query in (("cold", first), ("warm", second)):
                        recorder.phase = phase
                        ui_run[phase] = page.evaluate(_UI_JS, query) or {}
                        recorder.settle()
                        ui_run[phase]["query"] = query
                        ui_run[f"{phase}_net"] = recorder.summary(phase)
                        outcome = ui_run[phase]
                        if outcome.get("buttons") and not outcome.get("results"):
                            # The UI declined a query of common words only; press its button.
                            forced = f"{phase}+button"
                            recorder.phase = forced
                            ui_run[forced] = page.evaluate(_UI_JS, None) or {}
                            recorder.settle()
                            ui_run[forced]["query"] = f"{query} [{outcome['buttons'][0]}]"
                            ui_run[f"{forced}_net"] = recorder.summary(forced)
                    recorder.phase = None
                    ui_runs.append(ui_run)
                    context.close()
                if ui_runs:
                    results["ui"][f"{first} → {second}"] = ui_runs
        finally:
            browser.close()
    results["load_after"] = os.getloadavg()[0]
    return results


# =========================================================================== report


def mb(n: float) -> str:
    return f"{n / 1_000_000:,.1f} MB"


def kb(n: float) -> str:
    return f"{n / 1000:,.1f} KB"


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)) + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    for row in rows:
        lines.append(
            "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        )
    return "\n".join(lines)


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarise_browser(browser: dict[str, Any]) -> list[list[str]]:
    rows: list[list[str]] = []
    for order, runs in browser.get("api", {}).items():
        for phase in ("cold", "warm"):
            query = runs[0][phase]["query"]
            net = [r[f"{phase}_net"] for r in runs]
            init_net = [r["init_net"] for r in runs]
            total = [r[phase]["total_ms"] for r in runs]
            scoring = [
                sum(float(t.get("search") or 0) for t in r[phase]["timings"])
                for r in runs
                if r[phase].get("timings")
            ]
            first_bytes = [
                n["bytes"] + (i["bytes"] if phase == "cold" else 0)
                for n, i in zip(net, init_net, strict=True)
            ]
            first_gzip = [
                n.get("gzip_bytes", n["bytes"])
                + (i.get("gzip_bytes", i["bytes"]) if phase == "cold" else 0)
                for n, i in zip(net, init_net, strict=True)
            ]
            rows.append(
                [
                    f"API {phase}: “{query}”",
                    order,
                    f"{_median([r['init_ms'] for r in runs]):.0f}" if phase == "cold" else "–",
                    f"{_median([r[phase]['search_ms'] for r in runs]):.0f}",
                    f"{_median(scoring):.0f}" if scoring else "?",
                    f"{_median([r[phase]['data_ms'] for r in runs]):.0f}",
                    f"{_median(total):.0f} ({min(total):.0f}–{max(total):.0f})",
                    f"{runs[0][phase]['results']}",
                    f"{kb(_median([n['bytes'] for n in net]))} / "
                    f"{_median([n['requests'] for n in net]):.0f}",
                    (
                        f"{kb(_median([i['bytes'] for i in init_net]))} / "
                        f"{_median([i['requests'] for i in init_net]):.0f}"
                        if phase == "cold"
                        else "–"
                    ),
                    kb(_median(first_bytes)),
                    kb(_median(first_gzip)),
                ]
            )
    for order, runs in browser.get("hook", {}).items():
        for phase in ("cold", "warm"):
            outcome = runs[0][phase]
            net = [r[f"{phase}_net"] for r in runs]
            ms = [r[phase]["ms"] for r in runs]
            found = f"{outcome['total']:,}" + (" (approx.)" if outcome["approximate"] else "")
            rows.append(
                [
                    f"site search() {phase}: “{outcome['query']}”",
                    order,
                    "(incl.)" if phase == "cold" else "–",
                    "",
                    "",
                    "",
                    f"{_median(ms):.0f} ({min(ms):.0f}–{max(ms):.0f})",
                    f"{outcome['results']} of {found} [{outcome['source']}]",
                    f"{kb(_median([n['bytes'] for n in net]))} / "
                    f"{_median([n['requests'] for n in net]):.0f}",
                    "(incl.)" if phase == "cold" else "–",
                    kb(_median([n["bytes"] for n in net])),
                    kb(_median([n.get("gzip_bytes", n["bytes"]) for n in net])),
                ]
            )
    for order, runs in browser.get("ui", {}).items():
        for phase in ("cold", "cold+button", "warm", "warm+button"):
            done = [r for r in runs if phase in r and "ms" in r[phase]]
            if not done:
                continue
            outcome = done[0][phase]
            net = [r[f"{phase}_net"] for r in done]
            ms = [r[phase]["ms"] for r in done]
            shown = f"{outcome['results']}"
            if not outcome["results"]:
                shown = f"0 (“{outcome['status'][:40]}”)"
            if outcome.get("timed_out"):
                shown += " TIMEOUT"
            rows.append(
                [
                    f"site UI {phase}: “{outcome['query']}”",
                    order,
                    "(incl.)" if phase == "cold" else "–",
                    "",
                    "",
                    "",
                    f"{_median(ms):.0f} ({min(ms):.0f}–{max(ms):.0f})",
                    shown,
                    f"{kb(_median([n['bytes'] for n in net]))} / {_median([n['requests'] for n in net]):.0f}",
                    "(incl.)" if phase == "cold" else "–",
                    kb(_median([n["bytes"] for n in net])),
                    kb(_median([n.get("gzip_bytes", n["bytes"]) for n in net])),
                ]
            )
    return rows


def category_rows(browser: dict[str, Any]) -> list[list[str]]:
    """Bytes by kind of file, first run of each API scenario."""
    rows = []
    for order, runs in browser.get("api", {}).items():
        run = runs[0]
        for phase in ("init", "cold", "warm"):
            label = "init" if phase == "init" else f"{phase}: “{run[phase]['query']}”"
            net = run[f"{phase}_net"]
            parts = ", ".join(
                f"{cat} {kb(b)} ({n})"
                for cat, (b, n) in sorted(net["by_category"].items(), key=lambda kv: -kv[1][0])
            )
            rows.append([order, label, f"{kb(net['bytes'])} / {net['requests']}", parts])
    return rows


def print_report(n: int, info: dict[str, Any]) -> None:
    print(f"\n=== {n:,} records ===")
    print(
        f"content: {info['counts']}; rare word {info['rare_word']!r} only in {info['rare_record']}"
    )
    print(
        f"machine: {os.cpu_count()} CPUs; load average (1 min) before→after each stage. "
        "wall s: the child process (Python start and imports included); in-stage s: the "
        "stage's own work; CPU s: user+system of the child and of the processes it waited "
        "for (the pagefind binary)\n"
    )
    rows = []
    for stage in info["stages"]:
        data = stage["data"]
        inner = data.get("seconds", stage["wall"])
        extra = ""
        if stage["name"] == "render":
            extra = (
                f"render {data['render_seconds']:.1f} s + write {data['write_seconds']:.1f} s; "
                f"{data['pages']} files, {mb(data['markdown_bytes'])} Markdown"
            )
        elif stage["name"] == "mkdocs":
            t = data.get("timings", {})
            extra = (
                f"MkDocs proper ≈ {data['mkdocs_proper_seconds']:.1f} s (pre-check "
                f"{t.get('pre_check', 0):.1f} s, plugin on_config {t.get('plugin_on_config', 0):.1f} s, "
                f"on_pre_build {t.get('plugin_on_pre_build', 0):.1f} s, on_page_context "
                f"{t.get('plugin_on_page_context', 0):.1f} s); {data['warnings']} warnings"
            )
        elif stage["name"] == "pagefind":
            extra = f"{data['pages']} pages indexed of {data['html_files']} HTML files"
        elif stage["name"] == "validate":
            extra = f"{data['errors']} errors, {data['warnings']} warnings"
        rss = data.get("rss_mb")
        child_rss = data.get("children_rss_mb", 0)
        cpu = data.get("cpu_s")
        rows.append(
            [
                STAGE_LABELS[stage["name"]],
                f"{stage['wall']:.1f}",
                f"{inner:.1f}",
                f"{cpu + data.get('children_cpu_s', 0):.1f}" if cpu is not None else "–",
                f"{rss:,.0f}" if rss else "–",
                f"{child_rss:,.0f}" if child_rss else "–",
                f"{stage['load_before']:.1f}→{stage['load_after']:.1f}",
                extra,
            ]
        )
    print(
        table(
            rows,
            [
                "stage",
                "wall s",
                "in-stage s",
                "CPU s",
                "peak RSS MB",
                "child RSS MB",
                "load",
                "notes",
            ],
        )
    )
    out = info["output"]
    print(
        f"\noutput: site/ {mb(out['site_bytes'])} in {out['site_files']:,} files, "
        f"{out['html_files']:,} HTML; {out['record_pages']:,} record pages, average "
        f"{kb(out['record_page_avg'])} (initiatives {kb(out['initiative_page_avg'])})"
    )
    print(f"index: site/pagefind {mb(out['index_bytes'])} in {out['index_files']:,} files")
    for key, (size, count) in sorted(out["index_parts"].items(), key=lambda kv: -kv[1][0]):
        print(f"  {key:<22} {mb(size):>10}  {count:>6,} files  avg {kb(size / count)}")
    lunr = out["lunr_files"]
    print(
        "lunr-free: no search_index.json in site/"
        if not lunr
        else f"lunr index present: {', '.join(lunr)}"
    )
    browser = info.get("browser")
    if browser:
        if "load_before" in browser:
            print(
                f"\nload average during the browser part: {browser['load_before']:.1f}→"
                f"{browser['load_after']:.1f}"
            )
        print(
            f"\nbrowser (Chromium, http.server on 127.0.0.1; median of {info['repeats']} fresh "
            "contexts; ms measured in the page; init = import pagefind.js + options + init; "
            "bytes = response bodies + headers as served (no HTTP compression); total = what "
            "this query cost, init included for a cold query; gzip = the same if the server "
            "compressed text files (Pagefind's own files are gzip already)):"
        )
        print(
            table(
                summarise_browser(browser),
                [
                    "query",
                    "order",
                    "init ms",
                    "search() ms",
                    "wasm scoring ms",
                    "10×data() ms",
                    "query ms (min–max)",
                    "results",
                    "query bytes / req",
                    "init bytes / req",
                    "total",
                    "total, gzip",
                ],
            )
        )
        print("\nbytes by file kind (first run):")
        print(table(category_rows(browser), ["order", "phase", "bytes / req", "by kind"]))


def bench_one(n: int, args: argparse.Namespace) -> dict[str, Any]:
    cleanup = False
    if args.keep:
        project = Path(args.keep).resolve() / f"records-{n}"
    else:
        project = Path(tempfile.mkdtemp(prefix=f"showcase-bench-{n}-"))
        cleanup = True
    saved = project / "bench-stages.json"
    try:
        if args.reuse and saved.is_file() and (project / "site").is_dir():
            info: dict[str, Any] = json.loads(saved.read_text(encoding="utf-8"))
            info["repeats"] = args.repeats
            print(f"[{n}] reusing the build in {project}", file=sys.stderr, flush=True)
        else:
            if project.exists():
                shutil.rmtree(project)
            info = build_stages(n, project, args.seed)
            info["repeats"] = args.repeats
            saved.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
        info["output"] = output_sizes(project)
        if not args.no_browser:
            print(f"[{n}] browser …", file=sys.stderr, flush=True)
            with serve(project / "site") as base:
                info["browser"] = browser_measurements(
                    base,
                    project / "site",
                    info["sample_initiative"],
                    info["rare_word"],
                    args.repeats,
                    PAGEFIND_OPTIONS,
                )
        print_report(n, info)
        return info
    finally:
        if cleanup:
            shutil.rmtree(project, ignore_errors=True)


def build_stages(n: int, project: Path, seed: int) -> dict[str, Any]:
    """Generate the project and run every build stage; the figures as a JSON-able dict."""
    load_before = os.getloadavg()[0]
    report, synth_seconds = make_project(project, n, seed)
    info: dict[str, Any] = {
        "records": n,
        "project": str(project),
        "counts": report.counts,
        "rare_word": report.rare_word,
        "rare_record": report.rare_record,
        "sample_initiative": report.sample_initiative,
        "stages": [
            {
                "name": "synth",
                "wall": synth_seconds,
                "load_before": load_before,
                "load_after": os.getloadavg()[0],
                "data": {},
            }
        ],
    }
    for stage in STAGES:
        print(f"[{n}] {STAGE_LABELS[stage]} …", file=sys.stderr, flush=True)
        result = run_stage(stage, project)
        info["stages"].append(result.__dict__)
        print(
            f"[{n}]   {result.wall:.1f} s, peak RSS {result.data.get('rss_mb', 0):.0f} MB "
            f"(children {result.data.get('children_rss_mb', 0):.0f} MB)",
            file=sys.stderr,
            flush=True,
        )
        if stage == "validate" and result.data["errors"]:
            raise SystemExit(
                "synthetic content has errors:\n" + "\n".join(result.data["first_errors"])
            )
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[1000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3, help="browser runs per scenario")
    parser.add_argument("--keep", type=Path, help="keep each project in DIR/records-N")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium part")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: reuse a project built by an earlier run (only the browser part runs)",
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--report", type=Path, help="print the report of a JSON file written by --json, and stop"
    )
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--project", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        run_child_stage(args.stage, args.project)
        return 0
    if args.report:
        for info in json.loads(args.report.read_text(encoding="utf-8")):
            print_report(info["records"], info)
        return 0
    all_results = []
    for n in args.records:
        all_results.append(bench_one(n, args))
        if args.json:
            args.json.write_text(
                json.dumps(all_results, ensure_ascii=False, indent=1, default=str),
                encoding="utf-8",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
