"""The browser side of the own checks that implement ACT rules, on pages with patterns from real sites.

The ACT test cases are small; these pages hold focus indications and backgrounds as real sites
make them, so the checks are seen not to fail what is fine (tests/fixtures/act-checks).
"""

import asyncio
from pathlib import Path

import pytest

from a11y_audit.act.runner import act_settings
from a11y_audit.act.visit import ActGatherer, serve
from a11y_audit.checks import check_page

pytestmark = pytest.mark.browser

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "act-checks"


@pytest.fixture(scope="module")
def snapshots():
    async def visit_all():
        with serve(PAGES) as base:
            async with ActGatherer(act_settings(page_timeout=60)) as gatherer:
                return {name: await gatherer.visit(base + name) for name in ("focus.html", "contrast.html")}

    return asyncio.run(visit_all())


def test_only_elements_without_any_focus_indication_fail(snapshots):
    page = snapshots["focus.html"]
    assert page.audited and not page.act_errors
    assert page.focus_probed >= 10
    assert {u.selector for u in page.focus_unchanged} == {"#bad", "#bad2"}
    assert {f.selector for f in check_page(page) if f.rule_id == "focus-visible"} == {"#bad", "#bad2"}


def test_enhanced_contrast_reads_the_background_that_is_painted_under_the_text(snapshots):
    page = snapshots["contrast.html"]
    assert page.audited and not page.act_errors
    found = {f.selector for f in check_page(page) if f.rule_id == "text-contrast-enhanced"}
    # the hero text sits on a positioned sibling, the screen reader text is not visible, the symbols are
    # not text in a human language, #595959 is exactly 7:1; #666 and #767676 are below 7:1, above 4.5:1
    assert found == {"#grey", "#lower"}
