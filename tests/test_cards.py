"""Share cards (generator/cards.py) and the bundled font."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image

from generator import cards
from generator.avatar import colour_for
from generator.cards import CARD_SIZE, CardSpec, Portrait, card_for, card_name, draw_card
from generator.images import ImageError

FONTS = [cards.FONT_REGULAR, cards.FONT_BOLD]
VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # none, huyền, sắc, hỏi, ngã, nặng


def vietnamese_letters() -> list[str]:
    letters = ["đ", "Đ"]
    for vowel in VOWELS:
        for tone in TONES:
            for base in (vowel, vowel.upper()):
                letter = unicodedata.normalize("NFC", base + tone)
                assert len(letter) == 1, (base, tone)  # every one has a precomposed form
                letters.append(letter)
    return letters


LETTERS = vietnamese_letters()
SPEC = CardSpec(
    title="Cải tiến hệ thống làm mát ghi lò nung clinker",
    subtitle="Bằng khen LĐLĐ tỉnh Thanh Hóa · 2022",
    kind_label="Sáng kiến",
    site_title="Sáng kiến Công đoàn Thanh Hóa",
)
LONG_TITLE = " ".join(["Ứng dụng công nghệ thông tin trong quản lý điều hành công đoàn"] * 6)


def pixels(data: bytes, fmt: str = "PNG") -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == fmt
    return image.convert("RGB")


# -- font ---------------------------------------------------------------------------------------


def test_letter_set_is_complete() -> None:
    assert len(LETTERS) == 2 + 12 * 6 * 2
    assert len(set(LETTERS)) == len(LETTERS)


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_every_vietnamese_letter_has_a_glyph(path: Path) -> None:
    cmap = TTFont(path).getBestCmap()
    letters = LETTERS + [chr(c) for c in range(ord("a"), ord("z") + 1)]
    letters += [c.upper() for c in letters]
    missing = [c for c in letters if ord(c) not in cmap]
    assert missing == []
    # Text that reaches us decomposed, and the punctuation of Vietnamese typography.
    extra = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b“”‘’–—…·₫%№"
    assert [c for c in extra if ord(c) not in cmap] == []


def test_fonts_carry_their_licence() -> None:
    licence = (cards.FONT_DIR / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence
    for path in FONTS:
        name = TTFont(path)["name"]
        assert name.getDebugName(1) == "Noto Sans"
        assert "Open Font License" in (name.getDebugName(13) or "")


# -- drawing ------------------------------------------------------------------------------------


def test_card_is_1200_by_630_png() -> None:
    image = pixels(draw_card(SPEC))
    assert image.size == CARD_SIZE == (1200, 630)


def test_same_spec_same_bytes_across_processes() -> None:
    here = draw_card(SPEC)
    assert draw_card(SPEC) == here
    script = (
        "import sys; from generator.cards import CardSpec, draw_card; "
        f"sys.stdout.buffer.write(draw_card(CardSpec({SPEC.title!r}, {SPEC.subtitle!r}, "
        f"{SPEC.kind_label!r}, {SPEC.site_title!r})))"
    )
    root = Path(__file__).resolve().parent.parent
    there = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, cwd=root
    ).stdout
    assert there == here


def test_long_title_is_cut_with_an_ellipsis() -> None:
    font, lines = cards._fit_title(LONG_TITLE, 900, 400)
    assert font.size == min(cards._TITLE_SIZES)
    assert len(lines) == cards._TITLE_LINES
    assert lines[-1].endswith("…")
    assert all(font.getlength(line) <= 900 for line in lines)


def test_short_title_is_large() -> None:
    font, lines = cards._fit_title("Lê Thị Mai", 900, 400)
    assert font.size == max(cards._TITLE_SIZES) and lines == ["Lê Thị Mai"]


def test_unbreakable_word_is_split() -> None:
    font = cards._font(cards.FONT_BOLD, 60)
    lines = cards._wrap("Đ" * 80, font, 500, None)
    assert "".join(lines) == "Đ" * 80
    assert all(font.getlength(line) <= 500 for line in lines)


@pytest.mark.parametrize(
    "spec",
    [
        # Four lines at the largest size would push the subtitle into the footer.
        dataclasses.replace(
            SPEC,
            title="Cải tiến hệ thống làm mát ghi lò nung clinker tại nhà máy xi măng Đông Nghi Sơn",
            site_title="",
        ),
        dataclasses.replace(SPEC, title=LONG_TITLE, site_title=""),
        dataclasses.replace(SPEC, title="X" * 300, subtitle=LONG_TITLE, site_title=""),
        dataclasses.replace(
            SPEC, title=LONG_TITLE, site_title="", portrait=Portrait("Lê Mai", "le-mai")
        ),
    ],
)
def test_text_stays_inside_its_area(spec: CardSpec) -> None:
    image = pixels(draw_card(spec))
    width, height = image.size
    footer_top = height - cards._FOOTER_HEIGHT
    # Below the footer's rule only the footer tint remains when there is no site title.
    footer = image.crop((cards._BAND, footer_top + 3, width, height))
    assert {colour for _, colour in footer.getcolors(1 << 16) or []} == {
        tuple(int(cards._tint(spec.accent, 0.08)[i : i + 2], 16) for i in (1, 3, 5))
    }
    # Nothing in the right margin.
    margin = image.crop((width - cards._MARGIN + 1, 0, width, footer_top))
    assert len(margin.getcolors(1 << 16) or []) == 1


def test_initials_portrait() -> None:
    spec = dataclasses.replace(
        SPEC, portrait=Portrait("Ngô Thị Thanh Huyền", "ngo-thi-thanh-huyen")
    )
    image = pixels(draw_card(spec))
    colour = colour_for("ngo-thi-thanh-huyen")
    expected = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    # The disc's colour fills its edge area (the letters sit in the middle).
    left = CARD_SIZE[0] - cards._MARGIN - cards._PORTRAIT
    top = (CARD_SIZE[1] - cards._FOOTER_HEIGHT - cards._PORTRAIT) // 2
    assert image.getpixel((left + 30, top + cards._PORTRAIT // 2)) == expected


def test_photo_portrait() -> None:
    photo = io.BytesIO()
    Image.new("RGB", (400, 500), (20, 160, 60)).save(photo, "JPEG", quality=95)
    spec = dataclasses.replace(SPEC, portrait=Portrait("Lê Mai", "le-mai", photo.getvalue()))
    assert card_name(spec).endswith(".jpg")
    image = pixels(draw_card(spec), "JPEG")
    assert image.size == CARD_SIZE
    left = CARD_SIZE[0] - cards._MARGIN - cards._PORTRAIT
    top = (CARD_SIZE[1] - cards._FOOTER_HEIGHT - cards._PORTRAIT) // 2
    r, g, b = image.getpixel((left + cards._PORTRAIT // 2, top + cards._PORTRAIT // 2))  # type: ignore[misc]
    assert abs(r - 20) < 8 and abs(g - 160) < 8 and abs(b - 60) < 8
    # Outside the disc (its bounding box's corner) the background shows.
    r, g, b = image.getpixel((left + 3, top + 3))  # type: ignore[misc]
    assert min(r, g, b) > 240


def test_bad_portrait_photo_raises_image_error() -> None:
    spec = dataclasses.replace(SPEC, portrait=Portrait("Lê Mai", "le-mai", b"not an image"))
    with pytest.raises(ImageError):
        draw_card(spec)


def test_accent_must_be_a_colour() -> None:
    with pytest.raises(ValueError):
        CardSpec("x", accent="red")
    with pytest.raises(ValueError):
        CardSpec("x", accent='#fff" onload="x')


def test_accent_is_drawn() -> None:
    image = pixels(draw_card(dataclasses.replace(SPEC, accent="#1565c0")))
    assert image.getpixel((5, 300)) == (0x15, 0x65, 0xC0)


# -- cache --------------------------------------------------------------------------------------


def test_card_for_caches_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name, data = card_for(SPEC, tmp_path)
    assert name == card_name(SPEC) and name.endswith(".png")
    assert (tmp_path / name).read_bytes() == data == draw_card(SPEC)

    def no_drawing(spec: CardSpec) -> bytes:
        raise AssertionError("drawn again although cached")

    monkeypatch.setattr(cards, "draw_card", no_drawing)
    assert card_for(SPEC, tmp_path) == (name, data)
    with pytest.raises(AssertionError, match="drawn again"):
        card_for(dataclasses.replace(SPEC, title="Khác"), tmp_path)


def test_name_changes_with_everything_drawn() -> None:
    variants = [
        SPEC,
        dataclasses.replace(SPEC, title=SPEC.title + "."),
        dataclasses.replace(SPEC, subtitle=""),
        dataclasses.replace(SPEC, kind_label="Cá nhân"),
        dataclasses.replace(SPEC, site_title="Khác"),
        dataclasses.replace(SPEC, accent="#1565c0"),
        dataclasses.replace(SPEC, portrait=Portrait("Lê Mai", "le-mai")),
        dataclasses.replace(SPEC, portrait=Portrait("Lê Mai", "le-mai-2")),
        dataclasses.replace(SPEC, portrait=Portrait("Lê Mai", "le-mai", b"1")),
        dataclasses.replace(SPEC, portrait=Portrait("Lê Mai", "le-mai", b"2")),
    ]
    names = [card_name(spec) for spec in variants]
    assert len(set(names)) == len(names)
    assert card_name(dataclasses.replace(SPEC)) == names[0]


def test_name_changes_with_code_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = card_name(SPEC)
    monkeypatch.setattr(cards, "CARD_VERSION", "test")
    cards.forget_names()  # a new version is a new process
    try:
        assert card_name(SPEC) != before
    finally:
        monkeypatch.undo()
        cards.forget_names()
    assert card_name(SPEC) == before
