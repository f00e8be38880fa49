"""Known barriers flagged (act/barriers.py), counted on hand-made findings: no browser."""

import json

import pytest

from a11y_audit.act.barriers import (
    AXE_ONLY,
    FAILED_OR_REVIEW,
    FULL,
    RuleFinding,
    Share,
    audited_criteria,
    measure,
    rule_findings,
)
from a11y_audit.act.conformance import RESULTS_FILE, _barriers_from, _write_results
from a11y_audit.act.runner import CaseResult, EngineInfo
from a11y_audit.act.suite import Case
from a11y_audit.act.summary import barrier_section
from a11y_audit.checks import Finding

AA = audited_criteria("2.2", "AA")


def case(n: int, expected: str, rule: str = "23a2a8", requirements=("1.1.1",), approved: bool = True) -> Case:
    return Case(testcase_id=f"{n:040d}", rule_id=rule, rule_name="r", expected=expected, file=f"w3c/{rule}/{expected}-{n}.html",
                approved_rule=approved, in_approved_version=approved, requirements=tuple(requirements))


def axe(rule, *criteria, outcome="failed"):
    return RuleFinding("axe", rule, outcome, tuple(criteria))


def own(rule, *criteria, outcome="failed"):
    return RuleFinding("a11y-audit", rule, outcome, tuple(criteria))


def finding(rule, engine, criteria, outcome="failed", selector="img"):
    return Finding(rule_id=rule, engine=engine, criteria=tuple(criteria), impact="serious", outcome=outcome,
                   page_url="http://127.0.0.1/x", selector=selector)


def test_findings_are_kept_per_rule_and_outcome_with_only_the_audited_criteria():
    found = rule_findings(
        [
            finding("image-alt", "axe", ["1.1.1"], selector="img.a"),
            finding("image-alt", "axe", ["1.1.1"], selector="img.b"),
            finding("color-contrast", "axe", ["1.4.3"], outcome="cantTell"),
            finding("text-contrast-enhanced", "a11y-audit", ["1.4.6"]),  # AAA: not audited
            finding("decorative-exposed", "a11y-audit", []),  # no criterion
            finding("plain", "a11y-audit", ["3.1.5", "2.4.6"]),  # AAA and AA: the AA one stays
            finding("duplicate-id", "axe", ["4.1.1"]),  # removed in WCAG 2.2
        ],
        AA,
    )
    assert found == (
        own("plain", "2.4.6"),
        axe("color-contrast", "1.4.3", outcome="cantTell"),
        axe("image-alt", "1.1.1"),
    )
    assert RuleFinding.from_json(json.loads(json.dumps(found[0].to_json()))) == found[0]


def test_audited_criteria_follow_version_and_level():
    assert {"1.4.3", "2.5.8", "1.1.1"} <= AA and "1.4.6" not in AA and "4.1.1" not in AA
    assert "2.5.8" not in audited_criteria("2.1", "AA") and "1.4.3" not in audited_criteria("2.2", "A")


def test_a_barrier_is_flagged_only_on_a_required_criterion():
    m = measure(
        [
            (case(1, "failed"), [axe("image-alt", "1.1.1")]),  # axe-core flags it
            (case(2, "failed"), [own("alt-meaningless", "1.1.1")]),  # only an own check
            (case(3, "failed"), [axe("color-contrast", "1.4.3")]),  # another criterion: not flagged
            (case(4, "failed"), [axe("image-alt", "1.1.1", outcome="cantTell")]),  # needs review
            (case(5, "failed"), None),  # the page could not be tested
        ],
        AA,
    )
    assert m.flagged(AXE_ONLY) == Share(1, 5)
    assert m.flagged(FULL) == Share(2, 5)
    assert m.flagged(AXE_ONLY, FAILED_OR_REVIEW) == Share(2, 5)
    assert m.flagged(FULL, FAILED_OR_REVIEW) == Share(3, 5)
    assert m.untested_barriers() == 1
    assert str(m.flagged(FULL)) == "2/5 (40%)"


def test_rules_without_an_audited_requirement_make_no_barriers():
    m = measure(
        [
            (case(1, "failed", rule="674b10", requirements=()), [axe("aria-roles", "4.1.2")]),  # secondary requirements only
            (case(2, "failed", rule="09o5cg", requirements=("1.4.6",)), [axe("color-contrast", "1.4.3")]),  # AAA
            (case(3, "failed", rule="bc659a", requirements=("2.2.1",)), []),
        ],
        AA,
    )
    assert [c.case.rule_id for c in m.cases] == ["bc659a"]
    assert m.flagged(FULL) == Share(0, 1) and m.rules() == 1


def test_approved_rules_only():
    m = measure(
        [
            (case(1, "failed"), [axe("image-alt", "1.1.1")]),
            (case(2, "failed", rule="cc0f0a", requirements=("2.4.6",), approved=False), []),
            (case(3, "failed", rule="cc0f0a", requirements=("2.4.6",), approved=False), [own("label-vague", "2.4.6")]),
        ],
        AA,
    )
    assert m.flagged(FULL) == Share(2, 3) and m.rules() == 2
    assert m.flagged(FULL, approved_only=True) == Share(1, 1) and m.rules(approved_only=True) == 1


