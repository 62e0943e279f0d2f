"""JSON Schemas generated from the content model, one per kind, for editors' tools."""

from __future__ import annotations

import json
from pathlib import Path

from generator.kinds import ALL_MODELS


def schema_for(kind: str) -> dict[str, object]:
    model = ALL_MODELS[kind]
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}.schema.json"
    return schema


def render_schemas() -> dict[str, str]:
    """File name → JSON text, deterministic."""
    return {
        f"{kind}.schema.json": json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in ALL_MODELS
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the files whose bytes changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in render_schemas().items():
        path = folder / name
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            changed.append(path)
    return changed


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files that are missing or differ from the model."""
    return [
        name
        for name, text in render_schemas().items()
        if not (folder / name).exists() or (folder / name).read_text("utf-8") != text
    ]
