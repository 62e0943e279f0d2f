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
import logging
import re
import shutil
import time
import unicodedata
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

log = logging.getLogger(__name__)

#: Language every page is indexed as.  Pagefind has no Vietnamese stemmer, so
#: this gives one index (``pagefind.vi_*.pf_meta``) whatever ``<html lang>`` says,
#: with words split on spaces and punctuation, which suits Vietnamese syllables.
FORCE_LANGUAGE = "vi"

#: Name of the metadata field that holds the folded words (see module docstring).
FOLDED_META_KEY = "folded"

_T = TypeVar("_T")

_D_TRANSLATION = str.maketrans({"đ": "d", "Đ": "D"})
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


# --------------------------------------------------------------------------- folding


def fold_vietnamese(text: str) -> str:
    """Lower-case ``text`` and strip Vietnamese diacritics, ``đ`` included.

    >>> fold_vietnamese("Đổi mới ở Đà Nẵng")
    'doi moi o da nang'
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TRANSLATION))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


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
            if only_d_words and "đ" not in word and "Đ" not in word:
                continue
            folded = fold_vietnamese(word)
            if not only_d_words and folded == word.lower():
                continue
            seen.setdefault(folded, None)
    return " ".join(seen)


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
) -> IndexReport:
    """Index the built HTML under ``site_dir`` and write the bundle to ``site_dir/output_subdir``.

    Any previous bundle in that folder is removed first: Pagefind names its
    chunks by content hash and would otherwise leave stale ones behind.

    :param force_language: one index for the whole site as this ISO 639-1 language.
    :param glob: which files to index, relative to ``site_dir`` (Pagefind's default
        is every ``.html`` file).
    :param exclude_selectors: extra CSS selectors Pagefind should skip.
    :param root_selector: element treated as the page root (default ``html``).
    :raises FileNotFoundError: ``site_dir`` is not a folder.
    :raises ValueError: ``output_subdir`` is not a relative folder inside the site.
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
    files = [p for p in output_dir.rglob("*") if p.is_file()]
    fragments = output_dir / "fragment"
    report = IndexReport(
        pages=sum(1 for _ in fragments.iterdir()) if fragments.is_dir() else 0,
        html_files=html_files,
        files=len(files),
        bytes_written=sum(p.stat().st_size for p in files),
        seconds=time.perf_counter() - started,
        output_dir=output_dir,
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
