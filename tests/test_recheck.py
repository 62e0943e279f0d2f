"""Checking again after an edit, for the preview (generator/recheck.py, issue 11).

What the preview's checks keep between saves: the last good Site while the content has an
error, and the build cache on disk, which checks that look only at changed files must not
empty.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BASE_CONTENT, TODAY

import generator.record_cache as record_cache
from generator.loader import default_display_root
from generator.recheck import Checker
from generator.record_cache import RecordCache

RECORD = Path("initiatives/2022/may-cat-tu-dong.yml")
OTHER = Path("people/le-van-cuong.yml")


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(BASE_CONTENT, content)
    return content


def _errors(problems: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(p.code, p.field) for p in problems if p.severity.value == "error"]


def test_an_error_then_its_fix_keeps_the_last_good_site(tmp_path: Path) -> None:
    content = _content(tmp_path)
    checker = Checker(content)
    good = checker.check(TODAY)
    assert good.site is not None and not _errors(good.problems)

    record = content / RECORD
    text = record.read_text("utf-8")
    record.write_text(text.replace("unit: cdcs-nha-may-mau", "unit: khong-co"), "utf-8")
    failed = checker.check(TODAY)
    assert failed.site is None
    assert _errors(failed.problems) == [("khong-ton-tai", "unit")]

    # Put back as it was: the same Site, nothing changed, no stale problem of the error.
    record.write_text(text, "utf-8")
    fixed = checker.check(TODAY)
    assert fixed.site is good.site
    assert fixed.changed == set()
    assert not _errors(fixed.problems)


def test_a_text_edit_made_while_another_file_is_wrong_is_seen_after_the_fix(
    tmp_path: Path,
) -> None:
    content = _content(tmp_path)
    checker = Checker(content)
    good = checker.check(TODAY)
    assert good.site is not None

    record, other = content / RECORD, content / OTHER
    text, other_text = record.read_text("utf-8"), other.read_text("utf-8")
    record.write_text(text.replace("unit: cdcs-nha-may-mau", "unit: khong-co"), "utf-8")
    assert checker.check(TODAY).site is None
    other.write_text(other_text.replace("name: ", "name: Tiến sĩ ", 1), "utf-8")
    assert checker.check(TODAY).site is None

    record.write_text(text, "utf-8")
    fixed = checker.check(TODAY)
    assert fixed.site is good.site
    assert fixed.changed == {("person", "le-van-cuong")}
    person = fixed.site.node("person", "le-van-cuong")
    assert person is not None and person.model.name.startswith("Tiến sĩ ")


def test_checks_after_the_first_leave_the_build_cache_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Forget old entries as soon as they outnumber the used ones (1,000 spare otherwise).
    monkeypatch.setattr(record_cache, "SPARE_ROWS", 0)
    content = _content(tmp_path)
    cache = tmp_path / "records.sqlite"
    checker = Checker(content, cache)
    assert checker.check(TODAY).site is not None
    record = content / RECORD
    record.write_text(record.read_text("utf-8").replace("title: ", "title: Bản mới, ", 1), "utf-8")
    assert checker.check(TODAY).site is not None

    # The next `showcase build` finds every file in the cache, not only the edited one.
    store = RecordCache(cache, TODAY)
    for path in sorted(content.rglob("*.yml")):
        display = f"{default_display_root(content)}/{path.relative_to(content).as_posix()}"
        store.parse(path.read_bytes(), display)
    store.close()
    assert store.misses == 0 and store.hits > 5


def test_a_new_record_is_touched_though_the_site_is_linked_anew(tmp_path: Path) -> None:
    content = _content(tmp_path)
    checker = Checker(content)
    first = checker.check(TODAY)
    assert first.site is not None and first.touched is None  # no earlier check to compare

    record = content / RECORD
    record.with_name("may-cat-moi.yml").write_text(record.read_text("utf-8"), "utf-8")
    added = checker.check(TODAY)
    assert added.site is not None and added.site is not first.site
    assert added.changed is None  # linked anew: a record came
    assert added.touched == {("initiative", "may-cat-moi")} and added.gone == set()

    record.with_name("may-cat-moi.yml").unlink()
    deleted = checker.check(TODAY)
    assert deleted.touched == set() and deleted.gone == {("initiative", "may-cat-moi")}
