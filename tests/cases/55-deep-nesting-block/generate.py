"""10,000 nested block lists, and 1,400 nested block mappings (under 1 MiB)."""

from pathlib import Path


def generate(content: Path) -> None:
    person = content / "people" / "tran-thi-binh.yml"
    person.write_text("name: Trần Thị Bình\nbio:\n  " + "- " * 10_000 + "x\n", encoding="utf-8")
    award = content / "awards" / "bang-khen-2022.yml"
    award.write_text("".join(" " * i + "k:\n" for i in range(1_400)), encoding="utf-8")
