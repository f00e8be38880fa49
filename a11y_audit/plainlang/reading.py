"""Plain-Dutch indicators and findings for main text: per block, per page and per site.

Builds on ``maintext`` (which text to read) and on ``analyse`` and ``find_problems`` (how to read
it). Headings and list items are not sentences: they count for the structure of the text (the
"long text without headings" rule) but not for sentence length, unless an item is written as a
full sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from wordfreq import zipf_frequency

from . import findings as ids
from .findings import TextFinding
from .indicators import Indicators, analyse
from .maintext import HEADING, MainBlock, PageText, main_text_rules
from .problems import find_problems
from .sentences import word_count, words
from .settings import DEFAULT_SETTINGS, PlainLangSettings

_EVERYDAY_ZIPF = 4.5  # a word at least this frequent in Dutch is a word, also in capitals
_CAPITAL_WORD_RE = re.compile(r"(?<![^\W\d_])[A-Z]{2,}(?![^\W\d_])")


@dataclass(frozen=True)
class PageReading:
    """The plain-language figures of one page."""

    url: str
    title: str
    language: str  # the language of its main text
    indicators: Indicators | None  # None when the page has no Dutch running text
    blocks: int  # Dutch main-text blocks read
    headings: int


@dataclass(frozen=True)
class BlockProblem:
    """A plain-language finding with the block it is in."""

    finding: TextFinding
    block: MainBlock
    more: int = 0  # findings of the same rule on the same page left out after this one (the cap)


def sentence_texts(blocks: Sequence[MainBlock]) -> list[str]:
    """The texts that count for sentence length: paragraphs and items written as sentences."""
    return [b.text for b in blocks if b.is_sentence]


def block_indicators(block: MainBlock, settings: PlainLangSettings | None = None) -> Indicators:
    """Indicators of one block (a heading or a short item reads as one sentence here)."""
    return analyse([block.text], settings)


def page_indicators(page: PageText, settings: PlainLangSettings | None = None) -> Indicators | None:
    """Indicators of the Dutch running text of one page; None when there is none."""
    texts = sentence_texts(page.dutch_blocks) if page.is_dutch else []
    return analyse(texts, settings) if any(words(t) for t in texts) else None


def site_indicators(pages: Sequence[PageText], settings: PlainLangSettings | None = None) -> Indicators | None:
    """Indicators of the Dutch running text of all pages together (long pages weigh more)."""
    texts = [t for page in pages if page.is_dutch for t in sentence_texts(page.dutch_blocks)]
    return analyse(texts, settings) if any(words(t) for t in texts) else None


def read_page(page: PageText, settings: PlainLangSettings | None = None) -> PageReading:
    dutch = page.dutch_blocks if page.is_dutch else ()
    return PageReading(
        url=page.url,
        title=page.title,
        language=page.language,
        indicators=page_indicators(page, settings),
        blocks=len(dutch),
        headings=sum(1 for b in dutch if b.kind == HEADING),
    )


def _keep(problem: TextFinding, block: MainBlock) -> bool:
    """Leave out what is not a writer's problem.

    Long sentences only where the block is running text; no "abbreviation" for a label written in
    capitals ("CONTACT", "GECORO" as a link) or for an everyday word in capitals ("Lees dit EERST").
    """
    if problem.rule_id == ids.LONG_SENTENCE:
        return block.is_sentence
    if problem.rule_id == ids.UNEXPLAINED_ABBREVIATION:
        if not any(c.islower() for c in block.text):
            return False
        if zipf_frequency(problem.text.lower(), "nl") < _EVERYDAY_ZIPF:
            return True
        # an everyday word: shouted ("EERST"), or a short one in a phrase in capitals ("OP AFSPRAAK")
        if len(problem.text) >= 4 or problem.start is None:
            return False
        around = block.text[max(0, problem.start - 30):problem.end + 30]
        return len(_CAPITAL_WORD_RE.findall(around)) < 2
    return True


def _priority(problem: TextFinding) -> tuple:
    """Within one rule on one page: the longest sentences first, otherwise in reading order."""
    if problem.rule_id == ids.LONG_SENTENCE:
        return (-word_count(problem.sentence),)
    return (0,)


def block_problems(
    blocks: Sequence[MainBlock], settings: PlainLangSettings | None = None, cap: int | None = None
) -> list[BlockProblem]:
    """Plain-language findings in Dutch blocks, at most ``cap`` per rule (default: maintext.yaml)."""
    settings = settings or DEFAULT_SETTINGS
    cap = main_text_rules().max_findings_per_rule if cap is None else cap
    pairs = [(b.tag or "p", b.text) for b in blocks]
    found: list[BlockProblem] = []
    seen: set[tuple[str, str, str]] = set()
    for problem in find_problems(pairs, settings):
        block = blocks[problem.block]
        key = (problem.rule_id, problem.sentence, problem.text)
        if key in seen or not _keep(problem, block):
            continue
        seen.add(key)
        found.append(BlockProblem(problem, block))
    by_rule: dict[str, list[BlockProblem]] = {}
    for item in found:
        by_rule.setdefault(item.finding.rule_id, []).append(item)
    kept: list[BlockProblem] = []
    for items in by_rule.values():
        ranked = sorted(items, key=lambda p: _priority(p.finding))[:cap]  # stable: reading order within a rank
        left = len(items) - len(ranked)
        if left and ranked:
            ranked[-1] = BlockProblem(ranked[-1].finding, ranked[-1].block, left)
        kept.extend(ranked)
    order = {id(item.finding): n for n, item in enumerate(found)}
    return sorted(kept, key=lambda p: order[id(p.finding)])


def page_problems(page: PageText, settings: PlainLangSettings | None = None) -> list[BlockProblem]:
    """Plain-language findings on one page (nothing when its main text is not Dutch)."""
    return block_problems(page.dutch_blocks, settings) if page.is_dutch else []


def rule_counts(problems: Sequence[BlockProblem]) -> Counter[str]:
    """Findings per rule id, including those left out by the cap."""
    counts: Counter[str] = Counter()
    for problem in problems:
        counts[problem.finding.rule_id] += 1 + problem.more
    return counts
