"""`showcase import`: award lists as unions keep them → records that validate.

Spreadsheets are written here with openpyxl in the shape of a real annex to an
award decision: a title block, a header row in capitals, merged cells, "I. TẬP
THỂ" / "II. CÁ NHÂN" sections, a group of authors numbered 3.1, 3.2, a private
column, a cell typed in TCVN3, and a footer with the signature block.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, TODAY
from openpyxl.styles import Font

from generator.cli import cli
from generator.importer import ImportOptions, ImportResult, run_import
from generator.importer.headers import Role, classify_header
from generator.pipeline import check_content
from generator.problems import Severity

AWARD = "khen-thuong-2023"
OPTIONS = {"form": "bang-khen", "issuer": "ldld-tinh-mau"}


def title_block(ws: Any, width: str = "G") -> None:
    ws["A1"] = "LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU"
    ws.merge_cells("A1:C1")
    ws["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells(f"D1:{width}1")
    ws["D2"] = "Độc lập - Tự do - Hạnh phúc"
    ws["A3"] = "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"
    ws.merge_cells(f"A3:{width}3")
    ws["A4"] = (
        "(Kèm theo Quyết định số 45/QĐ-LĐLĐ ngày 20 tháng 7 năm 2023 của Ban Thường vụ LĐLĐ tỉnh Mẫu)"
    )
    ws.merge_cells(f"A4:{width}4")


def sample_workbook(path: Path, *, ambiguous: bool = False) -> Path:
    """The award list used by most tests (rows are referred to by number below)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    title_block(ws)
    ws.append([])
    # Row 6: headers in capitals, in their own order, with a private column (C).
    ws.append(
        ["STT", "HỌ VÀ TÊN", "Ngày sinh", "CHỨC VỤ", "Đơn vị  công tác", "TÊN SÁNG KIẾN", "Ghi chú"]
    )
    ws.append(["I. TẬP THỂ"])  # row 7
    ws.merge_cells("A7:G7")
    ws.append([1, "Công đoàn cơ sở Nhà máy Mẫu", None, None, "LĐLĐ tỉnh Mẫu"])  # 8: existing unit
    ws.append([2, "Tổ Cơ  điện   Phân xưởng 2", None, None, "Nhà máy Mẫu"])  # 9: new unit
    ws.append(["II. CÁ NHÂN"])  # row 10
    ws.merge_cells("A10:G10")
    # 11: an existing person (matched by name; the unit confirms it).
    ws.append(
        [
            1,
            "Nguyễn Văn An",
            "12/3/1980",
            "Tổ trưởng",
            "Công đoàn cơ sở Nhà máy Mẫu",
            "Cải tiến máy cắt tự động",
        ]
    )
    # 12: typed with a TCVN3 font.
    ws.append([2, "NguyÔn ThÞ Hång", "1990", "C«ng nh©n", "Nhà máy Mẫu", "Cải tiến băng tải"])
    ws["B12"].font = Font(name=".VnTime")
    ws["D12"].font = Font(name=".VnTime")
    # 13-15: a group of authors; the initiative is merged over the group's rows.
    ws.append([3, "Nhóm tác giả:", None, None, None, "Sổ tay an toàn điện tử"])
    ws.append(["3.1", "Phạm Văn Dũng", "1985", "Kỹ sư", "Nhà máy Mẫu"])
    ws.append(["3.2", "HOÀNG THỊ EM", None, "Kỹ thuật viên", "Nhà máy Mẫu"])
    ws.merge_cells("F13:F15")
    name = "Lê Văn Cường" if ambiguous else "Trần Văn Hải"
    ws.append([4, name, None, "Công nhân", None, None, "Thành tích xuất sắc"])  # 16
    ws.append([])
    ws.append([None, None, None, None, "TM. BAN THƯỜNG VỤ"])
    ws.append([None, None, None, None, "CHỦ TỊCH"])
    ws.append([None, "Nguyễn Văn Chủ"])  # the signer: not a recipient
    wb.save(path)
    return path


@pytest.fixture
def sample_content(tmp_path: Path) -> Path:
    """A writable copy of the repository's sample content (content/)."""
    target = tmp_path / "sample" / "content"
    shutil.copytree(REPO / "content", target)
    return target


def do_import(sheet: Path, content: Path, **kwargs: Any) -> ImportResult:
    options = {**OPTIONS, **kwargs}
    return run_import(sheet, ImportOptions(award=AWARD, content=content, today=TODAY, **options))


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def errors(result: ImportResult) -> list[str]:
    return [p.format() for p in result.problems if p.severity is Severity.ERROR]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


# -- headers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("STT", Role.STT),
        ("Số TT", Role.STT),
        ("TT", Role.STT),
        ("Họ và tên", Role.NAME),
        ("HỌ VÀ TÊN", Role.NAME),
        ("Ho  va ten", Role.NAME),
        ("Họ, tên", Role.NAME),
        ("Họ tên", Role.NAME),
        ("Tên tập thể", Role.NAME),
        ("TÊN ĐƠN VỊ", Role.NAME),
        ("Tập thể, cá nhân", Role.NAME),
        ("Chức vụ", Role.JOB),
        ("Chức danh", Role.JOB),
        ("Chức vụ/Chức danh", Role.JOB),
        ("Chức vụ, đơn vị công tác", Role.JOB_UNIT),
        ("Đơn vị", Role.UNIT),
        ("ĐƠN VỊ CÔNG TÁC", Role.UNIT),
        ("Don vi cong tac", Role.UNIT),
        ("Tên sáng kiến", Role.INITIATIVE),
        ("Tên sáng kiến, giải pháp", Role.INITIATIVE),
        ("Thành tích", Role.CITATION),
        ("Nội dung thành tích", Role.CITATION),
        ("Ghi chú", Role.NOTE),
        ("Mã hồ sơ", Role.ID),
        ("Ngày sinh", Role.PRIVATE),
        ("Năm sinh", Role.PRIVATE),
        ("Ngày, tháng, năm sinh", Role.PRIVATE),
        ("Số CCCD/CMND", Role.PRIVATE),
        ("Số điện thoại", Role.PRIVATE),
        ("ĐT", Role.PRIVATE),
        ("Địa chỉ", Role.PRIVATE),
        ("Email", Role.PRIVATE),
        ("Quê quán", Role.PRIVATE),
        ("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", None),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None),
    ],
)
def test_header_variants(text: str, role: Role | None) -> None:
    assert classify_header(text) is role


# -- the round trip ----------------------------------------------------------------------


