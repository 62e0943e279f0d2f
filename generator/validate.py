"""Validate: raw records → typed models, or Problems (all of them, in one run).

Checks here need only the record itself: types, required fields, unknown
fields with a suggestion, privacy keys, dates that exist and are in order,
author shares, the id and folder.  Checks that need other records (references,
taxonomy keys) belong to ``generator.link``.

Values are read as their field's type asks, as YAML 1.2 would rather than 1.1:
an unquoted ``0123``, ``yes``, ``12:30:00`` or ``2022-06-29`` in a text field is
the text typed; a yes/no field takes only ``true`` and ``false``; a number
written in a notation YAML 1.1 reads surprisingly (``0123`` octal, ``1_000``,
``0x1A``, ``12:30:00`` sexagesimal) is read as a decimal number where it is one,
and otherwise with a warning that says what was read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from pydantic import BaseModel, ValidationError

from generator.hygiene import personal_data
from generator.kinds import ALL_MODELS, reserved_id
from generator.loader import (
    FieldPath,
    HandPage,
    LoadedContent,
    RawRecord,
    format_field_path,
)
from generator.model import (
    MARKDOWN_FIELDS,
    NOT_PERSONAL_FIELDS,
    PRIVACY_KEYS,
    SLUG_RE,
    Award,
    Campaign,
    Event,
    FieldError,
    HandPageFront,
    Initiative,
    RecordBase,
    SiteConfig,
    Strict,
    Taxonomies,
)
from generator.problems import Problem, Severity

#: Hand-written page names that would replace a page the site makes itself.
RESERVED_PAGE_SLUGS = frozenset({"index", "404"})
#: Dates earlier than this are typing mistakes in this content (the trade unions' initiative
#: movement and every award in it are later).
EARLIEST_PLAUSIBLE_YEAR = 1945


@dataclass
class ValidRecord:
    """A record whose fields passed validation, still carrying its positions."""

    raw: RawRecord
    model: RecordBase

    @property
    def kind(self) -> str:
        return self.raw.kind

    @property
    def id(self) -> str:
        return self.raw.id

    def at(self, path: FieldPath, *, key: bool = False) -> tuple[int, int]:
        return self.raw.positions.key(path) if key else self.raw.positions.value(path)


@dataclass
class ValidContent:
    loaded: LoadedContent
    site: SiteConfig | None
    site_raw: RawRecord | None
    taxonomies: Taxonomies | None
    taxonomies_raw: RawRecord | None
    records: list[ValidRecord] = field(default_factory=list)
    #: Hand-written pages whose front matter validated (``front`` set).
    pages: list[HandPage] = field(default_factory=list)


def _normalise_key(key: str) -> str:
    from generator.vietnamese import fold

    return re.sub(r"[^a-z0-9]+", "_", fold(key).lower()).strip("_")


def _privacy_problems(raw: RawRecord) -> tuple[dict[str, Any], list[Problem]]:
    """Refuse private keys anywhere in the record; return the data without them."""
    problems: list[Problem] = []

    def walk(value: Any, path: FieldPath) -> Any:
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                if _normalise_key(key) in PRIVACY_KEYS:
                    line, col = raw.positions.key((*path, key))
                    problems.append(
                        Problem(
                            raw.path,
                            line,
                            col,
                            f"field {key!r} holds private data and is never published; remove it",
                            format_field_path((*path, key)),
                            code="privacy",
                        )
                    )
                    continue
                out[key] = walk(item, (*path, key))
            return out
        if isinstance(value, list):
            return [walk(item, (*path, index)) for index, item in enumerate(value)]
        return value

    return walk(raw.data, ()), problems


# -- reading values as their field's type asks (YAML 1.2 where 1.1 surprises) -------------

_TRUE_FALSE = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})
_DECIMAL_INT = re.compile(r"[-+]?[0-9]+")
_DECIMAL_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_MAX_DIGITS = 40

_Shape = tuple[str, Any]


def _shape(annotation: Any) -> _Shape:
    """What a field holds: ("model", cls), ("list", item), ("dict", value), ("text", None)…"""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _shape(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _shape(args[0]) if len(args) == 1 else ("other", None)
    if origin is list:
        return ("list", typing.get_args(annotation)[0])
    if origin is dict:
        return ("dict", typing.get_args(annotation)[1])
    if origin is Literal or annotation is str:
        return ("text", None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation)
    if annotation is bool:
        return ("bool", None)
    if annotation in (int, float):
        return ("number", annotation)
    return ("other", None)


class _Retyper:
    """Reads each unquoted value of a record as its field's type asks."""

    def __init__(self, raw: RawRecord) -> None:
        self.raw = raw
        self.sources = raw.positions.sources
        self.problems: list[Problem] = []

    def model(self, model: type[BaseModel], data: Any, path: FieldPath) -> Any:
        if not isinstance(data, dict):
            return data
        out = {}
        for key, value in data.items():
            info = model.model_fields.get(key)
            out[key] = value if info is None else self.value(info.annotation, value, (*path, key))
        return out

    def value(self, annotation: Any, value: Any, path: FieldPath) -> Any:
        kind, inner = _shape(annotation)
        if kind == "model":
            return self.model(inner, value, path)
        if kind == "list" and isinstance(value, list):
            return [self.value(inner, item, (*path, i)) for i, item in enumerate(value)]
        if kind == "dict" and isinstance(value, dict):
            return {k: self.value(inner, item, (*path, k)) for k, item in value.items()}
        source = self.sources.get(path)
        if source is None or value is None:
            return value
        if kind == "text":
            return source
        if kind == "bool":
            # Only true/false: `yes`, `on`… are booleans in YAML 1.1 but text in 1.2, and an
            # editor who wrote them may have meant something else; the validator says so.
            return value if source in _TRUE_FALSE else source
        if kind == "number":
            return self.number(value, source, path)
        return value

    def number(self, value: Any, source: str, path: FieldPath) -> Any:
        digits = source.lstrip("+-")
        if _DECIMAL_INT.fullmatch(source):
            if len(digits) > _MAX_DIGITS:
                return source  # refused by the field's bound, without converting
            number = int(source, 10)
            if digits.startswith("0") and len(digits) > 1 and number != value:
                self.warn(
                    path,
                    f"số {source} có chữ số 0 ở đầu; được đọc là {number} (YAML cũ đọc thành "
                    f"{value} theo hệ bát phân); nên viết {number}",
                )
            return number
        if _DECIMAL_FLOAT.fullmatch(source) or not isinstance(value, int | float):
            return value
        if value != value or value in (float("inf"), float("-inf")):
            return value  # refused by the model: a number must be finite
        shown = int(value) if isinstance(value, float) and value.is_integer() else value
        self.warn(
            path,
            f"YAML đọc {source!r} thành số {shown}; nếu đúng ý, hãy viết {shown} bằng chữ số "
            "thường (không dấu gạch dưới, dấu hai chấm hay tiền tố 0x, 0o)",
        )
        return value

    def warn(self, path: FieldPath, message: str) -> None:
        line, col = self.raw.positions.value(path)
        self.problems.append(
            Problem(
                self.raw.path,
                line,
                col,
                message,
                format_field_path(path),
                severity=Severity.WARNING,
                code="number-notation",
            )
        )


