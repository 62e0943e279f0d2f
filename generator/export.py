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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.link import Node, Site
from generator.markup import escape_text
from generator.model import SLUG_RE
from generator.schema import render_schemas
from generator.share import absolute_url
from generator.vietnamese import format_count

OPEN_DATA_DIR = "du-lieu-mo"
BUNDLE_NAME = "sang-kien-showcase.json"
COUNTS_NAME = "counts.json"
SCHEMA_DIR = "schemas"
LIST_SEPARATOR = "; "

#: (site attribute and file stem, record kind, Vietnamese label), in the order the page lists them.
KINDS: tuple[tuple[str, str, str], ...] = (
    ("initiatives", "initiative", "Sáng kiến"),
    ("people", "person", "Cá nhân"),
    ("units", "unit", "Đơn vị"),
    ("awards", "award", "Quyết định khen thưởng"),
    ("events", "event", "Sự kiện"),
    ("campaigns", "campaign", "Chương trình"),
)

SCHEMA_LABELS = {
    "site": "Cấu hình trang (site.yml)",
    "taxonomies": "Danh mục dùng chung (taxonomies.yml)",
    "campaign": "Chương trình",
    "unit": "Đơn vị",
    "person": "Cá nhân",
    "initiative": "Sáng kiến",
    "award": "Quyết định khen thưởng",
    "event": "Sự kiện",
}

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


class _Exporter:
    def __init__(self, site: Site, base_url: str) -> None:
        self.site = site
        self.base_url = base_url

    def hidden(self, person_id: str) -> bool:
        """True when the person must not be named by id: publish: false (or no such record)."""
        person = self.site.people.get(person_id)
        return person is None or not person.published

    def person_name(self, person_id: str) -> str:
        person = self.site.people.get(person_id)
        return person.display_name if person is not None else person_id

    def name_or_id(self, text: str) -> str:
        """A group member or speaker: an id of a hidden person becomes their name."""
        if SLUG_RE.match(text) and text in self.site.people and self.hidden(text):
            return self.person_name(text)
        return text

    def record(self, node: Node) -> dict[str, Any]:
        data: dict[str, Any] = node.model.model_dump(mode="json", exclude={"confidential"})
        if node.kind == "person":
            data.pop("publish", None)  # always true for an exported person
        for author in data.get("authors", []) if node.kind == "initiative" else []:
            if author["person"] is not None and self.hidden(author["person"]):
                author["name"] = self.person_name(author["person"])
                author["person"] = None
        if node.kind == "award":
            for recipient in data["recipients"]:
                if recipient["person"] is not None and self.hidden(recipient["person"]):
                    recipient["name"] = self.person_name(recipient["person"])
                    recipient["person"] = None
                if recipient["group"] is not None:
                    recipient["group"] = [self.name_or_id(m) for m in recipient["group"]]
        if node.kind == "event":
            for item in data["programme"]:
                if item["speaker"] is not None:
                    item["speaker"] = self.name_or_id(item["speaker"])
        head: dict[str, Any] = {"id": node.id, "url": absolute_url(self.base_url, node.url)}
        if node.kind == "initiative":
            head["year"] = node.year
        # The fields every kind shares come first in the model; readers want the title first.
        tail = {name: data.pop(name) for name in ("example", "redirect_from")}
        result: dict[str, Any] = _plain_numbers({**head, **data, **tail})
        return result

    def records(self, attr: str) -> list[dict[str, Any]]:
        group: dict[str, Node] = getattr(self.site, attr)
        return [self.record(group[key]) for key in sorted(group) if group[key].published]

    # -- names for the CSV convenience columns
    def unit_name(self, unit_id: str | None) -> str | None:
        unit = self.site.units.get(unit_id) if unit_id else None
        return unit.display_name if unit is not None else None

    def term_name(self, vocab: str, key: str | None) -> str | None:
        terms = getattr(self.site.taxonomies, vocab)
        return terms[key].name if key in terms else None

    def recipient_names(self, recipient: dict[str, Any]) -> list[str]:
        if recipient["person"] is not None:
            return [self.person_name(recipient["person"])]
        if recipient["name"] is not None:
            return [str(recipient["name"]).strip()]
        if recipient["group"] is not None:
            return [self.person_name(m) if m in self.site.people else m for m in recipient["group"]]
        return []

    def recipient_label(self, recipient: dict[str, Any]) -> str:
        if recipient["unit"] is not None:
            return self.unit_name(recipient["unit"]) or recipient["unit"]
        return ", ".join(self.recipient_names(recipient))


