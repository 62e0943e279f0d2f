"""generator.search and its inputs: search documents, folding, common-word lists, the filter
index, and the Pagefind bundle written from documents (no browser)."""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from generator.kinds import FACET_KEYS, FACETS, facets_json
from generator.pipeline import check_content
from generator.search import (
    BUNDLES_DIR,
    FOLDED_META_KEY,
    NAMES_WEIGHT,
    TITLE_WEIGHT,
    _bundle_written,
    _doc_path,
    _output_dir,
    document_html,
    fold_vietnamese,
    folded_search_text,
    folded_words,
    index_documents,
    write_search_index,
)
from generator.search_docs import PAGE_KIND, SearchDoc, search_documents, shorten
from generator.search_filters import INDEX_DIR, date_order, decode_ids, write_filter_index
from generator.search_words import word_tokens


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
    assert 'data-facets="{{ facets_json }}"' in search_page
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
        sort={"date": "2022-06-29", "benefit": "000000162000000"},
    )
    out = document_html(doc)
    # Pagefind gets the date sort only, the search page's one order (each sort key adds
    # to the metadata file every visitor downloads)
    assert "benefit" not in out
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


def test_a_bundle_left_half_written_is_detected(tmp_path: Path) -> None:
    (tmp_path / "pagefind-entry.json").write_text("")  # the service was stopped mid-write
    assert not _bundle_written(tmp_path, 2)
    entry = {"version": "1.5.2", "languages": {"vi": {"hash": "vi_1", "page_count": 2}}}
    (tmp_path / "pagefind-entry.json").write_text(json.dumps(entry))
    assert not _bundle_written(tmp_path, 2), "no metadata file"
    (tmp_path / "pagefind.vi_1.pf_meta").write_bytes(b"x")
    assert _bundle_written(tmp_path, 2)
    assert not _bundle_written(tmp_path, 3), "pages missing"


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
    report = index_documents(docs, tmp_path, bundle_docs=3)
    bundle = tmp_path / "pagefind"
    assert report.pages == 7 and report.bundles == 3
    manifest = json.loads((bundle / INDEX_DIR / "index.json").read_text("utf-8"))
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
    assert (bundle / INDEX_DIR / "word" / "sang.json").is_file()
    assert report.index is not None and report.index.filters.docs == 7

    # indexing again replaces everything (no stale bundle left behind)
    again = index_documents(docs[:2], tmp_path, bundle_docs=3)
    assert again.pages == 2
    assert not (bundle / BUNDLES_DIR).exists()


def _bundle_docs(title_of: dict[int, str] | None = None) -> list[SearchDoc]:
    titles = title_of or {}
    return [
        _doc(
            f"sang-kien/s{i}/",
            titles.get(i, f"Sáng kiến số {i}"),
            "Đổi mới quy trình.",
            sort={"date": f"2022-01-{i + 1:02d}"},
        )
        for i in range(7)
    ]


def _inodes(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_ino
        for p in folder.rglob("*")
        # Pagefind's files of this bundle only: not the others inside it, not our index.
        if p.is_file() and not {BUNDLES_DIR, INDEX_DIR} & set(p.relative_to(folder).parts)
    }


