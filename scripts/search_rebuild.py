"""The search index of a warm build after one title edit, beside a cold one.

    python scripts/search_rebuild.py /tmp/bench/records-50000 /tmp/search-rebuild

Checks the project's content, indexes it into an empty folder (cold), changes the title
of one initiative in memory and indexes again, then once more with nothing changed.  CPU
seconds include the Pagefind processes.  ``showcase build`` does the same through
``generator.pipeline.index_search`` with its key files in ``.showcase-build/``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's generator, whatever is installed


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path, help="a project folder with content/")
    parser.add_argument("work", type=Path, help="a scratch folder (emptied first)")
    args = parser.parse_args()
    from generator.pipeline import check_content, index_search

    shutil.rmtree(args.work, ignore_errors=True)
    (args.work / "site").mkdir(parents=True)
    site, problems = check_content(args.project / "content", jobs=1)
    if site is None:
        sys.exit(f"the content has errors: {problems[:3]}")

    def run(label: str) -> None:
        wall, cpu = time.perf_counter(), _cpu()
        indexed = index_search(site, args.work / "site", key_file=args.work / "search.key")
        print(
            f"{label}: {time.perf_counter() - wall:.1f} s wall, {_cpu() - cpu:.1f} CPU s, "
            f"indexed: {indexed}, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )

    run("cold")
    node = min(site.initiatives.values(), key=lambda n: n.id)
    node.model = node.model.model_copy(update={"title": f"{node.model.title} (sửa)"})
    run("one title edited")
    run("nothing changed")


if __name__ == "__main__":
    main()
