"""Property tests: whatever an editor (or a broken tool) writes, the stages return Problems,
never an exception, and every Problem points at a real place with a catalogued code."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BASE_CONTENT, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalogue import CATALOGUE
from generator.kinds import ALL_MODELS, RECORD_KINDS
from generator.loader import parse_yaml
from generator.model import PRIVACY_KEYS
from generator.pipeline import check_content
from generator.problems import Problem, has_errors

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def assert_well_formed(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.line >= 1, problem
        assert problem.col >= 1, problem
        assert problem.code in CATALOGUE, problem
        assert problem.message, problem


# -- loader ------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=2000))
def test_parse_yaml_never_raises_on_bytes(raw: bytes) -> None:
    data, _, problems = parse_yaml(raw, "x.yml")
    # No data only with an error; data may come with warnings (or a bidi error) too.
    assert data is not None or has_errors(problems)
    assert data is None or isinstance(data, dict)
    assert_well_formed(problems)


YAML_PIECES = st.sampled_from(
    [
        "a",
        "b",
        "title",
        "tên",
        "Đ",
        "ư",
        "ễ",
        "e\u0301",
        "0",
        "1.5",
        "-1",
        "2022-13-45",
        "29/6/2022",
        ":",
        ": ",
        "- ",
        "-",
        "?",
        "? ",
        ",",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "*b",
        "!",
        "!!str ",
        "!!python/object ",
        "<<: ",
        "|",
        ">",
        "'",
        '"',
        "#",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "\n",
        "  ",
        "    ",
        "\t",
        "\r\n",
        "\ufeff",
        "\x00",
        "\x85",
        "\u2028",
        "~",
        "null",
        "yes",
        "on",
        ".inf",
        "0x1F",
        "0o17",
        "1_000",
        "\\",
        "@",
        "`",
    ]
)


@SETTINGS
@given(st.lists(YAML_PIECES, max_size=60).map("".join))
def test_parse_yaml_never_raises_on_yaml_like_text(text: str) -> None:
    data, positions, problems = parse_yaml(text.encode("utf-8"), "x.yml")
    # No data only with an error; data may come with warnings (or a bidi error) too.
    assert data is not None or has_errors(problems)
    assert_well_formed(problems)
    for line, col in [*positions.keys.values(), *positions.values.values()]:
        assert line >= 1 and col >= 1


@SETTINGS
@given(st.text(max_size=300))
def test_parse_yaml_never_raises_on_any_text(text: str) -> None:
    data, _, problems = parse_yaml(text.encode("utf-8", errors="surrogatepass"), "x.yml")
    # No data only with an error; data may come with warnings (or a bidi error) too.
    assert data is not None or has_errors(problems)
    assert_well_formed(problems)


# -- the whole pipeline ---------------------------------------------------------


@pytest.fixture(scope="module")
def content() -> Iterator[Path]:
    """One copy of the base content for the whole module; each example adds one file."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "content"
        shutil.copytree(BASE_CONTENT, target)
        yield target


