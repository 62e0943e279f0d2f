"""Escaping and sanitizing for text that came from YAML.

Two rules (design §2, §4): every plain-text field is escaped, both as HTML and
as Markdown syntax (a title such as ``[x](javascript:alert(1))`` must stay
text); Markdown fields are rendered by us and sanitized with nh3 (Ammonia)
before they reach the page, so no script, style, event handler or
``javascript:`` URL survives.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markupsafe import Markup

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align"},
    "th": {"align"},
    "abbr": {"title"},
}


def escape_text(value: object) -> Markup:
    """Plain text → safe inline Markdown: HTML-escaped, Markdown syntax backslash-escaped."""
    # A backslash escape keeps *, [, ], (, # … literal in Python-Markdown (it must come
    # before HTML escaping, whose entities contain '#'); '|' would still split a table
    # cell, so it becomes an entity.
    text = _MD_SPECIAL.sub(r"\\\1", str(value))
    text = html.escape(text, quote=True).replace("|", "&#124;")
    text = text.replace("\r\n", " ").replace("\n", " ")
    return Markup(text)


def escape_attr(value: object) -> str:
    """For values Material prints raw into HTML (front-matter title, description)."""
    return html.escape(" ".join(str(value).split()), quote=True)


def sanitize_html(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_url(value: object) -> str | None:
    """``value`` if it is an http(s) or mailto URL (or a relative one), else None.

    Plain-text fields such as a source's ``url`` or a campaign's ``website`` become links;
    ``javascript:``, ``data:``, ``vbscript:``… (also written with spaces, tabs or capitals,
    which browsers ignore) must never reach an ``href``.
    """
    url = str(value).strip()
    compact = re.sub(r"[\x00-\x20\x7f]+", "", url)
    match = _SCHEME.match(compact)
    if match and match.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return url or None


#: A whole Markdown document rendered by MkDocs (hand-written pages, pages made by other
#: modules): its HTML keeps document structure (headings with ids, admonitions, tables) but
#: loses scripts, styles, frames, forms, event handlers and unsafe URLs.
_DOCUMENT_TAGS = _ALLOWED_TAGS | {
    "h1", "nav", "section", "details", "summary", "figure", "figcaption", "caption",
    "colgroup", "col", "cite", "dfn", "samp", "var", "wbr",
}  # fmt: skip
_DOCUMENT_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir", "aria-label", "aria-hidden", "role"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "td": {"align", "style", "colspan", "rowspan"},
    "th": {"align", "style", "colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "abbr": {"title"},
    "details": {"open"},
}


def sanitize_document(fragment: str) -> str:
    """Sanitize the HTML of a whole page body (see ``_DOCUMENT_TAGS``)."""
    return nh3.clean(
        fragment,
        tags=_DOCUMENT_TAGS,
        clean_content_tags={"script", "style"},
        attributes=_DOCUMENT_ATTRIBUTES,
        url_schemes=set(_SAFE_SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
    )


_MARKDOWN: markdown.Markdown | None = None


def render_markdown(source: str) -> Markup:
    """A Markdown field → sanitized HTML, wrapped so Python-Markdown passes it through as a block."""
    global _MARKDOWN
    # One converter, reset between fields: building one costs more than converting a field.
    if _MARKDOWN is None:
        _MARKDOWN = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    rendered = _MARKDOWN.reset().convert(source)
    clean = sanitize_html(rendered)
    # Python-Markdown ends a raw HTML block at a blank line; a sanitized fragment never needs one.
    lines = [line for line in clean.splitlines() if line.strip()]
    body = "\n".join(line.lstrip() for line in lines)
    return Markup(f'<div class="sk-prose">\n{body}\n</div>')
