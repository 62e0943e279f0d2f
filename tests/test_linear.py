"""Checking grows linearly with the content (issue 10, item 2).

At 50,000 records, load + validate + link once took 17 times what 10,000 took, because a
step compared every initiative with every other one sharing a tag.  Timing cannot tell
that apart on a shared machine; counting can: the lines of the generator's code that
checking executes on the same synthetic content at two sizes must grow like the content,
not like its square (a quadratic step hidden in C, such as ``in`` on a long list, is not
seen: keep lookups in sets and dicts).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from test_synth import _synth

from generator.pipeline import check_content

SMALL = 250
FACTOR = 8


GENERATOR = str(Path(__file__).resolve().parent.parent / "generator")


def lines_to_check(content: Path) -> int:
    """Lines of the generator's own code executed while checking ``content``."""
    count = 0

    def local(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def trace(frame: Any, event: str, arg: Any) -> Any:
        # Only our code: a loop over all pairs of records would be ours.
        return local if frame.f_code.co_filename.startswith(GENERATOR) else None

    sys.settrace(trace)
    try:
        site, problems = check_content(content)
    finally:
        sys.settrace(None)
    assert site is not None, [p.format() for p in problems][:5]
    return count


@pytest.mark.slow
def test_checking_grows_linearly(tmp_path: Path) -> None:
    synth = _synth()
    synth.generate_content(tmp_path / "small", records=SMALL, seed=3)
    synth.generate_content(tmp_path / "large", records=SMALL * FACTOR, seed=3)
    small = lines_to_check(tmp_path / "small")
    large = lines_to_check(tmp_path / "large")
    ratio = large / small
    # Linear work gives about FACTOR; n log n a little more.  Quadratic would give 64.
    assert ratio < FACTOR * 1.15, f"{FACTOR}× the records cost {ratio:.2f}× the lines"
