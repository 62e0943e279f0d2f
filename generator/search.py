"""Search: Pagefind over the built HTML, and the folding helpers the render step uses.

The ``index`` stage of the pipeline (design §1, §4).  :func:`index_site` runs
Pagefind's indexer (through its Python API, which drives the ``pagefind`` binary
shipped by ``pagefind[bin]``) over a built site folder and writes the search
bundle to ``<site>/pagefind/``.

Pagefind already folds tone marks and the other combining diacritics
(``sang kien`` finds ``sáng kiến``, ``nang`` finds ``Nẵng``) but it treats ``đ`` as a
letter of its own, so ``doi moi`` would not find ``đổi mới``.  Each record page
therefore carries, in ``pagefind.folded`` of its front matter, the folded forms of
the words of its searchable text that contain ``đ``; the theme partial
``partials/pagefind-page.html`` emits them as a *metadata* field, which Pagefind
(since 1.5) searches but does not put into excerpts.  :func:`folded_search_text`
computes that value.  Only the ``đ`` words are needed: repeating the whole text
would double the index entries of every common word and, with them, the time a
common-word query takes in the browser (see ``docs_dev/search-performance.md``).

Words found on most pages ("sáng kiến" on a site of initiatives) are slow for
Pagefind: its scoring time grows with the number of pages a query matches, about
4 s at 10,000 pages.  After the bundle is written, :func:`write_common_words`
therefore also computes, from the text Pagefind indexed (its fragment files), the
document frequency of every folded syllable and writes, for each *common* word, a
small precomputed result list ("shard", ``<bundle>/showcase-common/<word>.json``):
the pages a common-word query should show first, ranked by a fixed rule (title
matches first, then kind of record, then recency).  The browser answers a query
made only of common words from those lists (``showcase-search.js``), the way large
search engines cache the results of stop-word queries, and runs Pagefind only to
page beyond them.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gzip
import html
import itertools
import json
import logging
import re
import shutil
import time
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Coroutine, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from generator.kinds import KINDS
from generator.vietnamese import fold

log = logging.getLogger(__name__)

#: Language every page is indexed as.  Pagefind has no Vietnamese stemmer, so
#: this gives one index (``pagefind.vi_*.pf_meta``) whatever ``<html lang>`` says,
#: with words split on spaces and punctuation, which suits Vietnamese syllables.
FORCE_LANGUAGE = "vi"

#: Name of the metadata field that holds the folded words (see module docstring).
FOLDED_META_KEY = "folded"

#: File written into the bundle by :func:`index_site`: the words found on at least
#: ``COMMON_WORD_SHARE`` of the indexed pages, which the browser leaves out of a query
#: that has other words (see ``docs_dev/search-performance.md``).
COMMON_WORDS_FILE = "showcase-common-words.json"
COMMON_WORD_SHARE = 0.8
_FRAGMENT_SIGNATURE = b"pagefind_dcd"

#: Folder of the bundle holding the precomputed result lists of common words.
COMMON_SHARDS_DIR = "showcase-common"
#: A word gets a result list when it is on at least this share of the indexed pages
#: *and* on at least ``COMMON_SHARD_MIN_PAGES`` pages.  Measured at 10,000 pages
#: (``docs_dev/search-performance.md`` §6): Pagefind needs 350-600 ms (cold) for one
#: word on 30-50 % of the pages, 1.3-1.7 s for one on 90-100 %, 4 s for "sáng kiến";
#: below 30 % a single word costs at most about 70 ms once its index chunk is loaded.
#: The page floor keeps the lists to sites where Pagefind is slow at all: its
#: scoring time grows with the square of the pages a query matches, and stays
#: under about 50 ms below 1,000 matching pages.
COMMON_SHARD_SHARE = 0.3
COMMON_SHARD_MIN_PAGES = 1000
#: Two adjacent common words ("sáng kiến", "Đà Nẵng", "an toàn") get a list of their
#: own when the pair, side by side, is on at least this share of the pages (and
#: on ``COMMON_SHARD_MIN_PAGES``): the CommonGrams technique.  A query of common
#: words is answered from the lists of its pairs where they exist, so that pages
#: with the phrase, not just with both words somewhere, come first.
COMMON_PAIR_SHARE = 0.2
#: At most this many words, and this many pairs, get a list (the most frequent).
COMMON_SHARD_MAX_WORDS = 400
COMMON_SHARD_MAX_PAIRS = 600
#: Entries of a result list: at most ``SHARD_TITLE_ENTRIES`` pages whose title has
#: the word (the pair), then pages in the common order (kind, recency, URL), up to
#: ``SHARD_MAX_ENTRIES`` entries or ``SHARD_MAX_BYTES`` bytes of JSON.  Every list
#: shares that common order after its title part, so the lists of two common words
#: overlap on most of their entries and their intersection is large.
SHARD_TITLE_ENTRIES = 20
SHARD_MAX_ENTRIES = 150
SHARD_MAX_BYTES = 24_000
#: Length of the excerpt stored with each entry (characters).
SHARD_EXCERPT_CHARS = 150
#: Order of kinds of record in a common-word result list (``pagefind.meta.kind``
#: values: the kinds' labels, then hand-written pages); other kinds come after these.
KIND_PRIORITY = (
    *(k.label for k in sorted(KINDS.values(), key=lambda k: k.search_priority)),
    "Trang",
)
#: Metadata of an entry, shown under each result.
SHARD_META_KEYS = ("kind", "unit", "year")
#: CSS selectors never indexed: the heading permalinks ("¶") of MkDocs' toc
#: extension would otherwise end every result title.
DEFAULT_EXCLUDE_SELECTORS = (".headerlink",)

_T = TypeVar("_T")

# Combining diacritical marks (and their supplements), deleted after NFD.
# A "word" for folding purposes: letters, digits and combining marks.
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site or write its bundle."""


