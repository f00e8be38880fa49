"""Thresholds for the plain-language indicators and findings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlainLangSettings:
    """Thresholds; the defaults follow common Dutch plain-language advice."""

    long_sentence_words: int = 20  # a sentence with more words is long
    very_long_sentence_words: int = 30  # ... and with more than this, very long
    long_paragraph_words: int = 100  # a paragraph (non-heading block) with more is long
    words_without_heading: int = 300  # more running words without a heading: add one
    infrequent_zipf: float = 3.0  # words below this wordfreq Zipf value are infrequent
    disabled_rules: tuple[str, ...] = ()  # rule ids to leave out of find_problems

    def __post_init__(self) -> None:
        if self.long_sentence_words < 1 or self.very_long_sentence_words < self.long_sentence_words:
            raise ValueError("need 1 <= long_sentence_words <= very_long_sentence_words")
        if self.long_paragraph_words < 1 or self.words_without_heading < 1:
            raise ValueError("word limits must be positive")


DEFAULT_SETTINGS = PlainLangSettings()
