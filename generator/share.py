"""Share metadata: the ``<meta>`` tags that make a link preview (Open Graph, Twitter cards).

The render stage calls :func:`share_meta` for the ``<head>`` of every page, with the
page's title, its description (generator.describe), its canonical URL, the image
:func:`image_for` gives resolved to an absolute URL, and the kind's Open Graph type.  Everything
here is plain text in, escaped HTML out: record fields come from YAML written by
editors, so no value may be trusted to be free of ``<``, ``"`` or ``&``.

``<title>`` and ``<link rel="canonical">`` are not emitted here: MkDocs Material
already writes both (the canonical link from ``site_url``), and a second,
different canonical link would make crawlers pick one at random.
"""

from __future__ import annotations

import html
import re
from typing import Any, Protocol

DESCRIPTION_LENGTH = 160


class ImageFacts(Protocol):
    """What a share image's tags say besides its address (generator.media.Card)."""

    @property
    def alt(self) -> str: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def mime(self) -> str: ...


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
    og_type: str,
    *,
    include_description: bool = True,
    image: ImageFacts | None = None,
) -> list[tuple[str, str, str]]:
    """The tags as ``(attribute, key, content)``: ``("property", "og:title", "…")``.

    Values are plain, unescaped text; :func:`share_meta` escapes them.  Pass
    ``include_description=False`` when the theme already writes
    ``<meta name="description">`` (Material does, from the page's front matter).
    ``image`` gives the image's size, type and text alternative (a share card); without
    it the alternative is the title.
    """
    description = truncate(squash(description)) if description else ""
    tags: list[tuple[str, str, str]] = []
    if include_description and description:
        tags.append(("name", "description", description))
    tags += [
        ("property", "og:title", title),
        ("property", "og:type", og_type),
        ("property", "og:url", canonical_url),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", "vi_VN"),
    ]
    if description:
        tags.append(("property", "og:description", description))
    alt = image.alt if image is not None else title
    if image_url:
        tags.append(("property", "og:image", image_url))
        if image is not None:
            tags += [
                ("property", "og:image:type", image.mime),
                ("property", "og:image:width", str(image.width)),
                ("property", "og:image:height", str(image.height)),
            ]
        tags.append(("property", "og:image:alt", alt))
    # X (Twitter) reads og:title, og:description and og:image when its own are absent: only
    # the card type is its own (every page carries these tags; repeating them costs bytes).
    tags.append(("name", "twitter:card", "summary_large_image" if image_url else "summary"))
    return tags


def share_meta(
    title: str,
    description: str,
    canonical_url: str,
    image_url: str | None,
    site_name: str,
    og_type: str,
    *,
    include_description: bool = True,
    image: ImageFacts | None = None,
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
            og_type,
            include_description=include_description,
            image=image,
        )
    ]
    return "\n".join(lines) + "\n"
