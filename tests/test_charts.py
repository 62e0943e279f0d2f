"""Tests for the build-time SVG charts and progress bars."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.charts import bar_chart, progress_bar
from generator.vietnamese import format_count, format_money

SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<script>alert(1)</script>"

ROWS = [
    ("Thanh Hóa", 170324.0),
    ("Đà Nẵng", 52000.0),
    (EVIL, 1500.5),
    ("Công ty A & B \"Điện\" 'lực'", 0.0),
]


def chart(rows: list[tuple[str, float]] = ROWS, **kwargs: object) -> str:
    options: dict[str, object] = {"value_format": format_count, "chart_id": "c-test"}
    options.update(kwargs)
    return bar_chart("Sáng kiến theo tỉnh", rows, **options)  # type: ignore[arg-type]


def parse(html: str) -> ET.Element:
    """The whole fragment must be well-formed XML (so also well-formed HTML)."""
    return ET.fromstring(html)


def svg_of(figure: ET.Element) -> ET.Element:
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    return svg


def bar_values(svg: ET.Element) -> list[str]:
    return [t.text or "" for t in svg.iter(f"{SVG}text") if t.get("class") == "sk-chart-value"]


def bar_labels(svg: ET.Element) -> list[str]:
    """Each row's label, its lines (``<tspan>``) joined again."""
    return [
        " ".join(span.text or "" for span in t.iter(f"{SVG}tspan"))
        for t in svg.iter(f"{SVG}text")
        if t.get("class") is None
    ]


def bar_widths(svg: ET.Element) -> list[float]:
    return [
        float(r.get("width", "nan").removesuffix("%"))
        for r in svg.iter(f"{SVG}rect")
        if r.get("class") == "sk-chart-bar"
    ]


def table_rows(figure: ET.Element) -> list[tuple[str, str]]:
    body = figure.find("details/table/tbody")
    assert body is not None
    return [(tr.findtext("th") or "", tr.findtext("td") or "") for tr in body.findall("tr")]


# ---------------------------------------------------------------------------
# Bar chart


def test_bar_chart_is_well_formed_and_accessible() -> None:
    figure = parse(chart())
    assert figure.tag == "figure"
    assert figure.get("class") == "sk-chart"
    svg = svg_of(figure)
    assert svg.get("role") == "img"
    # As wide as the column, text in CSS pixels at any width: no viewBox to scale it down.
    assert svg.get("width") == "100%"
    assert svg.get("viewBox") is None
    assert int(svg.get("font-size", "0")) >= 12
    assert float(svg.get("height", "0")) > 0
    assert all(r.get("width", "").endswith("%") for r in svg.iter(f"{SVG}rect"))
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert title.text == "Sáng kiến theo tỉnh"
    assert desc.text
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.get("id") == "c-test-title"


def test_bar_chart_description_is_used() -> None:
    svg = svg_of(parse(chart(description="Số sáng kiến đến hết tháng 5/2022")))
    assert svg.findtext(f"{SVG}desc") == "Số sáng kiến đến hết tháng 5/2022"


def test_labels_are_escaped() -> None:
    html = chart()
    assert EVIL not in html
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    figure = parse(html)
    # After parsing, the label is text again, in the chart and in the table.
    assert EVIL in bar_labels(svg_of(figure))
    assert (EVIL, "1.500,5") in table_rows(figure)


def test_title_and_headers_are_escaped() -> None:
    html = bar_chart(
        "<b>Tiêu đề</b>",
        ROWS,
        value_format=format_count,
        chart_id="c1",
        headers=("<i>Đơn vị</i>", "Số & lượng"),
    )
    assert "<b>" not in html and "<i>" not in html
    figure = parse(html)
    assert figure.findtext("details/table/caption") == "<b>Tiêu đề</b>"
    assert [th.text for th in figure.findall("details/table/thead/tr/th")] == [
        "<i>Đơn vị</i>",
        "Số & lượng",
    ]


def test_table_has_the_same_numbers_as_the_bars() -> None:
    figure = parse(chart())
    svg = svg_of(figure)
    expected = [(label, format_count(value)) for label, value in ROWS]
    assert list(zip(bar_labels(svg), bar_values(svg), strict=True)) == expected
    assert table_rows(figure) == expected
    assert [th.text for th in figure.findall("details/table/thead/tr/th")] == ["Mục", "Giá trị"]
    assert figure.findtext("details/summary") == "Bảng số liệu"
    assert figure.findtext("details/table/caption") == "Sáng kiến theo tỉnh"