@pytest.mark.parametrize("edited", [6, 5])  # s6 is in the first bundle, s5 in the second
def test_bundles_of_unchanged_documents_are_kept(
    tmp_path: Path, edited: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    reuse = tmp_path / "cache" / "bundles.json"
    (tmp_path / "site").mkdir()
    bundle = tmp_path / "site" / "pagefind"
    index_documents(_bundle_docs(), tmp_path / "site", bundle_docs=3, reuse=reuse, salt="v1")
    parts = [bundle, bundle / BUNDLES_DIR / "1", bundle / BUNDLES_DIR / "2"]
    before = [_inodes(p) for p in parts]
    which = next(n for n, p in enumerate(parts) if f"/sang-kien/s{edited}/" in _fragments(p))
    # The published site is hard links to these files (pipeline.publish): it must keep them.
    published = {}
    for path in sorted(bundle.rglob("*")):
        if path.is_file():
            link = tmp_path / "published" / path.relative_to(bundle)
            link.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, link)
            published[link] = path.read_bytes()

    docs = _bundle_docs({edited: "Tiêu đề mới hẳn"})
    report = index_documents(docs, tmp_path / "site", bundle_docs=3, reuse=reuse, salt="v1")
    assert report.pages == 7
    after = [_inodes(p) for p in parts]
    for n in range(3):
        if n == which:  # indexed again: every file written anew, none rewritten in place
            assert not set(after[n].values()) & set(before[n].values()), n
        else:
            assert after[n] == before[n], n
    assert {link: link.read_bytes() for link in published} == published
    # The same documents and fragments as a fresh index of the same documents.
    (tmp_path / "fresh").mkdir()
    index_documents(docs, tmp_path / "fresh", bundle_docs=3)
    fresh = tmp_path / "fresh" / "pagefind"
    fresh_parts = [fresh, fresh / BUNDLES_DIR / "1", fresh / BUNDLES_DIR / "2"]
    assert [_fragments(p) for p in parts] == [_fragments(p) for p in fresh_parts]
    assert _fragments(parts[which])[f"/sang-kien/s{edited}/"]["meta"]["title"] == "Tiêu đề mới hẳn"
    index_files = sorted(p.relative_to(bundle).as_posix() for p in (bundle / INDEX_DIR).rglob("*"))
    fresh_files = sorted(p.relative_to(fresh).as_posix() for p in (fresh / INDEX_DIR).rglob("*"))
    assert index_files == fresh_files

    # The same documents again: nothing to index; another code version (salt): everything.
    import generator.search as search

    indexed: list[int] = []
    real = search._index_bundle

    def counted(part: Any, target: Path, **kw: Any) -> int:
        indexed.append(len(part))
        return real(part, target, **kw)

    monkeypatch.setattr(search, "_index_bundle", counted)
    index_documents(docs, tmp_path / "site", bundle_docs=3, reuse=reuse, salt="v1")
    assert indexed == []
    index_documents(docs, tmp_path / "site", bundle_docs=3, reuse=reuse, salt="v2")
    assert indexed == [3, 2, 2]


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
    report = write_filter_index(out, docs, date_order(docs), chunk=2, head_values=1)
    index = report.manifest
    assert index["count"] == 5 and index["dated"] == 3 and index["chunk"] == 2
    year = index["facets"]["year"]
    assert year == {"multi": False, "n": 2, "values": [["2022", 2]]}  # head of 1 value
    assert json.loads((out / "facet" / "year" / "values.json").read_text("utf-8"))["values"] == [
        ["2022", 2],
        ["2021", 1],
    ]
    # ordinals: b=0, a=1, c=2, u=3, p=4
    y2022 = json.loads((out / "facet" / "year" / "0.json").read_text("utf-8"))
    assert y2022["n"] == 2 and decode_ids(y2022["ids"], 5) == [0, 1]
    # co-occurrence with the other facets, by value number ("Y tế" = 0: two documents)
    fields = [
        v
        for v, _ in json.loads((out / "facet" / "field" / "values.json").read_text("utf-8"))[
            "values"
        ]
    ]
    assert fields == ["Y tế", "Điện"]
    assert y2022["co"] == {"field": [[0, 1], [1, 1]], "kind": [[0, 2]]}
    kinds = [
        v
        for v, _ in json.loads((out / "facet" / "kind" / "values.json").read_text("utf-8"))[
            "values"
        ]
    ]
    assert kinds[0] == "Sáng kiến"
    assert decode_ids(
        json.loads((out / "facet" / "kind" / "0.json").read_text("utf-8"))["ids"], 5
    ) == [
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
    assert not (out / "facet" / "award_form").exists()


def test_write_filter_index_is_deterministic(tmp_path: Path) -> None:
    docs = _filter_docs()

    def tree(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    write_filter_index(tmp_path / "one", docs, date_order(docs))
    backwards = list(reversed(docs))
    write_filter_index(tmp_path / "two", backwards, date_order(backwards))
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


# --------------------------------------------------------------------------- the word index


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


def test_word_tokens() -> None:
    assert word_tokens("Đổi mới_quy-trình; ÐÀ Nẵng 2022") == [
        ("đổi", "doi"),
        ("mới", "moi"),
        ("quy", "quy"),
        ("trình", "trinh"),
        ("ðà", "da"),
        ("nẵng", "nang"),
        ("2022", "2022"),
    ]
    assert word_tokens("— …") == []


def _word_docs() -> list[SearchDoc]:
    return [
        _doc(
            "sang-kien/a/",
            "Điện năng tiết kiệm",
            "Lưới điện năng lượng",
            sort={"date": "2023-01-01"},
            meta={"year": "2023"},
        ),
        _doc(
            "sang-kien/b/",
            "Máy hàn",
            "Tại Đà Nẵng, máy hàn điện",
            names="Nguyễn Văn Hùng",
            sort={"date": "2022-01-01"},
        ),
        _doc("ca-nhan/h/", "Nguyễn Văn Hùng", "Kỹ sư điện ở Đà Nẵng", kind="Cá nhân"),
    ]


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_write_search_index_words(tmp_path: Path) -> None:
    docs = _word_docs()
    report = write_search_index(tmp_path, docs, bundles=["showcase-bundles/1/"])
    manifest = _json(tmp_path / "index.json")
    assert manifest["count"] == 3 and manifest["dated"] == 2
    assert manifest["words"]["prefix"] == 2
    assert manifest["words"]["count"] == report.words.words
    assert manifest["words"]["files"] == sorted(p.stem for p in (tmp_path / "vocab").iterdir())
    assert manifest["bundles"] == ["showcase-bundles/1/"]
    # ordinals: a=0 (2023), b=1 (2022), h=2 (undated)
    dien = _json(tmp_path / "word" / "dien.json")
    assert dien["n"] == 3
    assert decode_ids(dien["t"], 3) == [0]
    assert decode_ids(dien["x"], 3) == [0, 1, 2]
    assert "m" not in dien
    hung = _json(tmp_path / "word" / "hung.json")
    assert decode_ids(hung["m"], 3) == [1] and decode_ids(hung["t"], 3) == [2]
    # "nang" is written "năng" (a) and "Nẵng" (b, h): the forms say which
    forms = _json(tmp_path / "form" / "nang.json")
    assert {k: decode_ids(v, 3) for k, v in forms.items()} == {"năng": [0], "nẵng": [1, 2]}
    vocab = _json(tmp_path / "vocab" / "na.json")
    assert ["nang", 3, 2, 1] in vocab  # "năng tiết" in a title: pair/nang.json
    # a word written one way only: its form in the vocabulary, no form file
    assert ["dien", 3, "điện", 1] in _json(tmp_path / "vocab" / "di.json")  # pair/dien.json
    assert not (tmp_path / "form" / "dien.json").exists()
    # most frequent first in a vocabulary file
    entries = _json(tmp_path / "vocab" / "ng.json")
    assert [e[1] for e in entries] == sorted((e[1] for e in entries), reverse=True)
    # titles' adjacent words: "Điện năng" in a's title, "Nguyễn Văn" in h's
    assert {k: decode_ids(v, 3) for k, v in _json(tmp_path / "pair" / "dien.json").items()} == {
        "nang": [0]
    }
    assert decode_ids(_json(tmp_path / "pair" / "nguyen.json")["van"], 3) == [2]
    # the kind and year are searchable words of the text
    assert decode_ids(_json(tmp_path / "word" / "2023.json")["x"], 3) == [0]


def test_write_search_index_is_deterministic(tmp_path: Path) -> None:
    def tree(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    write_search_index(tmp_path / "one", _word_docs() + _filter_docs()[:3])
    write_search_index(tmp_path / "two", list(reversed(_word_docs() + _filter_docs()[:3])))
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    # writing again replaces the folders' content
    write_search_index(tmp_path / "one", _word_docs()[:1])
    assert not (tmp_path / "one" / "word" / "hung.json").exists()
