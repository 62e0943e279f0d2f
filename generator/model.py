"""The content model: what editors write, declared once.

Every field carries a Vietnamese help text (``description``); the JSON Schemas
in ``schemas/`` and the field reference of the editor's guide are generated
from these classes.  The models describe one file each; references between
records are plain ids here and are resolved by ``generator.link``.

The record's id is not a field: it is the file stem.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import urllib.parse
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import email_validator
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from generator.i18n import Msg, render

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DMY_RE = re.compile(r"^\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\s*$")
_ISO_RE = re.compile(r"^\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\s*$")


class FieldError(ValueError):
    """A refused value that carries its catalogue code, message variant and values.

    The validator reports it under that code; ``str()`` gives the message in the current
    language (generator.i18n), for the few places that show it directly.
    """

    def __init__(self, code: str, params: dict[str, Any] | None = None, variant: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.params = params or {}
        self.variant = variant

    def __str__(self) -> str:
        key = f"{self.code}/{self.variant}" if self.variant else self.code
        return render(key, self.params)


class DateFormatError(FieldError):
    """A date written in a form we do not accept, or one that does not exist."""


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_date(value: Any) -> Any:
    """Accept ISO dates (2022-06-29, 2022-6-29) and Vietnamese D/M/YYYY (29/6/2022).

    A date in one of these forms that is not on the calendar (29/02/2023, 2023-13-01) is
    refused as a date that does not exist, not as a bad form.  :data:`DATE_PATTERN` is the
    same rule as one regular expression, for the JSON Schemas.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _ISO_RE.match(value)
        if match:
            y, m, d = (int(g) for g in match.groups())
        else:
            match = _DMY_RE.match(value)
            if not match:
                raise DateFormatError("sai-dinh-dang-ngay", {"value": value})
            d, m, y = (int(g) for g in match.groups())
        if y < 1:
            raise DateFormatError("sai-dinh-dang-ngay", {"value": value})
        if not 1 <= m <= 12:
            raise DateFormatError("ngay-khong-ton-tai", {"value": value, "month": m}, "month")
        if not 1 <= d <= _days_in_month(y, m):
            raise DateFormatError(
                "ngay-khong-ton-tai",
                {"value": value, "month": m, "year": y, "days": _days_in_month(y, m)},
                "day",
            )
        return dt.date(y, m, d)
    return value


def _check_slug(value: str) -> str:
    if not SLUG_RE.match(value):
        from generator.vietnamese import slugify

        raise FieldError(
            "gia-tri-khong-hop-le", {"value": value, "suggestion": slugify(value)}, "id"
        )
    return value


def _date_pattern() -> str:
    """One regular expression for exactly the dates :func:`parse_date` accepts as text.

    Days 1–28 in every month, 29–30 in every month but February, 31 in the long months,
    and 29 February in leap years (divisible by 4, centuries only when divisible by 400);
    months and days with or without a leading zero; years of four digits, not 0000.
    """
    d28 = r"(?:0?[1-9]|1[0-9]|2[0-8])"
    m_all = r"(?:0?[1-9]|1[0-2])"
    m_30 = r"(?:0?[13-9]|1[0-2])"
    m_31 = r"(?:0?[13578]|1[02])"
    year = r"(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
    leap = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
    iso = (
        rf"{year}-(?:{m_all}-{d28}|{m_30}-(?:29|30)|{m_31}-31)"
        rf"|{leap}-0?2-29"
    )
    dmy = (
        rf"(?:{d28}/{m_all}|(?:29|30)/{m_30}|31/{m_31})/{year}"
        rf"|29/0?2/{leap}"
    )
    return rf"^\s*(?:{iso}|{dmy})\s*$"


#: The dates the validator accepts, as a JSON Schema pattern (tests check they agree).
DATE_PATTERN = _date_pattern()

Date = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN}),
]
Id = Annotated[
    str,
    AfterValidator(_check_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern}),
]


@dataclass(frozen=True)
class Vocabulary:
    """Marks a field whose value is a code of one vocabulary of taxonomies.yml.

    Such a field takes any text here: the linker checks it against the vocabulary (and
    recognises a display name given instead of a code); ``showcase schema`` lists the
    vocabulary's codes in the JSON Schema.
    """

    name: str


#: The JSON Schema keyword that marks a vocabulary field until schemas list its codes.
VOCABULARY_KEY = "x-showcase-vocabulary"
_CODE_TEXT = StringConstraints(strip_whitespace=True, min_length=1)

