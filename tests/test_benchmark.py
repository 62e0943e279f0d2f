"""scripts/benchmark.py: the pure helpers behind its figures (no build, no browser)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from test_synth import _synth

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "benchmark.py"


def _bench() -> ModuleType:
    module = sys.modules.get("showcase_benchmark")
    if module is None:
        spec = importlib.util.spec_from_file_location("showcase_benchmark", SCRIPT)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["showcase_benchmark"] = module  # dataclasses look the module up by name
        spec.loader.exec_module(module)
    return module


bench = _bench()


# -- processes and memory ----------------------------------------------------------------------


def test_parse_stat_counts_fields_after_the_last_parenthesis() -> None:
    # A command name may hold spaces and parentheses of its own.
    line = "4242 (python (a) b) S 17 4200 4200 0 -1 4194560 900 0 0 0 5 1 0 0 20 0 3 0"
    assert bench.parse_stat(line) == (17, 4200)


def test_descendants_follow_the_whole_tree_and_nothing_else() -> None:
    parent_of = {10: 1, 11: 10, 12: 10, 13: 12, 20: 1, 21: 20}
    assert bench.descendants(10, parent_of) == {10, 11, 12, 13}
    assert bench.descendants(13, parent_of) == {13}


def test_the_sampler_sees_this_process() -> None:
    import os

    sampler = bench.TreeSampler(os.getpid())
    sampler.sample()
    (sample,) = sampler.samples
    assert sample.processes >= 1
    assert sample.rss > 1_000_000  # a Python process holds more than a megabyte


def test_window_peak_takes_the_largest_sample_inside_or_the_nearest() -> None:
    s = bench.Sample
    samples = [s(1.0, 100_000_000, 50_000_000, 1), s(2.0, 300_000_000, 90_000_000, 3)]
    samples.append(s(3.0, 200_000_000, 80_000_000, 2))
    assert bench.window_peak(samples, 1.5, 3.5) == {"rss_mb": 300.0, "pss_mb": 90.0}
    # No sample inside a short stage: the nearest one stands for it.
    assert bench.window_peak(samples, 2.9, 2.95)["rss_mb"] == 200.0
    assert bench.window_peak([], 0, 1) == {"rss_mb": 0.0, "pss_mb": 0.0}


# -- the peer ----------------------------------------------------------------------------------


def test_peer_config_drops_only_our_plugin(tmp_path: Path) -> None:
    config: dict[str, Any] = {
        "theme": {"name": "material", "custom_dir": "site_templates/overrides"},
        "plugins": ["search", "showcase", {"showcase": {"search": False}}, {"tags": {}}],
        "extra_css": ["a.css"],
        "markdown_extensions": ["tables", {"toc": {"permalink": True}}],
    }
    peer = bench.peer_config(config, tmp_path / "docs", tmp_path / "out")
    assert peer["plugins"] == ["search", {"tags": {}}]
    assert peer["docs_dir"] == str(tmp_path / "docs")
    assert peer["site_dir"] == str(tmp_path / "out")
    for key in ("theme", "extra_css", "markdown_extensions"):
        assert peer[key] == config[key]
    assert "showcase" in config["plugins"]  # the project's config is left alone


def test_peer_config_keeps_an_explicit_empty_plugin_list(tmp_path: Path) -> None:
    # Without a `plugins` key MkDocs would add Material's lunr search.
    peer = bench.peer_config({"plugins": ["showcase"]}, tmp_path, tmp_path)
    assert peer["plugins"] == []
    written = yaml.safe_load(yaml.safe_dump(peer))
    assert written["plugins"] == []


def test_the_repository_config_loses_its_plugin(tmp_path: Path) -> None:
    repo = SCRIPT.parent.parent
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    peer = bench.peer_config(config, tmp_path, tmp_path)
    assert "showcase" in str(config["plugins"])
    assert "showcase" not in str(peer["plugins"])
    assert peer["theme"] == config["theme"]


def test_peer_total_adds_times_and_keeps_the_larger_memory() -> None:
    run = {"max_process_rss_mb": 0.0, "tree_pss_mb": 0.0, "load_start": 1.0, "load_end": 2.0}
    peer = {
        "mkdocs build": {**run, "wall": 10.0, "cpu": 8.0, "tree_rss_mb": 100.0},
        "pagefind --site": {**run, "wall": 2.0, "cpu": 3.0, "tree_rss_mb": 300.0},
    }
    total = bench.peer_total(peer)
    assert (total["wall"], total["cpu"], total["tree_rss_mb"]) == (12.0, 11.0, 300.0)


# -- edits -------------------------------------------------------------------------------------


WRAPPED = """title: Chế tạo thiết bị hỗ trợ bảng điều khiển số liệu sản xuất tại CĐCS Điện lực
  Trường Sơn
