"""Search: the index stage (design §1, §4), fed with search documents, not with built HTML.

The contract between the generator and search
---------------------------------------------

The generator hands the index stage a list of :class:`~generator.search_docs.SearchDoc`
(``generator.search_docs.search_documents(site)``): per searchable page its URL
(site-relative, ``sang-kien/x/``), title, kind label, *names* (people and units it
names), plain *text* (the record's own words: summary, description, tags…; never
navigation, field labels, table headers or the example notice), *description* (shown
under list results), *filters* (facet key → values; keys declared in
``generator.kinds``), *meta* (``kind``, ``unit``, ``year``: shown under a result) and
*sort* keys (``date``, ``benefit``).  :func:`index_documents` writes, under
``<site>/pagefind/``:

1. **The search index** (``showcase-index/``, :func:`write_search_index`): every document
   gets an ordinal (newest first); per facet value the ordinals having it
   (``generator.search_filters``), per folded word the ordinals having it in the title,
   the names or the text, and per written form (``generator.search_words``), plus the
   result rows (title, facts, description) by ordinal.  The browser answers text
   queries and filters from these files, fetching only the words and values a query
   names: a few files of at most ``count / 8`` bytes each (6 KB at 50,000 records).
2. **Pagefind's bundle**, built through its Python API (``PagefindIndex``) from one
   small synthetic HTML file per document (:func:`document_html`): the title in an
   ``<h1>`` weighted ``TITLE_WEIGHT`` (and Pagefind's ``title`` metadata), the names
   weighted ``NAMES_WEIGHT``, the text at weight 1, filters, metadata and sort keys as
   attributes, and the folded ``đ`` words as the searchable metadata field
   ``FOLDED_META_KEY`` (Pagefind folds tone marks but treats ``đ`` as a letter of its
   own).  The browser uses Pagefind for what the word index cannot do: quoted
   phrases ("…"), with excerpts around the matching words.  Pagefind's indexer keeps
   about 120 KB per document until it writes, so documents are split into bundles of
   at most ``BUNDLE_DOCS``, indexed one after the other and merged in the browser;
   a warm build keeps the bundles whose documents did not change (``reuse``).
   Each bundle is written from a temporary folder with one ``add_directory`` call: the
   Python wrapper reads one reply of the Pagefind service per 0.1 s, so 50,000
   ``add_html_file`` calls would take 1.4 hours.

Everything written is a function of the documents (sorted keys, stable orders), apart
from Pagefind's own hash-ordered filter and metadata maps
(``tests/test_determinism.py``).  Measurements: ``docs_dev/search-performance.md``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import html
import json
import logging
import re
import shutil
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from generator.kinds import SORT_KEY
from generator.search_docs import SearchDoc
from generator.search_filters import INDEX_DIR, FilterReport, date_order, write_filter_index
from generator.search_words import PREFIX_LETTERS, WordReport, write_word_index
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
#: Metadata shown under each Pagefind result.
META_KEYS = ("kind", "unit", "year")

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
class SearchIndexReport:
    """What :func:`write_search_index` wrote."""

    filters: FilterReport
    words: WordReport


@dataclass(frozen=True)
class IndexReport:
    """What :func:`index_documents` did."""

    pages: int
    """Documents in Pagefind's bundles (one fragment each)."""
    bundles: int
    """Pagefind bundles (``BUNDLE_DOCS`` documents at most each)."""
    files: int
    """Files written under the output folder."""
    bytes_written: int
    """Total size of those files, in bytes."""
    seconds: float
    """Wall-clock time of the whole call."""
    output_dir: Path
    """The bundle folder, ``site_dir / output_subdir``."""
    index: SearchIndexReport | None = field(default=None, repr=False)
    """What the search index (filters and words) holds."""


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


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


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
    if doc.sort.get(SORT_KEY):  # the only order the search page offers
        spans.append(("sort", SORT_KEY, doc.sort[SORT_KEY]))
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


#: Attempts at one Pagefind bundle (see :func:`_bundle_written`).
BUNDLE_ATTEMPTS = 3


