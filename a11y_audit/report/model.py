"""What a report shows, computed from the store (no HTML here)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

from ..checks import CANT_TELL, FAILED, IMPACTS, Finding, get_check
from ..paths import load_rules_yaml
from ..checks.statement_analysis import StatementResult, analyse_statement
from ..snapshot import ConsentBanner, DocumentFacts, PageSnapshot
from ..store.sqlite import PageRow, RunInfo, SiteRow, Store
from ..trends import Changes, diff_findings, score_history
from ..wcag import Criterion, load_catalogue
from ..wcag.scoring import RuleStats, SiteScore, score_site, within_level
from .plain_language import PlainLanguageSection, is_plain_language, plain_language_section

_IMPACT_RANK = {impact: rank for rank, impact in enumerate(IMPACTS)}


def impact_rank(impact: str | None) -> int:
    return _IMPACT_RANK.get(impact or "", len(IMPACTS))


@dataclass(frozen=True)
class RuleTexts:
    title: str
    who: str
    fix: str


def rule_texts(finding: Finding, lang: str) -> RuleTexts:
    """The plain-language texts of a rule: our own checks' registry, or rules/axe-nl.yaml for axe-core."""
    check = get_check(finding.rule_id)
    if check is not None:
        texts = check.texts.get(lang) or check.texts["nl"]
        return RuleTexts(texts.title, texts.who, texts.fix)
    if lang == "nl":
        entry = (load_rules_yaml("axe-nl.yaml") or {}).get(finding.rule_id)
        if entry:
            return RuleTexts(entry["title"], entry.get("who", ""), entry.get("fix", ""))
    return RuleTexts(finding.rule_id, "", "")


@dataclass
class RuleGroup:
    """One rule's findings on one site, under one outcome."""

    rule_id: str
    engine: str
    impact: str | None
    outcome: str
    texts: RuleTexts
    help_url: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def pages(self) -> list[str]:
        return sorted({f.page_url for f in self.findings})

    @property
    def elements(self) -> int:
        return len(self.findings)

    @property
    def example(self) -> Finding:
        return self.findings[0]

    @property
    def sort_key(self) -> tuple:
        return (impact_rank(self.impact), -len(self.pages), -self.elements, self.rule_id)


@dataclass
class CriterionGroup:
    number: str  # "" for findings without a WCAG criterion
    criterion: Criterion | None
    rules: list[RuleGroup]

    @property
    def worst_impact(self) -> str | None:
        return min((r.impact for r in self.rules), key=impact_rank, default=None)

    @property
    def pages(self) -> int:
        return len({p for r in self.rules for p in r.pages})

    @property
    def elements(self) -> int:
        return sum(r.elements for r in self.rules)

    @property
    def sort_key(self) -> tuple:
        return (impact_rank(self.worst_impact), -self.pages, -self.elements, self.criterion.sort_key if self.criterion else (9,))


@dataclass(frozen=True)
class TopFix:
    stats: RuleStats
    texts: RuleTexts
    criteria: tuple[str, ...]
    help_url: str


@dataclass(frozen=True)
class TrendPoint:
    run_id: int
    date: str
    score: float | None
    score_a: float | None
    score_aa: float | None


@dataclass(frozen=True)
class VisitNotes:
    """How the pages were visited: the cookie banner (audited once) and the login (gather/session.py)."""

    banner: ConsentBanner | None = None  # the banner as found on the page that audited it
    banner_page: str = ""
    behind_banner: int = 0  # other pages audited without the banner in front
    logged_in: int = 0  # pages audited with the site's login, cookies or headers

    @property
    def manager_name(self) -> str:
        """The consent manager's name from rules/consent.yaml; "" for a generic or the site's own banner."""
        names = {m["id"]: m.get("name", m["id"]) for m in load_rules_yaml("consent.yaml")["managers"]}
        return names.get(self.banner.manager, "") if self.banner else ""


