"""QR codes as inline SVG, for printed pages that point to their online version.

:func:`qr_svg` encodes a URL with segno (error correction level M: a printed page
survives a fold or a smudge) and returns one ``<svg>`` element that scales with CSS
(a ``viewBox``, no fixed size), is dark-on-white in any colour scheme (the quiet zone
is painted, so a dark page does not eat it), and is labelled in Vietnamese for screen
readers.  segno's output for a given text and settings never varies, so neither does
the page that inlines it.
"""

from __future__ import annotations

import io
from html import escape

import segno

__all__ = ["qr_svg"]


def qr_svg(url: str, label: str | None = None, *, css_class: str = "qr") -> str:
    """An inline SVG QR code for ``url`` with ``role="img"`` and a Vietnamese label.

    ``label`` defaults to "Mã QR dẫn tới trang trực tuyến: <url>"; it becomes both the
    ``aria-label`` and the ``<title>`` (shown as a tooltip).  Raises ``ValueError`` for
    an empty URL or one too long for a QR code.
    """
    if not url.strip():
        raise ValueError("a QR code needs a URL")
    text = label if label is not None else f"Mã QR dẫn tới trang trực tuyến: {url}"
    try:
        code = segno.make(url, error="m", micro=False, boost_error=False)
    except segno.DataOverflowError as exc:
        raise ValueError(f"URL is too long for a QR code ({len(url)} characters)") from exc
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        title=text,
        svgclass=None,
        lineclass=None,
        omitsize=True,
        dark="#000",
        light="#fff",
        border=4,
        nl=False,
    )
    svg = buffer.getvalue().decode("utf-8")
    # segno escapes the <title>; the attributes we add are escaped here.
    # crispEdges: no anti-aliased seams between modules when the SVG is scaled.
    attributes = (
        f'<svg role="img" aria-label="{escape(text, quote=True)}" shape-rendering="crispEdges"'
    )
    if css_class:
        attributes += f' class="{escape(css_class, quote=True)}"'
    return svg.replace("<svg", attributes, 1)
