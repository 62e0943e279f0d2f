"""A record just over 1 MiB (a pasted base64 image in the bio), made rather than stored."""

from pathlib import Path


def generate(content: Path) -> None:
    body = "  " + "A" * 98 + "\n"
    text = "name: Lê Văn Cường\nunit: cdcs-nha-may-mau\nbio: |\n" + body * 10_500
    (content / "people" / "le-van-cuong.yml").write_text(text, encoding="utf-8")