def test_import_then_validate(base_content: Path, tmp_path: Path) -> None:
    sheet = sample_workbook(tmp_path / "danh-sach.xlsx")
    result = do_import(sheet, base_content, field="san-xuat")
    assert errors(result) == []
    assert result.written == len(result.files) > 0

    s = result.summary
    assert (s.rows, s.collectives, s.individuals, s.groups, s.group_members) == (8, 2, 3, 1, 2)

    award = load(base_content / "awards" / f"{AWARD}.yml")
    assert award["decision_number"] == "45/QĐ-LĐLĐ"  # read from the title block
    assert award["date"] == dt.date(2023, 7, 20)
    assert award["example"] is False
    recipients = award["recipients"]
    assert recipients[0] == {"unit": "cdcs-nha-may-mau"}
    assert recipients[1] == {"unit": "to-co-dien-phan-xuong-2"}
    assert recipients[2]["person"] == "nguyen-van-an"
    assert recipients[2]["initiative"] == "may-cat-tu-dong"  # matched by title
    assert recipients[2]["job_title"] == "Tổ trưởng"
    assert recipients[3]["person"] == "nguyen-thi-hong"
    assert recipients[4]["group"] == ["pham-van-dung", "hoang-thi-em"]
    assert recipients[4]["initiative"] == "so-tay-an-toan-dien-tu"
    # "Ghi chú" (notes) is not imported.
    assert recipients[5] == {"person": "tran-van-hai", "job_title": "Công nhân"}
    # The signer below "CHỦ TỊCH" is not a recipient.
    assert "nguyen-van-chu" not in str(recipients)

    # New records: units need a kind, and the parent comes from the list.
    unit = load(base_content / "units" / "to-co-dien-phan-xuong-2.yml")
    assert unit == {
        "example": False,
        "name": "Tổ Cơ điện Phân xưởng 2",
        "kind": "cong-doan-co-so",
        "parent": "cdcs-nha-may-mau",
    }
    hong = load(base_content / "people" / "nguyen-thi-hong.yml")
    assert hong == {
        "example": False,
        "name": "Nguyễn Thị Hồng",  # converted from TCVN3
        "job_title": "Công nhân",
        "unit": "cdcs-nha-may-mau",
    }
    assert load(base_content / "people" / "hoang-thi-em.yml")["name"] == "Hoàng Thị Em"
    group_initiative = load(base_content / "initiatives" / "2023" / "so-tay-an-toan-dien-tu.yml")
    assert group_initiative["authors"] == [{"person": "pham-van-dung"}, {"person": "hoang-thi-em"}]
    assert group_initiative["field"] == "san-xuat"

    # Nothing private was imported, and every written file is NFC with 2-space indents.
    for plan in result.files:
        text = plan.path.read_text("utf-8")
        assert "1980" not in text and "1985" not in text
        assert text.startswith("# yaml-language-server: $schema=")
        assert "\t" not in text
        assert "\n- " not in text  # list items are indented under their key

    _, problems = check_content(base_content, today=TODAY)
    assert [p.format() for p in problems if p.severity is Severity.ERROR] == []

    # A second run changes nothing.
    again = do_import(sheet, base_content, field="san-xuat")
    assert errors(again) == []
    assert again.written == 0
    assert {f.status for f in again.files} == {"unchanged"}


def test_problems_point_at_cells(base_content: Path, tmp_path: Path) -> None:
    result = do_import(sample_workbook(tmp_path / "ds.xlsx"), base_content)
    by_code = {p.code: p for p in result.problems}
    private = by_code["nhap-cot-ca-nhan"]
    assert (private.line, private.col, private.severity) == (6, 3, Severity.WARNING)
    assert "'Ngày sinh' (C)" in private.message
    legacy = [p for p in result.problems if p.code == "nhap-bang-ma-cu"]
    assert {(p.line, p.col) for p in legacy} == {(12, 2), (12, 4)}
    assert any("B12" in p.message and "Nguyễn Thị Hồng" in p.message for p in legacy)
    assert all(p.path.endswith("ds.xlsx") for p in result.problems)
    # No --field given: the new initiatives are written as needing review, and the editor is told.
    review = by_code["nhap-can-ra-soat"]
    assert review.severity is Severity.WARNING
    assert "2 sáng kiến mới chưa có lĩnh vực/loại" in review.message
    assert result.needs_review == 2
    # "Tổ Cơ điện Phân xưởng 2" does not tell its kind: reported at its cell.
    kind = by_code["nhap-loai-don-vi"]
    assert (kind.line, kind.col, kind.severity) == (9, 2, Severity.WARNING)
    assert "'Tổ Cơ điện Phân xưởng 2'" in kind.message


def test_dry_run_writes_nothing(base_content: Path, tmp_path: Path) -> None:
    before = snapshot(base_content)
    sheet = sample_workbook(tmp_path / "ds.xlsx")
    result = CliRunner().invoke(
        cli,
        [
            "import",
            str(sheet),
            "--award",
            AWARD,
            *_flags(),
            "--content",
            str(base_content),
            "--dry-run",
        ],
    )
    assert result.exit_code == 0, result.output
    assert snapshot(base_content) == before
    for record in (
        f"awards/{AWARD}.yml",
        "people/nguyen-thi-hong.yml",
        "people/pham-van-dung.yml",
        "units/to-co-dien-phan-xuong-2.yml",
        "initiatives/2023/so-tay-an-toan-dien-tu.yml",
    ):
        assert f"sẽ tạo     {base_content.as_posix()}/{record}" in result.output
    assert "chưa ghi tệp nào" in result.output


def _flags() -> list[str]:
    return ["--form", "bang-khen", "--issuer", "ldld-tinh-mau"]


def test_ambiguous_name_is_reported_not_guessed(base_content: Path, tmp_path: Path) -> None:
    # A second "Lê Văn Cường" in another unit: the list row (no unit) matches both.
    (base_content / "people" / "le-van-cuong-2.yml").write_text(
        "name: Lê Văn Cường\nunit: ldld-tinh-mau\n", "utf-8"
    )
    before = snapshot(base_content)
    sheet = sample_workbook(tmp_path / "ds.xlsx", ambiguous=True)
    result = do_import(sheet, base_content)
    ambiguous = [p for p in result.problems if p.code == "nhap-khop-nhieu"]
    assert len(ambiguous) == 1
    assert (ambiguous[0].line, ambiguous[0].col) == (16, 2)
    assert "le-van-cuong, le-van-cuong-2" in ambiguous[0].message
    assert result.written == 0
    assert snapshot(base_content) == before

    runner = CliRunner().invoke(
        cli, ["import", str(sheet), "--award", AWARD, *_flags(), "--content", str(base_content)]
    )
    assert runner.exit_code == 1
    assert "Chưa ghi tệp nào" in runner.output


def test_namesakes_in_other_units_are_other_people(base_content: Path, tmp_path: Path) -> None:
    """Same name, another unit: a new person (with a warning), and a re-run changes nothing."""
    path = tmp_path / "ds.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Đơn vị công tác"])
    ws.append([1, "Nguyễn Văn An", "Công ty Khác"])  # existing An is in cdcs-nha-may-mau
    ws.append([2, "Nguyễn Văn An", "LĐLĐ tỉnh Mẫu"])  # an existing unit, but not An's
    ws.append([3, "Nguyễn Văn An", "CĐCS Nhà máy Mẫu"])  # An himself
    ws.append([4, "Lê Văn Cường", "Nhà máy Mẫu"])  # the union prefix does not matter
    ws.append([5, "Trần Văn Xuân", "Công ty Khác"])
    ws.append([6, "Trần Văn Xuân", None])  # no unit: the one just created above
    wb.save(path)
    result = do_import(path, base_content, date=dt.date(2023, 1, 5))
    assert errors(result) == []
    namesakes = [p for p in result.problems if p.code == "nhap-trung-ten"]
    assert [(p.line, p.severity) for p in namesakes] == [
        (2, Severity.WARNING),
        (3, Severity.WARNING),
    ]
    award = load(base_content / "awards" / f"{AWARD}.yml")
    assert [r["person"] for r in award["recipients"]] == [
        "nguyen-van-an-2",
        "nguyen-van-an-3",
        "nguyen-van-an",
        "le-van-cuong",
        "tran-van-xuan",
        "tran-van-xuan",
    ]
    assert load(base_content / "people" / "nguyen-van-an-2.yml")["unit"] == "cong-ty-khac"
    assert load(base_content / "people" / "nguyen-van-an-3.yml")["unit"] == "ldld-tinh-mau"

    again = do_import(path, base_content, date=dt.date(2023, 1, 5))
    assert again.problems == []
    assert again.written == 0 and {f.status for f in again.files} == {"unchanged"}


def test_existing_award_is_never_overwritten(base_content: Path, tmp_path: Path) -> None:
    target = base_content / "awards" / f"{AWARD}.yml"
    target.write_text("title: Khác\n", "utf-8")
    before = snapshot(base_content)
    result = do_import(sample_workbook(tmp_path / "ds.xlsx"), base_content)
    conflicts = [p for p in result.problems if p.code == "nhap-xung-dot"]
    assert len(conflicts) == 1 and conflicts[0].path.endswith(f"awards/{AWARD}.yml")
    assert result.failed and result.written == 0
    assert snapshot(base_content) == before


