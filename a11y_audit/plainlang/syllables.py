"""Counting syllables in Dutch words.

Hyphenation patterns (pyphen's ``nl_NL``) give the syllable boundaries they
know, but they never leave a single letter on its own and miss vowel clashes
such as "i-dee-ën" or "ra-di-o", so they undercount.  Here each hyphenation
part is counted again by its vowel nuclei: a run of vowels is cut into
nuclei by the longest Dutch vowel cluster that fits (aai, ooi, oei, ieu,
eeu, aa, ee, oo, uu, ie, oe, eu, ui, ei, ij, ou, au, ...), and a vowel with a
diaeresis ("beëindigen", "geïnteresseerd", "ideeën") always starts a new
nucleus; other accents only mark stress ("één").
Acronyms said letter by letter ("BTW", "OCMW") count one per letter.  A
handful of loanword spellings (silent "e" in "website", "ea" in "team") are
corrected from ``rules/plainlang/syllables.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pyphen

from .rules import load_rules, rules_dir

_VOWELS = frozenset("aeiouyäëïöü")
_NEW_NUCLEUS = frozenset("äëïöü")
# longest first; "ij" has been replaced by "ĳ" (one character) before parsing
_CLUSTERS = (
    "ieu", "eeu", "aai", "ooi", "oei", "eau",
    "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ou", "au", "ai", "oi", "ay", "ey", "oy",
)
_NON_LETTER_RE = re.compile(r"[^\w]+")
_CUT_MATTERS_RE = re.compile(r"[aeiouyäëïöü]{2}|qu|ij")  # where a hyphenation point changes the count


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[tuple[int, int], ...]]:
    """pyphen's Dutch patterns as (place, value) pairs with a value, and every beginning of a
    pattern (with no pairs)."""
    patterns = _hyphenator().hd.patterns
    table: dict[str, tuple[tuple[int, int], ...]] = {key[:k]: () for key in patterns for k in range(1, len(key))}
    for key, (offset, values) in patterns.items():
        table[key] = tuple((offset + k, value) for k, value in enumerate(values) if value)
    return table


def _hyphen_parts(piece: str) -> list[str]:
    """A lower-case word cut at its hyphenation points: ``pyphen``'s ``inserted(piece).split("-")``.

    The same patterns (Liang's algorithm) and the same points, found faster: from each position
    the substrings are looked up only while they begin a pattern (pyphen looks up all of them up
    to the longest pattern), and pyphen's cache, which grows without bound, is not used.
    """
    get = _patterns().get
    pointed = f".{piece}."
    size = len(pointed)
    values = [0] * (size + 1)
    for i in range(size - 1):
        for j in range(i + 1, size + 1):
            found = get(pointed[i:j])
            if found is None:
                break  # no pattern begins so
            for place, value in found:  # a pattern of pointed[i:j] reaches at most pointed[j]
                if value > values[i + place]:
                    values[i + place] = value
    hyphenator = _hyphenator()
    right = len(piece) - hyphenator.right
    cuts = [k - 1 for k in range(size + 1) if values[k] % 2 and hyphenator.left <= k - 1 <= right]
    bounds = [0, *cuts, len(piece)]
    return [piece[a:b] for a, b in zip(bounds, bounds[1:])]


@lru_cache(maxsize=4)
def _exceptions_for(_key: str, kind: str) -> tuple[tuple[str, int], ...]:
    data = load_rules("syllables") or {}
    parts = data.get(kind) or {}
    return tuple(sorted(((str(k).lower(), int(v)) for k, v in parts.items()),
                        key=lambda item: -len(item[0])))


@lru_cache(maxsize=4096)  # a few hundred vowel runs make up all Dutch words
def _nuclei(run: str) -> int:
    """How many syllable nuclei a run of vowel letters holds."""
    count, pos = 0, 0
    while pos < len(run):
        count += 1
        # a diaeresis only says where the nucleus starts: "na-ïef", "be-ëin"
        view = _strip_marks(run[pos]) + run[pos + 1:] if run[pos] in _NEW_NUCLEUS else run[pos:]
        for cluster in _CLUSTERS:
            inner = run[pos + 1:pos + len(cluster)]
            if view.startswith(cluster) and not _NEW_NUCLEUS.intersection(inner):
                pos += len(cluster)
                break
        else:
            pos += 1
    return count


def _strip_marks(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


@lru_cache(maxsize=16384)  # the same syllables come back in many words
def _count_part(part: str) -> int:
    """Vowel nuclei in one hyphenation part (lower case, "ij" as "ĳ")."""
    count, run = 0, ""
    for index, char in enumerate(part):
        nxt = part[index + 1] if index + 1 < len(part) else ""
        is_vowel = char in _VOWELS or char == "ĳ"
        if char == "y" and nxt in _VOWELS:  # "yoghurt", "royaal"
            is_vowel = False
        if char == "u" and index > 0 and part[index - 1] == "q":  # "enquête"
            is_vowel = False
        if is_vowel:
            run += char
        elif run:
            count += _nuclei(run)
            run = ""
    if run:
        count += _nuclei(run)
    return count


def _count_piece(piece: str, key: str) -> int:
    """Syllables in a piece of a word without hyphens or apostrophes (``key``: the rules folder)."""
    if not piece:
        return 0
    for ending, ending_count in _exceptions_for(key, "loanword_endings"):
        if piece.endswith(ending):
            return ending_count + _count_piece(piece[: len(piece) - len(ending)], key)
    for part, part_count in _exceptions_for(key, "loanword_parts"):
        index = piece.find(part)
        if index >= 0:
            head, tail = piece[:index], piece[index + len(part):]
            return _count_piece(head, key) + part_count + _count_piece(tail, key)
    if not _CUT_MATTERS_RE.search(piece):
        return _count_part(piece)  # no vowels side by side, no "qu", no "ij": where it is cut does not matter
    return sum(_count_part(part.replace("ij", "ĳ")) for part in _hyphen_parts(piece))


def _is_spelled_out(piece: str) -> bool:
    """Acronyms said letter by letter: "BTW", "OCMW", "tbc", "SPvE"."""
    letters = [c for c in piece if c.isalpha()]
    if len(letters) == 1:
        return letters[0].isupper()  # "B-locatie", but not the s of "auto's"
    if not any(c in _VOWELS for c in _plain(piece)):
        return True
    return len(letters) <= 4 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def _plain(piece: str) -> str:
    """Lower case, emphasis accents removed ("één" -> "een"), diaeresis kept."""
    if piece.isascii():
        return piece.lower()
    out = []
    for char in unicodedata.normalize("NFC", piece.lower()):
        out.append(char if char in "äëïöü" else _strip_marks(char))
    return "".join(out)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Number of syllables in a Dutch word (at least 1 for any word)."""
    text = unicodedata.normalize("NFC", word.strip()).replace("’", "'")
    key = str(rules_dir())
    total = 0
    for piece in _NON_LETTER_RE.split(text.replace("_", " ")):
        if not piece:
            continue
        if _is_spelled_out(piece):
            total += sum(c.isalpha() for c in piece)
        else:
            total += _count_piece(_plain(piece), key)
    return max(total, 1)
