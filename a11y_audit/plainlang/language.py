"""Which language a text is in: Dutch, French, English or German.

The detector is Lingua (``lingua-language-detector``; its models ship in the
package, nothing is downloaded), restricted to the languages in
``rules/plainlang/languages.yaml``, and to the language a lang attribute names
when that is another language Lingua knows (``detect(text, also="da")``: a
Danish text must have the chance to be Danish before it can be called English).
Short texts are not detected at all.  A
result is "likely" when the detector is confident, and "sure" only when the
text is long, the detector is very confident AND the text's function words
("het", "een", "the", "les", "und") point to the same language: a second,
independent signal, so that a check that says "failed" is right.

Detection is deterministic and cached per text, so the checks stay pure
functions of the snapshots and a text seen by two checks is detected once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .rules import as_str_tuple, load_rules, rules_dir

_WORD_RE = re.compile(r"[^\W\d_]+")
_MAX_CHARS = 5000  # enough to know a language; bounds the time on huge blocks


@dataclass(frozen=True)
class Detection:
    """The language of one text."""

    language: str  # "nl", "fr", "en", "de"; "" when not detected (too short)
    confidence: float  # the detector's confidence in ``language``, 0..1
    chars: int  # length of the text (white space collapsed)
    likely: bool  # confident enough to act on quietly (leave the text out, "cannot tell")
    sure: bool  # long, very confident and the function words agree: enough for "failed"


@dataclass(frozen=True)
class LanguageRules:
    languages: tuple[str, ...]
    min_chars: int
    likely_confidence: float
    sure_confidence: float
    sure_chars: int
    function_words: Mapping[str, frozenset[str]]  # words of exactly one language
    min_share: float
    dominance: float


def primary(tag: str) -> str:
    """The primary language subtag: "nl-BE" -> "nl", " EN_us " -> "en", "" -> ""."""
    return tag.strip().replace("_", "-").split("-", 1)[0].lower()


@lru_cache(maxsize=4)
def _rules_for(_key: str) -> LanguageRules:
    data: dict[str, Any] = load_rules("languages") or {}
    languages = tuple(primary(code) for code in as_str_tuple(data.get("languages")))
    words_data = data.get("function_words") or {}
    lists = {lang: frozenset(w.lower() for w in as_str_tuple(words_data.get(lang))) for lang in languages}
    shared = {w for lang, ws in lists.items() for w in ws if any(w in other for o, other in lists.items() if o != lang)}
    return LanguageRules(
        languages=languages,
        min_chars=int(data.get("min_chars", 40)),
        likely_confidence=float(data.get("likely_confidence", 0.8)),
        sure_confidence=float(data.get("sure_confidence", 0.95)),
        sure_chars=int(data.get("sure_chars", 200)),
        function_words={lang: ws - shared for lang, ws in lists.items()},
        min_share=float(words_data.get("min_share", 0.08)),
        dominance=float(words_data.get("dominance", 2.0)),
    )


def language_rules() -> LanguageRules:
    """The detection settings from ``languages.yaml``."""
    return _rules_for(str(rules_dir()))


def known_to_detector(code: str) -> bool:
    """Whether Lingua has a model for this primary language subtag ("da": yes, "lb": no)."""
    from lingua import IsoCode639_1

    return len(code) == 2 and code.isalpha() and hasattr(IsoCode639_1, code.upper())


@lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
    # low accuracy mode: trigram models only, 34 MB and 0.1 s to load instead of about 200 MB and 2 s;
    # the function words make up for its weaker judgement of short texts (see ``detect``)
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().with_preloaded_language_models().build()


def function_word_shares(text: str, rules: LanguageRules | None = None) -> dict[str, float]:
    """Per language: the share of the words of ``text`` that are its function words."""
    rules = rules or language_rules()
    found = [w.lower() for w in _WORD_RE.findall(text)]
    if not found:
        return {lang: 0.0 for lang in rules.languages}
    return {lang: sum(w in ws for w in found) / len(found) for lang, ws in rules.function_words.items()}


def function_words_agree(text: str, language: str, rules: LanguageRules | None = None) -> bool:
    """Whether the function words of ``text`` clearly point to ``language``."""
    rules = rules or language_rules()
    shares = function_word_shares(text, rules)
    own = shares.get(language, 0.0)
    others = max((v for lang, v in shares.items() if lang != language), default=0.0)
    return own >= rules.min_share and own >= rules.dominance * others


@lru_cache(maxsize=8192)
def _detect(text: str, _key: str, also: str) -> Detection:
    rules = language_rules()
    clean = " ".join(text.split())
    if len(clean) < rules.min_chars or not rules.languages:
        return Detection("", 0.0, len(clean), False, False)
    languages = rules.languages + ((also,) if also else ())
    values = _detector(languages).compute_language_confidence_values(clean[:_MAX_CHARS])
    if not values:
        return Detection("", 0.0, len(clean), False, False)
    top = values[0]
    language = top.language.iso_code_639_1.name.lower()
    confidence = float(top.value)
    agree = function_words_agree(clean, language, rules)  # never for ``also``: it has no function words here
    likely = confidence >= rules.likely_confidence and agree
    sure = likely and len(clean) >= rules.sure_chars and confidence >= rules.sure_confidence
    return Detection(language, round(confidence, 4), len(clean), likely, sure)


def detect(text: str, also: str = "") -> Detection:
    """The language of ``text`` among the configured languages, and ``also`` (a primary subtag) when Lingua knows it.

    A text found to be in ``also`` is never "likely": there are no function words to confirm it. That is
    enough for the checks, which only act on a text found to be in another language than its lang attribute.
    """
    also = also if also and also not in language_rules().languages and known_to_detector(also) else ""
    return _detect(text, str(rules_dir()), also)
