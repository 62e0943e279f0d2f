"""Tests for Vietnamese formatting, folding, slugs and collation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.vietnamese import (
    SLUG_FALLBACK,
    fold,
    format_count,
    format_date,
    format_date_long,
    format_money,
    format_money_exact,
    format_month_year,
    format_percent,
    nfc,
    person_sort_key,
    slugify,
    sort_key,
    sorted_vi,
    unique_slug,
)

# Letters, tones and cases that Vietnamese text mixes, plus separators and digits.
VI_CHARS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 -,.'\u0300\u0301\u0303\u0309\u0323"
vi_text = st.text(alphabet=VI_CHARS, max_size=30)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ---------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("day", "short", "long", "month"),
    [
        (date(2022, 6, 29), "29/6/2022", "ngày 29 tháng 6 năm 2022", "tháng 6/2022"),
        (date(2021, 1, 5), "5/1/2021", "ngày 5 tháng 1 năm 2021", "tháng 1/2021"),
        (date(2023, 12, 31), "31/12/2023", "ngày 31 tháng 12 năm 2023", "tháng 12/2023"),
    ],
)
def test_dates_have_no_leading_zeros(day: date, short: str, long: str, month: str) -> None:
    assert format_date(day) == short
    assert format_date_long(day) == long
    assert format_month_year(day) == month


# ---------------------------------------------------------------------------
# Numbers and money


@pytest.mark.parametrize(
    ("number", "text"),
    [(170324, "170.324"), (0, "0"), (1.5, "1,5"), (1234567.25, "1.234.567,25"), (-42, "-42")],
)
def test_format_count(number: int | float, text: str) -> None:
    assert format_count(number) == text


@pytest.mark.parametrize(
    ("vnd", "text"),
    [
        (162_000_000_000, "162 tỷ đồng"),
        (120_000_000, "120 triệu đồng"),
        (1_500_000_000, "1,5 tỷ đồng"),
        (2_350_000_000, "2,35 tỷ đồng"),
        (850_000, "850 nghìn đồng"),
        (5_000, "5.000 đồng"),
        (0, "0 đồng"),
        (1_234_567_890_123, "1.234,57 tỷ đồng"),
        (1_000_000_000, "1 tỷ đồng"),
        (1_999_999_999, "2 tỷ đồng"),
        # Rounds up to a whole unit of the next size, not to "1.000 triệu".
        (999_999_999, "1 tỷ đồng"),
        (999_999, "999.999 đồng"),
        (123_456, "123.456 đồng"),
        (99_000, "99.000 đồng"),
        (1_234_567, "1,23 triệu đồng"),
        (-1_500_000_000, "-1,5 tỷ đồng"),
    ],
)
def test_format_money(vnd: int, text: str) -> None:
    assert format_money(vnd) == text


@pytest.mark.parametrize(
    ("vnd", "text"),
    [
        (162_000_000_000, "hơn 162 tỷ đồng"),
        # "hơn" must stay true, so the amount is rounded down.
        (1_999_999_999, "hơn 1,99 tỷ đồng"),
        (999_999_999, "hơn 999,99 triệu đồng"),
        (1_234_567_890_123, "hơn 1.234,56 tỷ đồng"),
    ],
)
def test_format_money_approximate(vnd: int, text: str) -> None:
    assert format_money(vnd, approximate=True) == text


def test_format_money_approximate_refuses_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        format_money(-5, approximate=True)


def test_format_money_exact() -> None:
    assert format_money_exact(162_000_000_000) == "162.000.000.000 đồng"
    assert format_money_exact(0) == "0 đồng"


@pytest.mark.parametrize(
    ("ratio", "text"),
    [(0.567, "56,7%"), (170324 / 300000, "56,8%"), (1.0, "100%"), (1.125, "112,5%"), (0, "0%")],
)
def test_format_percent(ratio: float, text: str) -> None:
    assert format_percent(ratio) == text


# ---------------------------------------------------------------------------
# Normalisation and folding


def test_nfc_composes() -> None:
    assert nfc(nfd("Sáng kiến")) == "Sáng kiến"
    assert len(nfc(nfd("ệ"))) == 1


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đổi mới", "Doi moi"),
        ("Thanh Hoá", "Thanh Hoa"),
        ("Thanh Hóa", "Thanh Hoa"),
        ("ĐÀ NẴNG", "DA NANG"),
        ("sáng kiến", "sang kien"),
        ("Người lao động", "Nguoi lao dong"),
        ("Ưu tiên ở đây", "Uu tien o day"),
        ("already ascii 123", "already ascii 123"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(nfd(text)) == folded


@given(vi_text)
def test_fold_leaves_no_marks_and_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert not any(unicodedata.combining(ch) for ch in folded)
    assert "đ" not in folded.lower()
    assert fold(folded) == folded
    assert len(folded) <= len(nfd(text))


# ---------------------------------------------------------------------------
# Slugs

SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đổi mới quy trình tiếp nhận hồ sơ", "doi-moi-quy-trinh-tiep-nhan-ho-so"),
        ("  Số hoá -- hồ sơ   đoàn viên!! ", "so-hoa-ho-so-doan-vien"),
        ("Sáng kiến 2022: “1 triệu sáng kiến”", "sang-kien-2022-1-trieu-sang-kien"),
        ("Điểm hẹn sáng kiến", "diem-hen-sang-kien"),
        ("Straße Søren", "strasse-soren"),
        ("!!!", SLUG_FALLBACK),
        ("", SLUG_FALLBACK),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert slugify(nfd(text)) == slug


def test_slugify_cuts_at_word_boundary() -> None:
    text = "Đổi mới quy trình tiếp nhận hồ sơ"
    assert slugify(text, max_length=20) == "doi-moi-quy-trinh"
    # A cut that lands exactly before a '-' keeps the whole last word.
    assert slugify(text, max_length=17) == "doi-moi-quy-trinh"
    assert slugify(text, max_length=16) == "doi-moi-quy"


def test_slugify_cuts_a_single_long_word() -> None:
    assert slugify("a" * 100, max_length=10) == "a" * 10


def test_slugify_rejects_non_positive_length() -> None:
    with pytest.raises(ValueError):
        slugify("x", max_length=0)


@given(vi_text, st.integers(min_value=1, max_value=90))
def test_slugify_is_always_a_valid_id(text: str, max_length: int) -> None:
    slug = slugify(text, max_length=max_length)
    assert SLUG_PATTERN.fullmatch(slug)
    assert len(slug) <= max_length


def test_unique_slug() -> None:
    assert unique_slug("sang-kien", set()) == "sang-kien"
    assert unique_slug("sang-kien", {"sang-kien"}) == "sang-kien-2"
    assert unique_slug("sang-kien", {"sang-kien", "sang-kien-2", "sang-kien-3"}) == "sang-kien-4"


# ---------------------------------------------------------------------------
# Collation

# The same words in the order ICU's "vi" collation gives (Intl.Collator("vi") in
# Node 18 with full ICU); sort_key must reproduce it exactly.
ICU_VI_ORDER = [
    "1 triệu", "10", "2022", "an", "An", "An Bình", "An-Bình", "Anh", "ăn", "Ăn", "ẩn", "Ẩn",
    "ấn", "Ấn", "Ân Thị Hà", "Bình", "Bính", "Bịnh", "Dung", "Dùng", "Dũng", "Đoàn", "Đô",
    "đỗ", "Đỗ", "ĐỖ", "Độ", "Đỗ Mười", "Đức", "Em", "Ếch", "Êm", "Fansipan", "Gia", "Giang",
    "Ha", "Hà", "Hả", "Hã", "Há", "Hạ", "Hoà", "Hoá", "Hòa", "Hóa", "Jun", "Khoa", "Kim", "Lê",
    "Lệ", "Long", "Mai", "Mạnh", "Nga", "Ngà", "Ngã", "Ngọc", "Nguyễn Văn An", "Nguyễn Văn Ân",
    "Nguyễn Văn Ẩn", "Nhung", "On", "Ô Môn", "Ôn", "Ông", "Ơi", "Ơn", "Phạm", "Phan",
    "Phương", "Quang", "Quân", "Quyên", "Sơn", "Tam", "Tám", "Tâm", "Tấm", "Thành",
    "Thanh Hoá", "Thanh Hóa", "Thuỷ", "Thuý", "Thủy", "Thúy", "Trang", "Trần", "Tú", "Tuấn",
    "Tư", "Từ", "Tứ", "Út", "Uy", "Ưu", "Việt", "Vinh", "Wiki", "Xuân", "Yến", "Zalo",
]  # fmt: skip


def test_matches_icu_vi_order() -> None:
    assert sorted(reversed(ICU_VI_ORDER), key=sort_key) == ICU_VI_ORDER
    assert sorted(sorted(ICU_VI_ORDER), key=sort_key) == ICU_VI_ORDER


def test_matches_icu_vi_order_for_nfd_input() -> None:
    decomposed = [nfd(word) for word in reversed(ICU_VI_ORDER)]
    assert [nfc(word) for word in sorted(decomposed, key=sort_key)] == ICU_VI_ORDER


def test_d_stroke_is_a_letter_after_d() -> None:
    assert sort_key("Dung") < sort_key("Đỗ") < sort_key("Em")
    assert sort_key("Dzung") < sort_key("Đa")


def test_breve_and_circumflex_a_are_letters_after_a() -> None:
    assert sort_key("Azota") < sort_key("Ăn") < sort_key("Ân") < sort_key("Bình")
    assert sort_key("Anh") < sort_key("Ă")
    assert sort_key("Ă") < sort_key("Â")
    assert sort_key("Oz") < sort_key("Ô") < sort_key("Ơ") < sort_key("P")
    assert sort_key("Uz") < sort_key("Ư") < sort_key("V")
    assert sort_key("Ez") < sort_key("Ê") < sort_key("G")


def test_tone_order() -> None:
    words = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(reversed(words), key=sort_key) == words
    assert sorted(reversed(["a", "à", "ả", "ã", "á", "ạ"]), key=sort_key) == [
        "a", "à", "ả", "ã", "á", "ạ",
    ]  # fmt: skip


def test_tone_is_secondary_to_letters() -> None:
    # Tones decide only when the letters are the same all along.
    assert sort_key("bá") < sort_key("ba c")
    assert sort_key("mạ") < sort_key("mai")
    assert sort_key("Thành") < sort_key("Thanh Hoá")


def test_nfd_and_nfc_keys_are_equal() -> None:
    for word in ICU_VI_ORDER:
        assert sort_key(nfd(word)) == sort_key(word)


@given(vi_text)
def test_nfd_and_nfc_keys_are_equal_for_any_text(text: str) -> None:
    assert sort_key(nfd(text)) == sort_key(nfc(text))


@given(vi_text)
def test_case_differs_only_at_tertiary_level(text: str) -> None:
    upper, lower = sort_key(text.upper()), sort_key(text.lower())
    assert upper[:2] == lower[:2]


def test_lowercase_sorts_first_among_equals() -> None:
    assert sort_key("đỗ") < sort_key("Đỗ") < sort_key("ĐỖ")
    assert sort_key("an")[0] == sort_key("AN")[0]


def test_digits_and_spaces_before_letters() -> None:
    assert sort_key("2022") < sort_key("An")
    assert sort_key("An") < sort_key("An Bình") < sort_key("Anh")
    assert sort_key("An-Bình") < sort_key("Anh")


@given(vi_text, vi_text)
def test_keys_are_equal_only_for_the_same_text(a: str, b: str) -> None:
    assert (sort_key(a) == sort_key(b)) == (nfd(a) == nfd(b))


# ---------------------------------------------------------------------------
# People


def test_person_sort_key_uses_given_name_first() -> None:
    assert person_sort_key("Nguyễn Văn An") < person_sort_key("Trần Thị Bình")
    assert person_sort_key("Phạm Văn Dũng") < person_sort_key("Lê Văn Đức")
    # Same given name: the full name from the start decides.
    assert person_sort_key("Lê Thị Hoa") < person_sort_key("Nguyễn Thị Hoa")


def test_person_sort_key_handles_odd_names() -> None:
    assert person_sort_key("  Nguyễn   Thị Hoa ")[0] == sort_key("Hoa")
    assert person_sort_key("")[0] == sort_key("")


@dataclass(frozen=True)
class Person:
    name: str


def test_sorted_vi() -> None:
    assert sorted_vi(["Em", "Đỗ", "Dung"]) == ["Dung", "Đỗ", "Em"]
    assert sorted_vi(["Em", "Đỗ", "Dung"], reverse=True) == ["Em", "Đỗ", "Dung"]
    people = [Person("Lê Văn Đức"), Person("Trần Thị Bình"), Person("Phạm Văn Dũng")]
    by_name = sorted_vi(people, key=lambda p: p.name)
    assert [p.name for p in by_name] == ["Lê Văn Đức", "Phạm Văn Dũng", "Trần Thị Bình"]
    honour_roll = sorted_vi(people, key=lambda p: p.name, collate=person_sort_key)
    assert [p.name for p in honour_roll] == ["Trần Thị Bình", "Phạm Văn Dũng", "Lê Văn Đức"]
    assert sorted_vi(["Trần Thị Bình", "Nguyễn Văn An"], collate=person_sort_key) == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
    ]
