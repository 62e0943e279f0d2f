"""Loader: YAML bytes → data with the line and column of every key and item, or Problems."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import unicodedata
from pathlib import Path

import pytest
from conftest import BASE_CONTENT

from generator.loader import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    HandPage,
    LoadedContent,
    Positions,
    format_field_path,
    load_content,
    parse_page,
    parse_yaml,
)
from generator.problems import Problem

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
        ("", ["1:1:tep-rong"]),
        ("# chỉ có chú thích\n\n", ["1:1:tep-rong"]),
        ("---\n", ["1:1:tep-rong"]),
        ("- a\n- b\n", ["1:1:khong-phai-cac-truong"]),
        ("chỉ một giá trị\n", ["1:1:khong-phai-cac-truong"]),
        ("a: 1\n---\nb: 2\n", ["3:1:nhieu-tai-lieu"]),
        ("a: 1\nb: 2\na: 3\n", ["3:1:truong-lap-lai"]),
        ("x:\n  a: 1\n  a: 2\n", ["3:3:truong-lap-lai"]),
        ("a:\n\tb: 1\n", ["2:1:thut-le-tab"]),
        ("a:\n  - b\n  \t- c\n", ["3:3:thut-le-tab"]),
        ("a: !!python/object:os.system x\n", ["1:4:the-yaml"]),
        ("a: !foo x\n", ["1:4:the-yaml"]),
        ("a: &x {b: 1}\nc:\n  <<: *x\n", ["3:3:the-yaml"]),
        ("? [a, b]\n: c\n", ["1:3:ten-truong-khong-phai-chu"]),
        ("a: b: c\n", ["1:5:can-ngoac-kep"]),
        ('a: "b\nc: d\n', ["1:4:chua-dong-ngoac"]),
        ("a: [1, 2\n", ["1:4:chua-dong-ngoac"]),
        ("a: 1\nb: x\x00y\n", ["2:5:loi-cu-phap"]),
        ("a: \x07\n", ["1:4:loi-cu-phap"]),
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
    assert problems == ["2:11:khong-phai-utf8"]
    # Windows-1258 with composed characters before the bad byte on the same line.
    raw = "name: Đà ".encode() + b"N\xe3\xdeng\n"  # "Nẵng" in Windows-1258
    _, _, problems = parse(raw)
    assert problems == ["1:11:khong-phai-utf8"]


def test_alias_limits() -> None:
    many = "a: &x 1\nb: [" + ", ".join(["*x"] * 101) + "]\n"
    data, _, problems = parse(many)
    assert data is None
    assert problems == [f"2:{5 + 4 * 100}:gioi-han-tham-chieu-yaml"]
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        bomb.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    data, _, problems = parse("\n".join(bomb) + "\n")
    assert data is None
    assert [p.split(":")[-1] for p in problems] == ["gioi-han-tham-chieu-yaml"]
    # A few aliases are fine.
    data, _, problems = parse("a: &x [1, 2]\nb: *x\n")
    assert problems == []
    assert data == {"a": [1, 2], "b": [1, 2]}


def test_file_size_limit() -> None:
    raw = b"a: " + b"x" * MAX_FILE_BYTES + b"\n"
    data, _, problems = parse(raw)
    assert data is None
    assert problems == ["1:1:tep-qua-lon"]


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
        ("content/ghi-chu.yml", "tep-la"),
        ("content/initiatives/2021/hong.yml", "chua-dong-ngoac"),
        ("content/initiatives/le.yml", "sai-vi-tri"),
    ]


def test_load_content_missing_folder(tmp_path: Path) -> None:
    loaded, problems = load_content(tmp_path / "nothing", display_root="nothing")
    assert loaded.records == []
    assert [(p.code, p.variant) for p in problems] == [("khong-doc-duoc", "no-folder")]


def test_display_root_relative_to_cwd(base_content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(base_content.parent)
    loaded, _ = load_content(Path("content"))
    assert loaded.display_root == "content"
    monkeypatch.chdir(base_content)
    loaded, _ = load_content(Path("."))
    assert {r.path for r in loaded.records} >= {"people/nguyen-van-an.yml"}


def test_syntax_error_messages_help() -> None:
    _, _, problems = parse_yaml("job_title: Tổ trưởng: tổ cơ điện\n".encode(), "x.yml")
    assert problems[0].code == "can-ngoac-kep"
    assert problems[0].message.startswith("giá trị của 'job_title' có dấu hai chấm và dấu cách")
    assert 'job_title: "Tổ trưởng: tổ cơ điện"' in problems[0].message
    assert problems[0].caret_lines() == [
        "    job_title: Tổ trưởng: tổ cơ điện",
        "    " + " " * 20 + "^",
    ]
    assert problems[0].text("en").startswith("the value of 'job_title' holds a colon and a space")
    _, _, problems = parse_yaml('name: "Trần\nunit: x\n'.encode(), "x.yml")
    assert (problems[0].line, problems[0].col) == (1, 7)  # the opening quote, not the end of file
    assert problems[0].code == "chua-dong-ngoac"
    assert "không được đóng" in problems[0].message
    _, _, problems = parse_yaml(b"a: 1\nb: \x00\n", "x.yml")
    assert "U+0000" in problems[0].message
    _, _, problems = parse_yaml(b"a: !!python/object:os.system x\n", "x.yml")
    assert (
        problems[0].message
        == "không được dùng thẻ YAML '!!python/object:os.system'; chỉ ghi giá trị thông thường"
    )
    assert problems[0].text("en") == "YAML tag '!!python/object:os.system' is not allowed"


# -- bounds: no traceback, no hang ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position"),
    [
        # The record's own mapping is the first level; the 32nd bracket opens level 33.
        ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", (1, 3 + MAX_DEPTH)),
        ("a: " + "{b: " * 10_000 + "}" * 10_000 + "\n", (1, 4 * MAX_DEPTH)),
        ("a:\n  " + "- " * 10_000 + "x\n", (2, 3 + 2 * (MAX_DEPTH - 1))),
        ("".join(" " * i + "k:\n" for i in range(1400)), (MAX_DEPTH + 1, MAX_DEPTH + 1)),
    ],
    ids=["flow-sequences", "flow-mappings", "block-sequences", "block-mappings"],
)
def test_deep_nesting_is_refused_with_a_position(text: str, position: tuple[int, int]) -> None:
    data, _, problems = parse_yaml(text.encode(), "x.yml")
    assert data is None
    assert [(p.line, p.col, p.code) for p in problems] == [(*position, "long-qua-sau")]


def test_nesting_through_aliases_is_bounded() -> None:
    # Each alias nests the previous list once more: shallow to the composer, deep once expanded.
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, 60)]
    data, _, problems = parse_yaml("\n".join(lines).encode(), "x.yml")
    assert data is None
    assert [p.code for p in problems] == ["long-qua-sau"]
    # A list that contains itself.
    data, _, problems = parse_yaml(b"a: &x [1, *x]\n", "x.yml")
    assert data is None
    assert [p.code for p in problems] == ["long-qua-sau"]


def test_records_nest_well_within_the_depth_limit() -> None:
    data, _, problems = parse_yaml(
        b"figures:\n  - alternatives:\n      - source:\n          title: S\n", "x.yml"
    )
    assert problems == []
    assert data == {"figures": [{"alternatives": [{"source": {"title": "S"}}]}]}


def _recipients(count: int) -> bytes:
    lines = ["title: T", "recipients:"]
    for i in range(count):
        lines += [
            f"  - person: nguoi-{i}",
            f"    initiative: sang-kien-{i}",
            "    citation: Có thành tích",
        ]
    return ("\n".join(lines) + "\n").encode()


def test_a_big_award_list_loads() -> None:
    data, _, problems = parse_yaml(_recipients(5_000), "x.yml")
    assert problems == []
    assert isinstance(data, dict) and len(data["recipients"]) == 5_000


def test_too_many_values_without_aliases_does_not_talk_about_aliases() -> None:
    raw = b"title: T\nrecipients:\n" + b"".join(b"  - person: p%d\n" % i for i in range(40_000))
    assert len(raw) < MAX_FILE_BYTES
    data, _, problems = parse_yaml(raw, "x.yml")
    assert data is None
    assert [p.code for p in problems] == ["qua-nhieu-gia-tri"]
    assert "alias" not in problems[0].message
    assert problems[0].line > 3  # where the limit was crossed


def test_huge_integers_are_kept_as_text_not_converted() -> None:
    digits = "1" * 5_000  # Python refuses to convert more than 4,300 digits
    data, positions, problems = parse_yaml(f"a: {digits}\nb: 12\n".encode(), "x.yml")
    assert problems == []
    assert data == {"a": digits, "b": 12}
    assert positions.sources[("a",)] == digits


def test_what_was_typed_is_kept_for_unquoted_non_text_values() -> None:
    data, positions, problems = parse_yaml(
        b"a: 0123\nb: yes\nc: 12:30:00\nd: 2022-06-29\ne: '0123'\nf: text\ng:\n", "x.yml"
    )
    assert problems == []
    assert data == {
        "a": 83,  # YAML 1.1 as PyYAML reads it; the validator reads it as the field asks
        "b": True,
        "c": 45000,
        "d": dt.date(2022, 6, 29),
        "e": "0123",
        "f": "text",
        "g": None,
    }
    assert positions.sources == {
        ("a",): "0123",
        ("b",): "yes",
        ("c",): "12:30:00",
        ("d",): "2022-06-29",
        ("g",): "",
    }


# -- invisible characters ---------------------------------------------------------------------


def test_zero_width_characters_are_removed_with_a_warning_at_the_character() -> None:
    text = "title: ok\nname: Nguy\u200bễn Văn\u2060 An\ntags: [\ufeffcơ khí]\n"
    data, _, problems = parse_yaml(text.encode(), "x.yml")
    assert data == {"title": "ok", "name": "Nguyễn Văn An", "tags": ["cơ khí"]}
    assert [(p.line, p.col, p.severity.value, p.code, p.field) for p in problems] == [
        (2, 11, "warning", "ky-tu-vo-hinh", "name"),
        (3, 8, "warning", "ky-tu-vo-hinh", "tags[0]"),
    ]
    assert "U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER" in problems[0].message


def test_escaped_control_characters_point_at_the_value() -> None:
    data, _, problems = parse_yaml(b'name: "An\\x07 \\u200e"\n', "x.yml")
    assert data == {"name": "An "}
    assert [(p.line, p.col, p.code) for p in problems] == [(1, 7, "ky-tu-vo-hinh")]


def test_bidi_overrides_are_errors_and_the_rest_is_still_read() -> None:
    text = "name: Trần \u202eAn\u202c\njob_title: Tổ trưởng\n"
    data, _, problems = parse_yaml(text.encode(), "x.yml")
    assert data == {"name": "Trần An", "job_title": "Tổ trưởng"}
    assert [(p.line, p.col, p.severity.value, p.code) for p in problems] == [
        (1, 12, "error", "ky-tu-dao-chieu")
    ]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING" in problems[0].message


def test_invisible_characters_in_keys_are_removed() -> None:
    data, positions, problems = parse_yaml("ti\u200btle: x\n".encode(), "x.yml")
    assert data == {"title": "x"}
    assert positions.keys[("title",)] == (1, 1)
    assert [(p.line, p.col, p.code, p.field) for p in problems] == [
        (1, 3, "ky-tu-vo-hinh", "title")
    ]


def test_emoji_sequences_keep_their_joiners() -> None:
    family = "👨\u200d👩\u200d👧"
    data, _, problems = parse_yaml(f"summary: {family}\n".encode(), "x.yml")
    assert problems == []
    assert data == {"summary": family}


# -- hand-written pages -----------------------------------------------------------------------


def page(text: str | bytes) -> tuple[HandPage | None, list[str]]:
    raw = text.encode() if isinstance(text, str) else text
    result, problems = parse_page(raw, "content/pages/x.md", "x", "pages/x.md")
    return result, [f"{p.line}:{p.col}:{p.code}" for p in problems]


def test_page_front_matter_positions_count_the_page_lines() -> None:
    result, problems = page("---\ntitle: Giới thiệu\nhide:\n  - toc\n---\n\n# Nội dung\n")
    assert problems == []
    assert result is not None
    assert result.meta == {"title": "Giới thiệu", "hide": ["toc"]}
    assert result.positions.keys[("title",)] == (2, 1)
    assert result.positions.keys[("hide", 0)] == (4, 5)
    assert result.body == "\n# Nội dung\n"
    assert result.body_line == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: x\n\nNội dung không có dòng đóng.\n", ["1:1:phan-khai-bao"]),
        ("---\ntitle: !!python/object/apply:os.system [ls]\n---\n", ["2:8:the-yaml"]),
        ("---\ntitle: x\ntitle: y\n---\n", ["3:1:truong-lap-lai"]),
        ("---\n- a\n---\n", ["2:1:khong-phai-cac-truong"]),
        ("---\ntitle: [\n---\n", ["2:8:chua-dong-ngoac"]),
        ("---\na: " + "[" * 100 + "\n---\n", [f"2:{3 + MAX_DEPTH}:long-qua-sau"]),
    ],
    ids=["unclosed", "python-tag", "duplicate", "list", "syntax", "deep"],
)
def test_refused_page_front_matter(text: str, expected: list[str]) -> None:
    result, problems = page(text)
    assert result is None
    assert problems == expected


def test_page_alias_bomb_stops_early() -> None:
    bomb = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        bomb.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    result, problems = page("\n".join([*bomb, "---", "Nội dung"]) + "\n")
    assert result is None
    assert [p.split(":")[-1] for p in problems] == ["gioi-han-tham-chieu-yaml"]


def test_pages_without_front_matter_or_with_an_empty_one() -> None:
    result, problems = page("# Giới thiệu\n\nNội dung.\n")
    assert problems == []
    assert result is not None and result.meta == {} and result.body.startswith("# Giới thiệu")
    result, problems = page("---\n# chỉ có chú thích\n---\nNội dung\n")
    assert problems == []
    assert result is not None and result.meta == {} and result.body == "Nội dung\n"


def test_page_body_is_cleaned_of_invisible_characters() -> None:
    result, problems = page("---\ntitle: x\n---\nDòng một\nDòng\u200b hai \u202eđảo\n")
    assert result is not None
    assert result.body == "Dòng một\nDòng hai đảo\n"
    assert sorted(problems) == ["5:11:ky-tu-dao-chieu", "5:5:ky-tu-vo-hinh"]


# -- only regular files -----------------------------------------------------------------------

SECRETS = [Path("/etc/passwd"), Path("/proc/self/environ")]
CONTENT_FOLDERS = [
    "",
    "campaigns",
    "units",
    "people",
    "initiatives/2022",
    "awards",
    "events",
    "pages",
    "media",
]


def _secret_bytes() -> list[bytes]:
    out = []
    for path in SECRETS:
        data = path.read_bytes()
        # Long enough to be recognisable, short enough to be a fair substring test.
        for line in data.split(b"\n" if path.name == "passwd" else b"\0"):
            if len(line) >= 12:
                out.append(line)
    assert out
    return out


def _everything_loaded(loaded: LoadedContent) -> str:
    parts: list[str] = []
    for record in [*loaded.records, *loaded.singles.values()]:
        parts.append(repr(record.data))
    for hand in loaded.pages:
        parts += [hand.text, hand.body, repr(hand.meta)]
    parts += sorted(loaded.media)
    return "\n".join(parts)


def test_links_and_special_files_are_refused_everywhere(base_content: Path) -> None:
    expected: list[str] = []
    for folder in CONTENT_FOLDERS:
        target = base_content / folder
        target.mkdir(parents=True, exist_ok=True)
        prefix = f"content/{folder}/" if folder else "content/"
        names = {
            "pages": ("leak.md", "env.md"),
            "media": ("leak.svg", "env.png"),
        }.get(folder, ("leak.yml", "env.yml"))
        for name, secret in zip(names, SECRETS, strict=True):
            (target / name).symlink_to(secret)
            expected.append(prefix + name)
        (target / "dangling.yml").symlink_to(target / "nowhere.yml")
        (target / "folder-link").symlink_to("/etc")
        (target / "loop-a").symlink_to(target / "loop-b")
        (target / "loop-b").symlink_to(target / "loop-a")
        os.mkfifo(target / "fifo.yml")
        expected += [
            prefix + n for n in ("dangling.yml", "folder-link", "loop-a", "loop-b", "fifo.yml")
        ]
    # Folders named like records, including in pages/ and media/.
    for folder in ("pages/tu-lieu.md", "people/thu-muc.yml", "media/anh.yml"):
        (base_content / folder).mkdir()
        (base_content / folder / "x.yml").write_text("name: x\n", encoding="utf-8")
        expected.append(f"content/{folder}")
    # A socket.
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(base_content / "media" / "s.sock"))
        expected.append("content/media/s.sock")
        loaded, problems = load_content(base_content, display_root="content")
    refused = sorted(p.path for p in problems if p.code == "khong-phai-tep-thuong")
    assert refused == sorted(expected)
    assert all((p.line, p.col) == (1, 1) for p in problems)
    assert {p.code for p in problems} == {"khong-phai-tep-thuong"}
    # Nothing of the linked files was read, listed or kept.
    assert loaded.media == {"media/nguyen-van-an.png"}
    assert [p.slug for p in loaded.pages] == ["gioi-thieu"]
    assert len(loaded.records) == 11
    everything = _everything_loaded(loaded)
    for secret in _secret_bytes():
        assert secret.decode("utf-8", "replace") not in everything


def test_a_record_replaced_by_a_fifo_does_not_block(base_content: Path) -> None:
    path = base_content / "people" / "nguyen-van-an.yml"
    path.unlink()
    os.mkfifo(path)
    loaded, problems = load_content(base_content, display_root="content")
    assert [(p.path, p.code) for p in problems] == [
        ("content/people/nguyen-van-an.yml", "khong-phai-tep-thuong")
    ]
    assert ("person", "nguyen-van-an") not in {(r.kind, r.id) for r in loaded.records}


# -- YAML mistakes explained (issue 13) --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An unquoted ": " in a value; in a list item; after an address in the line above.
        ("title: Sổ tay: an toàn\n", "1:14:can-ngoac-kep/colon"),
        ("items:\n  - citation: Thành tích: tốt\n", "2:25:can-ngoac-kep/colon"),
        ("images:\n  - https://x.vn/a.jpg\ntitle: Sổ: tay\n", "3:10:can-ngoac-kep/colon"),
        # Indentation: deeper than a field that has a value; lining up with nothing; a list
        # item where a field goes; a field among list items.
        ("title: x\n   unit: y\n", "2:4:thut-le/deeper"),
        ("recognition:\n    by: a\n  level: b\n", "3:3:thut-le/unaligned"),
        ("authors:\n  - a: 1\n   - a: 2\n", "3:4:thut-le/unaligned"),
        ("title: x\n- a\n", "2:1:thut-le/list-item"),
        ("tags:\n  - a\n  b: c\n", "3:3:thut-le/in-list"),
        # Quotes and brackets, pointed at where they open.
        ('title: "Sổ tay\nunit: x\n', "1:8:chua-dong-ngoac/quote"),
        ("title: 'Sổ tay\nunit: x\n", "1:8:chua-dong-ngoac/quote"),
        ('title: "abc\nunit: "x"\n', "1:8:chua-dong-ngoac/quote"),
        ("tags: [a, b\nunit: x\n", "1:7:chua-dong-ngoac/bracket"),
        ("a: {b: 1,\n", "1:4:chua-dong-ngoac/bracket"),
        ('title: "Sổ tay" điện tử\n', "1:17:can-ngoac-kep/after-quote"),
        ("title: @abc\n", "1:8:can-ngoac-kep/start"),
        ("title: *Quan trọng*\n", "1:8:can-ngoac-kep/alias"),
        ("title: *Cải tiến*\n", "1:8:can-ngoac-kep/start"),
        ("title: *abc\n", "1:8:can-ngoac-kep/alias"),
        ('bio: "C:\\Tai lieu"\n', "1:10:can-ngoac-kep/escape"),
        ("title:x\nunit: y\n", "1:7:can-ngoac-kep/no-space"),
        ("title: x\nunit y\nfield: z\n", "2:1:loi-cu-phap/no-colon"),
        ("a:\n\tb: 1\n", "2:1:thut-le-tab/"),
    ],
)
def test_yaml_mistakes_are_named(text: str, expected: str) -> None:
    data, _, problems = parse_yaml(text.encode("utf-8"), "x.yml")
    assert data is None
    assert [f"{p.line}:{p.col}:{p.code}/{p.variant}" for p in problems] == [expected]
    problem = problems[0]
    # The offending line, with a caret under the column, for the text output.
    assert problem.excerpt == text.split("\n")[problem.line - 1]
    assert problem.caret_lines()[1] == "    " + " " * (problem.col - 1) + "^"
    assert "expected <block end>" not in problem.message + problem.text("en")


@pytest.mark.parametrize(
    ("line", "warned"),
    [
        ("title: Sổ tay #1 an toàn", "'Sổ tay'"),
        ("title: Sổ tay # an toàn", "'Sổ tay'"),
        ("job_title: Tổ trưởng tổ #3", "'Tổ trưởng tổ'"),
        ("unit: cdcs-nha-may  # đơn vị cũ", ""),  # a code and a comment, as YAML means it
        ("benefit_vnd: 1000  # ước tính", ""),  # not text
        ('title: "Sổ tay #1"', ""),  # quoted
        ("title: Sổ#tay", ""),  # no space before #: part of the text
    ],
)
def test_a_value_cut_by_a_comment_is_warned(line: str, warned: str) -> None:
    data, _, problems = parse_yaml((line + "\n").encode("utf-8"), "x.yml")
    assert data is not None
    if not warned:
        assert problems == []
        return
    assert [(p.code, p.severity.value) for p in problems] == [("dau-thang", "warning")]
    assert warned in problems[0].message
    assert problems[0].col == line.index("#") + 1


def _every_yaml_file() -> list[Path]:
    repo = Path(__file__).resolve().parent.parent
    found = sorted((repo / "content").rglob("*.yml")) + sorted((repo / "tests").rglob("*.yml"))
    return [p for p in found if p.is_file() and not p.is_symlink()]


def test_libyaml_and_the_python_composer_read_every_file_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The libyaml fast path gives the same data, positions and problems as the careful one."""
    import generator.loader as loader

    files = _every_yaml_file()
    assert len(files) > 100
    extra = [
        b"title: S\xe1\xbb\x95 tay #1 an to\xc3\xa0n\nunit: cdcs-a  # c\xc5\xa9\n",
        b"a: 1\nb: [1, 2, {c: 'x'}]\nd: |\n  d\xc3\xb2ng 1\n  d\xc3\xb2ng 2\ne: 2022-06-29\n",
        b"a: yes\nb: ~\nc: 0x1F\nd: 1_000\ne: '29/6/2022'\nf: \"\\u00e0\"\n",
    ]
    sources = [(p.read_bytes(), p.as_posix()) for p in files] + [
        (raw, f"extra-{i}.yml") for i, raw in enumerate(extra)
    ]
    fast_used = 0
    for raw, display in sources:
        fast = loader.parse_yaml(raw, display)
        with monkeypatch.context() as patched:
            patched.setattr(loader, "_CLoader", None)
            careful = loader.parse_yaml(raw, display)
        assert fast == careful, display
        fast_used += loader._compose_fast(raw.decode("utf-8", "replace")) is not None
    assert fast_used > len(sources) // 2, "the fast path was tried on most files"


