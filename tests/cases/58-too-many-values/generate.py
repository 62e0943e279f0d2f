"""An award list with 40,000 recipients and no alias: the message is about size, not aliases."""

from pathlib import Path


def generate(content: Path) -> None:
    lines = [
        "title: Danh sách rất dài",
        "form: bang-khen",
        "issuer: ldld-tinh-mau",
        "date: 2022-08-15",
        "recipients:",
    ]
    lines += [f"  - unit: u{i}" for i in range(40_000)]
    path = content / "awards" / "danh-sach-rat-dai.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
