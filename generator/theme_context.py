"""What the theme's <head> gets for one page: share metadata and JSON-LD.

Computed here, from the linked Site, so the theme template only prints one
pre-escaped string.  Knows nothing about MkDocs beyond duck-typed ``page``.
"""

from __future__ import annotations

import html
from typing import Any

from generator.link import Node, Site
from generator.share import absolute_url, description_for, image_for, share_meta


def page_head(site: Site, page: Any, node: Node | None, site_url: str) -> str:
    from generator.jsonld import jsonld_for, jsonld_script

    base = site_url or site.config.base_url
    meta = page.meta or {}
    # Front-matter title and description are stored HTML-escaped (Material prints them raw).
    title = html.unescape(str(meta.get("title") or page.title or site.config.title))
    canonical = page.canonical_url or absolute_url(base, page.url)
    if node is not None:
        description = description_for(node)
        kind = node.kind
    else:
        description = html.unescape(str(meta.get("description") or site.config.tagline or ""))
        kind = "website"
    image = image_for(node, site)
    image_url = absolute_url(base, image) if image else None
    parts = [
        share_meta(
            title,
            description,
            canonical,
            image_url,
            site.config.title,
            kind,
            include_description=False,
        )
    ]
    if node is not None:
        data = jsonld_for(node, site, base)
        if data is not None:
            parts.append(jsonld_script(data))
    return "".join(parts)