FieldCode = Annotated[
    str,
    _CODE_TEXT,
    Vocabulary("fields"),
    WithJsonSchema({"type": "string", VOCABULARY_KEY: "fields"}),
]
InitiativeTypeCode = Annotated[
    str,
    _CODE_TEXT,
    Vocabulary("initiative_types"),
    WithJsonSchema({"type": "string", VOCABULARY_KEY: "initiative_types"}),
]
AwardFormCode = Annotated[
    str,
    _CODE_TEXT,
    Vocabulary("award_forms"),
    WithJsonSchema({"type": "string", VOCABULARY_KEY: "award_forms"}),
]
RecognitionLevelCode = Annotated[
    str,
    _CODE_TEXT,
    Vocabulary("recognition_levels"),
    WithJsonSchema({"type": "string", VOCABULARY_KEY: "recognition_levels"}),
]
UnitKindCode = Annotated[
    str,
    _CODE_TEXT,
    Vocabulary("unit_kinds"),
    WithJsonSchema({"type": "string", VOCABULARY_KEY: "unit_kinds"}),
]
StatusCode = Annotated[
    str,
    _CODE_TEXT,
    Vocabulary("statuses"),
    WithJsonSchema({"type": "string", VOCABULARY_KEY: "statuses"}),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[str, StringConstraints(min_length=1)]


def _no_float(value: Any) -> Any:
    """Refuse 162.000: YAML reads the Vietnamese thousands separator as a decimal point."""
    if isinstance(value, float) and not math.isfinite(value):
        raise FieldError("gia-tri-khong-hop-le", {"got": repr(value)}, "finite")
    if isinstance(value, float):
        raise FieldError("gia-tri-khong-hop-le", {"got": repr(value)}, "whole-number")
    return value


#: Upper bounds that keep numbers meaningful and printable: no count of people or initiatives
#: reaches a million million, and 10^15 đồng (một triệu tỷ) is far beyond any benefit or budget
#: an award names.  Beyond them a value is a typing mistake (or an attack on the formatter).
MAX_COUNT = 10**12
MAX_VND = 10**15

#: A whole number, 0 or more, written as digits (162000000), never 162.000.000 nor 162.000.
#: (The bound comes before the validator so that the JSON Schema keeps ``minimum``.)
Count = Annotated[int, Field(ge=0, le=MAX_COUNT), BeforeValidator(_no_float)]
Money = Annotated[int, Field(ge=0, le=MAX_VND), BeforeValidator(_no_float)]

# -- values that end up inside HTML attributes and links ---------------------------------

#: Characters a URL may hold besides letters and digits (RFC 3986 unreserved, reserved and
#: '%'), minus the single quote, which no editor needs and which ends attribute values.
_URL_PUNCTUATION = frozenset("-._~:/?#[]@!$&()*+,;=%")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")
MAX_URL_LENGTH = 2000


def _url_char_ok(char: str) -> bool:
    if char.isascii():
        return char.isalnum() or char in _URL_PUNCTUATION
    # Vietnamese letters pasted from an address bar (…/wiki/Thanh_Hóa) are fine; spaces and
    # invisible or control characters are not.
    return char.isprintable() and not char.isspace()


def _bad_url(value: str, reason: str, **params: Any) -> FieldError:
    shown = value if len(value) <= 80 else value[:77] + "…"
    return FieldError("sai-dia-chi-web", {"value": shown, "reason": Msg(f"url.{reason}", params)})


def check_url(value: str) -> str:
    """An absolute ``https://`` or ``http://`` address, nothing that could leave an attribute.

    Refused: other schemes (``javascript:``, ``data:``), relative paths, plain text, Markdown
    such as ``![x](y)``, spaces, quotes, ``<`` ``>`` and backslashes, user names in the host
    (``https://ten@trang-khac``), and malformed percent escapes.
    """
    text = value.strip()
    if not text:
        raise _bad_url(value, "empty")
    if len(text) > MAX_URL_LENGTH:
        raise _bad_url(value, "too-long", limit=MAX_URL_LENGTH)
    scheme, sep, _ = text.partition(":")
    if not sep or scheme.lower() not in ("http", "https"):
        if sep and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
            raise _bad_url(value, "scheme", scheme=scheme)
        raise _bad_url(value, "no-scheme")
    bad = next((c for c in text if not _url_char_ok(c)), None)
    if bad is not None:
        if bad.isspace():
            raise _bad_url(value, "space")
        raise _bad_url(value, "char", char=bad)
    if _PERCENT.search(text):
        raise _bad_url(value, "percent")
    parts = urllib.parse.urlsplit(text)
    if not text[len(scheme) + 1 :].startswith("//") or not parts.netloc:
        raise _bad_url(value, "no-host")
    if "@" in parts.netloc:
        raise _bad_url(value, "user")
    try:
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise _bad_url(value, "port") from None
    host = parts.hostname or ""
    if not parts.netloc.startswith("[") and not _valid_host(host):
        raise _bad_url(value, "host", host=host)
    return text


def _valid_host(host: str) -> bool:
    """Letters, digits and hyphens between dots; Vietnamese domain names through IDNA."""
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_host.rstrip(".").split(".")
    return bool(ascii_host) and all(_HOST_LABEL.match(label) for label in labels)


def normalise_base_url(value: str) -> str:
    """The site's address, normalised once, here, for every user of it.

    Rule: scheme and host in lower case; no query and no fragment; the path ends with exactly
    one '/' (``https://Example.org/sang-kien`` → ``https://example.org/sang-kien/``).  Code that
    joins page paths onto it (``base_url + "sang-kien/x/"``) can then rely on the slash.
    """
    text = check_url(value)
    parts = urllib.parse.urlsplit(text)
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        raise _bad_url(value, "query")
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/") + "/"
    netloc = parts.netloc.lower()
    return urllib.parse.urlunsplit((parts.scheme.lower(), netloc, path, "", ""))


_URL_SCHEMA = {"type": "string", "format": "uri", "pattern": "^https?://"}

#: An absolute web address (https:// or http://); see :func:`check_url`.
Url = Annotated[str, AfterValidator(check_url), WithJsonSchema(_URL_SCHEMA)]
BaseUrl = Annotated[str, AfterValidator(normalise_base_url), WithJsonSchema(_URL_SCHEMA)]

#: Material for MkDocs' named colours (``data-md-color-primary`` / ``-accent`` in its
#: palette.css, version 9): the accent list lacks the greys, brown, black and white.
MATERIAL_PRIMARY = (
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey",
    "blue-grey", "black", "white",
)  # fmt: skip
MATERIAL_ACCENT = (
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange",
)  # fmt: skip
HEX_COLOUR_RE = re.compile(r"^#[0-9a-f]{6}$")


def _colour(names: tuple[str, ...], what: str) -> Any:
    def check(value: Any) -> Any:
        if value is None:
            # `primary: #1565c0` unquoted: YAML reads everything after ' #' as a comment.
            raise FieldError("sai-mau", {"what": Msg(f"colour.{what}")}, "empty")
        if not isinstance(value, str):
            return value
        text = value.strip().lower()
        if HEX_COLOUR_RE.match(text):
            return text
        name = re.sub(r"[\s_]+", "-", text)
        if name in names:
            return name
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        hint: Any = Msg("hint.maybe", suggestion=close[0]) if close else ""
        shown = value if len(value) <= 40 else value[:37] + "…"
        params = {"value": shown, "what": Msg(f"colour.{what}"), "hint": hint}
        raise FieldError("sai-mau", {**params, "choices": ", ".join(names)})

    return check


def _colour_schema(names: tuple[str, ...]) -> WithJsonSchema:
    return WithJsonSchema(
        {"anyOf": [{"enum": list(names)}, {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}]}
    )


PrimaryColour = Annotated[
    str, BeforeValidator(_colour(MATERIAL_PRIMARY, "primary")), _colour_schema(MATERIAL_PRIMARY)
]
AccentColour = Annotated[
    str, BeforeValidator(_colour(MATERIAL_ACCENT, "accent")), _colour_schema(MATERIAL_ACCENT)
]

_REF_FORBIDDEN = re.compile(r"[^A-Za-z0-9._/+-]")


def check_git_branch(value: str) -> str:
    """A branch name that ``git check-ref-format --branch`` accepts and a URL path can hold.

    Git's rules: no component starting with '.' or ending with '.lock', no '..', no '@{', not
    '@', no leading or trailing '/', no '//', not ending with '.', not starting with '-', no
    control characters, spaces, ``~ ^ : ? * [`` and backslashes.  Because the name is put into every edit
    link, we also keep to ASCII letters, digits and ``. _ - / +``.
    """
    name = value.strip()
    reason: Msg | None = None
    bad = _REF_FORBIDDEN.search(name)
    if not name:
        reason = Msg("branch.empty")
    elif bad:
        char = bad.group(0)
        reason = Msg("branch.space") if char.isspace() else Msg("branch.char", char=char)
    elif name == "@" or "@{" in name:
        reason = Msg("branch.at")
    elif ".." in name or "//" in name:
        reason = Msg("branch.dots")
    elif name.startswith(("/", "-")) or name.endswith(("/", ".")):
        reason = Msg("branch.ends")
    elif any(part.startswith(".") or part.endswith(".lock") for part in name.split("/")):
        reason = Msg("branch.part")
    if reason is not None:
        shown = value if len(value) <= 40 else value[:37] + "…"
        raise FieldError("sai-ten-nhanh", {"value": shown, "reason": reason})
    return name


GitBranch = Annotated[
    str,
    AfterValidator(check_git_branch),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z0-9._+][A-Za-z0-9._/+-]*$"}),
]


