"""The kind of a new unit, read from how its name begins.

Union lists name trade unions ("Công đoàn cơ sở …", "CĐCS …"), the unions
above them ("Công đoàn ngành Y tế", "LĐLĐ huyện …", "Công đoàn Viên chức
tỉnh"), and workplaces ("Công ty …", "Điện lực Thanh Hóa", "Bệnh viện …",
"Trường THPT …").  Each rule below gives the ``unit_kinds`` keys it stands for,
in order of preference; the first one the site's ``taxonomies.yml`` defines is
used.  A name no rule recognises ("Tổ Cơ điện", "Phòng Kỹ thuật": a team or a
department could belong to either) has no inferred kind: the importer says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Provinces whose capital is a centrally governed city: "LĐLĐ thành phố Đà Nẵng"
# is a province-level federation, "LĐLĐ thành phố Thanh Hóa" is not.
_CENTRAL_CITIES = r"(?:hà nội|hồ chí minh|hải phòng|đà nẵng|cần thơ|huế)"
_LDLD = r"(?:liên đoàn lao động|lđlđ|ldld)"

_RULES: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (
        re.compile(r"^(?:tổng liên đoàn|tổng lđlđ|tlđ)\b"),
        ("tong-lien-doan",),
    ),
    (
        re.compile(rf"^{_LDLD} (?:tỉnh|(?:thành phố|tp\.?) {_CENTRAL_CITIES})\b"),
        ("ldld-tinh",),
    ),
    (
        re.compile(rf"^{_LDLD} (?:huyện|quận|thị xã|thành phố|tp\.?|tx\.?)\b"),
        ("ldld-huyen", "cong-doan-cap-tren-co-so"),
    ),
    (
        re.compile(r"^(?:công đoàn ngành|cđn)\b"),
        ("cong-doan-nganh",),
    ),
    (
        re.compile(
            r"^(?:công đoàn|cđ) (?:viên chức|các khu (?:công nghiệp|kinh tế)|"
            r"khu (?:công nghiệp|kinh tế)|tổng công ty|tập đoàn)\b"
        ),
        ("cong-doan-cap-tren-co-so",),
    ),
    (
        re.compile(r"^(?:công đoàn cơ sở|cđcs|công đoàn bộ phận|công đoàn)\b"),
        ("cong-doan-co-so",),
    ),
    (
        re.compile(
            r"^(?:tổng công ty|công ty|cty|ctcp|tập đoàn|nhà máy|xí nghiệp|chi nhánh|"
            r"liên hiệp hợp tác xã|hợp tác xã|htx|doanh nghiệp|ngân hàng|điện lực|mỏ|cảng|"
            r"nông trường|lâm trường)\b"
        ),
        ("doanh-nghiep", "to-chuc-kinh-te"),
    ),
    (
        re.compile(
            r"^(?:bệnh viện|trường|trung tâm|học viện|viện|sở|tổng cục|chi cục|cục|"
            r"ban quản lý|ủy ban|uỷ ban|ubnd|hội đồng nhân dân|văn phòng|kho bạc|"
            r"bảo hiểm xã hội|bhxh|bưu điện|đài|thư viện|bảo tàng|trạm y tế|"
            r"phòng (?:.+ )?(?:huyện|quận|thị xã|thành phố)|cơ quan)\b"
        ),
        ("co-quan", "co-quan-don-vi"),
    ),
]


def infer_unit_kind(name: str, kinds: Iterable[str]) -> str | None:
    """The ``unit_kinds`` key the name stands for, or None when the name does not tell."""
    available = set(kinds)
    text = " ".join(name.lower().split())
    for pattern, preferred in _RULES:
        if pattern.search(text):
            return next((key for key in preferred if key in available), None)
    return None
