"""Stable links (generator/redirects.py): every old id still leads to its record."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from conftest import REPO, TODAY
from lxml import html as lxml_html

from generator.nodes import Site
from generator.pipeline import check_content
from generator.redirects import redirect_pages, redirect_targets
from generator.urls import Urls

BASE = "https://example.org/sang-kien/"


def _edit(path: Path, **changes: object) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def load(content: Path) -> Site:
    site, problems = check_content(content, display_root="content", today=TODAY)
    assert site is not None, [str(p) for p in problems]
    return site


@pytest.fixture
def site(base_content: Path) -> Site:
    _edit(
        base_content / "initiatives" / "2022" / "may-cat-tu-dong.yml",
        redirect_from=["may-cat", "may-cat-tu-dong-2021"],
        title='Máy cắt <script>alert("x")</script> & "mới"',
    )
    _edit(base_content / "people" / "nguyen-van-an.yml", redirect_from=["nguyen-an"])
    _edit(base_content / "units" / "tong-ldld.yml", redirect_from=["tld"])
    _edit(base_content / "people" / "le-van-cuong.yml", publish=False, redirect_from=["cuong"])
    return load(base_content)


def resolve(page: bytes, old_url: str) -> tuple[str, str]:
    """(where the meta refresh leads, the canonical URL) for the page served at ``old_url``."""
    doc = lxml_html.fromstring(page)
    refresh = doc.xpath("//meta[@http-equiv='refresh']/@content")
    assert len(refresh) == 1
    delay, _, target = refresh[0].partition(";")
    assert delay.strip() == "0"
    assert target.strip().startswith("url=")
    canonical = doc.xpath("//link[@rel='canonical']/@href")
    assert len(canonical) == 1
    return urljoin(old_url, target.strip().removeprefix("url=")), canonical[0]


def test_pages_exist_for_every_old_id(site: Site) -> None:
    pages = redirect_pages(site)
    assert sorted(pages) == [
        "ca-nhan/nguyen-an/index.html",
        "don-vi/tld/index.html",
        "sang-kien/may-cat-tu-dong-2021/index.html",
        "sang-kien/may-cat/index.html",
    ]  # none for the publish: false person: there is no page to send anyone to


@pytest.mark.parametrize("base", [BASE, "https://example.org/sang-kien", "https://x.github.io/"])
def test_old_urls_resolve_to_live_records(site: Site, base: str) -> None:
    live = {node.url for node in site.all_nodes() if node.published}
    root = base if base.endswith("/") else base + "/"
    for path, page in redirect_pages(
        dataclasses.replace(site, urls=Urls.from_base_url(base))
    ).items():
        old_url = root + path.removesuffix("index.html")
        target, canonical = resolve(page, old_url)
        assert target == canonical
        assert target.startswith(root)
        assert target.removeprefix(root) in live


def test_page_content(site: Site) -> None:
    page = redirect_pages(site)["sang-kien/may-cat/index.html"]
    text = page.decode("utf-8")
    assert "<script>" not in text
    doc = lxml_html.fromstring(page)
    assert doc.get("lang") == "vi"
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert doc.xpath("//meta[@http-equiv='refresh']/@content") == ["0; url=../may-cat-tu-dong/"]
    link = doc.xpath("//body//a")[0]
    assert link.get("href") == "../may-cat-tu-dong/"
    assert link.text == 'Máy cắt <script>alert("x")</script> & "mới"'
    assert "Trang đã chuyển đến" in doc.text_content()


def test_targets_and_determinism(site: Site, base_content: Path) -> None:
    targets = redirect_targets(site)
    assert targets["sang-kien/may-cat/"].id == "may-cat-tu-dong"
    assert "ca-nhan/cuong/" not in targets
    assert redirect_pages(site) == redirect_pages(load(base_content))


def test_no_redirects_no_pages(base_content: Path) -> None:
    assert redirect_pages(load(base_content)) == {}


def test_sample_content_redirects_resolve() -> None:
    site, problems = check_content(REPO / "content")
    assert site is not None, [str(p) for p in problems]
    live = {node.url for node in site.all_nodes() if node.published}
    for path, page in redirect_pages(site).items():
        target, _ = resolve(page, BASE + path.removesuffix("index.html"))
        assert target.removeprefix(BASE) in live
