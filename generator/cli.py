"""The command line: the editors' and CI's face of the generator.

Examples::

    showcase validate content/
    showcase validate content/ --format github
    showcase schema
    showcase build
    showcase serve
"""

from __future__ import annotations

import datetime as dt
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
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    envvar="SHOWCASE_TODAY",
    hidden=True,
    help="Pretend today is this date (YYYY-MM-DD) when checking for future dates; for tests.",
)
def validate(path: Path, fmt: str, today: dt.datetime | None) -> None:
    """Check every record under PATH (default: content/) and report all problems at once.

    \b
    Exit status: 0 when there is no error (warnings allowed), 1 otherwise.
    Example:
        showcase validate content/
        content/awards/x.yml:12:5: error: unknown person 'le-van-a' (recipients[0].person)
        1 error, 0 warnings
    """
    _, problems = check_content(path, today=today.date() if today else None)
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


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("content"))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build"),
    show_default=True,
    help="Folder that receives du-lieu-mo/ (JSON, CSV, JSON Schemas).",
)
def export(path: Path, out: Path) -> None:
    """Write the open data of PATH (default: content/) as OUT/du-lieu-mo/*.

    \b
    Only published data: no private field, no confidential field, no person
    marked publish: false.  Files whose bytes did not change are not rewritten.
    Example:
        showcase export --out build
        12 of 31 file(s) written to build/du-lieu-mo/
    """
    from generator.export import OPEN_DATA_DIR, export_dataset

    site, problems = check_content(path)
    if site is None:
        _emit_problems(problems, "text")
        sys.exit(1)
    files = export_dataset(site)
    written = 0
    for rel, data in files.items():
        target = out / rel
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    click.echo(f"{written} of {len(files)} file(s) written to {out / OPEN_DATA_DIR}/")


@cli.command()
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("."),
    show_default=True,
    help="Project folder holding mkdocs.yml and content/.",
)
@click.option("--site-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where to put the site (default: ROOT/site).")
@click.option("--no-search", is_flag=True, help="Skip the Pagefind index (faster previews).")
def build(root: Path, site_dir: Path | None, no_search: bool) -> None:
    """Validate, render and build the whole site into site/, then index it for search.

    \b
    The site is built in a temporary folder and swapped in only on success.
    Example:
        showcase build
    """
    import logging

    from generator.build import BuildError, build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    try:
        result = build_site(root, site_dir=site_dir, search=not no_search)
    except BuildError as exc:
        click.echo(str(exc), err=True)
        click.echo("build failed; site/ left unchanged", err=True)
        sys.exit(1)
    for problem in result.problems:
        click.echo(problem.format(), err=True)
    click.echo(f"site built in {result.site_dir}")


@cli.command()
@click.option("--root", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=Path("."), show_default=True, help="Project folder holding mkdocs.yml.")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address to serve the preview on.")
def serve(root: Path, dev_addr: str) -> None:
    """Preview the site with live reload: saving a YAML record or a template refreshes the page.

    \b
    Example:
        showcase serve        # then open http://127.0.0.1:8000/
    """
    import subprocess

    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", dev_addr,
               "-f", str(root / "mkdocs.yml")]
    sys.exit(subprocess.call(command))


def main() -> None:
    cli(prog_name="showcase")
