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
