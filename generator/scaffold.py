"""``showcase new``: a record file to fill in, made from the content model.

The file carries every field of its kind: the title (or name) filled in,
required fields present with an empty value for the editor to fill, optional
fields commented out.  Each field has its Vietnamese help text above it, and
the first line points the YAML extension of VS Code at the kind's JSON Schema,
so the editor gets completion and checking while typing.  Validating the new
file reports only what the editor still has to fill in.
"""

from __future__ import annotations

import datetime as dt
import os
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Union

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.i18n import Msg
from generator.kinds import KINDS, RECORD_KINDS
from generator.loader import read_record_file
from generator.model import RecordBase
from generator.vietnamese import nfc, slugify, unique_slug

#: Fields whose value is a key of content/taxonomies.yml, and which vocabulary.
TAXONOMY_FIELDS = {
    ("initiative", "field"): "fields",
    ("initiative", "type"): "initiative_types",
    ("initiative", "status"): "statuses",
    ("award", "form"): "award_forms",
    ("unit", "kind"): "unit_kinds",
    ("recognition", "level"): "recognition_levels",
}

#: Fields of RecordBase, written last: they are rarely needed.
_BASE_FIELDS = tuple(RecordBase.model_fields)
_MAX_DEPTH = 5


class ScaffoldError(Exception):
    """The record cannot be created (unknown kind, id taken, bad id); ``str()`` says why."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.text = Msg(key, values)

    def __str__(self) -> str:
        return self.text.render()


def schema_line(path: Path, content_root: Path, kind: str) -> str:
    """``# yaml-language-server: $schema=…`` with the schema path relative to ``path``.

    Schemas live in ``schemas/`` next to the content folder (``showcase schema``).
    """
    schema = content_root.resolve().parent / "schemas" / f"{kind}.schema.json"
    relative = Path(os.path.relpath(schema, path.resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def _unwrap_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _unwrap_optional(args[0])
    if origin is typing.Annotated:
        return _unwrap_optional(typing.get_args(annotation)[0])
    return annotation


def model_of(annotation: Any) -> type[BaseModel] | None:
    """The model class a field holds (directly or as list items), if any."""
    inner = _unwrap_optional(annotation)
    if typing.get_origin(inner) is list:
        inner = _unwrap_optional(typing.get_args(inner)[0])
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return inner
    return None


def is_list(annotation: Any) -> bool:
    return typing.get_origin(_unwrap_optional(annotation)) is list


def _literal_values(annotation: Any) -> list[str]:
    inner = _unwrap_optional(annotation)
    if typing.get_origin(inner) is Literal:
        return [str(v) for v in typing.get_args(inner)]
    return []


@dataclass
class _Writer:
    """Emits the template lines.

    A block under a commented-out field is commented as a whole ("# " in the
    first column), so uncommenting it in VS Code (Ctrl+/) gives valid YAML
    with the help texts still commented.
    """

    kind: str
    vocabularies: dict[str, list[str]]
    lines: list[str]

    def _help_text(self, info: FieldInfo, owner: str, name: str, required: bool) -> str:
        text = info.description or ""
        keys = self.vocabularies.get(TAXONOMY_FIELDS.get((owner, name), ""), [])
        if keys:
            text += " Giá trị: " + ", ".join(keys) + "."
        literal = _literal_values(info.annotation)
        if literal and not all(f"`{value}`" in text for value in literal):
            text += " Giá trị: " + ", ".join(literal) + "."
        if required and "bắt buộc" not in text:
            text += " (bắt buộc)"
        return "# " + text.strip()

    def _emit(self, indent: str, text: str, block_commented: bool, commented: bool) -> None:
        if block_commented:
            self.lines.append(f"# {indent}{text}")
        elif commented and not text.startswith("#"):
            self.lines.append(f"{indent}# {text}")
        else:
            self.lines.append(f"{indent}{text}")

    def model(
        self,
        model: type[BaseModel],
        owner: str,
        indent: str,
        block_commented: bool,
        depth: int,
        filled: dict[str, str],
        item: bool = False,
    ) -> None:
        """Write the fields of ``model`` at ``indent``; ``item``: as a list item ("- ")."""
        names = [n for n in model.model_fields if n not in _BASE_FIELDS]
        names += [n for n in model.model_fields if n in _BASE_FIELDS]
        for position, name in enumerate(names):
            info = model.model_fields[name]
            required = info.is_required()
            first_of_item = item and position == 0
            # The first key of a live list item stays live, or the item would vanish.
            commented = not (required or name in filled or first_of_item)
            key_indent = indent[:-2] + "- " if first_of_item else indent
            help_indent = indent[:-2] if first_of_item else indent
            self._emit(
                help_indent, self._help_text(info, owner, name, required), block_commented, False
            )
            nested = model_of(info.annotation)
            inner = block_commented or commented
            if name in filled:
                self._emit(key_indent, f"{name}: {filled[name]}", block_commented, commented)
            elif nested is not None and depth < _MAX_DEPTH:
                self._emit(key_indent, f"{name}:", block_commented, commented)
                if is_list(info.annotation):
                    self.model(nested, name, indent + "    ", inner, depth + 1, {}, item=True)
                else:
                    self.model(nested, name, indent + "  ", inner, depth + 1, {})
            elif is_list(info.annotation):
                self._emit(key_indent, f"{name}:", block_commented, commented)
                if block_commented:
                    self.lines.append(f"# {indent}  - ")
                elif commented:
                    self.lines.append(f"{indent}#   - ")
                else:
                    self.lines.append(f"{indent}  - ")
            else:
                self._emit(key_indent, f"{name}:", block_commented, commented)


def render_template(kind: str, title: str, vocabularies: dict[str, list[str]], header: str) -> str:
    """The text of a new record of ``kind`` titled ``title``."""
    _, model = RECORD_KINDS[kind]
    title_field = KINDS[kind].title_field
    writer = _Writer(kind, vocabularies, [])
    writer.lines.append(header)
    writer.lines.append(
        f"# Hồ sơ {KINDS[kind].label.lower()} mới. Điền các trường còn trống (bắt buộc); "
        "muốn dùng trường nào có dấu # ở đầu thì xóa dấu # đó."
    )
    writer.lines.append("# Kiểm tra: showcase validate content/    Xem trước: showcase serve")
    writer.lines.append("")
    writer.model(model, kind, "", False, 0, {title_field: _yaml_scalar(title)})
    return _tidy(writer.lines)


def _tidy(lines: list[str]) -> str:
    out = []
    for line in lines:
        stripped = line.rstrip()
        # "#   - " item placeholders keep their dash; trailing spaces go.
        out.append(stripped)
    return "\n".join(out) + "\n"


def _yaml_scalar(text: str) -> str:
    """A YAML scalar for ``text`` (quoted only when YAML would misread it)."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000).strip()
    if dumped.endswith("\n...") or dumped.endswith("..."):
        dumped = dumped.rsplit("\n...", 1)[0].strip()
    return dumped


