"""The build cache of checked records (generator/record_cache.py, issue 11 item 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

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
