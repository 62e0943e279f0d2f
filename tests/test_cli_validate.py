"""`showcase validate` as editors and CI run it: a real process, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, TODAY


def validate(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SHOWCASE_TODAY": TODAY.isoformat(), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_sample_content_has_no_errors() -> None:
    """The sample content in content/ must stay valid; the output names what is wrong."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # the real today: no future dates either
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "content"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("0 errors, ")
    assert "Traceback" not in result.stderr


def test_clean_content_exits_0(base_content: Path) -> None:
    result = validate("content", cwd=base_content.parent)
    assert (result.returncode, result.stdout, result.stderr) == (0, "0 errors, 0 warnings\n", "")


def test_default_path_is_content(base_content: Path) -> None:
    result = validate(cwd=base_content.parent)
    assert result.returncode == 0
    assert result.stdout == "0 errors, 0 warnings\n"


def _break(content: Path) -> None:
    """Many kinds of damage at once, including files the loader refuses outright."""
    (content / "people" / "le-van-cuong.yml").write_bytes(b"name: L\xaa V\xa8n C\xad\xeang\n")
    (content / "people" / "tran-thi-binh.yml").write_text(
        "name: Bình\nphone: 1\nname: B\n", "utf-8"
    )
    (content / "units" / "tong-ldld.yml").write_text("- a\n- b\n", "utf-8")
    (content / "awards" / "bang-khen-2022.yml").write_text("title: [\n", "utf-8")
    (content / "events" / "diem-hen-2022.yml").write_text("", "utf-8")
    (content / "site.yml").write_text("title: !!python/object:os.system x\n", "utf-8")
    (content / "taxonomies.yml").write_bytes(b"fields: \x00\n")
    (content / "initiatives" / "2022" / "may-cat-tu-dong.yml").write_text(
        "title: x\nauthors: 5\nbenefit_vnd: 1.000\nfirst_applied: 31/2/2022\n", "utf-8"
    )
    (content / "initiatives" / "lac-cho.yml").write_text("title: x\n", "utf-8")


def test_broken_content_exits_1_without_traceback(base_content: Path) -> None:
    _break(base_content)
    result = validate("content", cwd=base_content.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].endswith(" warnings") and lines[-1].split()[0].isdigit()
    errors = int(lines[-1].split()[0])
    assert errors == len(lines) - 1 >= 10
    for line in lines[:-1]:
        path, line_no, col, rest = line.split(":", 3)
        assert path.startswith("content/")
        assert int(line_no) >= 1 and int(col) >= 1
        assert rest.startswith(" error: ") or rest.startswith(" warning: ")
    # Sorted by file, then line.
    keys = [(line.split(":")[0], int(line.split(":")[1])) for line in lines[:-1]]
    assert keys == sorted(keys)


def test_json_and_github_formats(base_content: Path) -> None:
    _break(base_content)
    result = validate("content", "--format", "json", cwd=base_content.parent)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["errors"] == len(payload["problems"]) >= 10
    assert {"path", "line", "col", "message", "field", "severity", "code"} <= set(
        payload["problems"][0]
    )
    result = validate("content", "--format", "github", cwd=base_content.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith("::error file=content/") for line in lines[:-1])
    assert lines[-1].endswith(" warnings")


def test_warnings_alone_exit_0(base_content: Path) -> None:
    person = base_content / "people" / "nguyen-van-an.yml"
    person.write_text("name: An\nbio: <script>x</script>\n", "utf-8")
    result = validate("content", cwd=base_content.parent)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "0 errors, 1 warning"


@pytest.mark.parametrize("where", ["missing", "file"])
def test_bad_path_is_an_error_not_a_crash(tmp_path: Path, where: str) -> None:
    target = tmp_path / "content"
    if where == "file":
        target.write_text("x", "utf-8")
    result = validate(str(target), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1] == "1 error, 0 warnings"


def test_usage_errors_exit_2(base_content: Path) -> None:
    result = validate("content", "--format", "xml", cwd=base_content.parent)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    result = validate("content", "--today", "hôm nay", cwd=base_content.parent)
    assert result.returncode == 2


def test_help_documents_exit_status_and_hides_today() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0
    assert "Exit status" in result.stdout
    assert "--today" not in result.stdout


def test_today_option_and_env(base_content: Path) -> None:
    path = base_content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    path.write_text(path.read_text("utf-8").replace("2022-03-01", "2022-12-31"), "utf-8")
    assert validate("content", cwd=base_content.parent).returncode == 0  # env: 2024-01-01
    result = validate("content", "--today", "2022-06-01", cwd=base_content.parent)
    assert result.returncode == 1
    assert "first_applied 2022-12-31 is in the future" in result.stdout
