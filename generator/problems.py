"""Problems: the values every stage returns instead of raising on bad content.

A Problem points at a file, a line and a column (1-based, as editors and GitHub
annotations count them), names the field path inside the record
(``recipients[0].person``) and says what is wrong as a code of the error catalogue
(``sai-kieu``), a variant of its message and named values.  The text is made when
the Problem is printed, in the reader's language (generator.i18n); only the CLI and
the MkDocs glue turn a list of Problems into output and an exit code.

Syntax problems also carry the offending line of the file (``excerpt``): the text
output shows it under the problem with a caret under the column.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from enum import StrEnum
from typing import Any

from generator.catalogue import CATALOGUE, has_message
from generator.i18n import Lang, Params, language, render


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    path: str
    line: int
    col: int
    code: str
    params: Mapping[str, Any] = dc_field(default_factory=Params)
    field: str = ""
    severity: Severity = Severity.ERROR
    #: Which of the code's messages (``""``: its usual one).
    variant: str = ""
    #: The line of the file the problem is on, shown with a caret under ``col``.
    excerpt: str = ""

    def __post_init__(self) -> None:
        if not has_message(self.code, self.variant):
            raise ValueError(
                f"problem code {self.code!r} (message {self.variant!r}) is not in the error catalogue"
            )
        if not isinstance(self.params, Params):
            object.__setattr__(self, "params", Params(self.params))

    @property
    def key(self) -> str:
        """The catalogue key of the message: ``code`` or ``code/variant``."""
        return f"{self.code}/{self.variant}" if self.variant else self.code

    def text(self, lang: Lang | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return render(self.key, self.params, lang)

    @property
    def message(self) -> str:
        return self.text()

    def label(self, lang: Lang | None = None) -> str:
        """``lỗi [sai-kieu]`` / ``error [sai-kieu]``."""
        word = render(f"severity.{self.severity.value}", None, lang)
        return f"{word} [{self.code}]"

    def format(self, lang: Lang | None = None) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        suffix = f" ({self.field})" if self.field else ""
        return f"{where}: {self.label(lang)}: {self.text(lang)}{suffix}"

    def caret_lines(self) -> list[str]:
        """The offending line and a caret under the column, indented under the problem."""
        if not self.excerpt:
            return []
        line = self.excerpt.replace("\t", "→")
        return ["    " + line, "    " + " " * max(0, self.col - 1) + "^"]

    def as_dict(self, lang: Lang | None = None) -> dict[str, object]:
        entry = CATALOGUE[self.code]
        data: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "code": self.code,
            "old_code": entry.old,
            "field": self.field,
            "message": self.text(lang),
        }
        if self.excerpt:
            data["excerpt"] = self.excerpt
        return data

    def format_github(self, lang: Lang | None = None) -> str:
        # GitHub workflow command; message data must escape %, CR and LF.
        kind = "error" if self.severity is Severity.ERROR else "warning"
        text = self.text(lang) + (f" ({self.field})" if self.field else "")
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = _escape_property(self.path)
        title = _escape_property(self.label(lang))
        return f"::{kind} file={path},line={self.line},col={self.col},title={title}::{text}"


def _escape_property(text: str) -> str:
    return (
        text.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(",", "%2C")
        .replace(":", "%3A")
    )


def _order(problem: Problem) -> tuple[Any, ...]:
    # The same order in every language: by place, then by what is wrong.
    return (
        problem.path,
        problem.line,
        problem.col,
        problem.field,
        problem.code,
        problem.variant,
        repr(sorted(problem.params.items(), key=lambda kv: kv[0])),
    )


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=_order)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def count_errors(problems: Iterable[Problem]) -> int:
    return sum(1 for p in problems if p.severity is Severity.ERROR)


def summary(problems: Sequence[Problem], lang: Lang | None = None) -> str:
    errors = count_errors(problems)
    warnings = len(problems) - errors
    return render("problems.summary", {"errors": errors, "warnings": warnings}, lang)


def guide_links(problems: Sequence[Problem], guide_url: str, lang: Lang | None = None) -> list[str]:
    """One line per code met: where the guide explains it (``…/huong-dan/#sai-kieu``)."""
    codes = sorted({p.code for p in problems}, key=list(CATALOGUE).index)
    if not codes:
        return []
    lines = [render("problems.guide-intro", None, lang)]
    lines += [f"  [{code}] {guide_url}#{code}" for code in codes]
    return lines


def format_text(
    problems: Sequence[Problem], lang: Lang | None = None, *, guide_url: str | None = None
) -> str:
    lines: list[str] = []
    for problem in sort_problems(problems):
        lines.append(problem.format(lang))
        lines.extend(problem.caret_lines())
    lines.append(summary(problems, lang))
    if guide_url:
        lines.extend(guide_links(problems, guide_url, lang))
    return "\n".join(lines) + "\n"


def format_json(problems: Sequence[Problem], lang: Lang | None = None) -> str:
    ordered = sort_problems(problems)
    chosen = lang or language()
    payload = {
        "language": chosen,
        "problems": [p.as_dict(chosen) for p in ordered],
        "errors": count_errors(ordered),
        "warnings": sum(1 for p in ordered if p.severity is Severity.WARNING),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def format_github(problems: Sequence[Problem], lang: Lang | None = None) -> str:
    lines = [p.format_github(lang) for p in sort_problems(problems)]
    lines.append(summary(problems, lang))
    return "\n".join(lines) + "\n"
