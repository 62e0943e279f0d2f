"""Golden Markdown: one generated page of each type, compared byte for byte.

The site is the small fixture content ``tests/cases/_base/content/``, rendered with one
row a listing page and one item a record page's list (``RenderOptions``), so that listings
paginate and record pages link to their full lists.  After an intended change of a template or of the render
stage, run ``./run goldens`` (``UPDATE_GOLDENS=1``) and read the diff of ``tests/golden/``.
"""

from __future__ import annotations

import os

import pytest
from conftest import BASE_CONTENT, REPO, TODAY

from generator import render
from generator.pages import Planner, RenderOptions
from generator.pipeline import check_content

UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"
OPTIONS = RenderOptions(per_page=1, record_list_limit=1, honour_roll_awards=1)
GOLDEN = REPO / "tests" / "golden"
TEMPLATES = REPO / "site_templates" / "pages"

#: golden file name → generated docs path.
PAGES = {
    "home": "index.md",
    "initiative": "sang-kien/may-cat-tu-dong/index.md",
    "initiative-minimal": "sang-kien/so-hoa-ho-so/index.md",
    "person": "ca-nhan/nguyen-van-an/index.md",
    "unit": "don-vi/ldld-tinh-mau/index.md",
    "unit-initiatives": "don-vi/ldld-tinh-mau/sang-kien/index.md",
    "award": "khen-thuong/bang-khen-2022/index.md",
    "event": "su-kien/diem-hen-2022/index.md",
    "campaign": "chuong-trinh/chuong-trinh-mau/index.md",
    "listing-initiatives-1": "sang-kien/index.md",
    "listing-initiatives-2": "sang-kien/trang-2/index.md",
    "listing-initiatives-by-benefit-2": "sang-kien/theo-gia-tri/trang-2/index.md",
    "listing-people": "ca-nhan/index.md",
    "listing-units": "don-vi/index.md",
    "listing-awards": "khen-thuong/index.md",
    "listing-events": "su-kien/index.md",
    "listing-campaigns": "chuong-trinh/index.md",
    "years": "nam/index.md",
    "year": "nam/2022/index.md",
    "year-2": "nam/2022/trang-2/index.md",
    "fields": "linh-vuc/index.md",
    "field": "linh-vuc/san-xuat/index.md",
    "honour-roll-index": "bang-vang/index.md",
    "honour-roll": "bang-vang/2022/index.md",
    "statistics": "thong-ke/index.md",
    "search": "tra-cuu/index.md",
}


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    site, problems = check_content(BASE_CONTENT, today=TODAY)
    assert site is not None, problems
    return render.render_site(site, TEMPLATES, OPTIONS).pages


@pytest.mark.parametrize("name", sorted(PAGES))
def test_golden_page(rendered: dict[str, bytes], name: str) -> None:
    path = PAGES[name]
    assert path in rendered, f"{path} was not generated; pages: {sorted(rendered)}"
    actual = rendered[path]
    golden = GOLDEN / f"{name}.md"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        if not golden.exists() or golden.read_bytes() != actual:
            golden.write_bytes(actual)
        return
    assert golden.exists(), f"no golden file {golden.name}: run ./run goldens"
    expected = golden.read_bytes()
    if actual != expected:
        # A readable diff: pytest shows line differences of str comparisons.
        assert actual.decode("utf-8") == expected.decode("utf-8"), (
            f"{path} differs from tests/golden/{golden.name}; if intended, run ./run goldens"
        )


def test_no_stale_golden_files() -> None:
    stale = sorted(p.name for p in GOLDEN.glob("*.md") if p.stem not in PAGES)
    if UPDATE:
        for name in stale:
            (GOLDEN / name).unlink()
        return
    assert stale == []


def test_goldens_cover_every_template(rendered: dict[str, bytes]) -> None:
    """Every page template has a golden page (a new template needs one)."""
    site, _ = check_content(BASE_CONTENT, today=TODAY)
    assert site is not None
    template_of = {f"{p.url}index.md": p.template for p in Planner(site, OPTIONS).plan()}
    covered = {template_of[path] for path in PAGES.values()}
    templates = {p.name for p in TEMPLATES.glob("*.md.j2") if not p.name.startswith("_")}
    assert templates - covered == set()
