"""Open data: the published dataset as JSON, CSV and JSON Schema files for /du-lieu-mo/.

:func:`export_dataset` turns the linked Site into ``{relative path: bytes}``, every
path under ``du-lieu-mo/``; :func:`open_data_markdown` writes the page that lists
them.  The render stage writes both into the generated docs folder, so MkDocs
copies the files next to the page and ``mkdocs serve`` serves them too.

What is exported is what the site shows, nothing more:

* privacy keys never reach a model (the validator refuses them) and fields named
  in a record's ``confidential`` list were already reset by the validator; the
  ``confidential`` list itself is dropped here, as it tells which fields were hidden;
* a person with ``publish: false`` has no record in the export, and where an
  initiative, award or event names them, only their name is kept, not their id
  (an id is a stable handle that would let anyone join records about them).

Every JSON record, minus the added ``id``, ``url`` and ``year`` keys, is valid
against the JSON Schema of its kind, which ships alongside as documentation.

Bytes are deterministic: records sorted by id, keys in model order, no timestamp,
``\\r\\n`` line ends in CSV (RFC 4180) and a UTF-8 BOM so Excel reads Vietnamese.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from generator.kinds import KINDS, SINGLE_FILE_LABELS, Column, fields
from generator.markup import escape_text
from generator.nodes import (
    AwardNode,
    EventNode,
    InitiativeNode,
    Node,
    PersonRef,
    RecipientRef,
    Site,
)
from generator.schema import render_schemas
from generator.vietnamese import format_count

OPEN_DATA_DIR = "du-lieu-mo"
BUNDLE_NAME = "sang-kien-showcase.json"
COUNTS_NAME = "counts.json"
SCHEMA_DIR = "schemas"
LIST_SEPARATOR = "; "


def schema_label(kind: str) -> str:
    """How the open-data page names the JSON Schema of a kind or of a single file."""
    if kind in SINGLE_FILE_LABELS:
        return f"{SINGLE_FILE_LABELS[kind]} ({kind}.yml)"
    return KINDS[kind].export_label


#: Where the page links a licence name to its deed.  Unknown names are shown without a link.
LICENSE_URLS = {
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/deed.vi",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/deed.vi",
    "CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.vi",
    "CC0": "https://creativecommons.org/publicdomain/zero/1.0/deed.vi",
    "ODC-BY": "https://opendatacommons.org/licenses/by/1-0/",
    "ODbL": "https://opendatacommons.org/licenses/odbl/1-0/",
}

GENERATED_FROM = (
    "Xuất từ các tệp YAML trong thư mục content/ của kho mã nguồn trang web, "
    "cùng lần xây dựng với trang. Tệp không ghi thời điểm xuất: cùng một nội dung "
    "luôn cho cùng một tệp."
)

# Excel runs a cell that starts with one of these as a formula (CSV injection, OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# -- records -------------------------------------------------------------------


def _plain_numbers(value: Any) -> Any:
    """70.0 → 70: pydantic keeps floats, but "share": 70.0 reads as a different number to people."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _plain_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_numbers(v) for v in value]
    return value


def _named(ref: PersonRef, given: str | None) -> str | None:
    """What a list may keep of someone: their id only if their page is published."""
    if ref.person is not None and not ref.person.published:
        return None
    return given


