"""Pure checks over snapshots: axe-core's results and our own checks."""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ..snapshot import PageSnapshot
from .act_rules import ACT_CHECKS
from .axe import axe_findings
from .base import CANT_TELL, FAILED, IMPACTS, Check, Finding, Texts
from .documents import DOCUMENT_CHECKS, document_findings
from .headings_labels import HEADINGS_LABELS_CHECKS
from .interaction import INTERACTION_CHECKS
from .language import LANGUAGE_CHECKS
from .links import ALT_MEANINGLESS, ALT_REDUNDANT_PREFIX, AMBIGUOUS_LINK_NAME, VAGUE_LINK_TEXT
from .plain_language import PLAIN_LANGUAGE_CHECKS
from .site import SITE_CHECKS
from .statement import STATEMENT_CHECKS

REGISTRY: tuple[Check, ...] = (
    VAGUE_LINK_TEXT,
    AMBIGUOUS_LINK_NAME,
    ALT_MEANINGLESS,
    ALT_REDUNDANT_PREFIX,
    *HEADINGS_LABELS_CHECKS,  # empty headings, and headings and labels that say nothing (2.4.6)
    *SITE_CHECKS,
    *STATEMENT_CHECKS,
    *DOCUMENT_CHECKS,  # no function here: run.py applies document_findings to the downloaded documents
    *LANGUAGE_CHECKS,  # one site function (on the first entry) yields the findings of all three
    *PLAIN_LANGUAGE_CHECKS,  # likewise for all eight; WCAG 3.1.5 (AAA), advice only: never scored
    *ACT_CHECKS,  # checks that implement W3C ACT rules (act_rules.py, rules/act-mapping.yaml)
    *INTERACTION_CHECKS,  # over the facts of the interaction step: keyboard, mouse, spacing, zoom, reflow
)

__all__ = [
    "CANT_TELL", "FAILED", "IMPACTS", "REGISTRY", "Check", "Finding", "Texts", "check_page", "check_site",
    "document_findings", "get_check",
]


def get_check(rule_id: str) -> Check | None:
    return next((c for c in REGISTRY if c.id == rule_id), None)


def check_page(snapshot: PageSnapshot) -> list[Finding]:
    """All findings for one audited page."""
    if not snapshot.audited:
        return []
    findings = axe_findings(snapshot)
    for check in REGISTRY:
        if check.page is not None:
            findings.extend(f.with_fingerprint() for f in check.page(snapshot))
    return findings


def check_site(snapshots: Sequence[PageSnapshot], today: date | None = None) -> list[Finding]:
    """Findings of the site-level checks over all audited pages of one site.

    ``today`` is the reference date for checks that judge age (the accessibility statement's last
    review); pass the run's date. Without it those checks say nothing about age.
    """
    audited = [s for s in snapshots if s.audited]
    findings: list[Finding] = []
    for check in REGISTRY:
        if check.site is not None and audited:
            found = check.site(audited, today) if check.dated else check.site(audited)
            findings.extend(f.with_fingerprint() for f in found)
    return findings
