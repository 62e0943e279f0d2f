"""Write generated files to disk, touching only those whose bytes changed.

MkDocs' ``--dirty`` and ``serve`` compare modification times, and ``serve``
watches the docs folder: rewriting unchanged pages would rebuild everything
(or loop forever).  Files that are no longer generated are deleted.
"""

from __future__ import annotations

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
    for rel, data in sorted(files.items()):
        target = out_dir / rel
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        report.written.append(rel)
    for rel, source in sorted((copies or {}).items()):
        target = out_dir / rel
        data = source.read_bytes()
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        report.written.append(rel)
    for path in sorted(out_dir.rglob("*"), reverse=True):
        rel = path.relative_to(out_dir).as_posix()
        if path.is_file() and rel not in wanted and path.name not in KEEP:
            path.unlink()
            report.deleted.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return report