def retype(
    raw: RawRecord, model: type[BaseModel], data: dict[str, Any]
) -> tuple[Any, list[Problem]]:
    """``data`` with unquoted values read as ``model``'s fields ask, and the warnings."""
    retyper = _Retyper(raw)
    return retyper.model(model, data, ()), retyper.problems


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete classes an annotation may hold (Optional, list, dict, Annotated removed)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        out = []
        for arg in typing.get_args(annotation):
            out.extend(_unwrap(arg))
        return out
    if origin in (list, dict, tuple):
        args = typing.get_args(annotation)
        return _unwrap(args[-1]) if args else []
    return [annotation]


def _strip_optional(annotation: Any) -> Any:
    """``X | None`` → ``X``; ``Annotated[X, ...]`` → ``X``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _strip_optional(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _strip_optional(args[0])
    return annotation


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the field at ``loc`` (its last part)."""
    current: type[BaseModel] = model
    dict_key_next = False
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if dict_key_next:
            dict_key_next = False
            continue
        info = current.model_fields.get(str(part))
        if info is None:
            if part in ("[key]",):
                continue
            return None
        candidates = [
            c for c in _unwrap(info.annotation) if isinstance(c, type) and issubclass(c, BaseModel)
        ]
        if not candidates:
            return None
        # dict[Id, Term]: the next part of the location is a key of the dict
        dict_key_next = typing.get_origin(_strip_optional(info.annotation)) is dict
        current = candidates[0]
    return current


