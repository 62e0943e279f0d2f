"""The filter index: facet value → documents, so that filters never download a word index.

An empty query with filters on ``/tra-cuu/`` used to make Pagefind fetch every chunk
of its word index (9.5 MB at 10,000 records).  Instead, at build time, every document
gets an *ordinal* (its place in the date order: newest first, undated documents
last), and each facet value a list of the ordinals having it.  The browser
(``showcase-facets.js`` with ``showcase-search-core.js``) fetches the lists of the
chosen values only, intersects them (values of one facet: any of; facets: all of),
and fetches the metadata of the first results by ordinal.  Pagefind is left to text
queries.

Files, under ``<bundle>/showcase-index/`` (JSON, sorted keys), beside the word index
(``generator.search_words``) that shares the ordinals::

    index.json              {"count": N, "dated": D, "chunk": 8, "sort": "date",
                             "facets": {"year": {"n": 6, "multi": false,
                                                 "values": [["2022", 1428], ...]}, ...},
                             "words": {...}, "bundles": [...]}   (generator.search)
    facet/<key>/values.json {"values": [["…", 12], ...]}   only when a facet has more
                                                             than HEAD_VALUES values
    facet/<key>/<i>.json    {"n": 1428, "ids": {"d": [...]} or {"b": "base64"},
                             "co": {"field": [[j, count], ...], ...}}
    docs/<c>.json           [[url, title, kind, unit, year, excerpt], ...]   ordinals c*chunk…

- Values of a facet are numbered by count (most documents first, then Vietnamese
  collation); ``index.json`` lists the first ``HEAD_VALUES`` of them with their
  counts, ``values.json`` all of them.
- ``ids``: the ordinals, ascending, in the shorter of two forms.  ``d`` is a delta
  list: starting from ``prev = -1``, a token ``t >= 0`` is the ordinal ``prev + 1 + t``,
  a token ``t < 0`` the ``-t`` ordinals that follow ``prev``.  ``b`` is a bitmap
  (bit ``i % 8`` of byte ``i // 8`` for ordinal ``i``) in base64.
- ``co``: for every other facet, how many of this value's documents have each of
  its values (value number, count).  With one facet chosen, the counts of every
  other facet come from these lists without fetching anything more.
- ``docs``: what a result shows, ``chunk`` documents a file; ``url`` relative to the
  site root (works under a sub-path).
"""

from __future__ import annotations

import base64
import json
import shutil
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.kinds import FACETS, SORT_KEY, Facet
from generator.search_docs import SearchDoc, shorten
from generator.vietnamese import sort_key

#: Folder of the bundle holding the filter index and the word index.
INDEX_DIR = "showcase-index"
#: Documents per metadata file.  Results of two filters are scattered over the date
#: order; small files keep the bytes fetched for a first page of 20 at ≤ 20 small files.
CHUNK = 8
#: Values of a facet listed in ``index.json``; the rest wait in ``<key>/values.json``.
HEAD_VALUES = 60
#: Characters of the description kept for a result.
EXCERPT_CHARS = 120
#: Order of kinds among undated documents (people, units, pages).
_UNDATED_KIND_ORDER = ("Chương trình", "Đơn vị", "Cá nhân", "Trang")


@dataclass(frozen=True)
class FilterReport:
    """What :func:`write_filter_index` wrote."""

    docs: int
    lists: int
    """Value lists written (one per facet value)."""
    files: int
    bytes_written: int
    manifest: dict[str, Any] = field(repr=False)
    """The part of ``index.json`` describing the documents and facets."""


def date_order(docs: Sequence[SearchDoc]) -> list[int]:
    """Indexes of ``docs`` in ordinal order: dated documents newest first (then URL),
    then undated ones by kind and URL."""
    by_url = sorted(range(len(docs)), key=lambda i: docs[i].url)
    dated = [i for i in by_url if docs[i].sort.get(SORT_KEY)]
    dated.sort(key=lambda i: docs[i].sort[SORT_KEY], reverse=True)  # stable: URL order kept
    undated = [i for i in by_url if not docs[i].sort.get(SORT_KEY)]
    rank = {kind: n for n, kind in enumerate(_UNDATED_KIND_ORDER)}
    undated.sort(key=lambda i: rank.get(docs[i].kind, len(rank)))
    return dated + undated