def visit_notes(snapshots: Sequence[PageSnapshot]) -> VisitNotes:
    audited = [s for s in snapshots if s.audited]
    page = next((s for s in audited if s.consent is not None and s.consent.audited), None)
    behind = [s for s in audited if s is not page and (s.consent is None or not s.consent.audited)]
    return VisitNotes(
        banner=page.consent if page else None,
        banner_page=(page.final_url or page.requested_url) if page else "",
        behind_banner=len(behind) if page and not page.consent.error else 0,
        logged_in=sum(1 for s in audited if s.logged_in),
    )


@dataclass
class SiteReport:
    run: RunInfo
    site: SiteRow
    pages: list[PageRow]
    failed: list[CriterionGroup]  # criteria with at least one failure, worst first
    review: list[CriterionGroup]  # criteria with only "cannot tell" findings
    applicable: int  # criteria that apply at the run's WCAG version and level
    impact_counts: dict[str, int]  # failing elements per impact
    documents: list[DocumentFacts]  # linked documents, analysed or only listed
    score: SiteScore
    top_fixes: list[TopFix]
    trend: list[TrendPoint]  # this site's score in every run up to this one
    previous_run: int | None
    changes: Changes | None  # since the previous run
    plain: PlainLanguageSection | None = None  # "Begrijpelijke taal": indicators and advice for writers
    statement: StatementResult | None = None  # the accessibility statement, None when site checks did not run
    statement_findings: list[RuleGroup] = field(default_factory=list)
    visit: VisitNotes = field(default_factory=VisitNotes)

    @property
    def audited_pages(self) -> list[PageRow]:
        return [p for p in self.pages if p.state == "audited"]

    @property
    def untested_pages(self) -> list[PageRow]:
        return [p for p in self.pages if p.state != "audited"]

    @property
    def sampled_pages(self) -> list[PageRow]:
        """The pages of the sample (addresses that failed during discovery are not)."""
        return [p for p in self.pages if p.chosen_for]

    @property
    def random_pages(self) -> list[PageRow]:
        return [p for p in self.pages if "random" in p.reasons_chosen]

    @property
    def failed_criteria(self) -> int:
        return sum(1 for g in self.failed if g.number)

    @property
    def failed_elements(self) -> int:
        return sum(self.impact_counts.values())

    @property
    def score_change(self) -> float | None:
        if len(self.trend) < 2 or self.trend[-1].score is None or self.trend[-2].score is None:
            return None
        return round(self.trend[-1].score - self.trend[-2].score, 1)

    def page_problems(self, url: str) -> int:
        return sum(1 for g in self.failed for r in g.rules for f in r.findings if f.page_url == url)


def group_findings(findings: Sequence[Finding], lang: str, version: str = "2.2", level: str = "AA") -> tuple[list[CriterionGroup], list[CriterionGroup]]:
    """Group by criterion and rule; criteria with a failure go first list, 'cannot tell' only the second.

    Plain-language advice (WCAG 3.1.5) and the accessibility statement are left out: they have their
    own sections in the report.
    """
    catalogue = load_catalogue()
    rules: dict[tuple[str, str, str], RuleGroup] = {}
    for f in findings:
        if is_plain_language(f) or is_statement_finding(f) or not within_level(f, version, level):
            continue
        for number in f.criteria or ("",):
            key = (number, f.rule_id, f.outcome)
            if key not in rules:
                rules[key] = RuleGroup(f.rule_id, f.engine, f.impact, f.outcome, rule_texts(f, lang), f.help_url)
            rules[key].findings.append(f)
    by_number: dict[str, list[RuleGroup]] = defaultdict(list)
    for (number, _rule, _outcome), group in rules.items():
        by_number[number].append(group)
    failed, review = [], []
    for number, groups in by_number.items():
        failing = sorted((g for g in groups if g.outcome == FAILED), key=lambda g: g.sort_key)
        unsure = sorted((g for g in groups if g.outcome == CANT_TELL), key=lambda g: g.sort_key)
        criterion = catalogue.get(number) if number else None
        if failing:
            failed.append(CriterionGroup(number, criterion, failing))
        if unsure:
            review.append(CriterionGroup(number, criterion, unsure))
    return sorted(failed, key=lambda g: g.sort_key), sorted(review, key=lambda g: g.sort_key)


