"""Seeded mutation fuzz: whatever an editor (or an attacker) commits, no exception escapes.

Random byte, line, key and value mutations of the base content (records, site.yml, a
hand-written page) and of its folder (links, FIFOs, folders named like records), with a
fixed seed and a fixed number of iterations, so that a failure replays exactly.  Every
mutated tree goes through ``check_content`` (load → validate → link); every Problem must
point at a file under ``content/`` with a line and a column; every tree that validates is
rendered (``render_site``) and must render without an exception.

A failure prints the iteration and the mutations, e.g. ``iteration 17: people/x.yml
value recipients[0].person = '.nan'``; replay it with ``FUZZ_ONLY=17``.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BASE_CONTENT, REPO, TODAY

from generator.catalogue import CATALOGUE
from generator.pipeline import check_content
from generator.render import render_site

SEED = 20_240_101
ITERATIONS = 240
#: Rendering is the slow part (about a tenth of a second a tree): the first trees that
#: validate are rendered, up to this many.
RENDERS = 40
TEMPLATES = REPO / "site_templates" / "pages"

FILES = sorted(
    p.relative_to(BASE_CONTENT).as_posix()
    for p in BASE_CONTENT.rglob("*")
    if p.is_file() and p.suffix in (".yml", ".md")
)

#: Values that have broken a YAML reader, a validator or a formatter somewhere.
HOSTILE_VALUES = [
    "1000000000000000000000000000000",
    "9" * 5000,
    "-1",
    ".nan",
    ".inf",
    "-.inf",
    "1.0e400",
    "0123",
    "0x1A",
    "1_000",
    "12:30:00",
    "yes",
    "no",
    "on",
    "~",
    "''",
    "0001-01-01",
    "9999-12-31",
    "2022-02-30",
    "31/2/2022",
    "'javascript:alert(1)'",
    "'![x](y)'",
    "'https://x/r\"><img src=x onerror=alert(1)>'",
    "'\"><script>alert(1)</script>'",
    "'red\"><svg/onload=alert(1)>'",
    "'{{ config }}'",
    "'{% raw %}'",
    "'[x](javascript:alert(1))'",
    "'<!--'",
    "'0912 345 678'",
    "'an@gmail.com'",
    '"\\u202eAn"',
    '"An\\u200b"',
    '"\\0"',
    "[" * 60 + "]" * 60,
    "{a: " * 40 + "}" * 40,
    "&a [*a]",
    "*nowhere",
    "!!python/object/apply:os.system [id]",
    "!!binary aGVsbG8=",
    "[]",
    "{}",
    "[a, b]",
    "{person: x}",
    "|\n  dòng một\n  dòng hai",
    "'" + "dài " * 3000 + "'",
]

HOSTILE_BYTES = [
    b"\x00",
    b"\t",
    b"\xff",
    b"\xc3",
    "\u202e".encode(),
    "\u200b".encode(),
    "\ufeff".encode(),
    b"&a ",
    b"*a",
    b"<<: ",
    b"!!python/object:os.system ",
    b"[",
    b"{",
    b"'",
    b'"',
    b": ",
    b" #",
    b"\n---\n",
    b"\n...\n",
    b"\r",
    b"%YAML 1.1\n",
    b"? ",
    b"- ",
]

KEYS = ["title", "name", "phone", "cccd", "template", "titel", "ti\u200btle", "<<", "1", "yes"]

Mutation = Callable[[random.Random, Path], str]


def _pick_file(rng: random.Random, content: Path) -> Path:
    return content / rng.choice(FILES)


def flip_byte(rng: random.Random, content: Path) -> str:
    path = _pick_file(rng, content)
    data = bytearray(path.read_bytes())
    if not data:
        return f"{path.name}: empty"
    index = rng.randrange(len(data))
    data[index] = rng.randrange(256)
    path.write_bytes(bytes(data))
    return f"{path.name}: byte {index} = {data[index]:#04x}"


def insert_bytes(rng: random.Random, content: Path) -> str:
    path = _pick_file(rng, content)
    data = path.read_bytes()
    index = rng.randrange(len(data) + 1)
    piece = rng.choice(HOSTILE_BYTES)
    path.write_bytes(data[:index] + piece + data[index:])
    return f"{path.name}: insert {piece!r} at {index}"


def change_line(rng: random.Random, content: Path) -> str:
    path = _pick_file(rng, content)
    lines = path.read_bytes().split(b"\n")
    index = rng.randrange(len(lines))
    action = rng.choice(["delete", "duplicate", "swap", "indent", "dedent"])
    if action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, lines[index])
    elif action == "swap":
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    elif action == "indent":
        lines[index] = b" " * rng.randint(1, 3) + lines[index]
    else:
        lines[index] = lines[index][rng.randint(1, 3) :]
    path.write_bytes(b"\n".join(lines))
    return f"{path.name}: {action} line {index + 1}"


def replace_value(rng: random.Random, content: Path) -> str:
    """Replace the value after the first ': ' of a random line with a hostile one."""
    path = _pick_file(rng, content)
    lines = path.read_text("utf-8").split("\n")
    candidates = [i for i, line in enumerate(lines) if ": " in line]
    if not candidates:
        return f"{path.name}: no value"
    index = rng.choice(candidates)
    key, _, _ = lines[index].partition(": ")
    value = rng.choice(HOSTILE_VALUES)
    indent = " " * (len(key) - len(key.lstrip(" -")) + 2)
    lines[index] = f"{key}: " + value.replace("\n", "\n" + indent)
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"{path.name}: line {index + 1} value {value[:40]!r}"


def replace_key(rng: random.Random, content: Path) -> str:
    path = _pick_file(rng, content)
    lines = path.read_text("utf-8").split("\n")
    candidates = [i for i, line in enumerate(lines) if ": " in line or line.endswith(":")]
    if not candidates:
        return f"{path.name}: no key"
    index = rng.choice(candidates)
    line = lines[index]
    stripped = line.lstrip(" -")
    prefix = line[: len(line) - len(stripped)]
    _, sep, rest = stripped.partition(":")
    key = rng.choice(KEYS)
    lines[index] = f"{prefix}{key}{sep}{rest}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"{path.name}: line {index + 1} key {key!r}"


def replace_with_special(rng: random.Random, content: Path) -> str:
    path = _pick_file(rng, content)
    path.unlink()
    kind = rng.choice(["passwd", "environ", "loop", "folder", "fifo", "dir"])
    if kind == "passwd":
        path.symlink_to("/etc/passwd")
    elif kind == "environ":
        path.symlink_to("/proc/self/environ")
    elif kind == "loop":
        path.symlink_to(path.name)
    elif kind == "folder":
        path.symlink_to(content)
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    return f"{path.name}: {kind}"


MUTATIONS: list[tuple[Mutation, int]] = [
    (flip_byte, 3),
    (insert_bytes, 4),
    (change_line, 3),
    (replace_value, 8),
    (replace_key, 3),
    (replace_with_special, 1),
]


def _plan() -> list[list[int]]:
    """For each iteration, which mutations (indexes) and the seed of each: fixed by SEED."""
    rng = random.Random(SEED)
    weights = [w for _, w in MUTATIONS]
    return [
        rng.choices(range(len(MUTATIONS)), weights=weights, k=rng.randint(1, 3))
        for _ in range(ITERATIONS)
    ]


def _mutate(iteration: int, chosen: list[int], content: Path) -> list[str]:
    rng = random.Random(SEED * 1_000 + iteration)
    done = []
    for index in chosen:
        mutation = MUTATIONS[index][0]
        try:
            done.append(mutation(rng, content))
        except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError, OSError):
            # An earlier mutation made the file unreadable as text or replaced it: skip.
            done.append(f"{mutation.__name__}: skipped")
    return done


def test_mutation_fuzz_of_check_and_render(tmp_path: Path) -> None:
    only = os.environ.get("FUZZ_ONLY")
    rendered = 0
    validated = 0
    codes: set[str] = set()
    for iteration, chosen in enumerate(_plan()):
        if only is not None and iteration != int(only):
            continue
        content = tmp_path / str(iteration) / "content"
        shutil.copytree(BASE_CONTENT, content)
        done = _mutate(iteration, chosen, content)
        where = f"iteration {iteration}: {'; '.join(done)}"
        try:
            site, problems = check_content(content, display_root="content", today=TODAY)
        except Exception as exc:  # pragma: no cover - the failure message is the point
            pytest.fail(f"{where}: check_content raised {exc!r}")
        for problem in problems:
            assert problem.path.startswith("content/") or problem.path == "content", (
                where,
                problem,
            )
            assert problem.line >= 1 and problem.col >= 1, (where, problem)
            assert problem.code in CATALOGUE, (where, problem)
            assert problem.message, (where, problem)
            codes.add(problem.code)
        if site is None:
            continue
        validated += 1
        if rendered >= RENDERS:
            continue
        try:
            files = render_site(site, TEMPLATES).all_files()
        except Exception as exc:  # pragma: no cover
            pytest.fail(f"{where}: render_site raised {exc!r}")
        assert files and all(isinstance(data, bytes) for data in files.values()), where
        rendered += 1
        shutil.rmtree(content.parent)
    if only is None:
        # The fuzz must reach both sides: trees that are refused and trees that render.
        assert validated >= 10 and rendered >= 10, (validated, rendered)
        assert len(codes) >= 15, sorted(codes)
        print(
            f"fuzz: {ITERATIONS} trees, {validated} validated, {rendered} rendered, codes: {sorted(codes)}"
        )
