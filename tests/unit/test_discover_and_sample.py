"""Discovery's pure parts and the sample: URL normalisation, traps, robots.txt, HTML, sitemaps, politeness."""

import asyncio
import gzip
import time
from datetime import datetime, timezone

import pytest

from a11y_audit.discover.fetch import retry_after_seconds
from a11y_audit.discover.html import decode, parse_html, template_key
from a11y_audit.discover.polite import Politeness
from a11y_audit.discover.robots import parse_robots
from a11y_audit.discover.sitemaps import SitemapError, parse_sitemap
from a11y_audit.discover.urls import looks_like_trap, normalise, page_key, url_pattern
from a11y_audit.sample import Candidate, select_sample, text_roles


@pytest.mark.parametrize(("url", "expected"), [
    ("https://g.be/nieuws?utm_source=x&utm_medium=y&fbclid=1&gclid=2", "https://g.be/nieuws"),
    ("https://g.be/a;jsessionid=ABC?b=2&a=1&PHPSESSID=9", "https://g.be/a?a=1&b=2"),
    ("HTTPS://G.BE:443//x//y#z", "https://g.be/x/y"),
])
def test_normalise_drops_tracking_and_sessions(url, expected):
    assert normalise(url) == expected


def test_page_key_and_trap_shapes():
    assert page_key("https://g.be/nieuws/index.html") == page_key("https://g.be/nieuws/")
    assert url_pattern("https://g.be/agenda/2031/05?dag=3") == url_pattern("https://g.be/agenda/2032/11?dag=30")
    assert url_pattern("https://g.be/p?kleur=rood&maat=S") == url_pattern("https://g.be/p?maat=L&kleur=blauw")
    assert looks_like_trap("https://g.be/a/b/a/b/a/b/a/b/")
    assert looks_like_trap("https://g.be/" + "x" * 500)
    assert not looks_like_trap("https://g.be/diensten/afval/kalender")


def test_robots_for_our_agent_and_the_rest():
    robots = parse_robots("https://g.be", "User-agent: *\nDisallow: /\n\nUser-agent: a11y-audit\nDisallow: /intern/\n"
                          "Crawl-delay: 2\nSitemap: https://g.be/kaart.xml\n", "a11y-audit")
    assert robots.allowed("https://g.be/nieuws") and not robots.allowed("https://g.be/intern/x")
    assert robots.crawl_delay == 2.0 and robots.sitemaps == ["https://g.be/kaart.xml"]
    other = parse_robots("https://g.be", "User-agent: *\nDisallow: /prive/\n", "a11y-audit")
    assert not other.allowed("https://g.be/prive/a") and other.allowed("https://g.be/a")


