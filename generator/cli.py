"""The command line: the editors' and CI's face of the generator.

Examples::

    showcase validate content/
    showcase validate content/ --format github
    showcase schema
    showcase build
    showcase serve
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.pipeline import check_content
from generator.problems import Problem, format_github, format_json, format_text, has_errors

FORMATS = {"text": format_text, "json": format_json, "github": format_github}


def _emit_problems(problems: list[Problem], fmt: str) -> None:
    text = FORMATS[fmt](problems)
    # Problems go to stdout for json (a tool reads it) and to stderr otherwise only when failing
    # would hide them from a pipe; editors read them in the terminal either way.
    click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sangkien-showcase")
def cli() -> None:
    """Sáng kiến Showcase: YAML records of honoured initiatives → a searchable website."""


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("content"))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for CI annotations.",
)
def validate(path: Path, fmt: str) -> None:
    """Check every record under PATH (default: content/) and report all problems at once.

    \b
    Exit status: 0 when there is no error (warnings allowed), 1 otherwise.
    Example:
        showcase validate content/
        content/awards/x.yml:12:5: error: unknown person 'le-van-a' (recipients[0].person)
        1 error, 0 warnings
    """
    _, problems = check_content(path)
    _emit_problems(problems, fmt)
    sys.exit(1 if has_errors(problems) else 0)


@cli.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("schemas"),
    show_default=True,
    help="Folder that receives one <kind>.schema.json per kind of record.",
)
@click.option("--check", is_flag=True, help="Do not write; exit 1 if a committed schema is stale.")
def schema(out: Path, check: bool) -> None:
    """Write the JSON Schemas of every kind of record (for editors' tools)."""
    from generator.schema import stale_schemas, write_schemas

    if check:
        stale = stale_schemas(out)
        for name in stale:
            click.echo(f"{out / name}: out of date; run `showcase schema`", err=True)
        sys.exit(1 if stale else 0)
    changed = write_schemas(out)
    click.echo(f"{len(changed)} schema file(s) written to {out}/")


def main() -> None:
    cli(prog_name="showcase")
