"""Our own checks in real Chromium: the fixture site tests/fixtures/own-checks and the real Flemish pages.

The real pages (../shared/real-pages, see its README) are served on 127.0.0.1 and
read in place; every request that leaves 127.0.0.1 is blocked.
"""

import asyncio
from datetime import date
from pathlib import Path

import pytest

from a11y_audit.checks import check_page, check_site
from a11y_audit.checks.statement_analysis import analyse_statement
from a11y_audit.checks.documents import DOCUMENT_CHECKS
from a11y_audit.checks.links import ALT_MEANINGLESS, ALT_REDUNDANT_PREFIX, AMBIGUOUS_LINK_NAME
from a11y_audit.checks.site import SITE_CHECKS
from a11y_audit.checks.statement import STATEMENT_CHECKS
from a11y_audit.config import Settings, Site, Targets
from a11y_audit.demo.server import serve_folder
from a11y_audit.gather.page import Gatherer
from a11y_audit.run import audit
from a11y_audit.snapshot import PageSnapshot
from a11y_audit.store.sqlite import Store

from conftest import FIXTURES, SHARED

pytestmark = pytest.mark.browser

# the checks of issue 7 (statement, links and alt texts, documents, site-wide criteria); other checks have their own tests
MINE = {c.id for c in (AMBIGUOUS_LINK_NAME, ALT_MEANINGLESS, ALT_REDUNDANT_PREFIX, *SITE_CHECKS, *STATEMENT_CHECKS, *DOCUMENT_CHECKS)}
REAL_PAGES = SHARED / "real-pages"
TODAY = date(2026, 11, 29)
ONLY_LOCAL = Settings(allowed_hosts=["127.0.0.1"], page_timeout=20)

# (page, rule, outcome): every barrier planted in tests/fixtures/own-checks for our own checks, nothing else
EXPECTED_OWN = {
    ("/", "link-name-ambiguous", "cantTell"),  # two "Aanvragen" links, to the passport and the waste pages
    ("/", "alt-text-meaningless", "failed"),  # alt="IMG_1234.jpg"
    ("/", "alt-text-redundant-prefix", "cantTell"),  # alt="Foto van het plein"
    ("/afval.html", "skip-link", "failed"),  # "Ga naar de hoofdinhoud" -> #nergens, which does not exist
    ("/afval.html", "page-title-unclear", "failed"),  # "Pagina – Gemeente Proefdorp"
    ("/afval.html", "navigation-order", "failed"),  # Paspoort, Start, Afval
    ("/paspoort.html", "consistent-identification", "failed"),  # "Reispas" where the others say "Paspoort"
    ("/verklaring.html", "statement-no-enforcement", "failed"),  # no Vlaamse Ombudsdienst
}


@pytest.fixture(scope="module")
def own_site(tmp_path_factory):
    with serve_folder(FIXTURES / "own-checks") as base:
        settings = ONLY_LOCAL.model_copy(update={"max_pages": 10})
        store = Store(tmp_path_factory.mktemp("own") / "a.sqlite")
        run_id = asyncio.run(audit(Targets(settings=settings, sites=[Site(id="proef", name="Proefdorp", url=base)]), store))
        yield store, run_id, base
        store.close()


def test_exactly_the_planted_barriers_are_found(own_site):
    store, run_id, base = own_site
    found = {(f.page_url.replace(base, "/"), f.rule_id, f.outcome) for f in store.findings(run_id, "proef") if f.rule_id in MINE}
    assert found == EXPECTED_OWN


def test_page_facts_for_the_own_checks(own_site):
    store, run_id, base = own_site
    pages = {s.requested_url.replace(base, "/"): s for s in store.snapshots(run_id, "proef")}
    home, afval, statement = pages["/"], pages["/afval.html"], pages["/verklaring.html"]
    # the skip link is the first focusable element and its target exists inside <main>
    assert (home.focusables[0].name, home.focusables[0].fragment, home.focusables[0].target_exists,
            home.focusables[0].target_in_main) == ("Naar de inhoud", "inhoud", True, True)
    # tabindex="2" comes first in tab order; the skip link's target is missing
    assert [f.name for f in afval.focusables[:2]] == ["Eerst", "Ga naar de hoofdinhoud"]
    assert afval.focusables[1].target_exists is False
    # a search form recognised by its input's name, not by role=search
    assert [(f.how, f.selector) for f in home.search_forms] == [("hint", "body > header > form")]
    # landmarks know what they are in; links know their landmark
    assert ("navigation", "Kruimelpad", "main") in {(lm.role, lm.name, lm.parent) for lm in afval.landmarks}
    assert {link.landmark for link in home.links if link.name == "Afval"} == {"body > nav"}
    # bare text in a div or section is kept, in its place among the text blocks
    intro = next(t for t in home.loose_text if t.tag == "div")
    assert intro.text == "Deze tekst staat niet in een alinea." and home.text_blocks[intro.before].text == "Een gewone alinea."
    runs = [t.text for t in statement.loose_text if t.tag == "section"]
    assert runs[2] == "Deze verklaring is opgesteld op 02/03/2026. Ze is het laatst herzien op 10 oktober 2026."
    assert statement.text_blocks[[t for t in statement.loose_text if t.tag == "section"][2].before].text == "Feedback en contactgegevens"