def test_retry_after_seconds_and_dates():
    assert retry_after_seconds("120") == 120.0
    now = datetime(2031, 5, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("Thu, 01 May 2031 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("morgen") is None and retry_after_seconds(None) is None


def test_html_facts_survive_wrong_encodings():
    body = ('<html><head><title>Caf\u00e9</title></head><body><nav><a href="/contact">Contact</a>'
            '<a href="#x">skip</a><a href="/a"><img alt="Afval"></a></nav>'
            '<form action="/zoek"><input name="q"></form><form><input name="naam"><textarea></textarea></form>'
            '</body></html>').encode("windows-1252")
    facts = parse_html(body, "https://g.be/x/", "utf-8")  # the header lies: not UTF-8
    assert facts.title == "Caf\u00e9"
    assert facts.links == (("https://g.be/contact", "Contact"), ("https://g.be/a", "Afval"))
    assert facts.search_actions == ("https://g.be/zoek",) and facts.forms == 1
    assert decode(b"caf\xc3\xa9", "x-onbestaand") == "caf\u00e9"
    same = parse_html(body.replace(b"Contact", b"Over ons"), "https://g.be/y/", "")
    assert template_key("https://g.be/nieuws/1", facts.structure) == template_key("https://g.be/nieuws/2", same.structure)


def test_sitemaps_gzip_text_and_bombs():
    xml = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://g.be/a</loc></url></urlset>'
    assert parse_sitemap(gzip.compress(xml)).pages == ("https://g.be/a",)
    assert parse_sitemap(b"https://g.be/a\nhttps://g.be/b\n").pages == ("https://g.be/a", "https://g.be/b")
    bomb = gzip.compress(b"<" + b"a" * 60_000_000)
    with pytest.raises(SitemapError):  # stops at 50 MB unpacked, then it is not valid XML
        parse_sitemap(bomb)


def test_politeness_spaces_requests_and_honours_back_off():
    async def scenario():
        polite = Politeness(per_host_concurrency=2, delay=0.05)
        starts = []

        async def one():
            async with polite.slot("h"):
                starts.append(polite._host("h").last_start)  # the moment claimed

        await asyncio.gather(*(one() for _ in range(4)))
        polite.back_off("h", 0.2)
        before = time.monotonic()
        await one()
        return starts, starts[-1] - before

    starts, waited = asyncio.run(scenario())
    assert all(b - a >= 0.049 for a, b in zip(starts, starts[1:4]))
    assert waited >= 0.19


def _site(n_other: int = 30) -> list[Candidate]:
    pages = [
        Candidate("https://g.be/", 0, "start", "Home", template="t1"),
        Candidate("https://g.be/toegankelijkheid", 1, "link", link_texts=("Toegankelijkheid",), template="t1"),
        Candidate("https://g.be/contact", 1, "link", link_texts=("Contacteer ons",), forms=1, template="t1"),
        Candidate("https://g.be/zoeken", 1, "search-form", template="t2"),
        Candidate("https://g.be/privacy", 1, "link", link_texts=("Privacyverklaring",), template="t1"),
        Candidate("https://g.be/afval", 1, "link", link_texts=("Afval",), documents=4, template="t1"),
        Candidate("https://g.be/nieuws/1", 2, "link", template="t3"),
        Candidate("https://g.be/verklaring", 1, "sitemap", title="Toegankelijkheidsverklaring", template="t1"),
    ]
    pages += [Candidate(f"https://g.be/p/{i}", 2, "link", template="t4") for i in range(n_other)]
    return pages


def test_structured_sample_then_random_with_reasons():
    sample = select_sample(_site(), budget=10, seed=7)
    why = {c.url: c.reasons for c in sample.chosen}
    assert why["https://g.be/"] == ("home",)
    assert why["https://g.be/toegankelijkheid"] == ("statement",)  # the link text beats the title
    assert why["https://g.be/contact"] == ("contact", "form")
    assert why["https://g.be/zoeken"] == ("search",)  # its template is covered by it: no reason "template"
    assert why["https://g.be/nieuws/1"] == ("template",)
    assert "legal" in why["https://g.be/privacy"] and "documents" in why["https://g.be/afval"]
    assert sum(1 for r in why.values() if r == ("random",)) >= 1  # at least 10 % of the structured part
    assert len(sample.chosen) == 10


def test_sample_is_reproducible_and_the_seed_matters():
    a = select_sample(_site(), budget=10, seed=7).chosen
    assert a == select_sample(list(reversed(_site())), budget=10, seed=7).chosen
    draws = {tuple(c.url for c in select_sample(_site(), 10, seed).chosen if c.reasons == ("random",)) for seed in range(8)}
    assert len(draws) > 1


def test_small_sites_are_audited_whole_and_tight_budgets_keep_the_random_share():
    small = select_sample(_site(n_other=2), budget=20, seed=1).chosen
    assert len(small) == 10
    tight = select_sample(_site(), budget=6, seed=1).chosen  # 8 structured: cut to 5, and 1 random
    assert [c.reasons[0] for c in tight] == ["home", "statement", "contact", "search", "legal", "random"]
    tiny = select_sample(_site(), budget=3, seed=1).chosen  # home, statement, contact, search never make room
    assert [c.reasons[0] for c in tiny] == ["home", "statement", "contact"]
    assert [c.reasons for c in select_sample(_site(), budget=1, seed=1).chosen] == [("home",)]


def test_reserve_for_roles_only_rendered_pages_show():
    sample = select_sample(_site(), budget=12, seed=3, max_reserve=3)
    assert sample.reserve == 3 and len(sample.spares) == 3  # sitemap, login, help: not found in the HTML
    assert len(sample.chosen) == 9
    assert text_roles("https://g.be/x", ["Veelgestelde vragen"]) == ["help"]
    assert text_roles("https://g.be/plan-du-site") == ["sitemap"]