def test_legacy_cell_that_cannot_be_read_is_reported(base_content: Path, tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Đơn vị"])
    ws.append([1, "Tr¸¸n V¨n", "Nhà máy Mẫu"])
    wb.save(path)
    result = do_import(path, base_content, date=dt.date(2023, 1, 5))
    [problem] = [p for p in result.problems if p.code == "nhap-bang-ma-cu"]
    assert (problem.line, problem.col, problem.severity) == (2, 2, Severity.ERROR)
    assert "ô B2 có vẻ gõ bằng bảng mã TCVN3" in problem.message
    assert result.written == 0


def test_no_header_row(base_content: Path, tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Một bảng", "không phải", "danh sách"])
    wb.save(path)
    result = do_import(path, base_content)
    assert [p.code for p in result.problems] == ["nhap-khong-thay-tieu-de"]


def test_missing_options_are_named(base_content: Path, tmp_path: Path) -> None:
    # The title block names the issuer ("LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU") but no award form.
    sheet = sample_workbook(tmp_path / "ds.xlsx")
    result = run_import(sheet, ImportOptions(award=AWARD, content=base_content, today=TODAY))
    messages = [p.message for p in result.problems if p.code == "nhap-tuy-chon"]
    assert len(messages) == 1
    assert messages[0].startswith("--form là bắt buộc")
    assert "không nêu hình thức nào trong award_forms" in messages[0]
    assert str(result.inferred[0]).startswith("cơ quan khen thưởng = ldld-tinh-mau")
    assert result.written == 0

    # No title block at all: the issuer, the form and the date are asked for.
    bare = tmp_path / "bare.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["STT", "Họ và tên", "Đơn vị"])
    wb.active.append([1, "Trần Văn Xuân", "Nhà máy Mẫu"])
    wb.save(bare)
    result = run_import(bare, ImportOptions(award=AWARD, content=base_content, today=TODAY))
    messages = [p.message for p in result.problems if p.code == "nhap-tuy-chon"]
    assert sorted(m.split(" ")[0] for m in messages) == ["--date", "--form", "--issuer"]
    assert result.inferred == []


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1258"])
def test_csv(base_content: Path, tmp_path: Path, encoding: str) -> None:
    from test_legacy_encoding import _cp1258_form

    text = (
        "DANH SÁCH CÁ NHÂN ĐƯỢC KHEN THƯỞNG;;;\n"
        "Kèm theo Quyết định số 7/QĐ-LĐLĐ ngày 5/1/2023;;;\n"
        "TT;Ho va ten;Chuc vu;Don vi cong tac\n"
        "1;  Đỗ   Thị Hằng ;Kế toán;Nhà máy Mẫu\n"
        "2;Trần Thị Bình;Chuyên viên;LĐLĐ tỉnh Mẫu\n"
    )
    data = _cp1258_form(text).encode("cp1258") if encoding == "cp1258" else text.encode(encoding)
    path = tmp_path / "ds.csv"
    path.write_bytes(data)
    result = do_import(path, base_content)
    assert errors(result) == []
    award = load(base_content / "awards" / f"{AWARD}.yml")
    assert award["date"] == dt.date(2023, 1, 5)
    assert [r.get("person") for r in award["recipients"]] == ["do-thi-hang", "tran-thi-binh"]
    assert load(base_content / "people" / "do-thi-hang.yml")["name"] == "Đỗ Thị Hằng"


def test_spreadsheet_shapes(tmp_path: Path) -> None:
    """Two-row headers, merged STT over a group, a) b) sub-rows, sheets per section, a footer."""
    from generator.importer.headers import find_header
    from generator.importer.parse import parse_listing
    from generator.importer.sheet import read_sheets

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cá nhân"
    ws.append(["DANH SÁCH CÁ NHÂN"])
    ws.append(["TT", "Họ và tên", "Năm sinh", None, "Chức vụ, đơn vị công tác", "Tên sáng kiến"])
    ws.append([None, None, "Nam", "Nữ", None, None])
    for merged in ("A2:A3", "B2:B3", "C2:D2", "E2:E3", "F2:F3"):
        ws.merge_cells(merged)
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    ws.append([1, "Nguyễn Văn A", 1980, None, "Kỹ sư, Phòng Kỹ thuật, Công ty X", "Sáng kiến một"])
    ws.append([2, "Trần Thị B", None, 1985, "Công nhân, Công ty X", "Sáng kiến hai"])
    ws.append([None, "Lê Văn C", None, None, "Công nhân, Công ty X", None])
    ws.append([None, "Phạm Văn D", None, None, "Công nhân, Công ty X", None])
    ws.merge_cells("A6:A8")  # one STT for the group's three rows
    ws.merge_cells("F6:F8")
    ws.append([3, "Nhóm tác giả", None, None, None, "Sáng kiến ba"])
    ws.append(["a)", "Hồ Văn E", None, None, "Kỹ sư, Công ty Y", None])
    ws.append(["b)", "Đỗ Thị G", None, None, "Kỹ sư, Công ty Y", None])
    ws.append([4, "Vũ Văn H", None, None, "Kỹ sư, Công ty Y", "Sáng kiến bốn"])
    # No STT but an initiative of its own: a separate person, not a member of the row above.
    ws.append([None, "Ngô Văn I", None, None, "Kỹ sư, Công ty Y", "Sáng kiến năm"])
    ws.append(["Tổng cộng: 9 người"])
    ws.append([99, "Người sau phần cuối"])
    collectives = wb.create_sheet("Tập thể")
    collectives.append(["STT", "Tên", "Thành tích"])
    collectives.append([1, "Tổ Bảo trì", "Xuất sắc"])
    path = tmp_path / "shapes.xlsx"
    wb.save(path)

    people_sheet, unit_sheet = read_sheets(path)
    header = find_header(people_sheet)
    assert header is not None and header.row == 2
    assert header.roles[3] is header.roles[4] is Role.PRIVATE
    listing = parse_listing(people_sheet, header)
    assert listing.problems == []
    assert listing.rows_read == 9
    shape = [
        (e.kind, [(m.name, m.job_title, m.unit) for m in e.members], e.initiative)
        for e in listing.entries
    ]
    assert shape == [
        ("person", [("Nguyễn Văn A", "Kỹ sư", "Phòng Kỹ thuật, Công ty X")], "Sáng kiến một"),
        (
            "group",
            [(n, "Công nhân", "Công ty X") for n in ("Trần Thị B", "Lê Văn C", "Phạm Văn D")],
            "Sáng kiến hai",
        ),
        ("group", [(n, "Kỹ sư", "Công ty Y") for n in ("Hồ Văn E", "Đỗ Thị G")], "Sáng kiến ba"),
        ("person", [("Vũ Văn H", "Kỹ sư", "Công ty Y")], "Sáng kiến bốn"),
        ("person", [("Ngô Văn I", "Kỹ sư", "Công ty Y")], "Sáng kiến năm"),
    ]
    from generator.importer import _mode_from_sheet_name

    unit_header = find_header(unit_sheet)
    assert unit_header is not None
    units = parse_listing(unit_sheet, unit_header, _mode_from_sheet_name(unit_sheet.name))
    assert [(e.kind, e.members[0].name, e.citation) for e in units.entries] == [
        ("unit", "Tổ Bảo trì", "Xuất sắc")
    ]


def test_mixed_list_without_sections(tmp_path: Path) -> None:
    """ "Tên tập thể, cá nhân" with no section rows: organisations are told apart by name."""
    from generator.importer.headers import find_header
    from generator.importer.parse import parse_listing
    from generator.importer.sheet import read_sheets

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Tên tập thể, cá nhân", "Đơn vị"])
    ws.append([1, "Công đoàn cơ sở Công ty A", "LĐLĐ tỉnh Mẫu"])
    ws.append([2, "Tổ Bảo trì", "Công ty A"])
    ws.append([3, "Tô Văn Bảo", "Công ty A"])  # the surname Tô, not "tổ"
    ws.append([4, "Trương Thị Mai", "Công ty A"])  # the surname Trương, not "trường"
    ws.append([5, "Tập thể tác giả", None])
    ws.append(["5.1", "Lê Văn A", "Công ty A"])
    ws.append(["5.2", "Lê Văn B", "Công ty A"])
    path = tmp_path / "mixed.xlsx"
    wb.save(path)
    [sheet] = read_sheets(path)
    header = find_header(sheet)
    assert header is not None
    entries = parse_listing(sheet, header).entries
    assert [(e.kind, [m.name for m in e.members]) for e in entries] == [
        ("unit", ["Công đoàn cơ sở Công ty A"]),
        ("unit", ["Tổ Bảo trì"]),
        ("person", ["Tô Văn Bảo"]),
        ("person", ["Trương Thị Mai"]),
        ("group", ["Lê Văn A", "Lê Văn B"]),
    ]


# -- a list of 177 rows ------------------------------------------------------------------

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLES = ["Văn", "Thị", "Minh", "Quốc", "Thu", "Đức", "Ngọc", "Hữu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hằng", "Hùng", "Lan", "Mai", "Nam", "Sơn"]


def big_workbook(path: Path, rows: int = 177, collectives: int = 17) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    title_block(ws, "F")
    ws.append([])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Thành tích", "Số điện thoại"])
    ws.append(["I. TẬP THỂ"])
    for n in range(1, collectives + 1):
        ws.append(
            [n, f"Công đoàn cơ sở Công ty số {n}", None, "LĐLĐ tỉnh Mẫu", "Dẫn đầu phong trào"]
        )
    ws.append(["II. CÁ NHÂN"])
    names = [f"{s} {m} {g}" for g in GIVEN for m in MIDDLES for s in SURNAMES]
    for n in range(1, rows - collectives + 1):
        ws.append(
            [n, names[n * 7 % len(names)], "Công nhân", f"Công ty số {n % 9 + 1}",
             "Có sáng kiến cải tiến kỹ thuật", "0912345678"]
        )  # fmt: skip
    wb.save(path)
    return path


def test_177_rows_of_the_sample_import_with_no_issuer_and_no_form(
    sample_content: Path, tmp_path: Path
) -> None:
    """The committed 177-row list, imported into the sample content in one command."""
    from fixtures.make_import_fixtures import FIXTURE_177

    award_id = "bang-khen-ldld-thanh-hoa-2022-07"
    args = ["import", str(FIXTURE_177), "--award", award_id, "--content", str(sample_content)]
    first = CliRunner().invoke(cli, args, env={"SHOWCASE_TODAY": TODAY.isoformat()})
    assert first.exit_code == 0, first.output
    output = first.output
    for inferred in (
        "cơ quan khen thưởng = ldld-thanh-hoa (Liên đoàn Lao động tỉnh Thanh Hóa; ô A1: "
        "“LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA”)",
        "hình thức khen thưởng = bang-khen-ldld-tinh (Bằng khen của LĐLĐ tỉnh; ô A5: “BẰNG KHEN”)",
        "ngày quyết định = 15/7/2022",
        "số quyết định = 1102/QĐ-LĐLĐ",
    ):
        assert f"Đã suy ra từ tiêu đề: {inferred}\n" in output
    assert "Đã đọc 177 dòng: 27 tập thể, 146 cá nhân, 1 nhóm tác giả (3 thành viên)" in output
    # 36 individuals and the group name an initiative; the list gives no field or type.
    assert "37 sáng kiến cần rà soát lĩnh vực/loại" in output
    assert "cột 'Số điện thoại' (F) chứa dữ liệu cá nhân" in output

    award_file = sample_content / "awards" / f"{award_id}.yml"
    award = load(award_file)
    assert (award["form"], award["issuer"], award["date"]) == (
        "bang-khen-ldld-tinh",
        "ldld-thanh-hoa",
        dt.date(2022, 7, 15),
    )
    assert len(award["recipients"]) == 27 + 146 + 1
    assert "0900000001" not in award_file.read_text("utf-8")
    units = [r["unit"] for r in award["recipients"] if "unit" in r]
    # Existing units are found by name or short name, abbreviations spelled out.
    assert units[:2] == ["cdcs-cong-ty-xi-mang-dong-nghi-son", "cdcs-truong-thcs-binh-minh"]
    assert "cong-doan-vien-chuc-thanh-hoa" in units
    assert {"person": "nguyen-van-hung", "job_title": "Công nhân"} in award["recipients"]

    def unit(unit_id: str) -> tuple[str, str]:
        data = load(sample_content / "units" / f"{unit_id}.yml")
        return data["name"], data["kind"]

    assert unit("cong-doan-co-so-cong-ty-cp-xi-mang-bim-son") == (
        "Công đoàn cơ sở Công ty CP Xi măng Bỉm Sơn",
        "cong-doan-co-so",
    )
    assert unit("dien-luc-thanh-hoa") == ("Điện lực Thanh Hóa", "doanh-nghiep")
    assert unit("benh-vien-da-khoa-huyen-nga-son") == (
        "Bệnh viện Đa khoa huyện Nga Sơn",
        "co-quan",
    )
    assert unit("lien-doan-lao-dong-thi-xa-nghi-son") == (
        "Liên đoàn Lao động thị xã Nghi Sơn",
        "cong-doan-cap-tren-co-so",
    )
    assert unit("cong-doan-nganh-giao-duc-tinh-thanh-hoa")[1] == "cong-doan-nganh"
    assert load(sample_content / "units" / "cong-doan-co-so-truong-thpt-le-loi.yml")["parent"] == (
        "cong-doan-nganh-giao-duc-tinh-thanh-hoa"
    )
    initiatives = [
        load(path) for path in (sample_content / "initiatives" / "2022").glob("*.yml")
        if load(path).get("example") is False
    ]  # fmt: skip
    assert len(initiatives) == 37
    assert {(i["field"], i["type"], i["status"]) for i in initiatives} == {
        ("chua-phan-loai", "chua-phan-loai", "can-ra-soat")
    }

    _, problems = check_content(sample_content, today=TODAY)
    assert [p.format() for p in problems if p.severity is Severity.ERROR] == []

    second = CliRunner().invoke(cli, args, env={"SHOWCASE_TODAY": TODAY.isoformat()})
    assert second.exit_code == 0, second.output
    # Everything now exists: the award (whose record gives issuer and form) is unchanged.
    assert "Đã ghi 0 tệp, 1 không đổi, 0 xung đột" in second.output
    assert "Đã suy ra" not in second.output


def test_committed_177_row_fixture_is_what_its_script_builds(tmp_path: Path) -> None:
    from fixtures.make_import_fixtures import FIXTURE_177, build_177

    from generator.importer.sheet import read_sheets

    def texts(path: Path) -> list[list[tuple[str, bool]]]:
        return [[(c.text, c.covered) for c in row] for s in read_sheets(path) for row in s.rows]

    assert texts(FIXTURE_177) == texts(build_177(tmp_path / "rebuilt.xlsx"))


@pytest.mark.slow
def test_imported_award_page_is_built(tmp_path: Path) -> None:
    """Round trip import → validate → build: the award page lists every recipient."""
    from bs4 import BeautifulSoup
    from conftest import BASE_CONTENT, build_site, copy_project

    content = tmp_path / "content"
    shutil.copytree(BASE_CONTENT, content)
    sheet = big_workbook(tmp_path / "danh-sach-177.xlsx")
    result = do_import(sheet, content)
    assert errors(result) == []
    project = copy_project(tmp_path / "project", content=content)
    built = build_site(project, site_dir=project / "site", strict=False, search=False)
    page = built.site_dir / "khen-thuong" / AWARD / "index.html"
    assert page.is_file()
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    text = soup.get_text(" ")
    award = load(content / "awards" / f"{AWARD}.yml")
    people = {r["person"] for r in award["recipients"] if "person" in r}
    for person_id in people:
        name = load(content / "people" / f"{person_id}.yml")["name"]
        assert name in text
        assert (built.site_dir / "ca-nhan" / person_id / "index.html").is_file()
    assert "Công đoàn cơ sở Công ty số 17" in text


# -- every format a list arrives in ------------------------------------------------------

#: One small award list: a title block, merged cells, sections and a group whose initiative
#: is merged over its rows.  Merges are (top, left, bottom, right), 1-based.
GRID: list[list[Any]] = [
    ["LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN", None, None, None, None],
    ["(Kèm theo Quyết định số 12/QĐ-LĐLĐ ngày 3/2/2023)", None, None, None, None],
    ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tên sáng kiến"],
    ["I. TẬP THỂ", None, None, None, None],
    [1, "CÔNG ĐOÀN CƠ SỞ CÔNG TY CP XI MĂNG MẪU", None, "LĐLĐ tỉnh Mẫu", None],
    ["II. CÁ NHÂN", None, None, None, None],
    [1, "ĐỖ THỊ HẰNG", "KẾ TOÁN", "Nhà máy Mẫu", "Sổ quỹ điện tử"],
    [2, "Nhóm tác giả:", None, None, "Máy bóc vỏ tự động"],
    ["2.1", "Lê Văn Tám", "Kỹ sư", "Nhà máy Mẫu", None],
    ["2.2", "Vũ Thị Chín", "Công nhân", "Nhà máy Mẫu", None],
]
MERGES = [(1, 1, 1, 3), (1, 4, 1, 5), (2, 1, 2, 5), (3, 1, 3, 5), (5, 1, 5, 5), (7, 1, 7, 5),
          (9, 5, 11, 5)]  # fmt: skip


def write_grid(path: Path, rows: list[list[Any]], merges: list[tuple[int, int, int, int]]) -> Path:
    """Write ``rows`` with merged ranges as .xlsx (openpyxl), .xls (xlwt) or .ods (odfpy)."""
    covered = {
        (r, c)
        for top, left, bottom, right in merges
        for r in range(top, bottom + 1)
        for c in range(left, right + 1)
        if (r, c) != (top, left)
    }
    spans = {(t, l): (b - t + 1, r - l + 1) for t, l, b, r in merges}  # noqa: E741
    if path.suffix == ".xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None and (r, c) not in covered:
                    ws.cell(r, c, value)
        for top, left, bottom, right in merges:
            ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        wb.save(path)
    elif path.suffix == ".xls":
        import xlwt

        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("Danh sách")
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if (r, c) in spans:
                    height, width = spans[(r, c)]
                    sheet.write_merge(r - 1, r + height - 2, c - 1, c + width - 2, value)
                elif value is not None and (r, c) not in covered:
                    sheet.write(r - 1, c - 1, value)
        book.save(str(path))
    else:
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import CoveredTableCell, Table, TableCell, TableRow
        from odf.text import P

        doc = OpenDocumentSpreadsheet()
        table = Table(name="Danh sách")
        width = max(len(row) for row in rows)
        for r, row in enumerate(rows, start=1):
            element = TableRow()
            for c in range(1, width + 1):
                value = row[c - 1] if c <= len(row) else None
                if (r, c) in covered:
                    element.addElement(CoveredTableCell())
                    continue
                attributes: dict[str, Any] = {}
                if (r, c) in spans:
                    height, span = spans[(r, c)]
                    attributes = {"numberrowsspanned": height, "numbercolumnsspanned": span}
                if isinstance(value, int):
                    cell = TableCell(valuetype="float", value=str(value), **attributes)
                    cell.addElement(P(text=str(value)))
                elif value is not None:
                    cell = TableCell(valuetype="string", **attributes)
                    cell.addElement(P(text=value))
                else:
                    cell = TableCell(**attributes)
                element.addElement(cell)
            table.addElement(element)
        doc.spreadsheet.addElement(table)
        doc.save(str(path))
    return path


def _outcome(result: ImportResult, content: Path) -> dict[str, Any]:
    """What an import wrote, as data: every new record by path."""
    return {
        plan.path.relative_to(content).as_posix(): load(plan.path)
        for plan in result.files
        if plan.status == "create"
    }


def test_xlsx_xls_and_ods_import_alike(tmp_path: Path) -> None:
    """One reader for the three formats: the same list gives the same records, merges included."""
    from conftest import BASE_CONTENT

    outcomes = {}
    for suffix in (".xlsx", ".xls", ".ods"):
        content = tmp_path / suffix[1:] / "content"
        shutil.copytree(BASE_CONTENT, content)
        sheet = write_grid(tmp_path / f"danh-sach{suffix}", GRID, MERGES)
        result = run_import(sheet, ImportOptions(award=AWARD, content=content, today=TODAY))
        assert errors(result) == [], suffix
        assert [str(m) for m in result.inferred] == [
            "cơ quan khen thưởng = ldld-tinh-mau (Liên đoàn Lao động tỉnh Mẫu; ô A1: "
            "“LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU”)",
            "hình thức khen thưởng = giay-khen (Giấy khen; ô A2: “GIẤY KHEN”)",
            "ngày quyết định = 3/2/2023",
            "số quyết định = 12/QĐ-LĐLĐ",
        ], suffix
        outcomes[suffix] = _outcome(result, content)
    assert outcomes[".xls"] == outcomes[".xlsx"]
    assert outcomes[".ods"] == outcomes[".xlsx"]

    records = outcomes[".xlsx"]
    award = records[f"awards/{AWARD}.yml"]
    assert (award["form"], award["issuer"]) == ("giay-khen", "ldld-tinh-mau")
    # The group's initiative is merged over its three rows: the members share it.
    assert award["recipients"][2] == {
        "group": ["le-van-tam", "vu-thi-chin"],
        "initiative": "may-boc-vo-tu-dong",
    }
    unit = records["units/cong-doan-co-so-cong-ty-cp-xi-mang-mau.yml"]
    assert (unit["name"], unit["kind"]) == (
        "Công đoàn cơ sở Công ty CP Xi măng Mẫu",
        "cong-doan-co-so",
    )
    assert records["people/do-thi-hang.yml"]["name"] == "Đỗ Thị Hằng"
    assert records["people/do-thi-hang.yml"]["job_title"] == "Kế toán"


def _cp1258(text: str) -> bytes:
    from test_legacy_encoding import _cp1258_form

    return _cp1258_form(text).encode("cp1258")


TEXT_LIST = (
    "LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU\n"
    "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN\n"
    "Kèm theo Quyết định số 7/QĐ-LĐLĐ ngày 5/1/2023\n"
    "STT{d}Họ và tên{d}Chức vụ{d}Đơn vị công tác\n"
    "1{d}  Đỗ   Thị Hằng {d}Kế toán, thủ quỹ{d}Nhà máy Mẫu\n"
    "2{d}TRẦN VĂN MƯỜI{d}Chuyên viên; văn thư{d}LĐLĐ tỉnh Mẫu\n"
)


@pytest.mark.parametrize(
    ("name", "encode", "delimiter", "read_as"),
    [
        # Excel "Unicode Text": UTF-16 LE with a BOM, tab-separated.
        ("unicode.txt", lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "\t", "UTF-16 LE"),
        ("be.txt", lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "\t", "UTF-16 BE"),
        ("nobom.txt", lambda t: t.encode("utf-16-le"), "\t", "UTF-16 LE"),
        ("utf8.csv", lambda t: b"\xef\xbb\xbf" + t.encode(), ",", "UTF-8 BOM"),
        ("utf8.tsv", lambda t: t.encode(), "\t", "UTF-8"),
        ("semicolon.csv", lambda t: t.encode(), ";", "UTF-8"),
        # Excel "CSV (Comma delimited)" on a Vietnamese Windows: Windows-1258.
        ("win.csv", _cp1258, ",", "Windows-1258"),
        ("win-semicolon.csv", _cp1258, ";", "Windows-1258"),
    ],
)
def test_text_exports(
    base_content: Path, tmp_path: Path, name: str, encode: Any, delimiter: str, read_as: str
) -> None:
    import csv
    import io

    # Fields holding the delimiter are quoted, as Excel writes them.
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for line in TEXT_LIST.format(d="\x00").splitlines():
        writer.writerow(line.split("\x00"))
    path = tmp_path / name
    path.write_bytes(encode(out.getvalue()))
    result = run_import(path, ImportOptions(award=AWARD, content=base_content, today=TODAY))
    assert errors(result) == []
    delimiters = {"\t": "dấu tab", ";": "dấu chấm phẩy (;)", ",": "dấu phẩy (,)"}
    assert (
        str(result.notes[0])
        == f"Đã đọc tệp văn bản {read_as}, phân cách bằng {delimiters[delimiter]}"
    )
    award = load(base_content / "awards" / f"{AWARD}.yml")
    assert (award["form"], award["date"]) == ("bang-khen", dt.date(2023, 1, 5))
    assert [r.get("person") for r in award["recipients"]] == ["do-thi-hang", "tran-van-muoi"]
    assert load(base_content / "people" / "do-thi-hang.yml")["job_title"] == "Kế toán, thủ quỹ"
    assert load(base_content / "people" / "tran-van-muoi.yml") == {
        "example": False,
        "name": "Trần Văn Mười",  # typed in capitals
        "job_title": "Chuyên viên; văn thư",
        "unit": "ldld-tinh-mau",
    }


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["a\tb\tc", "1\t2\t3"], "\t"),
        (["a;b;c", "1;Kế toán, thủ quỹ;3", "2;x;y"], ";"),
        (["a,b,c", '1,"Kế toán; thủ quỹ",3'], ","),
        (["TIÊU ĐỀ;;", "Kèm theo, số 1;;", "STT;Họ, tên;Đơn vị", "1;A, B;C"], ";"),
        (["một cột", "không phân cách"], ","),
    ],
)
def test_delimiter_is_the_one_that_splits_lines_alike(lines: list[str], expected: str) -> None:
    from generator.importer.textfile import sniff_delimiter

    assert sniff_delimiter("\n".join(lines)) == expected


