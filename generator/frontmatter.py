"""The one front-matter writer: a page's metadata as the YAML block above its body.

Every string is written as a JSON string, which is also a YAML double-quoted
scalar: no value an editor typed (``: ``, ``#``, ``'``, a newline, ``yes``) can change
the meaning of the block, and writing it costs a ``json.dumps`` per value instead
of PyYAML's pure-Python emitter (0.75 ms a page).  Keys are our own identifiers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: Characters a YAML reader refuses (C1 controls, surrogates, non-characters) or reads as line
#: breaks inside quotes (NEL, LS, PS): written as \u escapes, which JSON and YAML read alike.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    return _UNSAFE.sub(_escape, json.dumps(str(value), ensure_ascii=False))


def _lines(data: Mapping[str, Any], indent: str) -> list[str]:
    out: list[str] = []
    for key, value in data.items():
        if not _KEY.match(key):
            raise ValueError(f"front-matter key {key!r} is not an identifier")
        if isinstance(value, Mapping):
            if value:
                out.append(f"{indent}{key}:")
                out.extend(_lines(value, indent + "  "))
            else:
                out.append(f"{indent}{key}: {{}}")
        elif isinstance(value, list | tuple):
            items = ", ".join(_scalar(item) for item in value)
            out.append(f"{indent}{key}: [{items}]")
        else:
            out.append(f"{indent}{key}: {_scalar(value)}")
    return out


def dump(meta: Mapping[str, Any]) -> str:
    """``---`` + one line a key (nested mappings indented) + ``---``, ending with a newline."""
    return "---\n" + "\n".join(_lines(meta, "")) + "\n---\n"


def page(meta: Mapping[str, Any], body: str) -> str:
    """A whole page file: front matter, a blank line, the body ending with one newline."""
    return f"{dump(meta)}\n{body.rstrip()}\n"
