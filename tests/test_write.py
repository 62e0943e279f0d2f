"""write_tree: the generated docs folder is rewritten only where bytes changed (issue 3).

MkDocs' ``serve`` and ``--dirty`` compare modification times, so an unchanged page must keep
its mtime; pages of deleted records must disappear.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import BASE_CONTENT, REPO, TODAY

from generator.pipeline import Project, check_content, render_docs
from generator.write import WriteReport, write_tree

OLD = 1_000_000_000  # a modification time long ago: any rewrite moves it


def age(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (OLD, OLD))


def mtimes(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_writes_then_leaves_unchanged_files_alone(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    files = {"index.md": b"# Trang chu\n", "sang-kien/a.md": b"a\n", "sang-kien/b.md": b"b\n"}
    first = write_tree(out, files)
    assert sorted(first.written) == sorted(files)
    assert first.unchanged == 0 and first.deleted == []
    assert {p: (out / p).read_bytes() for p in files} == files
    age(out)
    before = mtimes(out)
    second = write_tree(out, files)
    assert second.written == [] and second.deleted == []
    assert second.unchanged == len(files)
    assert mtimes(out) == before


def test_rewrites_only_changed_files(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    files = {"index.md": b"1\n", "sang-kien/a.md": b"a\n", "sang-kien/b.md": b"b\n"}
    write_tree(out, files)
    age(out)
    before = mtimes(out)
    report = write_tree(out, {**files, "sang-kien/a.md": b"a, changed\n"})
    assert report.written == ["sang-kien/a.md"]
    assert report.unchanged == 2
    after = mtimes(out)
    assert after["sang-kien/a.md"] != before["sang-kien/a.md"]
    assert {k: v for k, v in after.items() if k != "sang-kien/a.md"} == {
        k: v for k, v in before.items() if k != "sang-kien/a.md"
    }
    assert (out / "sang-kien/a.md").read_bytes() == b"a, changed\n"
    assert not list(out.rglob("*.tmp")), "no temporary file is left behind"


def test_deletes_stale_pages_and_empty_folders(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    (out).mkdir()
    (out / ".gitkeep").write_bytes(b"")
    write_tree(out, {"index.md": b"i\n", "sang-kien/a.md": b"a\n", "nam/2022/trang-2.md": b"2\n"})
    (out / "leftover.md").write_bytes(b"from an older generator\n")
    report = write_tree(out, {"index.md": b"i\n"})
    assert sorted(report.deleted) == ["leftover.md", "nam/2022/trang-2.md", "sang-kien/a.md"]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [".gitkeep", "index.md"]


def test_copies_media_only_when_changed(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    source = tmp_path / "photo.png"
    source.write_bytes(b"\x89PNG one")
    write_tree(out, {"index.md": b"i\n"}, copies={"media/photo.png": source})
    assert (out / "media/photo.png").read_bytes() == b"\x89PNG one"
    age(out)
    before = mtimes(out)
    report = write_tree(out, {"index.md": b"i\n"}, copies={"media/photo.png": source})
    assert report.written == [] and mtimes(out) == before
    source.write_bytes(b"\x89PNG two")
    report = write_tree(out, {"index.md": b"i\n"}, copies={"media/photo.png": source})
    assert report.written == ["media/photo.png"]
    assert (out / "media/photo.png").read_bytes() == b"\x89PNG two"
    report = write_tree(out, {"index.md": b"i\n"})
    assert report.deleted == ["media/photo.png"]
    assert not (out / "media").exists()


def test_generate_twice_touches_nothing_and_removes_deleted_records(tmp_path: Path) -> None:
    """The whole generator as MkDocs runs it: a second run writes nothing."""
    content = tmp_path / "content"
    shutil.copytree(BASE_CONTENT, content)
    project = Project(
        tmp_path,
        content,
        REPO / "site_templates" / "pages",
        tmp_path / "docs",
        tmp_path / "cache",
        REPO / "mkdocs.yml",
    )

    def generate() -> tuple[object, WriteReport | None]:
        site, problems = check_content(project.content, today=TODAY)
        if site is None:
            return problems, None
        return problems, render_docs(site, project)[1]

    problems, report = generate()
    assert report is not None and report.written, problems
    assert (project.docs / "sang-kien" / "so-hoa-ho-so" / "index.md").is_file()
    age(project.docs)
    before = mtimes(project.docs)
    _, again = generate()
    assert again is not None
    assert again.written == [] and again.deleted == []
    assert mtimes(project.docs) == before
    # a record deleted from content/ loses its page; pages that mention it change
    (content / "initiatives" / "2022" / "so-hoa-ho-so.yml").unlink()
    award = content / "awards" / "bang-khen-2022.yml"
    award.write_text(
        award.read_text(encoding="utf-8").replace("    initiative: so-hoa-ho-so\n", ""),
        encoding="utf-8",
    )
    problems, third = generate()
    assert third is not None, problems
    assert "sang-kien/so-hoa-ho-so/index.md" in third.deleted
    assert not (project.docs / "sang-kien" / "so-hoa-ho-so").exists()
    assert "sang-kien/index.md" in third.written
    unchanged = {k for k, v in mtimes(project.docs).items() if v == before.get(k)}
    assert "ca-nhan/le-van-cuong/index.md" in unchanged, (
        "pages that do not mention it are untouched"
    )
