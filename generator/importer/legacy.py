"""Text typed in the legacy Vietnamese encodings of old spreadsheets.

Before Unicode, Vietnamese offices typed with fonts that drew Vietnamese
letters in place of Latin-1 characters.  Excel stored the Latin-1 characters,
so a modern reader sees ``NguyÔn V¨n An`` (TCVN3, fonts such as ``.VnTime``)
or ``Nguyeãn Vaên An`` (VNI, fonts such as ``VNI-Times``) for *Nguyễn Văn An*.

This module detects such text cell by cell and converts it when exactly one
reading makes Vietnamese syllables.  It never guesses between readings: a
cell that reads as Vietnamese in both encodings, or in neither, is reported.

Tables
------
``TCVN3_TO_UNICODE`` is the upper half of TCVN 5712:1993 (the byte value is
the character Excel shows, since 0xA0-0xFF are the same in Latin-1 and
Windows-1252).  The ABC fonts (VN3) use the lowercase letters and the seven
uppercase base letters; the uppercase letters with tones that VN1 placed in
the gaps are included as well.  0xB0-0xB4 are combining tone marks in VN1 but
nothing in VN3 fonts, while editors type ``°`` and ``±`` there; they are left
alone.  Uppercase text in ABC fonts is drawn by a separate "H" font
(``.VnTimeH``) from the lowercase codes, so it is recognised by the font name
or by its ASCII letters all being capitals.

``VNI_TO_UNICODE`` maps VNI Windows sequences: a base vowel followed by a
mark character (``ø`` huyền, ``ù`` sắc, ``û`` hỏi, ``õ`` ngã, ``ï`` nặng;
``â`` circumflex, and ``à á å ã ä`` circumflex with a tone; ``ê`` breve and
``è é ú ü ë`` breve with a tone), and single characters for ``đ ơ ư`` and the
``i``/``y`` letters whose marks VNI draws in one glyph.

Both tables were checked against TCVN 5712 (XFree86 ``lcUniConv/tcvn.h``) and
an independent converter's parallel tables; ``tests/test_legacy_encoding.py``
rebuilds the VNI table from the mark rules and compares.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

# -- tables ------------------------------------------------------------------

#: TCVN3 (ABC, TCVN 5712:1993 upper half) → Unicode.  Keys are the characters
#: Excel shows for the bytes; ASCII is unchanged.
TCVN3_TO_UNICODE: dict[str, str] = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư",
    "\xa7": "Đ", "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ",
    "\xad": "ư", "\xae": "đ", "\xaf": "Ằ", "\xb5": "à", "\xb6": "ả", "\xb7": "ã",
    "\xb8": "á", "\xb9": "ạ", "\xba": "Ẳ", "\xbb": "ằ", "\xbc": "ẳ", "\xbd": "ẵ",
    "\xbe": "ắ", "\xbf": "Ẵ", "\xc0": "Ắ", "\xc1": "Ầ", "\xc2": "Ẩ", "\xc3": "Ẫ",
    "\xc4": "Ấ", "\xc5": "Ề", "\xc6": "ặ", "\xc7": "ầ", "\xc8": "ẩ", "\xc9": "ẫ",
    "\xca": "ấ", "\xcb": "ậ", "\xcc": "è", "\xcd": "Ể", "\xce": "ẻ", "\xcf": "ẽ",
    "\xd0": "é", "\xd1": "ẹ", "\xd2": "ề", "\xd3": "ể", "\xd4": "ễ", "\xd5": "ế",
    "\xd6": "ệ", "\xd7": "ì", "\xd8": "ỉ", "\xd9": "Ễ", "\xda": "Ế", "\xdb": "Ồ",
    "\xdc": "ĩ", "\xdd": "í", "\xde": "ị", "\xdf": "ò", "\xe0": "Ổ", "\xe1": "ỏ",
    "\xe2": "õ", "\xe3": "ó", "\xe4": "ọ", "\xe5": "ồ", "\xe6": "ổ", "\xe7": "ỗ",
    "\xe8": "ố", "\xe9": "ộ", "\xea": "ờ", "\xeb": "ở", "\xec": "ỡ", "\xed": "ớ",
    "\xee": "ợ", "\xef": "ù", "\xf0": "Ỗ", "\xf1": "ủ", "\xf2": "ũ", "\xf3": "ú",
    "\xf4": "ụ", "\xf5": "ừ", "\xf6": "ử", "\xf7": "ữ", "\xf8": "ứ", "\xf9": "ự",
    "\xfa": "ỳ", "\xfb": "ỷ", "\xfc": "ỹ", "\xfd": "ý", "\xfe": "ỵ", "\xff": "Ố",
}  # fmt: skip

#: VNI Windows two-character sequences (base letter + mark) → Unicode.
VNI_TO_UNICODE: dict[str, str] = {
    # a
    "aø": "à", "aù": "á", "aû": "ả", "aõ": "ã", "aï": "ạ",
    "AØ": "À", "AÙ": "Á", "AÛ": "Ả", "AÕ": "Ã", "AÏ": "Ạ",
    "aâ": "â", "aà": "ầ", "aá": "ấ", "aå": "ẩ", "aã": "ẫ", "aä": "ậ",
    "AÂ": "Â", "AÀ": "Ầ", "AÁ": "Ấ", "AÅ": "Ẩ", "AÃ": "Ẫ", "AÄ": "Ậ",
    "aê": "ă", "aè": "ằ", "aé": "ắ", "aú": "ẳ", "aü": "ẵ", "aë": "ặ",
    "AÊ": "Ă", "AÈ": "Ằ", "AÉ": "Ắ", "AÚ": "Ẳ", "AÜ": "Ẵ", "AË": "Ặ",
    # e
    "eø": "è", "eù": "é", "eû": "ẻ", "eõ": "ẽ", "eï": "ẹ",
    "EØ": "È", "EÙ": "É", "EÛ": "Ẻ", "EÕ": "Ẽ", "EÏ": "Ẹ",
    "eâ": "ê", "eà": "ề", "eá": "ế", "eå": "ể", "eã": "ễ", "eä": "ệ",
    "EÂ": "Ê", "EÀ": "Ề", "EÁ": "Ế", "EÅ": "Ể", "EÃ": "Ễ", "EÄ": "Ệ",
    # o
    "oø": "ò", "où": "ó", "oû": "ỏ", "oõ": "õ", "oï": "ọ",
    "OØ": "Ò", "OÙ": "Ó", "OÛ": "Ỏ", "OÕ": "Õ", "OÏ": "Ọ",
    "oâ": "ô", "oà": "ồ", "oá": "ố", "oå": "ổ", "oã": "ỗ", "oä": "ộ",
    "OÂ": "Ô", "OÀ": "Ồ", "OÁ": "Ố", "OÅ": "Ổ", "OÃ": "Ỗ", "OÄ": "Ộ",
    # ơ (VNI ô) and ư (VNI ö)
    "ôø": "ờ", "ôù": "ớ", "ôû": "ở", "ôõ": "ỡ", "ôï": "ợ",
    "ÔØ": "Ờ", "ÔÙ": "Ớ", "ÔÛ": "Ở", "ÔÕ": "Ỡ", "ÔÏ": "Ợ",
    "öø": "ừ", "öù": "ứ", "öû": "ử", "öõ": "ữ", "öï": "ự",
    "ÖØ": "Ừ", "ÖÙ": "Ứ", "ÖÛ": "Ử", "ÖÕ": "Ữ", "ÖÏ": "Ự",
    # u, y
    "uø": "ù", "uù": "ú", "uû": "ủ", "uõ": "ũ", "uï": "ụ",
    "UØ": "Ù", "UÙ": "Ú", "UÛ": "Ủ", "UÕ": "Ũ", "UÏ": "Ụ",
    "yø": "ỳ", "yù": "ý", "yû": "ỷ", "yõ": "ỹ",
    "YØ": "Ỳ", "YÙ": "Ý", "YÛ": "Ỷ", "YÕ": "Ỹ",
}  # fmt: skip

#: VNI Windows single characters → Unicode (ì and í are the same in both).
VNI_SINGLE_TO_UNICODE: dict[str, str] = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ",
    "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip


# -- Vietnamese syllables ----------------------------------------------------

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SHAPES = frozenset("\u0302\u0306\u031b")
_VOWEL_BASES = frozenset("aăâeêioôơuưy")
_CONSONANTS = frozenset("bcdđghklmnpqrstvxfjwz")
_INITIALS = frozenset((
    "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
    "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x", "f", "j", "w", "z",
))  # fmt: skip
_FINALS = frozenset(("c", "ch", "m", "n", "ng", "nh", "p", "t"))
# Vowel groups of Vietnamese rhymes, by base letter (tones removed).
_NUCLEI = frozenset((
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
    "oo", "ôi", "ôô", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
    "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
))  # fmt: skip
_WORD_SPLIT = re.compile(r"[\s,.;:()\[\]\"'/\\!?&+*=<>_\-–—“”‘’0-9]+")


def _letter(ch: str) -> tuple[str, bool] | None:
    """(base letter with its shape, has tone) for one lowercase letter, or None."""
    if ch in _CONSONANTS:
        return ch, False
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if not base.isascii() or not base.isalpha():
        return None
    if any(m not in _TONES and m not in _SHAPES for m in marks):
        return None
    shaped = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _SHAPES))
    if shaped not in _VOWEL_BASES:
        return None
    return shaped, any(m in _TONES for m in marks)


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is spelled like one Vietnamese syllable (``nguyễn``, ``văn``).

    Checks the letters, at most one tone, an initial consonant group, a vowel
    group that Vietnamese rhymes use and a final consonant.  It accepts some
    syllables that do not exist; it exists to tell real text from mojibake.
    """
    letters = []
    tones = 0
    for ch in unicodedata.normalize("NFC", word).lower():
        parsed = _letter(ch)
        if parsed is None:
            return False
        letters.append(parsed[0])
        tones += parsed[1]
    if not letters or tones > 1:
        return False
    text = "".join(letters)
    index = 0
    while index < len(text) and text[index] not in _VOWEL_BASES:
        index += 1
    initial, rest = text[:index], text[index:]
    # "gi" and "qu" take the following vowel letter into the initial.
    if initial in ("g", "q") and len(rest) > 1 and rest[0] in "iu" and rest[1] in _VOWEL_BASES:
        initial, rest = initial + rest[0], rest[1:]
    if initial and initial not in _INITIALS:
        return False
    end = 0
    while end < len(rest) and rest[end] in _VOWEL_BASES:
        end += 1
    nucleus, final = rest[:end], rest[end:]
    if nucleus not in _NUCLEI:
        return False
    return not final or final in _FINALS


