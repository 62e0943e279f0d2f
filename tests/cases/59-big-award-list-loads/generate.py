"""5,000 recipients with citations in one award: a realistic big list, valid."""

from pathlib import Path


def generate(content: Path) -> None:
    lines = [
        "title: Giấy khen phong trào sáng kiến năm 2022",
        "form: bang-khen",
        "issuer: ldld-tinh-mau",
        "decision_number: 456/QĐ-LĐLĐ",
        "date: 2022-08-15",
        "recipients:",
    ]
    for i in range(5_000):
        lines += [
            f"  - name: Người lao động số {i}",
            "    job_title: Công nhân",
            "    citation: Có sáng kiến được công nhận",
        ]
    path = content / "awards" / "giay-khen-2022.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
