"""The demo end to end, through the real command line: audit, reports, and the reports' own audit."""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from ruamel.yaml import YAML

from a11y_audit.demo import SITES_DIR

from report_audit import report_violations

pytestmark = pytest.mark.browser

EXPECTED = YAML(typ="safe").load((SITES_DIR / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    result = subprocess.run(
        [sys.executable, "-m", "a11y_audit", "demo", "--out", str(out)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    assert f"Reports: {out / 'index.html'}" in result.stdout
    return out


def _export(out: Path) -> dict:
    (json_file,) = out.glob("run-*.json")
    return json.loads(json_file.read_text(encoding="utf-8"))


def _path(url: str) -> str:
    path = urlsplit(url).path
    return "/" if path.endswith("/index.html") else path


def test_demo_findings_are_exactly_the_known_barriers(demo_out):
    export = _export(demo_out)
    for site in export["sites"]:
        expected = EXPECTED["sites"][site["id"]]["pages"]
        audited = {_path(p["url"]) for p in site["pages"] if p["state"] == "audited"}
        assert audited == set(expected), site["id"]
        failing = {path: set() for path in audited}
        for finding in site["findings"]:
            if finding["engine"] == "axe" and finding["outcome"] == "failed":
                failing[_path(finding["page_url"])].add(finding["rule_id"])
        assert failing == {path: set(rules) for path, rules in expected.items()}, site["id"]


def test_the_less_accessible_site_fails_clearly_more_criteria(demo_out):
    export = _export(demo_out)
    failed = {
        s["id"]: {c for f in s["findings"] if f["outcome"] == "failed" for c in f["criteria"]} for s in export["sites"]
    }
    assert failed["beekveld"] == set()
    assert len(failed["dorpsveen"]) >= 8  # 9 with axe-core 4.12.1
    assert export["run"]["axe_version"] >= "4.12"


def test_demo_reports_are_written_in_dutch(demo_out):
    index = (demo_out / "index.html").read_text(encoding="utf-8")
    assert "Gemeente Beekveld" in index and "Gemeente Dorpsveen" in index
    site = (demo_out / "sites" / "dorpsveen.html").read_text(encoding="utf-8")
    assert "Toegankelijkheidsrapport: Gemeente Dorpsveen" in site
    assert "Afbeeldingen zonder tekstalternatief" in site


def test_dorpsveen_reads_clearly_harder_than_beekveld(demo_out):
    """Plain Dutch: dorpsveen is written in heavy officialese, beekveld in plain Dutch."""
    from a11y_audit.plainlang.maintext import site_main_texts
    from a11y_audit.plainlang.reading import site_indicators
    from a11y_audit.store.sqlite import Store

    with Store(demo_out / "a11y-audit.sqlite") as store:
        run_id = _export(demo_out)["run"]["id"]
        score = {s: site_indicators(site_main_texts(list(store.snapshots(run_id, s)))) for s in ("beekveld", "dorpsveen")}
        plain = {s: [f for f in store.findings(run_id, s) if f.rule_id.startswith("plainlang-")] for s in score}
        # dorpsveen's missing and invalid lang attributes are axe-core's (html-has-lang, html-lang-valid)
        assert not [f for s in score for f in store.findings(run_id, s) if f.rule_id.startswith("language-")]
    beekveld, dorpsveen = score["beekveld"], score["dorpsveen"]
    assert beekveld.score >= 60 and beekveld.label in ("eenvoudig", "heel eenvoudig")  # 78 when written
    assert dorpsveen.score <= 25 and dorpsveen.label in ("moeilijk", "heel moeilijk")  # 9 when written
    assert beekveld.score - dorpsveen.score >= 40
    assert dorpsveen.average_sentence_length > 1.5 * beekveld.average_sentence_length
    assert len(plain["dorpsveen"]) >= 5 * max(len(plain["beekveld"]), 1)
    assert not [f for f in plain["beekveld"] if f.rule_id == "plainlang-long-sentence"]
    assert all(f.outcome == "cantTell" and f.criteria == ("3.1.5",) for f in plain["dorpsveen"])
    site = (demo_out / "sites" / "dorpsveen.html").read_text(encoding="utf-8")
    assert site.index('id="uitkomsten"') < site.index(">Begrijpelijke taal<") < site.index('id="problemen"')
    section = site[site.index(">Begrijpelijke taal<"):site.index('id="problemen"')]
    assert "Lange zinnen" in section and "Ambtelijke taal" in section and "heel moeilijk" in section
    assert "Lange zinnen" not in site[site.index('id="problemen"'):]  # advice, not a WCAG problem


def test_every_report_page_passes_axe_with_zero_violations(demo_out):
    pages = ["index.html", "sites/beekveld.html", "sites/dorpsveen.html"]
    violations = report_violations(demo_out, pages)
    assert violations == {page: [] for page in pages}


def test_site_report_prints_with_its_details_open(demo_out):
    from playwright.sync_api import sync_playwright

    from a11y_audit.gather.browser import LAUNCH_ARGS, find_browser

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_browser(), args=LAUNCH_ARGS)
        page = browser.new_page()
        page.goto((demo_out / "sites" / "dorpsveen.html").as_uri())
        example = page.locator("details pre").first
        assert not example.is_visible()  # closed on screen
        page.emulate_media(media="print")
        assert example.is_visible()  # open on paper
        browser.close()