class _Exporter:
    """A node → its JSON record: the model's fields, with unpublished people reduced to names.

    The references were resolved by the linker; the exporter reads them from the node
    (``node.authors``, ``node.recipients``, ``node.programme``) instead of resolving ids again.
    """

    def __init__(self, site: Site) -> None:
        self.site = site

    def record(self, node: Node) -> dict[str, Any]:
        data: dict[str, Any] = node.model.model_dump(mode="json", exclude={"confidential"})
        if node.kind == "person":
            data.pop("publish", None)  # always true for an exported person
        if isinstance(node, InitiativeNode):
            for author, ref in zip(data["authors"], node.authors, strict=True):
                if author["person"] is not None and _named(ref, author["person"]) is None:
                    author["name"], author["person"] = ref.name, None
        if isinstance(node, AwardNode):
            for recipient, rref in zip(data["recipients"], node.recipients, strict=True):
                self._recipient(recipient, rref)
        if isinstance(node, EventNode):
            for item, pref in zip(data["programme"], node.programme, strict=True):
                if item["speaker"] is not None and pref.speaker is not None:
                    kept = _named(pref.speaker, item["speaker"])
                    item["speaker"] = kept if kept is not None else pref.speaker.name
        head: dict[str, Any] = {"id": node.id, "url": self.site.urls.absolute(node.url)}
        if isinstance(node, InitiativeNode):
            head["year"] = node.year
        # The fields every kind shares come first in the model; readers want the title first.
        tail = {name: data.pop(name) for name in ("example", "redirect_from")}
        result: dict[str, Any] = _plain_numbers({**head, **data, **tail})
        return result

    @staticmethod
    def _recipient(recipient: dict[str, Any], ref: RecipientRef) -> None:
        hidden = ref.people and _named(ref.people[0], recipient["person"]) is None
        if recipient["person"] is not None and hidden:
            recipient["name"], recipient["person"] = ref.people[0].name, None
            # A job title from the list is about the person: unpublished, it goes too.
            recipient["job_title"] = None
        if recipient["group"] is not None:
            recipient["group"] = [
                member if _named(person, member) is not None else person.name
                for member, person in zip(recipient["group"], ref.people, strict=True)
            ]


class ExportPrivacyError(RuntimeError):
    """An unpublished person's id would have been exported: a bug, refused rather than leaked."""


def _check_no_hidden_ids(site: Site, data: dict[str, list[dict[str, Any]]]) -> None:
    """Last line of defence should the model gain a person reference this module does not rewrite.

    Any string value equal to the id of a ``publish: false`` person is refused, unless
    a record of another kind has that same id (then the value may well be that record).
    """
    hidden = {pid for pid, person in site.people.items() if not person.published}
    for kind, group in site.records.items():
        if kind != "person":
            hidden -= set(group)
    if not hidden:
        return

    def walk(value: Any, where: str) -> None:
        if isinstance(value, str) and value in hidden:
            raise ExportPrivacyError(f"unpublished person id {value!r} in {where}")
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{where}[{index}]")

    for attr, records in data.items():
        for record in records:
            walk(record, f"{attr}/{record['id']}")


