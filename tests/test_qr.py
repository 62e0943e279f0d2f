"""QR codes (generator/qr.py): the SVG is well formed, labelled, and decodes to the URL."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
import segno
import zxingcpp
from PIL import Image, ImageDraw

from generator.qr import qr_svg

SVG = "{http://www.w3.org/2000/svg}"
URL = "https://example.github.io/sang-kien/vinh-danh/2022/?trang=1&in=1"


def dark_modules(svg: str) -> tuple[int, set[tuple[int, int]]]:
    """Read back the SVG: its size in modules and the dark modules its path draws.

    segno draws each run of dark modules as a horizontal 1-unit stroke:
    ``M x y.5 h len m dx dy h len …`` (absolute first move, then relative moves).
    """
    root = ET.fromstring(svg)
    size = int(root.get("viewBox", "").split()[2])
    [path] = [p for p in root.iter(f"{SVG}path") if p.get("stroke")]
    x = y = 0.0
    dark: set[tuple[int, int]] = set()
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.get("d", "")):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            for dx in range(int(float(a))):
                dark.add((int(x) + dx, int(y - 0.5)))
            x += float(a)
    return size, dark


def decode(size: int, dark: set[tuple[int, int]]) -> list[str]:
    scale = 8
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y in dark:
        draw.rectangle((x * scale, y * scale, (x + 1) * scale - 1, (y + 1) * scale - 1), fill=0)
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_svg_decodes_to_the_url() -> None:
    size, dark = dark_modules(qr_svg(URL))
    assert decode(size, dark) == [URL]


def test_svg_matches_segno_matrix() -> None:
    size, dark = dark_modules(qr_svg(URL))
    code = segno.make(URL, error="m", micro=False, boost_error=False)
    expected = {
        (x, y)
        for y, row in enumerate(code.matrix_iter(border=4))
        for x, bit in enumerate(row)
        if bit
    }
    assert size == code.symbol_size(border=4)[0]
    assert dark == expected


def test_svg_is_labelled_in_vietnamese() -> None:
    svg = qr_svg(URL)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    label = f"Mã QR dẫn tới trang trực tuyến: {URL}"
    assert root.get("aria-label") == label
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == label
    assert root.get("width") is None and root.get("viewBox", "").startswith("0 0 ")
    assert root.get("class") == "qr"
    # The quiet zone is painted white, so the code also reads on a dark page.
    assert any(p.get("fill") == "#fff" for p in root.iter(f"{SVG}path"))


def test_label_and_class_are_escaped() -> None:
    label = 'Trang "vinh danh" <b>2022</b> & khác'
    root = ET.fromstring(qr_svg(URL, label, css_class='a" onload="x'))
    assert root.get("aria-label") == label
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == label
    assert root.get("class") == 'a" onload="x' and root.get("onload") is None


def test_deterministic() -> None:
    assert qr_svg(URL) == qr_svg(URL)
    assert qr_svg(URL) != qr_svg(URL + "x")


def test_bad_urls() -> None:
    with pytest.raises(ValueError):
        qr_svg("  ")
    with pytest.raises(ValueError, match="too long"):
        qr_svg("https://x.org/" + "a" * 5000)
