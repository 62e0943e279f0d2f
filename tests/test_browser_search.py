"""The search in a real browser (issues 4, 9, 10, 12): the header search and /tra-cuu/.

Playwright drives Debian's Chromium (``/usr/bin/chromium``; Playwright's own browser
download is never used) against the sample site, built once per session with its search
files (``pagefind/``: the search index of generator/search.py and Pagefind's bundle) and
served by ``python -m http.server`` on 127.0.0.1 under the sub-path /sang-kien/ (fixtures
``search_site`` and ``search_server`` in conftest.py).

Every page opened through ``open_page`` records its traffic: a request that leaves
127.0.0.1 or the /sang-kien/ sub-path, a local request answered with an error status, or
an uncaught script error fails the test.

DOM used (keep in step with the templates and scripts):

- header (partials/header.html): ``[data-sk-search-input]``, ``[data-sk-search-results]``,
  ``[data-sk-search-status]``, the ``#__search`` toggle and the ``.sk-search-open`` button;
  one ``li.sk-result`` per result, with an ``h1`` title and ``<mark>``s in the snippet
  (showcase-search.js, ``renderResult``);
- /tra-cuu/ (showcase-facets.js): ``#sk-search`` with ``data-facets`` (generator/kinds.py),
  ``fieldset[data-facet=<key>]`` holding checkboxes (``value`` = facet value) whose label
  has a ``.sk-facet__count``, the status line ``.sk-facets__status`` ("12 kết quả"),
  results in ``.sk-facets__results``.

Waits are bounded (``WAIT_MS``).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import playwright.sync_api as sync_api  # a missing Playwright must fail, not skip
import pytest
import yaml
from conftest import REPO, SEARCH_SUB_PATH

from generator.kinds import FACETS as DECLARED_FACETS
from generator.search import fold_vietnamese

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 15_000

# header search
INPUT = "[data-sk-search-input]"
RESULTS = "[data-sk-search-results]"
STATUS = "[data-sk-search-status]"
RESULT = f"{RESULTS} .sk-result"
TOGGLE = "#__search"
OPENER = ".sk-search-open"
# search page
FACETS = "#sk-search"
FACET_RESULT = f"{FACETS} .sk-facets__results .sk-result"
#: The facets, as generator/kinds.py declares them (the page gets them from there too).
FACET_KEYS = tuple(f.key for f in DECLARED_FACETS)
FACET_LABELS = {f.key: f.label for f in DECLARED_FACETS}

# Pages of the sample content the assertions name (paths below the site root).
DOI_MOI = "sang-kien/doi-moi-quy-trinh-tiep-nhan-ho-so-ket-nap-doan-vien/"
DOI_MOI_TITLE = "Đổi mới quy trình"
LDLD_DA_NANG = "don-vi/ldld-da-nang/"
DA_NANG_INITIATIVES = {
    "sang-kien/dien-mat-troi-ap-mai-nha-xuong/",
    "sang-kien/do-ga-dinh-vi-nhanh-may-phay-cnc/",
}
CDS_2022 = "sang-kien/chuyen-doi-so-quan-ly-thiet-bi-thuc-hanh-bang-ma-qr/"
CDS_2021 = "sang-kien/so-hoa-ho-so-doan-vien/"

#: content folder → URL section of its records (generator/link.py, URL_PREFIX)
SECTIONS = {
    "initiatives": "sang-kien",
    "people": "ca-nhan",
    "units": "don-vi",
    "awards": "khen-thuong",
    "events": "su-kien",
    "campaigns": "chuong-trinh",
}


def sub(path: str) -> str:
    """The URL path of ``path`` (relative to the site root) as served under the sub-path."""
    return SEARCH_SUB_PATH + path


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `./run test` installs it (apt-get install chromium)")
    sync_api.expect.set_options(timeout=WAIT_MS)
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


OpenPage = Callable[..., Any]


@pytest.fixture
def open_page(browser: Any, search_server: str) -> Iterator[OpenPage]:
    """``open_page(path="", *, width=1280, height=900, mobile=False)``: a new context's page at
    ``path`` (relative to the served site), its traffic checked when the test ends."""
    origin = urlsplit(search_server)
    contexts: list[Any] = []
    outside: list[str] = []
    failed: list[str] = []
    errors: list[str] = []

    def local(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            return True
        return parts.netloc == origin.netloc and parts.path.startswith(SEARCH_SUB_PATH)

    def on_request(request: Any) -> None:
        if not local(request.url):
            outside.append(request.url)

    def on_response(response: Any) -> None:
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    def open_(path: str = "", *, width: int = 1280, height: int = 900, mobile: bool = False) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            is_mobile=mobile,
            has_touch=mobile,
            color_scheme="light",
            locale="vi-VN",
        )
        context.set_default_timeout(WAIT_MS)
        context.on("request", on_request)
        context.on("response", on_response)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(search_server + path)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not outside, f"requests left 127.0.0.1{SEARCH_SUB_PATH}: {outside}"
    assert not failed, f"requests failed: {failed}"
    assert not errors, f"uncaught script errors: {errors}"


# --------------------------------------------------------------------------- helpers


def indexed_fragments(site: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's fragment files (gzip JSON, maybe prefixed with ``pagefind_dcd``) by URL."""
    fragments = {}
    for path in (site / "pagefind").glob("**/fragment/*.pf_fragment"):  # every bundle
        data = gzip.decompress(path.read_bytes())
        data = data.removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        fragments[fragment["url"]] = fragment
    return fragments


