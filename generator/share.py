"""Share metadata: the ``<meta>`` tags that make a link preview (Open Graph, Twitter cards).

The theme calls :func:`share_meta` in the ``<head>`` of every page, with the page's
title, :func:`description_for` the record, its canonical URL and :func:`image_for`
the record resolved to an absolute URL with :func:`absolute_url`.  Everything
here is plain text in, escaped HTML out: record fields come from YAML written by
editors, so no value may be trusted to be free of ``<``, ``"`` or ``&``.

``<title>`` and ``<link rel="canonical">`` are not emitted here: MkDocs Material
already writes both (the canonical link from ``site_url``), and a second,
different canonical link would make crawlers pick one at random.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from generator.vietnamese import format_count, format_date

#: Open Graph type per record kind; people are profiles, dated records are articles, any
#: other ``kind`` (a listing, the home page) is a website.
OG_TYPE: dict[str, str] = {
    "person": "profile",
    "initiative": "article",
    "award": "article",
    "event": "article",
}

DESCRIPTION_LENGTH = 160


# -- URLs ---------------------------------------------------------------------


def base_with_slash(base_url: str) -> str:
    """``https://x.org/sub`` → ``https://x.org/sub/`` so that joining keeps the sub-path."""
    return base_url if base_url.endswith("/") else base_url + "/"


def absolute_url(base_url: str, path: str) -> str:
    """Join a site-relative path (``sang-kien/x/``, ``media/a.jpg``) onto the base URL.

    Not ``urllib.parse.urljoin``: with a base of ``https://x.org/sub`` (no slash) it
    would drop ``sub``; and a path with a leading slash would escape the sub-path.
    """
    return base_with_slash(base_url) + path.lstrip("/")


# -- plain text -----------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]*>")
_MD_MARKS = re.compile(r"(\*\*|__|\*|`|~~)")
_LINE_MARKS = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.MULTILINE)
_SPACES = re.compile(r"\s+")


def plain_text(markdown: str) -> str:
    """Markdown (or plain text) → one line of plain text, for descriptions and feeds.

    A rough strip, not a renderer: link targets, emphasis marks, list bullets,
    headings and inline HTML go; the words stay.
    """
    text = _MD_LINK.sub(r"\1", markdown)
    text = _HTML_TAG.sub(" ", text)
    text = _LINE_MARKS.sub("", text)
    text = _MD_MARKS.sub("", text)
    text = html.unescape(text)
    return _SPACES.sub(" ", text).strip()


def squash(text: str) -> str:
    """Plain text on one line: every run of whitespace (newlines too) becomes one space."""
    return _SPACES.sub(" ", text).strip()


