"""The render stage: linked Site → Markdown pages (issue 3).

Templates run with StrictUndefined, every page carries front matter, listings paginate,
every relative link of the generated Markdown names a generated file, and no record page
grows with the number of records (design §3: page size stays flat).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from conftest import BASE_CONTENT, REPO, TODAY, copy_project

from generator import render
from generator.generate import extra_files
from generator.link import URL_PREFIX, Site
from generator.pipeline import check_content

TEMPLATES = REPO / "site_templates" / "pages"
LINK = re.compile(r"\]\(<?([^)>\s]+)>?\)")


def load(content: Path) -> Site:
    site, problems = check_content(content, today=TODAY)
    assert site is not None, "\n".join(p.format() for p in problems)
    return site


def front_matter(data: bytes) -> tuple[dict[str, Any], str]:
    text = data.decode("utf-8")
    assert text.startswith("---\n"), text[:80]
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict)
    return meta, body


def record_path(kind: str, ident: str) -> str:
    return f"{URL_PREFIX[kind]}/{ident}.md"


# -- templates ---------------------------------------------------------------------------------


def test_templates_run_with_strict_undefined(tmp_path: Path) -> None:
    site = load(BASE_CONTENT)
    assert render.Renderer(site, TEMPLATES).env.undefined is jinja2.StrictUndefined
    templates = tmp_path / "pages"
    shutil.copytree(TEMPLATES, templates)
    home = templates / "home.md.j2"
    home.write_text(home.read_text(encoding="utf-8") + "\n{{ no_such_value }}\n", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        render.render_site(site, templates)
    home.write_text(
        home.read_text(encoding="utf-8").replace("{{ no_such_value }}", "{{ site.no_such_field }}"),
        encoding="utf-8",
    )
    with pytest.raises((jinja2.UndefinedError, AttributeError)):
        render.render_site(site, templates)


def test_every_page_has_front_matter() -> None:
    site = load(BASE_CONTENT)
    files = render.render_site(site, TEMPLATES)
    hand_written = {f"{page.slug}.md" for page in site.pages}
    for path, data in files.items():
        if not path.endswith(".md") or path in hand_written:
            continue
        meta, body = front_matter(data)
        assert meta.get("title"), path
        assert body.strip(), path
    for node in site.all_nodes():
        path = record_path(node.kind, node.id)
        if not node.published:
            assert path not in files
            continue
        meta, _ = front_matter(files[path])
        assert meta["showcase"] == {
            "kind": node.kind,
            "id": node.id,
            "source": node.source,
            "example": bool(node.model.example),
        }


def test_plain_text_is_escaped_in_markdown_and_front_matter(base_content: Path) -> None:
    record = base_content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data["title"] = "Máy <b>cắt</b> *nhanh* [x](y) & #1"
    data["summary"] = "Giảm | một nửa_thời_gian"
    record.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    files = render.render_site(load(base_content), TEMPLATES)
    meta, body = front_matter(files["sang-kien/may-cat-tu-dong.md"])
    assert meta["title"] == "Máy &lt;b&gt;cắt&lt;/b&gt; *nhanh* [x](y) &amp; #1"
    assert r"# Máy &lt;b&gt;cắt&lt;/b&gt; \*nhanh\* \[x\]\(y\) &amp; \#1" in body
    assert "Giảm &#124; một nửa\\_thời\\_gian" in body
    assert "<b>" not in body


def test_unpublished_person_has_no_page_and_no_link(base_content: Path) -> None:
    person = base_content / "people" / "le-van-cuong.yml"
    person.write_text(person.read_text(encoding="utf-8") + "publish: false\n", encoding="utf-8")
    files = render.render_site(load(base_content), TEMPLATES)
    assert "ca-nhan/le-van-cuong.md" not in files
    initiative = files["sang-kien/may-cat-tu-dong.md"].decode("utf-8")
    assert "Lê Văn Cường (40%)" in initiative, "the name stays in lists, without a link"
    for path, data in files.items():
        assert b"le-van-cuong.md" not in data, path


def test_people_listing_in_vietnamese_order() -> None:
    """People by given name, then full name (Vietnamese honour rolls)."""
    files = render.render_site(load(BASE_CONTENT), TEMPLATES)
    body = files["ca-nhan/index.md"].decode("utf-8")
    names = re.findall(r"^\| \d+ \| \[([^\]]+)\]", body, flags=re.M)
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]


# -- pagination and links ------------------------------------------------------------------------


def test_listings_paginate_with_sort_orders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "PER_PAGE", 2)
    site = load(REPO / "content")
    files = render.render_site(site, TEMPLATES)
    total = len(site.initiatives)
    pages = math.ceil(total / 2)
    assert pages >= 3
    for base in ("sang-kien", "sang-kien/theo-ten", "sang-kien/theo-gia-tri"):
        paths = [f"{base}/index.md"] + [f"{base}/trang-{n}.md" for n in range(2, pages + 1)]
        assert f"{base}/trang-{pages + 1}.md" not in files
        seen: list[str] = []
        for number, path in enumerate(paths, start=1):
            body = files[path].decode("utf-8")
            rows = re.findall(r"^\| \d+ \| \[[^\]]+\]\(([^)]+)\)", body, flags=re.M)
            assert 1 <= len(rows) <= 2, path
            seen += [posixpath_name(r) for r in rows]
            assert f"**{number}**" in body, "the current page is marked"
            assert body.count('class="sk-pagination"') == 2, "above and below the list"
            assert "Sắp xếp:" in body
        assert sorted(seen) == sorted(site.initiatives), base


def posixpath_name(link: str) -> str:
    return link.rsplit("/", 1)[-1].removesuffix(".md")


def test_generated_markdown_links_resolve(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every relative link of every generated page names a generated file or a media file."""
    monkeypatch.setattr(render, "PER_PAGE", 3)
    monkeypatch.setattr(render, "RECORD_LIST_LIMIT", 2)
    site = load(REPO / "content")
    files = render.render_site(site, TEMPLATES)
    files.update(extra_files(site))
    known = set(files) | set(site.media_sources)
    broken = []
    for path, data in files.items():
        if not path.endswith(".md"):
            continue
        for target in LINK.findall(data.decode("utf-8")):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            resolved = _join(path, target.split("#", 1)[0])
            if resolved not in known:
                broken.append(f"{path}: {target}")
    assert broken == []


