"""Consistency of an implementation with the ACT rules, computed as W3C computes it.

For one ACT rule, each tool rule (a "procedure") that reported on the rule's cases gets a level:

- *inconsistent* (None): it fails a case expected to pass or be inapplicable;
- *complete*: it fails at least one failed case, leaves no case untested, and no failed case
  comes back only as passed, inapplicable or untested (cantTell still counts);
- *partial*: it fails some failed case;
- *minimal*: it says cantTell somewhere and nothing but passed/inapplicable on inapplicable cases.

The ACT rule takes the best level among its procedures; partial procedures are combined
(outcomes per case merged) and may be complete together.  This follows act-rules/act-tools
(``procedure-sets/get-consistency.ts`` and ``find-procedure-set.ts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from .suite import CANT_TELL, FAILED, INAPPLICABLE, PASSED, UNTESTED, Case

COMPLETE = "complete"
PARTIAL = "partial"
MINIMAL = "minimal"
LEVELS = (COMPLETE, PARTIAL, MINIMAL, None)

# The four classes of the readable summary (and of W3C's counts per tool).
CONSISTENT = "consistent"
PARTIALLY = "partially consistent"
INCONSISTENT = "inconsistent"
NOT_TESTED = "untested"


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # not a pytest test class

    testcase_id: str
    expected: str
    outcomes: tuple[str, ...]  # empty: no assertion for this case


@dataclass(frozen=True)
class ProcedureScore:
    procedure: str
    level: str | None
    results: tuple[TestResult, ...]

    @property
    def false_positives(self) -> list[str]:
        return [r.testcase_id for r in self.results if _false_positive(r)]

    @property
    def missed(self) -> list[str]:
        return [r.testcase_id for r in self.results if _false_negative(r)]

    @property
    def untested(self) -> list[str]:
        return [r.testcase_id for r in self.results if _untested(r)]


@dataclass(frozen=True)
class RuleScore:
    rule_id: str
    level: str | None
    procedures: tuple[ProcedureScore, ...] = ()
    chosen: tuple[str, ...] = ()  # the procedures that give the rule its level
    cases: int = 0

    @property
    def summary_class(self) -> str:
        return summary_class(self.level, bool(self.procedures))

    @property
    def inconsistent_procedures(self) -> list[str]:
        return [p.procedure for p in self.procedures if p.false_positives]


def summary_class(level: str | None, has_procedures: bool) -> str:
    if not has_procedures:
        return NOT_TESTED
    if level == COMPLETE:
        return CONSISTENT
    if level in (PARTIAL, MINIMAL):
        return PARTIALLY
    return INCONSISTENT


def _false_positive(r: TestResult) -> bool:
    return r.expected in (PASSED, INAPPLICABLE) and FAILED in r.outcomes


def _false_negative(r: TestResult) -> bool:
    return r.expected == FAILED and all(o in (PASSED, INAPPLICABLE, UNTESTED) for o in r.outcomes)


def _untested(r: TestResult) -> bool:
    return not r.outcomes or UNTESTED in r.outcomes


def _true_positive(r: TestResult) -> bool:
    return r.expected == FAILED and FAILED in r.outcomes


def consistency(results: Sequence[TestResult]) -> str | None:
    if any(_false_positive(r) for r in results):
        return None
    has_true_positive = any(_true_positive(r) for r in results)
    if has_true_positive and not any(_untested(r) or _false_negative(r) for r in results):
        return COMPLETE
    if has_true_positive:
        return PARTIAL
    cant_tell = any(CANT_TELL in r.outcomes for r in results)
    inapplicable_ok = all(
        r.expected != INAPPLICABLE or all(o in (PASSED, INAPPLICABLE) for o in r.outcomes) for r in results
    )
    if cant_tell and inapplicable_ok:
        return MINIMAL
    return None


def _better(a: str | None, b: str | None) -> str | None:
    return a if LEVELS.index(a) <= LEVELS.index(b) else b


def score_rule(
    rule_id: str,
    cases: Sequence[Case],
    outcomes: Mapping[str, Mapping[str, Iterable[str]]],
) -> RuleScore:
    """Score one ACT rule.

    ``cases``: the cases that count for the rule; ``outcomes``: procedure -> testcase id -> the
    outcomes that procedure asserted for the case (no entry: untested).
    """
    scores = []
    for procedure, by_case in outcomes.items():
        results = tuple(
            TestResult(c.testcase_id, c.expected, tuple(by_case.get(c.testcase_id, ()))) for c in cases
        )
        scores.append(ProcedureScore(procedure, consistency(results), results))
    if not scores:
        return RuleScore(rule_id, None, (), (), len(cases))
    best: str | None = None
    for s in scores:
        best = _better(best, s.level)
    chosen = [s for s in scores if s.level == best]
    level = best
    if best == PARTIAL and len(chosen) > 1:
        merged = tuple(
            TestResult(r.testcase_id, r.expected, tuple(o for s in chosen for o in s.results[i].outcomes))
            for i, r in enumerate(chosen[0].results)
        )
        level = consistency(merged)
    if best is None:
        chosen = []
    return RuleScore(rule_id, level, tuple(scores), tuple(s.procedure for s in chosen), len(cases))


@dataclass
class Totals:
    counts: dict[str, int] = field(default_factory=lambda: {CONSISTENT: 0, PARTIALLY: 0, INCONSISTENT: 0, NOT_TESTED: 0})

    def add(self, cls: str) -> None:
        self.counts[cls] += 1


def totals(scores: Iterable[RuleScore]) -> dict[str, int]:
    t = Totals()
    for s in scores:
        t.add(s.summary_class)
    return t.counts


def score_suite(
    cases: Sequence[Case],
    outcomes: Mapping[str, Mapping[str, Mapping[str, Iterable[str]]]],
) -> dict[str, RuleScore]:
    """Score every rule of ``cases`` (only the cases that count). ``outcomes``: rule -> procedure -> case -> outcomes."""
    by_rule: dict[str, list[Case]] = {}
    for case in cases:
        if case.counts:
            by_rule.setdefault(case.rule_id, []).append(case)
    return {rule: score_rule(rule, rule_cases, outcomes.get(rule, {})) for rule, rule_cases in by_rule.items()}
