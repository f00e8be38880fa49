"""Readability indicators and the combined score."""

from __future__ import annotations

import dataclasses

import pytest

from a11y_audit.plainlang import Indicators, PlainLangSettings, analyse
from a11y_audit.plainlang.indicators import combined_score, label_for, score_model

LABELS = {"heel eenvoudig", "eenvoudig", "redelijk", "moeilijk", "heel moeilijk"}

PLAIN = "Kom naar het loket. Neem uw kaart mee."
OFFICIAL = (
    "Teneinde de bovenvermelde aanvraag in behandeling te kunnen nemen, dient u middels "
    "het daartoe bestemde formulier de benodigde documenten onverwijld aan de "
    "dienstverlenende entiteit te bezorgen, waarna uw dossier door de bevoegde "
    "administratieve diensten zal worden afgehandeld."
)


def test_counts_and_classic_formulas() -> None:
    ind = analyse([PLAIN])
    assert (ind.sentences, ind.words, ind.syllables) == (2, 8, 9)
    assert ind.average_sentence_length == pytest.approx(4.0)
    assert ind.syllables_per_word == pytest.approx(9 / 8)
    assert ind.flesch_douma == pytest.approx(206.835 - 0.93 * 4 - 77 * 9 / 8)
    assert ind.brouwer == pytest.approx(195 - 2 * 4 - 200 / 3 * 9 / 8)
    assert ind.long_sentence_share == 0.0
    assert ind.style_hits == 0


def test_texts_are_taken_together() -> None:
    assert analyse(["Kom naar het loket.", "Neem uw kaart mee."]) == analyse([PLAIN])


def test_long_sentence_share_uses_the_setting() -> None:
    text = " ".join(["woord"] * 15) + ". Kort."
    assert analyse([text]).long_sentence_share == 0.0
    assert analyse([text], PlainLangSettings(long_sentence_words=10)).long_sentence_share == 0.5


def test_infrequent_words() -> None:
    assert analyse(["Wij gaan naar het huis van de stad."]).infrequent_word_share == 0.0
    ind = analyse(["Het sanctioneren van decentrale transformaties."])
    assert ind.infrequent_word_share > 0.0
    names = analyse(["Wij gaan met Kwabena naar Zwijndrecht."])  # names are not vocabulary
    assert names.infrequent_word_share == 0.0


def test_plain_text_scores_higher_than_officialese() -> None:
    plain, official = analyse([PLAIN]), analyse([OFFICIAL])
    assert 0.0 <= official.score < plain.score <= 100.0
    assert plain.label in {"heel eenvoudig", "eenvoudig"}
    assert official.label in {"moeilijk", "heel moeilijk"}
    assert official.style_hits >= 4


def test_score_falls_with_difficulty_and_labels_cover_the_range() -> None:
    scores = [combined_score(load) for load in range(0, 400, 10)]
    assert scores == sorted(scores, reverse=True)
    assert {label_for(s) for s in range(0, 101)} == LABELS
    assert label_for(100.0) == "heel eenvoudig" and label_for(0.0) == "heel moeilijk"
    assert score_model().midpoint > 0


def test_empty_text() -> None:
    ind = analyse([])
    assert (ind.sentences, ind.words, ind.score) == (0, 0, 100.0)
    assert analyse(["", "  "]) == ind


def test_indicators_are_frozen() -> None:
    ind = analyse([PLAIN])
    assert isinstance(ind, Indicators)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ind.score = 0.0  # type: ignore[misc]


def test_terms_count_abbreviations_loanwords_and_asides_per_sentence() -> None:
    terms = analyse(["Dit is cruciaal voor een structurele aanpak, o.a. 40% meer woningen (MRA). "
                     "Wij helpen u."]).terms
    assert terms["abbreviations"] == pytest.approx(3 / 2)  # o.a., %, MRA
    assert terms["loanwords"] == pytest.approx(2 / 2)  # cruciaal, structurele
    assert terms["brackets_slashes"] == pytest.approx(1 / 2)
    assert terms["commas"] == pytest.approx(1 / 2)
    plain = analyse(["Dit is belangrijk voor een blijvende aanpak: veel meer woningen."]).terms
    assert plain["loanwords"] == 0 and plain["abbreviations"] == 0


def test_rare_words_weigh_more_than_everyday_words() -> None:
    rare = analyse(["De retributie wordt geïnd."])
    everyday = analyse(["U betaalt het geld."])
    assert rare.terms["word_load"] > everyday.terms["word_load"]
    assert rare.score < everyday.score