def _join(page: str, target: str) -> str:
    import posixpath

    return posixpath.normpath(posixpath.join(posixpath.dirname(page), target))


# -- page size stays flat -------------------------------------------------------------------------

SYNTHETIC_UNITS = ("cdcs-nha-may-mau", "ldld-tinh-mau", "tong-ldld")
SYNTHETIC_FIELDS = ("chuyen-doi-so", "san-xuat")


def add_synthetic_records(content: Path, count: int) -> None:
    """``count`` extra initiatives, each by a new person, spread over units and fields."""
    folder = content / "initiatives" / "2023"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        person = f"tac-gia-thu-{i:04d}"
        unit = SYNTHETIC_UNITS[i % len(SYNTHETIC_UNITS)]
        (content / "people" / f"{person}.yml").write_text(
            yaml.safe_dump(
                {"name": f"Nguyễn Thị Thử {i}", "job_title": "Công nhân", "unit": unit},
                allow_unicode=True,
            ),
            encoding="utf-8",
        )
        applied = dt.date(2023, 1, 1) + dt.timedelta(days=i % 300)
        record = {
            "title": f"Sáng kiến thử nghiệm số {i}",
            "authors": [{"person": person, "share": 100}],
            "unit": unit,
            "field": SYNTHETIC_FIELDS[i % len(SYNTHETIC_FIELDS)],
            "type": "giai-phap-ky-thuat",
            "campaign": "chuong-trinh-mau",
            "phase": "giai-doan-2",
            "first_applied": applied.isoformat(),
            "status": "hop-le",
            "benefit_vnd": 1_000_000 * (i + 1),
            "summary": f"Tóm tắt hiệu quả của sáng kiến thử nghiệm số {i}.",
            "tags": ["cơ khí"],
        }
        (folder / f"sang-kien-thu-{i:04d}.yml").write_text(
            yaml.safe_dump(record, allow_unicode=True), encoding="utf-8"
        )


