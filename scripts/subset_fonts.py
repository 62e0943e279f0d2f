"""Make the bundled share-card fonts: Noto Sans cut down to Latin + Vietnamese.

Run at development time only (the outputs are committed under ``generator/fonts/``)::

    python scripts/subset_fonts.py [SOURCE_DIR]

SOURCE_DIR holds ``NotoSans-Regular.ttf`` and ``NotoSans-Bold.ttf``; it defaults to
Debian's ``fonts-noto-core`` folder.  The full fonts carry Greek, Cyrillic and hinting
instructions that a 1200×630 card never uses (about 510 KB each); the subset keeps
every precomposed Vietnamese letter, the combining marks (for text that reaches us
decomposed) and the punctuation Vietnamese typography uses, and drops hinting, which
matters little at card sizes.  Noto Sans has no Reserved Font Name, so the OFL lets a
subset keep its name; the licence travels with it as ``generator/fonts/OFL.txt``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "generator" / "fonts"
DEFAULT_SOURCE = Path("/usr/share/fonts/truetype/noto")
STYLES = ("Regular", "Bold")

#: Unicode ranges kept: Basic Latin, Latin-1, Latin Extended-A/B (ă đ ĩ ũ ơ ư), combining
#: diacritics, spacing modifiers, Latin Extended Additional (ạ…ỹ), general punctuation
#: (– — “ ” … ‰), currency signs (₫ €), letterlike symbols (№), arrows and a few maths signs.
RANGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x024F),
    (0x02B0, 0x02FF),
    (0x0300, 0x036F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2212, 0x2212),
    (0x2264, 0x2265),
    (0x25CC, 0x25CC),
)


def unicodes() -> list[int]:
    return [cp for low, high in RANGES for cp in range(low, high + 1)]


def subset_font(source: Path, target: Path) -> None:
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG"]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes())
    subsetter.subset(font)
    # fontTools writes the current time into head.modified; keep the source's stamp so
    # that re-running the script on the same input gives the same bytes.
    font["head"].modified = font["head"].created
    subset.save_font(font, str(target), options)


def main(argv: list[str]) -> int:
    source_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    TARGET.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        source = source_dir / f"NotoSans-{style}.ttf"
        target = TARGET / f"NotoSans-{style}.ttf"
        subset_font(source, target)
        print(f"{source} ({source.stat().st_size:,} B) → {target} ({target.stat().st_size:,} B)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
