"""generator.search and its inputs: search documents, folding, common-word lists, the filter
index, and the Pagefind bundle written from documents (no browser)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from generator.facets import FACET_KEYS, FACETS, facets_json
from generator.pipeline import check_content
from generator.search import (
    BUNDLES_DIR,
    COMMON_SHARDS_DIR,
    COMMON_WORDS_FILE,
    FOLDED_META_KEY,
    NAMES_WEIGHT,
    SHARD_EXCERPT_CHARS,
    SHARD_MAX_BYTES,
    SHARD_MAX_ENTRIES,
    SHARD_TITLE_ENTRIES,
    TITLE_WEIGHT,
    _doc_path,
    _output_dir,
    common_order,
    common_words,
    document_frequencies,
    document_html,
    fold_vietnamese,
    folded_pairs,
    folded_search_text,
    folded_words,
    index_documents,
    shard_file_name,
    shorten,
    write_common_index,
)
from generator.search_docs import PAGE_KIND, SearchDoc, search_documents
from generator.search_filters import FILTERS_DIR, date_order, decode_ids, write_filter_index


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đổi mới ở Đà Nẵng", "doi moi o da nang"),
        ("ƯU TIÊN", "uu tien"),
        ("ÐÀ NẴNG", "da nang"),
        ("Nguyễn Thị Hương Quỳnh", "nguyen thi huong quynh"),
        ("sáng kiến", "sang kien"),
        ("ăn ân ơn ôn ưng", "an an on on ung"),
        ("2022-06-29, 170.324", "2022-06-29, 170.324"),
        ("", ""),
    ],
)
def test_fold_vietnamese(text: str, folded: str) -> None:
    assert fold_vietnamese(text) == folded


def test_fold_vietnamese_accepts_decomposed_input() -> None:
    decomposed = "Đa\u0300 Na\u0306\u0303ng"  # "Đà Nẵng" in NFD
    assert fold_vietnamese(decomposed) == "da nang"


def test_folded_search_text_keeps_only_d_words_once_in_order() -> None:
    assert folded_search_text("Đổi mới quy trình tại Đà Nẵng", None, "", "đổi mới, Đà") == "doi da"


def test_folded_search_text_empty_when_nothing_needs_an_alias() -> None:
    assert folded_search_text("Sáng kiến cải tiến quy trình") == ""
    assert folded_search_text() == ""


def test_folded_search_text_all_changed_words() -> None:
    assert folded_search_text("Sáng kiến tại Đà Nẵng quy", only_d_words=False) == (
        "sang kien tai da nang"
    )


def test_document_frequencies_counts_pages_not_occurrences() -> None:
    count, df = document_frequencies(["Sáng kiến, sáng kiến!", "sang kien", "Đổi mới"])
    assert count == 3
    assert df["sang"] == 2
    assert df["kien"] == 2
    assert df["doi"] == 1


def test_common_words_threshold_and_filters() -> None:
    texts = ["sáng kiến a 2022 số một", "sáng kiến a 2022 số hai", "sáng kiến a 2022 ba", "khác"]
    count, words = common_words(texts, min_share=0.75)
    assert count == 4
    # single letters and numbers are never listed; "so" is on 2 of 4 pages only
    assert words == ["kien", "sang"]
    assert common_words([], min_share=0.5) == (0, [])


# ------------------------------------------------------------------ search documents


@pytest.fixture(scope="module")
def sample_docs() -> list[SearchDoc]:
    site, problems = check_content(REPO / "content")
    assert site is not None, problems
    return search_documents(site)


def _by_url(docs: Iterable[SearchDoc]) -> dict[str, SearchDoc]:
    return {d.url: d for d in docs}


def test_every_published_record_and_hand_page_is_a_document(sample_docs: list[SearchDoc]) -> None:
    urls = {d.url for d in sample_docs}
    folders = {
        "initiatives": "sang-kien",
        "people": "ca-nhan",
        "units": "don-vi",
        "awards": "khen-thuong",
        "events": "su-kien",
        "campaigns": "chuong-trinh",
    }
    expected = set()
    for folder, prefix in folders.items():
        for path in (REPO / "content" / folder).rglob("*.yml"):
            if "publish: false" not in path.read_text(encoding="utf-8"):
                expected.add(f"{prefix}/{path.stem}/")
    expected |= {f"{p.stem}/" for p in (REPO / "content" / "pages").glob("*.md")}
    assert urls == expected
    assert len(urls) == len(sample_docs)
    assert [d.url for d in sample_docs] == sorted(urls)


def test_documents_hold_the_records_own_words_only(sample_docs: list[SearchDoc]) -> None:
    for doc in sample_docs:
        everything = " ".join([doc.title, doc.names, doc.text, doc.description])
        # no example notice, field labels or table headers from the templates
        for boilerplate in ("Đây là hồ sơ ví dụ", "Tóm tắt", "Đơn vị áp dụng", "| ---", "<"):
            assert boilerplate not in everything, (doc.url, boilerplate)
        assert doc.title and doc.kind
        assert set(doc.filters) <= set(FACET_KEYS), doc.url
        assert doc.filters["kind"] == (doc.kind,)
        assert doc.meta["kind"] == doc.kind


def test_an_initiative_document(sample_docs: list[SearchDoc]) -> None:
    doc = _by_url(sample_docs)["sang-kien/doi-moi-quy-trinh-tiep-nhan-ho-so-ket-nap-doan-vien/"]
    assert doc.title.startswith("Đổi mới quy trình")
    assert doc.kind == "Sáng kiến"
    assert "Liên đoàn Lao động huyện Hoằng Hóa" in doc.names
    assert doc.meta == {
        "kind": "Sáng kiến",
        "unit": "Liên đoàn Lao động huyện Hoằng Hóa",
        "year": "2022",
    }
    assert doc.filters["year"] == ("2022",)
    assert doc.filters["province"] == ("Thanh Hóa",)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", doc.sort["date"])
    assert re.fullmatch(r"\d{15}", doc.sort["benefit"])
    # the text starts with the record's summary (excerpts of list results use it)
    assert doc.description and doc.text.startswith(doc.description[:40])


def test_hand_written_pages_are_documents(sample_docs: list[SearchDoc]) -> None:
    page = _by_url(sample_docs)["gioi-thieu/"]
    assert page.kind == PAGE_KIND
    assert page.title == "Giới thiệu"
    assert page.filters == {"kind": (PAGE_KIND,)}
    assert "Chương trình “1 triệu sáng kiến”" in page.text
    assert not page.text.startswith("Giới thiệu")


def test_facets_are_declared_once() -> None:
    declared = json.loads(facets_json())
    assert [f["key"] for f in declared] == list(FACET_KEYS) == [f.key for f in FACETS]
    assert all(f["label"] for f in declared)
    assert len(set(FACET_KEYS)) == len(FACET_KEYS)
    search_page = (REPO / "site_templates" / "pages" / "search.md.j2").read_text(encoding="utf-8")
    assert 'data-facets="{{ facets | h }}"' in search_page
    for name in ("showcase-facets.js", "showcase-search.js", "showcase-search-core.js"):
        js = (REPO / "site_templates/overrides/assets/javascripts" / name).read_text("utf-8")
        for facet in FACETS:
            assert facet.label not in js, f"{name} keeps its own label {facet.label!r}"


# --------------------------------------------------------------------- the HTML Pagefind reads


def _doc(url: str, title: str, text: str = "", **kw: Any) -> SearchDoc:
    kind = kw.pop("kind", "Sáng kiến")
    filters = kw.pop("filters", {})
    return SearchDoc(
        url=url,
        title=title,
        kind=kind,
        text=text,
        filters={"kind": (kind,), **filters},
        meta={"kind": kind, **kw.pop("meta", {})},
        **kw,
    )


def test_document_html_weights_title_and_names_and_escapes() -> None:
    doc = _doc(
        "sang-kien/x/",
        "Đổi mới <b>quy trình</b>",
        "Văn bản & chi tiết",
        names="Nguyễn Văn A",
        filters={"unit": ('Công ty "A", B: C',)},
        meta={"unit": "Công ty A"},
        sort={"date": "2022-06-29"},
    )
    out = document_html(doc)
    assert f'<h1 data-pagefind-weight="{TITLE_WEIGHT}" data-pagefind-meta="title">' in out
    assert "Đổi mới &lt;b&gt;quy trình&lt;/b&gt;</h1>" in out
    assert f'<p data-pagefind-weight="{NAMES_WEIGHT}">Nguyễn Văn A</p>' in out
    assert "<p>Văn bản &amp; chi tiết</p>" in out
    assert 'data-pagefind-filter="unit[data-value]" data-value="Công ty &quot;A&quot;, B: C"' in out
    assert 'data-pagefind-sort="date[data-value]" data-value="2022-06-29"' in out
    assert f'data-pagefind-meta="{FOLDED_META_KEY}[data-value]" data-value="doi"' in out
    assert "<b>" not in out


@pytest.mark.parametrize("bad", ["/abs/", "../up/", "a/../b/", "a\\b/", "no-slash"])
def test_document_urls_must_be_relative_folders(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError):
        _doc_path(tmp_path, bad)


def test_document_url_to_file(tmp_path: Path) -> None:
    assert _doc_path(tmp_path, "sang-kien/x/") == tmp_path / "sang-kien" / "x" / "index.html"
    assert _doc_path(tmp_path, "") == tmp_path / "index.html"


@pytest.mark.parametrize("bad", ["", "/abs", "../up", "a/../b", "a\\b"])
def test_output_dir_must_stay_inside_the_site(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError):
        _output_dir(tmp_path, bad)


def test_output_dir_nested(tmp_path: Path) -> None:
    assert _output_dir(tmp_path, "search/pagefind") == tmp_path / "search" / "pagefind"
    assert _output_dir(tmp_path, "./pagefind") == tmp_path / "pagefind"


def test_index_documents_refuses_to_replace_a_folder_that_is_not_a_bundle(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "style.css").write_text("body{}")
    with pytest.raises(ValueError, match="not a Pagefind bundle"):
        index_documents([], tmp_path, output_subdir="assets")
    assert (assets / "style.css").exists()


def test_index_documents_needs_a_folder_and_distinct_urls(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        index_documents([], tmp_path / "missing")
    twice = [_doc("a/", "A"), _doc("a/", "B")]
    with pytest.raises(ValueError, match="share a URL"):
        index_documents(twice, tmp_path)


def _fragments(bundle: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        out[data["url"]] = data
    return out


def test_index_documents_writes_bundles_lists_and_filters(tmp_path: Path) -> None:
    docs = [
        _doc(
            f"sang-kien/s{i}/",
            f"Sáng kiến số {i} ở Đà Nẵng",
            "Đổi mới quy trình.",
            filters={"year": (str(2020 + i % 3),)},
            meta={"year": str(2020 + i % 3)},
            sort={"date": f"{2020 + i % 3}-01-{i + 1:02d}"},
        )
        for i in range(7)
    ]
    report = index_documents(docs, tmp_path, bundle_docs=3, shard_min_pages=0)
    bundle = tmp_path / "pagefind"
    assert report.pages == 7
    manifest = json.loads((bundle / COMMON_WORDS_FILE).read_text("utf-8"))
    # 7 documents, at most 3 a bundle: the main bundle and two more, merged in the browser
    assert manifest["bundles"] == [f"{BUNDLES_DIR}/1/", f"{BUNDLES_DIR}/2/"]
    parts = [bundle, bundle / BUNDLES_DIR / "1", bundle / BUNDLES_DIR / "2"]
    fragments = [_fragments(p) for p in parts]
    assert [len(f) for f in fragments] == [3, 2, 2]
    everything = {url: f for part in fragments for url, f in part.items()}
    assert set(everything) == {f"/sang-kien/s{i}/" for i in range(7)}
    one = everything["/sang-kien/s1/"]
    assert one["meta"]["title"] == "Sáng kiến số 1 ở Đà Nẵng"
    assert one["meta"][FOLDED_META_KEY] == "da doi"
    assert one["filters"]["year"] == ["2021"]
    assert one["content"].startswith("Sáng kiến số 1 ở Đà Nẵng")
    for part in parts:
        assert (part / "pagefind.js").is_file() and (part / "pagefind-entry.json").is_file()
    # round robin over the date order: every bundle has the newest and the oldest alike
    order = [docs[i].url for i in date_order(docs)]
    assert set(fragments[0]) == {"/" + order[i] for i in (0, 3, 6)}
    assert (bundle / COMMON_SHARDS_DIR / "sang.json").is_file()
    assert (bundle / FILTERS_DIR / "index.json").is_file()
    assert report.filters is not None and report.filters.docs == 7

    # indexing again replaces everything (no stale bundle left behind)
    again = index_documents(docs[:2], tmp_path, bundle_docs=3, shard_min_pages=0)
    assert again.pages == 2
    assert not (bundle / BUNDLES_DIR).exists()


# ------------------------------------------------------------------------- the filter index


def _filter_docs() -> list[SearchDoc]:
    return [
        _doc(
            "sang-kien/a/",
            "A",
            filters={"year": ("2022",), "field": ("Y tế",)},
            sort={"date": "2022-05-01"},
        ),
        _doc(
            "sang-kien/b/",
            "B",
            filters={"year": ("2022",), "field": ("Điện",)},
            sort={"date": "2022-07-01"},
        ),
        _doc(
            "sang-kien/c/",
            "C",
            filters={"year": ("2021",), "field": ("Y tế",)},
            sort={"date": "2021-01-01"},
        ),
        _doc("don-vi/u/", "Đơn vị U", kind="Đơn vị", filters={"province": ("Đà Nẵng",)}),
        _doc("ca-nhan/p/", "Người P", kind="Cá nhân", description="Mô tả người P " * 20),
    ]


def test_date_order_newest_first_then_undated_by_kind() -> None:
    docs = _filter_docs()
    assert [docs[i].url for i in date_order(docs)] == [
        "sang-kien/b/",
        "sang-kien/a/",
        "sang-kien/c/",
        "don-vi/u/",
        "ca-nhan/p/",
    ]


def test_write_filter_index(tmp_path: Path) -> None:
    docs = _filter_docs()
    out = tmp_path / "filters"
    report = write_filter_index(out, docs, chunk=2, head_values=1)
    index = json.loads((out / "index.json").read_text("utf-8"))
    assert index["count"] == 5 and index["dated"] == 3 and index["chunk"] == 2
    year = index["facets"]["year"]
    assert year == {"multi": False, "n": 2, "values": [["2022", 2]]}  # head of 1 value
    assert json.loads((out / "year" / "values.json").read_text("utf-8"))["values"] == [
        ["2022", 2],
        ["2021", 1],
    ]
    # ordinals: b=0, a=1, c=2, u=3, p=4
    y2022 = json.loads((out / "year" / "0.json").read_text("utf-8"))
    assert y2022["n"] == 2 and decode_ids(y2022["ids"], 5) == [0, 1]
    # co-occurrence with the other facets, by value number ("Y tế" = 0: two documents)
    fields = [
        v for v, _ in json.loads((out / "field" / "values.json").read_text("utf-8"))["values"]
    ]
    assert fields == ["Y tế", "Điện"]
    assert y2022["co"] == {"field": [[0, 1], [1, 1]], "kind": [[0, 2]]}
    kinds = [v for v, _ in json.loads((out / "kind" / "values.json").read_text("utf-8"))["values"]]
    assert kinds[0] == "Sáng kiến"
    assert decode_ids(json.loads((out / "kind" / "0.json").read_text("utf-8"))["ids"], 5) == [
        0,
        1,
        2,
    ]
    rows = json.loads((out / "docs" / "0.json").read_text("utf-8"))
    assert [r[0] for r in rows] == ["sang-kien/b/", "sang-kien/a/"]
    last = json.loads((out / "docs" / "2.json").read_text("utf-8"))
    assert last[0][:3] == ["ca-nhan/p/", "Người P", "Cá nhân"]
    assert len(last[0][5]) <= 121 and last[0][5].endswith("…")
    assert report.docs == 5 and report.lists == 2 + 2 + 3 + 1
    assert not (out / "award_form").exists()


def test_write_filter_index_is_deterministic(tmp_path: Path) -> None:
    docs = _filter_docs()

    def tree(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    write_filter_index(tmp_path / "one", docs)
    write_filter_index(tmp_path / "two", list(reversed(docs)))
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


# --------------------------------------------------------------- common-word result lists


def _list_docs() -> list[SearchDoc]:
    return [
        _doc(
            "sang-kien/b/", "Máy hàn bán tự động", "Sáng kiến số hai.", sort={"date": "2022-05-01"}
        ),
        _doc("sang-kien/a/", "Quy trình mới", "Sáng kiến số một.", sort={"date": "2023-01-01"}),
        _doc("sang-kien/c/", "Quy trình cũ", "Sáng kiến số ba.", sort={"date": "2022-05-01"}),
        _doc(
            "khen-thuong/k/",
            "Bằng khen cho sáng kiến tiêu biểu",
            "Tặng tác giả có sáng kiến.",
            kind="Khen thưởng",
            sort={"date": "2020-01-01"},
            description="Bằng khen & giấy khen cho sáng kiến tiêu biểu.",
            meta={"year": "2020"},
            names="Đơn vị",
        ),
        _doc("ca-nhan/p/", "Nguyễn Văn A", "Tác giả sáng kiến.", kind="Cá nhân", names="Đơn vị"),
        _doc("gioi-thieu/", "Giới thiệu", "Trang giới thiệu.", kind="Trang", names="Đơn vị"),
    ]


def test_folded_words_and_shorten() -> None:
    assert folded_words("Đổi mới, ĐỔI MỚI; sáng-kiến 2022") == {
        "doi",
        "moi",
        "sang",
        "kien",
        "2022",
    }
    assert shorten("  một   hai\nba ¶ ") == "một hai ba"
    assert shorten("Một hai ba bốn năm", 9) == "Một hai…"
    assert shorten("Mộthaibabốn", 5) == "Mộtha…"


def test_common_order_kind_then_newest_then_url() -> None:
    docs = _list_docs()
    assert [docs[i].url for i in common_order(docs)] == [
        "sang-kien/a/",
        "sang-kien/b/",
        "sang-kien/c/",
        "khen-thuong/k/",
        "ca-nhan/p/",
        "gioi-thieu/",
    ]


def test_write_common_index_writes_ranked_lists(tmp_path: Path) -> None:
    report = write_common_index(tmp_path, _list_docs(), shard_share=0.5, shard_min_pages=0)
    # "sáng kiến" is on 5 of 6 documents; "gioi thieu" on one only
    assert report.pages == 6
    assert report.shards["sang"] == 5
    assert report.shards["kien"] == 5
    assert "gioi" not in report.shards

    manifest = json.loads((tmp_path / COMMON_WORDS_FILE).read_text(encoding="utf-8"))
    assert manifest["pages"] == 6
    assert manifest["bundles"] == []
    assert manifest["shards"]["dir"] == COMMON_SHARDS_DIR
    assert manifest["shards"]["words"] == report.shards
    assert list(manifest["shards"]["words"]) == sorted(report.shards)

    shard = json.loads((tmp_path / COMMON_SHARDS_DIR / "sang.json").read_text(encoding="utf-8"))
    assert shard["word"] == "sang"
    assert shard["total"] == 5
    assert shard["pages"] == 6
    urls = [e["url"] for e in shard["entries"]]
    # title match first; then initiatives newest first (URL breaks the tie), then people
    assert urls == ["khen-thuong/k/", "sang-kien/a/", "sang-kien/b/", "sang-kien/c/", "ca-nhan/p/"]
    award = shard["entries"][0]
    assert award["title"] == "Bằng khen cho sáng kiến tiêu biểu"
    assert award["meta"] == {"kind": "Khen thưởng", "year": "2020"}
    assert award["excerpt"] == "Bằng khen & giấy khen cho sáng kiến tiêu biểu."
    # without a description: the text
    assert shard["entries"][1]["excerpt"] == "Sáng kiến số một."
    # rank: the document's place in the common order, the same in every list
    kien = json.loads((tmp_path / COMMON_SHARDS_DIR / "kien.json").read_text(encoding="utf-8"))
    ranks = {e["url"]: e["rank"] for e in shard["entries"]}
    assert all(ranks[e["url"]] == e["rank"] for e in kien["entries"])
    assert ranks["sang-kien/a/"] < ranks["sang-kien/b/"] < ranks["khen-thuong/k/"]


def test_write_common_index_is_deterministic_and_replaces_old_lists(tmp_path: Path) -> None:
    stale = tmp_path / COMMON_SHARDS_DIR / "stale.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    write_common_index(tmp_path, _list_docs(), shard_share=0.5, shard_min_pages=0)
    assert not stale.exists()
    first = {p.name: p.read_bytes() for p in (tmp_path / COMMON_SHARDS_DIR).iterdir()}
    first[COMMON_WORDS_FILE] = (tmp_path / COMMON_WORDS_FILE).read_bytes()
    write_common_index(tmp_path, list(reversed(_list_docs())), shard_share=0.5, shard_min_pages=0)
    again = {p.name: p.read_bytes() for p in (tmp_path / COMMON_SHARDS_DIR).iterdir()}
    again[COMMON_WORDS_FILE] = (tmp_path / COMMON_WORDS_FILE).read_bytes()
    assert first == again


def test_write_common_index_needs_enough_pages(tmp_path: Path) -> None:
    report = write_common_index(tmp_path, _list_docs())  # default: at least 1,000 documents
    assert report.shards == {}
    assert not (tmp_path / COMMON_SHARDS_DIR).exists()
    manifest = json.loads((tmp_path / COMMON_WORDS_FILE).read_text(encoding="utf-8"))
    assert manifest["shards"]["words"] == {}


def test_common_words_over_80_percent(tmp_path: Path) -> None:
    report = write_common_index(tmp_path, _list_docs(), min_share=0.8)
    # "sáng kiến" on 5 of 6 documents (83 %); nothing else is that common
    assert report.words == ["kien", "sang"]


def test_result_lists_stay_small(tmp_path: Path) -> None:
    long_text = "Sáng kiến cải tiến quy trình sản xuất nâng cao năng suất lao động " * 20
    docs = [
        _doc(
            f"sang-kien/sang-kien-cai-tien-quy-trinh-so-{i:04d}/",
            f"Sáng kiến cải tiến quy trình sản xuất số {i}" if i % 3 == 0 else f"Hồ sơ {i}",
            long_text,
            sort={"date": f"2022-01-{i % 28 + 1:02d}"},
            description=long_text,
        )
        for i in range(400)
    ]
    write_common_index(tmp_path, docs, shard_share=0.3, shard_min_pages=0)
    path = tmp_path / COMMON_SHARDS_DIR / "sang.json"
    assert path.stat().st_size <= SHARD_MAX_BYTES
    shard = json.loads(path.read_text(encoding="utf-8"))
    entries = shard["entries"]
    assert shard["total"] == 400
    assert 40 <= len(entries) <= SHARD_MAX_ENTRIES
    # the title part is capped, the rest (titled or not) follows the common order
    head = entries[:SHARD_TITLE_ENTRIES]
    assert all(e["title"].startswith("Sáng kiến") for e in head)
    assert [e["rank"] for e in head] == sorted(e["rank"] for e in head)
    rest = entries[SHARD_TITLE_ENTRIES:]
    assert any(not e["title"].startswith("Sáng kiến") for e in rest)
    assert [e["rank"] for e in rest] == sorted(e["rank"] for e in rest)
    assert all(len(e["excerpt"]) <= SHARD_EXCERPT_CHARS + 1 for e in entries)


def test_folded_pairs_stay_inside_a_phrase() -> None:
    assert folded_pairs("Sáng kiến, Đà Nẵng") == {"sang kien", "da nang"}
    # punctuation ends a phrase: no "kien da"
    assert "kien da" not in folded_pairs("sáng kiến. Đà Nẵng")
    assert folded_pairs("sáng kiến Đà Nẵng", {"sang", "kien", "da"}) == {"sang kien", "kien da"}
    assert shard_file_name("sang kien") == "sang_kien.json"
    assert shard_file_name("sang") == "sang.json"


def test_pairs_of_common_words_get_their_own_list(tmp_path: Path) -> None:
    report = write_common_index(
        tmp_path, _list_docs(), shard_share=0.5, shard_min_pages=0, pair_share=0.5
    )
    # "sáng kiến" side by side on 5 of 6 documents
    assert report.pairs["sang kien"] == 5
    manifest = json.loads((tmp_path / COMMON_WORDS_FILE).read_text(encoding="utf-8"))
    assert manifest["shards"]["pairs"] == report.pairs
    shard = json.loads((tmp_path / COMMON_SHARDS_DIR / "sang_kien.json").read_text("utf-8"))
    assert shard["word"] == "sang kien"
    assert shard["total"] == 5
    # the document with the phrase in its title first
    assert shard["entries"][0]["url"] == "khen-thuong/k/"
    # a higher bar: no pair list
    again = write_common_index(
        tmp_path, _list_docs(), shard_share=0.5, shard_min_pages=0, pair_share=0.9
    )
    assert "sang kien" not in again.pairs
    assert not (tmp_path / COMMON_SHARDS_DIR / "sang_kien.json").exists()
