"""The finding type shared by all plain-language rules, and its rule ids."""

from __future__ import annotations

from dataclasses import dataclass

LONG_SENTENCE = "plainlang-long-sentence"
PASSIVE_VOICE = "plainlang-passive-voice"
OFFICIALESE = "plainlang-officialese"
NOMINAL_STYLE = "plainlang-nominal-style"
UNEXPLAINED_ABBREVIATION = "plainlang-unexplained-abbreviation"
MIXED_ADDRESS = "plainlang-mixed-address"
LONG_PARAGRAPH = "plainlang-long-paragraph"
MISSING_HEADINGS = "plainlang-missing-headings"

RULE_IDS = (
    LONG_SENTENCE,
    PASSIVE_VOICE,
    OFFICIALESE,
    NOMINAL_STYLE,
    UNEXPLAINED_ABBREVIATION,
    MIXED_ADDRESS,
    LONG_PARAGRAPH,
    MISSING_HEADINGS,
)


@dataclass(frozen=True)
class TextFinding:
    """One plain-language problem in one text block.

    ``start``/``end`` are character offsets of ``text`` in the block's text
    (``None`` when the finding is about the block as a whole).  ``sentence``
    is the sentence the problem sits in (or the start of the block).
    ``explanation`` and ``suggestion`` are short Dutch texts for the reader
    of the report.
    """

    rule_id: str
    block: int
    sentence: str
    text: str
    explanation: str
    suggestion: str
    start: int | None = None
    end: int | None = None
