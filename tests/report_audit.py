"""The reports' own audit: axe-core (WCAG A/AA and best-practice) and our own page checks (their failed
findings; the interaction step included) on report pages in a folder."""

from __future__ import annotations

import asyncio
from pathlib import Path

from a11y_audit.checks import FAILED, check_page
from a11y_audit.config import Settings
from a11y_audit.demo.server import serve_folder
from a11y_audit.gather.page import Gatherer


def report_violations(folder: Path, pages: list[str]) -> dict[str, list[str]]:
    """Serve ``folder`` on 127.0.0.1 and return the violations of each page (rule: selectors): axe-core's,
    then the failed findings of our own checks."""

    async def audit(base: str) -> dict[str, list[str]]:
        async with Gatherer(Settings(allowed_hosts=["127.0.0.1"])) as gatherer:
            tags = gatherer.axe_options["runOnly"]["values"]
            gatherer.axe_options = {**gatherer.axe_options, "runOnly": {"type": "tag", "values": [*tags, "best-practice"]}}
            found = {}
            for page in pages:
                snapshot = await gatherer.visit(base + page)
                assert snapshot.audited, snapshot.reason
                found[page] = [f"{r.id}: {[n.target for n in r.nodes]}" for r in snapshot.axe.violations] + [
                    f"{f.rule_id}: {f.selector} {f.message}" for f in check_page(snapshot)
                    if f.engine == "a11y-audit" and f.outcome == FAILED
                ]
            return found

    with serve_folder(folder) as base:
        return asyncio.run(audit(base))
