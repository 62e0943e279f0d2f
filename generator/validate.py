"""Validate: raw records → typed models, or Problems (all of them, in one run).

Checks here need only the record itself: types, required fields, unknown
fields with a suggestion, privacy keys, dates that exist and are in order,
author shares, the id and folder.  Checks that need other records (references,
taxonomy keys) belong to ``generator.link``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from generator.kinds import ALL_MODELS, reserved_id
from generator.loader import FieldPath, LoadedContent, RawRecord, format_field_path
from generator.model import (
    MARKDOWN_FIELDS,
    PRIVACY_KEYS,
    SLUG_RE,
    Award,
    Campaign,
    Event,
    Initiative,
    RecordBase,
    SiteConfig,
    Strict,
    Taxonomies,
)
from generator.problems import Problem, Severity


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
        text = str(error.get("ctx", {}).get("error", error["msg"]))
        code = "bad-value"
        if "not a valid date" in text:
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


def _drop_confidential(model: RecordBase) -> RecordBase:
    fields = type(model).model_fields
    update: dict[str, Any] = {}
    for name in model.confidential:
        info = fields.get(name)
        if info is None or info.is_required():
            continue
        update[name] = info.get_default(call_default_factory=True)
    return model.model_copy(update=update) if update else model


def validate_content(
    loaded: LoadedContent, today: dt.date | None = None
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
        data, privacy = _privacy_problems(raw)
        problems.extend(privacy)
        model, model_problems = _model_problems(raw, ALL_MODELS[kind], data)
        problems.extend(model_problems)
        if kind == "site" and isinstance(model, SiteConfig):
            result.site, result.site_raw = model, raw
        if kind == "taxonomies" and isinstance(model, Taxonomies):
            result.taxonomies, result.taxonomies_raw = model, raw

    for raw in loaded.records:
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
        data, privacy = _privacy_problems(raw)
        record_problems.extend(privacy)
        model, model_problems = _model_problems(raw, ALL_MODELS[raw.kind], data)
        record_problems.extend(model_problems)
        if isinstance(model, RecordBase):
            record = ValidRecord(raw, model)
            record_problems.extend(_check_dates(record, today))
            record_problems.extend(_check_shares(record))
            record_problems.extend(_check_figure_numbers(record))
            record_problems.extend(_check_confidential(record))
            record_problems.extend(_check_markdown(record))
            if not any(p.severity is Severity.ERROR for p in record_problems):
                record.model = _drop_confidential(model)
                result.records.append(record)
        problems.extend(record_problems)
    return result, problems
