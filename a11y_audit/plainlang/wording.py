"""Word choice: officialese with plain alternatives, and nominal style.

Both read their lists from ``rules/plainlang/`` (``officialese.yaml`` and
``nominal.yaml``) and match case-insensitively on whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .rules import as_str_tuple, load_rules, rules_dir

_NOUN = r"(?P<noun>[^\W\d_]+(?:ing|ingen|atie|aties))"


@dataclass(frozen=True)
class OfficialeseEntry:
    term: str
    use: str
    region: str
    pattern: re.Pattern[str]
    needles: tuple[str, ...]  # one of these occurs (lower case) wherever the pattern matches


@dataclass(frozen=True)
class NominalFrame:
    id: str
    explain: str
    example: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class WordingMatch:
    """One hit in a text: ``text[start:end]`` is the matched wording."""

    start: int
    end: int
    text: str
    term: str  # officialese term, or nominal-style frame id
    advice: str  # plain alternative, or the example of the frame
    noun: str = ""  # nominal style: the action noun ("betaling")


def _whole_words(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){body}(?![\w])", re.IGNORECASE)


def _literal_prefix(pattern: str) -> str:
    """The plain letters a regular expression starts with ("dien(?:t|en)" -> "dien")."""
    match = re.match(r"[^\W\d_]*", pattern)
    return match.group().lower() if match else ""


def _phrase(form: str) -> str:
    return r"\s+".join(re.escape(part) for part in form.split())


@lru_cache(maxsize=4)
def _officialese_for(_key: str) -> tuple[OfficialeseEntry, ...]:
    data = load_rules("officialese") or {}
    entries = []
    for item in data.get("entries") or ():
        term = str(item["term"])
        # "forms: []" with patterns: only the patterns match (a word that is officialese in one use only)
        forms = as_str_tuple(item["forms"]) if "forms" in item else (term,)
        ordered = sorted(forms, key=len, reverse=True)
        bodies = [_phrase(form) for form in ordered]
        bodies += [f"(?:{pattern})" for pattern in as_str_tuple(item.get("patterns"))]
        body = "(?:" + "|".join(bodies) + ")"
        needles = {form.split()[0].lower() for form in forms}
        needles.update(_literal_prefix(p) for p in as_str_tuple(item.get("patterns")))
        entries.append(
            OfficialeseEntry(term, str(item.get("use", "")), str(item.get("region", "both")),
                             _whole_words(body), tuple(sorted(needles)))
        )
    return tuple(entries)


@lru_cache(maxsize=4)
def _nominal_for(_key: str) -> tuple[NominalFrame, ...]:
    data = load_rules("nominal") or {}
    frames = []
    for item in data.get("frames") or ():
        patterns = tuple(
            _whole_words(body.replace("{noun}", _NOUN))
            for body in as_str_tuple(item.get("pattern"))
        )
        frames.append(
            NominalFrame(str(item["id"]), str(item.get("explain", "")),
                         str(item.get("example", "")), patterns)
        )
    return tuple(frames)


def officialese_entries() -> tuple[OfficialeseEntry, ...]:
    """The officialese list from the rules data."""
    return _officialese_for(str(rules_dir()))


def nominal_frames() -> tuple[NominalFrame, ...]:
    """The nominal-style frames from the rules data."""
    return _nominal_for(str(rules_dir()))


def _drop_overlaps(matches: list[WordingMatch]) -> list[WordingMatch]:
    """Keep the longest of overlapping matches, in text order."""
    kept: list[WordingMatch] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def find_officialese(text: str) -> list[WordingMatch]:
    """Officialese words and phrases in ``text``."""
    lower = text.lower()
    matches = [
        WordingMatch(m.start(), m.end(), m.group(), entry.term, entry.use)
        for entry in officialese_entries()
        if any(needle in lower for needle in entry.needles)
        for m in entry.pattern.finditer(text)
    ]
    return _drop_overlaps(matches)


def find_nominal(text: str) -> list[WordingMatch]:
    """Nominal-style frames ("overgaan tot betaling") in ``text``."""
    matches = [
        WordingMatch(m.start(), m.end(), m.group(), frame.id, frame.example, m.group("noun"))
        for frame in nominal_frames()
        for pattern in frame.patterns
        for m in pattern.finditer(text)
    ]
    return _drop_overlaps(matches)


def verb_for(noun: str) -> str:
    """A likely verb for an action noun: "betaling" -> "betalen"."""
    lower = noun.lower()
    for plural, singular in (("ingen", "ing"), ("aties", "atie")):
        if lower.endswith(plural):
            lower = lower[: -len(plural)] + singular
    if lower.endswith("atie"):
        return lower[:-4] + "eren"  # registratie -> registreren
    if lower.endswith("ing"):
        stem = lower[:-3]
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
            return stem + "en"  # planning -> plannen
        return stem + "en"
    return lower
