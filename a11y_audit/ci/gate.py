"""The CI gate: which findings break the build (pure functions, no browser)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatch
from pathlib import Path
from typing import Sequence

from .. import __version__
from ..checks import FAILED, IMPACTS, Finding
from ..store.sqlite import PageRow

# Exit status of `a11y-audit check` (docs/ci.md)
EXIT_PASSED = 0
EXIT_BREACHED = 1
EXIT_USAGE = 2
EXIT_CANNOT_TEST = 3

NEW = "new"  # not in the baseline, not ignored: counts against the thresholds
BASELINE = "baseline"  # known before (in the baseline file)
IGNORED = "ignored"  # an ignore rule with a reason that has not expired
REVIEW = "review"  # "cannot tell": reported, never breaks the build
BELOW = "below-threshold"  # a failure less severe than --fail-on: reported, does not break the build
BASELINE_VERSION = 1


@dataclass(frozen=True)
class Ignore:
    rule: str  # rule id, e.g. "color-contrast"
    reason: str
    until: date | None = None  # the ignore stops working after this day
    url: str = "*"  # glob over the page URL

    def applies(self, finding: Finding, today: date) -> bool:
        return finding.rule_id == self.rule and fnmatch(finding.page_url, self.url) and not self.expired(today)

    def expired(self, today: date) -> bool:
        return self.until is not None and today > self.until


@dataclass(frozen=True)
class Thresholds:
    fail_on: str = "minor"  # the least severe impact that breaks the build
    min_score: float | None = None
    ignores: tuple[Ignore, ...] = ()


@dataclass(frozen=True)
class Breach:
    """Why the build fails: ``count`` new barriers of impact ``fail_on`` or worse, or a ``score`` below ``minimum``."""

    kind: str  # "new" or "score"
    count: int = 0
    fail_on: str = ""
    rules: tuple[str, ...] = ()
    score: float = 0.0
    minimum: float = 0.0

    def __str__(self) -> str:
        if self.kind == "new":
            return f"{self.count} new barrier(s) of impact {self.fail_on} or worse: {', '.join(self.rules)}"
        return f"score {self.score:.1f} is below the minimum {self.minimum:g}"


@dataclass(frozen=True)
class Classified:
    finding: Finding
    status: str  # NEW, BASELINE, IGNORED, REVIEW, BELOW
    note: str = ""  # the ignore's reason

    @property
    def breaks(self) -> bool:
        return self.status == NEW


@dataclass(frozen=True)
class GateResult:
    findings: tuple[Classified, ...]
    untested: tuple[PageRow, ...]
    score: float | None
    thresholds: Thresholds
    expired_ignores: tuple[Ignore, ...]
    breaches: tuple[Breach, ...]  # why the build fails

    @property
    def exit_code(self) -> int:
        if self.breaches:
            return EXIT_BREACHED
        return EXIT_CANNOT_TEST if self.untested else EXIT_PASSED

    @property
    def passed(self) -> bool:
        return self.exit_code == EXIT_PASSED

    def count(self, status: str) -> int:
        return sum(1 for c in self.findings if c.status == status)


def at_least(impact: str | None, fail_on: str) -> bool:
    """Is ``impact`` as severe as ``fail_on`` or worse? Unknown impacts count as the most severe."""
    if impact not in IMPACTS:
        return True
    return IMPACTS.index(impact) <= IMPACTS.index(fail_on)


def evaluate(
    findings: Sequence[Finding],
    pages: Sequence[PageRow],
    score: float | None,
    thresholds: Thresholds,
    baseline: Counter[str] | None = None,
    today: date | None = None,
) -> GateResult:
    today = today or date.today()
    remaining = Counter(baseline or {})
    classified = []
    for finding in findings:
        if finding.outcome != FAILED:
            classified.append(Classified(finding, REVIEW))
            continue
        ignore = next((i for i in thresholds.ignores if i.applies(finding, today)), None)
        if ignore is not None:
            classified.append(Classified(finding, IGNORED, ignore.reason))
        elif remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
            classified.append(Classified(finding, BASELINE))
        elif at_least(finding.impact, thresholds.fail_on):
            classified.append(Classified(finding, NEW))
        else:
            classified.append(Classified(finding, BELOW))
    breaches = []
    new = [c for c in classified if c.breaks]
    if new:
        rules = tuple(sorted({c.finding.rule_id for c in new}))
        breaches.append(Breach("new", count=len(new), fail_on=thresholds.fail_on, rules=rules))
    if thresholds.min_score is not None and score is not None and score < thresholds.min_score:
        breaches.append(Breach("score", score=score, minimum=thresholds.min_score))
    return GateResult(
        findings=tuple(classified),
        untested=tuple(p for p in pages if p.state != "audited"),
        score=score,
        thresholds=thresholds,
        expired_ignores=tuple(i for i in thresholds.ignores if i.expired(today)),
        breaches=tuple(breaches),
    )


# -- baseline files -----------------------------------------------------------


class BaselineError(ValueError):
    pass


def read_baseline(path: Path) -> Counter[str]:
    """Fingerprints of the known findings, with how often each occurs."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != BASELINE_VERSION:
            raise BaselineError(f"{path}: baseline version {data.get('version')!r}, expected {BASELINE_VERSION}")
        return Counter(entry["fingerprint"] for entry in data["findings"])
    except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"{path}: not a readable a11y-audit baseline ({exc})") from None


def write_baseline(path: Path, findings: Sequence[Finding]) -> int:
    """Write the failed findings as the new baseline; return how many."""
    entries = [
        {"fingerprint": f.fingerprint, "rule_id": f.rule_id, "impact": f.impact, "page_url": f.page_url, "selector": f.selector}
        for f in sorted(findings, key=lambda f: (f.page_url, f.rule_id, f.selector))
        if f.outcome == FAILED
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": BASELINE_VERSION, "tool": f"a11y-audit {__version__}", "findings": entries}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(entries)
