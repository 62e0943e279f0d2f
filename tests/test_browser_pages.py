"""Every page type in a real browser, on a phone and a desktop, light and dark (issue 12, item 7).

The sample site is built once per session with its search bundle and served under the
sub-path /sang-kien/ (fixtures ``search_site`` and ``search_server`` in conftest.py, shared
with tests/test_browser_search.py).  One Chromium (Debian's, through Playwright) opens one
page of every page type at 360×740 and 1280×800, in the light and the dark scheme, several
pages at a time (Playwright's async API); each visit records:

- horizontal overflow: ``document.scrollingElement.scrollWidth`` against ``innerWidth``;
- axe-core's violations (``node_modules/axe-core``, pinned in package.json, injected into
  the page), of which none may be serious or critical;
- every ``<img>`` without ``width`` and ``height``;
- at 360 px light and 1280 px dark, a full-page screenshot, written to
  ``test-artifacts/screenshots/`` for people to look at (never compared pixel by pixel).

Record pages' ``og:image`` is fetched and must be a 1200×630 image.  The statistics page's
charts must fill their column with labels of at least 12 px, and the printed honour roll
must carry the organisation and a QR code that decodes to the page's address.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import io
import re
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import playwright.async_api as async_api  # a missing Playwright must fail, not skip
import playwright.sync_api as sync_api
import pytest
import zxingcpp
from conftest import REPO
from PIL import Image

from generator.pipeline import check_content

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
WAIT_MS = 20_000
#: Pages visited at once: two cores, one browser; more only queue in the renderer.
CONCURRENCY = 3
#: Modes whose full-page screenshot is kept (one narrow, one wide).
SCREENSHOT_MODES = {(360, "light"), (1280, "dark")}

#: One page of every page type, below the site root.
PAGES: dict[str, str] = {
    "home": "",
    "initiative": "sang-kien/cai-tien-he-thong-lam-mat-ghi-lo-nung-clinker/",
    "person": "ca-nhan/dinh-van-khoa/",
    "person-initials": "ca-nhan/nguyen-van-hung/",
    "unit": "don-vi/cdcs-cong-ty-xi-mang-dong-nghi-son/",
    "award": "khen-thuong/bang-khen-ldld-thanh-hoa-diem-hen-sang-kien-2022/",
    "event": "su-kien/diem-hen-sang-kien-thanh-hoa-2022/",
    "campaign": "chuong-trinh/1-trieu-sang-kien/",
    "listing-initiatives": "sang-kien/",
    "listing-people": "ca-nhan/",
    "listing-units": "don-vi/",
    "listing-awards": "khen-thuong/",
    "listing-events": "su-kien/",
    "listing-campaigns": "chuong-trinh/",
    "years": "nam/",
    "year": "nam/2022/",
    "fields": "linh-vuc/",
    "field": "linh-vuc/chuyen-doi-so/",
    "honour-roll": "bang-vang/",
    "honour-roll-year": "bang-vang/2023/",
    "statistics": "thong-ke/",
    "search": "tra-cuu/",
    "open-data": "du-lieu-mo/",
    "guide": "huong-dan/",
    "hand-page": "gioi-thieu/",
    "not-found": "404.html",
}
RECORD_PAGES = ("initiative", "person", "person-initials", "unit", "award", "event", "campaign")
MODES = [(360, "light"), (360, "dark"), (1280, "light"), (1280, "dark")]
SERIOUS = {"serious", "critical"}

_PAGE_FACTS = """() => {
  const out = {
    scrollWidth: document.scrollingElement.scrollWidth,
    innerWidth: window.innerWidth,
    scheme: document.body.getAttribute("data-md-color-scheme"),
    images: [],
    pictures: document.querySelectorAll("picture").length,
    ogImage: null,
  };
  for (const img of document.images) {
    if (!img.hasAttribute("width") || !img.hasAttribute("height")) out.images.push(img.outerHTML.slice(0, 160));
  }
  const og = document.querySelector('meta[property="og:image"]');
  if (og) out.ogImage = og.content;
  return out;
}"""

_AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}"""


