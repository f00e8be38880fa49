"""pytest plugin: audit a Playwright page in your own tests (logged-in pages, filled forms).

    def test_contact_form(page, a11y_audit):
        page.goto("https://intranet.example/contact")
        page.fill("#naam", "Jan")
        a11y_audit(page, fail_on="serious")

The fixture runs axe-core and a11y-audit's own page checks on the page as it is
now, with the same settings as `a11y-audit run`, and fails the test with a
readable list when a barrier of that impact or worse is found. It works with
Playwright's sync API (pytest-playwright's ``page`` fixture).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterable

import pytest

from .checks import check_page
from .ci.gate import NEW, GateResult, Ignore, Thresholds, evaluate
from .gather import axe as axe_engine
from .gather.page import EXTRACT_LIMITS, EXTRACT_SCRIPT, build_snapshot
from .store.sqlite import PageRow


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("a11y_audit_fail_on", "least severe impact that fails a test (critical, serious, moderate, minor)", default="serious")
    parser.addini("a11y_audit_wcag_level", "WCAG level to test: A or AA", default="AA")


def audit_page(
    page: Any,
    *,
    fail_on: str = "serious",
    wcag_version: str = "2.2",
    wcag_level: str = "AA",
    ignore: Iterable[tuple[str, str]] = (),
    axe_path: str | None = None,
) -> GateResult:
    """Audit a sync Playwright page as it is now; return the gate result (does not fail by itself)."""
    source = axe_engine.load_axe(axe_path)
    if not page.evaluate("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(f"() => {{ {source.script}\n}}")
    raw_axe = page.evaluate(axe_engine.RUN_SCRIPT, axe_engine.run_options(wcag_version, wcag_level))
    facts = page.evaluate(EXTRACT_SCRIPT, EXTRACT_LIMITS)
    snapshot = build_snapshot(page.url, page.url, raw_axe, facts)
    findings = check_page(snapshot)
    row = PageRow(0, "pytest", page.url, page.url, 0, "audited", "", None, snapshot.title, snapshot.lang)
    ignores = tuple(Ignore(rule, reason) for rule, reason in ignore)
    return evaluate(findings, [row], None, Thresholds(fail_on=fail_on, ignores=ignores), today=date.today())


def describe(result: GateResult) -> str:
    lines = [f"a11y-audit: {result.count(NEW)} barrier(s) of impact {result.thresholds.fail_on} or worse"]
    for c in result.findings:
        if c.status == NEW:
            f = c.finding
            lines.append(f"  [{f.impact}] {f.rule_id} (WCAG {', '.join(f.criteria)}) at {f.selector}\n      {f.snippet[:160]}\n      {f.help_url}")
    return "\n".join(lines)


@pytest.fixture
def a11y_audit(request: pytest.FixtureRequest) -> Callable[..., GateResult]:
    """Call with a Playwright page: ``a11y_audit(page, fail_on="serious", ignore=[("region", "why")])``."""
    default_fail_on = request.config.getini("a11y_audit_fail_on")
    default_level = request.config.getini("a11y_audit_wcag_level")

    def check(page: Any, fail_on: str | None = None, **options: Any) -> GateResult:
        result = audit_page(page, fail_on=fail_on or default_fail_on, wcag_level=options.pop("wcag_level", default_level), **options)
        if result.breaches:
            pytest.fail(describe(result), pytrace=False)
        return result

    return check
