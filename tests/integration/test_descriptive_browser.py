"""In the browser: empty and unclear headings and labels (2.4.6), vague links without context (2.4.4) and
lang attributes that do not match their text (3.1.2), on a page with these barriers and its accessible twin
(tests/fixtures/descriptive)."""

import asyncio

import pytest

from a11y_audit.checks import check_page, check_site
from a11y_audit.config import Settings
from a11y_audit.demo.server import serve_folder
from a11y_audit.gather.page import Gatherer

from conftest import FIXTURES

pytestmark = pytest.mark.browser

MINE = ("heading-empty", "heading-unclear", "label-unclear", "link-text-vague", "language-part-unmarked",
        "language-html-lang-mismatch")


@pytest.fixture(scope="module")
def snapshots():
    async def visit_all(base):
        async with Gatherer(Settings(allowed_hosts=["127.0.0.1"], page_timeout=20, interaction=False)) as gatherer:
            return {name: await gatherer.visit(base + name) for name in ("barriers.html", "accessible.html")}

    with serve_folder(FIXTURES / "descriptive") as base:
        return asyncio.run(visit_all(base))


def found(snapshot):
    findings = check_page(snapshot) + check_site([snapshot])
    return sorted((f.rule_id, f.outcome, f.selector) for f in findings if f.rule_id in MINE)


def test_every_planted_barrier_is_found(snapshots):
    page = snapshots["barriers.html"]
    assert page.audited
    assert found(page) == [
        ("heading-empty", "failed", "body > main > h2:nth-of-type(1)"),
        ("heading-empty", "failed", "body > main > h2:nth-of-type(2)"),  # only an image with alt=""
        ("heading-unclear", "cantTell", "body > main > h2:nth-of-type(3)"),  # Lorem ipsum
        ("label-unclear", "cantTell", "#vraag"),  # "Info"
        ("language-part-unmarked", "failed", "body > main > p:nth-of-type(4)"),  # English in <p lang="fr">
        ("language-part-unmarked", "failed", "body > main > p:nth-of-type(5) > span"),  # French in <span lang="de">
        ("link-text-vague", "cantTell", "body > main > div > a"),  # "Lees meer" after the heading of its card
        ("link-text-vague", "failed", "body > div > a"),  # "Lees meer" with nothing around it
    ]


def test_the_accessible_twin_has_none(snapshots):
    page = snapshots["accessible.html"]
    assert page.audited
    # the heading whose text comes from CSS is gathered as such; role="presentation" makes no heading
    assert [(h.text, h.css_text) for h in page.headings if not h.text] == [("", True)]
    assert ("p", "en") in {(p.tag, p.lang) for p in page.lang_parts}
    assert found(page) == []