def _encrypted_xlsx(path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = sample_workbook(path.with_name("plain.xlsx"))
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("mat-khau", target)


def _truncated_xlsx(path: Path) -> None:
    data = sample_workbook(path.with_name("whole.xlsx")).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zip_without_workbook(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")


def _empty_workbook(path: Path) -> None:
    openpyxl.Workbook().save(path)


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        ("rong.csv", lambda p: p.write_bytes(b""), "là tệp rỗng"),
        ("trang.txt", lambda p: p.write_bytes(b"\r\n \r\n"), "là tệp rỗng"),
        ("rac.xlsx", lambda p: p.write_bytes(bytes(range(256)) * 4), "không phải bảng tính"),
        ("cat-ngang.xlsx", _truncated_xlsx, "bị hỏng hoặc không đọc được"),
        ("zip.xlsx", _zip_without_workbook, "bị hỏng hoặc không đọc được"),
        ("mat-khau.xlsx", _encrypted_xlsx, "được bảo vệ bằng mật khẩu"),
        (
            "web.xls",
            lambda p: p.write_text("<html><table><tr><td>STT</td></tr></table></html>"),
            "là một trang web (HTML/XML)",
        ),
        (
            "ole.xls",
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000),
            "bị hỏng hoặc không đọc được",
        ),
        ("rac.ods", lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 100), "bị hỏng"),
        ("trong.xlsx", _empty_workbook, "các trang tính đều trống"),
        ("danh-sach.pdf", lambda p: p.write_bytes(b"%PDF-1.4"), "không nhận loại tệp '.pdf'"),
    ],
)
def test_unreadable_files_are_problems_not_tracebacks(
    base_content: Path, tmp_path: Path, name: str, make: Any, says: str
) -> None:
    path = tmp_path / name
    make(path)
    result = do_import(path, base_content)
    [problem] = result.problems
    assert (problem.code, problem.line, problem.col) == ("nhap-tep-loi", 1, 1)
    assert problem.path == path.as_posix()
    assert says in problem.message
    assert result.written == 0

    runner = CliRunner().invoke(
        cli, ["import", str(path), "--award", AWARD, "--content", str(base_content)]
    )
    assert runner.exit_code == 1
    assert runner.exception is None or isinstance(runner.exception, SystemExit)
    assert f"{path.as_posix()}:1:1: lỗi [nhap-tep-loi]: " in runner.output