# -- CSV -------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    text = str(value)
    # A leading apostrophe makes Excel show the text instead of running it; the JSON keeps the exact value.
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_bytes(columns: list[Column], rows: list[tuple[Any, dict[str, Any]]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for node, row in rows:
        writer.writerow([_cell(get(node, row)) for _, get in columns])
    # The BOM is what makes Excel read UTF-8 instead of the ANSI code page.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


RECIPIENT_COLUMNS: list[Column] = fields(
    "award",
    "award_title",
    "date",
    "form",
    "issuer",
    "position",
    "kind",
    "person",
    "unit",
    "names",
    "initiative",
    "citation",
    "job_title",
)

TAXONOMY_COLUMNS: list[Column] = fields("vocabulary", "key", "name", "description")


def _recipient_rows(
    awards: list[tuple[AwardNode, dict[str, Any]]],
) -> list[tuple[Any, dict[str, Any]]]:
    rows: list[tuple[Any, dict[str, Any]]] = []
    for node, award in awards:
        for position, (recipient, ref) in enumerate(
            zip(award["recipients"], node.recipients, strict=True), start=1
        ):
            kind = next(k for k in ("person", "unit", "group", "name") if recipient[k] is not None)
            row = {
                "award": award["id"],
                "award_title": award["title"],
                "date": award["date"],
                "form": award["form"],
                "issuer": award["issuer"],
                "position": position,
                "kind": kind,
                "person": recipient["person"],
                "unit": recipient["unit"],
                "names": [p.name for p in ref.people] if ref.unit is None else [ref.label],
                "initiative": recipient["initiative"],
                "citation": recipient["citation"],
                "job_title": recipient["job_title"],
            }
            rows.append((ref, row))
    return rows


def _taxonomy_rows(taxonomies: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    return [
        (
            None,
            {
                "vocabulary": vocab,
                "key": key,
                "name": term["name"],
                "description": term["description"],
            },
        )
        for vocab, terms in taxonomies.items()
        for key, term in terms.items()
    ]


# -- the dataset -------------------------------------------------------------------


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def _path(name: str) -> str:
    return f"{OPEN_DATA_DIR}/{name}"


def _published(site: Site, kind: str) -> list[Node]:
    group = site.records[kind]
    return [group[key] for key in sorted(group) if group[key].published]


def export_counts(site: Site) -> dict[str, int]:
    """Records per kind as exported (published people only), plus award recipient lines."""
    counts = {spec.export_name: len(_published(site, kind)) for kind, spec in KINDS.items()}
    counts["award_recipients"] = sum(len(a.model.recipients) for a in site.awards.values())
    return counts


def export_dataset(site: Site) -> dict[str, bytes]:
    """Every open-data file: ``{"du-lieu-mo/initiatives.json": b"…", …}``.

    Records carry absolute page URLs (``site.urls``).
    """
    ex = _Exporter(site)
    files: dict[str, bytes] = {}
    data: dict[str, list[dict[str, Any]]] = {}
    rows: dict[str, list[tuple[Any, dict[str, Any]]]] = {}
    for kind, spec in KINDS.items():
        nodes = _published(site, kind)
        records = [ex.record(node) for node in nodes]
        data[spec.export_name] = records
        rows[kind] = list(zip(nodes, records, strict=True))
        files[_path(f"{spec.export_name}.json")] = _json_bytes(records)
        files[_path(f"{spec.export_name}.csv")] = _csv_bytes(spec.export_columns(ex), rows[kind])
    _check_no_hidden_ids(site, data)
    files[_path("award-recipients.csv")] = _csv_bytes(
        RECIPIENT_COLUMNS, _recipient_rows(rows["award"])
    )
    taxonomies = site.taxonomies.model_dump(mode="json")
    files[_path("taxonomies.json")] = _json_bytes(taxonomies)
    files[_path("taxonomies.csv")] = _csv_bytes(TAXONOMY_COLUMNS, _taxonomy_rows(taxonomies))

    counts = export_counts(site)
    files[_path(COUNTS_NAME)] = _json_bytes(counts)
    license_name = site.config.data_license
    bundle: dict[str, Any] = {
        "title": site.config.title,
        "publisher": site.config.organisation,
        "source": site.urls.absolute(""),
        "license": license_name,
        "license_url": LICENSE_URLS.get(license_name),
        "generated_from": GENERATED_FROM,
        "counts": counts,
        "schemas": {kind: f"{SCHEMA_DIR}/{kind}.schema.json" for kind in KINDS},
        "taxonomies": taxonomies,
        **data,
    }
    files[_path(BUNDLE_NAME)] = _json_bytes(bundle)
    for name, text in render_schemas(site.taxonomies).items():
        files[_path(f"{SCHEMA_DIR}/{name}")] = text.encode("utf-8")
    return dict(sorted(files.items()))


# -- the page ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    label: str
    count: int | None
    json: str | None
    csv: str | None


def _link(name: str | None) -> str:
    return f"[{name}]({name})" if name else "—"


def open_data_markdown(site: Site, counts: dict[str, int], *, heading: bool = True) -> str:
    """The body of ``du-lieu-mo/index.md``: every file with a link relative to the page, and the rules."""
    rows = [
        _Row(
            spec.export_label,
            counts.get(spec.export_name),
            f"{spec.export_name}.json",
            f"{spec.export_name}.csv",
        )
        for spec in KINDS.values()
    ]
    rows.append(
        _Row(
            "Danh sách được khen (mỗi dòng một tập thể, cá nhân hoặc nhóm trong một quyết định)",
            counts.get("award_recipients"),
            None,
            "award-recipients.csv",
        )
    )
    rows.append(
        _Row(
            "Danh mục: lĩnh vực, loại sáng kiến, hình thức khen thưởng, cấp công nhận…",
            None,
            "taxonomies.json",
            "taxonomies.csv",
        )
    )
    license_name = site.config.data_license
    license_url = LICENSE_URLS.get(license_name)
    # site.yml text goes into Markdown: escape it like every other YAML string.
    safe_license = escape_text(license_name)
    license_text = f"[{safe_license}]({license_url})" if license_url else f"**{safe_license}**"
    title = escape_text(site.config.title)
    organisation = escape_text(site.config.organisation)

    out: list[str] = []
    if heading:
        out += ["# Dữ liệu mở", ""]
    out += [
        f"Toàn bộ dữ liệu đã công bố trên trang {title} được cung cấp để tải về "
        f"và sử dụng lại theo giấy phép {license_text}. Khi sử dụng, vui lòng ghi nguồn: "
        f"“{title} – {organisation}”.",
        "",
        "## Tải về",
        "",
        "| Dữ liệu | Số bản ghi | JSON | CSV |",
        "|---|---:|---|---|",
    ]
    for row in rows:
        count = format_count(row.count) if row.count is not None else "—"
        out.append(f"| {row.label} | {count} | {_link(row.json)} | {_link(row.csv)} |")
    out += [
        "",
        f"- **Toàn bộ trong một tệp:** {_link(BUNDLE_NAME)} (mọi loại hồ sơ, danh mục, "
        "số lượng bản ghi và giấy phép).",
        f"- **Số lượng bản ghi:** {_link(COUNTS_NAME)}.",
        "",
        "Mỗi bản ghi có `id` (mã, cũng là phần cuối địa chỉ trang), `url` (địa chỉ trang) và các "
        "trường như trong tệp nội dung. Tham chiếu giữa các hồ sơ ghi bằng mã (`unit`, `person`, "
        "`issuer`…); ngày theo dạng ISO (`2022-06-29`); tiền là số nguyên đồng (`benefit_vnd`). "
        "Các trường `description`, `conditions`, `bio` viết bằng Markdown.",
        "",
        "## Cấu trúc dữ liệu (JSON Schema)",
        "",
        "Mỗi bản ghi JSON (bỏ các khóa `id`, `url`, `year`) hợp lệ theo lược đồ của loại hồ sơ; "
        "lược đồ ghi nghĩa của từng trường bằng tiếng Việt.",
        "",
    ]
    for name in render_schemas():
        kind = name.removesuffix(".schema.json")
        out.append(f"- [{name}]({SCHEMA_DIR}/{name}): {schema_label(kind)}")
    out += [
        "",
        "## Mở tệp CSV bằng Excel",
        "",
        "Tệp CSV dùng mã UTF-8 có BOM, dấu phẩy phân cách cột, dòng đầu là tên trường (tiếng Anh). "
        f"Các giá trị nhiều mục trong một ô được nối bằng “{LIST_SEPARATOR.strip()} ”.",
        "",
        "1. Nhấp đúp tệp để mở: tiếng Việt hiển thị đúng nhờ BOM.",
        "2. Nếu mọi thứ nằm trong một cột (máy đặt dấu chấm phẩy làm dấu phân cách danh sách), "
        "mở Excel, chọn **Dữ liệu → Từ Văn bản/CSV** (Data → From Text/CSV), chọn tệp, đặt "
        "**Nguồn gốc tệp** là *65001: Unicode (UTF-8)* và **Dấu phân cách** là *Dấu phẩy*, rồi **Tải**.",
        "3. Ô bắt đầu bằng `=`, `+`, `-` hoặc `@` được thêm dấu nháy đơn `'` ở đầu để Excel không "
        "chạy nội dung như công thức; tệp JSON giữ nguyên giá trị gốc.",
        "",
        "## Những gì không bao giờ được công bố",
        "",
        "- Thông tin cá nhân: ngày sinh, số điện thoại, email, số CCCD/CMND, địa chỉ, quê quán. "
        "Hệ thống từ chối các trường này ngay khi kiểm tra nội dung, nên chúng không có trong kho "
        "dữ liệu.",
        "- Các trường mà hồ sơ liệt kê trong `confidential` (ví dụ giá trị làm lợi chưa được phép "
        "công bố).",
        "- Hồ sơ của người chọn không công khai (`publish: false`): không có trang riêng, không có "
        "trong `people`; khi được nêu trong danh sách tác giả hoặc danh sách khen thưởng thì chỉ "
        "có họ tên, không có mã.",
        "",
    ]
    return "\n".join(out)