@dataclass
class Visit:
    """What one page showed in one mode."""

    url: str
    scroll_width: int = 0
    inner_width: int = 0
    scheme: str | None = None
    violations: list[dict[str, Any]] = field(default_factory=list)
    unsized_images: list[str] = field(default_factory=list)
    pictures: int = 0
    og_image: str | None = None
    errors: list[str] = field(default_factory=list)


def key(name: str, width: int, scheme: str) -> str:
    return f"{name}-{width}-{scheme}"


async def _visit(
    browser: Any, server: str, name: str, width: int, scheme: str, axe: str, gate: Any
) -> tuple[str, Visit]:
    async with gate:
        context = await browser.new_context(
            viewport={"width": width, "height": 740 if width < 600 else 800},
            is_mobile=width < 600,
            has_touch=width < 600,
            color_scheme=scheme,
            locale="vi-VN",
            # axe-core is injected as an inline script, which the pages' CSP refuses (as it
            # should: tests/test_csp.py); the checker is the test's, not the site's.
            bypass_csp=True,
        )
        context.set_default_timeout(WAIT_MS)
        try:
            page = await context.new_page()
            visit = Visit(server + PAGES[name])
            page.on("pageerror", lambda exc: visit.errors.append(str(exc)))
            await page.goto(visit.url, wait_until="load")
            facts = await page.evaluate(_PAGE_FACTS)
            visit.scroll_width = facts["scrollWidth"]
            visit.inner_width = facts["innerWidth"]
            visit.scheme = facts["scheme"]
            visit.unsized_images = facts["images"]
            visit.pictures = facts["pictures"]
            visit.og_image = facts["ogImage"]
            await page.add_script_tag(content=axe)
            visit.violations = await page.evaluate(_AXE_RUN)
            if (width, scheme) in SCREENSHOT_MODES:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                await page.screenshot(
                    path=str(SCREENSHOTS / f"{key(name, width, scheme)}.png"), full_page=True
                )
        finally:
            await context.close()
        return key(name, width, scheme), visit


async def _visit_all(server: str) -> dict[str, Visit]:
    axe = AXE.read_text(encoding="utf-8")
    gate = asyncio.Semaphore(CONCURRENCY)
    async with async_api.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            jobs = [
                _visit(browser, server, name, width, scheme, axe, gate)
                for name in PAGES
                for width, scheme in MODES
            ]
            return dict(await asyncio.gather(*jobs))
        finally:
            await browser.close()


@pytest.fixture(scope="module")
def visits(search_server: str) -> dict[str, Visit]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `./run test` installs it (apt-get install chromium)")
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (package.json pins axe-core)")
    # In a thread of its own: the sync API of the other tests' browser may hold this one's
    # event loop.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _visit_all(search_server)).result()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def local(url: str, server: str, base: str) -> str:
    """An absolute URL of the published site (content/site.yml's base_url) on the test server."""
    assert url.startswith(base), url
    return server + url[len(base) :]


def test_every_page_type_on_phone_and_desktop_light_and_dark(
    visits: dict[str, Visit],
) -> None:
    """One test for all visits, so that pytest-xdist never visits them twice (a module
    fixture is made once per worker that runs any of the module's tests)."""
    assert set(visits) == {key(n, w, s) for n in PAGES for w, s in MODES}
    failures = []
    for case, visit in sorted(visits.items()):
        width, scheme = int(case.rsplit("-", 2)[1]), case.rsplit("-", 1)[1]
        if visit.inner_width != width:
            failures.append(f"{case}: viewport {visit.inner_width} px")
        if visit.scroll_width > visit.inner_width:
            failures.append(f"{case}: scrolls sideways ({visit.scroll_width} px)")
        # The dark scheme really is on (Material follows prefers-color-scheme).
        if visit.scheme != ("slate" if scheme == "dark" else "default"):
            failures.append(f"{case}: colour scheme {visit.scheme}")
        for violation in visit.violations:
            if violation["impact"] in SERIOUS:
                failures.append(
                    f"{case}: axe {violation['impact']} {violation['id']}: {violation['nodes']}"
                )
        for image in visit.unsized_images:
            failures.append(f"{case}: <img> without width/height: {image}")
        for error in visit.errors:
            failures.append(f"{case}: script error {error}")
    assert failures == [], "\n".join(failures)
    # The sample pages show pictures (else "every image sized" would prove little), and
    # every page type left its screenshots.
    for name in ("initiative", "person", "unit"):
        assert visits[key(name, 1280, "light")].pictures >= 1, name
    for name in PAGES:
        for width, scheme in SCREENSHOT_MODES:
            assert (SCREENSHOTS / f"{key(name, width, scheme)}.png").is_file()
    # Record pages name their share card.
    for name in RECORD_PAGES:
        assert visits[key(name, 360, "light")].og_image, name


