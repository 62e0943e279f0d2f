"""Search: the index stage (design §1, §4), fed with search documents, not with built HTML.

The contract between the generator and search
---------------------------------------------

The generator hands the index stage a list of :class:`~generator.search_docs.SearchDoc`
(``generator.search_docs.search_documents(site)``): per searchable page its URL
(site-relative, ``sang-kien/x/``), title, kind label, *names* (people and units it
names), plain *text* (the record's own words: summary, description, tags…; never
navigation, field labels, table headers or the example notice), *description* (shown
with list results), *filters* (facet key → values; keys declared in
``generator.facets``), *meta* (``kind``, ``unit``, ``year``: shown under a result) and
*sort* keys (``date``, ``benefit``).  :func:`index_documents` writes, under
``<site>/pagefind/``:

1. **Pagefind's bundle**, built through its Python API (``PagefindIndex``) from one
   small synthetic HTML file per document (:func:`document_html`): the title in an
   ``<h1>`` weighted ``TITLE_WEIGHT`` (and Pagefind's ``title`` metadata), the names
   weighted ``NAMES_WEIGHT``, the text at weight 1, filters, metadata and sort keys as
   attributes, and the folded ``đ`` words as the searchable metadata field
   ``FOLDED_META_KEY``.  Pagefind folds tone marks itself but treats ``đ`` as a letter of
   its own, so without that field ``doi moi`` would not find ``đổi mới``; only the ``đ``
   words are needed (a whole folded copy doubles the cost of common words, see
   ``docs_dev/search-performance.md``).  The files are written to a temporary folder and
   indexed with one ``add_directory`` call: the Python wrapper reads one reply of the
   Pagefind service per 0.1 s, so 50,000 ``add_html_file`` calls would take 1.4 hours.
2. **Common-word result lists** (``COMMON_WORDS_FILE``, ``COMMON_SHARDS_DIR``): for each
   folded word (and pair of words) on a large share of the documents, the documents a
   query for it should show first.  Pagefind's scoring time grows with the square of the
   pages a query matches ("sáng kiến" on every record: 4 s at 10,000 pages), so a query
   made only of such words is answered from these lists (``showcase-search.js``).
3. **The filter index** (``generator.search_filters``, ``showcase-filters/``): per facet
   value the documents having it, so that ``/tra-cuu/`` answers filters without words
   by intersecting two small lists, never by downloading Pagefind's word index.

Everything written is a function of the documents (sorted keys, stable orders), apart
from Pagefind's own hash-ordered filter and metadata maps
(``tests/test_determinism.py``).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import html
import itertools
import json
import logging
import re
import shutil
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Coroutine, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from generator.search_docs import SearchDoc, shorten
from generator.search_filters import FILTERS_DIR, FilterReport, date_order, write_filter_index
from generator.vietnamese import fold

log = logging.getLogger(__name__)

#: Language every document is indexed as.  Pagefind has no Vietnamese stemmer, so
#: this gives one index (``pagefind.vi_*.pf_meta``) with words split on spaces and
#: punctuation, which suits Vietnamese syllables.
FORCE_LANGUAGE = "vi"

#: Name of the metadata field that holds the folded ``đ`` words (see module docstring);
#: ``showcase-search.js`` gives it a low ``metaWeights`` entry.
FOLDED_META_KEY = "folded"

#: Pagefind weights (0-10; body text is 1, Pagefind's own ``<h1>`` is 7): a word of the
#: title counts ten times a word of the text, a name (author, unit) three times.
TITLE_WEIGHT = 10
NAMES_WEIGHT = 3
#: Metadata shown under each result (also written into the precomputed lists).
META_KEYS = ("kind", "unit", "year")

#: File written into the bundle: the words found on at least ``COMMON_WORD_SHARE`` of
#: the documents, which the browser leaves out of a query that has other words.
COMMON_WORDS_FILE = "showcase-common-words.json"
COMMON_WORD_SHARE = 0.8

#: Folder of the bundle holding the precomputed result lists of common words.
COMMON_SHARDS_DIR = "showcase-common"
#: A word gets a result list when it is on at least this share of the documents *and*
#: on at least ``COMMON_SHARD_MIN_PAGES`` of them.  Measured at 10,000 pages
#: (``docs_dev/search-performance.md`` §6): Pagefind needs 350-600 ms (cold) for one
#: word on 30-50 % of the pages, 1.3-1.7 s for one on 90-100 %, 4 s for "sáng kiến";
#: below 30 % a single word costs at most about 70 ms once its index chunk is loaded.
#: The page floor keeps the lists to sites where Pagefind is slow at all: its scoring
#: time grows with the square of the pages a query matches, and stays under about
#: 50 ms below 1,000 matching pages.
COMMON_SHARD_SHARE = 0.3
COMMON_SHARD_MIN_PAGES = 1000
#: Two adjacent common words ("sáng kiến", "Đà Nẵng") get a list of their own when the
#: pair, side by side, is on at least this share of the documents (and on
#: ``COMMON_SHARD_MIN_PAGES``): the CommonGrams technique.
COMMON_PAIR_SHARE = 0.2
#: At most this many words, and this many pairs, get a list (the most frequent).
COMMON_SHARD_MAX_WORDS = 400
COMMON_SHARD_MAX_PAIRS = 600
#: Entries of a result list: at most ``SHARD_TITLE_ENTRIES`` documents whose title has
#: the word (the pair), then documents in the common order (kind, recency, URL), up to
#: ``SHARD_MAX_ENTRIES`` entries or ``SHARD_MAX_BYTES`` bytes of JSON.
SHARD_TITLE_ENTRIES = 20
SHARD_MAX_ENTRIES = 150
SHARD_MAX_BYTES = 24_000
#: Length of the excerpt stored with each entry (characters).
SHARD_EXCERPT_CHARS = 150
#: Order of kinds in the common order; other kinds come after these.
KIND_PRIORITY = (
    "Sáng kiến",
    "Khen thưởng",
    "Sự kiện",
    "Chương trình",
    "Đơn vị",
    "Cá nhân",
    "Trang",
)

#: At most this many documents per Pagefind bundle (see :func:`index_documents`);
#: larger sites get several bundles, merged in the browser.
BUNDLE_DOCS = 10_000
#: Folder of the bundle holding the other bundles (``showcase-bundles/1/`` …).
BUNDLES_DIR = "showcase-bundles"

_T = TypeVar("_T")

# A "word" for folding purposes: letters, digits and combining marks.
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the documents or write its bundle."""


