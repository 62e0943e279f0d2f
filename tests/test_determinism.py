"""Determinism: the same content gives the same bytes (issue 3, "two builds are byte-identical").

Render twice, render under different hash seeds (set and dict order must never leak into
the output), and build the whole site twice (and once more from another folder): the
``site/`` trees must be identical byte for byte.  No built file is nondeterministic without
Pagefind: ``sitemap.xml`` carries no build date and ``sitemap.xml.gz`` has timestamp 0 (the
plugin's ``on_post_build`` rewrites both).  Pagefind's output repeats too, except the
files it writes in hash-map order (see ``test_search_index_differs_only_in_map_order``).
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, build_site, copy_project

from generator.pipeline import check_content
from generator.render import render_site

TEMPLATES = REPO / "site_templates" / "pages"

#: Built files allowed to differ between two builds of the same content (none today).
NONDETERMINISTIC: frozenset[str] = frozenset()

DIGEST_SCRIPT = """
import hashlib, sys
from pathlib import Path
from generator.pipeline import check_content
from generator.render import render_site
site, problems = check_content(Path(sys.argv[1]))
assert site is not None, problems
files = render_site(site, Path(sys.argv[2])).all_files()
digest = hashlib.sha256()
for path in sorted(files):
    digest.update(path.encode() + b"\\0" + files[path] + b"\\0")
print(len(files), digest.hexdigest())
"""


def rendered(content: Path) -> dict[str, bytes]:
    site, problems = check_content(content)
    assert site is not None, problems
    return render_site(site, TEMPLATES).all_files()


def test_render_twice_gives_identical_bytes() -> None:
    first = rendered(REPO / "content")
    second = rendered(REPO / "content")
    assert list(first) == list(second)
    assert [p for p in first if first[p] != second[p]] == []


def test_render_does_not_depend_on_hash_seed() -> None:
    digests = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", DIGEST_SCRIPT, str(REPO / "content"), str(TEMPLATES)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1, digests


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    out = [f"only in one build: {p}" for p in sorted(set(a) ^ set(b))]
    out += [f"differs: {p}" for p in sorted(set(a) & set(b)) if a[p] != b[p]]
    return [d for d in out if d.split(": ", 1)[1] not in NONDETERMINISTIC]


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first = build_site(project, site_dir=tmp_path / "site-1", strict=True, search=False)
    assert first.warnings == []
    docs = project / "docs_generated"
    docs_mtimes = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    second = build_site(project, site_dir=tmp_path / "site-2", strict=True, search=False)
    assert second.warnings == []
    # the second build rewrote no generated page (MkDocs serve and --dirty rely on mtimes)
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()} == docs_mtimes
    one, two = tree(first.site_dir), tree(second.site_dir)
    assert len(one) > 50
    assert differences(one, two) == []
    # …and from another folder: no absolute path of the build machine leaks into the site
    elsewhere = copy_project(tmp_path / "elsewhere" / "checkout")
    third = build_site(elsewhere, site_dir=tmp_path / "site-3", strict=True, search=False)
    assert differences(one, tree(third.site_dir)) == []
    for path, data in one.items():
        assert str(tmp_path).encode() not in data, path


@pytest.mark.slow
def test_parallel_build_is_byte_identical_to_one_process(tmp_path: Path) -> None:
    """Pages rendered and built by two worker processes are the same bytes as by one."""
    from generator import render
    from generator.engine import driver

    project = copy_project(tmp_path / "project")
    alone = build_site(project, site_dir=tmp_path / "one", jobs=1)
    other = copy_project(tmp_path / "other")
    # Force the fork even for this small site, so that the split really happens.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(driver, "MIN_PAGES_PER_JOB", 1)
        mp.setattr(render, "MIN_PAGES_PER_JOB", 1)
        split = build_site(other, site_dir=tmp_path / "two", jobs=2)
    assert split.pages_built == alone.pages_built > 50
    assert differences(tree(alone.site_dir), tree(split.site_dir)) == []


def test_sitemap_has_no_build_date(built_site: Any) -> None:
    site_dir = Path(built_site.site_dir)
    gz = (site_dir / "sitemap.xml.gz").read_bytes()
    assert gz[4:8] == b"\0\0\0\0", "gzip mtime must be 0"
    assert gzip.decompress(gz) == (site_dir / "sitemap.xml").read_bytes()
    assert b"<lastmod>" not in (site_dir / "sitemap.xml").read_bytes()


#: Pagefind 1.5 writes its filter and metadata maps in Rust hash-map order, which changes
#: from run to run; their file names are content hashes, and pagefind-entry.json names the
#: metadata file.  Everything else Pagefind writes (word index, fragments, the JS and WASM)
#: and our own common-word lists repeat byte for byte.
PAGEFIND_UNORDERED = ("pagefind/filter/", "pagefind/pagefind.", "pagefind/pagefind-entry.json")


def _unordered(path: str) -> bool:
    return path.startswith(PAGEFIND_UNORDERED) and not path.endswith((".js", ".css"))


def _byte_histogram(data: bytes) -> list[int]:
    raw = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    counts = [0] * 256
    for byte in raw:
        counts[byte] += 1
    return counts


def test_search_index_differs_only_in_map_order(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    one = tree(build_site(project, site_dir=tmp_path / "a", search=True).site_dir)
    two = tree(build_site(project, site_dir=tmp_path / "b", search=True).site_dir)
    assert any(p.startswith("pagefind/fragment/") for p in one)
    stable_one = {p: d for p, d in one.items() if not _unordered(p)}
    stable_two = {p: d for p, d in two.items() if not _unordered(p)}
    assert differences(stable_one, stable_two) == []
    # the hash-ordered files hold the same bytes in another order: same count, same histogram
    loose_one = sorted(
        _byte_histogram(d) for p, d in one.items() if _unordered(p) and p.endswith("_filter")
    )
    loose_two = sorted(
        _byte_histogram(d) for p, d in two.items() if _unordered(p) and p.endswith("_filter")
    )
    assert loose_one and loose_one == loose_two
