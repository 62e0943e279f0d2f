"""Open data (generator/export.py): complete, private-safe, deterministic."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, TODAY

from generator.cli import cli
from generator.export import (
    BUNDLE_NAME,
    OPEN_DATA_DIR,
    export_counts,
    export_dataset,
    open_data_markdown,
)
from generator.kinds import KINDS as REGISTRY
from generator.model import PRIVACY_KEYS
from generator.nodes import Site
from generator.pipeline import check_content
from generator.schema import schema_for

#: (site attribute and file stem, kind, label) of every kind, from the registry.
KINDS = [(k.export_name, name, k.export_label) for name, k in REGISTRY.items()]
KIND_OF = {k.export_name: name for name, k in REGISTRY.items()}

SECRET_BENEFIT = 987654321
SECRET_DESCRIPTION = "Nội dung mật XYZZY của sáng kiến"
SECRET_JOB = "Chức danh bí mật QWERTY"
HIDDEN_PERSON = "le-van-cuong"
HIDDEN_NAME = "Lê Văn Cường"


def _edit(path: Path, **changes: Any) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def private_content(content: Path) -> Path:
    """The base content plus everything the export must leave out or rewrite."""
    _edit(content / "people" / f"{HIDDEN_PERSON}.yml", publish=False)
    _edit(
        content / "people" / "nguyen-van-an.yml",
        job_title=SECRET_JOB,
        confidential=["job_title"],
    )
    _edit(
        content / "initiatives" / "2022" / "may-cat-tu-dong.yml",
        benefit_vnd=SECRET_BENEFIT,
        description=SECRET_DESCRIPTION,
        confidential=["benefit_vnd", "description"],
        redirect_from=["may-cat-cu"],
    )
    event = content / "events" / "diem-hen-2022.yml"
    data = yaml.safe_load(event.read_text("utf-8"))
    data["programme"].append({"speaker": HIDDEN_PERSON, "topic": "An toàn khi vận hành máy cắt"})
    event.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    (content / "awards" / "giay-khen-2023.yml").write_text(
        "title: Giấy khen năm 2023\n"
        "form: giay-khen\n"
        "issuer: ldld-tinh-mau\n"
        "date: 2023-05-01\n"
        "recipients:\n"
        f"  - person: {HIDDEN_PERSON}\n"
        "    initiative: may-cat-tu-dong\n"
        "    citation: '=HYPERLINK(\"http://x\")'\n"
        f"  - group: [nguyen-van-an, {HIDDEN_PERSON}]\n",
        "utf-8",
    )
    return content


def load(content: Path) -> Site:
    site, problems = check_content(content, display_root="content", today=TODAY)
    assert site is not None, [str(p) for p in problems]
    return site


@pytest.fixture
def site(base_content: Path) -> Site:
    return load(private_content(base_content))


@pytest.fixture
def files(site: Site) -> dict[str, bytes]:
    return export_dataset(site)


def _json(files: dict[str, bytes], name: str) -> Any:
    return json.loads(files[f"{OPEN_DATA_DIR}/{name}"].decode("utf-8"))


def _csv(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    data = files[f"{OPEN_DATA_DIR}/{name}"]
    assert data.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    text = data[3:].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        out = set(value)
        for item in value.values():
            out |= _keys(item)
        return out
    if isinstance(value, list):
        out = set()
        for item in value:
            out |= _keys(item)
        return out
    return set()


# -- layout ------------------------------------------------------------------------


def test_every_file_is_under_the_open_data_folder(files: dict[str, bytes]) -> None:
    assert files
    assert all(path.startswith(f"{OPEN_DATA_DIR}/") for path in files)
    for attr, _, _ in KINDS:
        assert f"{OPEN_DATA_DIR}/{attr}.json" in files
        assert f"{OPEN_DATA_DIR}/{attr}.csv" in files
    for name in (BUNDLE_NAME, "counts.json", "award-recipients.csv", "taxonomies.json"):
        assert f"{OPEN_DATA_DIR}/{name}" in files
    for kind in ("initiative", "person", "unit", "award", "event", "campaign"):
        assert f"{OPEN_DATA_DIR}/schemas/{kind}.schema.json" in files


def test_output_is_deterministic(base_content: Path) -> None:
    content = private_content(base_content)
    first = export_dataset(load(content))
    second = export_dataset(load(content))
    assert first == second
    assert list(first) == sorted(first)


def test_no_timestamp_in_any_file(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        assert not re.search(rb"\d{4}-\d\d-\d\dT\d\d:\d\d", data), path


def test_json_is_utf8_indented_with_newline(files: dict[str, bytes]) -> None:
    data = files[f"{OPEN_DATA_DIR}/initiatives.json"]
    assert data.endswith(b"]\n")
    assert "Cải tiến máy cắt tự động".encode() in data  # not \u escaped
    assert b'\n  {\n    "id": ' in data


# -- privacy -------------------------------------------------------------------------


def test_no_privacy_key_anywhere(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        if path.endswith(".json"):
            assert not _keys(json.loads(data)) & PRIVACY_KEYS, path
        else:
            header = data[3:].decode("utf-8").split("\r\n", 1)[0].split(",")
            assert not set(header) & PRIVACY_KEYS, path


def test_confidential_values_are_never_exported(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        text = data.decode("utf-8")
        assert str(SECRET_BENEFIT) not in text, path
        assert SECRET_DESCRIPTION not in text, path
        assert SECRET_JOB not in text, path
    for path, data in files.items():
        if path.endswith(".json") and "/schemas/" not in path:
            assert "confidential" not in _keys(json.loads(data)), path


def test_unpublished_person_is_named_but_never_identified(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        assert HIDDEN_PERSON.encode() not in data, path
    people = _json(files, "people.json")
    assert HIDDEN_NAME not in [p["name"] for p in people]
    initiative = next(i for i in _json(files, "initiatives.json") if i["id"] == "may-cat-tu-dong")
    assert {"person": None, "name": HIDDEN_NAME, "share": 40, "role": None} in initiative["authors"]
    award = next(a for a in _json(files, "awards.json") if a["id"] == "giay-khen-2023")
    assert award["recipients"][0]["person"] is None
    assert award["recipients"][0]["name"] == HIDDEN_NAME
    assert award["recipients"][1]["group"] == ["nguyen-van-an", HIDDEN_NAME]
    event = _json(files, "events.json")[0]
    assert event["programme"][-1]["speaker"] == HIDDEN_NAME
    rows = _csv(files, "award-recipients.csv")
    assert [r["names"] for r in rows if r["award"] == "giay-khen-2023"] == [
        HIDDEN_NAME,
        f"Nguyễn Văn An; {HIDDEN_NAME}",
    ]


# -- matches the content ----------------------------------------------------------------


def test_counts_match_the_site(site: Site, files: dict[str, bytes]) -> None:
    counts = export_counts(site)
    assert counts["people"] == len([p for p in site.people.values() if p.published])
    assert counts["people"] == len(site.people) - 1
    for attr, _, _ in KINDS:
        records = _json(files, f"{attr}.json")
        assert len(records) == counts[attr]
        assert len(_csv(files, f"{attr}.csv")) == counts[attr]
        group = site.records[KIND_OF[attr]]
        assert [r["id"] for r in records] == sorted(k for k, n in group.items() if n.published)
    assert counts["award_recipients"] == len(_csv(files, "award-recipients.csv"))
    assert _json(files, "counts.json") == counts
    bundle = _json(files, BUNDLE_NAME)
    assert bundle["counts"] == counts
    assert bundle["license"] == site.config.data_license
    assert bundle["title"] == site.config.title
    for attr, _, _ in KINDS:
        assert bundle[attr] == _json(files, f"{attr}.json")


def test_records_carry_the_content(site: Site, files: dict[str, bytes]) -> None:
    for attr, _, _ in KINDS:
        for record in _json(files, f"{attr}.json"):
            node = site.records[KIND_OF[attr]][record["id"]]
            assert record["url"] == site.config.base_url + node.url
            name_field = REGISTRY[KIND_OF[attr]].title_field
            assert record[name_field] == getattr(node.model, name_field)
    initiative = next(i for i in _json(files, "initiatives.json") if i["id"] == "so-hoa-ho-so")
    assert initiative["year"] == 2022
    assert initiative["first_applied"] == "2022-09-01"
    assert initiative["benefit_vnd"] == 50000000
    assert initiative["authors"][0] == {
        "person": "tran-thi-binh",
        "name": None,
        "share": None,
        "role": None,
    }
    campaign = _json(files, "campaigns.json")[0]
    assert campaign["figures"][0]["value"] == 350000  # integral floats written as integers
    assert campaign["figures"][0]["source"]["date"] == "2022-06-15"


def test_records_are_valid_against_their_schema(files: dict[str, bytes]) -> None:
    for attr, kind, _ in KINDS:
        schema = schema_for(kind)
        validator = jsonschema.Draft202012Validator(schema)
        for record in _json(files, f"{attr}.json"):
            content = {k: v for k, v in record.items() if k not in ("id", "url", "year")}
            errors = [e.message for e in validator.iter_errors(content)]
            assert errors == [], (attr, record["id"], errors)


def test_schemas_are_the_model_schemas(site: Site, files: dict[str, bytes]) -> None:
    from generator.schema import render_schemas

    # With the content's vocabularies as enums, as `showcase schema` writes them.
    for name, text in render_schemas(site.taxonomies).items():
        assert files[f"{OPEN_DATA_DIR}/schemas/{name}"] == text.encode("utf-8")
    initiative = json.loads(files[f"{OPEN_DATA_DIR}/schemas/initiative.schema.json"])
    assert initiative["properties"]["field"]["enum"] == list(site.taxonomies.fields)


# -- CSV --------------------------------------------------------------------------------


def test_csv_format(files: dict[str, bytes]) -> None:
    data = files[f"{OPEN_DATA_DIR}/initiatives.csv"]
    text = data[3:].decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")[:200]
    header = text.split("\r\n", 1)[0].split(",")
    assert header[:4] == ["id", "url", "year", "title"]
    assert all(re.fullmatch(r"[a-z_]+", name) for name in header)
    rows = {r["id"]: r for r in _csv(files, "initiatives.csv")}
    row = rows["may-cat-tu-dong"]
    assert row["authors"] == f"Nguyễn Văn An; {HIDDEN_NAME}"
    assert row["author_ids"] == "nguyen-van-an; "
    assert row["author_shares"] == "60; 40"
    assert row["recognition_date"] == "2022-07-20"
    assert row["benefit_vnd"] == ""  # confidential
    assert row["tags"] == "cơ khí"
    assert row["field_name"] == "Sản xuất công nghiệp"
    assert rows["so-hoa-ho-so"]["recognition_by"] == ""


def test_csv_cells_cannot_run_as_excel_formulas(files: dict[str, bytes]) -> None:
    rows = _csv(files, "award-recipients.csv")
    citation = next(r["citation"] for r in rows if r["award"] == "giay-khen-2023")
    assert citation == '\'=HYPERLINK("http://x")'
    award = next(a for a in _json(files, "awards.json") if a["id"] == "giay-khen-2023")
    assert award["recipients"][0]["citation"] == '=HYPERLINK("http://x")'  # JSON keeps the value


# -- the page -----------------------------------------------------------------------------


def test_page_links_every_file_relatively(site: Site, files: dict[str, bytes]) -> None:
    text = open_data_markdown(site, export_counts(site))
    targets = set(re.findall(r"\]\(([^)]+)\)", text))
    for path in files:
        rel = path.removeprefix(f"{OPEN_DATA_DIR}/")
        assert rel in targets, rel
    for target in targets:
        assert not target.startswith("/"), target
        assert target.startswith("https://") or f"{OPEN_DATA_DIR}/{target}" in files, target
    assert text.startswith("# Dữ liệu mở")
    assert "CC BY 4\\.0" in text  # Markdown-escaped, like every string from YAML
    assert "publish: false" in text
    assert "Excel" in text
    assert not open_data_markdown(site, export_counts(site), heading=False).startswith("#")


def test_page_shows_counts(site: Site) -> None:
    counts = export_counts(site)
    counts["initiatives"] = 170324
    text = open_data_markdown(site, counts)
    assert "| Sáng kiến | 170.324 | [initiatives.json](initiatives.json) |" in text


# -- the command ----------------------------------------------------------------------------


def test_cli_export_writes_then_skips_unchanged(base_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(
        cli,
        ["export", str(base_content), "--out", str(out)],
        env={"SHOWCASE_TODAY": TODAY.isoformat()},
    )
    assert first.exit_code == 0, first.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == sorted(export_dataset(load(base_content)))
    second = runner.invoke(cli, ["export", str(base_content), "--out", str(out)])
    assert second.exit_code == 0
    assert second.output.startswith("Đã ghi 0 trong ")


def test_cli_export_refuses_invalid_content(base_content: Path, tmp_path: Path) -> None:
    (base_content / "people" / "nguyen-van-an.yml").write_text("name: A\nphone: '0912'\n", "utf-8")
    result = CliRunner().invoke(cli, ["export", str(base_content), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "phone" in result.output
    assert not (tmp_path / "o").exists()


# -- the sample content ------------------------------------------------------------------------


def test_sample_content_exports_cleanly() -> None:
    site, problems = check_content(REPO / "content")
    assert site is not None, [str(p) for p in problems]
    files = export_dataset(site)
    assert files == export_dataset(site)
    hidden = [p.id for p in site.people.values() if not p.published]
    for path, data in files.items():
        if path.endswith(".json"):
            assert not _keys(json.loads(data)) & PRIVACY_KEYS, path
        for person in hidden:
            assert person.encode() not in data, (path, person)
    counts = export_counts(site)
    for attr, _, _ in KINDS:
        assert len(_json(files, f"{attr}.json")) == counts[attr]


def test_a_missed_person_reference_fails_loudly(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the model gain a person reference the exporter does not rewrite, export refuses."""
    from generator import export

    original = export._Exporter.record

    def leaky(self: Any, node: Any) -> dict[str, Any]:
        record = original(self, node)
        if node.kind == "unit":
            record["contact"] = HIDDEN_PERSON
        return record

    monkeypatch.setattr(export._Exporter, "record", leaky)
    with pytest.raises(export.ExportPrivacyError, match=HIDDEN_PERSON):
        export_dataset(site)
