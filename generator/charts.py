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

# Geometry in CSS pixels.  The SVG has no viewBox: it is as wide as its column (100 %)
# and its text keeps its size in CSS pixels at any width (a viewBox would scale a 14 px
# label down to 7 px on a phone); bars and value positions are percentages of the width.
_FONT_SIZE = 14
_LINE_HEIGHT = 18.0
_PAD_Y = 4.0
_LABEL_BASELINE = 14.0
_BAR_GAP = 5.0
_BAR_HEIGHT = 14.0
_ROW_GAP = 10.0
_VALUE_GAP = 6.0
# A mean glyph width at _FONT_SIZE (Vietnamese text in a sans-serif), to keep room for
# the value text after the longest bar on the narrowest column.
_CHAR_WIDTH = 8.0
_NARROWEST = 300.0
# Labels wrap at this many characters (about a 320 px column), on at most two lines.
_LINE_CHARS = 38
_LABEL_LINES = 2
_MIN_BAR_SHARE = 0.35
_MIN_VISIBLE_BAR = 0.4  # per cent of the width

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
    """The SVG element: label lines, then a bar with its value, per row."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    labels = [_label_lines(label) for label, _ in rows]
    longest_text = max(len(text) for text in texts)
    # The longest bar leaves room for the longest value text on the narrowest column.
    share = 1 - (_CHAR_WIDTH * longest_text + _VALUE_GAP + 4) / _NARROWEST
    share = max(share, _MIN_BAR_SHARE)
    largest = max(value for _, value in rows)
    body: list[str] = []
    top = _PAD_Y
    for (label, value), lines, text in zip(rows, labels, texts, strict=True):
        width = _bar_width(value, largest, share * 100)
        body.extend(_bar_row(label, lines, text, top, width))
        top += _row_height(lines)
    height = top - _ROW_GAP + _PAD_Y
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="sk-chart-svg" role="img"'
            f' aria-labelledby="{title_id} {desc_id}" width="100%" height="{_fmt(height)}"'
            f' font-size="{_FONT_SIZE}" fill="currentColor">',
            f'<title id="{title_id}">{_text(title)}</title>',
            f'<desc id="{desc_id}">{_text(description)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _row_height(lines: Sequence[str]) -> float:
    return len(lines) * _LINE_HEIGHT + _BAR_GAP + _BAR_HEIGHT + _ROW_GAP


def _bar_width(value: float, largest: float, space: float) -> float:
    """Bar length in per cent of the width; a non-zero positive value stays visible."""
    if value <= 0 or largest <= 0:
        return 0.0
    return max(space * value / largest, _MIN_VISIBLE_BAR)


def _bar_row(label: str, lines: Sequence[str], text: str, top: float, width: float) -> list[str]:
    """SVG lines for one row: a group with tooltip, label, track, bar and value."""
    bar_y = top + len(lines) * _LINE_HEIGHT + _BAR_GAP
    tspans = "".join(
        f'<tspan x="0" y="{_fmt(top + _LABEL_BASELINE + index * _LINE_HEIGHT)}">{_text(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return [
        '<g class="sk-chart-row">',
        f"<title>{_text(label)}: {_text(text)}</title>",
        f"<text>{tspans}</text>",
        f'<rect class="sk-chart-track" x="0" y="{_fmt(bar_y)}"'
        f' width="100%" height="{_fmt(_BAR_HEIGHT)}" fill-opacity="0.07"/>',
        f'<rect class="sk-chart-bar" x="0" y="{_fmt(bar_y)}"'
        f' width="{_fmt(width)}%" height="{_fmt(_BAR_HEIGHT)}" fill="{_BAR_FILL}"/>',
        f'<text class="sk-chart-value" x="{_fmt(width)}%" dx="{_fmt(_VALUE_GAP)}"'
        f' y="{_fmt(bar_y + _BAR_HEIGHT - 2)}" font-weight="bold">{_text(text)}</text>',
        "</g>",
    ]


def _label_lines(label: str) -> list[str]:
    """The label in lines of about :data:`_LINE_CHARS`, at most two, the rest cut with "…";
    the table and the tooltip keep it whole."""
    words = _one_line(label).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= _LINE_CHARS or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    if len(lines) > _LABEL_LINES:
        lines = lines[:_LABEL_LINES]
        lines[-1] = lines[-1][: _LINE_CHARS - 1].rstrip() + "…"
    return [line if len(line) <= _LINE_CHARS else line[: _LINE_CHARS - 1] + "…" for line in lines]


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
