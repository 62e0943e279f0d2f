"""Text hygiene: characters nobody sees, and private data nobody should publish.

Editors paste text out of PDFs, Word files, spreadsheets and chat apps.  That text can carry
characters that are invisible on screen but change what the site shows or finds:

- bidirectional *overrides, embeddings and isolates* (U+202A–202E, U+2066–2069) reorder the
  characters that follow them ("Trojan Source", CVE-2021-42574): what the editor saw in the
  file is not the order of the characters the site would publish.  Removing them would
  publish a third text that nobody has seen, so they are **refused** and the editor decides;
- bidirectional *marks* (U+200E, U+200F, U+061C), zero-width characters (U+200B–200D,
  U+2060, U+FEFF) and other control or format characters change nothing a Vietnamese reader
  sees, only search and comparison (``nguyễn`` ≠ ``nguy\u200bễn``): they are **removed**,
  with a warning.  A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is kept: removing it
  would split the picture.

Free text may also hold phone numbers, e-mail addresses and ID-card numbers copied from an
award list; :func:`personal_data` finds them so that the validator can warn.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Characters that reorder the text after them; refused.
BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])

_ZWJ = "\u200d"
_KEPT_WHITESPACE = frozenset("\t\n")


def _is_pictograph(char: str) -> bool:
    """Good enough for emoji: symbols (So) outside the Latin-1 block, and skin-tone modifiers."""
    return (unicodedata.category(char) == "So" and ord(char) > 0xFF) or (
        0x1F3FB <= ord(char) <= 0x1F3FF
    )


def _invisible(text: str, index: int) -> bool:
    char = text[index]
    if char in _KEPT_WHITESPACE:
        return False
    category = unicodedata.category(char)
    if category == "Cc" or category in ("Zl", "Zp"):
        return True
    if category != "Cf":
        return False
    if char == _ZWJ:
        before = text[index - 1] if index > 0 else ""
        if before == "\ufe0f" and index > 1:  # the emoji presentation selector
            before = text[index - 2]
        after = text[index + 1] if index + 1 < len(text) else ""
        if before and after and _is_pictograph(before) and _is_pictograph(after):
            return False
    # Tag characters after a black flag spell out a region flag (🏴 England); keep them.
    return not (0xE0020 <= ord(char) <= 0xE007F and "\U0001f3f4" in text[max(0, index - 8) : index])


@dataclass(frozen=True)
class Scrubbed:
    """A text with its invisible characters removed, and what was found."""

    text: str
    #: (index in the original text, character) of every removed character
    removed: tuple[tuple[int, str], ...]

    @property
    def bidi(self) -> tuple[tuple[int, str], ...]:
        return tuple(item for item in self.removed if item[1] in BIDI_CONTROLS)


def scrub(text: str) -> Scrubbed:
    """Remove invisible and control characters (see the module's docstring)."""
    if text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable():
        # The common case, checked in C: printable means no Cc, Cf, Zl or Zp character.
        return Scrubbed(text, ())
    removed = tuple((i, c) for i, c in enumerate(text) if _invisible(text, i))
    if not removed:
        return Scrubbed(text, ())
    drop = {i for i, _ in removed}
    return Scrubbed("".join(c for i, c in enumerate(text) if i not in drop), removed)


def char_name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: how messages name a character nobody can see."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def describe_chars(chars: list[str] | tuple[str, ...]) -> str:
    """The distinct characters of a list, named, in order of first appearance (at most 3)."""
    distinct = list(dict.fromkeys(chars))
    shown = ", ".join(char_name(c) for c in distinct[:3])
    return shown + (f" và {len(distinct) - 3} loại khác" if len(distinct) > 3 else "")


# -- private data inside free text ----------------------------------------------------------

#: A run of digits with the single spaces, dots or hyphens people put between groups
#: ("0912 345 678", "+84 912.345.678", "0237-3852-123"); checked once the separators are gone.
_DIGIT_RUN = re.compile(r"(?<![\d,])\+?\d(?:[ .\-]?\d){7,13}(?![\d,])")
#: Vietnamese mobile numbers (03x, 05x, 07x, 08x, 09x: 10 digits) and landlines (02xx: 11
#: digits since 2017); +84 or 84 in place of the leading 0.
_PHONE = re.compile(r"0(?:[35789]\d{8}|2\d{9})")
_DIGIT_OR_AT = re.compile(r"[\d@]")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
#: CCCD: 12 digits, starting with a province code 001–096.  CMND: 9 digits; only near the word
#: that names it, since 9-digit amounts of money (150000000 đồng) are common in summaries.
_CCCD = re.compile(r"(?<!\d)0\d{11}(?!\d)")
_CMND = re.compile(
    r"(?:CMND|CMTND|CCCD|chứng minh(?: nhân dân| thư)?|căn cước(?: công dân)?|định danh)"
    r"[^\d\n]{0,20}(\d{9}|\d{12})(?!\d)",
    re.IGNORECASE,
)

_KIND_WORDS = {
    "phone": "số điện thoại",
    "email": "địa chỉ email",
    "id": "số CMND/CCCD",
}


@dataclass(frozen=True)
class PersonalData:
    kind: str  # phone, email, id
    start: int
    text: str

    @property
    def label(self) -> str:
        return _KIND_WORDS[self.kind]

    @property
    def masked(self) -> str:
        """The match with its middle hidden, so that a CI log does not publish it again."""
        if self.kind == "email":
            local, _, domain = self.text.partition("@")
            return f"{local[:1]}…@{domain}"
        digits = self.text
        return digits[:3] + "…" + digits[-2:] if len(digits) > 5 else "…"


def personal_data(text: str) -> list[PersonalData]:
    """Phone numbers, e-mail addresses and ID-card numbers written in ``text``, in order."""
    if not _DIGIT_OR_AT.search(text):  # most texts: every pattern below needs one
        return []
    found: dict[int, PersonalData] = {}
    for match in _EMAIL.finditer(text):
        found[match.start()] = PersonalData("email", match.start(), match.group(0))
    taken = [range(m.start, m.start + len(m.text)) for m in found.values()]
    for kind, pattern, group in (("id", _CMND, 1), ("id", _CCCD, 0)):
        for match in pattern.finditer(text):
            start = match.start(group)
            if any(start in span for span in taken):
                continue
            found[start] = PersonalData(kind, start, match.group(group))
            taken.append(range(start, match.end(group)))
    for match in _DIGIT_RUN.finditer(text):
        if any(match.start() in span for span in taken):
            continue
        digits = re.sub(r"\D", "", match.group(0))
        if digits.startswith("84") and len(digits) in (11, 12):
            digits = "0" + digits[2:]
        if _PHONE.fullmatch(digits):
            found[match.start()] = PersonalData("phone", match.start(), match.group(0))
    return [found[k] for k in sorted(found)]
