"""What changed between two runs of a site: new, fixed and persisting findings.

Findings are matched by fingerprint (rule, page path, element without its
position), as a multiset: three identical findings before and two after is
one fixed, two persisting.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from .checks import FAILED, Finding
from .store.sqlite import ScoreRow, Store
from .wcag.scoring import SiteScore, score_site


@dataclass(frozen=True)
class Changes:
    new: tuple[Finding, ...]
    fixed: tuple[Finding, ...]
    persisting: tuple[Finding, ...]


def diff_findings(before: Iterable[Finding], after: Iterable[Finding]) -> Changes:
    """Compare the failed findings of two runs of the same site."""
    old: dict[str, list[Finding]] = defaultdict(list)
    new: dict[str, list[Finding]] = defaultdict(list)
    for finding in before:
        if finding.outcome == FAILED:
            old[finding.fingerprint].append(finding)
    for finding in after:
        if finding.outcome == FAILED:
            new[finding.fingerprint].append(finding)
    added, fixed, kept = [], [], []
    for key in old.keys() | new.keys():
        a, b = old.get(key, []), new.get(key, [])
        kept.extend(b[: len(a)])
        added.extend(b[len(a):])
        fixed.extend(a[len(b):])
    order = _order
    return Changes(tuple(sorted(added, key=order)), tuple(sorted(fixed, key=order)), tuple(sorted(kept, key=order)))


def _order(finding: Finding) -> tuple:
    return (finding.page_url, finding.rule_id, finding.selector)


def count_by_rule(findings: Sequence[Finding]) -> list[tuple[str, int]]:
    counts = Counter(f.rule_id for f in findings)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def score_row(run_id: int, started_at: str, score: SiteScore, findings: Sequence[Finding]) -> ScoreRow:
    return ScoreRow(
        run_id=run_id, started_at=started_at, score=score.score, score_a=score.score_a, score_aa=score.score_aa,
        failed_criteria=len(score.failed), failed_findings=sum(1 for f in findings if f.outcome == FAILED),
        confidence=score.confidence, pages_audited=score.pages,
    )


def site_score(store: Store, run_id: int, site_id: str) -> tuple[SiteScore, list[Finding]]:
    """Score one site of a stored run from its snapshots and findings."""
    run = store.run(run_id)
    findings = store.findings(run_id, site_id)
    score = score_site(list(store.snapshots(run_id, site_id)), findings,
                       run.settings.get("wcag_version", "2.2"), run.settings.get("wcag_level", "AA"))
    return score, findings


def record_scores(store: Store, run_id: int) -> None:
    """Keep the score of every audited site of a run in the store's history (survives pruning)."""
    run = store.run(run_id)
    for site in store.sites(run_id):
        if site.status == "audited":
            score, findings = site_score(store, run_id, site.site_id)
            store.save_score(run_id, site.site_id, score_row(run_id, run.started_at, score, findings))


def score_history(store: Store, site_id: str, up_to_run: int) -> list[ScoreRow]:
    """Scores of a site up to a run, oldest first; runs audited before scores were kept are scored now."""
    known = {row.run_id for row in store.score_history(site_id, up_to_run)}
    for run in store.site_history(site_id, up_to_run):
        if run.id not in known:
            score, findings = site_score(store, run.id, site_id)
            store.save_score(run.id, site_id, score_row(run.id, run.started_at, score, findings))
    return store.score_history(site_id, up_to_run)
