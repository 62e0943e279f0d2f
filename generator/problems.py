"""Problems: the values every stage returns instead of raising on bad content.

A Problem points at a file, a line and a column (1-based, as editors and
GitHub annotations count them) and names the field path inside the record
(``recipients[0].person``).  Only the CLI and the MkDocs glue turn a list of
Problems into output and an exit code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from enum import StrEnum

from generator.catalogue import CATALOGUE


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    path: str
    line: int
    col: int
    message: str
    field: str = ""
    severity: Severity = Severity.ERROR
    code: str = dc_field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.code and self.code not in CATALOGUE:
            raise ValueError(f"problem code {self.code!r} is not in the error catalogue")

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        suffix = f" ({self.field})" if self.field else ""
        return f"{where}: {self.severity.value}: {self.message}{suffix}"

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def format_github(self) -> str:
        # GitHub workflow command; message data must escape %, CR and LF.
        kind = "error" if self.severity is Severity.ERROR else "warning"
        text = self.message + (f" ({self.field})" if self.field else "")
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{kind} file={path},line={self.line},col={self.col}::{text}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.field, p.message))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def summary(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"


def format_text(problems: Sequence[Problem]) -> str:
    lines = [p.format() for p in sort_problems(problems)]
    lines.append(summary(problems))
    return "\n".join(lines) + "\n"


def format_json(problems: Sequence[Problem]) -> str:
    ordered = sort_problems(problems)
    payload = {
        "problems": [p.as_dict() for p in ordered],
        "errors": sum(1 for p in ordered if p.severity is Severity.ERROR),
        "warnings": sum(1 for p in ordered if p.severity is Severity.WARNING),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def format_github(problems: Sequence[Problem]) -> str:
    lines = [p.format_github() for p in sort_problems(problems)]
    lines.append(summary(problems))
    return "\n".join(lines) + "\n"
