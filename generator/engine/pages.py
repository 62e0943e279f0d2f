"""What MkDocs needs to know of one page beyond its Markdown.

The generator writes engine-neutral front matter; this module maps it onto
MkDocs' ``Page`` and Material's conventions:

- ``title`` and ``description`` are escaped (Material prints ``page.meta`` raw);
- ``edit_url`` becomes ``page.edit_url`` (escaped, http(s) only);
- ``toc: false`` becomes Material's ``hide: [toc]``;
- ``head`` (share metadata and JSON-LD, already escaped by the generator) reaches
  the template as ``showcase_head``.

Generated pages are HTML from our templates: ``populate_generated`` gives MkDocs
their HTML without running Python-Markdown over it, and builds the table of
contents from their ``<h2 id>``/``<h3 id>`` headings.  Every other page (hand-written,
Markdown written by other modules) goes through Python-Markdown and is sanitized.
"""

from __future__ import annotations

import html
import re
from typing import Any

import yaml
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.markup import safe_url, sanitize_document

#: A heading as generator.templating.Templates.heading writes it.
_HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)<a class="headerlink"')
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Keys of front matter that carry something for the engine, never shown as they are.
ENGINE_KEYS = ("head", "edit_url", "toc")


def _escape(value: Any) -> str:
    return html.escape(" ".join(str(value).split()), quote=True)


def split_front_matter(source: str) -> tuple[dict[str, Any], str]:
    match = _FRONT.match(source)
    if match is None:
        return {}, source
    meta = yaml.load(match.group(1), Loader=_LOADER)
    return (meta if isinstance(meta, dict) else {}), source[match.end() :]


def toc_tokens(content: str) -> list[dict[str, Any]]:
    """Python-Markdown's ``toc_tokens`` shape, from the headings of generated HTML."""
    tokens: list[dict[str, Any]] = []
    for level, ident, name in _HEADING.findall(content):
        token = {"level": int(level), "id": ident, "name": name, "children": []}
        if token["level"] == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


def populate_generated(page: Page) -> None:
    """Read a generated page and take its body as the page's HTML (no Markdown pass)."""
    meta, body = split_front_matter(page.file.content_string)
    page.markdown = body
    page.meta = meta
    page.content = body
    page.toc = get_toc(toc_tokens(body))  # type: ignore[arg-type]
    finish(page)


def finish(page: Page) -> None:
    """Escape what Material prints raw and map our keys to Material's conventions."""
    meta = page.meta
    for key in ("title", "description"):
        if key in meta and meta[key] is not None:
            meta[key] = _escape(meta[key])
    edit = meta.get("edit_url")
    url = safe_url(edit) if isinstance(edit, str) else None
    page.edit_url = html.escape(url, quote=True) if url else None
    hide = [h for h in meta.get("hide", []) if isinstance(h, str)] if "hide" in meta else []
    if meta.get("toc") is False and "toc" not in hide:
        hide.append("toc")
    if hide:
        meta["hide"] = hide


def sanitize(page: Page) -> None:
    """A page that is not generated HTML keeps its structure but loses anything active."""
    if page.content is not None:
        page.content = sanitize_document(page.content)


def head(page: Page) -> str:
    value = page.meta.get("head") if page.meta else None
    return value if isinstance(value, str) else ""