def open_search(page: Any) -> None:
    """Open the header search: the magnifier on a phone, the "/" key on a wide screen.

    (Clicking into the header box is tested on its own, in
    ``test_escape_closes_search_opened_by_clicking_the_box``.)
    """
    opener = page.locator(OPENER)
    if opener.is_visible():
        opener.click()
    else:
        page.keyboard.press("/")
    sync_api.expect(page.locator(TOGGLE)).to_be_checked()
    sync_api.expect(page.locator(INPUT)).to_be_focused()


_HEADER_SETTLED = """([result, status]) => {
  if (document.querySelector(result)) return true;
  const s = document.querySelector(status);
  return !!s && /Không tìm thấy|Không tải được/.test(s.textContent);
}"""

_RESULT_DATA = """(selector) => Array.from(document.querySelectorAll(selector), (li) => {
  const a = li.querySelector("a[href]");
  const h1 = li.querySelector("h1");
  return {
    href: a ? new URL(a.href).pathname : "",
    title: h1 ? h1.textContent.trim() : "",
    text: li.innerText,
    marks: Array.from(li.querySelectorAll("mark"), (m) => m.textContent),
  };
})"""


def header_search(page: Any, query: str) -> list[dict[str, Any]]:
    """Type ``query`` into the header search; the results shown (href path, title, text, marks)."""
    if not page.locator(TOGGLE).is_checked():
        open_search(page)
    box = page.locator(INPUT)
    box.fill("")  # clears the previous results at once
    box.fill(query)
    page.wait_for_function(_HEADER_SETTLED, arg=[RESULT, STATUS], timeout=WAIT_MS)
    results: list[dict[str, Any]] = page.evaluate(_RESULT_DATA, RESULT)
    return results


def hrefs(results: list[dict[str, Any]]) -> list[str]:
    return [r["href"] for r in results]


_FACETS_SETTLED = """([root, result]) => {
  const el = document.querySelector(root);
  if (!el || !el.querySelector("fieldset[data-facet]")) return false;
  if (el.querySelector("[aria-busy=true]")) return false;
  const status = el.querySelector(".sk-facets__status");
  const text = status ? status.textContent.trim() : "";
  if (!text || /Đang tìm/.test(text)) return false;
  // "12 kết quả": wait for the first page of results to be drawn
  return /^\\d/.test(text) ? document.querySelectorAll(result).length > 0 : true;
}"""

_FACET_DATA = """(root) => {
  const el = document.querySelector(root);
  const facets = {};
  el.querySelectorAll("fieldset[data-facet]").forEach((fs) => {
    const values = {};
    fs.querySelectorAll("input[type=checkbox]").forEach((cb) => {
      const label = el.querySelector('label[for="' + cb.id + '"]');
      const count = label && label.querySelector(".sk-facet__count");
      values[cb.value] = {count: count ? count.textContent.trim() : "", checked: cb.checked};
    });
    facets[fs.getAttribute("data-facet")] = values;
  });
  return {status: el.querySelector(".sk-facets__status").textContent.trim(), facets: facets};
}"""


def facet_state(page: Any) -> dict[str, Any]:
    """Wait for /tra-cuu/ to settle; its status, result count, results and facets."""
    page.wait_for_function(_FACETS_SETTLED, arg=[FACETS, FACET_RESULT], timeout=WAIT_MS)
    state: dict[str, Any] = page.evaluate(_FACET_DATA, FACETS)
    match = re.match(r"([\d.]+) kết quả", state["status"])
    state["count"] = int(match.group(1).replace(".", "")) if match else None
    state["results"] = page.evaluate(_RESULT_DATA, FACET_RESULT)
    for values in state["facets"].values():
        for value in values.values():
            value["count"] = int(value["count"].replace(".", ""))
    return state


def facet_box(page: Any, key: str, value: str) -> Any:
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    return page.locator(
        f'{FACETS} fieldset[data-facet="{key}"] input[type=checkbox][value="{quoted}"]'
    )


def toggle_facet(page: Any, key: str, value: str) -> dict[str, Any]:
    facet_box(page, key, value).click()
    return facet_state(page)