class _Dumper(yaml.SafeDumper):
    """Block style with list items indented under their key, as editors write YAML."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def dump_yaml(data: dict[str, Any]) -> str:
    """Deterministic YAML for a record: keys in the given order, 2-space indents, NFC."""
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        indent=2,
        width=10_000,  # no folding: one value, one line, clean diffs
    )
    return nfc(text)


@dataclass
class NewRecord:
    path: Path
    id: str
    text: str


def _vocabularies(content: Path) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Taxonomy keys (for the help comments) and the ids already used per kind."""
    vocabularies: dict[str, list[str]] = {}
    taken: dict[str, set[str]] = {kind: set() for kind in RECORD_KINDS}
    taxonomies_path = content / "taxonomies.yml"
    if taxonomies_path.is_file():
        # The loader's reader: bounded, regular files only (taxonomies.yml is content).
        data, _ = read_record_file(taxonomies_path, str(taxonomies_path))
        if isinstance(data, dict):
            for name, value in data.items():
                if isinstance(value, dict):
                    vocabularies[str(name)] = [str(k) for k in value]
    for kind, (folder, _) in RECORD_KINDS.items():
        base = content / folder
        if base.is_dir():
            taken[kind] = {
                p.stem for p in base.rglob("*") if p.is_file() and p.suffix in (".yml", ".yaml")
            }
    return vocabularies, taken


def plan_new(
    kind: str,
    title: str,
    content: Path,
    *,
    year: int | None = None,
    record_id: str | None = None,
    today: dt.date | None = None,
) -> NewRecord:
    """Where the new record goes and what it says; nothing is written."""
    from generator.model import SLUG_RE

    if kind not in RECORD_KINDS:
        raise ScaffoldError("new.unknown-kind", kind=kind, choices=", ".join(RECORD_KINDS))
    title = nfc(" ".join(title.split()))
    if not title:
        raise ScaffoldError("new.empty-title")
    folder, _ = RECORD_KINDS[kind]
    if year is not None and not KINDS[kind].year_folders:
        raise ScaffoldError("new.year-only")
    vocabularies, taken = _vocabularies(content)
    if record_id is not None:
        if not SLUG_RE.match(record_id):
            raise ScaffoldError("new.bad-id", id=record_id, suggestion=slugify(record_id))
        if record_id in taken[kind]:
            raise ScaffoldError("new.id-taken", kind=Msg(f"kind.{kind}"), id=record_id)
        slug = record_id
    else:
        slug = unique_slug(slugify(title), taken[kind])
    directory = content / folder
    if KINDS[kind].year_folders:
        directory = directory / str(year if year is not None else (today or dt.date.today()).year)
    path = directory / f"{slug}.yml"
    header = schema_line(path, content, kind)
    return NewRecord(path, slug, render_template(kind, title, vocabularies, header))


def create_record(record: NewRecord) -> None:
    """Write the file; an existing file is never touched (exclusive create)."""
    record.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with record.path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(record.text)
    except FileExistsError:
        raise ScaffoldError("new.exists", path=record.path.as_posix()) from None