# -- files unchanged since the last load (the preview) -------------------------------------------


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import generator.loader as loader

    reads: list[str] = []
    real = loader._read_regular

    def counted(path: Path | str, display: str) -> tuple[bytes | None, list[Problem]]:
        reads.append(Path(path).name)
        return real(path, display)

    monkeypatch.setattr(loader, "_read_regular", counted)
    return reads


def test_known_files_are_not_read_again_until_they_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.loader import KnownFiles

    shutil.copytree(BASE_CONTENT, tmp_path / "content")
    content = tmp_path / "content"
    known = KnownFiles()
    monkeypatch.setattr(KnownFiles, "RACY_NS", 0)  # every file counts as safely old
    first, _ = load_content(content, display_root="content", known=known)
    reads = _counting_reads(monkeypatch)
    again, _ = load_content(content, display_root="content", known=known)
    assert reads == [] and again == first

    record = content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    record.write_text(record.read_text("utf-8").replace("title: ", "title: Bản mới, ", 1), "utf-8")
    edited, _ = load_content(content, display_root="content", known=known)
    assert reads == ["may-cat-tu-dong.yml"]
    titles = {r.id: r.data.get("title") for r in edited.records}
    assert str(titles["may-cat-tu-dong"]).startswith("Bản mới, ")


def test_a_file_read_in_the_tick_it_changed_is_not_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second change within the same clock tick would keep size and times: such a file
    must be read again next time, however its status looks."""
    import generator.loader as loader
    from generator.loader import KnownFiles

    shutil.copytree(BASE_CONTENT, tmp_path / "content")
    content = tmp_path / "content"
    record = content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    changed_at = record.stat().st_ctime_ns
    known = KnownFiles()
    reads = _counting_reads(monkeypatch)

    monkeypatch.setattr(loader.time, "time_ns", lambda: changed_at)  # read in the same tick
    load_content(content, display_root="content", known=known)
    load_content(content, display_root="content", known=known)
    assert reads.count("may-cat-tu-dong.yml") == 2

    later = changed_at + KnownFiles.RACY_NS + 1
    monkeypatch.setattr(loader.time, "time_ns", lambda: later)
    load_content(content, display_root="content", known=known)
    load_content(content, display_root="content", known=known)
    assert reads.count("may-cat-tu-dong.yml") == 3
