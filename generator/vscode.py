"""VS Code's mapping of content files to their JSON Schemas, derived from the kind registry.

``.vscode/settings.json`` tells the YAML extension which schema checks which file, so
that editors get completion, hover help and underlining.  ``showcase schema`` keeps its
``yaml.schemas`` key in step with the registry; every other setting is left as it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.kinds import KINDS
from generator.model import SINGLE_FILES

SETTINGS = Path(".vscode") / "settings.json"


def yaml_schemas() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, (file, _) in SINGLE_FILES.items():
        out[f"./schemas/{name}.schema.json"] = [f"content/{file}"]
    for name, kind in KINDS.items():
        folder = f"content/{kind.folder}/" + ("**/" if kind.year_folders else "")
        out[f"./schemas/{name}.schema.json"] = [f"{folder}*.yml", f"{folder}*.yaml"]
    return out


def _render(current: dict[str, Any]) -> str:
    settings = {**current, "yaml.schemas": yaml_schemas()}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def _current(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_settings(path: Path) -> bool:
    """Update the schema mapping of ``path``; True when the file changed."""
    text = _render(_current(path))
    if path.is_file() and path.read_text("utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def settings_stale(path: Path) -> bool:
    return not path.is_file() or path.read_text("utf-8") != _render(_current(path))
