"""Atom, RSS and robots.txt (generator/feeds.py): valid, escaped, deterministic."""

from __future__ import annotations

import dataclasses
import datetime as dt
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from conftest import REPO, TODAY
from lxml import etree

from generator.feeds import (
    ATOM_PATH,
    MAX_ENTRIES,
    RSS_PATH,
    atom_feed,
    feed_entries,
    feed_files,
    robots_txt,
    rss_feed,
)
from generator.nodes import Site
from generator.pipeline import check_content
from generator.urls import Urls

ATOM = "{http://www.w3.org/2005/Atom}"
XSS_TITLE = '<script>alert("x")</script> & <b>Bằng khen</b>'
BASE = "https://example.org/sang-kien/"


def load(content: Path) -> Site:
    site, problems = check_content(content, display_root="content", today=TODAY)
    assert site is not None, [str(p) for p in problems]
    return site


def add_award(content: Path, ident: str, title: str, date: str, summary: str | None = None) -> None:
    lines = [
        f"title: '{title}'",
        "form: giay-khen",
        "issuer: ldld-tinh-mau",
        f"date: {date}",
        "recipients:",
        "  - unit: cdcs-nha-may-mau",
    ]
    if summary is not None:
        lines.append(f"summary: '{summary}'")
    (content / "awards" / f"{ident}.yml").write_text("\n".join(lines) + "\n", "utf-8")


@pytest.fixture
def site(base_content: Path) -> Site:
    add_award(
        base_content,
        "giay-khen-xss",
        XSS_TITLE.replace("'", "''"),
        "2023-03-02",
        "Tóm tắt ]]> <i>in nghiêng</i>",
    )
    return load(base_content)


def test_atom_parses_without_bozo(site: Site) -> None:
    parsed = feedparser.parse(atom_feed(site))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Sáng kiến mẫu"
    assert parsed.feed.language == "vi"
    titles = [e.title for e in parsed.entries]
    # Newest first: the XSS award (2023), the base award (15/8/2022), the recognised initiative (20/7/2022).
    assert titles == [XSS_TITLE, "Bằng khen của LĐLĐ tỉnh Mẫu năm 2022", "Cải tiến máy cắt tự động"]
    for entry in parsed.entries:
        assert entry.link.startswith(BASE)
        assert entry.id == entry.link
        assert entry.summary
    assert parsed.feed.updated == "2023-03-02T00:00:00+07:00"


def test_rss_parses_without_bozo(site: Site) -> None:
    parsed = feedparser.parse(rss_feed(site))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.language == "vi"
    assert parsed.entries[0].title == XSS_TITLE
    for entry in parsed.entries:
        assert entry.link.startswith(BASE)
        assert entry.id == entry.link


