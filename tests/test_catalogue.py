"""The error catalogue and the other texts: both languages, every code used, nothing missing.

The code base is read (ast) for every Problem it can make and every text key it names, so a
message added in code without its Vietnamese and English text fails here, not in front of
an editor.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from conftest import REPO

from generator.catalogue import CATALOGUE, OLD_CODES, PHRASES, has_message, message_template
from generator.cli import cli
from generator.i18n import LANGS, Msg, Params, Template, language_from_env, render
from generator.kinds import KINDS
from generator.problems import Problem, Severity, format_json, format_text
from generator.texts import CLICK_VI, TEXTS

SOURCES = sorted((REPO / "generator").rglob("*.py"))
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _all_templates() -> Iterator[tuple[str, Template]]:
    for code, entry in CATALOGUE.items():
        for variant, template in entry.messages.items():
            yield (f"{code}/{variant}" if variant else code), template
    yield from PHRASES.items()
    yield from TEXTS.items()


@pytest.mark.parametrize(("key", "template"), list(_all_templates()), ids=lambda v: str(v)[:40])
def test_both_languages_with_the_same_values(key: str, template: object) -> None:
    assert isinstance(template, Template)
    assert template.vi.strip() and template.en.strip(), key
    assert template.fields("vi") == template.fields("en"), key


def test_codes_are_vietnamese_slugs_with_an_example() -> None:
    for code, entry in CATALOGUE.items():
        assert SLUG.match(code), code
        assert entry.messages, code
        variant = entry.example_variant
        assert variant in entry.messages, code
        for lang in LANGS:
            key = f"{code}/{variant}" if variant else code
            text = render(key, entry.example, lang)
            assert not re.search(r"\{[a-z_]+[}!:]", text), (code, text)
        for part in (entry.title, entry.meaning, entry.fix):
            assert part.vi.strip() and part.en.strip(), code


def test_keys_are_unique_across_tables() -> None:
    assert not set(PHRASES) & set(TEXTS)
    assert not set(CATALOGUE) & (set(PHRASES) | set(TEXTS))


def test_old_codes_map_to_codes_that_exist() -> None:
    assert OLD_CODES["wrong-type"] == ("sai-kieu",)
    assert OLD_CODES["unknown-reference"] == ("khong-ton-tai",)
    for new in OLD_CODES.values():
        assert set(new) <= set(CATALOGUE)


def _calls(name: str) -> Iterator[tuple[Path, ast.Call]]:
    for path in SOURCES:
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called == name:
                    yield path, node


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _argument(call: ast.Call, position: int, keyword: str) -> ast.AST | None:
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    return call.args[position] if len(call.args) > position else None


#: Where the code base makes problems: (file, function) → (code: position or fixed code,
#: variant: position).  Keyword arguments named ``code`` and ``variant`` are read too.
MAKERS: dict[tuple[str, str], tuple[int | str, int]] = {
    ("*", "Problem"): (3, 7),
    ("*", "FieldError"): (0, 2),
    ("*", "DateFormatError"): (0, 2),
    ("*", "SheetError"): ("nhap-tep-loi", 0),
    ("loader.py", "_LoadError"): (0, 5),
    ("loader.py", "_not_regular"): ("khong-phai-tep-thuong", 1),
    ("syntax.py", "_problem"): (4, 6),
    ("link.py", "problem"): (2, 4),
    ("validate.py", "problem"): (0, 2),
    ("validate.py", "warn"): ("cach-viet-so", 2),
    ("__init__.py", "add"): (3, 5),
    ("records.py", "PlanProblem"): (2, 4),
    ("images.py", "ImageError"): (0, 1),
    ("parse.py", "RowProblem"): ("nhap-dong-loi", 2),
    ("settings.py", "option_error"): ("nhap-tuy-chon", 0),
}


def test_every_problem_the_code_makes_is_in_the_catalogue() -> None:
    """Each place that makes a problem names a code and message of the catalogue; every
    code of the catalogue is made somewhere (no entry the tools can never print)."""
    made = set()
    for (where, name), (code_at, variant_at) in MAKERS.items():
        for path, call in _calls(name):
            if where != "*" and path.name != where:
                continue
            code = (
                code_at if isinstance(code_at, str) else _literal(_argument(call, code_at, "code"))
            )
            if code is None:
                continue  # passed through from a value made elsewhere (checked there)
            given = _argument(call, variant_at, "variant")
            variant = _literal(given)
            place = f"{path.name}:{call.lineno}"
            if given is not None and variant is None:
                assert code in CATALOGUE, f"{place}: {code}"
            else:
                assert has_message(code, variant or ""), f"{place}: {code}/{variant}"
            made.add(code)
    assert set(CATALOGUE) - made == set()


def test_every_text_key_the_code_names_exists() -> None:
    """Literal keys of Msg(...), t(...), render(...) and the CLI's help keys."""
    known = set(TEXTS) | set(PHRASES)
    for name in ("Msg", "t"):
        for path, call in _calls(name):
            key = _literal(call.args[0] if call.args else None)
            if key is not None:
                assert key in known, f"{path.name}:{call.lineno}: {key}"
    # f-string keys: every value they can take.
    # The names of kinds come from the registry (every kind has them in both languages).
    for name in KINDS:
        template = message_template(f"kind.{name}")
        assert template.vi and template.en and template.vi != template.en, name
    for prefix, values in {
        "vocab.": (
            "fields",
            "initiative_types",
            "award_forms",
            "recognition_levels",
            "unit_kinds",
            "statuses",
        ),
        "span.": ("campaign", "phase", "event"),
        "colour.": ("primary", "accent"),
        "personal.": ("phone", "email", "id"),
        "import.kind-": ("unit", "event", "campaign"),
        "import.what-": ("field", "type", "field-type"),
        "severity.": ("error", "warning"),
    }.items():
        for value in values:
            assert prefix + value in known, prefix + value


