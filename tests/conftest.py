"""Shared fixtures: paths of the repository and a fresh copy of the minimal valid content.

``tests/cases/_base/content/`` is a small content folder that validates clean; tests
copy it to a temporary folder and change what they need.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "cases"
BASE_CONTENT = CASES / "_base" / "content"
#: The "today" every content test pretends it is, so that future-date checks are stable.
TODAY = dt.date(2024, 1, 1)


@pytest.fixture(autouse=True)
def vietnamese_messages(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Every test reads the tools in Vietnamese, whatever the machine's locale.

    ``SHOWCASE_LANG`` is the strongest of the variables that choose the language, and it
    reaches the subprocesses tests start; a language chosen with ``--lang`` inside a test
    is forgotten afterwards.
    """
    from generator.i18n import set_language

    monkeypatch.setenv("SHOWCASE_LANG", "vi")
    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def base_content(tmp_path: Path) -> Path:
    """A writable copy of the minimal valid content folder, at ``tmp_path / "content"``."""
    target = tmp_path / "content"
    shutil.copytree(BASE_CONTENT, target)
    return target


# -- a built copy of the sample site (issue 3) --------------------------------------------------

#: What a project folder needs for `mkdocs build`: config, content, templates (docs are generated).
PROJECT_PARTS = ("mkdocs.yml", "content", "site_templates")


def copy_project(target: Path, content: Path | None = None) -> Path:
    """A buildable copy of the repository's project at ``target`` (content from ``content``).

    Builds run in copies so that they never touch the repository's own ``docs_generated/``
    (another test worker, or a person, may be building there at the same time).
    """
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if part == "content" and content is not None:
            source = content
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    (target / "docs_generated").mkdir(exist_ok=True)
    return target


def build_site(
    project: Path, *, site_dir: Path, strict: bool = True, search: bool = False, jobs: int = 1
) -> Any:
    """Build a project copy with the pipeline (generator.pipeline.build); returns its report."""
    from generator.pipeline import Project, build

    return build(Project.at(project), site_dir, strict=strict, search=search, jobs=jobs)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The sample content (``content/``) built once per test session, without Pagefind.

    Built with ``strict=False`` so that MkDocs' warnings are collected in ``.warnings``
    (``tests/test_site_build.py`` asserts there are none) instead of aborting the session.
    Returns the ``BuildResult``; ``.site_dir`` is the built site.
    """
    project = copy_project(tmp_path_factory.mktemp("built-project"))
    return build_site(project, site_dir=project / "site", strict=False, search=False)


# -- the sample site with its Pagefind bundle, served on 127.0.0.1 under a sub-path (issue 4) ----

#: The path the served site lives under: content/site.yml's base_url is …/sang-kien/.
SEARCH_SUB_PATH = "/sang-kien/"


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content built once per session WITH search, at ``<www>/sang-kien/``.

    Returns the built site folder; its parent is the document root to serve, so that
    the site is reached under the sub-path ``SEARCH_SUB_PATH``.
    """
    base = tmp_path_factory.mktemp("search-site")
    project = copy_project(base / "project")
    site = base / "www" / SEARCH_SUB_PATH.strip("/")
    build_site(project, site_dir=site, strict=False, search=True)
    assert (site / "pagefind" / "pagefind.js").is_file(), "the build wrote no Pagefind bundle"
    return site


@pytest.fixture(scope="session")
def search_server(search_site: Path) -> Any:
    """``python -m http.server`` on a free loopback port serving ``search_site``'s parent.

    Yields the site's address, e.g. ``http://127.0.0.1:41234/sang-kien/``; the server is
    stopped at the end of the session.
    """
    import re
    import select
    import subprocess
    import sys
    import urllib.request

    proc = subprocess.Popen(
        [
            sys.executable,
            "-u",
            "-m",
            "http.server",
            "0",
            "--bind",
            "127.0.0.1",
            "--directory",
            str(search_site.parent),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 15)
        line = proc.stdout.readline() if ready else ""
        match = re.search(r"port (\d+)", line)
        assert match, f"http.server did not start: {line!r}"
        origin = f"http://127.0.0.1:{match.group(1)}"
        url = origin + SEARCH_SUB_PATH
        with urllib.request.urlopen(url, timeout=15) as response:
            assert response.status == 200
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
