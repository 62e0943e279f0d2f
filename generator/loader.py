"""Load: the only stage that reads content files.

PyYAML's ``safe_load`` forgets where things were, keeps the last of two
duplicate keys silently and expands aliases without bound.  We compose the node
graph ourselves instead, so that every key and list item keeps its line and
column, duplicates, alias bombs and deep nesting are refused, and every string
is NFC-normalised and rid of invisible characters before anything else sees it.

Only regular files are read: the content folder is walked without following
symbolic links, and a link, a device, a FIFO, a socket or a folder named like a
record is reported (``path:1:1``) and never opened, so that a pull request cannot
publish ``/etc/passwd`` or the CI runner's environment by linking to it.

Hand-written pages (``pages/*.md``) have their front matter read by the same
parser, with positions counted in the page's own lines.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import os
import re
import stat
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.hygiene import BIDI_CONTROLS, describe_chars, scrub
from generator.kinds import KINDS
from generator.model import SINGLE_FILES, HandPageFront
from generator.problems import Problem, Severity
from generator.syntax import comment_cut, explain_syntax_error, reader_problem, tab_problems

MAX_FILE_BYTES = 1_048_576
MAX_ALIASES = 100
#: Values in one file.  A big award list (5,000 recipients with unit, initiative and citation)
#: is about 20,000; a file past the limit is a mistake, or an attack that expands aliases.
MAX_NODES = 50_000
#: Lists and mappings inside each other.  Records use five levels at most
#: (figures → alternatives → source → …); PyYAML's composer recurses once per level.
MAX_DEPTH = 32
#: Digits of a whole number: more than any count or amount, far fewer than Python's 4,300.
MAX_NUMBER_DIGITS = 40
RECORD_SUFFIXES = (".yml", ".yaml")
PAGE_SUFFIX = ".md"

_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"

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
    #: The text as typed of every unquoted value YAML did not read as text (numbers, yes/no,
    #: dates, null), so that the validator can read it as the field's type asks.
    sources: dict[FieldPath, str] = field(default_factory=dict)

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
    """A hand-written Markdown page from content/pages/.

    ``meta`` is its front matter as read (positions in ``positions``, lines counted in the
    page file); ``front`` is that front matter once validated (set by the validator);
    ``body`` is the Markdown after the front matter, which starts on line ``body_line``.
    """

    slug: str
    path: str
    rel: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    positions: Positions = field(default_factory=Positions)
    body: str = ""
    body_line: int = 1
    front: HandPageFront | None = None


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
    """A SafeLoader that bounds what composing may cost, before the cost is paid.

    PyYAML's composer is recursive: 10,000 nested ``[`` end in a RecursionError, so the
    depth is counted here, one event at a time, and refused past MAX_DEPTH.  Aliases are
    counted too, so that an alias bomb stops before it is expanded.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0
        self.depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise _LoadError(
                    "gioi-han-tham-chieu-yaml",
                    {"limit": MAX_ALIASES},
                    event.start_mark.line + 1,
                    event.start_mark.column + 1,
                )
            return super().compose_node(parent, index)
        if not self.check_event(SequenceStartEvent, MappingStartEvent):
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _too_deep(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _LoadError(Exception):
    """A file the loader stops reading: a Problem's parts, raised from deep in the walk."""

    def __init__(
        self,
        code: str,
        params: dict[str, Any],
        line: int,
        col: int,
        field: str = "",
        variant: str = "",
    ) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
        self.line = line
        self.col = col
        self.field = field
        self.variant = variant

    def problem(self, display: str) -> Problem:
        return Problem(
            display,
            self.line,
            self.col,
            self.code,
            self.params,
            self.field,
            variant=self.variant,
        )


def _too_deep(mark: Any, field: str = "") -> _LoadError:
    return _LoadError("long-qua-sau", {"limit": MAX_DEPTH}, mark.line + 1, mark.column + 1, field)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _Converter:
    """Turns a composed node graph into plain data, a position map and warnings."""

    def __init__(self, source: str, display: str, aliases_used: bool) -> None:
        self.positions = Positions()
        self.constructor = SafeConstructor()
        self.visited = 0
        self.source = source
        self.display = display
        self.aliases_used = aliases_used
        self.problems: list[Problem] = []

    def convert(self, node: Node, path: FieldPath) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            line, col = _mark(node)
            if self.aliases_used:
                raise _LoadError(
                    "gioi-han-tham-chieu-yaml", {"limit": MAX_NODES}, line, col, variant="expand"
                )
            raise _LoadError("qua-nhieu-gia-tri", {"limit": MAX_NODES}, line, col)
        if len(path) > MAX_DEPTH:
            # Aliases can nest what the composer saw as shallow (a: &a [*b] …), or loop.
            raise _too_deep(node.start_mark, format_field_path(path[:MAX_DEPTH]))
        if node.tag not in _STANDARD_TAGS:
            line, col = _mark(node)
            tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise _LoadError("the-yaml", {"tag": tag}, line, col, format_field_path(path))
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
        if node.tag != _STR_TAG and not node.style:
            # What the editor typed, for fields whose type says how to read it (YAML 1.2:
            # `0123` in a text field is the text "0123", not the octal number 83).
            self.positions.sources[path] = str(node.value)
        if node.tag == _INT_TAG and len(node.value) > MAX_NUMBER_DIGITS:
            # Python refuses to convert more than 4,300 digits, and no field needs 40: keep
            # the text, which number fields then refuse with their bound.
            return _nfc(str(node.value))
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
                "loi-cu-phap",
                {"reason": str(exc.problem or exc)},
                line,
                col,
                format_field_path(path),
                variant="value",
            ) from None
        if isinstance(value, str):
            if not node.style:  # plain: None from PyYAML, "" from libyaml
                cut = comment_cut(self.source, node, self.display, format_field_path(path))
                if cut is not None:
                    self.problems.append(cut)
            return self._clean(value, node, path, key=False)
        return value

    def _clean(self, value: str, node: Node, path: FieldPath, *, key: bool) -> str:
        """NFC, without invisible characters; a warning (or an error) says what was removed."""
        scrubbed = scrub(value)
        if not scrubbed.removed:
            return _nfc(value)

        def at(char: str) -> tuple[int, int]:
            # The character itself when it is written literally in the file (it is not when
            # it comes from an escape such as "\u202e": then the start of the value).
            start, end = node.start_mark.index, node.end_mark.index
            found = self.source.find(char, start, max(end, start + 1))
            return _line_col(self.source, found) if found != -1 else _mark(node)

        variant = "key" if key else ""
        field = format_field_path((*path, _nfc(scrubbed.text)) if key else path)
        if scrubbed.bidi:
            line, col = at(scrubbed.bidi[0][1])
            self.problems.append(
                Problem(
                    self.display,
                    line,
                    col,
                    "ky-tu-dao-chieu",
                    {"key": value, "chars": describe_chars([c for _, c in scrubbed.bidi])},
                    field,
                    variant=variant,
                )
            )
        others = [c for _, c in scrubbed.removed if c not in BIDI_CONTROLS]
        if others:
            line, col = at(others[0])
            self.problems.append(
                Problem(
                    self.display,
                    line,
                    col,
                    "ky-tu-vo-hinh",
                    {"key": value, "count": len(others), "chars": describe_chars(others)},
                    field,
                    Severity.WARNING,
                    variant=variant,
                )
            )
        return _nfc(scrubbed.text)

    def _mapping(self, node: MappingNode, path: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _mark(key_node)
                raise _LoadError(
                    "the-yaml", {}, line, col, format_field_path(path), variant="merge"
                )
            if not isinstance(key_node, ScalarNode):
                line, col = _mark(key_node)
                raise _LoadError(
                    "ten-truong-khong-phai-chu", {}, line, col, format_field_path(path)
                )
            key = self._clean(str(key_node.value), key_node, path, key=True)
            if key in first_seen:
                line, col = _mark(key_node)
                raise _LoadError(
                    "truong-lap-lai",
                    {"key": key, "first_line": first_seen[key]},
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
                "khong-phai-utf8",
                {"byte": f"{raw[offset]:02x}", "offset": offset},
            )
        ]


