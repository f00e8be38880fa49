"""Plain Dutch ("klare taal", "Heerlijk Helder") text analysis.

Pure functions over text: no browser and no I/O beyond reading the rules data
in ``rules/plainlang/`` (or ``$A11Y_AUDIT_RULES/plainlang/``).

- ``split_sentences(text)`` and ``words(text)``: Dutch sentence splitting and
  word tokenising;
- ``syllables(word)``: syllables in a Dutch word;
- ``analyse(texts)``: readability indicators and one combined score (0-100,
  higher is easier) with a Dutch label;
- ``find_problems(blocks)``: findings such as long sentences, passive voice,
  officialese, nominal style, unexplained abbreviations, mixing "u" and "je",
  long paragraphs and long text without headings.
"""

from __future__ import annotations

from .findings import RULE_IDS, TextFinding
from .indicators import Indicators, analyse
from .problems import find_problems
from .sentences import sentence_spans, split_sentences, words
from .settings import PlainLangSettings
from .syllables import syllables

__all__ = [
    "RULE_IDS",
    "Indicators",
    "PlainLangSettings",
    "TextFinding",
    "analyse",
    "find_problems",
    "sentence_spans",
    "split_sentences",
    "syllables",
    "words",
]
