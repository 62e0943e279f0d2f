"""What the tools say that is not a problem: summaries, progress, CLI help and usage errors.

Problems live in the error catalogue (generator.catalogue); everything else the tools
print for people is here, keyed, in Vietnamese and English (see generator.i18n).
``CLICK_VI`` translates click's own words (usage errors, "Options", "Usage:").
"""

from __future__ import annotations

from generator.i18n import Template

_TEXTS: dict[str, tuple[str, str]] = {
    # -- problems --------------------------------------------------------------------------
    "severity.error": ("lỗi", "error"),
    "severity.warning": ("cảnh báo", "warning"),
    "problems.summary": (
        "{errors} lỗi, {warnings} cảnh báo",
        "{errors} error{errors:plural-s}, {warnings} warning{warnings:plural-s}",
    ),
    "problems.guide-intro": ("Cách sửa từng loại lỗi:", "How to fix each kind of problem:"),
    "problems.elsewhere": (
        "Các tệp khác trong {root} có {errors} lỗi, {warnings} cảnh báo (chạy showcase validate {root} để xem)",
        "Other files of {root} have {errors} error{errors:plural-s}, {warnings} warning{warnings:plural-s} (run showcase validate {root} to see them)",
    ),
    # -- the command line: the group -------------------------------------------------------
    "cli.help": (
        "Sáng kiến Showcase: hồ sơ YAML về các sáng kiến được khen thưởng → trang web tra cứu được.\n\n"
        "Mọi thông báo bằng tiếng Việt; dùng --lang en (hoặc biến môi trường LANG=en_US.UTF-8) để đọc bằng tiếng Anh.",
        "Sáng kiến Showcase: YAML records of honoured initiatives → a searchable website.\n\n"
        "Messages are in Vietnamese unless --lang en is given (or the locale, LANG, starts with en).",
    ),
    "cli.lang": (
        "Ngôn ngữ của thông báo: vi (mặc định) hoặc en; mặc định theo SHOWCASE_LANG, LC_ALL, LANG.",
        "Language of the messages: vi (the default) or en; by default from SHOWCASE_LANG, LC_ALL, LANG.",
    ),
    "cli.version": ("Hiện phiên bản rồi thoát.", "Show the version and exit."),
    # -- validate --------------------------------------------------------------------------
    "cli.validate.help": (
        "Kiểm tra hồ sơ và báo mọi lỗi cùng lúc.\n\n"
        "PATH là thư mục nội dung (mặc định content/), hoặc một hay nhiều tệp, thư mục con "
        "trong đó: tệp được kiểm tra cùng toàn bộ nội dung (tham chiếu, mã trùng) nhưng chỉ "
        "lỗi của chính các tệp đó được báo. Thư mục nội dung là thư mục gần nhất chứa site.yml "
        "hoặc taxonomies.yml (hoặc --content).\n\n"
        "\b\n"
        "Mã thoát: 0 khi không có lỗi (được phép có cảnh báo), 1 khi có lỗi.\n"
        "Ví dụ:\n"
        "    showcase validate\n"
        "    showcase validate content/people/nguyen-van-an.yml\n"
        "    content/awards/x.yml:12:5: lỗi [khong-ton-tai]: không có người nào mã 'le-van-a' (recipients[0].person)\n"
        "    1 lỗi, 0 cảnh báo",
        "Check the records and report every problem at once.\n\n"
        "PATH is the content folder (default content/), or one or more files or folders in "
        "it: they are checked with the whole content (references, ids used twice) but only "
        "their own problems are reported. The content folder is the nearest one holding "
        "site.yml or taxonomies.yml (or --content).\n\n"
        "\b\n"
        "Exit status: 0 when there is no error (warnings allowed), 1 otherwise.\n"
        "Example:\n"
        "    showcase validate\n"
        "    showcase validate content/people/nguyen-van-an.yml\n"
        "    content/awards/x.yml:12:5: error [khong-ton-tai]: unknown person 'le-van-a' (recipients[0].person)\n"
        "    1 error, 0 warnings",
    ),
    "cli.validate.fmt": (
        "text cho người đọc, json cho công cụ, github cho chú thích trên GitHub Actions.",
        "text for people, json for tools, github for CI annotations.",
    ),
    "cli.validate.content": (
        "Thư mục nội dung chứa các tệp được nêu (mặc định: tìm từ vị trí tệp).",
        "The content folder holding the files named (default: found from their location).",
    ),
    "cli.validate.explain": (
        "In thêm địa chỉ mục hướng dẫn của mỗi loại lỗi gặp phải.",
        "Also print where the guide explains each kind of problem met.",
    ),
    "cli.validate.today": (
        "Coi hôm nay là ngày này (YYYY-MM-DD) khi kiểm tra ngày tương lai; dùng cho kiểm thử.",
        "Pretend today is this date (YYYY-MM-DD) when checking for future dates; for tests.",
    ),
    # -- schema ----------------------------------------------------------------------------
    "cli.schema.help": (
        "Ghi JSON Schema của từng loại hồ sơ (cho VS Code: gợi ý, gạch chân chỗ sai).\n\n"
        "Các mã trong content/taxonomies.yml được ghi vào schema kèm tên tiếng Việt, nên "
        "chạy lại lệnh này sau khi sửa taxonomies.yml.",
        "Write the JSON Schemas of every kind of record (for VS Code: completion, underlining).\n\n"
        "The codes of content/taxonomies.yml go into the schemas with their Vietnamese names: "
        "run it again after changing taxonomies.yml.",
    ),
    "cli.schema.out": (
        "Thư mục nhận các tệp <loại>.schema.json.",
        "Folder that receives one <kind>.schema.json per kind of record.",
    ),
    "cli.schema.content": (
        "Thư mục nội dung có taxonomies.yml.",
        "The content folder holding taxonomies.yml.",
    ),
    "cli.schema.check": (
        "Không ghi; thoát với mã 1 nếu schema đã lưu không còn khớp.",
        "Do not write; exit 1 if a committed schema is stale.",
    ),
    "schema.stale": (
        "{path}: đã cũ; chạy `showcase schema`",
        "{path}: out of date; run `showcase schema`",
    ),
    "schema.written": (
        "Đã ghi {count} tệp schema vào {folder}/",
        "{count} schema file(s) written to {folder}/",
    ),
    "schema.settings": (
        "{path}: đã cập nhật ánh xạ schema cho VS Code",
        "{path}: schema mapping updated",
    ),
    "schema.no-taxonomies": (
        "Không đọc được {path}: các schema không liệt kê mã danh mục",
        "Cannot read {path}: the schemas list no vocabulary codes",
    ),
    # -- guide -----------------------------------------------------------------------------
    "cli.guide.help": (
        "Ghi hướng dẫn biên tập (Markdown) vào HUONG-DAN.md, bản trong kho mã của trang /huong-dan/.",
        "Write the editors' guide (Markdown) to HUONG-DAN.md, the repository's copy of /huong-dan/.",
    ),
    "cli.guide.out": ("Tệp được ghi.", "The file to write."),
    "cli.guide.check": (
        "Không ghi; thoát với mã 1 nếu tệp đã lưu không còn khớp.",
        "Do not write; exit 1 if the committed file is stale.",
    ),
    "guide.stale": (
        "{path}: đã cũ; chạy `showcase guide`",
        "{path}: out of date; run `showcase guide`",
    ),
    "guide.written": ("Đã ghi {path}", "{path} written"),
    "guide.unchanged": ("{path} không đổi", "{path} unchanged"),
    # -- export ----------------------------------------------------------------------------
    "cli.export.help": (
        "Ghi dữ liệu mở của PATH (mặc định content/) vào OUT/du-lieu-mo/.\n\n"
        "\b\n"
        "Chỉ dữ liệu được công bố: không có trường riêng tư, trường bảo mật, người đặt\n"
        "publish: false. Tệp không đổi thì không ghi lại.\n"
        "Ví dụ:\n"
        "    showcase export --out build",
        "Write the open data of PATH (default: content/) as OUT/du-lieu-mo/*.\n\n"
        "\b\n"
        "Only published data: no private field, no confidential field, no person\n"
        "marked publish: false.  Files whose bytes did not change are not rewritten.\n"
        "Example:\n"
        "    showcase export --out build",
    ),
    "cli.export.out": (
        "Thư mục nhận du-lieu-mo/ (JSON, CSV, JSON Schema).",
        "Folder that receives du-lieu-mo/ (JSON, CSV, JSON Schemas).",
    ),
    "export.written": (
        "Đã ghi {written} trong {total} tệp vào {folder}/",
        "{written} of {total} file(s) written to {folder}/",
    ),
    # -- build -----------------------------------------------------------------------------
    "cli.build.help": (
        "Kiểm tra, dựng toàn bộ trang vào site/, rồi lập chỉ mục tìm kiếm.\n\n"
        "\b\n"
        "Chỉ dựng lại các trang có nguồn thay đổi từ lần trước (kết quả giữ trong\n"
        ".showcase-build/); trang được đưa vào site/ trong một bước.\n"
        "Ví dụ:\n"
        "    showcase build\n"
        "    showcase build --jobs 2 --no-search",
        "Validate, render and build the whole site into site/, then index it for search.\n\n"
        "\b\n"
        "Only pages whose source changed since the last build are rebuilt (the engine's\n"
        "output is kept in .showcase-build/); the site is published into site/ in one step.\n"
        "Example:\n"
        "    showcase build\n"
        "    showcase build --jobs 2 --no-search",
    ),
    "cli.build.root": (
        "Thư mục dự án có mkdocs.yml và content/.",
        "Project folder holding mkdocs.yml and content/.",
    ),
    "cli.build.site_dir": (
        "Nơi ghi trang (mặc định: ROOT/site).",
        "Where to put the site (default: ROOT/site).",
    ),
    "cli.build.no_search": (
        "Bỏ qua chỉ mục tìm kiếm Pagefind (xem thử nhanh hơn).",
        "Skip the Pagefind index (faster previews).",
    ),
    "cli.build.jobs": (
        "Số tiến trình dựng trang (mặc định: mỗi lõi CPU một tiến trình).",
        "Worker processes for building pages (default: one per CPU core).",
    ),
    "build.failed": (
        "dựng trang không thành công; site/ giữ nguyên",
        "build failed; site/ left unchanged",
    ),
    "build.search-failed": (
        "không tạo được chỉ mục tìm kiếm (mã thoát {code}); xem thông báo ở trên",
        "the search index could not be built (exit code {code}); see the messages above",
    ),
    "build.content-errors": (
        "nội dung có lỗi:",
        "content has errors:",
    ),
    "build.done": (
        "đã dựng trang vào {folder} ({built} trang dựng lại, {unchanged} trang không đổi)",
        "site built in {folder} ({built} page(s) built, {unchanged} unchanged)",
    ),
    # -- serve -----------------------------------------------------------------------------
    "cli.serve.help": (
        "Xem trước trang: lưu một tệp hồ sơ hay mẫu giao diện là trang đang mở tự cập nhật.\n\n"
        "\b\n"
        "Mỗi lần lưu chỉ dựng lại các trang bị ảnh hưởng. Khi nội dung có lỗi, mọi trang\n"
        "hiện danh sách lỗi; sửa xong trang tự tải lại.\n"
        "Ví dụ:\n"
        "    showcase serve        # rồi mở http://127.0.0.1:8000/",
        "Preview the site: saving a YAML record or a template refreshes the open page.\n\n"
        "\b\n"
        "One build per save, only the pages the edit touches.  While the content has an\n"
        "error, every page shows the list of problems; it reloads itself once they are fixed.\n"
        "Example:\n"
        "    showcase serve        # then open http://127.0.0.1:8000/",
    ),
    "cli.serve.root": ("Thư mục dự án có mkdocs.yml.", "Project folder holding mkdocs.yml."),
    "cli.serve.dev_addr": ("Địa chỉ phục vụ bản xem trước.", "Address to serve the preview on."),
    "cli.serve.no_search": (
        "Không cập nhật chỉ mục tìm kiếm ở chế độ nền.",
        "Do not refresh the search index in the background.",
    ),
    "cli.serve.jobs": (
        "Số tiến trình cho lần dựng đầu tiên (mặc định: mỗi lõi CPU một tiến trình).",
        "Worker processes for the first build (default: one per CPU core).",
    ),
    "serve.bad-address": ("{value!r} không có dạng HOST:PORT", "{value!r} is not HOST:PORT"),
    "serve.cannot": (
        "không phục vụ được ở {address}: {reason}",
        "cannot serve on {address}: {reason}",
    ),
    "preview.first-build": (
        "Đã dựng {count} trang trong {seconds} giây.",
        "Built {count} page(s) in {seconds} s.",
    ),
    "preview.build": (
        "Đã cập nhật {count} trang trong {seconds} giây.",
        "Updated {count} page(s) in {seconds} s.",
    ),
    "preview.failed": (
        "Nội dung có {count} lỗi; trang xem trước hiện danh sách lỗi:",
        "The content has {count} error(s); the preview shows the list:",
    ),
    "preview.search-done": (
        "Đã cập nhật chỉ mục tìm kiếm ({seconds} giây).",
        "Search index updated ({seconds} s).",
    ),
    "preview.search-failed": (
        "Không cập nhật được chỉ mục tìm kiếm: {detail}",
        "The search index could not be updated: {detail}",
    ),
    "preview.data-failed": (
        "Không cập nhật được dữ liệu mở và bản tin: {detail}",
        "The open data and feeds could not be updated: {detail}",
    ),
    "preview.serving": (
        "Xem trước tại {url}  (Ctrl+C để dừng)",
        "Preview at {url}  (Ctrl+C to stop)",
    ),
    "preview.stopped": ("Đã dừng xem trước.", "Preview stopped."),
    # -- stats -----------------------------------------------------------------------------
    "cli.stats.help": (
        "Đếm hồ sơ và tổng hợp sáng kiến theo năm (kiểm tra nhanh trước khi công bố).\n\n"
        "\b\n"
        "Ví dụ:\n"
        "    showcase stats content/",
        "Count the records and sum up initiatives by year (a quick check before publishing).\n\n"
        "\b\n"
        "Example:\n"
        "    showcase stats content/",
    ),
    "stats.campaigns": ("chương trình", "campaigns"),
    "stats.units": ("đơn vị", "units"),
    "stats.people": ("cá nhân", "people"),
    "stats.people-pages": ("{count} có trang riêng", "{count} with a page"),
    "stats.initiatives": ("sáng kiến", "initiatives"),
    "stats.awards": ("khen thưởng", "awards"),
    "stats.recipients": ("{count} lượt được khen", "{count} recipients"),
    "stats.events": ("sự kiện", "events"),
    "stats.year": (
        "{year}: {count} sáng kiến, {recognised} được công nhận, làm lợi {benefit}",
        "{year}: {count} initiatives, {recognised} recognised, benefit {benefit}",
    ),
    # -- new -------------------------------------------------------------------------------
    "cli.new.help": (
        "Tạo tệp hồ sơ KIND để điền, có sẵn mọi trường và lời giải thích.\n\n"
        "\b\n"
        "Tên tệp lấy từ tiêu đề (bỏ dấu, đ → d, nối bằng gạch ngang); tệp đã có không bao\n"
        "giờ bị ghi đè: tên trùng thì thêm -2.\n"
        "Ví dụ:\n"
        '    showcase new initiative --title "Đổi mới quy trình tiếp nhận hồ sơ"\n'
        "    content/initiatives/2025/doi-moi-quy-trinh-tiep-nhan-ho-so.yml",
        "Create a record file to fill in, with every field of KIND and its help text.\n\n"
        "\b\n"
        "The file name comes from the title (diacritics removed, đ → d, hyphens);\n"
        "an existing file is never overwritten: a free name such as …-2 is used.\n"
        "Example:\n"
        '    showcase new initiative --title "Đổi mới quy trình tiếp nhận hồ sơ"\n'
        "    content/initiatives/2025/doi-moi-quy-trinh-tiep-nhan-ho-so.yml",
    ),
    "cli.new.title": (
        "Tiêu đề (hoặc họ tên) có dấu; tên tệp được tạo từ đây.",
        "Title (or name) with diacritics; the file name is made from it.",
    ),
    "cli.new.year": (
        "Chỉ cho sáng kiến: thư mục năm initiatives/<năm>/ (mặc định: năm nay).",
        "Initiatives only: the year folder initiatives/<year>/ (default: this year).",
    ),
    "cli.new.record_id": (
        "Dùng mã này thay cho mã tạo từ tiêu đề.",
        "Use this id instead of the one made from the title.",
    ),
    "cli.new.content": ("Thư mục nội dung.", "The content folder."),
    "new.no-schemas": (
        "(chưa có thư mục schemas/: chạy `showcase schema` để VS Code gợi ý khi gõ)",
        "(schemas/ is missing: run `showcase schema` for completion in VS Code)",
    ),
    "new.unknown-kind": (
        "không có loại hồ sơ {kind!r}; dùng một trong: {choices}",
        "unknown kind {kind!r}; use one of: {choices}",
    ),
    "new.empty-title": ("--title không được để trống", "--title must not be empty"),
    "new.year-only": (
        "--year chỉ dùng cho sáng kiến (content/initiatives/<năm>/)",
        "--year applies to initiatives only (content/initiatives/<year>/)",
    ),
    "new.bad-id": (
        "--id {id!r} không phải mã hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ {suggestion!r}",
        "--id {id!r} is not a valid id: use lowercase ASCII letters, digits and hyphens, e.g. {suggestion!r}",
    ),
    "new.id-taken": (
        "đã có {kind} mã {id!r}; chọn --id khác",
        "a {kind} with id {id!r} already exists; choose another --id",
    ),
    "new.exists": (
        "{path} đã có; không ghi đè",
        "{path} already exists; it was not overwritten",
    ),
    # -- import ----------------------------------------------------------------------------
    "cli.import.help": (
        "Nhập danh sách khen thưởng thành hồ sơ khen thưởng, cá nhân, đơn vị và sáng kiến.\n\n"
        "\b\n"
        "FILE là bảng tính .xlsx, .xls, .ods hoặc tệp .csv/.txt xuất từ Excel\n"
        "(CSV UTF-8, CSV Windows-1258, “Unicode Text” UTF-16 phân cách bằng tab).\n"
        "Danh sách có thể có phần tiêu đề phía trên dòng tiêu đề cột (đơn vị ra\n"
        "quyết định, hình thức, “Kèm theo Quyết định số … ngày …”: được dùng khi\n"
        "khớp với hồ sơ, danh mục đã có), các cột STT, Họ và tên, Chức vụ, Đơn vị,\n"
        "Tên sáng kiến / Thành tích, Ghi chú theo thứ tự bất kỳ, các mục “I. TẬP\n"
        "THỂ” / “II. CÁ NHÂN” và nhóm tác giả đánh số 1.1, 1.2 hoặc a), b).\n"
        "Có lỗi thì không ghi tệp nào; tệp đã có không bao giờ bị ghi đè.\n"
        "Ví dụ:\n"
        "    showcase import danh-sach.xlsx --award bang-khen-2022 --dry-run",
        "Import an award list as award, person, unit and initiative records.\n\n"
        "\b\n"
        "FILE is an .xlsx, .xls or .ods workbook or a .csv/.txt export of Excel\n"
        "(CSV UTF-8, CSV Windows-1258, tab-separated UTF-16 “Unicode Text”).\n"
        "Above the header row the list may have a title block (issuing unit, form,\n"
        "“Kèm theo Quyết định số … ngày …”: used when it matches existing records\n"
        "and vocabularies); columns STT, Họ và tên, Chức vụ, Đơn vị, Tên sáng kiến /\n"
        "Thành tích, Ghi chú in any order; sections “I. TẬP THỂ” / “II. CÁ NHÂN”;\n"
        "groups of authors numbered 1.1, 1.2 or a), b).\n"
        "Nothing is written when there is an error; no existing file is overwritten.\n"
        "Example:\n"
        "    showcase import danh-sach.xlsx --award bang-khen-2022 --dry-run",
    ),
    "cli.import.award_id": (
        "Mã (tên tệp) của hồ sơ khen thưởng sẽ tạo, ví dụ bang-khen-ldld-2022.",
        "Id (file name) of the award record to create, e.g. bang-khen-ldld-2022.",
    ),
    "cli.import.title": (
        "Tên đợt khen thưởng (mặc định: hình thức và số quyết định).",
        "Title of the award (default: its form and decision number).",
    ),
    "cli.import.form": (
        "Hình thức khen thưởng, một mã trong award_forms của taxonomies.yml (mặc định: đọc từ tiêu đề danh sách, ví dụ “được tặng Bằng khen”).",
        "Award form, a code of award_forms in taxonomies.yml (default: read from the list's title, e.g. “được tặng Bằng khen”).",
    ),
    "cli.import.issuer": (
        "Mã đơn vị ra quyết định (mặc định: đọc từ tiêu đề danh sách, ví dụ “LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA”).",
        "Id of the issuing unit (default: read from the list's title, e.g. “LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA”).",
    ),
    "cli.import.date_text": (
        "Ngày quyết định, 2022-06-29 hoặc 29/6/2022 (mặc định: đọc từ tiêu đề danh sách).",
        "Date of the decision, 2022-06-29 or 29/6/2022 (default: read from the list's title).",
    ),
    "cli.import.decision_number": (
        "Số quyết định (mặc định: đọc từ “Kèm theo Quyết định số …”).",
        "Decision number (default: read from “Kèm theo Quyết định số …”).",
    ),
    "cli.import.event": (
        "Mã sự kiện nơi trao khen thưởng.",
        "Id of the event where it was awarded.",
    ),
    "cli.import.campaign": (
        "Mã chương trình liên quan (cũng ghi vào các sáng kiến mới).",
        "Id of the campaign (also written on new initiatives).",
    ),
    "cli.import.unit_kind": (
        "Loại (mã trong unit_kinds) cho đơn vị mới mà tên không cho biết loại; đơn vị tên “Công đoàn cơ sở …”, “Công ty …”, “Bệnh viện …” được suy ra loại từ tên.",
        "Kind (a code of unit_kinds) for new units whose name does not tell; names such as “Công đoàn cơ sở …”, “Công ty …”, “Bệnh viện …” tell it.",
    ),
    "cli.import.parent_unit": (
        "Đơn vị cấp trên của các đơn vị mới khi danh sách không ghi.",
        "Parent of the new units when the list does not say.",
    ),
    "cli.import.field_key": (
        "Lĩnh vực (mã trong fields) của các sáng kiến mới; không ghi thì sáng kiến được ghi “chưa phân loại” và trạng thái “cần rà soát”.",
        "Field (a code of fields) of the new initiatives; without it they are written as “unclassified”, status “needs review”.",
    ),
    "cli.import.initiative_type": (
        "Loại sáng kiến (mã trong initiative_types) của các sáng kiến mới; không ghi thì như --field.",
        "Initiative type (a code of initiative_types) of the new initiatives; without it, as for --field.",
    ),
    "cli.import.initiative_status": (
        "Trạng thái của các sáng kiến mới khi đã có --field và --initiative-type (mặc định: cong-nhan).",
        "Status of the new initiatives when --field and --initiative-type are given (default: cong-nhan).",
    ),
    "cli.import.sheet": (
        "Chỉ đọc trang tính có tên này (mặc định: mọi trang tính có dòng tiêu đề cột).",
        "Read only the sheet of this name (default: every sheet with a header row).",
    ),
    "cli.import.content": ("Thư mục nội dung.", "The content folder."),
    "cli.import.dry_run": (
        "Chạy thử: liệt kê các tệp sẽ được ghi, không ghi gì.",
        "Dry run: list the files that would be written, write nothing.",
    ),
    "import.will-create": ("sẽ tạo", "would create"),
    "import.not-written": ("chưa ghi", "not written"),
    "import.created": ("đã tạo", "created"),
    "import.unchanged": ("không đổi", "unchanged"),
    "import.conflict": ("xung đột", "conflict"),
    "import.inferred": ("Đã suy ra từ tiêu đề: {what}", "Read from the title block: {what}"),
    "import.inferred-issuer": (
        "cơ quan khen thưởng = {value} ({name}; ô {cell}: “{source}”)",
        "issuer = {value} ({name}; cell {cell}: “{source}”)",
    ),
    "import.inferred-form": (
        "hình thức khen thưởng = {value} ({name}; ô {cell}: “{source}”)",
        "award form = {value} ({name}; cell {cell}: “{source}”)",
    ),
    "import.inferred-date": ("ngày quyết định = {value}", "decision date = {value}"),
    "import.inferred-number": ("số quyết định = {value}", "decision number = {value}"),
    "import.read-file": ("Đã đọc tệp {source}", "Read the file as {source}"),
    "import.text-source": (
        "văn bản {encoding}, phân cách bằng {delimiter}",
        "{encoding} text separated by {delimiter}",
    ),
    "import.delimiter-tab": ("dấu tab", "tabs"),
    "import.delimiter-semicolon": ("dấu chấm phẩy (;)", "semicolons (;)"),
    "import.delimiter-comma": ("dấu phẩy (,)", "commas (,)"),
    "import.recased": (
        "Đã đổi {count} tên viết hoa toàn bộ sang chữ thường có viết hoa (ví dụ ô {cell}: “{before}” → “{after}”)",
        "Re-cased {count} name(s) typed in capitals (e.g. cell {cell}: “{before}” → “{after}”)",
    ),
    "import.recased-sheet": (
        "Đã đổi {count} tên viết hoa toàn bộ sang chữ thường có viết hoa (trang tính {sheet!r}, ví dụ ô {cell}: “{before}” → “{after}”)",
        "Re-cased {count} name(s) typed in capitals (sheet {sheet!r}, e.g. cell {cell}: “{before}” → “{after}”)",
    ),
    "import.summary": (
        "Đã đọc {rows} dòng: {collectives} tập thể, {individuals} cá nhân, {groups} nhóm tác giả ({members} thành viên)",
        "Read {rows} row(s): {collectives} collective(s), {individuals} individual(s), {groups} group(s) of authors ({members} members)",
    ),
    "import.needs-review": (
        "{count} sáng kiến cần rà soát lĩnh vực/loại (trạng thái “Cần rà soát”, chưa được công bố là đã công nhận)",
        "{count} initiative(s) need their field/type reviewed (status “needs review”, not shown as recognised)",
    ),
    "import.files": (
        "{unchanged} không đổi, {conflicts} xung đột",
        "{unchanged} unchanged, {conflicts} conflict(s)",
    ),
    "import.dry-run": (
        "Chạy thử: {created} tệp sẽ được ghi, {files}; chưa ghi tệp nào",
        "Dry run: {created} file(s) would be written, {files}; nothing written",
    ),
    "import.failed": (
        "Chưa ghi tệp nào ({created} tệp dự kiến, {files}): sửa các lỗi trên rồi chạy lại",
        "Nothing written ({created} file(s) planned, {files}): fix the errors above and run again",
    ),
    "import.written": ("Đã ghi {written} tệp, {files}", "Wrote {written} file(s), {files}"),
}

TEXTS: dict[str, Template] = {key: Template(*texts) for key, texts in _TEXTS.items()}

#: click's own words in Vietnamese (its usage errors and help layout; see cli._speak).
CLICK_VI: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Did you mean {possibility}?": "Có phải ý là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý là một trong: {possibilities}?)",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu lệnh.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} không khớp định dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không khớp các định dạng {formats}.",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải số hợp lệ.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "required": "bắt buộc",
    "Aborted!": "Đã hủy!",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
}
