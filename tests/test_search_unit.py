"""Pure helpers of generator.search (no Pagefind binary, no browser)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator.search import (
    COMMON_SHARDS_DIR,
    COMMON_WORDS_FILE,
    SHARD_EXCERPT_CHARS,
    SHARD_MAX_BYTES,
    SHARD_MAX_ENTRIES,
    SHARD_TITLE_ENTRIES,
    _output_dir,
    common_words,
    document_frequencies,
    fold_vietnamese,
    folded_pairs,
    folded_search_text,
    folded_words,
    index_site,
    read_indexed_pages,
    shard_file_name,
    shorten,
    write_common_index,
    write_common_words,
)


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


def _fragment(path: Path, payload: dict[str, object]) -> None:
    path.write_bytes(gzip.compress(b"pagefind_dcd" + json.dumps(payload).encode()))


def test_write_common_words_reads_fragments(tmp_path: Path) -> None:
    frag = tmp_path / "fragment"
    frag.mkdir()
    for i in range(4):
        _fragment(
            frag / f"vi_{i}.pf_fragment",
            {
                "url": f"/p{i}/",
                "content": f"Sáng kiến số {i} tại Đà Nẵng",
                "meta": {"title": "Tiêu đề"},
            },
        )
    (frag / "broken.pf_fragment").write_bytes(b"not gzip")
    words = write_common_words(tmp_path, min_share=0.8)
    # every word is on all 4 readable pages: alphabetical order
    assert words == ["da", "de", "kien", "nang", "sang", "so", "tai", "tieu"]
    data = json.loads((tmp_path / COMMON_WORDS_FILE).read_text(encoding="utf-8"))
    assert data["pages"] == 4
    assert set(data["words"]) == set(words)


@pytest.mark.parametrize("bad", ["", "/abs", "../up", "a/../b", "a\\b"])
def test_output_dir_must_stay_inside_the_site(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError):
        _output_dir(tmp_path, bad)


def test_output_dir_nested(tmp_path: Path) -> None:
    assert _output_dir(tmp_path, "search/pagefind") == tmp_path / "search" / "pagefind"
    assert _output_dir(tmp_path, "./pagefind") == tmp_path / "pagefind"


def test_index_site_refuses_to_replace_a_folder_that_is_not_a_bundle(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "style.css").write_text("body{}")
    with pytest.raises(ValueError, match="not a Pagefind bundle"):
        index_site(tmp_path, output_subdir="assets")
    assert (assets / "style.css").exists()


def test_index_site_needs_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        index_site(tmp_path / "missing")


# --------------------------------------------------------------- common-word result lists


def _page(
    site: Path,
    frag: Path,
    url: str,
    title: str,
    content: str,
    *,
    kind: str = "Sáng kiến",
    date: str = "",
    description: str = "",
    year: str = "",
) -> None:
    """A built page (only what index_site reads from it) and its Pagefind fragment."""
    meta: dict[str, str] = {"title": title + "¶", "kind": kind}
    if year:
        meta["year"] = year
    _fragment(
        frag / f"vi_{abs(hash(url))}.pf_fragment",
        {"url": url, "content": f"{kind} › Đơn vị. {title}¶ {content}", "meta": meta},
    )
    folder = site / url.strip("/")
    folder.mkdir(parents=True, exist_ok=True)
    head = f'<meta name="description" content="{description}">' if description else ""
    sort = (
        f'<span data-pagefind-sort="date[data-value]" data-value="{date}"></span>' if date else ""
    )
    (folder / "index.html").write_text(
        f"<html><head>{head}</head><body><div data-pagefind-body>{sort}</div></body></html>",
        encoding="utf-8",
    )


def _sample_bundle(tmp_path: Path) -> tuple[Path, Path]:
    site = tmp_path / "site"
    bundle = site / "pagefind"
    frag = bundle / "fragment"
    frag.mkdir(parents=True)
    _page(
        site, frag, "/sang-kien/b/", "Máy hàn bán tự động", "Sáng kiến số hai.", date="2022-05-01"
    )
    _page(site, frag, "/sang-kien/a/", "Quy trình mới", "Sáng kiến số một.", date="2023-01-01")
    _page(site, frag, "/sang-kien/c/", "Quy trình cũ", "Sáng kiến số ba.", date="2022-05-01")
    _page(
        site,
        frag,
        "/khen-thuong/k/",
        "Bằng khen cho sáng kiến tiêu biểu",
        "Tặng tác giả có sáng kiến.",
        kind="Khen thưởng",
        date="2020-01-01",
        description="Bằng khen &amp; giấy khen cho sáng kiến tiêu biểu.",
        year="2020",
    )
    _page(site, frag, "/ca-nhan/p/", "Nguyễn Văn A", "Tác giả sáng kiến.", kind="Cá nhân")
    _page(site, frag, "/gioi-thieu/", "Giới thiệu", "Trang giới thiệu.", kind="Trang")
    return site, bundle


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


def test_read_indexed_pages_sorted_with_clean_titles(tmp_path: Path) -> None:
    _, bundle = _sample_bundle(tmp_path)
    pages = read_indexed_pages(bundle)
    assert [p.url for p in pages] == sorted(p.url for p in pages)
    assert all("¶" not in p.title for p in pages)
    assert "title" not in pages[0].meta
    assert read_indexed_pages(tmp_path / "nothing") == []


def test_write_common_index_writes_ranked_lists(tmp_path: Path) -> None:
    site, bundle = _sample_bundle(tmp_path)
    report = write_common_index(bundle, site_dir=site, shard_share=0.5, shard_min_pages=0)
    # "sáng kiến" is on 5 of 6 pages; "gioi thieu" on one only
    assert report.pages == 6
    assert report.shards["sang"] == 5
    assert report.shards["kien"] == 5
    assert "gioi" not in report.shards

    manifest = json.loads((bundle / COMMON_WORDS_FILE).read_text(encoding="utf-8"))
    assert manifest["pages"] == 6
    assert manifest["shards"]["dir"] == COMMON_SHARDS_DIR
    assert manifest["shards"]["words"] == report.shards
    assert list(manifest["shards"]["words"]) == sorted(report.shards)

    shard = json.loads((bundle / COMMON_SHARDS_DIR / "sang.json").read_text(encoding="utf-8"))
    assert shard["word"] == "sang"
    assert shard["total"] == 5
    assert shard["pages"] == 6
    urls = [e["url"] for e in shard["entries"]]
    # title match first; then initiatives newest first (URL breaks the tie), then people
    assert urls == ["khen-thuong/k/", "sang-kien/a/", "sang-kien/b/", "sang-kien/c/", "ca-nhan/p/"]
    award = shard["entries"][0]
    assert award["title"] == "Bằng khen cho sáng kiến tiêu biểu"
    assert award["meta"] == {"kind": "Khen thưởng", "year": "2020"}
    # the excerpt is the page's description, unescaped
    assert award["excerpt"] == "Bằng khen & giấy khen cho sáng kiến tiêu biểu."
    # without a description: the indexed text after the title
    assert shard["entries"][1]["excerpt"] == "Sáng kiến số một."
    # rank: the page's place in the common order, the same in every list
    kien = json.loads((bundle / COMMON_SHARDS_DIR / "kien.json").read_text(encoding="utf-8"))
    ranks = {e["url"]: e["rank"] for e in shard["entries"]}
    assert all(ranks[e["url"]] == e["rank"] for e in kien["entries"])
    assert ranks["sang-kien/a/"] < ranks["sang-kien/b/"] < ranks["khen-thuong/k/"]


def test_write_common_index_is_deterministic_and_replaces_old_lists(tmp_path: Path) -> None:
    site, bundle = _sample_bundle(tmp_path)
    stale = bundle / COMMON_SHARDS_DIR / "stale.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    write_common_index(bundle, site_dir=site, shard_share=0.5, shard_min_pages=0)
    assert not stale.exists()
    first = {p.name: p.read_bytes() for p in (bundle / COMMON_SHARDS_DIR).iterdir()}
    first[COMMON_WORDS_FILE] = (bundle / COMMON_WORDS_FILE).read_bytes()
    write_common_index(bundle, site_dir=site, shard_share=0.5, shard_min_pages=0)
    again = {p.name: p.read_bytes() for p in (bundle / COMMON_SHARDS_DIR).iterdir()}
    again[COMMON_WORDS_FILE] = (bundle / COMMON_WORDS_FILE).read_bytes()
    assert first == again


def test_write_common_index_needs_enough_pages(tmp_path: Path) -> None:
    site, bundle = _sample_bundle(tmp_path)
    report = write_common_index(bundle, site_dir=site)  # default: at least 1,000 pages
    assert report.shards == {}
    assert not (bundle / COMMON_SHARDS_DIR).exists()
    manifest = json.loads((bundle / COMMON_WORDS_FILE).read_text(encoding="utf-8"))
    assert manifest["shards"]["words"] == {}


def test_result_lists_stay_small(tmp_path: Path) -> None:
    site = tmp_path / "site"
    bundle = site / "pagefind"
    frag = bundle / "fragment"
    frag.mkdir(parents=True)
    long_text = "Sáng kiến cải tiến quy trình sản xuất nâng cao năng suất lao động " * 20
    for i in range(400):
        _page(
            site,
            frag,
            f"/sang-kien/sang-kien-cai-tien-quy-trinh-so-{i:04d}/",
            f"Sáng kiến cải tiến quy trình sản xuất số {i}" if i % 3 == 0 else f"Hồ sơ {i}",
            long_text,
            date=f"2022-01-{i % 28 + 1:02d}",
            description=long_text,
        )
    write_common_index(bundle, site_dir=site, shard_share=0.3, shard_min_pages=0)
    path = bundle / COMMON_SHARDS_DIR / "sang.json"
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
    site, bundle = _sample_bundle(tmp_path)
    report = write_common_index(
        bundle, site_dir=site, shard_share=0.5, shard_min_pages=0, pair_share=0.5
    )
    # "sáng kiến" side by side on 5 of 6 pages (titles and text), "đơn vị" on all
    assert report.pairs["sang kien"] == 5
    assert report.pairs["don vi"] == 6
    manifest = json.loads((bundle / COMMON_WORDS_FILE).read_text(encoding="utf-8"))
    assert manifest["shards"]["pairs"] == report.pairs
    shard = json.loads((bundle / COMMON_SHARDS_DIR / "sang_kien.json").read_text(encoding="utf-8"))
    assert shard["word"] == "sang kien"
    assert shard["total"] == 5
    # the page with the phrase in its title first
    assert shard["entries"][0]["url"] == "khen-thuong/k/"
    # a higher bar: no pair list
    again = write_common_index(
        bundle, site_dir=site, shard_share=0.5, shard_min_pages=0, pair_share=0.9
    )
    assert "sang kien" not in again.pairs
    assert not (bundle / COMMON_SHARDS_DIR / "sang_kien.json").exists()
