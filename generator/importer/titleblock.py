"""What the title block above the header row says about the award.

An annex to an award decision opens like this::

    LIÊN ĐOÀN LAO ĐỘNG                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH THANH HÓA                            Độc lập - Tự do - Hạnh phúc
          DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN
    (Kèm theo Quyết định số 1035/QĐ-LĐLĐ ngày 29/6/2022 của Ban Thường vụ LĐLĐ tỉnh)

From it the importer takes the issuer and the award form, but only when they
name exactly one existing unit and one ``award_forms`` term: nothing is
guessed.  Names are compared folded (no diacritics, no case, đ → d) with the
usual abbreviations spelled out (LĐLĐ, CĐCS, TLĐ, TP).

- The issuer: the unit named after "của" in the decision line, else the units
  named by cells of the block (a cell, or two cells one above the other).  When
  the block names a unit and its parent ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" over
  "CÔNG ĐOÀN NGÀNH …"), the issuer is the lower one, as in official headings.
- The form: a term whose whole name appears in the block ("Bằng khen của Tổng
  Liên đoàn"), else the terms whose name before "của" appears ("Bằng khen");
  several such terms are told apart by the issuer: the one whose "của …" part
  names the issuer's level ("của LĐLĐ tỉnh" for a provincial federation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.importer.match import ContentIndex, unit_key

# Who inside the issuer signs: "BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG …" is still the federation.
_BODIES = re.compile(
    r"^(?:(?:tm|t m|kt)\s+)?(?:ban chap hanh|ban thuong vu|thuong truc|bch|btv|chu tich|giam doc)\s+"
)


def expand(text: str) -> str:
    """Folded words with abbreviations spelled out: ``LĐLĐ tỉnh`` → ``lien doan lao dong tinh``."""
    return unit_key(text)


@dataclass
class TitleCell:
    row: int
    col: int
    text: str


@dataclass
class Finding:
    """One value read from the title block, or why none was."""

    value: str | None = None
    source: str = ""  # the words it was read from
    where: tuple[int, int] = (1, 1)
    candidates: list[str] = field(default_factory=list)  # when several matched


def _unit_names(index: ContentIndex) -> dict[str, set[str]]:
    by_name: dict[str, set[str]] = {}
    for unit_id, data in index.units.items():
        for key in ("name", "short_name"):
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                by_name.setdefault(expand(value), set()).add(unit_id)
    return by_name


def _strip_body(text: str) -> str:
    return _BODIES.sub("", expand(text)).strip()


def _ancestors(index: ContentIndex, unit_id: str) -> set[str]:
    seen: set[str] = set()
    current = index.units.get(unit_id, {}).get("parent")
    while isinstance(current, str) and current not in seen:
        seen.add(current)
        current = index.units.get(current, {}).get("parent")
    return seen


def _candidates(cells: list[TitleCell]) -> Iterable[tuple[TitleCell, str]]:
    """Each cell's text, and each cell joined with the one right below it in its column."""
    by_position = {(c.row, c.col): c for c in cells}
    for cell in cells:
        yield cell, cell.text
        below = by_position.get((cell.row + 1, cell.col))
        if below is not None:
            yield cell, f"{cell.text} {below.text}"


_OF = re.compile(r"\bcua\b")


