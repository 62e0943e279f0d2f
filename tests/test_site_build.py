"""The built sample site (``content/``), checked with an HTML parser (issue 3).

One build per test session (the ``built_site`` fixture in conftest.py, without Pagefind);
every test here reads it.  Each page type must carry its key content; every page must be
Vietnamese, reachable from the home page, free of requests to other origins and of
English strings that Material leaves untranslated.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import deque
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import BASE_CONTENT, REPO, copy_project
from test_links import LinkError, html_files, links_of, resolve, site_url, soup_of

from generator.kinds import KINDS
from generator.nodes import Site
from generator.pipeline import check_content
from generator.qr import qr_svg

BASE = site_url()

#: Strings Material (or Python-Markdown) prints in English unless translated.
ENGLISH = (
    "Made with",
    "Search",
    "Skip to content",
    "Back to top",
    "Table of contents",
    "Edit this page",
    "Permanent link",
    "Initializing search",
    "Type to start searching",
    "Copy to clipboard",
    "Previous",
    "Next",
    "Last update",
    "Contributors",
    "Tabs",
    "Footer",
    "Header",
    "Navigation",
    "Share",
)
#: Attributes a screen reader or a tooltip shows.
VISIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "aria-description")


@cache
def sample_site() -> Site:
    site, problems = check_content(REPO / "content")
    assert site is not None, problems
    return site


@pytest.fixture(scope="module")
def site_dir(built_site: Any) -> Path:
    return Path(built_site.site_dir)


def page(site_dir: Path, url: str) -> BeautifulSoup:
    """The parsed page served at ``url`` (site-relative, e.g. "sang-kien/x/")."""
    file = site_dir / url / "index.html" if not url.endswith(".html") else site_dir / url
    assert file.is_file(), f"no page {url}"
    return soup_of(file)


def article(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article.md-content__inner")
    assert found is not None, "page has no content article"
    return found


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).replace("¶", " ").split())


def section(soup: BeautifulSoup, heading: str) -> BeautifulSoup:
    """The content after the (first) h2/h3 whose text starts with ``heading``, up to the next one."""
    for h in article(soup).find_all(["h2", "h3"]):
        if text(h).startswith(heading):
            stop = ("h2",) if h.name == "h2" else ("h2", "h3")
            siblings = []
            for sibling in h.find_next_siblings():
                if sibling.name in stop:
                    break
                siblings.append(str(sibling))
            return BeautifulSoup("".join(siblings), "lxml")
    raise AssertionError(f"no section {heading!r}")


def hrefs(tag: Tag) -> list[str]:
    return [str(a["href"]) for a in tag.find_all("a", href=True)]


def targets(site_dir: Path, file: Path, tag: Tag) -> set[str]:
    """Site-relative files that the links inside ``tag`` lead to."""
    out = set()
    for href in hrefs(tag):
        try:
            target = resolve(site_dir, BASE, file, href)
        except LinkError:
            continue
        if target is not None:
            out.add(target.file.relative_to(site_dir).as_posix())
    return out


def record_file(kind: str, ident: str) -> str:
    return f"{KINDS[kind].url_prefix}/{ident}/index.html"


# -- the build ------------------------------------------------------------------------------


def test_build_has_no_warnings(built_site: Any) -> None:
    """`mkdocs build --strict` would pass: MkDocs and the plugin logged no warning."""
    assert built_site.warnings == []
    assert [p for p in built_site.problems if p.severity.value == "error"] == []


def test_every_record_has_a_page(site_dir: Path) -> None:
    site = sample_site()
    for node in site.all_nodes():
        file = site_dir / record_file(node.kind, node.id)
        assert file.is_file() == node.published, node


# -- home -----------------------------------------------------------------------------------


def test_home_headline_figures_with_sources(site_dir: Path) -> None:
    soup = page(site_dir, "")
    figures = article(soup).select(".sk-figure")
    assert len(figures) >= 3
    values = [text(f.select_one(".sk-figure__value") or f) for f in figures]
    assert "170.324 sáng kiến" in values
    assert "hơn 162 tỷ đồng" in values
    for figure in figures:
        source = figure.select_one(".sk-figure__source")
        assert source is not None and text(source).startswith("Nguồn:"), figure
        assert source.find("a", href=True) is not None, "a figure's source links to it"
    # The other published number for the same figure, with its own source.
    first = figures[values.index("170.324 sáng kiến")]
    assert "170.263" in text(first)
    assert len(first.select(".sk-figure__source a[href]")) >= 2, "both sources are linked"


def test_home_featured_latest_awards_and_progress(site_dir: Path) -> None:
    soup = page(site_dir, "")
    home = site_dir / "index.html"
    site = sample_site()
    featured = targets(site_dir, home, section(soup, "Sáng kiến tiêu biểu"))
    assert {record_file("initiative", i.id) for i in site.featured} <= featured
    awards = targets(site_dir, home, section(soup, "Khen thưởng mới nhất"))
    assert {record_file("award", a.id) for a in site.latest_awards} <= awards
    progress = section(soup, "Tiến độ chương trình")
    bars = progress.find_all("progress")
    assert bars, "campaign progress is drawn with <progress>"
    for bar in bars:
        assert float(bar["value"]) <= float(bar["max"])
        assert bar.get("aria-label")
    assert "chỉ tiêu 300.000 sáng kiến" in text(progress)


# -- record pages ---------------------------------------------------------------------------

INITIATIVE = "cai-tien-he-thong-lam-mat-ghi-lo-nung-clinker"


def test_initiative_page(site_dir: Path) -> None:
    soup = page(site_dir, f"sang-kien/{INITIATIVE}/")
    file = site_dir / record_file("initiative", INITIATIVE)
    body = text(article(soup))
    node = sample_site().initiatives[INITIATIVE]
    assert text(article(soup).h1 or soup).startswith(node.model.title)
    # authors with their shares, linked to their pages
    assert re.search(r"Đinh Văn Khoa \(50%\), chủ nhiệm; Bùi Văn Đức \(30%\)", body), body
    links = targets(site_dir, file, article(soup))
    assert record_file("person", "dinh-van-khoa") in links
    assert record_file("person", "bui-van-duc") not in links, "publish: false has no page"
    # where it sits: unit → parent unit → root, as links (breadcrumbs)
    crumbs = article(soup).select_one(".sk-breadcrumbs")
    assert crumbs is not None
    chain = [record_file("unit", u.id) for u in [node.unit, *node.unit.ancestors]]
    assert len(chain) >= 2
    assert set(chain) <= targets(site_dir, file, crumbs)
    # recognition, benefit, awards, related initiatives
    assert "Công nhận Cấp tỉnh, ngành" in body
    assert "1,5 tỷ đồng (1.500.000.000 đồng)" in body
    assert {record_file("award", a.id) for a in node.awards} <= targets(
        site_dir, file, section(soup, "Khen thưởng")
    )
    related = targets(site_dir, file, section(soup, "Sáng kiến liên quan"))
    assert {record_file("initiative", r.id) for r in node.related} <= related
    assert node.related
    for heading in ("Mô tả bản chất của sáng kiến", "Điều kiện áp dụng"):
        assert section(soup, heading).get_text(strip=True)


@pytest.mark.parametrize(
    "ident", sorted(i.id for i in sample_site().initiatives.values() if i.model.benefit_vnd)
)
def test_initiative_benefit_in_vietnamese(site_dir: Path, ident: str) -> None:
    body = text(article(page(site_dir, f"sang-kien/{ident}/")))
    assert re.search(r"Giá trị làm lợi \d+(,\d+)? (triệu|tỷ) đồng \([\d.]+ đồng\)", body), body


def test_person_page(site_dir: Path) -> None:
    soup = page(site_dir, "ca-nhan/dinh-van-khoa/")
    file = site_dir / record_file("person", "dinh-van-khoa")
    node = sample_site().people["dinh-van-khoa"]
    body = text(article(soup))
    assert f"Chức vụ, chức danh {node.model.job_title}" in body
    assert node.unit is not None
    assert record_file("unit", node.unit.id) in targets(site_dir, file, article(soup))
    assert {record_file("initiative", i.id) for i in node.initiatives} <= targets(
        site_dir, file, section(soup, "Sáng kiến")
    )
    assert node.awards
    honours = section(soup, "Thành tích được khen thưởng")
    assert {record_file("award", a.id) for a in node.awards} <= targets(site_dir, file, honours)


def test_person_page_opens_with_what_they_were_honoured_for(site_dir: Path) -> None:
    """Like a prize motivation: award form, citation with the initiative, decision and date,
    before anything else on the page; what this person got, not how many the decision named."""
    ident = "nguyen-van-hung"
    soup = page(site_dir, f"ca-nhan/{ident}/")
    node = sample_site().people[ident]
    body = article(soup)
    first = body.find("h2")
    assert first is not None and text(first).startswith("Thành tích được khen thưởng")
    cards = body.select(".sk-honours > li")
    assert len(cards) == len(node.awards) >= 1
    for card, award in zip(
        cards, sorted(node.awards, key=lambda a: a.model.date, reverse=True), strict=True
    ):
        line = next(r for r in award.recipients if any(p.person is node for p in r.people))
        words = text(card)
        assert award.form_label in words
        if line.citation:
            assert line.citation in words
        if line.initiative is not None:
            assert line.initiative.model.title in words
        assert f"Quyết định số {award.model.decision_number}" in words
        assert f"{award.model.date.day}/{award.model.date.month}/{award.model.date.year}" in words
        assert "Số được khen" not in words


def test_unit_page_opens_with_its_own_honours(site_dir: Path) -> None:
    ident = "ldld-huyen-hoang-hoa"
    soup = page(site_dir, f"don-vi/{ident}/")
    node = sample_site().units[ident]
    assert node.awards, "the sample unit is honoured as a collective"
    first = article(soup).find("h2")
    assert first is not None and text(first).startswith("Thành tích được khen thưởng")
    assert len(article(soup).select(".sk-honours > li")) == len(node.awards)


def test_unit_page(site_dir: Path) -> None:
    ident = "ldld-thanh-hoa"
    soup = page(site_dir, f"don-vi/{ident}/")
    file = site_dir / record_file("unit", ident)
    node = sample_site().units[ident]
    assert node.parent is not None and node.children
    body = article(soup)
    assert record_file("unit", node.parent.id) in targets(site_dir, file, body)
    subunits = targets(site_dir, file, section(soup, "Đơn vị trực thuộc"))
    assert {record_file("unit", c.id) for c in node.children} <= subunits
    by_recognised = section(soup, "Bảng xếp hạng theo số sáng kiến được công nhận")
    by_benefit = section(soup, "Bảng xếp hạng theo giá trị làm lợi")
    for board in (by_recognised, by_benefit):
        assert len(board.find_all("li")) == len(node.children)
    counts = [int(m) for m in re.findall(r": (\d+) sáng kiến được công nhận", text(by_recognised))]
    assert counts == sorted(counts, reverse=True) and counts
    # initiatives of sub-units are counted on the parent's page
    assert f"Sáng kiến (kể cả đơn vị trực thuộc) {len(node.all_initiatives)}" in text(body)


def test_award_page_recipients_table(site_dir: Path) -> None:
    ident = "bang-khen-ldld-thanh-hoa-diem-hen-sang-kien-2022"
    soup = page(site_dir, f"khen-thuong/{ident}/")
    node = sample_site().awards[ident]
    body = text(article(soup))
    assert node.model.decision_number in body
    assert "ngày 29 tháng 6 năm 2022" in body
    table = section(soup, "Danh sách được khen thưởng").find("table")
    assert table is not None
    head = [text(th) for th in table.find_all("th")]
    assert head[:2] == ["STT", "Được khen"]
    rows = table.find("tbody").find_all("tr")  # type: ignore[union-attr]
    assert len(rows) == len(node.recipients)
    assert all(text(r.find_all("td")[-1]) for r in rows), "each says what it was honoured for"


def figure_sources(block: Tag) -> list[tuple[list[str], str]]:
    """Each run of figures (``ul.sk-figure-list``) with the source line that follows it."""
    out = []
    for ul in block.select("ul.sk-figure-list"):
        source = ul.find_next_sibling("p")
        assert source is not None and "sk-fig__source" in (source.get("class") or []), ul
        out.append(([text(li) for li in ul.find_all("li")], text(source)))
    return out


def test_event_page_figures_with_sources(site_dir: Path) -> None:
    soup = page(site_dir, "su-kien/diem-hen-sang-kien-thanh-hoa-2022/")
    figures = section(soup, "Số liệu")
    runs = figure_sources(figures)
    assert runs
    body = text(figures)
    assert "170.324 sáng kiến" in body and "170.263 sáng kiến" in body
    assert "hơn 162 tỷ đồng" in body
    node = sample_site().events["diem-hen-sang-kien-thanh-hoa-2022"]
    assert sum(len(items) for items, _ in runs) == len(node.model.figures)
    for items, source in runs:
        assert items and source.startswith("Nguồn:")
    # Each source once: the three figures of one article share one source line.
    sources = [source for _, source in runs]
    assert len(sources) == len(set(sources)) == len({f.source.title for f in node.model.figures})


def test_campaign_page_phases_targets_progress(site_dir: Path) -> None:
    soup = page(site_dir, "chuong-trinh/1-trieu-sang-kien/")
    node = sample_site().campaigns["1-trieu-sang-kien"]
    phases = section(soup, "Các giai đoạn")
    body = text(phases)
    for phase in node.phases:
        assert phase.phase.name in body
        if phase.phase.target:
            assert f"chỉ tiêu {phase.phase.target:,} sáng kiến".replace(",", ".") in body
    bars = phases.find_all("progress")
    assert len(bars) == sum(1 for p in node.phases if p.phase.target and p.progress)
    assert bars
    runs = figure_sources(phases)
    assert runs and all(items and source.startswith("Nguồn:") for items, source in runs)


def test_campaign_figures_grouped_by_scope(site_dir: Path) -> None:
    """National, provincial and unit figures apart, widest first; no sentence twice."""
    soup = page(site_dir, "chuong-trinh/1-trieu-sang-kien/")
    phase = section(soup, "Giai đoạn 1")
    scopes = [text(p) for p in phase.select(".sk-scope")]
    assert scopes == [
        "Toàn quốc",
        "Tỉnh, thành phố: Thanh Hóa",
        "Đơn vị: Công đoàn Viên chức tỉnh Thanh Hóa",
    ]
    national = text(phase).split("Tỉnh, thành phố")[0]
    assert "696.948 sáng kiến" in national and "170.324" not in national
    body = article(soup)
    for citation in body.select(".sk-fig__source, .sk-fig__alt"):
        citation.decompose()  # one article may be the source of several figures
    sentences = [s.strip() for s in re.split(r"(?<=[.;:])\s", text(body)) if len(s) > 30]
    assert len(sentences) == len(set(sentences)), "a sentence is written twice"


# -- listings, honour roll, statistics, other pages --------------------------------------------


def test_initiative_listing_sort_links(site_dir: Path) -> None:
    soup = page(site_dir, "sang-kien/")
    file = site_dir / "sang-kien/index.html"
    links = targets(site_dir, file, article(soup))
    assert {"sang-kien/theo-ten/index.html", "sang-kien/theo-gia-tri/index.html"} <= links
    rows = article(soup).select("table tbody tr")
    assert len(rows) == len(sample_site().initiatives)
    by_name = page(site_dir, "sang-kien/theo-ten/")
    names = [text(r.find_all("td")[1]) for r in article(by_name).select("table tbody tr")]
    assert len(names) == len(rows)
    assert names != [text(r.find_all("td")[1]) for r in rows] or len(rows) < 2


@pytest.mark.parametrize("url", ["nam/2022/", "linh-vuc/chuyen-doi-so/"])
def test_year_and_field_pages(site_dir: Path, url: str) -> None:
    soup = page(site_dir, url)
    site = sample_site()
    if url.startswith("nam/"):
        expected = [i for i in site.initiatives.values() if i.year == 2022]
    else:
        expected = [i for i in site.initiatives.values() if i.model.field == "chuyen-doi-so"]
    file = site_dir / url / "index.html"
    assert {record_file("initiative", i.id) for i in expected} <= targets(
        site_dir, file, article(soup)
    )
    assert len(article(soup).select("table tbody tr")) >= len(expected)


def test_honour_roll_grouped_and_printable(site_dir: Path) -> None:
    """The honour roll: an index of years, each year its own page, awards grouped by form."""
    soup = page(site_dir, "bang-vang/")
    site = sample_site()
    years = sorted({a.year for a in site.awards.values()}, reverse=True)
    index = site_dir / "bang-vang/index.html"
    assert {f"bang-vang/{y}/index.html" for y in years} <= targets(site_dir, index, article(soup))
    for year in years:
        year_page = page(site_dir, f"bang-vang/{year}/")
        awards = [a for a in site.awards.values() if a.year == year]
        forms = {a.form_term.name for a in awards if a.form_term}
        assert forms <= {text(h) for h in article(year_page).find_all("h2")}
        file = site_dir / f"bang-vang/{year}/index.html"
        assert {record_file("award", a.id) for a in awards} <= targets(
            site_dir, file, article(year_page)
        )
    sheets = [str(link["href"]) for link in soup.find_all("link", rel="stylesheet")]
    assert any(h.endswith("showcase.css") for h in sheets)
    css = (site_dir / "assets/stylesheets/showcase.css").read_text(encoding="utf-8")
    assert "@media print" in css
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", css), "the honour roll prints on A4"


def test_statistics_charts_are_accessible_svg_with_tables(site_dir: Path) -> None:
    soup = page(site_dir, "thong-ke/")
    svgs = article(soup).find_all("svg")
    assert len(svgs) >= 4
    for svg in svgs:
        assert svg.get("role") == "img"
        assert svg.get("aria-labelledby") or svg.get("aria-label") or svg.find("title")
    tables = article(soup).find_all("table")
    assert len(tables) >= len(svgs), "every chart has its data table"
    assert article(soup).find_all("progress"), "campaign progress"
    assert not soup.find_all("script", src=re.compile("chart", re.I)), "no chart library"


def test_open_data_guide_and_search_pages(site_dir: Path) -> None:
    open_data = page(site_dir, "du-lieu-mo/")
    assert text(article(open_data).h1 or open_data).startswith("Dữ liệu mở")
    data_links = [h for h in hrefs(article(open_data)) if h.endswith((".json", ".csv"))]
    assert data_links, "the open data page links its files"
    guide = page(site_dir, "huong-dan/")
    assert article(guide).h1 is not None
    assert page(site_dir, "tra-cuu/").select_one("#sk-search") is not None


def test_404_page_in_vietnamese(site_dir: Path) -> None:
    soup = page(site_dir, "404.html")
    body = text(article(soup))
    assert "Không tìm thấy trang" in body
    assert soup.html is not None and soup.html.get("lang") == "vi"


def test_example_records_say_so(site_dir: Path) -> None:
    site = sample_site()
    examples = [n for n in site.all_nodes() if n.published and n.model.example]
    assert examples, "the sample content marks illustrative records"
    for node in site.all_nodes():
        if not node.published:
            continue
        body = text(article(soup_of(site_dir / record_file(node.kind, node.id))))
        assert ("Hồ sơ minh họa" in body) == bool(node.model.example), node


# -- every page ------------------------------------------------------------------------------


def test_every_page_is_vietnamese(site_dir: Path) -> None:
    for file in html_files(site_dir):
        soup = soup_of(file)
        if soup.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
            continue  # a redirect stub for an old address
        assert soup.html is not None and soup.html.get("lang") == "vi", file


def test_every_record_page_reachable_from_home(site_dir: Path) -> None:
    """Crawl internal links (navigation and content) from index.html."""
    seen: set[Path] = set()
    queue = deque([site_dir / "index.html"])
    while queue:
        file = queue.popleft()
        if file in seen:
            continue
        seen.add(file)
        for tag, _attr, url in links_of(soup_of(file)):
            if tag != "a":
                continue
            try:
                target = resolve(site_dir, BASE, file, url)
            except LinkError:
                continue
            if target is not None and target.file.suffix == ".html" and target.file.is_file():
                queue.append(target.file)
    reached = {f.relative_to(site_dir).as_posix() for f in seen}
    expected = {record_file(n.kind, n.id) for n in sample_site().all_nodes() if n.published}
    expected |= {
        f"{url}index.html"
        for url in (
            "sang-kien/",
            "ca-nhan/",
            "don-vi/",
            "khen-thuong/",
            "su-kien/",
            "chuong-trinh/",
            "nam/",
            "nam/2022/",
            "linh-vuc/",
            "bang-vang/",
            "thong-ke/",
            "tra-cuu/",
            "du-lieu-mo/",
            "huong-dan/",
            "gioi-thieu/",
        )
    }
    assert sorted(expected - reached) == []
    # in fact every page is: listings, their other pages and sort orders, hand-written pages
    everything = {
        f.relative_to(site_dir).as_posix()
        for f in html_files(site_dir)
        if not soup_of(f).find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
    }
    assert sorted(everything - reached - {"404.html"}) == []


def _is_own(url: str) -> bool:
    parts = urlsplit(url)
    if not (parts.scheme or parts.netloc):
        return not url.lower().startswith("javascript:")
    absolute = url if parts.scheme else "https:" + url
    return absolute.startswith(BASE)


def test_no_request_to_another_origin(site_dir: Path) -> None:
    """Nothing the browser loads by itself (styles, scripts, images, fonts) comes from elsewhere."""
    offenders = []
    for file in html_files(site_dir):
        soup = soup_of(file)
        rel = file.relative_to(site_dir).as_posix()
        for link in soup.find_all("link", href=True):
            kinds = set(link.get("rel") or [])
            if kinds <= {"canonical", "alternate", "author", "license", "me"}:
                if not _is_own(str(link["href"])) and "canonical" in kinds:
                    offenders.append(f"{rel}: canonical {link['href']}")
                continue
            if not _is_own(str(link["href"])):
                offenders.append(f"{rel}: <link rel={sorted(kinds)} href={link['href']}>")
        for tag in soup.find_all(["script", "img", "source", "iframe", "video", "audio", "embed"]):
            for attr in ("src", "srcset", "poster"):
                value = tag.get(attr)
                if isinstance(value, str) and not all(
                    _is_own(v.strip().split(" ")[0]) for v in value.split(",") if v.strip()
                ):
                    offenders.append(f"{rel}: <{tag.name} {attr}={value}>")
        for style in soup.find_all(style=re.compile(r"url\(", re.I)):
            offenders.append(f"{rel}: inline style url() {style['style']}")
    for css in (site_dir / "assets").rglob("*.css"):
        data = css.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"""(?:@import\s+|url\()\s*['"]?(https?:)?//[^'")\s]+""", data):
            offenders.append(f"{css.name}: {url}")
        assert "fonts.googleapis.com" not in data and "fonts.gstatic.com" not in data, css
    assert offenders == []
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home


def _visible_strings(soup: BeautifulSoup) -> str:
    soup = BeautifulSoup(str(soup), "lxml")  # a copy: decompose() below must not touch the cache
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    parts = [soup.get_text(" ", strip=True)]
    for tag in soup.find_all(True):
        for attr in VISIBLE_ATTRIBUTES:
            value = tag.get(attr)
            if isinstance(value, str):
                parts.append(value)
    return " \n ".join(parts)


def test_no_untranslated_theme_strings(site_dir: Path) -> None:
    """No English string of the theme in any page's visible text, tooltips or labels."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(e) for e in ENGLISH) + r")\b")
    found: dict[str, str] = {}
    for file in html_files(site_dir):
        for match in pattern.finditer(_visible_strings(soup_of(file))):
            found.setdefault(match.group(1), file.relative_to(site_dir).as_posix())
    assert found == {}


def test_navigation_lists_sections_only(site_dir: Path) -> None:
    """Material puts the nav in every page: it must never list records (design §3)."""
    site = sample_site()
    records = {record_file(n.kind, n.id) for n in site.all_nodes()}
    nav_targets: set[str] = set()
    for file in html_files(site_dir):
        soup = soup_of(file)
        for nav in soup.select("nav.md-nav--primary, nav.md-tabs"):
            nav_targets |= {t for t in targets(site_dir, file, nav) if not t.startswith("#")}
    assert nav_targets, "pages have a navigation"
    assert nav_targets & records == set()
    assert len(nav_targets) <= 20, sorted(nav_targets)


def test_json_ld_is_valid_json(site_dir: Path) -> None:
    for file in html_files(site_dir):
        for script in soup_of(file).find_all("script", type="application/ld+json"):
            data = json.loads(script.string or "")
            assert isinstance(data, (dict, list)), file


def test_every_record_page_has_a_share_card(site_dir: Path) -> None:
    """og:image is a 1200×630 file of the site, with its size, type and text alternative."""
    from PIL import Image

    site = sample_site()
    base = site.urls.base
    for node in site.all_nodes():
        if not node.published:
            continue
        soup = soup_of(site_dir / record_file(node.kind, node.id))
        meta = {
            str(tag["property"]): str(tag["content"])
            for tag in soup.find_all("meta", property=True)
        }
        image = meta["og:image"]
        assert image.startswith(base + "media/the/"), image
        with Image.open(site_dir / image[len(base) :]) as card:
            assert card.size == (1200, 630)
            assert card.format == {"image/png": "PNG", "image/jpeg": "JPEG"}[meta["og:image:type"]]
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert meta["og:image:alt"] == f"{node.spec.label}: {node.display_name}"


def test_record_pictures_are_published_clean(site_dir: Path) -> None:
    """Sample photos appear as <picture> variants with their size; originals stay out."""
    from PIL import Image

    site = sample_site()
    soup = page(site_dir, "ca-nhan/dinh-van-khoa/")
    portrait = article(soup).select_one(".sk-head picture img")
    assert portrait is not None and portrait.get("width") and portrait.get("height")
    gallery = page(site_dir, "sang-kien/cai-tien-he-thong-lam-mat-ghi-lo-nung-clinker/")
    images = article(gallery).select(".sk-gallery img")
    assert len(images) == len(
        site.initiatives["cai-tien-he-thong-lam-mat-ghi-lo-nung-clinker"].model.images
    )
    assert all(img.get("loading") == "lazy" for img in images)
    named = {
        str(v)
        for n in site.all_nodes()
        for v in [getattr(n.model, "photo", None), *getattr(n.model, "images", [])]
        if v
    }
    assert named, "the sample content has record pictures"
    for path in named:
        assert not (site_dir / path).exists(), f"original {path} published"
    for variant in (site_dir / "media" / "anh").iterdir():
        if variant.suffix in (".jpg", ".webp"):
            with Image.open(variant) as image:
                assert not image.getexif(), variant


def test_honour_roll_prints_with_organisation_qr_and_page_numbers(site_dir: Path) -> None:
    site = sample_site()
    year = max(a.year for a in site.awards.values())
    soup = page(site_dir, f"bang-vang/{year}/")
    head = article(soup).select_one(".sk-print-only.sk-honour-roll__head")
    assert head is not None
    url = site.urls.absolute(f"bang-vang/{year}/")
    assert site.config.organisation in text(head) and url in text(head)
    qr = head.find("svg")
    assert qr is not None and qr.get("role") == "img" and qr.get("aria-label")
    # The modules drawn are those of a QR code for the page's own address.
    expected = BeautifulSoup(qr_svg(url), "lxml").find("path")
    drawn = qr.find("path")
    assert expected is not None and drawn is not None and drawn["d"] == expected["d"]
    for award in (a for a in site.awards.values() if a.year == year):
        if award.model.decision_number:
            assert f"Quyết định số {award.model.decision_number}" in text(article(soup))
    css = (site_dir / "assets/stylesheets/showcase.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*\{[^}]*@bottom-center\s*\{[^}]*counter\(page\)", css, re.S)
    assert re.search(r"@media print\s*\{[^@]*\.sk-print-only\s*\{\s*display:\s*block", css)


def test_feeds_linked_from_every_page_and_the_home_page(site_dir: Path) -> None:
    for file in html_files(site_dir):
        soup = soup_of(file)
        if soup.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
            continue
        types = {
            str(link.get("type")): str(link["href"])
            for link in soup.find_all("link", rel="alternate")
        }
        assert set(types) >= {"application/atom+xml", "application/rss+xml"}, file
        for href in types.values():
            assert not href.startswith(("/", "http")) or file.name == "404.html", href
            if file.name != "404.html":
                assert (file.parent / href).resolve().is_file(), (file, href)
    home = article(page(site_dir, ""))
    shown = {str(a["href"]) for a in home.find_all("a", href=True)}
    assert {"feed.xml", "rss.xml"} <= shown


def test_home_title_logo_and_hero(site_dir: Path) -> None:
    site = sample_site()
    home = page(site_dir, "")
    assert home.title is not None and home.title.get_text(strip=True) == site.config.title
    for file in [site_dir / "index.html", site_dir / "sang-kien/index.html"]:
        logo = soup_of(file).select_one(".md-logo img")
        assert logo is not None and logo.get("alt") == site.config.title
    form = article(home).select_one(".sk-hero form")
    assert form is not None and form.get("method") == "get" and form.get("action") == "tra-cuu/"
    box = form.find("input", attrs={"name": "q"})
    assert box is not None and form.find("label", attrs={"for": box.get("id")}) is not None
    assert article(home).select_one(".sk-story a[href]") is not None, "a featured story"


def test_footer_credit_in_vietnamese(site_dir: Path) -> None:
    footer = soup_of(site_dir / "index.html").select_one(".md-copyright")
    assert footer is not None
    assert "Material for MkDocs" not in text(footer)
    assert "Trang được xây dựng bằng" in text(footer)


def test_unknown_values_are_dashes_not_blank(site_dir: Path) -> None:
    """No empty table cell or fact: an unknown value reads "—"."""
    for file in html_files(site_dir):
        body = soup_of(file).select_one("article.md-content__inner")
        if body is None:
            continue
        for cell in body.select("table.sk-table td, dl.sk-facts dd"):
            assert text(cell) or cell.find(["svg", "img"]), f"{file}: empty {cell}"


# -- live reload ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (OSError, ValueError):
        return None


def _wait_for(url: str, predicate: Callable[[str], bool], timeout: float, proc: Any) -> str:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"mkdocs serve exited with {proc.returncode}")
        last = _get(url)
        if last is not None and predicate(last):
            return last
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show the change within {timeout:.0f} s")


@pytest.mark.slow
def test_serve_live_reloads_yaml_and_template_changes(tmp_path: Path) -> None:
    """`mkdocs serve --livereload` shows a changed YAML record, then a changed template."""
    content = tmp_path / "content"
    shutil.copytree(BASE_CONTENT, content)
    shutil.copytree(REPO / "content" / "pages", content / "pages", dirs_exist_ok=True)
    project = copy_project(tmp_path / "project", content)
    port = _free_port()
    # `mkdocs serve` sets site_url to the serve address before the plugin runs: the preview
    # is served from the root whatever path prefix base_url has.
    home_url = f"http://127.0.0.1:{port}/"
    page_url = f"{home_url}sang-kien/may-cat-tu-dong/"
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_for(home_url, lambda html: "Sáng kiến mẫu" in html, 90, proc)
        _wait_for(page_url, lambda html: "Cải tiến máy cắt tự động" in html, 10, proc)
        record = project / "content" / "initiatives" / "2022" / "may-cat-tu-dong.yml"
        text = record.read_text(encoding="utf-8")
        record.write_text(
            text.replace("title: Cải tiến máy cắt tự động", "title: Máy cắt đổi tên khi đang xem"),
            encoding="utf-8",
        )
        _wait_for(page_url, lambda html: "Máy cắt đổi tên khi đang xem" in html, 60, proc)
        template = project / "site_templates" / "pages" / "initiative.md.j2"
        template.write_text(
            template.read_text(encoding="utf-8") + "\nDấu mốc mẫu trang mới.\n", encoding="utf-8"
        )
        _wait_for(page_url, lambda html: "Dấu mốc mẫu trang mới." in html, 60, proc)
    except AssertionError as exc:
        log.flush()
        tail = (tmp_path / "serve.log").read_text(encoding="utf-8", errors="replace")[-3000:]
        raise AssertionError(f"{exc}\n--- mkdocs serve output ---\n{tail}") from None
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log.close()