@dataclass(frozen=True)
class IndexReport:
    """What :func:`index_documents` did."""

    pages: int
    """Documents in Pagefind's index (one fragment each)."""
    files: int
    """Files written under the output folder."""
    bytes_written: int
    """Total size of those files, in bytes."""
    seconds: float
    """Wall-clock time of the whole call."""
    output_dir: Path
    """The bundle folder, ``site_dir / output_subdir``."""
    common_words: tuple[str, ...] = field(default=(), repr=False)
    """Folded words on at least ``COMMON_WORD_SHARE`` of the documents, most common first."""
    shard_words: tuple[str, ...] = field(default=(), repr=False)
    """Folded words that got a precomputed result list, alphabetically."""
    shard_pairs: tuple[str, ...] = field(default=(), repr=False)
    """Pairs of folded words (``"sang kien"``) that got one, alphabetically."""
    filters: FilterReport | None = field(default=None, repr=False)
    """What the filter index holds."""


# --------------------------------------------------------------------------- folding


def _strip_stroke(text: str) -> str:
    # Legacy encoders sometimes write Ð (eth) for Đ; generator.vietnamese.fold agrees.
    return text.replace("đ", "d").replace("Đ", "D").replace("Ð", "D")


def fold_vietnamese(text: str) -> str:
    """Lower-case ``text`` and strip Vietnamese diacritics, ``đ`` included.

    >>> fold_vietnamese("Đổi mới ở Đà Nẵng")
    'doi moi o da nang'
    """
    return fold(text).lower()


