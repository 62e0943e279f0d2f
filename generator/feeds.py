"""Feeds and crawler files: Atom 1.0, RSS 2.0 and robots.txt.

The feeds carry the latest awards and recognised initiatives (status
``cong-nhan``), newest first, at most :data:`MAX_ENTRIES`.  Every date comes from
the content, never from the clock, so two builds of one commit give the same
bytes: the feed's ``updated`` is the newest entry's date.  Content dates are
Vietnamese calendar days, written as midnight in Vietnam (UTC+07:00).

Entry ids are the absolute URLs of the record pages (RFC 4287 §4.2.6 asks for a
permanent, universally unique IRI; the page URL is both, and RSS readers can use
the same value as a permalink ``guid``).  A record whose id changes keeps its old
URL through ``redirect_from``, but readers will show it once more as new.

XML is built with ``xml.etree.ElementTree``, which escapes text and attributes;
characters XML 1.0 cannot carry at all (C0 controls) are removed first.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from email.utils import format_datetime

from generator.nodes import AwardNode, InitiativeNode, Site
from generator.share import level_phrase, squash, truncate
from generator.urls import Urls
from generator.vietnamese import format_count, format_date

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_PATH = "feed.xml"
RSS_PATH = "rss.xml"
ROBOTS_PATH = "robots.txt"
SITEMAP_PATH = "sitemap.xml"
#: Where every page's ``<link rel="alternate">`` points: copies of the two feeds in a folder
#: of their own.  Material for MkDocs fetches the ``sitemap.xml`` beside each alternate link
#: of a page (for its language selector); beside the feeds at the root that is the site's
#: whole sitemap, 7 MB at 50,000 records, fetched and parsed twice on every page view.
#: Beside these copies it is an empty sitemap.  The root feeds stay where subscribers have them.
DISCOVERY_DIR = "nguon-tin"
EMPTY_SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)
MAX_ENTRIES = 50
SUMMARY_LENGTH = 400

#: Vietnam has kept UTC+07:00 all year since 1975.
VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7))
#: When there is nothing to put in a feed, it still needs an ``updated``; a fixed date keeps builds identical.
EMPTY_FEED_DATE = dt.date(2000, 1, 1)

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


@dataclass(frozen=True)
class FeedEntry:
    """One item of the feeds, in plain text; shared by Atom and RSS."""

    date: dt.date
    kind: str  # award | initiative
    id: str
    title: str
    summary: str
    url: str
    category: str
    authors: tuple[str, ...] = field(default=())


def initiative_date(node: InitiativeNode) -> dt.date:
    """When an initiative counts as recognised: recognition date, else first applied, else 1 January of its year."""
    model = node.model
    if model.recognition is not None and model.recognition.date is not None:
        return model.recognition.date  # type: ignore[no-any-return]
    if model.first_applied is not None:
        return model.first_applied  # type: ignore[no-any-return]
    return dt.date(node.year or EMPTY_FEED_DATE.year, 1, 1)


def _award_entry(node: AwardNode, urls: Urls) -> FeedEntry:
    model = node.model
    parts = []
    form = node.form_term.name if node.form_term is not None else None
    decision = f"Quyết định số {model.decision_number}" if model.decision_number else "Quyết định"
    head = f"{decision} ngày {format_date(model.date)}"
    if node.issuer is not None:
        head += f" của {node.issuer.display_name}"
    parts.append(head + (f" ({form})" if form else "") + ".")
    if model.summary:
        parts.append(squash(model.summary))
    labels = [r.label for r in node.recipients if r.label]
    if labels:
        shown = "; ".join(labels[:5]) + (" và những người khác" if len(labels) > 5 else "")
        parts.append(f"Khen thưởng {format_count(len(labels))} tập thể, cá nhân: {shown}.")
    return FeedEntry(
        date=model.date,
        kind="award",
        id=node.id,
        title=str(model.title),
        summary=truncate(" ".join(parts), SUMMARY_LENGTH),
        url=urls.absolute(node.url),
        category="Khen thưởng",
    )


def _initiative_entry(node: InitiativeNode, urls: Urls) -> FeedEntry:
    model = node.model
    date = initiative_date(node)
    lead = "Sáng kiến được công nhận"
    if node.recognition is not None:
        lead += f" {level_phrase(node.recognition.level.name)}"
        if node.recognition.date is not None:
            lead += f" ngày {format_date(node.recognition.date)}"
        lead += f" ({node.recognition.by.display_name})"
    summary = f"{lead}. {squash(model.summary)}"
    return FeedEntry(
        date=date,
        kind="initiative",
        id=node.id,
        title=str(model.title),
        summary=truncate(summary, SUMMARY_LENGTH),
        url=urls.absolute(node.url),
        category="Sáng kiến",
        authors=tuple(a.name for a in node.authors if a.name),
    )


def feed_entries(site: Site) -> list[FeedEntry]:
    """Awards and recognised initiatives, newest first (ties: awards first, then by id), at most 50."""
    entries = [_award_entry(a, site.urls) for a in site.awards.values()]
    entries += [_initiative_entry(i, site.urls) for i in site.initiatives.values() if i.recognised]
    # Newest first; the rest of the key only makes the order total, so equal dates never shuffle.
    entries.sort(key=lambda e: (-e.date.toordinal(), e.kind, e.id))
    return entries[:MAX_ENTRIES]


def _midnight(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=VIETNAM_TZ)


def _rfc3339(date: dt.date) -> str:
    return _midnight(date).isoformat()


def _feed_updated(entries: list[FeedEntry]) -> dt.date:
    return max((e.date for e in entries), default=EMPTY_FEED_DATE)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrib.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


def _description(site: Site) -> str:
    if site.config.tagline:
        return str(site.config.tagline)
    return f"Khen thưởng và sáng kiến được công nhận mới nhất trên {site.config.title}."


def atom_feed(site: Site) -> bytes:
    """Atom 1.0 (RFC 4287) of the latest awards and recognised initiatives."""
    base = site.urls.base
    entries = feed_entries(site)
    # Unqualified tags with a literal xmlns attribute: ElementTree's namespace support would
    # need a process-wide prefix registration (ET.register_namespace) to write a default namespace.
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "vi"})
    _sub(root, "id", base)
    _sub(root, "title", str(site.config.title), type="text")
    _sub(root, "subtitle", _description(site), type="text")
    _sub(root, "updated", _rfc3339(_feed_updated(entries)))
    author = _sub(root, "author")
    _sub(author, "name", str(site.config.organisation))
    _sub(root, "link", rel="self", type="application/atom+xml", href=base + ATOM_PATH)
    _sub(root, "link", rel="alternate", type="text/html", href=base)
    _sub(root, "rights", f"Dữ liệu: {site.config.data_license}", type="text")
    for entry in entries:
        element = _sub(root, "entry")
        _sub(element, "id", entry.url)
        _sub(element, "title", entry.title, type="text")
        _sub(element, "updated", _rfc3339(entry.date))
        _sub(element, "published", _rfc3339(entry.date))
        _sub(element, "link", rel="alternate", type="text/html", href=entry.url)
        for name in entry.authors:
            _sub(_sub(element, "author"), "name", name)
        _sub(element, "category", term=entry.kind, label=entry.category)
        _sub(element, "summary", entry.summary, type="text")
    return _serialise(root)


def _rfc822(date: dt.date) -> str:
    # email.utils writes English day and month names and a numeric zone, as RFC 822 requires.
    return format_datetime(_midnight(date))


def rss_feed(site: Site) -> bytes:
    """RSS 2.0 of the same entries as :func:`atom_feed`."""
    base = site.urls.base
    entries = feed_entries(site)
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS})
    channel = _sub(root, "channel")
    _sub(channel, "title", str(site.config.title))
    _sub(channel, "link", base)
    _sub(channel, "description", _description(site))
    _sub(channel, "language", "vi")
    _sub(channel, "copyright", f"Dữ liệu: {site.config.data_license}")
    updated = _rfc822(_feed_updated(entries))
    _sub(channel, "pubDate", updated)
    # The content's date, not the build's: two builds of one commit give the same bytes.
    _sub(channel, "lastBuildDate", updated)
    _sub(
        channel,
        "atom:link",
        href=base + RSS_PATH,
        rel="self",
        type="application/rss+xml",
    )
    for entry in entries:
        item = _sub(channel, "item")
        _sub(item, "title", entry.title)
        _sub(item, "link", entry.url)
        _sub(item, "guid", entry.url, isPermaLink="true")
        _sub(item, "pubDate", _rfc822(entry.date))
        _sub(item, "category", entry.category)
        # RSS descriptions are HTML by definition: escape once for HTML, and ElementTree
        # escapes again for XML, so readers show "<b>" from a YAML text as text, not markup.
        _sub(item, "description", html.escape(entry.summary, quote=False))
    return _serialise(root)


def robots_txt(urls: Urls) -> str:
    """Allow everything and point at the sitemap.

    Crawlers read robots.txt only at the root of a host; under a sub-path this
    file is harmless but ignored, and the sitemap must be submitted by hand.
    """
    return f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(SITEMAP_PATH)}\n"


def feed_files(site: Site) -> dict[str, bytes]:
    """``{"feed.xml": …, "rss.xml": …, "robots.txt": …}`` (Atom, RSS, robots) and the feeds'
    copies for discovery (``DISCOVERY_DIR``), paths relative to the site root."""
    atom, rss = atom_feed(site), rss_feed(site)
    return {
        ATOM_PATH: atom,
        RSS_PATH: rss,
        ROBOTS_PATH: robots_txt(site.urls).encode("utf-8"),
        f"{DISCOVERY_DIR}/{ATOM_PATH}": atom,
        f"{DISCOVERY_DIR}/{RSS_PATH}": rss,
        f"{DISCOVERY_DIR}/{SITEMAP_PATH}": EMPTY_SITEMAP,
    }


__all__ = [
    "ATOM_PATH",
    "DISCOVERY_DIR",
    "MAX_ENTRIES",
    "ROBOTS_PATH",
    "RSS_PATH",
    "FeedEntry",
    "atom_feed",
    "feed_entries",
    "feed_files",
    "initiative_date",
    "robots_txt",
    "rss_feed",
]
