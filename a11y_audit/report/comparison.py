"""The comparison over all sites of a run: ranking, groups, distribution, common problems."""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from ..checks import Finding
from .model import RuleTexts, SiteReport, impact_rank, rule_texts


@dataclass(frozen=True)
class Group:
    kind: str  # level, province, tag
    name: str
    sites: int
    mean: float | None
    median: float | None
    lowest: float | None
    highest: float | None


@dataclass(frozen=True)
class CommonProblem:
    rule_id: str
    texts: RuleTexts
    impact: str | None
    criteria: tuple[str, ...]
    sites: tuple[str, ...]  # site names
    pages: int


@dataclass(frozen=True)
class SharedProblem:
    """The same rule failing on the same kind of element on several sites: likely a shared template."""

    rule_id: str
    texts: RuleTexts
    impact: str | None
    signature: str
    example: Finding
    sites: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    ranking: list[SiteReport]  # scored sites, best first; then sites without a score
    groups: list[Group]
    histogram: list[tuple[str, int]]  # ("0-9", n) ... ("90-100", n)
    common: list[CommonProblem]
    shared: list[SharedProblem]


def compare(reports: Sequence[SiteReport], lang: str) -> Comparison:
    scored = [r for r in reports if r.score.score is not None]
    ranking = sorted(scored, key=lambda r: (-(r.score.score or 0), r.site.name)) + [
        r for r in reports if r.score.score is None
    ]
    return Comparison(
        ranking=ranking,
        groups=_groups(scored),
        histogram=_histogram([r.score.score for r in scored if r.score.score is not None]),
        common=_common(reports, lang),
        shared=_shared(reports, lang),
    )


def _groups(reports: Sequence[SiteReport]) -> list[Group]:
    keys: list[tuple[str, Callable[[SiteReport], Iterable[str]]]] = [
        ("level", lambda r: [r.site.level] if r.site.level else []),
        ("province", lambda r: [r.site.province] if r.site.province else []),
        ("tag", lambda r: list(r.site.tags)),
    ]
    groups = []
    for kind, names_of in keys:
        members: dict[str, list[float]] = defaultdict(list)
        for report in reports:
            for name in names_of(report):
                members[name].append(report.score.score or 0.0)
        for name, scores in sorted(members.items()):
            groups.append(
                Group(kind, name, len(scores), round(statistics.fmean(scores), 1), round(statistics.median(scores), 1),
                      min(scores), max(scores))
            )
    return groups


def _histogram(scores: Sequence[float]) -> list[tuple[str, int]]:
    bins = [0] * 10
    for score in scores:
        bins[min(int(score // 10), 9)] += 1
    return [(f"{i * 10}-{i * 10 + 9 if i < 9 else 100}", n) for i, n in enumerate(bins)]


def _failed(report: SiteReport) -> Iterable[Finding]:
    for group in report.failed:
        for rule in group.rules:
            yield from rule.findings


def _common(reports: Sequence[SiteReport], lang: str, limit: int = 15) -> list[CommonProblem]:
    sites: dict[str, set[str]] = defaultdict(set)
    pages: dict[str, set[str]] = defaultdict(set)
    example: dict[str, Finding] = {}
    for report in reports:
        for finding in _failed(report):
            sites[finding.rule_id].add(report.site.name)
            pages[finding.rule_id].add(finding.page_url)
            example.setdefault(finding.rule_id, finding)
    problems = [
        CommonProblem(rule, rule_texts(example[rule], lang), example[rule].impact, example[rule].criteria,
                      tuple(sorted(names)), len(pages[rule]))
        for rule, names in sites.items()
    ]
    problems.sort(key=lambda p: (-len(p.sites), impact_rank(p.impact), -p.pages, p.rule_id))
    return problems[:limit]


_POSITION = re.compile(r":nth-(?:of-type|child)\(\d+\)")
_ID_WITH_DIGITS = re.compile(r"#[\w-]*\d[\w-]*")
_CLASSES = re.compile(r"""class\s*=\s*["']([^"']*)["']""")


def element_signature(finding: Finding) -> str:
    """The kind of element, independent of the page and the site: selector shape, tag and classes."""
    selector = _ID_WITH_DIGITS.sub("#*", _POSITION.sub("", finding.selector))
    tag = re.match(r"\s*<\s*([a-zA-Z0-9-]+)", finding.snippet or "")
    classes = _CLASSES.search(finding.snippet or "")
    class_part = ".".join(sorted(c for c in (classes.group(1).split() if classes else []) if not re.search(r"\d", c)))
    return f"{selector}|{tag.group(1).lower() if tag else ''}|{class_part}"


def _shared(reports: Sequence[SiteReport], lang: str, limit: int = 15) -> list[SharedProblem]:
    sites: dict[tuple[str, str], set[str]] = defaultdict(set)
    example: dict[tuple[str, str], Finding] = {}
    for report in reports:
        for finding in _failed(report):
            key = (finding.rule_id, element_signature(finding))
            sites[key].add(report.site.name)
            example.setdefault(key, finding)
    shared = [
        SharedProblem(rule, rule_texts(example[(rule, sig)], lang), example[(rule, sig)].impact, sig,
                      example[(rule, sig)], tuple(sorted(names)))
        for (rule, sig), names in sites.items()
        if len(names) > 1
    ]
    shared.sort(key=lambda p: (-len(p.sites), impact_rank(p.impact), p.rule_id))
    return shared[:limit]

