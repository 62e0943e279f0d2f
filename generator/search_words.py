"""The word index: folded word → documents, so that a text query fetches a few small files.

Pagefind loads, before its first query, a metadata file that grows with the number of
pages (about 6.5 bytes a page compressed, 320 KB at 50,000 records, plus 150 KB of
JavaScript and WebAssembly), and index chunks of up to 400 KB: no text query stays
under 300 KB at that size.  This index is fetched word by word instead.  Every
document has its *ordinal* (``generator.search_filters.date_order``); for every folded
word (tone marks and ``đ`` folded, lower case: ``generator.search.folded_sequence``)
the index holds the ordinals of the documents having it in their title, in their
names and in their text, and, for words written in several ways ("năng", "nẵng"),
the ordinals of each written form, so that a query typed with diacritics ranks exact
matches first.

Files, under ``<bundle>/showcase-index/`` (JSON, sorted keys)::

    vocab/<p>.json   [["word", documents, forms, pairs], ...]   the words beginning with
                     the two letters <p> (one letter for one-letter words), most
                     frequent first; ``forms`` is the only written form (a string) or
                     how many there are (2 or more: see form/); ``pairs`` is 1 when
                     pair/<w>.json exists, else 0 (a missing file would cost a 404, and a
                     static host answers it with the site's whole 404 page)
    word/<w>.json    {"n": documents, "t": ids, "m": ids, "x": ids}
                     title, names, text (a field without the word is left out)
    form/<w>.json    {"năng": ids, "nẵng": ids}   only for words with several forms
    pair/<w>.json    {"next": ids, ...}   documents whose title has <w> followed by
                     "next" (folded words side by side): the query as a phrase in a
                     title ranks first without fetching any title

``ids`` are encoded as in ``generator.search_filters.encode_ids``.  The browser
(``showcase-search-core.js``, ``searchWords``) intersects the words' documents,
orders them: documents holding every word typed with diacritics in that form first,
then those whose title has the query as a phrase, then every query word, then by
score (title 10, names 3, text 1, times the word's inverse document frequency), then
newest first.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.search_docs import SearchDoc
from generator.search_filters import encode_ids
from generator.vietnamese import fold

#: Letters of a word that name its vocabulary file.
PREFIX_LETTERS = 2

# A word: letters, digits and combining marks (showcase-search-core.js splits on
# [^\p{L}\p{N}\p{M}]); "_" separates words there too.
_WORD_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff])+")
_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]+")


def word_tokens(text: str) -> list[tuple[str, str]]:
    """``(exact, folded)`` for every word of ``text``: NFC lower case, and folded to
    ``[a-z0-9]`` (words with nothing left are dropped).  ``tokens()`` of
    showcase-search-core.js gives the same pairs (tests/js/fold-cases.json).

    >>> word_tokens("Đổi mới, ĐÀ Nẵng!")
    [('đổi', 'doi'), ('mới', 'moi'), ('đà', 'da'), ('nẵng', 'nang')]
    """
    out = []
    for match in _WORD_RE.finditer(unicodedata.normalize("NFC", text)):
        word = match.group(0)
        folded = _NOT_ASCII_WORD.sub("", fold(word).lower())
        if folded:
            out.append((word.lower(), folded))
    return out


def vocab_prefix(word: str) -> str:
    """The vocabulary file of ``word``: its first ``PREFIX_LETTERS`` letters."""
    return word[:PREFIX_LETTERS]


@dataclass(frozen=True)
class WordReport:
    """What :func:`write_word_index` wrote."""

    words: int
    files: int
    bytes_written: int
    prefixes: tuple[str, ...] = ()
    """The vocabulary files written (``index.json`` lists them, for the same reason)."""


def _write(path: Path, value: Any) -> int:
    data = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    raw = data.encode("utf-8")
    path.write_bytes(raw)
    return len(raw)


def write_word_index(out_dir: Path, docs: Sequence[SearchDoc], order: Sequence[int]) -> WordReport:
    """Write ``vocab/``, ``word/`` and ``form/`` of ``docs`` (``order``: indexes of ``docs``
    by ordinal) into ``out_dir``, replacing those folders."""
    for name in ("vocab", "word", "form", "pair"):
        if (out_dir / name).exists():
            shutil.rmtree(out_dir / name)
        (out_dir / name).mkdir(parents=True)
    count = len(order)
    # word → ordinals per field; arrays keep 4 bytes an entry (7.5 million at 50,000 records)
    fields: dict[str, tuple[array[int], array[int], array[int]]] = {}
    forms: dict[str, dict[str, array[int]]] = {}
    pairs: dict[str, dict[str, array[int]]] = {}
    for ordinal, index in enumerate(order):
        doc = docs[index]
        title = [folded for _, folded in word_tokens(doc.title)]
        for first, second in dict.fromkeys(itertools.pairwise(title)):
            pairs.setdefault(first, {}).setdefault(second, array("I")).append(ordinal)
        seen_forms: set[tuple[str, str]] = set()
        extra = " ".join(doc.meta.get(k, "") for k in ("kind", "year"))
        for slot, text in enumerate((doc.title, doc.names, f"{doc.text} {extra}")):
            seen: set[str] = set()
            for exact, folded in word_tokens(text):
                seen_forms.add((folded, exact))
                if folded in seen:
                    continue
                seen.add(folded)
                entry = fields.get(folded)
                if entry is None:
                    entry = fields[folded] = (array("I"), array("I"), array("I"))
                entry[slot].append(ordinal)
        for folded, exact in seen_forms:
            forms.setdefault(folded, {}).setdefault(exact, array("I")).append(ordinal)

    written = 0
    files = 0
    vocab: dict[str, list[list[Any]]] = {}
    for word in sorted(fields):
        in_title, in_names, in_text = fields[word]
        documents = len(set(in_title) | set(in_names) | set(in_text))
        payload: dict[str, Any] = {"n": documents}
        for key, ordinals in (("t", in_title), ("m", in_names), ("x", in_text)):
            if ordinals:
                payload[key] = encode_ids(ordinals, count)
        written += _write(out_dir / "word" / f"{word}.json", payload)
        files += 1
        written_forms = forms[word]
        if len(written_forms) > 1:
            written += _write(
                out_dir / "form" / f"{word}.json",
                {form: encode_ids(ords, count) for form, ords in sorted(written_forms.items())},
            )
            files += 1
            shape: str | int = len(written_forms)
        else:
            shape = next(iter(written_forms))
        vocab.setdefault(vocab_prefix(word), []).append(
            [word, documents, shape, 1 if word in pairs else 0]
        )
    for first, following in pairs.items():
        written += _write(
            out_dir / "pair" / f"{first}.json",
            {second: encode_ids(ords, count) for second, ords in sorted(following.items())},
        )
        files += 1
    for prefix, entries in vocab.items():
        entries.sort(key=lambda e: (-e[1], e[0]))
        written += _write(out_dir / "vocab" / f"{prefix}.json", entries)
        files += 1
    return WordReport(
        words=len(fields), files=files, bytes_written=written, prefixes=tuple(sorted(vocab))
    )