def _too_large(display: str, size: int) -> Problem:
    return Problem(display, 1, 1, "tep-qua-lon", {"size": size, "limit": MAX_FILE_BYTES})


def parse_yaml(raw: bytes, display: str) -> tuple[dict[str, Any] | None, Positions, list[Problem]]:
    """Parse one record file: data (a mapping), positions, and Problems.

    ``data`` is None when an error stops the file; otherwise the Problems are warnings, or
    errors that leave the data usable for the other checks (a bidirectional control).
    """
    if len(raw) > MAX_FILE_BYTES:
        return None, Positions(), [_too_large(display, len(raw))]
    text, problems = _decode(raw, display)
    if text is None:
        return None, Positions(), problems
    return parse_text(_nfc(text), display)


def parse_text(
    text: str, display: str, *, page: bool = False
) -> tuple[dict[str, Any] | None, Positions, list[Problem]]:
    """Parse decoded YAML text (see :func:`parse_yaml`)."""
    positions = Positions()
    tabs = tab_problems(text, display)
    if tabs:
        return None, positions, tabs
    fast = _compose_fast(text)
    if fast is not None:
        return _convert(text, display, page, fast, aliases_used=False)
    try:
        loader = _PositionLoader(text)  # the reader refuses control characters here
    except yaml.reader.ReaderError as exc:
        return None, positions, [reader_problem(text, exc, display)]
    try:
        documents = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                documents.append(node)
    except _LoadError as exc:
        return None, positions, [exc.problem(display)]
    except yaml.MarkedYAMLError as exc:
        return None, positions, [explain_syntax_error(text, exc, display)]
    except yaml.YAMLError as exc:
        problem = Problem(display, 1, 1, "loi-cu-phap", {"reason": str(exc)})
        return None, positions, [problem]
    finally:
        loader.dispose()
    return _convert(text, display, page, documents, aliases_used=loader.alias_count > 0)


