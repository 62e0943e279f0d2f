"""The last touch on every built page: a Content-Security-Policy, and no indentation.

**CSP.**  A static host cannot send headers, so the policy is a ``<meta http-equiv>`` at
the top of ``<head>``.  It allows only the site's own scripts and styles: files from the
site's origin, plus the inline scripts Material writes into each page, each allowed by
the SHA-256 hash of its exact text (they differ per folder depth, so the hashes are
computed per page).  Pagefind needs ``'wasm-unsafe-eval'`` to start its WebAssembly.
Anything an editor could smuggle into a page as an inline script or event handler is
refused by the browser even if it got past escaping and sanitizing.

**Whitespace.**  Material's templates indent generously: about a fifth of a record page
is indentation.  Lines are stripped of their leading whitespace and blank lines dropped,
except inside ``<pre>`` and ``<textarea>``, where whitespace is content.
"""

from __future__ import annotations

import base64
import hashlib
import re

#: Scripts that run: no type, or a JavaScript type (JSON-LD and Material's config do not).
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I
)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = frozenset({"text/javascript", "application/javascript", "module"})
_KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")
_HEAD = re.compile(r"<head>", re.I)

POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'{hashes}; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "font-src 'self' data:; "
    "connect-src 'self'; "
    "worker-src 'self' blob:; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'"
)


def script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` of every inline script that a browser would run, in page order."""
    out = []
    for match in _INLINE_SCRIPT.finditer(html):
        kind = _TYPE.search(match.group("attrs"))
        if kind is not None and kind.group(1).lower() not in _JS_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        out.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return list(dict.fromkeys(out))


def policy(html: str) -> str:
    hashes = "".join(f" {h}" for h in script_hashes(html))
    return POLICY.format(hashes=hashes)


def with_policy(html: str) -> str:
    """The page with its CSP ``<meta>`` first in ``<head>`` (before any script)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return _HEAD.sub(lambda m: m.group() + meta, html, count=1)


def compact(html: str) -> str:
    """Drop indentation and blank lines outside ``<pre>`` and ``<textarea>``."""
    parts = _KEEP.split(html)
    # split() with one group inside another returns: text, whole match, tag name, text, …
    out = []
    for index in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def finish(html: str) -> str:
    return with_policy(compact(html))
