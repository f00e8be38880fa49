"""Consistency as W3C computes it (act-rules/act-tools), on hand-made outcomes."""

import pytest

from a11y_audit.act.scoring import (
    COMPLETE,
    CONSISTENT,
    INCONSISTENT,
    MINIMAL,
    NOT_TESTED,
    PARTIAL,
    PARTIALLY,
    TestResult,
    consistency,
    score_rule,
    score_suite,
    totals,
)
from a11y_audit.act.suite import Case


def case(n: int, expected: str, rule: str = "abc123", counts: bool = True, approved: bool = True) -> Case:
    return Case(testcase_id=f"{n:040d}", rule_id=rule, rule_name="r", expected=expected, file=f"w3c/{rule}/{expected}-{n}.html",
                approved_rule=approved, in_approved_version=counts)


CASES = [case(1, "passed"), case(2, "failed"), case(3, "failed"), case(4, "inapplicable")]


def results(*outcomes):
    return [TestResult(c.testcase_id, c.expected, tuple(o)) for c, o in zip(CASES, outcomes)]


@pytest.mark.parametrize(
    "outcomes, level",
    [
        ((["passed"], ["failed"], ["failed"], ["inapplicable"]), COMPLETE),
        ((["passed"], ["failed"], ["cantTell"], ["passed"]), COMPLETE),  # cantTell on a failed case still counts
        ((["cantTell"], ["failed"], ["failed"], ["cantTell"]), COMPLETE),  # cantTell is never a false failure
        ((["passed"], ["failed"], ["passed"], ["inapplicable"]), PARTIAL),  # a failed case missed
        ((["passed"], ["failed"], ["failed"], []), PARTIAL),  # a case without outcome caps at partial
        ((["passed"], ["failed"], ["failed"], ["untested"]), PARTIAL),
        ((["failed"], ["failed"], ["failed"], ["inapplicable"]), None),  # false failure on a passed case
        ((["passed"], ["failed"], ["failed"], ["failed"]), None),  # ... or on an inapplicable case
        ((["passed"], ["cantTell"], ["cantTell"], ["inapplicable"]), MINIMAL),  # no failure reported at all
        ((["passed"], ["passed"], ["passed"], ["passed"]), None),  # reports nothing: W3C counts it inconsistent
    ],
)
def test_consistency_levels(outcomes, level):
    assert consistency(results(*outcomes)) == level


def test_partial_tool_rules_add_up_and_the_best_tool_rule_counts():
    outcomes = {
        "a": {CASES[1].testcase_id: ["failed"], CASES[2].testcase_id: ["passed"], CASES[0].testcase_id: ["passed"], CASES[3].testcase_id: ["passed"]},
        "b": {CASES[1].testcase_id: ["passed"], CASES[2].testcase_id: ["failed"], CASES[0].testcase_id: ["passed"], CASES[3].testcase_id: ["passed"]},
        "bad": {CASES[0].testcase_id: ["failed"]},
    }
    score = score_rule("abc123", CASES, outcomes)
    assert score.level == COMPLETE and set(score.chosen) == {"a", "b"}
    assert score.summary_class == CONSISTENT
    assert score.inconsistent_procedures == ["bad"]
    only_a = score_rule("abc123", CASES, {"a": outcomes["a"]})
    assert only_a.level == PARTIAL and only_a.summary_class == PARTIALLY


def test_rules_without_tool_rules_are_untested_and_false_failures_inconsistent():
    assert score_rule("abc123", CASES, {}).summary_class == NOT_TESTED
    bad = score_rule("abc123", CASES, {"x": {CASES[0].testcase_id: ["failed"], CASES[1].testcase_id: ["failed"]}})
    assert bad.summary_class == INCONSISTENT
    assert bad.procedures[0].false_positives == [CASES[0].testcase_id]


def test_only_cases_of_the_approved_version_count():
    outdated = case(9, "passed", counts=False)  # a newer case, not in the approved version
    cases = CASES + [outdated]
    outcomes = {"abc123": {"t": {c.testcase_id: ["failed"] if c.expected == "failed" else ["passed"] for c in CASES}}}
    outcomes["abc123"]["t"][outdated.testcase_id] = ["failed"]
    scores = score_suite(cases, outcomes)
    assert scores["abc123"].level == COMPLETE and scores["abc123"].cases == 4
    proposed = case(10, "passed", rule="def456", counts=False, approved=False)  # proposed rules: all cases count
    assert score_suite([proposed], {})["def456"].cases == 1
    assert totals(scores.values()) == {CONSISTENT: 1, PARTIALLY: 0, INCONSISTENT: 0, NOT_TESTED: 0}
