"""Validate: raw records → typed models; pydantic errors translated into located Problems."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from generator.loader import LoadedContent, RawRecord, parse_page, parse_yaml
from generator.model import Award, HandPageFront, Initiative, Person, parse_date
from generator.problems import Problem, Severity
from generator.validate import ValidContent, validate_content

TODAY = dt.date(2024, 1, 1)
FOLDERS = {
    "person": "people",
    "unit": "units",
    "initiative": "initiatives/2022",
    "award": "awards",
    "event": "events",
    "campaign": "campaigns",
}

INITIATIVE = """\
title: Cải tiến máy cắt
authors:
  - person: nguyen-van-an
unit: cdcs-nha-may-mau
field: san-xuat
type: giai-phap-ky-thuat
status: cong-nhan
summary: Giảm thời gian cắt phôi.
"""


def run(kind: str, text: str, ident: str = "x") -> tuple[ValidContent, list[Problem]]:
    """Validate one record (the missing site.yml/taxonomies.yml are not reported here)."""
    path = f"content/{FOLDERS[kind]}/{ident}.yml"
    data, positions, problems = parse_yaml(text.encode("utf-8"), path)
    assert problems == [] and data is not None
    raw = RawRecord(
        kind,
        ident,
        path,
        path.removeprefix("content/"),
        data,
        positions,
        "2022" if kind == "initiative" else None,
    )
    loaded = LoadedContent(root=Path("content"), display_root="content", records=[raw])
    valid, problems = validate_content(loaded, today=TODAY)
    return valid, [p for p in problems if p.path == path]


def short(problems: list[Problem]) -> list[str]:
    return sorted(f"{p.line}:{p.col}:{p.code}:{p.field}" for p in problems)


def test_valid_record_passes() -> None:
    valid, problems = run("initiative", INITIATIVE)
    assert problems == []
    assert len(valid.records) == 1
    record = valid.records[0]
    assert isinstance(record.model, Initiative)
    assert record.kind == "initiative" and record.id == "x"
    assert record.at(("authors", 0, "person")) == (3, 13)
    assert record.at(("authors", 0), key=True) == (3, 5)


def test_missing_field_at_parent_or_file_start() -> None:
    text = INITIATIVE.replace("title: Cải tiến máy cắt\n", "").replace(
        "  - person: nguyen-van-an\n", "  - share: 100\n"
    )
    _, problems = run("initiative", text)
    assert short(problems) == ["1:1:thieu-truong:title", "2:5:chon-mot:authors[0]"]
    assert problems[0].text("en") == "missing required field 'title'"


def test_unknown_field_suggests_nearest() -> None:
    _, problems = run(
        "initiative", INITIATIVE + "sumary: x\nrecognition:\n  by: a\n  levle: co-so\n"
    )
    messages = {p.field: p.text("en") for p in problems}
    assert messages["sumary"] == "unknown field 'sumary'; did you mean 'summary'?"
    assert messages["recognition.levle"] == "unknown field 'levle'; did you mean 'level'?"
    assert short(problems) == [
        "10:1:thieu-truong:recognition.level",  # at the key of the mapping that lacks it
        "12:3:truong-la:recognition.levle",
        "9:1:truong-la:sumary",
    ]


def test_unknown_field_without_close_match_lists_fields() -> None:
    _, problems = run("person", "name: An\nxyz: 1\n")
    assert problems[0].text("en").startswith("unknown field 'xyz'; expected one of: ")
    assert "job_title" in problems[0].text("en")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "benefit_vnd: 162.000.000",
            "expected a whole number, got '162.000.000' (write digits only, without '.' or ',' separators)",
        ),
        (
            "benefit_vnd: 162,000,000",
            "expected a whole number, got '162,000,000' (write digits only, without '.' or ',' separators)",
        ),
        (
            "benefit_vnd: hai trăm triệu",
            "expected a whole number, got 'hai trăm triệu' (write the number with digits only: "
            "1,5 tỷ is 1500000000, 300 nghìn is 300000)",
        ),
        (
            "benefit_vnd: 1.5",
            "expected a whole number written with digits only, got 1.5: '.' and ',' are not "
            "thousands separators in YAML (write 162000000, not 162.000.000)",
        ),
        ("benefit_vnd: -1", "value must be 0 or more, got -1"),
        ("tags: cơ khí", "expected a list (lines starting with '- '), got 'cơ khí'"),
        ("recognition: co-so", "expected a mapping of fields (key: value), got 'co-so'"),
        (
            "first_applied: 31/2/2022",
            "the date '31/2/2022' does not exist: 2/2022 has only 28 days",
        ),
        (
            "first_applied: tháng 6",
            "'tháng 6' is not a date in an accepted form; write YYYY-MM-DD (2022-06-29) or D/M/YYYY (29/6/2022)",
        ),
        ("first_applied: [1, 2]", "expected a date (2022-06-29 or 29/6/2022), got a list"),
        (
            "example: có",
            "expected true or false, got 'có' (only true or false: perhaps true is meant)",
        ),
        (
            "example: yes",
            "expected true or false, got 'yes' (only true or false: perhaps true is meant)",
        ),
        (
            "example: off",
            "expected true or false, got 'off' (only true or false: perhaps false is meant)",
        ),
        (
            "example: 1",
            "expected true or false, got '1' (only true or false: perhaps true is meant)",
        ),
        (
            "example: y",
            "expected true or false, got 'y' (only true or false: perhaps true is meant)",
        ),
        (
            "benefit_vnd: 1000000000000000000000000000000",
            "value must be 1000000000000000 or less, got 1000000000000000000000000000000",
        ),
        ("benefit_vnd: .nan", "expected a real number, not nan (.nan and .inf measure nothing)"),
    ],
)
def test_type_errors_are_translated(line: str, expected: str) -> None:
    _, problems = run("initiative", INITIATIVE + line + "\n")
    assert [p.text("en") for p in problems] == [expected]
    assert (problems[0].line, problems[0].col) == (9, line.index(":") + 3)


def test_list_instead_of_text_points_at_the_value() -> None:
    text = INITIATIVE.replace("unit: cdcs-nha-may-mau\n", "unit:\n  - cdcs-nha-may-mau\n")
    _, problems = run("initiative", text)
    assert short(problems) == ["5:3:sai-kieu:unit"]
    assert problems[0].text("en") == "expected text, got a list"


def test_long_values_are_shortened() -> None:
    _, problems = run("initiative", INITIATIVE + "benefit_vnd: " + "x" * 200 + "\n")
    assert len(problems[0].message) < 100


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06-29", dt.date(2022, 6, 29)),
        ("29/6/2022", dt.date(2022, 6, 29)),
        ("01/02/2022", dt.date(2022, 2, 1)),
        (" 1/2/2022 ", dt.date(2022, 2, 1)),
        (dt.datetime(2022, 6, 29, 10, 30), dt.date(2022, 6, 29)),
    ],
)
def test_parse_date_accepts_iso_and_dmy(value: object, expected: dt.date) -> None:
    assert parse_date(value) == expected


def test_dmy_dates_in_records() -> None:
    valid, problems = run("initiative", INITIATIVE + "first_applied: 1/3/2022\n")
    assert problems == []
    assert valid.records[0].model.first_applied == dt.date(2022, 3, 1)  # type: ignore[attr-defined]


def test_date_order_and_future_dates() -> None:
    _, problems = run("event", "title: E\ndate: 2022-08-15\nend_date: 14/8/2022\norganiser: u\n")
    assert short(problems) == ["3:11:sai-thu-tu-ngay:end_date"]
    assert problems[0].text("en") == "event ends (2022-08-14) before it starts (2022-08-15)"
    _, problems = run("initiative", INITIATIVE + "first_applied: 2024-01-02\n")
    assert short(problems) == ["9:16:ngay-tuong-lai:first_applied"]
    _, problems = run("initiative", INITIATIVE + "first_applied: 2024-01-01\n")
    assert problems == []  # today itself is not the future


def test_shares() -> None:
    two = INITIATIVE.replace(
        "  - person: nguyen-van-an\n",
        "  - person: nguyen-van-an\n    share: {a}\n  - name: Phạm Văn Dũng\n    share: {b}\n",
    )
    _, problems = run("initiative", two.format(a=60, b=40))
    assert problems == []
    _, problems = run("initiative", two.format(a=33.33, b=66.67))
    assert problems == []
    _, problems = run("initiative", two.format(a=60, b=30))
    assert short(problems) == ["2:1:ty-le-dong-gop:authors"]
    assert problems[0].text("en") == "author shares add up to 90, not 100"
    partial = INITIATIVE.replace(
        "  - person: nguyen-van-an\n", "  - person: nguyen-van-an\n    share: 100\n  - name: Bình\n"
    )
    _, problems = run("initiative", partial)
    assert short(problems) == ["5:5:ty-le-dong-gop:authors[1].share"]


@pytest.mark.parametrize(
    "key",
    [
        "phone",
        "email",
        "birth_date",
        "cccd",
        "ngay_sinh",
        "so_dien_thoai",
        "dia_chi",
        "Số điện thoại",
        "Ngày sinh",
        "SĐT",
        "CMND",
        "e-mail",
        unicodedata.normalize("NFD", "địa chỉ"),
    ],
)
def test_privacy_keys_anywhere(key: str) -> None:
    _, problems = run("person", f"name: An\n{key}: x\n")
    assert short(problems) == [f"2:1:du-lieu-rieng-tu:{unicodedata.normalize('NFC', key)}"]
    award = (
        f"title: A\nform: f\nissuer: u\ndate: 2022-01-01\nrecipients:\n  - name: An\n    {key}: x\n"
    )
    _, problems = run("award", award)
    assert [(p.line, p.col, p.code) for p in problems] == [(7, 5, "du-lieu-rieng-tu")]


def test_privacy_problem_does_not_hide_other_problems() -> None:
    _, problems = run("person", "name: An\nphone: 1\njob_tittle: x\n")
    assert short(problems) == ["2:1:du-lieu-rieng-tu:phone", "3:1:truong-la:job_tittle"]


def test_confidential_fields_are_checked_and_dropped() -> None:
    valid, problems = run("person", "name: An\njob_title: Kỹ sư\nconfidential: [job_title]\n")
    assert problems == []
    model = valid.records[0].model
    assert isinstance(model, Person)
    assert model.job_title is None
    assert model.name == "An"
    _, problems = run(
        "person", "name: An\nconfidential:\n  - name\n  - jobtitle\n  - don_vi\n  - example\n"
    )
    assert short(problems) == [
        "3:5:truong-bao-mat:confidential[0]",
        "4:5:truong-la:confidential[1]",
        "5:5:truong-la:confidential[2]",
        "6:5:truong-bao-mat:confidential[3]",
    ]
    assert "did you mean 'job_title'?" in problems[1].text("en")


def test_unsafe_markdown_is_a_warning_and_keeps_the_record() -> None:
    valid, problems = run("person", "name: An\nbio: |\n  Xin chào <script>alert(1)</script>\n")
    assert [(p.line, p.col, p.code, p.severity) for p in problems] == [
        (2, 6, "html-bi-loai-bo", Severity.WARNING)
    ]
    assert len(valid.records) == 1
    # Only Markdown fields are checked; plain text is escaped when rendered.
    _, problems = run("person", "name: An <script>\njob_title: <b>x</b>\n")
    assert problems == []


def test_bad_file_name_is_reported_with_a_suggestion() -> None:
    _, problems = run("person", "name: An\n", ident="Nguyễn Văn An")
    assert [p.code for p in problems] == ["ma-khong-hop-le"]
    assert "e.g. 'nguyen-van-an'" in problems[0].text("en")


def test_errors_fail_the_record_warnings_do_not() -> None:
    valid, _ = run("person", "name: An\nphoto: 1\npublish: maybe\n")
    # Kept for the checks that follow (its valid fields), marked failed: never published.
    assert [(r.id, r.failed) for r in valid.records] == [("x", True)]
    assert valid.failed == {"content/people/x.yml"}
    valid, _ = run("person", "name: An\nbio: <script>x</script>\n")
    assert [(r.id, r.failed) for r in valid.records] == [("x", False)]
    assert valid.failed == set()


def test_missing_site_and_taxonomies(tmp_path: Path) -> None:
    loaded = LoadedContent(root=tmp_path, display_root="content")
    valid, problems = validate_content(loaded, today=TODAY)
    assert valid.site is None and valid.taxonomies is None
    assert sorted((p.path, p.code) for p in problems) == [
        ("content/site.yml", "thieu-truong"),
        ("content/taxonomies.yml", "thieu-truong"),
    ]
    # No content folder at all: the loader says so once; nothing more to add here.
    loaded = LoadedContent(root=tmp_path / "nothing", display_root="nothing")
    assert validate_content(loaded, today=TODAY)[1] == []


def test_taxonomy_unknown_field_suggests() -> None:
    path = "content/taxonomies.yml"
    text = "fields:\n  a:\n    nme: A\n"
    data, positions, _ = parse_yaml(text.encode(), path)
    assert data is not None
    raw = RawRecord("taxonomies", "taxonomies", path, "taxonomies.yml", data, positions)
    loaded = LoadedContent(
        root=Path("content"), display_root="content", singles={"taxonomies": raw}
    )
    _, problems = validate_content(loaded, today=TODAY)
    unknown = [p for p in problems if p.code == "truong-la"]
    assert [(p.line, p.col, p.text("en")) for p in unknown] == [
        (3, 5, "unknown field 'nme'; did you mean 'name'?")
    ]


def test_yaml_1_1_scalars_in_text_fields_stay_the_text_typed() -> None:
    """`0123`, `yes`, `1_000`, `0x1A`, `12:30:00`, a date: in a text field, exactly what was typed."""
    typed = {
        "decision_number": "0123",
        "citation": "yes",
        "summary": "1_000",
        "title": "0x1A",
        "job_title": "12:30:00",
    }
    award = "\n".join(
        [
            "title: 0x1A",
            "form: bang-khen",
            "issuer: ldld-tinh-mau",
            "decision_number: 0123",
            "date: 2022-06-29",
            "summary: 1_000",
            "recipients:",
            "  - name: Trần An",
            "    citation: yes",
            "    job_title: 12:30:00",
            "  - name: on",
            "    citation: 2022-01-01",
            "",
        ]
    )
    valid, problems = run("award", award)
    assert problems == []
    model = valid.records[0].model
    assert isinstance(model, Award)
    assert model.decision_number == typed["decision_number"]
    assert model.title == typed["title"]
    assert model.summary == typed["summary"]
    assert model.recipients[0].citation == typed["citation"]
    assert model.recipients[0].job_title == typed["job_title"]
    assert model.recipients[1].name == "on"
    assert model.recipients[1].citation == "2022-01-01"


def test_ids_typed_as_numbers_stay_the_text_typed() -> None:
    valid, problems = run("person", "name: An\nunit: 0123\n")
    assert problems == []
    assert isinstance(valid.records[0].model, Person)
    assert valid.records[0].model.unit == "0123"


@pytest.mark.parametrize(
    ("typed", "value", "warning"),
    [
        ("120000000", 120000000, None),
        (
            "0123",
            123,
            "số 0123 có chữ số 0 ở đầu; được đọc là 123 (YAML cũ đọc thành 83 theo hệ bát phân); nên viết 123",
        ),
        ("007", 7, None),
        (
            "1_000",
            1000,
            "YAML đọc '1_000' thành số 1000; nếu đúng ý, hãy viết 1000 bằng chữ số thường (không dấu gạch dưới, dấu hai chấm hay tiền tố 0x, 0o)",
        ),
        (
            "0x1A",
            26,
            "YAML đọc '0x1A' thành số 26; nếu đúng ý, hãy viết 26 bằng chữ số thường (không dấu gạch dưới, dấu hai chấm hay tiền tố 0x, 0o)",
        ),
        (
            "12:30:00",
            45000,
            "YAML đọc '12:30:00' thành số 45000; nếu đúng ý, hãy viết 45000 bằng chữ số thường (không dấu gạch dưới, dấu hai chấm hay tiền tố 0x, 0o)",
        ),
    ],
)
def test_numbers_in_yaml_1_1_notation_say_what_was_read(
    typed: str, value: int, warning: str | None
) -> None:
    valid, problems = run("initiative", INITIATIVE + f"benefit_vnd: {typed}\n")
    assert [(p.line, p.col, p.severity, p.code, p.message) for p in problems] == (
        [(9, 14, Severity.WARNING, "cach-viet-so", warning)] if warning else []
    )
    model = valid.records[0].model
    assert isinstance(model, Initiative)
    assert model.benefit_vnd == value


def test_figures_refuse_infinity_and_nan() -> None:
    event = (
        "title: E\ndate: 2022-08-15\norganiser: u\nfigures:\n"
        "  - key: a\n    label: A\n    value: {a}\n    unit: percent\n    source:\n      title: S\n"
    )
    for typed in (".inf", ".nan", "-.inf", "1.0e400"):
        _, problems = run("event", event.format(a=typed))
        assert [(p.line, p.col, p.code) for p in problems] == [(7, 12, "gia-tri-khong-hop-le")], (
            typed
        )


def test_bad_taxonomy_key_points_at_the_key() -> None:
    path = "content/taxonomies.yml"
    text = "fields:\n  ok:\n    name: A\n  Nông nghiệp:\n    name: B\n"
    data, positions, _ = parse_yaml(text.encode(), path)
    assert data is not None
    raw = RawRecord("taxonomies", "taxonomies", path, "taxonomies.yml", data, positions)
    loaded = LoadedContent(root=Path("."), display_root="content", singles={"taxonomies": raw})
    _, problems = validate_content(loaded, today=TODAY)
    bad = [p for p in problems if p.path == path and p.code == "gia-tri-khong-hop-le"]
    assert [(p.line, p.col, p.field) for p in bad] == [(4, 3, "fields.Nông nghiệp")]


def test_empty_list_message() -> None:
    _, problems = run(
        "initiative", INITIATIVE.replace("authors:\n  - person: nguyen-van-an\n", "authors: []\n")
    )
    assert [(p.line, p.col, p.text("en")) for p in problems] == [
        (2, 10, "list must not be empty; give at least one item")
    ]


@pytest.mark.parametrize("value", ["162.000", "1.5", "162.0"])
def test_money_written_with_a_thousands_dot_is_refused(value: str) -> None:
    _, problems = run("initiative", INITIATIVE + f"benefit_vnd: {value}\n")
    assert [(p.line, p.col, p.code) for p in problems] == [(9, 14, "gia-tri-khong-hop-le")]
    assert "not thousands separators" in problems[0].text("en")


def test_count_figures_must_be_whole_but_percentages_need_not() -> None:
    event = (
        "title: E\ndate: 2022-08-15\norganiser: u\nfigures:\n"
        "  - key: a\n    label: A\n    value: {a}\n    unit: {unit}\n    source:\n      title: S\n"
    )
    for unit, value, ok in [
        ("count", "170.324", False),
        ("vnd", "1.5", False),
        ("count", "170324", True),
        ("percent", "351.4", True),
    ]:
        _, problems = run("event", event.format(a=value, unit=unit))
        assert (problems == []) == ok, (unit, value, problems)
        if not ok:
            assert [(p.line, p.col, p.field) for p in problems] == [(7, 12, "figures[0].value")]


# -- site.yml: every value that reaches HTML is typed ------------------------------------------

SITE = """\
title: Sáng kiến
base_url: https://example.org/sang-kien/
organisation: LĐLĐ tỉnh
"""


def run_site(extra: str) -> tuple[ValidContent, list[Problem]]:
    path = "content/site.yml"
    data, positions, problems = parse_yaml((SITE + extra).encode("utf-8"), path)
    assert data is not None, problems
    raw = RawRecord("site", "site", path, "site.yml", data, positions)
    loaded = LoadedContent(root=Path("content"), display_root="content", singles={"site": raw})
    valid, problems = validate_content(loaded, today=TODAY)
    return valid, [p for p in problems if p.path == path]


@pytest.mark.parametrize(
    ("line", "code", "col"),
    [
        ("palette:\n  primary: 'red\"><svg/onload=alert(1)>'", "sai-mau", 12),
        ("palette:\n  accent: 'amber\"autofocus/onfocus=\"alert(1)'", "sai-mau", 11),
        ("palette:\n  accent: brown", "sai-mau", 11),  # a primary colour, not an accent
        ("palette:\n  primary: #1565c0", "sai-mau", 11),  # a YAML comment: empty
        ("palette:\n  primary: custom", "sai-mau", 12),
        ("repo_url: 'https://x/r\"><img src=x onerror=alert(1)>'", "sai-dia-chi-web", 11),
        ("repo_url: 'javascript:alert(1)'", "sai-dia-chi-web", 11),
        ("repo_url: github.com/ldld/sang-kien", "sai-dia-chi-web", 11),
        ("edit_branch: 'main\"><svg/onload=alert(1)>'", "sai-ten-nhanh", 14),
        ("edit_branch: feature..x", "sai-ten-nhanh", 14),
        ("edit_branch: x.lock", "sai-ten-nhanh", 14),
        ("contact_email: bientap@", "sai-email", 16),
        ("contact_email: 'bien tap@ldld.vn'", "sai-email", 16),
    ],
)
def test_site_values_that_reach_html_are_checked(line: str, code: str, col: int) -> None:
    _, problems = run_site(line + "\n")
    assert [(p.line, p.col, p.code) for p in problems] == [(line.count("\n") + 4, col, code)]


def test_base_url_is_checked_and_normalised_once() -> None:
    valid, problems = run_site("")
    assert problems == [] and valid.site is not None
    assert valid.site.base_url == "https://example.org/sang-kien/"
    for typed, stored in [
        ("https://Example.ORG/sang-kien", "https://example.org/sang-kien/"),
        ("https://example.org", "https://example.org/"),
        ("http://localhost:8000//a//", "http://localhost:8000/a/"),
    ]:
        text = SITE.replace("https://example.org/sang-kien/", typed)
        data, positions, _ = parse_yaml(text.encode(), "content/site.yml")
        assert data is not None
        raw = RawRecord("site", "site", "content/site.yml", "site.yml", data, positions)
        loaded = LoadedContent(Path("content"), "content", singles={"site": raw})
        result, problems = validate_content(loaded, today=TODAY)
        assert [p for p in problems if p.path == "content/site.yml"] == []
        assert result.site is not None
        assert result.site.base_url == stored
    for bad in ("'https://e/sk\"><script>alert(1)</script>/'", "https://e.org/?a=1", "/sang-kien/"):
        text = SITE.replace("https://example.org/sang-kien/", bad)
        data, positions, _ = parse_yaml(text.encode(), "content/site.yml")
        assert data is not None
        raw = RawRecord("site", "site", "content/site.yml", "site.yml", data, positions)
        loaded = LoadedContent(Path("content"), "content", singles={"site": raw})
        _, problems = validate_content(loaded, today=TODAY)
        site_problems = [p for p in problems if p.path == "content/site.yml"]
        assert [(p.line, p.col, p.code) for p in site_problems] == [(2, 11, "sai-dia-chi-web")], bad


def test_palette_accepts_material_names_and_hex_colours() -> None:
    valid, problems = run_site('palette:\n  primary: Deep Purple\n  accent: "#FFAB00"\n')
    assert problems == [] and valid.site is not None
    assert (valid.site.palette.primary, valid.site.palette.accent) == ("deep-purple", "#ffab00")


def test_colour_suggestion_and_lists() -> None:
    _, problems = run_site("palette:\n  primary: indgo\n")
    assert problems[0].message.startswith(
        "'indgo' không phải màu chính của Material (có phải 'indigo'?). Dùng một trong: red, "
    )
    _, problems = run_site("palette:\n  accent: brown\n")
    assert "brown" not in problems[0].message.split("Dùng một trong:")[1]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("https://thanhhoa.gov.vn/tin-tuc?id=1#muc", True),
        ("http://localhost:8000/", True),
        ("https://vi.wikipedia.org/wiki/Thanh_Hóa", True),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", True),
        ("'![x](y)'", False),
        ("'[Báo Lao Động](https://laodong.vn)'", False),
        ("Báo Lao Động số 12", False),
        ("'javascript:alert(1)'", False),
        ("'data:text/html,<script>alert(1)</script>'", False),
        ("https://laodong.vn/a b", False),
        ("https://laodong.vn/<script>", False),
        ('"https://laodong.vn/\'"', False),
        ("https://ten@laodong.vn/", False),
        ("https:///laodong.vn", False),
        ("https://lao_dong.vn/", False),
    ],
)
def test_url_fields(value: str, ok: bool) -> None:
    unit = f"name: U\nkind: k\nwebsite: {value}\n"
    _, problems = run("unit", unit)
    assert [(p.line, p.col, p.code) for p in problems] == (
        [] if ok else [(3, 10, "sai-dia-chi-web")]
    )
    event = (
        "title: E\ndate: 2022-08-15\norganiser: u\nfigures:\n"
        f"  - key: a\n    label: A\n    value: 1\n    source:\n      title: S\n      url: {value}\n"
    )
    _, problems = run("event", event)
    assert [(p.line, p.col, p.code) for p in problems] == (
        [] if ok else [(10, 12, "sai-dia-chi-web")]
    )


# -- warnings: dates, private data ---------------------------------------------------------------


def test_unlikely_dates_are_warned() -> None:
    text = (
        INITIATIVE
        + "first_applied: 0001-01-01\nrecognition:\n  by: u\n  level: l\n  date: 1944-12-31\n"
    )
    _, problems = run("initiative", text)
    assert [(p.line, p.col, p.severity.value, p.code, p.field) for p in problems] == [
        (9, 16, "warning", "ngay-kho-tin", "first_applied"),
        (13, 9, "warning", "ngay-kho-tin", "recognition.date"),
    ]
    assert problems[0].message.startswith("ngày 1/1/1 trước năm 1945")
    # More than a year ahead: a warning, unless the date is already an error (in the future).
    campaign = "title: C\norganiser: u\nstart: 2022-01-01\nend: 2025-06-01\n"
    _, problems = run("campaign", campaign)
    assert [(p.line, p.col, p.code) for p in problems] == [(4, 6, "ngay-kho-tin")]
    _, problems = run("initiative", INITIATIVE + "first_applied: 2030-01-01\n")
    assert [p.code for p in problems] == ["ngay-tuong-lai"]
    _, problems = run("campaign", "title: C\norganiser: u\nstart: 1945-01-01\nend: 2024-12-31\n")
    assert problems == []


@pytest.mark.parametrize(
    ("summary", "found"),
    [
        ("Liên hệ anh An 0912 345 678.", "số điện thoại 091…78"),
        ("Gọi +84 912.345.678", "số điện thoại +84…78"),
        ("ĐT cơ quan 0237-3852-123", "số điện thoại 023…23"),
        ("Email an.nguyen@gmail.com", "địa chỉ email a…@gmail.com"),
        ("CCCD 038090001234 cấp ngày", "số CMND/CCCD 038…34"),
        ("số CMND 172345678", "số CMND/CCCD 172…78"),
        ("Làm lợi 150000000 đồng trong năm 2021", None),
        ("Giai đoạn 2019 2020 2021, tổng 1.234.567.890 đồng", None),
        ("Đường dây nóng 1900 1234", None),
        ("Theo Quyết định 0912/QĐ-LĐLĐ", None),
    ],
)
def test_personal_data_in_free_text_is_warned(summary: str, found: str | None) -> None:
    _, problems = run("initiative", INITIATIVE.replace("Giảm thời gian cắt phôi.", summary))
    if found is None:
        assert problems == []
        return
    assert [(p.line, p.col, p.severity.value, p.code, p.field) for p in problems] == [
        (8, 10, "warning", "du-lieu-ca-nhan", "summary")
    ]
    assert problems[0].message.startswith(f"có thể là dữ liệu cá nhân: {found};")


def test_public_fields_are_not_searched_for_personal_data() -> None:
    _, problems = run_site("contact_email: bientap@ldld.thanhhoa.vn\n")
    assert problems == []
    award = (
        "title: T\nform: f\nissuer: u\ndecision_number: 0912345678/QĐ\ndate: 2022-01-01\n"
        "recipients:\n  - name: An\n    citation: gọi 0912345678\n"
    )
    _, problems = run("award", award)
    assert [(p.line, p.col, p.field) for p in problems] == [(8, 15, "recipients[0].citation")]


# -- hand-written pages ---------------------------------------------------------------------------


def run_page(text: str, slug: str = "gioi-thieu") -> tuple[ValidContent, list[Problem]]:
    path = f"content/pages/{slug}.md"
    hand, problems = parse_page(text.encode(), path, slug, f"pages/{slug}.md")
    assert hand is not None, problems
    loaded = LoadedContent(root=Path("content"), display_root="content", pages=[hand])
    valid, problems = validate_content(loaded, today=TODAY)
    return valid, [p for p in problems if p.path == path]


def test_page_front_matter_is_validated() -> None:
    valid, problems = run_page(
        "---\ntitle: Giới thiệu\ndescription: Về trang\nhide: [toc]\n---\nX\n"
    )
    assert problems == []
    assert [p.front for p in valid.pages] == [
        HandPageFront(title="Giới thiệu", description="Về trang", hide=["toc"])
    ]


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("title: x\ntemplate: ../../../../etc/passwd", [(3, 1, "truong-la", "template")]),
        ("title: x\nlayout: y", [(3, 1, "truong-la", "layout")]),
        ("title: x\nsearch: y", [(3, 1, "truong-la", "search")]),
        ("title: x\nhide: [navigation, tags]", [(3, 20, "gia-tri-khong-hop-le", "hide[1]")]),
        ("description: y", [(1, 1, "phan-khai-bao", "title")]),
        ("title: x\ndescription: '\"><script>alert(1)</script>'", []),
        (f"title: x\ndescription: {'a' * 301}", [(3, 14, "gia-tri-khong-hop-le", "description")]),
        ("title: x\ndescription: Gọi 0912 345 678", [(3, 14, "du-lieu-ca-nhan", "description")]),
    ],
)
def test_page_front_matter_problems(front: str, expected: list[tuple[int, int, str, str]]) -> None:
    valid, problems = run_page(f"---\n{front}\n---\nNội dung\n")
    assert [(p.line, p.col, p.code, p.field) for p in problems] == expected
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert len(valid.pages) == (0 if errors else 1)


def test_template_key_message_is_specific() -> None:
    _, problems = run_page("---\ntitle: x\ntemplate: main.html\n---\n")
    assert problems[0].message.startswith("trang viết tay không được chọn 'template'")


def test_page_names() -> None:
    _, problems = run_page("# Trang chủ\n", slug="index")
    assert [(p.line, p.col, p.code) for p in problems] == [(1, 1, "ma-khong-hop-le")]
    _, problems = run_page("# Trang\n", slug="Gioi Thieu")
    assert [(p.line, p.col, p.code) for p in problems] == [(1, 1, "ma-khong-hop-le")]
    valid, problems = run_page("# Giới thiệu\n\nNội dung\n")
    assert problems == [] and valid.pages[0].front == HandPageFront()
    _, problems = run_page("Không có tiêu đề\n")
    assert [(p.line, p.col, p.code) for p in problems] == [(1, 1, "phan-khai-bao")]


# -- every mistake of a record in one run (issue 13) -------------------------------------------


def test_a_type_error_does_not_hide_the_record_s_other_mistakes(base_content: Path) -> None:
    from generator.pipeline import check_content

    path = base_content / "initiatives" / "2022" / "so-hoa-ho-so.yml"
    path.write_text(
        "title: Số hóa hồ sơ\n"
        "authors:\n"
        "  - person: tran-thi-bin\n"  # unknown person, in an item that is valid
        "    share: 60\n"
        "  - name: Phạm Văn Dũng\n"
        "    share: một nửa\n"  # a type error inside the list
        "unit: ldld-tinh-khac\n"  # unknown unit
        "field: Chuyển đổi số\n"  # a display name for a code
        "type: giai-phap-quan-ly\n"
        "first_applied: 2024-02-01\n"  # in the future
        "status: hop-le\n"
        "benefit_vnd: 1,5 tỷ\n"  # a type error
        "summary: x\n",
        "utf-8",
    )
    site, problems = check_content(base_content, display_root="content", today=TODAY)
    assert site is None
    mine = [p for p in problems if p.path.endswith("so-hoa-ho-so.yml")]
    assert sorted((p.line, p.code, p.field) for p in mine) == [
        (3, "khong-ton-tai", "authors[0].person"),
        (6, "sai-kieu", "authors[1].share"),
        (7, "khong-ton-tai", "unit"),
        (8, "khong-co-trong-danh-muc", "field"),
        (10, "ngay-tuong-lai", "first_applied"),
        (10, "sai-vi-tri", "first_applied"),  # a warning: 2024 is not the folder's year
        (12, "sai-kieu", "benefit_vnd"),
    ]
    # The shares are not summed while one of them is unreadable.
    assert not any(p.code == "ty-le-dong-gop" for p in mine)


def test_a_record_with_errors_is_linked_for_its_checks_only(base_content: Path) -> None:
    from generator.link import link_content
    from generator.loader import load_content

    person = base_content / "people" / "nguyen-van-an.yml"
    person.write_text("name: An\nunit: [cdcs-nha-may-mau]\nphoto: media/khong-co.jpg\n", "utf-8")
    loaded, _ = load_content(base_content, display_root="content")
    valid, problems = validate_content(loaded, today=TODAY)
    assert [p.code for p in problems] == ["sai-kieu"]
    assert valid.failed == {"content/people/nguyen-van-an.yml"}
    site, link_problems = link_content(valid)
    # Its other fields are still checked (the photo), references to it still resolve (no
    # "unknown person" in the award and initiative that name it), and no Site is made.
    assert site is None
    assert [(p.code, p.field) for p in link_problems] == [("thieu-anh", "photo")]