_EXPECTED = {
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "string_type": "text",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping of fields (key: value)",
    "model_type": "a mapping of fields (key: value)",
    "model_attributes_type": "a mapping of fields (key: value)",
    "date_type": "a date (2022-06-29 or 29/6/2022)",
    "date_parsing": "a date (2022-06-29 or 29/6/2022)",
    "date_from_datetime_parsing": "a date (2022-06-29 or 29/6/2022)",
    "literal_error": "one of the listed values",
}


def _number(value: Any) -> Any:
    """100.0 → 100 (bounds of float fields read better without the '.0')."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _is_required(model: type[BaseModel], loc: tuple[Any, ...]) -> bool:
    if not loc or isinstance(loc[-1], int):
        return False
    owner = _model_at(model, loc)
    info = owner.model_fields.get(str(loc[-1])) if owner is not None else None
    return info is not None and info.is_required()


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _translate(raw: RawRecord, model: type[BaseModel], error: Any) -> Problem:
    loc: tuple[Any, ...] = tuple(p for p in error["loc"] if p != "[key]")
    loc = tuple(loc)
    etype: str = error["type"]
    field_name = format_field_path(loc)
    positions = raw.positions
    if etype == "missing":
        parent = loc[:-1]
        line, col = positions.key(parent) if parent else (1, 1)
        return Problem(
            raw.path,
            line,
            col,
            f"missing required field {loc[-1]!r}",
            field_name,
            code="missing-field",
        )
    if etype == "extra_forbidden":
        owner = _model_at(model, loc)
        name = str(loc[-1])
        message = f"unknown field {name!r}"
        if owner is not None:
            close = difflib.get_close_matches(name, list(owner.model_fields), n=1, cutoff=0.6)
            if close:
                message += f"; did you mean {close[0]!r}?"
            else:
                message += "; expected one of: " + ", ".join(owner.model_fields)
        line, col = positions.key(loc)
        return Problem(raw.path, line, col, message, field_name, code="unknown-field")
    # A dict key that is not a valid id (taxonomies.yml): point at the key, not its value.
    line, col = positions.key(loc) if "[key]" in error["loc"] else positions.value(loc)
    value = error.get("input")
    if etype == "value_error":
        cause = error.get("ctx", {}).get("error")
        text = str(cause if cause is not None else error["msg"])
        code = "bad-value"
        if isinstance(cause, FieldError):
            code = cause.code
        elif "not a valid date" in text:
            code = "bad-date"
        elif text.startswith("give exactly one of"):
            code = "one-of"
        return Problem(raw.path, line, col, text, field_name, code=code)
    if etype in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        ctx = {k: _number(v) for k, v in error.get("ctx", {}).items()}
        bound = {
            "greater_than_equal": f"{ctx.get('ge')} or more",
            "greater_than": f"more than {ctx.get('gt')}",
            "less_than_equal": f"{ctx.get('le')} or less",
            "less_than": f"less than {ctx.get('lt')}",
        }[etype]
        return Problem(
            raw.path,
            line,
            col,
            f"value must be {bound}, got {_describe(value)}",
            field_name,
            code="bad-value",
        )
    if etype == "int_parsing_size":
        digits = len(value.strip()) if isinstance(value, str) else 0
        return Problem(
            raw.path,
            line,
            col,
            f"số có {digits} chữ số, quá lớn cho trường này",
            field_name,
            code="bad-value",
        )
    if etype == "finite_number":
        return Problem(
            raw.path,
            line,
            col,
            f"cần một số thật, không phải {_describe(value)} (.nan, .inf không phải số đo được)",
            field_name,
            code="bad-value",
        )
    if etype == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return Problem(
            raw.path,
            line,
            col,
            f"văn bản dài {len(value) if isinstance(value, str) else '?'} ký tự; tối đa {limit} ký tự",
            field_name,
            code="bad-value",
        )
    if etype in ("too_short", "string_too_short"):
        what = (
            "list must not be empty; give at least one item"
            if isinstance(value, list)
            else "value must not be empty"
        )
        return Problem(raw.path, line, col, what, field_name, code="bad-value")
    if etype == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return Problem(
            raw.path,
            line,
            col,
            f"expected one of {expected}, got {_describe(value)}",
            field_name,
            code="bad-value",
        )
    expected = _EXPECTED.get(etype)
    if expected and value is None and _is_required(model, loc):
        # `unit:` with nothing after it: the editor has not filled the field in yet.
        return Problem(
            raw.path,
            line,
            col,
            f"required field {loc[-1]!r} is empty; expected {expected}",
            field_name,
            code="missing-field",
        )
    if expected:
        hint = ""
        if (
            expected in ("a whole number", "a number")
            and isinstance(value, str)
            and re.search(r"\d[.,]\d", value)
        ):
            hint = " (write digits only, without '.' or ',' separators)"
        elif expected == "text" and isinstance(value, bool | dt.date):
            hint = " (YAML reads it so; put the text in double quotes)"
        elif expected == "true or false" and isinstance(value, str):
            word = value.strip().lower()
            guess = "true" if word in ("yes", "y", "on", "có", "co", "1") else "false"
            if word in ("yes", "y", "on", "no", "n", "off", "có", "co", "không", "khong", "0", "1"):
                hint = f" (chỉ nhận true hoặc false: có lẽ ý là {guess})"
            else:
                hint = " (chỉ nhận true hoặc false)"
        return Problem(
            raw.path,
            line,
            col,
            f"expected {expected}, got {_describe(value)}{hint}",
            field_name,
            code="wrong-type",
        )
    return Problem(raw.path, line, col, str(error["msg"]), field_name, code="wrong-type")


def _model_problems(
    raw: RawRecord, model: type[Strict], data: dict[str, Any]
) -> tuple[Strict | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_translate(raw, model, error) for error in exc.errors(include_url=False)]


def _check_dates(record: ValidRecord, today: dt.date) -> list[Problem]:
    problems = []
    model = record.model
    raw = record.raw

    def order(start: dt.date | None, end: dt.date | None, path: FieldPath, what: str) -> None:
        if start and end and end < start:
            line, col = raw.positions.value(path)
            problems.append(
                Problem(
                    raw.path,
                    line,
                    col,
                    f"{what} ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                    format_field_path(path),
                    code="date-order",
                )
            )

    if isinstance(model, Campaign):
        order(model.start, model.end, ("end",), "campaign")
        for index, phase in enumerate(model.phases):
            order(phase.start, phase.end, ("phases", index, "end"), "phase")
        keys = [p.key for p in model.phases]
        for index, key in enumerate(keys):
            if key in keys[:index]:
                line, col = raw.positions.value(("phases", index, "key"))
                problems.append(
                    Problem(
                        raw.path,
                        line,
                        col,
                        f"phase key {key!r} is used twice",
                        f"phases[{index}].key",
                        code="bad-value",
                    )
                )
    if isinstance(model, Event):
        order(model.date, model.end_date, ("end_date",), "event")
    if isinstance(model, Initiative):
        if model.first_applied and model.first_applied > today:
            line, col = raw.positions.value(("first_applied",))
            problems.append(
                Problem(
                    raw.path,
                    line,
                    col,
                    f"first_applied {model.first_applied.isoformat()} is in the future",
                    "first_applied",
                    code="future-date",
                )
            )
        if model.recognition and model.recognition.date and model.recognition.date > today:
            line, col = raw.positions.value(("recognition", "date"))
            problems.append(
                Problem(
                    raw.path,
                    line,
                    col,
                    f"recognition date {model.recognition.date.isoformat()} is in the future",
                    "recognition.date",
                    code="future-date",
                )
            )
    if isinstance(model, Award) and model.date > today:
        line, col = raw.positions.value(("date",))
        problems.append(
            Problem(
                raw.path,
                line,
                col,
                f"award date {model.date.isoformat()} is in the future",
                "date",
                code="future-date",
            )
        )
    return problems


def _check_figure_numbers(record: ValidRecord) -> list[Problem]:
    """Counts and amounts must be whole: YAML reads 170.324 (Vietnamese for 170,324) as 170.324."""
    model = record.model
    if not isinstance(model, Campaign | Event):
        return []
    raw = record.raw
    problems = []
    raw_figures = raw.data.get("figures")
    if not isinstance(raw_figures, list):
        return []
    for index, figure in enumerate(model.figures):
        if figure.unit == "percent" or index >= len(raw_figures):
            continue
        raw_figure = raw_figures[index]
        if not isinstance(raw_figure, dict):
            continue
        candidates: list[tuple[FieldPath, Any]] = [
            (("figures", index, "value"), raw_figure.get("value"))
        ]
        alternatives = raw_figure.get("alternatives")
        if isinstance(alternatives, list):
            candidates += [
                (("figures", index, "alternatives", alt, "value"), item.get("value"))
                for alt, item in enumerate(alternatives)
                if isinstance(item, dict)
            ]
        for path, value in candidates:
            if isinstance(value, float) and value == value:  # NaN is reported elsewhere
                line, col = raw.positions.value(path)
                what = "an amount in đồng" if figure.unit == "vnd" else "a count"
                problems.append(
                    Problem(
                        raw.path,
                        line,
                        col,
                        f"this figure is {what}: expected a whole number written with digits only, "
                        f"got {value!r}; '.' and ',' are not thousands separators in YAML "
                        "(write 170324, not 170.324)",
                        format_field_path(path),
                        code="bad-value",
                    )
                )
    return problems


def _check_shares(record: ValidRecord) -> list[Problem]:
    model = record.model
    if not isinstance(model, Initiative):
        return []
    shares = [a.share for a in model.authors]
    given = [s for s in shares if s is not None]
    if not given:
        return []
    raw = record.raw
    if len(given) != len(shares):
        missing = shares.index(None)
        line, col = raw.positions.key(("authors", missing))
        return [
            Problem(
                raw.path,
                line,
                col,
                "give a share for every author, or for none",
                f"authors[{missing}].share",
                code="shares-sum",
            )
        ]
    total = sum(given)
    if abs(total - 100) > 0.01:
        line, col = raw.positions.key(("authors",))
        shown = f"{total:g}"
        return [
            Problem(
                raw.path,
                line,
                col,
                f"author shares add up to {shown}, not 100",
                "authors",
                code="shares-sum",
            )
        ]
    return []


#: Fields that describe the record itself and never appear on a page.
_META_FIELDS = ("confidential", "example", "redirect_from")


def _check_confidential(record: ValidRecord) -> list[Problem]:
    model = record.model
    raw = record.raw
    problems = []
    fields = type(model).model_fields
    for index, name in enumerate(model.confidential):
        line, col = raw.positions.value(("confidential", index))
        info = fields.get(name)
        if name in _META_FIELDS:
            problems.append(
                Problem(
                    raw.path,
                    line,
                    col,
                    f"{name!r} cannot be confidential: it is not published",
                    f"confidential[{index}]",
                    code="confidential-field",
                )
            )
        elif info is None:
            names = [f for f in fields if f not in _META_FIELDS]
            close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                Problem(
                    raw.path,
                    line,
                    col,
                    f"confidential names unknown field {name!r}{hint}",
                    f"confidential[{index}]",
                    code="unknown-field",
                )
            )
        elif info.is_required():
            problems.append(
                Problem(
                    raw.path,
                    line,
                    col,
                    f"{name!r} cannot be confidential: it is required",
                    f"confidential[{index}]",
                    code="confidential-field",
                )
            )
    return problems


_UNSAFE_TAG = re.compile(r"<\s*(script|style|iframe|object|embed|form|link|meta)\b", re.I)
_UNSAFE_ATTR = re.compile(r"\son[a-z]+\s*=|javascript:", re.I)


def _check_markdown(record: ValidRecord) -> list[Problem]:
    """Warn editors when the sanitizer will drop part of a Markdown field."""
    problems = []

    def walk(value: Any, path: FieldPath) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name), (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))
        elif isinstance(value, str) and path and path[-1] in MARKDOWN_FIELDS:
            match = _UNSAFE_TAG.search(value) or _UNSAFE_ATTR.search(value)
            if match:
                line, col = record.raw.positions.value(path)
                problems.append(
                    Problem(
                        record.raw.path,
                        line,
                        col,
                        f"Markdown in {path[-1]!r} contains HTML that will be removed: "
                        f"{match.group(0).strip()}",
                        format_field_path(path),
                        severity=Severity.WARNING,
                        code="unsafe-markdown",
                    )
                )

    walk(record.model, ())
    return problems


def _walk_values(value: Any, path: FieldPath) -> typing.Iterator[tuple[FieldPath, Any]]:
    """(path, value) of every leaf value of a validated model."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk_values(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_values(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_values(item, (*path, key))
    else:
        yield path, value