def folded_search_text(*texts: str | None, only_d_words: bool = True) -> str:
    """The value of the ``folded`` metadata field for a document whose text is ``texts``.

    Returns the distinct folded forms, in first-seen order and separated by single
    spaces, of the words that contain ``đ``/``Đ`` (or, with ``only_d_words=False``, of
    every word whose folded form differs from the word).  Empty when nothing needs
    an alias.

    >>> folded_search_text("Đổi mới quy trình tại Đà Nẵng", "đổi mới")
    'doi da'
    """
    seen: dict[str, None] = {}
    for text in texts:
        if not text:
            continue
        for match in _WORD_RE.finditer(unicodedata.normalize("NFC", text)):
            word = match.group(0)
            if only_d_words and word == _strip_stroke(word):
                continue
            folded = fold_vietnamese(word)
            if not only_d_words and folded == word.lower():
                continue
            seen.setdefault(folded, None)
    return " ".join(seen)


_ASCII_WORD_RE = re.compile(rb"[a-z0-9]+")


def folded_sequence(text: str) -> list[str]:
    """The folded words of ``text`` in order (see :func:`folded_words`)."""
    ascii_text = unicodedata.normalize("NFD", _strip_stroke(text)).encode("ascii", "ignore").lower()
    return [w.decode("ascii") for w in _ASCII_WORD_RE.findall(ascii_text)]


def folded_words(text: str) -> set[str]:
    """The distinct folded words of ``text`` (tone marks and ``đ`` folded, lower case).

    A fast approximation of :func:`fold_vietnamese` + word split, good for
    Vietnamese and other Latin-script text: letters that do not decompose to
    ASCII (other scripts) are dropped.  ``showcase-search-core.js`` (``tokens``)
    splits a query the same way.

    >>> sorted(folded_words("Sáng kiến, sáng kiến! Đổi mới"))
    ['doi', 'kien', 'moi', 'sang']
    """
    return set(folded_sequence(text))


def document_frequencies(texts: Iterable[str]) -> tuple[int, Counter[str]]:
    """Number of texts, and in how many of them each folded word occurs (see :func:`folded_words`)."""
    count = 0
    df: Counter[str] = Counter()
    for text in texts:
        count += 1
        df.update(folded_words(text))
    return count, df


def _common_from_df(count: int, df: Counter[str], min_share: float, limit: int) -> list[str]:
    if count == 0:
        return []
    floor = max(1.0, min_share * count)
    words = [
        w
        for w, n in sorted(df.items(), key=lambda item: (-item[1], item[0]))
        if n >= floor and len(w) > 1 and not w.isdigit()
    ]
    return words[:limit]


def common_words(
    texts: Iterable[str], *, min_share: float = COMMON_WORD_SHARE, limit: int = 500
) -> tuple[int, list[str]]:
    """Folded words that occur in at least ``min_share`` of ``texts``, most common first.

    Returns the number of texts as well.  Single characters and numbers are left
    out: Pagefind matches query words as prefixes, and dropping "1" or "a" from a
    query would change what it means more than it saves.
    """
    count, df = document_frequencies(texts)
    return count, _common_from_df(count, df, min_share, limit)


# Adjacent words count as a pair only inside a stretch of text without punctuation.
_PHRASE_BREAKS = ".,;:!?¶›»«()[]{}“”\"'‘’–—/|•·…"
_TOKEN_OR_BREAK_RE = re.compile(r"([a-z0-9]+)|[" + re.escape(_PHRASE_BREAKS) + r"]")


def folded_pairs(text: str, allowed: set[str] | frozenset[str] | None = None) -> set[str]:
    """Adjacent folded words of ``text`` as ``"w1 w2"``, both in ``allowed`` if given.

    Punctuation ends a phrase: "sáng kiến. Đà Nẵng" has no pair "kien da".

    >>> sorted(folded_pairs("Sáng kiến, Đà Nẵng"))
    ['da nang', 'sang kien']
    """
    folded = fold_vietnamese(text)
    pairs: set[str] = set()
    previous: str | None = None
    for word in _TOKEN_OR_BREAK_RE.findall(folded):  # "" for a break
        if not word or (allowed is not None and word not in allowed):
            previous = None
            continue
        if previous is not None:
            pairs.add(f"{previous} {word}")
        previous = word
    return pairs


