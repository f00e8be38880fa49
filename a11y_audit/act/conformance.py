"""`a11y-audit act` end to end: run the cases, write the EARL report, score it, write the summary."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .. import __version__
from .barriers import BarrierMeasure, RuleFinding, audited_criteria, measure
from .earl import case_url, earl_report, only_mapped, read_outcomes, write_earl
from .mapping import AXE, Mapping, load_mapping
from .runner import CaseResult, EngineInfo, act_settings, run_cases
from .scoring import RuleScore, score_suite, totals
from .suite import Case, Suite
from .summary import RunInfo, markdown_summary

EARL_FILE = "act-earl.jsonld"
SUMMARY_FILE = "act-summary.md"
RESULTS_FILE = "act-results.json"


@dataclass(frozen=True)
class ActRun:
    scores: dict[str, RuleScore]
    axe_only: dict[str, RuleScore]
    info: RunInfo
    files: tuple[Path, ...]
    barriers: BarrierMeasure | None = None  # None: the results file has no findings per case

    def approved_totals(self, suite: Suite, *, axe_only: bool = False) -> dict[str, int]:
        source = self.axe_only if axe_only else self.scores
        return totals(source[r] for r in suite.approved_rules() if r in source)


def select_cases(suite: Suite, rules: Iterable[str] | None = None, *, approved_only: bool = False) -> list[Case]:
    wanted = set(rules or ())
    return [
        c
        for c in suite.cases
        if (not wanted or c.rule_id in wanted) and (not approved_only or (c.approved_rule and c.counts))
    ]


def run_act(
    suite_dir: Path,
    out: Path,
    *,
    rules: Iterable[str] | None = None,
    approved_only: bool = False,
    concurrency: int = 2,
    mapping: Mapping | None = None,
    progress: Callable[[CaseResult, int, int], None] | None = None,
    interaction: bool = False,
) -> ActRun:
    suite = Suite(suite_dir)
    mapping = mapping or load_mapping()
    cases = select_cases(suite, rules, approved_only=approved_only)
    started = time.perf_counter()
    results, engine = asyncio.run(run_cases(suite.root, cases, mapping, settings=act_settings(interaction=interaction),
                                            concurrency=concurrency, progress=progress))
    seconds = time.perf_counter() - started
    document = earl_report(results, mapping, engine, version=__version__, suite_commit=suite.commit)
    out.mkdir(parents=True, exist_ok=True)
    write_earl(document, out / EARL_FILE)
    _write_results(results, engine, seconds, concurrency, out / RESULTS_FILE)
    info = RunInfo(
        version=__version__,
        axe_version=engine.axe_version,
        browser_version=engine.browser_version,
        wcag=f"WCAG {engine.settings.get('wcag_version')} {engine.settings.get('wcag_level')}",
        cases_run=len(results),
        seconds=seconds,
        concurrency=concurrency,
        failed_pages=sum(1 for r in results if r.state != "audited"),
    )
    audited = audited_criteria(engine.settings["wcag_version"], engine.settings["wcag_level"])
    barriers = measure(((r.case, r.findings) for r in results), audited)
    return _score_and_summarise(suite, cases, mapping, read_outcomes(document), info, out, results, barriers)


def rescore(earl_file: Path, suite_dir: Path, out: Path, *, mapping: Mapping | None = None) -> ActRun:
    """Score an EARL report again with the current mapping and write it, with the summary, to ``out``.

    Assertions of tool rules the mapping no longer gives for their ACT rule are left out.
    """
    suite = Suite(suite_dir)
    mapping = mapping or load_mapping()
    document = only_mapped(json.loads(earl_file.read_text(encoding="utf-8")), mapping)
    write_earl(document, out / EARL_FILE)
    outcomes = read_outcomes(document)
    results_file = earl_file.parent / RESULTS_FILE
    meta = json.loads(results_file.read_text(encoding="utf-8")) if results_file.is_file() else {}
    run_rules = {c["rule_id"] for c in meta.get("cases", [])} or set(outcomes)  # rules without assertions count too
    cases = [c for c in suite.cases if c.rule_id in run_rules]
    if meta and results_file.resolve() != (out / RESULTS_FILE).resolve():
        (out / RESULTS_FILE).write_text(results_file.read_text(encoding="utf-8"), encoding="utf-8")
    engine = meta.get("engine", {})
    info = RunInfo(
        version=meta.get("version", __version__),
        axe_version=engine.get("axe_version", "?"),
        browser_version=engine.get("browser_version", "?"),
        wcag=meta.get("wcag", "?"),
        cases_run=len(meta.get("cases", [])) or len(cases),
        seconds=float(meta.get("seconds", 0)),
        concurrency=int(meta.get("concurrency", 0) or 0),
        failed_pages=sum(1 for c in meta.get("cases", []) if c.get("state") != "audited"),
    )
    return _score_and_summarise(suite, cases, mapping, outcomes, info, out, None, _barriers_from(meta, suite.cases))


def _barriers_from(meta: dict, suite_cases: Iterable[Case]) -> BarrierMeasure | None:
    """The barrier measurement from a results file that keeps the findings per case (None otherwise)."""
    rows = meta.get("cases", [])
    settings = meta.get("settings") or {}
    if not rows or not all("findings" in row for row in rows) or not settings.get("wcag_version"):
        return None
    by_id = {(c.rule_id, c.testcase_id): c for c in suite_cases}
    runs = [
        (by_id[(row["rule_id"], row["testcase_id"])],
         None if row["findings"] is None else [RuleFinding.from_json(f) for f in row["findings"]])
        for row in rows
        if (row["rule_id"], row["testcase_id"]) in by_id
    ]
    return measure(runs, audited_criteria(settings["wcag_version"], settings["wcag_level"]))


def _score_and_summarise(
    suite: Suite,
    cases: list[Case],
    mapping: Mapping,
    outcomes: dict,
    info: RunInfo,
    out: Path,
    results: list[CaseResult] | None,
    barriers: BarrierMeasure | None,
) -> ActRun:
    axe_rules = {t.id for t in mapping.restricted({AXE}).all_tool_rules()}
    axe_outcomes = {
        rule: {proc: by_case for proc, by_case in procs.items() if proc in axe_rules} for rule, procs in outcomes.items()
    }
    scores = score_suite(cases, outcomes)
    axe_only = score_suite(cases, axe_outcomes)
    notes = {r.case.testcase_id: r.reason for r in results or () if r.reason}
    text = markdown_summary(suite, mapping, scores, axe_only, info, case_notes=notes, barriers=barriers)
    out.mkdir(parents=True, exist_ok=True)
    (out / SUMMARY_FILE).write_text(text, encoding="utf-8")
    return ActRun(scores, axe_only, info, (out / EARL_FILE, out / SUMMARY_FILE, out / RESULTS_FILE), barriers)


def _write_results(results: list[CaseResult], engine: EngineInfo, seconds: float, concurrency: int, path: Path) -> None:
    data = {
        "version": __version__,
        "engine": {"axe_version": engine.axe_version, "browser_version": engine.browser_version},
        "wcag": f"WCAG {engine.settings.get('wcag_version')} {engine.settings.get('wcag_level')}",
        "settings": engine.settings,
        "seconds": round(seconds, 1),
        "concurrency": concurrency,
        "cases": [
            {
                "rule_id": r.case.rule_id,
                "testcase_id": r.case.testcase_id,
                "file": r.case.file,
                "url": case_url(r.case),
                "expected": r.case.expected,
                "counts": r.case.counts,
                "state": r.state,
                "reason": r.reason,
                "outcomes": r.outcomes,
                "info": r.info,
                "ms": r.ms,
                "findings": None if r.findings is None else [f.to_json() for f in r.findings],
            }
            for r in results
        ],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
