"""The ACT Rules test suite on disk: cases.json, rules.json, implementations.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

PASSED = "passed"
FAILED = "failed"
INAPPLICABLE = "inapplicable"
CANT_TELL = "cantTell"
UNTESTED = "untested"
OUTCOMES = (PASSED, FAILED, INAPPLICABLE, CANT_TELL, UNTESTED)


class SuiteError(RuntimeError):
    pass


def default_suite_dir() -> Path:
    """/work/shared/act-rules next to the checkout: <repo>/../shared/act-rules."""
    return Path(__file__).resolve().parents[3] / "shared" / "act-rules"


@dataclass(frozen=True)
class Case:
    testcase_id: str
    rule_id: str
    rule_name: str
    expected: str  # passed, failed, inapplicable
    file: str  # path below the suite folder
    approved_rule: bool  # the rule is approved by W3C
    in_approved_version: bool  # the case belongs to the approved version of the rule
    title: str = ""
    language: str = "html"
    w3c_url: str = ""
    sc: tuple[str, ...] = ()
    # the criteria a failed example does not satisfy (the rule's requirements "for conformance" with
    # failed: "not satisfied"); not the secondary ones, where a failed example may still satisfy them
    requirements: tuple[str, ...] = ()
    missing_assets: tuple[str, ...] = ()
    meta_refresh: bool = False

    @property
    def counts(self) -> bool:
        """Whether the case counts for the rule's consistency (W3C: approved version only)."""
        return self.in_approved_version or not self.approved_rule

    @property
    def is_page(self) -> bool:
        return self.language == "html"

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> "Case":
        return cls(
            testcase_id=raw["testcase_id"],
            rule_id=raw["rule_id"],
            rule_name=raw.get("rule_name", ""),
            expected=raw["expected"],
            file=raw["file"],
            approved_rule=raw.get("w3c_rule_status") == "approved",
            in_approved_version=bool(raw.get("in_approved_rule_version")),
            title=raw.get("title", ""),
            language=raw.get("language") or Path(raw["file"]).suffix.lstrip("."),
            w3c_url=raw.get("w3c_url", ""),
            sc=tuple(raw.get("sc") or ()),
            requirements=tuple(
                sc for sc in raw.get("sc_failure_means_not_satisfied") or () if sc not in (raw.get("sc_not_for_conformance") or ())
            ),
            missing_assets=tuple(raw.get("missing_assets") or ()),
            meta_refresh=bool(raw.get("meta_refresh")),
        )


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    approved: bool
    sc: tuple[str, ...] = ()


class Suite:
    """The test suite in one folder (read-only)."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        if not (self.root / "cases.json").is_file():
            raise SuiteError(f"{self.root}: no cases.json; point --suite at a copy of the ACT Rules test cases")
        self._cases_doc = json.loads((self.root / "cases.json").read_text(encoding="utf-8"))

    @property
    def commit(self) -> str:
        return self._cases_doc.get("commit", "")

    @cached_property
    def cases(self) -> tuple[Case, ...]:
        return tuple(Case.from_json(raw) for raw in self._cases_doc["cases"])

    @cached_property
    def rules(self) -> dict[str, Rule]:
        rules: dict[str, Rule] = {}
        for case in self.cases:
            if case.rule_id not in rules:
                rules[case.rule_id] = Rule(case.rule_id, case.rule_name, case.approved_rule, case.sc)
        return rules

    def approved_rules(self) -> list[str]:
        return [r.id for r in self.rules.values() if r.approved]

    def cases_of(self, rule_id: str, *, counting_only: bool = True) -> list[Case]:
        return [c for c in self.cases if c.rule_id == rule_id and (c.counts or not counting_only)]

    @cached_property
    def implementations(self) -> dict[str, Any]:
        """Published results of other tools (implementations.json), {} when absent."""
        path = self.root / "implementations.json"
        if not path.is_file():
            return {}
        return json.loads(path.read_text(encoding="utf-8")).get("tools", {})
