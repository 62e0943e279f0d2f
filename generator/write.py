"""Write generated files to disk, touching only those whose bytes changed.

MkDocs' ``--dirty`` and ``serve`` compare modification times, and ``serve``
watches the docs folder: rewriting unchanged pages would rebuild everything
(or loop forever).  Files that are no longer generated are deleted.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

KEEP = {".gitkeep"}


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)


def write_tree(
    out_dir: Path,
    files: Mapping[str, bytes],
    copies: Mapping[str, Path] | None = None,
    keep: Iterable[str] = (),
) -> WriteReport:
    """Make ``out_dir`` hold exactly ``files`` (bytes), ``copies`` (copied from source paths)
    and the files named in ``keep``, which are already there and stay as they are."""
    report = WriteReport()
    out_dir.mkdir(parents=True, exist_ok=True)
    kept = set(keep)
    report.unchanged += len(kept)
    wanted = set(files) | set(copies or {}) | kept
    report.written = write_files(out_dir, files)
    report.unchanged += len(files) - len(report.written)
    for rel, source in sorted((copies or {}).items()):
        target = out_dir / rel
        if _same_copy(source, target):
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(_read_regular(source))
        shutil.copystat(source, tmp, follow_symlinks=False)
        tmp.replace(target)
        report.written.append(rel)
    root = str(out_dir)
    for dirpath, _, names in os.walk(root, topdown=False):
        prefix = os.path.relpath(dirpath, root).replace(os.sep, "/") + "/"
        prefix = "" if prefix == "./" else prefix
        for name in names:
            rel = prefix + name
            if rel not in wanted and name not in KEEP:
                os.unlink(os.path.join(dirpath, name))
                report.deleted.append(rel)
        if dirpath != root and not os.listdir(dirpath):
            os.rmdir(dirpath)
    report.deleted.sort()
    return report


def write_files(out_dir: Path, files: Mapping[str, bytes]) -> list[str]:
    """Write the ``files`` whose bytes differ from what ``out_dir`` holds; returns them.

    Each file is replaced in one step (written beside, then renamed): a server reading it
    meanwhile sees the old bytes or the new, never half of them.
    """
    written = []
    for rel, data in sorted(files.items()):
        target = out_dir / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        written.append(rel)
    return written


def _read_regular(source: Path) -> bytes:
    """A media file's bytes, never through a link: the loader refused links, and one made
    between loading and writing must not be followed either."""
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def _same_copy(source: Path, target: Path) -> bool:
    """The copy is current: same size and time (copies keep the source's), or same bytes."""
    try:
        src, dst = source.lstat(), target.stat()
    except OSError:
        return False
    if src.st_size != dst.st_size:
        return False
    return src.st_mtime_ns == dst.st_mtime_ns or target.read_bytes() == _read_regular(source)
