"""Load: the only stage that reads content files.

PyYAML's ``safe_load`` forgets where things were, keeps the last of two
duplicate keys silently and expands aliases without bound.  We compose the node
graph ourselves instead, so that every key and list item keeps its line and
column, duplicates and alias bombs are refused, and every string is
NFC-normalised before anything else sees it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.kinds import KINDS
from generator.model import SINGLE_FILES
from generator.problems import Problem

MAX_FILE_BYTES = 1_048_576
MAX_ALIASES = 100
MAX_NODES = 50_000

FieldPath = tuple[str | int, ...]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


def format_field_path(path: FieldPath) -> str:
    """('recipients', 0, 'person') → 'recipients[0].person'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass
class Positions:
    """Line and column (1-based) of every key and every value in one file."""

    keys: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def key(self, path: FieldPath) -> tuple[int, int]:
        """Where the key of ``path`` is written (for list items: the item)."""
        for n in range(len(path), 0, -1):
            sub = path[:n]
            if sub in self.keys:
                return self.keys[sub]
        return (1, 1)

    def value(self, path: FieldPath) -> tuple[int, int]:
        """Where the value of ``path`` starts; falls back to the nearest ancestor."""
        for n in range(len(path), 0, -1):
            sub = path[:n]
            if sub in self.values:
                return self.values[sub]
            if sub in self.keys:
                return self.keys[sub]
        return (1, 1)


@dataclass
class RawRecord:
    """One YAML file as data, with positions; not yet validated."""

    kind: str
    id: str
    path: str  # as shown to editors, e.g. content/awards/x.yml
    rel: str  # relative to the content root, e.g. awards/x.yml
    data: dict[str, Any]
    positions: Positions
    year_folder: str | None = None
    #: Hash of the file's bytes: what incremental builds compare.
    digest: str = ""


@dataclass
class HandPage:
    """A hand-written Markdown page from content/pages/."""

    slug: str
    path: str
    rel: str
    text: str


@dataclass
class LoadedContent:
    root: Path
    display_root: str
    records: list[RawRecord] = field(default_factory=list)
    singles: dict[str, RawRecord] = field(default_factory=dict)
    pages: list[HandPage] = field(default_factory=list)
    media: set[str] = field(default_factory=set)  # paths relative to root: media/x.jpg
    #: (kind, id) of record files that exist but could not be read or parsed; references to
    #: them are not reported again as unknown.
    unreadable: set[tuple[str, str]] = field(default_factory=set)

    def media_files(self) -> dict[str, Path]:
        """Media path (as records name it) → file on disk, for the build to copy."""
        return {name: self.root / name for name in sorted(self.media)}