def check_email(value: str) -> str:
    """A plausible address (syntax only: no network look-up), normalised by email-validator."""
    try:
        checked = email_validator.validate_email(value.strip(), check_deliverability=False)
    except email_validator.EmailNotValidError:
        shown = value if len(value) <= 60 else value[:57] + "…"
        raise FieldError("sai-email", {"value": shown}) from None
    return str(checked.normalized)


Email = Annotated[
    str, AfterValidator(check_email), WithJsonSchema({"type": "string", "format": "email"})
]

#: Fields whose value is Markdown (sanitized when rendered); every other string is plain text.
MARKDOWN_FIELDS = frozenset({"description", "body", "conditions", "bio"})

#: Keys that hold private data; refused anywhere in a record, in English and Vietnamese spellings.
PRIVACY_KEYS = frozenset(
    {
        "birth_date",
        "birthdate",
        "date_of_birth",
        "dob",
        "birthday",
        "phone",
        "phone_number",
        "telephone",
        "mobile",
        "email",
        "e_mail",
        "id_number",
        "national_id",
        "identity_number",
        "passport",
        "address",
        "home_address",
        "ngay_sinh",
        "nam_sinh",
        "sinh_ngay",
        "so_dien_thoai",
        "dien_thoai",
        "sdt",
        "dt",
        "di_dong",
        "cccd",
        "so_cccd",
        "cmnd",
        "so_cmnd",
        "can_cuoc",
        "can_cuoc_cong_dan",
        "dia_chi",
        "noi_o",
        "thuong_tru",
        "que_quan",
    }
)


