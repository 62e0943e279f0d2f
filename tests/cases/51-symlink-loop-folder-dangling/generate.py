"""A link loop, a link to a folder outside content/, a dangling link, a link to a record."""

import os
from pathlib import Path


def generate(content: Path) -> None:
    (content / "units" / "vong-a.yml").symlink_to("vong-b.yml")
    (content / "units" / "vong-b.yml").symlink_to("vong-a.yml")
    (content / "initiatives" / "2023").symlink_to("/etc")
    (content / "media" / "anh-cu").symlink_to(content / "media")  # a loop through a folder
    (content / "events" / "mat.yml").symlink_to(content / "events" / "khong-co.yml")
    # A link to a real record is refused too: the record itself is still read.
    os.symlink("nguyen-van-an.yml", content / "people" / "ban-sao.yml")