def searchable_text(doc: SearchDoc) -> str:
    """Everything a query can match in ``doc``: title, names and text, as separate phrases."""
    return " ¶ ".join(part for part in (doc.title, doc.names, doc.text) if part)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# ------------------------------------------------------------ common-word results


def _kind_rank(kind: str) -> int:
    return KIND_PRIORITY.index(kind) if kind in KIND_PRIORITY else len(KIND_PRIORITY)


def common_order(docs: Sequence[SearchDoc]) -> list[int]:
    """Indexes of ``docs`` in the *common order*: kind (``KIND_PRIORITY``), newest first
    (the ``date`` sort key; undated last), then URL."""
    order = sorted(range(len(docs)), key=lambda i: docs[i].url)
    order.sort(key=lambda i: docs[i].sort.get("date", ""), reverse=True)
    order.sort(key=lambda i: _kind_rank(docs[i].kind))
    return order


def list_entry(doc: SearchDoc, rank: int) -> dict[str, Any]:
    """A document as an entry of a precomputed result list."""
    return {
        "url": doc.url,
        "title": doc.title or doc.url,
        "meta": {k: doc.meta[k] for k in META_KEYS if doc.meta.get(k)},
        "excerpt": shorten(doc.description or doc.text, SHARD_EXCERPT_CHARS),
        "rank": rank,
    }


