"""The preview server (``showcase serve``, generator.preview and generator.recheck).

Two views of it:

- in one process, ``Preview.rebuild()`` after each of a sequence of edits (the ones the
  incremental test makes, plus an error and its fix) must leave exactly the site a clean
  build of the same content gives: the in-place update of the Site (recheck.py), the render
  state kept in memory and the engine session kept alive must never show a stale page;
- as an editor runs it: a real ``showcase serve`` process, a real edit, an error, its fix,
  a new record, a deletion, then SIGTERM; nothing may be left behind (no process, no
  temporary folder).
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_project
from test_incremental import EDITS, _records, clean_build, differences, tree

from generator.pipeline import Project
from generator.preview import STATUS_PATH, Preview

#: Folders the preview leaves out or writes later than a build does.
SEARCH_PREFIXES = ("pagefind/",)


def _site_tree(folder: Path) -> dict[str, bytes]:
    return _without_search(tree(folder))


def _without_search(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if not k.startswith(SEARCH_PREFIXES)}


@pytest.mark.slow
def test_preview_rebuilds_match_clean_builds(tmp_path: Path) -> None:
    rng = random.Random(20261202)
    root = copy_project(tmp_path / "project")
    preview = Preview(Project.at(root), jobs=1, search=False)
    preview.site_dir = tmp_path / "served"
    preview.rebuild()
    assert preview.status.ok and preview.status.build == 1
    first = clean_build(root, tmp_path / "clean-site", tmp_path / "clean")
    assert differences(_site_tree(preview.site_dir), _without_search(first)) == []

    steps = [*rng.sample(EDITS, len(EDITS)), *rng.sample(EDITS, 3)]
    first_passes: set[str] = set()
    for number, edit in enumerate([*steps[:2], "error", *steps[2:]]):
        if edit == "error":
            path = rng.choice(_records(root / "content", "initiatives"))
            good = path.read_text(encoding="utf-8")
            # A reference to a unit that does not exist: valid YAML, an error of the linker.
            path.write_text(good + "unit: khong-co-don-vi-nay\n", encoding="utf-8")
            before = _site_tree(preview.site_dir)
            builds = preview.status.build
            preview.rebuild()
            assert not preview.status.ok
            assert preview.status.build == builds, "a failed check builds nothing"
            codes = {p["code"] for p in preview.status.problems if p["severity"] == "error"}
            assert codes, preview.status.problems
            wheres = [p["where"] for p in preview.status.problems]
            assert any(f"{path.name}:" in where for where in wheres), wheres
            assert _site_tree(preview.site_dir) == before, "the last good site stays served"
            path.write_text(good, encoding="utf-8")
            what = f"error in {path.stem}, then fixed"
        else:
            what = edit(root, rng)
        builds = preview.status.build
        preview.rebuild()
        assert preview.status.ok, (what, preview.status.problems)
        if what.startswith(("title of ", "added ")):
            # The record's own page is built and published first; the full pass that follows
            # renders it again to the same bytes, so it does not build it a second time.
            page = f"/sang-kien/{what.split(' ', 2)[-1]}/"
            fast, full = preview.status.history[-2:]
            assert fast == {"build": builds + 1, "pages": [page]}, what
            assert full["build"] == builds + 2 and page not in full["pages"], what
            first_passes.add(what.split(" ")[0])
        elif what.startswith("deleted "):
            # Its page goes first (its address answers "not found" at once).
            page = f"/sang-kien/{what.removeprefix('deleted ')}/"
            fast, full = preview.status.history[-2:]
            assert fast == {"build": builds + 1, "pages": [page]}, what
            first_passes.add("deleted")
        preview.refresh_data()  # what the background thread does once builds are quiet
        expected = clean_build(root, tmp_path / "clean-site", tmp_path / "clean")
        found = differences(_site_tree(preview.site_dir), _without_search(expected))
        assert found == [], f"step {number}: {what}"
    assert first_passes == {"title", "added", "deleted"}, "each kind of first pass was seen"


# -- the server, as an editor runs it ----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _until(
    what: str, probe: Callable[[], Any], proc: subprocess.Popen[bytes], timeout: float
) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the preview stopped (exit {proc.returncode}) before: {what}")
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"not within {timeout:.0f} s: {what}")


def _processes_naming(text: str) -> list[str]:
    """Command lines of the running processes that name ``text`` (the project folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().split(") ", 1)[1][:1]
        except OSError:
            continue
        if text in line and state != "Z":
            found.append(line)
    return found


@pytest.mark.slow
def test_serve_follows_edits_shows_errors_and_stops_clean(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "serve.log"
    env = {**os.environ, "TMPDIR": str(scratch)}
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "generator", "serve", "--root", str(root)),
                *("--dev-addr", f"127.0.0.1:{port}", "--jobs", "2"),
            ],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _exercise(root, base, proc, scratch)
    except AssertionError as exc:
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise AssertionError(f"{exc}\n--- showcase serve ---\n{tail}") from None
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def _status(base: str, since: int = -1) -> dict[str, Any]:
    code, body = _get(f"{base}{STATUS_PATH}?since={since}")
    return json.loads(body) if code == 200 else {}


