"""Plain Dutch and language checks on snapshots of real Flemish pages (../shared/real-pages) taken by real Chromium.

The pages are served on 127.0.0.1; requests that leave it are blocked. The demo sites (beekveld reads
clearly easier than dorpsveen) are checked in tests/e2e/test_demo.py, on the demo's own run.
"""

import asyncio

import pytest

from a11y_audit.checks import check_site
from a11y_audit.config import Settings
from a11y_audit.demo.server import serve_folder
from a11y_audit.gather.page import Gatherer
from a11y_audit.plainlang.htmltext import html_main_text
from a11y_audit.plainlang.maintext import main_text, site_main_texts
from a11y_audit.plainlang.reading import site_indicators

from conftest import SHARED

pytestmark = pytest.mark.browser

REAL_PAGES = SHARED / "real-pages"
ONLY_LOCAL = Settings(allowed_hosts=["127.0.0.1"], page_timeout=20)


def gather(folder, names):
    async def visit_all(base):
        async with Gatherer(ONLY_LOCAL) as gatherer:
            return {name: await gatherer.visit(base + name) for name in names}

    with serve_folder(folder) as base:
        snapshots = asyncio.run(visit_all(base))
    assert all(s.audited for s in snapshots.values()), {n: s.reason for n, s in snapshots.items() if not s.audited}
    return snapshots


@pytest.fixture(scope="module")
def real():
    if not (REAL_PAGES / "README.md").is_file():
        pytest.skip(f"{REAL_PAGES} is not here")
    return gather(REAL_PAGES, sorted(p.name for p in REAL_PAGES.glob("*.html")))


def by_rule(findings, prefix):
    counts = {}
    for f in findings:
        if f.rule_id.startswith(prefix):
            counts[f.rule_id] = counts.get(f.rule_id, 0) + 1
    return counts


def test_real_pages_main_text_leaves_out_chrome_and_cookie_banners(real):
    pages = {p.url.rsplit("/", 1)[-1]: p for p in site_main_texts(list(real.values()))}
    aalter = pages["aalter_be_eid.html"]
    texts = [b.text for b in aalter.blocks]
    assert not any("cookies" in t.lower() for t in texts)  # the cookie banner (#cookie-compliance)
    assert "Politiezone Aalter" not in texts and "Digitaal loket" not in texts  # footer and header
    assert any(t.startswith("Vanaf 12 jaar krijgt elke Belg") for t in texts)
    disclaimer = pages["data_vlaanderen_be_disclaimer.html"]
    assert any(t.startswith("Alle feedback is welkom") for t in (b.text for b in disclaimer.blocks))  # bare text in a div
    assert all(p.is_dutch for p in pages.values())


def test_real_pages_get_indicators_and_no_false_language_alarms(real):
    snapshots = list(real.values())
    texts = site_main_texts(snapshots)
    site = site_indicators(texts)
    assert 30 < site.score < 80  # real municipal text: between the demo's extremes (about 55 when written)
    findings = check_site(snapshots)
    assert by_rule(findings, "language-") == {}  # all Dutch, all with lang="nl": precision first
    plain = [f for f in findings if f.rule_id.startswith("plainlang-")]
    assert plain and all(f.outcome == "cantTell" and f.criteria == ("3.1.5",) for f in plain)
    per_page_rule = {}
    for f in plain:
        per_page_rule[(f.page_url, f.rule_id)] = per_page_rule.get((f.page_url, f.rule_id), 0) + 1
    assert max(per_page_rule.values()) <= 10


def test_html_drafts_read_without_a_browser_give_the_same_main_text(real):
    """`a11y-audit text page.html` (selectolax) reads the same main text as an audit in Chromium."""
    for name, snapshot in real.items():
        browser = [(b.kind, b.language, b.text) for b in main_text(snapshot).blocks]
        html = (REAL_PAGES / name).read_text(encoding="utf-8", errors="replace")
        assert [(b.kind, b.language, b.text) for b in html_main_text(html).blocks] == browser, name
