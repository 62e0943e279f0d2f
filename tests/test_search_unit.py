"""Pure helpers of generator.search (no Pagefind binary, no browser)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator.search import (
    COMMON_WORDS_FILE,
    _output_dir,
    common_words,
    document_frequencies,
    fold_vietnamese,
    folded_search_text,
    index_site,
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
