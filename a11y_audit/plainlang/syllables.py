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


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=4)
def _exceptions_for(_key: str, kind: str) -> tuple[tuple[str, int], ...]:
    data = load_rules("syllables") or {}
    parts = data.get(kind) or {}
    return tuple(sorted(((str(k).lower(), int(v)) for k, v in parts.items()),
                        key=lambda item: -len(item[0])))


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


def _count_piece(piece: str) -> int:
    """Syllables in a piece of a word without hyphens or apostrophes."""
    if not piece:
        return 0
    key = str(rules_dir())
    for ending, ending_count in _exceptions_for(key, "loanword_endings"):
        if piece.endswith(ending):
            return ending_count + _count_piece(piece[: len(piece) - len(ending)])
    for part, part_count in _exceptions_for(key, "loanword_parts"):
        index = piece.find(part)
        if index >= 0:
            head, tail = piece[:index], piece[index + len(part):]
            return _count_piece(head) + part_count + _count_piece(tail)
    parts = _hyphenator().inserted(piece).split("-")
    total = 0
    for part in parts:
        total += _count_part(part.replace("ij", "ĳ"))
    return total


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
    out = []
    for char in unicodedata.normalize("NFC", piece.lower()):
        out.append(char if char in "äëïöü" else _strip_marks(char))
    return "".join(out)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Number of syllables in a Dutch word (at least 1 for any word)."""
    text = unicodedata.normalize("NFC", word.strip()).replace("’", "'")
    total = 0
    for piece in _NON_LETTER_RE.split(text.replace("_", " ")):
        if not piece:
            continue
        if _is_spelled_out(piece):
            total += sum(c.isalpha() for c in piece)
        else:
            total += _count_piece(_plain(piece))
    return max(total, 1)
