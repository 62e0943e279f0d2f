"""Names typed in capitals → the way Vietnamese writes them.

Award lists often type collectives and people in capitals
("CÔNG ĐOÀN CƠ SỞ CÔNG TY CP XI MĂNG", "NGUYỄN VĂN AN").  Only text whose
letters are all capitals is changed; a name typed in mixed case is the editor's
spelling and is kept.

People: every word capitalised ("Nguyễn Văn An").

Job titles: sentence case ("Phó chủ tịch công đoàn"), acronyms kept.

Organisations follow the convention of official Vietnamese names (as in
Nghị định 30/2020/NĐ-CP, Phụ lục II, and the sample content: "Công đoàn cơ sở
Công ty Cổ phần Xi măng Đông Nghi Sơn", "Liên đoàn Lao động huyện Hoằng Hóa",
"Phòng Giáo dục và Đào tạo huyện Nga Sơn").  The rule chosen, word by word:

1. A word that is not a Vietnamese syllable is kept as typed: acronyms (THPT,
   THCS, CP, TNHH, MTV, LĐLĐ, CĐCS, UBND, HTX), Roman numerals (II, IV),
   numbers, foreign names.
2. A phrase naming a kind of organisation (*head*: "công đoàn cơ sở", "công
   ty", "trường", "bệnh viện", "phân xưởng", …) starts a new part of the name:
   its first word is capitalised, the rest are lower case.
3. A common phrase naming a trade or field ("cổ phần", "xi măng", "lao động",
   "giáo dục", "đa khoa", "trung học phổ thông", …): first word capitalised,
   the rest lower case.
4. Words of administrative levels ("tỉnh", "huyện", "thành phố", "xã", …) and
   linking words ("và", "của", "số" before a number) are lower case.
5. Every other word is taken for part of a proper name and capitalised
   ("Đông Nghi Sơn", "Thanh Hóa", "Lê Lợi").
6. The first word of the name is always capitalised.

Rule 5 errs towards capitals: a common word missing from the lists of rules 2
and 3 comes out capitalised ("Công ty Cổ phần May Thọ Xuân" is right; a rarer
trade may need a hand correction), never a proper name in lower case.
"""

from __future__ import annotations

import re

from generator.importer.legacy import is_vietnamese_syllable

_HEADS = """
tổng liên đoàn|liên đoàn|công đoàn cơ sở|
công đoàn bộ phận|công đoàn ngành|công đoàn|tổ công đoàn|nghiệp đoàn|tổng công ty|công ty|
tập đoàn|nhà máy|xí nghiệp|phân xưởng|chi nhánh|liên hiệp hợp tác xã|hợp tác xã|
doanh nghiệp tư nhân|bệnh viện|phòng khám|trường|trung tâm|học viện|
viện|tổng cục|chi cục|cục|sở|phòng|ban quản lý|ban|văn phòng|ủy ban nhân dân|uỷ ban nhân dân|
hội đồng nhân dân|ủy ban|uỷ ban|tổ|đội|khoa|bộ phận|trạm|kho bạc nhà nước|kho bạc|ngân hàng|
bảo hiểm xã hội|bưu điện|điện lực|đài|nhà văn hóa|nhà văn hoá|thư viện|bảo tàng|hội|câu lạc bộ|
chi đoàn|đảng ủy|đảng uỷ|công an|cơ quan|khu công nghiệp|khu kinh tế|cảng|nông trường|
lâm trường|ban chấp hành|ban thường vụ
"""

_COMMON = """
lao động|cổ phần|thủy lợi|thuỷ lợi|khai thác|trách nhiệm hữu hạn|một thành viên|xi măng|cơ khí|cơ điện|điện lực|điện tử|
điện lạnh|viễn thông|bưu chính|thông tin|dữ liệu|truyền thông|công nghệ|công nghệ thông tin|
kỹ thuật|khoa học|giáo dục|đào tạo|y tế|dược|đa khoa|nhi|sản nhi|
y học cổ truyền|phục hồi chức năng|trung học phổ thông|trung học cơ sở|tiểu học|mầm non|
phổ thông|dân tộc nội trú|cao đẳng|đại học|trung cấp|dạy nghề|giáo dục thường xuyên|
nông nghiệp|lâm nghiệp|thủy sản|thuỷ sản|nông thôn|phát triển|đầu tư|
xây dựng|xây lắp|giao thông|vận tải|thương mại|dịch vụ|du lịch|sản xuất|kinh doanh|
xuất nhập khẩu|xuất khẩu|nhập khẩu|công nghiệp|tiểu thủ công nghiệp|khoáng sản|năng lượng|
hóa chất|hoá chất|phân bón|thực phẩm|chế biến|may mặc|may|dệt may|giày da|da giày|nhựa|thép|
cấp nước|thoát nước|môi trường|đô thị|tài nguyên|tài chính|kế toán|
kế hoạch|nội vụ|tư pháp|văn hóa|văn hoá|thể thao|
thương binh|xã hội|nhân dân|
viên chức|công chức|nữ công|tuyên giáo|tổ chức|kiểm tra|chính sách|pháp luật|hành chính|
tổng hợp|nhân sự|vật tư|thiết bị|bảo trì|bảo dưỡng|sửa chữa|vận hành|an toàn|chất lượng|
kinh tế|kinh tế kỹ thuật|quản lý|điều hành|thí nghiệm|kiểm định|quan trắc|lưới điện|
truyền tải|phân phối|nhiệt điện|thủy điện|thuỷ điện|xăng dầu|khí|cao su|mía đường|
lương thực|nước sạch|vệ sinh|chữa bệnh|khám chữa bệnh|ô tô|xe máy|đóng tàu|cơ giới|
hóa dầu|lọc hóa dầu|lò nung|nghiền|đóng bao|gạch|gốm|sứ|gỗ|giấy|bia|rượu|nước giải khát
"""

