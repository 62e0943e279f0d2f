"""`showcase validate` as editors and CI run it: a real process, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, TODAY

from generator.catalogue import CATALOGUE


def validate(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None, bare: bool = False
) -> subprocess.CompletedProcess[str]:
    """`showcase validate ARGS` (or `showcase ARGS` when ``bare``) in a real process."""
    base = {**os.environ, "SHOWCASE_TODAY": TODAY.isoformat(), "PYTHONIOENCODING": "utf-8"}
    if env is not None:
        # Choosing the language through the locale: the tests' SHOWCASE_LANG must not win.
        base = {
            k: v
            for k, v in base.items()
            if k not in ("SHOWCASE_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
        }
        base.update(env)
    command = [*args] if bare else ["validate", *args]
    return subprocess.run(
        [sys.executable, "-m", "generator", *command],
        cwd=cwd,
        env=base,
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
    assert result.stdout.splitlines()[-1].startswith("0 lỗi, ")
    assert "Traceback" not in result.stderr


def test_clean_content_exits_0(base_content: Path) -> None:
    result = validate("content", cwd=base_content.parent)
    assert (result.returncode, result.stdout, result.stderr) == (0, "0 lỗi, 0 cảnh báo\n", "")


def test_default_path_is_content(base_content: Path) -> None:
    result = validate(cwd=base_content.parent)
    assert result.returncode == 0
    assert result.stdout == "0 lỗi, 0 cảnh báo\n"


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
    assert lines[-1].endswith(" cảnh báo") and lines[-1].split()[0].isdigit()
    errors = int(lines[-1].split()[0])
    # Syntax errors add the offending line and a caret under the problem line.
    problem_lines = [line for line in lines[:-1] if not line.startswith("    ")]
    assert errors == len(problem_lines) >= 10
    for line in problem_lines:
        path, line_no, col, rest = line.split(":", 3)
        assert path.startswith("content/")
        assert int(line_no) >= 1 and int(col) >= 1
        assert re.match(r" (lỗi|cảnh báo) \[[a-z0-9-]+\]: ", rest), rest
    # Sorted by file, then line.
    keys = [(line.split(":")[0], int(line.split(":")[1])) for line in problem_lines]
    assert keys == sorted(keys)


def test_json_and_github_formats(base_content: Path) -> None:
    _break(base_content)
    result = validate("content", "--format", "json", cwd=base_content.parent)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["errors"] == len(payload["problems"]) >= 10
    assert {"path", "line", "col", "message", "field", "severity", "code", "old_code"} <= set(
        payload["problems"][0]
    )
    assert payload["language"] == "vi"
    assert {p["code"] for p in payload["problems"]} <= set(CATALOGUE)
    result = validate("content", "--format", "github", cwd=base_content.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith("::error file=content/") for line in lines[:-1])
    assert all(",title=lỗi [" in line for line in lines[:-1])
    assert lines[-1].endswith(" cảnh báo")


def test_warnings_alone_exit_0(base_content: Path) -> None:
    person = base_content / "people" / "nguyen-van-an.yml"
    person.write_text("name: An\nbio: <script>x</script>\n", "utf-8")
    result = validate("content", cwd=base_content.parent)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "0 lỗi, 1 cảnh báo"


@pytest.mark.parametrize("where", ["missing", "file"])
def test_bad_path_is_an_error_not_a_crash(tmp_path: Path, where: str) -> None:
    target = tmp_path / "content"
    if where == "file":
        target.write_text("x", "utf-8")
    result = validate(str(target), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1] == "1 lỗi, 0 cảnh báo"


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
    assert "Mã thoát" in result.stdout and "Cách dùng:" in result.stdout
    assert "--today" not in result.stdout


def test_today_option_and_env(base_content: Path) -> None:
    path = base_content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    path.write_text(path.read_text("utf-8").replace("2022-03-01", "2022-12-31"), "utf-8")
    assert validate("content", cwd=base_content.parent).returncode == 0  # env: 2024-01-01
    result = validate("content", "--today", "2022-06-01", cwd=base_content.parent)
    assert result.returncode == 1
    assert "ngày áp dụng lần đầu 31/12/2022 nằm trong tương lai" in result.stdout


# -- the language of the messages (issue 13) ---------------------------------------------------


def test_english_with_lang_option_or_locale(base_content: Path) -> None:
    _break(base_content)
    vietnamese = validate("content", cwd=base_content.parent).stdout
    english = validate("--lang", "en", "validate", "content", cwd=base_content.parent, bare=True)
    assert english.returncode == 1
    assert english.stdout.splitlines()[-1].endswith(" warnings")
    assert " error [" in english.stdout and " lỗi [" not in english.stdout
    # The same problems, the same codes, in the same order.
    codes = re.findall(r"\[([a-z0-9-]+)\]", vietnamese)
    assert codes == re.findall(r"\[([a-z0-9-]+)\]", english.stdout) and len(codes) >= 10
    # A locale that starts with "en" chooses English; SHOWCASE_LANG is stronger than it.
    by_locale = validate("content", cwd=base_content.parent, env={"LANG": "en_US.UTF-8"})
    assert by_locale.stdout == english.stdout
    forced = validate(
        "content", cwd=base_content.parent, env={"LANG": "en_US.UTF-8", "SHOWCASE_LANG": "vi"}
    )
    assert forced.stdout == vietnamese
    c_locale = validate("content", cwd=base_content.parent, env={"LANG": "C.UTF-8"})
    assert c_locale.stdout == vietnamese


def test_help_and_usage_errors_speak_the_chosen_language() -> None:
    result = validate("--help", bare=True)
    assert "Cách dùng: showcase [OPTIONS] COMMAND" in result.stdout
    assert "Kiểm tra hồ sơ và báo mọi lỗi cùng lúc" in result.stdout
    assert "Hiện hướng dẫn này rồi thoát." in result.stdout
    result = validate("--lang", "en", "validate", "--help", bare=True)
    assert "Usage:" in result.stdout and "Exit status" in result.stdout
    result = validate("content", "--format", "xml")
    assert result.returncode == 2
    assert "Lỗi: Giá trị không hợp lệ cho '--format'" in result.stderr
    result = validate("--lang", "en", "validate", "--formt", "xml", bare=True)
    assert result.returncode == 2
    assert "No such option" in result.stderr


# -- one file in the context of the whole content --------------------------------------------


def test_one_file_is_checked_with_the_whole_content(base_content: Path) -> None:
    person = base_content / "people" / "nguyen-van-an.yml"
    person.write_text("name: An\nunit: cdcs-khong-co\nphone: 1\n", "utf-8")
    other = base_content / "people" / "le-van-cuong.yml"
    other.write_text("name: Cường\njob_tittle: x\n", "utf-8")
    cwd = base_content.parent
    result = validate("content/people/nguyen-van-an.yml", cwd=cwd)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # Its own problems only: the unknown unit is found in the context of content/units/.
    assert [line.split(" ", 2)[:2] for line in lines[:2]] == [
        ["content/people/nguyen-van-an.yml:2:7:", "lỗi"],
        ["content/people/nguyen-van-an.yml:3:1:", "lỗi"],
    ]
    assert "[khong-ton-tai]" in lines[0] and "[du-lieu-rieng-tu]" in lines[1]
    assert lines[2] == "2 lỗi, 0 cảnh báo"
    assert lines[3].startswith("Các tệp khác trong content có 1 lỗi, 0 cảnh báo")
    # From inside the folder, and for a folder of the content.
    inside = validate("nguyen-van-an.yml", cwd=base_content / "people")
    assert inside.returncode == 1
    assert inside.stdout.startswith("../people/nguyen-van-an.yml:2:7: lỗi [khong-ton-tai]")
    folder = validate("content/people", cwd=cwd)
    assert folder.stdout.count("content/people/") == 3
    # A file without problems exits 0, even when others have some.
    clean = validate("content/people/tran-thi-binh.yml", cwd=cwd)
    assert clean.returncode == 0
    assert clean.stdout.splitlines()[0] == "0 lỗi, 0 cảnh báo"
    # Several files at once, and a file that is not there.
    both = validate("content/people/tran-thi-binh.yml", "content/people/le-van-cuong.yml", cwd=cwd)
    assert both.returncode == 1 and "job_tittle" in both.stdout
    missing = validate("content/people/khong-co.yml", cwd=cwd)
    assert missing.returncode == 1
    assert missing.stdout.startswith("content/people/khong-co.yml:1:1: lỗi [khong-doc-duoc]")


def test_content_option_and_a_file_outside_any_content(base_content: Path, tmp_path: Path) -> None:
    outside = tmp_path / "x.yml"
    outside.write_text("name: A\n", "utf-8")
    result = validate(str(outside), cwd=tmp_path)
    assert result.returncode == 1
    assert "[khong-doc-duoc]" in result.stdout and "thư mục nội dung" in result.stdout
    person = base_content / "people" / "nguyen-van-an.yml"
    result = validate(str(person), "--content", str(base_content), cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_explain_prints_where_the_guide_explains_each_code(base_content: Path) -> None:
    _break(base_content)
    (base_content / "site.yml").write_text(
        (REPO / "tests/cases/_base/content/site.yml").read_text("utf-8"), "utf-8"
    )
    result = validate("content", "--explain", cwd=base_content.parent)
    tail = result.stdout[result.stdout.index("Cách sửa từng loại lỗi:") :].splitlines()[1:]
    assert tail and all(line.startswith("  [") for line in tail)
    assert "  [tep-rong] https://example.org/sang-kien/huong-dan/#tep-rong" in tail
    assert len(tail) == len(set(tail))  # one line per code
