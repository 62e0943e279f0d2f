"""Legacy Vietnamese encodings (TCVN3/ABC, VNI) in spreadsheet cells: tables, detection, conversion."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from generator.importer.legacy import (
    TCVN3_TO_UNICODE,
    VNI_SINGLE_TO_UNICODE,
    VNI_TO_UNICODE,
    Encoding,
    decode_tcvn3,
    decode_vni,
    detect,
    is_vietnamese_syllable,
)
from generator.importer.sheet import decode_csv_bytes

REPO = Path(__file__).resolve().parent.parent

GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"

#: Every lowercase Vietnamese letter with a diacritic, in Unicode.
VIETNAMESE_LOWER = sorted(
    {
        unicodedata.normalize("NFC", base + shape + tone)
        for base, shapes in (
            ("a", ("", BREVE, CIRCUMFLEX)),
            ("e", ("", CIRCUMFLEX)),
            ("i", ("",)),
            ("o", ("", CIRCUMFLEX, HORN)),
            ("u", ("", HORN)),
            ("y", ("",)),
        )
        for shape in shapes
        for tone in ("", GRAVE, ACUTE, HOOK, TILDE, DOT)
    }
    - set("aeiouy")
)


def _vni_from_rules() -> dict[str, str]:
    """VNI pairs rebuilt from how VNI places marks, to check the literal table against."""
    tones = {"ø": GRAVE, "ù": ACUTE, "û": HOOK, "õ": TILDE, "ï": DOT}
    circumflex = {"â": "", "à": GRAVE, "á": ACUTE, "å": HOOK, "ã": TILDE, "ä": DOT}
    breve = {"ê": "", "è": GRAVE, "é": ACUTE, "ú": HOOK, "ü": TILDE, "ë": DOT}
    pairs: dict[str, str] = {}

    def add(base: str, letter: str, mark: str, combining: str) -> None:
        pairs[base + mark] = unicodedata.normalize("NFC", letter + combining)
        pairs[base.upper() + mark.upper()] = unicodedata.normalize(
            "NFC", letter.upper() + combining
        )

    for vowel in "aeou":
        for mark, tone in tones.items():
            add(vowel, vowel, mark, tone)
    for mark, tone in tones.items():
        if tone != DOT:  # VNI writes ỵ as the single character î
            add("y", "y", mark, tone)
    for vowel in "aeo":
        for mark, tone in circumflex.items():
            add(vowel, vowel, mark, CIRCUMFLEX + tone)
    for mark, tone in breve.items():
        add("a", "a", mark, BREVE + tone)
    for base, letter in (("ô", "o"), ("ö", "u")):
        for mark, tone in tones.items():
            add(base, letter, mark, HORN + tone)
    return pairs


def test_vni_table_matches_the_mark_rules() -> None:
    assert _vni_from_rules() == VNI_TO_UNICODE


def test_vni_covers_every_vietnamese_letter() -> None:
    produced = set(VNI_TO_UNICODE.values()) | set(VNI_SINGLE_TO_UNICODE.values())
    produced |= {"ì", "í"}
    for letter in VIETNAMESE_LOWER:
        assert letter in produced, letter
        assert letter.upper() in produced, letter.upper()


def test_tcvn3_covers_every_lowercase_letter_once() -> None:
    lowercase = [u for u in TCVN3_TO_UNICODE.values() if u.islower()]
    assert sorted(lowercase) == sorted([*VIETNAMESE_LOWER, "đ"])
    assert len(lowercase) == len(set(lowercase))
    # The seven uppercase base letters have codes of their own.
    for letter in "ĂÂÊÔƠƯĐ":
        assert letter in TCVN3_TO_UNICODE.values()
    # ° ± and the like stay what they are.
    for sign in "°±²³´":
        assert sign not in TCVN3_TO_UNICODE


def test_tcvn3_reference_values() -> None:
    # TCVN 5712:1993 positions, as the characters Excel shows for them.
    assert decode_tcvn3("¸ µ ¶ · ¹ ¨ ¾ Ê Õ ®") == "á à ả ã ạ ă ắ ấ ế đ"
    assert decode_tcvn3("NguyÔn V¨n An") == "Nguyễn Văn An"
    assert decode_tcvn3("H\xad¬ng") == "Hương"  # ư is 0xAD, the soft hyphen
    assert decode_tcvn3("nguyÔn", uppercase_font=True) == "NGUYỄN"


def test_vni_reference_values() -> None:
    assert decode_vni("Nguyeãn Vaên An") == "Nguyễn Văn An"
    assert decode_vni("Tröôøng Ñaïi hoïc") == "Trường Đại học"
    assert decode_vni("Thò Mî") == "Thị Mỵ"


@pytest.mark.parametrize(
    "word",
    ["nguyễn", "văn", "khuỷu", "giữa", "quốc", "nghiêng", "thuở", "ngoằn", "trường", "yêu", "oanh"],
)
def test_real_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)
    assert is_vietnamese_syllable(word.upper())


@pytest.mark.parametrize("word", ["nguyôn", "vaên", "tráán", "xyz", "v¨n", "aeiou", "nguyeón"])
def test_not_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("NguyÔn V¨n An", Encoding.TCVN3, "Nguyễn Văn An"),
        ("Lª ThÞ Mai", Encoding.TCVN3, "Lê Thị Mai"),
        ("C«ng ®oµn c¬ së", Encoding.TCVN3, "Công đoàn cơ sở"),
        ("Chi nh¸nh §iÖn lùc", Encoding.TCVN3, "Chi nhánh Điện lực"),
        ("NGUYÔN V¡N AN", Encoding.TCVN3, "NGUYỄN VĂN AN"),  # typed for a .VnTimeH font
        ("Nguyeãn Vaên An", Encoding.VNI, "Nguyễn Văn An"),
        ("Coâng ñoaøn cô sôû", Encoding.VNI, "Công đoàn cơ sở"),
        ("Tröôøng THCS Bình Minh", Encoding.VNI, "Trường THCS Bình Minh"),
    ],
)
def test_detect_converts_when_one_reading_makes_sense(
    text: str, encoding: Encoding, expected: str
) -> None:
    result = detect(text)
    assert result.encoding is encoding
    assert result.converted == expected


@pytest.mark.parametrize(
    "text",
    ["Nguyễn Văn An", "Hoà Bình", "Tô Lâm", "Lâm Hà", "Café", "30°C", "CĐCS", "Thanh Hóa", ""],
)
def test_detect_leaves_unicode_alone(text: str) -> None:
    assert detect(text).encoding is None


def test_detect_reports_what_it_cannot_read() -> None:
    result = detect("Tr¸¸n V¨n")
    assert result.encoding is Encoding.TCVN3
    assert result.converted is None
    assert result.suggestion == "Tráán Văn"


def test_font_settles_the_reading() -> None:
    # "Hái" is a Vietnamese word as it stands; in a .VnTime cell it is "Hỏi".
    assert detect("Hái").encoding is None
    assert detect("Hái", ".VnTime").converted == "Hỏi"
    assert detect("nguyÔn v¨n an", ".VnTimeH").converted == "NGUYỄN VĂN AN"
    assert detect("Nguyeãn", "VNI-Times").converted == "Nguyễn"


def test_no_false_alarm_on_the_sample_content() -> None:
    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return value.splitlines()
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    checked = 0
    for path in sorted((REPO / "content").rglob("*.yml")):
        for text in strings(yaml.safe_load(path.read_text("utf-8"))):
            assert detect(text).encoding is None, (path, text)
            checked += 1
    assert checked > 50


def _cp1258_form(text: str) -> str:
    """Windows-1258 spelling: base letters with their shape precomposed, tones as combining marks."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in decomposed[1:] if m in (GRAVE, ACUTE, HOOK, TILDE, DOT))
        rest = "".join(m for m in decomposed if m not in tones)
        out.append(unicodedata.normalize("NFC", rest) + tones)
    return "".join(out)


def test_csv_bytes_in_windows_1258() -> None:
    text = "STT;Họ và tên\n1;Nguyễn Văn Đức\n"
    raw = _cp1258_form(text).encode("cp1258")
    assert unicodedata.normalize("NFC", decode_csv_bytes(raw)) == text
    assert decode_csv_bytes("\ufeff".encode() + text.encode()) == text
    assert decode_csv_bytes(text.encode()) == text
