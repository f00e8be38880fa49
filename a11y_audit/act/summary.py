"""The readable implementation report: Markdown, per ACT rule, next to the published figures of other tools."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Mapping as TypingMapping, Sequence

from .barriers import AXE_ONLY, FAILED_OR_REVIEW, FULL, BarrierMeasure
from .mapping import Mapping
from .scoring import (
    CONSISTENT,
    INCONSISTENT,
    NOT_TESTED,
    PARTIALLY,
    RuleScore,
    summary_class,
    totals,
)
from .suite import Suite

CLASSES = (CONSISTENT, PARTIALLY, INCONSISTENT, NOT_TESTED)
# a few well-known automated tools get a column of their own; all tools are in the totals table
COLUMNS = ("axe-core", "alfa", "sortsite", "total-validator-browser", "webmate-accessibility-workbench", "qualweb")
_SHORT = {"complete": "✔", "partial": "½", "minimal": "½", None: "✘"}


@dataclass(frozen=True)
class RunInfo:
    version: str
    axe_version: str
    browser_version: str
    wcag: str
    cases_run: int
    seconds: float
    concurrency: int
    failed_pages: int = 0


def published_class(entry: TypingMapping[str, Any] | None) -> str:
    """W3C's figure for one tool and rule as one of the four classes."""
    if not entry or not entry.get("procedures"):
        return NOT_TESTED
    return summary_class(entry.get("consistency"), True)


def _cell(scores: TypingMapping[str, RuleScore], rule: str) -> str:
    score = scores.get(rule)
    if score is None:
        return "–"
    cls = score.summary_class
    return {CONSISTENT: "✔ consistent", PARTIALLY: "½ partial", INCONSISTENT: "✘ inconsistent", NOT_TESTED: "· untested"}[cls]


