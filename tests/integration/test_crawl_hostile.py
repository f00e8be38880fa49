"""The crawler against a hostile site (tests/hostile.py) on 127.0.0.1, with another site on 127.0.0.2.

One run, real Chromium; the servers record every request, so the tests assert what was asked
and what never was (robots.txt Disallow, the other site), the politeness, the sample and the
recorded status and reason of every failure.
"""

import asyncio
import json
import time
from urllib.parse import urlsplit

import pytest
from hostile import CRAWL_DELAY, HostileSite

from a11y_audit.config import Settings, Site, Targets
from a11y_audit.discover.polite import Politeness
from a11y_audit.report.export import run_to_dict
from a11y_audit.run import audit
from a11y_audit.store.sqlite import Store

pytestmark = pytest.mark.browser

LISTED = ["/alert", "/weg", "/verversen", "/oneindig", "/lus", "/latin1", "/verkeerd"]
PAGE_TIMEOUT = 10  # ordinary pages well within it on a loaded machine; /traag and /druppel take 20 s


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    claims: list[tuple[str, float]] = []
    turn = Politeness.turn

    async def recorded_turn(self, host):
        await turn(self, host)
        claims.append((host, self._host(host).last_start))  # the moment claimed, not a later clock read

    with HostileSite() as site, pytest.MonkeyPatch.context() as patch:
        patch.setattr(Politeness, "turn", recorded_turn)
        site.claims = claims
        settings = Settings(
            page_timeout=PAGE_TIMEOUT, concurrency=3, per_host_concurrency=2, request_delay=0.05, max_pages=16,
            discovery_max_urls=45, max_urls_per_pattern=4, max_page_bytes=1_000_000, max_retry_after=5,
            sample_seed=20311, document_timeout=5,
        )
        targets = Targets(settings=settings, sites=[
            Site(id="valstrik", name="Gemeente Valstrik", url=site.base + "/", pages=[site.base + p for p in LISTED]),
        ])
        store = Store(tmp_path_factory.mktemp("hostile") / "a.sqlite")
        started = time.monotonic()
        run_id = asyncio.run(audit(targets, store))
        seconds = time.monotonic() - started
        export = run_to_dict(store, run_id)
        yield site, store, run_id, export, seconds
        store.close()


def _paths(export):
    pages = export["sites"][0]["pages"]
    return {urlsplit(p["url"]).path + (f"?{urlsplit(p['url']).query}" if urlsplit(p["url"]).query else ""): p for p in pages}


def test_the_run_finishes_within_its_bounds(crawled):
    site, store, run_id, export, seconds = crawled
    assert store.run(run_id).status == "finished"
    assert export["sites"][0]["status"] == "audited"
    assert seconds < 200  # about 60-90 s; pages that never end would hold it far longer
    assert export["sites"][0]["discovery"]["fetched"] <= 45


def test_disallowed_and_out_of_scope_addresses_are_never_requested(crawled):
    site, *_ = crawled
    asked = site.paths()
    assert asked and asked[0] == "/robots.txt"  # before anything else
    assert not [p for p in asked if p.startswith("/geheim/")]  # robots.txt: in links, in the sitemap, an <img>
    assert site.other_requests == []  # links, sitemap, sitemap index, redirect, meta refresh, script navigation
    assert not [p for p in asked if "utm_" in p or "fbclid" in p or "jsessionid" in p.lower() or "//" in p]
    assert all(r.user_agent.startswith("a11y-audit/") and "(+https://" in r.user_agent for r in site.requests)


def test_each_address_is_fetched_once_by_plain_http(crawled):
    site, *_ = crawled
    # /druk: 429, then once more; documents: discovery reads their type, the document step their content
    plain = [p for p in site.paths(plain_only=True) if p not in ("/druk", "/download?id=7", "/Reglement.pdf")]
    assert len(plain) == len(set(plain)), sorted(p for p in plain if plain.count(p) > 1)
    assert site.asked()["/druk"] >= 2


def test_politeness_delay_and_per_host_slots(crawled):
    site, *_ = crawled
    # every request (plain HTTP, and each browser visit's own request) claims the host's turn right
    # before it goes out: turns are Crawl-delay apart (robots.txt's 0.2 s, not the 0.05 s setting)
    turns = [t for host, t in site.claims if host == urlsplit(site.base).netloc]
    assert len(turns) >= 40
    assert min(b - a for a, b in zip(turns, turns[1:])) >= CRAWL_DELAY - 0.005
    # as the server saw them (same clock; a loaded machine can delay a request after its turn, so the
    # server's view alone may bunch them): the k-th request arrived after the k-th turn was claimed, so
    # no request went out without a turn of its own
    polite = sorted((r for r in site.requests if not r.browser or r.navigate), key=lambda r: r.started)
    assert len(polite) <= len(turns)
    assert all(r.started >= turn for r, turn in zip(polite, turns)), [
        (r.path, round(r.started - turn, 3)) for r, turn in zip(polite, turns) if r.started < turn]
    # at most per_host_concurrency (2, with concurrency 3) at a time; the server goes on working on
    # requests the client gave up on (/traag, /druppel after page_timeout): those are left out
    answered = [r for r in polite if r.ended and r.ended - r.started < PAGE_TIMEOUT]
    busiest = max(sum(1 for o in answered if o.started <= r.started < o.ended) for r in answered)
    assert busiest <= 2
    druk = [r for r in site.requests if r.path == "/druk"]
    assert druk[1].started - druk[0].started >= 1.0  # Retry-After: 1