def _bundle_written(output_dir: Path, pages: int) -> bool:
    """Whether Pagefind's bundle at ``output_dir`` is whole: its entry file names ``pages``
    pages and a metadata file that exists.

    The Python wrapper terminates the Pagefind service as soon as it has answered the
    write request; on a loaded machine the service may still be writing, and the bundle
    is left with an empty ``pagefind-entry.json`` (seen once at 50,000 records with a
    load average of 27).
    """
    try:
        entry = json.loads((output_dir / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = entry["languages"].values()
        counted = sum(int(language["page_count"]) for language in languages)
        metas = [output_dir / f"pagefind.{language['hash']}.pf_meta" for language in languages]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    return counted == pages and all(m.is_file() and m.stat().st_size > 0 for m in metas)


def _index_bundle(docs: Sequence[SearchDoc], output_dir: Path, *, force_language: str) -> int:
    """One Pagefind bundle of ``docs`` at ``output_dir``; returns the pages indexed."""
    with tempfile.TemporaryDirectory(prefix="showcase-search-") as tmp:
        source = Path(tmp)
        for doc in docs:
            path = _doc_path(source, doc.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(document_html(doc), encoding="utf-8")
        for attempt in range(1, BUNDLE_ATTEMPTS + 1):
            try:
                pages = _run(_index(source, output_dir, force_language=force_language))
            except FileNotFoundError as exc:  # no pagefind binary
                raise SearchIndexError(f"Pagefind is not installed: {exc}") from exc
            except Exception as exc:  # the service reports failures as bare Exceptions
                raise SearchIndexError(f"Pagefind failed to index the documents: {exc}") from exc
            if _bundle_written(output_dir, pages):
                return pages
            log.warning("search: Pagefind left %s incomplete (attempt %d)", output_dir, attempt)
            shutil.rmtree(output_dir, ignore_errors=True)
    raise SearchIndexError(f"Pagefind wrote no whole bundle to {output_dir}")


def _bundle_key(docs: Sequence[SearchDoc], force_language: str, salt: str) -> str:
    """What a Pagefind bundle is made of: its documents' files and the code that made them."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{salt}\0{force_language}\0{len(docs)}".encode())
    for doc in docs:
        digest.update(f"\0{doc.url}\0{document_html(doc)}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _kept_bundles(
    bundles: list[Path], reuse: Path | None, keys: list[str], parts: list[list[SearchDoc]]
) -> set[int]:
    """The bundles already at ``bundles`` that are made of the same documents."""
    if reuse is None or not reuse.is_file() or not bundles[0].is_dir():
        return set()
    try:
        old = json.loads(reuse.read_text(encoding="utf-8"))["keys"]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    if not isinstance(old, list) or len(old) != len(keys):
        return set()
    kept = set()
    for n, (key, part, target) in enumerate(zip(keys, parts, bundles, strict=True)):
        if old[n] == key and _bundle_written(target, len(part)):
            kept.add(n)
    return kept


def _replace_root_bundle(
    docs: Sequence[SearchDoc], output_dir: Path, force_language: str, reuse: Path | None
) -> int:
    """Index the first bundle again in place of the old one, keeping the others inside it."""
    scratch = reuse.parent if reuse is not None else output_dir.parent
    with tempfile.TemporaryDirectory(prefix="showcase-bundle-", dir=scratch) as tmp:
        fresh = Path(tmp) / "bundle"
        pages = _index_bundle(docs, fresh, force_language=force_language)
        for entry in output_dir.iterdir():
            if entry.name in (BUNDLES_DIR, INDEX_DIR):
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        for entry in fresh.iterdir():
            shutil.move(str(entry), output_dir / entry.name)
    return pages


def write_search_index(
    out_dir: Path, docs: Sequence[SearchDoc], *, bundles: Sequence[str] = ()
) -> SearchIndexReport:
    """Write the filter index, the word index and ``index.json`` of ``docs`` into ``out_dir``.

    ``index.json``: the filter index's manifest (``generator.search_filters``) plus
    ``words`` ({"prefix": letters per vocabulary file, "count": words, "files": the
    vocabulary files}) and ``bundles``
    (the other Pagefind bundles, relative to the main one).
    """
    order = date_order(docs)
    filters = write_filter_index(out_dir, docs, order)
    words = write_word_index(out_dir, docs, order)
    manifest = {
        **filters.manifest,
        "words": {"prefix": PREFIX_LETTERS, "count": words.words, "files": list(words.prefixes)},
        "bundles": list(bundles),
    }
    (out_dir / "index.json").write_text(_dumps(manifest), encoding="utf-8")
    return SearchIndexReport(filters=filters, words=words)


def index_documents(
    docs: Sequence[SearchDoc],
    site_dir: Path,
    *,
    output_subdir: str = "pagefind",
    force_language: str = FORCE_LANGUAGE,
    bundle_docs: int = BUNDLE_DOCS,
    reuse: Path | None = None,
    salt: str = "",
) -> IndexReport:
    """Index ``docs`` and write the search files to ``site_dir/output_subdir``.

    Writes Pagefind's bundles and the search index (see the module docstring).  Any
    previous bundle in that folder is removed first: Pagefind names its chunks by
    content hash and would otherwise leave stale ones behind.

    With ``reuse`` (a file kept between builds, outside the site), a Pagefind bundle
    whose documents are the same as in the last index (the same ``salt``: the code that
    made them) is kept as it is: after one title edit at 50,000 records, one bundle of
    five is indexed again.  Files are unlinked and written anew, never rewritten in place.

    :param force_language: one Pagefind index for the whole site as this ISO 639-1 language.
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

    # Pagefind's indexer keeps about 120 KB per document until it writes (1.3 GB at
    # 10,000 records): documents are split into bundles of at most bundle_docs, each
    # indexed by its own Pagefind process in turn, and merged in the browser
    # (pagefind.mergeIndex).  Round robin over the date order: every bundle holds
    # every kind and year alike (comparable scores), and a date-sorted search merged
    # across bundles is in date order to within a few places.
    order = date_order(docs)
    count = max(1, -(-len(docs) // bundle_docs))
    parts = [[docs[i] for i in order[n::count]] for n in range(count)]
    keys = [_bundle_key(part, force_language, salt) for part in parts]
    output_dir = _output_dir(site_dir, output_subdir)
    bundles = [output_dir] + [output_dir / BUNDLES_DIR / str(n) for n in range(1, count)]
    kept = _kept_bundles(bundles, reuse, keys, parts)
    if reuse is not None:
        # Until the new keys are written, no bundle counts as made of anything.
        reuse.unlink(missing_ok=True)
    if not kept:
        _prepare_output(site_dir, output_subdir)
    indexed = 0
    for n, (part, target) in enumerate(zip(parts, bundles, strict=True)):
        if n in kept:
            indexed += len(part)
        elif kept and n == 0:
            indexed += _replace_root_bundle(part, target, force_language, reuse)
        else:
            shutil.rmtree(target, ignore_errors=True)
            indexed += _index_bundle(part, target, force_language=force_language)
    if reuse is not None:
        reuse.parent.mkdir(parents=True, exist_ok=True)
        reuse.write_text(json.dumps({"keys": keys}), encoding="utf-8")
    shutil.rmtree(output_dir / INDEX_DIR, ignore_errors=True)
    if not output_dir.is_dir():
        raise SearchIndexError(f"Pagefind wrote no bundle to {output_dir}")
    index = write_search_index(
        output_dir / INDEX_DIR, docs, bundles=[f"{BUNDLES_DIR}/{n}/" for n in range(1, count)]
    )
    files = [p for p in output_dir.rglob("*") if p.is_file()]
    report = IndexReport(
        pages=indexed,
        bundles=count,
        files=len(files),
        bytes_written=sum(p.stat().st_size for p in files),
        seconds=time.perf_counter() - started,
        output_dir=output_dir,
        index=index,
    )
    log.info(
        "search: %d documents in %d Pagefind bundle(s), %d words, %d facet values; "
        "%d files (%d bytes) in %.1f s",
        report.pages,
        report.bundles,
        index.words.words,
        index.filters.lists,
        report.files,
        report.bytes_written,
        report.seconds,
    )
    return report
