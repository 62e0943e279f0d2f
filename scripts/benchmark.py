"""Benchmark: build, search and preview N synthetic records, beside a plain MkDocs peer.

Usage::

    python scripts/benchmark.py --records 1000 10000 50000 [--keep DIR] [--json FILE]
                                [--only build search preview] [--jobs N] [--repeats 5]
    python scripts/benchmark.py --report FILE          # print the tables of a saved run

For each N the script generates a project (``mkdocs.yml`` and ``site_templates/`` of
this checkout, N records from ``scripts/synth.py``; with ``--keep DIR`` the content is
kept in ``DIR/records-N`` and reused by later runs) and measures three parts:

build
    ``showcase build`` cold (``site/``, ``.showcase-build/`` and ``docs_generated/``
    removed first), then again with nothing changed, then after one initiative's title
    is edited, then with the edit reverted.  Each build runs in a child process of its
    own; its wall time, CPU seconds (``os.wait4``: the child and every process it
    waited for), the largest single process (``ru_maxrss`` of that tree) and the peak
    of all its processes' RSS together (a thread sampling ``/proc``) are recorded,
    with the load average at start and end.  Stages come from the pipeline's own
    BuildReport.  The **peer** is built in the same run from the same generated docs
    folder: plain MkDocs + Material with our ``showcase`` plugin taken out of the
    config (``mkdocs build``; ``--dirty`` for the rebuilds), then ``pagefind --site``.
    Output sizes of both sites are compared.
search
    Chromium (Playwright) opens ``/tra-cuu/?q=…`` on the built site, cold cache, and
    waits for the first results: a rare word, "sáng kiến", a person's name without
    accents, and an empty query with two filters.  Milliseconds after the load event,
    bytes and requests (Chromium's Network data through Playwright, the page's Web
    Worker included).  The peer: Pagefind's JS API on the peer's bundle, same queries.
preview
    ``showcase serve`` on the project; edit → the changed page's served HTML shows the
    change (title edit, person rename, new record, deleted record, an error and its
    fix), median of ``--preview-repeats``.  Needs the server's status endpoint
    (``/__showcase/status``); skipped with a message when it is missing.

This is a script, not a test: figures depend on the machine and its load (printed).
docs_dev/benchmark.md explains each figure.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import copy
import gzip
import hashlib
import html
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve()
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # this checkout's generator, not another installed copy

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
#: Stage names of generator.pipeline.build, in order (BuildReport.stages).
STAGES = ("load + validate + link", "render + write", "build pages", "index", "publish")
#: Short names of the stages in narrow columns.
SHORT = {
    "load + validate + link": "check",
    "render + write": "render",
    "build pages": "pages",
    "index": "index",
    "publish": "publish",
}
#: Our stage → the peer's stage doing the same job (others are compared with the peer's total).
PEER_COUNTERPART = {"build pages": "mkdocs build", "index": "pagefind --site"}
#: Project folders a cold build starts without.
BUILD_OUTPUTS = ("site", "site-peer", ".showcase-build", "docs_generated")
PEER_CONFIG = "mkdocs.peer.yml"
PEER_SITE = "site-peer"
SEARCH_DIR = "pagefind"
#: In the served page of a record with a content error (contract of `showcase serve`).
OVERLAY_MARKER = "__showcase"
STATUS_PATH = "__showcase/status"
#: The temporary folders of `showcase serve` (generator/preview.py), which stopping removes.
PREVIEW_TEMP = "showcase-preview-*"
#: A result of the search page: a link in a list item of #sk-search (not a facet value).
RESULT_SELECTOR = '#sk-search li:not(.sk-facet__value) a[href]:not([href^="?"])'
#: Targets of issues 10 and 11 (printed, never asserted).
TARGETS = {
    "cold_wall_10k": 120.0,
    "cold_ratio_10k": 0.6,
    "cold_wall_50k": 600.0,
    "rss_50k_mb": 6000.0,
    "text_query_ms": 300.0,
    "text_query_kb": 300.0,
    "filter_query_ms": 500.0,
    "filter_query_kb": 300.0,
    "preview_s": 2.0,
}
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _synth() -> ModuleType:
    module = sys.modules.get("showcase_synth")
    if module is None:
        spec = importlib.util.spec_from_file_location("showcase_synth", REPO / "scripts/synth.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["showcase_synth"] = module
        spec.loader.exec_module(module)
    return module


def child_env() -> dict[str, str]:
    """Children import this checkout's generator (PYTHONPATH first), whatever is installed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYTHONHASHSEED", "0")
    return env


# =========================================================================== measuring processes


def parse_stat(text: str) -> tuple[int, int]:
    """(ppid, process group) from the text of ``/proc/PID/stat``.

    The command name is in parentheses and may itself hold spaces and parentheses,
    so the fields are counted from the last ``)``.
    """
    rest = text[text.rindex(")") + 2 :].split()
    return int(rest[1]), int(rest[2])