#: libyaml (PyYAML's C loader), when it is installed: 25 times faster than the Python composer.
_CLoader: Any = getattr(yaml, "CSafeLoader", None)
_INDENT = re.compile(r"^[ \t]*(?:-[ \t]+)*", re.MULTILINE)


def _compose_fast(text: str) -> list[Node] | None:
    """The nodes of ``text`` composed by libyaml, or None when the careful path must run.

    libyaml's composer recurses without Python's guard and cannot count aliases, so it only
    sees text that can neither nest near MAX_DEPTH (few brackets, little indentation) nor
    hold an anchor; any error is left to the Python composer, whose messages and positions
    the editor gets.
    """
    if _CLoader is None or "&" in text or text.count("[") + text.count("{") > MAX_DEPTH // 2:
        return None
    if max((len(m.group()) for m in _INDENT.finditer(text)), default=0) > MAX_DEPTH:
        return None
    try:
        loader = _CLoader(text)
    except yaml.YAMLError:
        return None
    try:
        documents = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                documents.append(node)
        return documents
    except (yaml.YAMLError, ValueError):
        return None
    finally:
        loader.dispose()


def _convert(
    text: str, display: str, page: bool, documents: list[Node], *, aliases_used: bool
) -> tuple[dict[str, Any] | None, Positions, list[Problem]]:
    positions = Positions()
    if not documents:
        return None, positions, [Problem(display, 1, 1, "tep-rong")]
    if len(documents) > 1:
        line, col = _mark(documents[1])
        return (
            None,
            positions,
            [Problem(display, line, col, "nhieu-tai-lieu", {"count": len(documents)})],
        )
    root = documents[0]
    if isinstance(root, ScalarNode) and root.tag == "tag:yaml.org,2002:null":
        return None, positions, [Problem(display, 1, 1, "tep-rong")]
    if not isinstance(root, MappingNode):
        line, col = _mark(root)
        variant = "list" if isinstance(root, SequenceNode) else "value"
        if page:
            variant = f"page-{variant}"
        problem = Problem(display, line, col, "khong-phai-cac-truong", variant=variant)
        return None, positions, [problem]
    converter = _Converter(text, display, aliases_used=aliases_used)
    try:
        data = converter.convert(root, ())
    except _LoadError as exc:
        return None, positions, [exc.problem(display)]
    return data, converter.positions, converter.problems