authors:
- person: pham-minh-phong
unit: cdcs-dien-luc-truong-son
summary: Một đoạn văn
  dài hai dòng.
"""


def test_scalar_reads_a_wrapped_plain_scalar() -> None:
    assert bench.scalar(WRAPPED, "title").endswith("Điện lực Trường Sơn")
    assert bench.scalar(WRAPPED, "unit") == "cdcs-dien-luc-truong-son"


def test_set_scalar_replaces_the_whole_value_and_nothing_else() -> None:
    edited = bench.set_scalar(WRAPPED, "title", 'Tên mới: "có" dấu hai chấm')
    before, after = yaml.safe_load(WRAPPED), yaml.safe_load(edited)
    assert after["title"] == 'Tên mới: "có" dấu hai chấm'
    assert {k: v for k, v in after.items() if k != "title"} == {
        k: v for k, v in before.items() if k != "title"
    }
    with pytest.raises(ValueError):
        bench.set_scalar(WRAPPED, "name", "x")


def test_editing_restores_the_file_even_after_an_error(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    target = tmp_path / "content" / "a.yml"
    target.write_text("title: A\n", encoding="utf-8")
    with pytest.raises(RuntimeError), bench.editing(tmp_path, "content/a.yml") as path:
        path.write_text("title: B\n", encoding="utf-8")
        raise RuntimeError
    assert target.read_text(encoding="utf-8") == "title: A\n"
    assert not (tmp_path / ".bench-backup" / "content" / "a.yml").exists()


def test_an_interrupted_run_is_undone(tmp_path: Path) -> None:
    content = tmp_path / "content" / "initiatives"
    content.mkdir(parents=True)
    (content / "a.yml").write_text("title: edited\n", encoding="utf-8")
    (content / "bench-moi-1.yml").write_text("title: added\n", encoding="utf-8")
    backup = tmp_path / ".bench-backup" / "content" / "initiatives"
    backup.mkdir(parents=True)
    (backup / "a.yml").write_text("title: original\n", encoding="utf-8")
    bench.restore_backups(tmp_path)
    assert (content / "a.yml").read_text(encoding="utf-8") == "title: original\n"
    assert not (content / "bench-moi-1.yml").exists()
    assert not (tmp_path / ".bench-backup").exists()


# -- content facts -----------------------------------------------------------------------------


def test_content_facts_name_what_the_benchmark_edits_and_searches(tmp_path: Path) -> None:
    report = _synth().generate_content(tmp_path / "content", records=80, seed=2)
    facts = bench.content_facts(tmp_path / "content", report.sample_initiative)
    assert (tmp_path / facts["sample_file"]).is_file()
    person = facts["person"]
    assert (tmp_path / person["file"]).is_file()
    assert person["initiatives"] >= 1
    holder = next(
        (tmp_path / "content" / "initiatives").rglob(
            person["initiative_url"].split("/")[1] + ".yml"
        )
    )
    assert f"person: {person['id']}" in holder.read_text(encoding="utf-8")
    labels = [
        f["name"]
        for f in yaml.safe_load(
            (tmp_path / "content" / "taxonomies.yml").read_text(encoding="utf-8")
        )["fields"].values()
    ]
    assert facts["filters"]["year"] == "2022"
    assert facts["filters"]["field"] in labels
    assert facts["filters_expected"] >= 1

    scenarios = {s["key"]: s for s in bench.search_scenarios({**facts, **report.__dict__})}
    assert scenarios["name"]["q"].isascii()
    assert scenarios["name"]["q"] != person["name"]
    assert scenarios["filters"]["q"] is None
    url = bench.scenario_url("http://h", scenarios["filters"])
    assert url.startswith("http://h/tra-cuu/?year=2022&field=")


# -- browser figures ---------------------------------------------------------------------------


def test_html_references_resolve_against_the_page() -> None:
    page = (
        '<link rel="stylesheet" href="../assets/a.css?v=1">'
        '<script src="/assets/b.js"></script><a href="/not-loaded/">x</a>'
    )
    refs = bench.html_references(page, "http://h/tra-cuu/?q=x")
    assert refs == {"http://h/assets/a.css?v=1", "http://h/assets/b.js"}


def test_request_part_tells_the_page_from_the_search() -> None:
    refs = {"http://h/assets/b.js"}
    assert bench.request_part("http://h/tra-cuu/?q=x", "document", refs) == "page"
    assert bench.request_part("http://h/assets/b.js", "script", refs) == "page"
    assert bench.request_part("http://h/sitemap.xml", "fetch", refs) == "page"
    assert bench.request_part("http://h/pagefind/pagefind.js", "script", refs) == "search"
    assert bench.request_part("http://h/pagefind/index/x.pf_index", "fetch", refs) == "search"


def test_summarise_requests_counts_only_what_started_in_time() -> None:
    entries = [
        {"url": "http://h/p/", "type": "document", "start": 0.0, "bytes": 10, "gzip_bytes": 5},
        {"url": "http://h/s/1", "type": "fetch", "start": 50.0, "bytes": 100, "gzip_bytes": 40},
        {"url": "http://h/s/2", "type": "fetch", "start": 90.0, "bytes": 1000, "gzip_bytes": 400},
    ]
    early = bench.summarise_requests(entries, set(), 60.0)
    assert early["page"] == {"bytes": 10, "gzip_bytes": 5, "requests": 1}
    assert early["search"] == {"bytes": 100, "gzip_bytes": 40, "requests": 1}
    assert bench.summarise_requests(entries, set(), None)["search"]["bytes"] == 1100


def test_first_results_from_the_page_log() -> None:
    assert bench.first_results([]) == (None, None, 0)
    assert bench.first_results([[120.0, 0]]) == (None, None, 0)
    # 3 results, then 10: the first ten are shown at 250 ms.
    assert bench.first_results([[200.0, 3], [250.0, 10], [900.0, 20]]) == (200.0, 250.0, 20)
    # Fewer than ten in all: the time when all of them were shown.
    assert bench.first_results([[80.0, 1], [95.0, 2]]) == (80.0, 95.0, 2)


# -- the report --------------------------------------------------------------------------------


def _run(wall: float, cpu: float, rss: float, **extra: Any) -> dict[str, Any]:
    return {
        "wall": wall,
        "cpu": cpu,
        "tree_rss_mb": rss,
        "tree_pss_mb": rss / 2,
        "max_process_rss_mb": rss / 2,
        "load_start": 0.5,
        "load_end": 0.7,
        **extra,
    }


def _info() -> dict[str, Any]:
    stages = [
        {"name": "load + validate + link", "wall": 3.0, "cpu": 3.0, "rss_mb": 100.0},
        {"name": "build pages", "wall": 4.0, "cpu": 6.0, "rss_mb": 200.0},
        {"name": "index", "wall": 1.0, "cpu": 1.0, "rss_mb": 50.0},
    ]
    result = {"stages": stages, "pages_built": 10, "pages_unchanged": 0, "docs_written": 10}
    peer = {"mkdocs build": _run(8.0, 8.0, 400.0), "pagefind --site": _run(2.0, 2.0, 100.0)}
    output = {
        "site_bytes": 2_000_000,
        "site_files": 10,
        "record_pages": 5,
        "record_page_median": 20_000,
        "largest_pages": [{"path": "sang-kien/index.html", "bytes": 50_000}],
    }
    peer_output = {**output, "record_page_median": 40_000}
    build = {"jobs": 2, "cold": _run(9.0, 10.0, 300.0, result=result), "peer_cold": peer}
    for key in ("rebuild", "edit", "revert"):
        build[key] = _run(1.0, 1.0, 100.0, result=result)
        build[f"peer_{key}"] = peer
    build["output"], build["peer_output"] = output, peer_output
    return {"records": 10_000, "build": build}


def test_every_build_figure_has_its_ratio_to_the_peer() -> None:
    rows = {r[0]: r for r in bench.build_rows(_info()["build"])}
    # build pages ↔ mkdocs build: 4.0 s / 8.0 s, 6 CPU s / 8 CPU s, 200 MB / 400 MB.
    assert rows["build pages"][1:4] == ["4.0 (0.50×)", "6.0 (0.75×)", "200 (0.50×)"]
    # No counterpart: divided by the peer's total (10 s, 10 CPU s, 400 MB).
    assert rows["load + validate + link"][1:5] == [
        "3.0 (0.30×)",
        "3.0 (0.30×)",
        "100 (0.25×)",
        "peer total",
    ]
    assert rows["total (child process)"][1] == "9.0 (0.90×)"


def test_the_report_judges_the_10k_target_and_prints_output_ratios() -> None:
    text = bench.format_report(_info())
    assert "cold build ≤ 120 s wall: 9 s, met" in text
    assert "0.90×, MISSED" in text  # 9 s is more than 0.6 × the peer's 10 s
    build = _info()["build"]
    rows = {r[0]: r[1:] for r in bench.output_rows(build["output"], build["peer_output"])}
    assert rows["median record page HTML"] == ["20.0 KB", "40.0 KB", "0.50×"]


def test_ratio_without_a_peer_figure_is_a_dash() -> None:
    assert bench.ratio(1.0, 0.0) == "–"
    assert bench.ratio(None, 2.0) == "–"
    assert bench.with_ratio(3.0, None) == "3.0"
    assert bench.median([None, 3.0, 1.0, 2.0]) == 2.0
    assert bench.median([None]) is None
