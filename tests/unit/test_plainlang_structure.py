"""Whole-text rules and the find_problems API."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from a11y_audit.plainlang import PlainLangSettings, TextFinding, find_problems
from a11y_audit.plainlang import findings as ids
from a11y_audit.plainlang.rules import DEFAULT_RULES_ROOT, ENV_VAR
from a11y_audit.plainlang.wording import find_officialese


def rule_hits(blocks: list[tuple[str, str]], rule: str,
              settings: PlainLangSettings | None = None) -> list[TextFinding]:
    return [f for f in find_problems(blocks, settings) if f.rule_id == rule]


# --- abbreviations -------------------------------------------------------

def test_unexplained_abbreviation_on_first_use_only() -> None:
    blocks = [("p", "Vraag het aan het OCMW. Het OCMW helpt u."), ("p", "Betaal de BTW.")]
    found = rule_hits(blocks, ids.UNEXPLAINED_ABBREVIATION)
    assert [(f.block, f.text, f.start) for f in found] == [(0, "OCMW", 18), (1, "BTW", 10)]
    assert "voluit" in found[0].suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Het Openbaar Centrum voor Maatschappelijk Welzijn (OCMW) helpt u. Het OCMW is open.",
        "Het OCMW (Openbaar Centrum voor Maatschappelijk Welzijn) helpt u.",
        "De VDAB, dat is de Vlaamse Dienst voor Arbeidsbemiddeling, helpt u.",
        "Bewaar de PDF op uw pc. Dat is OK.",  # known ones
        "Dit staat in hoofdstuk III.",  # Roman numeral
        "LEES DIT EERST: UW AANVRAAG BIJ HET OCMW",  # all capitals
    ],
)
def test_explained_or_known_abbreviations(text: str) -> None:
    assert rule_hits([("p", text)], ids.UNEXPLAINED_ABBREVIATION) == []


def test_explanation_after_first_use_does_not_count() -> None:
    blocks = [("p", "Ga naar het OCMW."), ("p", "Het Openbaar Centrum (OCMW) is open.")]
    assert [f.block for f in rule_hits(blocks, ids.UNEXPLAINED_ABBREVIATION)] == [0]


# --- u and je ------------------------------------------------------------

def test_mixing_u_and_je() -> None:
    blocks = [("h1", "Uw aanvraag"), ("p", "U krijgt een brief. Daarna kan je bellen."),
              ("p", "Bewaar uw kaart.")]
    (finding,) = rule_hits(blocks, ids.MIXED_ADDRESS)
    assert (finding.block, finding.text, finding.sentence) == (1, "je", "Daarna kan je bellen.")
    assert "3 keer" in finding.explanation and "1 keer" in finding.explanation


@pytest.mark.parametrize(
    "text",
    ["U krijgt een brief. Bewaar uw kaart.", "Je krijgt een brief. Bewaar jouw kaart.",
     "Jullie krijgen een brief."],
)
def test_one_form_of_address_is_fine(text: str) -> None:
    assert rule_hits([("p", text)], ids.MIXED_ADDRESS) == []


# --- sentences, paragraphs, headings -------------------------------------

def test_long_sentence_thresholds_are_configurable() -> None:
    sentence = " ".join(["woord"] * 22) + "."
    assert len(rule_hits([("p", sentence)], ids.LONG_SENTENCE)) == 1
    relaxed = PlainLangSettings(long_sentence_words=25, very_long_sentence_words=40)
    assert rule_hits([("p", sentence)], ids.LONG_SENTENCE, relaxed) == []
    very = " ".join(["woord"] * 35) + "."
    (finding,) = rule_hits([("p", very)], ids.LONG_SENTENCE)
    assert "heel lang" in finding.explanation and (finding.start, finding.end) == (0, len(very))


def test_long_paragraph() -> None:
    paragraph = ". ".join(["Dit is een korte zin"] * 30) + "."  # 150 words
    blocks = [("h2", "Kop"), ("p", paragraph), ("p", "Kort.")]
    found = rule_hits(blocks, ids.LONG_PARAGRAPH)
    assert [(f.block, f.start) for f in found] == [(1, None)]
    assert rule_hits(blocks, ids.LONG_PARAGRAPH, PlainLangSettings(long_paragraph_words=200)) == []


def test_long_text_without_headings() -> None:
    paragraph = ". ".join(["Dit is een korte zin"] * 16) + "."  # 80 words
    blocks = [("h1", "Titel"), *[("p", paragraph)] * 5, ("h2", "Kop"), ("p", paragraph)]
    found = rule_hits(blocks, ids.MISSING_HEADINGS)
    assert [f.block for f in found] == [4]  # 320 words after the title, past 300 there
    assert "400 woorden" in found[0].explanation
    relaxed = PlainLangSettings(words_without_heading=500)
    assert rule_hits(blocks, ids.MISSING_HEADINGS, relaxed) == []


# --- API -----------------------------------------------------------------

def test_findings_are_frozen_and_sorted() -> None:
    blocks = [("p", "Indien u wil, kan je bellen. De brief wordt verzonden."),
              ("p", "Gelieve te betalen.")]
    found = find_problems(blocks)
    assert [f.block for f in found] == sorted(f.block for f in found)
    assert {f.rule_id for f in found} <= set(ids.RULE_IDS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].text = "x"  # type: ignore[misc]


def test_disabled_rules_and_settings_validation() -> None:
    blocks = [("p", "Indien u wil, gelieve te bellen.")]
    settings = PlainLangSettings(disabled_rules=(ids.OFFICIALESE,))
    assert all(f.rule_id != ids.OFFICIALESE for f in find_problems(blocks, settings))
    with pytest.raises(ValueError):
        PlainLangSettings(long_sentence_words=30, very_long_sentence_words=20)


def test_empty_input() -> None:
    assert find_problems([]) == []
    assert find_problems([("p", ""), ("h1", "")]) == []


def test_rules_folder_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DEFAULT_RULES_ROOT / "plainlang", tmp_path / "plainlang")
    extra = "  - {term: zuiplap, use: dronkaard, region: VL}\n"
    with (tmp_path / "plainlang" / "officialese.yaml").open("a", encoding="utf-8") as handle:
        handle.write(extra)
    assert find_officialese("Een zuiplap.") == []
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert [m.term for m in find_officialese("Een zuiplap.")] == ["zuiplap"]
    monkeypatch.delenv(ENV_VAR)
    assert find_officialese("Een zuiplap.") == []
