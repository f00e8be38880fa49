"""`a11y-audit compare RUN_A RUN_B`: scores and finding changes per site between two runs."""

from __future__ import annotations

from dataclasses import dataclass

from .store.sqlite import Store
from .trends import Changes, count_by_rule, diff_findings, site_score
from .wcag.scoring import SiteScore


@dataclass(frozen=True)
class SiteComparison:
    site_id: str
    name: str
    before: SiteScore | None  # None when the site was not audited in that run
    after: SiteScore | None
    changes: Changes | None


def compare_runs(store: Store, run_a: int, run_b: int) -> list[SiteComparison]:
    store.run(run_a), store.run(run_b)  # both must exist
    audited_a = {s.site_id: s for s in store.sites(run_a) if s.status == "audited"}
    audited_b = {s.site_id: s for s in store.sites(run_b) if s.status == "audited"}
    rows = []
    for site_id in sorted(audited_a.keys() | audited_b.keys()):
        name = (audited_b.get(site_id) or audited_a[site_id]).name
        before = site_score(store, run_a, site_id)[0] if site_id in audited_a else None
        after = site_score(store, run_b, site_id)[0] if site_id in audited_b else None
        changes = None
        if before is not None and after is not None:
            changes = diff_findings(store.findings(run_a, site_id), store.findings(run_b, site_id))
        rows.append(SiteComparison(site_id, name, before, after, changes))
    return rows


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _delta(before: float | None, after: float | None) -> str:
    return "" if before is None or after is None else f" ({after - before:+.1f})"


def format_comparison(rows: list[SiteComparison], run_a: int, run_b: int, details: bool = True) -> str:
    lines = [f"Run {run_a} -> run {run_b}", ""]
    for row in rows:
        lines.append(f"{row.name} [{row.site_id}]")
        if row.before is None or row.after is None:
            lines.append(f"  only audited in run {run_b if row.before is None else run_a}")
            continue
        for label, attr in (("score", "score"), ("score A", "score_a"), ("score AA", "score_aa")):
            b, a = getattr(row.before, attr), getattr(row.after, attr)
            lines.append(f"  {label + ':':<10} {_num(b)} -> {_num(a)}{_delta(b, a)}")
        lines.append(f"  failed criteria: {len(row.before.failed)} -> {len(row.after.failed)}")
        changes = row.changes
        assert changes is not None
        lines.append(f"  findings: {len(changes.new)} new, {len(changes.fixed)} fixed, {len(changes.persisting)} persisting")
        if details:
            for title, findings in (("new", changes.new), ("fixed", changes.fixed)):
                for rule_id, count in count_by_rule(findings):
                    lines.append(f"    {title}: {rule_id} x{count}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
