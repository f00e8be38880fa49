"""Pure checks over snapshots: axe-core's results and our own checks."""

from __future__ import annotations

from typing import Sequence

from ..snapshot import PageSnapshot
from .axe import axe_findings
from .base import CANT_TELL, FAILED, IMPACTS, Check, Finding, Texts
from .links import VAGUE_LINK_TEXT

REGISTRY: tuple[Check, ...] = (VAGUE_LINK_TEXT,)

__all__ = ["CANT_TELL", "FAILED", "IMPACTS", "REGISTRY", "Check", "Finding", "Texts", "check_page", "check_site", "get_check"]


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


def check_site(snapshots: Sequence[PageSnapshot]) -> list[Finding]:
    """Findings of the site-level checks over all audited pages of one site."""
    audited = [s for s in snapshots if s.audited]
    findings: list[Finding] = []
    for check in REGISTRY:
        if check.site is not None and audited:
            findings.extend(f.with_fingerprint() for f in check.site(audited))
    return findings
