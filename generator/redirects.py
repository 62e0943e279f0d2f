"""Stable links: a small HTML page at every old URL named by ``redirect_from``.

When a record's id (its file stem) changes, editors list the old id in
``redirect_from``; the old URL ``<prefix>/<old-id>/`` then serves a page that
sends browsers on with ``<meta http-equiv="refresh">`` and tells search engines
the new address with ``<link rel="canonical">`` (and ``noindex``, so the old page
is not indexed on its own).  Static hosts such as GitHub Pages cannot send HTTP
redirects, so this is the standard way.

The refresh target is *relative* (``../new-id/``): the same page works whether the
site is served at the root of a host or under a sub-path.  The canonical link is
absolute, as search engines require.  The linker already refused old ids that
clash with a live record or with another record's ``redirect_from``.
"""

from __future__ import annotations

import html

from generator.nodes import Node, Site


def redirect_targets(site: Site) -> dict[str, Node]:
    """Old site-relative URL (``sang-kien/old-id/``) → the record now living elsewhere."""
    targets: dict[str, Node] = {}
    for node in sorted(site.all_nodes(), key=lambda n: (n.kind, n.id)):
        if not node.published:
            continue  # no page to send anyone to
        for old in node.model.redirect_from:
            targets[node.spec.url(old)] = node
    return targets


def redirect_html(title: str, relative_url: str, canonical_url: str) -> str:
    """The page served at an old URL; every value is escaped, titles come from YAML."""
    t = html.escape(title, quote=True)
    rel = html.escape(relative_url, quote=True)
    canonical = html.escape(canonical_url, quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="vi">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        # Nothing to run or load here: the strictest policy (generator.engine.html explains why).
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">\n'
        f"<title>Trang đã chuyển: {t}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={rel}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>Trang đã chuyển đến <a href="{rel}">{t}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def redirect_pages(site: Site) -> dict[str, bytes]:
    """``{"sang-kien/old-id/index.html": b"<!doctype html>…", …}``, paths relative to the site root."""
    pages: dict[str, bytes] = {}
    for old_url, node in redirect_targets(site).items():
        # Old and new URLs sit in the same folder (one folder per kind), so one level up is enough.
        relative = f"../{node.id}/"
        text = redirect_html(node.display_name, relative, site.urls.absolute(node.url))
        pages[f"{old_url}index.html"] = text.encode("utf-8")
    return dict(sorted(pages.items()))
