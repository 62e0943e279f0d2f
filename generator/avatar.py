"""Initials avatars for people without a photo: a coloured disc with one or two letters.

Vietnamese names run family – middle – given (``Nguyễn Thị Thanh Huyền``), and people
are called by the given name (``chị Huyền``), often with the middle word before it when
that word is part of the name (``Thanh Huyền``, ``Quốc Bảo``).  So :func:`initials` takes

* the initials of the last two words (``TH``, ``QB``) when the name has three words or
  more and the second-to-last is a real part of the given name;
* only the given name's initial (``H``) when the second-to-last word is the gender
  marker ``Văn`` or ``Thị`` (``Nguyễn Văn Hùng`` → ``H``, not ``VH``: nobody is called
  "Văn Hùng"), or when the name has two words.

The family name is never used: four people in ten are Nguyễn, and a page of ``N…``
discs would tell them apart no better than none.  Letters keep their diacritics
(``Đ``, ``Ư``, ``Ánh`` → ``Á``).

The background comes from a fixed palette chosen by a hash of the person's id, so
it is stable across builds and independent of the order of records; every palette
colour gives white text a WCAG contrast of at least 4.5:1 (tested).
"""

from __future__ import annotations

import hashlib
import unicodedata
from html import escape

from generator.vietnamese import nfc

__all__ = ["PALETTE", "avatar_svg", "colour_for", "contrast_ratio", "initials"]

#: Deep shades (Material 700–900) that keep the site's red identity among others; each
#: passes AA (4.5:1) against white text.
PALETTE: tuple[str, ...] = (
    "#b71c1c",  # red 900
    "#ad1457",  # pink 800
    "#6a1b9a",  # purple 800
    "#4527a0",  # deep purple 800
    "#283593",  # indigo 800
    "#1565c0",  # blue 800
    "#00695c",  # teal 800
    "#2e7d32",  # green 800
    "#bf360c",  # deep orange 900
    "#5d4037",  # brown 700
    "#455a64",  # blue grey 700
    "#006064",  # cyan 900
)
TEXT_COLOUR = "#ffffff"

#: Middle words that mark gender and are not part of what a person is called.
_MARKERS = frozenset({"văn", "thị"})
_FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"


def initials(full_name: str) -> str:
    """``Ngô Thị Thanh Huyền`` → ``TH``; ``Nguyễn Văn Hùng`` → ``H``; see the module doc.

    Words without a letter (a dash, a number) are skipped; a name with no letter at
    all gives ``""`` (and :func:`avatar_svg` draws a person icon instead).
    """
    words = [w for w in nfc(full_name).split() if _first_letter(w)]
    if not words:
        return ""
    chosen = words[-2:] if len(words) >= 3 and words[-2].lower() not in _MARKERS else words[-1:]
    return "".join(_first_letter(w) for w in chosen).upper()


def colour_for(key: str) -> str:
    """The background colour for a person's id: stable, spread over :data:`PALETTE`."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return PALETTE[int.from_bytes(digest[:4], "big") % len(PALETTE)]


def avatar_svg(full_name: str, key: str, size: int = 64, *, decorative: bool = False) -> str:
    """An inline SVG disc with the person's initials.

    When the name is printed right next to the avatar, pass ``decorative=True``: the
    SVG is then hidden from screen readers (``aria-hidden``) instead of repeating the
    name.  Otherwise it is an image labelled "Ảnh đại diện của …".
    """
    letters = initials(full_name)
    colour = colour_for(key)
    font_size = 26 if len(letters) > 1 else 30
    if decorative:
        a11y = ' aria-hidden="true" focusable="false"'
        title = ""
    else:
        label = escape(f"Ảnh đại diện của {nfc(full_name).strip()}", quote=True)
        a11y = f' role="img" aria-label="{label}"'
        title = f"<title>{label}</title>"
    glyph = (
        f'<text x="32" y="32" dy=".35em" text-anchor="middle" fill="{TEXT_COLOUR}" '
        f'font-family="{escape(_FONT_STACK, quote=True)}" font-size="{font_size}" '
        f'font-weight="600">{escape(letters)}</text>'
        if letters
        else _PERSON_ICON
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="avatar" viewBox="0 0 64 64" '
        f'width="{size}" height="{size}"{a11y}>{title}'
        f'<circle cx="32" cy="32" r="32" fill="{colour}"/>{glyph}</svg>'
    )


# A head and shoulders, for a name with no letter to show.
_PERSON_ICON = (
    f'<circle cx="32" cy="25" r="11" fill="{TEXT_COLOUR}"/>'
    f'<path d="M12 54c2-11 10-17 20-17s18 6 20 17z" fill="{TEXT_COLOUR}"/>'
)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 … 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _first_letter(word: str) -> str:
    """The first letter of ``word`` with its combining marks (if the text came decomposed)."""
    for index, char in enumerate(word):
        if unicodedata.category(char).startswith("L"):
            end = index + 1
            while end < len(word) and unicodedata.combining(word[end]):
                end += 1
            return nfc(word[index:end])
    return ""