def _field_name(path: FieldPath) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "")


def _check_personal_data(raw: RawRecord, model: BaseModel) -> list[Problem]:
    """Warn about phone numbers, e-mail addresses and ID numbers written inside free text."""
    problems = []
    for path, value in _walk_values(model, ()):
        if not isinstance(value, str) or _field_name(path) in NOT_PERSONAL_FIELDS:
            continue
        found = personal_data(value)
        if not found:
            continue
        line, col = raw.positions.value(path)
        shown = "; ".join(f"{f.label} {f.masked}" for f in found[:3])
        problems.append(
            Problem(
                raw.path,
                line,
                col,
                f"có thể là dữ liệu cá nhân: {shown}; nếu đây là thông tin của một người, hãy "
                "xoá khỏi tệp (dữ liệu cá nhân không được công bố); nếu là thông tin công khai "
                "của cơ quan thì bỏ qua cảnh báo này",
                format_field_path(path),
                severity=Severity.WARNING,
                code="personal-data",
            )
        )
    return problems


def _check_date_range(
    raw: RawRecord, model: BaseModel, today: dt.date, skip: set[str]
) -> list[Problem]:
    """Warn about dates before 1945 or more than a year ahead: mostly a mistyped year."""
    problems = []
    latest = today + dt.timedelta(days=365)
    for path, value in _walk_values(model, ()):
        if not isinstance(value, dt.date) or format_field_path(path) in skip:
            continue
        shown = f"{value.day}/{value.month}/{value.year}"
        if value.year < EARLIEST_PLAUSIBLE_YEAR:
            message = (
                f"ngày {shown} trước năm {EARLIEST_PLAUSIBLE_YEAR}: có lẽ năm bị gõ nhầm; "
                "kiểm tra lại"
            )
        elif value > latest:
            message = f"ngày {shown} sau hôm nay hơn một năm: có lẽ năm bị gõ nhầm; kiểm tra lại"
        else:
            continue
        line, col = raw.positions.value(path)
        problems.append(
            Problem(
                raw.path,
                line,
                col,
                message,
                format_field_path(path),
                severity=Severity.WARNING,
                code="unlikely-date",
            )
        )
    return problems