@pytest.mark.parametrize("name", RECORD_PAGES)
def test_record_page_share_card_is_1200_by_630(
    search_site: Path, search_server: str, name: str
) -> None:
    site, _ = check_content(REPO / "content")
    assert site is not None
    html = (search_site / PAGES[name] / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<meta property="og:image" content="([^"]+)"', html)
    assert found, f"{name} has no og:image"
    with urllib.request.urlopen(local(found.group(1), search_server, site.urls.base)) as response:
        data = response.read()
    with Image.open(io.BytesIO(data)) as card:
        assert card.size == (1200, 630)


@pytest.mark.parametrize("width", [360, 1280])
def test_charts_fill_their_column_with_readable_labels(
    browser: Any, search_server: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(search_server + PAGES["statistics"])
        charts = page.evaluate(
            """() => Array.from(document.querySelectorAll("figure.sk-chart"), (figure) => {
              const svg = figure.querySelector("svg");
              const labels = Array.from(svg.querySelectorAll("text"), (t) =>
                parseFloat(getComputedStyle(t).fontSize) * (svg.getScreenCTM() ? svg.getScreenCTM().a : 1));
              const summary = figure.querySelector("details.sk-chart-data > summary");
              const marker = getComputedStyle(summary, "::before");
              return {
                svg: svg.getBoundingClientRect().width,
                column: figure.parentElement.getBoundingClientRect().width,
                smallest: Math.min(...labels),
                table: !!figure.querySelector("details table tbody tr"),
                icon: marker.content !== "none" && marker.display !== "none"
                  && marker.maskImage !== "none" && marker.webkitMaskImage !== "none",
              };
            })"""
        )
    finally:
        context.close()
    assert len(charts) >= 4
    for chart in charts:
        assert chart["svg"] >= 0.98 * chart["column"], chart
        assert chart["smallest"] >= 12, chart
        assert chart["table"], "every chart keeps its data table"
        assert not chart["icon"], "the data-table toggle shows no icon (Material's pencil)"


def test_printed_honour_roll_has_organisation_and_a_working_qr_code(
    browser: Any, search_server: str
) -> None:
    site, _ = check_content(REPO / "content")
    assert site is not None
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(search_server + PAGES["honour-roll-year"])
        head = page.locator(".sk-honour-roll__head")
        sync_api.expect(head).to_be_hidden()  # on screen: not there
        page.emulate_media(media="print")
        sync_api.expect(head).to_be_visible()
        sync_api.expect(page.locator(".md-header")).to_be_hidden()
        assert site.config.organisation.upper() in head.inner_text().upper()
        shot = page.locator(".sk-honour-roll__head svg").screenshot()
        pdf = page.pdf(format="A4")
    finally:
        context.close()
    with Image.open(io.BytesIO(shot)) as image:
        decoded = [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]
    assert decoded == [site.urls.absolute(PAGES["honour-roll-year"])]
    assert pdf.startswith(b"%PDF") and re.search(rb"/Type\s*/Page\b", pdf)


def test_home_search_form_works_without_javascript(browser: Any, search_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(search_server)
        page.locator(".sk-hero input[name=q]").fill("chuyển đổi số")
        page.locator(".sk-hero button[type=submit]").click()
        page.wait_for_url(re.compile(r"/tra-cuu/\?q="))
        parts = urlsplit(page.url)
    finally:
        context.close()
    assert parts.path.endswith("/sang-kien/tra-cuu/")
    assert parts.query == "q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"
