"""The build cache of checked records: a file already parsed and validated is not read twice.

Parsing a record and checking it on its own depend only on the file's bytes, its path,
the day (dates in the future are checked against today) and the generator's code; so
their results are kept in an SQLite file of the project's cache folder, keyed by a hash
of those, and a later check of the same content reads them back instead of working
again.  Only what the linker needs across files is recomputed on every check.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import functools
import hashlib
import multiprocessing
import pickle
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.incremental import code_version
from generator.loader import ParseResult, RawRecord, parse_yaml
from generator.model import RecordBase
from generator.problems import Problem
from generator.validate import validate_record

ValidateResult = tuple[RecordBase | None, list[Problem]]

#: Old entries kept beyond twice the used ones before forgetting (a branch switched back).
SPARE_ROWS = 1000


class RecordCache:
    """Parse and validation results by content hash, in ``path`` (SQLite)."""

    def __init__(self, path: Path, today: dt.date) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.salt = f"{code_version()}\0{today.isoformat()}"
        self.today = today
        self.db = sqlite3.connect(str(path))
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB)")
        self.new: list[tuple[str, bytes]] = []
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def _key(self, *parts: str) -> str:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(self.salt.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _get(self, key: str) -> Any:
        self.used.add(key)
        row = self.db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def _remember(self, key: str, value: Any) -> None:
        self.new.append((key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

    def parse(self, raw: bytes, display: str) -> ParseResult:
        return self.parse_all([(raw, display)])[0]

    def parse_all(self, items: list[tuple[bytes, str]], jobs: int = 1) -> list[ParseResult]:
        """Results of every file: from the cache, or parsed (by worker processes when many)."""
        keys = [
            self._key("parse", display, hashlib.blake2b(raw, digest_size=20).hexdigest())
            for raw, display in items
        ]
        results: list[ParseResult | None] = [self._get(key) for key in keys]
        missing = [i for i, found in enumerate(results) if found is None]
        self.hits += len(items) - len(missing)
        self.misses += len(missing)
        parsed = parse_many([items[i] for i in missing], jobs)
        for index, result in zip(missing, parsed, strict=True):
            results[index] = result
            self._remember(keys[index], result)
        return [r for r in results if r is not None]

    def validate(self, raw: RawRecord, today: dt.date) -> ValidateResult:
        key = self._key("validate", raw.kind, raw.id, raw.path, raw.digest, today.isoformat())
        found = self._get(key)
        if found is not None:
            return found  # type: ignore[no-any-return]
        result = validate_record(raw, today)
        self._remember(key, result)
        return result

    def close(self, *, saw_everything: bool = True) -> None:
        """Store what was new, and forget old entries once they outnumber the used ones.

        Only a caller that looked up every file of the content (``saw_everything``) may
        forget: the preview asks only for the files changed since its last check, and
        forgetting the rest would empty the cache the next ``showcase build`` reads.
        """
        if self.new:
            self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self.new)
        if saw_everything:
            self._forget_unused()
        self.db.commit()
        self.new = []
        self.db.close()

    def _forget_unused(self) -> None:
        (rows,) = self.db.execute("SELECT COUNT(*) FROM results").fetchone()
        if rows > 2 * len(self.used) + SPARE_ROWS:
            self.db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
            self.db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in self.used))
            self.db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM used)")


ParseAll = Callable[[list[tuple[bytes, str]]], list[ParseResult]]
Validate = Callable[[RawRecord, dt.date], ValidateResult]


def cached(cache: RecordCache | None, jobs: int = 1) -> tuple[ParseAll, Validate]:
    """The parse-every-file and validate functions to give the loader and the validator."""
    if cache is None:
        return functools.partial(parse_many, jobs=jobs), validate_record
    return functools.partial(cache.parse_all, jobs=jobs), cache.validate


#: Below this many files, parsing in this process is quicker than forking workers.
MIN_PARALLEL_FILES = 2000


def _parse_chunk(chunk: list[tuple[bytes, str]]) -> list[ParseResult]:
    return [parse_yaml(raw, display) for raw, display in chunk]


def parse_many(items: list[tuple[bytes, str]], jobs: int = 1) -> list[ParseResult]:
    """``parse_yaml`` of every file, by ``jobs`` forked worker processes when there are many."""
    if jobs <= 1 or len(items) < MIN_PARALLEL_FILES:
        return _parse_chunk(items)
    size = -(-len(items) // (jobs * 4))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context) as pool:
        return [result for part in pool.map(_parse_chunk, chunks) for result in part]