def url_filters(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def open_filter_panel(page: Any) -> None:
    """On a narrow screen the facets sit in a closed <details>."""
    panel = page.locator(f"{FACETS} details")
    if panel.count() and panel.first.get_attribute("open") is None:
        panel.first.locator("summary").click()
        sync_api.expect(panel.first).to_have_attribute("open", "")


_FITS = """(width) => document.documentElement.scrollWidth <= width && window.innerWidth <= width"""


def no_horizontal_overflow(page: Any, width: int = 360) -> None:
    """Nothing wider than the screen: the page does not scroll sideways, and Chromium has not
    widened the layout viewport to fit wide content (as a phone browser does)."""
    try:
        # Material's search opens on a phone with a ripple (its overlay scaled 45 times,
        # about -570…1230 px): for a moment Chromium may widen the viewport to fit it.
        page.wait_for_function(_FITS, arg=width, timeout=WAIT_MS)
    except sync_api.TimeoutError:
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth,"
            " document.documentElement.clientWidth]"
        )
        raise AssertionError(
            f"page wider than {width} px: scrollWidth, innerWidth, clientWidth = {widths}"
        ) from None


# --------------------------------------------------------------------------- what is indexed


def published_records_and_pages() -> set[str]:
    """URL paths (below the site root) of the published records and hand-written pages."""
    content = REPO / "content"
    urls = set()
    for folder, section in SECTIONS.items():
        for path in (content / folder).rglob("*.yml"):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if data.get("publish", True) is not False:
                urls.add(f"/{section}/{path.stem}/")
    urls.update(f"/{path.stem}/" for path in (content / "pages").glob("*.md"))
    return urls


def test_index_holds_records_and_pages_not_listings(search_site: Path) -> None:
    indexed = set(indexed_fragments(search_site))
    expected = published_records_and_pages()
    assert "/sang-kien/doi-moi-quy-trinh-tiep-nhan-ho-so-ket-nap-doan-vien/" in expected
    assert {"/gioi-thieu/", "/lien-he/"} <= expected
    assert expected - indexed == set(), "records or pages missing from the index"

    # Everything else the site has is a listing, the search page, the honour roll, the 404,
    # the home page or generated (the editor's guide): none of it is in the index.
    served = {
        "/" + "".join(f"{part}/" for part in page.relative_to(search_site).parent.parts)
        for page in search_site.rglob("index.html")
    }
    listings = served - expected
    for must in ("/", "/bang-vang/", "/tra-cuu/", "/sang-kien/", "/nam/2022/", "/thong-ke/"):
        assert must in listings
    assert indexed & listings == set(), "listing pages are in the index"
    assert "/404.html" not in indexed and (search_site / "404.html").is_file()
    assert indexed - expected == set(), "unexpected pages in the index"


def test_word_of_a_listing_heading_finds_no_listing(open_page: OpenPage) -> None:
    page = open_page()
    for query in ("Bảng vàng", "Tra cứu"):
        for href in hrefs(header_search(page, query)):
            assert not href.startswith((sub("bang-vang/"), sub("tra-cuu/"), sub("nam/"))), href
            assert href != SEARCH_SUB_PATH


# --------------------------------------------------------------------------- folding, ranking


def test_query_without_diacritics_finds_doi_moi(open_page: OpenPage) -> None:
    page = open_page()
    results = header_search(page, "doi moi quy trinh")
    assert results, "no result for 'doi moi quy trinh'"
    assert results[0]["href"] == sub(DOI_MOI)
    assert results[0]["title"].startswith(DOI_MOI_TITLE)


def test_sang_kien_finds_sang_kien(open_page: OpenPage) -> None:
    page = open_page()
    results = header_search(page, "sang kien")
    assert len(results) >= 5
    titled = [r for r in results if "sáng kiến" in r["title"].casefold()]
    assert titled, [r["title"] for r in results]
    marks = {m.casefold().strip("“”¶.,:;") for r in results for m in r["marks"]}
    assert {"sáng", "kiến"} & marks, marks


def test_da_nang_in_any_case_finds_da_nang(open_page: OpenPage) -> None:
    page = open_page()
    upper = hrefs(header_search(page, "DA NANG"))
    lower = hrefs(header_search(page, "da nang"))
    assert upper == lower
    assert sub(LDLD_DA_NANG) in lower[:3], lower
    assert {sub(p) for p in DA_NANG_INITIATIVES} & set(lower), lower


def test_decomposed_query_finds_what_composed_finds(open_page: OpenPage) -> None:
    page = open_page()
    composed = "đổi mới"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    nfc = hrefs(header_search(page, composed))
    nfd = hrefs(header_search(page, decomposed))
    assert page.locator(INPUT).input_value() == decomposed  # the browser got NFD
    assert nfd == nfc
    assert sub(DOI_MOI) in nfd[:3], nfd


