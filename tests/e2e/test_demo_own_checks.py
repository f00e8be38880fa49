"""Our own checks on the demo sites: the accessible one stays clean, the other's barriers are found."""

import asyncio
from datetime import date
from urllib.parse import urlsplit

import pytest
from ruamel.yaml import YAML

from a11y_audit.checks.documents import DOCUMENT_CHECKS
from a11y_audit.checks.interaction import INTERACTION_CHECKS
from a11y_audit.checks.links import ALT_MEANINGLESS, ALT_REDUNDANT_PREFIX, AMBIGUOUS_LINK_NAME
from a11y_audit.checks.site import SITE_CHECKS
from a11y_audit.checks.statement import STATEMENT_CHECKS
from a11y_audit.demo import SITES_DIR, demo_targets
from a11y_audit.run import audit
from a11y_audit.store.sqlite import Store

pytestmark = pytest.mark.browser

EXPECTED = YAML(typ="safe").load((SITES_DIR / "expected.yaml").read_text(encoding="utf-8"))
# the checks of issue 7 (statement, links and alt texts, documents, site-wide criteria); other checks have their own tests
MINE = {c.id for c in (AMBIGUOUS_LINK_NAME, ALT_MEANINGLESS, ALT_REDUNDANT_PREFIX, *SITE_CHECKS, *STATEMENT_CHECKS, *DOCUMENT_CHECKS)}
BEEKVELD_REVIEWED = date(2026, 11, 20)  # "laatst herzien op" in beekveld/toegankelijkheidsverklaring.html


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("demo-own") / "a.sqlite")
    with demo_targets() as targets:
        run_id = asyncio.run(audit(targets, store))
    yield store, run_id
    store.close()


def _path(url: str) -> str:
    path = urlsplit(url).path
    return "/" if path.endswith("/index.html") else path


def test_beekveld_has_no_failure_from_any_engine(demo_run):
    store, run_id = demo_run
    assert (date.today() - BEEKVELD_REVIEWED).days <= 365, (
        "the demo statement of Beekveld was last reviewed more than a year ago: update its review date "
        "(beekveld/toegankelijkheidsverklaring.html) and BEEKVELD_REVIEWED"
    )
    findings = store.findings(run_id, "beekveld")
    assert [(f.engine, f.rule_id, _path(f.page_url)) for f in findings if f.outcome == "failed"] == []
    assert [f for f in findings if f.rule_id in MINE] == []  # not even a "cannot tell"


def test_dorpsveen_barriers_beyond_axe_are_found(demo_run):
    store, run_id = demo_run
    found = {(f.rule_id, f.outcome, _path(f.page_url)) for f in store.findings(run_id, "dorpsveen")
             if f.rule_id in MINE}
    expected = EXPECTED["sites"]["dorpsveen"]
    statement, pdf = expected["accessibility_statement"], expected["pdf"]
    pages = set(expected["pages"])
    assert found == {
        *(("navigation-order", "failed", p) for p in expected["navigation_differs_on"]),
        *((rule, "failed", statement) for rule in (
            "statement-no-status", "statement-no-date", "statement-no-feedback", "statement-no-enforcement",
            "statement-no-non-accessible",
        )),
        *((rule, "failed", pdf) for rule in ("pdf-untagged", "pdf-no-title", "pdf-no-language")),
        # no skip link and no <main> on any page; headings remain, so: cannot tell
        *(("skip-link", "cantTell", p) for p in pages),
    }


def test_the_interaction_step_finds_the_known_barriers_and_nothing_on_the_accessible_site(demo_run):
    store, run_id = demo_run
    interaction = {c.id for c in INTERACTION_CHECKS}
    for site in ("beekveld", "dorpsveen"):
        expected = EXPECTED["sites"][site]["interaction"]
        found = {path: set() for path in expected}
        for f in store.findings(run_id, site):
            if f.rule_id in interaction:
                found[_path(f.page_url)].add((f.rule_id, f.outcome))
        assert found == {path: {(rule, "failed") for rule in rules} for path, rules in expected.items()}, site


def test_linked_documents_are_stored_with_the_page_that_links_them(demo_run):
    store, run_id = demo_run
    (good,) = store.documents(run_id, "beekveld")
    assert _path(good.url) == EXPECTED["sites"]["beekveld"]["pdf"] and _path(good.linked_from) == "/afval.html"
    assert (good.state, good.tagged, good.marked, good.lang, good.display_doc_title, good.has_text) == (
        "analysed", True, True, "nl-BE", True, True)
    (bad,) = store.documents(run_id, "dorpsveen")
    assert _path(bad.url) == EXPECTED["sites"]["dorpsveen"]["pdf"] and _path(bad.linked_from) == "/rijbewijs.html"
    assert (bad.state, bad.tagged, bad.title, bad.lang, bad.link_text) == ("analysed", False, "", "", "hier te klikken")
