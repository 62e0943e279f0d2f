"""Charts drawn at build time: inline SVG plus the same numbers as a table.

Nothing here needs JavaScript, a web font or the network.  Colours come from
Material's CSS variables and ``currentColor``, so a chart follows the light
and dark palettes.  Every label and value is HTML-escaped because labels come
from editors' content.

The returned HTML is meant to sit inside Markdown processed by
Python-Markdown (with ``md_in_html``): it starts with a block-level tag, has
no blank line and no indented line, so Markdown passes it through untouched
instead of ending the block early or turning a line into a code block.
Output is deterministic: ids come from the caller and coordinates are
rounded to one decimal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from html import escape

from generator.vietnamese import format_count, format_percent

__all__ = ["bar_chart", "progress_bar"]

# Geometry in SVG user units; the SVG scales to its container's width.
_WIDTH = 640.0
_PAD_X = 4.0
_PAD_Y = 4.0
_ROW_HEIGHT = 40.0
_LABEL_BASELINE = 15.0
_BAR_TOP = 21.0
_BAR_HEIGHT = 14.0
_VALUE_GAP = 6.0
_FONT_SIZE = 13
# A rough mean glyph width at _FONT_SIZE, to leave room for the value text.
_CHAR_WIDTH = 7.5
_MAX_LABEL_CHARS = 76
_MIN_VISIBLE_BAR = 1.0

_BAR_FILL = "var(--md-primary-fg-color, #4051b5)"
_ID_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_DEFAULT_HEADERS = ("Mục", "Giá trị")
# C0 and C1 controls: not allowed in HTML text, and line breaks among them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def bar_chart(
    title: str,
    rows: Sequence[tuple[str, float]],
    *,
    value_format: Callable[[float], str],
    description: str = "",
    max_rows: int = 20,
    chart_id: str,
    headers: tuple[str, str] = _DEFAULT_HEADERS,
) -> str:
    """A horizontal bar chart as ``<figure class="sk-chart">`` HTML.

    ``rows`` are (label, value) pairs drawn in the given order; only the first
    ``max_rows`` are shown, in the chart and in the table alike, with a note
    saying how many were left out.  ``value_format`` writes each value (for
    example :func:`generator.vietnamese.format_count`).  ``chart_id`` must be
    unique on the page; it prefixes the ids that ``aria-labelledby`` points
    at.  Negative values are drawn as empty bars but their text is kept.
    """
    _check_id(chart_id)
    if max_rows < 1:
        raise ValueError(f"max_rows must be at least 1, got {max_rows}")
    shown = list(rows[:max_rows])
    for label, value in shown:
        if not math.isfinite(value):
            raise ValueError(f"value for {label!r} is not a finite number: {value!r}")
    if not shown:
        return _empty_chart(title)
    texts = [value_format(value) for _, value in shown]
    summary = description or _auto_description(len(shown))
    parts = [
        '<figure class="sk-chart">',
        f'<figcaption class="sk-chart-title">{_text(title)}</figcaption>',
        _bar_svg(title, summary, shown, texts, chart_id),
    ]
    if len(rows) > len(shown):
        note = f"Hiển thị {format_count(len(shown))} trên {format_count(len(rows))} mục."
        parts.append(f'<p class="sk-chart-note">{note}</p>')
    parts.append(_data_table(title, shown, texts, headers))
    parts.append("</figure>")
    return "\n".join(parts)


def _check_id(chart_id: str) -> None:
    """Reject ids that would need escaping or break ``aria-labelledby``."""
    if not _ID_PATTERN.fullmatch(chart_id):
        raise ValueError(
            f"chart_id must be a letter then letters, digits, '-' or '_': {chart_id!r}"
        )


def _auto_description(count: int) -> str:
    """Screen-reader description when the caller gives none."""
    return f"Biểu đồ thanh ngang gồm {count} mục; số liệu có trong bảng ngay sau biểu đồ."


def _empty_chart(title: str) -> str:
    """A figure that says there is nothing to draw yet."""
    return "\n".join(
        [
            '<figure class="sk-chart sk-chart--empty">',
            f'<figcaption class="sk-chart-title">{_text(title)}</figcaption>',
            '<p class="sk-chart-note">Chưa có số liệu.</p>',
            "</figure>",
        ]
    )


def _bar_svg(
    title: str,
    description: str,
    rows: Sequence[tuple[str, float]],
    texts: Sequence[str],
    chart_id: str,
) -> str:
    """The SVG element: one label line and one bar with its value per row."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    height = 2 * _PAD_Y + _ROW_HEIGHT * len(rows)
    longest_text = max(len(text) for text in texts)
    bar_space = _WIDTH - 2 * _PAD_X - _VALUE_GAP - _CHAR_WIDTH * longest_text
    # Keep some bar even when a value text is absurdly long.
    bar_space = max(bar_space, _WIDTH / 4)
    largest = max(value for _, value in rows)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sk-chart-svg" role="img"'
        f' aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {_fmt(_WIDTH)} {_fmt(height)}"'
        f' width="100%" preserveAspectRatio="xMinYMin meet" font-size="{_FONT_SIZE}"'
        f' fill="currentColor">',
        f'<title id="{title_id}">{_text(title)}</title>',
        f'<desc id="{desc_id}">{_text(description)}</desc>',
    ]
    for index, ((label, value), text) in enumerate(zip(rows, texts, strict=True)):
        top = _PAD_Y + _ROW_HEIGHT * index
        width = _bar_width(value, largest, bar_space)
        lines.extend(_bar_row(label, text, top, width))
    lines.append("</svg>")
    return "\n".join(lines)