def test_exact_diacritic_query_ranks_its_page_first(open_page: OpenPage) -> None:
    page = open_page()
    for query in (DOI_MOI_TITLE, unicodedata.normalize("NFD", DOI_MOI_TITLE)):
        results = header_search(page, query)
        assert results and results[0]["href"] == sub(DOI_MOI), hrefs(results)


def _exact_pages(site: Path, word: str) -> set[str]:
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return {
        sub(url.lstrip("/"))
        for url, fragment in indexed_fragments(site).items()
        if pattern.search(fragment["content"])
    }


#: showcase-search.js, RERANK_TOP: how many of Pagefind's results are re-ranked.
RERANK_TOP = 30


@pytest.mark.parametrize(
    "word",
    [
        # "năng" (energy) and "Nẵng" (of Đà Nẵng) fold alike; so do "mới" (new),
        # "mỗi" (each) and "môi" (environment). Pagefind alone put "Cân pha … điện năng"
        # above Đà Nẵng records for "Nẵng", and a "mới" page first for "môi".
        "năng",
        "Nẵng",
        "mới",
        "môi",
    ],
)
def test_exact_diacritic_matches_rank_before_folded_ones(
    open_page: OpenPage, search_site: Path, word: str
) -> None:
    """Words that fold alike: each lists the pages holding it with its own diacritics first,
    on /tra-cuu/ (every result) and in the header (the first ten)."""
    exact = _exact_pages(search_site, word)
    assert exact, f"no page holds {word!r}: pick another word"
    page = open_page("tra-cuu/?" + urlencode({"q": word}))
    state = facet_state(page)
    assert state["count"] <= RERANK_TOP, "more results than are re-ranked: pick another word"
    more = page.locator(f"{FACETS} .sk-facets__more")
    # (the `hidden` attribute: Material's .md-button display wins over it in CSS)
    while not more.evaluate("(button) => button.hidden"):
        shown = page.locator(FACET_RESULT).count()
        more.click()
        page.wait_for_function(
            "([sel, n]) => document.querySelectorAll(sel).length > n",
            arg=[FACET_RESULT, shown],
            timeout=WAIT_MS,
        )
    ranked = hrefs(page.evaluate(_RESULT_DATA, FACET_RESULT))
    assert len(ranked) == state["count"] == len(set(ranked)), ranked
    flags = "".join("E" if href in exact else "." for href in ranked)
    assert exact <= set(ranked)
    assert ".E" not in flags, f"exact matches (E) after folded-only ones: {flags}"

    header = hrefs(header_search(page, word))
    flags = "".join("E" if href in exact else "." for href in header)
    assert ".E" not in flags, f"header: exact matches (E) after folded-only ones: {flags}"
    assert flags.count("E") == min(len(exact), len(header)), flags


def test_titles_with_the_query_as_a_phrase_come_first(open_page: OpenPage) -> None:
    """Issue 12: "thanh hoa" puts a record with "Thanh Hóa" in its title first (not "Hoằng
    Hóa"); "chuyen doi so" puts both "Chuyển đổi số…" titles first."""
    page = open_page()
    for query in ("thanh hoa", "Thanh Hóa", "THANH HOA"):
        results = header_search(page, query)
        titles = [r["title"] for r in results]
        assert "Thanh Hóa" in titles[0], titles
        with_phrase = [t for t in titles if "Thanh Hóa" in t]
        assert titles[: len(with_phrase)] == with_phrase, titles
    titles = [r["title"] for r in header_search(page, "chuyen doi so")]
    assert all(t.startswith("Chuyển đổi số") for t in titles[:2]), titles


def test_a_name_typed_without_accents_finds_the_person_first(open_page: OpenPage) -> None:
    page = open_page()
    results = header_search(page, "nguyen van hung")
    assert results[0]["title"] == "Nguyễn Văn Hùng", hrefs(results)
    assert results[0]["href"].startswith(sub("ca-nhan/"))


#: Boilerplate of the record templates that must never reach an excerpt.
TEMPLATE_TEXT = ("Đây là hồ sơ ví dụ", "Hồ sơ minh hoạ", "Tóm tắt", "Đơn vị áp dụng", "Tác giả")


def test_excerpts_come_from_the_records_own_text(open_page: OpenPage) -> None:
    page = open_page()
    for query in ("sáng kiến", "thanh hoa", "đoàn viên", "Nẵng"):
        for result in header_search(page, query):
            excerpt = result["text"].split("\n")[-1]
            for text in TEMPLATE_TEXT:
                assert text not in excerpt, (query, result["title"], excerpt)


# --------------------------------------------------------------------------- results