#: Text fields that are public by nature (addresses of web pages, decision numbers, file
#: names, the editors' own contact address): not searched for phone numbers, e-mail
#: addresses or ID numbers, which free text fields are.
NOT_PERSONAL_FIELDS = frozenset(
    {
        "base_url",
        "confidential",
        "contact_email",
        "data_license",
        "decision_number",
        "edit_branch",
        "images",
        "logo",
        "photo",
        "photos",
        "redirect_from",
        "repo_url",
        "share_image",
        "url",
        "website",
    }
)


class Strict(BaseModel):
    # NaN and infinities mean nothing in a record and break the number formatting downstream.
    model_config = ConfigDict(
        extra="forbid", frozen=True, coerce_numbers_to_str=True, allow_inf_nan=False
    )


class Source(Strict):
    """Where a reported number comes from."""

    title: Text = Field(description="Tên nguồn: tên bài báo, báo cáo hoặc văn bản.")
    url: Url | None = Field(
        default=None, description="Địa chỉ trang nguồn (https://…), nếu có bản trực tuyến."
    )
    date: Date | None = Field(default=None, description="Ngày đăng hoặc ngày ban hành của nguồn.")
    publisher: str | None = Field(
        default=None, description="Cơ quan hoặc tờ báo công bố nguồn (ví dụ: Báo Lao Động)."
    )


class AlternativeFigure(Strict):
    value: float = Field(
        ge=0, le=MAX_VND, description="Số liệu khác cho cùng chỉ tiêu, theo một nguồn khác."
    )
    source: Source = Field(description="Nguồn của số liệu khác này.")
    note: str | None = Field(default=None, description="Ghi chú về sự khác biệt (không bắt buộc).")


class Figure(Strict):
    """A reported number, always with its source."""

    key: Id = Field(
        description="Mã chỉ tiêu, dùng để so sánh với mục tiêu hoặc đưa lên trang chủ (ví dụ: so-sang-kien)."
    )
    label: Text = Field(description="Tên chỉ tiêu hiển thị, ví dụ: “Số sáng kiến đăng ký”.")
    value: float = Field(
        ge=0, le=MAX_VND, description="Giá trị của chỉ tiêu (số, không có dấu phân cách)."
    )
    unit: Literal["count", "vnd", "percent"] = Field(
        default="count",
        description="Đơn vị: `count` (số lượng), `vnd` (tiền, đồng), `percent` (phần trăm).",
    )
    noun: str | None = Field(
        default=None,
        description="Danh từ đi sau số khi hiển thị, ví dụ “sáng kiến”, “đoàn viên”.",
    )
    approximate: StrictBool = Field(
        default=False, description="Đặt `true` nếu nguồn ghi “hơn”, “trên”, “khoảng”."
    )
    as_of: Date | None = Field(default=None, description="Số liệu tính đến ngày nào.")
    phase: Id | None = Field(
        default=None, description="Mã giai đoạn của chương trình mà số liệu thuộc về."
    )
    toward_target: StrictBool = Field(
        default=False,
        description="Đặt `true` nếu số liệu này được tính vào tiến độ so với mục tiêu của giai đoạn.",
    )
    source: Source = Field(description="Nguồn của số liệu (bắt buộc: mọi con số phải có nguồn).")
    scope: Literal["toan-quoc", "cap-tinh", "cap-don-vi"] | None = Field(
        default=None,
        description=(
            "Phạm vi của số liệu: `toan-quoc` (cả nước), `cap-tinh` (một tỉnh, thành phố) "
            "hoặc `cap-don-vi` (một đơn vị). Bỏ trống thì suy ra từ đơn vị tổ chức chương trình, "
            "sự kiện công bố số liệu."
        ),
    )
    alternatives: list[AlternativeFigure] = Field(
        default_factory=list,
        description="Số liệu khác cho cùng chỉ tiêu từ nguồn khác; hiển thị kèm nguồn.",
    )


class Term(Strict):
    name: Text = Field(description="Tên hiển thị của mục trong danh mục.")
    description: str | None = Field(default=None, description="Giải thích ngắn (không bắt buộc).")


class Taxonomies(Strict):
    """content/taxonomies.yml: the controlled vocabularies."""

    fields: dict[Id, Term] = Field(description="Lĩnh vực áp dụng sáng kiến: mã → tên.")
    initiative_types: dict[Id, Term] = Field(
        description="Loại sáng kiến: giải pháp kỹ thuật, quản lý, tác nghiệp, ứng dụng tiến bộ kỹ thuật."
    )
    award_forms: dict[Id, Term] = Field(
        description="Hình thức khen thưởng: bằng khen, giấy khen, cờ thi đua…"
    )
    recognition_levels: dict[Id, Term] = Field(
        description="Cấp công nhận sáng kiến: cơ sở, tỉnh/ngành, toàn quốc."
    )
    unit_kinds: dict[Id, Term] = Field(
        description="Loại đơn vị: tổng liên đoàn, liên đoàn lao động tỉnh, công đoàn ngành, công đoàn cơ sở…"
    )
    statuses: dict[Id, Term] = Field(
        description="Tình trạng sáng kiến: đang xem xét, hợp lệ, được công nhận."
    )


