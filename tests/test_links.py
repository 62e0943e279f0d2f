"""An HTML link checker over the whole built site (issue 3, "zero broken links or anchors").

Every internal ``href``/``src`` of every built page (relative, root-relative under the
``site_url`` path prefix, or absolute under ``site_url``) must name a file of the site
(a folder means its ``index.html``), and every ``#fragment`` must be an ``id`` (or a
``name``) in the target page.  The helpers here are also used by ``test_site_build.py``.
"""

from __future__ import annotations

import functools
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO

#: (tag, attribute) pairs that point at another document or resource.
LINK_ATTRIBUTES = (
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("area", "href"),
    ("form", "action"),
    ("use", "href"),
    ("use", "xlink:href"),
    ("image", "href"),
)
SKIP_SCHEMES = ("mailto:", "tel:", "data:", "blob:")


def site_url(content: Path = REPO / "content") -> str:
    """The site's base URL, as content/site.yml gives it (MkDocs' site_url comes from it)."""
    data = yaml.safe_load((content / "site.yml").read_text(encoding="utf-8"))
    base = str(data["base_url"])
    return base if base.endswith("/") else base + "/"


@dataclass(frozen=True)
class Target:
    """Where an internal link leads: a file of the site and an optional fragment."""

    file: Path
    fragment: str


def page_url(site_dir: Path, file: Path) -> str:
    """The URL path (without the prefix) a built file is served at: ``sang-kien/x/``."""
    rel = file.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


class LinkError(Exception):
    pass


def resolve(site_dir: Path, base: str, page: Path, url: str) -> Target | None:
    """Resolve ``url`` found on ``page``; None for a link that leaves the site.

    Raises LinkError for a link that is internal but cannot be followed (a root-relative
    link outside the site's path prefix, a ``javascript:`` URL).
    """
    url = url.strip()
    if not url or url.lower().startswith(SKIP_SCHEMES):
        return None
    if url.lower().startswith("javascript:"):
        raise LinkError("javascript: URL")
    prefix = urlsplit(base).path  # /sang-kien/
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        absolute = url if parts.scheme else f"{urlsplit(base).scheme}:{url}"
        if not absolute.startswith(base):
            if absolute.rstrip("/") + "/" == base:
                path = ""
            else:
                return None  # another site
        else:
            path = urlsplit(absolute[len(base) :]).path
    elif parts.path.startswith("/"):
        if not (parts.path + "/").startswith(prefix) and parts.path != prefix.rstrip("/"):
            raise LinkError(f"root-relative link outside the site prefix {prefix}")
        path = parts.path[len(prefix) :]
    else:
        current = page_url(site_dir, page)
        joined = urljoin("/" + current, parts.path) if parts.path else "/" + current
        path = posixpath.normpath(joined).lstrip("/") if joined.strip("/") else ""
        if joined.endswith("/") and path:
            path += "/"
        if path.startswith(".."):
            raise LinkError("relative link above the site root")
    path = unquote(path)
    file = site_dir / path if path else site_dir
    if path == "" or path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return Target(file, unquote(parts.fragment))


@functools.lru_cache(maxsize=4096)
def _soup(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_bytes(), "lxml")


def soup_of(file: Path) -> BeautifulSoup:
    """Parsed HTML of a built file (cached: the site is built once per session)."""
    return _soup(file.resolve())


def anchors_of(file: Path) -> set[str]:
    soup = soup_of(file)
    ids = {str(t["id"]) for t in soup.find_all(id=True)}
    ids |= {str(t["name"]) for t in soup.find_all(["a"], attrs={"name": True})}
    return ids


def links_of(soup: BeautifulSoup) -> Iterator[tuple[str, str, str]]:
    """(tag, attribute, url) of every link-like attribute in the page."""
    for tag_name, attr in LINK_ATTRIBUTES:
        for tag in soup.find_all(tag_name):
            value = tag.get(attr)
            if isinstance(value, str):
                yield tag_name, attr, value
    for tag in soup.find_all(["img", "source"], srcset=True):
        for candidate in str(tag["srcset"]).split(","):
            url = candidate.strip().split(" ")[0]
            if url:
                yield tag.name, "srcset", url


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def check_site_links(site_dir: Path, base: str) -> list[str]:
    """Every broken internal link or anchor of the site, as readable lines."""
    broken: list[str] = []
    for page in html_files(site_dir):
        rel = page.relative_to(site_dir).as_posix()
        for tag, attr, url in links_of(soup_of(page)):
            try:
                target = resolve(site_dir, base, page, url)
            except LinkError as exc:
                broken.append(f"{rel}: <{tag} {attr}={url!r}>: {exc}")
                continue
            if target is None:
                continue
            if not target.file.is_file():
                broken.append(
                    f"{rel}: <{tag} {attr}={url!r}>: no file {target.file.relative_to(site_dir)}"
                )
                continue
            if (
                target.fragment
                and target.file.suffix == ".html"
                and target.fragment not in anchors_of(target.file)
            ):
                broken.append(f"{rel}: <{tag} {attr}={url!r}>: no id {target.fragment!r}")
    return broken


# -- tests ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_dir(built_site: Any) -> Path:
    return Path(built_site.site_dir)


def test_no_broken_links_or_anchors(site_dir: Path) -> None:
    pages = html_files(site_dir)
    assert len(pages) > 50, "the sample site should have many pages"
    broken = check_site_links(site_dir, site_url())
    assert broken == [], "broken internal links:\n" + "\n".join(broken[:50])


def test_sitemap_lists_only_existing_pages(site_dir: Path) -> None:
    base = site_url()
    tree = ET.parse(site_dir / "sitemap.xml")
    locs = [el.text or "" for el in tree.iter() if el.tag.endswith("loc")]
    assert locs, "sitemap.xml lists no page"
    missing = []
    for loc in locs:
        assert loc.startswith(base), loc
        target = resolve(site_dir, base, site_dir / "index.html", loc)
        if target is None or not target.file.is_file():
            missing.append(loc)
    assert missing == []


def test_checker_finds_broken_links(tmp_path: Path) -> None:
    """The checker itself: a missing page, a missing anchor, a link outside the prefix."""
    base = "https://example.org/sk/"
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<html><body><h1 id="top">x</h1>'
        '<a href="a/">ok</a><a href="a/#here">ok anchor</a><a href="#top">ok self</a>'
        '<a href="/sk/a/">ok root-relative</a><a href="https://example.org/sk/a/">ok absolute</a>'
        '<a href="https://other.example/">external</a><a href="mailto:x@example.org">mail</a>'
        '<a href="b/">missing page</a><a href="a/#nowhere">missing anchor</a>'
        '<a href="/elsewhere/">outside prefix</a><a href="javascript:alert(1)">js</a>'
        "</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text(
        '<html><body><p id="here">a</p><a href="../">up</a><a href="../#top">up anchor</a></body></html>',
        encoding="utf-8",
    )
    _soup.cache_clear()
    broken = check_site_links(tmp_path, base)
    _soup.cache_clear()
    assert [re.sub(r": no .*|: (root|java).*", "", b) for b in broken] == [
        "index.html: <a href='b/'>",
        "index.html: <a href='a/#nowhere'>",
        "index.html: <a href='/elsewhere/'>",
        "index.html: <a href='javascript:alert(1)'>",
    ]
