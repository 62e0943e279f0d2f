"""10,000 nested flow lists and mappings (PyYAML's composer recursion)."""

from pathlib import Path


def generate(content: Path) -> None:
    person = content / "people" / "le-van-cuong.yml"
    person.write_text(
        "name: Lê Văn Cường\nbio: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8"
    )
    unit = content / "units" / "cdcs-nha-may-mau.yml"
    unit.write_text(
        "name: CĐCS\nkind: cong-doan-co-so\nprovince: " + "{a: " * 10_000 + "}" * 10_000 + "\n",
        encoding="utf-8",
    )