class ExportPrivacyError(RuntimeError):
    """An unpublished person's id would have been exported: a bug, refused rather than leaked."""


def _check_no_hidden_ids(site: Site, data: dict[str, list[dict[str, Any]]]) -> None:
    """Last line of defence should the model gain a person reference this module does not rewrite.

    Any string value equal to the id of a ``publish: false`` person is refused, unless
    a record of another kind has that same id (then the value may well be that record).
    """
    hidden = {pid for pid, person in site.people.items() if not person.published}
    for attr, _, _ in KINDS:
        if attr != "people":
            hidden -= set(getattr(site, attr))
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


def _recipient_kind(recipient: dict[str, Any]) -> str:
    for key in ("person", "unit", "group", "name"):
        if recipient[key] is not None:
            return key
    return ""


# -- CSV -------------------------------------------------------------------------

Column = tuple[str, Callable[[dict[str, Any]], Any]]


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


def _csv_bytes(columns: list[Column], rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow([_cell(get(row)) for _, get in columns])
    # The BOM is what makes Excel read UTF-8 instead of the ANSI code page.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _field(name: str) -> Column:
    return (name, lambda row: row.get(name))


def _fields(*names: str) -> list[Column]:
    return [_field(name) for name in names]


def _columns(ex: _Exporter) -> dict[str, list[Column]]:
    def recognition(key: str) -> Callable[[dict[str, Any]], Any]:
        return lambda row: (row["recognition"] or {}).get(key)

    def share(value: Any) -> str:
        return "" if value is None else str(value)

    return {
        "initiatives": [
            *_fields("id", "url", "year", "title"),
            (
                "authors",
                lambda r: [
                    ex.person_name(a["person"]) if a["person"] else a["name"] for a in r["authors"]
                ],
            ),
            ("author_ids", lambda r: [a["person"] or "" for a in r["authors"]]),
            ("author_shares", lambda r: [share(a["share"]) for a in r["authors"]]),
            _field("unit"),
            ("unit_name", lambda r: ex.unit_name(r["unit"])),
            _field("owner"),
            _field("field"),
            ("field_name", lambda r: ex.term_name("fields", r["field"])),
            _field("type"),
            ("type_name", lambda r: ex.term_name("initiative_types", r["type"])),
            *_fields("campaign", "phase", "first_applied"),
            ("recognition_by", recognition("by")),
            ("recognition_level", recognition("level")),
            ("recognition_date", recognition("date")),
            ("recognition_decision_number", recognition("decision_number")),
            _field("status"),
            ("status_name", lambda r: ex.term_name("statuses", r["status"])),
            *_fields("benefit_vnd", "summary", "tags", "images", "description", "conditions"),
            *_fields("example"),
        ],
        "people": [
            *_fields("id", "url", "name", "job_title", "unit"),
            ("unit_name", lambda r: ex.unit_name(r["unit"])),
            *_fields("photo", "bio", "example"),
        ],
        "units": [
            *_fields("id", "url", "name", "short_name", "kind"),
            ("kind_name", lambda r: ex.term_name("unit_kinds", r["kind"])),
            _field("parent"),
            ("parent_name", lambda r: ex.unit_name(r["parent"])),
            *_fields("province", "website", "logo", "description", "example"),
        ],
        "awards": [
            *_fields("id", "url", "title", "form"),
            ("form_name", lambda r: ex.term_name("award_forms", r["form"])),
            _field("issuer"),
            ("issuer_name", lambda r: ex.unit_name(r["issuer"])),
            *_fields("decision_number", "date", "event", "campaign", "summary"),
            ("recipient_count", lambda r: len(r["recipients"])),
            ("recipients", lambda r: [ex.recipient_label(x) for x in r["recipients"]]),
            *_fields("description", "example"),
        ],
        "events": [
            *_fields("id", "url", "title", "date", "end_date", "place", "province", "organiser"),
            ("organiser_name", lambda r: ex.unit_name(r["organiser"])),
            *_fields("campaign", "phase", "summary", "photos"),
            ("programme_topics", lambda r: [item["topic"] for item in r["programme"]]),
            *_fields("description", "example"),
        ],
        "campaigns": [
            *_fields("id", "url", "title", "short_name", "organiser"),
            ("organiser_name", lambda r: ex.unit_name(r["organiser"])),
            *_fields("start", "end", "summary", "website"),
            ("phases", lambda r: [p["key"] for p in r["phases"]]),
            ("phase_names", lambda r: [p["name"] for p in r["phases"]]),
            ("phase_targets", lambda r: [share(p["target"]) for p in r["phases"]]),
            *_fields("description", "example"),
        ],
    }


RECIPIENT_COLUMNS: list[Column] = _fields(
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

TAXONOMY_COLUMNS: list[Column] = _fields("vocabulary", "key", "name", "description")


def _recipient_rows(ex: _Exporter, awards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for award in awards:
        for position, recipient in enumerate(award["recipients"], start=1):
            rows.append(
                {
                    "award": award["id"],
                    "award_title": award["title"],
                    "date": award["date"],
                    "form": award["form"],
                    "issuer": award["issuer"],
                    "position": position,
                    "kind": _recipient_kind(recipient),
                    "person": recipient["person"],
                    "unit": recipient["unit"],
                    "names": ex.recipient_names(recipient)
                    if recipient["unit"] is None
                    else [ex.recipient_label(recipient)],
                    "initiative": recipient["initiative"],
                    "citation": recipient["citation"],
                    "job_title": recipient["job_title"],
                }
            )
    return rows


def _taxonomy_rows(taxonomies: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"vocabulary": vocab, "key": key, "name": term["name"], "description": term["description"]}
        for vocab, terms in taxonomies.items()
        for key, term in terms.items()
    ]


# -- the dataset -------------------------------------------------------------------


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def _path(name: str) -> str:
    return f"{OPEN_DATA_DIR}/{name}"


def export_counts(site: Site) -> dict[str, int]:
    """Records per kind as exported (published people only), plus award recipient lines."""
    counts = {
        attr: sum(1 for node in getattr(site, attr).values() if node.published)
        for attr, _, _ in KINDS
    }
    counts["award_recipients"] = sum(len(a.model.recipients) for a in site.awards.values())
    return counts


def export_dataset(site: Site, base_url: str | None = None) -> dict[str, bytes]:
    """Every open-data file: ``{"du-lieu-mo/initiatives.json": b"…", …}``.

    ``base_url`` defaults to ``site.config.base_url``; records carry absolute page URLs.
    """
    ex = _Exporter(site, base_url or site.config.base_url)
    files: dict[str, bytes] = {}
    columns = _columns(ex)
    data: dict[str, list[dict[str, Any]]] = {}
    for attr, _, _ in KINDS:
        data[attr] = ex.records(attr)
        files[_path(f"{attr}.json")] = _json_bytes(data[attr])
        files[_path(f"{attr}.csv")] = _csv_bytes(columns[attr], data[attr])
    _check_no_hidden_ids(site, data)
    files[_path("award-recipients.csv")] = _csv_bytes(
        RECIPIENT_COLUMNS, _recipient_rows(ex, data["awards"])
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
        "source": absolute_url(ex.base_url, ""),
        "license": license_name,
        "license_url": LICENSE_URLS.get(license_name),
        "generated_from": GENERATED_FROM,
        "counts": counts,
        "schemas": {kind: f"{SCHEMA_DIR}/{kind}.schema.json" for _, kind, _ in KINDS},
        "taxonomies": taxonomies,
        **data,
    }
    files[_path(BUNDLE_NAME)] = _json_bytes(bundle)
    for name, text in render_schemas().items():
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
        _Row(label, counts.get(attr), f"{attr}.json", f"{attr}.csv") for attr, _, label in KINDS
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
        "Mỗi bản ghi JSON (bỏ các khoá `id`, `url`, `year`) hợp lệ theo lược đồ của loại hồ sơ; "
        "lược đồ ghi nghĩa của từng trường bằng tiếng Việt.",
        "",
    ]
    for name in render_schemas():
        kind = name.removesuffix(".schema.json")
        out.append(f"- [{name}]({SCHEMA_DIR}/{name}): {SCHEMA_LABELS.get(kind, kind)}")
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
