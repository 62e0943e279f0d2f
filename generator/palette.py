"""Colours that pass WCAG AA for every named Material palette an editor may pick.

``content/site.yml`` names Material colours (``palette: {primary: red, accent: amber}``).
Material's own shades are bright: white text on its red header reads at 3.44:1, its
red links at 3.44:1 on white, an amber hover colour at 1.6:1.  This module keeps each
colour's hue and darkens (light scheme) or lightens (dark scheme) it in HSL lightness
just until it reads, and :func:`palette_css` writes the overrides as CSS custom
properties for ``assets/stylesheets/showcase-palette.css`` (``scripts/palette_css.py``
writes the file; ``tests/test_palette.py`` checks it is current and that every pair
passes).  So the palette stays editable and any choice keeps AA contrast:

- the header and tabs (``--md-primary-fg-color``) carry white text at ≥ 4.5:1, tab
  labels included (Material dims them with ``opacity: .7``; showcase.css raises it to
  :data:`TAB_OPACITY`);
- links (``--md-typeset-a-color``) read at ≥ 4.5:1 on the page background of each scheme;
- the accent (hover and focus colour, highlighted search words) reads at ≥ 4.5:1 on the
  page background of each scheme, and the text Material puts on an accent background
  (``--md-accent-bg-color``) reads on it.
"""

from __future__ import annotations

import colorsys
from collections.abc import Callable

from generator.avatar import contrast_ratio

#: Material 9's palette.css: the primary shade of each named colour (``--md-primary-fg-color``).
PRIMARY: dict[str, str] = {
    "red": "#ef5552",
    "pink": "#e92063",
    "purple": "#ab47bd",
    "deep-purple": "#7e56c2",
    "indigo": "#4051b5",
    "blue": "#2094f3",
    "light-blue": "#02a6f2",
    "cyan": "#00bdd6",
    "teal": "#009485",
    "green": "#4cae4f",
    "light-green": "#8bc34b",
    "lime": "#cbdc38",
    "yellow": "#ffec3d",
    "amber": "#ffc105",
    "orange": "#ffa724",
    "deep-orange": "#ff6e42",
    "brown": "#795649",
    "grey": "#757575",
    "blue-grey": "#546d78",
}
#: Material 9's palette.css: each accent colour (``--md-accent-fg-color``).
ACCENT: dict[str, str] = {
    "red": "#ff1a47",
    "pink": "#f50056",
    "purple": "#df41fb",
    "deep-purple": "#7c4dff",
    "indigo": "#526cfe",
    "blue": "#4287ff",
    "light-blue": "#0091eb",
    "cyan": "#00bad6",
    "teal": "#00bda4",
    "green": "#00c753",
    "light-green": "#63de17",
    "lime": "#b0eb00",
    "yellow": "#ffd900",
    "amber": "#ffaa00",
    "orange": "#ff9100",
    "deep-orange": "#ff6e42",
}

#: The page background of Material's light scheme and of its dark ("slate") scheme,
#: ``hsl(232, 15%, 14%)`` with Material's default hue.
LIGHT_BG = "#ffffff"
SLATE_BG = "#1e2029"
#: Material's code block background in each scheme: links inside admonitions and code
#: sit on it, so a link colour must read there too.
LIGHT_CODE_BG = "#f5f5f5"
SLATE_CODE_BG = "#272935"
WHITE = "#ffffff"
#: Opacity of tab labels that are not the current section (showcase.css).
TAB_OPACITY = 0.85
#: The ratio every pair must reach: AA for normal text, with a little room for rounding.
TARGET = 4.6


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def blend(foreground: str, background: str, opacity: float) -> str:
    """``foreground`` drawn at ``opacity`` over ``background``."""
    fg, bg = _rgb(foreground), _rgb(background)
    return _hex(tuple(f * opacity + b * (1 - opacity) for f, b in zip(fg, bg, strict=True)))  # type: ignore[arg-type]


def _with_lightness(colour: str, lightness: float) -> str:
    h, _, s = colorsys.rgb_to_hls(*_rgb(colour))
    return _hex(colorsys.hls_to_rgb(h, lightness, s))


def _lightness(colour: str) -> float:
    return colorsys.rgb_to_hls(*_rgb(colour))[1]