TOP_FIXES = 5


def site_report(store: Store, run_id: int, site: SiteRow, lang: str = "nl") -> SiteReport:
    run = store.run(run_id)
    all_findings = store.findings(run_id, site.site_id)
    version, level = run.settings.get("wcag_version", "2.2"), run.settings.get("wcag_level", "AA")
    # findings only about criteria above the audited level (AAA) do not count; plain-language advice has its own section
    findings = [f for f in all_findings if within_level(f, version, level)]
    failed, review = group_findings(findings, lang, version, level)
    impacts = Counter(f.impact for f in findings if f.outcome == FAILED)
    snapshots = list(store.snapshots(run_id, site.site_id))
    site_checked = run.settings.get("site_checks", True)
    score = score_site(snapshots, findings, version, level)
    previous = store.previous_run(site.site_id, run_id)
    changes = diff_findings(store.findings(previous, site.site_id), findings) if previous else None
    return SiteReport(
        run=run,
        site=site,
        pages=store.pages(run_id, site.site_id),
        failed=failed,
        review=review,
        applicable=len(load_catalogue().applicable(version, level)),
        impact_counts={impact: impacts.get(impact, 0) for impact in IMPACTS},
        documents=_documents(store, run_id, site.site_id, snapshots),
        score=score,
        top_fixes=_top_fixes(score, findings, lang),
        trend=_trend(store, site, run_id),
        previous_run=previous,
        changes=changes,
        plain=plain_language_section(snapshots, all_findings, lang),
        statement=analyse_statement(snapshots, date.fromisoformat(run.started_at[:10])) if site_checked else None,
        statement_findings=_statement_groups(findings, lang),
        visit=visit_notes(snapshots),
    )


def _documents(store: Store, run_id: int, site_id: str, snapshots: Sequence[PageSnapshot]) -> list[DocumentFacts]:
    """The documents fetched for the site; when none were fetched, the ones its pages link to."""
    fetched = store.documents(run_id, site_id)
    if fetched:
        return fetched
    listed: dict[str, DocumentFacts] = {}
    for snapshot in snapshots:
        for document in snapshot.documents:
            listed.setdefault(document.url, DocumentFacts(
                url=document.url, kind=document.kind, link_text=document.link_text, state="not-analysed",
                linked_from=snapshot.final_url or snapshot.requested_url))
    return sorted(listed.values(), key=lambda d: d.url)


def _statement_groups(findings: Sequence[Finding], lang: str) -> list[RuleGroup]:
    groups: dict[str, RuleGroup] = {}
    for f in findings:
        if is_statement_finding(f):
            groups.setdefault(f.rule_id, RuleGroup(f.rule_id, f.engine, f.impact, f.outcome, rule_texts(f, lang), f.help_url))
            groups[f.rule_id].findings.append(f)
    return sorted(groups.values(), key=lambda g: g.sort_key)


def is_statement_finding(finding: Finding) -> bool:
    return finding.rule_id.startswith("statement-")


def _top_fixes(score: SiteScore, findings: Sequence[Finding], lang: str) -> list[TopFix]:
    example = {f.rule_id: f for f in findings if f.outcome == FAILED}
    fixes = []
    for stats in score.rules[:TOP_FIXES]:
        finding = example.get(stats.rule_id)
        if finding is not None:
            fixes.append(TopFix(stats, rule_texts(finding, lang), finding.criteria, finding.help_url))
    return fixes


def _trend(store: Store, site: SiteRow, run_id: int) -> list[TrendPoint]:
    return [TrendPoint(row.run_id, row.started_at, row.score, row.score_a, row.score_aa)
            for row in score_history(store, site.site_id, run_id)]
