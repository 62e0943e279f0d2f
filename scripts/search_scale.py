"""Search at scale: index N search documents, then measure searching them in Chromium.

Usage::

    python scripts/synth.py /tmp/c50k --records 50000          # content (once)
    python scripts/search_scale.py --content /tmp/c50k --out /tmp/s50k --cache /tmp/d50k.pkl
    python scripts/search_scale.py --cache /tmp/d50k.pkl --out /tmp/s50k   # again, no checking

1. **Documents**: ``check_content`` + ``generator.search_docs.search_documents`` on the
   content folder (or the pickled documents of an earlier run, ``--cache``).
2. **Index** in a child process: ``generator.search.index_documents`` into
   ``OUT/pagefind/``; prints wall and CPU seconds and the peak RSS of the child and of
   its children (the Pagefind binaries), from ``getrusage(RUSAGE_CHILDREN)``.
3. **Browser** (``--browser``, the default): ``OUT`` is served by ``python -m
   http.server`` with two small pages that load the site's search scripts
   (showcase-search-core.js, showcase-search.js, showcase-facets.js), and Debian's
   Chromium (Playwright) measures, each in a fresh context (cold cache):

   - text queries through ``window.showcaseSearch.search(q)`` (the header's code path)
     after the page has loaded: milliseconds to the first ten results' data, bytes
     and requests from the call to then;
   - ``/tra-cuu/``-style filter views (``search.html?year=…&field=…``): milliseconds
     from navigation to the first results drawn, bytes and requests of the search
     files (everything under ``pagefind/``) until then, and once the counts settle.

   Bytes are response bodies plus headers as Chromium reports them (``http.server``
   sends files uncompressed; a worker's own script has no reported size and is
   counted from disk); for filter views, the bytes until the results are drawn come
   from the page's Resource Timing (``transferSize`` of entries that ended before).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import pickle
import resource
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
JS = REPO / "site_templates" / "overrides" / "assets" / "javascripts"
SCRIPTS = ("showcase-search-core.js", "showcase-search.js", "showcase-facets.js")
RARE_WORD = "khuônđúcđặcbiệt"  # scripts/synth.py puts it in exactly one record
sys.path.insert(0, str(REPO))  # generator (also to unpickle cached documents)


def load_docs(content: Path | None, cache: Path | None) -> list[Any]:
    if cache is not None and cache.is_file() and content is None:
        docs: list[Any] = pickle.loads(cache.read_bytes())
        return docs
    if content is None:
        raise SystemExit("--content or an existing --cache is needed")
    from generator.pipeline import check_content
    from generator.search_docs import search_documents

    started = time.process_time()
    site, problems = check_content(content)
    if site is None:
        raise SystemExit(f"content has errors: {problems[:3]}")
    checked = time.process_time()
    docs = search_documents(site)
    print(
        f"documents: {len(docs):,} (check {checked - started:.1f} CPU-s, "
        f"search_documents {time.process_time() - checked:.1f} CPU-s)"
    )
    if cache is not None:
        cache.write_bytes(pickle.dumps(docs))
    return docs


def child_index(docs_file: Path, out: Path, bundle_docs: int) -> None:
    """Runs in the child process: index the pickled documents, print a JSON report."""
    from generator.search import index_documents

    docs = pickle.loads(docs_file.read_bytes())
    started = time.perf_counter()
    report = index_documents(docs, out, bundle_docs=bundle_docs)
    own = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "pages": report.pages,
                "files": report.files,
                "bytes": report.bytes_written,
                "child_rss_mb": own.ru_maxrss / 1024,
                "bundles": report.bundles,
                "facet_lists": report.index.filters.lists if report.index else 0,
                "words": report.index.words.words if report.index else 0,
            }
        )
    )


def index(docs: list[Any], out: Path, bundle_docs: int) -> dict[str, Any]:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    docs_file = out.parent / (out.name + "-docs.pkl")
    docs_file.write_bytes(pickle.dumps(docs))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [sys.executable, __file__, "--child", str(docs_file), "--out", str(out)]
    proc = subprocess.run(
        [*command, "--bundle-docs", str(bundle_docs)],
        check=True,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    docs_file.unlink()
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(
        wall_s=wall,
        cpu_s=(after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        # the largest of the child and its descendants (the Pagefind binaries)
        peak_rss_mb=after.ru_maxrss / 1024,
    )
    return result


# ----------------------------------------------------------------------------- browser


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
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def write_pages(out: Path) -> None:
    import html

    from generator.kinds import facets_json

    for name in SCRIPTS:
        shutil.copy2(JS / name, out / name)
    scripts = "".join(f'<script src="{name}"></script>' for name in SCRIPTS)
    head = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>bench</title>'
        '<link rel="icon" href="data:,"></head>'
    )
    (out / "blank.html").write_text(f"{head}<body>{scripts}</body></html>", encoding="utf-8")
    facets = html.escape(facets_json(), quote=True)
    (out / "search.html").write_text(
        f'{head}<body><div id="sk-search" data-facets="{facets}"></div>{scripts}</body></html>',
        encoding="utf-8",
    )


class Traffic:
    """Requests of one context, with their sizes."""

    def __init__(self, context: Any, site: Path, base: str) -> None:
        self.site, self.base = site, base
        self.done: list[tuple[float, str, int]] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request: Any) -> None:
        try:
            sizes = request.sizes()
            size = int(sizes["responseBodySize"]) + int(sizes["responseHeadersSize"])
        except Exception:
            size = 0
        url = request.url
        if size <= 0 and url.startswith(self.base):  # a worker's script: from disk
            path = self.site / url[len(self.base) :].split("?")[0]
            size = path.stat().st_size if path.is_file() else 0
        self.done.append((time.perf_counter(), url, size))

    def since(self, mark: float, only: str = "") -> tuple[int, int]:
        picked = [s for t, u, s in self.done if t >= mark and only in u]
        return sum(picked), len(picked)


def browser(out: Path, docs: list[Any], repeats: int) -> dict[str, Any]:
    import playwright.sync_api as pw

    from generator.search import fold_vietnamese

    person = next(d for d in docs if d.kind == "Cá nhân" and len(d.title.split()) >= 3)
    queries = [
        RARE_WORD,
        "sáng kiến",
        fold_vietnamese(person.title),
        "thanh hoa",
        "cấp nước",
        "chuyen doi so",
        '"tiết kiệm điện"',
    ]
    years = Counter(v for d in docs for v in d.filters.get("year", ()))
    fields = Counter(v for d in docs for v in d.filters.get("field", ()))
    units = Counter(v for d in docs for v in d.filters.get("unit", ()))
    year = years.most_common(1)[0][0]
    views = [
        {"year": year, "field": fields.most_common(1)[0][0]},
        {"year": year, "field": fields.most_common()[-1][0]},
        {"kind": "Sáng kiến", "unit": units.most_common(1)[0][0]},
    ]
    results: dict[str, Any] = {"queries": {}, "filters": []}
    write_pages(out)
    with serve(out) as base, pw.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            for query in queries:
                runs = []
                for _ in range(repeats):
                    context = chromium.new_context()
                    traffic = Traffic(context, out, base)
                    page = context.new_page()
                    page.goto(base + "blank.html", wait_until="load")
                    mark = time.perf_counter()
                    got = page.evaluate(
                        "(q) => Promise.race([window.showcaseSearch.search(q), new Promise("
                        "(_, fail) => setTimeout(() => fail(new Error('no answer in 60 s')), 60000))])",
                        query,
                    )
                    page.wait_for_timeout(200)  # let the last responses be counted
                    # the search files only: the page's own scripts may be reported late
                    size, count = traffic.since(mark, "/pagefind/")
                    runs.append(
                        {
                            "ms": got["ms"],
                            "bytes": size,
                            "requests": count,
                            "source": got["source"],
                            "total": got["total"],
                            "first": got["results"][0]["title"] if got["results"] else "",
                        }
                    )
                    context.close()
                results["queries"][query] = runs
            for view in views:
                runs = []
                for _ in range(repeats):
                    context = chromium.new_context()
                    traffic = Traffic(context, out, base)
                    page = context.new_page()
                    mark = time.perf_counter()
                    page.goto(base + "search.html?" + urlencode(view), wait_until="commit")
                    page.wait_for_selector("#sk-search[data-sk-done]", timeout=30_000)
                    timing = page.evaluate(
                        "() => { const m = performance.getEntriesByType('mark')"
                        ".find((e) => e.name.startsWith('sk-results'));"
                        " const n = performance.getEntriesByType('navigation')[0];"
                        " return {results: m.startTime, dcl: n.domContentLoadedEventEnd,"
                        " status: document.querySelector('.sk-facets__status').textContent}; }"
                    )
                    # bytes of the search files fetched until the results were drawn
                    first_size, first_count = page.evaluate(
                        "(t) => { const e = performance.getEntriesByType('resource')"
                        ".filter((r) => r.name.includes('/pagefind/') && r.responseEnd <= t);"
                        " return [e.reduce((a, r) => a + r.transferSize, 0), e.length]; }",
                        timing["results"],
                    )
                    page.wait_for_function(
                        "() => !document.querySelector('#sk-search [aria-busy=true]')",
                        timeout=30_000,
                    )
                    page.wait_for_timeout(300)
                    all_size, all_count = traffic.since(mark, "/pagefind/")
                    pagefind_js = [u for _, u, _ in traffic.done if u.endswith("pagefind.js")]
                    runs.append(
                        {
                            "ms_from_navigation": timing["results"],
                            "ms_after_dom_ready": timing["results"] - timing["dcl"],
                            "status": timing["status"],
                            "bytes": first_size,
                            "requests": first_count,
                            "bytes_with_counts": all_size,
                            "requests_with_counts": all_count,
                            "pagefind_loaded": bool(pagefind_js),
                        }
                    )
                    context.close()
                results["filters"].append({"view": view, "runs": runs})
        finally:
            chromium.close()
    return results


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def report(docs: int, indexed: dict[str, Any] | None, measured: dict[str, Any] | None) -> None:
    print(f"\n## {docs:,} search documents")
    if indexed:
        print(
            f"index: {indexed['wall_s']:.1f} s wall, {indexed['cpu_s']:.1f} CPU-s (all processes), "
            f"peak RSS {indexed['peak_rss_mb']:.0f} MB (largest process; the Python child "
            f"{indexed['child_rss_mb']:.0f} MB), {indexed['files']:,} files, "
            f"{indexed['bytes'] / 1e6:.1f} MB, {indexed['bundles']} Pagefind bundle(s), "
            f"{indexed['words']:,} words, {indexed['facet_lists']:,} facet values"
        )
    if not measured:
        return
    print("\n| query (header code path, cold) | source | results | ms (median) | KB | requests |")
    print("|---|---|---:|---:|---:|---:|")
    for query, runs in measured["queries"].items():
        print(
            f"| {query} | {runs[0]['source']} | {runs[0]['total']:,} | "
            f"{_median([r['ms'] for r in runs]):.0f} | "
            f"{_median([r['bytes'] for r in runs]) / 1000:.0f} | {runs[0]['requests']} |"
        )
    print(
        "\n| filters (no words, cold) | results | ms from navigation | ms after DOM ready "
        "| KB to results (req.) | KB with counts (req.) | Pagefind loaded |"
    )
    print("|---|---|---:|---:|---:|---:|---|")
    for view in measured["filters"]:
        runs = view["runs"]
        print(
            f"| {', '.join(f'{k}={v}' for k, v in view['view'].items())} | {runs[0]['status']} | "
            f"{_median([r['ms_from_navigation'] for r in runs]):.0f} | "
            f"{_median([r['ms_after_dom_ready'] for r in runs]):.0f} | "
            f"{_median([r['bytes'] for r in runs]) / 1000:.0f} ({runs[0]['requests']}) | "
            f"{_median([r['bytes_with_counts'] for r in runs]) / 1000:.0f} "
            f"({runs[0]['requests_with_counts']}) | "
            f"{'yes' if any(r['pagefind_loaded'] for r in runs) else 'no'} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, help="content folder (scripts/synth.py output)")
    parser.add_argument("--cache", type=Path, help="pickle of the documents (read or written)")
    parser.add_argument("--out", type=Path, required=True, help="folder to index into and serve")
    parser.add_argument("--bundle-docs", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-index", action="store_true", help="measure an existing OUT")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_index(args.child, args.out, args.bundle_docs)
        return 0
    docs = load_docs(args.content, args.cache)
    indexed = None if args.no_index else index(docs, args.out, args.bundle_docs)
    measured = None if args.no_browser else browser(args.out, docs, args.repeats)
    report(len(docs), indexed, measured)
    if args.json:
        args.json.write_text(json.dumps({"index": indexed, "browser": measured}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
