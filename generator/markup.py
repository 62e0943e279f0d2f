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


def render_markdown(source: str) -> Markup:
    """A Markdown field → sanitized HTML, wrapped so Python-Markdown passes it through as a block."""
    rendered = markdown.markdown(source, extensions=["sane_lists", "tables"], output_format="html")
    clean = sanitize_html(rendered)
    # Python-Markdown ends a raw HTML block at a blank line; a sanitized fragment never needs one.
    lines = [line for line in clean.splitlines() if line.strip()]
    body = "\n".join(line.lstrip() for line in lines)
    return Markup(f'<div class="sk-prose">\n{body}\n</div>')