def test_bytes_no_encoding_explains_are_pointed_at(base_content: Path, tmp_path: Path) -> None:
    # Neither UTF-8 nor Windows-1258 (0x81 is unassigned in it).
    path = tmp_path / "ds.csv"
    path.write_bytes(_cp1258("STT;Họ và tên\n1;Nguyễn Văn An\n").replace(b"An", b"A\x81"))
    result = do_import(path, base_content, date=dt.date(2023, 1, 5))
    [problem] = [p for p in result.problems if p.code == "nhap-ky-tu-hong"]
    assert (problem.line, problem.col, problem.severity) == (2, 2, Severity.ERROR)
    assert "ô B2 có ký tự không đọc được" in problem.message
    assert result.written == 0


def test_font_of_an_xlsx_cell_settles_a_legacy_reading(base_content: Path, tmp_path: Path) -> None:
    """'Hái' is a word as it stands; typed in a .VnTime font it is TCVN3 for 'Hỏi'."""
    from generator.importer.sheet import read_sheets

    path = tmp_path / "ds.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Đơn vị"])
    ws.append([1, "Hái", "Nhà máy Mẫu"])
    ws.append([2, "Hái", "Nhà máy Mẫu"])
    ws["B3"].font = Font(name=".VnTime")
    wb.save(path)
    [sheet] = read_sheets(path)
    assert [sheet.cell(2, 2).text, sheet.cell(3, 2).text] == ["Hái", "Hỏi"]
    assert sheet.cell(3, 2).font == ".VnTime"


