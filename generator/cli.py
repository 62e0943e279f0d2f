"""The command line: the editors' and CI's face of the generator.

Examples::

    showcase validate
    showcase validate content/people/nguyen-van-an.yml
    showcase --lang en validate content/ --format github
    showcase schema
    showcase build
    showcase serve

Everything printed for people is Vietnamese unless ``--lang en`` is given or the
locale starts with ``en`` (generator.i18n).  Help texts live in generator.texts, keyed
``cli.<command>.<option>``: :func:`_speak` puts them on the commands in the chosen
language, and click's own words (usage errors) too.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import click

from generator.i18n import LANGS, Lang, language, set_language, t
from generator.kinds import KINDS
from generator.pipeline import DEFAULT_CONTENT, check_content
from generator.problems import (
    Problem,
    Severity,
    count_errors,
    format_github,
    format_json,
    format_text,
    has_errors,
    sort_problems,
)
from generator.texts import CLICK_VI

FORMATS = {"text": format_text, "json": format_json, "github": format_github}
#: A content folder holds one of these; `validate FILE` looks for it above the file.
CONTENT_MARKERS = ("site.yml", "taxonomies.yml")


# -- speaking the chosen language --------------------------------------------------------


def _click_gettext(table: dict[str, str]) -> tuple[Any, Any]:
    def gettext(message: str) -> str:
        return table.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        chosen = singular if n == 1 else plural
        return table.get(chosen, chosen)

    return gettext, ngettext


def _speak(lang: Lang) -> None:
    """Put every help text on the commands, and click's own words, in ``lang``."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    gettext, ngettext = _click_gettext(CLICK_VI if lang == "vi" else {})
    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.types,
    ):
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    cli.help = t("cli.help")
    for param in cli.params:
        if isinstance(param, click.Option) and param.name in ("lang", "version"):
            param.help = t(f"cli.{param.name}")
    for name, command in cli.commands.items():
        command.help = t(f"cli.{name}.help")
        for param in command.params:
            if isinstance(param, click.Option) and param.name is not None:
                param.help = t(f"cli.{name}.{param.name}")
    for command in [cli, *cli.commands.values()]:
        # click makes the --help option once and keeps it; make it again in this language.
        if hasattr(command, "_help_option"):
            command._help_option = None


def _choose_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    set_language("en" if value == "en" else "vi" if value == "vi" else None)
    _speak(language())


def _emit_problems(
    problems: list[Problem], fmt: str, *, guide_url: str | None = None, notes: Sequence[str] = ()
) -> None:
    text = format_text(problems, guide_url=guide_url) if fmt == "text" else FORMATS[fmt](problems)
    click.echo(text, nl=False)
    for note in notes:
        click.echo(note)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    is_eager=True,
    expose_value=False,
    callback=_choose_language,
    help="Language of the messages: vi or en.",
)
@click.version_option(package_name="sangkien-showcase")
def cli() -> None:
    pass


# -- validate ----------------------------------------------------------------------------


@dataclass
class _Scope:
    """One content folder to check, and the given files and folders inside it."""

    root: Path
    parts: list[Path]  # empty: the whole folder

    @property
    def display_root(self) -> str:
        """The content folder as the editor would type it from here (``content``, ``..``)."""
        from generator.loader import default_display_root

        shown = default_display_root(self.root)
        if Path(shown).is_absolute():
            relative = Path(os.path.relpath(self.root.resolve(), Path.cwd().resolve()))
            if not relative.as_posix().startswith("../../.."):
                return relative.as_posix()
        return shown

    def display(self, path: Path) -> str:
        base = self.display_root
        rel = path.resolve().relative_to(self.root.resolve())
        shown = PurePosixPath(base) / PurePosixPath(rel.as_posix())
        return str(shown) if base not in ("", ".") else rel.as_posix()

    def covers(self, problem: Problem) -> bool:
        if not self.parts:
            return True
        for part in self.parts:
            shown = self.display(part)
            if shown == "." or problem.path == shown or problem.path.startswith(shown + "/"):
                return True
        return False


