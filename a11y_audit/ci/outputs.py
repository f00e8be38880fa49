"""Result files of `a11y-audit check`: JUnit XML, SARIF 2.1.0, JSON, CSV, EARL (JSON-LD), Markdown."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..checks import IMPACTS, Finding
from ..report.i18n import decimal, reason_text, translator
from ..report.model import rule_texts
from ..wcag import load_catalogue
from .gate import BASELINE, IGNORED, NEW, REVIEW, Classified, GateResult

TOOL_URI = "https://github.com/a11y-audit/a11y-audit"


@dataclass(frozen=True)
class RunMeta:
    axe_version: str
    browser_version: str
    wcag_version: str
    wcag_level: str
    pages: tuple[str, ...]  # audited page URLs
    lang: str = "nl"  # of the texts for people (the Markdown summary)


def _title(c: Classified) -> str:
    return rule_texts(c.finding, "en").title if c.finding.engine != "axe" else c.finding.rule_id


# -- JUnit --------------------------------------------------------------------


def junit(result: GateResult, meta: RunMeta) -> str:
    """One test suite per page; one test case per rule that reported there, failing for new barriers."""
    by_page: dict[str, dict[str, list[Classified]]] = defaultdict(lambda: defaultdict(list))
    for c in result.findings:
        by_page[c.finding.page_url][c.finding.rule_id].append(c)
    suites = ET.Element("testsuites", name="a11y-audit")
    for page in meta.pages:
        rules = by_page.get(page, {})
        suite = ET.SubElement(suites, "testsuite", name=page, tests="0", failures="0", errors="0", skipped="0")
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        if not rules:
            ET.SubElement(suite, "testcase", classname=page, name=f"WCAG {meta.wcag_version} {meta.wcag_level}: no barriers found")
            counts["tests"] += 1
        for rule_id, items in sorted(rules.items()):
            case = ET.SubElement(suite, "testcase", classname=page, name=rule_id)
            counts["tests"] += 1
            new = [c for c in items if c.status == NEW]
            text = "\n".join(f"[{c.status}] {c.finding.impact or ''} {c.finding.selector}\n  {c.finding.snippet}" for c in items)
            if new:
                failure = ET.SubElement(case, "failure", type=new[0].finding.impact or "failed",
                                        message=f"{len(new)} element(s) fail {rule_id} ({', '.join(new[0].finding.criteria)})")
                failure.text = text + f"\nHelp: {items[0].finding.help_url}"
                counts["failures"] += 1
            else:
                ET.SubElement(case, "skipped", message=f"{len(items)} known, ignored or to review").text = text
                counts["skipped"] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
    for page in result.untested:
        suite = ET.SubElement(suites, "testsuite", name=page.url, tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", classname=page.url, name="page could be tested")
        ET.SubElement(case, "error", type="could-not-test", message=page.reason)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


# -- SARIF 2.1.0 --------------------------------------------------------------


def sarif(result: GateResult, meta: RunMeta) -> dict[str, Any]:
    catalogue = load_catalogue()
    rule_index: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for c in result.findings:
        f = c.finding
        if f.rule_id not in rule_index:
            texts = rule_texts(f, "nl")
            criteria = [catalogue.get(n) for n in f.criteria]
            rule_index[f.rule_id] = len(rules)
            rules.append({
                "id": f.rule_id,
                "name": f.rule_id,
                "shortDescription": {"text": texts.title},
                "fullDescription": {"text": " ".join(p for p in (texts.who, texts.fix) if p) or texts.title},
                "helpUri": f.help_url or TOOL_URI,
                "help": {"text": texts.fix or texts.title},
                "properties": {
                    "tags": ["accessibility", *(f"WCAG {n}" for n in f.criteria),
                             *(f"EN 301 549 {cr.en301549}" for cr in criteria if cr and cr.en301549)],
                    "engine": f.engine,
                    "impact": f.impact,
                },
            })
        entry: dict[str, Any] = {
            "ruleId": f.rule_id,
            "ruleIndex": rule_index[f.rule_id],
            "level": "note" if c.status == REVIEW else ("error" if f.impact in ("critical", "serious") else "warning"),
            "message": {"text": f"{rule_texts(f, 'nl').title}: {f.message or f.selector}".strip()},
            "locations": [{
                # web pages have no line numbers: the element is located by its CSS selector, the HTML goes in the message
                "physicalLocation": {"artifactLocation": {"uri": f.page_url}},
                "logicalLocations": [{"fullyQualifiedName": f.selector, "kind": "element"}],
                "message": {"text": f.snippet or f.selector},
            }],
            "partialFingerprints": {"a11yAudit/v1": f.fingerprint},
            "baselineState": "unchanged" if c.status == BASELINE else "new",
            "properties": {"status": c.status, "criteria": list(f.criteria), "outcome": f.outcome},
        }
        if c.status == IGNORED:
            entry["suppressions"] = [{"kind": "external", "justification": c.note}]
        results.append(entry)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "a11y-audit", "version": __version__, "informationUri": TOOL_URI, "rules": rules}},
            "invocations": [{"executionSuccessful": not result.untested,
                             "toolExecutionNotifications": [{"level": "error", "message": {"text": f"{p.url}: {p.reason}"}}
                                                            for p in result.untested]}],
            "results": results,
            "properties": {"axeVersion": meta.axe_version, "browserVersion": meta.browser_version, "score": result.score},
        }],
    }


# -- EARL (JSON-LD) -----------------------------------------------------------

EARL_CONTEXT = {
    "earl": "http://www.w3.org/ns/earl#",
    "dct": "http://purl.org/dc/terms/",
    "ptr": "http://www.w3.org/2009/pointers#",
    "sch": "https://schema.org/",
    "WCAG22": "https://www.w3.org/TR/WCAG22/#",
}


def earl(result: GateResult, meta: RunMeta) -> dict[str, Any]:
    catalogue = load_catalogue()
    assertor = {"@id": TOOL_URI, "@type": ["earl:Assertor", "earl:Software"], "dct:title": "a11y-audit",
                "dct:hasVersion": __version__, "dct:description": f"axe-core {meta.axe_version}"}
    graph = []
    for c in result.findings:
        f = c.finding
        graph.append({
            "@type": "earl:Assertion",
            "earl:assertedBy": assertor,
            "earl:mode": {"@id": "earl:automatic"},
            "earl:subject": {"@id": f.page_url, "@type": ["earl:TestSubject", "sch:WebPage"]},
            "earl:test": {"@id": f.help_url or f"{TOOL_URI}#{f.rule_id}", "@type": "earl:TestCase", "dct:title": f.rule_id,
                          "dct:isPartOf": [{"@id": catalogue.get(n).understanding if catalogue.get(n) else n} for n in f.criteria]},
            "earl:result": {
                "@type": "earl:TestResult",
                "earl:outcome": {"@id": "earl:failed" if f.outcome == "failed" else "earl:cantTell"},
                "earl:pointer": {"@type": "ptr:CSSSelectorPointer", "ptr:expression": f.selector},
                "earl:info": f.message,
            },
        })
    return {"@context": EARL_CONTEXT, "@graph": graph}


# -- JSON, CSV, Markdown ------------------------------------------------------


def _rows(result: GateResult) -> list[dict[str, Any]]:
    return [
        {"status": c.status, "rule_id": c.finding.rule_id, "engine": c.finding.engine, "impact": c.finding.impact,
         "outcome": c.finding.outcome, "criteria": list(c.finding.criteria), "page_url": c.finding.page_url,
         "selector": c.finding.selector, "snippet": c.finding.snippet, "message": c.finding.message,
         "help_url": c.finding.help_url, "fingerprint": c.finding.fingerprint, "note": c.note}
        for c in result.findings
    ]


def as_json(result: GateResult, meta: RunMeta) -> dict[str, Any]:
    return {
        "tool": {"name": "a11y-audit", "version": __version__, "axe_version": meta.axe_version},
        "passed": result.passed,
        "exit_code": result.exit_code,
        "breaches": [str(b) for b in result.breaches],
        "score": result.score,
        "thresholds": {"fail_on": result.thresholds.fail_on, "min_score": result.thresholds.min_score},
        "counts": {s: result.count(s) for s in (NEW, BASELINE, IGNORED, REVIEW)},
        "pages": list(meta.pages),
        "untested": [{"url": p.url, "reason": p.reason} for p in result.untested],
        "expired_ignores": [{"rule": i.rule, "reason": i.reason, "until": i.until.isoformat() if i.until else None}
                            for i in result.expired_ignores],
        "findings": _rows(result),
    }


def as_csv(result: GateResult, meta: RunMeta) -> str:
    buffer = io.StringIO()
    fields = ["status", "rule_id", "engine", "impact", "outcome", "criteria", "page_url", "selector", "snippet",
              "message", "help_url", "fingerprint", "note"]
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    for row in _rows(result):
        writer.writerow({**row, "criteria": " ".join(row["criteria"])})
    return buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("`", "'")


def markdown(result: GateResult, meta: RunMeta, limit: int = 30) -> str:
    """The summary for people (a pull request, the job log): the verdict, the new barriers per rule, the
    most severe and most frequent first, with how to fix them, then where they are (up to ``limit``)."""
    lang = meta.lang
    t = translator(lang)
    verdict = "ci_passed" if result.passed else ("ci_failed" if result.breaches else "ci_untested")
    icon = {"ci_passed": "✅", "ci_failed": "❌"}.get(verdict, "⚠️")
    tested = t("ci_tested", version=meta.wcag_version, level=meta.wcag_level, pages=len(meta.pages), axe=meta.axe_version)
    if result.score is not None:
        tested += " " + t("ci_score", score=decimal(f"{result.score:.1f}", lang))
    lines = [
        f"## {icon} {t(verdict)}", "", tested, "",
        f"| {t('ci_new')} | {t('ci_baseline')} | {t('ci_ignored')} | {t('ci_review')} |",
        "|---:|---:|---:|---:|",
        f"| {result.count(NEW)} | {result.count(BASELINE)} | {result.count(IGNORED)} | {result.count(REVIEW)} |",
        "",
    ]
    for breach in result.breaches:
        if breach.kind == "new":
            lines.append(f"- {t('ci_breach_new', count=breach.count, fail_on=t(f'impact_{breach.fail_on}').lower())}")
        else:
            lines.append(f"- {t('ci_breach_score', score=decimal(f'{breach.score:.1f}', lang), minimum=decimal(f'{breach.minimum:g}', lang))}")
    groups = _worst_first([c.finding for c in result.findings if c.status == NEW])
    if groups:
        lines += ["", f"### {t('ci_new_title')}", "",
                  f"| {t('impact')} | {t('ci_problem')} | WCAG | {t('ci_elements')} | {t('doc_pages')} |", "|---|---|---|---:|---:|"]
        texts = {g[0].rule_id: rule_texts(g[0], lang) for g in groups}
        for findings in groups:
            f = findings[0]
            lines.append(f"| {_impact(f, t)} | [{_md(texts[f.rule_id].title)}]({f.help_url}) `{f.rule_id}` | "
                         f"{' '.join(f.criteria)} | {len(findings)} | {len({x.page_url for x in findings})} |")
        if any(x.fix for x in texts.values()):
            lines += ["", f"### {t('ci_how_to_fix')}", ""]
            lines += [f"- **{_md(x.title)}**: {_md(x.fix)}" for x in texts.values() if x.fix]
        where = [f for g in groups for f in g]
        lines += ["", f"### {t('ci_elements_title')}", "",
                  f"| {t('impact')} | {t('ci_problem')} | {t('page')} | {t('ci_element')} |", "|---|---|---|---|"]
        lines += [f"| {_impact(f, t)} | {_md(texts[f.rule_id].title)} | {_md(f.page_url)} | `{_md(f.selector)}` |"
                  for f in where[:limit]]
        if len(where) > limit:
            lines += ["", t("ci_more", count=len(where) - limit)]
    if result.untested:
        lines += ["", f"### {t('ci_untested_title')}", ""]
        lines += [f"- {_md(p.url)}: {_md(reason_text(p.reason, lang))}" for p in result.untested]
    if result.expired_ignores:
        lines += ["", f"### {t('ci_expired_title')}", ""]
        lines += [f"- {i.rule}: {_md(i.reason)} ({t('ci_until', date=i.until)})" for i in result.expired_ignores]
    lines += ["", t("ci_people"), ""]
    return "\n".join(lines)


def _worst_first(findings: list[Finding]) -> list[list[Finding]]:
    """Findings by rule: the most severe impact first, then the rule on the most elements."""
    rank = {impact: i for i, impact in enumerate(IMPACTS)}  # an unknown impact counts as the most severe
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in sorted(findings, key=lambda f: rank.get(f.impact, -1)):
        groups[f.rule_id].append(f)
    return sorted(groups.values(), key=lambda g: (rank.get(g[0].impact, -1), -len(g), g[0].rule_id))


def _impact(finding: Finding, t: Callable[..., str]) -> str:
    return t(f"impact_{finding.impact}") if finding.impact in IMPACTS else t("impact_none")


WRITERS: dict[str, Callable[[GateResult, RunMeta], Any]] = {
    "junit": junit, "sarif": sarif, "json": as_json, "csv": as_csv, "earl": earl, "markdown": markdown,
}


def write_output(kind: str, path: Path, result: GateResult, meta: RunMeta) -> Path:
    content = WRITERS[kind](result, meta)
    if not isinstance(content, str):
        content = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path
