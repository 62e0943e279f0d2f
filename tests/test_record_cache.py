"""The build cache of checked records (generator/record_cache.py, issue 11 item 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BASE_CONTENT, TODAY

from generator.incremental import node_digests
from generator.pipeline import check_content
from generator.record_cache import RecordCache


def test_cached_check_equals_a_fresh_one_and_reads_no_file_twice(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(BASE_CONTENT, content)
    cache = tmp_path / "cache" / "records.sqlite"
    fresh, fresh_problems = check_content(content, display_root="content", today=TODAY)
    first, first_problems = check_content(content, display_root="content", today=TODAY, cache=cache)
    second, second_problems = check_content(
        content, display_root="content", today=TODAY, cache=cache
    )
    assert fresh is not None and first is not None and second is not None
    assert fresh_problems == first_problems == second_problems
    assert node_digests(fresh) == node_digests(first) == node_digests(second)
    store = RecordCache(cache, TODAY)
    for path in sorted(content.rglob("*.yml")):
        store.parse(path.read_bytes(), "content/" + path.relative_to(content).as_posix())
    assert store.misses == 0 and store.hits > 5, "every file was already parsed"
    store.close()


def test_an_edited_file_is_checked_again(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(BASE_CONTENT, content)
    cache = tmp_path / "records.sqlite"
    check_content(content, display_root="content", today=TODAY, cache=cache)
    record = content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    record.write_text(
        record.read_text("utf-8").replace("unit: cdcs-nha-may-mau", "unit: khong-co"), "utf-8"
    )
    site, problems = check_content(content, display_root="content", today=TODAY, cache=cache)
    assert site is None
    assert [p.field for p in problems if p.severity.value == "error"] == ["unit"]
    # …and another day checks dates against that day: a cache of yesterday is not reused.
    store = RecordCache(cache, TODAY.replace(year=TODAY.year + 1))
    store.parse(record.read_bytes(), "content/initiatives/2022/may-cat-tu-dong.yml")
    assert store.misses == 1
    store.close()


def test_parsing_in_worker_processes_gives_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.record_cache as record_cache

    monkeypatch.setattr(record_cache, "MIN_PARALLEL_FILES", 2)
    items = [
        (path.read_bytes(), "content/" + path.relative_to(BASE_CONTENT).as_posix())
        for path in sorted(BASE_CONTENT.rglob("*.yml"))
    ]
    items.append((b"title: [unclosed\n", "content/initiatives/2022/hong.yml"))
    serial = record_cache.parse_many(items, jobs=1)
    parallel = record_cache.parse_many(items, jobs=2)
    assert len(parallel) == len(items)
    assert [data for data, _, _ in parallel] == [data for data, _, _ in serial]
    assert [problems for _, _, problems in parallel] == [problems for _, _, problems in serial]
    assert parallel[-1][0] is None and parallel[-1][2], "the broken file is reported in order"
