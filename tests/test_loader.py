"""Loader: YAML bytes → data with the line and column of every key and item, or Problems."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from generator.loader import (
    MAX_FILE_BYTES,
    Positions,
    format_field_path,
    load_content,
    parse_yaml,
)

NESTED = """\
title: Sáng kiến
authors:
  - person: nguyen-van-an
    share: 60
  - name: Phạm Văn Dũng
    share: 40
recognition:
  by: ldld-tinh-mau
  level: co-so
tags: [cơ khí, "điện"]
description: |
  Dòng một.
"""


def parse(text: str | bytes) -> tuple[object, Positions, list[str]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    data, positions, problems = parse_yaml(raw, "x.yml")
    return data, positions, [f"{p.line}:{p.col}:{p.code}" for p in problems]


def test_positions_of_nested_keys_and_list_items() -> None:
    data, pos, problems = parse(NESTED)
    assert problems == []
    assert isinstance(data, dict)
    assert data["authors"][1] == {"name": "Phạm Văn Dũng", "share": 40}
    assert pos.keys[("title",)] == (1, 1)
    assert pos.values[("title",)] == (1, 8)
    assert pos.keys[("authors",)] == (2, 1)
    assert pos.keys[("authors", 0)] == (3, 5)  # a list item: where its value starts
    assert pos.keys[("authors", 0, "person")] == (3, 5)
    assert pos.values[("authors", 0, "person")] == (3, 13)
    assert pos.keys[("authors", 1, "share")] == (6, 5)
    assert pos.values[("authors", 1, "share")] == (6, 12)
    assert pos.keys[("recognition", "level")] == (9, 3)
    assert pos.values[("recognition", "level")] == (9, 10)
    assert pos.keys[("tags", 0)] == (10, 8)
    assert pos.keys[("tags", 1)] == (10, 16)
    assert pos.values[("description",)] == (11, 14)


def test_position_fallbacks() -> None:
    _, pos, _ = parse(NESTED)
    # A field that is not written falls back to its nearest written ancestor.
    assert pos.key(("authors", 0, "role")) == (3, 5)
    assert pos.value(("recognition", "date")) == (8, 3)
    assert pos.key(("nothing",)) == (1, 1)
    assert pos.value(()) == (1, 1)


def test_format_field_path() -> None:
    assert format_field_path(("recipients", 0, "person")) == "recipients[0].person"
    assert format_field_path(("group", 2)) == "group[2]"
    assert format_field_path(()) == ""


def test_nfc_normalisation_of_values_and_keys() -> None:
    nfc = "Thanh Hoá"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    data, pos, problems = parse(f"province: {nfd}\n{unicodedata.normalize('NFD', 'tỉnh')}: x\n")
    assert problems == []
    assert isinstance(data, dict)
    assert data["province"] == nfc
    assert "tỉnh" in data
    # Columns count characters of the normalised text.
    assert pos.values[("province",)] == (1, 11)


def test_bom_is_accepted() -> None:
    data, _, problems = parse(b"\xef\xbb\xbfname: An\n")
    assert problems == []
    assert data == {"name": "An"}


def test_scalars_keep_yaml_types() -> None:
    data, _, problems = parse("a: 2022-06-29\nb: 29/6/2022\nc: 162000000\nd: true\ne: 1.5\nf:\n")
    assert problems == []
    assert data == {
        "a": dt.date(2022, 6, 29),
        "b": "29/6/2022",
        "c": 162000000,
        "d": True,
        "e": 1.5,
        "f": None,
    }


def test_impossible_timestamp_stays_text() -> None:
    """YAML reads 2022-13-15 as a timestamp; the loader keeps the text for the validator."""
    data, _, problems = parse("date: 2022-13-15\nend_date: 2022-02-30\n")
    assert problems == []
    assert data == {"date": "2022-13-15", "end_date": "2022-02-30"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["1:1:empty-file"]),
        ("# chỉ có chú thích\n\n", ["1:1:empty-file"]),
        ("---\n", ["1:1:empty-file"]),
        ("- a\n- b\n", ["1:1:not-a-mapping"]),
        ("chỉ một giá trị\n", ["1:1:not-a-mapping"]),
        ("a: 1\n---\nb: 2\n", ["3:1:multiple-documents"]),
        ("a: 1\nb: 2\na: 3\n", ["3:1:duplicate-key"]),
        ("x:\n  a: 1\n  a: 2\n", ["3:3:duplicate-key"]),
        ("a:\n\tb: 1\n", ["2:1:tab-indent"]),
        ("a:\n  - b\n  \t- c\n", ["3:3:tab-indent"]),
        ("a: !!python/object:os.system x\n", ["1:4:unsupported-tag"]),
        ("a: !foo x\n", ["1:4:unsupported-tag"]),
        ("a: &x {b: 1}\nc:\n  <<: *x\n", ["3:3:unsupported-tag"]),
        ("? [a, b]\n: c\n", ["1:3:non-string-key"]),
        ("a: b: c\n", ["1:5:yaml-syntax"]),
        ('a: "b\nc: d\n', ["1:4:yaml-syntax"]),
        ("a: [1, 2\n", ["2:1:yaml-syntax"]),
        ("a: 1\nb: x\x00y\n", ["2:5:yaml-syntax"]),
        ("a: \x07\n", ["1:4:yaml-syntax"]),
    ],
)
def test_refused_files(text: str, expected: list[str]) -> None:
    data, _, problems = parse(text)
    assert data is None
    assert problems == expected


def test_not_utf8_points_at_the_first_bad_byte() -> None:
    # "Nguyễn Văn An" saved in TCVN3 (ABC): ễ is byte 0xD4.
    raw = b"title: ok\n" + b"name: Nguy\xd4n V\xa8n An\n"
    data, _, problems = parse(raw)
    assert data is None
    assert problems == ["2:11:not-utf8"]
    # Windows-1258 with composed characters before the bad byte on the same line.
    raw = "name: Đà ".encode() + b"N\xe3\xdeng\n"  # "Nẵng" in Windows-1258
    _, _, problems = parse(raw)
    assert problems == ["1:11:not-utf8"]


def test_alias_limits() -> None:
    many = "a: &x 1\nb: [" + ", ".join(["*x"] * 101) + "]\n"
    data, _, problems = parse(many)
    assert data is None
    assert problems == [f"2:{5 + 4 * 100}:alias-limit"]
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        bomb.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    data, _, problems = parse("\n".join(bomb) + "\n")
    assert data is None
    assert [p.split(":")[-1] for p in problems] == ["alias-limit"]
    # A few aliases are fine.
    data, _, problems = parse("a: &x [1, 2]\nb: *x\n")
    assert problems == []
    assert data == {"a": [1, 2], "b": [1, 2]}


def test_file_size_limit() -> None:
    raw = b"a: " + b"x" * MAX_FILE_BYTES + b"\n"
    data, _, problems = parse(raw)
    assert data is None
    assert problems == ["1:1:file-too-large"]


def test_load_content_kinds_and_locations(base_content: Path) -> None:
    (base_content / "initiatives" / "2021").mkdir()
    (base_content / "initiatives" / "2021" / "hong.yml").write_text("a: [\n", encoding="utf-8")
    (base_content / "initiatives" / "le.yml").write_text("title: x\n", encoding="utf-8")
    (base_content / "ghi-chu.yml").write_text("a: 1\n", encoding="utf-8")
    (base_content / "media" / "readme.yml").write_text("a: 1\n", encoding="utf-8")
    loaded, problems = load_content(base_content, display_root="content")
    kinds = sorted((r.kind, r.id) for r in loaded.records)
    assert ("initiative", "may-cat-tu-dong") in kinds
    assert ("award", "bang-khen-2022") in kinds
    assert len(kinds) == 11
    assert set(loaded.singles) == {"site", "taxonomies"}
    initiative = next(r for r in loaded.records if r.id == "may-cat-tu-dong")
    assert initiative.year_folder == "2022"
    assert initiative.path == "content/initiatives/2022/may-cat-tu-dong.yml"
    assert initiative.rel == "initiatives/2022/may-cat-tu-dong.yml"
    assert loaded.media == {"media/nguyen-van-an.png", "media/readme.yml"}
    assert [p.slug for p in loaded.pages] == ["gioi-thieu"]
    # A record that exists but cannot be parsed is remembered, so references to it are
    # not reported a second time as unknown.
    assert loaded.unreadable == {("initiative", "hong")}
    assert sorted((p.path, p.code) for p in problems) == [
        ("content/ghi-chu.yml", "unknown-file"),
        ("content/initiatives/2021/hong.yml", "yaml-syntax"),
        ("content/initiatives/le.yml", "bad-location"),
    ]


def test_load_content_missing_folder(tmp_path: Path) -> None:
    loaded, problems = load_content(tmp_path / "nothing", display_root="nothing")
    assert loaded.records == []
    assert [p.code for p in problems] == ["unknown-file"]


def test_display_root_relative_to_cwd(base_content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(base_content.parent)
    loaded, _ = load_content(Path("content"))
    assert loaded.display_root == "content"
    monkeypatch.chdir(base_content)
    loaded, _ = load_content(Path("."))
    assert {r.path for r in loaded.records} >= {"people/nguyen-van-an.yml"}


def test_syntax_error_messages_help() -> None:
    _, _, problems = parse_yaml("job_title: Tổ trưởng: tổ cơ điện\n".encode(), "x.yml")
    assert problems[0].message.startswith(
        "YAML syntax error: mapping values are not allowed here; "
    )
    assert "double quotes" in problems[0].message
    _, _, problems = parse_yaml('name: "Trần\nunit: x\n'.encode(), "x.yml")
    assert (problems[0].line, problems[0].col) == (1, 7)  # the opening quote, not the end of file
    assert "never closed" in problems[0].message
    _, _, problems = parse_yaml(b"a: 1\nb: \x00\n", "x.yml")
    assert "U+0000" in problems[0].message
    _, _, problems = parse_yaml(b"a: !!python/object:os.system x\n", "x.yml")
    assert problems[0].message == "YAML tag '!!python/object:os.system' is not allowed"
