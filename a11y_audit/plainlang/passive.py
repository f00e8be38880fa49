"""Passive voice: a form of "worden" with a past participle in its clause.

"De aanvraag wordt door de dienst behandeld." and "Uw kaart werd gisteren
verzonden." are passive; "Het wordt koud." and "Hij wordt leraar." are not.
The participle is looked for after the auxiliary up to the end of the clause
(main clause order) or just before it ("... behandeld wordt", "... behandeld
zal worden").  Participles are recognised by shape and from the list of
irregular ones in ``rules/plainlang/participles.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .rules import as_str_tuple, load_rules, rules_dir

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|[,;:!?.\"“”–—]")
_BRACKETS_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_KOFSCHIP = frozenset("tkfscph")
# words that end the clause the auxiliary stands in
_CLAUSE_END = frozenset(
    "dat omdat zodat terwijl want maar wanneer indien nadat voordat doordat "
    "hoewel zodra tenzij waardoor waarna die wie wat is zijn was waren ben bent "
    "heeft hebben had hadden heb hebt kan kunnen moet moeten".split()
)
_MODALS = frozenset(
    "te zal zullen zou zouden kan kunnen moet moeten mag mogen wil willen is zijn was "
    "waren dient dienen diende dienden gaat gaan ging gingen".split()
)
# (not "ons", "haar", "hun", "je": also pronouns, as in "wordt ons gegeven")
_DETERMINERS = frozenset(
    "de het een dit dat deze die uw jouw mijn onze elk elke ieder iedere geen welk "
    "welke zo'n".split()
)
_NOUN_ENDINGS = ("heid", "teit", "ment", "schap")
_WINDOW_AFTER = 20


@dataclass(frozen=True, eq=False)  # hashed by identity: one per rules folder
class PassiveData:
    auxiliaries: frozenset[str]
    irregular: frozenset[str]
    particles: tuple[str, ...]
    prefixes: tuple[str, ...]
    not_participles: frozenset[str]


@dataclass(frozen=True)
class PassiveMatch:
    auxiliary: str
    participle: str
    start: int  # offset of the first of the two words in the sentence
    end: int  # offset just after the last of the two words


@lru_cache(maxsize=4)
def _data_for(_key: str) -> PassiveData:
    data = load_rules("participles") or {}
    irregular = {w.lower() for w in as_str_tuple(data.get("irregular"))}
    prefixes = tuple(as_str_tuple(data.get("prefixes")))
    derived = set(irregular)
    for form in irregular:
        if form.startswith("ge"):
            derived.update(prefix + form[2:] for prefix in prefixes)
    not_participles = frozenset(w.lower() for w in as_str_tuple(data.get("not_participles")))
    return PassiveData(
        auxiliaries=frozenset(w.lower() for w in as_str_tuple(data.get("auxiliaries"))),
        irregular=frozenset(derived - not_participles),
        particles=tuple(sorted(as_str_tuple(data.get("particles")), key=len, reverse=True)),
        prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
        not_participles=not_participles,
    )


def _data() -> PassiveData:
    return _data_for(str(rules_dir()))


def _has_vowel(text: str) -> bool:
    return any(c in "aeiouyëïéèöü" for c in text)


def _regular_ending_ok(word: str, has_ge: bool) -> bool:
    """d/t ending as in "gemaakt"/"gebeurd", not a present tense like "verandert".

    Without ge- a participle in -t needs a stem in t, k, f, s, ch or p
    ("verwerkt") or in a short vowel plus t ("hervat"); "verandert" and
    "bestaat" are present tense.  With ge- any -t goes ("geprint").
    """
    if word.endswith("dt"):
        return False
    if word.endswith("d"):
        return True
    if not word.endswith("t"):
        return False
    if has_ge:
        return True
    before = word[-2]
    if before in _KOFSCHIP:
        return True
    return before in "aeiou" and word[-3] not in "aeiou"


def _is_participle_core(word: str, data: PassiveData) -> bool:
    """A participle without a separable particle in front."""
    if word in data.not_participles or word.endswith(_NOUN_ENDINGS):
        return False
    if word in data.irregular:
        return True
    if word.startswith("ge") and len(word) >= 5 and _has_vowel(word[2:-1]):
        return _regular_ending_ok(word, has_ge=True)
    for prefix in data.prefixes:
        stem = word[len(prefix):-1]
        if word.startswith(prefix) and len(stem) >= 2 and _has_vowel(stem):
            if word.endswith("end") and not word.endswith("kend"):
                return False  # present participle: "verschillend"
            return _regular_ending_ok(word, has_ge=False)
    return False


def is_participle(word: str) -> bool:
    """Whether ``word`` has the form of a Dutch past participle."""
    return _is_participle(word.lower(), _data())


@lru_cache(maxsize=65536)
def _is_participle(lower: str, data: PassiveData) -> bool:
    if lower in data.not_participles:
        return False
    if _is_participle_core(lower, data):
        return True
    for particle in data.particles:
        rest = lower[len(particle):]
        if not lower.startswith(particle) or len(rest) < 5:
            continue
        # "aan|ge|vraagd", and "aan|be|steed", "voor|be|reid"
        if rest.startswith(("ge", "be", "ver")) and _is_participle_core(rest, data):
            return True
    return False


def _candidate(tokens: list[tuple[str, int, int]], index: int, data: PassiveData) -> bool:
    word = tokens[index][0]
    if not word[0].isalpha() or not _is_participle(word.lower(), data):
        return False
    previous = tokens[index - 1][0].lower() if index > 0 else ""
    return previous not in _DETERMINERS  # "een gebied", "het besluit"


def find_passives(sentence: str) -> list[PassiveMatch]:
    """The passive constructions in one sentence."""
    return list(_passives_in(sentence, _data()))


@lru_cache(maxsize=4096)  # the indicators and the findings read the same sentences
def _passives_in(sentence: str, data: PassiveData) -> tuple[PassiveMatch, ...]:
    lower = sentence.lower()
    if not any(auxiliary in lower for auxiliary in data.auxiliaries):
        return ()  # most sentences: no form of "worden"
    # words in brackets do not end a clause: blank them out, keep the offsets
    masked = _BRACKETS_RE.sub(lambda m: " " * len(m.group()), sentence)
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(masked)]
    matches: list[PassiveMatch] = []
    for index, (word, _start, _end) in enumerate(tokens):
        if word.lower() not in data.auxiliaries:
            continue
        found = None
        for after in range(index + 1, min(len(tokens), index + 1 + _WINDOW_AFTER)):
            token = tokens[after][0]
            if not token[0].isalpha() or token.lower() in _CLAUSE_END:
                break
            if token.lower() in data.auxiliaries:
                break
            if _candidate(tokens, after, data):
                found = after
                break
        if found is None:  # "... behandeld wordt", "... verplaatst dient te worden"
            before = index - 1
            while before >= max(0, index - 3) and tokens[before][0].lower() in _MODALS:
                before -= 1
            if before >= 0 and _candidate(tokens, before, data):
                found = before
        if found is not None:
            first, last = sorted((index, found))
            start, stop = tokens[first][1], tokens[last][2]
            matches.append(PassiveMatch(word, tokens[found][0], start, stop))
    return tuple(matches)