# -- decoding ----------------------------------------------------------------


class Encoding(StrEnum):
    TCVN3 = "TCVN3 (ABC)"
    VNI = "VNI"


def decode_tcvn3(text: str, *, uppercase_font: bool = False) -> str:
    """Read ``text`` as TCVN3; with ``uppercase_font`` as drawn by a ``.Vn…H`` font."""
    out = "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in text)
    return out.upper() if uppercase_font else out


def decode_vni(text: str) -> str:
    """Read ``text`` as VNI Windows."""
    out: list[str] = []
    index = 0
    while index < len(text):
        pair = text[index : index + 2]
        if pair in VNI_TO_UNICODE:
            out.append(VNI_TO_UNICODE[pair])
            index += 2
            continue
        ch = text[index]
        out.append(VNI_SINGLE_TO_UNICODE.get(ch, ch))
        index += 1
    return "".join(out)


# Latin-1 letters Vietnamese uses in Unicode text; every other Latin-1 letter or
# sign in a word is a trace of a legacy font.
_VIETNAMESE_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
# Windows-1252 punctuation in 0x80-0x9F that old files carry alongside legacy text.
_CP1252_EXTRAS = frozenset("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
_LEGACY_SIGNS = (
    frozenset(TCVN3_TO_UNICODE) | frozenset(VNI_SINGLE_TO_UNICODE)
) - _VIETNAMESE_LATIN1
# Signs typed in ordinary text (30°, ±5 %, «…») that prove nothing alone.
_COMMON_SIGNS = frozenset("°±«»×·©®§¶")


def _is_candidate(text: str) -> bool:
    """Could ``text`` be legacy-encoded at all?  Only Latin-1 text with accents can."""
    has_high = False
    for ch in text:
        if ch.isascii():
            continue
        if ord(ch) > 0xFF and ch not in _CP1252_EXTRAS:
            return False  # a real Unicode letter (ă, đ, ơ, ư, ễ…) means real Unicode text
        has_high = True
    return has_high


def _words(text: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(text) if w]


def _reading_ok(original: str, decoded: str) -> bool:
    """Every word that holds a non-ASCII character spells a Vietnamese syllable."""
    words_before = _words(original)
    words_after = _words(decoded)
    if len(words_before) != len(words_after):
        # A legacy sign decoded to a separator or vice versa: compare word by word is moot.
        words_after = [w for w in words_after if not w.isascii()]
        return all(is_vietnamese_syllable(w) for w in words_after)
    checked = False
    for before, after in zip(words_before, words_after, strict=True):
        if before.isascii() and after.isascii():
            continue
        checked = True
        if not is_vietnamese_syllable(after):
            return False
    return checked


def _all_caps_ascii(text: str) -> bool:
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


@dataclass(frozen=True)
class LegacyResult:
    """What :func:`detect` concluded about one cell."""

    encoding: Encoding | None  # None: the text is not legacy-encoded
    converted: str | None  # the Unicode text, when one reading is certain
    suggestion: str | None = None  # a tentative reading shown to the editor when unsure


def font_encoding(font_name: str | None) -> tuple[Encoding | None, bool]:
    """The legacy encoding a font name implies, and whether it is an uppercase ("H") font."""
    if not font_name:
        return None, False
    name = font_name.strip()
    if name.lower().startswith(".vn"):
        return Encoding.TCVN3, name.endswith("H")
    if name.lower().startswith("vni"):
        return Encoding.VNI, False
    return None, False


def detect(text: str, font_name: str | None = None) -> LegacyResult:
    """Decide whether ``text`` (NFC, one cell) is TCVN3 or VNI, and convert when certain.

    The font the cell is formatted with, when known, settles a tie; otherwise a
    reading is chosen only when it alone gives Vietnamese syllables.
    """
    if not _is_candidate(text):
        return LegacyResult(None, None)
    font, uppercase_font = font_encoding(font_name)
    uppercase = uppercase_font or (font is not Encoding.VNI and _all_caps_ascii(text))
    readings = {
        Encoding.TCVN3: decode_tcvn3(text, uppercase_font=uppercase),
        Encoding.VNI: decode_vni(text),
    }
    plausible = {
        enc: out for enc, out in readings.items() if out != text and _reading_ok(text, out)
    }
    has_signs = any(ch in _LEGACY_SIGNS and ch not in _COMMON_SIGNS for ch in text)
    as_is_ok = not has_signs and all(
        is_vietnamese_syllable(w) for w in _words(text) if not w.isascii()
    )
    if font is not None and font in plausible:
        # The cell's font says how it was typed; trust it when its reading makes sense.
        return LegacyResult(font, unicodedata.normalize("NFC", plausible[font]))
    if as_is_ok:
        return LegacyResult(None, None)
    if len(plausible) == 1:
        (encoding, converted), *_ = plausible.items()
        return LegacyResult(encoding, unicodedata.normalize("NFC", converted))
    if len(set(plausible.values())) == 1 and plausible:
        encoding, converted = next(iter(plausible.items()))
        return LegacyResult(encoding, unicodedata.normalize("NFC", converted))
    if not has_signs and not plausible:
        # Unusual Latin-1 text (a foreign name, a typo) with nothing pointing at a legacy font.
        return LegacyResult(None, None)
    guess = font or (Encoding.TCVN3 if any(ch in TCVN3_TO_UNICODE for ch in text) else Encoding.VNI)
    return LegacyResult(guess, None, suggestion=readings[guess])