_ADMIN = """
tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|thôn|xóm|khu phố|ấp|bản|tổ dân phố
"""

#: Heads written with more than one capital by convention.
_HEAD_CASING: dict[tuple[str, ...], tuple[str, ...]] = {
    ("tổng", "liên", "đoàn"): ("Tổng", "Liên", "đoàn")
}

_LINKING = {"và", "của", "thuộc", "trực", "tại", "về", "cho", "các"}

_NUMBER = re.compile(r"^\d")
_TOKEN = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


def _phrases(block: str) -> dict[int, set[tuple[str, ...]]]:
    by_length: dict[int, set[tuple[str, ...]]] = {}
    for phrase in block.replace("\n", "").split("|"):
        words = tuple(phrase.split())
        if words:
            by_length.setdefault(len(words), set()).add(words)
    return by_length


_HEAD_PHRASES = _phrases(_HEADS)
_COMMON_PHRASES = _phrases(_COMMON)
_ADMIN_PHRASES = _phrases(_ADMIN)


def is_all_caps(text: str) -> bool:
    """Every letter a capital, and at least two letters (``A`` alone proves nothing)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _split(word: str) -> tuple[str, str, str]:
    match = _TOKEN.match(word)
    assert match is not None
    return match.group(1), match.group(2), match.group(3)


def _is_word(core: str) -> bool:
    """A Vietnamese syllable (or a hyphenated pair of them), changed by case rules."""
    return bool(core) and all(is_vietnamese_syllable(part) for part in core.split("-"))


def _longest(words: list[str], start: int, table: dict[int, set[tuple[str, ...]]]) -> int:
    for length in sorted(table, reverse=True):
        if tuple(words[start : start + length]) in table[length]:
            return length
    return 0


def person_case(name: str) -> str:
    """``NGUYỄN VĂN AN`` → ``Nguyễn Văn An``; a name not all in capitals is kept."""
    if not is_all_caps(name):
        return name
    out = []
    for word in name.split():
        before, core, after = _split(word)
        out.append(before + (_capitalise(core) if _is_word(core) else core) + after)
    return " ".join(out)


def sentence_case(text: str) -> str:
    """``PHÓ CHỦ TỊCH CĐCS`` → ``Phó chủ tịch CĐCS`` (job titles); other text is kept."""
    if not is_all_caps(text):
        return text
    out = []
    for index, word in enumerate(text.split()):
        before, core, after = _split(word)
        if _is_word(core):
            core = _capitalise(core) if index == 0 else core.lower()
        out.append(before + core + after)
    return " ".join(out)


def organisation_case(name: str) -> str:
    """``CÔNG ĐOÀN CƠ SỞ CÔNG TY CP XI MĂNG`` → ``Công đoàn cơ sở Công ty CP Xi măng``.

    The rule is in this module's docstring; a name not all in capitals is kept.
    """
    if not is_all_caps(name):
        return name
    tokens = [_split(word) for word in name.split()]
    lower = [core.lower() if _is_word(core) else "" for _, core, _ in tokens]
    cased: list[str] = [core for _, core, _ in tokens]
    index = 0
    while index < len(tokens):
        if not lower[index]:
            index += 1  # an acronym, number or foreign word: as typed
            continue
        # A phrase stops at punctuation: "Thông tin - Dữ liệu" is two phrases.
        end = index + 1
        while end < len(tokens) and lower[end] and not tokens[end - 1][2] and not tokens[end][0]:
            end += 1
        run = lower[index:end]
        head = _longest(run, 0, _HEAD_PHRASES)
        common = _longest(run, 0, _COMMON_PHRASES)
        admin = _longest(run, 0, _ADMIN_PHRASES)
        length = max(head, common, admin)
        if length and length in (head, common):
            phrase = tuple(lower[index : index + length])
            casing = _HEAD_CASING.get(phrase, (_capitalise(phrase[0]), *phrase[1:]))
            cased[index : index + length] = casing
            index += length
            continue
        if admin:
            for k in range(index, index + admin):
                cased[k] = lower[k]
            index += admin
            continue
        word = lower[index]
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        if word in _LINKING or (word == "số" and _NUMBER.match(following)):
            cased[index] = word
        else:
            cased[index] = _capitalise(word)
        index += 1
    if lower[0]:
        cased[0] = _capitalise(cased[0])
    return " ".join(
        before + core + after for (before, _, after), core in zip(tokens, cased, strict=True)
    )
