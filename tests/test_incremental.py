"""Incremental builds give the same bytes as clean builds (issue 11, item 3).

A seeded random sequence of edits is applied to a copy of the sample content: a title
changed, a person renamed (their name is on many pages), records added and deleted,
site.yml changed, a template changed, and an edit that breaks the content and then its
fix.  After each step the project that keeps its build cache is built again, and the same
content is built from nothing in another folder; the two sites must be identical.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import copy_project

from generator.pipeline import BuildError, Project, build

Edit = Callable[[Path, random.Random], str]


def _records(content: Path, folder: str) -> list[Path]:
    return sorted((content / folder).rglob("*.yml"))


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _dump(path: Path, data: dict) -> None:  # type: ignore[type-arg]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def change_title(root: Path, rng: random.Random) -> str:
    path = rng.choice(_records(root / "content", "initiatives"))
    data = _load(path)
    data["title"] = f"{data['title']} (sửa {rng.randrange(1000)})"
    _dump(path, data)
    return f"title of {path.stem}"


def rename_person(root: Path, rng: random.Random) -> str:
    path = rng.choice(_records(root / "content", "people"))
    data = _load(path)
    data["name"] = f"Nguyễn Văn Đổi Tên {rng.randrange(1000)}"
    _dump(path, data)
    return f"name of {path.stem}"


def add_initiative(root: Path, rng: random.Random) -> str:
    source = rng.choice(_records(root / "content", "initiatives"))
    data = _load(source)
    data["title"] = f"Sáng kiến mới {rng.randrange(10_000)}"
    data["tags"] = [*data.get("tags", []), "mới"]
    data.pop("redirect_from", None)
    target = source.with_name(f"sang-kien-moi-{rng.randrange(10_000)}.yml")
    _dump(target, data)
    return f"added {target.stem}"


def delete_initiative(root: Path, rng: random.Random) -> str:
    """Delete an initiative that no other record names (others would then fail to link)."""
    content = root / "content"
    texts = "\n".join(p.read_text("utf-8") for p in content.rglob("*.yml"))
    candidates = [p for p in _records(content, "initiatives") if p.stem not in texts]
    if not candidates:
        return "nothing to delete"
    path = rng.choice(candidates)
    path.unlink()
    return f"deleted {path.stem}"


def change_site(root: Path, rng: random.Random) -> str:
    path = root / "content" / "site.yml"
    data = _load(path)
    data["tagline"] = f"Khẩu hiệu {rng.randrange(1000)}"
    _dump(path, data)
    return "site.yml tagline"


def change_template(root: Path, rng: random.Random) -> str:
    path = root / "site_templates" / "pages" / "person.md.j2"
    path.write_text(
        path.read_text("utf-8") + f'<p class="sk-note">Ghi chú {rng.randrange(1000)}</p>\n',
        "utf-8",
    )
    return "person template"


EDITS: list[Edit] = [
    change_title,
    rename_person,
    add_initiative,
    delete_initiative,
    change_site,
    change_template,
]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    out = [f"only in one: {p}" for p in sorted(set(a) ^ set(b))]
    return out + [f"differs: {p}" for p in sorted(set(a) & set(b)) if a[p] != b[p]]


def clean_build(root: Path, target: Path, scratch: Path) -> dict[str, bytes]:
    """The same project built from nothing: a fresh copy, no cache, no docs folder."""
    shutil.rmtree(scratch, ignore_errors=True)
    fresh = copy_project(scratch, root / "content")
    shutil.rmtree(fresh / "site_templates")
    shutil.copytree(root / "site_templates", fresh / "site_templates")
    build(Project.at(fresh), target, search=False, jobs=1)
    return tree(target)


@pytest.mark.slow
def test_random_edits_match_clean_builds(tmp_path: Path) -> None:
    rng = random.Random(20261201)
    root = copy_project(tmp_path / "project")
    project = Project.at(root)
    build(project, tmp_path / "site", search=False, jobs=1)
    steps = [*rng.sample(EDITS, len(EDITS)), rng.choice(EDITS)]
    # An edit that breaks the content, then its fix, in the middle of the sequence.
    for number, edit in enumerate([*steps[:3], "error", *steps[3:]]):
        if edit == "error":
            path = rng.choice(_records(root / "content", "initiatives"))
            good = path.read_bytes()
            path.write_text("title: [không đóng ngoặc\n", encoding="utf-8")
            with pytest.raises(BuildError):
                build(project, tmp_path / "site", search=False, jobs=1)
            path.write_bytes(good)
            what = f"error in {path.stem}, then fixed"
        else:
            what = edit(root, rng)
        report = build(project, tmp_path / "site", search=False, jobs=1)
        expected = clean_build(root, tmp_path / "clean-site", tmp_path / "clean")
        assert differences(tree(tmp_path / "site"), expected) == [], f"step {number}: {what}"
        if what.startswith("title of"):
            assert report.pages_unchanged > report.pages_built, "an edit rebuilds few pages"


@pytest.mark.slow
def test_a_warm_build_indexes_an_edited_title(tmp_path: Path) -> None:
    """The search index of a warm build (Pagefind bundles kept when their documents are
    the same) finds the new title and no longer the old one."""
    import gzip
    import json

    root = copy_project(tmp_path / "project")
    project = Project.at(root)
    build(project, tmp_path / "site", search=True, jobs=1)
    path = _records(root / "content", "initiatives")[0]
    data = _load(path)
    old_title, data["title"] = data["title"], "Tiêu đề vừa sửa để tìm"
    _dump(path, data)
    build(project, tmp_path / "site", search=True, jobs=1)

    titles = []
    for fragment in (tmp_path / "site" / "pagefind").rglob("*.pf_fragment"):
        raw = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        titles.append(json.loads(raw)["meta"]["title"])
    assert "Tiêu đề vừa sửa để tìm" in titles and old_title not in titles
    assert (project.cache / "search.key.bundles.json").is_file()
