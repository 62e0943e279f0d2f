"""The Nu Html Checker (vnu.jar, npm ``vnu-jar`` pinned in package.json) over the built sample site.

Every page of the sample site is checked; no error may come from our templates
(site_templates/pages) or theme overrides (site_templates/overrides).  Material for MkDocs
itself writes three kinds of invalid markup on every page; they are listed in
``MATERIAL_ERRORS`` with where Material writes them, ignored, and reported by
``test_material_errors_are_still_real`` so that the list never hides anything else
(an entry that no page triggers any more must be removed).  The checker needs Java:
``./run test`` installs ``default-jre-headless`` when ``java`` is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Known:
    """An error Material writes itself: the message, and a piece of the markup it flags."""

    message: re.Pattern[str]
    markup: str
    why: str


MATERIAL_ERRORS = (
    Known(
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        'class="md-toggle"',
        "base.html: the drawer and search toggles are checkboxes with autocomplete=off",
    ),
    Known(
        re.compile(r"^The value of the “for” attribute of the “label” element must be the ID"),
        'class="md-nav__title" for="__toc"',
        "partials/toc.html: the table of contents' title points at a toggle Material omits",
    ),
    Known(
        re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
        'class="md-nav__link"',
        'partials/nav-item.html: section labels get tabindex="" when navigation.indexes is off',
    ),
)


def _known(message: dict[str, Any]) -> Known | None:
    for known in MATERIAL_ERRORS:
        if known.message.search(message.get("message", "")) and known.markup in message.get(
            "extract", ""
        ):
            return known
    return None


@cache
def _check(site_dir: Path) -> tuple[dict[str, Any], ...]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: `./run test` installs default-jre-headless")
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `npm ci` (package.json pins vnu-jar)")
    files = sorted(str(p) for p in site_dir.rglob("*.html"))
    assert len(files) > 50
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    return tuple(m for m in report["messages"] if m.get("type") in ("error", "non-document-error"))


@pytest.fixture(scope="module")
def messages(built_site: Any) -> tuple[dict[str, Any], ...]:
    return _check(Path(built_site.site_dir))


def test_no_html_error_from_our_templates(messages: tuple[dict[str, Any], ...]) -> None:
    ours = [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')} "
        f"[{m.get('extract', '').strip()[:80]}]"
        for m in messages
        if _known(m) is None
    ]
    assert ours == []


def test_material_errors_are_still_real(messages: tuple[dict[str, Any], ...]) -> None:
    """Each ignored kind is still written by Material (else it must leave the list)."""
    seen = {_known(m) for m in messages} - {None}
    assert seen == set(MATERIAL_ERRORS)
