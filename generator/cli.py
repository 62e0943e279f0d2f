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

from generator.kinds import KINDS
from generator.pipeline import DEFAULT_CONTENT, check_content
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
@click.argument("path", type=click.Path(path_type=Path), default=Path(DEFAULT_CONTENT))
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
    from generator.vscode import SETTINGS, settings_stale, write_settings

    settings = out.resolve().parent / SETTINGS
    if check:
        stale = [str(out / name) for name in stale_schemas(out)]
        if settings_stale(settings):
            stale.append(str(settings))
        for name in stale:
            click.echo(f"{name}: out of date; run `showcase schema`", err=True)
        sys.exit(1 if stale else 0)
    changed = write_schemas(out)
    click.echo(f"{len(changed)} schema file(s) written to {out}/")
    if write_settings(settings):
        click.echo(f"{settings}: schema mapping updated")


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path(DEFAULT_CONTENT))
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
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where to put the site (default: ROOT/site).",
)
@click.option("--no-search", is_flag=True, help="Skip the Pagefind index (faster previews).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes for building pages (default: one per CPU core).",
)
def build(root: Path, site_dir: Path | None, no_search: bool, jobs: int | None) -> None:
    """Validate, render and build the whole site into site/, then index it for search.

    \b
    Only pages whose source changed since the last build are rebuilt (the engine's
    output is kept in .showcase-build/); the site is published into site/ in one step.
    Example:
        showcase build
        showcase build --jobs 2 --no-search
    """
    import logging

    from generator.pipeline import BuildError, Project
    from generator.pipeline import build as build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    try:
        report = build_site(Project.at(root), site_dir, search=not no_search, jobs=jobs)
    except BuildError as exc:
        click.echo(str(exc), err=True)
        click.echo("build failed; site/ left unchanged", err=True)
        sys.exit(1)
    for problem in report.problems:
        click.echo(problem.format(), err=True)
    click.echo(
        f"site built in {report.site_dir} ({report.pages_built} page(s) built, "
        f"{report.pages_unchanged} unchanged)"
    )


@cli.command()
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("."),
    show_default=True,
    help="Project folder holding mkdocs.yml.",
)
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    help="Address to serve the preview on.",
)
@click.option(
    "--no-search", is_flag=True, help="Do not refresh the search index in the background."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes for the first build (default: one per CPU core).",
)
def serve(root: Path, dev_addr: str, no_search: bool, jobs: int | None) -> None:
    """Preview the site: saving a YAML record or a template refreshes the open page.

    \b
    One build per save, only the pages the edit touches.  While the content has an
    error, every page shows the list of problems; it reloads itself once they are fixed.
    Example:
        showcase serve        # then open http://127.0.0.1:8000/
    """
    from generator.pipeline import Project
    from generator.preview import Preview

    host, _, port = dev_addr.rpartition(":")
    try:
        number = int(port)
    except ValueError:
        raise click.BadParameter(
            f"{dev_addr!r} is not HOST:PORT", param_hint="--dev-addr"
        ) from None
    preview = Preview(Project.at(root), jobs=jobs, search=not no_search, say=click.echo)
    try:
        preview.serve(host or "127.0.0.1", number)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on {dev_addr}: {exc.strerror}") from None


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path(DEFAULT_CONTENT))
def stats(path: Path) -> None:
    """Count the records and sum up initiatives by year (a quick check before publishing).

    \b
    Example:
        showcase stats content/
    """
    from generator.vietnamese import format_count, format_money

    site, problems = check_content(path)
    if site is None:
        _emit_problems(problems, "text")
        sys.exit(1)
    published_people = sum(1 for p in site.people.values() if p.published)
    click.echo(f"campaigns    {len(site.campaigns):>7}")
    click.echo(f"units        {len(site.units):>7}")
    click.echo(f"people       {len(site.people):>7}  ({published_people} with a page)")
    click.echo(f"initiatives  {len(site.initiatives):>7}")
    click.echo(
        f"awards       {len(site.awards):>7}  ({sum(len(a.recipients) for a in site.awards.values())} recipients)"
    )
    click.echo(f"events       {len(site.events):>7}")
    for year, totals in site.totals_by_year().items():
        click.echo(
            f"  {year}: {format_count(totals.count)} sáng kiến, {format_count(totals.recognised)} "
            f"được công nhận, làm lợi {format_money(totals.benefit)}"
        )