def _content_root(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` holding site.yml or taxonomies.yml."""
    start = path.resolve()
    for folder in [start, *start.parents] if start.is_dir() else list(start.parents):
        if any((folder / marker).is_file() for marker in CONTENT_MARKERS):
            return folder
    return None


def _scopes(paths: Iterable[Path], content: Path | None) -> tuple[list[_Scope], list[Problem]]:
    scopes: dict[Path, _Scope] = {}
    problems: list[Problem] = []
    for path in paths:
        if not path.exists() and content is None:
            if path.suffix in (".yml", ".yaml", ".md"):
                problems.append(Problem(path.as_posix(), 1, 1, "khong-doc-duoc", variant="no-path"))
                continue
            # A content folder that is not there: the loader says so.
            scopes.setdefault(path, _Scope(path, []))
            continue
        root = content or _content_root(path)
        if root is None:
            if path.is_dir():
                scopes.setdefault(path, _Scope(path, []))  # checked as a content folder
            else:
                problems.append(
                    Problem(path.as_posix(), 1, 1, "khong-doc-duoc", variant="no-folder")
                )
            continue
        scope = scopes.setdefault(root.resolve(), _Scope(root, []))
        if not path.exists():
            problems.append(Problem(path.as_posix(), 1, 1, "khong-doc-duoc", variant="no-path"))
        elif path.resolve() == root.resolve():
            scope.parts = []
            scope.parts.append(root)  # the whole folder: covers everything
        else:
            try:
                path.resolve().relative_to(root.resolve())
            except ValueError:
                problems.append(
                    Problem(path.as_posix(), 1, 1, "khong-doc-duoc", variant="no-folder")
                )
                continue
            if root not in scope.parts:
                scope.parts.append(path)
    return list(scopes.values()), problems


def _guide_url(root: Path) -> str:
    """Where the site publishes the guide (site.yml's base_url), else the repository's copy."""
    from generator.loader import read_record_file
    from generator.model import normalise_base_url

    data, _ = read_record_file(root / "site.yml", "site.yml")
    base = data.get("base_url") if isinstance(data, dict) else None
    if isinstance(base, str):
        try:
            return normalise_base_url(base) + "huong-dan/"
        except ValueError:
            pass
    return "HUONG-DAN.md"


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--content",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="The content folder.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="text, json or github.",
)
@click.option("--explain", is_flag=True, help="Print guide links.")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    envvar="SHOWCASE_TODAY",
    hidden=True,
    help="Pretend today is this date.",
)
def validate(
    paths: tuple[Path, ...],
    content: Path | None,
    fmt: str,
    explain: bool,
    today: dt.datetime | None,
) -> None:
    scopes, problems = _scopes(paths or [content or Path(DEFAULT_CONTENT)], content)
    notes: list[str] = []
    guide_url = None
    for scope in scopes:
        _, found = check_content(
            scope.root, display_root=scope.display_root, today=today.date() if today else None
        )
        mine = [p for p in found if scope.covers(p)]
        problems += mine
        others = [p for p in found if not scope.covers(p)]
        if others:
            shown = scope.display(scope.root)
            errors = count_errors(others)
            notes.append(
                t("problems.elsewhere", root=shown, errors=errors, warnings=len(others) - errors)
            )
        if explain and guide_url is None:
            guide_url = _guide_url(scope.root)
    problems = sort_problems(problems)
    _emit_problems(problems, fmt, guide_url=guide_url if explain else None, notes=notes)
    sys.exit(1 if has_errors(problems) else 0)


# -- schema and guide --------------------------------------------------------------------


@cli.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("schemas"),
    show_default=True,
    help="Output folder.",
)
@click.option(
    "--content",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path(DEFAULT_CONTENT),
    show_default=True,
    help="The content folder.",
)
@click.option("--check", is_flag=True, help="Check only.")
def schema(out: Path, content: Path, check: bool) -> None:
    from generator.schema import load_taxonomies, stale_schemas, write_schemas
    from generator.vscode import SETTINGS, settings_stale, write_settings

    settings = out.resolve().parent / SETTINGS
    taxonomies = load_taxonomies(content)
    if taxonomies is None:
        click.echo(
            t("schema.no-taxonomies", path=(content / "taxonomies.yml").as_posix()), err=True
        )
    if check:
        stale = stale_schemas(out, taxonomies)
        for name in stale:
            click.echo(t("schema.stale", path=(out / name).as_posix()), err=True)
        if settings_stale(settings):
            click.echo(t("schema.stale", path=settings.as_posix()), err=True)
        sys.exit(1 if stale or settings_stale(settings) else 0)
    changed = write_schemas(out, taxonomies)
    click.echo(t("schema.written", count=len(changed), folder=out.as_posix()))
    if write_settings(settings):
        click.echo(t("schema.settings", path=settings.as_posix()))


@cli.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("HUONG-DAN.md"),
    show_default=True,
    help="The file to write.",
)
@click.option("--check", is_flag=True, help="Check only.")
def guide(out: Path, check: bool) -> None:
    from generator.guide import guide_document

    text = guide_document()
    current = out.read_text("utf-8") if out.is_file() else None
    if check:
        if current != text:
            click.echo(t("guide.stale", path=out.as_posix()), err=True)
            sys.exit(1)
        sys.exit(0)
    if current == text:
        click.echo(t("guide.unchanged", path=out.as_posix()))
        return
    out.write_text(text, encoding="utf-8", newline="\n")
    click.echo(t("guide.written", path=out.as_posix()))


# -- export, build, serve, stats -----------------------------------------------------------


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path(DEFAULT_CONTENT))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build"),
    show_default=True,
    help="Output folder.",
)
def export(path: Path, out: Path) -> None:
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
    folder = (out / OPEN_DATA_DIR).as_posix()
    click.echo(t("export.written", written=written, total=len(files), folder=folder))


@cli.command()
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("."),
    show_default=True,
    help="Project folder.",
)
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Site folder.",
)
@click.option("--no-search", is_flag=True, help="Skip search.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes.",
)
def build(root: Path, site_dir: Path | None, no_search: bool, jobs: int | None) -> None:
    import logging

    from generator.pipeline import BuildError, Project
    from generator.pipeline import build as build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    try:
        report = build_site(Project.at(root), site_dir, search=not no_search, jobs=jobs)
    except BuildError as exc:
        click.echo(str(exc), err=True)
        click.echo(t("build.failed"), err=True)
        sys.exit(1)
    for problem in report.problems:
        click.echo(problem.format(), err=True)
    click.echo(
        t(
            "build.done",
            folder=report.site_dir,
            built=report.pages_built,
            unchanged=report.pages_unchanged,
        )
    )


@cli.command()
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("."),
    show_default=True,
    help="Project folder.",
)
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    help="Address.",
)
@click.option("--no-search", is_flag=True, help="No search.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes.",
)
def serve(root: Path, dev_addr: str, no_search: bool, jobs: int | None) -> None:
    from generator.pipeline import Project
    from generator.preview import Preview

    host, _, port = dev_addr.rpartition(":")
    try:
        number = int(port)
    except ValueError:
        raise click.BadParameter(
            t("serve.bad-address", value=dev_addr), param_hint="--dev-addr"
        ) from None
    preview = Preview(Project.at(root), jobs=jobs, search=not no_search, say=click.echo)
    try:
        preview.serve(host or "127.0.0.1", number)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise click.ClickException(t("serve.cannot", address=dev_addr, reason=reason)) from None


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path(DEFAULT_CONTENT))
def stats(path: Path) -> None:
    from generator.vietnamese import format_count, format_money

    site, problems = check_content(path)
    if site is None:
        _emit_problems(problems, "text")
        sys.exit(1)
    published_people = sum(1 for p in site.people.values() if p.published)
    recipients = sum(len(a.recipients) for a in site.awards.values())
    rows = [
        ("stats.campaigns", len(site.campaigns), ""),
        ("stats.units", len(site.units), ""),
        ("stats.people", len(site.people), t("stats.people-pages", count=published_people)),
        ("stats.initiatives", len(site.initiatives), ""),
        ("stats.awards", len(site.awards), t("stats.recipients", count=recipients)),
        ("stats.events", len(site.events), ""),
    ]
    for key, count, extra in rows:
        click.echo(f"{t(key):<13}{count:>7}" + (f"  ({extra})" if extra else ""))
    for year, totals in site.totals_by_year().items():
        click.echo(
            "  "
            + t(
                "stats.year",
                year=year,
                count=format_count(totals.count),
                recognised=format_count(totals.recognised),
                benefit=format_money(totals.benefit),
            )
        )


# -- new and import ------------------------------------------------------------------------


@cli.command("new")
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.option("--title", required=True, help="Title.")
@click.option("--year", type=click.IntRange(1900, 2100), default=None, help="Year.")
@click.option("--id", "record_id", default=None, help="Id.")
@click.option(
    "--content",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path(DEFAULT_CONTENT),
    show_default=True,
    help="The content folder.",
)
def new(kind: str, title: str, year: int | None, record_id: str | None, content: Path) -> None:
    from generator.scaffold import ScaffoldError, create_record, plan_new

    try:
        record = plan_new(kind, title, content, year=year, record_id=record_id)
        create_record(record)
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(record.path.as_posix())
    schema_file = content.resolve().parent / "schemas" / f"{kind}.schema.json"
    if not schema_file.exists():
        click.echo(t("new.no-schemas"), err=True)


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--award", "award_id", required=True, help="Award id.")
@click.option("--title", default=None, help="Title.")
@click.option("--form", default=None, help="Award form.")
@click.option("--issuer", default=None, help="Issuer.")
@click.option("--date", "date_text", default=None, help="Date.")
@click.option("--decision-number", default=None, help="Decision number.")
@click.option("--event", default=None, help="Event.")
@click.option("--campaign", default=None, help="Campaign.")
@click.option("--unit-kind", default=None, help="Unit kind.")
@click.option("--parent-unit", default=None, help="Parent unit.")
@click.option("--field", "field_key", default=None, help="Field.")
@click.option("--initiative-type", default=None, help="Initiative type.")
@click.option("--initiative-status", default=None, help="Initiative status.")
@click.option("--sheet", default=None, help="Sheet.")
@click.option(
    "--content",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path(DEFAULT_CONTENT),
    show_default=True,
    help="The content folder.",
)
@click.option("--dry-run", is_flag=True, help="Dry run.")
def import_list(
    file: Path,
    award_id: str,
    title: str | None,
    form: str | None,
    issuer: str | None,
    date_text: str | None,
    decision_number: str | None,
    event: str | None,
    campaign: str | None,
    unit_kind: str | None,
    parent_unit: str | None,
    field_key: str | None,
    initiative_type: str | None,
    initiative_status: str | None,
    sheet: str | None,
    content: Path,
    dry_run: bool,
) -> None:
    from generator.importer import ImportOptions, run_import
    from generator.model import DateFormatError, parse_date

    date: dt.date | None = None
    if date_text:
        try:
            parsed = parse_date(date_text)
        except DateFormatError as exc:
            raise click.BadParameter(str(exc), param_hint="--date") from None
        date = parsed if isinstance(parsed, dt.date) else None
    options = ImportOptions(
        award=award_id,
        content=content,
        title=title,
        form=form,
        issuer=issuer,
        date=date,
        event=event,
        campaign=campaign,
        decision_number=decision_number,
        unit_kind=unit_kind,
        parent_unit=parent_unit,
        field=field_key,
        initiative_type=initiative_type,
        initiative_status=initiative_status,
        sheet=sheet,
        dry_run=dry_run,
    )
    result = run_import(file, options)
    if result.problems:
        _emit_problems(result.problems, "text")
    verbs = {
        "create": t(
            "import.will-create"
            if dry_run
            else ("import.not-written" if result.failed else "import.created")
        ),
        "unchanged": t("import.unchanged"),
        "conflict": t("import.conflict"),
    }
    for plan in result.files:
        click.echo(f"  {verbs[plan.status]:<10} {plan.display}")
    for note in sorted(str(n) for n in result.notes):
        click.echo(note)
    for inferred in result.inferred:
        click.echo(t("import.inferred", what=inferred))
    s = result.summary
    click.echo(
        t(
            "import.summary",
            rows=s.rows,
            collectives=s.collectives,
            individuals=s.individuals,
            groups=s.groups,
            members=s.group_members,
        )
    )
    if result.needs_review:
        click.echo(t("import.needs-review", count=result.needs_review))
    created = result.count("create")
    files = t(
        "import.files", unchanged=result.count("unchanged"), conflicts=result.count("conflict")
    )
    if dry_run:
        click.echo(t("import.dry-run", created=created, files=files))
    elif result.failed:
        click.echo(t("import.failed", created=created, files=files))
    else:
        click.echo(t("import.written", written=result.written, files=files))
    sys.exit(1 if result.failed else 0)


# Help texts in the environment's language until --lang says otherwise.
_speak(language())


def main() -> None:
    cli(prog_name="showcase")


__all__ = ["Severity", "cli", "main"]
