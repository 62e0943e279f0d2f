"""The error catalogue: every kind of problem the tools report, explained for editors.

Each entry names a stable code, an example of the message as the CLI prints
it, what it means in Vietnamese and what the editor should do.  The editor's
guide is generated from this table, and a test checks that every code used in
the code base is here and documented.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    example: str
    meaning: str
    fix: str


_ENTRIES = [
    # -- reading files -------------------------------------------------------
    CatalogueEntry(
        "not-utf8",
        "file is not valid UTF-8: byte 0xc3 at offset 41; it may be saved in a legacy Vietnamese encoding (TCVN3/ABC, VNI, Windows-1258)",
        "Tệp không được lưu bằng bảng mã UTF-8. Tệp soạn bằng phông chữ cũ (TCVN3/ABC, VNI) hoặc bảng mã Windows-1258 thường gây lỗi này.",
        "Mở tệp bằng trình soạn thảo (VS Code, Notepad++), chọn “Save with encoding” → UTF-8; hoặc dùng Unikey (Công cụ chuyển mã) để chuyển sang Unicode dựng sẵn.",
    ),
    CatalogueEntry(
        "empty-file",
        "file is empty",
        "Tệp không có nội dung nào.",
        "Điền các trường của hồ sơ, hoặc xóa tệp nếu không dùng; có thể tạo tệp mẫu bằng `showcase new`.",
    ),
    CatalogueEntry(
        "file-too-large",
        "file is 3,145,728 bytes; records are limited to 1,048,576 bytes",
        "Tệp quá lớn so với một hồ sơ thông thường (có thể đã dán nhầm dữ liệu hoặc hình ảnh vào tệp).",
        "Tách nội dung thành nhiều hồ sơ; ảnh đặt trong `content/media/` và chỉ ghi đường dẫn.",
    ),
    CatalogueEntry(
        "yaml-syntax",
        "YAML syntax error: mapping values are not allowed here",
        "Cú pháp YAML sai: thường do thiếu dấu cách sau dấu hai chấm, thụt lề không đều, hoặc chuỗi có dấu hai chấm mà không đặt trong ngoặc kép.",
        "Xem dòng và cột được báo; đặt giá trị có dấu “:” hoặc “#” trong ngoặc kép; thụt lề bằng dấu cách đều nhau (2 dấu cách mỗi cấp).",
    ),
    CatalogueEntry(
        "tab-indent",
        "tab character used for indentation; YAML allows only spaces",
        "Dòng được thụt lề bằng phím Tab. YAML chỉ chấp nhận dấu cách.",
        "Thay các ký tự Tab ở đầu dòng bằng dấu cách (trong VS Code: “Convert Indentation to Spaces”).",
    ),
    CatalogueEntry(
        "duplicate-key",
        "duplicate key 'title' (first defined at line 2)",
        "Một trường được khai báo hai lần trong cùng một hồ sơ; nếu để nguyên, giá trị sau sẽ ghi đè giá trị trước mà không ai hay.",
        "Giữ lại một dòng đúng, xóa dòng còn lại.",
    ),
    CatalogueEntry(
        "not-a-mapping",
        "a record must be a mapping of fields (key: value), not a list",
        "Nội dung tệp không có dạng “tên trường: giá trị”.",
        "Mỗi dòng cấp ngoài cùng phải là `tên_trường: giá trị`; xem mẫu bằng `showcase new`.",
    ),
    CatalogueEntry(
        "multiple-documents",
        "file holds 2 YAML documents; put one record in each file",
        "Tệp chứa nhiều tài liệu YAML (ngăn cách bởi `---`).",
        "Mỗi hồ sơ một tệp: tách phần sau dấu `---` ra tệp mới.",
    ),
    CatalogueEntry(
        "alias-limit",
        "too many YAML aliases (over 100); anchors and aliases are limited",
        "Tệp dùng quá nhiều tham chiếu YAML (`&` và `*`), có thể là tệp độc hại nhằm làm treo máy.",
        "Viết trực tiếp các giá trị thay vì dùng `&`/`*`.",
    ),
    CatalogueEntry(
        "unsupported-tag",
        "YAML tag '!!python/object' is not allowed",
        "Tệp dùng thẻ YAML đặc biệt (bắt đầu bằng `!`) không được hỗ trợ.",
        "Xóa thẻ, chỉ ghi giá trị thông thường.",
    ),
    CatalogueEntry(
        "non-string-key",
        "keys must be field names (text), not a list or mapping",
        "Tên trường phải là chữ.",
        "Sửa lại tên trường theo hướng dẫn các trường bên dưới.",
    ),
    CatalogueEntry(
        "too-deep",
        "dữ liệu lồng nhau quá 32 cấp (danh sách trong danh sách, nhóm trường trong nhóm trường); …",
        "Tệp có danh sách hoặc nhóm trường lồng vào nhau quá nhiều cấp. Hồ sơ thật chỉ cần vài cấp, nên đây là lỗi thụt lề, dấu ngoặc `[` `{` không đóng, hoặc tệp cố ý làm treo công cụ.",
        "Kiểm tra thụt lề (mỗi cấp 2 dấu cách) và các dấu ngoặc `[` `{` từ dòng được báo; so với mẫu tạo bằng `showcase new`.",
    ),
    CatalogueEntry(
        "too-many-values",
        "tệp có hơn 50.000 giá trị; một hồ sơ không cần nhiều như vậy: tách danh sách thành nhiều tệp",
        "Tệp chứa quá nhiều giá trị cho một hồ sơ (ví dụ danh sách khen thưởng hàng chục nghìn người trong một tệp).",
        "Tách thành nhiều tệp, ví dụ mỗi quyết định khen thưởng một tệp. Danh sách vài nghìn người vẫn đọc được bình thường.",
    ),
    CatalogueEntry(
        "not-regular-file",
        "đây là một liên kết tượng trưng (symlink) trỏ ra chỗ khác; thư mục nội dung chỉ được chứa tệp thường và thư mục thường, …",
        "Trong thư mục `content/` có liên kết tượng trưng (symlink), tệp thiết bị, ống dẫn (FIFO), socket, hoặc một thư mục mang tên như tệp hồ sơ (`x.yml`, `x.md`). Công cụ không đọc, không sao chép các mục này, để không ai có thể đưa tệp của máy chủ (như `/etc/passwd`) lên trang web qua một liên kết.",
        "Thay liên kết bằng chính tệp (chép nội dung vào), xoá tệp đặc biệt, hoặc đổi tên thư mục cho không kết thúc bằng `.yml`/`.md`.",
    ),
    CatalogueEntry(
        "front-matter",
        "phần khai báo (front matter) mở bằng --- ở dòng 1 nhưng không có dòng --- đóng lại; …",
        "Phần khai báo (front matter) của trang viết tay (`content/pages/*.md`) nằm giữa hai dòng `---` ở đầu tệp; nó thiếu dòng đóng, hoặc trang không có tiêu đề.",
        "Viết ở đầu tệp: dòng `---`, dòng `title: Tiêu đề trang` (có thể thêm `description:`, `hide:`), rồi dòng `---`; nội dung Markdown viết sau đó.",
    ),
    CatalogueEntry(
        "invisible-char",
        "đã xoá 1 ký tự vô hình hoặc ký tự điều khiển (U+200B ZERO WIDTH SPACE) khỏi giá trị; …",
        "Giá trị có ký tự không nhìn thấy (khoảng trắng rộng 0, dấu hướng chữ, ký tự điều khiển), thường lẫn vào khi dán chữ từ PDF, Word hoặc ứng dụng nhắn tin. Công cụ đã tự xoá chúng vì chúng làm sai tìm kiếm và so sánh tên.",
        "Không bắt buộc sửa; nên xoá ký tự trong tệp để tệp khớp với nội dung được công bố (trong VS Code, bật “Render Control Characters” để thấy chúng).",
    ),
    CatalogueEntry(
        "bidi-control",
        "giá trị có ký tự điều khiển hướng chữ U+202E RIGHT-TO-LEFT OVERRIDE: nó đảo thứ tự chữ khi hiển thị, …",
        "Giá trị có ký tự điều khiển hướng chữ (U+202A–202E, U+2066–2069). Ký tự này đảo thứ tự các chữ khi hiển thị, nên chữ thấy trên màn hình khác với chữ thật sự trong tệp; đây là một cách đánh lừa người duyệt. Công cụ không tự xoá vì không biết thứ tự nào là đúng.",
        "Xoá ký tự này (trong VS Code, bật “Render Control Characters” để thấy nó) rồi gõ lại đoạn chữ cho đúng thứ tự.",
    ),
    CatalogueEntry(
        "number-notation",
        "số 0123 có chữ số 0 ở đầu; được đọc là 123 (YAML cũ đọc thành 83 theo hệ bát phân); nên viết 123",
        "Số được viết theo cách YAML hiểu khác với thông thường (chữ số 0 ở đầu, dấu gạch dưới `1_000`, tiền tố `0x`, dạng giờ `12:30:00`). Thông báo nói rõ số đã được đọc thành bao nhiêu.",
        "Viết số bằng chữ số thường, không có chữ số 0 ở đầu, không dấu cách, dấu chấm, dấu gạch dưới: `benefit_vnd: 1000000`.",
    ),
    CatalogueEntry(
        "personal-data",
        "có thể là dữ liệu cá nhân: số điện thoại 091…78; …",
        "Trong văn bản tự do (tóm tắt, thành tích, mô tả…) có chuỗi giống số điện thoại, địa chỉ email hoặc số CMND/CCCD. Dữ liệu cá nhân không được công bố trên trang.",
        "Nếu đó là thông tin của một người, xoá khỏi tệp. Nếu là thông tin công khai của cơ quan (đường dây nóng, email của ban biên tập), có thể bỏ qua cảnh báo.",
    ),
    CatalogueEntry(
        "unlikely-date",
        "ngày 1/1/1 trước năm 1945: có lẽ năm bị gõ nhầm; kiểm tra lại",
        "Ngày quá xa trong quá khứ (trước năm 1945) hoặc sau hôm nay hơn một năm, thường do gõ nhầm năm.",
        "Kiểm tra lại ngày; nếu ngày đúng (ví dụ kế hoạch nhiều năm) thì bỏ qua cảnh báo.",
    ),
    # -- file names and ids --------------------------------------------------
    CatalogueEntry(
        "bad-id",
        "file name 'Sang Kien.yml' is not a valid id: use lowercase ASCII letters, digits and hyphens, e.g. 'sang-kien'",
        "Tên tệp cũng là mã hồ sơ và là một phần địa chỉ trang, nên chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối.",
        "Đổi tên tệp theo gợi ý, ví dụ `so-hoa-ho-so-doan-vien.yml`; nhớ sửa các hồ sơ khác đang tham chiếu mã cũ (và thêm `redirect_from` nếu trang đã được công bố).",
    ),
    CatalogueEntry(
        "duplicate-id",
        "id 'nguyen-van-a' is already used by content/people/nguyen-van-a.yml",
        "Hai hồ sơ cùng loại có cùng mã.",
        "Đổi tên một trong hai tệp (ví dụ thêm tên đơn vị: `nguyen-van-a-dien-luc`).",
    ),
    CatalogueEntry(
        "bad-location",
        "initiatives must be stored as content/initiatives/<year>/<id>.yml",
        "Tệp được đặt sai thư mục.",
        "Chuyển tệp vào đúng thư mục của loại hồ sơ (sáng kiến đặt trong thư mục năm, ví dụ `content/initiatives/2022/`).",
    ),
    CatalogueEntry(
        "unknown-file",
        "file is not part of any kind of record; expected under campaigns/, units/, people/, initiatives/, awards/, events/",
        "Tệp YAML nằm ở chỗ công cụ không đọc.",
        "Chuyển tệp vào thư mục đúng loại hồ sơ, hoặc xóa nếu không dùng.",
    ),
    # -- fields --------------------------------------------------------------
    CatalogueEntry(
        "unknown-field",
        "unknown field 'titel'; did you mean 'title'?",
        "Tên trường không có trong mẫu của loại hồ sơ này (thường do gõ sai).",
        "Sửa tên trường theo gợi ý “did you mean”, hoặc xem danh sách trường ở hướng dẫn.",
    ),
    CatalogueEntry(
        "missing-field",
        "missing required field 'title'",
        "Thiếu một trường bắt buộc.",
        "Thêm trường được báo; xem ý nghĩa trường trong phần danh sách trường.",
    ),
    CatalogueEntry(
        "wrong-type",
        "expected a whole number, got 'hai trăm'",
        "Giá trị không đúng kiểu: ví dụ chữ ở chỗ cần số, một giá trị ở chỗ cần danh sách.",
        "Ghi lại giá trị theo kiểu được nêu trong thông báo (số viết liền không dấu chấm, danh sách bắt đầu bằng `- `).",
    ),
    CatalogueEntry(
        "bad-date",
        "'31/2/2022' is not a valid date; write YYYY-MM-DD (2022-06-29) or D/M/YYYY (29/6/2022)",
        "Ngày không tồn tại hoặc viết sai định dạng.",
        "Ghi ngày dạng `2022-06-29` hoặc `29/6/2022`, kiểm tra ngày có thật.",
    ),
    CatalogueEntry(
        "date-order",
        "phase ends (2022-05-31) before it starts (2022-09-01)",
        "Ngày kết thúc sớm hơn ngày bắt đầu.",
        "Kiểm tra lại hai ngày; có thể đã đổi chỗ ngày và tháng.",
    ),
    CatalogueEntry(
        "future-date",
        "first_applied 2031-01-01 is in the future",
        "Ngày áp dụng lần đầu nằm trong tương lai.",
        "Sửa lại ngày đã áp dụng thực tế hoặc áp dụng thử.",
    ),
    CatalogueEntry(
        "bad-value",
        "value must be 0 or more",
        "Giá trị nằm ngoài khoảng cho phép (ví dụ số âm, chuỗi rỗng).",
        "Sửa giá trị theo yêu cầu trong thông báo.",
    ),
    CatalogueEntry(
        "bad-url",
        "'javascript:alert(1)' không phải địa chỉ web hợp lệ: chỉ nhận địa chỉ http:// hoặc https://, …",
        "Trường địa chỉ web (`website`, `url` của nguồn, `repo_url`, `base_url`) phải là địa chỉ đầy đủ bắt đầu bằng `https://` hoặc `http://`, không có dấu cách, dấu nháy, dấu `<` `>` hay cú pháp Markdown.",
        "Mở trang trong trình duyệt, sao chép địa chỉ trên thanh địa chỉ và dán vào (ví dụ `https://thanhhoa.gov.vn/tin-tuc`).",
    ),
    CatalogueEntry(
        "bad-colour",
        "'đỏ' không phải màu chính của Material. Dùng một trong: red, pink, …; hoặc mã màu dạng \"#1565c0\"",
        "Màu giao diện (`palette.primary`, `palette.accent` trong `site.yml`) phải là tên màu tiếng Anh của Material (màu nhấn có ít lựa chọn hơn màu chính) hoặc mã màu 6 chữ số hệ 16.",
        'Chọn một tên màu trong danh sách của thông báo, hoặc ghi mã màu trong ngoặc kép: `primary: "#1565c0"` (không có ngoặc kép, phần sau dấu `#` bị YAML coi là chú thích).',
    ),
    CatalogueEntry(
        "bad-branch",
        "'main\"><svg' không phải tên nhánh git hợp lệ: có ký tự '\"'; …",
        "`edit_branch` trong `site.yml` phải là tên nhánh git hợp lệ, vì nó được ghép vào liên kết “Sửa hồ sơ này” trên mọi trang.",
        "Ghi đúng tên nhánh của kho nội dung, thường là `main`; chỉ dùng chữ cái không dấu, chữ số và `. _ - / +`.",
    ),
    CatalogueEntry(
        "bad-email",
        "'bientap@' không phải địa chỉ email hợp lệ; ghi dạng bientap@ldld.thanhhoa.vn",
        "`contact_email` không có dạng một địa chỉ email.",
        "Ghi địa chỉ email công vụ của ban biên tập, dạng `ten@ten-mien.vn`.",
    ),
    CatalogueEntry(
        "unknown-term",
        "unknown field key 'chuyen-doi-so-x' in taxonomies.yml fields; did you mean 'chuyen-doi-so'?",
        "Giá trị phải là một mã trong danh mục `content/taxonomies.yml` (lĩnh vực, loại sáng kiến, hình thức khen thưởng…).",
        "Dùng đúng mã trong danh mục, hoặc bổ sung mã mới vào `taxonomies.yml`.",
    ),
    CatalogueEntry(
        "unknown-reference",
        "unknown person 'le-van-a'",
        "Mã hồ sơ được tham chiếu (người, đơn vị, sáng kiến, sự kiện, chương trình) không tồn tại.",
        'Sửa mã cho đúng tên tệp của hồ sơ (không có `.yml`), hoặc tạo hồ sơ đó bằng `showcase new`. Với người không có hồ sơ riêng, ghi `name: "Họ và tên"`.',
    ),
    CatalogueEntry(
        "reference-cycle",
        "unit 'a' is its own ancestor through parent: a → b → a",
        "Đơn vị cấp trên tạo thành vòng lặp.",
        "Kiểm tra trường `parent` của các đơn vị được nêu.",
    ),
    CatalogueEntry(
        "shares-sum",
        "author shares add up to 90, not 100",
        "Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%.",
        "Sửa tỷ lệ `share` của các tác giả cho tổng bằng 100, hoặc bỏ hết `share` nếu không có số liệu.",
    ),
    CatalogueEntry(
        "one-of",
        "give exactly one of 'person', 'unit', 'group' or 'name' (found 'person' and 'unit')",
        "Mỗi mục phải chọn đúng một cách ghi (ví dụ người có hồ sơ `person`, hoặc chỉ ghi tên `name`).",
        "Giữ lại một trong các trường được nêu.",
    ),
    CatalogueEntry(
        "privacy",
        "field 'phone' holds private data and is never published; remove it",
        "Dữ liệu cá nhân (ngày sinh, số điện thoại, email, số CCCD/CMND, địa chỉ) không được đưa vào trang công khai.",
        "Xóa trường này khỏi tệp. Thông tin cá nhân lưu ở hồ sơ nội bộ của công đoàn, không lưu trong kho nội dung.",
    ),
    CatalogueEntry(
        "confidential-field",
        "'title' cannot be confidential: it is required",
        "Trường bắt buộc (như tên) không thể đưa vào danh sách `confidential`.",
        "Bỏ trường này khỏi `confidential`, hoặc đặt `publish: false` cho cả hồ sơ người.",
    ),
    CatalogueEntry(
        "unpublished-reference",
        "person 'x' has publish: false; their page does not exist",
        "Hồ sơ được tham chiếu đặt `publish: false` nên không có trang riêng để liên kết.",
        "Không cần sửa nếu đúng ý; chỉ tên người sẽ hiện trong danh sách.",
    ),
    CatalogueEntry(
        "unsafe-markdown",
        "Markdown in 'description' contains HTML that will be removed: <script>",
        "Trường Markdown chứa mã HTML không an toàn (script, style, thuộc tính sự kiện, liên kết `javascript:`); phần đó sẽ bị loại bỏ khi xuất bản.",
        "Xóa mã HTML, chỉ dùng định dạng Markdown (in đậm `**…**`, danh sách `- …`, liên kết `[chữ](https://…)`).",
    ),
    CatalogueEntry(
        "missing-media",
        "image 'media/anh.jpg' not found under content/",
        "Ảnh được khai báo không có trong thư mục `content/media/`.",
        "Chép ảnh vào `content/media/` và ghi đường dẫn dạng `media/ten-anh.jpg`.",
    ),
    CatalogueEntry(
        "image-unreadable",
        "media/anh.jpg: file is not a JPEG, PNG, WebP, GIF or SVG image",
        "Tệp ảnh mà hồ sơ khai báo không đọc được: hỏng, lưu dở, hoặc không phải ảnh JPEG, PNG, WebP, GIF, SVG (lỗi này do lệnh `showcase build` báo, khi xử lý ảnh).",
        "Mở ảnh trên máy để kiểm tra, xuất lại dưới dạng JPEG hoặc PNG rồi chép đè vào `content/media/`.",
    ),
    CatalogueEntry(
        "image-too-large",
        "media/anh.jpg: image is 12000×9000 pixels; images are limited to 60,000,000 pixels",
        "Ảnh quá lớn (dung lượng trên 40 MB hoặc trên 60 triệu điểm ảnh) nên không được xử lý.",
        "Thu nhỏ ảnh (chiều rộng 2.000–4.000 điểm ảnh là đủ cho trang web) rồi chép đè vào `content/media/`.",
    ),
    CatalogueEntry(
        "redirect-clash",
        "redirect_from 'cu' clashes with the id of another record",
        "Mã cũ khai báo trong `redirect_from` trùng với mã đang dùng hoặc với một chuyển hướng khác.",
        "Bỏ mã cũ bị trùng khỏi `redirect_from`.",
    ),
    # -- import ----------------------------------------------------------------
    CatalogueEntry(
        "import-no-header",
        "không tìm thấy dòng tiêu đề cột: cần các cột như 'STT', 'Họ và tên', 'Đơn vị'",
        "Không tìm thấy dòng tiêu đề cột trong bảng tính.",
        "Bảng cần có một dòng tiêu đề với các cột như STT, Họ và tên, Chức vụ, Đơn vị, Thành tích.",
    ),
    CatalogueEntry(
        "import-private-column",
        "cột 'Ngày sinh' (C) chứa dữ liệu cá nhân nên không được nhập",
        "Bảng tính có cột dữ liệu cá nhân; cột này bị bỏ qua, không bao giờ được nhập.",
        "Không cần làm gì; nên xóa cột khỏi bảng trước khi lưu vào kho nội dung.",
    ),
    CatalogueEntry(
        "import-legacy-encoding",
        "ô B7 có vẻ gõ bằng bảng mã TCVN3 (ABC): 'NguyÔn V¨n An'",
        "Ô chứa chữ gõ bằng bảng mã cũ (TCVN3/ABC hoặc VNI) nên hiển thị sai dấu.",
        "Dùng Unikey chuyển mã bảng tính sang Unicode, hoặc kiểm tra bản chuyển tự động mà công cụ đề xuất.",
    ),
    CatalogueEntry(
        "import-encoding",
        "ô B5 có ký tự không đọc được ('Nguy�n'): tệp không lưu bằng UTF-8, UTF-16 hay Windows-1258",
        "Tệp văn bản (CSV, TXT) được lưu bằng một bảng mã mà lệnh nhập không nhận ra, nên có ký tự bị hỏng.",
        "Mở danh sách bằng Excel, chọn “Lưu thành” → Excel Workbook (.xlsx) hoặc “CSV UTF-8 (Comma delimited)”, rồi nhập tệp mới.",
    ),
    CatalogueEntry(
        "import-ambiguous",
        "'Nguyễn Văn An' khớp với 2 người: nguyen-van-an, nguyen-van-an-2; ghi thêm đơn vị hoặc mã hồ sơ (cột 'Mã hồ sơ')",
        "Tên trong bảng khớp với nhiều hồ sơ; công cụ không đoán.",
        "Thêm cột mã hồ sơ, hoặc sửa tên/đơn vị cho rõ ràng, rồi chạy lại lệnh nhập.",
    ),
    CatalogueEntry(
        "import-row",
        "dòng 12: thiếu họ tên hoặc tên tập thể",
        "Một dòng trong bảng tính thiếu thông tin cần thiết.",
        "Bổ sung thông tin trong bảng tính rồi chạy lại lệnh nhập.",
    ),
    CatalogueEntry(
        "import-conflict",
        "content/awards/x.yml đã có với nội dung khác; không ghi đè",
        "Tệp hồ sơ đã tồn tại với nội dung khác; công cụ không ghi đè.",
        "Xem lại tệp hiện có; dùng `--award` với mã khác hoặc sửa tay.",
    ),
    CatalogueEntry(
        "import-namesake",
        "'Nguyễn Văn Hùng' trùng tên với nguyen-van-hung (cdcs-dien-luc) nhưng danh sách ghi đơn vị cong-ty-xi-mang: đã tạo nguyen-van-hung-2 là một người khác",
        "Trong bảng có người trùng họ tên với một hồ sơ đã có nhưng khác đơn vị, nên công cụ coi là hai người khác nhau và tạo hồ sơ mới.",
        "Nếu đúng là hai người, không cần làm gì. Nếu là cùng một người (đã chuyển đơn vị), thêm cột “Mã hồ sơ” ghi mã hồ sơ cũ ở dòng đó, xóa các tệp vừa tạo rồi nhập lại; nên chạy `--dry-run` trước để xem.",
    ),
    CatalogueEntry(
        "import-file",
        "danh-sach.xlsx được bảo vệ bằng mật khẩu nên không đọc được",
        "Không đọc được tệp: sai loại tệp (lệnh nhập đọc .xlsx, .xls, .ods, .csv, .txt), tệp rỗng, tệp hỏng, tệp có mật khẩu, hoặc trang web (HTML) mang đuôi .xls.",
        "Mở tệp bằng Excel hoặc LibreOffice (bỏ mật khẩu nếu có), chọn “Lưu thành” → Excel Workbook (.xlsx) hoặc CSV UTF-8, rồi chạy lại lệnh nhập với tệp mới.",
    ),
    CatalogueEntry(
        "import-unknown-column",
        "cột 'Xếp loại' (G) không phải cột mà lệnh nhập biết nên không được nhập",
        "Bảng tính có cột mà công cụ không nhận ra nên không nhập (chỉ nhập STT, họ tên, chức vụ, đơn vị, tên sáng kiến, thành tích, mã hồ sơ).",
        "Không cần làm gì nếu cột không cần đưa lên trang. Nếu cột là một trong các cột trên nhưng viết khác, đổi tiêu đề cột cho đúng (ví dụ “Họ và tên”, “Đơn vị công tác”).",
    ),
    CatalogueEntry(
        "import-option",
        "--form là bắt buộc (khen thưởng 'bang-khen-2022' chưa có hồ sơ): tiêu đề ghi “Bằng khen”, khớp với nhiều hình thức trong award_forms (bang-khen-ldld-tinh, bang-khen-tong-ldld); chọn một bằng --form",
        "Thiếu hoặc sai một tùy chọn của lệnh nhập (hình thức khen thưởng, đơn vị ban hành, ngày, sự kiện…) mà tiêu đề danh sách cũng không cho biết chắc chắn, hoặc mã được nêu không có trong nội dung.",
        "Thêm tùy chọn được nêu, ví dụ `--form bang-khen-ldld-tinh --issuer ldld-thanh-hoa --date 29/6/2022`; mã phải có trong `taxonomies.yml` hoặc trong thư mục hồ sơ tương ứng.",
    ),
    CatalogueEntry(
        "import-needs-review",
        "12 sáng kiến mới chưa có lĩnh vực/loại (bảng tính không ghi): đã ghi field: chua-phan-loai, type: chua-phan-loai, status: can-ra-soat (cần rà soát)",
        "Danh sách khen thưởng không ghi lĩnh vực và loại của sáng kiến, nên các sáng kiến mới được ghi “Chưa phân loại” với trạng thái “Cần rà soát”; trang web không trình bày chúng là sáng kiến đã được công nhận.",
        "Mở từng hồ sơ sáng kiến vừa tạo, ghi `field`, `type` đúng rồi đổi `status` (ví dụ `cong-nhan`); hoặc xóa các tệp vừa tạo và chạy lại lệnh nhập với `--field` và `--initiative-type` khi mọi sáng kiến trong danh sách cùng lĩnh vực, cùng loại.",
    ),
    CatalogueEntry(
        "import-unit-kind",
        "không suy ra được loại đơn vị từ tên 'Tổ Cơ điện Phân xưởng 2': đã ghi kind: cong-doan-co-so cho đơn vị mới to-co-dien-phan-xuong-2",
        "Tên đơn vị không cho biết loại (công đoàn cơ sở, doanh nghiệp, cơ quan…), nên đơn vị mới được ghi loại mặc định.",
        "Mở hồ sơ đơn vị vừa tạo và sửa `kind` nếu sai; hoặc chạy lại lệnh nhập với `--unit-kind` (áp dụng cho các đơn vị mà tên không cho biết loại).",
    ),
    CatalogueEntry(
        "import-default",
        "2 sáng kiến mới không có đơn vị áp dụng trong danh sách: đã ghi unit: ldld-thanh-hoa",
        "Danh sách không ghi đơn vị của tác giả sáng kiến, nên sáng kiến mới được ghi đơn vị ra quyết định (hoặc `--parent-unit`).",
        "Mở các hồ sơ sáng kiến vừa tạo và sửa `unit` cho đúng nơi áp dụng.",
    ),
]

CATALOGUE: dict[str, CatalogueEntry] = {entry.code: entry for entry in _ENTRIES}
