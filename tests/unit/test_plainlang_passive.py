"""Passive voice: a form of "worden" with a past participle."""

from __future__ import annotations

import pytest

from a11y_audit.plainlang import find_problems
from a11y_audit.plainlang.findings import PASSIVE_VOICE
from a11y_audit.plainlang.passive import find_passives, is_participle

PASSIVE = [
    ("De aanvraag wordt door de dienst behandeld.", "behandeld"),
    ("Uw kaart werd gisteren verzonden.", "verzonden"),
    ("De brief moet nog worden verstuurd.", "verstuurd"),
    ("Omdat de aanvraag door de dienst behandeld wordt, duurt het even.", "behandeld"),
    ("Dat de brief verzonden zal worden, is zeker.", "verzonden"),
    ("Er wordt veel gelachen.", "gelachen"),
    ("De formulieren worden aangevraagd via het loket.", "aangevraagd"),
    ("Het is door de stad betaald geworden.", "betaald"),
    ("Uw aanvraag wordt binnen tien dagen ingediend.", "ingediend"),
    ("De kosten worden opgenomen in de begroting.", "opgenomen"),
    ("De regels werden vastgesteld door de gemeenteraad.", "vastgesteld"),
    ("De beslissing werd genomen.", "genomen"),
    ("Het gebouw wordt gerenoveerd.", "gerenoveerd"),
    ("Het contract wordt ondertekend.", "ondertekend"),
    ("De documenten worden besproken op de vergadering.", "besproken"),
    ("De bestelling werd ontvangen.", "ontvangen"),
    ("Dit wordt ons gegeven.", "gegeven"),
    ("De tekst werd geschreven door de schepen.", "geschreven"),
    ("De brief dient verstuurd te worden.", "verstuurd"),
    ("De aanvraag wordt (na controle) goedgekeurd.", "goedgekeurd"),
    ("Het bedrag wordt teruggestort.", "teruggestort"),
    ("De werken worden aanbesteed.", "aanbesteed"),
    ("Het verlof wordt niet automatisch hervat.", "hervat"),
    ("De foto's worden geprint.", "geprint"),
]

ACTIVE = [
    "Het wordt koud.",
    "Hij wordt leraar.",
    "Het wordt een totaaladvies in de vorm van een rapport.",
    "Het weer wordt beter.",
    "Dit wordt een groot gebied.",
    "Zij is beroemd geworden.",
    "Het is koud geworden.",
    "Ik word morgen dertig.",
    "Hij wordt ziek als hij dat eet.",
    "Het wordt tijd dat de brief vertrekt.",
    "Het wordt koud en de dag verandert.",
    "Wat wordt uw bijdrage?",
    "De brief is verzonden.",
    "De dienst behandelt uw aanvraag.",
    "Wij sturen u de kaart.",
    "Het wordt gezond eten.",
    "Zij worden verschillend beoordeeld door leraars en ouders.",
]


@pytest.mark.parametrize(("sentence", "participle"), PASSIVE)
def test_passive_sentences(sentence: str, participle: str) -> None:
    found = find_passives(sentence)
    assert [m.participle for m in found][:1] == [participle]


def test_passive_except_verschillend() -> None:
    # "verschillend" is no participle; "beoordeeld" is, and makes the passive
    assert [m.participle for m in find_passives(ACTIVE[-1])] == ["beoordeeld"]


@pytest.mark.parametrize("sentence", ACTIVE[:-1])
def test_not_passive(sentence: str) -> None:
    assert find_passives(sentence) == []


def test_offsets_cover_auxiliary_and_participle() -> None:
    sentence = "Uw kaart werd gisteren verzonden."
    (match,) = find_passives(sentence)
    assert sentence[match.start:match.end] == "werd gisteren verzonden"


@pytest.mark.parametrize(
    "word",
    ["gedaan", "gegeven", "geschreven", "gebracht", "gekomen", "genomen", "gevonden",
     "ontvangen", "verzonden", "besproken", "behandeld", "gemaakt", "aangevraagd",
     "ingediend", "geïnformeerd", "erkend", "verstuurd", "opgenomen", "toegewezen"],
)
def test_participles(word: str) -> None:
    assert is_participle(word)


@pytest.mark.parametrize(
    "word",
    ["gebied", "gezond", "geld", "verandert", "bestaat", "verschillend", "bekend",
     "beleid", "gezondheid", "besteedt", "koud", "leraar", "geworden", "geweest"],
)
def test_not_participles(word: str) -> None:
    assert not is_participle(word)


def test_passive_finding_has_dutch_advice_and_offsets() -> None:
    text = "Welkom. De aanvraag wordt door de dienst behandeld."
    (finding,) = [f for f in find_problems([("p", text)]) if f.rule_id == PASSIVE_VOICE]
    assert finding.sentence == "De aanvraag wordt door de dienst behandeld."
    assert text[finding.start:finding.end] == finding.text == "wordt door de dienst behandeld"
    assert "wie" in finding.explanation and "actief" in finding.suggestion
