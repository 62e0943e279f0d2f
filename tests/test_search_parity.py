"""Python and JavaScript agree: the shared cases of tests/js/ (also read by `node --test`).

``tests/js/fold-cases.json``: ``generator.vietnamese.fold`` (lower-cased) and
``generator.search.folded_sequence`` against showcase-search-core.js ``fold`` and
``tokens``; ``tests/js/ids-cases.json``: ``generator.search_filters.encode_ids`` against
the browser's ``decodeIds``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import REPO

from generator.search import folded_sequence
from generator.search_filters import decode_ids, encode_ids
from generator.vietnamese import fold

JS_TESTS = REPO / "tests" / "js"


def _cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((JS_TESTS / name).read_text(encoding="utf-8"))["cases"]
    assert len(cases) >= 5
    return cases


@pytest.mark.parametrize("case", _cases("fold-cases.json"), ids=lambda c: c["text"] or "empty")
def test_fold_matches_the_shared_cases(case: dict[str, Any]) -> None:
    assert fold(case["text"]).lower() == case["folded"]
    assert folded_sequence(case["text"]) == case["words"]


@pytest.mark.parametrize("case", _cases("ids-cases.json"), ids=lambda c: str(c["ids"])[:40])
def test_encoded_ids_match_the_shared_cases(case: dict[str, Any]) -> None:
    assert encode_ids(case["ordinals"], case["count"]) == case["ids"]
    assert decode_ids(case["ids"], case["count"]) == case["ordinals"]