@dataclass(frozen=True)
class IndexReport:
    """What :func:`index_site` did."""

    pages: int
    """Pages in the index: one fragment each.  Once any page of the site has
    ``data-pagefind-body``, pages without it are left out."""
    html_files: int
    """HTML files Pagefind read, indexed or not."""
    files: int
    """Files written under the output folder."""
    bytes_written: int
    """Total size of those files, in bytes."""
    seconds: float
    """Wall-clock time of the whole call."""
    output_dir: Path
    """The bundle folder, ``site_dir / output_subdir``."""
    common_words: tuple[str, ...] = field(default=(), repr=False)
    """Folded words on at least ``COMMON_WORD_SHARE`` of the pages, most common first."""
    shard_words: tuple[str, ...] = field(default=(), repr=False)
    """Folded words that got a precomputed result list, alphabetically."""
    shard_pairs: tuple[str, ...] = field(default=(), repr=False)
    """Pairs of folded words (``"sang kien"``) that got one, alphabetically."""


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
    """The value of ``pagefind.folded`` for a record whose searchable text is ``texts``.

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


def folded_words(text: str) -> set[str]:
    """The distinct folded words of ``text`` (tone marks and ``đ`` folded, lower case).

    A fast approximation of :func:`fold_vietnamese` + word split, good for
    Vietnamese and other Latin-script text: letters that do not decompose to
    ASCII (other scripts) are dropped.  ``showcase-search.js`` (``foldedTerms``)
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


# ------------------------------------------------------------------- indexed pages


@dataclass(frozen=True)
class IndexedPage:
    """One page of a written bundle as Pagefind indexed it (read from its fragment)."""

    url: str
    """Pagefind's URL of the page, from the site root: ``/sang-kien/x/``."""
    title: str
    content: str
    meta: dict[str, str]
    """Metadata other than the title (``kind``, ``unit``, ``year``, ``folded`` …)."""

    @property
    def text(self) -> str:
        """Everything Pagefind searches on this page: title, content and metadata."""
        return " ".join([self.title, self.content, *(self.meta[k] for k in sorted(self.meta))])


def _clean_title(title: str) -> str:
    # Bundles written before ``.headerlink`` was excluded end titles with "¶".
    return " ".join(title.replace("¶", " ").split())