class _PositionLoader(yaml.SafeLoader):
    """A SafeLoader that counts aliases while composing (alias bombs stop early)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise _LoadError(
                    "alias-limit",
                    f"too many YAML aliases (over {MAX_ALIASES}); anchors and aliases are limited",
                    event.start_mark.line + 1,
                    event.start_mark.column + 1,
                )
        return super().compose_node(parent, index)


class _LoadError(Exception):
    def __init__(self, code: str, message: str, line: int, col: int, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.col = col
        self.field = field


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Converter:
    """Turns a composed node graph into plain data and a position map."""

    def __init__(self) -> None:
        self.positions = Positions()
        self.constructor = SafeConstructor()
        self.visited = 0

    def convert(self, node: Node, path: FieldPath) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            line, col = _mark(node)
            raise _LoadError(
                "alias-limit",
                f"document expands to more than {MAX_NODES} values; anchors and aliases are limited",
                line,
                col,
            )
        if node.tag not in _STANDARD_TAGS:
            line, col = _mark(node)
            tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise _LoadError(
                "unsupported-tag",
                f"YAML tag {tag!r} is not allowed",
                line,
                col,
                format_field_path(path),
            )
        self.positions.values.setdefault(path, _mark(node))
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            out = []
            for index, item in enumerate(node.value):
                self.positions.keys[(*path, index)] = _mark(item)
                out.append(self.convert(item, (*path, index)))
            return out
        assert isinstance(node, ScalarNode)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except ValueError:
            if node.tag != "tag:yaml.org,2002:timestamp":
                raise
            # 2022-13-15 looks like a date to YAML but is none; keep the text so that the
            # validator reports it like any other bad date (and keeps checking the record).
            return _nfc(str(node.value))
        except ConstructorError as exc:
            line, col = _mark(node)
            raise _LoadError(
                "yaml-syntax", f"YAML value error: {exc}", line, col, format_field_path(path)
            ) from None
        if isinstance(value, str):
            return _nfc(value)
        return value

    def _mapping(self, node: MappingNode, path: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _mark(key_node)
                raise _LoadError(
                    "unsupported-tag",
                    "YAML merge keys ('<<') are not allowed; write the fields out",
                    line,
                    col,
                    format_field_path(path),
                )
            if not isinstance(key_node, ScalarNode):
                line, col = _mark(key_node)
                raise _LoadError(
                    "non-string-key",
                    "keys must be field names (text), not a list or mapping",
                    line,
                    col,
                    format_field_path(path),
                )
            key = _nfc(str(key_node.value))
            if key in first_seen:
                line, col = _mark(key_node)
                raise _LoadError(
                    "duplicate-key",
                    f"duplicate key {key!r} (first defined at line {first_seen[key]})",
                    line,
                    col,
                    format_field_path((*path, key)),
                )
            first_seen[key] = key_node.start_mark.line + 1
            self.positions.keys[(*path, key)] = _mark(key_node)
            out[key] = self.convert(value_node, (*path, key))
        return out


def _decode(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        offset = exc.start
        line = raw.count(b"\n", 0, offset) + 1
        line_start = raw.rfind(b"\n", 0, offset) + 1
        # Column in characters of the valid prefix of this line, as an editor would count.
        col = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
        return None, [
            Problem(
                display,
                line,
                col,
                f"file is not valid UTF-8: byte 0x{raw[offset]:02x} at offset {offset}; "
                "it may be saved in a legacy Vietnamese encoding (TCVN3/ABC, VNI, Windows-1258)",
                code="not-utf8",
            )
        ]


_SYNTAX_HINTS = {
    "mapping values are not allowed here": (
        "; put a value that contains ': ' in double quotes, and check that the line is not "
        "indented more than the one above"
    ),
    "found character '\\t' that cannot start any token": "; replace the tab with spaces",
}

_TAB_INDENT = re.compile(r"^( *)\t", re.MULTILINE)


def _tab_problems(text: str, display: str) -> list[Problem]:
    problems = []
    for match in _TAB_INDENT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.append(
            Problem(
                display,
                line,
                len(match.group(1)) + 1,
                "tab character used for indentation; YAML allows only spaces",
                code="tab-indent",
            )
        )
    return problems


def _reader_problem(text: str, exc: yaml.reader.ReaderError, display: str) -> Problem:
    """A character YAML does not accept (NUL, other control characters) at its position."""
    offset = max(0, min(exc.position, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(
        display,
        line,
        col,
        f"file contains the control character U+{exc.character:04X}, which YAML does not allow; "
        "remove it (it often comes from copying text out of a PDF or a spreadsheet)",
        code="yaml-syntax",
    )


def parse_yaml(raw: bytes, display: str) -> tuple[dict[str, Any] | None, Positions, list[Problem]]:
    """Parse one record file: data (a mapping), positions, or the Problems that stop it."""
    positions = Positions()
    if len(raw) > MAX_FILE_BYTES:
        return (
            None,
            positions,
            [
                Problem(
                    display,
                    1,
                    1,
                    f"file is {len(raw):,} bytes; records are limited to {MAX_FILE_BYTES:,} bytes",
                    code="file-too-large",
                )
            ],
        )
    text, problems = _decode(raw, display)
    if text is None:
        return None, positions, problems
    text = _nfc(text)
    tabs = _tab_problems(text, display)
    if tabs:
        return None, positions, tabs
    try:
        loader = _PositionLoader(text)  # the reader refuses control characters here
    except yaml.reader.ReaderError as exc:
        return None, positions, [_reader_problem(text, exc, display)]
    try:
        documents = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                documents.append(node)
    except _LoadError as exc:
        return (
            None,
            positions,
            [Problem(display, exc.line, exc.col, exc.message, exc.field, code=exc.code)],
        )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        if exc.context_mark and (exc.context or "").startswith("while scanning a quoted scalar"):
            # The end of the file is no help to an editor; the opening quote is.
            mark = exc.context_mark
            reason = "quoted text is never closed (the closing quote is missing)"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        hint = next((h for start, h in _SYNTAX_HINTS.items() if reason.startswith(start)), "")
        return (
            None,
            positions,
            [Problem(display, line, col, f"YAML syntax error: {reason}{hint}", code="yaml-syntax")],
        )
    except yaml.YAMLError as exc:
        return (
            None,
            positions,
            [Problem(display, 1, 1, f"YAML syntax error: {exc}", code="yaml-syntax")],
        )
    finally:
        loader.dispose()
    if not documents:
        return None, positions, [Problem(display, 1, 1, "file is empty", code="empty-file")]
    if len(documents) > 1:
        line, col = _mark(documents[1])
        return (
            None,
            positions,
            [
                Problem(
                    display,
                    line,
                    col,
                    f"file holds {len(documents)} YAML documents; put one record in each file",
                    code="multiple-documents",
                )
            ],
        )
    root = documents[0]
    if isinstance(root, ScalarNode) and root.tag == "tag:yaml.org,2002:null":
        return None, positions, [Problem(display, 1, 1, "file is empty", code="empty-file")]
    if not isinstance(root, MappingNode):
        line, col = _mark(root)
        what = "a list" if isinstance(root, SequenceNode) else "a single value"
        return (
            None,
            positions,
            [
                Problem(
                    display,
                    line,
                    col,
                    f"a record must be a mapping of fields (key: value), not {what}",
                    code="not-a-mapping",
                )
            ],
        )
    converter = _Converter()
    try:
        data = converter.convert(root, ())
    except _LoadError as exc:
        return (
            None,
            positions,
            [Problem(display, exc.line, exc.col, exc.message, exc.field, code=exc.code)],
        )
    return data, converter.positions, []


def _display(root: Path, display_root: str, rel: PurePosixPath) -> str:
    return str(PurePosixPath(display_root) / rel) if display_root else str(rel)


def _yaml_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".yml", ".yaml"):
            yield path


def default_display_root(root: Path) -> str:
    """How to show the content root in messages: relative to the working directory if inside it."""
    try:
        return PurePosixPath(root.resolve().relative_to(Path.cwd().resolve())).as_posix()
    except ValueError:
        return root.as_posix()


def load_content(
    root: Path, display_root: str | None = None
) -> tuple[LoadedContent, list[Problem]]:
    """Read every record, page and media file under ``root`` (the content folder)."""
    if display_root is None:
        display_root = default_display_root(root)
    if display_root == ".":
        display_root = ""
    content = LoadedContent(root=root, display_root=display_root)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(
            Problem(
                display_root or str(root), 1, 1, "content folder not found", code="unknown-file"
            )
        )
        return content, problems

    kind_by_folder = {spec.folder: spec for spec in KINDS.values()}
    single_by_file = {name: kind for kind, (name, _) in SINGLE_FILES.items()}

    for path in _yaml_files(root):
        rel = PurePosixPath(path.relative_to(root).as_posix())
        display = _display(root, display_root, rel)
        parts = rel.parts
        if len(parts) == 1 and parts[0] in single_by_file:
            kind = single_by_file[parts[0]]
            year = None
        elif parts[0] in kind_by_folder:
            spec = kind_by_folder[parts[0]]
            kind = spec.name
            year = None
            if spec.year_folders:
                if len(parts) != 3 or not re.fullmatch(r"\d{4}", parts[1]):
                    problems.append(
                        Problem(
                            display,
                            1,
                            1,
                            f"{spec.folder} must be stored as content/{spec.folder}/<year>/<id>.yml",
                            code="bad-location",
                        )
                    )
                    continue
                year = parts[1]
            elif len(parts) != 2:
                problems.append(
                    Problem(
                        display,
                        1,
                        1,
                        f"{parts[0]} records must be stored directly in content/{parts[0]}/",
                        code="bad-location",
                    )
                )
                continue
        elif parts[0] in ("media", "pages"):
            continue
        else:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "file is not part of any kind of record; expected site.yml, taxonomies.yml "
                    "or a file under campaigns/, units/, people/, initiatives/<year>/, awards/, events/",
                    code="unknown-file",
                )
            )
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(
                Problem(display, 1, 1, f"cannot read file: {exc.strerror}", code="unknown-file")
            )
            if kind not in single_by_file.values():
                content.unreadable.add((kind, path.stem))
            continue
        data, positions, file_problems = parse_yaml(raw, display)
        problems.extend(file_problems)
        if data is None:
            if kind not in single_by_file.values():
                content.unreadable.add((kind, path.stem))
            continue
        record = RawRecord(
            kind=kind,
            id=path.stem if kind not in single_by_file.values() else kind,
            path=display,
            rel=rel.as_posix(),
            data=data,
            positions=positions,
            year_folder=year,
            digest=hashlib.blake2b(raw, digest_size=16).hexdigest(),
        )
        if kind in single_by_file.values():
            content.singles[kind] = record
        else:
            content.records.append(record)

    pages_dir = root / "pages"
    if pages_dir.is_dir():
        for path in sorted(pages_dir.glob("*.md")):
            rel = PurePosixPath(path.relative_to(root).as_posix())
            display = _display(root, display_root, rel)
            text, decode_problems = _decode(path.read_bytes(), display)
            problems.extend(decode_problems)
            if text is not None:
                content.pages.append(HandPage(path.stem, display, rel.as_posix(), _nfc(text)))

    media_dir = root / "media"
    if media_dir.is_dir():
        for path in sorted(media_dir.rglob("*")):
            if path.is_file():
                content.media.add(path.relative_to(root).as_posix())
    return content, problems