def test_result_shows_title_kind_unit_year_snippet_and_opens_the_record(
    open_page: OpenPage,
) -> None:
    page = open_page()
    results = header_search(page, "doi moi quy trinh")
    first = results[0]
    assert first["title"].startswith(DOI_MOI_TITLE)
    assert "¶" not in first["title"], "the heading's permalink sign is part of the title"
    for fact in ("Sáng kiến", "Liên đoàn Lao động huyện Hoằng Hóa", "2022"):
        assert fact in first["text"], first["text"]
    # Pagefind cannot mark "Đổi" for "doi" (đ is not folded); the UI must.
    assert any(m.casefold().startswith("đổi") for m in first["marks"]), first["marks"]
    # A result shows the record's own summary, not an excerpt around the match: every
    # query word it shows (folded, whole word) is marked.
    words = set(fold_vietnamese("doi moi quy trinh").split())
    for result in results:
        assert result["title"], result
        shown = set(re.findall(r"\w+", fold_vietnamese(result["text"])))
        marked = {fold_vietnamese(m) for m in result["marks"]}
        assert words & shown <= marked, (result, words & shown, marked)
    page.locator(RESULT).first.locator("a[href]").first.click()
    page.wait_for_url(re.compile(re.escape(sub(DOI_MOI)) + "$"))
    sync_api.expect(page.locator(".md-content h1").first).to_contain_text(DOI_MOI_TITLE)
    sync_api.expect(page.locator(TOGGLE)).not_to_be_checked()


def _focused(page: Any) -> str:
    return str(
        page.evaluate(
            "() => { const a = document.activeElement;"
            " return !a || a === document.body ? 'body' : a.outerHTML.slice(0, 80); }"
        )
    )


def test_keyboard_slash_opens_arrows_move_escape_closes(open_page: OpenPage) -> None:
    page = open_page()
    page.locator("body").press("/")
    sync_api.expect(page.locator(TOGGLE)).to_be_checked()
    sync_api.expect(page.locator(INPUT)).to_be_focused()
    page.keyboard.type("doi moi")
    # results of "doi moi" itself, not of a prefix typed on the way ("d", "doi", …)
    page.wait_for_selector(f'{RESULTS} a[href$="?q={quote("doi moi")}"]', timeout=WAIT_MS)
    assert page.locator(INPUT).input_value() == "doi moi"  # "/" was not typed into the box
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.closest('.sk-result') !== null")
    assert focused, "ArrowDown does not move to the first result"
    page.keyboard.press("Escape")
    sync_api.expect(page.locator(TOGGLE)).not_to_be_checked()
    # On a wide screen the box is the search button: focus stays there, not on the body.
    sync_api.expect(page.locator(INPUT)).to_be_focused()
    sync_api.expect(page.locator(TOGGLE)).not_to_be_checked()


def test_escape_closes_search_opened_by_clicking_the_box(open_page: OpenPage) -> None:
    page = open_page()
    page.locator(INPUT).click()
    sync_api.expect(page.locator(TOGGLE)).to_be_checked()
    page.locator(INPUT).fill("doi moi")
    page.wait_for_function(_HEADER_SETTLED, arg=[RESULT, STATUS], timeout=WAIT_MS)
    page.keyboard.press("Escape")
    sync_api.expect(page.locator(TOGGLE)).not_to_be_checked()
    assert _focused(page) != "body"


def test_escape_on_a_phone_returns_focus_to_the_search_button(open_page: OpenPage) -> None:
    page = open_page(width=360, height=740, mobile=True)
    opener = page.locator(OPENER)
    sync_api.expect(opener).to_be_visible()
    opener.focus()
    page.keyboard.press("Enter")
    sync_api.expect(page.locator(TOGGLE)).to_be_checked()
    sync_api.expect(page.locator(INPUT)).to_be_focused()
    sync_api.expect(opener).to_have_attribute("aria-expanded", "true")
    page.keyboard.type("doi moi")
    page.wait_for_function(_HEADER_SETTLED, arg=[RESULT, STATUS], timeout=WAIT_MS)
    page.keyboard.press("Escape")
    sync_api.expect(page.locator(TOGGLE)).not_to_be_checked()
    sync_api.expect(opener).to_be_focused()
    sync_api.expect(opener).to_have_attribute("aria-expanded", "false")


def test_enter_in_the_header_box_opens_the_search_page(open_page: OpenPage) -> None:
    page = open_page("gioi-thieu/")
    open_search(page)
    page.keyboard.type("doi moi")
    page.wait_for_function(_HEADER_SETTLED, arg=[RESULT, STATUS], timeout=WAIT_MS)
    page.keyboard.press("Enter")
    # under the site's sub-path, with the query
    page.wait_for_url(re.compile(re.escape(sub("tra-cuu/")) + r"\?q=doi(\+|%20)moi$"))
    sync_api.expect(page.locator(f"{FACETS} input[type=search]")).to_have_value("doi moi")
    assert sub(DOI_MOI) in hrefs(facet_state(page)["results"])


