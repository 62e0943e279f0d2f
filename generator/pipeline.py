"""The stages chained: load → validate → link (→ render → build → index elsewhere)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.link import Site, link_content
from generator.loader import load_content
from generator.problems import Problem, has_errors, sort_problems
from generator.validate import validate_content


def check_content(
    root: Path, *, display_root: str | None = None, today: dt.date | None = None
) -> tuple[Site | None, list[Problem]]:
    """Load, validate and link the content folder.

    Returns the linked Site only when there is no error, with every Problem found
    (warnings included), sorted.
    """
    loaded, problems = load_content(root, display_root)
    valid, validation_problems = validate_content(loaded, today=today)
    problems += validation_problems
    site, link_problems = link_content(valid)
    problems += link_problems
    problems = sort_problems(problems)
    if has_errors(problems):
        return None, problems
    return site, problems