def test_false_alarms_on_passed_and_inapplicable_examples_and_the_own_checks_behind_them():
    m = measure(
        [
            (case(1, "passed"), [axe("image-alt", "1.1.1")]),  # axe-core alone
            (case(2, "passed"), [own("alt-meaningless", "1.1.1")]),  # a new false alarm of an own check
            (case(3, "inapplicable"), [axe("image-alt", "1.1.1"), own("alt-meaningless", "1.1.1")]),  # both
            (case(4, "inapplicable"), [own("alt-meaningless", "1.1.1", outcome="cantTell")]),  # review: no alarm
            (case(5, "passed"), [own("vague-link-text", "2.4.4")]),  # not a criterion of the rule
            (case(6, "passed"), None),  # not tested: not counted
            (case(7, "failed"), [own("alt-meaningless", "1.1.1")]),  # a barrier, not an alarm
        ],
        AA,
    )
    assert m.false_alarms(AXE_ONLY) == Share(2, 5)
    assert m.false_alarms(FULL) == Share(3, 5)
    alarms = m.own_false_alarms()
    assert [(a.check, a.case.file, a.axe_too) for a in alarms] == [
        ("alt-meaningless", "w3c/23a2a8/inapplicable-3.html", True),
        ("alt-meaningless", "w3c/23a2a8/passed-2.html", False),
    ]


def test_per_criterion_a_barrier_counts_under_each_required_criterion():
    both = ("1.1.1", "4.1.2")
    m = measure(
        [
            (case(1, "failed", rule="59796f", requirements=both), [axe("input-image-alt", "1.1.1", "4.1.2")]),
            (case(2, "failed", rule="59796f", requirements=both), [own("x", "4.1.2")]),
            (case(3, "failed", rule="59796f", requirements=both), [axe("y", "4.1.2", outcome="cantTell")]),
            (case(4, "passed", rule="59796f", requirements=both), [axe("z", "1.1.1")]),
        ],
        AA,
    )
    rows = {r.number: r for r in m.by_criterion()}
    assert list(rows) == ["1.1.1", "4.1.2"]
    assert (rows["1.1.1"].barriers, rows["1.1.1"].axe, rows["1.1.1"].full, rows["1.1.1"].full_review) == (3, 1, 1, 1)
    assert (rows["4.1.2"].barriers, rows["4.1.2"].axe, rows["4.1.2"].full, rows["4.1.2"].full_review) == (3, 1, 2, 3)
    assert (rows["1.1.1"].clean, rows["1.1.1"].axe_alarms, rows["1.1.1"].full_alarms) == (1, 1, 1)
    assert rows["4.1.2"].axe_alarms == 0
    text = "\n".join(barrier_section(m, "WCAG 2.2 AA"))
    assert "| 1.1.1 Non-text Content | A | 3 | 1 | 1 | 1 | 1 | 1 | 1 |" in text
    assert "| all | 1 | 3 | 1/3 (33%) | **2/3 (67%)** | 2/3 (67%) | 3/3 (100%) |" in text


def test_the_results_file_keeps_the_findings_so_rescoring_needs_no_browser(tmp_path):
    cases = [case(1, "failed"), case(2, "passed"), case(3, "failed")]
    results = [
        CaseResult(cases[0], "http://127.0.0.1/1", "audited", findings=(axe("image-alt", "1.1.1"),)),
        CaseResult(cases[1], "http://127.0.0.1/2", "audited", findings=(own("alt-meaningless", "1.1.1"),)),
        CaseResult(cases[2], "http://127.0.0.1/3", "failed", "timeout: 30"),
    ]
    engine = EngineInfo("4.12.1", "156.0", {"wcag_version": "2.2", "wcag_level": "AA"})
    _write_results(results, engine, 1.0, 2, tmp_path / RESULTS_FILE)
    meta = json.loads((tmp_path / RESULTS_FILE).read_text(encoding="utf-8"))
    again = _barriers_from(meta, cases)
    direct = measure(((r.case, r.findings) for r in results), AA)
    assert again == direct
    assert again.flagged(FULL) == Share(1, 2) and again.false_alarms(FULL) == Share(1, 1) and again.untested_barriers() == 1


@pytest.mark.parametrize("drop", ["findings", "settings"])
def test_an_older_results_file_gives_no_measurement(drop):
    row = {"rule_id": "23a2a8", "testcase_id": f"{1:040d}", "findings": []}
    meta = {"settings": {"wcag_version": "2.2", "wcag_level": "AA"}, "cases": [row]}
    if drop == "findings":
        del row["findings"]
    else:
        del meta["settings"]
    assert _barriers_from(meta, [case(1, "failed")]) is None
