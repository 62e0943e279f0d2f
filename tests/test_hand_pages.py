"""Hand-written pages end to end: only their validated front matter reaches the docs folder."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import REPO, TODAY

from generator.loader import read_record_file
from generator.pipeline import check_content
from generator.render import render_site

TEMPLATES = REPO / "site_templates" / "pages"


def _front(markdown: bytes) -> dict[str, object]:
    text = markdown.decode("utf-8")
    assert text.startswith("---\n")
    front = yaml.safe_load(text[4 : text.index("\n---\n", 4)])  # our own output, not content
    assert isinstance(front, dict)
    return front


def test_validated_front_matter_is_what_is_rendered(base_content: Path) -> None:
    (base_content / "pages" / "lien-he.md").write_text(
        "---\n"
        "title: Liên hệ\n"
        "description: '\"><script>alert(1)</script>'\n"
        "hide: [toc, footer]\n"
        "---\n\nNội dung.\n",
        encoding="utf-8",
    )
    site, problems = check_content(base_content, display_root="content", today=TODAY)
    assert problems == [] and site is not None
    files = render_site(site, TEMPLATES).pages
    front = _front(files["lien-he.md"])
    assert front["title"] == "Liên hệ"
    # Kept as text here; the engine escapes it where the theme prints it (test_xss.py).
    assert front["description"] == '"><script>alert(1)</script>'
    assert front["hide"] == ["toc", "footer"]
    assert set(front) <= {"title", "description", "hide", "head", "edit_url", "pagefind"}
    assert files["lien-he.md"].decode().endswith("\n\nNội dung.\n")
    # A page without front matter takes its first heading as its title.
    front = _front(files["gioi-thieu.md"])
    assert front["title"] == "Giới thiệu"
    assert files["gioi-thieu.md"].decode().split("---\n\n", 1)[1].startswith("# Giới thiệu")


def test_a_page_that_picks_a_template_is_not_rendered(base_content: Path) -> None:
    (base_content / "pages" / "lien-he.md").write_text(
        "---\ntitle: Liên hệ\ntemplate: ../../../../etc/passwd\n---\n", encoding="utf-8"
    )
    site, problems = check_content(base_content, display_root="content", today=TODAY)
    assert site is None
    assert [(p.path, p.line, p.col, p.code) for p in problems] == [
        ("content/pages/lien-he.md", 3, 1, "truong-la")
    ]


def test_read_record_file_reads_like_the_loader(base_content: Path) -> None:
    data, problems = read_record_file(base_content / "taxonomies.yml", "taxonomies.yml")
    assert problems == [] and isinstance(data, dict) and "fields" in data
    link = base_content / "link.yml"
    link.symlink_to("/etc/passwd")
    data, problems = read_record_file(link, "link.yml")
    assert data is None and [p.code for p in problems] == ["khong-phai-tep-thuong"]
