"""One list of dates, checked against the validator and the JSON Schemas alike.

VS Code underlines what the JSON Schema refuses while the editor types; `showcase
validate` refuses what the model refuses.  The two must agree on every case here, and
a date that is written right but is not on the calendar (29/02/2023) is blamed on the
missing day, not on its form.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import REPO

from generator.model import DATE_PATTERN, DateFormatError, parse_date

#: (text, accepted, code of the refusal)
DATE_CASES: list[tuple[str, bool, str]] = [
    ("2023-03-15", True, ""),
    ("2023-3-15", True, ""),
    ("2023-03-05", True, ""),
    ("15/3/2023", True, ""),
    ("15/03/2023", True, ""),
    ("1/1/2023", True, ""),
    ("29/02/2024", True, ""),
    ("2024-02-29", True, ""),
    ("29/2/2000", True, ""),
    ("31/12/2023", True, ""),
    ("30/4/2023", True, ""),
    ("29/02/2023", False, "ngay-khong-ton-tai"),
    ("2023-02-29", False, "ngay-khong-ton-tai"),
    ("29/2/1900", False, "ngay-khong-ton-tai"),
    ("31/4/2023", False, "ngay-khong-ton-tai"),
    ("2023-13-01", False, "ngay-khong-ton-tai"),
    ("32/1/2023", False, "ngay-khong-ton-tai"),
    ("0/1/2023", False, "ngay-khong-ton-tai"),
    ("2023-00-10", False, "ngay-khong-ton-tai"),
    ("15-3-2023", False, "sai-dinh-dang-ngay"),
    ("15.3.2023", False, "sai-dinh-dang-ngay"),
    ("2023/03/15", False, "sai-dinh-dang-ngay"),
    ("15/3/23", False, "sai-dinh-dang-ngay"),
    ("tháng 3/2023", False, "sai-dinh-dang-ngay"),
    ("2023-03-15T10:00", False, "sai-dinh-dang-ngay"),
    ("0000-01-01", False, "sai-dinh-dang-ngay"),
    ("١٥/٣/٢٠٢٣", False, "sai-dinh-dang-ngay"),  # digits, but not the ones editors type
    ("", False, "sai-dinh-dang-ngay"),
]


def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads((REPO / "schemas" / "initiative.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _accepted_by_validator(text: str) -> tuple[bool, str]:
    try:
        parse_date(text)
    except DateFormatError as exc:
        return False, exc.code
    return True, ""


@pytest.mark.parametrize(("text", "accepted", "code"), DATE_CASES)
def test_validator_and_schema_agree(text: str, accepted: bool, code: str) -> None:
    assert _accepted_by_validator(text) == (accepted, code)
    schema = json.loads((REPO / "schemas" / "initiative.schema.json").read_text("utf-8"))
    field = schema["properties"]["first_applied"]
    date_schema = next(s for s in field["anyOf"] if s.get("type") == "string")
    assert date_schema["pattern"] == DATE_PATTERN
    validator = _validator()
    record = {
        "title": "x",
        "authors": [{"name": "A"}],
        "unit": "u",
        "field": "chuyen-doi-so",
        "type": "giai-phap-ky-thuat",
        "status": "hop-le",
        "summary": "x",
        "first_applied": text,
    }
    errors = [
        e for e in validator.iter_errors(record) if list(e.absolute_path) == ["first_applied"]
    ]
    assert (errors == []) == accepted, text


def test_every_date_of_a_leap_cycle_agrees() -> None:
    """Every day/month pair of four years (and the century rule) in both forms."""
    import datetime as dt
    import re

    pattern = re.compile(DATE_PATTERN)
    for year in (1900, 2000, 2023, 2024):
        for month in range(0, 14):
            for day in range(0, 33):
                for text in (f"{year}-{month}-{day}", f"{day}/{month}/{year}"):
                    try:
                        dt.date(year, month, day)
                        real = True
                    except ValueError:
                        real = False
                    assert _accepted_by_validator(text)[0] == real, text
                    assert bool(pattern.search(text)) == real, text


def test_a_date_that_does_not_exist_names_the_day() -> None:
    with pytest.raises(DateFormatError) as caught:
        parse_date("29/02/2023")
    assert str(caught.value) == "ngày '29/02/2023' không tồn tại: tháng 2/2023 chỉ có 28 ngày"
