"""`./run` for machines without bash (Windows): ``python run.py build | test | serve | goldens``.

Does what ``./run`` does, with the Python that runs it: installs the project (and the test
extras for ``test``/``goldens``) with pip, then runs the same commands.  The browser tests
need Chromium; on Windows and macOS install Chrome or Chromium yourself (``./run`` installs
Debian's on Linux).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
COMMANDS = ("build", "test", "serve", "goldens")


def _run(*args: str, env: dict[str, str] | None = None) -> None:
    completed = subprocess.run(args, cwd=ROOT, env=env)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def _install(target: str) -> None:
    _run(
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-e",
        target,
    )


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in COMMANDS:
        sys.stderr.write("usage: python run.py build | test | serve | goldens\n")
        sys.exit(2)
    command, rest = argv[0], argv[1:]
    python = sys.executable
    if command == "build":
        _install(".")
        _run(python, "-m", "generator", "build", *rest)
    elif command == "serve":
        _install(".")
        _run(python, "-m", "generator", "serve", *rest)
    elif command == "test":
        _install(".[test]")
        _run(python, "-m", "ruff", "check", "generator", "tests", "scripts")
        _run(python, "-m", "ruff", "format", "--check", "generator", "tests", "scripts")
        _run(python, "-m", "mypy")
        _run(
            python, "-m", "pytest", "-n", "2", "-p", "no:cacheprovider", "-p", "no:benchmark", *rest
        )
    else:
        _install(".[test]")
        env = {**os.environ, "UPDATE_GOLDENS": "1"}
        tests = ("tests/test_cases.py", "tests/test_render_golden.py")
        _run(python, "-m", "pytest", "-p", "no:cacheprovider", *tests, env=env)


if __name__ == "__main__":
    main(sys.argv[1:])