def test_traps_are_capped(crawled):
    site, *_ = crawled
    agenda = {p for p in site.paths() if p.startswith("/agenda")}
    products = {p for p in site.paths() if p.startswith("/producten")}
    assert 1 <= len(agenda) <= 4 and 1 <= len(products) <= 4 + 1  # max_urls_per_pattern per shape


def test_sitemap_only_pages_are_found_and_roles_are_sampled(crawled):
    site, store, run_id, export, _ = crawled
    pages = _paths(export)
    discovered = {urlsplit(d["url"]).path: d for d in export["sites"][0]["discovered"]}
    assert discovered["/verborgen.html"]["via"] == "sitemap" and discovered["/ook-verborgen.html"]["kind"] == "page"
    assert "/verborgen.html" in site.asked() and "/ook-verborgen.html" in site.asked()
    assert pages["/"]["chosen_for"][0] == "home"
    assert "statement" in pages["/verborgen.html"]["chosen_for"]  # by its title; no link leads to it
    assert "contact" in pages["/contact"]["chosen_for"] and "form" in pages["/contact"]["chosen_for"]
    assert "search" in pages["/zoeken"]["chosen_for"]
    assert all("listed" in pages[p]["chosen_for"] for p in LISTED)
    assert "random" in {why for p in pages.values() for why in p["chosen_for"]}
    assert export["sites"][0]["sample_seed"] == 20311
    sampled = [p for p in pages.values() if p["chosen_for"]]
    assert len(sampled) <= 16


def test_links_only_in_the_rendered_menu_are_followed(crawled):
    site, store, run_id, export, _ = crawled
    pages = _paths(export)
    assert "/js-menu" not in site.paths(plain_only=True)  # not in the HTML
    assert "help" in pages["/js-menu"]["chosen_for"] and pages["/js-menu"]["state"] == "audited"


def test_documents_are_recorded_not_audited(crawled):
    site, store, run_id, export, _ = crawled
    pages = _paths(export)
    assert not {"/Reglement.pdf", "/formulier.docx", "/download?id=7"} & set(pages)
    documents = {urlsplit(d.url).path + (f"?{urlsplit(d.url).query}" if urlsplit(d.url).query else ""): d
                 for d in store.documents(run_id, "valstrik")}
    assert {"/Reglement.pdf", "/formulier.docx", "/download?id=7"} <= set(documents)
    assert documents["/formulier.docx"].state == "not-analysed"
    assert documents["/geheim/rapport.pdf"].state == "skipped" and documents["/geheim/rapport.pdf"].reason == "robots"


def test_every_failure_has_a_status_and_a_reason(crawled):
    site, store, run_id, export, _ = crawled
    pages = _paths(export)
    # the sample takes the pages that answered; what failed during discovery is in `discovered`
    # (and in `pages` too when the budget has room, as on a small site)
    pages = pages | {urlsplit(d["url"]).path: d | {"state": "failed"} for d in export["sites"][0]["discovered"]
                     if d["kind"] == "failed" and urlsplit(d["url"]).path not in pages}
    expected = {
        "/fout": ("http-status: 500", 500),
        "/weg-kwijt": ("http-status: 404", 404),
        "/lus-a": ("redirect-loop", None),
        "/naar-elders": (f"leaves-site: {site.other}/doel", None),
        "/traag": (f"timeout: {PAGE_TIMEOUT}", None),
        "/druppel": (f"timeout: {PAGE_TIMEOUT}", None),
        "/groot": ("too-large: > 1000000", 200),
        "/lus": (f"timeout: {PAGE_TIMEOUT}", None),  # a script that never stops: the visit is bounded
    }
    for path, (reason, status) in expected.items():
        assert (pages[path]["state"], pages[path]["reason"], pages[path]["http_status"]) == ("failed", reason, status), path
    for page in pages.values():
        assert page["state"] in ("audited", "failed")
        assert (page["state"] == "failed") == bool(page["reason"]), page
    json.dumps(export)


def test_hostile_pages_are_audited_as_they_load(crawled):
    site, store, run_id, export, _ = crawled
    pages = _paths(export)
    for path in ("/alert", "/weg", "/verversen", "/oneindig", "/latin1", "/verkeerd"):
        assert pages[path]["state"] == "audited", (path, pages[path])
    assert pages["/weg"]["final_url"].startswith(site.base)  # it tried to leave; it stayed
    assert pages["/latin1"]["title"] == "Café"
    assert not [p for p in pages if p.startswith("/nieuws?") or p.startswith("/sessie;")]


def test_the_site_report_shows_why_and_the_seed(crawled, tmp_path):
    from a11y_audit.report.html import write_reports

    site, store, run_id, export, _ = crawled
    write_reports(store, run_id, tmp_path, "nl")
    html = (tmp_path / "sites" / "valstrik.html").read_text(encoding="utf-8")
    assert "Waarom gekozen" in html and "toegankelijkheidsverklaring" in html and "willekeurig gekozen" in html
    assert "20311" in html
    assert "Hoe de pagina" in html and "Gevonden: " in html

