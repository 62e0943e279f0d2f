"""Golden tests: each folder in tests/cases/ is a broken (or tricky) content folder.

A case is ``tests/cases/<NN-name>/`` with

- ``overlay/``: files copied over a copy of ``tests/cases/_base/content/``; a file whose
  whole text is ``__DELETE__`` deletes the base file of that name;
- ``generate.py`` (optional): ``generate(content: Path) -> None`` for files that are
  better made than stored (a file over 1 MiB);
- ``expected.txt``: exactly what ``showcase validate content`` prints, run in the folder
  holding the copy (so paths read ``content/...``), then ``exit code: N``;
- ``expected-json.txt`` / ``expected-github.txt`` (optional): the same with
  ``--format json`` / ``--format github``;
- ``expected-en.txt`` (optional): the text output with ``showcase --lang en``.

Run ``UPDATE_GOLDENS=1 pytest tests/test_cases.py`` (or ``python scripts/update_goldens.py``)
to rewrite the expected files after an intended change, then read the diff.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BASE_CONTENT, CASES, TODAY

from generator.catalogue import CATALOGUE
from generator.cli import cli
from generator.pipeline import check_content

UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"
DELETE = b"__DELETE__"
FORMATS = {
    "text": "expected.txt",
    "json": "expected-json.txt",
    "github": "expected-github.txt",
    "en": "expected-en.txt",
}
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))

#: Codes that no content folder can produce: they belong to `showcase import`, to the render
#: stage (a hand-written page at a generated page's address), to the media stage (images are
#: decoded by the build: tests/test_media.py), or to files the system will not let the tools
#: read (which a test running as root cannot make).
NOT_FROM_VALIDATE = {code for code in CATALOGUE if code.startswith("nhap-")} | {
    "trung-dia-chi-trang",
    "khong-doc-duoc",
    "anh-khong-doc-duoc",
    "anh-qua-lon",
}


def build_case(case: Path, root: Path) -> Path:
    """Make ``root/content`` from the base and the case's overlay; return the content folder."""
    content = root / "content"
    shutil.copytree(BASE_CONTENT, content)
    overlay = case / "overlay"
    if overlay.is_dir():
        for source in sorted(overlay.rglob("*")):
            if not source.is_file():
                continue
            target = content / source.relative_to(overlay)
            data = source.read_bytes()
            if data.strip() == DELETE:
                target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    script = case / "generate.py"
    if script.exists():
        spec = importlib.util.spec_from_file_location(f"case_{case.name}", script)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.generate(content)
    return content


def run_validate(root: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(root)
    args = ["--lang", "en", "validate", "content"] if fmt == "en" else ["validate", "content"]
    if fmt not in ("text", "en"):
        args += ["--format", fmt]
    result = CliRunner().invoke(cli, args, env={"SHOWCASE_TODAY": TODAY.isoformat()})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return f"{result.output}exit code: {result.exit_code}\n"


def _params() -> list[object]:
    params: list[object] = []
    for case in CASE_DIRS:
        for fmt, name in FORMATS.items():
            if fmt == "text" or (case / name).exists():
                params.append(pytest.param(case, fmt, id=f"{case.name}-{fmt}"))
    return params


@pytest.mark.parametrize(("case", "fmt"), _params())
def test_case(case: Path, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_case(case, tmp_path)
    actual = run_validate(tmp_path, fmt, monkeypatch)
    golden = case / FORMATS[fmt]
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"{golden} is missing; run UPDATE_GOLDENS=1 pytest {__file__}"
    assert actual == golden.read_text(encoding="utf-8")


def test_base_is_clean(tmp_path: Path) -> None:
    shutil.copytree(BASE_CONTENT, tmp_path / "content")
    site, problems = check_content(tmp_path / "content", display_root="content", today=TODAY)
    assert problems == []
    assert site is not None


def test_enough_cases() -> None:
    assert len(CASE_DIRS) >= 80
    for case in CASE_DIRS:
        assert (case / "overlay").is_dir() or (case / "generate.py").exists(), case.name


def test_every_rule_has_a_case(tmp_path: Path) -> None:
    """Every code `validate` can report is produced by at least one case."""
    seen: set[str] = set()
    for index, case in enumerate(CASE_DIRS):
        content = build_case(case, tmp_path / str(index))
        _, problems = check_content(content, display_root="content", today=TODAY)
        seen.update(p.code for p in problems)
    assert set(CATALOGUE) - NOT_FROM_VALIDATE - seen == set()
    assert seen <= set(CATALOGUE)
