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

from pydantic import BaseModel, PydanticUserError, TypeAdapter, ValidationError

from generator.hygiene import personal_data
from generator.i18n import Msg
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
from generator.problems import Problem, Severity, has_errors

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
    #: The record has errors: ``model`` holds its valid fields only, and it is never published.
    failed: bool = False

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
    #: Paths of the files with validation errors (site.yml and taxonomies.yml included):
    #: their records are linked for the checks, but no Site is made while there are any.
    failed: set[str] = field(default_factory=set)


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
                            "du-lieu-rieng-tu",
                            {"key": key},
                            format_field_path((*path, key)),
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
                params = {"source": source, "number": number, "octal": value}
                self.warn(path, params, "leading-zero")
            return number
        if _DECIMAL_FLOAT.fullmatch(source) or not isinstance(value, int | float):
            return value
        if value != value or value in (float("inf"), float("-inf")):
            return value  # refused by the model: a number must be finite
        shown = int(value) if isinstance(value, float) and value.is_integer() else value
        self.warn(path, {"source": source, "number": shown}, "notation")
        return value

    def warn(self, path: FieldPath, params: dict[str, Any], variant: str) -> None:
        line, col = self.raw.positions.value(path)
        self.problems.append(
            Problem(
                self.raw.path,
                line,
                col,
                "cach-viet-so",
                params,
                format_field_path(path),
                Severity.WARNING,
                variant,
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


#: What a pydantic error type expects, as a phrase of the catalogue.
_EXPECTED = {
    "int_parsing": "type.whole-number",
    "int_type": "type.whole-number",
    "int_from_float": "type.whole-number",
    "float_parsing": "type.number",
    "float_type": "type.number",
    "bool_parsing": "type.bool",
    "bool_type": "type.bool",
    "string_type": "type.text",
    "list_type": "type.list",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "date_type": "type.date",
    "date_parsing": "type.date",
    "date_from_datetime_parsing": "type.date",
    "literal_error": "type.one-of",
}
_NUMBERS = ("type.whole-number", "type.number")
_BOUNDS = {
    "greater_than_equal": "ge",
    "greater_than": "gt",
    "less_than_equal": "le",
    "less_than": "lt",
}
#: "1,5 tỷ", "300 nghìn", "2 triệu đồng": an amount in words.
_MONEY_WORDS = re.compile(r"\b(?:tỷ|ty|triệu|trieu|nghìn|nghin|ngàn|ngan|đồng|dong|tr|k)\b", re.I)


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


def _describe(value: Any) -> Any:
    """What a value is, for "expected …, got …": a phrase, or the value as typed."""
    if isinstance(value, dict):
        return Msg("got.mapping")
    if isinstance(value, list):
        return Msg("got.list")
    if value is None:
        return Msg("got.nothing")
    if isinstance(value, bool):
        return Msg("got.bool", value=str(value).lower())
    if isinstance(value, dt.date):
        return Msg("got.date", value=value)
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _did_you_mean(name: str, choices: list[str], cutoff: float = 0.6) -> Any:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=cutoff)
    return Msg("hint.did-you-mean", suggestion=close[0]) if close else ""


def _translate(raw: RawRecord, model: type[BaseModel], error: Any) -> Problem:
    loc: tuple[Any, ...] = tuple(p for p in error["loc"] if p != "[key]")
    etype: str = error["type"]
    field_name = format_field_path(loc)
    positions = raw.positions

    def problem(code: str, params: dict[str, Any] | None = None, variant: str = "") -> Problem:
        return Problem(raw.path, line, col, code, params or {}, field_name, variant=variant)

    if etype == "missing":
        parent = loc[:-1]
        line, col = positions.key(parent) if parent else (1, 1)
        return problem("thieu-truong", {"name": loc[-1]})
    if etype == "extra_forbidden":
        owner = _model_at(model, loc)
        name = str(loc[-1])
        line, col = positions.key(loc)
        hint: Any = ""
        if owner is not None:
            hint = _did_you_mean(name, list(owner.model_fields)) or Msg(
                "hint.one-of", choices=", ".join(owner.model_fields)
            )
        return problem("truong-la", {"name": name, "hint": hint})
    # A dict key that is not a valid id (taxonomies.yml): point at the key, not its value.
    line, col = positions.key(loc) if "[key]" in error["loc"] else positions.value(loc)
    value = error.get("input")
    if etype == "value_error":
        cause = error.get("ctx", {}).get("error")
        if isinstance(cause, FieldError):
            return problem(cause.code, cause.params, cause.variant)
        return problem("gia-tri-khong-hop-le", {"detail": str(cause or error["msg"])}, "other")
    if etype in _BOUNDS:
        ctx = {k: _number(v) for k, v in error.get("ctx", {}).items()}
        variant = _BOUNDS[etype]
        return problem(
            "gia-tri-khong-hop-le", {"bound": ctx.get(variant), "got": _describe(value)}, variant
        )
    if etype == "int_parsing_size":
        digits = len(value.strip()) if isinstance(value, str) else 0
        return problem("gia-tri-khong-hop-le", {"digits": digits}, "digits")
    if etype == "finite_number":
        return problem("gia-tri-khong-hop-le", {"got": _describe(value)}, "finite")
    if etype == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        length = len(value) if isinstance(value, str) else "?"
        return problem("gia-tri-khong-hop-le", {"length": length, "limit": limit}, "too-long")
    if etype in ("too_short", "string_too_short"):
        return problem(
            "gia-tri-khong-hop-le", {}, "empty-list" if isinstance(value, list) else "empty"
        )
    if etype == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        choices = re.findall(r"'[^']*'", expected) or [expected]
        return problem(
            "gia-tri-khong-hop-le", {"choices": choices, "got": _describe(value)}, "literal"
        )
    expected = _EXPECTED.get(etype)
    if expected and value is None and _is_required(model, loc):
        # `unit:` with nothing after it: the editor has not filled the field in yet.
        return problem("thieu-truong", {"name": loc[-1], "expected": Msg(expected)}, "empty")
    if expected:
        hint = ""
        if expected in _NUMBERS and isinstance(value, str) and _MONEY_WORDS.search(value):
            hint = Msg("hint.money-words")
        elif expected in _NUMBERS and isinstance(value, str) and re.search(r"\d[.,]\d", value):
            hint = Msg("hint.digits")
        elif expected == "type.text" and isinstance(value, bool | dt.date):
            hint = Msg("hint.quote")
        elif expected == "type.bool" and isinstance(value, str):
            word = value.strip().lower()
            guess = "true" if word in ("yes", "y", "on", "có", "co", "1") else "false"
            if word in ("yes", "y", "on", "no", "n", "off", "có", "co", "không", "khong", "0", "1"):
                hint = Msg("hint.bool-guess", guess=guess)
            else:
                hint = Msg("hint.bool")
        return problem(
            "sai-kieu", {"expected": Msg(expected), "got": _describe(value), "hint": hint}
        )
    return problem("sai-kieu", {"detail": str(error["msg"])}, "other")


# -- a record with errors: the fields that are valid, for the checks that follow --------

_ADAPTERS: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {}


def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """Validates one field of ``model`` on its own, as the model would."""
    found = _ADAPTERS.get((model, name))
    if found is None:
        annotation = model.model_fields[name].rebuild_annotation()
        try:
            found = TypeAdapter(annotation, config=model.model_config)
        except PydanticUserError:  # a model: it brings its own configuration
            found = TypeAdapter(annotation)
        _ADAPTERS[(model, name)] = found
    return found


def _hole(info: Any) -> Any:
    """What a dropped field holds: its default, or an empty value of its shape."""
    if not info.is_required():
        return info.get_default(call_default_factory=True)
    # A list becomes empty (nothing to check); a vocabulary of taxonomies.yml becomes None,
    # which the linker reads as "unknown", not as "empty" (that would refuse every code).
    kind, _ = _shape(info.annotation)
    return [] if kind == "list" else None


def partial_model(model: type[BaseModel], data: Any, bad: list[tuple[Any, ...]]) -> Any:
    """``model`` built from the valid parts of ``data``; fields with errors left empty.

    ``bad`` are the locations of the errors.  A list of records (authors, recipients,
    figures) keeps its valid items and the valid fields of the others, so that positions
    (``authors[1]``) stay right for the linker's checks.  The result is never published:
    the record is marked failed.
    """
    data = data if isinstance(data, dict) else {}
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        inside = [loc[1:] for loc in bad if loc and loc[0] == name]
        if name not in data:
            values[name] = _hole(info)
            continue
        if not inside:
            try:
                values[name] = _adapter(model, name).validate_python(data[name])
            except ValidationError:
                values[name] = _hole(info)
            continue
        values[name] = _partial_value(info, data[name], inside)
    return model.model_construct(**values)


def _partial_value(info: Any, value: Any, bad: list[tuple[Any, ...]]) -> Any:
    kind, inner = _shape(info.annotation)
    if () in bad or kind not in ("model", "list", "dict"):
        if kind == "model" and isinstance(value, dict):
            return partial_model(inner, value, [loc for loc in bad if loc])
        return _hole(info)
    if kind == "model":
        return partial_model(inner, value, bad)
    item_kind, item_model = _shape(inner)
    if item_kind != "model":
        return _hole(info)
    adapter = TypeAdapter(item_model)
    if kind == "list" and isinstance(value, list):
        items = []
        for index, item in enumerate(value):
            inside = [loc[1:] for loc in bad if loc and loc[0] == index]
            if inside:
                items.append(partial_model(item_model, item, inside))
            else:
                items.append(adapter.validate_python(item))
        return items
    if kind == "dict" and isinstance(value, dict):
        if any("[key]" in loc for loc in bad):
            # A code that is not a code: which entry was meant is unknown, so the whole
            # vocabulary is left unchecked rather than refusing the codes records use.
            return _hole(info)
        entries = {}
        for key, item in value.items():
            inside = [loc[1:] for loc in bad if loc and loc[0] == key]
            entries[key] = (
                partial_model(item_model, item, inside) if inside else adapter.validate_python(item)
            )
        return entries
    return _hole(info)


def _model_problems(
    raw: RawRecord, model: type[Strict], data: dict[str, Any]
) -> tuple[Strict | None, list[Problem]]:
    """The model, or (with the Problems) the model of its valid fields, for further checks."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        problems = [_translate(raw, model, error) for error in errors]
        try:
            partial = partial_model(model, data, [tuple(e["loc"]) for e in errors])
        except ValidationError:  # pragma: no cover - each part was validated on its own
            partial = None
        return partial, problems


def _check_dates(record: ValidRecord, today: dt.date) -> list[Problem]:
    problems = []
    model = record.model
    raw = record.raw

    def order(start: dt.date | None, end: dt.date | None, path: FieldPath, what: str) -> None:
        if start and end and end < start:
            line, col = raw.positions.value(path)
            params = {
                "what": Msg(f"span.{what}"),
                "start": start,
                "end": end,
            }
            problems.append(
                Problem(raw.path, line, col, "sai-thu-tu-ngay", params, format_field_path(path))
            )

    def future(date: dt.date | None, path: FieldPath, variant: str) -> None:
        if date and date > today:
            line, col = raw.positions.value(path)
            problems.append(
                Problem(
                    raw.path,
                    line,
                    col,
                    "ngay-tuong-lai",
                    {"date": date},
                    format_field_path(path),
                    variant=variant,
                )
            )

    if isinstance(model, Campaign):
        order(model.start, model.end, ("end",), "campaign")
        for index, phase in enumerate(model.phases):
            order(phase.start, phase.end, ("phases", index, "end"), "phase")
        keys = [p.key for p in model.phases]
        for index, key in enumerate(keys):
            if key is not None and key in keys[:index]:
                line, col = raw.positions.value(("phases", index, "key"))
                problems.append(
                    Problem(
                        raw.path,
                        line,
                        col,
                        "gia-tri-khong-hop-le",
                        {"key": key},
                        f"phases[{index}].key",
                        variant="phase-twice",
                    )
                )
    if isinstance(model, Event):
        order(model.date, model.end_date, ("end_date",), "event")
    if isinstance(model, Initiative):
        future(model.first_applied, ("first_applied",), "first-applied")
        if model.recognition:
            future(model.recognition.date, ("recognition", "date"), "recognition")
    if isinstance(model, Award):
        future(model.date, ("date",), "award")
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
                what = Msg("figure.vnd" if figure.unit == "vnd" else "figure.count")
                problems.append(
                    Problem(
                        raw.path,
                        line,
                        col,
                        "gia-tri-khong-hop-le",
                        {"what": what, "got": repr(value)},
                        format_field_path(path),
                        variant="figure-whole",
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
                "ty-le-dong-gop",
                {},
                f"authors[{missing}].share",
                variant="partial",
            )
        ]
    total = sum(given)
    if abs(total - 100) > 0.01:
        line, col = raw.positions.key(("authors",))
        shown = f"{total:g}"
        return [Problem(raw.path, line, col, "ty-le-dong-gop", {"total": shown}, "authors")]
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
        where = f"confidential[{index}]"
        if name in _META_FIELDS:
            problems.append(
                Problem(
                    raw.path, line, col, "truong-bao-mat", {"name": name}, where, variant="meta"
                )
            )
        elif info is None:
            names = [f for f in fields if f not in _META_FIELDS]
            params = {"name": name, "hint": _did_you_mean(name, names)}
            problems.append(
                Problem(raw.path, line, col, "truong-la", params, where, variant="confidential")
            )
        elif info.is_required():
            problems.append(
                Problem(
                    raw.path, line, col, "truong-bao-mat", {"name": name}, where, variant="required"
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
                        "html-bi-loai-bo",
                        {"field": path[-1], "found": match.group(0).strip()},
                        format_field_path(path),
                        Severity.WARNING,
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
        shown = [Msg(f"personal.{f.kind}", masked=f.masked) for f in found[:3]]
        problems.append(
            Problem(
                raw.path,
                line,
                col,
                "du-lieu-ca-nhan",
                {"found": shown},
                format_field_path(path),
                Severity.WARNING,
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
        if value.year < EARLIEST_PLAUSIBLE_YEAR:
            variant = "early"
        elif value > latest:
            variant = "late"
        else:
            continue
        line, col = raw.positions.value(path)
        problems.append(
            Problem(
                raw.path,
                line,
                col,
                "ngay-kho-tin",
                {"date": value, "year": EARLIEST_PLAUSIBLE_YEAR},
                format_field_path(path),
                Severity.WARNING,
                variant,
            )
        )
    return problems


def _broken_fields(problems: list[Problem]) -> set[str]:
    """Top-level fields with an error: ``authors[1].share`` → ``authors``."""
    return {
        re.split(r"[.\[]", p.field, maxsplit=1)[0]
        for p in problems
        if p.severity is Severity.ERROR and p.field
    }


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
    future = {p.field for p in errors if p.code == "ngay-tuong-lai"}
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

            params = {"id": page.slug, "suggestion": slugify(page.slug)}
            page_problems.append(
                Problem(page.path, 1, 1, "ma-khong-hop-le", params, variant="page")
            )
        elif page.slug in RESERVED_PAGE_SLUGS:
            page_problems.append(
                Problem(
                    page.path, 1, 1, "ma-khong-hop-le", {"id": page.slug}, variant="page-reserved"
                )
            )
        for key in page.meta:
            if key in _THEME_KEYS:
                line, col = page.positions.key((key,))
                page_problems.append(
                    Problem(
                        page.path, line, col, "truong-la", {"name": key}, key, variant="page-theme"
                    )
                )
        meta = {k: v for k, v in page.meta.items() if k not in _THEME_KEYS}
        model, model_problems = _validate_one(dataclasses.replace(raw, data=meta), HandPageFront)
        page_problems += model_problems
        if isinstance(model, HandPageFront):
            page_problems += _date_warnings(raw, model, today, page_problems)
            title_broken = "title" in _broken_fields(model_problems)
            if model.title is None and not title_broken and not _FIRST_HEADING.search(page.body):
                page_problems.append(
                    Problem(page.path, 1, 1, "phan-khai-bao", {}, "title", variant="no-title")
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
    """One record file on its own: its model and its Problems.

    With an error, the model holds the valid fields only (the caller marks the record
    failed, never published) so that the linker's checks still run on it and every
    mistake is reported in one run; None when not even that could be made.  Depends only
    on the file and ``today``, so that its result can be cached by the file's content
    hash (generator.record_cache).
    """
    record_problems: list[Problem] = []
    if not SLUG_RE.match(raw.id):
        from generator.vietnamese import slugify

        params = {"id": raw.id, "suggestion": slugify(raw.id)}
        record_problems.append(Problem(raw.path, 1, 1, "ma-khong-hop-le", params, variant="file"))
    elif reserved_id(raw.id):
        record_problems.append(
            Problem(raw.path, 1, 1, "ma-khong-hop-le", {"id": raw.id}, variant="reserved")
        )
    model, model_problems = _validate_one(raw, ALL_MODELS[raw.kind])
    record_problems.extend(model_problems)
    if not isinstance(model, RecordBase):
        return None, record_problems
    record = ValidRecord(raw, model)
    broken = _broken_fields(model_problems)
    record_problems.extend(_check_dates(record, today))
    record_problems.extend(_date_warnings(raw, model, today, record_problems))
    if "authors" not in broken:
        record_problems.extend(_check_shares(record))
    if "figures" not in broken:
        record_problems.extend(_check_figure_numbers(record))
    record_problems.extend(_check_confidential(record))
    record_problems.extend(_check_markdown(record))
    if has_errors(record_problems):
        return model, record_problems
    return _drop_confidential(model), record_problems


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
                    "thieu-truong",
                    {"name": f"{kind}.yml"},
                    variant="file",
                )
            )
            continue
        model, model_problems = _validate_one(raw, ALL_MODELS[kind])
        problems.extend(model_problems)
        if model is not None:
            problems.extend(_date_warnings(raw, model, today, model_problems))
        if has_errors(model_problems):
            result.failed.add(raw.path)
        if kind == "site" and isinstance(model, SiteConfig):
            result.site, result.site_raw = model, raw
        if kind == "taxonomies" and isinstance(model, Taxonomies):
            result.taxonomies, result.taxonomies_raw = model, raw

    for raw in loaded.records:
        model, record_problems = validate(raw, today)
        if model is not None:
            record = ValidRecord(raw, model)
            if has_errors(record_problems):
                record.failed = True
                result.failed.add(raw.path)
            result.records.append(record)
        problems.extend(record_problems)
    result.pages, page_problems = _validate_pages(loaded, today)
    problems.extend(page_problems)
    return result, problems
