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
from generator.model import SINGLE_FILES
from generator.schema import render_schemas

SCHEMAS = REPO / "schemas"


def test_committed_schemas_are_current() -> None:
    result = CliRunner().invoke(cli, ["schema", "--check", "--out", str(SCHEMAS)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(render_schemas())


def test_schema_check_reports_stale(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["schema", "--check", "--out", str(tmp_path)])
    assert result.exit_code == 1
    result = runner.invoke(cli, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert runner.invoke(cli, ["schema", "--check", "--out", str(tmp_path)]).exit_code == 0
    (tmp_path / "person.schema.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(cli, ["schema", "--check", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "person.schema.json" in result.output


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


def _samples() -> list[tuple[str, Path]]:
    samples: list[tuple[str, Path]] = []
    for root in (BASE_CONTENT, REPO / "content"):
        for kind, (name, _) in SINGLE_FILES.items():
            if (root / name).exists():
                samples.append((kind, root / name))
        for kind, (folder, _) in RECORD_KINDS.items():
            samples.extend((kind, path) for path in sorted((root / folder).rglob("*.yml")))
    return samples


def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("kind", sorted(ALL_MODELS))
def test_schema_accepts_sample_records(kind: str) -> None:
    validator = _validator(kind)
    paths = [path for k, path in _samples() if k == kind]
    assert paths, f"no sample record of kind {kind}"
    for path in paths:
        data = _jsonable(yaml.safe_load(path.read_text("utf-8")))
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(data)
        ]
        assert errors == [], path


def test_schema_refuses_what_the_validator_refuses() -> None:
    validator = _validator("initiative")
    data = _jsonable(
        yaml.safe_load((BASE_CONTENT / "initiatives/2022/may-cat-tu-dong.yml").read_text("utf-8"))
    )
    assert validator.is_valid(data)
    assert not validator.is_valid({**data, "sumary": "x"})  # unknown field
    assert not validator.is_valid({k: v for k, v in data.items() if k != "title"})  # required
    assert not validator.is_valid({**data, "benefit_vnd": "162.000.000"})
    assert not validator.is_valid({**data, "unit": "Đơn vị"})  # not an id
    assert validator.is_valid({**data, "first_applied": "1/3/2022"})  # D/M/YYYY is accepted
