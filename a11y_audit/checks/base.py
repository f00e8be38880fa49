"""Findings and the registry of our own checks.

A check is a small registry entry (id, WCAG criteria, impact, texts) next to
a pure function over snapshots.  Page checks see one PageSnapshot; site checks
see all snapshots of one site.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable
from urllib.parse import urlsplit

from ..snapshot import PageSnapshot

FAILED = "failed"
CANT_TELL = "cantTell"
IMPACTS = ("critical", "serious", "moderate", "minor")
OWN_ENGINE = "a11y-audit"
UNDERSTANDING = "https://www.w3.org/WAI/WCAG22/Understanding/"


@dataclass(frozen=True)
class Finding:
    rule_id: str
    engine: str  # "axe" or "a11y-audit"
    criteria: tuple[str, ...]  # WCAG success criteria, e.g. ("1.1.1",)
    impact: str | None  # critical, serious, moderate, minor
    outcome: str  # FAILED or CANT_TELL
    page_url: str  # the page; for site-level findings the site's start URL
    selector: str = ""
    snippet: str = ""  # page content: always escaped when shown
    message: str = ""
    help_url: str = ""
    fingerprint: str = field(default="", compare=False)

    def with_fingerprint(self) -> "Finding":
        return replace(self, fingerprint=fingerprint(self))


def fingerprint(finding: Finding) -> str:
    """Stable identity of a finding across runs: rule, page path, element.

    Positional parts of selectors (``:nth-of-type(3)``) and long attribute values
    are dropped, so small changes elsewhere in the DOM do not create a "new"
    finding.
    """
    path = urlsplit(finding.page_url).path or "/"
    selector = re.sub(r":nth-(of-type|child)\(\d+\)", "", finding.selector)
    tag = re.match(r"\s*<\s*([a-zA-Z0-9-]+)", finding.snippet or "")
    key = "|".join([finding.rule_id, path, selector, tag.group(1).lower() if tag else ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Texts:
    title: str  # short, states the problem
    who: str  # who is affected and how
    fix: str  # how to fix it


@dataclass(frozen=True)
class Check:
    id: str
    criteria: tuple[str, ...]
    impact: str
    texts: dict[str, Texts]  # by language: "nl", "en"
    help_url: str
    page: Callable[[PageSnapshot], Iterable[Finding]] | None = None
    # site(snapshots), or site(snapshots, today) when ``dated``: the reference date is passed in, never read from a clock
    site: Callable[..., Iterable[Finding]] | None = None
    dated: bool = False

    def finding(self, page_url: str, *, selector: str = "", snippet: str = "", message: str = "", outcome: str = FAILED) -> Finding:
        return Finding(
            rule_id=self.id,
            engine=OWN_ENGINE,
            criteria=self.criteria,
            impact=self.impact,
            outcome=outcome,
            page_url=page_url,
            selector=selector,
            snippet=snippet,
            message=message,
            help_url=self.help_url,
        )


def page_check(rule_id: str, criteria: tuple[str, ...], understanding: str, impact: str, nl: Texts, en: Texts,
               run: Callable[[PageSnapshot], Iterable[Finding]]) -> Check:
    """A check over one page, explained on W3C's Understanding page ``understanding`` (its file name)."""
    return Check(id=rule_id, criteria=criteria, impact=impact, help_url=UNDERSTANDING + understanding,
                 texts={"nl": nl, "en": en}, page=run)
