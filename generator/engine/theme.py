"""site.yml's settings applied to MkDocs' config, the way Material reads them.

Material prints ``site_name``, ``site_description``, ``copyright``, ``repo_url`` and the
palette names into HTML without escaping (MkDocs' Jinja does not autoescape), so
every value from YAML is escaped here, and URLs that are not http(s) are dropped.
"""

from __future__ import annotations

import html
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator.markup import safe_url
from generator.model import SiteConfig
from generator.palette import is_hex
from generator.templating import PERMALINK_TITLE, heading_id

LIGHT = "(prefers-color-scheme: light)"
DARK = "(prefers-color-scheme: dark)"


def _attr(value: object) -> str:
    return html.escape(" ".join(str(value).split()), quote=True)


def _toc_slugify(value: str, separator: str) -> str:
    # Python-Markdown's default slugify drops what NFKD cannot decompose ("Liên đoàn" → lien-oan).
    return heading_id(value).replace("-", separator)


def _http_url(value: str | None) -> str | None:
    url = safe_url(value) if value else None
    return url if url and url.lower().startswith(("http://", "https://")) else None


def apply_settings(config: MkDocsConfig, settings: SiteConfig, base_url: str) -> None:
    """Put site.yml's title, URLs, organisation, palette and logo into MkDocs' config."""
    config.site_name = _attr(settings.title)
    config.site_description = _attr(settings.tagline) if settings.tagline else None
    if not config.site_url:
        config.site_url = base_url
    repo = _http_url(settings.repo_url)
    if repo and not config.repo_url:
        config.repo_url = html.escape(repo, quote=True)
    config.copyright = _attr(settings.organisation)
    toc = config.mdx_configs.setdefault("toc", {})
    toc.setdefault("permalink_title", PERMALINK_TITLE)
    toc.setdefault("slugify", _toc_slugify)
    # A hex colour is Material's "custom" one, defined by the generated showcase-custom.css.
    primary = "custom" if is_hex(settings.palette.primary) else _attr(settings.palette.primary)
    accent = "custom" if is_hex(settings.palette.accent) else _attr(settings.palette.accent)
    light: dict[str, Any] = {"scheme": "default", "primary": primary, "accent": accent}
    palette = [light]
    if settings.dark_mode:
        light["media"] = LIGHT
        light["toggle"] = {"icon": "material/brightness-2", "name": "Chuyển sang chế độ tối"}
        palette.append(
            {
                "media": DARK,
                "scheme": "slate",
                "primary": primary,
                "accent": accent,
                "toggle": {
                    "icon": "material/white-balance-sunny",
                    "name": "Chuyển sang chế độ sáng",
                },
            }
        )
    theme = config.theme
    theme["palette"] = palette
    if settings.logo:
        theme["logo"] = settings.logo
        theme["favicon"] = settings.logo