def descendants(root: int, parent_of: dict[int, int]) -> set[int]:
    """``root`` and every process below it, from a pid → ppid map."""
    children: dict[int, list[int]] = {}
    for pid, ppid in parent_of.items():
        children.setdefault(ppid, []).append(pid)
    found = {root}
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def process_table() -> dict[int, tuple[int, int]]:
    """pid → (ppid, pgid) of every process visible in /proc."""
    table: dict[int, tuple[int, int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="utf-8", errors="replace") as f:
                table[int(name)] = parse_stat(f.read())
        except (OSError, ValueError):
            continue  # gone meanwhile
    return table


def memory_of(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) when it is gone.

    RSS counts pages shared by forked workers once per process; PSS splits them
    between the processes sharing them, so the sum of PSS is the tree's real share.
    """
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as f:
            rss = int(f.read().split()[1]) * PAGE_SIZE
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
                    break
    except (OSError, ValueError, IndexError):
        pass
    return rss, pss


@dataclass(frozen=True)
class Sample:
    t: float  # time.time()
    rss: int  # bytes, all processes of the tree together
    pss: int
    processes: int


class TreeSampler(threading.Thread):
    """Samples the total RSS and PSS of a process and its descendants until stopped."""

    def __init__(self, root: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.interval = interval
        self.samples: list[Sample] = []
        self._halt = threading.Event()

    def run(self) -> None:
        while True:
            self.sample()
            if self._halt.wait(self.interval):
                return

    def sample(self) -> None:
        table = process_table()
        tree = descendants(self.root, {pid: ppid for pid, (ppid, _) in table.items()})
        rss = pss = 0
        alive = 0
        for pid in tree:
            r, p = memory_of(pid)
            if r:
                alive += 1
            rss += r
            pss += p
        if alive:
            self.samples.append(Sample(time.time(), rss, pss, alive))

    def stop(self) -> None:
        self._halt.set()
        self.join()


def window_peak(samples: Sequence[Sample], start: float, end: float) -> dict[str, float]:
    """Peak RSS and PSS (MB) of the samples taken between ``start`` and ``end``.

    A stage shorter than the sampling interval may hold no sample: the nearest one
    is used then.
    """
    inside = [s for s in samples if start <= s.t <= end]
    if not inside and samples:
        inside = [min(samples, key=lambda s: min(abs(s.t - start), abs(s.t - end)))]
    if not inside:
        return {"rss_mb": 0.0, "pss_mb": 0.0}
    return {
        "rss_mb": max(s.rss for s in inside) / 1e6,
        "pss_mb": max(s.pss for s in inside) / 1e6,
    }


def run_measured(cmd: Sequence[str], cwd: Path, label: str) -> dict[str, Any]:
    """Run ``cmd`` in a child process and measure its whole process tree.

    CPU seconds and ``ru_maxrss`` come from ``wait4`` on the child: they include every
    process the child waited for (workers, the pagefind binary).  ``ru_maxrss`` is
    the largest *single* process of that tree; the sampler adds up all of them.
    """
    print(f"    {label} …", file=sys.stderr, flush=True)
    load_start = os.getloadavg()[0]
    started_epoch = time.time()
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=child_env(), stdout=out, stderr=err)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        finally:
            sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    result = None
    for line in stdout.splitlines():
        if line.startswith(RESULT_TAG):
            result = json.loads(line[len(RESULT_TAG) :])
    samples = sampler.samples
    run: dict[str, Any] = {
        "label": label,
        "cmd": list(cmd),
        "exit": proc.returncode,
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "max_process_rss_mb": usage.ru_maxrss * 1024 / 1e6,  # Linux reports KiB
        "tree_rss_mb": max((s.rss for s in samples), default=0) / 1e6,
        "tree_pss_mb": max((s.pss for s in samples), default=0) / 1e6,
        "max_processes": max((s.processes for s in samples), default=0),
        "load_start": load_start,
        "load_end": os.getloadavg()[0],
        "warning_lines": sum(1 for line in stderr.splitlines() if "WARNING" in line),
        "stderr_tail": stderr[-3000:] if proc.returncode else "",
        "result": result,
    }
    if result and "stages" in result:
        for stage in result["stages"]:
            stage.update(window_peak(samples, stage["start"], stage["end"]))
    run["total_window"] = window_peak(samples, started_epoch, time.time())
    line = (
        f"      {wall:.1f} s wall, {run['cpu']:.1f} CPU s, all processes {run['tree_rss_mb']:,.0f} MB"
        f" (largest {run['max_process_rss_mb']:,.0f} MB), load {load_start:.1f}→{run['load_end']:.1f}"
    )
    print(line, file=sys.stderr, flush=True)
    if proc.returncode:
        sys.stderr.write(stderr[-3000:])
        raise SystemExit(f"{label} failed with exit status {proc.returncode}")
    return run


# =========================================================================== child process


def child_build(project: Path, jobs: int | None, search: bool) -> None:
    """Entry point of a measured child: one ``showcase build``, stage times as JSON."""
    import logging

    from generator import pipeline

    marks: dict[int, tuple[float, float]] = {}
    original = pipeline.BuildReport.stage

    @contextlib.contextmanager
    def stage(self: pipeline.BuildReport, name: str) -> Iterator[None]:
        start = time.time()
        try:
            with original(self, name):
                yield
        finally:
            marks[len(self.stages) - 1] = (start, time.time())

    pipeline.BuildReport.stage = stage  # type: ignore[method-assign]
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s - %(message)s")
    report = pipeline.build(pipeline.Project.at(project), jobs=jobs, search=search, strict=False)
    stages = []
    for i, s in enumerate(report.stages):
        start, end = marks.get(i, (0.0, 0.0))
        stages.append({"name": s.name, "wall": s.wall, "cpu": s.cpu, "start": start, "end": end})
    result = {
        "stages": stages,
        "pages_built": report.pages_built,
        "pages_unchanged": report.pages_unchanged,
        "docs_written": report.docs_written,
        "warnings": len(report.warnings),
        "first_warnings": report.warnings[:5],
        "problems": len(report.problems),
    }
    print(RESULT_TAG + json.dumps(result, ensure_ascii=False), flush=True)


# =========================================================================== the project


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def prepare_project(root: Path, records: int, seed: int) -> dict[str, Any]:
    """A project folder with N synthetic records; the content is reused when it matches.

    Returns the content's facts (counts, the records the benchmark searches and edits).
    """
    root.mkdir(parents=True, exist_ok=True)
    marker = root / "synth.json"
    wanted = {"records": records, "seed": seed, "synth": _sha(REPO / "scripts/synth.py")}
    facts: dict[str, Any] | None = None
    if marker.is_file() and (root / "content").is_dir():
        saved = json.loads(marker.read_text(encoding="utf-8"))
        if {k: saved.get(k) for k in wanted} == wanted:
            facts = saved
            facts["reused"] = True
            restore_backups(root)
            print(f"[{records}] reusing the content in {root}", file=sys.stderr, flush=True)
    if facts is None:
        shutil.rmtree(root / "content", ignore_errors=True)
        shutil.rmtree(root / ".bench-backup", ignore_errors=True)
        print(f"[{records}] generating content …", file=sys.stderr, flush=True)
        cpu0 = time.process_time()
        started = time.perf_counter()
        report = _synth().generate_content(root / "content", records=records, seed=seed)
        facts = {
            **wanted,
            "synth_wall": time.perf_counter() - started,
            "synth_cpu": time.process_time() - cpu0,
            "counts": report.counts,
            "rare_word": report.rare_word,
            "rare_url": report.rare_url,
            "sample_initiative": report.sample_initiative,
        }
        facts.update(content_facts(root / "content", report.sample_initiative))
        marker.write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")
        facts["reused"] = False
    # The site's configuration and templates are always this checkout's.
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.rmtree(root / "site_templates", ignore_errors=True)
    shutil.copytree(REPO / "site_templates", root / "site_templates")
    return facts


_PERSON_REF = re.compile(r"^\s*-?\s*person: (\S+)\s*$", re.M)
_FIELD = re.compile(r"^field: (\S+)\s*$", re.M)
_NAME = re.compile(r"^name: (.+)$", re.M)


def content_facts(content: Path, sample_url: str) -> dict[str, Any]:
    """What the benchmark edits and searches for, read from the content files (no parsing)."""
    import yaml

    sample_id = sample_url.strip("/").split("/")[-1]
    sample_file = next((content / "initiatives").rglob(f"{sample_id}.yml"))
    authored: dict[str, list[str]] = {}
    fields_2022: dict[str, int] = {}
    for path in sorted((content / "initiatives").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        for person in set(_PERSON_REF.findall(text)):
            authored.setdefault(person, []).append(path.stem)
        if path.parent.name == "2022":
            match = _FIELD.search(text)
            if match:
                fields_2022[match.group(1)] = fields_2022.get(match.group(1), 0) + 1
    person, works = max(sorted(authored.items()), key=lambda kv: len(kv[1]))
    person_file = content / "people" / f"{person}.yml"
    name_match = _NAME.search(person_file.read_text(encoding="utf-8"))
    name = name_match.group(1).strip().strip("'\"") if name_match else person
    taxonomies = yaml.safe_load((content / "taxonomies.yml").read_text(encoding="utf-8"))
    field_key = max(sorted(fields_2022), key=lambda k: fields_2022[k]) if fields_2022 else ""
    field_label = taxonomies.get("fields", {}).get(field_key, {}).get("name", field_key)
    return {
        "sample_file": str(sample_file.relative_to(content.parent)),
        "person": {
            "id": person,
            "name": name,
            "file": str(person_file.relative_to(content.parent)),
            "initiatives": len(works),
            "initiative_url": f"sang-kien/{works[0]}/",
        },
        "filters": {"year": "2022", "field": field_label},
        "filters_expected": fields_2022.get(field_key, 0),
    }


def record_ids(content: Path) -> dict[str, set[str]]:
    """URL prefix of each kind → ids of its records (file stems)."""
    try:
        from generator.kinds import KINDS

        folders = {k.folder: k.url_prefix for k in KINDS.values()}
    except ImportError:
        folders = {
            "initiatives": "sang-kien",
            "people": "ca-nhan",
            "units": "don-vi",
            "awards": "khen-thuong",
            "events": "su-kien",
            "campaigns": "chuong-trinh",
        }
    return {
        prefix: {p.stem for p in (content / folder).rglob("*.yml")}
        for folder, prefix in folders.items()
    }


# -- edits that are always undone ------------------------------------------------------------


def restore_backups(root: Path) -> None:
    """Undo the edits of an interrupted run: put backed-up files back, drop added records."""
    backup = root / ".bench-backup"
    if backup.is_dir():
        for path in backup.rglob("*"):
            if path.is_file():
                target = root / path.relative_to(backup)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
        shutil.rmtree(backup)
    for path in (root / "content").rglob("bench-*.yml"):
        path.unlink()


@contextlib.contextmanager
def editing(root: Path, rel: str) -> Iterator[Path]:
    """Yield the file ``root/rel`` for editing; its original bytes come back afterwards."""
    path = root / rel
    backup = root / ".bench-backup" / rel
    backup.parent.mkdir(parents=True, exist_ok=True)
    if not backup.exists():
        shutil.copy2(path, backup)
    original = path.read_bytes()
    try:
        yield path
    finally:
        path.write_bytes(original)
        backup.unlink()


def _scalar_lines(key: str) -> re.Pattern[str]:
    # A top-level key and the indented lines that continue its plain scalar (the
    # synthetic YAML wraps long titles at 100 columns).
    return re.compile(rf"^{re.escape(key)}:[^\n]*(?:\n[ \t]+[^\n]*)*", re.M)


def set_scalar(text: str, key: str, value: str) -> str:
    """``text`` with the top-level scalar ``key`` set to ``value`` (JSON-quoted: valid YAML)."""
    pattern = _scalar_lines(key)
    if not pattern.search(text):
        raise ValueError(f"no top-level {key!r} in the file")
    quoted = json.dumps(value, ensure_ascii=False)
    return pattern.sub(lambda _m: f"{key}: {quoted}", text, count=1)


def scalar(text: str, key: str) -> str:
    """The value of the top-level scalar ``key``."""
    import yaml

    match = _scalar_lines(key).search(text)
    if not match:
        raise ValueError(f"no top-level {key!r}")
    return str(yaml.safe_load(match.group(0))[key])


# =========================================================================== the peer


def peer_config(
    config: dict[str, Any], docs_dir: Path, site_dir: Path, site_url: str | None = None
) -> dict[str, Any]:
    """The project's MkDocs config without our ``showcase`` plugin, on the given folders.

    Theme, custom_dir, extra CSS/JS, Markdown extensions and nav stay as they are.
    ``plugins`` is written even when empty: a config without it gets Material's
    ``search`` (lunr), which the project deliberately does not use.  ``site_url`` is
    the one setting our build takes from site.yml that changes what MkDocs does
    (canonical URLs, the sitemap, Material's instant navigation), so the peer gets it too.
    """
    peer = copy.deepcopy(config)
    if site_url and not peer.get("site_url"):
        peer["site_url"] = site_url
    plugins = peer.get("plugins") or []
    if isinstance(plugins, dict):
        kept: list[Any] | dict[str, Any] = {k: v for k, v in plugins.items() if k != "showcase"}
    else:
        kept = [
            p for p in plugins if p != "showcase" and not (isinstance(p, dict) and "showcase" in p)
        ]
    peer["plugins"] = kept
    peer["docs_dir"] = str(docs_dir)
    peer["site_dir"] = str(site_dir)
    return peer


def write_peer_config(project: Path) -> Path:
    import yaml

    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    site = yaml.safe_load((project / "content" / "site.yml").read_text(encoding="utf-8"))
    base = site.get("base_url") if isinstance(site, dict) else None
    peer = peer_config(
        config, project / "docs_generated", project / PEER_SITE, str(base) if base else None
    )
    # Next to mkdocs.yml, so that custom_dir and other relative paths resolve the same.
    path = project / PEER_CONFIG
    path.write_text(
        "# Written by scripts/benchmark.py: mkdocs.yml without the showcase plugin.\n"
        + yaml.safe_dump(peer, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return path


def build_peer(project: Path, dirty: bool, label: str) -> dict[str, Any]:
    """Plain MkDocs + Material over the generated docs, then the Pagefind CLI."""
    config = write_peer_config(project)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    if dirty:
        command.append("--dirty")
    else:
        shutil.rmtree(project / PEER_SITE, ignore_errors=True)
    mkdocs_run = run_measured(command, project, f"peer {label}: mkdocs build")
    shutil.rmtree(project / PEER_SITE / SEARCH_DIR, ignore_errors=True)
    pagefind_run = run_measured(
        [sys.executable, "-m", "pagefind", "--site", str(project / PEER_SITE), "--quiet"],
        project,
        f"peer {label}: pagefind --site",
    )
    return {"mkdocs build": mkdocs_run, "pagefind --site": pagefind_run}


def peer_total(peer: dict[str, Any]) -> dict[str, float]:
    """The peer's two steps as one: times add up, memory is the larger of the two."""
    runs = list(peer.values())
    return {
        "wall": sum(r["wall"] for r in runs),
        "cpu": sum(r["cpu"] for r in runs),
        "tree_rss_mb": max(r["tree_rss_mb"] for r in runs),
        "tree_pss_mb": max(r["tree_pss_mb"] for r in runs),
        "max_process_rss_mb": max(r["max_process_rss_mb"] for r in runs),
        "load_start": runs[0]["load_start"],
        "load_end": runs[-1]["load_end"],
    }


# =========================================================================== build part


def build_ours(project: Path, jobs: int | None, label: str) -> dict[str, Any]:
    command = [sys.executable, str(SCRIPT), "--child", "build", "--project", str(project)]
    if jobs:
        command += ["--jobs", str(jobs)]
    return run_measured(command, project, f"showcase build: {label}")


def bench_build(project: Path, facts: dict[str, Any], jobs: int | None) -> dict[str, Any]:
    for name in BUILD_OUTPUTS:
        shutil.rmtree(project / name, ignore_errors=True)
    result: dict[str, Any] = {"jobs": jobs}
    result["cold"] = build_ours(project, jobs, "cold")
    result["peer_cold"] = build_peer(project, False, "cold")
    result["rebuild"] = build_ours(project, jobs, "nothing changed")
    result["peer_rebuild"] = build_peer(project, True, "nothing changed")
    rel = facts["sample_file"]
    with editing(project, rel) as path:
        text = path.read_text(encoding="utf-8")
        title = scalar(text, "title")
        path.write_text(set_scalar(text, "title", f"{title} (bản sửa)"), encoding="utf-8")
        result["edit"] = build_ours(project, jobs, "one title edited")
        result["peer_edit"] = build_peer(project, True, "one title edited")
    result["revert"] = build_ours(project, jobs, "edit reverted")
    result["peer_revert"] = build_peer(project, True, "edit reverted")
    ids = record_ids(project / "content")
    result["output"] = output_sizes(project / "site", ids)
    result["peer_output"] = output_sizes(project / PEER_SITE, ids)
    return result


def output_sizes(site: Path, ids: dict[str, set[str]]) -> dict[str, Any]:
    """Site size, record page sizes, the largest other pages, the search bundle."""
    total = files = 0
    record: dict[str, list[int]] = {prefix: [] for prefix in ids}
    others: list[tuple[int, str]] = []
    search = search_files = 0
    for dirpath, _, names in os.walk(site):
        for name in names:
            path = Path(dirpath, name)
            size = path.stat().st_size
            total += size
            files += 1
            rel = path.relative_to(site).as_posix()
            if rel.startswith(f"{SEARCH_DIR}/"):
                search += size
                search_files += 1
            if not name.endswith(".html"):
                continue
            parts = rel.split("/")
            if len(parts) == 3 and parts[2] == "index.html" and parts[1] in ids.get(parts[0], ()):
                record[parts[0]].append(size)
            else:
                others.append((size, rel))
    all_records = [s for sizes in record.values() for s in sizes]
    others.sort(reverse=True)
    sitemap = site / "sitemap.xml"
    return {
        "site_bytes": total,
        "site_files": files,
        "record_pages": len(all_records),
        "record_page_median": statistics.median(all_records) if all_records else 0,
        "initiative_page_median": (
            statistics.median(record["sang-kien"]) if record.get("sang-kien") else 0
        ),
        "largest_pages": [{"path": p, "bytes": s} for s, p in others[:5]],
        "other_pages": len(others),
        "search_bytes": search,
        "search_files": search_files,
        "sitemap_bytes": sitemap.stat().st_size if sitemap.is_file() else 0,
    }


# =========================================================================== browser


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_port(port: int, proc: subprocess.Popen[Any], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"nothing listens on port {port}") from None
            time.sleep(0.1)


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP on 127.0.0.1 (Python's http.server: no compression, no cache)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, proc, 15)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def html_references(page_html: str, page_url: str) -> set[str]:
    """Absolute URLs of what the HTML itself loads (src= and href= of link/script/img)."""
    refs = set()
    for match in re.finditer(
        r'<(?:script|link|img|source)\b[^>]*?\b(?:src|href)="([^"]+)"', page_html
    ):
        refs.add(urllib.parse.urljoin(page_url, html.unescape(match.group(1))).split("#")[0])
    return refs


def request_part(url: str, resource_type: str, refs: set[str]) -> str:
    """ "page" for the document and what its HTML (or the theme) loads; "search" otherwise."""
    if resource_type == "document" or url.split("#")[0] in refs:
        return "page"
    path = urllib.parse.urlsplit(url).path
    if path.endswith(("/sitemap.xml", "/sitemap.xml.gz")):
        return "page"  # Material's instant navigation reads the sitemap on every page
    if resource_type in ("stylesheet", "font", "image"):
        return "page"
    return "search"


class Recorder:
    """Requests of one page (Web Workers included), by phase."""

    def __init__(self, page: Any, base: str, site: Path) -> None:
        self.page = page
        self.base = base
        self.site = site
        self.phase: str | None = None
        self.started = 0
        self.ended = 0
        self.requests: dict[str, list[Any]] = {}
        page.context.on("request", self._on_request)
        page.context.on("requestfinished", self._on_end)
        page.context.on("requestfailed", self._on_end)

    def _on_request(self, request: Any) -> None:
        self.started += 1
        if self.phase is not None:
            self.requests.setdefault(self.phase, []).append(request)

    def _on_end(self, request: Any) -> None:
        self.ended += 1

    def settle(self, quiet: float = 0.4, timeout: float = 20.0) -> None:
        """Wait until no request is pending and none has started for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        seen, since = self.started, time.monotonic()
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            if self.started != seen:
                seen, since = self.started, time.monotonic()
            elif self.ended >= self.started and time.monotonic() - since >= quiet:
                return

    def _disk(self, url: str) -> Path | None:
        if not url.startswith(self.base):
            return None
        rel = url[len(self.base) :].split("?")[0].split("#")[0].lstrip("/")
        path = self.site / urllib.parse.unquote(rel)
        if rel == "" or rel.endswith("/"):
            path = path / "index.html"
        return path if path.is_file() else None

    def entries(self, phase: str) -> list[dict[str, Any]]:
        out = []
        for request in self.requests.get(phase, []):
            try:
                sizes = request.sizes()
                body, headers = int(sizes["responseBodySize"]), int(sizes["responseHeadersSize"])
            except Exception:  # failed, or no response
                body, headers = 0, 0
            path = self._disk(request.url)
            if body == 0 and path is not None:
                # Chromium reports no body size for a Web Worker's script; the server
                # sends the file as it is on disk.
                body = path.stat().st_size
            gz = body
            if path is not None:
                data = path.read_bytes()
                if data[:2] != b"\x1f\x8b":  # Pagefind's own files are gzip already
                    gz = min(body, len(gzip.compress(data, 6)))
            timing = request.timing or {}
            out.append(
                {
                    "url": request.url,
                    "type": request.resource_type,
                    "start": float(timing.get("startTime", 0.0)),  # epoch ms
                    "bytes": body + max(headers, 0),
                    "gzip_bytes": gz + max(headers, 0),
                }
            )
        return out


#: Installed before any script of the page: logs (time, number of results shown).
_WATCH_JS = """
(() => {
  const SEL = %s;
  const log = [];
  window.__bench = { log };
  let last = 0;
  const check = () => {
    const items = new Set();
    document.querySelectorAll(SEL).forEach((a) => items.add(a.closest("li") || a));
    if (items.size !== last) { last = items.size; log.push([performance.now(), items.size]); }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();
"""

_PAGE_STATE_JS = """
() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const status = document.querySelector("#sk-search [role=status]");
  return {
    log: window.__bench ? window.__bench.log : [],
    load_ms: nav ? nav.loadEventEnd : null,
    dcl_ms: nav ? nav.domContentLoadedEventEnd : null,
    origin: performance.timeOrigin,
    status: status ? status.textContent.trim() : "",
  };
}
"""

#: The peer's search: Pagefind's JS API as Pagefind ships it, after the page has loaded.
_PEER_QUERY_JS = """
async ([q, filters]) => {
  const t0 = performance.now();
  const pf = await import("/pagefind/pagefind.js");
  await pf.init();
  const opts = filters ? { filters } : {};
  if (filters) {
    const known = await pf.filters();
    if (Object.keys(filters).some((k) => !(k in known))) {
      return { unsupported: Object.keys(known) };
    }
  }
  const search = await pf.search(q, opts);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return {
    ms: performance.now() - t0,
    origin: performance.timeOrigin,
    start_ms: t0,
    end_ms: performance.now(),
    results: search.results.length,
    shown: data.length,
  };
}
"""


def search_scenarios(facts: dict[str, Any]) -> list[dict[str, Any]]:
    from generator.vietnamese import fold

    name = " ".join(fold(facts["person"]["name"]).lower().split())
    return [
        {"key": "rare", "label": f"rare word “{facts['rare_word']}”", "q": facts["rare_word"]},
        {"key": "common", "label": f"“{COMMON_QUERY}”", "q": COMMON_QUERY},
        {"key": "name", "label": f"name without accents “{name}”", "q": name},
        {
            "key": "filters",
            "label": "empty query, " + " + ".join(f"{k}={v}" for k, v in facts["filters"].items()),
            "q": None,
            "filters": facts["filters"],
        },
    ]


def scenario_url(base: str, scenario: dict[str, Any]) -> str:
    params: list[tuple[str, str]] = []
    if scenario.get("q"):
        params.append(("q", scenario["q"]))
    for key, value in (scenario.get("filters") or {}).items():
        params.append((key, value))
    return f"{base}/tra-cuu/?{urllib.parse.urlencode(params)}"


def summarise_requests(
    entries: list[dict[str, Any]], refs: set[str], until_epoch_ms: float | None
) -> dict[str, Any]:
    """Bytes and requests, split into the page's own and the search's, up to a moment."""
    out: dict[str, Any] = {}
    for part in ("page", "search"):
        chosen = [
            e
            for e in entries
            if request_part(e["url"], e["type"], refs) == part
            and (until_epoch_ms is None or e["start"] <= until_epoch_ms)
        ]
        out[part] = {
            "bytes": sum(e["bytes"] for e in chosen),
            "gzip_bytes": sum(e["gzip_bytes"] for e in chosen),
            "requests": len(chosen),
        }
    return out


def first_results(log: list[list[float]]) -> tuple[float | None, float | None, int]:
    """(ms to the first result, ms to the first ten or all, results then shown) from the log."""
    if not log or max(n for _, n in log) < 1:
        return None, None, 0
    final = log[-1][1]
    first = next(t for t, n in log if n >= 1)
    want = min(10, int(max(n for _, n in log)))
    ten = next(t for t, n in log if n >= want)
    return first, ten, int(final)


def measure_ours(
    browser: Any,
    base: str,
    site: Path,
    scenario: dict[str, Any],
    timeout: float,
    selector: str = RESULT_SELECTOR,
) -> dict[str, Any]:
    context = browser.new_context()  # a new context: empty cache
    try:
        context.add_init_script(_WATCH_JS % json.dumps(selector))
        page = context.new_page()
        recorder = Recorder(page, base, site)
        recorder.phase = "query"
        url = scenario_url(base, scenario)
        page.goto(url, wait_until="load")
        deadline = time.monotonic() + timeout
        state = page.evaluate(_PAGE_STATE_JS)
        while not state["log"] and time.monotonic() < deadline:
            page.wait_for_timeout(25)
            state = page.evaluate(_PAGE_STATE_JS)
        recorder.settle(quiet=0.5)
        state = page.evaluate(_PAGE_STATE_JS)
        doc = page.content()
        entries = recorder.entries("query")
    finally:
        context.close()
    first, ten, shown = first_results(state["log"])
    refs = html_references(doc, url)
    load = state["load_ms"] or 0.0
    until = state["origin"] + ten if ten is not None else None
    return {
        "url": url,
        "first_ms": first,
        "ten_ms": ten,
        "load_ms": load,
        "after_load_ms": (ten - load) if ten is not None else None,
        "shown": shown,
        "status": state["status"][:80],
        "until_results": summarise_requests(entries, refs, until),
        "settled": summarise_requests(entries, refs, None),
        "files": sorted(
            ({"url": e["url"], "bytes": e["bytes"]} for e in entries),
            key=lambda e: -e["bytes"],
        )[:8],
    }


def measure_peer(
    browser: Any, base: str, site: Path, page_url: str, scenario: dict[str, Any]
) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = context.new_page()
        recorder = Recorder(page, base, site)
        page.goto(f"{base}/{page_url}", wait_until="load")
        recorder.settle()
        recorder.phase = "query"
        filters = scenario.get("filters")
        outcome = page.evaluate(_PEER_QUERY_JS, [scenario.get("q"), filters])
        recorder.settle()
        entries = recorder.entries("query")
    finally:
        context.close()
    if "unsupported" in outcome:
        return {"unsupported": True, "filters": outcome["unsupported"]}
    net = summarise_requests(entries, set(), outcome["origin"] + outcome["end_ms"])
    return {
        "after_load_ms": outcome["ms"],
        "results": outcome["results"],
        "shown": outcome["shown"],
        "until_results": net,
    }


def bench_search(
    project: Path, facts: dict[str, Any], repeats: int, selector: str = RESULT_SELECTOR
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    site, peer_site = project / "site", project / PEER_SITE
    result: dict[str, Any] = {"repeats": repeats, "load_start": os.getloadavg()[0]}
    scenarios = search_scenarios(facts)
    result["scenarios"] = {
        s["key"]: {"label": s["label"], "ours": [], "peer": []} for s in scenarios
    }
    with contextlib.ExitStack() as stack:
        base = stack.enter_context(serve(site))
        peer_base = stack.enter_context(serve(peer_site)) if peer_site.is_dir() else None
        p = stack.enter_context(sync_playwright())
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        for scenario in scenarios:
            slot = result["scenarios"][scenario["key"]]
            print(f"    search: {scenario['label']} …", file=sys.stderr, flush=True)
            for _ in range(repeats):
                slot["ours"].append(measure_ours(browser, base, site, scenario, 30.0, selector))
                if peer_base is not None:
                    slot["peer"].append(
                        measure_peer(
                            browser, peer_base, peer_site, facts["sample_initiative"], scenario
                        )
                    )
    result["load_end"] = os.getloadavg()[0]
    return result


# =========================================================================== preview


class Preview:
    """A running ``showcase serve`` on the project, stopped by SIGTERM (then SIGKILL)."""

    def __init__(self, project: Path) -> None:
        self.project = project
        port = free_port()
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "serve",
                "--root",
                str(project),
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            cwd=project,
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group: we can find what it left behind
        )
        self.url = ""
        self.url_seconds = 0.0
        self.url_stream = ""
        self.temp_before = set(Path(tempfile.gettempdir()).glob(PREVIEW_TEMP))
        self.lines: collections.deque[str] = collections.deque(maxlen=40)
        self._found: list[tuple[str, str]] = []
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        for name, stream in (("stdout", self.proc.stdout), ("stderr", self.proc.stderr)):
            threading.Thread(target=self._read, args=(name, stream), daemon=True).start()

    def _read(self, name: str, stream: Any) -> None:
        # Drained to the end, so that the server never blocks on a full pipe.
        for line in stream:
            self.lines.append(f"{name}: {line.rstrip()}")
            match = re.search(r"http://\S+", line)
            if match:
                self._found.append((name, match.group(0).rstrip(".,)")))

    def wait_url(self, timeout: float) -> str:
        """The served root: the first "http://" the server prints (on stdout, by contract)."""
        deadline = time.monotonic() + timeout
        while not self._found:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "showcase serve printed no http:// address:\n" + "\n".join(self.lines)
                )
            time.sleep(0.05)
        self.url_stream, url = self._found[0]
        self.url = url if url.endswith("/") else url + "/"
        self.url_seconds = time.perf_counter() - self.started
        return self.url

    def get(self, rel: str, timeout: float = 30.0) -> tuple[int, str]:
        try:
            with self._opener.open(self.url + rel, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, ""
        except (urllib.error.URLError, OSError):
            return 0, ""

    def status(self) -> dict[str, Any] | None:
        code, body = self.get(STATUS_PATH, timeout=10)
        if code != 200:
            return None
        try:
            value = json.loads(body)
        except ValueError:
            return None
        return value if isinstance(value, dict) and "build" in value else None

    def stop(self) -> dict[str, Any]:
        """SIGTERM, as a user's Ctrl-C or a service manager would; report what stayed."""
        group = self.proc.pid
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
            clean_exit = True
        except subprocess.TimeoutExpired:
            clean_exit = False
        time.sleep(0.5)
        left = [pid for pid, (_, pgid) in process_table().items() if pgid == group]
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if not clean_exit:
            self.proc.wait()
        temp_left = set(Path(tempfile.gettempdir()).glob(PREVIEW_TEMP)) - self.temp_before
        return {
            "stopped_by_sigterm": clean_exit,
            "processes_left": len(left),
            "temp_folders_left": sorted(str(p) for p in temp_left),
            "log_tail": list(self.lines),
        }


def poll(condition: Any, timeout: float, interval: float = 0.05) -> float | None:
    """Seconds until ``condition()`` is true, or None after ``timeout``."""
    started = time.perf_counter()
    while True:
        if condition():
            return time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            return None
        time.sleep(interval)


def shows(preview: Preview, rel: str, text: str) -> Any:
    escaped = html.escape(text, quote=False)
    return lambda: (lambda r: r[0] == 200 and (text in r[1] or escaped in r[1]))(preview.get(rel))


#: Added to the renamed person's name, one per repeat.
GIVEN_NAMES = ("Hải", "Hà", "Hòa", "Hưng", "Hương", "Hiền", "Huy", "Hạnh", "Hoa", "Hùng")


def bench_preview(
    project: Path, facts: dict[str, Any], repeats: int, timeout: float, wait_search: bool = True
) -> dict[str, Any]:
    preview = Preview(project)
    result: dict[str, Any] = {"repeats": repeats, "load_start": os.getloadavg()[0]}
    try:
        preview.wait_url(timeout=600)
        result["url_seconds"] = preview.url_seconds
        result["url_stream"] = preview.url_stream
        # The server may accept connections before its first build is done and answer
        # only then: wait for an answer, not just for the port.
        status, code = None, 0
        deadline = time.monotonic() + 1800
        while status is None and time.monotonic() < deadline and preview.proc.poll() is None:
            code, _ = preview.get(STATUS_PATH, timeout=60)
            status = preview.status() if code == 200 else None
            if code not in (0, 200):
                break
        if status is None:
            result["skipped"] = (
                f"GET {STATUS_PATH} answered {code or 'nothing'}: this `showcase serve` has no "
                "status endpoint (contract in docs_dev/benchmark.md); preview not measured"
            )
            return result
        ready = poll(
            lambda: (lambda s: bool(s and s.get("build", 0) >= 1 and s.get("ok")))(
                preview.status()
            ),
            timeout=1800,
            interval=0.2,
        )
        if ready is None:
            result["skipped"] = "the first build never finished with ok=true"
            return result
        result["ready_seconds"] = time.perf_counter() - preview.started
        result["wait_search"] = wait_search
        result["scenarios"] = preview_scenarios(
            preview, project, facts, repeats, timeout, wait_search
        )
    finally:
        result["stop"] = preview.stop()
        result["load_end"] = os.getloadavg()[0]
    return result


def settle(preview: Preview, timeout: float, wait_search: bool) -> float | None:
    """Wait until the server is idle: no build running and, when asked, the search index fresh.

    Each measured edit starts from a quiet server, so that a figure is the edit alone,
    not the edit plus a background search re-index started by the previous one.
    """
    last: list[Any] = [None]

    def idle() -> bool:
        status = preview.status()
        if status is None:
            return False
        key = (status.get("build"), status.get("version"), status.get("ok"))
        same = key == last[0]
        last[0] = key
        busy = status.get("search") in ("stale", "updating") and status.get("ok", True)
        return same and not (wait_search and busy)

    return poll(idle, timeout, interval=0.5)


def preview_scenarios(
    preview: Preview,
    project: Path,
    facts: dict[str, Any],
    repeats: int,
    timeout: float,
    wait_search: bool = True,
) -> dict[str, list[float | None]]:
    out: dict[str, list[float | None]] = {
        "title edit": [],
        "person rename": [],
        "new record": [],
        "deleted record": [],
        "error shown": [],
        "error fixed": [],
    }
    sample_rel = facts["sample_file"]
    sample_url = facts["sample_initiative"]

    def quiet() -> None:
        settle(preview, max(timeout, 600.0), wait_search)

    with editing(project, sample_rel) as path:
        original = path.read_text(encoding="utf-8")
        title = scalar(original, "title")
        for k in range(1, repeats + 1):
            quiet()
            new = f"{title} (bản sửa {k})"
            path.write_text(set_scalar(original, "title", new), encoding="utf-8")
            out["title edit"].append(poll(shows(preview, sample_url, new), timeout))
        path.write_text(original, encoding="utf-8")
        poll(shows(preview, sample_url, title), timeout)

    person = facts["person"]
    with editing(project, person["file"]) as path:
        original = path.read_text(encoding="utf-8")
        for given in GIVEN_NAMES[:repeats]:
            quiet()
            new = f"{person['name']} {given}"
            path.write_text(set_scalar(original, "name", new), encoding="utf-8")
            own = shows(preview, f"ca-nhan/{person['id']}/", new)
            work = shows(preview, person["initiative_url"], new)
            out["person rename"].append(poll(lambda o=own, w=work: o() and w(), timeout))
        path.write_text(original, encoding="utf-8")
        poll(shows(preview, f"ca-nhan/{person['id']}/", person["name"]), timeout)

    sample_text = (project / sample_rel).read_text(encoding="utf-8")
    for k in range(1, repeats + 1):
        ident = f"bench-moi-{k}"
        path = (project / sample_rel).with_name(f"{ident}.yml")
        new_title = f"Sáng kiến mới số {k} của phép đo"
        quiet()
        path.write_text(set_scalar(sample_text, "title", new_title), encoding="utf-8")
        out["new record"].append(poll(shows(preview, f"sang-kien/{ident}/", new_title), timeout))
        quiet()
        path.unlink()
        out["deleted record"].append(
            poll(lambda i=ident: preview.get(f"sang-kien/{i}/")[0] == 404, timeout)
        )

    def failing() -> bool:
        status = preview.status() or {}
        return not status.get("ok", True) and OVERLAY_MARKER in preview.get(sample_url)[1]

    def fixed() -> bool:
        return bool((preview.status() or {}).get("ok"))

    with editing(project, sample_rel) as path:
        original = path.read_text(encoding="utf-8")
        for _ in range(repeats):
            quiet()
            path.write_text(set_scalar(original, "unit", "don-vi-khong-ton-tai"), encoding="utf-8")
            out["error shown"].append(poll(failing, timeout))
            quiet()
            path.write_text(original, encoding="utf-8")
            out["error fixed"].append(poll(fixed, timeout))
    return out


# =========================================================================== report (pure)


def ratio(ours: float | None, peer: float | None) -> str:
    if ours is None or not peer:
        return "–"
    return f"{ours / peer:.2f}×"


def with_ratio(ours: float | None, peer: float | None, fmt: str = "{:.1f}") -> str:
    if ours is None:
        return "–"
    if not peer:
        return fmt.format(ours)
    return f"{fmt.format(ours)} ({ratio(ours, peer)})"


def median(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def kb(n: float) -> str:
    return f"{n / 1e3:,.1f} KB"


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join(
        [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
        + [line(r) for r in rows]
    )


def mark(ok: bool | None) -> str:
    return "–" if ok is None else ("met" if ok else "MISSED")


def build_rows(build: dict[str, Any]) -> list[list[str]]:
    """Our cold build stage by stage, each figure with its ratio to the peer's."""
    cold = build["cold"]
    peer = build["peer_cold"]
    total = peer_total(peer)
    rows = []
    stages = {s["name"]: s for s in (cold.get("result") or {}).get("stages", [])}
    for name in [*STAGES, *[n for n in stages if n not in STAGES]]:
        stage = stages.get(name)
        if stage is None:
            continue
        counterpart = PEER_COUNTERPART.get(name)
        ref = peer[counterpart] if counterpart else total
        rows.append(
            [
                name,
                with_ratio(stage["wall"], ref["wall"]),
                with_ratio(stage["cpu"], ref["cpu"]),
                with_ratio(stage.get("rss_mb"), ref["tree_rss_mb"], "{:,.0f}"),
                counterpart or "peer total",
            ]
        )
    rows.append(
        [
            "total (child process)",
            with_ratio(cold["wall"], total["wall"]),
            with_ratio(cold["cpu"], total["cpu"]),
            with_ratio(cold["tree_rss_mb"], total["tree_rss_mb"], "{:,.0f}"),
            "peer total",
        ]
    )
    rows.append(
        [
            "  largest single process",
            "",
            "",
            with_ratio(cold["max_process_rss_mb"], total["max_process_rss_mb"], "{:,.0f}"),
            "",
        ]
    )
    rows.append(
        [
            "  PSS, all processes",
            "",
            "",
            with_ratio(cold["tree_pss_mb"], total["tree_pss_mb"], "{:,.0f}"),
            "",
        ]
    )
    return rows


def peer_rows(peer: dict[str, Any]) -> list[list[str]]:
    rows = []
    for name, run in [*peer.items(), ("total", peer_total(peer))]:
        rows.append(
            [
                name,
                f"{run['wall']:.1f}",
                f"{run['cpu']:.1f}",
                f"{run['tree_rss_mb']:,.0f}",
                f"{run['max_process_rss_mb']:,.0f}",
                f"{run['load_start']:.1f}→{run['load_end']:.1f}",
            ]
        )
    return rows


def rebuild_rows(build: dict[str, Any]) -> list[list[str]]:
    rows = []
    for key, label in (
        ("cold", "cold"),
        ("rebuild", "nothing changed"),
        ("edit", "one title edited"),
        ("revert", "edit reverted"),
    ):
        ours = build[key]
        peer = peer_total(build[f"peer_{key}"])
        res = ours.get("result") or {}
        rows.append(
            [
                label,
                with_ratio(ours["wall"], peer["wall"]),
                with_ratio(ours["cpu"], peer["cpu"]),
                with_ratio(ours["tree_rss_mb"], peer["tree_rss_mb"], "{:,.0f}"),
                f"{res.get('pages_built', '?')} / {res.get('pages_unchanged', '?')}",
                f"{res.get('docs_written', '?')}",
                ", ".join(
                    f"{SHORT.get(s['name'], s['name'])} {s['cpu']:.1f}"
                    for s in res.get("stages", [])
                ),
                f"{ours['load_start']:.1f}→{ours['load_end']:.1f}",
            ]
        )
    return rows


def output_rows(ours: dict[str, Any], peer: dict[str, Any]) -> list[list[str]]:
    def row(label: str, key: str, fmt: Any) -> list[str]:
        a, b = ours.get(key, 0), peer.get(key, 0)
        return [label, fmt(a), fmt(b), ratio(a, b)]

    rows = [
        row("site total", "site_bytes", mb),
        row("files", "site_files", lambda n: f"{n:,}"),
        row("record pages", "record_pages", lambda n: f"{n:,}"),
        row("median record page HTML", "record_page_median", kb),
        row("median initiative page HTML", "initiative_page_median", kb),
        row("search bundle (pagefind/)", "search_bytes", mb),
        row("search bundle files", "search_files", lambda n: f"{n:,}"),
        row("sitemap.xml", "sitemap_bytes", kb),
    ]
    big = ours.get("largest_pages") or [{"path": "–", "bytes": 0}]
    peer_sizes = {p["path"]: p["bytes"] for p in peer.get("largest_pages", [])}
    top = big[0]
    rows.append(
        [
            f"largest other page ({top['path']})",
            kb(top["bytes"]),
            kb(peer_sizes[top["path"]]) if top["path"] in peer_sizes else "–",
            ratio(top["bytes"], peer_sizes.get(top["path"])),
        ]
    )
    return rows


def search_rows(search: dict[str, Any], records: int) -> list[list[str]]:
    rows = []
    for key, slot in search["scenarios"].items():
        runs = slot["ours"]
        peers = [p for p in slot["peer"] if not p.get("unsupported")]
        after = median([r["after_load_ms"] for r in runs])
        first = median([r["ten_ms"] for r in runs])
        sb = median([r["until_results"]["search"]["bytes"] for r in runs])
        sg = median([r["until_results"]["search"]["gzip_bytes"] for r in runs])
        sr = median([r["until_results"]["search"]["requests"] for r in runs])
        pb = median([r["until_results"]["page"]["bytes"] for r in runs])
        shown = runs[0]["shown"] if runs else 0
        peer_ms = median([p["after_load_ms"] for p in peers])
        peer_b = median([p["until_results"]["search"]["bytes"] for p in peers])
        limit_ms = TARGETS["filter_query_ms" if key == "filters" else "text_query_ms"]
        limit_kb = TARGETS["filter_query_kb" if key == "filters" else "text_query_kb"]
        ok = None
        if records >= 50_000 and after is not None and sb is not None:
            ok = after <= limit_ms and sb <= limit_kb * 1000
        spread = [r["after_load_ms"] for r in runs if r["after_load_ms"] is not None]
        rows.append(
            [
                slot["label"],
                (
                    f"{after:.0f} ({min(spread):.0f}–{max(spread):.0f})"
                    if after is not None
                    else "no results"
                )
                + (f" ({ratio(after, peer_ms)})" if after is not None and peer_ms else ""),
                f"{first:.0f}" if first is not None else "–",
                f"{shown} {('“' + runs[0]['status'] + '”') if runs and runs[0]['status'] else ''}",
                (f"{kb(sb)} / {sr:.0f}" if sb is not None else "–")
                + (f" ({ratio(sb, peer_b)})" if sb is not None and peer_b else ""),
                kb(sg) if sg is not None else "–",
                kb(pb) if pb is not None else "–",
                (
                    f"{peer_ms:.0f} ms, {kb(peer_b or 0)}"
                    if peer_ms is not None
                    else ("no such filters" if slot["peer"] else "–")
                ),
                f"≤ {limit_ms:.0f} ms, ≤ {limit_kb:.0f} KB: {mark(ok)}",
            ]
        )
    return rows


def preview_rows(preview: dict[str, Any], records: int) -> list[list[str]]:
    rows = []
    for name, values in preview.get("scenarios", {}).items():
        done = [v for v in values if v is not None]
        med = median(values)
        ok = None
        if records >= 10_000 and name in ("title edit", "error shown"):
            ok = med is not None and med <= TARGETS["preview_s"] and len(done) == len(values)
        rows.append(
            [
                name,
                f"{med:.2f}" if med is not None else "–",
                f"{min(done):.2f}–{max(done):.2f}" if done else "–",
                f"{len(done)} of {len(values)}",
                mark(ok),
            ]
        )
    return rows


def build_targets(records: int, build: dict[str, Any]) -> list[str]:
    cold = build["cold"]
    peer = peer_total(build["peer_cold"])
    lines = []
    if records == 10_000:
        lines.append(
            f"cold build ≤ {TARGETS['cold_wall_10k']:.0f} s wall: {cold['wall']:.0f} s, "
            f"{mark(cold['wall'] <= TARGETS['cold_wall_10k'])}; ≤ {TARGETS['cold_ratio_10k']} × "
            f"the peer's wall: {ratio(cold['wall'], peer['wall'])}, "
            f"{mark(cold['wall'] <= TARGETS['cold_ratio_10k'] * peer['wall'])}"
        )
    if records == 50_000:
        lines.append(
            f"cold build ≤ {TARGETS['cold_wall_50k']:.0f} s wall: {cold['wall']:.0f} s, "
            f"{mark(cold['wall'] <= TARGETS['cold_wall_50k'])}; peak RSS, all processes together "
            f"≤ {TARGETS['rss_50k_mb']:,.0f} MB: {cold['tree_rss_mb']:,.0f} MB, "
            f"{mark(cold['tree_rss_mb'] <= TARGETS['rss_50k_mb'])}"
        )
    return lines


def format_report(info: dict[str, Any]) -> str:
    """The printed tables of one size's results (also used by --report)."""
    n = info["records"]
    machine = info.get("machine", {})
    out = [f"\n=== {n:,} records ==="]
    facts = info.get("facts", {})
    if facts:
        out.append(
            f"content: {facts.get('counts')}; generated in {facts.get('synth_wall', 0):.1f} s "
            f"({facts.get('synth_cpu', 0):.1f} CPU s){' (reused)' if facts.get('reused') else ''}"
        )
    if machine:
        out.append(
            f"machine: {machine.get('cpus')} CPUs, {machine.get('memory_gb', 0):.0f} GB; "
            f"{machine.get('versions')}; commit {machine.get('commit')}"
        )
    build = info.get("build")
    if build:
        cold = build["cold"]
        out.append(
            f"\nCold `showcase build` (jobs: {build.get('jobs') or 'default'}), load average "
            f"{cold['load_start']:.1f}→{cold['load_end']:.1f}. Each figure: ours (ours ÷ peer's). "
            "Stages without a peer counterpart are divided by the peer's total. RSS: peak of all "
            "processes together (MB)."
        )
        out.append(
            table(build_rows(build), ["stage", "wall s", "CPU s", "RSS MB", "compared with"])
        )
        out.append(
            "\nPeer: the same docs folder, plain MkDocs + Material without our plugin, then "
            "`pagefind --site`."
        )
        out.append(
            table(
                peer_rows(build["peer_cold"]),
                ["peer step", "wall s", "CPU s", "RSS MB, all", "largest process MB", "load"],
            )
        )
        out.append(
            "\nRebuilds (peer: `mkdocs build --dirty` + `pagefind --site` on the docs our build "
            "wrote):"
        )
        out.append(
            table(
                rebuild_rows(build),
                [
                    "build",
                    "wall s",
                    "CPU s",
                    "RSS MB",
                    "pages built / unchanged",
                    "docs written",
                    "CPU s by stage",
                    "load",
                ],
            )
        )
        out.append("\nOutput:")
        out.append(
            table(output_rows(build["output"], build["peer_output"]), ["", "ours", "peer", "ratio"])
        )
        largest = ", ".join(
            f"{p['path']} {kb(p['bytes'])}" for p in build["output"].get("largest_pages", [])
        )
        out.append(f"largest pages other than records: {largest}")
        out.extend(build_targets(n, build))
    search = info.get("search")
    if search:
        out.append(
            f"\nSearch on /tra-cuu/ in Chromium, cold cache, median of {search['repeats']} "
            f"(load {search['load_start']:.1f}→{search['load_end']:.1f}). ms after load: from the "
            "load event to the first ten results (or all, if fewer) shown; search bytes: what the "
            "HTML does not load itself, until then (raw, as served without compression; "
            "gzip: if the server compressed). Peer: Pagefind's JS API on the peer's bundle."
        )
        out.append(
            table(
                search_rows(search, n),
                [
                    "query",
                    "ms after load (× peer)",
                    "ms from navigation",
                    "shown",
                    "search bytes / req (× peer)",
                    "gzip",
                    "page bytes",
                    "peer",
                    "target at 50k",
                ],
            )
        )
    preview = info.get("preview")
    if preview:
        if preview.get("skipped"):
            out.append(f"\nPreview: skipped: {preview['skipped']}")
        else:
            stop = preview.get("stop", {})
            out.append(
                f"\nPreview (`showcase serve`): address after {preview.get('url_seconds', 0):.1f} s, "
                f"first build ready after {preview.get('ready_seconds', 0):.1f} s; seconds from "
                f"saving a file to the served page showing it, median of {preview['repeats']}"
                + (
                    ", each edit made on an idle server (search index refreshed); "
                    if preview.get("wait_search", True)
                    else ", edits made while the search index may be refreshing; "
                )
                + f"stopped by SIGTERM: {stop.get('stopped_by_sigterm')}, processes left: "
                f"{stop.get('processes_left')}, temporary folders left: "
                f"{len(stop.get('temp_folders_left', []))}."
            )
            out.append(
                table(preview_rows(preview, n), ["change", "median s", "min–max", "done", "≤ 2 s"])
            )
    return "\n".join(out)


# =========================================================================== main


def machine_info() -> dict[str, Any]:
    versions: dict[str, str | None] = {}
    for package in ("mkdocs", "mkdocs-material", "pagefind", "playwright"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = None
    memory = 0.0
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/meminfo") as f:
        memory = int(f.readline().split()[1]) / 1024 / 1024
    commit = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cpus": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "memory_gb": memory,
        "python": platform.python_version(),
        "versions": versions,
        "commit": commit,
    }


def bench_one(n: int, args: argparse.Namespace, machine: dict[str, Any]) -> dict[str, Any]:
    keep = args.keep is not None
    project = (
        args.keep.resolve() / f"records-{n}"
        if keep
        else Path(tempfile.mkdtemp(prefix=f"showcase-bench-{n}-"))
    )
    info: dict[str, Any] = {"records": n, "project": str(project), "machine": machine}
    try:
        facts = prepare_project(project, n, args.seed)
        info["facts"] = facts
        parts = args.only or ["build", "search", "preview"]
        if "build" in parts or (
            "search" in parts and not (project / "site" / "index.html").is_file()
        ):
            print(f"[{n}] build …", file=sys.stderr, flush=True)
            info["build"] = bench_build(project, facts, args.jobs)
        if "search" in parts:
            print(f"[{n}] search …", file=sys.stderr, flush=True)
            if args.filters:
                facts["filters"] = dict(urllib.parse.parse_qsl(args.filters))
            info["search"] = bench_search(project, facts, args.repeats, args.result_selector)
        if "preview" in parts and n <= args.preview_max:
            print(f"[{n}] preview …", file=sys.stderr, flush=True)
            info["preview"] = bench_preview(
                project,
                facts,
                args.preview_repeats,
                args.timeout,
                wait_search=not args.preview_busy,
            )
        print(format_report(info), flush=True)
        return info
    finally:
        if keep:
            restore_backups(project)
        else:
            shutil.rmtree(project, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[1000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["build", "search", "preview"],
        help="run only these parts (search builds first when there is no site yet)",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="`showcase build --jobs` (default: its own)"
    )
    parser.add_argument("--repeats", type=int, default=5, help="browser runs per search query")
    parser.add_argument(
        "--result-selector",
        default=RESULT_SELECTOR,
        help="CSS selector of a result link on /tra-cuu/ (default: %(default)s)",
    )
    parser.add_argument(
        "--filters",
        help="the two filters of the empty query, as a query string "
        "(default: year=2022&field=<the commonest field of 2022>)",
    )
    parser.add_argument("--preview-repeats", type=int, default=5, help="edits per preview change")
    parser.add_argument(
        "--preview-max",
        type=int,
        default=10_000,
        help="measure the preview only up to this many records (default 10000)",
    )
    parser.add_argument(
        "--preview-busy",
        action="store_true",
        help="edit without waiting for the preview's background search index (default: wait)",
    )
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds to wait for one preview change"
    )
    parser.add_argument(
        "--keep", type=Path, help="keep each project in DIR/records-N; reuse its content"
    )
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--report", type=Path, help="print the tables of a --json file, and stop")
    parser.add_argument("--child", choices=["build"], help=argparse.SUPPRESS)
    parser.add_argument("--project", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-search", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "build":
        child_build(args.project, args.jobs, not args.no_search)
        return 0
    if args.report:
        for info in json.loads(args.report.read_text(encoding="utf-8")):
            print(format_report(info))
        return 0
    machine = machine_info()
    results = []
    for n in args.records:
        results.append(bench_one(n, args, machine))
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(
                json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
