"""The implementation report as EARL in JSON-LD, in the form W3C's ACT implementation reports use.

One ``earl:Assertion`` per test case and mapped tool rule: the subject is the test case by its W3C
address (``.../testcases/<rule id>/<testcase id>.<ext>``, which is how W3C's tooling, act-rules/
act-tools, finds the ACT rule and the case), the test is the tool rule (its title is the
procedure name), the result has the outcome.  ``read_outcomes`` reads such a report back, so
consistency can be recomputed from the report alone.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping as TypingMapping

from .mapping import AXE, Mapping
from .runner import CaseResult, EngineInfo
from .suite import UNTESTED, Case

PROJECT = "https://github.com/a11y-audit/a11y-audit"
W3C_TESTCASES = "https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/"
_CASE_URL = re.compile(r"/([a-z0-9]{6})/([a-z0-9]{40})\.[a-z]{2,4}")

CONTEXT: dict[str, Any] = {
    "@vocab": "http://www.w3.org/ns/earl#",
    "earl": "http://www.w3.org/ns/earl#",
    "WCAG2": "https://www.w3.org/TR/WCAG22/#",
    "cnt": "http://www.w3.org/2011/content#",
    "dct": "http://purl.org/dc/terms/",
    "doap": "http://usefulinc.com/ns/doap#",
    "foaf": "http://xmlns.com/foaf/spec/#",
    "ptr": "https://www.w3.org/2009/pointers#",
    "sch": "https://schema.org/",
    "assertedBy": {"@id": "earl:assertedBy", "@type": "@id"},
    "result": {"@id": "earl:result", "@type": "@id"},
    "test": {"@id": "earl:test"},
    "subject": {"@id": "earl:subject"},
    "outcome": {"@type": "@id"},
    "mode": {"@type": "@id"},
    "info": {"@id": "earl:info"},
    "source": {"@id": "dct:source"},
    "title": {"@id": "dct:title"},
    "description": {"@id": "dct:description"},
    "date": {"@id": "dct:date"},
    "isPartOf": {"@id": "dct:isPartOf", "@type": "@id"},
    "passed": {"@id": "earl:passed"},
    "failed": {"@id": "earl:failed"},
    "inapplicable": {"@id": "earl:inapplicable"},
    "cantTell": {"@id": "earl:cantTell"},
    "untested": {"@id": "earl:untested"},
    "automatic": {"@id": "earl:automatic"},
}


def case_url(case: Case) -> str:
    """The W3C address of a case (cases.json's w3c_url; built from the ids when missing)."""
    if case.w3c_url and _CASE_URL.search(case.w3c_url):
        return case.w3c_url
    ext = Path(case.file).suffix or ".html"
    return f"{W3C_TESTCASES}{case.rule_id}/{case.testcase_id}{ext}"


def _criteria_uris() -> dict[str, list[str]]:
    """Tool rule id -> WCAG success criteria as WCAG2:<understanding slug> (as act-tools reads them)."""
    from ..checks import REGISTRY
    from ..paths import load_rules_yaml
    from ..wcag import load_catalogue

    try:
        catalogue = load_catalogue()
    except Exception:  # noqa: BLE001 - the report stays valid without the criteria
        return {}
    by_rule = {rule: list(entry.get("wcag") or ()) for rule, entry in (load_rules_yaml("axe-nl.yaml") or {}).items()}
    by_rule.update({check.id: list(check.criteria) for check in REGISTRY})
    uris: dict[str, list[str]] = {}
    for rule, numbers in by_rule.items():
        out = []
        for number in numbers:
            criterion = catalogue.get(number)
            if criterion is not None:
                slug = criterion.understanding.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
                out.append(f"WCAG2:{slug}")
        uris[rule] = out
    return uris


def earl_report(
    results: Iterable[CaseResult],
    mapping: Mapping,
    engine: EngineInfo,
    *,
    version: str,
    suite_commit: str = "",
    when: datetime | None = None,
) -> dict[str, Any]:
    """The EARL JSON-LD document of one run."""
    when = when or datetime.now(timezone.utc)
    assertor_id = f"{PROJECT}#a11y-audit-{version}"
    assertor = {
        "@id": assertor_id,
        "@type": ["earl:Assertor", "earl:Software", "doap:Project"],
        "doap:name": "a11y-audit",
        "doap:homepage": PROJECT,
        "doap:release": {"doap:revision": version},
        "description": (
            f"a11y-audit {version}: axe-core {engine.axe_version} and a11y-audit's own checks in Chromium "
            f"{engine.browser_version}, WCAG {engine.settings.get('wcag_version')} {engine.settings.get('wcag_level')}"
        ),
    }
    criteria = _criteria_uris()
    graph: list[dict[str, Any]] = [assertor]
    for result in results:
        subject = {
            "@type": ["earl:TestSubject", "sch:WebPage"],
            "source": case_url(result.case),
            "title": f"{result.case.rule_id} {result.case.title or result.case.file}",
        }
        for tool_rule in mapping.tool_rules(result.case.rule_id):
            outcome = result.outcomes.get(tool_rule.id, UNTESTED)
            test: dict[str, Any] = {"@type": "earl:TestCase", "title": tool_rule.id, "isPartOf": criteria.get(tool_rule.id, [])}
            test["source"] = "axe-core" if tool_rule.engine == AXE else "a11y-audit"
            assertion_result: dict[str, Any] = {"@type": "earl:TestResult", "outcome": f"earl:{outcome}"}
            info = result.info.get(tool_rule.id) or (result.reason if outcome == UNTESTED else "")
            if info:
                assertion_result["info"] = info
            graph.append(
                {
                    "@type": "earl:Assertion",
                    "assertedBy": assertor_id,
                    "mode": "earl:automatic",
                    "date": when.isoformat(timespec="seconds"),
                    "subject": subject,
                    "test": test,
                    "result": assertion_result,
                }
            )
    return {"@context": CONTEXT, "@graph": graph}


def write_earl(document: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def _is_assertion(node: TypingMapping[str, Any]) -> bool:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(t in ("earl:Assertion", "Assertion", "http://www.w3.org/ns/earl#Assertion") for t in types)


def read_outcomes(document: TypingMapping[str, Any]) -> dict[str, dict[str, dict[str, list[str]]]]:
    """ACT rule -> procedure (tool rule) -> test case id -> outcomes, from an EARL report of this form."""
    nodes = document.get("@graph", [document])
    out: dict[str, dict[str, dict[str, list[str]]]] = {}
    for node in nodes:
        if not isinstance(node, dict) or not _is_assertion(node):
            continue
        subject = node.get("subject") or {}
        source = subject.get("source") if isinstance(subject, dict) else subject
        match = _CASE_URL.search(str(source or ""))
        test = node.get("test") or {}
        procedure = test.get("title") if isinstance(test, dict) else test
        outcome = str((node.get("result") or {}).get("outcome", "")).removeprefix("earl:")
        if not match or not procedure or not outcome:
            continue
        rule_id, case_id = match.groups()
        out.setdefault(rule_id, {}).setdefault(str(procedure), {}).setdefault(case_id, []).append(outcome)
    return out


def only_mapped(document: TypingMapping[str, Any], mapping: Mapping) -> dict[str, Any]:
    """The report without the assertions of tool rules that ``mapping`` does not give for their ACT rule."""
    graph = []
    for node in document.get("@graph", []):
        if isinstance(node, dict) and _is_assertion(node):
            subject = node.get("subject") or {}
            match = _CASE_URL.search(str(subject.get("source") if isinstance(subject, dict) else subject))
            title = (node.get("test") or {}).get("title")
            if match and title not in {t.id for t in mapping.tool_rules(match.group(1))}:
                continue
        graph.append(node)
    return {**document, "@graph": graph}


def outcomes_from_results(
    results: Iterable[CaseResult], mapping: Mapping | None = None
) -> dict[str, dict[str, dict[str, list[str]]]]:
    """The same structure as ``read_outcomes``, straight from a run (optionally only ``mapping``'s tool rules)."""
    out: dict[str, dict[str, dict[str, list[str]]]] = {}
    for result in results:
        allowed: set[str] | None = None
        if mapping is not None:
            allowed = {t.id for t in mapping.tool_rules(result.case.rule_id)}
        for tool_rule, outcome in result.outcomes.items():
            if allowed is not None and tool_rule not in allowed:
                continue
            out.setdefault(result.case.rule_id, {}).setdefault(tool_rule, {}).setdefault(result.case.testcase_id, []).append(outcome)
    return out


__all__ = ["CONTEXT", "case_url", "earl_report", "only_mapped", "outcomes_from_results", "read_outcomes", "write_earl"]
