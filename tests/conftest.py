"""Shared fixtures: paths of the repository and a fresh copy of the minimal valid content.

``tests/cases/_base/content/`` is a small content folder that validates clean; tests
copy it to a temporary folder and change what they need.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "cases"
BASE_CONTENT = CASES / "_base" / "content"
#: The "today" every content test pretends it is, so that future-date checks are stable.
TODAY = dt.date(2024, 1, 1)


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
