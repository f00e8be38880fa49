"""Dutch sentence splitting and word tokenising.

The splitter looks at every run of sentence-final punctuation followed by
white space and decides from the token before it and the word after it.  It
knows the abbreviations in ``rules/plainlang/abbreviations.yaml``, initials
("J. Peeters"), numbers and dates ("3. 4.", "1 jan. 2025"), URLs and e-mail
addresses, and ellipses inside a sentence.  Blank lines and list bullets
always start a new sentence.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from .rules import as_str_tuple, load_rules, rules_dir

Span = tuple[int, int]

_LETTER = r"[^\W\d_]"
WORD_RE = re.compile(
    rf"['’][stn](?!{_LETTER})|{_LETTER}+(?:['’\-‐]{_LETTER}+)*"
)
_URL_RE = re.compile(
    r"(?<![\w.+-])(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.IGNORECASE
)
_URL_TRAIL = ".,;:!?)]}'\"”’»"
# sentence-final punctuation, optional closing quotes/brackets, then space
_END_RE = re.compile(r"(\.{2,}|…|[.!?]+)([\"'”’»)\]]*)(?=\s|$)")
# hard breaks: blank lines, or a new line that starts a list item
_BLOCK_BREAK_RE = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-*•–·▪]|\d{1,2}[.)])\s)")
_NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)*$")
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.-?)*[A-Z]$")
_LETTER_DOTS_RE = re.compile(r"^(?:[a-z]\.){2,}$")
_NEXT_TOKEN_RE = re.compile(r"\s*(\S*)")
_OPENERS = "\"'“‘„«([¿¡-*•–·▪"


@dataclass(frozen=True)
class _Abbreviations:
    never_final: frozenset[str]
    may_end: frozenset[str]


@lru_cache(maxsize=4)
def _abbreviations_for(_key: str) -> _Abbreviations:
    data = load_rules("abbreviations") or {}
    return _Abbreviations(
        never_final=frozenset(a.lower() for a in as_str_tuple(data.get("never_final"))),
        may_end=frozenset(a.lower() for a in as_str_tuple(data.get("may_end"))),
    )


def _abbreviations() -> _Abbreviations:
    return _abbreviations_for(str(rules_dir()))


def _protected_spans(text: str) -> list[Span]:
    if "@" not in text and "://" not in text and "www." not in text.lower():
        return []  # no URL or e-mail address can match
    spans = []
    for match in _URL_RE.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _URL_TRAIL:
            end -= 1
        spans.append((match.start(), end))
    return spans


def _inside(pos: int, spans: list[Span]) -> bool:
    """Whether ``pos`` falls in one of the sorted, non-overlapping ``spans``."""
    index = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= pos < spans[index][1]


def _token_before(text: str, pos: int) -> str:
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:pos].lstrip(_OPENERS)


def _next_token(text: str, pos: int) -> str:
    match = _NEXT_TOKEN_RE.match(text, pos)
    return match.group(1) if match else ""


def _is_boundary(prev: str, punct: str, nxt: str, abbr: _Abbreviations) -> bool:
    if not nxt:
        return True
    first = nxt[0]
    if first.islower():
        return False
    if "?" in punct or "!" in punct:
        return True
    if punct in ("…",) or len(punct) > 1:  # ellipsis: only before a capital
        return first.isupper()
    word = (prev + ".").lower()
    if word in abbr.never_final:
        return False
    if _INITIALS_RE.match(prev) and first.isupper():
        return False  # "J. Peeters", "A.M. De Vos"
    if word in abbr.may_end or _LETTER_DOTS_RE.match(word):
        return first.isupper()
    if _NUMBER_RE.match(prev) and first.isdigit():
        return False
    return True


def _split_segment(
    text: str, start: int, end: int, abbr: _Abbreviations, protected: list[Span]
) -> list[Span]:
    spans: list[Span] = []
    begin = start
    for match in _END_RE.finditer(text, start, end):
        if _inside(match.start(), protected):
            continue
        prev = _token_before(text, match.start())
        if not prev and match.group(1) != "…" and len(match.group(1)) == 1:
            # a stop after a space: "identiteitskaart . Kinderen", as content management systems
            # often leave it around links; an end only between a word and a capital
            before = text[:match.start()].rstrip()
            prev = _token_before(before, len(before))
            if not (prev and prev[-1].isalnum() and _next_token(text, match.end())[:1].isupper()):
                continue
        if _is_boundary(prev, match.group(1), _next_token(text, match.end()), abbr):
            spans.append((begin, match.end()))
            begin = match.end()
    spans.append((begin, end))
    return spans


def _trim(text: str, span: Span) -> Span | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_spans(text: str) -> list[Span]:
    """(start, end) offsets of the sentences in ``text``."""
    return list(_sentence_spans(text, str(rules_dir())))


@lru_cache(maxsize=1024)  # the indicators and the findings split the same texts
def _sentence_spans(text: str, key: str) -> tuple[Span, ...]:
    abbr = _abbreviations_for(key)
    protected = _protected_spans(text)
    spans: list[Span] = []
    begin = 0
    breaks = [(m.start(), m.end()) for m in _BLOCK_BREAK_RE.finditer(text)]
    for brk_start, brk_end in [*breaks, (len(text), len(text))]:
        for span in _split_segment(text, begin, brk_start, abbr, protected):
            trimmed = _trim(text, span)
            if trimmed:
                spans.append(trimmed)
        begin = brk_end
    return tuple(spans)


def split_sentences(text: str) -> list[str]:
    """The sentences of a Dutch text, stripped of surrounding white space."""
    return [text[start:end] for start, end in sentence_spans(text)]


def word_spans(text: str) -> list[Span]:
    """(start, end) offsets of the words in ``text``."""
    return [match.span() for match in WORD_RE.finditer(text)]


def words(text: str) -> list[str]:
    """Alphabetic words, keeping hyphenated compounds and "auto's" whole."""
    return WORD_RE.findall(text)


@lru_cache(maxsize=4096)  # paragraphs and sentences are counted by several rules
def word_count(text: str) -> int:
    """``len(words(text))``."""
    return len(WORD_RE.findall(text))