class FigureRef(Strict):
    campaign: Id | None = Field(default=None, description="Mã chương trình chứa số liệu.")
    event: Id | None = Field(default=None, description="Mã sự kiện chứa số liệu.")
    figure: Id = Field(description="Mã chỉ tiêu (trường `key` của số liệu).")

    @model_validator(mode="after")
    def _one_owner(self) -> FigureRef:
        if (self.campaign is None) == (self.event is None):
            found = Msg("found.both" if self.campaign is not None else "found.neither")
            raise FieldError("chon-mot", {"fields": ["'campaign'", "'event'"], "found": found})
        return self


class Palette(Strict):
    primary: PrimaryColour = Field(
        default="indigo",
        description='Màu chính: tên màu của Material (indigo, red, teal…) hoặc mã màu "#1565c0".',
    )
    accent: AccentColour = Field(
        default="amber",
        description='Màu nhấn: tên màu nhấn của Material (amber, teal…) hoặc mã màu "#ffab00".',
    )


class SiteConfig(Strict):
    """content/site.yml: the site as a whole."""

    title: Text = Field(description="Tên trang web, hiện ở đầu mọi trang.")
    tagline: str | None = Field(default=None, description="Khẩu hiệu ngắn dưới tên trang.")
    base_url: BaseUrl = Field(
        description="Địa chỉ gốc nơi trang được công bố, có thể có đường dẫn con (https://example.org/sang-kien/). "
        "Được chuẩn hoá một lần: tên miền viết thường, luôn kết thúc bằng một dấu /."
    )
    organisation: Text = Field(description="Tên tổ chức chịu trách nhiệm nội dung.")
    organisation_unit: Id | None = Field(
        default=None, description="Mã đơn vị (trong units/) của tổ chức chịu trách nhiệm."
    )
    description: str | None = Field(
        default=None,
        description="Mô tả trang web (Markdown), hiện trên trang chủ và trong thẻ chia sẻ.",
    )
    logo: str | None = Field(default=None, description="Đường dẫn logo trong `media/`.")
    share_image: str | None = Field(
        default=None, description="Ảnh mặc định khi chia sẻ trang lên mạng xã hội (trong `media/`)."
    )
    palette: Palette = Field(default_factory=Palette, description="Màu sắc giao diện.")
    dark_mode: StrictBool = Field(default=True, description="Cho phép người xem chuyển chế độ tối.")
    repo_url: Url | None = Field(
        default=None,
        description="Địa chỉ kho mã nguồn; khi có, mỗi trang hồ sơ có liên kết “Sửa hồ sơ này”.",
    )
    edit_branch: GitBranch = Field(
        default="main", description="Nhánh git dùng cho liên kết sửa hồ sơ (ví dụ main)."
    )
    contact_email: Email | None = Field(
        default=None,
        description="Email liên hệ của ban biên tập (email công vụ, không phải cá nhân).",
    )
    data_license: str = Field(
        default="CC BY 4.0",
        description="Giấy phép của dữ liệu mở, ví dụ “CC BY 4.0”.",
    )
    featured_initiatives: list[Id] = Field(
        default_factory=list, description="Các sáng kiến tiêu biểu hiện trên trang chủ."
    )
    headline_figures: list[FigureRef] = Field(
        default_factory=list,
        description="Các số liệu nổi bật trên trang chủ, lấy từ chương trình hoặc sự kiện.",
    )
    home_campaigns: list[Id] = Field(
        default_factory=list,
        description="Các chương trình hiện tiến độ trên trang chủ (mặc định: tất cả).",
    )
    latest_awards: int = Field(
        default=5,
        ge=0,
        le=50,
        description="Số quyết định khen thưởng mới nhất hiện trên trang chủ.",
    )


class RecordBase(Strict):
    example: StrictBool = Field(
        default=False,
        description="Đặt `true` cho hồ sơ minh họa (tên, chi tiết được đặt ra); trang sẽ ghi rõ là ví dụ.",
    )
    confidential: list[str] = Field(
        default_factory=list,
        description="Danh sách các trường không bao giờ được công bố (vẫn lưu trong tệp).",
    )
    redirect_from: list[Id] = Field(
        default_factory=list,
        description="Các mã cũ của hồ sơ; địa chỉ cũ sẽ tự chuyển đến trang mới.",
    )


class Phase(Strict):
    key: Id = Field(description="Mã giai đoạn, ví dụ `giai-doan-1`.")
    name: Text = Field(description="Tên giai đoạn.")
    start: Date = Field(description="Ngày bắt đầu tính sáng kiến của giai đoạn.")
    end: Date = Field(description="Ngày kết thúc giai đoạn.")
    target: Count | None = Field(default=None, description="Chỉ tiêu số sáng kiến của giai đoạn.")
    description: Markdown | None = Field(default=None, description="Mô tả giai đoạn (Markdown).")


class Campaign(RecordBase):
    """campaigns/<id>.yml: a programme such as “1 triệu sáng kiến”."""

    title: Text = Field(description="Tên chương trình.")
    short_name: str | None = Field(default=None, description="Tên ngắn dùng trong danh sách.")
    organiser: Id = Field(description="Mã đơn vị phát động (trong units/).")
    start: Date = Field(description="Ngày phát động.")
    end: Date | None = Field(default=None, description="Ngày kết thúc (nếu có).")
    summary: str | None = Field(default=None, description="Tóm tắt một đoạn (văn bản thường).")
    description: Markdown | None = Field(
        default=None, description="Giới thiệu chương trình (Markdown)."
    )
    website: Url | None = Field(default=None, description="Trang thông tin chính thức (https://…).")
    phases: list[Phase] = Field(default_factory=list, description="Các giai đoạn và chỉ tiêu.")
    figures: list[Figure] = Field(
        default_factory=list,
        description="Số liệu đã công bố của chương trình, mỗi số liệu kèm nguồn (có thể gắn với một giai đoạn qua `phase`).",
    )