def _bar_width(value: float, largest: float, space: float) -> float:
    """Bar length in user units; a non-zero positive value stays visible."""
    if value <= 0 or largest <= 0:
        return 0.0
    return max(space * value / largest, _MIN_VISIBLE_BAR)


def _bar_row(label: str, text: str, top: float, width: float) -> list[str]:
    """SVG lines for one row: a group with tooltip, label, track, bar and value."""
    bar_y = top + _BAR_TOP
    track_width = _WIDTH - 2 * _PAD_X
    return [
        '<g class="sk-chart-row">',
        f"<title>{_text(label)}: {_text(text)}</title>",
        f'<text x="{_fmt(_PAD_X)}" y="{_fmt(top + _LABEL_BASELINE)}">'
        f"{_text(_shorten(label))}</text>",
        f'<rect class="sk-chart-track" x="{_fmt(_PAD_X)}" y="{_fmt(bar_y)}"'
        f' width="{_fmt(track_width)}" height="{_fmt(_BAR_HEIGHT)}" fill-opacity="0.07"/>',
        f'<rect class="sk-chart-bar" x="{_fmt(_PAD_X)}" y="{_fmt(bar_y)}"'
        f' width="{_fmt(width)}" height="{_fmt(_BAR_HEIGHT)}" fill="{_BAR_FILL}"/>',
        f'<text class="sk-chart-value" x="{_fmt(_PAD_X + width + _VALUE_GAP)}"'
        f' y="{_fmt(bar_y + _BAR_HEIGHT - 3)}" font-weight="bold">{_text(text)}</text>',
        "</g>",
    ]


def _shorten(label: str) -> str:
    """Fit a label on the chart's width; the table and tooltip keep it whole."""
    line = _one_line(label)
    if len(line) <= _MAX_LABEL_CHARS:
        return line
    return line[: _MAX_LABEL_CHARS - 1].rstrip() + "…"


def _data_table(
    title: str,
    rows: Sequence[tuple[str, float]],
    texts: Sequence[str],
    headers: tuple[str, str],
) -> str:
    """The chart's numbers as a table, folded away under "Bảng số liệu"."""
    lines = [
        '<details class="sk-chart-data">',
        "<summary>Bảng số liệu</summary>",
        "<table>",
        f"<caption>{_text(title)}</caption>",
        f'<thead><tr><th scope="col">{_text(headers[0])}</th>'
        f'<th scope="col">{_text(headers[1])}</th></tr></thead>',
        "<tbody>",
    ]
    lines.extend(
        f'<tr><th scope="row">{_text(label)}</th><td>{_text(text)}</td></tr>'
        for (label, _), text in zip(rows, texts, strict=True)
    )
    lines.extend(["</tbody>", "</table>", "</details>"])
    return "\n".join(lines)


def _one_line(raw: str) -> str:
    """Text without control characters or line breaks, spaces collapsed.

    A blank line from content would end the HTML block in Markdown.
    """
    return " ".join(_CONTROL.sub(" ", raw).split())


def _text(raw: str) -> str:
    """Content text made safe to put inside an element or attribute."""
    return escape(_one_line(raw))


def _fmt(number: float) -> str:
    """A coordinate with at most one decimal, the same on every platform."""
    text = f"{number:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def progress_bar(
    label: str,
    value: float,
    target: float,
    *,
    value_text: str,
    target_text: str,
) -> str:
    """Progress towards a target as a native ``<progress>`` element plus text.

    The text reads ``170.324 / 300.000 (56,8%)``.  Past the target the bar is
    full and the text shows the real percentage (``112,5%``).  With a target
    of zero or less there is no percentage and no bar, only the numbers.
    ``<progress>`` has the ``progressbar`` role built in; ``aria-label``
    names it since the visible label is not a ``<label>`` element.
    """
    for name, number in (("value", value), ("target", target)):
        if not math.isfinite(number):
            raise ValueError(f"{name} is not a finite number: {number!r}")
    numbers = f"{_text(value_text)} / {_text(target_text)}"
    lines = ['<div class="sk-progress">', f'<div class="sk-progress-label">{_text(label)}</div>']
    if target > 0:
        ratio = value / target
        text = f"{numbers} ({_text(format_percent(ratio))})"
        shown = _fmt(min(max(ratio, 0.0), 1.0) * 100)
        over = " sk-progress--over" if ratio > 1 else ""
        lines.append(
            f'<progress class="sk-progress-bar{over}" max="100" value="{shown}"'
            f' aria-label="{_text(label)}">{text}</progress>'
        )
    else:
        text = numbers
    lines.extend([f'<div class="sk-progress-text">{text}</div>', "</div>"])
    return "\n".join(lines)
