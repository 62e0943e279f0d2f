"""Initials avatars (generator/avatar.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.avatar import PALETTE, TEXT_COLOUR, avatar_svg, colour_for, contrast_ratio, initials

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ngô Thị Thanh Huyền", "TH"),
        ("Đặng Thị Thu Trang", "TT"),
        ("Trần Quốc Bảo", "QB"),
        ("Vũ Minh Tuấn", "MT"),
        ("Nguyễn Văn Hùng", "H"),
        ("Bùi Văn Đức", "Đ"),
        ("Lê Thị Mai", "M"),
        ("NGUYỄN THỊ ÁNH", "Á"),
        ("Lê Mai", "M"),
        ("ánh", "Á"),
        ("Tôn Nữ Thị Hà", "H"),
        ("Nguyễn  Thị   Ư  ", "Ư"),
        ("Nguye\u0302\u0303n Va\u0306n U\u031b\u0301c", "Ứ"),  # decomposed input
        ("Phạm – Lan", "L"),  # a dash is not a word
        ("  ", ""),
        ("— 123 —", ""),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_colour_is_stable_and_spread() -> None:
    assert colour_for("nguyen-van-hung") == colour_for("nguyen-van-hung")
    colours = {colour_for(f"nguoi-{i}") for i in range(200)}
    assert colours <= set(PALETTE)
    assert len(colours) == len(PALETTE)  # every colour is reached


def test_contrast_ratio_formula() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # Known values: #767676 is the lightest grey passing AA on white, #777777 fails.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#ffffff", "#777777") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("background", PALETTE)
def test_palette_passes_aa_with_white_text(background: str) -> None:
    assert contrast_ratio(TEXT_COLOUR, background) >= 4.5


def test_svg_is_labelled_and_escaped() -> None:
    name = 'Lê <script>"Mai"</script> & Lan'
    svg = avatar_svg(name, "le-mai", 48)
    root = ET.fromstring(svg)  # well-formed: nothing from the name broke out
    assert root.get("role") == "img"
    assert root.get("aria-label") == f"Ảnh đại diện của {name}"
    assert root.get("width") == "48" and root.get("height") == "48"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == f"Ảnh đại diện của {name}"
    circle = root.find(f"{SVG}circle")
    assert circle is not None and circle.get("fill") == colour_for("le-mai")
    text = root.find(f"{SVG}text")
    assert text is not None and text.text == "SL" and text.get("fill") == TEXT_COLOUR
    assert "<script>" not in svg


def test_svg_decorative() -> None:
    root = ET.fromstring(avatar_svg("Trần Quốc Bảo", "tran-quoc-bao", decorative=True))
    assert root.get("aria-hidden") == "true"
    assert root.get("role") is None and root.get("aria-label") is None
    assert root.find(f"{SVG}title") is None
    text = root.find(f"{SVG}text")
    assert text is not None and text.text == "QB"


def test_svg_without_letters_draws_an_icon() -> None:
    root = ET.fromstring(avatar_svg("—", "x"))
    assert root.find(f"{SVG}text") is None
    assert root.find(f"{SVG}path") is not None