def infer_issuer(cells: list[TitleCell], index: ContentIndex) -> Finding:
    names = _unit_names(index)
    # "… Quyết định số … của Ban Thường vụ LĐLĐ tỉnh Mẫu": the unit that decided.
    for cell in cells:
        folded = expand(cell.text)
        if "quyet dinh" not in folded:
            continue
        parts = _OF.split(folded)
        if len(parts) > 1:
            found = names.get(_strip_body(parts[-1]), set())
            if len(found) == 1:
                (unit_id,) = found
                tail = cell.text.rsplit("của", 1)[-1].strip(" )")
                return Finding(unit_id, tail, (cell.row, cell.col))
    matched: dict[str, tuple[TitleCell, str]] = {}
    for cell, text in _candidates(cells):
        for unit_id in sorted(names.get(_strip_body(text), set())):
            matched.setdefault(unit_id, (cell, text))
    if not matched:
        return Finding()
    if len(matched) > 1:
        # A heading names the parent above the issuer: keep the unit below all the others.
        lowest = [
            unit_id
            for unit_id in matched
            if all(other in _ancestors(index, unit_id) for other in matched if other != unit_id)
        ]
        if len(lowest) != 1:
            first = min(matched.values(), key=lambda m: (m[0].row, m[0].col))[0]
            return Finding(None, "", (first.row, first.col), sorted(matched))
        matched = {lowest[0]: matched[lowest[0]]}
    ((unit_id, (cell, text)),) = matched.items()
    return Finding(unit_id, text, (cell.row, cell.col))


def _contains(haystack: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


def _form_name(index: ContentIndex, key: str) -> str:
    return expand(index.taxonomy_name("award_forms", key))


def _names_level(qualifier: str, issuer: str | None, index: ContentIndex) -> bool:
    """Does "của <qualifier>" of a form name describe the issuer (its name, short name or kind)?"""
    if not issuer or issuer not in index.units:
        return False
    data = index.units[issuer]
    texts = [data.get("name"), data.get("short_name")]
    kind = data.get("kind")
    if isinstance(kind, str):
        texts.append(index.taxonomy_name("unit_kinds", kind))
    for text in texts:
        if isinstance(text, str) and (
            expand(text).startswith(qualifier) or _contains(expand(text), qualifier)
        ):
            return True
    return False


def infer_form(cells: list[TitleCell], index: ContentIndex, issuer: str | None) -> Finding:
    keys = index.taxonomy_keys("award_forms")
    if not keys:
        return Finding()
    block = " | ".join(expand(cell.text) for cell in cells)

    def where(words: str) -> tuple[int, int]:
        for cell in cells:
            if _contains(expand(cell.text), words):
                return (cell.row, cell.col)
        return (1, 1)

    # The name before "của" ("Bằng khen") of each term the block mentions.
    bases: dict[str, list[str]] = {}
    for key in keys:
        base = _OF.split(_form_name(index, key))[0].strip()
        if _contains(block, base):
            bases.setdefault(base, []).append(key)
    if len(bases) != 1:
        # No form named, or several ("BẰNG KHEN, GIẤY KHEN"): nothing to choose from.
        return Finding(None, "", (1, 1), sorted(k for ks in bases.values() for k in ks))
    # The whole name of a term ("Bằng khen của Tổng Liên đoàn"); the longest names win.
    whole = [k for k in keys if _contains(block, _form_name(index, k))]
    whole = [
        k
        for k in whole
        if not any(o != k and _contains(_form_name(index, o), _form_name(index, k)) for o in whole)
    ]
    if len(whole) == 1:
        words = _form_name(index, whole[0])
        return Finding(whole[0], _mention(cells, words), where(words))
    ((base, found),) = bases.items()
    mention = _mention(cells, base)
    if len(found) == 1:
        return Finding(found[0], mention, where(base))
    by_level = [
        key
        for key in found
        if len(parts := _OF.split(_form_name(index, key), maxsplit=1)) == 2
        and _names_level(parts[1].strip(), issuer, index)
    ]
    if len(by_level) == 1:
        return Finding(by_level[0], mention, where(base))
    return Finding(None, mention, where(base), sorted(found))


def _mention(cells: list[TitleCell], base: str) -> str:
    """The words of the block that named the form, as typed ("BẰNG KHEN")."""
    count = len(base.split())
    for cell in cells:
        words = cell.text.split()
        for start in range(len(words) - count + 1):
            if expand(" ".join(words[start : start + count])) == base:
                return " ".join(words[start : start + count])
    return base
