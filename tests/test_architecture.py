"""The shape of the code base (issue 9): boundaries a newcomer can rely on.

- Only the engine package (generator/engine/) imports MkDocs or Material.
- Only the CLI imports click.
- The URL prefixes of the kinds are string literals in exactly one module (generator/kinds.py).
- Every CLI command is documented in the README or the editors' guide.
"""

from __future__ import annotations

import ast
from pathlib import Path

from click.testing import CliRunner
from conftest import REPO

from generator.cli import cli
from generator.guide import guide_markdown
from generator.kinds import KINDS

GENERATOR = REPO / "generator"


def modules() -> list[Path]:
    return sorted(GENERATOR.rglob("*.py"))


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_engine_package_imports_mkdocs() -> None:
    offenders = [
        p.relative_to(REPO).as_posix()
        for p in modules()
        if imported(p) & {"mkdocs", "material"} and GENERATOR / "engine" not in p.parents
    ]
    assert offenders == []


def test_only_the_cli_imports_click() -> None:
    offenders = [
        p.relative_to(REPO).as_posix()
        for p in modules()
        if "click" in imported(p) and p.name != "cli.py"
    ]
    assert offenders == []


def _string_constants(path: Path) -> list[str]:
    """String literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_url_prefixes_are_declared_in_one_module() -> None:
    prefixes = {k.url_prefix for k in KINDS.values()}
    holders = {}
    for path in modules():
        found = {
            text
            for text in _string_constants(path)
            if text.strip("/") in prefixes or text.split("/", 1)[0] in prefixes
        }
        if found:
            holders[path.relative_to(REPO).as_posix()] = found
    assert list(holders) == ["generator/kinds.py"], holders


def test_every_cli_command_is_documented() -> None:
    documented = (REPO / "README.md").read_text(encoding="utf-8") + guide_markdown()
    missing = [name for name in cli.commands if f"showcase {name}" not in documented]
    assert missing == [], f"commands missing from README.md and the guide: {missing}"
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in cli.commands:
        assert name in result.output
