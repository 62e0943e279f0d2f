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
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gzip
import json
import logging
import re
import shutil
import time
import unicodedata
from collections import Counter
from collections.abc import Coroutine, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

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

_T = TypeVar("_T")

# Combining diacritical marks (and their supplements), deleted after NFD.
_MARKS_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
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


# --------------------------------------------------------------------------- folding


def _strip_stroke(text: str) -> str:
    # Legacy encoders sometimes write Ð (eth) for Đ; generator.vietnamese.fold agrees.
    return text.replace("đ", "d").replace("Đ", "D").replace("Ð", "D")


def fold_vietnamese(text: str) -> str:
    """Lower-case ``text`` and strip Vietnamese diacritics, ``đ`` included.

    >>> fold_vietnamese("Đổi mới ở Đà Nẵng")
    'doi moi o da nang'
    """
    decomposed = unicodedata.normalize("NFD", _strip_stroke(text))
    return unicodedata.normalize("NFC", _MARKS_RE.sub("", decomposed)).lower()


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


def document_frequencies(texts: Iterable[str]) -> tuple[int, Counter[str]]:
    """Number of texts, and in how many of them each folded word occurs.

    A fast approximation of :func:`fold_vietnamese` + word split, good for
    Vietnamese and other Latin-script text: letters that do not decompose to
    ASCII (other scripts) are not counted.
    """
    count = 0
    df: Counter[str] = Counter()
    for text in texts:
        count += 1
        ascii_text = (
            unicodedata.normalize("NFD", _strip_stroke(text)).encode("ascii", "ignore").lower()
        )
        df.update({w.decode("ascii") for w in _ASCII_WORD_RE.findall(ascii_text)})
    return count, df


def common_words(
    texts: Iterable[str], *, min_share: float = COMMON_WORD_SHARE, limit: int = 500
) -> tuple[int, list[str]]:
    """Folded words that occur in at least ``min_share`` of ``texts``, most common first.

    Returns the number of texts as well.  Single characters and numbers are left
    out: Pagefind matches query words as prefixes, and dropping "1" or "a" from a
    query would change what it means more than it saves.
    """
    count, df = document_frequencies(texts)
    if count == 0:
        return 0, []
    floor = max(1.0, min_share * count)
    words = [
        w
        for w, n in sorted(df.items(), key=lambda item: (-item[1], item[0]))
        if n >= floor and len(w) > 1 and not w.isdigit()
    ]
    return count, words[:limit]


def _fragment_texts(bundle_dir: Path) -> Iterable[str]:
    """Indexed text (title and content) of every page of a written bundle.

    Reads Pagefind's fragment files (gzip of ``pagefind_dcd`` + JSON); an
    unreadable fragment is skipped.
    """
    fragments = bundle_dir / "fragment"
    if not fragments.is_dir():
        return
    for path in fragments.iterdir():
        try:
            raw = gzip.decompress(path.read_bytes())
            if raw.startswith(_FRAGMENT_SIGNATURE):
                raw = raw[len(_FRAGMENT_SIGNATURE) :]
            data = json.loads(raw)
        except (OSError, ValueError, EOFError):
            log.debug("pagefind: unreadable fragment %s", path)
            continue
        if isinstance(data, dict):
            meta = data.get("meta")
            title = meta.get("title", "") if isinstance(meta, dict) else ""
            yield f"{title} {data.get('content', '')}"


def write_common_words(bundle_dir: Path, *, min_share: float = COMMON_WORD_SHARE) -> list[str]:
    """Write ``COMMON_WORDS_FILE`` into a written bundle and return its words."""
    pages, words = common_words(_fragment_texts(bundle_dir), min_share=min_share)
    payload = {"pages": pages, "min_share": min_share, "words": words}
    (bundle_dir / COMMON_WORDS_FILE).write_text(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return words


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
    if exclude_selectors:
        config["exclude_selectors"] = list(exclude_selectors)
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
) -> IndexReport:
    """Index the built HTML under ``site_dir`` and write the bundle to ``site_dir/output_subdir``.

    Any previous bundle in that folder is removed first: Pagefind names its
    chunks by content hash and would otherwise leave stale ones behind.

    :param force_language: one index for the whole site as this ISO 639-1 language.
    :param glob: which files to index, relative to ``site_dir`` (Pagefind's default
        is every ``.html`` file).
    :param exclude_selectors: extra CSS selectors Pagefind should skip.
    :param root_selector: element treated as the page root (default ``html``).
    :param common_word_share: also write ``COMMON_WORDS_FILE`` with the words on at
        least this share of the pages; ``None`` to skip.
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
    common: list[str] = []
    if common_word_share is not None:
        common = write_common_words(output_dir, min_share=common_word_share)
    files = [p for p in output_dir.rglob("*") if p.is_file()]
    fragments = output_dir / "fragment"
    report = IndexReport(
        pages=sum(1 for _ in fragments.iterdir()) if fragments.is_dir() else 0,
        html_files=html_files,
        files=len(files),
        bytes_written=sum(p.stat().st_size for p in files),
        seconds=time.perf_counter() - started,
        output_dir=output_dir,
        common_words=tuple(common),
    )
    log.info(
        "pagefind: indexed %d of %d HTML files, wrote %d files (%d bytes) in %.1f s",
        report.pages,
        report.html_files,
        report.files,
        report.bytes_written,
        report.seconds,
    )
    return report
