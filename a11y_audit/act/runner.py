"""Run ACT test cases through the audit engine: one browser visit per case, then the checks.

The engine is the one ``a11y-audit run`` uses: ``Settings`` defaults (WCAG 2.2 AA, axe-core's
``run_options``), ``Gatherer`` for the browser, ``check_page`` for axe-core's findings and our
own checks, and the language checks of ``check_site`` with the case as a site of one page (they judge
each page's text; the other site checks compare pages and say nothing about one case); only ``allowed_hosts`` is set, to 127.0.0.1, so pages that redirect or load
resources elsewhere stay on the machine.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..checks import CANT_TELL as FINDING_CANT_TELL, FAILED as FINDING_FAILED, Finding, check_page
from ..checks.language import HTML_LANG_MISMATCH
from ..config import Settings
from .. import reasons
from ..snapshot import PageSnapshot, failed_page
from .barriers import RuleFinding, audited_criteria, rule_findings
from .mapping import AXE, Mapping, ToolRule
from .suite import CANT_TELL, FAILED, INAPPLICABLE, PASSED, UNTESTED, Case
from .visit import ActGatherer, serve, visit_document

LOCALHOST = "127.0.0.1"


@dataclass(frozen=True)
class CaseResult:
    case: Case
    url: str
    state: str  # audited / failed (as PageSnapshot.state)
    reason: str = ""
    outcomes: dict[str, str] = field(default_factory=dict)  # tool rule id -> outcome
    info: dict[str, str] = field(default_factory=dict)  # tool rule id -> where it failed / could not tell
    ms: int = 0
    # every failed and cantTell finding on the page by tool rule, with its criteria in the audited WCAG
    # version and level (barriers.py); None when the page or the checks could not be run
    findings: tuple[RuleFinding, ...] | None = None


@dataclass(frozen=True)
class EngineInfo:
    axe_version: str
    browser_version: str
    settings: dict


def act_settings(**overrides: object) -> Settings:
    """The settings of ``a11y-audit run`` (defaults) with the browser kept on 127.0.0.1, without the interaction
    step unless asked (`a11y-audit act --interaction`): no approved ACT rule is judged by it, and it adds about
    a second to every case."""
    # every case is its own page on one origin: no reuse of header or footer results between cases
    return Settings(**({"allowed_hosts": [LOCALHOST], "interaction": False, "axe_templates": False} | overrides))


def tool_outcomes(
    snapshot: PageSnapshot, tool_rules: Iterable[ToolRule], findings: Sequence[Finding] | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """The outcome of every tool rule on one case, and a short note where it failed or could not tell.
    ``findings``: ``check_page(snapshot)`` when already computed."""
    rules = list(tool_rules)
    if not snapshot.audited:
        return {t.id: UNTESTED for t in rules}, {}
    findings = check_page(snapshot) if findings is None else findings
    axe = snapshot.axe
    failed_axe = {r.id for r in axe.violations}
    incomplete_axe = {r.id for r in axe.incomplete}
    passed_axe = {r.id for r in axe.passes}
    inapplicable_axe = set(axe.inapplicable)
    outcomes: dict[str, str] = {}
    info: dict[str, str] = {}
    for rule in rules:
        mine = [f for f in findings if f.rule_id == rule.id]
        if rule.engine == AXE:
            if rule.id in failed_axe:
                outcome = FAILED
            elif rule.id in incomplete_axe:
                outcome = CANT_TELL
            elif rule.id in passed_axe:
                outcome = PASSED
            elif rule.id in inapplicable_axe:
                outcome = INAPPLICABLE
            else:
                outcome = UNTESTED  # the rule did not run (not in the tags of the configured WCAG level)
        else:
            if any(f.outcome == FINDING_FAILED for f in mine):
                outcome = FAILED
            elif any(f.outcome == FINDING_CANT_TELL for f in mine):
                outcome = CANT_TELL
            else:
                outcome = PASSED
        outcomes[rule.id] = outcome
        if outcome in (FAILED, CANT_TELL):
            relevant = [f for f in mine if f.outcome == outcome]
            info[rule.id] = "; ".join(
                dict.fromkeys(f"{f.selector} {f.message}".strip()[:200] for f in relevant[:5])
            )
    return outcomes, info


async def run_cases(
    suite_root: Path,
    cases: Sequence[Case],
    mapping: Mapping,
    *,
    settings: Settings | None = None,
    concurrency: int = 2,
    progress: Callable[[CaseResult, int, int], None] | None = None,
) -> tuple[list[CaseResult], EngineInfo]:
    """Visit every case once (``concurrency`` pages at a time) and judge the mapped tool rules."""
    settings = settings or act_settings()
    all_rules = sorted(mapping.all_tool_rules(), key=lambda t: (t.engine, t.id))
    audited = audited_criteria(settings.wcag_version, settings.wcag_level)
    results: list[CaseResult | None] = [None] * len(cases)
    done = 0
    with serve(suite_root) as base:
        async with ActGatherer(settings) as gatherer:
            slots = asyncio.Semaphore(concurrency)

            async def one(index: int, case: Case) -> None:
                nonlocal done
                url = base + case.file
                async with slots:
                    started = time.perf_counter()
                    try:
                        if case.is_page:
                            snapshot = await gatherer.visit(url)
                        else:
                            snapshot = await visit_document(gatherer, url)
                    except Exception as exc:  # noqa: BLE001 - one case must not end the run
                        snapshot = failed_page(url, f"{reasons.ERROR}: {type(exc).__name__}: {str(exc)[:200]}")
                    ms = round((time.perf_counter() - started) * 1000)
                rules = [t for t in all_rules if t in mapping.tool_rules(case.rule_id)] or []
                found: tuple[RuleFinding, ...] | None = None
                try:
                    findings = check_page(snapshot) + [f.with_fingerprint() for f in HTML_LANG_MISMATCH.site([snapshot])]
                    outcomes, info = tool_outcomes(snapshot, rules, findings)
                    reason = snapshot.reason
                    if snapshot.audited:
                        found = rule_findings(findings, audited)
                except Exception as exc:  # noqa: BLE001 - a bug in one check must not lose the run
                    outcomes, info = {t.id: UNTESTED for t in rules}, {}
                    reason = f"{reasons.CHECK_ERROR}: {type(exc).__name__}: {exc}"
                result = CaseResult(case, url, snapshot.state, reason, outcomes, info, ms, found)
                results[index] = result
                done += 1
                if progress:
                    progress(result, done, len(cases))

            await asyncio.gather(*(one(i, c) for i, c in enumerate(cases)))
            engine = EngineInfo(gatherer.axe.version, gatherer.browser_version, settings.model_dump(mode="json"))
    return [r for r in results if r is not None], engine