class _Shard:
    """One word's (or pair's) result list, filled in common order."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.total = 0
        self.titled: list[int] = []  # common-order positions, title matches
        self.others: list[int] = []

    def add(self, position: int, in_title: bool) -> None:
        self.total += 1
        if in_title and len(self.titled) < SHARD_TITLE_ENTRIES:
            self.titled.append(position)
        elif len(self.others) < SHARD_MAX_ENTRIES:
            self.others.append(position)

    def payload(self, docs: Sequence[SearchDoc], order: Sequence[int], pages: int) -> str:
        shard: dict[str, Any] = {"word": self.key, "total": self.total, "pages": pages}
        shard["entries"] = []
        size = len(_dumps(shard).encode("utf-8"))
        for position in itertools.islice(
            itertools.chain(self.titled, self.others), SHARD_MAX_ENTRIES
        ):
            entry = list_entry(docs[order[position]], position)
            grown = size + len(_dumps(entry).encode("utf-8")) + 1
            if grown > SHARD_MAX_BYTES and shard["entries"]:
                break
            shard["entries"].append(entry)
            size = grown
        return _dumps(shard)


def shard_file_name(key: str) -> str:
    """File of the result list of a word (``sang.json``) or a pair (``sang_kien.json``)."""
    return key.replace(" ", "_") + ".json"


@dataclass(frozen=True)
class CommonWords:
    """What :func:`write_common_index` wrote."""

    pages: int
    words: list[str]
    """Words on at least ``min_share`` of the documents (dropped from mixed queries)."""
    shards: dict[str, int]
    """Words that got a result list → number of documents they are on."""
    pairs: dict[str, int] = field(default_factory=dict)
    """Pairs (``"sang kien"``) that got a result list → number of documents they are on."""


def _top(counts: Counter[str], floor: float, limit: int) -> dict[str, int]:
    chosen = sorted((k for k, n in counts.items() if n >= floor), key=lambda k: (-counts[k], k))
    return {k: counts[k] for k in sorted(chosen[:limit])}


def write_common_index(
    bundle_dir: Path,
    docs: Sequence[SearchDoc],
    *,
    min_share: float = COMMON_WORD_SHARE,
    shard_share: float = COMMON_SHARD_SHARE,
    shard_min_pages: int = COMMON_SHARD_MIN_PAGES,
    pair_share: float = COMMON_PAIR_SHARE,
    bundles: Sequence[str] = (),
) -> CommonWords:
    """Document frequencies of ``docs`` → ``COMMON_WORDS_FILE`` + result lists in ``bundle_dir``.

    ``COMMON_WORDS_FILE`` (JSON, sorted keys)::

        {"bundles": ["showcase-bundles/1/", ...],  # other Pagefind bundles to merge
         "pages": N, "min_share": 0.8, "words": [...],          # most common first
         "shards": {"dir": "showcase-common", "min_share": 0.3, "pair_min_share": 0.2,
                    "min_pages": 1000,
                    "words": {"kien": 9998, "sang": 10000, ...},   # word → documents
                    "pairs": {"sang kien": 9990, ...}}}           # pair → documents

    and for each word and pair the file ``<dir>/<word>.json`` or ``<dir>/<w1>_<w2>.json``::

        {"word": "sang", "total": 10000, "pages": N,
         "entries": [{"url": "sang-kien/x/", "title": "…", "meta": {"kind": "…",
                      "unit": "…", "year": "2022"}, "excerpt": "…", "rank": 17}, ...]}

    Words are folded syllables of a document's title, names, text and folded words; a
    pair is two listed words side by side within a stretch of text without
    punctuation (title, names and text are separate stretches).  Entries: first up to
    ``SHARD_TITLE_ENTRIES`` documents whose title has the word (the pair), then the
    other documents having it; each group in the common order (:func:`common_order`).
    ``rank`` is the document's position in that order, the same in every list.
    ``url`` is relative to the site root, so it works under a sub-path; ``excerpt`` is
    the document's description (or text), shortened.

    Memory stays flat: three passes over the documents keep only counters and the
    first entries of each list, never every document's words.
    """
    count = len(docs)
    order = common_order(docs)
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(folded_words(searchable_text(doc)))
    words_list = _common_from_df(count, df, min_share, 500)

    floor = max(1.0, shard_share * count, float(shard_min_pages))
    shard_words = _top(df, floor, COMMON_SHARD_MAX_WORDS)
    del df
    listed = frozenset(shard_words)
    pair_df: Counter[str] = Counter()
    if listed:
        for doc in docs:
            pair_df.update(folded_pairs(searchable_text(doc), listed))
    pair_floor = max(1.0, pair_share * count, float(shard_min_pages))
    shard_pairs = _top(pair_df, pair_floor, COMMON_SHARD_MAX_PAIRS)
    del pair_df

    shards = {key: _Shard(key) for key in [*shard_words, *shard_pairs]}
    if shards:
        chosen_pairs = frozenset(shard_pairs)
        for position, index in enumerate(order):
            doc = docs[index]
            text = searchable_text(doc)
            title_words = folded_words(doc.title)
            title_pairs = folded_pairs(doc.title, listed)
            for key in folded_words(text) & listed:
                shards[key].add(position, key in title_words)
            for key in folded_pairs(text, listed) & chosen_pairs:
                shards[key].add(position, key in title_pairs)

    shard_dir = bundle_dir / COMMON_SHARDS_DIR
    if shard_dir.exists():
        shutil.rmtree(shard_dir)
    if shards:
        shard_dir.mkdir(parents=True)
    for key, shard in shards.items():
        (shard_dir / shard_file_name(key)).write_text(
            shard.payload(docs, order, count), encoding="utf-8"
        )

    payload = {
        "bundles": list(bundles),
        "pages": count,
        "min_share": min_share,
        "words": words_list,
        "shards": {
            "dir": COMMON_SHARDS_DIR,
            "min_share": shard_share,
            "pair_min_share": pair_share,
            "min_pages": shard_min_pages,
            "words": shard_words,
            "pairs": shard_pairs,
        },
    }
    (bundle_dir / COMMON_WORDS_FILE).write_text(_dumps(payload), encoding="utf-8")
    return CommonWords(pages=count, words=words_list, shards=shard_words, pairs=shard_pairs)


# --------------------------------------------------------------------------- indexing


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def document_html(doc: SearchDoc) -> str:
    """The small HTML page Pagefind indexes for ``doc`` (nothing else of the site is indexed).

    Values travel in attributes (``key[data-value]``), so commas and colons in them are
    safe, and only the title, names and text are page content (and so excerpts).
    """
    parts = [
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>',
        f'<h1 data-pagefind-weight="{TITLE_WEIGHT}" data-pagefind-meta="title">'
        f"{html.escape(doc.title)}</h1>",
    ]
    if doc.names:
        parts.append(f'<p data-pagefind-weight="{NAMES_WEIGHT}">{html.escape(doc.names)}</p>')
    if doc.text:
        parts.append(f"<p>{html.escape(doc.text)}</p>")
    spans = []
    for key, values in sorted(doc.filters.items()):
        for value in values:
            spans.append(("filter", key, value))
    for key in META_KEYS:
        if doc.meta.get(key):
            spans.append(("meta", key, doc.meta[key]))
    for key, value in sorted(doc.sort.items()):
        spans.append(("sort", key, value))
    folded = folded_search_text(doc.title, doc.names, doc.text)
    if folded:
        spans.append(("meta", FOLDED_META_KEY, folded))
    parts.append("<div hidden>")  # empty elements: their attributes add no page text
    parts.extend(
        f'<span data-pagefind-{what}="{_attr(key)}[data-value]" data-value="{_attr(value)}"></span>'
        for what, key, value in spans
    )
    parts.append("</div></body></html>\n")
    return "".join(parts)


def _doc_path(root: Path, url: str) -> Path:
    """Where the HTML of the document at ``url`` goes, so that Pagefind gives it that URL."""
    rel = url.strip("/")
    parts = PurePosixPath(rel).parts if rel else ()
    if (
        url.startswith("/")
        or "\\" in url
        or (rel and not url.endswith("/"))
        or any(part in (".", "..") for part in parts)
    ):
        raise ValueError(f"search document URL must be a relative folder: {url!r}")
    return root.joinpath(*parts, "index.html")


def _output_dir(site_dir: Path, output_subdir: str) -> Path:
    sub = PurePosixPath(output_subdir)
    if (
        not output_subdir
        or sub.is_absolute()
        or any(part in ("", ".", "..") for part in sub.parts)
        or "\\" in output_subdir
    ):
        raise ValueError(
            f"output_subdir must be a relative folder inside the site: {output_subdir!r}"
        )
    return site_dir.joinpath(*sub.parts)


def _run(coro: Coroutine[Any, Any, _T]) -> _T:
    """Run ``coro`` to completion, also when called from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _index(source_dir: Path, output_dir: Path, *, force_language: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        force_language=force_language,
        keep_index_url=False,
        write_playground=False,
        output_path=str(output_dir),
    )
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(source_dir))
        # The context manager writes the bundle on a clean exit.
    return int(result["page_count"])


