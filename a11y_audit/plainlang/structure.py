"""Rules about the text as a whole: paragraphs, headings, abbreviations, and
addressing the reader as "u" or as "je"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .rules import as_str_tuple, load_rules, rules_dir
from .sentences import word_count

Block = tuple[str, str]

_HEADING_RE = re.compile(r"^h[1-6]$", re.IGNORECASE)
_ACRONYM_RE = re.compile(r"(?<![^\W\d_])[A-Z]{2,}(?![^\W_])")
_ROMAN_RE = re.compile(r"^[IVX]+$")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_CAPITALS_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_EXPLAINED_AFTER_RE = re.compile(
    r"^(?:['’]s)?\s*(?:\(|:|[,–-]?\s*(?:dat is|d\.w\.z\.|staat voor|betekent|of voluit)\b)",
    re.IGNORECASE,
)
_FORMAL = frozenset({"u", "uw", "uzelf"})
_INFORMAL = frozenset({"je", "jij", "jou", "jouw", "jezelf", "jouwe"})
_ADDRESS_RE = re.compile(r"(?<![^\W\d_])(?:u|uw|uzelf|je|jij|jou|jouw|jezelf|jouwe)(?![^\W\d_'’-])",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Spot:
    """A place in the blocks: block index and offsets in its text."""

    block: int
    start: int
    end: int
    text: str


def is_heading(tag: str) -> bool:
    """h1 to h6 are headings."""
    return bool(_HEADING_RE.match(tag.strip()))


@lru_cache(maxsize=4)
def _known_for(_key: str) -> frozenset[str]:
    data = load_rules("abbreviations") or {}
    return frozenset(a.upper() for a in as_str_tuple(data.get("known_acronyms")))


def known_acronyms() -> frozenset[str]:
    """Abbreviations everybody knows (from ``abbreviations.yaml``)."""
    return _known_for(str(rules_dir()))


def _mostly_capitals(text: str) -> bool:
    capitals = len(_CAPITALS_RE.findall(text))
    if capitals < 5:  # more than 0.6 of at least 8 letters
        return False
    letters = sum(map(len, _LETTERS_RE.findall(text)))
    return letters >= 8 and capitals > 0.6 * letters


def _in_brackets(text: str, start: int, end: int) -> bool:
    return text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")


def unexplained_abbreviations(blocks: Sequence[Block]) -> list[Spot]:
    """First uses of all-caps abbreviations with no expansion next to them."""
    seen: set[str] = set()
    spots: list[Spot] = []
    known = known_acronyms()
    for index, (_tag, text) in enumerate(blocks):
        if _mostly_capitals(text):
            continue
        for match in _ACRONYM_RE.finditer(text):
            acronym = match.group()
            if acronym in seen or acronym in known or _ROMAN_RE.match(acronym):
                continue
            seen.add(acronym)
            explained = _in_brackets(text, match.start(), match.end()) or bool(
                _EXPLAINED_AFTER_RE.match(text[match.end():match.end() + 40])
            )
            if not explained:
                spots.append(Spot(index, match.start(), match.end(), acronym))
    return spots


@dataclass(frozen=True)
class AddressMix:
    """The reader is called both "u" and "je": counts and the odd one out."""

    formal: int
    informal: int
    first_minority: Spot


def _after_number(text: str, pos: int) -> bool:
    """Whether a digit comes before ``pos``, with nothing but white space between."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos > 0 and text[pos - 1].isdecimal()


def mixed_address(blocks: Sequence[Block]) -> AddressMix | None:
    """Whether the text mixes "u/uw" with "je/jij/jouw"; ``None`` if not."""
    hits: list[tuple[bool, Spot]] = []
    for index, (_tag, text) in enumerate(blocks):
        for match in _ADDRESS_RE.finditer(text):
            if match.group().lower() == "u" and _after_number(text, match.start()):
                continue  # "van 8.30 u tot 12 u": u is "uur" here
            spot = Spot(index, match.start(), match.end(), match.group())
            hits.append((match.group().lower() in _FORMAL, spot))
    formal = sum(1 for is_formal, _ in hits if is_formal)
    informal = len(hits) - formal
    if not formal or not informal:
        return None
    minority_is_formal = formal < informal
    first = next(spot for is_formal, spot in hits if is_formal == minority_is_formal)
    return AddressMix(formal, informal, first)


def long_paragraphs(blocks: Sequence[Block], limit: int) -> list[tuple[int, int]]:
    """(block index, word count) of non-heading blocks with more than ``limit`` words."""
    found = []
    for index, (tag, text) in enumerate(blocks):
        count = word_count(text)
        if not is_heading(tag) and count > limit:
            found.append((index, count))
    return found


def stretches_without_heading(blocks: Sequence[Block], limit: int) -> list[tuple[int, int]]:
    """Runs of text longer than ``limit`` words without a heading.

    Gives (index of the block where the limit is passed, words in the run).
    """
    found: list[tuple[int, int]] = []
    running, crossed_at = 0, -1
    for index, (tag, text) in enumerate([*blocks, ("h1", "")]):
        if is_heading(tag):
            if crossed_at >= 0:
                found.append((crossed_at, running))
            running, crossed_at = 0, -1
            continue
        running += word_count(text)
        if running > limit and crossed_at < 0:
            crossed_at = index
    return found