def truncate(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """Cut at a word boundary so the result, ellipsis included, has at most ``length`` characters."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    space = cut.rfind(" ")
    if space > length // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.–-") + "…"


# -- per-record text ----------------------------------------------------------------


def level_phrase(level_name: str) -> str:
    """ "Cấp cơ sở" → "cấp cơ sở"; "Toàn quốc" → "cấp toàn quốc": to follow "được công nhận".

    Only the first letter is lowered, so proper nouns inside the name keep their capitals.
    """
    phrase = level_name[:1].lower() + level_name[1:]
    return phrase if phrase.startswith("cấp") else f"cấp {phrase}"


def _join(parts: Sequence[str | None], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def _record_description(node: Any) -> str:
    kind = node.kind
    model = node.model
    if kind == "initiative":
        return str(model.summary)
    if kind == "person":
        if model.bio:
            return plain_text(model.bio)
        unit = node.unit.display_name if node.unit is not None else None
        counts = []
        if node.initiatives:
            counts.append(f"{format_count(len(node.initiatives))} sáng kiến")
        if node.awards:
            counts.append(f"{format_count(len(node.awards))} lần được khen thưởng")
        head = _join([model.name, model.job_title, unit])
        return head + (". " + _join(counts) + "." if counts else ".")
    if kind == "unit":
        if model.description:
            return plain_text(model.description)
        kind_name = node.kind_term.name if node.kind_term is not None else None
        head = _join([model.name, kind_name, model.province])
        counts = []
        if node.all_initiatives:
            counts.append(f"{format_count(len(node.all_initiatives))} sáng kiến")
        if node.all_awards:
            counts.append(f"{format_count(len(node.all_awards))} quyết định khen thưởng")
        return head + (". " + _join(counts) + "." if counts else ".")
    if kind == "award":
        if model.summary:
            return str(model.summary)
        form = node.form_term.name if node.form_term is not None else None
        issuer = node.issuer.display_name if node.issuer is not None else None
        decision = (
            f"quyết định số {model.decision_number}" if model.decision_number else "quyết định"
        )
        head = _join([form, f"{decision} ngày {format_date(model.date)}"], ": ")
        if issuer:
            head += f" của {issuer}"
        return f"{head}; khen thưởng {format_count(len(model.recipients))} tập thể, cá nhân."
    if kind == "event":
        if model.summary:
            return str(model.summary)
        where = _join([model.place, model.province])
        text = f"{model.title}, ngày {format_date(model.date)}"
        return text + (f" tại {where}." if where else ".")
    if kind == "campaign":
        if model.summary:
            return str(model.summary)
        organiser = node.organiser.display_name if node.organiser is not None else None
        text = f"{model.title}, phát động ngày {format_date(model.start)}"
        return text + (f" bởi {organiser}." if organiser else ".")
    return str(node.display_name)


def description_for(node: Any) -> str:
    """A plain-text summary of a record, at most 160 characters, in Vietnamese."""
    return truncate(squash(_record_description(node)))


def image_for(node: Any, site: Any) -> str | None:
    """The record's share image as a content path (``media/x.jpg``), or the site default, or None.

    The first of ``images``, ``photos``, ``photo``, ``logo`` that the record has.
    Media files are published at the same path under the site root, so pass the
    result through :func:`absolute_url` before giving it to :func:`share_meta`.
    """
    model = node.model if node is not None else None
    if model is not None:
        for name in ("images", "photos"):
            values = getattr(model, name, None)
            if values:
                return str(values[0])
        for name in ("photo", "logo"):
            value = getattr(model, name, None)
            if value:
                return str(value)
    default = site.config.share_image
    return str(default) if default else None


# -- tags ---------------------------------------------------------------------------


def share_meta_tags(
    title: str,
    description: str,
    canonical_url: str,
    image_url: str | None,
    site_name: str,
    kind: str,
    *,
    include_description: bool = True,
) -> list[tuple[str, str, str]]:
    """The tags as ``(attribute, key, content)``: ``("property", "og:title", "…")``.

    Values are plain, unescaped text; :func:`share_meta` escapes them.  Pass
    ``include_description=False`` when the theme already writes
    ``<meta name="description">`` (Material does, from the page's front matter).
    """
    description = truncate(squash(description)) if description else ""
    tags: list[tuple[str, str, str]] = []
    if include_description and description:
        tags.append(("name", "description", description))
    tags += [
        ("property", "og:title", title),
        ("property", "og:type", OG_TYPE.get(kind, "website")),
        ("property", "og:url", canonical_url),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", "vi_VN"),
    ]
    if description:
        tags.append(("property", "og:description", description))
    if image_url:
        tags += [("property", "og:image", image_url), ("property", "og:image:alt", title)]
    tags += [
        ("name", "twitter:card", "summary_large_image" if image_url else "summary"),
        ("name", "twitter:title", title),
    ]
    if description:
        tags.append(("name", "twitter:description", description))
    if image_url:
        tags += [("name", "twitter:image", image_url), ("name", "twitter:image:alt", title)]
    return tags


def share_meta(
    title: str,
    description: str,
    canonical_url: str,
    image_url: str | None,
    site_name: str,
    kind: str,
    *,
    include_description: bool = True,
) -> str:
    """The ``<meta>`` tags as HTML, one a line, every attribute value escaped."""
    lines = [
        f'<meta {attr}="{html.escape(key, quote=True)}" content="{html.escape(value, quote=True)}">'
        for attr, key, value in share_meta_tags(
            title,
            description,
            canonical_url,
            image_url,
            site_name,
            kind,
            include_description=include_description,
        )
    ]
    return "\n".join(lines) + "\n"
