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
_GROUP_NAME_RE = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class OfficialeseEntry:
    term: str
    use: str
    region: str
    pattern: re.Pattern[str]
    # a match starts with one of these (lower case; the white space between words may differ):
    # the first two words of a form, or the letters a pattern starts with
    needles: tuple[str, ...]


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


_WORD_BEFORE, _WORD_AFTER = r"(?<![\w.])", r"(?![\w])"


def _whole_words(body: str) -> re.Pattern[str]:
    return re.compile(_WORD_BEFORE + body + _WORD_AFTER, re.IGNORECASE)


_ZERO_WIDTH_START_RE = re.compile(r"(?:\(\?<?[!=](?:[^()\\]|\\.)*\)|\\b)*")


def _literal_prefix(pattern: str) -> str:
    """The plain letters a regular expression starts with, after lookarounds and word boundaries
    ("dien(?:t|en)" -> "dien", "(?<!te )\\bdient" -> "dient")."""
    start = _ZERO_WIDTH_START_RE.match(pattern).end()
    return re.match(r"[^\W\d_]*", pattern[start:]).group().lower()


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
        needles = {" ".join(form.split()[:2]).lower() for form in forms}
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


@dataclass(frozen=True)
class _NeedleIndex:
    """Where officialese can start: one regular expression for the first words of all entries."""

    starts: re.Pattern[str]  # in lower-case text, at the start of a word: the longest needle there (group 1)
    entries_for: dict[str, tuple[int, ...]]  # a needle -> the entries with that needle or one of its prefixes
    everywhere: tuple[int, ...]  # entries without a needle: searched in the whole text


def _trie(needles: list[str]) -> str:
    """One regular expression for all needles, letter by letter ("in het|in casu|indien" ->
    "in(?:\\s+(?:casu|het)|dien)"): it tries a few letters at each place instead of every needle,
    and takes the longest needle there. A space matches any white space."""
    root: dict[str, dict] = {}
    for needle in needles:
        node = root
        for char in needle:
            node = node.setdefault(char, {})
        node[""] = {}  # a needle ends here

    def expression(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + expression(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return expression(root)


@lru_cache(maxsize=4)
def _needle_index_for(key: str) -> _NeedleIndex:
    entries = _officialese_for(key)
    needles = sorted({n for entry in entries for n in entry.needles if n}, key=len, reverse=True)
    entries_for = {
        needle: tuple(i for i, entry in enumerate(entries) if any(n and needle.startswith(n) for n in entry.needles))
        for needle in needles
    }
    return _NeedleIndex(
        starts=re.compile(rf"(?<![\w.])(?=({_trie(needles)}))"),
        entries_for=entries_for,
        everywhere=tuple(i for i, entry in enumerate(entries) if "" in entry.needles),
    )


def find_officialese(text: str) -> list[WordingMatch]:
    """Officialese words and phrases in ``text``."""
    return list(_officialese_in(text, str(rules_dir())))


@lru_cache(maxsize=1024)
def _officialese_in(text: str, key: str) -> tuple[WordingMatch, ...]:
    """What every entry's ``pattern.finditer(text)`` finds, without searching the whole text once
    per entry: a match starts with one of the entry's needles at the start of a word, so the
    pattern is only tried there. Cached: ``analyse`` and ``find_problems`` both read every text."""
    entries = _officialese_for(key)
    index = _needle_index_for(key)
    lower = text.lower()
    # the needles are looked for in lower case; that finds what the patterns (re.IGNORECASE) find,
    # unless an offset in lower is not one in text ("İ" -> "i̇") or the text has "ı" or "ſ"
    # (an "i" and an "s" to re)
    aligned = len(lower) == len(text) and "ı" not in lower and "ſ" not in lower
    everywhere = index.everywhere if aligned else range(len(entries))
    places: dict[int, list[int]] = {i: [] for i in everywhere}
    for m in index.starts.finditer(lower) if aligned else ():
        # the longest needle here; the entries of the needles that are its prefixes match here too
        for i in index.entries_for[" ".join(m.group(1).split())]:
            places.setdefault(i, []).append(m.start())
    matches = []
    for i in sorted(places):  # entry order, as overlaps of equal length keep the first entry
        entry, end = entries[i], 0
        if i in everywhere:
            found = list(entry.pattern.finditer(text))
        else:
            found = []
            for start in places[i]:
                m = entry.pattern.match(text, start) if start >= end else None
                if m:
                    found.append(m)
                    end = m.end()
        matches.extend(WordingMatch(m.start(), m.end(), m.group(), entry.term, entry.use) for m in found)
    return tuple(_drop_overlaps(matches))


def find_nominal(text: str) -> list[WordingMatch]:
    """Nominal-style frames ("overgaan tot betaling") in ``text``."""
    return list(_nominal_in(text, str(rules_dir())))


@lru_cache(maxsize=4)
def _any_nominal_for(key: str) -> re.Pattern[str]:
    """All frames in one expression: where it finds nothing, no frame matches (most texts)."""
    bodies = [
        _GROUP_NAME_RE.sub("(?:", p.pattern[len(_WORD_BEFORE):-len(_WORD_AFTER)])
        for frame in _nominal_for(key) for p in frame.patterns
    ]
    return _whole_words("(?:" + "|".join(bodies) + ")")


@lru_cache(maxsize=1024)  # the indicators and the findings read the same texts
def _nominal_in(text: str, key: str) -> tuple[WordingMatch, ...]:
    if not _any_nominal_for(key).search(text):
        return ()
    matches = [
        WordingMatch(m.start(), m.end(), m.group(), frame.id, frame.example, m.group("noun"))
        for frame in _nominal_for(key)
        for pattern in frame.patterns
        for m in pattern.finditer(text)
    ]
    return tuple(_drop_overlaps(matches))


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
