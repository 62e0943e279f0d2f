"""Vietnamese formatting, folding, slugs and alphabetical order.

Numbers and dates go through Babel's ``vi`` locale data (CLDR), so grouping
uses ``.`` and decimals use ``,`` exactly as Vietnamese readers expect.
Money is shown the way newspapers and award decisions write it ("162 tỷ
đồng"), with an exact form for tables and open data.

Alphabetical order follows the CLDR/ICU ``vi`` collation tailoring (CLDR
``common/collation/vi.xml``, "standard")::

    &̀<<̉<<̃<<́<<̣                  tones are secondary: huyền < hỏi < ngã < sắc < nặng
    &a<ă<<<Ă<â<<<Â              ă and â are letters of their own after a
    &d<đ<<<Đ
    &e<ê<<<Ê
    &o<ô<<<Ô<ơ<<<Ơ
    &u<ư<<<Ư

on top of the Unicode Collation Algorithm's root order, where spaces and
punctuation come before digits and digits before letters.  It is
implemented here in pure Python (PyICU would need the ICU C++ headers and a
compiler on every machine); :func:`sort_key` documents what it covers.  It
was checked against ICU itself (``Intl.Collator("vi")`` in Node.js) on
thousands of random Vietnamese strings, and ``tests/test_vietnamese.py``
keeps a word list in ICU's order as a regression test.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Container, Iterable
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any, TypeVar, overload

from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal as _babel_format_decimal
from babel.numbers import format_percent as _babel_format_percent

__all__ = [
    "SLUG_FALLBACK",
    "PersonSortKey",
    "SortKey",
    "fold",
    "format_count",
    "format_date",
    "format_date_long",
    "format_money",
    "format_money_exact",
    "format_month_year",
    "format_percent",
    "nfc",
    "person_sort_key",
    "slugify",
    "sort_key",
    "sorted_vi",
    "unique_slug",
]

LOCALE = "vi"

T = TypeVar("T")

# ---------------------------------------------------------------------------
# Dates


def format_date(d: date) -> str:
    """Short date without leading zeros: ``29/6/2022``."""
    return str(_babel_format_date(d, format="d/M/y", locale=LOCALE))


def format_date_long(d: date) -> str:
    """Date as written in prose and decisions: ``ngày 29 tháng 6 năm 2022``."""
    return str(_babel_format_date(d, format="'ngày' d 'tháng' M 'năm' y", locale=LOCALE))


def format_month_year(d: date) -> str:
    """Month and year: ``tháng 6/2022``."""
    return str(_babel_format_date(d, format="'tháng' M/y", locale=LOCALE))


# ---------------------------------------------------------------------------
# Numbers and money


def format_count(n: int | float) -> str:
    """A count or measure with Vietnamese separators: ``170.324``, ``1,5``."""
    return str(_babel_format_decimal(n, locale=LOCALE))


def format_percent(x: float) -> str:
    """A ratio as a percentage with at most one decimal: ``0.567`` → ``56,7%``.

    ``x`` is a ratio (1.0 is 100%), as in Babel and CLDR, not a number of percent.
    """
    return str(_babel_format_percent(x, format="#,##0.#%", locale=LOCALE))


def format_money_exact(vnd: int) -> str:
    """Every đồng, grouped: ``162.000.000.000 đồng``."""
    return f"{_babel_format_decimal(vnd, locale=LOCALE)} đồng"


# Largest first; an amount is written in the largest unit it reaches.
_MONEY_UNITS: tuple[tuple[int, str], ...] = ((10**9, "tỷ"), (10**6, "triệu"))
_THOUSAND = 1_000
# Below this, "nghìn" reads oddly ("5 nghìn đồng"); small sums are written out.
_THOUSANDS_FROM = 100_000
_HUNDREDTH = Decimal("0.01")


def format_money(vnd: int, approximate: bool = False) -> str:
    """Money the way Vietnamese prose writes it.

    ``162000000000`` → ``162 tỷ đồng``, ``2350000000`` → ``2,35 tỷ đồng``,
    ``120000000`` → ``120 triệu đồng``, ``850000`` → ``850 nghìn đồng``,
    ``5000`` → ``5.000 đồng``.  Amounts of a billion or more stay in tỷ
    (``1.234,57 tỷ đồng``) because "nghìn tỷ" mixes poorly with decimals.
    At most two decimals are kept, trailing zeros dropped.  Sums under a
    million are written in nghìn only when they are whole thousands from
    100.000 up; otherwise every đồng is shown.

    With ``approximate=True`` the text starts with "hơn" (more than) and the
    amount is rounded *down*, so the claim stays true; a negative amount
    cannot be "more than" anything and raises :class:`ValueError`.
    """
    if approximate and vnd < 0:
        raise ValueError(f"an approximate amount must not be negative, got {vnd}")
    rounding = ROUND_DOWN if approximate else ROUND_HALF_UP
    sign = "-" if vnd < 0 else ""
    prefix = "hơn " if approximate else ""
    return f"{prefix}{sign}{_money_amount(abs(vnd), rounding)} đồng"


def _money_amount(amount: int, rounding: str) -> str:
    """The number and unit word for a non-negative amount, without "đồng"."""
    for index, (size, word) in enumerate(_MONEY_UNITS):
        if amount < size:
            continue
        scaled = _scale(amount, size, rounding)
        if scaled >= _THOUSAND and index > 0:
            # 999.999.999 rounds to "1.000 triệu"; the next unit up reads better.
            size, word = _MONEY_UNITS[index - 1]
            scaled = _scale(amount, size, rounding)
        return f"{_decimal_text(scaled)} {word}"
    if amount >= _THOUSANDS_FROM and amount % _THOUSAND == 0:
        return f"{_decimal_text(Decimal(amount // _THOUSAND))} nghìn"
    return _decimal_text(Decimal(amount))


def _scale(amount: int, size: int, rounding: str) -> Decimal:
    """``amount / size`` to two decimals; Decimal avoids binary float surprises."""
    return (Decimal(amount) / Decimal(size)).quantize(_HUNDREDTH, rounding=rounding)


def _decimal_text(value: Decimal) -> str:
    """Vietnamese grouping, up to two decimals, trailing zeros dropped."""
    return str(_babel_format_decimal(value, format="#,##0.##", locale=LOCALE))


# ---------------------------------------------------------------------------
# Normalisation, folding and slugs


def nfc(s: str) -> str:
    """Unicode NFC: the one form text is stored and compared in."""
    return unicodedata.normalize("NFC", s)


# Đ/đ carry a stroke, which is part of the letter and not a combining mark,
# so NFD leaves them alone.  Legacy encoders sometimes emit Ð (eth) for Đ.
_STROKE_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D"})


def fold(text: str) -> str:
    """Remove every diacritic and map đ→d, Đ→D; case is kept.

    ``Đổi mới`` → ``Doi moi``, ``Thanh Hoá`` → ``Thanh Hoa``.  Input may be
    NFC or NFD; the result is NFC.
    """
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare.translate(_STROKE_LETTERS))


# Latin letters that do not decompose under NFD but have a usual ASCII spelling,
# so foreign names in titles still give readable slugs.
_SLUG_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_FALLBACK = "ban-ghi"


def slugify(text: str, max_length: int = 80) -> str:
    """A lowercase ASCII slug: ``Đổi mới quy trình`` → ``doi-moi-quy-trinh``.

    Runs of anything but ``a-z0-9`` become one ``-``; a slug longer than
    ``max_length`` is cut at the last word boundary that fits (or mid-word
    when the first word alone is too long).  Text with no letters or digits
    gives ``ban-ghi`` ("record").
    """
    if max_length < 1:
        raise ValueError(f"max_length must be at least 1, got {max_length}")
    ascii_text = fold(text).lower().translate(_SLUG_LETTERS)
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    return _cut_slug(slug or SLUG_FALLBACK, max_length)


def _cut_slug(slug: str, max_length: int) -> str:
    """Shorten ``slug`` to ``max_length`` characters, preferably between words."""
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    if slug[max_length] == "-":
        return cut.rstrip("-")
    head, sep, _ = cut.rpartition("-")
    return head if sep and head else cut.rstrip("-")


def unique_slug(base: str, taken: Container[str]) -> str:
    """``base`` if free, else the first free one of ``base-2``, ``base-3``, …"""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


# ---------------------------------------------------------------------------
# Collation

#: (primary, secondary, tertiary, identical) levels; compare with ``<``.
SortKey = tuple[
    tuple[tuple[int, int], ...],
    tuple[tuple[int, ...], ...],
    tuple[int, ...],
    str,
]
#: (given name, full name) keys for honour rolls.
PersonSortKey = tuple[SortKey, SortKey]

# Foreign letters f, j, w, z keep their Latin place among the Vietnamese ones.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}

_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
# Base letter + mark that CLDR vi makes into a letter of its own.
_VI_LETTERS = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}
# Secondary weights, "&̀<<̉<<̃<<́<<̣": no tone (an empty tuple) sorts first.
_TONE_WEIGHT = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# Primary groups in UCA root order.
_SPACE, _PUNCTUATION, _DIGIT, _LETTER, _OTHER_LETTER = range(5)
# Punctuation and symbols common in Vietnamese text, in CLDR root order (as
# ICU sorts them); others follow by code point.  Code point order would put
# "'" before "," and "-", which ICU does not.  Characters in one string share
# a primary weight; straight and curly quotes differ only at the secondary level.
_SYMBOL_ORDER = (
    *"_-–—,;:!?.·",
    "'‘’",
    '"“”',
    *"«»()[]{}§@*/\\&#%•`^°©®→+±÷×<=>|~−$₫№",
)
_SYMBOL_RANK = {symbol: rank for rank, group in enumerate(_SYMBOL_ORDER) for symbol in group}
_SYMBOL_VARIANT = {symbol: index for group in _SYMBOL_ORDER for index, symbol in enumerate(group)}
_SYMBOL_AFTER = len(_SYMBOL_ORDER)


@functools.lru_cache(maxsize=1 << 16)
def sort_key(text: str) -> SortKey:
    """Key for Vietnamese alphabetical order (ICU/CLDR ``vi`` collation).

    Memoised: listings sort the same titles in several orders and pages.

    Levels, each compared only when the ones before are equal:

    1. *Primary*, the letters: ``a ă â b c d đ e ê (f) g h i (j) k l m n o ô
       ơ p q r s t u ư v (w) x y (z)``, case-insensitive.  Whitespace sorts
       before punctuation and symbols, those before digits, digits before
       letters, so ``An`` < ``An Bình`` < ``Anh``.  Latin letters outside
       this list (ø, ß) and other scripts follow z by code point.
    2. *Secondary*, the tones, letter by letter: none < huyền (à) < hỏi (ả)
       < ngã (ã) < sắc (á) < nặng (ạ).  Other accents on foreign words rank
       after the five tones.
    3. *Tertiary*, case, letter by letter: lowercase first.
    4. The NFD text, so distinct strings never tie.

    NFC and NFD spellings of the same text give the same key.  Not covered
    (nothing in this project needs them): ICU's contractions for other
    languages, numeric ordering of digit runs, ignorable punctuation.
    """
    primary: list[tuple[int, int]] = []
    secondary: list[tuple[int, ...]] = []
    tertiary: list[int] = []
    decomposed = unicodedata.normalize("NFD", text)
    # UCA expands the ellipsis to three full stops.
    for base, marks in _clusters(decomposed.replace("…", "...")):
        weight, accents = _primary_and_accents(base, marks)
        primary.append(weight)
        secondary.append(_secondary(base, accents))
        tertiary.append(1 if base != base.lower() else 0)
    return tuple(primary), tuple(secondary), tuple(tertiary), decomposed


def _clusters(decomposed: str) -> list[tuple[str, str]]:
    """Split NFD text into (base character, its combining marks)."""
    clusters: list[tuple[str, str]] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and clusters:
            base, marks = clusters[-1]
            clusters[-1] = (base, marks + ch)
        elif not unicodedata.combining(ch):
            clusters.append((ch, ""))
        # A mark with no base before it is ignorable, as in UCA.
    return clusters


def _primary_and_accents(base: str, marks: str) -> tuple[tuple[int, int], str]:
    """Primary weight of one cluster and the marks left for the secondary level."""
    lower = base.lower()
    if lower == "đ":
        return (_LETTER, _LETTER_RANK["đ"]), marks
    if len(lower) == 1 and "a" <= lower <= "z":
        for mark in marks:
            letter = _VI_LETTERS.get((lower, mark))
            if letter is not None:
                return (_LETTER, _LETTER_RANK[letter]), marks.replace(mark, "", 1)
        return (_LETTER, _LETTER_RANK[lower]), marks
    if base.isdigit():
        return (_DIGIT, unicodedata.digit(base, 0)), marks
    if base.isalpha():
        return (_OTHER_LETTER, ord(lower[0])), marks
    if base.isspace():
        return (_SPACE, ord(base)), marks
    return (_PUNCTUATION, _SYMBOL_RANK.get(base, _SYMBOL_AFTER + ord(base))), marks


def _secondary(base: str, accents: str) -> tuple[int, ...]:
    """Secondary weights of one cluster: its accents, tones first; quote variants."""
    variant = _SYMBOL_VARIANT.get(base, 0)
    weights = tuple(_TONE_WEIGHT.get(mark, ord(mark)) for mark in accents)
    return (variant, *weights) if variant else weights


def person_sort_key(full_name: str) -> PersonSortKey:
    """Honour-roll order: by given name (the last word), then the full name.

    ``Nguyễn Văn An`` comes before ``Trần Thị Bình`` because An < Bình.
    """
    words = full_name.split()
    given = words[-1] if words else ""
    return sort_key(given), sort_key(full_name)


@overload
def sorted_vi(items: Iterable[str], *, reverse: bool = ...) -> list[str]: ...


@overload
def sorted_vi(
    items: Iterable[T],
    *,
    key: Callable[[T], str],
    collate: Callable[[str], SortKey | PersonSortKey] = ...,
    reverse: bool = ...,
) -> list[T]: ...


@overload
def sorted_vi(
    items: Iterable[str],
    *,
    collate: Callable[[str], SortKey | PersonSortKey],
    reverse: bool = ...,
) -> list[str]: ...


def sorted_vi(
    items: Iterable[Any],
    *,
    key: Callable[[Any], str] | None = None,
    collate: Callable[[str], SortKey | PersonSortKey] = sort_key,
    reverse: bool = False,
) -> list[Any]:
    """Sort in Vietnamese order; ``key`` picks the text of each item.

    Pass ``collate=person_sort_key`` to sort people by given name.  The sort
    is stable, so items with equal text keep their input order.
    """
    text_of: Callable[[Any], str] = key if key is not None else str
    return sorted(items, key=lambda item: collate(text_of(item)), reverse=reverse)