def _exercise(root: Path, base: str, proc: subprocess.Popen[bytes], scratch: Path) -> None:
    record = root / "content" / "initiatives" / "2022" / "do-ga-dinh-vi-nhanh-may-phay-cnc.yml"
    page = f"{base}/sang-kien/do-ga-dinh-vi-nhanh-may-phay-cnc/"
    title = "Đồ gá định vị nhanh cho máy phay CNC khi gia công chi tiết khuôn"

    def page_shows(text: str, url: str = page) -> Callable[[], bool]:
        return lambda: (lambda got: got[0] == 200 and text in got[1])(_get(url))

    _until("the first build", page_shows(title), proc, 180)
    _, html = _get(page)
    assert '<script src="/__showcase/preview.js" defer></script></body>' in html
    assert _get(f"{base}/__showcase/preview.js")[0] == 200
    first = _status(base)
    assert first["ok"] and first["build"] == 1
    # The search index is made in the background once builds are quiet.
    _until("a fresh search index", lambda: _status(base).get("search") == "fresh", proc, 180)
    assert _get(f"{base}/tra-cuu/")[0] == 200
    [temp] = list(scratch.iterdir())
    assert temp.name.startswith("showcase-preview-")

    # A title edit: the page, and the listing that names it, show the new title.
    good = record.read_text(encoding="utf-8")
    record.write_text(
        good.replace(f"title: {title}", "title: Đồ gá đổi tên khi xem"),
        encoding="utf-8",
    )
    _until("the edited title", page_shows("Đồ gá đổi tên khi xem"), proc, 60)
    _until(
        "the title in the listing",
        page_shows("Đồ gá đổi tên khi xem", f"{base}/sang-kien/"),
        proc,
        10,
    )

    # An error: every problem in the status (the page script draws them over the page),
    # the last good page still served.
    broken, count = re.subn(r"^unit: .*$", "unit: khong-co-don-vi-nay", good, count=1, flags=re.M)
    assert count == 1
    record.write_text(broken, encoding="utf-8")
    failed = _until(
        "the error", lambda: (lambda s: s if s and not s["ok"] else None)(_status(base)), proc, 60
    )
    errors = [p for p in failed["problems"] if p["severity"] == "error"]
    assert errors, failed
    assert any(
        "do-ga-dinh-vi-nhanh-may-phay-cnc.yml:" in p["where"] and p["field"] == "unit"
        for p in errors
    ), errors
    assert any("khong-co-don-vi-nay" in p["text"] for p in errors), errors
    assert _get(page)[0] == 200

    # The fix: the status is good again and the page shows the record as saved.
    record.write_text(good, encoding="utf-8")
    _until(
        "the fix",
        lambda: (lambda s: bool(s) and s["ok"] and s["build"] > 1)(_status(base)),
        proc,
        60,
    )
    _until("the original title", page_shows(title), proc, 60)

    # A new record gets its page; deleting it takes the page away.
    new = record.with_name("may-moi-trong-xem-truoc.yml")
    new.write_text(
        good.replace(f"title: {title}", "title: Máy mới trong xem trước"),
        encoding="utf-8",
    )
    new_page = f"{base}/sang-kien/may-moi-trong-xem-truoc/"
    _until("the new record's page", page_shows("Máy mới trong xem trước", new_page), proc, 60)
    new.unlink()
    _until("the deleted record's page gone", lambda: _get(new_page)[0] == 404, proc, 60)

    # SIGTERM: the server, its workers and the indexer stop; the temporary folder goes.
    os.killpg(proc.pid, signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    deadline = time.monotonic() + 10
    while _processes_naming(str(root)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_naming(str(root)) == [], "a process of the preview outlived it"
    assert list(scratch.iterdir()) == [], "the temporary folder was left behind"


# -- the data files, refreshed beside the builds -------------------------------------------------


class _Session:
    def __init__(self) -> None:
        self.generated: list[str] = []
        self.updates: list[tuple[list[str], list[str]]] = []

    def update(self, written: list[str], deleted: list[str], generated: list[str]) -> list[str]:
        self.updates.append((list(written), list(deleted)))
        return []


def test_data_files_computed_while_a_build_ran_are_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The open data is computed in a forked process without holding builds up; if a build
    ran meanwhile, what it computed is of an older Site and must not be written."""
    import generator.preview as preview_module
    import generator.render as render

    root = copy_project(tmp_path / "project")
    preview = Preview(Project.at(root), jobs=1, search=False)
    preview.site, preview.session = object(), _Session()
    preview.status.ok, preview.data_stale = True, True
    monkeypatch.setattr(render, "data_files", lambda site: {"du-lieu/x.json": b"[1]"})
    target = preview.project.docs / "du-lieu" / "x.json"

    real_result = preview_module._Forked.result

    def build_meanwhile(self: Any) -> Any:
        preview.last_build += 1.0  # what a build finishing now does
        return real_result(self)

    monkeypatch.setattr(preview_module._Forked, "result", build_meanwhile)
    preview.refresh_data()
    assert not target.exists() and preview.data_stale and preview.session.updates == []

    monkeypatch.setattr(preview_module._Forked, "result", real_result)
    preview.refresh_data()
    assert target.read_bytes() == b"[1]" and not preview.data_stale
    assert preview.session.updates == [(["du-lieu/x.json"], [])]
    assert preview.data_child is None