def test_header_search_chrome_is_valid_html(search_site: Path) -> None:
    """What the Nu Html Checker reported on our header override: no role or aria-label on a
    <label>, no non-standard attributes on the search box; the opener is a real button."""
    from bs4 import BeautifulSoup

    for path in ("index.html", "tra-cuu/index.html", DOI_MOI + "index.html", "404.html"):
        soup = BeautifulSoup((search_site / path).read_text("utf-8"), "html.parser")
        header = soup.select_one("header.md-header")
        assert header is not None, path
        for label in header.find_all("label"):
            assert not label.has_attr("role") and not label.has_attr("aria-label"), (path, label)
        box = header.select_one(INPUT)
        assert box is not None
        for attr in ("autocorrect", "enterkeyhint"):
            assert not box.has_attr(attr), (path, attr)
        opener = header.select_one(OPENER)
        assert opener is not None and opener.name == "button" and opener["type"] == "button"
        assert opener.get("aria-label")


# --------------------------------------------------------------------------- dark mode

_COLOURS = """([results, result]) => {
  const probe = document.createElement("div");
  probe.style.cssText = "background-color: var(--md-default-bg-color); color: var(--md-default-fg-color)";
  document.body.appendChild(probe);
  const vars = getComputedStyle(probe);
  const out = {bgVar: vars.backgroundColor, fgVar: vars.color};
  probe.remove();
  // the colour painted behind the results: the first ancestor with a background
  let el = document.querySelector(results);
  let bg = "rgba(0, 0, 0, 0)";
  while (el && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) {
    bg = getComputedStyle(el).backgroundColor;
    el = el.parentElement;
  }
  out.resultsBg = bg;
  out.title = getComputedStyle(document.querySelector(result + " h1")).color;
  out.scheme = document.body.getAttribute("data-md-color-scheme");
  return out;
}"""


def _rgb(css: str) -> tuple[float, ...]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return tuple(numbers[:3]) + ((numbers[3],) if len(numbers) > 3 else (1.0,))