# -- hand-written pages ---------------------------------------------------------------------

_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


def parse_page(
    raw: bytes, display: str, slug: str, rel: str
) -> tuple[HandPage | None, list[Problem]]:
    """A page's front matter (between ``---`` lines, as MkDocs reads it) and its body."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [_too_large(display, len(raw))]
    decoded, problems = _decode(raw, display)
    if decoded is None:
        return None, problems
    text = _nfc(decoded)
    lines = text.split("\n")
    if lines[0].rstrip(" \t\r") != "---":
        # No front matter: the page's title is its first heading (as MkDocs reads it).
        clean_body, body_problems = _clean_body(text, display, 1)
        return HandPage(slug, display, rel, text, {}, Positions(), clean_body, 1), body_problems
    close = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i].rstrip("\r"))), None)
    if close is None:
        return None, [Problem(display, 1, 1, "phan-khai-bao", variant="unclosed")]
    # One empty line in place of the opening '---': lines of the YAML are lines of the page.
    front_text = "\n" + "\n".join(lines[1:close]) + "\n"
    body = "\n".join(lines[close + 1 :])
    meta: dict[str, Any] | None
    front_problems: list[Problem]
    if front_text.strip() == "":
        meta, positions, front_problems = {}, Positions(), []
    else:
        meta, positions, front_problems = parse_text(front_text, display, page=True)
    if [p.code for p in front_problems] == ["tep-rong"]:  # only comments: no fields
        meta, front_problems = {}, []
    problems = front_problems
    if meta is None:
        return None, problems
    clean_body, body_problems = _clean_body(body, display, close + 2)
    page = HandPage(slug, display, rel, text, meta, positions, clean_body, close + 2)
    return page, problems + body_problems


def _clean_body(body: str, display: str, first_line: int) -> tuple[str, list[Problem]]:
    """The page's Markdown without invisible characters (the same rules as record values)."""
    scrubbed = scrub(body)
    if not scrubbed.removed:
        return body, []
    problems = []
    if scrubbed.bidi:
        line, col = _line_col(body, scrubbed.bidi[0][0])
        chars = describe_chars([c for _, c in scrubbed.bidi])
        problems.append(
            Problem(
                display,
                line + first_line - 1,
                col,
                "ky-tu-dao-chieu",
                {"chars": chars},
                variant="page",
            )
        )
    others = [(i, c) for i, c in scrubbed.removed if c not in BIDI_CONTROLS]
    if others:
        line, col = _line_col(body, others[0][0])
        params = {"count": len(others), "chars": describe_chars([c for _, c in others])}
        problems.append(
            Problem(
                display,
                line + first_line - 1,
                col,
                "ky-tu-vo-hinh",
                params,
                severity=Severity.WARNING,
                variant="page",
            )
        )
    return _nfc(scrubbed.text), problems


# -- walking the content folder ---------------------------------------------------------------


def _display(root: Path, display_root: str, rel: PurePosixPath) -> str:
    if not display_root:
        return str(rel)
    if not rel.parts:
        return str(PurePosixPath(display_root))
    return _prefix(display_root) + str(rel)


@functools.cache
def _prefix(display_root: str) -> str:
    """``display_root`` as PurePosixPath writes it, with one slash after: joined per file."""
    text = str(PurePosixPath(display_root))
    return text if text.endswith("/") else text + "/"


def _not_regular(display: str, variant: str, **params: Any) -> Problem:
    return Problem(display, 1, 1, "khong-phai-tep-thuong", params, variant=variant)


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "other"


