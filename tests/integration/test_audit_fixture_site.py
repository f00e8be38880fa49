"""Real Chromium and axe-core on a fixture site with known barriers, served on 127.0.0.1."""

import asyncio
import shutil

import psutil
import pytest

from a11y_audit.config import Settings, Site, Targets
from a11y_audit.gather.axe import AxeSourceError, bundled_axe_path, load_axe
from a11y_audit.gather.browser import ENV_VAR, BrowserNotFound, find_browser
from a11y_audit.gather.page import Gatherer
from a11y_audit.run import audit
from a11y_audit.store.sqlite import Store
from conftest import visiting_slow_page

pytestmark = pytest.mark.browser

EXPECTED_PAGES = {
    "/": ("audited", ""),
    "/page2.html": ("audited", ""),
    "/nieuws.html": ("audited", ""),
    "/missing.html": ("failed", "http-status: 404"),
    "/slow": ("failed", "timeout: 20"),
}
# (page, rule, outcome, selector): every barrier planted in tests/fixtures/site, nothing else
EXPECTED_FINDINGS = {
    ("/", "image-alt", "failed", "img"),
    ("/", "label", "failed", "input"),
    ("/", "link-text-vague", "cantTell", "body > main > p:nth-of-type(1) > a"),
    ("/page2.html", "color-contrast", "failed", "p:nth-child(3)"),
    ("/nieuws.html", "html-has-lang", "failed", "html"),
    ("/nieuws.html", "link-name", "failed", "a"),
    ("/", "statement-missing", "failed", ""),  # site-level: no accessibility statement
}


@pytest.fixture(scope="module")
def audited(fixture_site, tmp_path_factory):
    settings = Settings(page_timeout=20, allowed_hosts=["127.0.0.1"], max_pages=20)
    targets = Targets(settings=settings, sites=[Site(id="test", name="Testgemeente", url=fixture_site)])
    store = Store(tmp_path_factory.mktemp("store") / "a.sqlite")
    run_id = asyncio.run(audit(targets, store))
    yield store, run_id, fixture_site
    store.close()


def test_pages_visited_and_not_tested_with_reasons(audited):
    store, run_id, base = audited
    pages = {p.url.replace(base, "/"): (p.state, p.reason) for p in store.pages(run_id, "test")}
    # index.html is the same page as /; example.org is out of scope; the PDF is a document, not a page
    assert pages == EXPECTED_PAGES
    assert store.sites(run_id)[0].status == "audited"


def test_exact_findings_on_pages_with_known_barriers(audited):
    store, run_id, base = audited
    found = {(f.page_url.replace(base, "/"), f.rule_id, f.outcome, f.selector) for f in store.findings(run_id, "test")}
    assert found == EXPECTED_FINDINGS


def test_snapshot_holds_the_facts_checks_need(audited):
    store, run_id, base = audited
    home = next(s for s in store.snapshots(run_id, "test") if s.requested_url == base)
    assert home.title == "Testgemeente - Home" and home.lang == "nl" and home.http_status == 200
    assert [(h.level, h.text) for h in home.headings] == [(1, "Welkom in de testgemeente")]
    assert {lm.role for lm in home.landmarks} >= {"banner", "navigation", "main"}
    nav = [link for link in home.links if link.region == "navigation"]
    assert [link.name for link in nav][:2] == ["Over de gemeente", "Vacatures"]
    assert [(d.kind, d.link_text) for d in home.documents] == [("pdf", "Reglement (PDF)")]
    assert any(b.tag == "p" and b.text.startswith("Het nieuwe reglement") and b.region == "main" for b in home.text_blocks)
    assert home.axe.version == "4.12.1" or home.axe.version >= "4.12"
    assert home.timings.total_ms > 0 and home.timings.axe_ms > 0


def test_run_records_settings_and_versions(audited):
    store, run_id, _ = audited
    run = store.run(run_id)
    assert run.status == "finished"
    assert run.axe_version and run.axe_version >= "4.12"
    assert run.browser_version and run.versions["playwright"]
    assert run.settings["page_timeout"] == 20


def _kill_browser() -> int:
    """SIGKILL the main Chromium process started by this test process; return its pid."""
    for child in psutil.Process().children(recursive=True):
        cmdline = " ".join(child.cmdline())
        # the browser Playwright launched, not a renderer or the crash handler
        if "--remote-debugging-pipe" in cmdline and "--type=" not in cmdline:
            child.kill()
            return child.pid
    raise AssertionError("no browser process found")


def test_crashed_browser_is_restarted_and_the_run_goes_on(fixture_site):
    async def scenario():
        async with Gatherer(Settings(page_timeout=20)) as gatherer:
            slow = await visiting_slow_page(gatherer, fixture_site)
            _kill_browser()
            crashed = await slow
            after = await gatherer.visit(fixture_site + "page2.html")
            return crashed, after, gatherer.restarts

    crashed, after, restarts = asyncio.run(scenario())
    assert crashed.state == "failed" and crashed.reason == "browser-crash"
    assert after.audited and after.title.startswith("Over de gemeente")
    assert restarts == 1


def test_another_axe_script_can_be_configured(tmp_path, fixture_site):
    copy = tmp_path / "axe.min.js"
    shutil.copy(bundled_axe_path(), copy)
    assert load_axe(str(copy)).path == str(copy)
    (tmp_path / "bad.js").write_text("console.log('not axe')")
    with pytest.raises(AxeSourceError, match="does not look like axe.min.js"):
        load_axe(str(tmp_path / "bad.js"))


def test_missing_browser_says_what_to_do(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "/nonexistent/chrome")
    with pytest.raises(BrowserNotFound) as info:
        find_browser()
    message = str(info.value)
    assert "apt-get install -y chromium" in message and "playwright install chromium" in message
    assert "/nonexistent/chrome" in message