class Unit(RecordBase):
    """units/<id>.yml: an organisation."""

    name: Text = Field(description="Tên đầy đủ của đơn vị.")
    short_name: str | None = Field(default=None, description="Tên viết tắt hoặc tên ngắn.")
    kind: UnitKindCode = Field(
        description="Loại đơn vị, một mã trong `unit_kinds` của taxonomies.yml."
    )
    parent: Id | None = Field(default=None, description="Mã đơn vị cấp trên.")
    province: str | None = Field(default=None, description="Tỉnh, thành phố.")
    website: Url | None = Field(default=None, description="Trang web của đơn vị (https://…).")
    logo: str | None = Field(default=None, description="Logo trong `media/`.")
    description: Markdown | None = Field(default=None, description="Giới thiệu đơn vị (Markdown).")


class Person(RecordBase):
    """people/<id>.yml: an individual."""

    name: Text = Field(description="Họ và tên đầy đủ, có dấu.")
    job_title: str | None = Field(default=None, description="Chức vụ, chức danh.")
    unit: Id | None = Field(default=None, description="Mã đơn vị công tác.")
    photo: str | None = Field(
        default=None, description="Ảnh chân dung trong `media/` (đã được đồng ý)."
    )
    bio: Markdown | None = Field(default=None, description="Giới thiệu ngắn (Markdown).")
    publish: StrictBool = Field(
        default=True,
        description="Đặt `false` để không tạo trang riêng: chỉ hiện họ tên trong các danh sách.",
    )


class PersonOrName(Strict):
    person: Id | None = Field(default=None, description="Mã người (trong people/).")
    name: str | None = Field(
        default=None, description="Họ và tên, khi người này không có hồ sơ riêng."
    )

    @model_validator(mode="after")
    def _one_of(self) -> PersonOrName:
        if (self.person is None) == (self.name is None or not self.name.strip()):
            found = Msg("found.both" if self.person is not None else "found.neither")
            raise FieldError("chon-mot", {"fields": ["'person'", "'name'"], "found": found})
        return self


class Author(PersonOrName):
    share: float | None = Field(
        default=None, gt=0, le=100, description="Tỷ lệ % đóng góp vào sáng kiến."
    )
    role: str | None = Field(default=None, description="Vai trò (ví dụ: chủ nhiệm, đồng tác giả).")


class Recognition(Strict):
    by: Id = Field(description="Mã đơn vị công nhận sáng kiến.")
    level: RecognitionLevelCode = Field(
        description="Cấp công nhận, một mã trong `recognition_levels`."
    )
    date: Date | None = Field(default=None, description="Ngày công nhận.")
    decision_number: str | None = Field(default=None, description="Số quyết định công nhận.")


class Initiative(RecordBase):
    """initiatives/<year>/<id>.yml: an initiative (sáng kiến)."""

    title: Text = Field(description="Tên sáng kiến.")
    authors: list[Author] = Field(
        min_length=1,
        description="Tác giả: `person` (mã) hoặc `name` (họ tên), kèm `share` (% đóng góp).",
    )
    unit: Id = Field(description="Mã đơn vị nơi áp dụng sáng kiến.")
    owner: Id | None = Field(default=None, description="Mã đơn vị là chủ đầu tư tạo ra sáng kiến.")
    field: FieldCode = Field(
        description="Lĩnh vực áp dụng, một mã trong `fields` của taxonomies.yml."
    )
    type: InitiativeTypeCode = Field(description="Loại sáng kiến, một mã trong `initiative_types`.")
    campaign: Id | None = Field(default=None, description="Mã chương trình mà sáng kiến tham gia.")
    phase: Id | None = Field(default=None, description="Mã giai đoạn của chương trình.")
    first_applied: Date | None = Field(
        default=None, description="Ngày áp dụng lần đầu hoặc áp dụng thử."
    )
    recognition: Recognition | None = Field(default=None, description="Việc công nhận sáng kiến.")
    status: StatusCode = Field(description="Tình trạng, một mã trong `statuses`.")
    benefit_vnd: Money | None = Field(
        default=None, description="Giá trị làm lợi, số nguyên đồng (ví dụ 120000000)."
    )
    summary: Text = Field(description="Tóm tắt hiệu quả: một đoạn văn bản thường.")
    description: Markdown | None = Field(
        default=None, description="Mô tả bản chất của sáng kiến (Markdown)."
    )
    conditions: Markdown | None = Field(
        default=None, description="Điều kiện cần thiết để áp dụng (Markdown)."
    )
    tags: list[Text] = Field(default_factory=list, description="Từ khóa tự do.")
    images: list[str] = Field(default_factory=list, description="Ảnh minh họa trong `media/`.")


