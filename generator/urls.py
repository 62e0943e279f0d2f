"""Site URLs, built once from ``base_url``.

Pages are addressed by site-relative directory URLs (``sang-kien/x/``, ``""`` for
the home page); links between generated pages are relative (``../../ca-nhan/y/``)
so that the site works from any sub-path, and absolute URLs (canonical links,
share metadata, feeds, open data) join the base URL, which always ends with ``/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Urls:
    base: str  # "https://example.org/sang-kien/", always with a trailing slash

    @classmethod
    def from_base_url(cls, base_url: str) -> Urls:
        base = base_url.strip()
        return cls(base if base.endswith("/") else base + "/")

    @property
    def path(self) -> str:
        """The sub-path the site is served under: ``/sang-kien/`` (``/`` at a host's root)."""
        return urlsplit(self.base).path or "/"

    def absolute(self, url: str) -> str:
        """``sang-kien/x/`` or ``media/a.jpg`` → the full URL under the base.

        Not ``urllib.parse.urljoin``: a leading slash would escape the sub-path.
        """
        return self.base + url.lstrip("/")


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-relative).

    Directory URLs keep their trailing slash; ``""`` is the home page.  Both are
    normalised site URLs (no ``.`` or ``..`` parts), so the shared leading folders are
    dropped and the rest climbs with ``../``: a string operation, not ``posixpath.relpath``
    (hundreds of thousands of links a build).
    """
    start = from_url.split("/")[:-1]  # the page's folders ("sang-kien/x/" → sang-kien, x)
    target = to_url.split("/")
    shared = 0
    limit = min(len(start), len(target) - 1)
    while shared < limit and start[shared] == target[shared]:
        shared += 1
    rel = "../" * (len(start) - shared) + "/".join(target[shared:])
    return rel or "./"


def docs_path(url: str) -> str:
    """The docs file of the page at ``url``: ``sang-kien/x/`` → ``sang-kien/x/index.md``."""
    return f"{url}index.md"