def _luminance(css: str, behind: str = "rgb(255, 255, 255)") -> float:
    r, g, b, a = _rgb(css)
    if a < 1:  # blend onto what is behind
        br, bg, bb, _ = _rgb(behind)
        r, g, b = (a * c + (1 - a) * d for c, d in ((r, br), (g, bg), (b, bb)))

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(fg: str, bg: str) -> float:
    lighter, darker = sorted((_luminance(fg, bg), _luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_search_follows_the_dark_palette(open_page: OpenPage) -> None:
    page = open_page()
    header_search(page, "doi moi quy trinh")
    light = page.evaluate(_COLOURS, [RESULTS, RESULT])
    page.keyboard.press("Escape")
    page.locator('form[data-md-component="palette"] label:not([hidden])').first.click()
    sync_api.expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    header_search(page, "doi moi quy trinh")
    dark = page.evaluate(_COLOURS, [RESULTS, RESULT])

    assert light["scheme"] != "slate" and dark["scheme"] == "slate"
    for colours in (light, dark):
        # the results sit on Material's page colour, whichever it is
        assert colours["resultsBg"] == colours["bgVar"], colours
        assert _contrast(colours["title"], colours["resultsBg"]) >= 4.5, colours
    assert light["resultsBg"] != dark["resultsBg"]
    assert _luminance(light["resultsBg"]) > 0.6 > 0.2 > _luminance(dark["resultsBg"])
    assert _luminance(dark["title"], dark["resultsBg"]) > _luminance(dark["resultsBg"])


# --------------------------------------------------------------------------- /tra-cuu/


def test_search_page_shows_every_facet_with_counts(open_page: OpenPage) -> None:
    page = open_page("tra-cuu/")
    state = facet_state(page)
    assert set(state["facets"]) == set(FACET_KEYS)
    for key, values in state["facets"].items():
        assert values, key
        assert all(v["count"] > 0 and not v["checked"] for v in values.values()), (key, values)
    assert state["facets"]["year"].keys() >= {"2021", "2022", "2023"}
    assert state["results"] == []  # no words, no filter: facets only


#: facet → a filter to start from (so that the facet has values that narrow it) and the
#: value to choose; None chooses the first value listed with a count below the total.
NARROWING: dict[str, tuple[str, str]] = {
    "kind": ("year", "2022"),
    "year": ("kind", "Sáng kiến"),
    "field": ("kind", "Sáng kiến"),
    "unit": ("kind", "Sáng kiến"),
    "province": ("kind", "Sáng kiến"),
    "award_form": ("kind", "Khen thưởng"),
    "level": ("kind", "Sáng kiến"),
    "status": ("kind", "Sáng kiến"),
}


@pytest.mark.parametrize("key", FACET_KEYS)
def test_each_facet_narrows_the_results_and_the_url(open_page: OpenPage, key: str) -> None:
    base_key, base_value = NARROWING[key]
    page = open_page("tra-cuu/?" + urlencode({base_key: base_value}))
    before = facet_state(page)
    assert before["count"] and before["count"] == len(before["results"]), before["status"]
    values = before["facets"][key]
    value, info = next((v, i) for v, i in values.items() if 0 < i["count"] < before["count"])

    after = toggle_facet(page, key, value)
    assert after["count"] == info["count"], (key, value, after["status"])
    assert len(after["results"]) == after["count"]
    assert after["facets"][key][value]["checked"]
    assert url_filters(page) == {base_key: [base_value], key: [value]}
    if key in ("kind", "year", "unit"):  # shown on each result
        assert all(value in r["text"] for r in after["results"]), after["results"]

    again = toggle_facet(page, key, value)  # unticking restores the wider list
    assert again["count"] == before["count"]
    assert url_filters(page) == {base_key: [base_value]}


def test_facets_combine_and_values_of_one_facet_add_up(open_page: OpenPage) -> None:
    page = open_page("tra-cuu/")
    facet_state(page)
    state = toggle_facet(page, "year", "2022")
    assert state["count"] == state["facets"]["year"]["2022"]["count"]
    field_count = state["facets"]["field"]["Chuyển đổi số"]["count"]
    assert field_count == 1

    state = toggle_facet(page, "field", "Chuyển đổi số")
    assert state["count"] == 1
    assert hrefs(state["results"]) == [sub(CDS_2022)]
    assert url_filters(page) == {"year": ["2022"], "field": ["Chuyển đổi số"]}
    # counts of the facet with a choice tell what adding another of its values would give
    assert state["facets"]["year"]["2021"]["count"] == 1

    state = toggle_facet(page, "year", "2021")  # 2021 or 2022, in Chuyển đổi số
    assert sorted(hrefs(state["results"])) == sorted([sub(CDS_2022), sub(CDS_2021)])
    assert url_filters(page) == {"year": ["2022", "2021"], "field": ["Chuyển đổi số"]}


def test_shared_url_restores_filters_and_results(open_page: OpenPage) -> None:
    # "the honoured initiatives of 2022 in chuyển đổi số from one unit", sent as a link
    shared = {
        "kind": "Sáng kiến",
        "year": "2022",
        "field": "Chuyển đổi số",
        "unit": "Công đoàn cơ sở Trường Cao đẳng Kỹ thuật Lam Sơn",
        "status": "Được công nhận",
    }
    page = open_page("tra-cuu/?" + urlencode(shared))
    state = facet_state(page)
    assert hrefs(state["results"]) == [sub(CDS_2022)]
    for key, value in shared.items():
        assert state["facets"][key][value]["checked"], key
    assert url_filters(page) == {k: [v] for k, v in shared.items()}

    page = open_page("tra-cuu/?" + urlencode({"q": "doi moi", "year": "2022"}))
    state = facet_state(page)
    assert page.locator(f"{FACETS} input[type=search]").input_value() == "doi moi"
    assert state["facets"]["year"]["2022"]["checked"]
    assert sub(DOI_MOI) in hrefs(state["results"])
    assert all(
        "2022" in r["text"] for r in state["results"] if "/sang-kien/sang-kien/" in r["href"]
    )


def test_filters_without_words_list_every_matching_record(open_page: OpenPage) -> None:
    """An empty query with filters lists the records; units, people and pages have no date."""
    page = open_page("tra-cuu/")
    totals = facet_state(page)["facets"]
    missing = []
    for key, value in [
        ("year", "2021"),
        ("kind", "Đơn vị"),
        ("kind", "Cá nhân"),
        ("kind", "Trang"),
        ("province", "Đà Nẵng"),
    ]:
        page = open_page("tra-cuu/?" + urlencode({key: value}))
        state = facet_state(page)
        expected = totals[key][value]["count"]
        if state["count"] != expected or len(state["results"]) != min(expected, 20):
            missing.append(f"{key}={value}: facet says {expected}, page says {state['status']!r}")
    assert not missing, "\n".join(missing)


def test_filters_without_words_never_load_pagefind(open_page: OpenPage) -> None:
    """Issue 10: an empty query with filters is answered from the filter index (a few small
    lists and result rows), not from Pagefind's word index."""
    page = open_page("tra-cuu/?" + urlencode({"year": "2022", "field": "Chuyển đổi số"}))
    state = facet_state(page)
    assert hrefs(state["results"]) == [sub(CDS_2022)]
    assert state["facets"]["year"]["2021"]["count"] == 1
    requested = page.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)")
    search = [u for u in requested if "/pagefind/" in u]
    assert search and all("/pagefind/showcase-index/" in u for u in search), search
    assert not [u for u in requested if u.endswith("pagefind.js")], "Pagefind was loaded"


def test_words_come_from_the_word_index_and_quoted_phrases_from_pagefind(
    open_page: OpenPage,
) -> None:
    page = open_page()
    plain = page.evaluate("(q) => window.showcaseSearch.search(q)", "sang kien")
    assert plain["source"] == "words" and plain["total"] >= 5
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)")
    assert not [u for u in loaded if u.endswith("pagefind.js")], "Pagefind loaded for words"
    assert any("/pagefind/showcase-index/word/sang.json" in u for u in loaded), loaded
    quoted = page.evaluate("(q) => window.showcaseSearch.search(q)", '"sáng kiến"')
    assert quoted["source"] == "pagefind" and quoted["total"] >= 5
    titles = [r["title"] for r in quoted["results"]]
    assert all(r["url"].startswith(SEARCH_SUB_PATH) for r in quoted["results"]), titles


