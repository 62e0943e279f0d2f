"""The error catalogue: every kind of problem the tools report, in Vietnamese and English.

Each entry has a stable code, a Vietnamese slug that is also the anchor of its section in
the editors' guide (``/huong-dan/#sai-kieu``), and

- ``messages``: the texts of the problem, one per *variant* (``""`` is the usual one), each
  a template in both languages with named values (``{name!r}``, ``{size:,}``, lists joined
  with ``{choices:or}``); a Problem carries the code, the variant and the values, and the
  text is made when it is printed, in the reader's language;
- ``meaning`` and ``fix``: what it means and what to do, for the guide;
- ``example``: values of the first message, so the guide shows a real message;
- ``old``: the English code used before codes became Vietnamese (``--format json`` printed
  it in ``code``); :data:`OLD_CODES` maps the old codes to the new ones.

``PHRASES`` are pieces that messages put together (the name of a kind of record, what a
value looks like, "did you mean …?").  The editor's guide is generated from this table;
``tests/test_catalogue.py`` fails when a code lacks a language, a guide entry or an example.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.i18n import Template

_Pair = tuple[str, str]


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    old: str
    title: Template
    meaning: Template
    fix: Template
    messages: dict[str, Template]
    example: Mapping[str, Any] = field(default_factory=dict)
    #: The variant the guide's example shows.
    example_variant: str = ""
    #: Part of the guide the entry is listed in.
    group: str = "doc-tep"


_ENTRIES: list[CatalogueEntry] = []


def _entry(
    code: str,
    old: str,
    title: _Pair,
    meaning: _Pair,
    fix: _Pair,
    messages: dict[str, _Pair],
    example: Mapping[str, Any] | None = None,
    example_variant: str = "",
    group: str = "",
) -> None:
    _ENTRIES.append(
        CatalogueEntry(
            code=code,
            old=old,
            title=Template(*title),
            meaning=Template(*meaning),
            fix=Template(*fix),
            messages={name: Template(*texts) for name, texts in messages.items()},
            example=dict(example or {}),
            example_variant=example_variant,
            group=group or _GROUP,
        )
    )


#: Groups of the guide's list of messages, in order.
GROUPS: dict[str, Template] = {
    "doc-tep": Template("Đọc tệp và cú pháp YAML", "Reading files and YAML syntax"),
    "ten-tep": Template("Tên tệp, mã hồ sơ, thư mục", "File names, ids and folders"),
    "truong": Template("Các trường và giá trị", "Fields and values"),
    "tham-chieu": Template("Tham chiếu giữa các hồ sơ", "References between records"),
    "nhap": Template("Nhập danh sách khen thưởng", "Importing award lists"),
}

# ---------------------------------------------------------------------------------------
# Reading files and YAML syntax
# ---------------------------------------------------------------------------------------
_GROUP = "doc-tep"

_entry(
    "khong-phai-utf8",
    "not-utf8",
    ("Tệp không phải UTF-8", "File is not UTF-8"),
    (
        "Tệp không được lưu bằng bảng mã UTF-8. Tệp soạn bằng phông chữ cũ (TCVN3/ABC, VNI) hoặc bảng mã Windows-1258 thường gây lỗi này.",
        "The file is not saved as UTF-8; files typed with legacy Vietnamese fonts (TCVN3/ABC, VNI) or saved as Windows-1258 cause this.",
    ),
    (
        "Mở tệp bằng trình soạn thảo (VS Code, Notepad++), chọn “Save with encoding” → UTF-8; hoặc dùng Unikey (Công cụ chuyển mã) để chuyển sang Unicode dựng sẵn.",
        "Open the file in an editor (VS Code, Notepad++) and choose “Save with encoding” → UTF-8, or convert it to Unicode with Unikey.",
    ),
    {
        "": (
            "tệp không được lưu bằng bảng mã UTF-8: byte 0x{byte} ở vị trí {offset}; có thể tệp được lưu bằng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258)",
            "file is not valid UTF-8: byte 0x{byte} at offset {offset}; it may be saved in a legacy Vietnamese encoding (TCVN3/ABC, VNI, Windows-1258)",
        )
    },
    {"byte": "c3", "offset": 41},
)
_entry(
    "tep-rong",
    "empty-file",
    ("Tệp trống", "Empty file"),
    ("Tệp không có nội dung nào.", "The file holds nothing."),
    (
        "Điền các trường của hồ sơ, hoặc xóa tệp nếu không dùng; có thể tạo tệp mẫu bằng `showcase new`.",
        "Fill in the record's fields, or delete the file; `showcase new` makes a file to fill in.",
    ),
    {"": ("tệp trống, không có trường nào", "file is empty")},
)
_entry(
    "tep-qua-lon",
    "file-too-large",
    ("Tệp quá lớn", "File too large"),
    (
        "Tệp quá lớn so với một hồ sơ thông thường (có thể đã dán nhầm dữ liệu hoặc hình ảnh vào tệp).",
        "The file is far larger than a record (data or a picture may have been pasted into it).",
    ),
    (
        "Tách nội dung thành nhiều hồ sơ; ảnh đặt trong `content/media/` và chỉ ghi đường dẫn.",
        "Split it into several records; put pictures in `content/media/` and write only their path.",
    ),
    {
        "": (
            "tệp nặng {size:,} byte; mỗi hồ sơ tối đa {limit:,} byte",
            "file is {size:,} bytes; records are limited to {limit:,} bytes",
        )
    },
    {"size": 3145728, "limit": 1048576},
)
_entry(
    "thut-le",
    "yaml-syntax",
    ("Thụt lề không khớp", "Indentation does not line up"),
    (
        "YAML hiểu cấu trúc hồ sơ nhờ thụt lề: các trường cùng cấp phải thẳng cột với nhau, trường con thụt vào sâu hơn trường cha. Một dòng thụt thừa hoặc thiếu vài dấu cách làm YAML không đọc được tệp.",
        "YAML reads a record's structure from its indentation: fields of one level must line up, and a field's children are indented further. A line indented a few spaces too far or not far enough stops YAML.",
    ),
    (
        "Xem dòng được báo (dấu ^ chỉ chỗ sai) và thụt lề cho thẳng cột với các trường cùng cấp; mỗi cấp thụt 2 dấu cách. Trong VS Code, dấu chấm mờ ở đầu dòng cho biết số dấu cách.",
        "Look at the line shown (the ^ marks the place) and indent it like the other fields of its level, 2 spaces a level.",
    ),
    {
        "deeper": (
            "dòng này thụt lề {indent} dấu cách, sâu hơn trường {key!r} ở dòng {key_line}, nhưng trường đó đã có giá trị nên không thể có trường con; nếu đây là một trường mới, cho thẳng cột với {key!r} (thụt {expected} dấu cách)",
            "this line is indented {indent} spaces, deeper than {key!r} on line {key_line}, which already has a value and cannot hold fields; if this is a new field, line it up with {key!r} ({expected} spaces)",
        ),
        "unaligned": (
            "dòng này thụt lề {indent} dấu cách, không thẳng cột với trường nào ở trên (các dòng ở trên thụt {levels:or} dấu cách); thụt lề cho thẳng cột với các trường cùng cấp",
            "this line is indented {indent} spaces, which lines up with nothing above (the lines above are indented {levels:or} spaces); line it up with the fields of its level",
        ),
        "list-item": (
            "dòng này là một mục danh sách (bắt đầu bằng '- ') nhưng nằm ở chỗ cần một trường; mục danh sách phải nằm ngay dưới tên trường danh sách (ví dụ 'tags:') và các mục thẳng cột với nhau",
            "this line is a list item (it starts with '- ') where a field was expected; list items go right under the list's field name (such as 'tags:') and line up with each other",
        ),
        "in-list": (
            "dòng này là một trường (tên: giá trị) nhưng nằm giữa các mục '- ' của danh sách ở trên; nếu nó thuộc về mục ở trên, thụt lề cho thẳng cột với trường đầu của mục đó, nếu là một trường mới, thụt lề bằng tên trường của danh sách",
            "this line is a field (name: value) among the '- ' items of the list above; if it belongs to the item above, line it up with that item's first field; if it is a new field, line it up with the list's name",
        ),
    },
    {"indent": 3, "key": "by", "key_line": 3, "expected": 2},
    example_variant="deeper",
)
_entry(
    "can-ngoac-kep",
    "yaml-syntax",
    ("Giá trị cần đặt trong ngoặc kép", "Value must be quoted"),
    (
        "Một số ký tự có nghĩa riêng trong YAML: dấu hai chấm và dấu cách `: ` tách tên trường với giá trị, `#` mở đầu chú thích, `[` `{` mở danh sách, `@` `` ` `` `%` `*` `&` `!` không được đứng đầu giá trị. Giá trị có các ký tự đó phải đặt trong ngoặc kép.",
        "Some characters mean something in YAML: `: ` separates a field from its value, `#` starts a comment, `[` `{` start a list, and `@` `` ` `` `%` `*` `&` `!` cannot start a value. A value holding them must be quoted.",
    ),
    (
        'Đặt cả giá trị trong ngoặc kép: `title: "Sổ tay: an toàn điện"`. Nếu giá trị có dấu ngoặc kép bên trong, dùng ngoặc đơn bên ngoài: `title: \'Phong trào "Lao động giỏi"\'`.',
        'Put the whole value in double quotes: `title: "Sổ tay: an toàn điện"`; a value that holds double quotes goes in single quotes.',
    ),
    {
        "colon": (
            'giá trị của {key!r} có dấu hai chấm và dấu cách (": "), nên YAML hiểu nhầm phần sau là một trường mới; đặt cả giá trị trong ngoặc kép: {key}: "{value}"',
            'the value of {key!r} holds a colon and a space (": "), so YAML reads what follows as another field; put the whole value in double quotes: {key}: "{value}"',
        ),
        "no-space": (
            "dòng này viết {text!r}: thiếu dấu cách sau dấu hai chấm, nên YAML không thấy tên trường; viết {fixed!r}",
            "this line reads {text!r}: the colon needs a space after it for YAML to see a field; write {fixed!r}",
        ),
        "escape": (
            "trong ngoặc kép, dấu \\ mở đầu một ký tự đặc biệt, mà '\\{char}' không phải ký tự nào; đặt giá trị trong ngoặc đơn ('…') hoặc viết \\\\ thay cho \\",
            "inside double quotes a \\ starts an escape, and '\\{char}' is none; put the value in single quotes ('…') or write \\\\ for \\",
        ),
        "after-quote": (
            "có chữ sau dấu ngoặc đóng: YAML chỉ đọc phần trong ngoặc làm giá trị; đặt cả giá trị trong một cặp ngoặc kép",
            "there is text after the closing quote or bracket: YAML takes only what is inside as the value; put the whole value in one pair of double quotes",
        ),
        "start": (
            "giá trị không được bắt đầu bằng ký tự {char!r} nếu không có ngoặc kép; đặt cả giá trị trong ngoặc kép",
            "a value cannot start with {char!r} unless it is quoted; put the whole value in double quotes",
        ),
        "alias": (
            "giá trị bắt đầu bằng '*' được YAML hiểu là tham chiếu tới một giá trị khác ({name!r}); nếu đây là chữ, đặt cả giá trị trong ngoặc kép",
            "a value starting with '*' is a YAML reference to another value ({name!r}); if it is text, put the whole value in double quotes",
        ),
    },
    {"key": "title", "value": "Sổ tay: an toàn"},
    example_variant="colon",
)
_entry(
    "chua-dong-ngoac",
    "yaml-syntax",
    ("Ngoặc chưa đóng", "Unclosed quote or bracket"),
    (
        "Một dấu ngoặc kép, ngoặc đơn, `[` hoặc `{` được mở mà không được đóng, nên YAML đọc đến hết tệp mà không thấy dấu đóng.",
        "A quote, `[` or `{` is opened and never closed, so YAML reads to the end of the file looking for it.",
    ),
    (
        "Thêm dấu đóng tương ứng ở cuối giá trị (dấu ^ chỉ chỗ mở). Giá trị nhiều dòng nên dùng `|` thay cho ngoặc kép.",
        "Close it at the end of the value (the ^ marks where it opens); write long values after `|` instead of in quotes.",
    ),
    {
        "quote": (
            "dấu ngoặc {quote} mở ở đây nhưng không được đóng; thêm {quote} ở cuối giá trị",
            "the quote {quote} opened here is never closed; add {quote} at the end of the value",
        ),
        "bracket": (
            "dấu {bracket!r} mở ở đây nhưng không được đóng bằng {closing!r}; thêm {closing!r} ở cuối danh sách (hoặc đặt giá trị trong ngoặc kép nếu đây là chữ)",
            "the {bracket!r} opened here is never closed with {closing!r}; add it at the end of the list (or quote the value if it is text)",
        ),
    },
    {"quote": '"'},
    example_variant="quote",
)
_entry(
    "loi-cu-phap",
    "yaml-syntax",
    ("Cú pháp YAML sai", "YAML syntax error"),
    (
        "YAML không đọc được tệp ở chỗ được báo, vì một lý do khác thụt lề, ngoặc kép hay ngoặc chưa đóng.",
        "YAML cannot read the file at the place shown, for a reason other than indentation, quotes or brackets.",
    ),
    (
        "Xem dòng được báo; so với mẫu tạo bằng `showcase new`; đặt giá trị có ký tự đặc biệt trong ngoặc kép.",
        "Look at the line shown and compare it with a file made by `showcase new`; quote values holding special characters.",
    ),
    {
        "": (
            "YAML không đọc được dòng này ({reason})",
            "YAML syntax error: {reason}",
        ),
        "no-colon": (
            "dòng này không có dấu hai chấm: mỗi dòng phải có dạng “tên trường: giá trị”, là một mục “- ” của danh sách, hoặc là phần tiếp theo của giá trị ở dòng trên (khi đó thụt vào sâu hơn tên trường)",
            "this line has no colon: each line must be “field: value”, a “- ” list item, or the continuation of the value above (then indented deeper than the field's name)",
        ),
        "control-char": (
            "tệp có ký tự điều khiển U+{code}, YAML không cho phép; xóa ký tự này (thường lẫn vào khi chép chữ từ PDF hoặc bảng tính)",
            "file contains the control character U+{code}, which YAML does not allow; remove it (it often comes from copying text out of a PDF or a spreadsheet)",
        ),
        "value": (
            "YAML không đọc được giá trị này ({reason})",
            "YAML value error: {reason}",
        ),
    },
    {"reason": "found character '%' that cannot start any token"},
)
_entry(
    "thut-le-tab",
    "tab-indent",
    ("Thụt lề bằng phím Tab", "Tab used for indentation"),
    (
        "Dòng được thụt lề bằng phím Tab. YAML chỉ chấp nhận dấu cách.",
        "The line is indented with a tab; YAML accepts only spaces.",
    ),
    (
        "Thay các ký tự Tab ở đầu dòng (hiện thành → dưới dòng báo lỗi) bằng dấu cách; trong VS Code: “Convert Indentation to Spaces”.",
        "Replace the tabs at the start of the line (shown as →) with spaces; in VS Code: “Convert Indentation to Spaces”.",
    ),
    {
        "": (
            "dòng này thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách",
            "tab character used for indentation; YAML allows only spaces",
        )
    },
)
_entry(
    "dau-thang",
    "",
    ("Giá trị bị cắt ở dấu #", "Value cut at a #"),
    (
        "Trong YAML, dấu cách rồi dấu `#` mở đầu một chú thích: phần còn lại của dòng bị bỏ qua. `title: Sổ tay #1 an toàn` được đọc là “Sổ tay”, và trang web sẽ đăng đúng như vậy.",
        "In YAML a space followed by `#` starts a comment and the rest of the line is ignored: `title: Sổ tay #1 an toàn` is read as “Sổ tay”, and published so.",
    ),
    (
        'Nếu `#…` là một phần của giá trị, đặt cả giá trị trong ngoặc kép: `title: "Sổ tay #1 an toàn"`. Nếu đó là chú thích, đưa chú thích lên một dòng riêng.',
        'If the `#…` belongs to the value, quote the whole value: `title: "Sổ tay #1 an toàn"`; if it is a comment, put it on a line of its own.',
    ),
    {
        "": (
            'giá trị bị cắt ở dấu " #": YAML coi {comment!r} là chú thích nên chỉ đọc {value!r}; nếu đó là một phần của giá trị, đặt cả giá trị trong ngoặc kép: "{value} {comment}"',
            'the value is cut at " #": YAML reads {comment!r} as a comment and keeps only {value!r}; if it belongs to the value, quote the whole value: "{value} {comment}"',
        )
    },
    {"value": "Sổ tay", "comment": "#1 an toàn"},
)
_entry(
    "truong-lap-lai",
    "duplicate-key",
    ("Trường khai báo hai lần", "Field given twice"),
    (
        "Một trường được khai báo hai lần trong cùng một hồ sơ; nếu để nguyên, giá trị sau sẽ ghi đè giá trị trước mà không ai hay.",
        "A field is given twice in one record; the second value would silently replace the first.",
    ),
    ("Giữ lại một dòng đúng, xóa dòng còn lại.", "Keep the right line and delete the other."),
    {
        "": (
            "trường {key!r} đã có ở dòng {first_line}; mỗi trường chỉ được ghi một lần",
            "duplicate key {key!r} (first defined at line {first_line})",
        )
    },
    {"key": "title", "first_line": 2},
)
_entry(
    "khong-phai-cac-truong",
    "not-a-mapping",
    ("Không có dạng “trường: giá trị”", "Not a set of fields"),
    (
        "Nội dung tệp không có dạng “tên trường: giá trị”.",
        "The file does not hold “field: value” lines.",
    ),
    (
        "Mỗi dòng cấp ngoài cùng phải là `tên_trường: giá trị`; xem mẫu bằng `showcase new`.",
        "Each top-level line must be `field: value`; see a file made by `showcase new`.",
    ),
    {
        "list": (
            "hồ sơ phải gồm các dòng “tên trường: giá trị”, không phải một danh sách",
            "a record must be a mapping of fields (key: value), not a list",
        ),
        "value": (
            "hồ sơ phải gồm các dòng “tên trường: giá trị”, không phải một giá trị đơn lẻ",
            "a record must be a mapping of fields (key: value), not a single value",
        ),
        "page-list": (
            "phần khai báo của trang phải gồm các dòng “tên trường: giá trị”, không phải một danh sách",
            "the front matter of a page must be a mapping of fields (key: value), not a list",
        ),
        "page-value": (
            "phần khai báo của trang phải gồm các dòng “tên trường: giá trị”, không phải một giá trị đơn lẻ",
            "the front matter of a page must be a mapping of fields (key: value), not a single value",
        ),
    },
    example_variant="list",
)
_entry(
    "nhieu-tai-lieu",
    "multiple-documents",
    ("Nhiều tài liệu trong một tệp", "Several documents in one file"),
    (
        "Tệp chứa nhiều tài liệu YAML (ngăn cách bởi `---`).",
        "The file holds several YAML documents (separated by `---`).",
    ),
    (
        "Mỗi hồ sơ một tệp: tách phần sau dấu `---` ra tệp mới.",
        "One record a file: move what follows `---` to a new file.",
    ),
    {
        "": (
            "tệp chứa {count} tài liệu YAML (ngăn cách bởi ---); mỗi tệp chỉ ghi một hồ sơ",
            "file holds {count} YAML documents; put one record in each file",
        )
    },
    {"count": 2},
)
_entry(
    "gioi-han-tham-chieu-yaml",
    "alias-limit",
    ("Quá nhiều tham chiếu YAML", "Too many YAML aliases"),
    (
        "Tệp dùng quá nhiều tham chiếu YAML (`&` và `*`), có thể là tệp độc hại nhằm làm treo máy.",
        "The file uses too many YAML anchors and aliases (`&`, `*`); it may be meant to hang the tools.",
    ),
    (
        "Viết trực tiếp các giá trị thay vì dùng `&`/`*`.",
        "Write the values out instead of using `&`/`*`.",
    ),
    {
        "": (
            "tệp dùng quá {limit} tham chiếu YAML (& và *); hãy viết trực tiếp các giá trị",
            "too many YAML aliases (over {limit}); anchors and aliases are limited",
        ),
        "expand": (
            "các tham chiếu YAML (& và *) làm tệp nở ra hơn {limit:,} giá trị; hãy viết trực tiếp các giá trị",
            "document expands to more than {limit:,} values; anchors and aliases are limited",
        ),
    },
    {"limit": 100},
)
_entry(
    "the-yaml",
    "unsupported-tag",
    ("Thẻ YAML không được hỗ trợ", "YAML tag not allowed"),
    (
        "Tệp dùng thẻ YAML đặc biệt (bắt đầu bằng `!`) hoặc khóa gộp `<<`, không được hỗ trợ.",
        "The file uses a YAML tag (starting with `!`) or a merge key `<<`, which are not allowed.",
    ),
    ("Xóa thẻ, chỉ ghi giá trị thông thường.", "Remove the tag and write a plain value."),
    {
        "": (
            "không được dùng thẻ YAML {tag!r}; chỉ ghi giá trị thông thường",
            "YAML tag {tag!r} is not allowed",
        ),
        "merge": (
            "không được dùng khóa gộp YAML ('<<'); hãy viết đủ các trường",
            "YAML merge keys ('<<') are not allowed; write the fields out",
        ),
    },
    {"tag": "!!python/object"},
)
_entry(
    "ten-truong-khong-phai-chu",
    "non-string-key",
    ("Tên trường không phải chữ", "Field name is not text"),
    ("Tên trường phải là chữ.", "Field names must be text."),
    (
        "Sửa lại tên trường theo hướng dẫn các trường bên dưới.",
        "Write the field's name as listed in the field reference.",
    ),
    {
        "": (
            "tên trường phải là chữ, không phải danh sách hay nhóm trường",
            "keys must be field names (text), not a list or mapping",
        )
    },
)
_entry(
    "long-qua-sau",
    "too-deep",
    ("Lồng nhau quá sâu", "Nested too deep"),
    (
        "Tệp có danh sách hoặc nhóm trường lồng vào nhau quá nhiều cấp. Hồ sơ thật chỉ cần vài cấp, nên đây là lỗi thụt lề, dấu ngoặc `[` `{` không đóng, hoặc tệp cố ý làm treo công cụ.",
        "Lists or groups of fields are nested too deep. Real records need a few levels, so this is an indentation mistake, an unclosed `[` `{`, or a file meant to hang the tools.",
    ),
    (
        "Kiểm tra thụt lề (mỗi cấp 2 dấu cách) và các dấu ngoặc `[` `{` từ dòng được báo; so với mẫu tạo bằng `showcase new`.",
        "Check the indentation (2 spaces a level) and the `[` `{` from the line shown; compare with a file made by `showcase new`.",
    ),
    {
        "": (
            "dữ liệu lồng nhau quá {limit} cấp (danh sách trong danh sách, nhóm trường trong nhóm trường); một hồ sơ chỉ cần vài cấp: kiểm tra thụt lề và các dấu ngoặc [ {{",
            "values are nested more than {limit} levels deep (lists in lists, fields in fields); a record needs a few: check the indentation and the brackets [ {{",
        )
    },
    {"limit": 32},
)
_entry(
    "qua-nhieu-gia-tri",
    "too-many-values",
    ("Quá nhiều giá trị", "Too many values"),
    (
        "Tệp chứa quá nhiều giá trị cho một hồ sơ (ví dụ danh sách khen thưởng hàng chục nghìn người trong một tệp).",
        "The file holds too many values for one record (an award list of tens of thousands of people, say).",
    ),
    (
        "Tách thành nhiều tệp, ví dụ mỗi quyết định khen thưởng một tệp. Danh sách vài nghìn người vẫn đọc được bình thường.",
        "Split it, one award decision a file; lists of a few thousand people are fine.",
    ),
    {
        "": (
            "tệp có hơn {limit:,} giá trị; một hồ sơ không cần nhiều như vậy: tách danh sách thành nhiều tệp (ví dụ mỗi quyết định khen thưởng một tệp)",
            "file holds more than {limit:,} values; a record needs far fewer: split the list into several files (one award decision a file)",
        )
    },
    {"limit": 50000},
)
_entry(
    "khong-phai-tep-thuong",
    "not-regular-file",
    ("Không phải tệp thường", "Not a regular file"),
    (
        "Trong thư mục `content/` có liên kết tượng trưng (symlink), tệp thiết bị, ống dẫn (FIFO), socket, hoặc một thư mục mang tên như tệp hồ sơ (`x.yml`, `x.md`). Công cụ không đọc, không sao chép các mục này, để không ai có thể đưa tệp của máy chủ (như `/etc/passwd`) lên trang web qua một liên kết.",
        "`content/` holds a symbolic link, a device, a FIFO, a socket, or a folder named like a record (`x.yml`, `x.md`). The tools neither read nor copy them, so that no link can publish a file of the server.",
    ),
    (
        "Thay liên kết bằng chính tệp (chép nội dung vào), xóa tệp đặc biệt, hoặc đổi tên thư mục cho không kết thúc bằng `.yml`/`.md`.",
        "Replace the link with the file itself, delete the special file, or rename the folder.",
    ),
    {
        "symlink": (
            "đây là một liên kết tượng trưng (symlink) trỏ ra chỗ khác; thư mục nội dung chỉ được chứa tệp thường và thư mục thường, nên mục này bị bỏ qua, không được đọc hay sao chép",
            "this is a symbolic link; the content folder may hold only regular files and folders, so it is skipped, never read nor copied",
        ),
        "folder": (
            "đây là một thư mục nhưng lại mang tên như tệp hồ sơ ({name}); thư mục nội dung chỉ được chứa tệp thường và thư mục thường, nên mục này bị bỏ qua, không được đọc hay sao chép",
            "this is a folder named like a record file ({name}); the content folder may hold only regular files and folders, so it is skipped, never read nor copied",
        ),
        "fifo": (
            "đây là một ống dẫn (FIFO), không phải tệp thường; thư mục nội dung chỉ được chứa tệp thường và thư mục thường, nên mục này bị bỏ qua, không được đọc hay sao chép",
            "this is a FIFO, not a regular file; the content folder may hold only regular files and folders, so it is skipped, never read nor copied",
        ),
        "socket": (
            "đây là một socket, không phải tệp thường; thư mục nội dung chỉ được chứa tệp thường và thư mục thường, nên mục này bị bỏ qua",
            "this is a socket, not a regular file; the content folder may hold only regular files and folders, so it is skipped",
        ),
        "device": (
            "đây là một tệp thiết bị, không phải tệp thường; thư mục nội dung chỉ được chứa tệp thường và thư mục thường, nên mục này bị bỏ qua",
            "this is a device file, not a regular file; the content folder may hold only regular files and folders, so it is skipped",
        ),
        "other": (
            "đây không phải tệp thường; thư mục nội dung chỉ được chứa tệp thường và thư mục thường, nên mục này bị bỏ qua",
            "this is not a regular file; the content folder may hold only regular files and folders, so it is skipped",
        ),
        "folder-unreadable": (
            "không đọc được thư mục ({reason}); mục này bị bỏ qua",
            "cannot read the folder ({reason}); it is skipped",
        ),
        "unreadable": (
            "không đọc được mục này ({reason}); mục này bị bỏ qua",
            "cannot read this entry ({reason}); it is skipped",
        ),
    },
    example_variant="symlink",
)
_entry(
    "khong-doc-duoc",
    "unknown-file",
    ("Không đọc được", "Cannot read"),
    (
        "Không tìm thấy thư mục nội dung, hoặc hệ điều hành không cho đọc tệp (quyền truy cập, tệp đang bị khóa).",
        "The content folder is not there, or the system does not let the file be read (permissions, a locked file).",
    ),
    (
        "Kiểm tra đường dẫn đã gõ (thư mục nội dung thường là `content/`, hoặc dùng `--content`); kiểm tra quyền đọc tệp.",
        "Check the path typed (the content folder is usually `content/`; see `--content`) and the file's permissions.",
    ),
    {
        "": ("không đọc được tệp: {reason}", "cannot read file: {reason}"),
        "no-folder": (
            "không tìm thấy thư mục nội dung (thư mục chứa site.yml và taxonomies.yml)",
            "content folder not found (the folder holding site.yml and taxonomies.yml)",
        ),
        "no-path": (
            "không có tệp hay thư mục này",
            "no such file or folder",
        ),
    },
    {"reason": "Permission denied"},
)
_entry(
    "phan-khai-bao",
    "front-matter",
    ("Phần khai báo của trang viết tay", "Front matter of a hand-written page"),
    (
        "Phần khai báo (front matter) của trang viết tay (`content/pages/*.md`) nằm giữa hai dòng `---` ở đầu tệp; nó thiếu dòng đóng, hoặc trang không có tiêu đề.",
        "The front matter of a hand-written page (`content/pages/*.md`) sits between two `---` lines at the top; the closing line is missing, or the page has no title.",
    ),
    (
        "Viết ở đầu tệp: dòng `---`, dòng `title: Tiêu đề trang` (có thể thêm `description:`, `hide:`), rồi dòng `---`; nội dung Markdown viết sau đó.",
        "Start the file with `---`, then `title: Page title` (and `description:`, `hide:` if needed), then `---`; the Markdown follows.",
    ),
    {
        "unclosed": (
            "phần khai báo (front matter) mở bằng --- ở dòng 1 nhưng không có dòng --- đóng lại; thêm một dòng chỉ có --- sau dòng khai báo cuối cùng",
            "the front matter opens with --- on line 1 but is never closed; add a line holding only --- after its last line",
        ),
        "no-title": (
            "trang không có tiêu đề: thêm title: Tiêu đề trang vào phần khai báo giữa hai dòng --- ở đầu tệp, hoặc mở đầu nội dung bằng dòng # Tiêu đề",
            "the page has no title: add title: Page title to the front matter between the --- lines at the top, or start the text with a # Title line",
        ),
    },
    example_variant="unclosed",
)
_entry(
    "ky-tu-vo-hinh",
    "invisible-char",
    ("Ký tự vô hình đã được xóa", "Invisible characters removed"),
    (
        "Giá trị có ký tự không nhìn thấy (khoảng trắng rộng 0, dấu hướng chữ, ký tự điều khiển), thường lẫn vào khi dán chữ từ PDF, Word hoặc ứng dụng nhắn tin. Công cụ đã tự xóa chúng vì chúng làm sai tìm kiếm và so sánh tên.",
        "The value holds characters nobody sees (zero-width spaces, direction marks, control characters), usually pasted from a PDF, Word or a chat app. They were removed, since they spoil search and name comparison.",
    ),
    (
        "Không bắt buộc sửa; nên xóa ký tự trong tệp để tệp khớp với nội dung được công bố (trong VS Code, bật “Render Control Characters” để thấy chúng).",
        "Nothing to do; better delete them from the file so it matches what is published (VS Code: “Render Control Characters”).",
    ),
    {
        "": (
            "đã xóa {count} ký tự vô hình hoặc ký tự điều khiển ({chars}) khỏi giá trị; chúng không hiện trên màn hình nhưng làm sai việc tìm kiếm và so sánh (thường do dán chữ từ PDF, Word hoặc ứng dụng nhắn tin)",
            "removed {count} invisible or control character(s) ({chars}) from the value; they do not show on screen but spoil search and comparison (usually pasted from a PDF, Word or a chat app)",
        ),
        "key": (
            "đã xóa {count} ký tự vô hình hoặc ký tự điều khiển ({chars}) khỏi tên trường {key!r}; chúng không hiện trên màn hình nhưng làm sai việc tìm kiếm và so sánh (thường do dán chữ từ PDF, Word hoặc ứng dụng nhắn tin)",
            "removed {count} invisible or control character(s) ({chars}) from the field name {key!r}; they do not show on screen but spoil search and comparison",
        ),
        "page": (
            "đã xóa {count} ký tự vô hình hoặc ký tự điều khiển ({chars}) khỏi nội dung trang; chúng không hiện trên màn hình nhưng làm sai việc tìm kiếm",
            "removed {count} invisible or control character(s) ({chars}) from the page's text; they do not show on screen but spoil search",
        ),
    },
    {"count": 1, "chars": "U+200B ZERO WIDTH SPACE"},
)
_entry(
    "ky-tu-dao-chieu",
    "bidi-control",
    ("Ký tự đảo chiều chữ", "Text-direction control"),
    (
        "Giá trị có ký tự điều khiển hướng chữ (U+202A–202E, U+2066–2069). Ký tự này đảo thứ tự các chữ khi hiển thị, nên chữ thấy trên màn hình khác với chữ thật sự trong tệp; đây là một cách đánh lừa người duyệt. Công cụ không tự xóa vì không biết thứ tự nào là đúng.",
        "The value holds a text-direction control (U+202A–202E, U+2066–2069). It reorders the characters on screen, so what a reviewer sees is not what the file says; the tools do not remove it, not knowing which order is meant.",
    ),
    (
        "Xóa ký tự này (trong VS Code, bật “Render Control Characters” để thấy nó) rồi gõ lại đoạn chữ cho đúng thứ tự.",
        "Delete it (VS Code: “Render Control Characters”) and retype the text in the right order.",
    ),
    {
        "": (
            "giá trị có ký tự điều khiển hướng chữ {chars}: nó đảo thứ tự chữ khi hiển thị, nên chữ thấy trên màn hình khác với chữ sẽ được công bố; công cụ không tự xóa vì không biết thứ tự nào là đúng: xóa ký tự này rồi gõ lại đoạn chữ cho đúng",
            "the value holds the text-direction control {chars}: it reorders the text on screen, so what you see is not what would be published; remove it and retype the text in the right order",
        ),
        "key": (
            "tên trường {key!r} có ký tự điều khiển hướng chữ {chars}: nó đảo thứ tự chữ khi hiển thị, nên chữ thấy trên màn hình khác với chữ sẽ được công bố; công cụ không tự xóa vì không biết thứ tự nào là đúng: xóa ký tự này rồi gõ lại đoạn chữ cho đúng",
            "the field name {key!r} holds the text-direction control {chars}: it reorders the text on screen; remove it and retype the name",
        ),
        "page": (
            "nội dung trang có ký tự điều khiển hướng chữ {chars}: nó đảo thứ tự chữ khi hiển thị, nên chữ thấy trên màn hình khác với chữ sẽ được công bố; xóa ký tự này rồi gõ lại đoạn chữ cho đúng",
            "the page's text holds the text-direction control {chars}: it reorders the text on screen; remove it and retype the text in the right order",
        ),
    },
    {"chars": "U+202E RIGHT-TO-LEFT OVERRIDE"},
)
_entry(
    "cach-viet-so",
    "number-notation",
    ("Số viết theo cách YAML hiểu khác", "Number YAML reads differently"),
    (
        "Số được viết theo cách YAML hiểu khác với thông thường (chữ số 0 ở đầu, dấu gạch dưới `1_000`, tiền tố `0x`, dạng giờ `12:30:00`). Thông báo nói rõ số đã được đọc thành bao nhiêu.",
        "The number is written in a way YAML reads unusually (a leading 0, `1_000`, `0x`, `12:30:00`); the message says what was read.",
    ),
    (
        "Viết số bằng chữ số thường, không có chữ số 0 ở đầu, không dấu cách, dấu chấm, dấu gạch dưới: `benefit_vnd: 1000000`.",
        "Write plain digits without a leading 0, spaces, dots or underscores: `benefit_vnd: 1000000`.",
    ),
    {
        "leading-zero": (
            "số {source} có chữ số 0 ở đầu; được đọc là {number} (YAML cũ đọc thành {octal} theo hệ bát phân); nên viết {number}",
            "the number {source} has a leading 0; it is read as {number} (old YAML reads it as the octal {octal}); write {number}",
        ),
        "notation": (
            "YAML đọc {source!r} thành số {number}; nếu đúng ý, hãy viết {number} bằng chữ số thường (không dấu gạch dưới, dấu hai chấm hay tiền tố 0x, 0o)",
            "YAML reads {source!r} as the number {number}; if that is meant, write {number} with plain digits (no underscores, colons, 0x or 0o)",
        ),
    },
    {"source": "0123", "number": 123, "octal": 83},
    example_variant="leading-zero",
)
_entry(
    "du-lieu-ca-nhan",
    "personal-data",
    ("Có thể là dữ liệu cá nhân", "May be personal data"),
    (
        "Trong văn bản tự do (tóm tắt, thành tích, mô tả…) có chuỗi giống số điện thoại, địa chỉ email hoặc số CMND/CCCD. Dữ liệu cá nhân không được công bố trên trang.",
        "Free text (summary, citation, description…) holds what looks like a phone number, an e-mail address or an ID number; personal data is never published.",
    ),
    (
        "Nếu đó là thông tin của một người, xóa khỏi tệp. Nếu là thông tin công khai của cơ quan (đường dây nóng, email của ban biên tập), có thể bỏ qua cảnh báo.",
        "Remove it if it belongs to a person; a public number of an organisation (a hotline, the editors' address) may stay.",
    ),
    {
        "": (
            "có thể là dữ liệu cá nhân: {found}; nếu đây là thông tin của một người, hãy xóa khỏi tệp (dữ liệu cá nhân không được công bố); nếu là thông tin công khai của cơ quan thì bỏ qua cảnh báo này",
            "may be personal data: {found}; if it belongs to a person, remove it (personal data is never published); if it is an organisation's public contact, ignore this warning",
        )
    },
    {"found": "số điện thoại 091…78"},
)
_entry(
    "ngay-kho-tin",
    "unlikely-date",
    ("Ngày khó tin", "Unlikely date"),
    (
        "Ngày quá xa trong quá khứ (trước năm 1945) hoặc sau hôm nay hơn một năm, thường do gõ nhầm năm.",
        "The date is before 1945 or more than a year from today, usually a mistyped year.",
    ),
    (
        "Kiểm tra lại ngày; nếu ngày đúng (ví dụ kế hoạch nhiều năm) thì bỏ qua cảnh báo.",
        "Check the date; if it is right (a plan over several years), ignore the warning.",
    ),
    {
        "early": (
            "ngày {date} trước năm {year}: có lẽ năm bị gõ nhầm; kiểm tra lại",
            "the date {date} is before {year}: the year may be mistyped; check it",
        ),
        "late": (
            "ngày {date} sau hôm nay hơn một năm: có lẽ năm bị gõ nhầm; kiểm tra lại",
            "the date {date} is more than a year from today: the year may be mistyped; check it",
        ),
    },
    {"date": dt.date(1, 1, 1), "year": 1945},
    example_variant="early",
)

_entry(
    "anh-khong-doc-duoc",
    "image-unreadable",
    ("Ảnh không dùng được", "Image cannot be used"),
    (
        "Tệp ảnh mà hồ sơ khai báo không dùng được: hỏng, lưu dở, không phải ảnh JPEG, PNG, WebP, GIF, SVG, hoặc là SVG có mã chạy được (lỗi này do lệnh `showcase build` báo, khi xử lý ảnh).",
        "An image a record names cannot be used: it is damaged, half saved, not a JPEG, PNG, WebP, GIF or SVG image, or an SVG with code in it (reported by `showcase build`, when it processes images).",
    ),
    (
        "Mở ảnh trên máy để kiểm tra, xuất lại dưới dạng JPEG hoặc PNG rồi chép đè vào `content/media/`.",
        "Open the image on your computer, export it again as JPEG or PNG and copy it over the one in `content/media/`.",
    ),
    {
        "not-image": (
            "{file}: tệp không phải ảnh JPEG, PNG, WebP, GIF hay SVG",
            "{file}: file is not a JPEG, PNG, WebP, GIF or SVG image",
        ),
        "damaged": (
            "{file}: tệp ảnh bị hỏng hoặc lưu dở ({error})",
            "{file}: image file is damaged or truncated ({error})",
        ),
        "read": (
            "{file}: không đọc được tệp ảnh: {reason}",
            "{file}: cannot read image file: {reason}",
        ),
        "symlink": (
            "{file}: tệp ảnh là liên kết tượng trưng; đặt chính tệp ảnh vào content/media/",
            "{file}: image file is a symbolic link; put the file itself in content/media/",
        ),
        "svg-doctype": (
            "{file}: tệp SVG khai báo DOCTYPE hoặc thực thể (entity); lưu lại tệp không có chúng",
            "{file}: SVG file declares a DOCTYPE or entities; save it without them",
        ),
        "svg-xml": (
            "{file}: tệp SVG không phải XML hợp lệ: {detail}",
            "{file}: SVG file is not well-formed XML: {detail}",
        ),
        "svg-script": (
            "{file}: tệp SVG có mã script hoặc thuộc tính sự kiện (on…); xóa phần đó",
            "{file}: SVG file contains a script or an event handler; remove it",
        ),
        "svg-javascript": (
            "{file}: tệp SVG có liên kết javascript:; xóa liên kết đó",
            "{file}: SVG file contains a javascript: link; remove it",
        ),
        "svg-size": (
            "{file}: tệp SVG không có kích thước: thêm viewBox, hoặc width và height tính bằng điểm ảnh",
            "{file}: SVG file has no size: give it a viewBox or width and height in pixels",
        ),
    },
    {"file": "media/anh.jpg"},
    example_variant="not-image",
)
_entry(
    "anh-qua-lon",
    "image-too-large",
    ("Ảnh quá lớn", "Image too large"),
    (
        "Ảnh quá lớn (dung lượng trên 40 MB hoặc trên 60 triệu điểm ảnh) nên không được xử lý.",
        "The image is too large (over 40 MB, or over 60 million pixels), so it is not processed.",
    ),
    (
        "Thu nhỏ ảnh (chiều rộng 2.000–4.000 điểm ảnh là đủ cho trang web) rồi chép đè vào `content/media/`.",
        "Scale the image down (2,000–4,000 pixels wide is plenty for the web) and copy it over the one in `content/media/`.",
    ),
    {
        "bytes": (
            "{file}: tệp ảnh nặng {size:,} byte; ảnh tối đa {limit:,} byte",
            "{file}: image file is {size:,} bytes; images are limited to {limit:,} bytes",
        ),
        "pixels": (
            "{file}: ảnh {width}×{height} điểm ảnh; ảnh tối đa {limit:,} điểm ảnh",
            "{file}: image is {width}×{height} pixels; images are limited to {limit:,} pixels",
        ),
        "bomb": (
            "{file}: ảnh có quá nhiều điểm ảnh; ảnh tối đa {limit:,} điểm ảnh",
            "{file}: image has too many pixels; images are limited to {limit:,} pixels",
        ),
    },
    {"file": "media/anh.jpg", "width": 12000, "height": 9000, "limit": 60000000},
    example_variant="pixels",
)

# ---------------------------------------------------------------------------------------
# File names, ids and folders
# ---------------------------------------------------------------------------------------
_GROUP = "ten-tep"

_entry(
    "ma-khong-hop-le",
    "bad-id",
    ("Tên tệp không dùng được làm mã", "File name is not a valid id"),
    (
        "Tên tệp cũng là mã hồ sơ và là một phần địa chỉ trang, nên chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối.",
        "A file's name is the record's id and part of its page's address: lowercase letters without diacritics, digits and hyphens.",
    ),
    (
        "Đổi tên tệp theo gợi ý, ví dụ `so-hoa-ho-so-doan-vien.yml`; nhớ sửa các hồ sơ khác đang tham chiếu mã cũ (và thêm `redirect_from` nếu trang đã được công bố).",
        "Rename the file as suggested; update the records that name the old id (and add `redirect_from` if the page was published).",
    ),
    {
        "file": (
            "tên tệp {id!r} không dùng được làm mã hồ sơ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ {suggestion!r}",
            "file name {id!r} is not a valid id: use lowercase ASCII letters, digits and hyphens, e.g. {suggestion!r}",
        ),
        "reserved": (
            "tên tệp {id!r} trùng với tên trang danh sách; chọn mã khác",
            "file name {id!r} is reserved for listing pages; choose another id",
        ),
        "page": (
            "tên tệp {id!r} không dùng được làm địa chỉ trang: chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ {suggestion!r}",
            "file name {id!r} cannot be a page address: use lowercase ASCII letters, digits and hyphens, e.g. {suggestion!r}",
        ),
        "page-reserved": (
            "tên tệp {id!r} trùng với trang do công cụ tạo ra (trang chủ, trang lỗi); đặt tên khác",
            "file name {id!r} is the name of a page the tools make (home, error page); choose another",
        ),
    },
    {"id": "Nguyen Van An", "suggestion": "nguyen-van-an"},
    example_variant="file",
)
_entry(
    "trung-ma",
    "duplicate-id",
    ("Trùng mã hồ sơ", "Id used twice"),
    ("Hai hồ sơ cùng loại có cùng mã.", "Two records of one kind have the same id."),
    (
        "Đổi tên một trong hai tệp (ví dụ thêm tên đơn vị: `nguyen-van-a-dien-luc`).",
        "Rename one of the files (add the unit's name, say: `nguyen-van-a-dien-luc`).",
    ),
    {
        "": (
            "mã {id!r} đã được dùng cho {other}",
            "id {id!r} is already used by {other}",
        )
    },
    {"id": "nguyen-van-a", "other": "content/people/nguyen-van-a.yml"},
)
_entry(
    "trung-dia-chi-trang",
    "page-collision",
    ("Trang viết tay trùng địa chỉ", "Hand-written page address taken"),
    (
        "Trang viết tay (`content/pages/*.md`) có địa chỉ trùng với một trang do công cụ tạo ra (danh sách, thống kê, tra cứu…).",
        "A hand-written page has the address of a page the tools make (a listing, statistics, search…).",
    ),
    ("Đổi tên tệp của trang viết tay.", "Rename the hand-written page's file."),
    {
        "": (
            "trang {id!r} trùng địa chỉ với một trang do công cụ tạo ra (/{id}/); đổi tên tệp",
            "page {id!r} has the address of a generated page (/{id}/); rename the file",
        )
    },
    {"id": "thong-ke"},
)
_entry(
    "sai-vi-tri",
    "bad-location",
    ("Tệp đặt sai thư mục", "File in the wrong folder"),
    ("Tệp được đặt sai thư mục.", "The file is in the wrong folder."),
    (
        "Chuyển tệp vào đúng thư mục của loại hồ sơ (sáng kiến đặt trong thư mục năm, ví dụ `content/initiatives/2022/`).",
        "Move it into its kind's folder (initiatives go into a year folder such as `content/initiatives/2022/`).",
    ),
    {
        "year": (
            "hồ sơ {folder} phải đặt trong content/{folder}/<năm>/<mã>.yml",
            "{folder} must be stored as content/{folder}/<year>/<id>.yml",
        ),
        "flat": (
            "hồ sơ {folder} phải đặt ngay trong content/{folder}/",
            "{folder} records must be stored directly in content/{folder}/",
        ),
        "year-mismatch": (
            "first_applied là năm {year} nhưng tệp nằm trong initiatives/{folder_year}/; thư mục nên là năm sáng kiến được nộp",
            "first_applied is in {year} but the file is in initiatives/{folder_year}/; the folder should be the year it was filed",
        ),
    },
    {"folder": "initiatives"},
    example_variant="year",
)
_entry(
    "tep-la",
    "unknown-file",
    ("Tệp không thuộc loại hồ sơ nào", "File of no kind"),
    ("Tệp YAML nằm ở chỗ công cụ không đọc.", "A YAML file lies where the tools do not read."),
    (
        "Chuyển tệp vào thư mục đúng loại hồ sơ, hoặc xóa nếu không dùng.",
        "Move it into the folder of its kind, or delete it.",
    ),
    {
        "": (
            "tệp không thuộc loại hồ sơ nào; chỉ đọc site.yml, taxonomies.yml và các tệp trong campaigns/, units/, people/, initiatives/<năm>/, awards/, events/",
            "file is not part of any kind of record; expected site.yml, taxonomies.yml or a file under campaigns/, units/, people/, initiatives/<year>/, awards/, events/",
        )
    },
)

# ---------------------------------------------------------------------------------------
# Fields and values
# ---------------------------------------------------------------------------------------
_GROUP = "truong"

_entry(
    "truong-la",
    "unknown-field",
    ("Trường không có trong mẫu", "Unknown field"),
    (
        "Tên trường không có trong mẫu của loại hồ sơ này (thường do gõ sai).",
        "The record's kind has no field of that name (usually a typing mistake).",
    ),
    (
        "Sửa tên trường theo gợi ý “có phải là …?”, hoặc xem danh sách trường ở hướng dẫn.",
        "Correct the name as suggested, or see the kind's fields in this guide.",
    ),
    {
        "": ("không có trường {name!r}{hint}", "unknown field {name!r}{hint}"),
        "confidential": (
            "confidential nêu trường {name!r}, không có trong mẫu{hint}",
            "confidential names unknown field {name!r}{hint}",
        ),
        "page-theme": (
            "trang viết tay không được chọn {name!r} (mẫu giao diện); mọi trang dùng giao diện chung của trang web: xóa dòng này",
            "a hand-written page cannot choose {name!r} (a template); every page uses the site's look: remove this line",
        ),
    },
    {"name": "titel", "hint": "; có phải là 'title'?"},
)
_entry(
    "thieu-truong",
    "missing-field",
    ("Thiếu trường bắt buộc", "Required field missing"),
    ("Thiếu một trường bắt buộc.", "A required field is missing."),
    (
        "Thêm trường được báo; xem ý nghĩa trường trong phần danh sách trường.",
        "Add the field; see what it means in the field reference.",
    ),
    {
        "": ("thiếu trường bắt buộc {name!r}", "missing required field {name!r}"),
        "empty": (
            "trường bắt buộc {name!r} để trống; cần {expected}",
            "required field {name!r} is empty; expected {expected}",
        ),
        "file": ("thiếu tệp {name}", "{name} is missing"),
    },
    {"name": "title"},
)
_entry(
    "sai-kieu",
    "wrong-type",
    ("Sai kiểu giá trị", "Wrong kind of value"),
    (
        "Giá trị không đúng kiểu: ví dụ chữ ở chỗ cần số, một giá trị ở chỗ cần danh sách.",
        "The value is of the wrong kind: text where a number is expected, one value where a list is expected…",
    ),
    (
        "Ghi lại giá trị theo kiểu được nêu trong thông báo (số viết liền không dấu chấm, danh sách bắt đầu bằng `- `).",
        "Write the value as the message asks (digits only for numbers, lines starting with `- ` for lists).",
    ),
    {
        "": ("cần {expected}, nhưng gặp {got}{hint}", "expected {expected}, got {got}{hint}"),
        "other": ("giá trị không đúng kiểu ({detail})", "wrong kind of value ({detail})"),
    },
    {"expected": "một số nguyên", "got": "'1,5 tỷ'", "hint": ""},
)
_entry(
    "gia-tri-khong-hop-le",
    "bad-value",
    ("Giá trị không hợp lệ", "Value not allowed"),
    (
        "Giá trị nằm ngoài khoảng cho phép (ví dụ số âm, chuỗi rỗng) hoặc không phải một trong các giá trị được phép.",
        "The value is outside what the field allows (a negative number, empty text…) or not one of its values.",
    ),
    ("Sửa giá trị theo yêu cầu trong thông báo.", "Correct the value as the message asks."),
    {
        "ge": (
            "giá trị phải từ {bound} trở lên, nhưng là {got}",
            "value must be {bound} or more, got {got}",
        ),
        "gt": (
            "giá trị phải lớn hơn {bound}, nhưng là {got}",
            "value must be more than {bound}, got {got}",
        ),
        "le": (
            "giá trị phải từ {bound} trở xuống, nhưng là {got}",
            "value must be {bound} or less, got {got}",
        ),
        "lt": (
            "giá trị phải nhỏ hơn {bound}, nhưng là {got}",
            "value must be less than {bound}, got {got}",
        ),
        "digits": (
            "số có {digits} chữ số, quá lớn cho trường này",
            "the number has {digits} digits, too many for this field",
        ),
        "finite": (
            "cần một số thật, không phải {got} (.nan, .inf không phải số đo được)",
            "expected a real number, not {got} (.nan and .inf measure nothing)",
        ),
        "too-long": (
            "văn bản dài {length} ký tự; tối đa {limit} ký tự",
            "the text is {length} characters long; at most {limit}",
        ),
        "empty-list": (
            "danh sách không được để trống; ghi ít nhất một mục",
            "list must not be empty; give at least one item",
        ),
        "empty": ("giá trị không được để trống", "value must not be empty"),
        "literal": (
            "cần một trong {choices:or}, nhưng gặp {got}",
            "expected one of {choices:or}, got {got}",
        ),
        "whole-number": (
            "cần một số nguyên viết liền bằng chữ số, nhưng gặp {got}: trong YAML dấu '.' và ',' không phải dấu phân cách hàng nghìn (viết 162000000, không viết 162.000.000)",
            "expected a whole number written with digits only, got {got}: '.' and ',' are not thousands separators in YAML (write 162000000, not 162.000.000)",
        ),
        "figure-whole": (
            "số liệu này là {what}: cần một số nguyên viết liền bằng chữ số, nhưng gặp {got}; trong YAML dấu '.' và ',' không phải dấu phân cách hàng nghìn (viết 170324, không viết 170.324)",
            "this figure is {what}: expected a whole number written with digits only, got {got}; '.' and ',' are not thousands separators in YAML (write 170324, not 170.324)",
        ),
        "phase-twice": (
            "mã giai đoạn {key!r} được dùng hai lần",
            "phase key {key!r} is used twice",
        ),
        "id": (
            "{value!r} không phải mã hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ {suggestion!r}",
            "{value!r} is not a valid id: use lowercase ASCII letters, digits and hyphens, e.g. {suggestion!r}",
        ),
        "other": ("giá trị không hợp lệ ({detail})", "value not allowed ({detail})"),
    },
    {"bound": 0, "got": "-5000000"},
    example_variant="ge",
)
_entry(
    "sai-dinh-dang-ngay",
    "bad-date",
    ("Ngày viết sai định dạng", "Date in a wrong form"),
    (
        "Ngày không viết theo một trong hai dạng được nhận: `2022-06-29` (năm-tháng-ngày) hoặc `29/6/2022` (ngày/tháng/năm).",
        "The date is in neither accepted form: `2022-06-29` (year-month-day) or `29/6/2022` (day/month/year).",
    ),
    (
        "Ghi ngày dạng `2022-06-29` hoặc `29/6/2022` (không dùng dấu chấm, dấu gạch ngang với ngày/tháng/năm, không ghi chữ “tháng”).",
        "Write `2022-06-29` or `29/6/2022` (no dots, no day-month-year with hyphens, no words).",
    ),
    {
        "": (
            "{value!r} không phải ngày viết đúng dạng; ghi năm-tháng-ngày (2022-06-29) hoặc ngày/tháng/năm (29/6/2022)",
            "{value!r} is not a date in an accepted form; write YYYY-MM-DD (2022-06-29) or D/M/YYYY (29/6/2022)",
        )
    },
    {"value": "15-3-2023"},
)
_entry(
    "ngay-khong-ton-tai",
    "bad-date",
    ("Ngày không tồn tại", "Date does not exist"),
    (
        "Ngày viết đúng dạng nhưng không có trên lịch: ngày 29/2 của năm không nhuận, ngày 31 của tháng 30 ngày, tháng 13…",
        "The date is written in an accepted form but is not on the calendar: 29 February of a common year, the 31st of a 30-day month, month 13…",
    ),
    (
        "Kiểm tra lại ngày và tháng (có thể đã đổi chỗ ngày và tháng, hoặc gõ nhầm năm).",
        "Check the day and the month (they may be swapped, or the year mistyped).",
    ),
    {
        "day": (
            "ngày {value!r} không tồn tại: tháng {month}/{year} chỉ có {days} ngày",
            "the date {value!r} does not exist: {month}/{year} has only {days} days",
        ),
        "month": (
            "ngày {value!r} không tồn tại: không có tháng {month} (tháng từ 1 đến 12)",
            "the date {value!r} does not exist: there is no month {month} (months run 1 to 12)",
        ),
    },
    {"value": "29/02/2023", "month": 2, "year": 2023, "days": 28},
    example_variant="day",
)
_entry(
    "sai-thu-tu-ngay",
    "date-order",
    ("Ngày kết thúc trước ngày bắt đầu", "Ends before it starts"),
    ("Ngày kết thúc sớm hơn ngày bắt đầu.", "The end date is earlier than the start date."),
    (
        "Kiểm tra lại hai ngày; có thể đã đổi chỗ ngày và tháng.",
        "Check both dates; the day and the month may be swapped.",
    ),
    {
        "": (
            "{what} kết thúc ({end}) trước khi bắt đầu ({start})",
            "{what} ends ({end}) before it starts ({start})",
        )
    },
    {"what": "giai đoạn", "start": dt.date(2022, 9, 1), "end": dt.date(2022, 5, 31)},
)
_entry(
    "ngay-tuong-lai",
    "future-date",
    ("Ngày trong tương lai", "Date in the future"),
    (
        "Ngày áp dụng, ngày công nhận hoặc ngày khen thưởng nằm trong tương lai.",
        "A date of first use, of recognition or of an award lies in the future.",
    ),
    (
        "Sửa lại ngày đã diễn ra thực tế.",
        "Write the date it actually happened.",
    ),
    {
        "first-applied": (
            "ngày áp dụng lần đầu {date} nằm trong tương lai",
            "first_applied {date} is in the future",
        ),
        "recognition": (
            "ngày công nhận {date} nằm trong tương lai",
            "recognition date {date} is in the future",
        ),
        "award": (
            "ngày khen thưởng {date} nằm trong tương lai",
            "award date {date} is in the future",
        ),
    },
    {"date": dt.date(2031, 1, 1)},
    example_variant="first-applied",
)
_entry(
    "sai-dia-chi-web",
    "bad-url",
    ("Địa chỉ web không hợp lệ", "Invalid web address"),
    (
        "Trường địa chỉ web (`website`, `url` của nguồn, `repo_url`, `base_url`) phải là địa chỉ đầy đủ bắt đầu bằng `https://` hoặc `http://`, không có dấu cách, dấu nháy, dấu `<` `>` hay cú pháp Markdown.",
        "Web address fields must hold a full address starting with `https://` or `http://`, without spaces, quotes, `<` `>` or Markdown.",
    ),
    (
        "Mở trang trong trình duyệt, sao chép địa chỉ trên thanh địa chỉ và dán vào (ví dụ `https://thanhhoa.gov.vn/tin-tuc`).",
        "Open the page in a browser and copy the address from the address bar.",
    ),
    {
        "": (
            "{value!r} không phải địa chỉ web hợp lệ: {reason}; ghi đầy đủ dạng https://ten-mien.vn/duong-dan",
            "{value!r} is not a valid web address: {reason}; write it in full, like https://ten-mien.vn/duong-dan",
        )
    },
    {
        "value": "javascript:alert(1)",
        "reason": "chỉ nhận địa chỉ http:// hoặc https://, không nhận javascript:",
    },
)
_entry(
    "sai-mau",
    "bad-colour",
    ("Màu giao diện không hợp lệ", "Invalid colour"),
    (
        "Màu giao diện (`palette.primary`, `palette.accent` trong `site.yml`) phải là tên màu tiếng Anh của Material (màu nhấn có ít lựa chọn hơn màu chính) hoặc mã màu 6 chữ số hệ 16.",
        "Theme colours (`palette.primary`, `palette.accent` in `site.yml`) are Material colour names or six-digit hex codes.",
    ),
    (
        'Chọn một tên màu trong danh sách của thông báo, hoặc ghi mã màu trong ngoặc kép: `primary: "#1565c0"` (không có ngoặc kép, phần sau dấu `#` bị YAML coi là chú thích).',
        'Choose a name from the message\'s list, or quote a hex code: `primary: "#1565c0"` (unquoted, YAML reads `#…` as a comment).',
    ),
    {
        "": (
            '{value!r} không phải màu {what} của Material{hint}. Dùng một trong: {choices}; hoặc mã màu dạng "#1565c0" (trong ngoặc kép)',
            '{value!r} is not a Material {what} colour{hint}. Use one of: {choices}; or a hex code such as "#1565c0" (in quotes)',
        ),
        "empty": (
            'màu {what} để trống; mã màu bắt đầu bằng # phải đặt trong ngoặc kép, ví dụ "#1565c0"',
            'the {what} colour is empty; a hex code starting with # must be quoted, e.g. "#1565c0"',
        ),
    },
    {"value": "đỏ", "what": "chính", "hint": "", "choices": "red, pink, indigo"},
)
_entry(
    "sai-ten-nhanh",
    "bad-branch",
    ("Tên nhánh git không hợp lệ", "Invalid git branch"),
    (
        "`edit_branch` trong `site.yml` phải là tên nhánh git hợp lệ, vì nó được ghép vào liên kết “Sửa hồ sơ này” trên mọi trang.",
        "`edit_branch` in `site.yml` must be a valid git branch name: it goes into every page's “edit” link.",
    ),
    (
        "Ghi đúng tên nhánh của kho nội dung, thường là `main`; chỉ dùng chữ cái không dấu, chữ số và `. _ - / +`.",
        "Write the content repository's branch, usually `main`.",
    ),
    {
        "": (
            "{value!r} không phải tên nhánh git hợp lệ: {reason}",
            "{value!r} is not a valid git branch name: {reason}",
        )
    },
    {"value": 'main"><svg', "reason": "có ký tự '\"'"},
)
_entry(
    "sai-email",
    "bad-email",
    ("Địa chỉ email không hợp lệ", "Invalid e-mail address"),
    (
        "`contact_email` không có dạng một địa chỉ email.",
        "`contact_email` is not an e-mail address.",
    ),
    (
        "Ghi địa chỉ email công vụ của ban biên tập, dạng `ten@ten-mien.vn`.",
        "Write the editors' official address, like `ten@ten-mien.vn`.",
    ),
    {
        "": (
            "{value!r} không phải địa chỉ email hợp lệ; ghi dạng bientap@ldld.thanhhoa.vn",
            "{value!r} is not a valid e-mail address; write it like bientap@ldld.thanhhoa.vn",
        )
    },
    {"value": "bientap@"},
)
_entry(
    "ty-le-dong-gop",
    "shares-sum",
    ("Tỷ lệ đóng góp không cộng thành 100", "Shares do not add up to 100"),
    (
        "Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%.",
        "The authors' shares must add up to 100%.",
    ),
    (
        "Sửa tỷ lệ `share` của các tác giả cho tổng bằng 100, hoặc bỏ hết `share` nếu không có số liệu.",
        "Correct the `share` values so they add up to 100, or remove them all.",
    ),
    {
        "": (
            "tổng tỷ lệ đóng góp của các tác giả là {total}, không phải 100",
            "author shares add up to {total}, not 100",
        ),
        "partial": (
            "ghi tỷ lệ đóng góp cho mọi tác giả, hoặc không ghi cho ai",
            "give a share for every author, or for none",
        ),
    },
    {"total": "110"},
)
_entry(
    "chon-mot",
    "one-of",
    ("Chọn đúng một cách ghi", "Give exactly one"),
    (
        "Mỗi mục phải chọn đúng một cách ghi (ví dụ người có hồ sơ `person`, hoặc chỉ ghi tên `name`).",
        "Each item takes exactly one of its ways (a person with a record, `person`, or just a name, `name`).",
    ),
    ("Giữ lại một trong các trường được nêu.", "Keep one of the fields named."),
    {
        "": (
            "ghi đúng một trong {fields:or} ({found})",
            "give exactly one of {fields:or} ({found})",
        )
    },
    {"fields": ["'person'", "'name'"], "found": "có cả hai"},
)
_entry(
    "du-lieu-rieng-tu",
    "privacy",
    ("Trường chứa dữ liệu riêng tư", "Private data field"),
    (
        "Dữ liệu cá nhân (ngày sinh, số điện thoại, email, số CCCD/CMND, địa chỉ) không được đưa vào trang công khai.",
        "Personal data (birth date, phone, e-mail, ID number, address) never goes on a public site.",
    ),
    (
        "Xóa trường này khỏi tệp. Thông tin cá nhân lưu ở hồ sơ nội bộ của công đoàn, không lưu trong kho nội dung.",
        "Remove the field; personal data belongs in the union's internal files, not in the content.",
    ),
    {
        "": (
            "trường {key!r} chứa dữ liệu riêng tư và không bao giờ được công bố; xóa trường này",
            "field {key!r} holds private data and is never published; remove it",
        )
    },
    {"key": "phone"},
)
_entry(
    "truong-bao-mat",
    "confidential-field",
    ("Trường không thể đặt bảo mật", "Field cannot be confidential"),
    (
        "Trường bắt buộc (như tên) hoặc trường mô tả chính hồ sơ không thể đưa vào danh sách `confidential`.",
        "A required field (such as the name), or a field about the record itself, cannot be listed in `confidential`.",
    ),
    (
        "Bỏ trường này khỏi `confidential`, hoặc đặt `publish: false` cho cả hồ sơ người.",
        "Remove it from `confidential`, or set `publish: false` on the person.",
    ),
    {
        "required": (
            "{name!r} không thể bảo mật: đây là trường bắt buộc",
            "{name!r} cannot be confidential: it is required",
        ),
        "meta": (
            "{name!r} không thể bảo mật: trường này vốn không được công bố",
            "{name!r} cannot be confidential: it is not published",
        ),
    },
    {"name": "title"},
    example_variant="required",
)
_entry(
    "html-bi-loai-bo",
    "unsafe-markdown",
    ("Mã HTML sẽ bị loại bỏ", "HTML will be removed"),
    (
        "Trường Markdown chứa mã HTML không an toàn (script, style, thuộc tính sự kiện, liên kết `javascript:`); phần đó sẽ bị loại bỏ khi xuất bản.",
        "A Markdown field holds unsafe HTML (script, style, event attributes, `javascript:` links); it is removed when published.",
    ),
    (
        "Xóa mã HTML, chỉ dùng định dạng Markdown (in đậm `**…**`, danh sách `- …`, liên kết `[chữ](https://…)`).",
        "Remove the HTML and use Markdown (`**bold**`, `- lists`, `[links](https://…)`).",
    ),
    {
        "": (
            "Markdown trong {field!r} có mã HTML sẽ bị loại bỏ: {found}",
            "Markdown in {field!r} contains HTML that will be removed: {found}",
        )
    },
    {"field": "description", "found": "<script"},
)

# ---------------------------------------------------------------------------------------
# References between records
# ---------------------------------------------------------------------------------------
_GROUP = "tham-chieu"

_entry(
    "khong-ton-tai",
    "unknown-reference",
    ("Hồ sơ được tham chiếu không tồn tại", "Record referred to does not exist"),
    (
        "Mã hồ sơ được tham chiếu (người, đơn vị, sáng kiến, sự kiện, chương trình) không tồn tại.",
        "The id names no record (person, unit, initiative, event, campaign).",
    ),
    (
        'Sửa mã cho đúng tên tệp của hồ sơ (không có `.yml`), hoặc tạo hồ sơ đó bằng `showcase new`. Với người không có hồ sơ riêng, ghi `name: "Họ và tên"`.',
        'Correct the id to the record\'s file name (without `.yml`), or create it with `showcase new`; for a person without a record write `name: "Full name"`.',
    ),
    {
        "": ("không có {kind} nào mã {id!r}{hint}", "unknown {kind} {id!r}{hint}"),
        "phase": (
            "chương trình {campaign!r} không có giai đoạn {key!r}{hint}",
            "unknown phase {key!r} of campaign {campaign!r}{hint}",
        ),
        "phase-needs-campaign": (
            "giai đoạn {key!r} cần ghi kèm chương trình (campaign)",
            "phase {key!r} needs a campaign",
        ),
        "event-phase": (
            "giai đoạn {key!r} cần sự kiện có ghi chương trình (campaign)",
            "phase {key!r} needs a campaign on the event",
        ),
        "figure": (
            "{kind} {owner!r} không có số liệu {figure!r}{hint}",
            "unknown figure {figure!r} of {kind} {owner!r}{hint}",
        ),
    },
    {"kind": "người", "id": "le-van-a", "hint": ""},
)
_entry(
    "khong-co-trong-danh-muc",
    "unknown-term",
    ("Mã không có trong danh mục", "Code not in the vocabulary"),
    (
        "Giá trị phải là một mã trong danh mục `content/taxonomies.yml` (lĩnh vực, loại sáng kiến, hình thức khen thưởng, cấp công nhận, loại đơn vị, tình trạng). Mã là chữ thường không dấu nối bằng gạch ngang, khác với tên hiển thị: tình trạng “Hợp lệ” có mã `hop-le`.",
        "The value must be a code of a vocabulary in `content/taxonomies.yml`. A code is not the name shown: the status “Hợp lệ” has the code `hop-le`.",
    ),
    (
        "Ghi mã được gợi ý (hoặc một mã trong danh sách của thông báo); muốn thêm mục mới thì bổ sung vào `taxonomies.yml`. Trong VS Code, gõ vài chữ đầu rồi chọn mã trong danh sách gợi ý.",
        "Write the suggested code (or one from the message's list); add a new entry to `taxonomies.yml` if needed. VS Code completes the codes.",
    ),
    {
        "": (
            "{value!r} không có trong danh mục {vocab} ({list_name} của taxonomies.yml){hint}",
            "{value!r} is not a code of the {vocab} vocabulary ({list_name} in taxonomies.yml){hint}",
        ),
        "name": (
            "{value!r} là tên hiển thị của mục {code!r} trong danh mục {vocab}; ghi mã: {code}",
            "{value!r} is the name of the entry {code!r} of the {vocab} vocabulary; write its code: {code}",
        ),
    },
    {
        "value": "dien-nag",
        "vocab": "lĩnh vực",
        "list_name": "fields",
        "hint": "; có phải là 'dien-nang'?",
    },
)
_entry(
    "vong-lap",
    "reference-cycle",
    ("Đơn vị cấp trên tạo vòng lặp", "Parent units form a loop"),
    ("Đơn vị cấp trên tạo thành vòng lặp.", "The chain of parent units loops."),
    ("Kiểm tra trường `parent` của các đơn vị được nêu.", "Check the `parent` of the units named."),
    {
        "": (
            "đơn vị {id!r} là cấp trên của chính nó qua parent: {cycle}",
            "unit {id!r} is its own ancestor through parent: {cycle}",
        )
    },
    {"id": "a", "cycle": "a → b → a"},
)
_entry(
    "thieu-anh",
    "missing-media",
    ("Không thấy ảnh", "Image not found"),
    (
        "Ảnh được khai báo không có trong thư mục `content/media/`.",
        "The image named is not in `content/media/`.",
    ),
    (
        "Chép ảnh vào `content/media/` và ghi đường dẫn dạng `media/ten-anh.jpg`.",
        "Copy the picture into `content/media/` and write `media/name.jpg`.",
    ),
    {
        "": (
            "không thấy ảnh {value!r} trong content/",
            "image {value!r} not found under content/",
        ),
        "web": (
            "ảnh {value!r} phải là tệp trong content/media/, không phải địa chỉ web",
            "image {value!r} must be a file under content/media/, not a web address",
        ),
    },
    {"value": "media/anh.jpg"},
)
_entry(
    "trung-chuyen-huong",
    "redirect-clash",
    ("Mã cũ bị trùng", "Old id clashes"),
    (
        "Mã cũ khai báo trong `redirect_from` trùng với mã đang dùng hoặc với một chuyển hướng khác.",
        "An old id in `redirect_from` is an id in use, or another record's old id.",
    ),
    ("Bỏ mã cũ bị trùng khỏi `redirect_from`.", "Remove it from `redirect_from`."),
    {
        "id": (
            "mã cũ {old!r} trong redirect_from trùng với mã của một hồ sơ khác",
            "redirect_from {old!r} clashes with the id of another record",
        ),
        "claimed": (
            "mã cũ {old!r} trong redirect_from đã thuộc về {owner!r}",
            "redirect_from {old!r} is already claimed by {owner!r}",
        ),
    },
    {"old": "cu"},
    example_variant="id",
)

# ---------------------------------------------------------------------------------------
# Importing award lists
# ---------------------------------------------------------------------------------------
_GROUP = "nhap"

_entry(
    "nhap-khong-thay-tieu-de",
    "import-no-header",
    ("Không thấy dòng tiêu đề cột", "No header row"),
    ("Không tìm thấy dòng tiêu đề cột trong bảng tính.", "No row of column headings was found."),
    (
        "Bảng cần có một dòng tiêu đề với các cột như STT, Họ và tên, Chức vụ, Đơn vị, Thành tích.",
        "The table needs a heading row with columns such as STT, Họ và tên, Chức vụ, Đơn vị, Thành tích.",
    ),
    {
        "": (
            "không tìm thấy dòng tiêu đề cột: cần các cột như 'STT', 'Họ và tên', 'Đơn vị'",
            "no header row found: expected columns such as 'STT', 'Họ và tên', 'Đơn vị'",
        )
    },
)
_entry(
    "nhap-cot-ca-nhan",
    "import-private-column",
    ("Cột dữ liệu cá nhân bị bỏ qua", "Private column skipped"),
    (
        "Bảng tính có cột dữ liệu cá nhân; cột này bị bỏ qua, không bao giờ được nhập.",
        "The sheet has a column of personal data; it is skipped and never imported.",
    ),
    (
        "Không cần làm gì; nên xóa cột khỏi bảng trước khi lưu vào kho nội dung.",
        "Nothing to do; better remove the column before storing the sheet anywhere.",
    ),
    {
        "": (
            "cột {label!r} ({letter}) chứa dữ liệu cá nhân nên không được nhập",
            "column {label!r} ({letter}) holds personal data and is not imported",
        )
    },
    {"label": "Ngày sinh", "letter": "C"},
)
_entry(
    "nhap-bang-ma-cu",
    "import-legacy-encoding",
    ("Chữ gõ bằng bảng mã cũ", "Legacy-encoded text"),
    (
        "Ô chứa chữ gõ bằng bảng mã cũ (TCVN3/ABC hoặc VNI) nên hiển thị sai dấu.",
        "A cell holds text typed in a legacy encoding (TCVN3/ABC, VNI), so its diacritics show wrong.",
    ),
    (
        "Dùng Unikey chuyển mã bảng tính sang Unicode, hoặc kiểm tra bản chuyển tự động mà công cụ đề xuất.",
        "Convert the sheet to Unicode with Unikey, or check the automatic conversion.",
    ),
    {
        "": (
            "ô {cell} có vẻ gõ bằng bảng mã {encoding}: {raw!r}{hint}; chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã) hoặc gõ lại ô này",
            "cell {cell} looks typed in {encoding}: {raw!r}{hint}; convert the file to Unicode (Unikey) or retype the cell",
        ),
        "converted-one": (
            "ô {cell} đã được chuyển từ {encoding} sang Unicode: {raw!r} → {text!r}; kiểm tra lại chính tả",
            "cell {cell} was converted from {encoding} to Unicode: {raw!r} → {text!r}; check the spelling",
        ),
        "converted": (
            "các ô {cells}{more} đã được chuyển từ {encoding} sang Unicode, ví dụ {cell} {raw!r} → {text!r}; kiểm tra lại chính tả",
            "cells {cells}{more} were converted from {encoding} to Unicode, e.g. {cell} {raw!r} → {text!r}; check the spelling",
        ),
    },
    {"cell": "B7", "encoding": "TCVN3 (ABC)", "raw": "NguyÔn V¨n An", "hint": ""},
)
_entry(
    "nhap-ky-tu-hong",
    "import-encoding",
    ("Ký tự không đọc được", "Unreadable characters"),
    (
        "Tệp văn bản (CSV, TXT) được lưu bằng một bảng mã mà lệnh nhập không nhận ra, nên có ký tự bị hỏng.",
        "A text file (CSV, TXT) is saved in an encoding the import does not recognise, so characters are broken.",
    ),
    (
        "Mở danh sách bằng Excel, chọn “Lưu thành” → Excel Workbook (.xlsx) hoặc “CSV UTF-8 (Comma delimited)”, rồi nhập tệp mới.",
        "Open the list in Excel, “Save As” Excel Workbook (.xlsx) or “CSV UTF-8”, and import the new file.",
    ),
    {
        "": (
            "ô {cell} có ký tự không đọc được ({raw!r}): tệp không lưu bằng UTF-8, UTF-16 hay Windows-1258; lưu lại danh sách dạng .xlsx hoặc “CSV UTF-8” rồi nhập lại",
            "cell {cell} has unreadable characters ({raw!r}): the file is not UTF-8, UTF-16 or Windows-1258; save the list as .xlsx or “CSV UTF-8” and import again",
        )
    },
    {"cell": "B5", "raw": "Nguy\ufffdn"},
)
_entry(
    "nhap-khop-nhieu",
    "import-ambiguous",
    ("Tên khớp nhiều hồ sơ", "Name matches several records"),
    (
        "Tên trong bảng khớp với nhiều hồ sơ; công cụ không đoán.",
        "A name matches several records; the import does not guess.",
    ),
    (
        "Thêm cột mã hồ sơ, hoặc sửa tên/đơn vị cho rõ ràng, rồi chạy lại lệnh nhập.",
        "Add a record-id column, or make the name or unit clear, and import again.",
    ),
    {
        "person": (
            "{name!r} khớp với {count} người: {ids}; ghi thêm đơn vị hoặc mã hồ sơ (cột 'Mã hồ sơ')",
            "{name!r} matches {count} people: {ids}; add the unit or the record's id (column 'Mã hồ sơ')",
        ),
        "unit": (
            "{name!r} khớp với {count} đơn vị: {ids}; ghi đầy đủ tên đơn vị hoặc mã hồ sơ của đơn vị",
            "{name!r} matches {count} units: {ids}; write the unit's full name or its id",
        ),
        "initiative": (
            "sáng kiến {name!r} khớp với {count} sáng kiến: {ids}",
            "the initiative {name!r} matches {count} initiatives: {ids}",
        ),
    },
    {"name": "Nguyễn Văn An", "count": 2, "ids": "nguyen-van-an, nguyen-van-an-2"},
    example_variant="person",
)
_entry(
    "nhap-dong-loi",
    "import-row",
    ("Dòng thiếu thông tin", "Row is missing something"),
    (
        "Một dòng trong bảng tính thiếu thông tin cần thiết.",
        "A row of the sheet lacks what the import needs.",
    ),
    (
        "Bổ sung thông tin trong bảng tính rồi chạy lại lệnh nhập.",
        "Complete the row in the sheet and import again.",
    ),
    {
        "no-name": (
            "dòng {row}: thiếu họ tên hoặc tên tập thể",
            "row {row}: no name of a person or a collective",
        ),
        "empty-group": (
            "dòng {row}: nhóm {name!r} không có thành viên nào (đánh số các thành viên 1.1, 1.2 … hoặc a), b) … ở các dòng ngay dưới)",
            "row {row}: the group {name!r} has no members (number them 1.1, 1.2 … or a), b) … on the rows right below)",
        ),
        "bad-id": (
            "dòng {row}: mã {id!r} không phải mã hợp lệ hoặc đã thuộc về một tệp đang lỗi; mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối",
            "row {row}: {id!r} is not a valid id, or belongs to a file that has errors; ids are lowercase ASCII letters, digits and hyphens",
        ),
        "nobody": (
            "danh sách không có ai dưới dòng tiêu đề cột",
            "the list names nobody under the header row",
        ),
        "invalid": (
            "hồ sơ sẽ không hợp lệ: {file}: {where}: {detail}",
            "the record would not be valid: {file}: {where}: {detail}",
        ),
    },
    {"row": 12},
    example_variant="no-name",
)
_entry(
    "nhap-xung-dot",
    "import-conflict",
    ("Tệp đã có với nội dung khác", "File exists with other content"),
    (
        "Tệp hồ sơ đã tồn tại với nội dung khác; công cụ không ghi đè.",
        "The record file exists with other content; it is never overwritten.",
    ),
    (
        "Xem lại tệp hiện có; dùng `--award` với mã khác hoặc sửa tay.",
        "Look at the existing file; use another `--award` id or edit by hand.",
    ),
    {
        "": (
            "{file} đã có với nội dung khác; không ghi đè",
            "{file} exists with other content; not overwritten",
        )
    },
    {"file": "content/awards/x.yml"},
)
_entry(
    "nhap-trung-ten",
    "import-namesake",
    ("Trùng tên, khác đơn vị", "Same name, another unit"),
    (
        "Trong bảng có người trùng họ tên với một hồ sơ đã có nhưng khác đơn vị, nên công cụ coi là hai người khác nhau và tạo hồ sơ mới.",
        "A name in the sheet matches a record of another unit, so the import takes them for two people and creates a new record.",
    ),
    (
        "Nếu đúng là hai người, không cần làm gì. Nếu là cùng một người (đã chuyển đơn vị), thêm cột “Mã hồ sơ” ghi mã hồ sơ cũ ở dòng đó, xóa các tệp vừa tạo rồi nhập lại; nên chạy `--dry-run` trước để xem.",
        "If they are two people, nothing to do; if it is one person who moved, add a “Mã hồ sơ” column with the old id, delete the new files and import again.",
    ),
    {
        "": (
            "{name!r} trùng tên với {others} nhưng danh sách ghi đơn vị {unit}: đã tạo {id} là một người khác",
            "{name!r} has the name of {others} but the list gives the unit {unit}: created {id} as another person",
        )
    },
    {
        "name": "Nguyễn Văn Hùng",
        "others": "nguyen-van-hung (cdcs-dien-luc)",
        "unit": "cong-ty-xi-mang",
        "id": "nguyen-van-hung-2",
    },
)
_entry(
    "nhap-tep-loi",
    "import-file",
    ("Không đọc được tệp danh sách", "Cannot read the list"),
    (
        "Không đọc được tệp: sai loại tệp (lệnh nhập đọc .xlsx, .xls, .ods, .csv, .txt), tệp rỗng, tệp hỏng, tệp có mật khẩu, hoặc trang web (HTML) mang đuôi .xls.",
        "The file cannot be read: a type the import does not read, empty, damaged, password-protected, or a web page named .xls.",
    ),
    (
        "Mở tệp bằng Excel hoặc LibreOffice (bỏ mật khẩu nếu có), chọn “Lưu thành” → Excel Workbook (.xlsx) hoặc CSV UTF-8, rồi chạy lại lệnh nhập với tệp mới.",
        "Open it in Excel or LibreOffice (remove the password), “Save As” .xlsx or CSV UTF-8, and import the new file.",
    ),
    {
        "too-large": (
            "{file} nặng {size:,} byte, quá lớn đối với một danh sách khen thưởng (tối đa {limit:,} byte); kiểm tra lại tệp",
            "{file} is {size:,} bytes, too large for an award list (at most {limit:,}); check the file",
        ),
        "unreadable": ("không đọc được {file}: {reason}", "cannot read {file}: {reason}"),
        "suffix": (
            "{file}: không nhận loại tệp {suffix!r}; lệnh nhập đọc bảng tính .xlsx, .xls, .ods và tệp văn bản .csv, .txt (CSV hoặc “Unicode Text” của Excel)",
            "{file}: files of type {suffix!r} are not read; the import reads .xlsx, .xls, .ods workbooks and .csv, .txt text (CSV or Excel's “Unicode Text”)",
        ),
        "empty": (
            "{file} là tệp rỗng: không có dữ liệu nào để nhập",
            "{file} is empty: there is nothing to import",
        ),
        "empty-sheets": (
            "{file}: các trang tính đều trống, không có dữ liệu nào để nhập",
            "{file}: every sheet is empty, there is nothing to import",
        ),
        "password": (
            "{file} được bảo vệ bằng mật khẩu nên không đọc được; mở tệp bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu: xóa trống), lưu lại rồi nhập lại",
            "{file} is protected by a password; open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password: empty), save and import again",
        ),
        "markup": (
            "{file} không phải bảng tính {suffix} thật mà là một trang web (HTML/XML) mang đuôi {suffix} (thường gặp khi tải danh sách từ phần mềm quản lý); mở tệp bằng Excel hoặc LibreOffice, chọn “Lưu thành” (Save As) → Excel Workbook (.xlsx), rồi nhập tệp mới",
            "{file} is not a real {suffix} workbook but a web page (HTML/XML) named {suffix} (common for lists downloaded from management software); open it in Excel or LibreOffice, “Save As” Excel Workbook (.xlsx), and import the new file",
        ),
        "not-workbook": (
            "{file} không phải bảng tính Excel hay OpenDocument (tệp hỏng, hoặc sai đuôi tệp); mở tệp bằng Excel hoặc LibreOffice, chọn “Lưu thành” (Save As) → Excel Workbook (.xlsx), rồi nhập tệp mới",
            "{file} is not an Excel or OpenDocument workbook (damaged, or a wrong suffix); open it in Excel or LibreOffice, “Save As” Excel Workbook (.xlsx), and import the new file",
        ),
        "damaged": (
            "{file} bị hỏng hoặc không đọc được ({detail}); mở tệp bằng Excel hoặc LibreOffice, chọn “Lưu thành” (Save As) → Excel Workbook (.xlsx), rồi nhập tệp mới",
            "{file} is damaged or unreadable ({detail}); open it in Excel or LibreOffice, “Save As” Excel Workbook (.xlsx), and import the new file",
        ),
        "far-cell": (
            "{file} có giá trị ở tận ô {cell}, quá xa đối với một danh sách khen thưởng; xóa các ô thừa ở xa bảng (hoặc chép bảng sang một tệp mới) rồi nhập lại",
            "{file} has a value as far as cell {cell}, too far for an award list; delete the stray cells (or copy the table into a new file) and import again",
        ),
        "text-row": (
            "dòng {row}: không đọc được dòng này của tệp văn bản ({detail}); mở tệp bằng Excel rồi lưu lại dạng CSV UTF-8",
            "row {row}: this line of the text file cannot be read ({detail}); open the file in Excel and save it as CSV UTF-8",
        ),
    },
    {"file": "danh-sach.xlsx"},
    example_variant="password",
)
_entry(
    "nhap-cot-la",
    "import-unknown-column",
    ("Cột không được nhập", "Column not imported"),
    (
        "Bảng tính có cột mà công cụ không nhận ra nên không nhập (chỉ nhập STT, họ tên, chức vụ, đơn vị, tên sáng kiến, thành tích, mã hồ sơ).",
        "The sheet has a column the import does not know, so it is not imported.",
    ),
    (
        "Không cần làm gì nếu cột không cần đưa lên trang. Nếu cột là một trong các cột trên nhưng viết khác, đổi tiêu đề cột cho đúng (ví dụ “Họ và tên”, “Đơn vị công tác”).",
        "Nothing to do if the column is not for the site; otherwise rename its heading (“Họ và tên”, “Đơn vị công tác”…).",
    ),
    {
        "": (
            "cột {label!r} ({letter}) không phải cột mà lệnh nhập biết nên không được nhập",
            "column {label!r} ({letter}) is not one the import knows, so it is not imported",
        )
    },
    {"label": "Xếp loại", "letter": "G"},
)
_entry(
    "nhap-tuy-chon",
    "import-option",
    ("Thiếu hoặc sai tùy chọn của lệnh nhập", "Import option missing or wrong"),
    (
        "Thiếu hoặc sai một tùy chọn của lệnh nhập (hình thức khen thưởng, đơn vị ban hành, ngày, sự kiện…) mà tiêu đề danh sách cũng không cho biết chắc chắn, hoặc mã được nêu không có trong nội dung.",
        "An option of the import (award form, issuer, date, event…) is missing and the list's title block does not tell it for sure, or the code given is not in the content.",
    ),
    (
        "Thêm tùy chọn được nêu, ví dụ `--form bang-khen-ldld-tinh --issuer ldld-thanh-hoa --date 29/6/2022`; mã phải có trong `taxonomies.yml` hoặc trong thư mục hồ sơ tương ứng.",
        "Add the option named, e.g. `--form bang-khen-ldld-tinh --issuer ldld-thanh-hoa --date 29/6/2022`.",
    ),
    {
        "no-sheet": (
            "không có trang tính nào tên {sheet!r}; tệp có: {names}",
            "no sheet is named {sheet!r}; the file has: {names}",
        ),
        "award-id": (
            "--award {award!r} không phải mã hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ bang-khen-ldld-2022",
            "--award {award!r} is not a valid id: use lowercase ASCII letters, digits and hyphens, e.g. bang-khen-ldld-2022",
        ),
        "issuer-many": (
            "--issuer là bắt buộc ({why}): tiêu đề danh sách nêu nhiều đơn vị ({candidates}), không rõ đơn vị nào ra quyết định; thêm --issuer với mã một đơn vị",
            "--issuer is required ({why}): the title block names several units ({candidates}); add --issuer with one unit's id",
        ),
        "issuer-none": (
            "--issuer là bắt buộc ({why}): tiêu đề danh sách không nêu đơn vị nào có trong content/units/; thêm --issuer với mã đơn vị ra quyết định",
            "--issuer is required ({why}): the title block names no unit of content/units/; add --issuer with the issuing unit's id",
        ),
        "issuer-unknown": (
            "--issuer {issuer!r} không phải một đơn vị trong content/units/",
            "--issuer {issuer!r} is not a unit of content/units/",
        ),
        "form-many": (
            "--form là bắt buộc ({why}): tiêu đề {said}, khớp với nhiều hình thức trong award_forms ({candidates}); chọn một bằng --form",
            "--form is required ({why}): the title {said}, which matches several award_forms ({candidates}); choose one with --form",
        ),
        "form-none": (
            "--form là bắt buộc ({why}): tiêu đề danh sách không nêu hình thức nào trong award_forms của taxonomies.yml; dùng một trong: {choices}",
            "--form is required ({why}): the title block names no form of award_forms in taxonomies.yml; use one of: {choices}",
        ),
        "not-in-vocabulary": (
            "{flag} {value!r} không có trong {vocabulary} của taxonomies.yml; dùng một trong: {choices}",
            "{flag} {value!r} is not in {vocabulary} of taxonomies.yml; use one of: {choices}",
        ),
        "date-missing": (
            "--date là bắt buộc: tiêu đề không ghi ngày quyết định (“Kèm theo Quyết định số … ngày …”); thêm --date, ví dụ --date 29/6/2022",
            "--date is required: the title block gives no decision date (“Kèm theo Quyết định số … ngày …”); add --date, e.g. --date 29/6/2022",
        ),
        "date-future": (
            "--date {date} là ngày trong tương lai",
            "--date {date} is in the future",
        ),
        "not-a-record": (
            "{flag} {value!r} không phải một {kind} trong content/{folder}/",
            "{flag} {value!r} is not a {kind} of content/{folder}/",
        ),
        "status-alone": (
            "--initiative-status {status} cần đi kèm --field và --initiative-type: sáng kiến chưa rõ lĩnh vực/loại được ghi trạng thái {review} (cần rà soát); thêm hai tùy chọn đó hoặc bỏ --initiative-status",
            "--initiative-status {status} needs --field and --initiative-type: initiatives of unknown field or type are written with the status {review} (needs review); add both options or drop --initiative-status",
        ),
        "term-missing": (
            "taxonomies.yml chưa có mã {key} trong {vocabulary}, nên sáng kiến mới không thể ghi là “{name}”: thêm mục `{key}: {{name: {name}}}` vào {vocabulary}, hoặc chạy lại với {flag}",
            "taxonomies.yml has no code {key} in {vocabulary}, so new initiatives cannot be written as “{name}”: add `{key}: {{name: {name}}}` to {vocabulary}, or run again with {flag}",
        ),
    },
    {
        "why": "khen thưởng 'bang-khen-2022' chưa có hồ sơ",
        "said": "ghi “Bằng khen”",
        "candidates": "bang-khen-ldld-tinh, bang-khen-tong-ldld",
    },
    example_variant="form-many",
)
_entry(
    "nhap-can-ra-soat",
    "import-needs-review",
    ("Sáng kiến cần rà soát", "Initiatives need review"),
    (
        "Danh sách khen thưởng không ghi lĩnh vực và loại của sáng kiến, nên các sáng kiến mới được ghi “Chưa phân loại” với trạng thái “Cần rà soát”; trang web không trình bày chúng là sáng kiến đã được công nhận.",
        "The award list does not give the initiatives' field and type, so new initiatives are written as “unclassified” with the status “needs review”, and the site does not show them as recognised.",
    ),
    (
        "Mở từng hồ sơ sáng kiến vừa tạo, ghi `field`, `type` đúng rồi đổi `status` (ví dụ `cong-nhan`); hoặc xóa các tệp vừa tạo và chạy lại lệnh nhập với `--field` và `--initiative-type` khi mọi sáng kiến trong danh sách cùng lĩnh vực, cùng loại.",
        "Open each new initiative, write its `field` and `type` and change its `status`; or delete them and import again with `--field` and `--initiative-type`.",
    ),
    {
        "": (
            "{count} sáng kiến mới chưa có {what} (bảng tính không ghi): đã ghi field: {field}, type: {type}, status: {status} (cần rà soát); sửa từng hồ sơ sau khi rà soát, hoặc chạy lại với --field và --initiative-type",
            "{count} new initiative(s) have no {what} (the sheet does not say): written with field: {field}, type: {type}, status: {status} (needs review); correct each after review, or run again with --field and --initiative-type",
        )
    },
    {
        "count": 12,
        "what": "lĩnh vực/loại",
        "field": "chua-phan-loai",
        "type": "chua-phan-loai",
        "status": "can-ra-soat",
    },
)
_entry(
    "nhap-loai-don-vi",
    "import-unit-kind",
    ("Không suy ra được loại đơn vị", "Unit kind not inferred"),
    (
        "Tên đơn vị không cho biết loại (công đoàn cơ sở, doanh nghiệp, cơ quan…), nên đơn vị mới được ghi loại mặc định.",
        "The unit's name does not tell its kind, so the new unit gets the default kind.",
    ),
    (
        "Mở hồ sơ đơn vị vừa tạo và sửa `kind` nếu sai; hoặc chạy lại lệnh nhập với `--unit-kind` (áp dụng cho các đơn vị mà tên không cho biết loại).",
        "Open the new unit and correct its `kind`, or import again with `--unit-kind`.",
    ),
    {
        "": (
            "không suy ra được loại đơn vị từ tên {name!r}: đã ghi kind: {kind} cho đơn vị mới {id}; sửa lại trong hồ sơ nếu sai, hoặc chạy lại với --unit-kind",
            "the name {name!r} does not tell the unit's kind: wrote kind: {kind} for the new unit {id}; correct it if wrong, or run again with --unit-kind",
        )
    },
    {"name": "Tổ Cơ điện Phân xưởng 2", "kind": "cong-doan-co-so", "id": "to-co-dien-phan-xuong-2"},
)
_entry(
    "nhap-mac-dinh",
    "import-default",
    ("Giá trị mặc định đã được ghi", "Default written"),
    (
        "Danh sách không ghi đơn vị của tác giả sáng kiến, nên sáng kiến mới được ghi đơn vị ra quyết định (hoặc `--parent-unit`).",
        "The list gives no unit for an initiative's authors, so the new initiative gets the issuing unit (or `--parent-unit`).",
    ),
    (
        "Mở các hồ sơ sáng kiến vừa tạo và sửa `unit` cho đúng nơi áp dụng.",
        "Open the new initiatives and correct their `unit`.",
    ),
    {
        "": (
            "{count} sáng kiến mới không có đơn vị áp dụng trong danh sách: đã ghi unit: {unit}; kiểm tra lại các hồ sơ đó",
            "{count} new initiative(s) have no unit in the list: wrote unit: {unit}; check them",
        )
    },
    {"count": 2, "unit": "ldld-thanh-hoa"},
)

#: Everything the tools report, by code, in the order of the guide.
CATALOGUE: dict[str, CatalogueEntry] = {
    entry.code: entry for group in GROUPS for entry in _ENTRIES if entry.group == group
}

#: The English codes of earlier versions → today's codes (``--format json`` printed them).
#: Some old codes were split: ``yaml-syntax`` is now thut-le, can-ngoac-kep, chua-dong-ngoac
#: or loi-cu-phap; ``bad-date`` sai-dinh-dang-ngay or ngay-khong-ton-tai; ``unknown-file``
#: tep-la or khong-doc-duoc.
OLD_CODES: dict[str, tuple[str, ...]] = {}
for _e in CATALOGUE.values():
    if _e.old:
        OLD_CODES[_e.old] = (*OLD_CODES.get(_e.old, ()), _e.code)

# ---------------------------------------------------------------------------------------
# Phrases: pieces messages are made of
# ---------------------------------------------------------------------------------------

PHRASES: dict[str, Template] = {
    key: Template(*texts)
    for key, texts in {
        # what a value should be
        "type.whole-number": ("một số nguyên", "a whole number"),
        "type.number": ("một số", "a number"),
        "type.bool": ("true hoặc false", "true or false"),
        "type.text": ("văn bản", "text"),
        "type.list": (
            "một danh sách (các dòng bắt đầu bằng '- ')",
            "a list (lines starting with '- ')",
        ),
        "type.mapping": ("các trường dạng “tên: giá trị”", "a mapping of fields (key: value)"),
        "type.date": ("một ngày (2022-06-29 hoặc 29/6/2022)", "a date (2022-06-29 or 29/6/2022)"),
        "type.one-of": ("một trong các giá trị được liệt kê", "one of the listed values"),
        # what a value was
        "got.mapping": ("các trường “tên: giá trị”", "a mapping"),
        "got.list": ("một danh sách", "a list"),
        "got.nothing": ("giá trị trống", "nothing"),
        "got.bool": ("giá trị đúng/sai {value}", "the yes/no value {value}"),
        "got.date": ("ngày {value}", "the date {value}"),
        # hints
        "hint.did-you-mean": ("; có phải là {suggestion!r}?", "; did you mean {suggestion!r}?"),
        "hint.maybe": (" (có phải {suggestion!r}?)", " (did you mean {suggestion!r}?)"),
        "hint.one-of": ("; dùng một trong: {choices}", "; expected one of: {choices}"),
        "hint.one-of-none": ("; danh mục này chưa có mục nào", "; the vocabulary is empty"),
        "hint.digits": (
            " (viết liền bằng chữ số, không dùng dấu '.' hay ',')",
            " (write digits only, without '.' or ',' separators)",
        ),
        "hint.money-words": (
            " (viết số bằng chữ số, không kèm chữ: 1,5 tỷ là 1500000000, 300 nghìn là 300000)",
            " (write the number with digits only: 1,5 tỷ is 1500000000, 300 nghìn is 300000)",
        ),
        "hint.quote": (
            " (YAML đọc giá trị này như vậy; đặt văn bản trong ngoặc kép)",
            " (YAML reads it so; put the text in double quotes)",
        ),
        "hint.bool-guess": (
            " (chỉ nhận true hoặc false: có lẽ ý là {guess})",
            " (only true or false: perhaps {guess} is meant)",
        ),
        "hint.bool": (" (chỉ nhận true hoặc false)", " (only true or false)"),
        "found.both": ("có cả hai", "found both"),
        "found.neither": ("không có cái nào", "found neither"),
        "found.none": ("không có cái nào", "found none"),
        "found.these": ("có {fields:and}", "found {fields:and}"),
        "figure.vnd": ("một số tiền (đồng)", "an amount in đồng"),
        "figure.count": ("một số đếm", "a count"),
        # what has dates in order
        "span.campaign": ("chương trình", "campaign"),
        "span.phase": ("giai đoạn", "phase"),
        "span.event": ("sự kiện", "event"),
        # vocabularies of taxonomies.yml
        "vocab.fields": ("lĩnh vực", "field"),
        "vocab.initiative_types": ("loại sáng kiến", "initiative type"),
        "vocab.award_forms": ("hình thức khen thưởng", "award form"),
        "vocab.recognition_levels": ("cấp công nhận", "recognition level"),
        "vocab.unit_kinds": ("loại đơn vị", "unit kind"),
        "vocab.statuses": ("tình trạng", "status"),
        # colours
        "colour.primary": ("chính", "primary"),
        "colour.accent": ("nhấn", "accent"),
        # personal data found in text
        "personal.phone": ("số điện thoại {masked}", "phone number {masked}"),
        "personal.email": ("địa chỉ email {masked}", "e-mail address {masked}"),
        "personal.id": ("số CMND/CCCD {masked}", "ID number {masked}"),
        # why a web address is refused
        "url.empty": ("giá trị trống", "it is empty"),
        "url.too-long": ("dài hơn {limit} ký tự", "it is longer than {limit} characters"),
        "url.scheme": (
            "chỉ nhận địa chỉ http:// hoặc https://, không nhận {scheme}:",
            "only http:// and https:// addresses are taken, not {scheme}:",
        ),
        "url.no-scheme": (
            "không bắt đầu bằng https:// hoặc http://",
            "it does not start with https:// or http://",
        ),
        "url.space": ("có dấu cách, không được có trong địa chỉ web", "it holds a space"),
        "url.char": (
            "có ký tự {char!r}, không được có trong địa chỉ web",
            "it holds the character {char!r}",
        ),
        "url.percent": (
            "dấu % phải đi cùng hai chữ số hệ 16 (ví dụ %20)",
            "a % must be followed by two hex digits (%20)",
        ),
        "url.no-host": ("thiếu tên miền sau https://", "there is no domain after https://"),
        "url.user": (
            "có tên người dùng trước dấu @ trong tên miền",
            "it has a user name before @ in the domain",
        ),
        "url.port": ("cổng (sau dấu :) không phải là số", "the port (after :) is not a number"),
        "url.host": ("tên miền {host!r} không hợp lệ", "the domain {host!r} is not valid"),
        "url.query": (
            "địa chỉ gốc không được có phần ?… hoặc #…",
            "the base address cannot have ?… or #…",
        ),
        # why a git branch is refused
        "branch.empty": ("tên nhánh trống", "it is empty"),
        "branch.space": (
            "có dấu cách; chỉ dùng chữ cái không dấu, chữ số và . _ - / +",
            "it holds a space; use ASCII letters, digits and . _ - / +",
        ),
        "branch.char": (
            "có ký tự {char!r}; chỉ dùng chữ cái không dấu, chữ số và . _ - / +",
            "it holds {char!r}; use ASCII letters, digits and . _ - / +",
        ),
        "branch.at": ("không được là '@' hoặc chứa '@{{'", "it cannot be '@' or hold '@{{'"),
        "branch.dots": ("không được chứa '..' hoặc '//'", "it cannot hold '..' or '//'"),
        "branch.ends": (
            "không được bắt đầu bằng '/' hoặc '-', không kết thúc bằng '/' hoặc '.'",
            "it cannot start with '/' or '-', nor end with '/' or '.'",
        ),
        "branch.part": (
            "không phần nào được bắt đầu bằng '.' hoặc kết thúc bằng '.lock'",
            "no part may start with '.' or end with '.lock'",
        ),
        # the importer
        "import.why-new": (
            "khen thưởng {award!r} chưa có hồ sơ",
            "the award {award!r} has no record yet",
        ),
        "import.why-field": (
            "hồ sơ khen thưởng chưa ghi trường này",
            "the award record does not give it",
        ),
        "import.said": ("ghi “{source}”", "says “{source}”"),
        "import.said-many": ("nêu nhiều hình thức", "names several forms"),
        "import.legacy-hint": (" (có thể là {suggestion!r})", " (perhaps {suggestion!r})"),
        "import.more-cells": (" và {count} ô khác", " and {count} more"),
        "import.what-field": ("lĩnh vực", "field"),
        "import.what-type": ("loại", "type"),
        "import.what-field-type": ("lĩnh vực/loại", "field/type"),
        "import.kind-unit": ("đơn vị", "unit"),
        "import.kind-event": ("sự kiện", "event"),
        "import.kind-campaign": ("chương trình", "campaign"),
        "import.legacy": ("bảng mã cũ", "a legacy encoding"),
    }.items()
}


def message_template(key: str) -> Template:
    """The template of a problem message (``code`` or ``code/variant``) or of a phrase."""
    if key in PHRASES:
        return PHRASES[key]
    if key.startswith("kind."):
        # The name of a kind of record is declared with the kind (generator/kinds.py).
        from generator.kinds import KINDS

        kind = KINDS[key.removeprefix("kind.")]
        return Template(kind.noun, kind.noun_en)
    code, _, variant = key.partition("/")
    entry = CATALOGUE.get(code)
    if entry is None:
        raise KeyError(f"no text {key!r} in the error catalogue")
    if variant in entry.messages:
        return entry.messages[variant]
    if not variant and len(entry.messages) == 1:
        return next(iter(entry.messages.values()))
    raise KeyError(f"no message {variant!r} of {code!r} in the error catalogue")


def has_message(code: str, variant: str = "") -> bool:
    entry = CATALOGUE.get(code)
    if entry is None:
        return False
    return variant in entry.messages or (not variant and len(entry.messages) == 1)