class Recipient(Strict):
    person: Id | None = Field(default=None, description="Cá nhân được khen (mã người).")
    unit: Id | None = Field(default=None, description="Tập thể được khen (mã đơn vị).")
    group: list[str] | None = Field(
        default=None,
        description="Nhóm tác giả: danh sách mã người hoặc họ tên của người không có hồ sơ.",
    )
    name: str | None = Field(default=None, description="Họ tên cá nhân không có hồ sơ riêng.")
    initiative: Id | None = Field(default=None, description="Sáng kiến được khen (mã).")
    citation: str | None = Field(
        default=None, description="Thành tích được khen, như ghi trong quyết định."
    )
    job_title: str | None = Field(
        default=None, description="Chức vụ ghi trong danh sách khen thưởng."
    )

    @model_validator(mode="after")
    def _one_of(self) -> Recipient:
        given = [k for k in ("person", "unit", "group", "name") if getattr(self, k)]
        if len(given) != 1:
            found = (
                Msg("found.these", fields=[repr(k) for k in given]) if given else Msg("found.none")
            )
            fields = ["'person'", "'unit'", "'group'", "'name'"]
            raise FieldError("chon-mot", {"fields": fields, "found": found})
        return self


class Award(RecordBase):
    """awards/<id>.yml: one award decision or ceremony list."""

    title: Text = Field(description="Tiêu đề, ví dụ “Bằng khen của LĐLĐ tỉnh Thanh Hóa năm 2022”.")
    form: AwardFormCode = Field(description="Hình thức khen thưởng, một mã trong `award_forms`.")
    issuer: Id = Field(description="Mã đơn vị ra quyết định khen thưởng.")
    decision_number: str | None = Field(
        default=None, description="Số quyết định, ví dụ 123/QĐ-LĐLĐ."
    )
    date: Date = Field(description="Ngày ký quyết định hoặc ngày trao.")
    event: Id | None = Field(default=None, description="Sự kiện nơi trao khen thưởng (mã).")
    campaign: Id | None = Field(default=None, description="Chương trình liên quan (mã).")
    summary: str | None = Field(default=None, description="Tóm tắt một đoạn (văn bản thường).")
    description: Markdown | None = Field(default=None, description="Nội dung chi tiết (Markdown).")
    recipients: list[Recipient] = Field(
        min_length=1, description="Danh sách tập thể, cá nhân, nhóm tác giả được khen."
    )


class ProgrammeItem(Strict):
    speaker: str | None = Field(
        default=None, description="Người trình bày: mã người (trong people/) hoặc họ tên."
    )
    unit: Id | None = Field(default=None, description="Đơn vị của người trình bày (mã).")
    topic: Text = Field(description="Chủ đề chia sẻ.")
    summary: str | None = Field(default=None, description="Tóm tắt nội dung chia sẻ.")
    initiative: Id | None = Field(default=None, description="Sáng kiến được giới thiệu (mã).")


class Event(RecordBase):
    """events/<id>.yml: an event such as “Điểm hẹn sáng kiến 2022”."""

    title: Text = Field(description="Tên sự kiện.")
    date: Date = Field(description="Ngày diễn ra.")
    end_date: Date | None = Field(
        default=None, description="Ngày kết thúc, nếu kéo dài nhiều ngày."
    )
    place: str | None = Field(default=None, description="Địa điểm tổ chức.")
    province: str | None = Field(default=None, description="Tỉnh, thành phố.")
    organiser: Id = Field(description="Mã đơn vị tổ chức.")
    campaign: Id | None = Field(default=None, description="Chương trình liên quan (mã).")
    phase: Id | None = Field(default=None, description="Giai đoạn của chương trình (mã).")
    summary: str | None = Field(default=None, description="Tóm tắt một đoạn (văn bản thường).")
    description: Markdown | None = Field(default=None, description="Nội dung chi tiết (Markdown).")
    figures: list[Figure] = Field(
        default_factory=list, description="Số liệu công bố tại sự kiện, mỗi số liệu kèm nguồn."
    )
    photos: list[str] = Field(default_factory=list, description="Ảnh sự kiện trong `media/`.")
    programme: list[ProgrammeItem] = Field(
        default_factory=list, description="Chương trình: các tham luận, kinh nghiệm được chia sẻ."
    )


class HandPageFront(Strict):
    """The front matter of a hand-written page, content/pages/<slug>.md.

    Deliberately small: the page's body is Markdown and its look is the site's; theme
    switches such as ``template`` are refused so that a page cannot pick another template.
    """

    title: Text | None = Field(
        default=None,
        description="Tiêu đề trang (hiện ở đầu trang, trên thanh tiêu đề). Có thể bỏ nếu nội dung mở đầu bằng dòng `# Tiêu đề`.",
    )
    description: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)] | None = (
        Field(
            default=None,
            description="Mô tả ngắn (tối đa 300 ký tự) cho máy tìm kiếm và thẻ chia sẻ; văn bản thường.",
        )
    )
    hide: list[Literal["navigation", "toc", "footer"]] = Field(
        default_factory=list,
        description="Ẩn các phần của khung trang: `navigation` (mục lục trái), `toc` (mục lục phải), `footer` (chân trang).",
    )


#: The single files of content/: kind name → (file name, model).
SINGLE_FILES: dict[str, tuple[str, type[Strict]]] = {
    "site": ("site.yml", SiteConfig),
    "taxonomies": ("taxonomies.yml", Taxonomies),
}


