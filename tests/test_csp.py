"""Defence in depth: every built page carries a Content-Security-Policy (issue 14, item 2).

The policy is a ``<meta http-equiv>`` (static hosts send no headers) allowing the site's
own script files and Material's inline scripts by hash.  In Chromium: the site's pages run
with no CSP violation, and a script smuggled into a built page, inline or as an event
handler, is blocked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import playwright.sync_api as sync_api
import pytest
from conftest import SEARCH_SUB_PATH
from test_browser_search import CHROMIUM, CHROMIUM_ARGS

from generator.engine.html import POLICY, script_hashes, with_policy

INJECTED = (
    '<script>window.__pwned = "inline"</script>'
    '<img src="x" onerror="window.__pwned = \'handler\'" alt="">'
)


def test_every_page_has_the_policy_first_in_head(built_site: Any) -> None:
    site_dir = Path(built_site.site_dir)
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text("utf-8")
        head = html.split("<head>", 1)[1] if "<head>" in html else ""
        assert head.startswith('<meta http-equiv="Content-Security-Policy"'), page
        policy = re.search(r'Content-Security-Policy" content="([^"]+)"', head)
        assert policy is not None and "'unsafe-inline'" not in policy.group(1).split("style-src")[0]
        for digest in script_hashes(html):
            assert digest in policy.group(1), (page, digest)


def test_hashes_cover_exactly_the_scripts_that_run() -> None:
    html = (
        "<html><head></head><body><script>a()</script>"
        '<script type="application/ld+json">{}</script>'
        '<script type="application/json" id="__config">{}</script>'
        '<script src="x.js"></script><script type="module">b()</script></body></html>'
    )
    assert len(script_hashes(html)) == 2
    assert with_policy(html).startswith('<html><head><meta http-equiv="Content-Security-Policy"')
    assert "script-src 'self'" in POLICY


@pytest.fixture(scope="module")
def served(search_site: Path, search_server: str, tmp_path_factory: Any) -> str:
    """The search site served on loopback, with one page that has a script smuggled in."""
    page = search_site / "gioi-thieu" / "index.html"
    target = search_site / "csp-thu" / "index.html"
    target.parent.mkdir(exist_ok=True)
    html = page.read_text("utf-8").replace("</article>", INJECTED + "</article>", 1)
    target.write_text(html, encoding="utf-8")
    return search_server


def violations_on(browser: Any, url: str) -> tuple[list[str], Any]:
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.goto(url, wait_until="networkidle")
    found = page.evaluate("window.__violations")
    return found, (page, context)


def test_site_runs_clean_and_smuggled_scripts_are_blocked(served: str) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `./run test` installs it")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for path in ("", "sang-kien/", "tra-cuu/?q=s%C3%A1ng+ki%E1%BA%BFn"):
                found, (page, context) = violations_on(browser, served + path)
                assert found == [], (path, found)
                context.close()
            found, (page, context) = violations_on(browser, served + "csp-thu/")
            assert page.evaluate("window.__pwned") is None, "the smuggled script ran"
            assert any(v.startswith("script-src") for v in found), found
            context.close()
        finally:
            browser.close()
    assert SEARCH_SUB_PATH in served