def _validate_one(raw: RawRecord, model_class: type[Strict]) -> tuple[Strict | None, list[Problem]]:
    """Read as the model asks, check the privacy keys and the model; private data warnings."""
    data, problems = retype(raw, model_class, raw.data)
    data, privacy = _privacy_problems(dataclasses.replace(raw, data=data))
    problems += privacy
    model, model_problems = _model_problems(raw, model_class, data)
    problems += model_problems
    if model is not None:
        problems += _check_personal_data(raw, model)
    return model, problems


def _date_warnings(
    raw: RawRecord, model: BaseModel, today: dt.date, errors: list[Problem]
) -> list[Problem]:
    future = {p.field for p in errors if p.code == "future-date"}
    return _check_date_range(raw, model, today, future)


_FIRST_HEADING = re.compile(r"^# \S", re.MULTILINE)
_THEME_KEYS = frozenset({"template", "layout", "extends", "theme", "override", "overrides"})


def _validate_pages(loaded: LoadedContent, today: dt.date) -> tuple[list[HandPage], list[Problem]]:
    pages: list[HandPage] = []
    problems: list[Problem] = []
    for page in loaded.pages:
        raw = RawRecord("page", page.slug, page.path, page.rel, page.meta, page.positions)
        page_problems: list[Problem] = []
        if not SLUG_RE.match(page.slug):
            from generator.vietnamese import slugify

            page_problems.append(
                Problem(
                    page.path,
                    1,
                    1,
                    f"tên tệp {page.slug!r} không dùng được làm địa chỉ trang: chỉ dùng chữ "
                    f"thường không dấu, chữ số và dấu gạch nối, ví dụ {slugify(page.slug)!r}",
                    code="bad-id",
                )
            )
        elif page.slug in RESERVED_PAGE_SLUGS:
            page_problems.append(
                Problem(
                    page.path,
                    1,
                    1,
                    f"tên tệp {page.slug!r} trùng với trang do công cụ tạo ra (trang chủ, trang "
                    "lỗi); đặt tên khác",
                    code="bad-id",
                )
            )
        for key in page.meta:
            if key in _THEME_KEYS:
                line, col = page.positions.key((key,))
                page_problems.append(
                    Problem(
                        page.path,
                        line,
                        col,
                        f"trang viết tay không được chọn {key!r} (mẫu giao diện); mọi trang "
                        "dùng giao diện chung của trang web: xoá dòng này",
                        key,
                        code="unknown-field",
                    )
                )
        meta = {k: v for k, v in page.meta.items() if k not in _THEME_KEYS}
        model, model_problems = _validate_one(dataclasses.replace(raw, data=meta), HandPageFront)
        page_problems += model_problems
        if isinstance(model, HandPageFront):
            page_problems += _date_warnings(raw, model, today, page_problems)
            if model.title is None and not _FIRST_HEADING.search(page.body):
                page_problems.append(
                    Problem(
                        page.path,
                        1,
                        1,
                        "trang không có tiêu đề: thêm title: Tiêu đề trang vào phần khai báo "
                        "giữa hai dòng --- ở đầu tệp, hoặc mở đầu nội dung bằng dòng # Tiêu đề",
                        "title",
                        code="front-matter",
                    )
                )
            if not any(p.severity is Severity.ERROR for p in page_problems):
                pages.append(dataclasses.replace(page, front=model))
        problems += page_problems
    return pages, problems