def test_sheet_option_names_the_sheets_there_are(base_content: Path, tmp_path: Path) -> None:
    path = write_grid(tmp_path / "ds.ods", GRID, MERGES)
    options = ImportOptions(award=AWARD, content=base_content, today=TODAY, sheet="Tập thể")
    result = run_import(path, options)
    [problem] = result.problems
    assert problem.code == "nhap-tuy-chon"
    assert problem.message == "không có trang tính nào tên 'Tập thể'; tệp có: 'Danh sách'"


# -- what the title block says -----------------------------------------------------------


def title_list(path: Path, *title: str) -> Path:
    """A short list under the given title lines (one cell each, in column A)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in title:
        ws.append([line])
    ws.append(["STT", "Họ và tên", "Đơn vị", "Tên sáng kiến"])
    ws.append([1, "Trần Văn Xuân", "Công ty Cổ phần Xi măng Đông Nghi Sơn", None])
    wb.save(path)
    return path


def inferred(result: ImportResult, what: str) -> str | None:
    found = [str(m) for m in result.inferred if str(m).startswith(what + " = ")]
    return found[0].split(" = ", 1)[1].split(" ")[0] if found else None


DECISION = "(Kèm theo Quyết định số 45/QĐ-TLĐ ngày 20/9/2023)"


@pytest.mark.parametrize(
    ("title", "issuer", "form"),
    [
        # "Bằng khen" names two terms: the issuer's level picks "của LĐLĐ tỉnh".
        (["LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", "ĐƯỢC TẶNG BẰNG KHEN"], "ldld-thanh-hoa",
         "bang-khen-ldld-tinh"),
        # ... and "của Tổng Liên đoàn" for the confederation.
        (["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "ĐƯỢC TẶNG BẰNG KHEN"], "tong-ldld-viet-nam",
         "bang-khen-tong-ldld"),
        # The whole name of a term wins over the issuer's level.
        (["LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", "đề nghị tặng Bằng khen của Tổng Liên đoàn"],
         "ldld-thanh-hoa", "bang-khen-tong-ldld"),
        # A heading names the parent above the issuer: the issuer is the lower one.
        (["LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", "CÔNG ĐOÀN NGÀNH Y TẾ", "được tặng Giấy khen"],
         "cong-doan-nganh-y-te-thanh-hoa", "giay-khen"),
        # Two units, neither above the other: none is chosen.
        (["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÀ NẴNG", "CÔNG ĐOÀN NGÀNH Y TẾ TỈNH THANH HÓA",
          "TẶNG GIẤY KHEN"], None, "giay-khen"),
        (["LĐLĐ TỈNH THANH HÓA", "CÔNG ĐOÀN NGÀNH Y TẾ TỈNH THANH HÓA", "TẶNG GIẤY KHEN"],
         "cong-doan-nganh-y-te-thanh-hoa", "giay-khen"),
        # The unit after "của" in the decision line.
        (["DANH SÁCH TẬP THỂ ĐƯỢC TẶNG CỜ THI ĐUA",
          "(Kèm theo Quyết định số 9/QĐ-LĐLĐ ngày 1/12/2023 của Ban Thường vụ LĐLĐ huyện "
          "Hoằng Hóa)"], "ldld-huyen-hoang-hoa", "co-thi-dua"),
        # A unit the content does not have is not guessed.
        (["LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN", "ĐƯỢC TẶNG GIẤY KHEN"], None, "giay-khen"),
        # Two forms named: none is chosen.
        (["LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", "ĐƯỢC TẶNG BẰNG KHEN, GIẤY KHEN"],
         "ldld-thanh-hoa", None),
    ],
)  # fmt: skip
def test_title_block_names_issuer_and_form(
    sample_content: Path, tmp_path: Path, title: list[str], issuer: str | None, form: str | None
) -> None:
    path = title_list(tmp_path / "ds.xlsx", *title, DECISION)
    result = run_import(path, ImportOptions(award=AWARD, content=sample_content, today=TODAY))
    assert inferred(result, "cơ quan khen thưởng") == issuer
    assert inferred(result, "hình thức khen thưởng") == form
    asked = sorted(p.message.split(" ")[0] for p in result.problems if p.code == "nhap-tuy-chon")
    assert asked == sorted(
        [flag for flag, found in (("--issuer", issuer), ("--form", form)) if found is None]
    )


def test_ambiguous_form_names_its_candidates(sample_content: Path, tmp_path: Path) -> None:
    # An issuer whose level tells neither "Bằng khen của Tổng Liên đoàn" nor "… của LĐLĐ tỉnh".
    path = title_list(tmp_path / "ds.xlsx", "DANH SÁCH ĐƯỢC TẶNG BẰNG KHEN", DECISION)
    issuer = "cong-doan-nganh-y-te-thanh-hoa"
    options = ImportOptions(award=AWARD, content=sample_content, today=TODAY, issuer=issuer)
    result = run_import(path, options)
    [problem] = [p for p in result.problems if p.code == "nhap-tuy-chon"]
    assert problem.message == (
        f"--form là bắt buộc (khen thưởng '{AWARD}' chưa có hồ sơ): tiêu đề ghi “BẰNG KHEN”, "
        "khớp với nhiều hình thức trong award_forms (bang-khen-ldld-tinh, bang-khen-tong-ldld); "
        "chọn một bằng --form"
    )


def test_options_override_the_title_block(sample_content: Path, tmp_path: Path) -> None:
    path = title_list(
        tmp_path / "ds.xlsx", "LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", "BẰNG KHEN", DECISION
    )
    options = ImportOptions(
        award=AWARD,
        content=sample_content,
        today=TODAY,
        issuer="tong-ldld-viet-nam",
        form="bang-khen-tong-ldld",
        date=dt.date(2023, 9, 21),
        decision_number="46/QĐ-TLĐ",
    )
    result = run_import(path, options)
    assert errors(result) == []
    assert result.inferred == []
    award = load(sample_content / "awards" / f"{AWARD}.yml")
    assert (award["issuer"], award["form"], award["date"], award["decision_number"]) == (
        "tong-ldld-viet-nam",
        "bang-khen-tong-ldld",
        dt.date(2023, 9, 21),
        "46/QĐ-TLĐ",
    )


# -- unit kinds and names typed in capitals ----------------------------------------------

CONTENT_KINDS = [
    "tong-lien-doan", "ldld-tinh", "cong-doan-nganh", "cong-doan-cap-tren-co-so",
    "cong-doan-co-so", "doanh-nghiep", "co-quan",
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Công đoàn cơ sở Công ty CP Xi măng Bỉm Sơn", "cong-doan-co-so"),
        ("CĐCS Trường THCS Bình Minh", "cong-doan-co-so"),
        ("CÔNG ĐOÀN CƠ SỞ BỆNH VIỆN NHI", "cong-doan-co-so"),
        ("Công đoàn ngành Y tế tỉnh Thanh Hóa", "cong-doan-nganh"),
        ("Công đoàn Viên chức tỉnh Thanh Hóa", "cong-doan-cap-tren-co-so"),
        ("LĐLĐ huyện Hoằng Hóa", "cong-doan-cap-tren-co-so"),
        ("Liên đoàn Lao động thành phố Thanh Hóa", "cong-doan-cap-tren-co-so"),
        ("Liên đoàn Lao động thành phố Đà Nẵng", "ldld-tinh"),
        ("LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN", "ldld-tinh"),
        ("Tổng Liên đoàn Lao động Việt Nam", "tong-lien-doan"),
        ("Điện lực Thanh Hóa", "doanh-nghiep"),
        ("Công ty TNHH MTV Thủy lợi Nam Sông Mã", "doanh-nghiep"),
        ("Nhà máy Đường Lam Sơn", "doanh-nghiep"),
        ("HTX Nông nghiệp Đồng Xanh", "doanh-nghiep"),
        ("Bệnh viện Đa khoa Sông Mã", "co-quan"),
        ("Trường THPT Lê Lợi", "co-quan"),
        ("UBND xã Quảng Hưng", "co-quan"),
        ("Phòng Giáo dục và Đào tạo huyện Nga Sơn", "co-quan"),
        # A team or a department belongs to a workplace or a union: the name does not tell.
        ("Tổ Cơ điện Phân xưởng 2", None),
        ("Phòng Kỹ thuật", None),
        ("Tô Văn Bảo", None),
    ],
)
def test_unit_kind_from_the_name(name: str, kind: str | None) -> None:
    from generator.importer.kinds import infer_unit_kind

    assert infer_unit_kind(name, CONTENT_KINDS) == kind


def test_unit_kind_is_one_the_site_defines() -> None:
    from generator.importer.kinds import infer_unit_kind

    # A site without an upper-level kind: "LĐLĐ huyện" has no kind to take, so none is guessed.
    assert infer_unit_kind("LĐLĐ huyện Hoằng Hóa", ["ldld-tinh", "cong-doan-co-so"]) is None
    assert infer_unit_kind("LĐLĐ huyện Hoằng Hóa", ["ldld-huyen", "cong-doan-cap-tren-co-so"]) == (
        "ldld-huyen"
    )


@pytest.mark.parametrize(
    ("typed", "organisation"),
    [
        ("CÔNG ĐOÀN CƠ SỞ CÔNG TY CP XI MĂNG", "Công đoàn cơ sở Công ty CP Xi măng"),
        ("LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", "Liên đoàn Lao động tỉnh Thanh Hóa"),
        ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "Tổng Liên đoàn Lao động Việt Nam"),
        ("TRƯỜNG THPT LÊ LỢI", "Trường THPT Lê Lợi"),
        ("CĐCS TRƯỜNG THCS BÌNH MINH", "CĐCS Trường THCS Bình Minh"),
        ("CÔNG TY TNHH MTV THÉP VIỆT", "Công ty TNHH MTV Thép Việt"),
        ("BỆNH VIỆN ĐA KHOA SÔNG MÃ", "Bệnh viện Đa khoa Sông Mã"),
        ("CÔNG ĐOÀN NGÀNH Y TẾ TỈNH THANH HÓA", "Công đoàn ngành Y tế tỉnh Thanh Hóa"),
        ("TRUNG TÂM THÔNG TIN - DỮ LIỆU HÀM RỒNG", "Trung tâm Thông tin - Dữ liệu Hàm Rồng"),
        ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN NGA SƠN", "Phòng Giáo dục và Đào tạo huyện Nga Sơn"),
        ("UBND XÃ HOẰNG ĐẠO", "UBND xã Hoằng Đạo"),
        ("XÍ NGHIỆP II", "Xí nghiệp II"),
        ("PHÂN XƯỞNG IV CÔNG TY SỐ 1", "Phân xưởng IV Công ty số 1"),
        ("TỔ CƠ ĐIỆN PHÂN XƯỞNG 2", "Tổ Cơ điện Phân xưởng 2"),
        ("TRUNG TÂM Y TẾ HUYỆN HOẰNG HÓA", "Trung tâm Y tế huyện Hoằng Hóa"),
        ("HTX DỊCH VỤ NÔNG NGHIỆP HOẰNG ĐẠO", "HTX Dịch vụ Nông nghiệp Hoằng Đạo"),
        # Mixed case is the editor's spelling, kept as typed.
        ("Công đoàn cơ sở công ty ABC", "Công đoàn cơ sở công ty ABC"),
        ("CĐCS", "CĐCS"),
    ],
)
def test_organisation_names_in_vietnamese_case(typed: str, organisation: str) -> None:
    from generator.importer.names import organisation_case

    assert organisation_case(typed) == organisation


@pytest.mark.parametrize(
    ("typed", "person", "job"),
    [
        ("NGUYỄN VĂN AN", "Nguyễn Văn An", "Nguyễn văn an"),
        ("ĐỖ THỊ HOÀ-BÌNH", "Đỗ Thị Hoà-Bình", "Đỗ thị hoà-bình"),
        ("PHÓ CHỦ TỊCH CĐCS", "Phó Chủ Tịch CĐCS", "Phó chủ tịch CĐCS"),
        ("LÊ VĂN A", "Lê Văn A", "Lê văn a"),
        ("Nguyễn văn An", "Nguyễn văn An", "Nguyễn văn An"),
    ],
)
def test_people_and_job_titles_in_vietnamese_case(typed: str, person: str, job: str) -> None:
    from generator.importer.names import person_case, sentence_case

    assert (person_case(typed), sentence_case(typed)) == (person, job)


# -- no silent defaults --------------------------------------------------------------------


def test_initiatives_without_field_or_type_need_review(base_content: Path, tmp_path: Path) -> None:
    sheet = sample_workbook(tmp_path / "ds.xlsx")
    args = ["import", str(sheet), "--award", AWARD, *_flags(), "--content", str(base_content)]
    first = CliRunner().invoke(cli, [*args, "--field", "san-xuat"])
    assert first.exit_code == 0, first.output
    assert "2 sáng kiến cần rà soát lĩnh vực/loại" in first.output
    assert "2 sáng kiến mới chưa có loại (bảng tính không ghi)" in first.output
    initiative = load(base_content / "initiatives" / "2023" / "so-tay-an-toan-dien-tu.yml")
    assert (initiative["field"], initiative["type"], initiative["status"]) == (
        "san-xuat",
        "chua-phan-loai",
        "can-ra-soat",
    )


def test_field_and_type_given_are_recognised(base_content: Path, tmp_path: Path) -> None:
    sheet = sample_workbook(tmp_path / "ds.xlsx")
    result = do_import(sheet, base_content, field="san-xuat", initiative_type="giai-phap-ky-thuat")
    assert errors(result) == []
    assert result.needs_review == 0
    assert "nhap-can-ra-soat" not in {p.code for p in result.problems}
    initiative = load(base_content / "initiatives" / "2023" / "so-tay-an-toan-dien-tu.yml")
    assert (initiative["field"], initiative["type"], initiative["status"]) == (
        "san-xuat",
        "giai-phap-ky-thuat",
        "cong-nhan",
    )


def test_status_cannot_claim_recognition_without_field_and_type(
    base_content: Path, tmp_path: Path
) -> None:
    sheet = sample_workbook(tmp_path / "ds.xlsx")
    result = do_import(sheet, base_content, initiative_status="cong-nhan")
    [problem] = [p for p in result.problems if p.code == "nhap-tuy-chon"]
    assert problem.message.startswith("--initiative-status cong-nhan cần đi kèm --field và")
    assert result.written == 0


def test_a_site_without_the_review_terms_is_told_what_to_add(
    base_content: Path, tmp_path: Path
) -> None:
    taxonomies = base_content / "taxonomies.yml"
    text = taxonomies.read_text("utf-8")
    taxonomies.write_text(text.replace("  can-ra-soat:\n    name: Cần rà soát\n", ""), "utf-8")
    result = do_import(sample_workbook(tmp_path / "ds.xlsx"), base_content)
    [problem] = [p for p in result.problems if p.code == "nhap-tuy-chon"]
    assert problem.message.startswith(
        "taxonomies.yml chưa có mã can-ra-soat trong statuses, nên sáng kiến mới không thể ghi là "
        "“Cần rà soát”: thêm mục `can-ra-soat: {name: Cần rà soát}` vào statuses"
    )
    assert result.written == 0


def test_import_help_is_vietnamese() -> None:
    result = CliRunner().invoke(cli, ["import", "--help"])
    assert result.exit_code == 0
    assert "Nhập danh sách khen thưởng" in result.output
    for flag, words in (
        ("--award", "Mã (tên tệp) của hồ sơ khen thưởng"),
        ("--form", "Hình thức khen thưởng"),
        ("--issuer", "Mã đơn vị ra quyết định"),
        ("--dry-run", "Chạy thử"),
    ):
        assert flag in result.output and words in result.output


# -- whatever bytes an editor sends ------------------------------------------------------


def _mutated(data: bytes, seed: int) -> bytes:
    """``data`` with a few bytes overwritten, cut short or extended, deterministically."""
    import random

    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    if rng.random() < 0.3:
        del out[rng.randrange(len(out)) :]
    return bytes(out)


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods", ".csv", ".txt"])
def test_damaged_files_never_raise(base_content: Path, tmp_path: Path, suffix: str) -> None:
    """Seeded byte mutations of a real list in each format: Problems or records, no exception."""
    source = tmp_path / f"source{suffix}"
    if suffix in (".csv", ".txt"):
        text = TEXT_LIST.format(d="\t" if suffix == ".txt" else ";")
        encoded = b"\xff\xfe" + text.encode("utf-16-le") if suffix == ".txt" else _cp1258(text)
        source.write_bytes(encoded)
    else:
        write_grid(source, GRID, MERGES)
    data = source.read_bytes()
    outcomes: set[str] = set()
    for seed in range(40):
        path = tmp_path / f"mutant-{seed}{suffix}"
        path.write_bytes(_mutated(data, seed))
        options = ImportOptions(award=AWARD, content=base_content, today=TODAY, dry_run=True)
        result = run_import(path, options)
        for problem in result.problems:
            assert problem.line >= 1 and problem.col >= 1
            assert problem.path in (path.as_posix(), *(p.display for p in result.files))
        outcomes.add("failed" if result.failed else "planned")
    # The mutations reach both outcomes: some files still read, some are refused.
    assert outcomes == {"failed", "planned"}


def test_a_value_far_away_does_not_blow_up_the_read(base_content: Path, tmp_path: Path) -> None:
    path = sample_workbook(tmp_path / "ds.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active.cell(20_000, 16_000, "x")  # a stray value far from the list
    wb.save(path)
    result = do_import(path, base_content)
    [problem] = result.problems
    assert problem.code == "nhap-tep-loi"
    assert "có giá trị ở tận ô WQJ20000, quá xa" in problem.message