def _walk(root: Path, display_root: str) -> tuple[list[PurePosixPath], list[Problem]]:
    """Every regular file under ``root`` (relative paths, sorted), never following a link."""
    files: list[PurePosixPath] = []
    problems: list[Problem] = []
    stack = [PurePosixPath()]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(root / folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(
                _not_regular(
                    _display(root, display_root, folder) or ".",
                    "folder-unreadable",
                    reason=exc.strerror or str(exc),
                )
            )
            continue
        subfolders = []
        for entry in entries:
            rel = folder / entry.name
            display = _display(root, display_root, rel)
            try:
                if entry.is_symlink():
                    problems.append(_not_regular(display, "symlink"))
                elif entry.is_dir(follow_symlinks=False):
                    if entry.name.endswith((*RECORD_SUFFIXES, PAGE_SUFFIX)):
                        problems.append(_not_regular(display, "folder", name=entry.name))
                    else:
                        subfolders.append(rel)
                elif entry.is_file(follow_symlinks=False):
                    files.append(rel)
                else:
                    mode = entry.stat(follow_symlinks=False).st_mode
                    problems.append(_not_regular(display, _special_kind(mode)))
            except OSError as exc:
                problems.append(
                    _not_regular(display, "unreadable", reason=exc.strerror or str(exc))
                )
        stack.extend(reversed(subfolders))
    return sorted(files), problems


def _read_regular(path: Path | str, display: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file; never follows a link, never blocks on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # replaced by a link since the walk
            return None, [_not_regular(display, "symlink")]
        reason = exc.strerror or str(exc)
        return None, [Problem(display, 1, 1, "khong-doc-duoc", {"reason": reason})]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, [_not_regular(display, _special_kind(info.st_mode))]
        if info.st_size > MAX_FILE_BYTES:
            return None, [_too_large(display, info.st_size)]
        chunks = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks), []
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, [Problem(display, 1, 1, "khong-doc-duoc", {"reason": reason})]
    finally:
        os.close(fd)


class KnownFiles:
    """The bytes of the last load's files, reused while a file's status stays the same.

    For the preview, which loads the whole content folder after every save: a file whose
    size, inode, modification and change times are those of its last read is not read
    again.  A file changed twice within one tick of the file system's clock could keep all
    four, so a file is remembered only once its change time is safely older than the read
    (git's "racily clean" entries are the same problem).
    """

    #: How much older than the read a file's change time must be for it to be remembered.
    RACY_NS = 2_000_000_000

    def __init__(self) -> None:
        self._files: dict[str, tuple[tuple[int, ...], bytes]] = {}
        self._seen: dict[str, tuple[tuple[int, ...], bytes]] = {}

    def read(self, path: str, display: str) -> tuple[bytes | None, list[Problem]]:
        try:
            info = os.lstat(path)
        except OSError:
            return _read_regular(path, display)  # says why
        stamp = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino, info.st_mode)
        known = self._files.get(path)
        if known is not None and known[0] == stamp:
            self._seen[path] = known
            return known[1], []
        # Status first, then bytes: a change between the two only makes the stamp older.
        now = time.time_ns()
        raw, problems = _read_regular(path, display)
        safely_old = info.st_ctime_ns < now - self.RACY_NS
        if raw is not None and stat.S_ISREG(info.st_mode) and safely_old:
            self._seen[path] = (stamp, raw)
        return raw, problems

    def loaded(self) -> None:
        """The load is over: forget the files it did not see."""
        self._files, self._seen = self._seen, {}


