"""The AA-safe palette (generator/palette.py → assets/stylesheets/showcase-palette.css)."""

from __future__ import annotations

import re

import pytest
from conftest import REPO

from generator.avatar import contrast_ratio
from generator.palette import (
    ACCENT,
    LIGHT_BG,
    LIGHT_CODE_BG,
    PRIMARY,
    SLATE_BG,
    SLATE_CODE_BG,
    TAB_OPACITY,
    blend,
    palette_css,
)

CSS = REPO / "site_templates/overrides/assets/stylesheets/showcase-palette.css"
AA = 4.5


def rules() -> dict[str, dict[str, str]]:
    """Selector → {custom property: value} of the generated file."""
    out: dict[str, dict[str, str]] = {}
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", CSS.read_text("utf-8")):
        props = dict(re.findall(r"(--[\w-]+):\s*([^;]+);", body))
        out[selector.strip().split("*/")[-1].strip()] = props
    return out


def test_file_is_current() -> None:
    assert CSS.read_text("utf-8") == palette_css(), "run: python scripts/palette_css.py"


def test_the_site_loads_it() -> None:
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "assets/stylesheets/showcase-palette.css" in config


@pytest.mark.parametrize("name", sorted(PRIMARY))
def test_primary_passes_aa_in_both_schemes(name: str) -> None:
    css = rules()
    light = css[f"[data-md-color-primary={name}]"]
    dark = css[f"[data-md-color-scheme=slate][data-md-color-primary={name}]"]
    header = light["--md-primary-fg-color"]
    text = light["--md-primary-bg-color"]
    assert contrast_ratio(text, header) >= AA
    # Tab labels of other sections are drawn at TAB_OPACITY (showcase.css).
    assert contrast_ratio(blend(text, header, TAB_OPACITY), header) >= AA
    for background in (LIGHT_BG, LIGHT_CODE_BG):
        assert contrast_ratio(light["--md-typeset-a-color"], background) >= AA
    for background in (SLATE_BG, SLATE_CODE_BG):
        assert contrast_ratio(dark["--md-typeset-a-color"], background) >= AA


@pytest.mark.parametrize("name", sorted(ACCENT))
def test_accent_passes_aa_in_both_schemes(name: str) -> None:
    css = rules()
    light = css[f"[data-md-color-accent={name}]"]
    dark = css[f"[data-md-color-scheme=slate][data-md-color-accent={name}]"]
    assert contrast_ratio(light["--md-accent-fg-color"], LIGHT_BG) >= AA
    assert contrast_ratio(light["--md-accent-bg-color"], light["--md-accent-fg-color"]) >= AA
    assert contrast_ratio(dark["--md-accent-fg-color"], SLATE_BG) >= AA
    on_accent = dark["--md-accent-bg-color"][:7]  # #000000de: nearly black
    assert contrast_ratio(on_accent, dark["--md-accent-fg-color"]) >= AA


def test_red_stays_red() -> None:
    """The site's red identity: the header keeps Material red's hue, only darker."""
    header = rules()["[data-md-color-primary=red]"]["--md-primary-fg-color"]
    r, g, b = (int(header[i : i + 2], 16) for i in (1, 3, 5))
    assert r > 150 and g < 60 and b < 60, header


def test_slate_background_is_materials() -> None:
    """SLATE_BG is Material's hsl(232, 15%, 14%) (its default dark hue)."""
    import colorsys

    r, g, b = colorsys.hls_to_rgb(232 / 360, 0.14, 0.15)
    material = "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b))
    assert material == SLATE_BG


def test_a_hex_colour_becomes_materials_custom_colour_with_aa_contrast() -> None:
    """site.yml may give "#rrggbb" (issue 14): Material's `custom` colour, defined by us."""
    import re

    from mkdocs.config import load_config

    from generator.engine.theme import apply_settings
    from generator.model import SiteConfig
    from generator.palette import custom_css

    css = custom_css("#1565C0", "amber")
    assert "[data-md-color-primary=custom]" in css
    assert "[data-md-color-accent=custom]" not in css, "a named accent stays Material's"
    header = re.search(r"--md-primary-fg-color: (#[0-9a-f]{6});", css)
    assert header is not None
    from generator.avatar import contrast_ratio

    assert contrast_ratio("#ffffff", header.group(1)) >= 4.5
    settings = SiteConfig.model_validate(
        {
            "title": "T",
            "base_url": "https://example.org/",
            "organisation": "O",
            "palette": {"primary": "#1565c0", "accent": "amber"},
        }
    )
    config = load_config(str(REPO / "mkdocs.yml"))
    apply_settings(config, settings, "https://example.org/")
    palette = config.theme["palette"]
    assert {p["primary"] for p in palette} == {"custom"}
    assert {p["accent"] for p in palette} == {"amber"}
