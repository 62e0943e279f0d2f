"""Share cards: the 1200×630 ``og:image`` of a record or listing page, drawn with Pillow.

A card shows the kind of page (``SÁNG KIẾN``, ``CÁ NHÂN``…), the record's name or title
(bold, shrunk from 76 to 44 px until it fits in four lines, then cut with "…"), a
second line such as its award and organisation, the site title, an accent band, and
for a person a round portrait or initials disc.  It is drawn with the Noto Sans fonts
bundled in ``generator/fonts/`` (every Vietnamese letter and tone; no network, no
system font) through FreeType's basic layout, which needs no HarfBuzz and gives the
same pixels on every machine with the same Pillow.

Plain data in, bytes out: :func:`card_for` takes a :class:`CardSpec` and a cache
folder and returns the file name and the bytes: a PNG (256 colours), or a JPEG when
the card carries a photo portrait (the file name's extension says which).  The name is a hash of everything
that is drawn (texts, colours, the portrait's bytes, the font files, the size, the
Pillow and FreeType versions and :data:`CARD_VERSION`), so an unchanged card is read
back from the cache instead of being drawn again, and a changed one gets a new name
(no stale preview in a social network's cache).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageOps, features

from generator.avatar import TEXT_COLOUR, colour_for, contrast_ratio, initials
from generator.images import decode_image
from generator.vietnamese import nfc

__all__ = [
    "CARD_SIZE",
    "CARD_VERSION",
    "CardSpec",
    "Portrait",
    "card_for",
    "card_name",
    "draw_card",
]

#: Bump when a change here changes the pixels, so every card gets a new name.
CARD_VERSION = "2"
CARD_SIZE = (1200, 630)
#: Cards with a photo portrait are JPEG (text stays crisp at this quality).
JPEG_QUALITY = 88
FONT_DIR = Path(__file__).parent / "fonts"
FONT_REGULAR = FONT_DIR / "NotoSans-Regular.ttf"
FONT_BOLD = FONT_DIR / "NotoSans-Bold.ttf"

_BACKGROUND = "#fffdf8"
_INK = "#1c1b1a"
_MUTED = "#57534e"
_MARGIN = 72
_BAND = 20
_PORTRAIT = 232
_TITLE_SIZES = range(76, 43, -4)
_TITLE_LINES = 4
_SUBTITLE_SIZE = 32
_SUBTITLE_LINES = 2
_LABEL_SIZE = 26
_TOP = 56
#: zlib level of the PNG cards: 3 takes half the time of 6 (2 ms against 4.4 ms, the
#: largest part of a card's cost) for files a fifth larger (about 30 KB).
_PNG_LEVEL = 3
_FOOTER_HEIGHT = 96
_ELLIPSIS = "…"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Portrait:
    """A person on the card: a photo (image bytes) or, without one, their initials.

    ``key`` is the person's id; it picks the initials disc's colour (as on the site).
    """

    name: str
    key: str
    photo: bytes | None = None


@dataclass(frozen=True)
class CardSpec:
    """Everything drawn on one card; plain text (not HTML, not Markdown)."""

    title: str
    subtitle: str = ""
    kind_label: str = ""
    site_title: str = ""
    accent: str = "#b71c1c"
    portrait: Portrait | None = None

    def __post_init__(self) -> None:
        if not _HEX.match(self.accent):
            raise ValueError(f"accent must be a #rrggbb colour, not {self.accent!r}")


def card_name(spec: CardSpec) -> str:
    """The card's file name: a hash of everything that shapes its pixels.

    Remembered per spec when the card has no photo (the preview asks again for every
    page's card after each save; a photo's bytes are not worth keeping for that).
    """
    return _name(spec) if _has_photo(spec) else _remembered_name(spec)


def _name(spec: CardSpec) -> str:
    portrait = spec.portrait
    described = {
        **_drawing_tools(),
        "title": spec.title,
        "subtitle": spec.subtitle,
        "kind": spec.kind_label,
        "site": spec.site_title,
        "accent": spec.accent.lower(),
        "portrait": None
        if portrait is None
        else {
            "name": portrait.name,
            "key": portrait.key,
            "photo": hashlib.sha256(portrait.photo).hexdigest() if portrait.photo else None,
        },
    }
    digest = hashlib.sha256(json.dumps(described, sort_keys=True, ensure_ascii=False).encode())
    return f"{digest.hexdigest()[:24]}.{'jpg' if _has_photo(spec) else 'png'}"


def card_for(spec: CardSpec, cache_dir: Path) -> tuple[str, bytes]:
    """``(file name, PNG or JPEG bytes)`` of the card, from ``cache_dir`` when drawn before.

    A portrait photo that cannot be decoded raises ``images.ImageError`` (the caller
    reports it as a Problem on the person's ``photo`` field, as for the page image).
    """
    name = card_name(spec)
    cached = cache_dir / name
    try:
        return name, cached.read_bytes()
    except OSError:
        pass
    data = draw_card(spec)
    cache_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, cached)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return name, data


def draw_card(spec: CardSpec) -> bytes:
    """The card as PNG (JPEG with a photo portrait); the same spec gives the same bytes.

    Fast enough to draw one for every page of a large site (about 5 ms of CPU): what
    every card of a kind shares (band, footer, site title, kind label) is drawn once and
    copied (:func:`_background`); only the title, the subtitle and the portrait are drawn
    per card; and the PNG is quantized to a fixed palette (:func:`_palette`) made of the
    few colours the card can contain, instead of searching each card for its own.
    """
    height = CARD_SIZE[1]
    card = _background(spec.accent, spec.site_title, spec.kind_label, spec.portrait is not None)
    draw = ImageDraw.Draw(card)
    left, right = _text_box(spec.portrait is not None)
    footer_top = height - _FOOTER_HEIGHT
    if spec.portrait is not None:
        portrait_left = right + 48
        portrait_top = (footer_top - _PORTRAIT) // 2
        card.paste(_portrait(spec.portrait), (portrait_left, portrait_top), _disc_mask(_PORTRAIT))
    text_width = right - left

    body_top = _TOP + _LABEL_SIZE + 28
    body_bottom = footer_top - 40

    subtitle_font = _font(FONT_REGULAR, _SUBTITLE_SIZE)
    subtitle_lines = (
        _wrap(nfc(spec.subtitle), subtitle_font, text_width, _SUBTITLE_LINES)
        if spec.subtitle.strip()
        else []
    )
    subtitle_step = round(_SUBTITLE_SIZE * 1.3)
    gap = 24 if subtitle_lines else 0
    room = body_bottom - body_top - gap - len(subtitle_lines) * subtitle_step
    title_font, title_lines = _fit_title(nfc(spec.title), text_width, room)
    title_step = _title_step(title_font.size)
    block = len(title_lines) * title_step + gap + len(subtitle_lines) * subtitle_step
    y = body_top + max(0, (body_bottom - body_top - block) // 2)
    for line in title_lines:
        # Baseline-anchored so that Vietnamese capitals' stacked marks (Ấ, Ể) stay inside
        # the line's room whatever the first letter of the line is.
        draw.text(
            (left, y + round(title_font.size * 0.98)), line, font=title_font, fill=_INK, anchor="ls"
        )
        y += title_step
    y += gap
    for line in subtitle_lines:
        draw.text(
            (left, y + round(_SUBTITLE_SIZE * 1.02)),
            line,
            font=subtitle_font,
            fill=_MUTED,
            anchor="ls",
        )
        y += subtitle_step

    buffer = io.BytesIO()
    if _has_photo(spec):
        # A photo makes a PNG three times the size of a JPEG that looks the same.
        card.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        # Every pixel is a flat colour or a blend of a text colour with the colour behind
        # it, so a palette of those blends is lossless to the eye; mapping to a known
        # palette costs a tenth of searching each card for its own.
        disc = colour_for(spec.portrait.key) if spec.portrait is not None else None
        indexed = card.quantize(palette=_palette(spec.accent, disc), dither=Image.Dither.NONE)
        indexed.save(buffer, "PNG", compress_level=_PNG_LEVEL)
    return buffer.getvalue()


def _text_box(with_portrait: bool) -> tuple[int, int]:
    """Left and right edges of the text column."""
    left = _BAND + _MARGIN - 8
    right = CARD_SIZE[0] - _MARGIN
    if with_portrait:
        right -= _PORTRAIT + 48
    return left, right


@cache
def _background_image(
    accent: str, site_title: str, kind_label: str, with_portrait: bool
) -> Image.Image:
    """What every card with these settings shares: band, footer, kind label, site title."""
    width, height = CARD_SIZE
    card = Image.new("RGB", CARD_SIZE, _BACKGROUND)
    draw = ImageDraw.Draw(card)
    # The accent band down the left edge, and a footer strip tinted with the accent.
    draw.rectangle((0, 0, _BAND - 1, height - 1), fill=accent)
    footer_top = height - _FOOTER_HEIGHT
    draw.rectangle((_BAND, footer_top, width - 1, height - 1), fill=_tint(accent, 0.08))
    draw.rectangle((_BAND, footer_top, width - 1, footer_top + 2), fill=_tint(accent, 0.35))
    left, right = _text_box(with_portrait)
    if kind_label:
        label_font = _font(FONT_BOLD, _LABEL_SIZE)
        label = _fit_line(nfc(kind_label).upper(), label_font, right - left)
        draw.text((left, _TOP), label, font=label_font, fill=_readable(accent), anchor="lt")
    if site_title:
        site_font = _font(FONT_BOLD, 28)
        site = _fit_line(nfc(site_title), site_font, width - _MARGIN - left)
        draw.text(
            (left, footer_top + _FOOTER_HEIGHT // 2),
            site,
            font=site_font,
            fill=_readable(accent),
            anchor="lm",
        )
    return card


def _background(accent: str, site_title: str, kind_label: str, with_portrait: bool) -> Image.Image:
    """A fresh copy of the shared background, to draw one card on."""
    return _background_image(accent.lower(), site_title, kind_label, with_portrait).copy()


#: Steps of each blend in the palette: anti-aliased text uses a few dozen levels at most.
_RAMP = 24


@cache
def _palette(accent: str, disc: str | None) -> Image.Image:
    """A "P" image whose palette holds every colour a card can contain.

    Flat colours (background, band, footer tint and rule) and, for each text colour, the
    blends from the colour behind it to the text colour (anti-aliased edges), likewise for
    an initials disc's edge and letters.  At most 6 × 24 + 4 entries; the rest of the 256
    repeat the background, so no pixel maps to an unrelated colour.
    """
    accent = accent.lower()
    background = _BACKGROUND
    tint = _tint(accent, 0.08)
    pairs = [(_INK, background), (_MUTED, background), (_readable(accent), tint)]
    if disc is not None:
        pairs += [(disc, background), (TEXT_COLOUR, disc)]
    colours: list[tuple[int, int, int]] = [
        _rgb(background),
        _rgb(accent),
        _rgb(tint),
        _rgb(_tint(accent, 0.35)),
    ]
    for front, back in pairs:
        fr, br = _rgb(front), _rgb(back)
        for step in range(_RAMP + 1):
            t = step / _RAMP
            colours.append(
                (
                    round(br[0] + (fr[0] - br[0]) * t),
                    round(br[1] + (fr[1] - br[1]) * t),
                    round(br[2] + (fr[2] - br[2]) * t),
                )
            )
    unique = list(dict.fromkeys(colours))[:256]
    unique += [unique[0]] * (256 - len(unique))
    image = Image.new("P", (1, 1))
    image.putpalette([channel for colour in unique for channel in colour])
    return image


_remembered_name = lru_cache(maxsize=250_000)(_name)


def forget_names() -> None:
    """Forget remembered card names (tests that change what shapes a card)."""
    _remembered_name.cache_clear()
    _drawing_tools.cache_clear()


@cache
def _drawing_tools() -> dict[str, Any]:
    """What, besides the spec, shapes a card's pixels: this code, the fonts, the libraries."""
    return {
        "version": CARD_VERSION,
        "size": CARD_SIZE,
        "fonts": _font_hashes(),
        "pillow": PIL.__version__,
        "freetype": features.version("freetype2"),
        "zlib": features.version("zlib"),
        "jpeg": [features.version("jpg"), JPEG_QUALITY],
    }


def _has_photo(spec: CardSpec) -> bool:
    return spec.portrait is not None and spec.portrait.photo is not None


# -- text -------------------------------------------------------------------------


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


@cache
def _font_hashes() -> tuple[str, ...]:
    return tuple(hashlib.sha256(p.read_bytes()).hexdigest() for p in (FONT_REGULAR, FONT_BOLD))


def _title_step(size: float) -> int:
    return round(size * 1.22)


def _fit_title(title: str, width: int, room: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose lines fit the width, the line limit and ``room``
    (height in pixels); past the smallest size, the text is cut with "…"."""
    for size in _TITLE_SIZES:
        font = _font(FONT_BOLD, size)
        lines = _wrap(title, font, width, None)
        if len(lines) <= _TITLE_LINES and len(lines) * _title_step(size) <= room:
            return font, lines
    font = _font(FONT_BOLD, _TITLE_SIZES[-1])
    fitting = max(1, min(_TITLE_LINES, room // _title_step(font.size)))
    return font, _wrap(title, font, width, fitting)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int | None) -> list[str]:
    """Greedy word wrap; a word wider than a line is split; past ``max_lines``, "…".

    Line widths are sums of word widths (cached: syllables repeat from card to card),
    which is exact with FreeType's basic layout and these fonts (no legacy kerning
    table; tests/test_cards.py measures every line whole).
    """
    lines: list[str] = []
    current = ""
    current_width = 0.0
    space = _word_length(font, " ")
    for word in text.split():
        word_width = _word_length(font, word)
        if current and current_width + space + word_width <= width:
            current = f"{current} {word}"
            current_width += space + word_width
            continue
        if not current and word_width <= width:
            current, current_width = word, word_width
            continue
        if current:
            lines.append(current)
        current, current_width = word, word_width
        while current_width > width:
            cut = _longest_prefix(current, font, width)
            lines.append(current[:cut])
            current = current[cut:]
            current_width = font.getlength(current)
    if current:
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _with_ellipsis(lines[-1], font, width)
    return lines


@lru_cache(maxsize=1 << 16)
def _word_length(font: ImageFont.FreeTypeFont, word: str) -> float:
    return font.getlength(word)


def _longest_prefix(word: str, font: ImageFont.FreeTypeFont, width: int) -> int:
    cut = len(word) - 1
    while cut > 1 and font.getlength(word[:cut]) > width:
        cut -= 1
    return max(cut, 1)


def _with_ellipsis(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """``line`` shortened by whole words (or letters) so that ``line…`` fits."""
    words = line.split()
    while words:
        candidate = " ".join(words).rstrip(",;:–—-") + _ELLIPSIS
        if font.getlength(candidate) <= width:
            return candidate
        if len(words) == 1:
            words = [words[0][:-1]] if len(words[0]) > 1 else []
        else:
            words.pop()
    return _ELLIPSIS


def _fit_line(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    text = " ".join(text.split())
    return text if font.getlength(text) <= width else _with_ellipsis(text, font, width)


# -- portrait ---------------------------------------------------------------------


def _portrait(portrait: Portrait) -> Image.Image:
    size = (_PORTRAIT, _PORTRAIT)
    if portrait.photo is not None:
        photo = decode_image(portrait.photo).convert("RGB")
        # Portraits are framed head-up: crop towards the top rather than the centre.
        return ImageOps.fit(photo, size, Image.Resampling.LANCZOS, centering=(0.5, 0.3))
    disc = Image.new("RGB", size, colour_for(portrait.key))
    letters = initials(portrait.name)
    if letters:
        draw = ImageDraw.Draw(disc)
        font = _font(FONT_BOLD, 96 if len(letters) > 1 else 112)
        draw.text(
            (_PORTRAIT // 2, _PORTRAIT // 2), letters, font=font, fill=TEXT_COLOUR, anchor="mm"
        )
    return disc


@cache
def _disc_mask(size: int) -> Image.Image:
    # Drawn at 4× and shrunk: an anti-aliased edge, which ImageDraw.ellipse lacks.
    big = Image.new("L", (size * 4, size * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, size * 4 - 1, size * 4 - 1), fill=255)
    return big.resize((size, size), Image.Resampling.LANCZOS)


# -- colour -----------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _tint(colour: str, amount: float) -> str:
    """``colour`` mixed into the background at ``amount`` (0 … 1)."""
    mixed = (
        round(b + (c - b) * amount) for c, b in zip(_rgb(colour), _rgb(_BACKGROUND), strict=True)
    )
    return "#" + "".join(f"{v:02x}" for v in mixed)


@cache
def _readable(colour: str) -> str:
    """The accent as text colour, darkened until it reads (≥ 4.5:1) on the footer tint."""
    candidate = colour
    amount = 0.0
    while contrast_ratio(candidate, _tint(colour, 0.08)) < 4.5 and amount < 1:
        amount += 0.1
        candidate = "#" + "".join(f"{round(v * (1 - amount)):02x}" for v in _rgb(colour))
    return candidate
