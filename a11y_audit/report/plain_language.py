"""The "Begrijpelijke taal" (plain language) section of a site report: indicators and findings.

The indicators are computed from the stored snapshots (the same main text the checks read); the
findings are the stored plain-language findings (WCAG 3.1.5). They are advice for writers and stay
out of the WCAG problem lists.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from ..checks import IMPACTS, Finding, get_check
from ..plainlang.indicators import Indicators
from ..plainlang.maintext import site_main_texts
from ..plainlang.reading import read_page, site_indicators
from ..snapshot import PageSnapshot
from .i18n import translator

PLAIN_LANGUAGE_CRITERION = "3.1.5"
PAGES_SHOWN = 50  # rows in the indicators table; the worst pages
EXAMPLES_PER_RULE = 3


def label_text(label: str, lang: str) -> str:
    """The score's label ("heel moeilijk", from rules/plainlang/score.yaml) in the report's language."""
    try:
        return translator(lang)("plain_label_" + "_".join(label.split()))
    except KeyError:
        return label  # a label an adviser added to score.yaml without a translation


def is_plain_language(finding: Finding) -> bool:
    """A plain-language finding: advice under WCAG 3.1.5, shown in its own section."""
    return PLAIN_LANGUAGE_CRITERION in finding.criteria


@dataclass(frozen=True)
class PlainPage:
    url: str
    title: str
    indicators: Indicators
    findings: int


@dataclass
class PlainRule:
    """One plain-language rule on the site, with a few examples."""

    rule_id: str
    impact: str | None
    title: str
    fix: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len({f.page_url for f in self.findings})

    @property
    def examples(self) -> list[Finding]:
        """A few findings with different sentences, from as many different pages as possible."""
        chosen: list[Finding] = []
        for new_page_only in (True, False):
            for finding in self.findings:
                if len(chosen) == EXAMPLES_PER_RULE:
                    return chosen
                if finding in chosen or any(c.snippet == finding.snippet for c in chosen):
                    continue
                if new_page_only and any(c.page_url == finding.page_url for c in chosen):
                    continue
                chosen.append(finding)
        return chosen


@dataclass
class PlainLanguageSection:
    site: Indicators | None  # all Dutch main text of the site together; None when there is none
    pages: list[PlainPage]  # worst (lowest score) first, at most PAGES_SHOWN
    pages_read: int  # pages with Dutch main text
    pages_not_dutch: int  # audited pages whose main text is in another language
    rules: list[PlainRule]  # the most serious first, then the most frequent
    findings: int

    @property
    def more_pages(self) -> int:
        return self.pages_read - len(self.pages)


def plain_language_section(
    snapshots: Sequence[PageSnapshot], findings: Sequence[Finding], lang: str = "nl"
) -> PlainLanguageSection:
    texts = site_main_texts(snapshots)
    counts: dict[str, int] = defaultdict(int)
    rules: dict[str, PlainRule] = {}
    plain = [f for f in findings if is_plain_language(f)]
    for finding in plain:
        counts[finding.page_url] += 1
        if finding.rule_id not in rules:
            check = get_check(finding.rule_id)
            texts_ = (check.texts.get(lang) or check.texts["nl"]) if check else None
            rules[finding.rule_id] = PlainRule(
                finding.rule_id, finding.impact, texts_.title if texts_ else finding.rule_id, texts_.fix if texts_ else ""
            )
        rules[finding.rule_id].findings.append(finding)
    pages = []
    for page in texts:
        reading = read_page(page)
        if reading.indicators is not None:
            pages.append(PlainPage(page.url, page.title, reading.indicators, counts.get(page.url, 0)))
    pages.sort(key=lambda p: (p.indicators.score, p.url))
    rank = {impact: n for n, impact in enumerate(IMPACTS)}
    return PlainLanguageSection(
        site=site_indicators(texts),
        pages=pages[:PAGES_SHOWN],
        pages_read=len(pages),
        pages_not_dutch=sum(1 for page in texts if not page.is_dutch and page.detection.likely),
        rules=sorted(rules.values(), key=lambda r: (rank.get(r.impact or "", 9), -len(r.findings), r.rule_id)),
        findings=len(plain),
    )
