"""Synthetic content for benchmarks: N valid records of every kind, in realistic Vietnamese.

Usage::

    python scripts/synth.py OUT_DIR --records 1000 --seed 1

writes a complete content folder (``OUT_DIR/site.yml``, ``taxonomies.yml``,
``campaigns/``, ``units/``, ``people/``, ``initiatives/<year>/``, ``awards/``,
``events/``, ``pages/``, ``media/``) that ``python -m generator validate OUT_DIR``
accepts with zero errors.  It starts from a copy of the repository's
``content/site.yml``, ``taxonomies.yml``, the real campaign, the hand-written pages
and the media, and adds synthetic records in roughly the proportions of a real
site: 55 % initiatives, 25 % people, 8 % units, 7 % awards, 3 % events, one
campaign.

The text is assembled from word lists of real Vietnamese vocabulary about
initiatives (sáng kiến), unions and enterprises, provinces and people's names, so
that a search index sees a realistic distribution of words: ``sáng kiến`` occurs on
every record page, province names and field names on many, and
:data:`RARE_WORD` in exactly one record (:attr:`SynthReport.rare_record`).

The output depends only on ``records`` and ``seed``.  Importable::

    from scripts.synth import generate_content   # or load the file by path
    report = generate_content(Path("/tmp/content"), records=1000, seed=1)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO / "content"

#: A word that occurs in exactly one record (an initiative's description).
RARE_WORD = "khuônđúcđặcbiệt"
#: A phrase present on every record page.
COMMON_PHRASE = "sáng kiến"

CAMPAIGN_ID = "1-trieu-sang-kien"
ROOT_UNIT = "tong-ldld-viet-nam"
YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
#: Dates inside each phase of the real campaign (content/campaigns/1-trieu-sang-kien.yml).
PHASES = (
    ("giai-doan-1", dt.date(2021, 9, 1), dt.date(2022, 5, 31)),
    ("giai-doan-2", dt.date(2022, 6, 1), dt.date(2023, 9, 30)),
)
CAMPAIGN_START, CAMPAIGN_END = dt.date(2021, 9, 1), dt.date(2023, 9, 30)

# --------------------------------------------------------------------------- vocabulary

SURNAMES = (
    ("Nguyễn", 30),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 3),
    ("Phan", 3),
    ("Vũ", 3),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
    ("Trịnh", 1),
    ("Đinh", 1),
    ("Mai", 1),
    ("Lương", 1),
    ("Đào", 1),
    ("Cao", 1),
)
MALE_MIDDLE = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Đình", "Xuân", "Thanh", "Ngọc", "Bá")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Hoài", "Minh", "Phương")
MALE_GIVEN = (
    "An",
    "Bảo",
    "Cường",
    "Dũng",
    "Đạt",
    "Đức",
    "Hải",
    "Hiếu",
    "Hoàng",
    "Hùng",
    "Huy",
    "Khang",
    "Khoa",
    "Long",
    "Lâm",
    "Nam",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quang",
    "Quân",
    "Sơn",
    "Tài",
    "Thắng",
    "Thành",
    "Thịnh",
    "Toàn",
    "Trung",
    "Tuấn",
    "Tùng",
    "Việt",
    "Vinh",
)
FEMALE_GIVEN = (
    "Anh",
    "Châu",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hiền",
    "Hoa",
    "Hồng",
    "Huyền",
    "Hương",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "My",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phương",
    "Quyên",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Tuyết",
    "Vân",
    "Xuân",
    "Yến",
)

#: Province → weight; Thanh Hóa and Đà Nẵng carry most of the records, like the sample site.
PROVINCES = (
    ("Thanh Hóa", 30),
    ("Đà Nẵng", 14),
    ("Hà Nội", 8),
    ("Thành phố Hồ Chí Minh", 8),
    ("Nghệ An", 5),
    ("Hải Phòng", 4),
    ("Quảng Ninh", 4),
    ("Bắc Ninh", 3),
    ("Bình Dương", 3),
    ("Đồng Nai", 3),
    ("Cần Thơ", 2),
    ("Thừa Thiên Huế", 2),
    ("Quảng Nam", 2),
    ("Khánh Hòa", 2),
    ("Lâm Đồng", 1),
    ("Đắk Lắk", 1),
    ("Thái Nguyên", 1),
    ("Nam Định", 1),
    ("Hà Tĩnh", 1),
    ("Quảng Bình", 1),
    ("Ninh Bình", 1),
    ("Long An", 1),
    ("An Giang", 1),
    ("Vĩnh Phúc", 1),
)
DISTRICTS = {
    "Thanh Hóa": (
        "Hoằng Hóa",
        "Quảng Xương",
        "Thọ Xuân",
        "Nông Cống",
        "Hậu Lộc",
        "Nga Sơn",
        "Vĩnh Lộc",
        "Yên Định",
        "Triệu Sơn",
        "Thiệu Hóa",
        "Đông Sơn",
        "Như Thanh",
    ),
    "Đà Nẵng": (
        "Hải Châu",
        "Sơn Trà",
        "Liên Chiểu",
        "Thanh Khê",
        "Ngũ Hành Sơn",
        "Cẩm Lệ",
        "Hòa Vang",
    ),
    "Hà Nội": ("Đông Anh", "Gia Lâm", "Sóc Sơn", "Thanh Trì", "Ba Vì", "Mê Linh", "Chương Mỹ"),
    "Thành phố Hồ Chí Minh": ("Bình Chánh", "Củ Chi", "Hóc Môn", "Nhà Bè", "Thủ Đức"),
    "Nghệ An": ("Diễn Châu", "Quỳnh Lưu", "Nghi Lộc", "Đô Lương", "Yên Thành"),
    "Hải Phòng": ("Thủy Nguyên", "An Dương", "Kiến Thụy", "Tiên Lãng"),
    "Quảng Ninh": ("Đông Triều", "Quảng Yên", "Vân Đồn", "Tiên Yên"),
}
PLACES = (
    "Sông Mã",
    "Hàm Rồng",
    "Lam Sơn",
    "Nghi Sơn",
    "Bỉm Sơn",
    "Sầm Sơn",
    "Hải Vân",
    "Sơn Trà",
    "Hòa Khánh",
    "Tiên Sa",
    "Trường Sơn",
    "Hồng Hà",
    "Cửu Long",
    "Bạch Đằng",
    "Hạ Long",
    "Tràng An",
    "Thăng Long",
    "Tây Đô",
    "Kim Liên",
    "Sông Lam",
    "Bến Thủy",
    "Hoàng Mai",
    "Đông Hà",
    "Vạn Xuân",
    "Phú Bài",
    "Hòa Cầm",
    "Điện Nam",
    "Liên Chiểu",
    "Quảng Phú",
    "Đông Xanh",
    "Hồng Lĩnh",
    "Tam Điệp",
    "Yên Bình",
    "Tân Phú",
    "An Khánh",
    "Đồng Tiến",
    "Thành Công",
    "Hưng Thịnh",
    "Phú Sơn",
    "Hạc Thành",
)
SCHOOL_NAMES = (
    "Lê Lợi",
    "Nguyễn Trãi",
    "Trần Phú",
    "Lam Sơn",
    "Đào Duy Từ",
    "Lê Quý Đôn",
    "Phan Chu Trinh",
    "Nguyễn Du",
    "Chu Văn An",
    "Quang Trung",
    "Hàm Rồng",
    "Bình Minh",
)

#: Field key of taxonomies.yml → things an initiative in that field improves.
FIELD_OBJECTS: dict[str, tuple[str, ...]] = {
    "chuyen-doi-so": (
        "quản lý hồ sơ đoàn viên",
        "chấm công bằng nhận diện khuôn mặt",
        "bản đồ số công đoàn cơ sở",
        "cổng thông tin nội bộ",
        "ký số văn bản",
        "cơ sở dữ liệu người lao động",
        "ứng dụng tra cứu chế độ chính sách",
        "quản lý tài sản bằng mã QR",
        "sổ tay điện tử",
        "họp trực tuyến",
        "bảng điều khiển số liệu sản xuất",
        "lưu trữ hồ sơ trên nền tảng đám mây",
        "phần mềm quản lý kho vật tư",
    ),
    "san-xuat-cong-nghiep": (
        "đồ gá định vị máy phay CNC",
        "hệ thống làm mát ghi lò nung clinker",
        "băng tải cấp liệu",
        "khuôn ép nhựa",
        "máy cắt tôn",
        "dây chuyền đóng bao xi măng",
        "máy hàn bán tự động",
        "cơ cấu kẹp phôi",
        "hệ thống bôi trơn tập trung",
        "máy dập nguội",
        "bộ đếm sản phẩm tự động",
        "bàn là hơi dây chuyền may",
        "máy mài dao cắt",
    ),
    "giao-duc": (
        "dạy học theo dự án",
        "câu lạc bộ STEM",
        "ngân hàng câu hỏi trắc nghiệm",
        "học liệu điện tử môn Toán",
        "mô hình thí nghiệm Vật lý",
        "sổ liên lạc điện tử",
        "xếp thời khóa biểu",
        "phòng học bộ môn Tin học",
        "dạy học trực tuyến",
        "giáo dục kỹ năng sống",
        "đào tạo nghề cho lao động nông thôn",
        "thư viện thân thiện",
    ),
    "y-te": (
        "phân luồng người bệnh",
        "tiệt khuẩn dụng cụ phẫu thuật",
        "chăm sóc người bệnh sau phẫu thuật",
        "gọi số khám bệnh",
        "quản lý kho thuốc",
        "hồ sơ bệnh án điện tử",
        "xe đẩy cấp phát thuốc",
        "buồng cách ly áp lực âm",
        "theo dõi người bệnh tại nhà",
        "lấy mẫu xét nghiệm",
        "cấp cứu ngoại viện",
    ),
    "hanh-chinh": (
        "tiếp nhận hồ sơ kết nạp đoàn viên",
        "bộ phận một cửa",
        "cấp giấy xác nhận",
        "lưu trữ văn bản",
        "giải quyết đơn thư",
        "mẫu báo cáo thống kê",
        "quản lý công văn đi và đến",
        "trả kết quả thủ tục hành chính",
        "khảo sát sự hài lòng",
        "quy chế phối hợp",
    ),
    "nong-nghiep": (
        "tưới nhỏ giọt",
        "chuồng trại chăn nuôi",
        "máy gieo hạt",
        "sấy nông sản",
        "phân bón hữu cơ vi sinh",
        "nhà màng trồng rau",
        "truy xuất nguồn gốc nông sản",
        "bảo quản lúa giống",
        "nuôi tôm tuần hoàn",
        "ươm cây giống",
    ),
    "xay-dung": (
        "giàn giáo",
        "cốp pha",
        "giám sát an toàn lao động",
        "trộn bê tông",
        "cẩu tháp",
        "chống thấm mái",
        "bản vẽ thi công",
        "đổ bê tông sàn",
        "lắp dựng kết cấu thép",
        "đo đạc công trình",
    ),
    "dien-nang": (
        "cân pha tự động lưới hạ áp",
        "điện mặt trời áp mái",
        "công tơ điện tử",
        "tụ bù",
        "trạm biến áp",
        "chiếu sáng tiết kiệm điện",
        "cảnh báo quá tải máy biến áp",
        "sửa chữa đường dây không cắt điện",
        "thu thập dữ liệu công tơ từ xa",
        "tiếp địa trạm biến áp",
    ),
    "moi-truong": (
        "tận dụng nhiệt khí thải lò nung",
        "xử lý nước thải",
        "phân loại rác tại nguồn",
        "tái chế bao bì",
        "xử lý bụi",
        "tuần hoàn nước làm mát",
        "giảm tiêu hao than",
        "ủ phân từ phụ phẩm nông nghiệp",
        "thu gom dầu thải",
    ),
    "tai-chinh-ke-toan": (
        "quản lý tài chính công đoàn cơ sở",
        "thu kinh phí công đoàn",
        "quyết toán tài chính",
        "hóa đơn điện tử",
        "đối soát công nợ",
        "sổ quỹ điện tử",
        "lập dự toán",
        "kiểm kê tài sản",
        "thanh toán không dùng tiền mặt",
    ),
}
FIELD_WEIGHTS = {
    "chuyen-doi-so": 16,
    "san-xuat-cong-nghiep": 18,
    "giao-duc": 14,
    "y-te": 10,
    "hanh-chinh": 10,
    "nong-nghiep": 8,
    "xay-dung": 6,
    "dien-nang": 7,
    "moi-truong": 6,
    "tai-chinh-ke-toan": 5,
}
TITLE_ACTIONS = (
    "Cải tiến",
    "Đổi mới",
    "Ứng dụng công nghệ trong",
    "Số hóa",
    "Tự động hóa",
    "Nâng cao hiệu quả",
    "Tối ưu hóa",
    "Xây dựng mô hình",
    "Hợp lý hóa",
    "Giải pháp",
    "Chế tạo thiết bị hỗ trợ",
    "Quy trình mới cho",
    "Phương pháp",
)
TITLE_CONTEXTS = (
    "",
    "",
    "",
    " trong mùa dịch",
    " cho người lao động",
    " quy mô nhỏ",
    " bằng vật liệu sẵn có",
    " theo hướng tiết kiệm",
    " trên nền tảng số",
)

#: Organisation templates: (name template, short prefix, fields the organisation works in).
ORGANISATIONS = (
    ("Công ty Cổ phần Xi măng {place}", "Xi măng", ("san-xuat-cong-nghiep", "moi-truong")),
    ("Công ty Điện lực {place}", "Điện lực", ("dien-nang", "chuyen-doi-so")),
    ("Bệnh viện Đa khoa {place}", "BVĐK", ("y-te", "chuyen-doi-so")),
    ("Trung tâm Y tế huyện {district}", "TTYT", ("y-te", "hanh-chinh")),
    ("Trường THPT {school}", "THPT", ("giao-duc", "chuyen-doi-so")),
    ("Trường THCS {school}", "THCS", ("giao-duc",)),
    ("Trường Cao đẳng Kỹ thuật {place}", "CĐKT", ("giao-duc", "san-xuat-cong-nghiep")),
    ("Hợp tác xã Nông nghiệp {place}", "HTX", ("nong-nghiep", "moi-truong")),
    ("Công ty TNHH May {place}", "May", ("san-xuat-cong-nghiep", "tai-chinh-ke-toan")),
    ("Công ty Cơ khí Chính xác {place}", "Cơ khí", ("san-xuat-cong-nghiep",)),
    ("Công ty Cổ phần Xây dựng {place}", "Xây dựng", ("xay-dung", "san-xuat-cong-nghiep")),
    ("Công ty Môi trường Đô thị {place}", "Môi trường", ("moi-truong", "hanh-chinh")),
    ("Ủy ban nhân dân xã {place}", "UBND xã", ("hanh-chinh", "chuyen-doi-so")),
    ("Chi cục Thuế khu vực {place}", "Chi cục Thuế", ("tai-chinh-ke-toan", "hanh-chinh")),
    ("Trung tâm Thông tin Dữ liệu {place}", "TT Dữ liệu", ("chuyen-doi-so", "hanh-chinh")),
)
SECTORS = (
    ("Y tế", ("y-te",)),
    ("Giáo dục", ("giao-duc",)),
    ("Công Thương", ("san-xuat-cong-nghiep", "dien-nang")),
    ("Xây dựng", ("xay-dung",)),
    ("Nông nghiệp và Phát triển nông thôn", ("nong-nghiep",)),
)
JOB_TITLES: dict[str, tuple[str, ...]] = {
    "chuyen-doi-so": ("Kỹ sư công nghệ thông tin", "Chuyên viên chuyển đổi số", "Lập trình viên"),
    "san-xuat-cong-nghiep": (
        "Kỹ sư cơ điện",
        "Công nhân vận hành",
        "Tổ trưởng sản xuất",
        "Phó Quản đốc phân xưởng",
        "Thợ cơ khí bậc 6",
    ),
    "giao-duc": ("Giáo viên Toán", "Giáo viên Vật lý", "Tổ trưởng chuyên môn", "Phó Hiệu trưởng"),
    "y-te": ("Điều dưỡng trưởng khoa", "Bác sĩ", "Kỹ thuật viên xét nghiệm", "Dược sĩ"),
    "hanh-chinh": ("Chuyên viên", "Văn thư", "Trưởng phòng Tổ chức – Hành chính"),
    "nong-nghiep": ("Kỹ sư nông nghiệp", "Giám đốc Hợp tác xã", "Cán bộ khuyến nông"),
    "xay-dung": ("Kỹ sư xây dựng", "Đội trưởng thi công", "Cán bộ an toàn lao động"),
    "dien-nang": ("Kỹ sư điện", "Trưởng ca vận hành lưới điện", "Công nhân quản lý vận hành"),
    "moi-truong": ("Kỹ sư môi trường", "Công nhân vệ sinh môi trường", "Trưởng ca xử lý nước thải"),
    "tai-chinh-ke-toan": ("Kế toán viên", "Kế toán trưởng", "Chủ tịch công đoàn cơ sở"),
}

PROBLEMS = (
    "công việc làm thủ công, mất nhiều thời gian và dễ sai sót",
    "thiết bị thường xuyên hỏng hóc, phải dừng máy để sửa chữa",
    "số liệu nằm rải rác ở nhiều sổ sách, khó tổng hợp và báo cáo",
    "người lao động phải đi lại nhiều lần để hoàn thành một thủ tục",
    "chi phí vật tư, nhiên liệu cao so với mặt bằng chung của ngành",
    "an toàn lao động chưa được bảo đảm ở một số công đoạn",
    "hồ sơ giấy dễ thất lạc và khó tra cứu khi cần",
)
#: Problems that belong to one field only (used in addition to PROBLEMS).
FIELD_PROBLEMS: dict[str, tuple[str, ...]] = {
    "san-xuat-cong-nghiep": (
        "chất lượng sản phẩm không đồng đều giữa các ca làm việc",
        "môi trường làm việc nóng, bụi, ảnh hưởng đến sức khỏe công nhân",
    ),
    "giao-duc": (
        "học sinh ít hứng thú với bài học lý thuyết",
        "giáo viên mất nhiều thời gian soạn đề",
    ),
    "y-te": (
        "người bệnh phải chờ đợi lâu tại khu khám bệnh",
        "điều dưỡng phải ghi chép tay nhiều lần",
    ),
    "dien-nang": ("tổn thất điện năng trên lưới hạ áp vượt chỉ tiêu được giao",),
    "nong-nghiep": (
        "năng suất cây trồng phụ thuộc nhiều vào thời tiết",
        "nông dân tưới tiêu theo kinh nghiệm",
    ),
    "xay-dung": ("công trường thường xuyên phải chờ vật liệu",),
    "moi-truong": ("lượng chất thải phát sinh lớn, chi phí xử lý cao",),
    "hanh-chinh": ("thủ tục phải qua nhiều khâu trung gian",),
    "tai-chinh-ke-toan": ("việc đối chiếu số liệu cuối kỳ kéo dài nhiều ngày",),
    "chuyen-doi-so": ("dữ liệu được nhập lại nhiều lần trên các phần mềm khác nhau",),
}
STEPS = (
    "khảo sát thực tế tại {unit} và lấy ý kiến của người lao động trực tiếp làm việc",
    "thiết kế lại {object} với chi phí vật tư thấp, dễ chế tạo tại xưởng",
    "lập trình bộ điều khiển để {object} tự vận hành theo ca",
    "xây dựng biểu mẫu điện tử thống nhất cho toàn đơn vị",
    "gắn mã QR lên từng thiết bị để tra cứu lý lịch và lịch bảo dưỡng",
    "tổ chức tập huấn cho tổ trưởng, tổ phó và đoàn viên công đoàn",
    "chạy thử trong ba tháng, đo đạc và hiệu chỉnh thông số",
    "chuẩn hóa quy trình thành tài liệu hướng dẫn có hình ảnh minh họa",
    "phân công người theo dõi, kiểm tra định kỳ hằng tuần",
    "tận dụng vật liệu sẵn có như thép phế liệu, ống nhựa, bảng mạch cũ",
    "kết nối dữ liệu với phần mềm quản lý hiện có của {unit}",
    "nhân rộng sang các tổ, đội khác sau khi được hội đồng sáng kiến đánh giá",
)
EFFECTS = (
    "rút ngắn thời gian xử lý {pct}%",
    "giảm chi phí vật tư khoảng {pct}%",
    "tăng năng suất lao động {pct}%",
    "giảm tỷ lệ sản phẩm lỗi xuống dưới {small}%",
    "giảm thời gian dừng máy {pct}%",
    "tiết kiệm khoảng {kwh} kWh điện mỗi năm",
    "giảm số lần đi lại của người lao động",
    "bảo đảm an toàn cho công nhân vận hành",
    "giảm áp lực công việc cho cán bộ công đoàn",
)
#: Effects that belong to one field only (used in addition to EFFECTS).
FIELD_EFFECTS: dict[str, tuple[str, ...]] = {
    "giao-duc": ("nâng tỷ lệ học sinh đạt yêu cầu lên {big}%", "tăng số học sinh đạt giải {pct}%"),
    "y-te": ("giảm thời gian chờ của người bệnh còn {small} phút", "giảm nguy cơ nhiễm khuẩn"),
    "dien-nang": ("giảm tổn thất điện năng {small}%",),
    "nong-nghiep": ("tăng năng suất cây trồng {pct}%", "giảm lượng nước tưới {pct}%"),
    "hanh-chinh": ("rút ngắn thời gian trả kết quả còn {small} ngày",),
}
BENEFIT_WORDS = (
    "đoàn viên",
    "người lao động",
    "công nhân",
    "viên chức",
    "cán bộ công đoàn",
    "hội đồng sáng kiến",
    "ban chấp hành công đoàn",
)
CONDITIONS = (
    "Đơn vị cần bố trí một người được đào tạo để vận hành và bảo trì {object}.",
    "Có máy tính kết nối mạng và tài khoản trên phần mềm dùng chung.",
    "Kinh phí đầu tư ban đầu khoảng {money}, hoàn vốn trong vòng {months} tháng.",
    "Áp dụng được cho các đơn vị có quy mô từ {workers} người lao động trở lên.",
    "Cần sự thống nhất của ban giám đốc và ban chấp hành công đoàn cơ sở.",
    "Người lao động được hướng dẫn trong một buổi, có tài liệu kèm theo.",
    "Có thể nhân rộng tại các đơn vị cùng ngành ở {province} và các tỉnh lân cận.",
    "Vật tư dễ mua trên thị trường trong nước, không phụ thuộc hàng nhập khẩu.",
)
TAGS = (
    "chuyển đổi số",
    "tiết kiệm năng lượng",
    "an toàn lao động",
    "cải cách hành chính",
    "năng suất lao động",
    "mã QR",
    "tự động hóa",
    "phòng chống dịch",
    "tái chế",
    "đổi mới quy trình",
    "kết nạp đoàn viên",
    "dạy học",
    "chăm sóc người bệnh",
    "bảo vệ môi trường",
    "tiết kiệm vật tư",
    "cơ khí",
    "điện lực",
    "nông nghiệp sạch",
    "công đoàn cơ sở",
    "phần mềm",
)
ROLES = ("đồng tác giả", "đồng tác giả", "thành viên nhóm", "người áp dụng thử")
#: (title template, id template) of events.
EVENT_KINDS = (
    (
        "Điểm hẹn sáng kiến công nhân, viên chức, lao động {province} năm {year}",
        "diem-hen-sang-kien {province} {year}",
    ),
    (
        "Hội nghị sơ kết phong trào thi đua phát huy sáng kiến {province} năm {year}",
        "so-ket-phong-trao-sang-kien {province} {year}",
    ),
    (
        "Diễn đàn sáng kiến ngành {sector} {province} năm {year}",
        "dien-dan-sang-kien {sector} {province} {year}",
    ),
    (
        "Hội thảo chia sẻ kinh nghiệm chuyển đổi số trong công đoàn {province} năm {year}",
        "hoi-thao-chuyen-doi-so {province} {year}",
    ),
    (
        "Lễ tôn vinh sáng kiến tiêu biểu {province} năm {year}",
        "ton-vinh-sang-kien {province} {year}",
    ),
)
EVENT_PLACES = (
    "Hội trường Liên đoàn Lao động tỉnh",
    "Cung Văn hóa Lao động",
    "Trung tâm Hội nghị tỉnh",
    "Nhà văn hóa công nhân khu công nghiệp",
    "Hội trường Ủy ban nhân dân tỉnh",
)
PUBLISHERS = (
    "Báo Lao Động",
    "Báo Người Lao Động",
    "Báo Nhân Dân",
    "Cổng thông tin điện tử Tổng Liên đoàn Lao động Việt Nam",
    "Báo Thanh Hóa",
    "Báo Đà Nẵng",
)
CITATIONS = (
    "Có sáng kiến tiêu biểu mang lại hiệu quả kinh tế cao",
    "Có thành tích xuất sắc trong phong trào thi đua phát huy sáng kiến",
    "Tập thể dẫn đầu phong trào thi đua lao động sáng tạo",
    "Nhóm tác giả sáng kiến được áp dụng rộng rãi",
    "Có sáng kiến góp phần cải cách hành chính trong hoạt động công đoàn",
)


# --------------------------------------------------------------------------- helpers

_D = str.maketrans({"đ": "d", "Đ": "D"})


#: Words a slug should not end on once cut short.
_TRAILING = frozenset(
    {"tai", "cho", "trong", "o", "bang", "theo", "tren", "va", "ve", "cua", "quy"}
)


def slug(text: str, max_chars: int = 60) -> str:
    """Lower-case ASCII slug of Vietnamese text (``Đà Nẵng`` → ``da-nang``), cut at a word."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > max_chars:
            while len(kept) > 1 and kept[-1] in _TRAILING:
                kept.pop()
            break
        kept.append(word)
    return "-".join(kept) or "x"