def encode_ids(ordinals: Sequence[int], count: int) -> dict[str, Any]:
    """Ascending ``ordinals`` (of ``count`` documents) as ``{"d": [...]}`` or ``{"b": "…"}``,
    whichever is shorter as JSON (see the module docstring)."""
    tokens: list[int] = []
    prev = -1
    i = 0
    while i < len(ordinals):
        start = ordinals[i]
        run = 1
        while i + run < len(ordinals) and ordinals[i + run] == start + run:
            run += 1
        tokens.append(start - prev - 1)
        if run > 1:
            tokens.append(-(run - 1))
        prev = start + run - 1
        i += run
    delta = {"d": tokens}
    bitmap = bytearray((count + 7) // 8)
    for o in ordinals:
        bitmap[o >> 3] |= 1 << (o & 7)
    packed = {"b": base64.b64encode(bytes(bitmap)).decode("ascii")}
    return delta if len(_dumps(delta)) <= len(_dumps(packed)) else packed


def decode_ids(encoded: dict[str, Any], count: int) -> list[int]:
    """The inverse of :func:`encode_ids` (the browser has its own, this one is for tests)."""
    if "b" in encoded:
        raw = base64.b64decode(encoded["b"])
        return [i for i in range(count) if raw[i >> 3] >> (i & 7) & 1]
    out: list[int] = []
    prev = -1
    for token in encoded["d"]:
        if token >= 0:
            prev += 1 + token
            out.append(prev)
        else:
            out.extend(range(prev + 1, prev + 1 - token))
            prev -= token
    return out


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _write(path: Path, value: Any) -> int:
    data = _dumps(value).encode("utf-8")
    path.write_bytes(data)
    return len(data)


def write_filter_index(
    out_dir: Path,
    docs: Sequence[SearchDoc],
    order: Sequence[int],
    facets: Sequence[Facet] = FACETS,
    *,
    chunk: int = CHUNK,
    head_values: int = HEAD_VALUES,
) -> FilterReport:
    """Write ``facet/`` and ``docs/`` of ``docs`` into ``out_dir`` (those folders replaced);
    ``order``: indexes of ``docs`` by ordinal (:func:`date_order`).  The manifest part is
    returned, not written."""
    for name in ("facet", "docs"):
        if (out_dir / name).exists():
            shutil.rmtree(out_dir / name)
    out_dir.mkdir(parents=True, exist_ok=True)
    count = len(docs)
    keys = [f.key for f in facets]

    # facet → value → ordinals (ascending, as ordinals are visited in order)
    members: dict[str, dict[str, list[int]]] = {k: defaultdict(list) for k in keys}
    multi: dict[str, bool] = dict.fromkeys(keys, False)
    for ordinal, index in enumerate(order):
        filters = docs[index].filters
        for key in keys:
            values = filters.get(key, ())
            if len(values) > 1:
                multi[key] = True
            for value in dict.fromkeys(values):
                members[key][value].append(ordinal)

    # Value numbers: most documents first, then Vietnamese collation.
    numbered: dict[str, list[str]] = {}
    for key in keys:
        by_value = members[key]
        numbered[key] = sorted(by_value, key=lambda v: (-len(by_value[v]), sort_key(v)))
    number = {k: {v: i for i, v in enumerate(numbered[k])} for k in keys}

    # Co-occurrence: (facet, value number) → other facet → Counter of value numbers.
    co: dict[tuple[str, int], dict[str, Counter[int]]] = defaultdict(lambda: defaultdict(Counter))
    for doc in docs:
        present = [(k, number[k][v]) for k in keys for v in dict.fromkeys(doc.filters.get(k, ()))]
        for a_key, a in present:
            target = co[(a_key, a)]
            for b_key, b in present:
                if b_key != a_key:
                    target[b_key][b] += 1

    written = 0
    files = 0
    lists = 0
    manifest_facets: dict[str, Any] = {}
    for key in keys:
        names = numbered[key]
        pairs = [[v, len(members[key][v])] for v in names]
        manifest_facets[key] = {
            "n": len(names),
            "multi": multi[key],
            "values": pairs[:head_values],
        }
        if not names:
            continue
        folder = out_dir / "facet" / key
        folder.mkdir(parents=True)
        if len(names) > head_values:
            written += _write(folder / "values.json", {"values": pairs})
            files += 1
        for i, name in enumerate(names):
            ordinals = members[key][name]
            payload = {
                "n": len(ordinals),
                "ids": encode_ids(ordinals, count),
                "co": {
                    other: sorted([j, n] for j, n in counter.items())
                    for other, counter in sorted(co[(key, i)].items())
                },
            }
            written += _write(folder / f"{i}.json", payload)
            files += 1
            lists += 1

    docs_dir = out_dir / "docs"
    docs_dir.mkdir(parents=True)
    for start in range(0, count, chunk):
        rows = []
        for index in order[start : start + chunk]:
            doc = docs[index]
            rows.append(
                [
                    doc.url,
                    doc.title,
                    doc.kind,
                    doc.meta.get("unit", ""),
                    doc.meta.get("year", ""),
                    shorten(doc.description or doc.text, EXCERPT_CHARS),
                ]
            )
        written += _write(docs_dir / f"{start // chunk}.json", rows)
        files += 1

    dated = sum(1 for doc in docs if doc.sort.get(SORT_KEY))
    manifest = {
        "count": count,
        "dated": dated,
        "chunk": chunk,
        "sort": SORT_KEY,
        "facets": manifest_facets,
    }
    return FilterReport(
        docs=count, lists=lists, files=files, bytes_written=written, manifest=manifest
    )