def read_record_file(path: Path, display: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """One YAML file read as the loader reads records (regular file only, bounded parser)."""
    if path.is_symlink():
        return None, [_not_regular(display, "symlink")]
    raw, problems = _read_regular(path, display)
    if raw is None:
        return None, problems
    data, _, parse_problems = parse_yaml(raw, display)
    return data, problems + parse_problems


def default_display_root(root: Path) -> str:
    """How to show the content root in messages: relative to the working directory if inside it."""
    try:
        return PurePosixPath(root.resolve().relative_to(Path.cwd().resolve())).as_posix()
    except ValueError:
        return root.as_posix()


def _record_kind(
    parts: tuple[str, ...], display: str
) -> tuple[str | None, str | None, Problem | None]:
    """(kind, year folder, problem) of a YAML file at ``parts`` under the content folder."""
    kind_by_folder = {spec.folder: spec for spec in KINDS.values()}
    single_by_file = {name: kind for kind, (name, _) in SINGLE_FILES.items()}
    if len(parts) == 1 and parts[0] in single_by_file:
        return single_by_file[parts[0]], None, None
    if parts[0] in kind_by_folder:
        spec = kind_by_folder[parts[0]]
        kind = spec.name
        if spec.year_folders:
            if len(parts) != 3 or not re.fullmatch(r"\d{4}", parts[1]):
                return (
                    None,
                    None,
                    Problem(display, 1, 1, "sai-vi-tri", {"folder": spec.folder}, variant="year"),
                )
            return kind, parts[1], None
        if len(parts) != 2:
            return (
                None,
                None,
                Problem(display, 1, 1, "sai-vi-tri", {"folder": parts[0]}, variant="flat"),
            )
        return kind, None, None
    if parts[0] in ("media", "pages"):
        return None, None, None
    return (
        None,
        None,
        Problem(display, 1, 1, "tep-la"),
    )


ParseResult = tuple[dict[str, Any] | None, Positions, list[Problem]]


def load_content(
    root: Path,
    display_root: str | None = None,
    *,
    parse: Callable[[bytes, str], ParseResult] = parse_yaml,
    parse_all: Callable[[list[tuple[bytes, str]]], list[ParseResult]] | None = None,
    known: KnownFiles | None = None,
) -> tuple[LoadedContent, list[Problem]]:
    """Read every record, page and media file under ``root`` (the content folder).

    ``parse`` turns a record file's bytes into data (default :func:`parse_yaml`); the
    pipeline may instead pass ``parse_all``, which gets every record file read at once
    (``(bytes, path shown)``) so that it can answer from its cache and parse the rest in
    worker processes.  Files are read here, one by one, either way; with ``known`` (the
    preview's), a file unchanged since the last load is not read again.
    """
    if display_root is None:
        display_root = default_display_root(root)
    if display_root == ".":
        display_root = ""
    content = LoadedContent(root=root, display_root=display_root)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(
            Problem(display_root or str(root), 1, 1, "khong-doc-duoc", variant="no-folder")
        )
        return content, problems

    singles = {kind for kind in SINGLE_FILES}
    #: (kind, year folder, path, path shown, bytes) of record files read, parsed together.
    pending: list[tuple[str, str | None, PurePosixPath, str, bytes]] = []
    read = known.read if known is not None else _read_regular
    folder = os.fspath(root)
    files, walk_problems = _walk(root, display_root)
    problems.extend(walk_problems)
    for rel in files:
        display = _display(root, display_root, rel)
        parts = rel.parts
        if parts[0] == "media":
            content.media.add(rel.as_posix())
            continue
        if parts[0] == "pages":
            if len(parts) == 2 and rel.suffix == PAGE_SUFFIX:
                raw, read_problems = read(f"{folder}/{rel}", display)
                problems.extend(read_problems)
                if raw is not None:
                    page, page_problems = parse_page(raw, display, rel.stem, rel.as_posix())
                    problems.extend(page_problems)
                    if page is not None:
                        content.pages.append(page)
            continue
        if rel.suffix not in RECORD_SUFFIXES:
            continue
        kind, year, location_problem = _record_kind(parts, display)
        if location_problem is not None:
            problems.append(location_problem)
        if kind is None:
            continue
        raw, read_problems = read(f"{folder}/{rel}", display)
        problems.extend(read_problems)
        if raw is None:
            if kind not in singles:
                content.unreadable.add((kind, rel.stem))
            continue
        pending.append((kind, year, rel, display, raw))
    if known is not None:
        known.loaded()
    items = [(raw, display) for _, _, _, display, raw in pending]
    results = parse_all(items) if parse_all is not None else [parse(*item) for item in items]
    for (kind, year, rel, display, raw), (data, positions, file_problems) in zip(
        pending, results, strict=True
    ):
        problems.extend(file_problems)
        if data is None:
            if kind not in singles:
                content.unreadable.add((kind, rel.stem))
            continue
        record = RawRecord(
            kind=kind,
            id=rel.stem if kind not in singles else kind,
            path=display,
            rel=rel.as_posix(),
            data=data,
            positions=positions,
            year_folder=year,
            digest=hashlib.blake2b(raw, digest_size=16).hexdigest(),
        )
        if kind in singles:
            content.singles[kind] = record
        else:
            content.records.append(record)
    return content, problems
