"""FIFOs where a record, a page and an image would be: refused without blocking."""

import os
from pathlib import Path


def generate(content: Path) -> None:
    (content / "people" / "le-van-cuong.yml").unlink()
    os.mkfifo(content / "people" / "le-van-cuong.yml")
    os.mkfifo(content / "pages" / "ong.md")
    os.mkfifo(content / "media" / "ong.png")
