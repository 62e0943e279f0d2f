"""JSON Schemas generated from the content model, one per kind, for editors' tools.

VS Code (with the YAML extension) reads them from ``schemas/`` to complete field names,
explain them on hover and underline mistakes while the editor types, so they say what
the validator says:

- every property has a Vietnamese ``title`` (model.FIELD_TITLES) beside its description;
- dates accept exactly what the validator accepts (model.DATE_PATTERN): 2023-3-15 and
  15/3/2023 yes, 29/02/2023 and 15-3-2023 no;
- a field that takes a code of taxonomies.yml (lĩnh vực, loại, tình trạng…) lists the
  current codes as an ``enum``, with their names as ``enumDescriptions`` and
  ``markdownEnumDescriptions``, so VS Code offers them and underlines ``dien-nag``.

The schemas therefore depend on ``content/taxonomies.yml``: ``showcase schema`` reads
it, and ``showcase schema --check`` (a test) fails when they fall behind.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.kinds import ALL_MODELS, KINDS, SINGLE_FILE_LABELS
from generator.model import SLUG_RE, VOCABULARY_KEY, Taxonomies, field_title


def load_taxonomies(content: Path) -> Taxonomies | None:
    """The vocabularies of ``content/taxonomies.yml``, or None when it cannot be read or is invalid."""
    from generator.loader import read_record_file

    path = content / "taxonomies.yml"
    if not path.is_file():
        return None
    data, _ = read_record_file(path, path.as_posix())
    if data is None:
        return None
    try:
        return Taxonomies.model_validate(data)
    except ValidationError:
        return None


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """``model`` and every model nested in it, by class name (the schema's $defs names)."""
    found: dict[str, type[BaseModel]] = {}

    def visit(cls: type[BaseModel]) -> None:
        if cls.__name__ in found:
            return
        found[cls.__name__] = cls
        for info in cls.model_fields.values():
            for arg in _walk(info.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    visit(arg)

    visit(model)
    return found


def _walk(annotation: Any) -> list[Any]:
    out = [annotation]
    for arg in typing.get_args(annotation):
        out.extend(_walk(arg))
    return out


def _title_properties(schema: dict[str, Any], model: type[BaseModel]) -> None:
    for name, prop in schema.get("properties", {}).items():
        if isinstance(prop, dict) and name in model.model_fields:
            prop["title"] = field_title(model, name)


def _vocabulary(node: Any, taxonomies: Taxonomies | None) -> Any:
    """Replace every vocabulary marker with the vocabulary's codes (or the shape of a code)."""
    if isinstance(node, list):
        return [_vocabulary(item, taxonomies) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _vocabulary(value, taxonomies) for key, value in node.items()}
    name = out.pop(VOCABULARY_KEY, None)
    if name is not None:
        terms = getattr(taxonomies, name, None) if taxonomies is not None else None
        if terms:
            out["enum"] = list(terms)
            names = [str(term.name) for term in terms.values()]
            out["enumDescriptions"] = names
            out["markdownEnumDescriptions"] = names
        else:
            out["pattern"] = SLUG_RE.pattern
    return out


def _label(kind: str) -> str:
    spec = KINDS.get(kind)
    return spec.label if spec is not None else SINGLE_FILE_LABELS.get(kind, kind)


def schema_for(kind: str, taxonomies: Taxonomies | None = None) -> dict[str, Any]:
    model = ALL_MODELS[kind]
    schema: dict[str, Any] = model.model_json_schema(mode="validation")
    models = _models(model)
    _title_properties(schema, model)
    for name, definition in schema.get("$defs", {}).items():
        if name in models:
            _title_properties(definition, models[name])
    schema = _vocabulary(schema, taxonomies)
    schema["title"] = _label(kind)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}.schema.json"
    return schema


def render_schemas(taxonomies: Taxonomies | None = None) -> dict[str, str]:
    """File name → JSON text, deterministic."""
    return {
        f"{kind}.schema.json": json.dumps(
            schema_for(kind, taxonomies), ensure_ascii=False, indent=2
        )
        + "\n"
        for kind in ALL_MODELS
    }


def write_schemas(folder: Path, taxonomies: Taxonomies | None = None) -> list[Path]:
    """Write every schema into ``folder``; return the files whose bytes changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in render_schemas(taxonomies).items():
        path = folder / name
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            changed.append(path)
    return changed


def stale_schemas(folder: Path, taxonomies: Taxonomies | None = None) -> list[str]:
    """Names of schema files that are missing or differ from the model and vocabularies."""
    return [
        name
        for name, text in render_schemas(taxonomies).items()
        if not (folder / name).exists() or (folder / name).read_text("utf-8") != text
    ]
