"""Outcomes per WCAG criterion and the published score (docs/scoring.md).

Pure functions over page snapshots and findings; the weights are data in
rules/scoring.yaml.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from ..checks import FAILED, REGISTRY, Finding
from ..paths import load_rules_yaml
from ..snapshot import PageSnapshot
from .catalogue import Criterion, load_catalogue

# Outcomes, as in EARL and the ACT rules format
O_FAILED = "failed"
O_CANT_TELL = "cantTell"
O_PASSED = "passed"
O_INAPPLICABLE = "inapplicable"
O_UNTESTED = "untested"  # no automated rule for this criterion
OUTCOMES = (O_FAILED, O_CANT_TELL, O_PASSED, O_INAPPLICABLE, O_UNTESTED)


@dataclass(frozen=True)
class Weights:
    impact: Mapping[str, float]
    reach_share: float  # how much of a rule's badness comes from page reach alone
    failed_cap: float  # the most a failed criterion contributes (a passed one: 1)
    own_check_density: float  # element ratio assumed for own checks (they report no passes)
    confidence: Mapping[str, Mapping[str, float]]


@lru_cache(maxsize=1)
def weights() -> Weights:
    data = load_rules_yaml("scoring.yaml")
    return Weights(
        impact=dict(data["impact_weights"]),
        reach_share=float(data["reach_share"]),
        failed_cap=float(data["failed_criterion_cap"]),
        own_check_density=float(data["own_check_density"]),
        confidence={k: dict(v) for k, v in data["confidence"].items()},
    )


@lru_cache(maxsize=1)
def rule_criteria() -> dict[str, tuple[str, ...]]:
    """Every known rule (axe-core and our own checks) -> its WCAG criteria."""
    mapping = {rule: tuple(entry.get("wcag") or ()) for rule, entry in load_rules_yaml("axe-nl.yaml").items()}
    mapping.update({check.id: check.criteria for check in REGISTRY})
    return mapping


@lru_cache(maxsize=8)
def _applicable_numbers(version: str, level: str) -> frozenset[str]:
    return frozenset(c.number for c in load_catalogue().applicable(version, level))


def within_level(finding: Finding, version: str = "2.2", level: str = "AA") -> bool:
    """Does the finding concern the audited WCAG version and level? Findings without criteria
    (legal requirements such as the accessibility statement) always do; a finding only about
    AAA criteria does not count in an AA audit."""
    return not finding.criteria or any(c in _applicable_numbers(version, level) for c in finding.criteria)


def tested_criteria() -> frozenset[str]:
    """Criteria that at least one automated rule checks."""
    return frozenset(c for criteria in rule_criteria().values() for c in criteria)


@dataclass(frozen=True)
class RuleStats:
    """One rule on one site: where it applied and where it failed."""

    rule_id: str
    impact: str | None
    pages_applicable: int
    pages_failed: int
    density: float  # mean share of failing elements on the pages where it failed
    badness: float  # 0 (no problem) .. 1 (every element of every page fails, critical)


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    outcome: str
    compliance: float | None  # 0..1 for failed/passed criteria, None otherwise
    worst_rule: str | None = None
    pages_failed: int = 0


@dataclass(frozen=True)
class SiteScore:
    criteria: tuple[CriterionResult, ...]
    score_a: float | None  # 0..100, None when nothing could be scored
    score_aa: float | None
    score: float | None  # A and AA together
    confidence: str  # high, medium, low
    pages: int
    cant_tell_share: float
    rules: tuple[RuleStats, ...] = field(default=())

    def outcome_counts(self, level: str | None = None) -> dict[str, int]:
        counts = {o: 0 for o in OUTCOMES}
        for result in self.criteria:
            if level is None or result.criterion.level == level:
                counts[result.outcome] += 1
        return counts

    @property
    def failed(self) -> list[CriterionResult]:
        return [c for c in self.criteria if c.outcome == O_FAILED]


def page_outcomes(snapshot: PageSnapshot, findings: Iterable[Finding], applicable: Sequence[Criterion]) -> dict[str, str]:
    """Outcome per criterion number on one page."""
    mapping = rule_criteria()
    state: dict[str, str] = {}

    def mark(number: str, outcome: str) -> None:
        order = (O_FAILED, O_CANT_TELL, O_PASSED, O_INAPPLICABLE)
        current = state.get(number)
        if current is None or order.index(outcome) < order.index(current):
            state[number] = outcome

    for rule_id in snapshot.axe.inapplicable:
        for number in mapping.get(rule_id, ()):
            mark(number, O_INAPPLICABLE)
    for rule in snapshot.axe.passes:
        for number in mapping.get(rule.id, ()):
            mark(number, O_PASSED)
    for finding in findings:
        for number in finding.criteria:
            mark(number, O_FAILED if finding.outcome == FAILED else O_CANT_TELL)
    tested = tested_criteria()
    return {c.number: state.get(c.number, O_INAPPLICABLE if c.number in tested else O_UNTESTED) for c in applicable}


def score_site(
    snapshots: Sequence[PageSnapshot],
    findings: Sequence[Finding],
    version: str = "2.2",
    level: str = "AA",
) -> SiteScore:
    """Outcomes per criterion and the A, AA and overall scores of one site (docs/scoring.md)."""
    w = weights()
    applicable = load_catalogue().applicable(version, level)
    audited = [s for s in snapshots if s.audited]
    by_page: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_page[finding.page_url].append(finding)

    # per rule: pages where it applied, pages where it failed, element ratios there
    applied: dict[str, set[str]] = defaultdict(set)
    failed_pages: dict[str, dict[str, float]] = defaultdict(dict)
    impacts: dict[str, str | None] = {}
    outcomes_per_page: list[dict[str, str]] = []
    for snapshot in audited:
        url = snapshot.final_url or snapshot.requested_url
        passed_nodes = {r.id: r.node_count for r in snapshot.axe.passes}
        for rule in snapshot.axe.passes:
            applied[rule.id].add(url)
        for rule in snapshot.axe.violations:
            applied[rule.id].add(url)
            impacts[rule.id] = rule.impact
            total = rule.node_count + passed_nodes.get(rule.id, 0)
            failed_pages[rule.id][url] = rule.node_count / total if total else 1.0
        page_findings = by_page.get(url, [])
        for finding in page_findings:
            if finding.engine != "axe" and finding.outcome == FAILED:
                applied[finding.rule_id].add(url)
                impacts[finding.rule_id] = finding.impact
                failed_pages[finding.rule_id][url] = w.own_check_density
        outcomes_per_page.append(page_outcomes(snapshot, page_findings, applicable))
    # site-level findings (no page of their own) count as failing on every page
    page_urls = {s.final_url or s.requested_url for s in audited}
    for finding in findings:
        if finding.page_url not in page_urls and finding.outcome == FAILED:
            impacts[finding.rule_id] = finding.impact
            for url in page_urls:
                applied[finding.rule_id].add(url)
                failed_pages[finding.rule_id][url] = w.own_check_density

    rules = []
    for rule_id, pages in failed_pages.items():
        reach = len(pages) / max(len(applied[rule_id]), 1)
        density = sum(pages.values()) / len(pages)
        badness = w.impact.get(impacts.get(rule_id) or "", 0.5) * reach * (w.reach_share + (1 - w.reach_share) * density)
        rules.append(RuleStats(rule_id, impacts.get(rule_id), len(applied[rule_id]), len(pages), density, min(badness, 1.0)))
    mapping = rule_criteria()
    worst: dict[str, RuleStats] = {}
    for stats in rules:
        for number in mapping.get(stats.rule_id, ()):
            if number not in worst or stats.badness > worst[number].badness:
                worst[number] = stats

    results = []
    for criterion in applicable:
        page_states = [page[criterion.number] for page in outcomes_per_page]
        outcome = _site_outcome(page_states, criterion.number in worst)
        compliance = None
        if outcome == O_FAILED:
            badness = worst[criterion.number].badness if criterion.number in worst else 1.0
            compliance = w.failed_cap * (1.0 - badness)
        elif outcome == O_PASSED:
            compliance = 1.0
        stats = worst.get(criterion.number)
        results.append(
            CriterionResult(criterion, outcome, compliance, stats.rule_id if stats else None, stats.pages_failed if stats else 0)
        )

    scored = [r for r in results if r.compliance is not None]
    cant_tell = sum(1 for r in results if r.outcome == O_CANT_TELL)
    judged = len(scored) + cant_tell
    share = cant_tell / judged if judged else 0.0
    return SiteScore(
        criteria=tuple(results),
        score_a=_mean([r for r in scored if r.criterion.level == "A"]),
        score_aa=_mean([r for r in scored if r.criterion.level == "AA"]),
        score=_mean(scored),
        confidence=_confidence(len(audited), share, w),
        pages=len(audited),
        cant_tell_share=share,
        rules=tuple(sorted(rules, key=lambda r: -r.badness)),
    )


def _site_outcome(page_states: list[str], failed_somewhere: bool) -> str:
    if failed_somewhere or O_FAILED in page_states:
        return O_FAILED
    for outcome in (O_CANT_TELL, O_PASSED, O_INAPPLICABLE):
        if outcome in page_states:
            return outcome
    return O_UNTESTED if not page_states or O_UNTESTED in page_states else O_INAPPLICABLE


def _mean(results: list[CriterionResult]) -> float | None:
    if not results:
        return None
    return round(100 * sum(r.compliance or 0.0 for r in results) / len(results), 1)


def _confidence(pages: int, cant_tell_share: float, w: Weights) -> str:
    for label in ("high", "medium"):
        rule = w.confidence[label]
        if pages >= rule["min_pages"] and cant_tell_share <= rule["max_cant_tell_share"]:
            return label
    return "low"