def _drop_confidential(model: RecordBase) -> RecordBase:
    fields = type(model).model_fields
    update: dict[str, Any] = {}
    for name in model.confidential:
        info = fields.get(name)
        if info is None or info.is_required():
            continue
        update[name] = info.get_default(call_default_factory=True)
    return model.model_copy(update=update) if update else model


def validate_record(raw: RawRecord, today: dt.date) -> tuple[RecordBase | None, list[Problem]]:
    """One record file on its own: its model (None when it has an error) and its Problems.

    Depends only on the file and ``today``, so that its result can be cached by the
    file's content hash (generator.record_cache).
    """
    record_problems: list[Problem] = []
    if not SLUG_RE.match(raw.id):
        from generator.vietnamese import slugify

        record_problems.append(
            Problem(
                raw.path,
                1,
                1,
                f"file name {raw.id!r} is not a valid id: use lowercase ASCII letters, digits "
                f"and hyphens, e.g. {slugify(raw.id)!r}",
                code="bad-id",
            )
        )
    elif reserved_id(raw.id):
        record_problems.append(
            Problem(
                raw.path,
                1,
                1,
                f"file name {raw.id!r} is reserved for listing pages; choose another id",
                code="bad-id",
            )
        )
    model, model_problems = _validate_one(raw, ALL_MODELS[raw.kind])
    record_problems.extend(model_problems)
    if isinstance(model, RecordBase):
        record = ValidRecord(raw, model)
        record_problems.extend(_check_dates(record, today))
        record_problems.extend(_date_warnings(raw, model, today, record_problems))
        record_problems.extend(_check_shares(record))
        record_problems.extend(_check_figure_numbers(record))
        record_problems.extend(_check_confidential(record))
        record_problems.extend(_check_markdown(record))
        if not any(p.severity is Severity.ERROR for p in record_problems):
            return _drop_confidential(model), record_problems
    return None, record_problems


