"""The render stage: linked Site → docs pages (issue 3, issue 10).

Templates run with StrictUndefined, every page carries front matter, listings paginate,
every relative link of a generated page names a generated page or file, and no record page
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
from generator.kinds import KINDS
from generator.nodes import Site
from generator.pages import RenderOptions
from generator.pipeline import check_content
from generator.templating import Templates

TEMPLATES = REPO / "site_templates" / "pages"
LINK = re.compile(r'(?:href|src)="([^"]+)"')


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
    return f"{KINDS[kind].url_prefix}/{ident}/index.md"


def pages_of(site: Site, options: RenderOptions | None = None) -> dict[str, bytes]:
    return render.render_site(site, TEMPLATES, options).pages


# -- templates ---------------------------------------------------------------------------------


def test_templates_run_with_strict_undefined(tmp_path: Path) -> None:
    site = load(BASE_CONTENT)
    assert Templates(site, TEMPLATES).env.undefined is jinja2.StrictUndefined
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
    rendered = render.render_site(site, TEMPLATES)
    files = rendered.pages
    for path, data in files.items():
        meta, body = front_matter(data)
        assert meta.get("title"), path
        assert body.strip(), path
        assert '<meta property="og:title"' in meta["head"], path
    for node in site.all_nodes():
        path = record_path(node.kind, node.id)
        if not node.published:
            assert path not in files
            continue
        assert path in rendered.generated
        meta, body = front_matter(files[path])
        assert meta["title"] == node.display_name
        assert "application/ld+json" in meta["head"]
        assert "edit_url" not in meta, "no repo_url in the fixture: no edit link"


def test_plain_text_is_escaped_in_markdown_and_front_matter(base_content: Path) -> None:
    record = base_content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data["title"] = "Máy <b>cắt</b> *nhanh* [x](y) & #1"
    data["summary"] = "Giảm | một nửa_thời_gian"
    record.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    files = pages_of(load(base_content))
    meta, body = front_matter(files["sang-kien/may-cat-tu-dong/index.md"])
    # The front matter keeps the text; the engine escapes it where the theme prints it.
    assert meta["title"] == "Máy <b>cắt</b> *nhanh* [x](y) & #1"
    assert "<h1>Máy &lt;b&gt;cắt&lt;/b&gt; *nhanh* [x](y) &amp; #1</h1>" in body
    assert "Giảm | một nửa_thời_gian" in body
    assert "<b>" not in body


def test_unpublished_person_has_no_page_and_no_link(base_content: Path) -> None:
    person = base_content / "people" / "le-van-cuong.yml"
    person.write_text(person.read_text(encoding="utf-8") + "publish: false\n", encoding="utf-8")
    files = pages_of(load(base_content))
    assert "ca-nhan/le-van-cuong/index.md" not in files
    initiative = files["sang-kien/may-cat-tu-dong/index.md"].decode("utf-8")
    assert "Lê Văn Cường (40%)" in initiative, "the name stays in lists, without a link"
    for path, data in files.items():
        assert b"le-van-cuong/" not in data, path
    # Only the name: no job title anywhere, and not listed under the unit they work in.
    for path, data in files.items():
        assert "Công nhân vận hành".encode() not in data, path
    unit = files["don-vi/cdcs-nha-may-mau/index.md"].decode("utf-8")
    assert "Lê Văn Cường" not in unit


def test_people_listing_in_vietnamese_order() -> None:
    """People by given name, then full name (Vietnamese honour rolls)."""
    files = pages_of(load(BASE_CONTENT))
    body = files["ca-nhan/index.md"].decode("utf-8")
    names = re.findall(r'data-label="Họ và tên"><a href="[^"]+">([^<]+)</a>', body)
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]


# -- pagination and links ------------------------------------------------------------------------


def test_listings_paginate_with_sort_orders() -> None:
    site = load(REPO / "content")
    files = pages_of(site, RenderOptions(per_page=2))
    total = len(site.initiatives)
    pages = math.ceil(total / 2)
    assert pages >= 3
    for base in ("sang-kien", "sang-kien/theo-ten", "sang-kien/theo-gia-tri"):
        paths = [f"{base}/index.md"] + [f"{base}/trang-{n}/index.md" for n in range(2, pages + 1)]
        assert f"{base}/trang-{pages + 1}/index.md" not in files
        seen: list[str] = []
        for number, path in enumerate(paths, start=1):
            body = files[path].decode("utf-8")
            rows = re.findall(r'data-label="Sáng kiến"><a href="([^"]+)"', body)
            assert 1 <= len(rows) <= 2, path
            seen += [posixpath_name(r) for r in rows]
            assert f'<strong aria-current="page">{number}</strong>' in body, "current page"
            assert body.count('class="sk-pagination"') == 2, "above and below the list"
            assert "Sắp xếp:" in body
        assert sorted(seen) == sorted(site.initiatives), base


def posixpath_name(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[-1]


def test_generated_links_resolve() -> None:
    """Every relative link of every generated page names a generated page, file or media file."""
    site = load(REPO / "content")
    rendered = render.render_site(site, TEMPLATES, RenderOptions(per_page=3, record_list_limit=2))
    known = set(rendered.files) | set(site.media_sources)
    for path in rendered.pages:
        known.add(
            path.removesuffix("index.md")
            if path.endswith("/index.md")
            else ""
            if path == "index.md"
            else path.removesuffix(".md") + "/"
        )
    broken = []
    for path in rendered.generated:
        _, body = front_matter(rendered.pages[path])
        for target in LINK.findall(body):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            resolved = _join(path, target.split("#", 1)[0])
            if resolved not in known:
                broken.append(f"{path}: {target}")
    assert broken == []


def _join(page: str, target: str) -> str:
    import posixpath

    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    joined = "" if joined == "." else joined
    return joined + "/" if target.endswith("/") and joined else joined


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
N = len(SYNTHETIC_UNITS) * (RenderOptions().record_list_limit + 1)


def test_record_pages_do_not_grow_with_the_number_of_records(tmp_path: Path) -> None:
    small = pages_of(load(grown_content(tmp_path, N)))
    large = pages_of(load(grown_content(tmp_path, 3 * N)))
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
    assert "don-vi/tong-ldld/sang-kien/trang-2/index.md" in large
    assert "chuong-trinh/chuong-trinh-mau/sang-kien/trang-2/index.md" in large
    record_pages = [len(v) for k, v in large.items() if k.count("/") == 2]
    assert max(record_pages) < 40_000


@pytest.mark.slow
def test_built_record_pages_stay_flat_and_nav_lists_sections(tmp_path: Path) -> None:
    """The same with MkDocs: the HTML of a record page, navigation included, stays flat."""
    from bs4 import BeautifulSoup
    from conftest import build_site

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
        page = f"{KINDS[kind].url_prefix}/{ident}/index.html"
        before, after = sizes[N][page], sizes[3 * N][page]
        assert after <= before * 1.05 + 500, f"{page} grew from {before} to {after} bytes"
    page = "chuong-trinh/chuong-trinh-mau/index.html"
    assert sizes[3 * N][page] <= sizes[N][page] * 1.05 + 500