def test_facet_legends_are_the_declared_labels(open_page: OpenPage) -> None:
    page = open_page("tra-cuu/")
    facet_state(page)
    legends = page.evaluate(
        "() => Object.fromEntries(Array.from(document.querySelectorAll('#sk-search fieldset'),"
        " (f) => [f.dataset.facet, f.querySelector('legend').textContent]))"
    )
    assert legends == FACET_LABELS


# --------------------------------------------------------------------------- a 360 px phone


def test_phone_header_search_fits_the_screen(open_page: OpenPage) -> None:
    page = open_page(width=360, height=740, mobile=True)
    sync_api.expect(page.locator(OPENER)).to_be_visible()
    results = header_search(page, "doi moi quy trinh")
    assert results[0]["href"] == sub(DOI_MOI)
    first = page.locator(RESULT).first
    sync_api.expect(first).to_be_in_viewport()
    no_horizontal_overflow(page)
    for left, right in page.locator(RESULT).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })"
    ):
        assert left >= -0.5 and right <= 360.5, (left, right)
    first.locator("a[href]").first.click()
    page.wait_for_url(re.compile(re.escape(sub(DOI_MOI)) + "$"))


def test_phone_search_page_filters_are_usable(open_page: OpenPage) -> None:
    page = open_page("tra-cuu/", width=360, height=740, mobile=True)
    facet_state(page)
    open_filter_panel(page)
    state = toggle_facet(page, "year", "2021")
    assert state["count"] == 5 and len(state["results"]) == 5
    sync_api.expect(page.locator(FACET_RESULT).first).to_be_visible()
    unit_toggle = page.locator(f'{FACETS} fieldset[data-facet="unit"] button')
    if unit_toggle.count():  # "Xem thêm n giá trị": long unit names must wrap
        unit_toggle.first.click()
        facet_state(page)
    no_horizontal_overflow(page)


# --------------------------------------------------------------------------- navigation


def _navigate(page: Any, link: Any, path: str, heading: str) -> None:
    """Click ``link`` and wait for the page at ``path`` (+ query)."""
    link.click()
    page.wait_for_url(re.compile(re.escape(sub(path)) + r"(\?.*)?$"))
    sync_api.expect(page.locator(".md-content h1").first).to_contain_text(heading)


def test_no_page_fetches_the_sitemap(open_page: OpenPage) -> None:
    """The sitemap lists every page (7 MB at 50,000 records): Material fetches it for
    instant navigation (off) and beside each alternate link (the feeds' copies in
    nguon-tin/, beside which it is empty).  No page view may download it."""
    fetched: list[str] = []
    for path in ("", "tra-cuu/?q=doi+moi", DOI_MOI):
        page = open_page(path)
        page.on("request", lambda request: fetched.append(request.url))
        page.reload(wait_until="networkidle")
    sitemaps = [url for url in fetched if url.endswith("sitemap.xml")]
    assert sitemaps and all("/nguon-tin/" in url for url in sitemaps), sitemaps


def test_search_works_after_navigating(open_page: OpenPage) -> None:
    page = open_page()

    tab = page.locator('.md-tabs a[href$="gioi-thieu/"]').first
    _navigate(page, tab, "gioi-thieu/", "Giới thiệu")
    results = header_search(page, "doi moi quy trinh")
    assert results[0]["href"] == sub(DOI_MOI)

    result = page.locator(RESULT).first.locator("a[href]").first
    _navigate(page, result, DOI_MOI, DOI_MOI_TITLE)
    results = header_search(page, "da nang")
    assert sub(LDLD_DA_NANG) in hrefs(results)[:3]

    # from the header's results to the search page, with the query
    to_search_page = page.locator(f'{RESULTS} a[href*="tra-cuu/?q="]').first
    _navigate(page, to_search_page, "tra-cuu/", "Tra cứu")
    sync_api.expect(page.locator(f"{FACETS} input[type=search]")).to_have_value("da nang")
    state = facet_state(page)
    assert sub(LDLD_DA_NANG) in hrefs(state["results"])
    units = state["facets"]["kind"]["Đơn vị"]["count"]
    state = toggle_facet(page, "kind", "Đơn vị")
    assert state["count"] == units and sub(LDLD_DA_NANG) in hrefs(state["results"])