def _tool_cell(tool: TypingMapping[str, Any], rule: str) -> str:
    cls = published_class(tool.get("consistency_by_rule", {}).get(rule))
    return {CONSISTENT: "✔", PARTIALLY: "½", INCONSISTENT: "✘", NOT_TESTED: "·"}[cls]


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_summary(
    suite: Suite,
    mapping: Mapping,
    scores: TypingMapping[str, RuleScore],
    axe_only: TypingMapping[str, RuleScore],
    info: RunInfo,
    *,
    case_notes: TypingMapping[str, str] | None = None,
    barriers: BarrierMeasure | None = None,
) -> str:
    """The report. ``scores``: all mapped tool rules; ``axe_only``: the same run, axe-core's rules only;
    ``barriers``: the known-barriers measurement of the same run, when the results keep the findings."""
    approved = [r for r in suite.approved_rules() if r in scores]
    proposed = [r for r in scores if r not in approved]
    ours = totals(scores[r] for r in approved)
    axe = totals(axe_only[r] for r in approved if r in axe_only)
    tools = suite.implementations
    lines: list[str] = []
    add = lines.append
    add("# a11y-audit: W3C ACT Rules implementation report")
    add("")
    add(
        f"a11y-audit {info.version}, axe-core {info.axe_version}, Chromium {info.browser_version}, "
        f"settings of `a11y-audit run` ({info.wcag}), navigation kept on 127.0.0.1. Test cases: W3C "
        f"wcag-act-rules commit `{suite.commit[:12]}`; {info.cases_run} cases run in {info.seconds:.0f} s "
        f"with {info.concurrency} pages at a time"
        + (f"; {info.failed_pages} could not be tested." if info.failed_pages else ".")
    )
    add("")
    add(
        "Consistency is computed as W3C computes it (act-rules/act-tools): per ACT rule and tool rule, only the "
        "cases of the approved version of the rule; a failure on a passed or inapplicable case makes the tool "
        "rule inconsistent; it is consistent when it fails a failed case, tests every case and no failed case comes "
        "back only as passed, inapplicable or untested (cantTell counts); partial tool rules may add up. The ACT "
        "rule takes the best. The EARL report next to this file holds every outcome."
    )
    add("")
    add(f"## Approved rules ({len(approved)})")
    add("")
    add("| implementation | consistent | partially consistent | inconsistent | untested |")
    add("|---|---:|---:|---:|---:|")
    add(f"| **a11y-audit {info.version}** (axe-core + own checks) | **{ours[CONSISTENT]}** | {ours[PARTIALLY]} | "
        f"{ours[INCONSISTENT]} | {ours[NOT_TESTED]} |")
    add(f"| a11y-audit, axe-core rules only | {axe[CONSISTENT]} | {axe[PARTIALLY]} | {axe[INCONSISTENT]} | {axe[NOT_TESTED]} |")
    ranked = sorted(tools.items(), key=lambda kv: -(kv[1].get("approvedRules") or {}).get("complete", 0))
    for key, tool in ranked:
        counts = Counter(published_class(tool.get("consistency_by_rule", {}).get(r)) for r in approved)
        name = f"{tool.get('name', key)} {tool.get('version') or ''}".strip()
        add(f"| {_escape(name)} (published) | {counts[CONSISTENT]} | {counts[PARTIALLY]} | {counts[INCONSISTENT]} | "
            f"{counts[NOT_TESTED]} |")
    add("")
    add("Published figures: `implementations.json` of the suite, recounted over the same approved rules. They were "
        "measured by their vendors, some semi-automatically (with human answers); ours are fully automatic.")
    add("")
    cols = [c for c in COLUMNS if c in tools]
    add("| ACT rule | name | a11y-audit | tool rules | axe-core only | tools consistent | "
        + " | ".join(cols) + " |")
    add("|---|---|---|---|---|---:|" + "---|" * len(cols))
    for rule in approved:
        score = scores[rule]
        name = suite.rules[rule].name if rule in suite.rules else ""
        used = ", ".join(score.chosen) or ", ".join(t.id for t in mapping.tool_rules(rule)) or "–"
        n_consistent = sum(
            1 for t in tools.values() if published_class(t.get("consistency_by_rule", {}).get(rule)) == CONSISTENT
        )
        add(
            f"| [{rule}](https://www.w3.org/WAI/standards-guidelines/act/rules/{rule}/) | {_escape(name)} | "
            f"{_cell(scores, rule)} | {used} | {_cell(axe_only, rule)} | {n_consistent}/{len(tools)} | "
            + " | ".join(_tool_cell(tools[c], rule) for c in cols)
            + " |"
        )
    add("")
    add("✔ consistent, ½ partially consistent, ✘ inconsistent, · untested.")
    add("")
    if barriers is not None:
        lines.extend(barrier_section(barriers, info.wcag))
    details = _details(suite, mapping, scores, approved, case_notes or {})
    if details:
        add("## Where tool rules disagree with the suite")
        add("")
        add("Per tool rule: cases it fails that should pass or be inapplicable (false failures), failed cases it "
            "misses, and cases it left untested. A tool rule listed here does not make its ACT rule inconsistent "
            "when another tool rule for the same ACT rule is consistent (W3C takes the best).")
        add("")
        lines.extend(details)
        add("")
    if proposed:
        prop = totals(scores[r] for r in proposed)
        add(f"## Proposed rules ({len(proposed)})")
        add("")
        add(f"Not yet approved by W3C; all their cases count. Consistent {prop[CONSISTENT]}, partially consistent "
            f"{prop[PARTIALLY]}, inconsistent {prop[INCONSISTENT]}, untested {prop[NOT_TESTED]}.")
        add("")
        add("| ACT rule | name | a11y-audit | tool rules |")
        add("|---|---|---|---|")
        for rule in sorted(proposed):
            score = scores[rule]
            name = suite.rules[rule].name if rule in suite.rules else ""
            used = ", ".join(score.chosen) or ", ".join(t.id for t in mapping.tool_rules(rule)) or "–"
            add(f"| {rule} | {_escape(name)} | {_cell(scores, rule)} | {used} |")
        add("")
    return "\n".join(lines) + "\n"


