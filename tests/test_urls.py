"""Site URLs (generator/urls.py): relative links between pages, absolute URLs under a sub-path."""

from __future__ import annotations

import posixpath
import random

from generator.urls import Urls, docs_path, relative


def reference(from_url: str, to_url: str) -> str:
    """The same link computed with posixpath, the slow obvious way."""
    start = from_url.rstrip("/") or "."
    target = to_url.rstrip("/") or "."
    rel = posixpath.relpath(target, start)
    if to_url.endswith("/") or to_url == "":
        return "./" if rel == "." else rel + "/"
    return rel


def test_relative_links_match_posixpath_on_random_urls() -> None:
    rng = random.Random(7)
    parts = ["sang-kien", "x", "y", "nam", "2022", "trang-2", "don-vi", "a"]

    def url(files: bool = False) -> str:
        folders = [rng.choice(parts) for _ in range(rng.randrange(0, 4))]
        if files and rng.random() < 0.3:
            return "/".join([*folders, "anh.jpg"])
        return "".join(f"{f}/" for f in folders)

    for _ in range(2000):
        page, target = url(), url(files=True)
        assert relative(page, target) == reference(page, target), (page, target)


def test_absolute_urls_keep_the_sub_path() -> None:
    urls = Urls.from_base_url("https://example.org/sang-kien")
    assert urls.base == "https://example.org/sang-kien/"
    assert urls.path == "/sang-kien/"
    assert urls.absolute("/media/a.jpg") == "https://example.org/sang-kien/media/a.jpg"
    assert urls.absolute("") == "https://example.org/sang-kien/"
    assert docs_path("sang-kien/x/") == "sang-kien/x/index.md"
    assert docs_path("") == "index.md"