def test_the_statement_in_bare_text_is_read(own_site):
    store, run_id, _ = own_site
    result = analyse_statement(list(store.snapshots(run_id, "proef")), TODAY)
    assert (result.status, result.wcag_version) == ("gedeeltelijk", "2.1")
    assert (result.date_drawn_up, result.date_reviewed) == (date(2026, 3, 2), date(2026, 10, 10))
    assert result.has_feedback and result.has_contact and result.has_non_accessible_list and not result.has_enforcement
    assert result.linked_from_home and result.linked_from_all_pages


# -- real Flemish government pages ----------------------------------------------------


@pytest.fixture(scope="module")
def real_pages() -> dict[str, PageSnapshot]:
    if not (REAL_PAGES / "README.md").is_file():
        pytest.skip(f"{REAL_PAGES} is not here")
    names = sorted(p.name for p in REAL_PAGES.glob("*.html"))

    async def visit_all(base: str) -> dict[str, PageSnapshot]:
        async with Gatherer(ONLY_LOCAL) as gatherer:
            return {name: await gatherer.visit(base + name) for name in names}

    with serve_folder(REAL_PAGES) as base:
        snapshots = asyncio.run(visit_all(base))
    assert all(s.audited for s in snapshots.values()), {n: s.reason for n, s in snapshots.items() if not s.audited}
    return snapshots


def pick(pages: dict[str, PageSnapshot], prefix: str) -> list[PageSnapshot]:
    return [s for name, s in pages.items() if name.startswith(prefix)]


def own_findings(snapshots: list[PageSnapshot]) -> list[tuple[str, str, str]]:
    findings = [f for s in snapshots for f in check_page(s)] + check_site(snapshots, TODAY)
    return sorted((f.rule_id, f.outcome, Path(f.page_url).name) for f in findings if f.rule_id in MINE)


def test_the_data_vlaanderen_statement_is_insufficient(real_pages):
    statement = real_pages["data_vlaanderen_be_toegankelijkheidsverklaring.html"]
    assert any(t.text.startswith("De Vlaamse overheid levert inspanningen") for t in statement.loose_text)  # bare text, no <p>
    result = analyse_statement(pick(real_pages, "data_vlaanderen"), TODAY)
    assert result.found and result.analysed and result.url.endswith("data_vlaanderen_be_toegankelijkheidsverklaring.html")
    assert result.status is None and result.wcag_version is None
    assert result.date_drawn_up is None and result.date_reviewed is None
    assert not (result.has_feedback or result.has_contact or result.has_enforcement or result.has_non_accessible_list)
    # the saved pages lack the Flemish header and footer widgets (scripts from elsewhere): no link to it either
    assert not result.linked
    assert [r for r, _, _ in own_findings(pick(real_pages, "data_vlaanderen"))] == [
        "multiple-ways", "statement-no-date", "statement-no-enforcement", "statement-no-feedback",
        "statement-no-non-accessible", "statement-no-status", "statement-not-linked",
    ]
    assert ("multiple-ways", "cantTell", "data_vlaanderen_be_over.html") in own_findings(pick(real_pages, "data_vlaanderen"))


def test_two_pages_of_one_real_municipal_template_raise_no_false_alarms(real_pages):
    aalter = pick(real_pages, "aalter")
    # the skip link comes after the cookie banner's four controls, and works
    skip = [f for f in aalter[0].focusables if f.fragment]
    assert [(f.name, f.target_exists, f.target_in_main) for f in skip] == [("Naar content", True, True)]
    assert analyse_statement(aalter, TODAY).url.endswith("/toegankelijkheidsverklaring")  # linked, not among the pages
    assert own_findings(aalter) == [
        ("link-name-ambiguous", "cantTell", "aalter_be_eid.html"),  # three "Meer openingsuren" links
        ("link-name-ambiguous", "cantTell", "aalter_be_verhuizen.html"),
        ("statement-unchecked", "cantTell", "toegankelijkheidsverklaring"),
    ]


def test_real_file_name_alt_texts_and_old_sites_without_statement(real_pages):
    gent = own_findings(pick(real_pages, "stad_gent"))
    assert gent.count(("alt-text-meaningless", "failed", "stad_gent_homepage_2018.html")) == 4
    assert ("statement-missing", "failed", "stad_gent_homepage_2018.html") in gent
    affligem = own_findings(pick(real_pages, "affligem"))
    assert ("statement-missing", "failed", "affligem_be_sitemap.html") in affligem
    assert not any(rule == "link-name-ambiguous" for rule, _, _ in affligem)  # a sitemap repeats names by design
    assert not any(rule == "multiple-ways" for rule, _, _ in affligem)  # it has a sitemap and a search form


def test_the_statement_is_visited_first_when_the_page_budget_is_small(tmp_path):
    with serve_folder(FIXTURES / "own-checks") as base:
        settings = ONLY_LOCAL.model_copy(update={"max_pages": 2})
        store = Store(tmp_path / "a.sqlite")
        run_id = asyncio.run(audit(Targets(settings=settings, sites=[Site(id="proef", name="Proefdorp", url=base)]), store))
        visited = {p.url.replace(base, "/") for p in store.pages(run_id, "proef")}
        store.close()
    assert visited == {"/", "/verklaring.html"}  # the footer link came last on the page