def test_bars_are_proportional() -> None:
    widths = bar_widths(svg_of(parse(chart())))
    assert widths[3] == 0
    assert widths[0] == max(widths)
    assert widths[1] / widths[0] == pytest.approx(52000 / 170324, abs=0.002)
    # A tiny positive value still shows as a sliver.
    assert widths[2] > 0


def test_value_format_is_applied() -> None:
    rows = [("Tỉnh A", 162_000_000_000.0), ("Tỉnh B", 850_000.0)]
    figure = parse(chart(rows, value_format=lambda v: format_money(int(v))))
    assert bar_values(svg_of(figure)) == ["162 tỷ đồng", "850 nghìn đồng"]
    assert [td for _, td in table_rows(figure)] == ["162 tỷ đồng", "850 nghìn đồng"]


def test_output_is_deterministic() -> None:
    assert chart() == chart()
    rows = [(f"Đơn vị {i}", 1 / 3 * i + 0.1) for i in range(1, 15)]
    first = chart(rows)
    assert first == chart(list(rows))
    # Coordinates carry at most one decimal.
    svg = svg_of(parse(first))
    for rect in svg.iter(f"{SVG}rect"):
        for attr in ("x", "y", "width", "height"):
            value = rect.get(attr, "").removesuffix("%")
            assert len(value.partition(".")[2]) <= 1, value


def test_max_rows_limits_chart_and_table_and_says_so() -> None:
    rows = [(f"Mục {i}", float(i)) for i in range(30)]
    figure = parse(chart(rows, max_rows=5))
    assert len(bar_values(svg_of(figure))) == 5
    assert len(table_rows(figure)) == 5
    note = figure.find("p")
    assert note is not None
    assert note.text == "Hiển thị 5 trên 30 mục."
    assert parse(chart(rows[:5], max_rows=5)).find("p") is None


def test_empty_chart() -> None:
    figure = parse(chart([]))
    assert figure.find(f"{SVG}svg") is None
    assert figure.findtext("p") == "Chưa có số liệu."


def test_all_zero_and_negative_values() -> None:
    figure = parse(chart([("A", 0.0), ("B", -3.0)]))
    assert bar_widths(svg_of(figure)) == [0, 0]
    assert bar_values(svg_of(figure)) == ["0", "-3"]


@pytest.mark.parametrize("bad_id", ["", "1abc", "a b", 'a"b', "a<b"])
def test_chart_id_must_be_a_plain_id(bad_id: str) -> None:
    with pytest.raises(ValueError):
        chart(chart_id=bad_id)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_values_are_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        chart([("A", 1.0), ("B", bad)])


def test_long_labels_are_shortened_in_the_chart_only() -> None:
    label = " ".join(["Sáng kiến"] * 20)
    figure = parse(chart([(label, 1.0)]))
    drawn = bar_labels(svg_of(figure))[0]
    assert drawn.endswith("…") and len(drawn) < len(label)
    assert table_rows(figure)[0][0] == label


def test_labels_wrap_on_two_short_lines() -> None:
    """A phone column is about 320 px: labels wrap there instead of shrinking."""
    label = "Công đoàn cơ sở Công ty TNHH Cơ khí Chính xác Hàn Giang"
    svg = svg_of(parse(chart([(label, 5.0), ("Ngắn", 3.0)])))
    rows = [list(t.iter(f"{SVG}tspan")) for t in svg.iter(f"{SVG}text") if t.get("class") is None]
    assert [len(spans) for spans in rows] == [2, 1]
    assert all(len(span.text or "") <= 38 for spans in rows for span in spans)
    assert bar_labels(svg) == [label, "Ngắn"]
    # Each line has its own baseline: the second sits below the first.
    first, second = rows[0]
    assert float(second.get("y", "0")) > float(first.get("y", "0"))


def test_longest_bar_leaves_room_for_its_value() -> None:
    """On a 300 px column the value text after the longest bar stays inside the chart."""
    rows = [("A", 162_000_000_000.0), ("B", 1.0)]
    svg = svg_of(parse(chart(rows, value_format=lambda v: format_money(int(v)))))
    longest = max(bar_widths(svg))
    text = max(bar_values(svg), key=len)
    assert longest / 100 * 300 + 6 + 8 * len(text) <= 300