def validate_content(
    loaded: LoadedContent,
    today: dt.date | None = None,
    *,
    validate: Callable[[RawRecord, dt.date], tuple[RecordBase | None, list[Problem]]] = (
        validate_record
    ),
) -> tuple[ValidContent, list[Problem]]:
    """Validate every loaded record on its own; cross-record checks come in link."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    result = ValidContent(loaded, None, None, None, None)

    for kind in ("site", "taxonomies"):
        raw = loaded.singles.get(kind)
        if raw is None and not loaded.root.is_dir():
            continue  # the loader has reported the missing content folder
        if raw is None:
            problems.append(
                Problem(
                    f"{loaded.display_root}/{kind}.yml" if loaded.display_root else f"{kind}.yml",
                    1,
                    1,
                    f"{kind}.yml is missing",
                    code="missing-field",
                )
            )
            continue
        model, model_problems = _validate_one(raw, ALL_MODELS[kind])
        problems.extend(model_problems)
        if model is not None:
            problems.extend(_date_warnings(raw, model, today, model_problems))
        if kind == "site" and isinstance(model, SiteConfig):
            result.site, result.site_raw = model, raw
        if kind == "taxonomies" and isinstance(model, Taxonomies):
            result.taxonomies, result.taxonomies_raw = model, raw

    for raw in loaded.records:
        model, record_problems = validate(raw, today)
        if model is not None:
            result.records.append(ValidRecord(raw, model))
        problems.extend(record_problems)
    result.pages, page_problems = _validate_pages(loaded, today)
    problems.extend(page_problems)
    return result, problems
