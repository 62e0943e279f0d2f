"""A sitemap that is the same bytes on every build of the same content."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

_LASTMOD = re.compile(r"\s*<lastmod>[^<]*</lastmod>")


def reproducible_sitemap(site_dir: Path) -> None:
    """Make sitemap.xml and sitemap.xml.gz the same bytes on every build.

    MkDocs gives every page the build day as ``<lastmod>`` (it knows no better date) and
    stamps the gzip header with it, so two builds on different days differ.  A wrong
    ``lastmod`` is worse than none: it is dropped, and the gzip copy gets timestamp 0.
    """
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    data = _LASTMOD.sub("", sitemap.read_text(encoding="utf-8")).encode("utf-8")
    sitemap.write_bytes(data)
    with (
        (site_dir / "sitemap.xml.gz").open("wb") as raw,
        gzip.GzipFile(filename="sitemap.xml", mode="wb", fileobj=raw, mtime=0) as gz,
    ):
        gz.write(data)
