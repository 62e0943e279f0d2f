"""YAML mistakes explained in the editor's words, with the offending line and a caret.

PyYAML says ``expected <block end>, but found '<block mapping start>'`` for a line
indented three spaces instead of two, and ``mapping values are not allowed here`` both
for ``title: Sổ tay: an toàn`` and for a field indented under one that has a value.
:func:`explain_syntax_error` reads the line PyYAML stopped at and says which of these
it is (codes ``thut-le``, ``can-ngoac-kep``, ``chua-dong-ngoac``, ``thut-le-tab``, else
``loi-cu-phap``), pointing at the place an editor should look: the opening quote of a
string that is never closed, not the end of the file.

:func:`comment_cut` finds the quieter mistake: ``title: Sổ tay #1 an toàn`` parses, as
"Sổ tay", because `` #`` starts a comment.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.problems import Problem, Severity

_TAB_INDENT = re.compile(r"^( *)\t", re.MULTILINE)
#: ``title:x``: a key and a value with no space between (YAML reads one plain text).
_NO_SPACE = re.compile(r"^(\s*(?:- )?)([A-Za-z_][\w-]*):(\S.*)$")
_CLOSING = {"[": "]", "{": "}"}
_MAPPING_VALUES = "mapping values are not allowed here"


#: Line breaks as YAML counts them (its marks' line numbers), not only "\n".
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


def _position(text: str, index: int) -> tuple[int, int]:
    """0-based line and column of ``index``, counting lines as YAML does."""
    breaks = list(_LINE_BREAK.finditer(text, 0, index))
    start = breaks[-1].end() if breaks else 0
    return len(breaks), index - start


def _line_text(text: str, line: int) -> str:
    """Line ``line`` (0-based) without its end-of-line characters."""
    lines = _lines(text)
    return lines[line] if 0 <= line < len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _problem(
    display: str,
    text: str,
    line: int,
    col: int,
    code: str,
    params: dict[str, Any] | None = None,
    variant: str = "",
) -> Problem:
    """A Problem at 0-based ``line``/``col`` with that line as its excerpt."""
    return Problem(
        display,
        line + 1,
        col + 1,
        code,
        params or {},
        variant=variant,
        excerpt=_line_text(text, line),
    )


def tab_problems(text: str, display: str) -> list[Problem]:
    """Every line indented with a tab (YAML refuses them; the line is shown with → for tabs)."""
    problems = []
    for match in _TAB_INDENT.finditer(text):
        line, col = _position(text, match.start() + len(match.group(1)))
        problems.append(_problem(display, text, line, col, "thut-le-tab"))
    return problems


def reader_problem(text: str, exc: yaml.reader.ReaderError, display: str) -> Problem:
    """A character YAML does not accept (NUL, other control characters) at its position."""
    offset = max(0, min(exc.position, len(text)))
    line, col = _position(text, offset)
    code = f"{exc.character:04X}" if isinstance(exc.character, int) else str(exc.character)
    return Problem(
        display, line + 1, col + 1, "loi-cu-phap", {"code": code}, variant="control-char"
    )


def _key_of(line: str) -> str:
    stripped = line.strip()
    if stripped.startswith("- "):
        stripped = stripped[2:]
    return stripped.split(":", 1)[0].strip()


def _previous_content(lines: list[str], line: int) -> int | None:
    for index in range(line - 1, -1, -1):
        if _content(lines[index]):
            return index
    return None


def _levels(lines: list[str], start: int, end: int) -> list[int]:
    """Indentations used by the lines in [start, end): where a field could line up."""
    found: set[int] = set()
    for index in range(max(start, 0), end):
        line = lines[index]
        if not _content(line):
            continue
        found.add(_indent(line))
        stripped = line.strip()
        if stripped.startswith("- "):
            found.add(_indent(line) + 2)
    return sorted(found)


def _mapping_values(text: str, display: str, line: int, col: int) -> Problem:
    """``mapping values are not allowed here``: a colon in a value, or a field too deep."""
    lines = _lines(text)
    here = _line_text(text, line)
    previous = _previous_content(lines, line)
    separator = re.search(r":(?: |$)", here)
    if separator is not None and separator.start() < col:
        # A second ": " on a line that already has its field: the value holds a colon.
        key = _key_of(here[: separator.start()] + ":")
        value = here[separator.end() :].strip()
        if value.startswith(("'", '"', "[", "{")):
            return _problem(display, text, line, col, "can-ngoac-kep", {}, "after-quote")
        return _problem(
            display, text, line, col, "can-ngoac-kep", {"key": key, "value": value}, "colon"
        )
    if previous is not None:
        before = lines[previous].rstrip("\r")
        match = _NO_SPACE.match(before)
        if (
            match
            and ": " not in before
            and not match.group(3).startswith("//")  # https://…: an address, not a field
        ):
            # `title:x` is one plain text running into the next line, which YAML then
            # cannot read as a field: the mistake is the missing space above.
            fixed = f"{match.group(1)}{match.group(2)}: {match.group(3)}".strip()
            return _problem(
                display,
                text,
                previous,
                len(match.group(1)) + len(match.group(2)) + 1,
                "can-ngoac-kep",
                {"text": before.strip(), "fixed": fixed},
                "no-space",
            )
    indent = _indent(here)
    if previous is not None:
        # The nearest field above that is less indented already holds a value, so this
        # deeper line cannot be one of its fields.
        owner = next(
            (
                i
                for i in range(previous, -1, -1)
                if _content(lines[i]) and _indent(lines[i]) < indent
            ),
            previous,
        )
        above = lines[owner]
        if _indent(above) >= indent:
            return _problem(display, text, line, col, "loi-cu-phap", {"reason": _MAPPING_VALUES})
        expected = _indent(above) + (2 if above.strip().startswith("- ") else 0)
        params = {
            "indent": indent,
            "key": _key_of(above),
            "key_line": owner + 1,
            "expected": expected,
        }
        return _problem(display, text, line, indent, "thut-le", params, "deeper")
    return _problem(
        display, text, line, col, "loi-cu-phap", {"reason": "mapping values are not allowed here"}
    )


def _unclosed_bracket(text: str) -> int | None:
    """Where the last ``[`` or ``{`` that is never closed opens (quotes and comments skipped)."""
    stack: list[int] = []
    quote = ""
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'" and (index == 0 or text[index - 1] in " \t[{,:\n"):
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            index = text.find("\n", index)
            if index == -1:
                break
            continue
        elif char in "[{":
            stack.append(index)
        elif char in "]}" and stack:
            stack.pop()
        index += 1
    return stack[-1] if stack else None


def _quote_start(text: str, close: int) -> int:
    """Where the quoted text that ends at ``close`` opens (escaped quotes skipped)."""
    quote = text[close]
    index = close - 1
    while index >= 0:
        if text[index] == quote:
            if quote == '"' and index > 0 and text[index - 1] == "\\":
                index -= 1
                continue
            if quote == "'" and index > 0 and text[index - 1] == "'":
                index -= 2  # '' is an escaped quote inside single quotes
                continue
            return index
        index -= 1
    return -1


def _after_value(text: str, display: str, mark: Any) -> Problem | None:
    """Text found after a closed quote or bracket; or a quote opened lines earlier."""
    index = mark.index - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    if index < 0 or text[index] not in "\"']}":
        return None
    if text[index] in "\"'":
        start = _quote_start(text, index)
        if start >= 0 and _LINE_BREAK.search(text, start, index):
            # The "closing" quote is the opening quote of a later value: the real mistake is
            # a quote opened earlier and never closed.
            line, col = _position(text, start)
            return _problem(
                display, text, line, col, "chua-dong-ngoac", {"quote": text[start]}, "quote"
            )
    return _problem(display, text, mark.line, mark.column, "can-ngoac-kep", {}, "after-quote")


def explain_syntax_error(text: str, exc: yaml.MarkedYAMLError, display: str) -> Problem:
    """The Problem an editor needs for a YAML syntax error (see the module's docstring)."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    context_mark = exc.context_mark
    if mark is None:
        return Problem(display, 1, 1, "loi-cu-phap", {"reason": problem or context or str(exc)})
    lines = _lines(text)
    if context.startswith("while scanning a quoted scalar") and context_mark is not None:
        quote = text[context_mark.index] if context_mark.index < len(text) else '"'
        return _problem(
            display,
            text,
            context_mark.line,
            context_mark.column,
            "chua-dong-ngoac",
            {"quote": quote},
            "quote",
        )
    if context.startswith("while scanning a double-quoted scalar") and "escape" in problem:
        char = problem.rstrip("'").rsplit("'", 1)[-1]
        return _problem(
            display, text, mark.line, mark.column, "can-ngoac-kep", {"char": char}, "escape"
        )
    if (
        context.startswith(("while parsing a flow sequence", "while parsing a flow mapping"))
        and context_mark is not None
        and problem.startswith("expected ','")
    ):
        bracket = text[context_mark.index]
        return _problem(
            display,
            text,
            context_mark.line,
            context_mark.column,
            "chua-dong-ngoac",
            {"bracket": bracket, "closing": _CLOSING.get(bracket, "]")},
            "bracket",
        )
    if "<stream end>" in problem and context.startswith("while parsing a flow"):
        opened = _unclosed_bracket(text)
        if opened is not None:
            line, col = _position(text, opened)
            bracket = text[opened]
            params = {"bracket": bracket, "closing": _CLOSING[bracket]}
            return _problem(display, text, line, col, "chua-dong-ngoac", params, "bracket")
    if problem.startswith("mapping values are not allowed here"):
        return _mapping_values(text, display, mark.line, mark.column)
    if problem.startswith("found character '\\t'"):
        return _problem(display, text, mark.line, mark.column, "thut-le-tab")
    if problem.startswith("found character") and "cannot start any token" in problem:
        char = text[mark.index] if mark.index < len(text) else "?"
        return _problem(
            display, text, mark.line, mark.column, "can-ngoac-kep", {"char": char}, "start"
        )
    if context.startswith(("while scanning an alias", "while scanning an anchor")):
        char = text[context_mark.index] if context_mark is not None else "*"
        at = context_mark or mark
        return _problem(display, text, at.line, at.column, "can-ngoac-kep", {"char": char}, "start")
    if problem.startswith("found undefined alias"):
        name = problem.rstrip("'").rsplit("'", 1)[-1]
        return _problem(
            display, text, mark.line, mark.column, "can-ngoac-kep", {"name": name}, "alias"
        )
    if problem.startswith("could not find expected ':'") and context_mark is not None:
        return _problem(
            display, text, context_mark.line, context_mark.column, "loi-cu-phap", {}, "no-colon"
        )
    if problem.startswith("expected <block end>, but found"):
        found = problem.split("but found", 1)[1].strip()
        here = _line_text(text, mark.line)
        indent = _indent(here)
        if found == "'-'":
            return _problem(display, text, mark.line, mark.column, "thut-le", {}, "list-item")
        if found == "'?'":
            return _problem(display, text, mark.line, indent, "thut-le", {}, "in-list")
        if found == "'<scalar>'":
            explained = _after_value(text, display, mark)
            if explained is not None:
                return explained
        if found in ("'<block mapping start>'", "'<block sequence start>'"):
            start = context_mark.line if context_mark is not None else 0
            levels = [level for level in _levels(lines, start, mark.line) if level != indent]
            return _problem(
                display,
                text,
                mark.line,
                indent,
                "thut-le",
                {"indent": indent, "levels": levels or [0]},
                "unaligned",
            )
    return _problem(
        display, text, mark.line, mark.column, "loi-cu-phap", {"reason": problem or context}
    )


def comment_cut(source: str, node: yaml.ScalarNode, display: str, field: str) -> Problem | None:
    """A warning when an unquoted text value is followed by `` #…`` on its line."""
    end = node.end_mark.index
    line_end = source.find("\n", end)
    rest = source[end : line_end if line_end != -1 else len(source)]
    if not rest[:1].isspace() or not rest.lstrip(" \t").startswith("#"):
        return None
    comment = rest.strip().rstrip("\r")
    value = str(node.value)
    if comment.startswith("# ") and " " not in value:
        # `unit: cdcs-nha-may  # đơn vị cũ`: a code or a number with a comment after it, as
        # YAML means comments; text with spaces cut at " #1" is the mistake to catch.
        return None
    hash_at = end + rest.index("#")
    line, col = _position(source, hash_at)
    return Problem(
        display,
        line + 1,
        col + 1,
        "dau-thang",
        {"value": value, "comment": comment},
        field,
        Severity.WARNING,
        excerpt=_line_text(source, line),
    )