def darkest_needed(colour: str, passes: Callable[[str], bool]) -> str:
    """``colour`` itself if ``passes(colour)``, else the lightest darker shade that passes."""
    check = passes
    lightness = _lightness(colour)
    candidate = colour
    while not check(candidate) and lightness > 0:
        lightness = max(0.0, lightness - 0.005)
        candidate = _with_lightness(colour, lightness)
    return candidate


def lightest_needed(colour: str, passes: Callable[[str], bool]) -> str:
    """``colour`` itself if ``passes(colour)``, else the darkest lighter shade that passes."""
    check = passes
    lightness = _lightness(colour)
    candidate = colour
    while not check(candidate) and lightness < 1:
        lightness = min(1.0, lightness + 0.005)
        candidate = _with_lightness(colour, lightness)
    return candidate


def header_colour(colour: str) -> str:
    """The header and tabs background: white text and dimmed tab labels read on it."""

    def passes(bg: str) -> bool:
        return (
            contrast_ratio(WHITE, bg) >= TARGET
            and contrast_ratio(blend(WHITE, bg, TAB_OPACITY), bg) >= TARGET
        )

    return darkest_needed(colour, passes)


def light_text(colour: str) -> str:
    """``colour`` as text on the light scheme's page and code backgrounds."""

    def passes(fg: str) -> bool:
        return min(contrast_ratio(fg, LIGHT_BG), contrast_ratio(fg, LIGHT_CODE_BG)) >= TARGET

    return darkest_needed(colour, passes)


def dark_text(colour: str) -> str:
    """``colour`` as text on the dark scheme's page and code backgrounds."""

    def passes(fg: str) -> bool:
        return min(contrast_ratio(fg, SLATE_BG), contrast_ratio(fg, SLATE_CODE_BG)) >= TARGET

    return lightest_needed(colour, passes)


def _primary_rules(name: str, colour: str) -> list[str]:
    header = header_colour(colour)
    return [
        f"[data-md-color-primary={name}] {{",
        f"  --md-primary-fg-color: {header};",
        f"  --md-primary-fg-color--light: {blend(header, WHITE, 0.8)};",
        f"  --md-primary-fg-color--dark: {_with_lightness(header, _lightness(header) * 0.85)};",
        f"  --md-primary-bg-color: {WHITE};",
        "  --md-primary-bg-color--light: #ffffffd9;",
        f"  --md-typeset-a-color: {light_text(colour)};",
        "}",
        f"[data-md-color-scheme=slate][data-md-color-primary={name}] {{",
        f"  --md-typeset-a-color: {dark_text(colour)};",
        "}",
    ]


def _accent_rules(name: str, colour: str) -> list[str]:
    light = light_text(colour)
    dark = dark_text(colour)
    return [
        f"[data-md-color-accent={name}] {{",
        f"  --md-accent-fg-color: {light};",
        f"  --md-accent-fg-color--transparent: {light}1a;",
        f"  --md-accent-bg-color: {WHITE};",
        "  --md-accent-bg-color--light: #ffffffb3;",
        "}",
        f"[data-md-color-scheme=slate][data-md-color-accent={name}] {{",
        f"  --md-accent-fg-color: {dark};",
        f"  --md-accent-fg-color--transparent: {dark}1a;",
        "  --md-accent-bg-color: #000000de;",
        "  --md-accent-bg-color--light: #0000008a;",
        "}",
    ]


def is_hex(colour: str) -> bool:
    return colour.startswith("#")


def custom_css(primary: str, accent: str) -> str:
    """Rules for Material's ``custom`` colours, when site.yml gives a hex colour.

    Material only knows its named colours; a hex colour is passed to it as ``custom`` and
    defined here, adjusted like the named ones so that it passes AA.
    """
    lines = ["/* Generated from content/site.yml's palette (generator.palette.custom_css). */"]
    if is_hex(primary):
        lines += _primary_rules("custom", primary.lower())
    if is_hex(accent):
        lines += _accent_rules("custom", accent.lower())
    return "\n".join(lines) + "\n"


def palette_css() -> str:
    """The CSS overrides for every named primary and accent colour (deterministic)."""
    lines = [
        "/* Generated by scripts/palette_css.py from generator/palette.py: do not edit.",
        "   Material's named colours, darkened or lightened in HSL lightness (same hue)",
        "   until header text, links and the accent pass WCAG AA in both schemes. */",
    ]
    for name, colour in PRIMARY.items():
        lines += _primary_rules(name, colour)
    for name, colour in ACCENT.items():
        lines += _accent_rules(name, colour)
    return "\n".join(lines) + "\n"