#: The Vietnamese name of every field, shown by editors' tools (the JSON Schemas' ``title``:
#: VS Code's hover and completion) and in the guide.  ``"Model.field"`` entries name a
#: field whose meaning differs in that model.  tests/test_schema.py checks every field has one.
FIELD_TITLES: dict[str, str] = {
    "accent": "Màu nhấn",
    "alternatives": "Số liệu khác",
    "approximate": "Số gần đúng",
    "as_of": "Tính đến ngày",
    "authors": "Tác giả",
    "award_forms": "Hình thức khen thưởng",
    "base_url": "Địa chỉ trang web",
    "benefit_vnd": "Giá trị làm lợi (đồng)",
    "bio": "Giới thiệu",
    "by": "Đơn vị công nhận",
    "campaign": "Chương trình",
    "citation": "Thành tích",
    "conditions": "Điều kiện áp dụng",
    "confidential": "Trường bảo mật",
    "contact_email": "Email liên hệ",
    "dark_mode": "Chế độ tối",
    "data_license": "Giấy phép dữ liệu",
    "date": "Ngày",
    "Award.date": "Ngày quyết định",
    "Event.date": "Ngày diễn ra",
    "Recognition.date": "Ngày công nhận",
    "Source.date": "Ngày của nguồn",
    "decision_number": "Số quyết định",
    "description": "Mô tả",
    "edit_branch": "Nhánh git để sửa",
    "end": "Ngày kết thúc",
    "end_date": "Ngày kết thúc",
    "event": "Sự kiện",
    "example": "Hồ sơ minh hoạ",
    "featured_initiatives": "Sáng kiến tiêu biểu",
    "field": "Lĩnh vực",
    "fields": "Lĩnh vực",
    "figure": "Chỉ tiêu",
    "figures": "Số liệu",
    "first_applied": "Ngày áp dụng lần đầu",
    "form": "Hình thức khen thưởng",
    "group": "Nhóm tác giả",
    "headline_figures": "Số liệu nổi bật",
    "hide": "Ẩn phần khung trang",
    "home_campaigns": "Chương trình trên trang chủ",
    "images": "Ảnh minh hoạ",
    "initiative": "Sáng kiến",
    "initiative_types": "Loại sáng kiến",
    "issuer": "Đơn vị ra quyết định",
    "job_title": "Chức vụ",
    "key": "Mã",
    "Figure.key": "Mã chỉ tiêu",
    "Phase.key": "Mã giai đoạn",
    "kind": "Loại đơn vị",
    "label": "Tên chỉ tiêu",
    "latest_awards": "Số khen thưởng mới nhất",
    "level": "Cấp công nhận",
    "logo": "Logo",
    "name": "Tên",
    "Person.name": "Họ và tên",
    "Author.name": "Họ và tên",
    "Recipient.name": "Họ và tên",
    "Unit.name": "Tên đơn vị",
    "Phase.name": "Tên giai đoạn",
    "Term.name": "Tên hiển thị",
    "note": "Ghi chú",
    "noun": "Danh từ đi kèm",
    "organisation": "Tổ chức",
    "organisation_unit": "Đơn vị chủ quản",
    "organiser": "Đơn vị tổ chức",
    "Campaign.organiser": "Đơn vị phát động",
    "owner": "Chủ đầu tư",
    "palette": "Màu sắc",
    "parent": "Đơn vị cấp trên",
    "person": "Người",
    "phase": "Giai đoạn",
    "phases": "Các giai đoạn",
    "photo": "Ảnh chân dung",
    "photos": "Ảnh",
    "place": "Địa điểm",
    "primary": "Màu chính",
    "programme": "Chương trình sự kiện",
    "province": "Tỉnh, thành phố",
    "publish": "Có trang riêng",
    "publisher": "Cơ quan công bố",
    "recipients": "Người, tập thể được khen",
    "recognition": "Công nhận",
    "recognition_levels": "Cấp công nhận",
    "redirect_from": "Mã cũ",
    "repo_url": "Kho mã nguồn",
    "role": "Vai trò",
    "share": "Tỷ lệ đóng góp (%)",
    "share_image": "Ảnh chia sẻ",
    "short_name": "Tên ngắn",
    "source": "Nguồn",
    "speaker": "Người trình bày",
    "start": "Ngày bắt đầu",
    "Campaign.start": "Ngày phát động",
    "status": "Tình trạng",
    "statuses": "Tình trạng",
    "summary": "Tóm tắt",
    "tagline": "Khẩu hiệu",
    "tags": "Từ khoá",
    "target": "Chỉ tiêu",
    "title": "Tên",
    "Award.title": "Tiêu đề",
    "HandPageFront.title": "Tiêu đề trang",
    "Source.title": "Tên nguồn",
    "SiteConfig.title": "Tên trang web",
    "scope": "Phạm vi",
    "topic": "Chủ đề",
    "toward_target": "Tính vào tiến độ",
    "type": "Loại sáng kiến",
    "unit": "Đơn vị",
    "Figure.unit": "Đơn vị đo",
    "Recipient.unit": "Tập thể",
    "unit_kinds": "Loại đơn vị",
    "url": "Địa chỉ web",
    "value": "Giá trị",
    "website": "Trang web",
}


def field_title(model: type[BaseModel], name: str) -> str:
    """The Vietnamese name of ``model``'s field ``name`` (see FIELD_TITLES)."""
    return FIELD_TITLES.get(f"{model.__name__}.{name}") or FIELD_TITLES[name]
