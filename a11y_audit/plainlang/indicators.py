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
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
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
    # the terms of the combined score, per sentence (see score.yaml)
    terms: dict[str, float] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ScoreModel:
    """Weights of the combined score (see score.yaml)."""

    weights: dict[str, float]  # term name -> weight (difficulty per unit)
    loanword: re.Pattern[str]  # the endings of loanwords (on the lower-case word)
    loanword_max_zipf: float  # only less frequent words count
    abbreviations: frozenset[str]  # listed abbreviations, lower case with their dots (o.a., etc.)
    midpoint: float
    spread: float
    labels: tuple[tuple[float, str], ...]  # (minimum score, label), highest first


TERMS = ("word_load", "function_words", "passives", "officialese", "nominal_style",
         "brackets_slashes", "commas", "abbreviations", "loanwords")
_LOANWORD_MIN_LETTERS = 7


@lru_cache(maxsize=4)
def _model_for(_key: str) -> ScoreModel:
    data = load_rules("score") or {}
    weights = {name: float(data["weights"][name]) for name in TERMS}
    labels = sorted(((float(k), str(v)) for k, v in data["labels"].items()), reverse=True)
    endings = "|".join(sorted((re.escape(e) for e in data["loanwords"]["endings"]), key=len, reverse=True))
    listed = load_rules("abbreviations") or {}
    dotted = [a.lower() for part in ("never_final", "may_end") for a in listed.get(part) or ()]
    return ScoreModel(
        weights=weights,
        loanword=re.compile(f"(?:{endings})$"),
        loanword_max_zipf=float(data["loanwords"]["max_zipf"]),
        abbreviations=frozenset(dotted),
        midpoint=float(data["scale"]["midpoint"]),
        spread=float(data["scale"]["spread"]),
        labels=tuple(labels),
    )


def score_model() -> ScoreModel:
    """The combined-score weights from the rules data."""
    return _model_for(str(rules_dir()))


def difficulty(terms: dict[str, float], model: ScoreModel | None = None) -> float:
    """The weighted difficulty behind the combined score (higher is harder)."""
    m = model or score_model()
    return sum(weight * terms.get(name, 0.0) for name, weight in m.weights.items())


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


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "nl")


def _is_name(word: str, position: int) -> bool:
    """Capitalised inside a sentence: a name, not vocabulary."""
    return position > 0 and word[:1].isupper() and not word.isupper()


def word_cost(word: str, position: int) -> tuple[float, float]:
    """(Zipf frequency, cost) of one word for the word load.

    A name (capitalised inside a sentence) counts as a fairly common word; the cost is how far the
    word lies under Zipf 6 (everyday words cost nothing), capped at 3 so one very rare word or
    name does not outweigh a sentence.
    """
    return _word_cost(word, _is_name(word, position))


@lru_cache(maxsize=65536)
def _word_cost(word: str, name: bool) -> tuple[float, float]:
    zipf = _zipf(word.lower())
    if name:
        zipf = max(zipf, _NAME_ZIPF)
    return zipf, _LOAD_CEILING - max(_LOAD_FLOOR, min(zipf, _LOAD_CEILING))


_NAME_ZIPF = 4.5
_LOAD_CEILING = 6.0  # words at least this frequent cost nothing
_LOAD_FLOOR = 3.0  # rarer words all cost the same
_FUNCTION_ZIPF = 7.0  # the very frequent words: articles, prepositions, "en", "is", ...
_BRACKETS_SLASHES = "/(;:"


@lru_cache(maxsize=65536)
def _word_facts(word: str, name: bool, infrequent_zipf: float) -> tuple[int, float, bool, bool, bool, bool]:
    """What one word adds up to: syllables, word load, infrequent, function word, acronym, loanword."""
    zipf, cost = _word_cost(word, name)
    model = score_model()
    loanword = (len(word) >= _LOANWORD_MIN_LETTERS and word.islower() and zipf < model.loanword_max_zipf
                and model.loanword.search(word) is not None)
    return (syllables(word), cost, not name and zipf < infrequent_zipf, zipf >= _FUNCTION_ZIPF,
            len(word) > 1 and word.isupper(), loanword)
_DOTTED_RE = re.compile(r"(?<![\w.])(?:[^\W\d_]+\.)+")  # "o.a.", "etc.", "Dhr.": candidates for the list


def analyse(texts: Sequence[str], settings: PlainLangSettings | None = None) -> Indicators:
    """Indicators for the text made of ``texts`` (e.g. the paragraphs of a page)."""
    settings = settings or DEFAULT_SETTINGS
    sentence_count = word_count = syllable_count = long_count = infrequent = 0
    passives = officialese = nominal = function_words = abbreviations = loanwords = marks = commas = 0
    load = 0.0
    model = score_model()
    for text in texts:
        text_sentences = 0
        for sentence in split_sentences(text):
            found = words(sentence)
            if not found:
                continue
            text_sentences += 1
            word_count += len(found)
            long_count += len(found) > settings.long_sentence_words
            passives += len(find_passives(sentence))
            for i, w in enumerate(found):
                facts = _word_facts(w, _is_name(w, i), settings.infrequent_zipf)
                syllable_count += facts[0]
                load += facts[1]
                infrequent += facts[2]
                function_words += facts[3]
                abbreviations += facts[4]
                loanwords += facts[5]
        if text_sentences:
            sentence_count += text_sentences
            officialese += len(find_officialese(text))
            nominal += len(find_nominal(text))
            marks += sum(text.count(c) for c in _BRACKETS_SLASHES)
            commas += text.count(",")
            abbreviations += text.count("%") + text.count("&") + sum(
                1 for m in _DOTTED_RE.finditer(text) if m.group(0).lower() in model.abbreviations)
    per = 1.0 / sentence_count if sentence_count else 0.0
    terms = {
        "word_load": load * per,
        "function_words": function_words * per,
        "passives": passives * per,
        "officialese": officialese * per,
        "nominal_style": nominal * per,
        "brackets_slashes": marks * per,
        "commas": commas * per,
        "abbreviations": abbreviations * per,
        "loanwords": loanwords * per,
    }
    asl = word_count * per
    spw = syllable_count / word_count if word_count else 0.0
    score = combined_score(difficulty(terms, model), model) if word_count else 100.0  # nothing to read: easy
    return Indicators(
        sentences=sentence_count,
        words=word_count,
        syllables=syllable_count,
        average_sentence_length=asl,
        long_sentence_share=long_count * per,
        syllables_per_word=spw,
        flesch_douma=206.835 - 0.93 * asl - 77.0 * spw,
        brouwer=195.0 - 2.0 * asl - (200.0 / 3.0) * spw,
        infrequent_word_share=infrequent / word_count if word_count else 0.0,
        style_hits=passives + officialese + nominal,
        score=score,
        label=label_for(score, model),
        terms=terms,
    )
