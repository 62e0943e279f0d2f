"""Write site_templates/overrides/assets/stylesheets/showcase-palette.css (AA-safe palette).

    python scripts/palette_css.py

The colours come from generator/palette.py; tests/test_palette.py fails when the file
is out of date.
"""

from __future__ import annotations

from pathlib import Path

from generator.palette import palette_css

TARGET = (
    Path(__file__).resolve().parent.parent
    / "site_templates/overrides/assets/stylesheets/showcase-palette.css"
)

if __name__ == "__main__":
    TARGET.write_text(palette_css(), encoding="utf-8")
    print(f"wrote {TARGET}")