FIELD_NAMES = sorted({name for model in ALL_MODELS.values() for name in model.model_fields})
KEYS = st.one_of(
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(sorted(PRIVACY_KEYS)),
    st.text(min_size=1, max_size=12),
)
IDS = st.sampled_from(
    [
        "nguyen-van-an",
        "tran-thi-binh",
        "ldld-tinh-mau",
        "tong-ldld",
        "cdcs-nha-may-mau",
        "may-cat-tu-dong",
        "so-hoa-ho-so",
        "chuong-trinh-mau",
        "giai-doan-1",
        "diem-hen-2022",
        "bang-khen-2022",
        "san-xuat",
        "bang-khen",
        "co-so",
        "cong-nhan",
        "x",
        "Không-hợp-lệ",
        "media/nguyen-van-an.png",
        "media/khong-co.jpg",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(),
    IDS,
    st.sampled_from(
        ["31/2/2022", "29/6/2022", "162.000.000", "<script>x</script>", "javascript:x"]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(KEYS, children, max_size=5),
    ),
    max_leaves=20,
)
KINDS = sorted([*RECORD_KINDS, "site", "taxonomies"])


def record_path(content: Path, kind: str) -> Path:
    if kind in ("site", "taxonomies"):
        return content / f"{kind}.yml"
    folder = RECORD_KINDS[kind][0]
    if kind == "initiative":
        return content / folder / "2022" / "hypothesis-record.yml"
    return content / folder / "hypothesis-record.yml"


def run_pipeline(content: Path, kind: str, text: str) -> list[Problem]:
    path = record_path(content, kind)
    backup = path.read_bytes() if path.exists() else None
    path.write_text(text, encoding="utf-8")
    try:
        site, problems = check_content(content, display_root="content", today=TODAY)
    finally:
        if backup is None:
            path.unlink()
        else:
            path.write_bytes(backup)
    assert_well_formed(problems)
    assert (site is None) == any(p.severity == "error" for p in problems)
    return problems


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@SETTINGS
@given(kind=st.sampled_from(KINDS), data=VALUES)
def test_pipeline_never_raises_on_arbitrary_records(content: Path, kind: str, data: Any) -> None:
    run_pipeline(content, kind, dump(data))


def _field_values(model: type) -> st.SearchStrategy[Any]:
    """Plausible values for a field, mixed with wrong types."""
    return st.one_of(SCALARS, IDS, st.lists(IDS, max_size=3), VALUES)


@st.composite
def model_records(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A record of one kind: a random subset of its real fields (nested models too)."""
    kind = draw(st.sampled_from(KINDS))

    def build(model: Any, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            if not draw(st.booleans()) and not info.is_required():
                continue
            if info.is_required() and draw(st.integers(0, 9)) == 0:
                continue  # sometimes leave out a required field
            nested = [
                arg
                for arg in _walk(info.annotation)
                if isinstance(arg, type) and hasattr(arg, "model_fields")
            ]
            if nested and depth < 3 and draw(st.booleans()):
                item = build(nested[0], depth + 1)
                out[name] = [item] if "list" in str(info.annotation) else item
            else:
                out[name] = draw(_field_values(model))
        return out

    return kind, build(ALL_MODELS[kind], 0)


def _walk(annotation: Any) -> list[Any]:
    import typing

    out = [annotation]
    for arg in typing.get_args(annotation):
        out.extend(_walk(arg))
    return out


@SETTINGS
@given(model_records())
def test_pipeline_never_raises_on_model_shaped_records(
    content: Path, record: tuple[str, dict[str, Any]]
) -> None:
    kind, data = record
    run_pipeline(content, kind, dump(data))


@SETTINGS
@given(kind=st.sampled_from(KINDS), raw=st.binary(max_size=300))
def test_pipeline_never_raises_on_arbitrary_bytes(content: Path, kind: str, raw: bytes) -> None:
    path = record_path(content, kind)
    backup = path.read_bytes() if path.exists() else None
    path.write_bytes(raw)
    try:
        _, problems = check_content(content, display_root="content", today=TODAY)
    finally:
        if backup is None:
            path.unlink()
        else:
            path.write_bytes(backup)
    assert_well_formed(problems)


BASE_FILES = sorted(p.relative_to(BASE_CONTENT).as_posix() for p in BASE_CONTENT.rglob("*.yml"))


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out.extend(_paths(value, (*prefix, index)))
    return out


@st.composite
def mutated_base_records(draw: st.DrawFn) -> tuple[str, str]:
    """A valid base record with one value replaced, one key removed or one key added."""
    rel = draw(st.sampled_from(BASE_FILES))
    data = yaml.safe_load((BASE_CONTENT / rel).read_text("utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(st.one_of(SCALARS, IDS, VALUES))
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(KEYS)] = draw(st.one_of(SCALARS, IDS))
        else:
            parent.append(draw(st.one_of(IDS, VALUES)))
    return rel, dump(data)


@SETTINGS
@given(mutated_base_records())
def test_pipeline_never_raises_on_mutated_base_records(
    content: Path, record: tuple[str, str]
) -> None:
    rel, text = record
    path = content / rel
    backup = path.read_bytes()
    path.write_text(text, encoding="utf-8")
    try:
        site, problems = check_content(content, display_root="content", today=TODAY)
    finally:
        path.write_bytes(backup)
    assert_well_formed(problems)
    if site is not None:
        # A linked site can be walked without surprises.
        for unit in site.units.values():
            assert unit not in unit.descendants
            unit.all_awards  # noqa: B018
        site.totals_by_year()
        site.totals_by_unit(include_sub_units=True)