class Ids:
    """Unique ids per kind: a slug, then ``-2``, ``-3`` … on collision."""

    def __init__(self) -> None:
        self.taken: dict[str, set[str]] = {}
        # The last suffix given per (kind, base): every smaller one is taken for good, so
        # the search resumes there instead of walking 2, 3 … again (quadratic at 50,000).
        self.last: dict[tuple[str, str], int] = {}

    def new(self, kind: str, text: str, max_chars: int = 60) -> str:
        taken = self.taken.setdefault(kind, set())
        base = slug(text, max_chars)
        if base in ("index", "theo-ten", "theo-gia-tri", "theo-so-sang-kien") or re.fullmatch(
            r"trang-\d+", base
        ):
            base += "-1"
        n = self.last.get((kind, base), 1)
        ident = base if n == 1 else f"{base}-{n}"
        while ident in taken:
            n += 1
            ident = f"{base}-{n}"
        taken.add(ident)
        self.last[(kind, base)] = n
        return ident


def weighted(rng: random.Random, pairs: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def sentence(text: str) -> str:
    text = text.strip()
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def thousands(n: int) -> str:
    """12345 → '12.345' (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def money_text(vnd: int) -> str:
    if vnd >= 1_000_000_000:
        return f"{vnd / 1_000_000_000:.1f} tỷ đồng".replace(".", ",")
    return f"{vnd // 1_000_000} triệu đồng"


def split_counts(records: int) -> dict[str, int]:
    """How many records of each kind make ``records`` in total."""
    if records < 12:
        raise ValueError("need at least 12 records (one campaign and some of every kind)")
    counts = {
        "campaign": 1,
        "unit": max(4, round(records * 0.08)),
        "person": max(3, round(records * 0.25)),
        "award": max(1, round(records * 0.07)),
        "event": max(1, round(records * 0.03)),
    }
    counts["initiative"] = records - sum(counts.values())
    if counts["initiative"] < 2:
        raise ValueError("too few records for the required units, people, awards and events")
    return counts


# --------------------------------------------------------------------------- model


@dataclass
class UnitInfo:
    id: str
    name: str
    short: str
    kind: str
    province: str
    parent: str | None
    fields: tuple[str, ...] = ()
    level: int = 0  # 0 root, 1 province, 2 sector/district, 3 organisation/cdcs


@dataclass
class PersonInfo:
    id: str
    name: str
    unit: str
    field: str
    female: bool


@dataclass
class InitiativeInfo:
    id: str
    title: str
    year: int
    date: dt.date
    authors: list[str]  # person ids
    unit: str
    province: str


@dataclass
class EventInfo:
    id: str
    title: str
    date: dt.date
    province: str
    organiser: str


@dataclass
class SynthReport:
    """What :func:`generate_content` wrote."""

    out_dir: Path
    counts: dict[str, int]
    rare_word: str
    rare_record: str
    """``kind/id`` of the one record that contains :attr:`rare_word`."""
    rare_url: str
    """Site path of that record's page (``sang-kien/<id>/``)."""
    sample_initiative: str
    """Site path of an ordinary initiative page, for opening in a browser."""
    files: list[Path] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# --------------------------------------------------------------------------- YAML


# libyaml's emitter when available: the pure-Python one takes minutes for 10,000 files.
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_representer)


def dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    path.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- generator


class _Synth:
    def __init__(self, records: int, seed: int, source: Path) -> None:
        self.rng = random.Random(seed)
        self.counts = split_counts(records)
        self.source = source
        self.ids = Ids()
        self.units: list[UnitInfo] = []
        self.people: list[PersonInfo] = []
        self.initiatives: list[InitiativeInfo] = []
        self.events: list[EventInfo] = []
        self.out: dict[str, dict[str, Any]] = {}  # relative path → data
        self.rare_record = ""
        self.rare_url = ""

    # -- text
    def person_name(self) -> tuple[str, bool]:
        rng = self.rng
        female = rng.random() < 0.45
        surname = weighted(rng, SURNAMES)
        middle = rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE)
        given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        return f"{surname} {middle} {given}", female

    def fill(self, template: str, **extra: str) -> str:
        rng = self.rng
        values = {
            "pct": str(rng.randrange(10, 61)),
            "small": str(rng.randrange(2, 16)),
            "big": str(rng.randrange(70, 99)),
            "kwh": thousands(rng.randrange(5, 300) * 1000),
            "money": money_text(rng.randrange(5, 400) * 1_000_000),
            "months": str(rng.randrange(3, 25)),
            "workers": str(rng.choice((30, 50, 100, 200, 500))),
            "unit": "đơn vị",
            "object": "thiết bị",
            "province": "Thanh Hóa",
        }
        values.update(extra)
        return template.format(**values)

    # -- units
    def add_unit(
        self,
        name: str,
        short: str,
        kind: str,
        province: str,
        parent: str | None,
        fields: tuple[str, ...],
        level: int,
        ident: str | None = None,
    ) -> UnitInfo:
        if ident is None:
            ident = self.ids.new("unit", name if level != 3 else short)
        else:
            self.ids.taken.setdefault("unit", set()).add(ident)
        unit = UnitInfo(ident, name, short, kind, province, parent, fields, level)
        self.units.append(unit)
        return unit

    def make_units(self) -> None:
        rng = self.rng
        total = self.counts["unit"]
        self.add_unit(
            "Tổng Liên đoàn Lao động Việt Nam",
            "Tổng LĐLĐ Việt Nam",
            "tong-lien-doan",
            "Hà Nội",
            None,
            (),
            0,
            ROOT_UNIT,
        )
        n_prov = min(len(PROVINCES), max(2, total // 12))
        # Thanh Hóa (the site's organisation) and Đà Nẵng always come first.
        provinces = [p for p, _ in PROVINCES][:n_prov]
        prov_units: dict[str, UnitInfo] = {}
        for province in provinces:
            kind_word = (
                "thành phố" if province in ("Đà Nẵng", "Hà Nội", "Hải Phòng", "Cần Thơ") else "tỉnh"
            )
            if province == "Thành phố Hồ Chí Minh":
                name, short = f"Liên đoàn Lao động {province}", "LĐLĐ TP Hồ Chí Minh"
            else:
                name, short = f"Liên đoàn Lao động {kind_word} {province}", f"LĐLĐ {province}"
            prov_units[province] = self.add_unit(
                name, short, "ldld-tinh", province, ROOT_UNIT, (), 1, f"ldld-{slug(province)}"
            )
        remaining = total - len(self.units)
        n_mid = max(1, remaining // 5)
        prov_weights = [(p, w) for p, w in PROVINCES if p in prov_units]
        mids: dict[str, list[UnitInfo]] = {p: [] for p in provinces}
        for _ in range(n_mid):
            province = weighted(rng, prov_weights)
            parent = prov_units[province].id
            if rng.random() < 0.5 and province in DISTRICTS:
                district = rng.choice(DISTRICTS[province])
                word = "quận" if province == "Đà Nẵng" and district != "Hòa Vang" else "huyện"
                name = f"Liên đoàn Lao động {word} {district}"
                unit = self.add_unit(
                    name,
                    f"LĐLĐ {word} {district}",
                    "cong-doan-cap-tren-co-so",
                    province,
                    parent,
                    tuple(FIELD_WEIGHTS),
                    2,
                )
            else:
                sector, fields = rng.choice(SECTORS)
                name = f"Công đoàn ngành {sector} {province}"
                unit = self.add_unit(
                    name, f"CĐ ngành {sector}", "cong-doan-nganh", province, parent, fields, 2
                )
            mids[province].append(unit)
        while len(self.units) < total:
            province = weighted(rng, prov_weights)
            template, prefix, fields = rng.choice(ORGANISATIONS)
            if "{district}" in template:
                ending = rng.choice(DISTRICTS.get(province, PLACES))
            elif "{school}" in template:
                ending = rng.choice(SCHOOL_NAMES)
            else:
                ending = rng.choice(PLACES)
            org = template.format(place=ending, district=ending, school=ending)
            parents = (
                [m for m in mids[province] if set(m.fields) & set(fields)]
                or mids[province]
                or [prov_units[province]]
            )
            upper = rng.choice(parents)
            if rng.random() < 0.7:
                self.add_unit(
                    f"Công đoàn cơ sở {org}",
                    f"CĐCS {prefix} {ending}".strip(),
                    "cong-doan-co-so",
                    province,
                    upper.id,
                    fields,
                    3,
                )
            else:
                kind = "doanh-nghiep" if "Công ty" in org or "Hợp tác xã" in org else "co-quan"
                self.add_unit(org, f"{prefix} {ending}".strip(), kind, province, None, fields, 3)
        for unit in self.units:
            self.out[f"units/{unit.id}.yml"] = self.unit_record(unit)

    def unit_record(self, unit: UnitInfo) -> dict[str, Any]:
        rng = self.rng
        data: dict[str, Any] = {"name": unit.name, "short_name": unit.short, "kind": unit.kind}
        if unit.parent:
            data["parent"] = unit.parent
        data["province"] = unit.province
        if unit.level == 3:
            fields = ", ".join(
                self.field_name(f).lower() for f in unit.fields
            )  # e.g. "y tế, chuyển đổi số"
            text = (
                f"Đơn vị tại {unit.province} có phong trào phát huy sáng kiến trong lĩnh vực "
                f"{fields}. Mỗi năm, {rng.choice(BENEFIT_WORDS)} của đơn vị đăng ký hàng chục "
                f"sáng kiến, cải tiến kỹ thuật; nhiều sáng kiến được hội đồng cấp trên công nhận "
                f"và nhân rộng."
            )
        elif unit.level == 2:
            text = (
                f"Công đoàn cấp trên trực tiếp của các công đoàn cơ sở trên địa bàn, hướng dẫn "
                f"đoàn viên tham gia Chương trình “1 triệu sáng kiến” và tổng hợp sáng kiến gửi "
                f"{unit.province}."
            )
        elif unit.level == 1:
            text = f"Tổ chức công đoàn cấp tỉnh của {unit.province}; phát động phong trào sáng kiến trên địa bàn."
        else:
            text = "Tổ chức chính trị – xã hội của giai cấp công nhân và người lao động Việt Nam; phát động Chương trình “1 triệu sáng kiến”."
        data["description"] = text
        return data

    def field_name(self, key: str) -> str:
        return {
            "chuyen-doi-so": "Chuyển đổi số",
            "san-xuat-cong-nghiep": "Sản xuất công nghiệp",
            "giao-duc": "Giáo dục và đào tạo",
            "y-te": "Y tế",
            "hanh-chinh": "Cải cách hành chính",
            "nong-nghiep": "Nông nghiệp",
            "xay-dung": "Xây dựng",
            "dien-nang": "Điện năng",
            "moi-truong": "Môi trường",
            "tai-chinh-ke-toan": "Tài chính – kế toán",
        }.get(key, key)

    # -- people
    def make_people(self) -> None:
        rng = self.rng
        workplaces = [u for u in self.units if u.level == 3] or self.units
        for _ in range(self.counts["person"]):
            name, female = self.person_name()
            unit = rng.choice(workplaces)
            field_key = (
                rng.choice(unit.fields)
                if unit.fields
                else weighted(rng, list(FIELD_WEIGHTS.items()))
            )
            person = PersonInfo(self.ids.new("person", name), name, unit.id, field_key, female)
            self.people.append(person)
            job = rng.choice(JOB_TITLES[field_key])
            pronoun = "Chị" if female else "Anh"
            bio = (
                f"{job} tại {unit.name}. {pronoun} tham gia phong trào thi đua lao động sáng tạo "
                f"từ năm {rng.randrange(2008, 2020)} và là tác giả, đồng tác giả của "
                f"{rng.randrange(1, 9)} sáng kiến về {self.field_name(field_key).lower()}.\n\n"
                f"{sentence(rng.choice(PROBLEMS + FIELD_PROBLEMS.get(field_key, ())))} {pronoun} "
                f"cùng đồng nghiệp đề xuất giải pháp "
                f"**{rng.choice(FIELD_OBJECTS[field_key])}**, được {rng.choice(BENEFIT_WORDS)} "
                f"tại {unit.province} đánh giá cao."
            )
            data: dict[str, Any] = {"name": name, "job_title": job, "unit": unit.id, "bio": bio}
            if rng.random() < 0.03:
                data["publish"] = False
            self.out[f"people/{person.id}.yml"] = data

    # -- initiatives
    def initiative_text(
        self, title: str, obj: str, unit: UnitInfo, field_key: str, rare: bool
    ) -> tuple[str, str, str]:
        rng = self.rng
        unit_label = unit.short or unit.name
        effect_pool = EFFECTS + FIELD_EFFECTS.get(field_key, ()) * 2
        effects = [self.fill(e) for e in rng.sample(effect_pool, 3)]
        problems = rng.sample(PROBLEMS + FIELD_PROBLEMS.get(field_key, ()) * 2, 2)
        summary = " ".join(
            [
                sentence(
                    f"sáng kiến {title[0].lower() + title[1:]} được áp dụng tại {unit.name} "
                    f"({unit.province}), giúp {effects[0]} và {effects[1]}"
                ),
                sentence(
                    f"trước đây {problems[0]}; nay {rng.choice(BENEFIT_WORDS)} chỉ cần "
                    f"thực hiện theo quy trình mới, {effects[2]}"
                ),
                sentence(
                    f"giải pháp đơn giản, chi phí thấp, có thể nhân rộng ở các đơn vị khác trong "
                    f"lĩnh vực {self.field_name(field_key).lower()}"
                ),
            ]
        )
        steps = [
            self.fill(s, unit=unit_label, object=obj)
            for s in rng.sample(STEPS, rng.randrange(3, 5))
        ]
        if rare:
            steps.append(f"chế tạo bộ {RARE_WORD} bằng thép tấm tận dụng, thay cho khuôn mua ngoài")
        description = "\n".join(
            [
                f"**Thực trạng.** {sentence(problems[1])} Nhóm tác giả nhận thấy cần thay đổi "
                f"cách làm đối với khâu {obj}.",
                "",
                "**Nội dung giải pháp:**",
                "",
                *[f"- {s};" for s in steps[:-1]],
                f"- {steps[-1]}.",
                "",
                f"**Hiệu quả.** Sau {rng.randrange(3, 13)} tháng áp dụng, đơn vị "
                f"{self.fill(rng.choice(effect_pool))}; {rng.choice(BENEFIT_WORDS)} đồng tình và chủ "
                f"động đề xuất thêm các cải tiến nhỏ. Sáng kiến được trình bày tại buổi sinh hoạt "
                f"chuyên đề của công đoàn cơ sở ở {unit.province}.",
            ]
        )
        conditions = " ".join(
            self.fill(c, object=obj, province=unit.province)
            for c in rng.sample(CONDITIONS, rng.randrange(2, 4))
        )
        return summary, description, conditions

    def make_initiatives(self) -> None:
        rng = self.rng
        n = self.counts["initiative"]
        rare_index = rng.randrange(n)
        workplaces = [u for u in self.units if u.level >= 2] or self.units
        by_unit: dict[str, list[PersonInfo]] = {}
        for person in self.people:
            by_unit.setdefault(person.unit, []).append(person)
        # Years: growth up to the campaign years, like the real programme.
        year_weights = [(2019, 8), (2020, 11), (2021, 17), (2022, 28), (2023, 24), (2024, 12)]
        field_pairs = list(FIELD_WEIGHTS.items())
        unit_by_id = {u.id: u for u in self.units}
        owners = [u for u in self.units if u.level == 3 and u.kind != "cong-doan-co-so"]
        for index in range(n):
            year = weighted(rng, year_weights)
            applied = random_date(rng, dt.date(year, 1, 1), dt.date(year, 12, 15))
            unit = rng.choice(workplaces)
            field_key = (
                rng.choice(unit.fields)
                if unit.fields and rng.random() < 0.8
                else weighted(rng, field_pairs)
            )
            obj = rng.choice(FIELD_OBJECTS[field_key])
            action = rng.choice(TITLE_ACTIONS)
            title = f"{action} {obj}{rng.choice(TITLE_CONTEXTS)}"
            if rng.random() < 0.35:
                title += f" tại {unit.short}"
            ident = self.ids.new("initiative", title)
            # Authors: mostly people of the unit, else anyone; some without a record.
            pool = by_unit.get(unit.id) or self.people
            n_auth = rng.choices((1, 2, 3, 4), weights=(40, 35, 18, 7))[0]
            chosen: list[PersonInfo] = []
            for _ in range(n_auth):
                person = rng.choice(pool if rng.random() < 0.7 else self.people)
                if person not in chosen:
                    chosen.append(person)
            authors: list[dict[str, Any]] = []
            for k, person in enumerate(chosen):
                entry: dict[str, Any] = {"person": person.id}
                entry["role"] = "chủ nhiệm" if k == 0 and len(chosen) > 1 else rng.choice(ROLES)
                if len(chosen) == 1:
                    entry.pop("role")
                authors.append(entry)
            if rng.random() < 0.15:
                authors.append({"name": self.person_name()[0], "role": "đồng tác giả"})
            if len(authors) > 1 and rng.random() < 0.4:
                base = 100 // len(authors)
                shares = [base] * len(authors)
                shares[0] += 100 - sum(shares)
                for entry, share in zip(authors, shares, strict=True):
                    entry["share"] = share
            status = rng.choices(("cong-nhan", "hop-le", "dang-xem-xet"), weights=(55, 30, 15))[0]
            summary, description, conditions = self.initiative_text(
                title, obj, unit, field_key, index == rare_index
            )
            data: dict[str, Any] = {
                "title": title,
                "authors": authors,
                "unit": unit.id,
            }
            if owners and rng.random() < 0.2:
                data["owner"] = rng.choice(owners).id
            data["field"] = field_key
            data["type"] = rng.choice(
                (
                    "giai-phap-ky-thuat",
                    "giai-phap-ky-thuat",
                    "giai-phap-quan-ly",
                    "giai-phap-tac-nghiep",
                    "ung-dung-tien-bo-ky-thuat",
                )
            )
            for key, start, end in PHASES:
                if start <= applied <= end and rng.random() < 0.85:
                    data["campaign"] = CAMPAIGN_ID
                    data["phase"] = key
            data["first_applied"] = applied
            if status == "cong-nhan":
                chain = []
                current = unit_by_id.get(unit.parent or "")
                while current is not None:
                    chain.append(current)
                    current = unit_by_id.get(current.parent or "")
                by = rng.choice(chain) if chain else unit
                level = {0: "toan-quoc", 1: "tinh-nganh", 2: "tinh-nganh"}.get(by.level, "co-so")
                data["recognition"] = {
                    "by": by.id,
                    "level": level,
                    "date": min(
                        applied + dt.timedelta(days=rng.randrange(30, 200)), dt.date(2024, 12, 20)
                    ),
                    "decision_number": f"{rng.randrange(100, 2000)}/QĐ-{'TLĐ' if by.level == 0 else 'LĐLĐ'}",
                }
            data["status"] = status
            if rng.random() < 0.6:
                data["benefit_vnd"] = rng.randrange(1, 500) * 1_000_000 * rng.choice((1, 1, 1, 10))
            data["summary"] = summary
            data["description"] = description
            data["conditions"] = conditions
            data["tags"] = rng.sample(TAGS, rng.randrange(1, 4))
            rel = f"initiatives/{year}/{ident}.yml"
            self.out[rel] = data
            self.initiatives.append(
                InitiativeInfo(
                    ident, title, year, applied, [p.id for p in chosen], unit.id, unit.province
                )
            )
            if index == rare_index:
                self.rare_record = f"initiative/{ident}"
                self.rare_url = f"sang-kien/{ident}/"

    # -- events
    def make_events(self) -> None:
        rng = self.rng
        provinces = [u for u in self.units if u.level == 1]
        for _ in range(self.counts["event"]):
            organiser = rng.choice(provinces)
            year = rng.choice(YEARS)
            date = random_date(rng, dt.date(year, 3, 1), dt.date(year, 12, 10))
            template, id_template = rng.choice(EVENT_KINDS)
            values = {
                "province": organiser.province,
                "year": year,
                "sector": rng.choice(SECTORS)[0],
            }
            title = template.format(**values)
            ident = self.ids.new("event", id_template.format(**values), 80)
            data: dict[str, Any] = {"title": title, "date": date}
            if rng.random() < 0.3:
                data["end_date"] = date + dt.timedelta(days=1)
            data["place"] = f"{rng.choice(EVENT_PLACES)} {organiser.province}"
            data["province"] = organiser.province
            data["organiser"] = organiser.id
            phase = None
            if CAMPAIGN_START <= date <= CAMPAIGN_END:
                data["campaign"] = CAMPAIGN_ID
                for key, start, end in PHASES:
                    if start <= date <= end:
                        phase = key
                data["phase"] = phase
            count = rng.randrange(500, 200_000)
            data["summary"] = (
                f"{organiser.name} tổ chức để tôn vinh các sáng kiến tiêu biểu năm {year}, "
                f"tạo diễn đàn để tác giả chia sẻ kinh nghiệm và trao khen thưởng cho các tập thể, "
                f"cá nhân có thành tích."
            )
            data["description"] = (
                f"Chương trình có sự tham dự của lãnh đạo {organiser.province} và đại diện "
                f"{rng.choice(BENEFIT_WORDS)} các đơn vị. Năm {year}, toàn tỉnh có "
                f"**{thousands(count)}** sáng kiến được đăng ký."
                + "\n\nCác số liệu dưới đây do ban tổ chức công bố tại sự kiện."
            )
            source = {
                "title": f"{title}: tôn vinh người lao động sáng tạo",
                "publisher": rng.choice(PUBLISHERS),
                "date": date,
            }
            figures: list[dict[str, Any]] = [
                {
                    "key": "so-sang-kien",
                    "label": "Số sáng kiến tham gia",
                    "value": count,
                    "noun": "sáng kiến",
                    "as_of": date,
                    "toward_target": phase is not None,
                    "source": source,
                },
                {
                    "key": "so-doan-vien-tham-gia",
                    "label": "Số đoàn viên tham gia",
                    "value": count * rng.randrange(12, 25) // 10,
                    "noun": "đoàn viên",
                    "as_of": date,
                    "source": source,
                },
                {
                    "key": "gia-tri-lam-loi",
                    "label": "Giá trị làm lợi của các sáng kiến",
                    "value": count * rng.randrange(200, 2000) * 1000,
                    "unit": "vnd",
                    "approximate": True,
                    "as_of": date,
                    "source": source,
                },
            ]
            if phase is not None:
                for figure in figures:
                    figure["phase"] = phase
            data["figures"] = figures
            self.events.append(EventInfo(ident, title, date, organiser.province, organiser.id))
            self.out[f"events/{ident}.yml"] = data

    def add_programmes(self) -> None:
        """Each event's programme: talks by authors of initiatives of the year before."""
        rng = self.rng
        people = {p.id: p for p in self.people}
        for event in self.events:
            data = self.out[f"events/{event.id}.yml"]
            pool = [i for i in self.initiatives if i.date <= event.date and i.authors] or [
                i for i in self.initiatives if i.authors
            ]
            items = []
            for initiative in rng.sample(pool, min(len(pool), rng.randrange(2, 6))):
                speaker = people[initiative.authors[0]]
                item: dict[str, Any] = {
                    "speaker": speaker.id if rng.random() < 0.9 else speaker.name,
                    "unit": initiative.unit,
                    "topic": f"Kinh nghiệm áp dụng sáng kiến “{initiative.title}”",
                    "summary": sentence(
                        f"tác giả chia sẻ cách tổ chức nhóm, {rng.choice(STEPS).format(unit='đơn vị', object='thiết bị')}"
                    ),
                    "initiative": initiative.id,
                }
                items.append(item)
            data["programme"] = items
        # Events come after initiatives in the file order; keep the programme last.

    # -- awards
    def make_awards(self) -> None:
        rng = self.rng
        issuers = [u for u in self.units if u.level <= 2]
        units3 = [u for u in self.units if u.level >= 2]
        forms = {0: "bang-khen-tong-ldld", 1: "bang-khen-ldld-tinh", 2: "giay-khen"}
        people = {p.id: p for p in self.people}
        # Per year, computed once (per award, these scans made the whole run quadratic).
        events_of: dict[int, list[EventInfo]] = {}
        for e in self.events:
            events_of.setdefault(e.date.year, []).append(e)
        recent_of = {
            year: [i for i in self.initiatives if i.year in (year, year - 1)] or self.initiatives
            for year in YEARS
        }
        for _ in range(self.counts["award"]):
            issuer = rng.choice(issuers)
            form = forms[issuer.level]
            if issuer.level == 1 and rng.random() < 0.2:
                form = "co-thi-dua"
            year = rng.choice(YEARS)
            date = random_date(rng, dt.date(year, 1, 15), dt.date(year, 12, 20))
            events = events_of.get(year, [])
            event = rng.choice(events) if events and rng.random() < 0.4 else None
            if event is not None:
                date = event.date
            form_name = {
                "bang-khen-tong-ldld": "Bằng khen của Tổng Liên đoàn",
                "bang-khen-ldld-tinh": f"Bằng khen của {issuer.short}",
                "giay-khen": f"Giấy khen của {issuer.short}",
                "co-thi-dua": f"Cờ thi đua của {issuer.short}",
            }[form]
            title = f"{form_name} về phong trào sáng kiến năm {year}"
            prefix = (
                "bang-khen-tong-ldld"
                if form == "bang-khen-tong-ldld"
                else f"{form.split('-ldld')[0]} {issuer.id}"
            )
            ident = self.ids.new("award", f"{prefix} {year}", 80)
            data: dict[str, Any] = {
                "title": title,
                "form": form,
                "issuer": issuer.id,
                "decision_number": f"{rng.randrange(100, 3000)}/QĐ-{'TLĐ' if issuer.level == 0 else 'LĐLĐ'}",
                "date": date,
            }
            if event is not None:
                data["event"] = event.id
            if CAMPAIGN_START <= date <= CAMPAIGN_END:
                data["campaign"] = CAMPAIGN_ID
            n_rec = rng.randrange(4, 13)
            data["summary"] = (
                f"{form_name} tặng {n_rec} tập thể, cá nhân có sáng kiến tiêu biểu và thành tích "
                f"xuất sắc trong phong trào thi đua lao động sáng tạo năm {year}."
            )
            recent = recent_of[year]
            recipients: list[dict[str, Any]] = []
            kinds = ["unit", "person", "group", "name"]
            if form == "co-thi-dua":
                kinds = ["unit"]
            for k in range(n_rec):
                kind = kinds[k] if k < len(kinds) else rng.choice(kinds)
                initiative = rng.choice(recent)
                if kind == "unit":
                    recipients.append(
                        {
                            "unit": rng.choice(units3).id,
                            "citation": f"{rng.choice(CITATIONS)} năm {year}.",
                        }
                    )
                elif kind == "person" and initiative.authors:
                    person = people[initiative.authors[0]]
                    recipients.append(
                        {
                            "person": person.id,
                            "initiative": initiative.id,
                            "citation": f"Tác giả sáng kiến “{initiative.title}”.",
                        }
                    )
                elif kind == "group" and len(initiative.authors) >= 1:
                    members: list[str] = list(initiative.authors)
                    members.append(self.person_name()[0])
                    recipients.append(
                        {
                            "group": members,
                            "initiative": initiative.id,
                            "citation": "Nhóm tác giả sáng kiến có giá trị làm lợi cao.",
                        }
                    )
                else:
                    recipients.append(
                        {
                            "name": self.person_name()[0],
                            "job_title": rng.choice(JOB_TITLES[rng.choice(list(JOB_TITLES))]),
                            "citation": f"{rng.choice(CITATIONS)}.",
                        }
                    )
            data["recipients"] = recipients
            self.out[f"awards/{ident}.yml"] = data

    # -- single files
    def site_files(self, out_dir: Path) -> None:
        src = self.source
        shutil.copy2(src / "taxonomies.yml", out_dir / "taxonomies.yml")
        campaign = src / "campaigns" / f"{CAMPAIGN_ID}.yml"
        (out_dir / "campaigns").mkdir(parents=True, exist_ok=True)
        shutil.copy2(campaign, out_dir / "campaigns" / campaign.name)
        for folder in ("pages", "media"):
            if (src / folder).is_dir():
                shutil.copytree(src / folder, out_dir / folder, dirs_exist_ok=True)
        site = yaml.safe_load((src / "site.yml").read_text(encoding="utf-8"))
        unit_ids = {u.id for u in self.units}
        if site.get("organisation_unit") not in unit_ids:
            site["organisation_unit"] = "ldld-thanh-hoa"
        recognised = [i.id for i in self.initiatives][:6]
        site["featured_initiatives"] = recognised
        event_keys = {"so-sang-kien", "so-doan-vien-tham-gia", "gia-tri-lam-loi"}
        figures = []
        for ref in site.get("headline_figures", []):
            if "event" in ref:
                if self.events and ref.get("figure") in event_keys:
                    figures.append({"event": self.events[0].id, "figure": ref["figure"]})
            else:
                figures.append(ref)
        site["headline_figures"] = figures
        site["home_campaigns"] = [CAMPAIGN_ID]
        dump(out_dir / "site.yml", site)

    def write(self, out_dir: Path) -> list[Path]:
        written = []
        for rel, data in self.out.items():
            path = out_dir / rel
            dump(path, data)
            written.append(path)
        return written


def generate_content(
    out_dir: Path, *, records: int, seed: int = 1, source: Path = DEFAULT_SOURCE
) -> SynthReport:
    """Write a content folder with ``records`` records in total to ``out_dir``.

    ``out_dir`` must not exist or be empty.  ``source`` is the content folder whose
    site.yml, taxonomies.yml, campaign, pages and media are copied.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} is not empty")
    out_dir.mkdir(parents=True, exist_ok=True)
    synth = _Synth(records, seed, Path(source))
    synth.make_units()
    synth.make_people()
    synth.make_initiatives()
    synth.make_events()
    synth.add_programmes()
    synth.make_awards()
    synth.site_files(out_dir)
    files = synth.write(out_dir)
    counts = {
        "campaign": 1,
        "unit": len(synth.units),
        "person": len(synth.people),
        "initiative": len(synth.initiatives),
        "award": synth.counts["award"],
        "event": len(synth.events),
    }
    plain = [i for i in synth.initiatives if f"initiative/{i.id}" != synth.rare_record]
    return SynthReport(
        out_dir=out_dir,
        counts=counts,
        rare_word=RARE_WORD,
        rare_record=synth.rare_record,
        rare_url=synth.rare_url,
        sample_initiative=f"sang-kien/{plain[len(plain) // 2].id}/",
        files=files,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="content folder to create (must be empty)")
    parser.add_argument("--records", type=int, default=1000, help="records in total (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help="content folder to copy site.yml, taxonomies.yml, the campaign, pages and media from",
    )
    args = parser.parse_args(argv)
    report = generate_content(
        args.out_dir, records=args.records, seed=args.seed, source=args.source
    )
    counts = ", ".join(f"{n} {kind}" for kind, n in report.counts.items())
    print(f"wrote {report.total} records to {report.out_dir}: {counts}")
    print(f"rare word {report.rare_word!r} occurs only in {report.rare_record} ({report.rare_url})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
