"""Rewrite the expected output of every case in tests/cases/ (then read the git diff).

Same as ``UPDATE_GOLDENS=1 python -m pytest tests/test_cases.py``; extra arguments go to
pytest, e.g. ``python scripts/update_goldens.py -k privacy``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    env = {**os.environ, "UPDATE_GOLDENS": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "tests/test_cases.py", *sys.argv[1:]]
    sys.exit(subprocess.call(command, cwd=ROOT, env=env))
