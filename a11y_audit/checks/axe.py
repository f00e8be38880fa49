"""axe-core results in a snapshot, as findings."""

from __future__ import annotations

from ..gather.axe import EXPERIMENTAL_RULES
from ..snapshot import PageSnapshot
from ..wcag import criteria_from_axe_tags
from .base import CANT_TELL, FAILED, Finding

ENGINE = "axe"


def axe_findings(snapshot: PageSnapshot) -> list[Finding]:
    """One finding per element per rule that axe-core reported as violation or incomplete.

    A violation of an experimental axe-core rule is a question for a person (cantTell), not a failure:
    on the ACT test cases label-content-name-mismatch finds 14 of 16 barriers, and fails 3 of 22
    accessible examples."""
    findings: list[Finding] = []
    for outcome, rules in ((FAILED, snapshot.axe.violations), (CANT_TELL, snapshot.axe.incomplete)):
        for rule in rules:
            criteria = tuple(criteria_from_axe_tags(rule.tags))
            for node in rule.nodes:
                findings.append(
                    Finding(
                        rule_id=rule.id,
                        engine=ENGINE,
                        criteria=criteria,
                        impact=rule.impact,
                        outcome=CANT_TELL if rule.id in EXPERIMENTAL_RULES else outcome,
                        page_url=snapshot.final_url or snapshot.requested_url,
                        selector=node.target,
                        snippet=node.html,
                        message=node.summary,
                        help_url=rule.help_url,
                    ).with_fingerprint()
                )
    return findings
