"""Which language the tools speak, and how a text is made from a template and named values.

Every text the tools print for people is a :class:`Msg`: a key of a text table (the error
catalogue, ``generator.catalogue``, or the other texts, ``generator.texts``) and named
values.  The words are chosen when the text is printed, in the reader's language, so that
a Problem found once can be shown in Vietnamese in the terminal and in English to a tool.

Vietnamese is the default.  English is chosen with ``showcase --lang en``, with
``SHOWCASE_LANG=en``, or by a locale that starts with ``en`` (``LC_ALL``, ``LC_MESSAGES``,
``LANG``, in the order POSIX reads them).
"""

from __future__ import annotations

import datetime as dt
import os
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any, Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"

#: Environment variables that choose the language, strongest first.
LANGUAGE_VARIABLES = ("SHOWCASE_LANG", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: Lang | None = None


def language_from_env(environ: Mapping[str, str] | None = None) -> Lang:
    """English when the first variable set (see LANGUAGE_VARIABLES) starts with ``en``."""
    env = os.environ if environ is None else environ
    for name in LANGUAGE_VARIABLES:
        value = env.get(name, "").strip()
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return DEFAULT_LANG


def language() -> Lang:
    """The language texts are made in now: the one chosen (``--lang``), else the locale's."""
    return _chosen if _chosen is not None else language_from_env()


def set_language(lang: Lang | None) -> None:
    """Choose the language for this process (None: follow the environment again)."""
    global _chosen
    _chosen = lang


@dataclass(frozen=True)
class Template:
    """One text in both languages; ``{name}`` places are filled from a Msg's values."""

    vi: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en

    def fields(self, lang: Lang) -> set[str]:
        """The names of the values this template uses in ``lang``."""
        return {
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(self.get(lang))
            if name
        }


class Params(Mapping[str, Any]):
    """Named values of a message: read-only and hashable, so Problems can be deduplicated."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        self._data: dict[str, Any] = {k: _freeze(v) for k, v in (data or {}).items()}
        self._hash: int | None = None

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(sorted((k, _hashable(v)) for k, v in self._data.items())))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Params):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Params({self._data!r})"

    def plain(self) -> dict[str, Any]:
        """The values as JSON can hold them (texts made in no language: keys and values)."""
        return {k: _plain(v) for k, v in self._data.items()}


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return Params(value)
    return value


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Msg):
        return {"key": value.key, "params": value.params.plain()}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Params):
        return value.plain()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Msg:
    """A text made when it is shown: ``key`` of a text table, and the values it names."""

    key: str
    params: Params = dc_field(default_factory=Params)

    def __init__(self, key: str, params: Mapping[str, Any] | None = None, **values: Any) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", Params({**(params or {}), **values}))

    def render(self, lang: Lang | None = None) -> str:
        return render(self.key, self.params, lang)

    def __str__(self) -> str:
        return self.render()


def lookup(key: str) -> Template:
    """The template of ``key`` in the error catalogue or in the other texts."""
    from generator.catalogue import message_template
    from generator.texts import TEXTS

    found = TEXTS.get(key)
    if found is not None:
        return found
    return message_template(key)


_VI_NUMBER = str.maketrans(",.", ".,")


class _Formatter(string.Formatter):
    """str.format that makes nested Msgs, lists and numbers in the reader's language."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Msg):
            return format(value.render(self.lang), format_spec)
        if isinstance(value, dt.date) and not format_spec:
            # 29/6/2022 in Vietnamese text, 2022-06-29 in English.
            return (
                f"{value.day}/{value.month}/{value.year}"
                if self.lang == "vi"
                else value.isoformat()
            )
        if format_spec == "plural-s" and isinstance(value, int):
            return "" if value == 1 else "s"
        if isinstance(value, tuple | list) and format_spec in ("", "or", "and"):
            items = [self.format_field(v, "") for v in value]
            if format_spec == "" or len(items) < 2:
                return ", ".join(items)
            word = {"or": ("hoặc", "or"), "and": ("và", "and")}[format_spec]
            return ", ".join(items[:-1]) + f" {word[0 if self.lang == 'vi' else 1]} " + items[-1]
        text = str(super().format_field(value, format_spec))
        if "," in format_spec and isinstance(value, int | float) and self.lang == "vi":
            # Vietnamese groups thousands with '.', and writes the decimal point as ','.
            text = text.translate(_VI_NUMBER)
        return text

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if isinstance(value, Msg):
            return value
        return super().convert_field(value, conversion)


def render(key: str, params: Mapping[str, Any] | None = None, lang: Lang | None = None) -> str:
    """The text of ``key`` in ``lang`` (default: the current language), values filled in."""
    chosen = lang or language()
    template = lookup(key).get(chosen)
    return str(_Formatter(chosen).vformat(template, (), dict(params or {})))


def t(key: str, **values: Any) -> str:
    """Shorthand: the text of ``key`` in the current language."""
    return render(key, values)
