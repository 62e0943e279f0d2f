"""Search facets, declared once: the keys records are filtered by and their Vietnamese labels.

The producer of search documents (``generator.search_docs``) fills ``SearchDoc.filters``
with these keys only; the filter index (``generator.search_filters``) and Pagefind's
filters are written for them; the search page gets the declaration as JSON in the
``data-facets`` attribute of ``#sk-search`` (``site_templates/pages/search.md.j2``), so
``showcase-facets.js`` keeps no list or label of its own.  The order here is the order
of the panels on ``/tra-cuu/``.

(The lead's kind registry will own the per-kind part: which kind fills which facet.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    key: str
    """Filter key: ASCII, used in URLs (``/tra-cuu/?year=2022``) and file names."""
    label: str
    """Panel title shown to readers."""
    newest_first: bool = False
    """Values listed in reverse order (years) instead of by count."""


FACETS: tuple[Facet, ...] = (
    Facet("kind", "Loại hồ sơ"),
    Facet("year", "Năm", newest_first=True),
    Facet("field", "Lĩnh vực"),
    Facet("unit", "Đơn vị"),
    Facet("province", "Tỉnh, thành phố"),
    Facet("award_form", "Hình thức khen thưởng"),
    Facet("level", "Cấp công nhận"),
    Facet("status", "Tình trạng"),
)

FACET_KEYS: tuple[str, ...] = tuple(f.key for f in FACETS)

#: The sort key of search documents that the search page offers (newest / oldest first).
SORT_KEY = "date"


def facets_json() -> str:
    """The declaration as the search page receives it: ``[{"key", "label", "newestFirst"}]``."""
    return json.dumps(
        [{"key": f.key, "label": f.label, "newestFirst": f.newest_first} for f in FACETS],
        ensure_ascii=False,
        separators=(",", ":"),
    )
