"""The editor's guide (/huong-dan/): complete, deterministic and valid Markdown.

The walk over the models here is written independently of ``generator.guide``,
so a field the guide's own walker skips still fails the test.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner
from conftest import REPO
from pydantic import BaseModel

from generator.catalogue import CATALOGUE, OLD_CODES
from generator.cli import cli
from generator.guide import (
    EXAMPLES,
    GUIDE_FILE,
    KIND_SECTIONS,
    cell,
    code,
    example_message,
    guide_document,
    guide_markdown,
)
from generator.kinds import ALL_MODELS

GUIDE = guide_markdown()


def _models_in(annotation: object) -> Iterator[tuple[type[BaseModel], str]]:
    """Every model class an annotation may hold, with "[]" for list items and "{}" for values."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        yield from _models_in(args[0])
    elif origin in (typing.Union, types.UnionType):
        for arg in args:
            yield from _models_in(arg)
    elif origin is list:
        for model, marker in _models_in(args[0]):
            yield model, "[]" + marker
    elif origin is dict:
        for model, marker in _models_in(args[1]):
            yield model, "{}" + marker
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, ""


def every_path(model: type[BaseModel], path: str = "") -> Iterator[tuple[str, type[BaseModel]]]:
    yield path, model
    for name, info in model.model_fields.items():
        for child, marker in _models_in(info.annotation):
            yield from every_path(child, f"{path}.{name}{marker}" if path else f"{name}{marker}")


def kind_sections() -> dict[str, str]:
    """Guide text of each kind's reference section."""
    out = {}
    for index, (kind, label, where) in enumerate(KIND_SECTIONS):
        start = GUIDE.index(f"### {label}: {code(where)}")
        if index + 1 < len(KIND_SECTIONS):
            _, next_label, next_where = KIND_SECTIONS[index + 1]
            end = GUIDE.index(f"### {next_label}: {code(next_where)}")
        else:
            end = GUIDE.index("## Thông báo lỗi")
        out[kind] = GUIDE[start:end]
    return out


def table_after(section: str, heading: str) -> str:
    start = section.index(heading) if heading else 0
    rest = section[start:]
    match = re.search(r"(\|.*\|\n?)+", rest)
    assert match, heading
    return match.group(0)


def test_every_kind_has_a_section() -> None:
    assert {kind for kind, _, _ in KIND_SECTIONS} == set(ALL_MODELS)


@pytest.mark.parametrize("kind", list(ALL_MODELS))
def test_every_field_is_in_the_guide(kind: str) -> None:
    section = kind_sections()[kind]
    label = next(label for k, label, _ in KIND_SECTIONS if k == kind)
    for path, model in every_path(ALL_MODELS[kind]):
        heading = f"#### {label}, mục {code(path)}" if path else ""
        if path:
            assert heading in section, f"{kind}: no table for {path}"
        table = table_after(section, heading)
        for name, info in model.model_fields.items():
            row = next((r for r in table.splitlines() if r.startswith(f"| {code(name)} |")), None)
            assert row is not None, f"{kind}: field {path or '(top)'}.{name} missing"
            required = "có" if info.is_required() else "không"
            assert row.split(" | ")[1] == required, row
            assert cell(info.description or "") in row, f"{kind}: help text of {name} missing"


def test_every_catalogue_code_is_explained() -> None:
    errors_part = GUIDE[GUIDE.index("## Thông báo lỗi") :]
    for name, entry in CATALOGUE.items():
        heading = f"#### {name}\n"
        assert heading in errors_part, name
        block = errors_part[errors_part.index(heading) :]
        block = block[: block.find("\n#", 5) if "\n#" in block[5:] else len(block)]
        assert code(example_message(entry, "vi")) in block, name
        assert code(example_message(entry, "en")) in block, name
        assert entry.title.vi in block and entry.meaning.vi in block and entry.fix.vi in block


def test_every_code_has_an_anchor_of_its_own() -> None:
    """``…/huong-dan/#sai-kieu``: the heading's id is the code (Python-Markdown's toc, as MkDocs)."""
    html = markdown.markdown(GUIDE, extensions=["tables", "fenced_code", "toc"])
    ids = re.findall(r'<h4 id="([^"]+)"', html)
    assert set(CATALOGUE) <= set(ids)
    assert len(ids) == len(set(ids))


def test_old_codes_are_mapped() -> None:
    for old, new in OLD_CODES.items():
        assert f"| {code(old)} | {', '.join(code(c) for c in new)} |" in GUIDE


def test_howto_sections() -> None:
    for text in (
        "showcase new initiative --title",
        "showcase new person --title",
        "showcase new unit --title",
        "showcase new award --title",
        "showcase new event --title",
        "showcase new campaign --title",
        "## Sửa cấu hình trang: `content/site.yml`",
        "## Sửa danh mục: `content/taxonomies.yml`",
        "## Sửa trên GitHub bằng trình duyệt",
        "Create pull request",
        "Files changed",
        "## Sau khi `git push`",
        "showcase validate content/people/nguyen-van-an.yml",
        "--lang en",
        "showcase import ",
        "--dry-run",
        "showcase serve",
        "http://127.0.0.1:8000",
        "showcase validate content/",
        "git commit",
        "| STT | Họ và tên |",
    ):
        assert text in GUIDE, text


@pytest.mark.parametrize("kind", list(EXAMPLES))
def test_yaml_examples_are_valid_records(kind: str) -> None:
    import yaml

    from generator.scaffold import dump_yaml

    ALL_MODELS[kind].model_validate(EXAMPLES[kind])
    block = "```yaml\n" + dump_yaml(EXAMPLES[kind]) + "```"
    assert block in GUIDE
    assert yaml.safe_load(dump_yaml(EXAMPLES[kind])) == EXAMPLES[kind]


def test_deterministic() -> None:
    assert guide_markdown() == GUIDE


def test_no_level_one_heading() -> None:
    # The page title comes from the front matter written by the render stage.
    assert not re.search(r"^# ", GUIDE, re.MULTILINE)


def test_pipes_cannot_break_tables() -> None:
    assert cell("a | b") == "a \\| b"
    assert cell("mã `a|b` và `c`") == "mã <code>a&#124;b</code> và `c`"
    assert cell("<script>") == "&lt;script&gt;"
    assert cell("hai\ndòng") == "hai dòng"
    assert code("có `dấu` nháy") == "``có `dấu` nháy``"


def test_tables_render_with_four_columns() -> None:
    html = markdown.markdown(GUIDE, extensions=["tables", "fenced_code", "toc"])
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    assert len(rows) > 100
    for row in rows:
        cells = row.count("<td") + row.count("<th")
        # Field tables have 4 columns; the sample spreadsheet in the import section has 6, the
        # table of old codes 2.
        assert cells in (2, 4, 6), row[:200]


def test_committed_guide_is_current(tmp_path: Path) -> None:
    """HUONG-DAN.md is the guide as `showcase guide` writes it (run it after a change)."""
    assert (REPO / GUIDE_FILE).read_text("utf-8") == guide_document()
    result = CliRunner().invoke(cli, ["guide", "--check", "--out", str(REPO / GUIDE_FILE)])
    assert result.exit_code == 0, result.output
    stale = tmp_path / GUIDE_FILE
    stale.write_text("# cũ\n", "utf-8")
    result = CliRunner().invoke(cli, ["guide", "--check", "--out", str(stale)])
    assert result.exit_code == 1 and "showcase guide" in result.output
    result = CliRunner().invoke(cli, ["guide", "--out", str(stale)])
    assert result.exit_code == 0 and stale.read_text("utf-8") == guide_document()
