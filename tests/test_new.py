"""`showcase new`: a record file to fill in, for every kind; editor settings for the schemas."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, TODAY

from generator.cli import cli
from generator.guide import walk
from generator.kinds import ALL_MODELS, RECORD_KINDS
from generator.pipeline import check_content
from generator.scaffold import plan_new

KINDS = list(RECORD_KINDS)
#: What a freshly created record may still lack: required values the editor fills in.
FILL_IN_CODES = {"thieu-truong", "sai-kieu", "chon-mot", "gia-tri-khong-hop-le"}


def run_new(content: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["new", *args, "--content", str(content)])
    return result.exit_code, result.output


@pytest.mark.parametrize("kind", KINDS)
def test_new_record_for_every_kind(base_content: Path, kind: str) -> None:
    code, output = run_new(base_content, kind, "--title", "Đổi mới: quy trình “một cửa” #1")
    assert code == 0, output
    path = Path(output.strip().splitlines()[0])
    assert path.is_file()
    folder, model = RECORD_KINDS[kind]
    assert path.stem == "doi-moi-quy-trinh-mot-cua-1"
    expected_dir = base_content / folder
    if kind == "initiative":
        expected_dir = expected_dir / str(dt.date.today().year)
    assert path.parent == expected_dir

    text = path.read_text("utf-8")
    data = yaml.safe_load(text)
    title_field = "name" if kind in ("unit", "person") else "title"
    assert data[title_field] == "Đổi mới: quy trình “một cửa” #1"

    # The schema line points at schemas/<kind>.schema.json next to content/.
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert schema == (base_content.parent / "schemas" / f"{kind}.schema.json").resolve()

    # Every field of the kind, nested ones included, is in the file with its help text.
    for _, sub in walk(model):
        for name, info in sub.model_fields.items():
            assert f"{name}:" in text, (kind, name)
            assert info.description and info.description in text, (kind, name)

    # Validation reports only what the editor still has to fill in, in this file.
    _, problems = check_content(base_content, today=TODAY)
    display = path.relative_to(base_content).as_posix()
    for problem in problems:
        assert problem.path.endswith(display), problem.format()
        assert problem.code in FILL_IN_CODES, problem.format()
    required = [n for n, info in model.model_fields.items() if info.is_required()]
    missing = {p.field.split("[")[0].split(".")[0] for p in problems}
    assert missing == set(required) - {title_field}


def test_done_when_example(base_content: Path) -> None:
    code, output = run_new(
        base_content, "initiative", "--title", "Đổi mới quy trình tiếp nhận hồ sơ"
    )
    assert code == 0, output
    year = dt.date.today().year
    expected = base_content / "initiatives" / str(year) / "doi-moi-quy-trinh-tiep-nhan-ho-so.yml"
    assert output.splitlines()[0] == expected.as_posix()
    assert expected.is_file()


def test_never_overwrites(base_content: Path) -> None:
    args = ("person", "--title", "Nguyễn Văn An")
    # nguyen-van-an already exists in the base content.
    before = (base_content / "people" / "nguyen-van-an.yml").read_bytes()
    code, output = run_new(base_content, *args)
    assert code == 0
    assert output.startswith((base_content / "people" / "nguyen-van-an-2.yml").as_posix())
    code, output = run_new(base_content, *args)
    assert output.startswith((base_content / "people" / "nguyen-van-an-3.yml").as_posix())
    assert (base_content / "people" / "nguyen-van-an.yml").read_bytes() == before

    code, output = run_new(base_content, "person", "--title", "X", "--id", "nguyen-van-an")
    assert code == 1 and "Lỗi: đã có cá nhân mã 'nguyen-van-an'; chọn --id khác" in output
    code, output = run_new(base_content, "person", "--title", "X", "--id", "Sai Mã")
    assert code == 1 and "không phải mã hợp lệ" in output and "'sai-ma'" in output


def test_year_and_initiative_ids_across_years(base_content: Path) -> None:
    # so-hoa-ho-so exists under 2022; ids are unique across year folders.
    code, output = run_new(base_content, "initiative", "--title", "Số hóa hồ sơ", "--year", "2023")
    assert code == 0
    assert output.startswith((base_content / "initiatives/2023/so-hoa-ho-so-2.yml").as_posix())
    code, output = run_new(base_content, "award", "--title", "X", "--year", "2023")
    assert code == 1 and "--year chỉ dùng cho sáng kiến" in output


def test_template_lists_taxonomy_keys(base_content: Path) -> None:
    record = plan_new("initiative", "Thử", base_content, year=2023)
    assert "Giá trị: chuyen-doi-so, san-xuat" in record.text


def test_vscode_settings_map_every_kind_to_its_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text("utf-8"))
    schemas = settings["yaml.schemas"]
    for kind in ALL_MODELS:
        key = f"./schemas/{kind}.schema.json"
        assert key in schemas, kind
        globs = schemas[key]
        if kind in RECORD_KINDS:
            folder, _ = RECORD_KINDS[kind]
            sub = "**/" if kind == "initiative" else ""
            assert f"content/{folder}/{sub}*.yml" in globs
        else:
            assert globs == [f"content/{kind}.yml"]
    assert settings["[yaml]"]["editor.insertSpaces"] is True


def test_pre_commit_runs_validate() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook = hooks["showcase-validate"]
    assert hook["entry"] == "showcase validate content/"
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    assert hook["files"] == "^content/"