def _prepare_output(site_dir: Path, output_subdir: str) -> Path:
    output_dir = _output_dir(site_dir, output_subdir)
    if output_dir.is_symlink() or output_dir.is_file():
        output_dir.unlink()
    elif output_dir.exists():
        if any(output_dir.iterdir()) and not (output_dir / "pagefind-entry.json").exists():
            raise ValueError(f"{output_dir} exists and is not a Pagefind bundle; not replacing it")
        shutil.rmtree(output_dir)
    return output_dir


def _index_bundle(docs: Sequence[SearchDoc], output_dir: Path, *, force_language: str) -> int:
    """One Pagefind bundle of ``docs`` at ``output_dir``; returns the pages indexed."""
    with tempfile.TemporaryDirectory(prefix="showcase-search-") as tmp:
        source = Path(tmp)
        for doc in docs:
            path = _doc_path(source, doc.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(document_html(doc), encoding="utf-8")
        try:
            return _run(_index(source, output_dir, force_language=force_language))
        except FileNotFoundError as exc:  # no pagefind binary
            raise SearchIndexError(f"Pagefind is not installed: {exc}") from exc
        except Exception as exc:  # the service reports failures as bare Exceptions
            raise SearchIndexError(f"Pagefind failed to index the documents: {exc}") from exc


def index_documents(
    docs: Sequence[SearchDoc],
    site_dir: Path,
    *,
    output_subdir: str = "pagefind",
    force_language: str = FORCE_LANGUAGE,
    common_word_share: float = COMMON_WORD_SHARE,
    shard_share: float = COMMON_SHARD_SHARE,
    shard_min_pages: int = COMMON_SHARD_MIN_PAGES,
    pair_share: float = COMMON_PAIR_SHARE,
    bundle_docs: int = BUNDLE_DOCS,
) -> IndexReport:
    """Index ``docs`` and write the search bundle to ``site_dir/output_subdir``.

    Writes Pagefind's bundle, the common-word lists and the filter index (see the
    module docstring).  Any previous bundle in that folder is removed first: Pagefind
    names its chunks by content hash and would otherwise leave stale ones behind.

    :param force_language: one index for the whole site as this ISO 639-1 language.
    :param common_word_share: ``COMMON_WORDS_FILE`` lists the words on at least this
        share of the documents (:func:`write_common_index`).
    :param shard_share: a word gets a result list when it is on at least this share of
        the documents …
    :param shard_min_pages: … and on at least this many documents.
    :param pair_share: two of those words side by side get a list when the pair is on
        at least this share of the documents (and on ``shard_min_pages``).
    :param bundle_docs: at most this many documents per Pagefind bundle.
    :raises FileNotFoundError: ``site_dir`` is not a folder.
    :raises ValueError: ``output_subdir`` is not a relative folder inside the site, or
        names an existing folder that is not a Pagefind bundle; a document's URL is
        not a relative folder; two documents have the same URL.
    :raises SearchIndexError: Pagefind failed.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir).resolve()
    if not site_dir.is_dir():
        raise FileNotFoundError(f"site folder not found: {site_dir}")
    urls = Counter(doc.url for doc in docs)
    twice = sorted(url for url, n in urls.items() if n > 1)
    if twice:
        raise ValueError(f"search documents share a URL: {twice[:5]}")
    output_dir = _prepare_output(site_dir, output_subdir)

    # Pagefind's indexer keeps about 120 KB per document until it writes (1.3 GB at
    # 10,000 records): documents are split into bundles of at most BUNDLE_DOCS, each
    # indexed by its own Pagefind process in turn, and merged in the browser
    # (pagefind.mergeIndex).  Round robin over the date order: every bundle holds
    # every kind and year alike (comparable scores), and a date-sorted search merged
    # across bundles is in date order to within a few places.
    order = date_order(docs)
    count = max(1, -(-len(docs) // bundle_docs))
    bundles = [output_dir] + [output_dir / BUNDLES_DIR / str(n) for n in range(1, count)]
    indexed = 0
    for n, target in enumerate(bundles):
        part = [docs[i] for i in order[n::count]]
        indexed += _index_bundle(part, target, force_language=force_language)
    if not output_dir.is_dir():
        raise SearchIndexError(f"Pagefind wrote no bundle to {output_dir}")
    common = write_common_index(
        output_dir,
        docs,
        min_share=common_word_share,
        shard_share=shard_share,
        shard_min_pages=shard_min_pages,
        pair_share=pair_share,
        bundles=[f"{BUNDLES_DIR}/{n}/" for n in range(1, count)],
    )
    filters = write_filter_index(output_dir / FILTERS_DIR, docs)
    files = [p for p in output_dir.rglob("*") if p.is_file()]
    report = IndexReport(
        pages=indexed,
        files=len(files),
        bytes_written=sum(p.stat().st_size for p in files),
        seconds=time.perf_counter() - started,
        output_dir=output_dir,
        common_words=tuple(common.words),
        shard_words=tuple(common.shards),
        shard_pairs=tuple(common.pairs),
        filters=filters,
    )
    log.info(
        "search: indexed %d documents, wrote %d files (%d bytes, %d common-word lists, "
        "%d filter lists) in %.1f s",
        report.pages,
        report.files,
        report.bytes_written,
        len(report.shard_words) + len(report.shard_pairs),
        filters.lists,
        report.seconds,
    )
    return report