def test_every_command_and_option_has_help_in_both_languages() -> None:
    for name, command in cli.commands.items():
        assert f"cli.{name}.help" in TEXTS, name
        for param in command.params:
            if isinstance(param, click.Option) and param.name is not None:
                assert f"cli.{name}.{param.name}" in TEXTS, f"{name} --{param.name}"


def test_click_translations_keep_their_placeholders() -> None:
    for english, vietnamese in CLICK_VI.items():
        # Vietnamese may leave a value out ("integer" is English), never add one.
        assert set(re.findall(r"\{\w+", vietnamese)) <= set(re.findall(r"\{\w+", english)), english
        assert set(re.findall(r"%\(\w+\)", english)) == set(re.findall(r"%\(\w+\)", vietnamese))


# -- the language machinery -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "vi"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "vi"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "SHOWCASE_LANG": "vi"}, "vi"),
        ({"SHOWCASE_LANG": "en"}, "en"),
        ({"LANG": ""}, "vi"),
    ],
)
def test_language_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert language_from_env(environ) == expected


def test_numbers_dates_lists_and_plurals_follow_the_language() -> None:
    size = Msg("tep-qua-lon", size=3145728, limit=1048576)
    assert size.render("vi") == "tệp nặng 3.145.728 byte; mỗi hồ sơ tối đa 1.048.576 byte"
    assert size.render("en") == "file is 3,145,728 bytes; records are limited to 1,048,576 bytes"
    order = Msg(
        "sai-thu-tu-ngay",
        what=Msg("span.phase"),
        start=dt.date(2022, 9, 1),
        end=dt.date(2022, 5, 31),
    )
    assert order.render("vi") == "giai đoạn kết thúc (31/5/2022) trước khi bắt đầu (1/9/2022)"
    assert order.render("en") == "phase ends (2022-05-31) before it starts (2022-09-01)"
    choice = Msg("gia-tri-khong-hop-le/literal", choices=["'a'", "'b'", "'c'"], got="'d'")
    assert choice.render("vi") == "cần một trong 'a', 'b' hoặc 'c', nhưng gặp 'd'"
    assert choice.render("en") == "expected one of 'a', 'b' or 'c', got 'd'"
    assert render("problems.summary", {"errors": 1, "warnings": 2}, "en") == "1 error, 2 warnings"
    assert render("problems.summary", {"errors": 1, "warnings": 2}, "vi") == "1 lỗi, 2 cảnh báo"


def test_a_problem_is_made_in_the_language_it_is_printed_in() -> None:
    problem = Problem(
        "content/x.yml",
        12,
        5,
        "sai-kieu",
        {"expected": Msg("type.whole-number"), "got": "'1,5 tỷ'", "hint": ""},
        "benefit_vnd",
    )
    assert problem.format("vi") == (
        "content/x.yml:12:5: lỗi [sai-kieu]: cần một số nguyên, nhưng gặp '1,5 tỷ' (benefit_vnd)"
    )
    assert problem.format("en") == (
        "content/x.yml:12:5: error [sai-kieu]: expected a whole number, got '1,5 tỷ' (benefit_vnd)"
    )
    assert '"message": "expected a whole number' in format_json([problem], "en")
    assert '"old_code": "wrong-type"' in format_json([problem], "en")
    assert format_text([problem], "vi").endswith("1 lỗi, 0 cảnh báo\n")
    # Params are frozen: problems are values, deduplicated and sorted the same in any language.
    again = Problem(
        "content/x.yml",
        12,
        5,
        "sai-kieu",
        {"expected": Msg("type.whole-number"), "got": "'1,5 tỷ'", "hint": ""},
        "benefit_vnd",
    )
    assert problem == again and len({problem, again}) == 1
    assert isinstance(problem.params, Params)


def test_a_code_or_message_not_in_the_catalogue_is_refused() -> None:
    with pytest.raises(ValueError, match="not in the error catalogue"):
        Problem("x.yml", 1, 1, "khong-co-ma-nay")
    with pytest.raises(ValueError, match="not in the error catalogue"):
        Problem("x.yml", 1, 1, "sai-kieu", variant="khong-co")
    assert Problem("x.yml", 1, 1, "tep-rong", severity=Severity.WARNING).message == (
        "tệp trống, không có trường nào"
    )


def test_caret_lines_show_tabs_and_point_at_the_column() -> None:
    problem = Problem("x.yml", 2, 1, "thut-le-tab", excerpt="\tunit: x")
    assert problem.caret_lines() == ["    →unit: x", "    ^"]
    text = format_text([problem], "vi")
    assert text.splitlines()[1:3] == ["    →unit: x", "    ^"]
