"""The pytest plugin in a team's own Playwright test, run by pytest itself (pytester)."""

import pytest

from a11y_audit.demo.server import serve_folder

pytestmark = pytest.mark.browser
pytest_plugins = ["pytester"]

TEAM_TEST = """
import pytest
from playwright.sync_api import sync_playwright
from a11y_audit.gather.browser import LAUNCH_ARGS, find_browser

@pytest.fixture(scope="module")
def page():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_browser(), args=LAUNCH_ARGS)
        yield browser.new_page()
        browser.close()

def test_clean_form(page, a11y_audit):
    page.goto("{base}index.html")
    page.fill("#naam", "Jan Peeters")   # the team's own flow
    result = a11y_audit(page)
    assert result.passed

def test_form_with_barrier(page, a11y_audit):
    page.goto("{base}index.html")
    page.evaluate("document.querySelector('label').remove()")   # a regression
    a11y_audit(page, fail_on="serious")

def test_barrier_ignored_with_reason(page, a11y_audit):
    page.goto("{base}index.html")
    page.evaluate("document.querySelector('label').remove()")
    a11y_audit(page, ignore=[("label", "tijdelijk, zie ticket 123")])
"""

PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Formulier</title></head>
<body><main><h1>Contact</h1><form><label for="naam">Naam</label><input id="naam" type="text" autocomplete="name">
<button type="submit">Versturen</button></form></main></body></html>"""


def test_fixture_passes_clean_pages_and_fails_barriers(pytester, tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    with serve_folder(tmp_path) as base:
        pytester.makepyfile(test_team=TEAM_TEST.replace("{base}", base))
        result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*barrier(s) of impact serious or worse*", "*?critical? label (WCAG 4.1.2)*"])