def test_atom_structure_follows_rfc_4287(site: Site) -> None:
    root = etree.fromstring(atom_feed(site))
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{ATOM}{tag}")) == 1, tag
    assert root.find(f"{ATOM}author/{ATOM}name").text == site.config.organisation
    self_links = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [BASE + ATOM_PATH]
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    ids = set()
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{ATOM}{tag}")) == 1, tag
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith(BASE)
        updated = entry.find(f"{ATOM}updated").text
        assert dt.datetime.fromisoformat(updated).tzinfo is not None
        ids.add(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(entries)


def test_rss_structure(site: Site) -> None:
    root = etree.fromstring(rss_feed(site))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for tag in ("title", "link", "description", "language"):
        assert channel.find(tag) is not None and channel.find(tag).text, tag
    assert channel.find("language").text == "vi"
    assert channel.find(f"{ATOM}link").get("href") == BASE + RSS_PATH
    items = channel.findall("item")
    assert len(items) == 3
    for item in items:
        for tag in ("title", "link", "guid", "pubDate", "description"):
            assert item.find(tag) is not None, tag
        date = parsedate_to_datetime(item.find("pubDate").text)
        assert date.utcoffset() == dt.timedelta(hours=7)
    assert items[0].find("pubDate").text == "Thu, 02 Mar 2023 00:00:00 +0700"


def test_markup_in_titles_is_escaped_text(site: Site) -> None:
    for data in (atom_feed(site), rss_feed(site)):
        assert b"<script>" not in data
        assert b"&lt;script&gt;" in data
        assert b"<i>" not in data
        root = etree.fromstring(data)
        titles = [el.text for el in root.iter() if etree.QName(el).localname == "title"]
        assert XSS_TITLE in titles


def test_only_recognised_initiatives(site: Site) -> None:
    entries = feed_entries(site)
    initiatives = [e.id for e in entries if e.kind == "initiative"]
    assert initiatives == ["may-cat-tu-dong"]  # so-hoa-ho-so is only "hop-le"
    entry = next(e for e in entries if e.kind == "initiative")
    assert entry.date == dt.date(2022, 7, 20)  # the recognition date
    assert "Sáng kiến được công nhận cấp cơ sở" in entry.summary
    assert entry.authors == ("Nguyễn Văn An", "Lê Văn Cường")


def test_initiative_date_falls_back_to_first_applied_then_year(base_content: Path) -> None:
    path = base_content / "initiatives" / "2022" / "so-hoa-ho-so.yml"
    path.write_text(path.read_text("utf-8").replace("status: hop-le", "status: cong-nhan"), "utf-8")
    entries = {e.id: e for e in feed_entries(load(base_content))}
    assert entries["so-hoa-ho-so"].date == dt.date(2022, 9, 1)
    path.write_text(path.read_text("utf-8").replace("first_applied: 2022-09-01\n", ""), "utf-8")
    entries = {e.id: e for e in feed_entries(load(base_content))}
    assert entries["so-hoa-ho-so"].date == dt.date(2022, 1, 1)


def test_at_most_fifty_newest(base_content: Path) -> None:
    start = dt.date(2020, 1, 1)
    for n in range(MAX_ENTRIES + 10):
        add_award(
            base_content,
            f"giay-khen-{n:03d}",
            f"Giấy khen số {n}",
            (start + dt.timedelta(days=n)).isoformat(),
        )
    site = load(base_content)
    parsed = feedparser.parse(atom_feed(site))
    assert len(parsed.entries) == MAX_ENTRIES
    dates = [e.updated for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    rss = feedparser.parse(rss_feed(site))
    assert len(rss.entries) == MAX_ENTRIES


def test_sub_path_without_trailing_slash(site: Site) -> None:
    base = "https://example.org/du-an/sang-kien"
    moved = dataclasses.replace(site, urls=Urls.from_base_url(base))
    parsed = feedparser.parse(atom_feed(moved))
    assert all(e.link.startswith(base + "/") for e in parsed.entries)
    root = etree.fromstring(atom_feed(moved))
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == base + "/" + ATOM_PATH


def test_feeds_are_deterministic(base_content: Path) -> None:
    first = feed_files(load(base_content))
    second = feed_files(load(base_content))
    assert first == second
    copies = {f"nguon-tin/{ATOM_PATH}", f"nguon-tin/{RSS_PATH}", "nguon-tin/sitemap.xml"}
    assert set(first) == {ATOM_PATH, RSS_PATH, "robots.txt", *copies}


def test_empty_feed_is_still_valid(base_content: Path) -> None:
    (base_content / "awards" / "bang-khen-2022.yml").unlink()
    path = base_content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    path.write_text(path.read_text("utf-8").replace("status: cong-nhan", "status: hop-le"), "utf-8")
    site = load(base_content)
    parsed = feedparser.parse(atom_feed(site))
    assert not parsed.bozo
    assert parsed.entries == []
    assert parsed.feed.updated
    assert not feedparser.parse(rss_feed(site)).bozo


def test_robots_txt() -> None:
    text = robots_txt(Urls.from_base_url("https://example.org/sang-kien"))
    assert text.splitlines() == [
        "User-agent: *",
        "Allow: /",
        "",
        "Sitemap: https://example.org/sang-kien/sitemap.xml",
    ]
    assert text.endswith("\n")


def test_sample_content_feeds_parse() -> None:
    site, problems = check_content(REPO / "content")
    assert site is not None, [str(p) for p in problems]
    for data in (atom_feed(site), rss_feed(site)):
        parsed = feedparser.parse(data)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.entries


def test_rss_description_is_html_showing_the_text(site: Site) -> None:
    parsed = feedparser.parse(rss_feed(site))
    entry = next(e for e in parsed.entries if e.title == XSS_TITLE)
    # A reader shows the summary's "<i>" as text: the HTML it gets is "&lt;i&gt;".
    assert "&lt;i&gt;in nghiêng&lt;/i&gt;" in entry.summary
    root = etree.fromstring(rss_feed(site))
    description = root.find("channel/item/description").text
    assert "&lt;i&gt;" in description  # the HTML source, once unescaped from XML


def test_discovery_copies_sit_beside_an_empty_sitemap(site: Site) -> None:
    """Pages link to the copies in nguon-tin/: Material fetches the sitemap.xml beside each
    alternate link, and there it must be an empty one, not the site's (7 MB at 50,000)."""
    from generator.feeds import DISCOVERY_DIR

    files = feed_files(site)
    assert files[f"{DISCOVERY_DIR}/feed.xml"] == files["feed.xml"]
    assert files[f"{DISCOVERY_DIR}/rss.xml"] == files["rss.xml"]
    sitemap = etree.fromstring(files[f"{DISCOVERY_DIR}/sitemap.xml"])
    assert sitemap.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert len(sitemap) == 0
    main = (REPO / "site_templates" / "overrides" / "main.html").read_text("utf-8")
    assert (
        f"'{DISCOVERY_DIR}/feed.xml' | url" in main and f"'{DISCOVERY_DIR}/rss.xml' | url" in main
    )
