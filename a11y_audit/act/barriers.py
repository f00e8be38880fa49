"""Known barriers flagged: how many failed ACT examples the audit flags on the WCAG criterion at stake.

A *barrier* is a failed example of an ACT rule whose failure means a WCAG success criterion of the
audited version and level is not satisfied (``Case.requirements``; secondary requirements, where a
failed example may still satisfy the criterion, do not make a barrier). The audit *flags* it when any
finding on the page, from any axe-core rule or own check (not only the rules mapped to the ACT rule),
names one of those criteria: with outcome failed, or, for the looser share, failed or cantTell (needs
review). A *false alarm* is a failed finding on such a criterion on a passed or inapplicable example
of the same rule. A page that could not be tested flags nothing and raises no alarm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Collection, Iterable, Sequence

from ..checks import CANT_TELL, FAILED, Finding
from .mapping import AXE, OWN
from .suite import Case

AXE_ONLY = frozenset({AXE})
FULL = frozenset({AXE, OWN})
FAILED_ONLY = frozenset({FAILED})
FAILED_OR_REVIEW = frozenset({FAILED, CANT_TELL})


def audited_criteria(version: str, level: str) -> frozenset[str]:
    """The criteria of WCAG ``version`` up to ``level`` (the run's settings)."""
    from ..wcag import load_catalogue

    return frozenset(c.number for c in load_catalogue().applicable(version, level))


@dataclass(frozen=True)
class RuleFinding:
    """One tool rule's findings with one outcome on one page, reduced to their audited criteria."""

    engine: str  # AXE or OWN
    rule: str
    outcome: str  # failed or cantTell
    criteria: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"engine": self.engine, "rule": self.rule, "outcome": self.outcome, "criteria": list(self.criteria)}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> "RuleFinding":
        return cls(raw["engine"], raw["rule"], raw["outcome"], tuple(raw["criteria"]))


def rule_findings(findings: Iterable[Finding], audited: Collection[str]) -> tuple[RuleFinding, ...]:
    """Every failed and cantTell finding of a page, one entry per tool rule and outcome, with the
    finding's criteria in ``audited``; findings with none of those are left out."""
    grouped: dict[tuple[str, str, str], set[str]] = {}
    for f in findings:
        criteria = {c for c in f.criteria if c in audited}
        if f.outcome in FAILED_OR_REVIEW and criteria:
            grouped.setdefault((f.engine, f.rule_id, f.outcome), set()).update(criteria)
    return tuple(
        RuleFinding(engine, rule, outcome, tuple(sorted(criteria, key=_number_key)))
        for (engine, rule, outcome), criteria in sorted(grouped.items())
    )


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split("."))


@dataclass(frozen=True)
class CaseFindings:
    """One test case of a rule with audited requirements, and what the audit found on its page."""

    case: Case
    required: tuple[str, ...]  # the rule's requirements within the audited criteria
    tested: bool
    findings: tuple[RuleFinding, ...] = ()

    def hits(self, engines: Collection[str], outcomes: Collection[str], criteria: Collection[str] | None = None) -> list[RuleFinding]:
        """The findings of ``engines`` with one of ``outcomes`` that name a required criterion (or one of ``criteria``)."""
        wanted = set(self.required if criteria is None else criteria)
        return [f for f in self.findings if f.engine in engines and f.outcome in outcomes and wanted & set(f.criteria)]


@dataclass(frozen=True)
class Share:
    hits: int
    of: int

    @property
    def ratio(self) -> float:
        return self.hits / self.of if self.of else 0.0

    def __str__(self) -> str:
        return f"{self.hits}/{self.of} ({self.ratio:.0%})" if self.of else "–"


@dataclass(frozen=True)
class CriterionRow:
    number: str
    barriers: int
    axe: int  # flagged by a failed axe-core finding on this criterion
    full: int  # by a failed finding of axe-core or an own check
    full_review: int  # by a failed or cantTell finding
    clean: int  # passed and inapplicable examples tested
    axe_alarms: int
    full_alarms: int


@dataclass(frozen=True)
class OwnAlarm:
    check: str
    case: Case
    criteria: tuple[str, ...]
    axe_too: bool  # axe-core fails a required criterion on the same page


@dataclass(frozen=True)
class BarrierMeasure:
    """All test cases run of rules with at least one requirement in the audited criteria."""

    cases: tuple[CaseFindings, ...]

    def barriers(self, *, approved_only: bool = False) -> list[CaseFindings]:
        return [c for c in self.cases if c.case.expected == "failed" and (c.case.approved_rule or not approved_only)]

    def clean(self, *, approved_only: bool = False) -> list[CaseFindings]:
        """Passed and inapplicable examples whose page was tested."""
        return [
            c for c in self.cases
            if c.case.expected != "failed" and c.tested and (c.case.approved_rule or not approved_only)
        ]

    def flagged(self, engines: Collection[str], outcomes: Collection[str] = FAILED_ONLY, *, approved_only: bool = False) -> Share:
        barriers = self.barriers(approved_only=approved_only)
        return Share(sum(1 for c in barriers if c.hits(engines, outcomes)), len(barriers))

    def false_alarms(self, engines: Collection[str], *, approved_only: bool = False) -> Share:
        clean = self.clean(approved_only=approved_only)
        return Share(sum(1 for c in clean if c.hits(engines, FAILED_ONLY)), len(clean))

    def rules(self, *, approved_only: bool = False) -> int:
        return len({c.case.rule_id for c in self.barriers(approved_only=approved_only)})

    def untested_barriers(self) -> int:
        return sum(1 for c in self.barriers() if not c.tested)

    def by_criterion(self) -> list[CriterionRow]:
        """Per required criterion; a case of a rule with two requirements counts under both, flagged
        under each by a finding that names that criterion."""
        rows = []
        for number in sorted({n for c in self.cases for n in c.required}, key=_number_key):
            barriers = [c for c in self.barriers() if number in c.required]
            clean = [c for c in self.clean() if number in c.required]
            rows.append(CriterionRow(
                number, len(barriers), _count(barriers, AXE_ONLY, FAILED_ONLY, number),
                _count(barriers, FULL, FAILED_ONLY, number), _count(barriers, FULL, FAILED_OR_REVIEW, number),
                len(clean), _count(clean, AXE_ONLY, FAILED_ONLY, number), _count(clean, FULL, FAILED_ONLY, number),
            ))
        return rows

    def own_false_alarms(self) -> list[OwnAlarm]:
        """Every own check that fails a required criterion on a passed or inapplicable example."""
        out = []
        for c in self.clean():
            axe_too = bool(c.hits(AXE_ONLY, FAILED_ONLY))
            for f in c.hits({OWN}, FAILED_ONLY):
                out.append(OwnAlarm(f.rule, c.case, tuple(n for n in f.criteria if n in c.required), axe_too))
        return sorted(out, key=lambda a: (a.check, a.case.rule_id, a.case.file))


def _count(cases: Sequence[CaseFindings], engines: Collection[str], outcomes: Collection[str], number: str) -> int:
    return sum(1 for c in cases if c.hits(engines, outcomes, (number,)))


def measure(runs: Iterable[tuple[Case, Sequence[RuleFinding] | None]], audited: Collection[str]) -> BarrierMeasure:
    """``runs``: per case run, its findings (``rule_findings``), None when the page or the checks could not be run."""
    cases = []
    for case, findings in runs:
        required = tuple(n for n in case.requirements if n in audited)
        if required:
            cases.append(CaseFindings(case, required, findings is not None, tuple(findings or ())))
    return BarrierMeasure(tuple(cases))