def grown_content(tmp_path: Path, count: int) -> Path:
    content = tmp_path / f"content-{count}"
    shutil.copytree(BASE_CONTENT, content)
    # the nav of mkdocs.yml names the hand-written pages of the sample content
    shutil.copytree(REPO / "content" / "pages", content / "pages", dirs_exist_ok=True)
    add_synthetic_records(content, count)
    return content


#: Enough records that every unit's lists are past the record page's limit already at N.
N = len(SYNTHETIC_UNITS) * (render.RECORD_LIST_LIMIT + 1)


def test_record_pages_do_not_grow_with_the_number_of_records(tmp_path: Path) -> None:
    small = render.render_site(load(grown_content(tmp_path, N)), TEMPLATES)
    large = render.render_site(load(grown_content(tmp_path, 3 * N)), TEMPLATES)
    base = load(BASE_CONTENT)
    checked = 0
    for node in base.all_nodes():
        path = record_path(node.kind, node.id)
        if path not in small:
            continue
        checked += 1
        before, after = len(small[path]), len(large[path])
        assert after <= before * 1.05 + 200, f"{path} grew from {before} to {after} bytes"
    assert checked >= 10
    # …and the records past the limit are still reachable, from paginated lists.
    assert "don-vi/tong-ldld/sang-kien/trang-2.md" in large
    assert "chuong-trinh/chuong-trinh-mau/sang-kien/trang-2.md" in large
    largest = max(len(v) for k, v in large.items() if k.count("/") == 1 and "/index" not in k)
    assert largest < 40_000


@pytest.mark.slow
def test_built_record_pages_stay_flat_and_nav_lists_sections(tmp_path: Path) -> None:
    """The same with MkDocs: the HTML of a record page, navigation included, stays flat."""
    from bs4 import BeautifulSoup

    from generator.build import build_site

    sizes = {}
    for count in (N, 3 * N):
        content = grown_content(tmp_path, count)
        site_yml = content / "site.yml"
        site_yml.write_text(
            site_yml.read_text(encoding="utf-8")
            + "repo_url: https://github.com/example/sang-kien\n",
            encoding="utf-8",
        )
        project = copy_project(tmp_path / f"project-{count}", content)
        result = build_site(project, site_dir=project / "site", strict=True, search=False)
        assert result.warnings == []
        site_dir = result.site_dir
        pages = {
            p.relative_to(site_dir).as_posix(): p.stat().st_size
            for p in site_dir.rglob("index.html")
        }
        sizes[count] = pages
        record = site_dir / "sang-kien" / "may-cat-tu-dong" / "index.html"
        soup = BeautifulSoup(record.read_bytes(), "lxml")
        nav = soup.select_one("nav.md-nav--primary")
        assert nav is not None
        nav_links = [
            a["href"] for a in nav.find_all("a", href=True) if not a["href"].startswith("#")
        ]
        assert not any("sang-kien/" in h and "may-cat" in h for h in nav_links)
        assert len(nav_links) <= 20, nav_links
        # "edit this record" points at the record's YAML file when repo_url is set
        edit = soup.select_one("a.md-content__button[href*='/edit/']")
        assert edit is not None
        assert edit["href"] == (
            "https://github.com/example/sang-kien/edit/main/content/initiatives/2022/may-cat-tu-dong.yml"
        )
        listing = BeautifulSoup((site_dir / "sang-kien" / "index.html").read_bytes(), "lxml")
        assert listing.select_one("a.md-content__button[href*='/edit/']") is None
    for kind, ident in (
        ("initiative", "may-cat-tu-dong"),
        ("unit", "tong-ldld"),
        ("person", "nguyen-van-an"),
    ):
        page = f"{URL_PREFIX[kind]}/{ident}/index.html"
        before, after = sizes[N][page], sizes[3 * N][page]
        assert after <= before * 1.05 + 500, f"{page} grew from {before} to {after} bytes"
    page = "chuong-trinh/chuong-trinh-mau/index.html"
    assert sizes[3 * N][page] <= sizes[N][page] * 1.05 + 500