@cli.command("new")
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.option(
    "--title",
    required=True,
    help="Title (or name) with diacritics; the file name is made from it.",
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2100),
    default=None,
    help="Initiatives only: the year folder initiatives/<year>/ (default: this year).",
)
@click.option(
    "--id", "record_id", default=None, help="Use this id instead of the one made from the title."
)
@click.option(
    "--content",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path(DEFAULT_CONTENT),
    show_default=True,
    help="The content folder.",
)
def new(kind: str, title: str, year: int | None, record_id: str | None, content: Path) -> None:
    """Create a record file to fill in, with every field of KIND and its help text.

    \b
    The file name comes from the title (diacritics removed, đ → d, hyphens);
    an existing file is never overwritten: a free name such as …-2 is used.
    Example:
        showcase new initiative --title "Đổi mới quy trình tiếp nhận hồ sơ"
        content/initiatives/2025/doi-moi-quy-trinh-tiep-nhan-ho-so.yml
    """
    from generator.scaffold import ScaffoldError, create_record, plan_new

    try:
        record = plan_new(kind, title, content, year=year, record_id=record_id)
        create_record(record)
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(record.path.as_posix())
    schema_file = content.resolve().parent / "schemas" / f"{kind}.schema.json"
    if not schema_file.exists():
        click.echo(
            "(schemas/ is missing: run `showcase schema` for completion in VS Code)", err=True
        )


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--award",
    "award_id",
    required=True,
    help="Mã (tên tệp) của hồ sơ khen thưởng sẽ tạo, ví dụ bang-khen-ldld-2022.",
)
@click.option(
    "--title",
    default=None,
    help="Tên đợt khen thưởng (mặc định: hình thức và số quyết định).",
)
@click.option(
    "--form",
    default=None,
    help="Hình thức khen thưởng, một mã trong award_forms của taxonomies.yml "
    "(mặc định: đọc từ tiêu đề danh sách, ví dụ “được tặng Bằng khen”).",
)
@click.option(
    "--issuer",
    default=None,
    help="Mã đơn vị ra quyết định (mặc định: đọc từ tiêu đề danh sách, ví dụ "
    "“LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA”).",
)
@click.option(
    "--date",
    "date_text",
    default=None,
    help="Ngày quyết định, 2022-06-29 hoặc 29/6/2022 (mặc định: đọc từ tiêu đề danh sách).",
)
@click.option(
    "--decision-number",
    default=None,
    help="Số quyết định (mặc định: đọc từ “Kèm theo Quyết định số …”).",
)
@click.option("--event", default=None, help="Mã sự kiện nơi trao khen thưởng.")
@click.option(
    "--campaign",
    default=None,
    help="Mã chương trình liên quan (cũng ghi vào các sáng kiến mới).",
)
@click.option(
    "--unit-kind",
    default=None,
    help="Loại (mã trong unit_kinds) cho đơn vị mới mà tên không cho biết loại; "
    "đơn vị tên “Công đoàn cơ sở …”, “Công ty …”, “Bệnh viện …” được suy ra loại từ tên.",
)
@click.option(
    "--parent-unit",
    default=None,
    help="Đơn vị cấp trên của các đơn vị mới khi danh sách không ghi.",
)
@click.option(
    "--field",
    "field_key",
    default=None,
    help="Lĩnh vực (mã trong fields) của các sáng kiến mới; không ghi thì sáng kiến "
    "được ghi “chưa phân loại” và trạng thái “cần rà soát”.",
)
@click.option(
    "--initiative-type",
    default=None,
    help="Loại sáng kiến (mã trong initiative_types) của các sáng kiến mới; không ghi thì "
    "như --field.",
)
@click.option(
    "--initiative-status",
    default=None,
    help="Trạng thái của các sáng kiến mới khi đã có --field và --initiative-type "
    "(mặc định: cong-nhan).",
)
@click.option(
    "--sheet",
    default=None,
    help="Chỉ đọc trang tính có tên này (mặc định: mọi trang tính có dòng tiêu đề cột).",
)
@click.option(
    "--content",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path(DEFAULT_CONTENT),
    show_default=True,
    help="Thư mục nội dung.",
)
@click.option(
    "--dry-run", is_flag=True, help="Chạy thử: liệt kê các tệp sẽ được ghi, không ghi gì."
)
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
    """Nhập danh sách khen thưởng thành hồ sơ khen thưởng, cá nhân, đơn vị và sáng kiến.

    \b
    FILE là bảng tính .xlsx, .xls, .ods hoặc tệp .csv/.txt xuất từ Excel
    (CSV UTF-8, CSV Windows-1258, “Unicode Text” UTF-16 phân cách bằng tab).
    Danh sách có thể có phần tiêu đề phía trên dòng tiêu đề cột (đơn vị ra
    quyết định, hình thức, “Kèm theo Quyết định số … ngày …”: được dùng khi
    khớp với hồ sơ, danh mục đã có), các cột STT, Họ và tên, Chức vụ, Đơn vị,
    Tên sáng kiến / Thành tích, Ghi chú theo thứ tự bất kỳ, các mục “I. TẬP
    THỂ” / “II. CÁ NHÂN” và nhóm tác giả đánh số 1.1, 1.2 hoặc a), b).
    Có lỗi thì không ghi tệp nào; tệp đã có không bao giờ bị ghi đè.
    Ví dụ:
        showcase import danh-sach.xlsx --award bang-khen-2022 --dry-run
    """
    import datetime as dt

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
        "create": "sẽ tạo" if dry_run else ("chưa ghi" if result.failed else "đã tạo"),
        "unchanged": "không đổi",
        "conflict": "xung đột",
    }
    for plan in result.files:
        click.echo(f"  {verbs[plan.status]:<10} {plan.display}")
    for note in result.notes:
        click.echo(note)
    for inferred in result.inferred:
        click.echo(f"Đã suy ra từ tiêu đề: {inferred}")
    s = result.summary
    click.echo(
        f"Đã đọc {s.rows} dòng: {s.collectives} tập thể, {s.individuals} cá nhân, "
        f"{s.groups} nhóm tác giả ({s.group_members} thành viên)"
    )
    if result.needs_review:
        click.echo(
            f"{result.needs_review} sáng kiến cần rà soát lĩnh vực/loại "
            "(trạng thái “Cần rà soát”, chưa được công bố là đã công nhận)"
        )
    created = result.count("create")
    files = f"{result.count('unchanged')} không đổi, {result.count('conflict')} xung đột"
    if dry_run:
        click.echo(f"Chạy thử: {created} tệp sẽ được ghi, {files}; chưa ghi tệp nào")
    elif result.failed:
        click.echo(
            f"Chưa ghi tệp nào ({created} tệp dự kiến, {files}): sửa các lỗi trên rồi chạy lại"
        )
    else:
        click.echo(f"Đã ghi {result.written} tệp, {files}")
    sys.exit(1 if result.failed else 0)


def main() -> None:
    cli(prog_name="showcase")