def assert_markdown_safe(html: str) -> None:
    lines = html.split("\n")
    assert all(line.strip() for line in lines), "blank line inside the HTML block"
    assert not any(line.startswith("    ") or line.startswith("\t") for line in lines)
    assert lines[0].startswith("<")


def test_chart_survives_python_markdown() -> None:
    html = chart()
    assert_markdown_safe(html)
    source = f"Trước *biểu đồ*\n\n{html}\n\nSau **biểu đồ**\n"
    rendered = markdown.markdown(source, extensions=["md_in_html", "tables", "attr_list"])
    assert html in rendered
    assert "<em>biểu đồ</em>" in rendered and "<strong>biểu đồ</strong>" in rendered


# Any text an editor could type, including line breaks and stray control characters;
# surrogates and non-characters cannot come out of a YAML file.
label_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cn")) | st.sampled_from("\n\r\t\x00 "),
    max_size=40,
)


@given(st.lists(st.tuples(label_text, st.floats(0, 1e12)), min_size=1, max_size=8), label_text)
def test_any_labels_give_well_formed_markdown_safe_output(
    rows: list[tuple[str, float]], title: str
) -> None:
    html = bar_chart(title, rows, value_format=format_count, chart_id="c", description=title)
    assert_markdown_safe(html)
    figure = parse(html)
    # Labels come back as written, on one line with spaces collapsed.
    assert [label for label, _ in table_rows(figure)] == [one_line(label) for label, _ in rows]


def one_line(text: str) -> str:
    return " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text).split())


def test_line_breaks_in_content_cannot_end_the_html_block() -> None:
    html = chart([("Dòng một\n\n    dòng hai", 1.0)], description="Mô tả\n\nhai đoạn")
    assert_markdown_safe(html)
    assert table_rows(parse(html)) == [("Dòng một dòng hai", "1")]


# ---------------------------------------------------------------------------
# Progress bar


def progress(html: str) -> ET.Element | None:
    return parse(html).find("progress")


def test_progress_bar() -> None:
    html = progress_bar("Giai đoạn 1", 170324, 300000, value_text="170.324", target_text="300.000")
    root = parse(html)
    bar = root.find("progress")
    assert bar is not None
    assert bar.get("max") == "100"
    assert bar.get("value") == "56.8"
    assert bar.get("aria-label") == "Giai đoạn 1"
    assert root.findtext("div[@class='sk-progress-text']") == "170.324 / 300.000 (56,8%)"
    assert root.findtext("div[@class='sk-progress-label']") == "Giai đoạn 1"
    assert_markdown_safe(html)


def test_progress_over_target_caps_bar_but_shows_real_percentage() -> None:
    html = progress_bar("Vượt", 337500, 300000, value_text="337.500", target_text="300.000")
    root = parse(html)
    bar = root.find("progress")
    assert bar is not None
    assert bar.get("value") == "100"
    assert "sk-progress--over" in (bar.get("class") or "")
    assert root.findtext("div[@class='sk-progress-text']") == "337.500 / 300.000 (112,5%)"


def test_progress_with_zero_target() -> None:
    html = progress_bar("Chưa giao", 5, 0, value_text="5", target_text="0")
    root = parse(html)
    assert root.find("progress") is None
    assert root.findtext("div[@class='sk-progress-text']") == "5 / 0"
    assert "%" not in html


def test_progress_escapes_text() -> None:
    html = progress_bar(EVIL, 1, 2, value_text="<b>1</b>", target_text="2 & 3")
    assert "<script" not in html and "<b>" not in html
    root = parse(html)
    bar = root.find("progress")
    assert bar is not None and bar.get("aria-label") == EVIL
    assert root.findtext("div[@class='sk-progress-text']") == "<b>1</b> / 2 & 3 (50%)"


def test_progress_negative_value_shows_empty_bar() -> None:
    bar = progress(progress_bar("Âm", -10, 100, value_text="-10", target_text="100"))
    assert bar is not None and bar.get("value") == "0"


def test_progress_refuses_non_finite() -> None:
    with pytest.raises(ValueError):
        progress_bar("x", math.nan, 1, value_text="?", target_text="1")


def test_progress_survives_python_markdown() -> None:
    html = progress_bar("Giai đoạn 1", 1, 4, value_text="1", target_text="4")
    rendered = markdown.markdown(f"Tiến độ\n\n{html}\n\nHết\n", extensions=["md_in_html"])
    assert html in rendered