def _details(
    suite: Suite,
    mapping: Mapping,
    scores: TypingMapping[str, RuleScore],
    rules: Sequence[str],
    notes: TypingMapping[str, str],
) -> list[str]:
    files = {c.testcase_id: c.file for c in suite.cases}
    out: list[str] = []
    for rule in rules:
        for proc in scores[rule].procedures:
            problems = [("false failure", proc.false_positives), ("missed", proc.missed), ("untested", proc.untested)]
            if not any(ids for _, ids in problems):
                continue
            parts = []
            for label, ids in problems:
                if ids:
                    shown = ", ".join(
                        f"`{files.get(i, i).removeprefix('w3c/')}`" + (f" ({_escape(notes[i])})" if i in notes else "")
                        for i in ids[:8]
                    )
                    parts.append(f"{label}: {shown}" + (f" and {len(ids) - 8} more" if len(ids) > 8 else ""))
            out.append(f"- **{rule}** `{proc.procedure}` ({_SHORT.get(proc.level, '?')}): " + "; ".join(parts))
    return out


def rules_by_class(scores: Iterable[RuleScore]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {c: [] for c in CLASSES}
    for score in scores:
        out[score.summary_class].append(score.rule_id)
    return out


def barrier_section(measure: BarrierMeasure, wcag: str) -> list[str]:
    """The "known barriers flagged" section (barriers.py)."""
    from ..wcag import load_catalogue

    catalogue = load_catalogue()
    lines = [
        "## Known barriers flagged",
        "",
        f"A barrier is a failed example of an ACT rule whose failure means a {wcag} success criterion is not "
        "satisfied (secondary requirements do not count). It is flagged when any finding on the page, of any "
        "axe-core rule or own check, names one of those criteria: failed, or failed or cantTell (needs review). "
        "A false alarm is a failed finding on such a criterion on a passed or inapplicable example of the rule "
        "(pages that could not be tested left out). See docs/act.md.",
        "",
        "| rules | ACT rules | barriers | axe-core alone | a11y-audit (axe-core + own checks) | axe-core, failed or review "
        "| a11y-audit, failed or review |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, approved in (("all", False), ("approved", True)):
        lines.append(
            f"| {label} | {measure.rules(approved_only=approved)} | {len(measure.barriers(approved_only=approved))} | "
            f"{measure.flagged(AXE_ONLY, approved_only=approved)} | **{measure.flagged(FULL, approved_only=approved)}** | "
            f"{measure.flagged(AXE_ONLY, FAILED_OR_REVIEW, approved_only=approved)} | "
            f"{measure.flagged(FULL, FAILED_OR_REVIEW, approved_only=approved)} |"
        )
    untested = measure.untested_barriers()
    if untested:
        lines += ["", f"{untested} barrier pages could not be tested; they count as not flagged."]
    lines += [
        "",
        "False alarms:",
        "",
        "| rules | passed and inapplicable examples | axe-core alone | a11y-audit (axe-core + own checks) |",
        "|---|---:|---:|---:|",
    ]
    for label, approved in (("all", False), ("approved", True)):
        lines.append(
            f"| {label} | {len(measure.clean(approved_only=approved))} | {measure.false_alarms(AXE_ONLY, approved_only=approved)} | "
            f"{measure.false_alarms(FULL, approved_only=approved)} |"
        )
    lines += [
        "",
        "Per criterion (all rules; a barrier of a rule with two criteria counts under both, flagged under each by a "
        "finding that names it):",
        "",
        "| criterion | level | barriers | axe-core | a11y-audit | a11y-audit, failed or review | passed and inapplicable "
        "| false alarms axe-core | false alarms a11y-audit |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in measure.by_criterion():
        criterion = catalogue.get(row.number)
        name = f"{row.number} {criterion.name_en}" if criterion else row.number
        lines.append(
            f"| {_escape(name)} | {criterion.level if criterion else '?'} | {row.barriers} | {row.axe} | {row.full} | "
            f"{row.full_review} | {row.clean} | {row.axe_alarms} | {row.full_alarms} |"
        )
    alarms = measure.own_false_alarms()
    if alarms:
        lines += ["", "Own checks that fail a required criterion on a passed or inapplicable example "
                  "(* axe-core fails one there too):", ""]
        by_check: dict[str, list[str]] = {}
        for alarm in alarms:
            by_check.setdefault(alarm.check, []).append(
                f"`{alarm.case.file.removeprefix('w3c/')}` ({', '.join(alarm.criteria)}){' *' if alarm.axe_too else ''}"
            )
        for check, cases in by_check.items():
            lines.append(f"- **{check}** ({len(cases)}): " + ", ".join(cases))
    lines.append("")
    return lines
