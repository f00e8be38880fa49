"""The EARL report: the shape W3C's ACT implementation tooling reads, and reading it back."""

import json

from a11y_audit.act.earl import CONTEXT, case_url, earl_report, outcomes_from_results, read_outcomes
from a11y_audit.act.mapping import parse_mapping
from a11y_audit.act.runner import CaseResult, EngineInfo
from a11y_audit.act.scoring import COMPLETE, score_suite
from a11y_audit.act.suite import Case

RULE = "bc659a"
MAPPING = parse_mapping({RULE: {"name": "Meta element has no refresh delay", "axe": ["meta-refresh"], "own": ["meta-refresh-delay"]}})
ENGINE = EngineInfo("4.12.1", "156.0", {"wcag_version": "2.2", "wcag_level": "AA"})


def case(n: int, expected: str) -> Case:
    tid = f"{n:040x}"
    return Case(testcase_id=tid, rule_id=RULE, rule_name="r", expected=expected, file=f"w3c/{RULE}/{expected}-{n}.html",
                approved_rule=True, in_approved_version=True, title=f"{expected} {n}",
                w3c_url=f"https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/{RULE}/{tid}.html")


RESULTS = [
    CaseResult(case(1, "passed"), "http://127.0.0.1/x", "audited", "", {"meta-refresh": "failed", "meta-refresh-delay": "passed"},
               {"meta-refresh": "meta[content] ..."}),
    CaseResult(case(2, "failed"), "http://127.0.0.1/y", "audited", "", {"meta-refresh": "failed", "meta-refresh-delay": "failed"}),
    CaseResult(case(3, "inapplicable"), "http://127.0.0.1/z", "failed", "timeout: 30",
               {"meta-refresh": "untested", "meta-refresh-delay": "untested"}),
]


def test_one_assertion_per_case_and_mapped_tool_rule_with_the_w3c_case_address():
    doc = earl_report(RESULTS, MAPPING, ENGINE, version="0.1.0")
    assert doc["@context"] == CONTEXT and doc["@context"]["@vocab"] == "http://www.w3.org/ns/earl#"
    assertors = [n for n in doc["@graph"] if "earl:Assertor" in n["@type"]]
    assertions = [n for n in doc["@graph"] if n["@type"] == "earl:Assertion"]
    assert len(assertors) == 1 and assertors[0]["doap:name"] == "a11y-audit"
    assert len(assertions) == 3 * 2
    first = assertions[0]
    assert first["assertedBy"] == assertors[0]["@id"] and first["mode"] == "earl:automatic"
    assert first["subject"]["source"] == RESULTS[0].case.w3c_url
    assert first["test"]["title"] == "meta-refresh" and first["result"]["outcome"] == "earl:failed"
    assert first["result"]["info"] == "meta[content] ..."
    assert {a["result"]["outcome"] for a in assertions} == {"earl:failed", "earl:passed", "earl:untested"}
    untested = [a for a in assertions if a["result"]["outcome"] == "earl:untested"]
    assert all(a["result"]["info"] == "timeout: 30" for a in untested)
    json.dumps(doc)  # plain JSON


def test_the_report_alone_gives_back_the_outcomes_and_the_scores():
    doc = json.loads(json.dumps(earl_report(RESULTS, MAPPING, ENGINE, version="0.1.0")))
    outcomes = read_outcomes(doc)
    assert outcomes == outcomes_from_results(RESULTS)
    assert outcomes[RULE]["meta-refresh-delay"][RESULTS[1].case.testcase_id] == ["failed"]
    scores = score_suite([r.case for r in RESULTS], outcomes)
    # the untested case caps both at partial; meta-refresh also fails a passed case
    assert scores[RULE].procedures[0].level is None
    assert scores[RULE].level == "partial"
    complete = [r for r in RESULTS[:2]]
    assert score_suite([r.case for r in complete], outcomes_from_results(complete))[RULE].level == COMPLETE


def test_case_url_is_built_from_the_ids_when_the_suite_has_none():
    bare = Case(testcase_id="a" * 40, rule_id="b5c3f8", rule_name="", expected="inapplicable", file="w3c/b5c3f8/inapplicable-2.xml",
                approved_rule=True, in_approved_version=True)
    assert case_url(bare) == f"https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/b5c3f8/{'a' * 40}.xml"


def test_own_and_axe_rules_name_their_wcag_criteria_as_act_tools_reads_them():
    doc = earl_report(RESULTS[:1], MAPPING, ENGINE, version="0.1.0")
    tests = {n["test"]["title"]: n["test"] for n in doc["@graph"] if n["@type"] == "earl:Assertion"}
    assert tests["meta-refresh-delay"]["isPartOf"] == ["WCAG2:timing-adjustable"]
    assert tests["meta-refresh-delay"]["source"] == "a11y-audit" and tests["meta-refresh"]["source"] == "axe-core"