def read_indexed_pages(bundle_dir: Path) -> list[IndexedPage]:
    """Every page of a written bundle, sorted by URL.

    Reads Pagefind's fragment files (gzip of ``pagefind_dcd`` + JSON); an
    unreadable fragment is skipped.
    """
    fragments = bundle_dir / "fragment"
    if not fragments.is_dir():
        return []
    pages: list[IndexedPage] = []
    for path in sorted(fragments.iterdir()):
        try:
            raw = gzip.decompress(path.read_bytes())
            if raw.startswith(_FRAGMENT_SIGNATURE):
                raw = raw[len(_FRAGMENT_SIGNATURE) :]
            data = json.loads(raw)
        except (OSError, ValueError, EOFError):
            log.debug("pagefind: unreadable fragment %s", path)
            continue
        if not isinstance(data, dict):
            continue
        raw_meta = data.get("meta")
        meta = {
            str(k): str(v)
            for k, v in (raw_meta.items() if isinstance(raw_meta, dict) else ())
            if isinstance(v, str | int | float)
        }
        pages.append(
            IndexedPage(
                url=str(data.get("url", "")),
                title=_clean_title(meta.pop("title", "")),
                content=str(data.get("content", "")),
                meta=meta,
            )
        )
    pages.sort(key=lambda page: page.url)
    return pages


def _fragment_texts(bundle_dir: Path) -> Iterable[str]:
    """Indexed text (title, content and metadata) of every page of a written bundle."""
    return (page.text for page in read_indexed_pages(bundle_dir))


# ------------------------------------------------------------ common-word results

_DESCRIPTION_RE = re.compile(r'<meta\s+name="description"\s+content="([^"]*)"', re.IGNORECASE)
_SORT_DATE_RE = re.compile(r'data-pagefind-sort="date\[data-value\]"\s+data-value="([^"]*)"')


@dataclass(frozen=True)
class _PageDetails:
    description: str = ""
    date: str = ""


def _page_details(site_dir: Path | None, url: str) -> _PageDetails:
    """The page's ``<meta name="description">`` and Pagefind sort date, from its HTML file."""
    if site_dir is None:
        return _PageDetails()
    rel = PurePosixPath(urllib.parse.unquote(url.split("#", 1)[0].split("?", 1)[0]).lstrip("/"))
    if any(part in ("..", ".") for part in rel.parts):
        return _PageDetails()
    path = site_dir.joinpath(*rel.parts)
    if url.endswith("/") or not rel.parts:
        path = path / "index.html"
    try:
        source = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return _PageDetails()
    description = _DESCRIPTION_RE.search(source)
    date = _SORT_DATE_RE.search(source)
    return _PageDetails(
        description=html.unescape(description.group(1)) if description else "",
        date=html.unescape(date.group(1)).strip() if date else "",
    )


