"""JSON Schemas: committed, up to date, documented, and in agreement with real records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import BASE_CONTENT, REPO
from pydantic import BaseModel

import generator.model as model_module
from generator.cli import cli
from generator.kinds import ALL_MODELS, RECORD_KINDS
from generator.model import FIELD_TITLES, SINGLE_FILES
from generator.schema import load_taxonomies, render_schemas, schema_for

SCHEMAS = REPO / "schemas"


def test_committed_schemas_are_current() -> None:
    """The schemas follow the model and content/taxonomies.yml: run `showcase schema` after either."""
    args = ["schema", "--check", "--out", str(SCHEMAS), "--content", str(REPO / "content")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(render_schemas())


def test_schemas_list_the_vocabulary_codes_with_their_names() -> None:
    taxonomies = load_taxonomies(REPO / "content")
    assert taxonomies is not None
    initiative = json.loads((SCHEMAS / "initiative.schema.json").read_text("utf-8"))
    field = initiative["properties"]["field"]
    assert field["enum"] == list(taxonomies.fields)
    assert field["enumDescriptions"] == [t.name for t in taxonomies.fields.values()]
    assert field["markdownEnumDescriptions"] == field["enumDescriptions"]
    assert field["title"] == "Lĩnh vực"
    validator = _validator("initiative")
    sample = _jsonable(
        yaml.safe_load(
            (REPO / "content/initiatives/2022").glob("*.yml").__next__().read_text("utf-8")
        )
    )
    assert validator.is_valid(sample)
    assert not validator.is_valid({**sample, "field": "dien-nag"})  # VS Code underlines it
    assert validator.is_valid({**sample, "field": "dien-nang"})
    unit = json.loads((SCHEMAS / "unit.schema.json").read_text("utf-8"))
    assert "Công đoàn cơ sở" in unit["properties"]["kind"]["enumDescriptions"]


def test_without_taxonomies_codes_keep_the_shape_of_a_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["schema", "--out", str(tmp_path), "--content", str(tmp_path / "none")]
    )
    assert result.exit_code == 0
    assert "taxonomies.yml" in result.output
    field = json.loads((tmp_path / "initiative.schema.json").read_text("utf-8"))["properties"][
        "field"
    ]
    assert "enum" not in field and field["pattern"].startswith("^[a-z0-9]")


def test_every_property_has_a_vietnamese_title() -> None:
    titles = set(FIELD_TITLES.values())
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text("utf-8"))
        for section in [schema, *schema.get("$defs", {}).values()]:
            for name, prop in section.get("properties", {}).items():
                assert prop.get("title") in titles, (path.name, name)


def test_schema_check_reports_stale(tmp_path: Path, base_content: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "schemas"
    args = ["--out", str(out), "--content", str(base_content)]
    result = runner.invoke(cli, ["schema", "--check", *args])
    assert result.exit_code == 1
    result = runner.invoke(cli, ["schema", *args])
    assert result.exit_code == 0
    assert runner.invoke(cli, ["schema", "--check", *args]).exit_code == 0
    (out / "person.schema.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(cli, ["schema", "--check", *args])
    assert result.exit_code == 1
    assert "person.schema.json" in result.output
    # A new code in taxonomies.yml makes the schemas stale too.
    runner.invoke(cli, ["schema", *args])
    taxonomies = base_content / "taxonomies.yml"
    taxonomies.write_text(
        taxonomies.read_text("utf-8").replace("fields:\n", "fields:\n  moi:\n    name: Mới\n"),
        "utf-8",
    )
    result = runner.invoke(cli, ["schema", "--check", *args])
    assert result.exit_code == 1
    assert "initiative.schema.json" in result.output


def _models() -> list[type[BaseModel]]:
    """Every pydantic model declared in generator.model, and every model nested in them."""
    found: dict[str, type[BaseModel]] = {}

    def visit(cls: type[BaseModel]) -> None:
        if cls.__name__ in found:
            return
        found[cls.__name__] = cls
        for info in cls.model_fields.values():
            for arg in _walk(info.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    visit(arg)

    for value in vars(model_module).values():
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
            visit(value)
    return list(found.values())


def _walk(annotation: Any) -> list[Any]:
    import typing

    out = [annotation]
    for arg in typing.get_args(annotation):
        out.extend(_walk(arg))
    return out


def test_every_field_is_described() -> None:
    models = _models()
    assert {"Initiative", "Recipient", "Figure", "Source", "Term", "Phase"} <= {
        m.__name__ for m in models
    }
    missing = [
        f"{cls.__name__}.{name}"
        for cls in models
        for name, info in cls.model_fields.items()
        if not (info.description or "").strip()
    ]
    assert missing == []


def _jsonable(value: Any) -> Any:
    """YAML data as a JSON editor would hold it: dates become ISO strings."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _samples() -> list[tuple[str, Path, Path]]:
    """(kind, file, its content folder) of every sample record."""
    samples: list[tuple[str, Path, Path]] = []
    for root in (BASE_CONTENT, REPO / "content"):
        for kind, (name, _) in SINGLE_FILES.items():
            if (root / name).exists():
                samples.append((kind, root / name, root))
        for kind, (folder, _) in RECORD_KINDS.items():
            samples.extend((kind, path, root) for path in sorted((root / folder).rglob("*.yml")))
    return samples


def _validator(kind: str, root: Path | None = None) -> jsonschema.protocols.Validator:
    """The committed schema (content/'s codes), or the schema of another content folder."""
    if root is None:
        schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8"))
    else:
        schema = schema_for(kind, load_taxonomies(root))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("kind", sorted(ALL_MODELS))
def test_schema_accepts_sample_records(kind: str) -> None:
    samples = [(path, root) for k, path, root in _samples() if k == kind]
    assert samples, f"no sample record of kind {kind}"
    for path, root in samples:
        validator = _validator(kind, None if root == REPO / "content" else root)
        data = _jsonable(yaml.safe_load(path.read_text("utf-8")))
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(data)
        ]
        assert errors == [], path


def test_schema_refuses_what_the_validator_refuses() -> None:
    validator = _validator("initiative", BASE_CONTENT)
    data = _jsonable(
        yaml.safe_load((BASE_CONTENT / "initiatives/2022/may-cat-tu-dong.yml").read_text("utf-8"))
    )
    assert validator.is_valid(data)
    assert not validator.is_valid({**data, "sumary": "x"})  # unknown field
    assert not validator.is_valid({k: v for k, v in data.items() if k != "title"})  # required
    assert not validator.is_valid({**data, "benefit_vnd": "162.000.000"})
    assert not validator.is_valid({**data, "unit": "Đơn vị"})  # not an id
    assert validator.is_valid({**data, "first_applied": "1/3/2022"})  # D/M/YYYY is accepted
