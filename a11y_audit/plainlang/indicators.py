"""Readability indicators for a Dutch text and one combined score.

``analyse`` counts sentences, words and syllables and derives the classic
indicators (average sentence length, syllables per word, Flesch-Douma,
Brouwer), the share of infrequent words (wordfreq's Dutch list) and the
number of style hits (passive voice, officialese, nominal style).  The
combined plain-language score (0-100, higher is easier) and its Dutch label
come from the weights in ``rules/plainlang/score.yaml``.  It is a measure of
how easy the text is, tuned on municipal texts; it does not give CEFR levels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency

from .passive import find_passives
from .rules import load_rules, rules_dir
from .sentences import split_sentences, words
from .settings import DEFAULT_SETTINGS, PlainLangSettings
from .syllables import syllables
from .wording import find_nominal, find_officialese


@dataclass(frozen=True)
class Indicators:
    """Readability figures for one text (a list of text pieces)."""

    sentences: int
    words: int
    syllables: int
    average_sentence_length: float  # words per sentence
    long_sentence_share: float  # share of sentences longer than the limit
    syllables_per_word: float
    flesch_douma: float  # 206.835 - 0.93 ASL - 77 syll/word (higher is easier)
    brouwer: float  # 195 - 2 ASL - 200/3 syll/word (higher is easier)
    infrequent_word_share: float  # share of words under the Zipf limit
    style_hits: int  # passive voice + officialese + nominal style hits
    score: float  # combined plain-language score, 0-100, higher is easier
    label: str  # the score in words: "heel eenvoudig" .. "heel moeilijk"


@dataclass(frozen=True)
class ScoreModel:
    """Weights of the combined score (see score.yaml)."""

    average_sentence_length: float
    syllables_per_word: float
    syllables_per_sentence: float
    infrequent_per_sentence: float
    style_hits_per_sentence: float
    midpoint: float
    spread: float
    labels: tuple[tuple[float, str], ...]  # (minimum score, label), highest first


@lru_cache(maxsize=4)
def _model_for(_key: str) -> ScoreModel:
    data = load_rules("score") or {}
    weights = data["weights"]
    labels = sorted(((float(k), str(v)) for k, v in data["labels"].items()), reverse=True)
    return ScoreModel(
        average_sentence_length=float(weights["average_sentence_length"]),
        syllables_per_word=float(weights["syllables_per_word"]),
        syllables_per_sentence=float(weights["syllables_per_sentence"]),
        infrequent_per_sentence=float(weights["infrequent_per_sentence"]),
        style_hits_per_sentence=float(weights["style_hits_per_sentence"]),
        midpoint=float(data["scale"]["midpoint"]),
        spread=float(data["scale"]["spread"]),
        labels=tuple(labels),
    )


def score_model() -> ScoreModel:
    """The combined-score weights from the rules data."""
    return _model_for(str(rules_dir()))


def difficulty(
    asl: float, syllables_per_word: float, infrequent_share: float, hits_per_sentence: float,
    model: ScoreModel | None = None,
) -> float:
    """The weighted difficulty behind the combined score (higher is harder)."""
    m = model or score_model()
    return (
        m.average_sentence_length * asl
        + m.syllables_per_word * syllables_per_word
        + m.syllables_per_sentence * asl * syllables_per_word
        + m.infrequent_per_sentence * infrequent_share * asl
        + m.style_hits_per_sentence * hits_per_sentence
    )


def combined_score(load: float, model: ScoreModel | None = None) -> float:
    """Map a difficulty to 0-100 (higher is easier) with a logistic curve."""
    m = model or score_model()
    z = max(-60.0, min(60.0, (load - m.midpoint) / m.spread))
    return 100.0 / (1.0 + math.exp(z))


def label_for(score: float, model: ScoreModel | None = None) -> str:
    """The Dutch label for a combined score."""
    m = model or score_model()
    for minimum, label in m.labels:
        if score >= minimum:
            return label
    return m.labels[-1][1]


def _is_name(word: str, position: int) -> bool:
    """Capitalised inside a sentence: a name, not vocabulary."""
    return position > 0 and word[:1].isupper() and not word.isupper()


def analyse(texts: Sequence[str], settings: PlainLangSettings | None = None) -> Indicators:
    """Indicators for the text made of ``texts`` (e.g. the paragraphs of a page)."""
    settings = settings or DEFAULT_SETTINGS
    sentence_count = word_count = syllable_count = long_count = infrequent = hits = 0
    for text in texts:
        hits += len(find_officialese(text)) + len(find_nominal(text))
        for sentence in split_sentences(text):
            found = words(sentence)
            if not found:
                continue
            sentence_count += 1
            word_count += len(found)
            syllable_count += sum(syllables(w) for w in found)
            long_count += len(found) > settings.long_sentence_words
            hits += len(find_passives(sentence))
            infrequent += sum(
                1 for i, w in enumerate(found)
                if not _is_name(w, i) and zipf_frequency(w.lower(), "nl") < settings.infrequent_zipf
            )
    asl = word_count / sentence_count if sentence_count else 0.0
    spw = syllable_count / word_count if word_count else 0.0
    infrequent_share = infrequent / word_count if word_count else 0.0
    hits_per_sentence = hits / sentence_count if sentence_count else 0.0
    score = combined_score(difficulty(asl, spw, infrequent_share, hits_per_sentence))
    if not word_count:
        score = 100.0  # nothing to read
    return Indicators(
        sentences=sentence_count,
        words=word_count,
        syllables=syllable_count,
        average_sentence_length=asl,
        long_sentence_share=long_count / sentence_count if sentence_count else 0.0,
        syllables_per_word=spw,
        flesch_douma=206.835 - 0.93 * asl - 77.0 * spw,
        brouwer=195.0 - 2.0 * asl - (200.0 / 3.0) * spw,
        infrequent_word_share=infrequent_share,
        style_hits=hits,
        score=score,
        label=label_for(score),
    )