def shorten(text: str, limit: int = SHARD_EXCERPT_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters + "…".

    >>> shorten("Một hai ba bốn năm", 9)
    'Một hai…'
    """
    text = " ".join(text.replace("¶", " ").split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else text[:limit]
    return cut.rstrip(" ,;:.–—-…") + "…"


def _excerpt(page: IndexedPage, details: _PageDetails) -> str:
    if details.description.strip():
        return shorten(details.description)
    content = page.content
    if page.title:
        # Pagefind's content starts with the breadcrumbs and the h1: skip to after it.
        at = content.replace("¶", "").find(page.title)
        if at >= 0:
            content = content.replace("¶", "")[at + len(page.title) :]
    return shorten(content.lstrip(" .:"))


def _kind_rank(kind: str) -> int:
    return KIND_PRIORITY.index(kind) if kind in KIND_PRIORITY else len(KIND_PRIORITY)


@dataclass
class _Candidate:
    page: IndexedPage
    words: set[str]
    title_words: set[str]
    date: str
    excerpt: str
    rank: int = 0
    pairs: set[str] = field(default_factory=set)
    title_pairs: set[str] = field(default_factory=set)

    def entry(self) -> dict[str, Any]:
        meta = {k: self.page.meta[k] for k in SHARD_META_KEYS if self.page.meta.get(k)}
        return {
            "url": self.page.url.lstrip("/"),
            "title": self.page.title or self.page.url,
            "meta": meta,
            "excerpt": self.excerpt,
            "rank": self.rank,
        }

    def in_title(self, key: str) -> bool:
        return key in (self.title_pairs if " " in key else self.title_words)


# Adjacent words count as a pair only inside a stretch of text without punctuation.
_PHRASE_BREAKS = ".,;:!?¶›»«()[]{}“”\"'‘’–—/|•·…"
_TOKEN_OR_BREAK_RE = re.compile(r"([a-z0-9]+)|[" + re.escape(_PHRASE_BREAKS) + r"]")


def folded_sequence(text: str) -> list[str]:
    """The folded words of ``text`` in order (see :func:`folded_words`)."""
    ascii_text = unicodedata.normalize("NFD", _strip_stroke(text)).encode("ascii", "ignore").lower()
    return [w.decode("ascii") for w in _ASCII_WORD_RE.findall(ascii_text)]


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


def shard_file_name(key: str) -> str:
    """File of the result list of a word (``sang.json``) or a pair (``sang_kien.json``)."""
    return key.replace(" ", "_") + ".json"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _shard(key: str, members: list[_Candidate], pages: int) -> dict[str, Any]:
    """The result list of ``key``; ``members``: the pages having it, in common order."""
    titled = list(itertools.islice((c for c in members if c.in_title(key)), SHARD_TITLE_ENTRIES))
    chosen = {id(c) for c in titled}
    ordered = itertools.chain(titled, (c for c in members if id(c) not in chosen))
    shard: dict[str, Any] = {"word": key, "total": len(members), "pages": pages, "entries": []}
    size = len(_dumps(shard).encode("utf-8"))
    for candidate in itertools.islice(ordered, SHARD_MAX_ENTRIES):
        entry = candidate.entry()
        grown = size + len(_dumps(entry).encode("utf-8")) + 1
        if grown > SHARD_MAX_BYTES and shard["entries"]:
            break
        shard["entries"].append(entry)
        size = grown
    return shard


@dataclass(frozen=True)
class CommonWords:
    """What :func:`write_common_index` wrote."""

    pages: int
    words: list[str]
    """Words on at least ``min_share`` of the pages (dropped from mixed queries)."""
    shards: dict[str, int]
    """Words that got a result list → number of pages they are on."""
    pairs: dict[str, int] = field(default_factory=dict)
    """Pairs (``"sang kien"``) that got a result list → number of pages they are on."""


def write_common_words(
    bundle_dir: Path,
    *,
    min_share: float = COMMON_WORD_SHARE,
    site_dir: Path | None = None,
    shard_share: float = COMMON_SHARD_SHARE,
    shard_min_pages: int = COMMON_SHARD_MIN_PAGES,
) -> list[str]:
    """Write ``COMMON_WORDS_FILE`` and the common-word result lists into a written bundle.

    Returns the words on at least ``min_share`` of the pages; see
    :func:`write_common_index` for the whole report.
    """
    return write_common_index(
        bundle_dir,
        min_share=min_share,
        site_dir=site_dir,
        shard_share=shard_share,
        shard_min_pages=shard_min_pages,
    ).words


def _top(counts: Counter[str], floor: float, limit: int) -> dict[str, int]:
    chosen = sorted((k for k, n in counts.items() if n >= floor), key=lambda k: (-counts[k], k))
    return {k: counts[k] for k in sorted(chosen[:limit])}


def write_common_index(
    bundle_dir: Path,
    *,
    min_share: float = COMMON_WORD_SHARE,
    site_dir: Path | None = None,
    shard_share: float = COMMON_SHARD_SHARE,
    shard_min_pages: int = COMMON_SHARD_MIN_PAGES,
    pair_share: float = COMMON_PAIR_SHARE,
) -> CommonWords:
    """Document frequencies of the bundle's pages → ``COMMON_WORDS_FILE`` + result lists.

    ``COMMON_WORDS_FILE`` (JSON, sorted keys)::

        {"pages": N, "min_share": 0.8, "words": [...],          # most common first
         "shards": {"dir": "showcase-common", "min_share": 0.3, "pair_min_share": 0.2,
                    "min_pages": 1000,
                    "words": {"kien": 9998, "sang": 10000, ...},   # word → pages
                    "pairs": {"sang kien": 9990, ...}}}           # pair → pages

    and for each word and pair the file ``<dir>/<word>.json`` or ``<dir>/<w1>_<w2>.json``::

        {"word": "sang", "total": 10000, "pages": N,
         "entries": [{"url": "sang-kien/x/", "title": "…", "meta": {"kind": "…",
                      "unit": "…", "year": "2022"}, "excerpt": "…", "rank": 17}, ...]}

    Words are folded syllables of the text Pagefind indexed (title, content and
    metadata); a pair is two of the listed words side by side, within a stretch of
    text without punctuation.  Entries: first up to ``SHARD_TITLE_ENTRIES`` pages
    whose title has the word (the pair), then the other pages having it; each
    group in the *common order*: kind of record (``KIND_PRIORITY``), then newest
    first (the page's ``date`` sort value), then URL.  ``rank`` is the page's
    position in that order, the same in every list.  ``url`` is relative to the
    site root (no leading slash), so it works under a sub-path.  ``site_dir`` is
    where the HTML pages are read for their description (the excerpt) and sort
    date; without it the excerpt comes from the indexed text and pages have no date.
    """
    pages = read_indexed_pages(bundle_dir)
    count = len(pages)
    candidates: list[_Candidate] = []
    df: Counter[str] = Counter()
    for page in pages:
        details = _page_details(site_dir, page.url)
        words = folded_words(page.text)
        df.update(words)
        candidates.append(
            _Candidate(
                page=page,
                words=words,
                title_words=folded_words(page.title),
                date=details.date,
                excerpt=_excerpt(page, details),
            )
        )
    words_list = _common_from_df(count, df, min_share, 500)

    # The common order: URL, then newest first (stable: undated pages last), then kind.
    ordered = sorted(candidates, key=lambda c: c.page.url)
    ordered.sort(key=lambda c: c.date, reverse=True)
    ordered.sort(key=lambda c: _kind_rank(c.page.meta.get("kind", "")))
    for rank, candidate in enumerate(ordered):
        candidate.rank = rank

    floor = max(1.0, shard_share * count, float(shard_min_pages))
    shard_words = _top(df, floor, COMMON_SHARD_MAX_WORDS)
    listed = frozenset(shard_words)
    pair_df: Counter[str] = Counter()
    for candidate in ordered:
        candidate.pairs = folded_pairs(candidate.page.text, listed)
        candidate.title_pairs = folded_pairs(candidate.page.title, listed)
        pair_df.update(candidate.pairs)
    pair_floor = max(1.0, pair_share * count, float(shard_min_pages))
    shard_pairs = _top(pair_df, pair_floor, COMMON_SHARD_MAX_PAIRS)

    members: dict[str, list[_Candidate]] = {k: [] for k in [*shard_words, *shard_pairs]}
    for candidate in ordered:
        for key in candidate.words.intersection(shard_words):
            members[key].append(candidate)
        for key in candidate.pairs.intersection(shard_pairs):
            members[key].append(candidate)
        candidate.pairs = set()  # only needed for counting and membership

    shard_dir = bundle_dir / COMMON_SHARDS_DIR
    if shard_dir.exists():
        shutil.rmtree(shard_dir)
    if members:
        shard_dir.mkdir(parents=True)
    for key, pages_with_key in members.items():
        (shard_dir / shard_file_name(key)).write_text(
            _dumps(_shard(key, pages_with_key, count)), encoding="utf-8"
        )

    payload = {
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


async def _index(
    site_dir: Path,
    output_dir: Path,
    *,
    force_language: str,
    glob: str | None,
    exclude_selectors: Sequence[str],
    root_selector: str | None,
) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        force_language=force_language,
        keep_index_url=False,
        write_playground=False,
        output_path=str(output_dir),
    )
    selectors = [*DEFAULT_EXCLUDE_SELECTORS, *exclude_selectors]
    config["exclude_selectors"] = list(dict.fromkeys(selectors))
    if root_selector:
        config["root_selector"] = root_selector
    index = PagefindIndex(config=config)
    async with index:
        result = await index.add_directory(str(site_dir), glob=glob)
        html_files = int(result["page_count"])
        # The context manager writes the bundle on a clean exit.
    return html_files


def index_site(
    site_dir: Path,
    *,
    output_subdir: str = "pagefind",
    force_language: str = FORCE_LANGUAGE,
    glob: str | None = None,
    exclude_selectors: Sequence[str] = (),
    root_selector: str | None = None,
    common_word_share: float | None = COMMON_WORD_SHARE,
    shard_share: float = COMMON_SHARD_SHARE,
    shard_min_pages: int = COMMON_SHARD_MIN_PAGES,
    pair_share: float = COMMON_PAIR_SHARE,
) -> IndexReport:
    """Index the built HTML under ``site_dir`` and write the bundle to ``site_dir/output_subdir``.

    Any previous bundle in that folder is removed first: Pagefind names its
    chunks by content hash and would otherwise leave stale ones behind.

    :param force_language: one index for the whole site as this ISO 639-1 language.
    :param glob: which files to index, relative to ``site_dir`` (Pagefind's default
        is every ``.html`` file).
    :param exclude_selectors: extra CSS selectors Pagefind should skip (besides
        ``DEFAULT_EXCLUDE_SELECTORS``).
    :param root_selector: element treated as the page root (default ``html``).
    :param common_word_share: also write ``COMMON_WORDS_FILE`` with the words on at
        least this share of the pages, and the common-word result lists
        (:func:`write_common_index`); ``None`` to skip both.
    :param shard_share: a word gets a result list when it is on at least this
        share of the pages …
    :param shard_min_pages: … and on at least this many pages.
    :param pair_share: two of those words side by side get a list when the pair is
        on at least this share of the pages (and on ``shard_min_pages``).
    :raises FileNotFoundError: ``site_dir`` is not a folder.
    :raises ValueError: ``output_subdir`` is not a relative folder inside the site,
        or names an existing folder that is not a Pagefind bundle.
    :raises SearchIndexError: Pagefind failed.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir).resolve()
    if not site_dir.is_dir():
        raise FileNotFoundError(f"site folder not found: {site_dir}")
    output_dir = _output_dir(site_dir, output_subdir)
    if output_dir.is_symlink() or output_dir.is_file():
        output_dir.unlink()
    elif output_dir.exists():
        if any(output_dir.iterdir()) and not (output_dir / "pagefind-entry.json").exists():
            raise ValueError(f"{output_dir} exists and is not a Pagefind bundle; not replacing it")
        shutil.rmtree(output_dir)

    try:
        html_files = _run(
            _index(
                site_dir,
                output_dir,
                force_language=force_language,
                glob=glob,
                exclude_selectors=exclude_selectors,
                root_selector=root_selector,
            )
        )
    except FileNotFoundError as exc:  # no pagefind binary
        raise SearchIndexError(f"Pagefind is not installed: {exc}") from exc
    except Exception as exc:  # the service reports failures as bare Exceptions
        raise SearchIndexError(f"Pagefind failed to index {site_dir}: {exc}") from exc

    if not output_dir.is_dir():
        raise SearchIndexError(f"Pagefind wrote no bundle to {output_dir}")
    common = CommonWords(pages=0, words=[], shards={})
    if common_word_share is not None:
        common = write_common_index(
            output_dir,
            min_share=common_word_share,
            site_dir=site_dir,
            shard_share=shard_share,
            shard_min_pages=shard_min_pages,
            pair_share=pair_share,
        )
    files = [p for p in output_dir.rglob("*") if p.is_file()]
    fragments = output_dir / "fragment"
    report = IndexReport(
        pages=sum(1 for _ in fragments.iterdir()) if fragments.is_dir() else 0,
        html_files=html_files,
        files=len(files),
        bytes_written=sum(p.stat().st_size for p in files),
        seconds=time.perf_counter() - started,
        output_dir=output_dir,
        common_words=tuple(common.words),
        shard_words=tuple(common.shards),
        shard_pairs=tuple(common.pairs),
    )
    log.info(
        "pagefind: indexed %d of %d HTML files, wrote %d files (%d bytes, "
        "%d common-word result lists) in %.1f s",
        report.pages,
        report.html_files,
        report.files,
        report.bytes_written,
        len(report.shard_words) + len(report.shard_pairs),
        report.seconds,
    )
    return report
