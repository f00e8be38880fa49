"""Officialese and nominal style."""

from __future__ import annotations

import pytest

from a11y_audit.plainlang import find_problems
from a11y_audit.plainlang.findings import NOMINAL_STYLE, OFFICIALESE
from a11y_audit.plainlang.wording import (
    WordingMatch,
    _drop_overlaps,
    find_nominal,
    find_officialese,
    nominal_frames,
    officialese_entries,
    verb_for,
)


@pytest.mark.parametrize(
    ("text", "term", "use"),
    [
        ("Teneinde uw aanvraag te behandelen, hebben we uw kaart nodig.", "teneinde", "om"),
        ("U betaalt middels overschrijving.", "middels", "met / via"),
        ("U dient het formulier te ondertekenen.", "dienen te", "moeten"),
        ("U dient het formulier voor 1 mei terug te sturen.", "dienen te", "moeten"),
        ("Gelieve ons te bellen.", "gelieve", "wilt u / graag"),
        ("Desgevallend nemen wij contact op.", "desgevallend", "als dat nodig is"),
        ("Het bovenvermelde bedrag is te betalen.", "bovenvermeld", "dit / deze"),
        ("Indien u vragen hebt, bel ons.", "indien", "als"),
        ("Wij zijn thans gesloten.", "thans", "nu"),
        ("Wij trachten u snel te helpen.", "trachten", "proberen"),
        ("Meer informatie omtrent de premie vindt u online.", "omtrent", "over"),
        ("Betaal onverwijld.", "onverwijld", "meteen"),
        ("Dit is ten behoeve van de inwoners.", "ten behoeve van", "voor"),
        ("Vragen met betrekking tot de premie.", "met betrekking tot", "over"),
        ("In het kader van de renovatie sluit het zwembad.", "in het kader van", "bij / voor"),
        ("Wij sturen de brief, alsook de factuur.", "alsook", "en / ook"),
        ("Informatie inzake de belasting.", "inzake", "over"),
        ("Derhalve is de aanvraag geweigerd.", "derhalve", "daarom"),
        ("Aangaande uw vraag het volgende.", "aangaande", "over"),
        ("U moet ons tijdig verwittigen.", "verwittigen", "laten weten / waarschuwen"),
        ("De leges bedragen 25 euro.", "leges", "kosten / prijs"),
        ("Dat is immers de regel.", "immers", "want / namelijk"),
        ("Wij werken transparant.", "transparant", "open / duidelijk"),
        ("Wij hebben de aanvraag geëvalueerd.", "evalueren", "nagaan hoe het ging / beoordelen"),
        ("Een drietal woningen staat leeg.", "drietal", "het getal zelf (twee / drie / vier ...)"),
        ("Wij sturen u de beschikking per post.", "beschikking", "besluit"),
        ("Mede daardoor duurt het langer.", "mede", "ook / mee"),
        ("Neem contact op i.v.m. uw afspraak.", "i.v.m.", "over / door"),
        ("De subsidie wordt uitgekeerd in juni.", "uitkeren", "betalen"),
    ],
)
def test_officialese_matches(text: str, term: str, use: str) -> None:
    found = find_officialese(text)
    assert [(m.term, m.advice) for m in found] == [(term, use)]
    assert text[found[0].start:found[0].end] == found[0].text


def test_officialese_is_case_insensitive_and_multiword() -> None:
    found = find_officialese("TEN BEHOEVE VAN de stad en Met  Betrekking\nTot het plan.")
    assert [m.term for m in found] == ["ten behoeve van", "met betrekking tot"]


@pytest.mark.parametrize(
    "text",
    [
        "De indiener van de aanvraag.",  # "indien" inside a word
        "Wij zijn met drie.",  # "met" alone is fine
        "Het kader is rood.",
        "Bij deze aanvraag hoort een foto.",
        "Een thansje bestaat niet.",
        "Het complex aan de Dorpsstraat krijgt nieuwe ramen.",  # the building, not "ingewikkeld"
        "De mede-eigenaar tekent ook.",
        "Wij staan tot uw beschikking. De zaal staat ter beschikking van de club.",  # "besluit" makes no sense here
    ],
)
def test_officialese_matches_whole_words_only(text: str) -> None:
    assert find_officialese(text) == []


def test_officialese_list_is_large_and_complete() -> None:
    entries = officialese_entries()
    assert len(entries) >= 60
    assert all(entry.use for entry in entries)
    assert {"VL", "NL", "both"} >= {entry.region for entry in entries}


def test_officialese_finding() -> None:
    (finding,) = find_problems([("p", "Gelieve het formulier terug te sturen.")])
    assert finding.rule_id == OFFICIALESE
    assert finding.text == "Gelieve" and (finding.start, finding.end) == (0, 7)
    assert "wilt u / graag" in finding.suggestion


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Wij gaan over tot betaling van de premie.", "betaling"),
        ("De stad zorgt voor de afhandeling van uw dossier.", "afhandeling"),
        ("Het doen van een aanvraag kan online.", "aanvraag"),
        ("De betaling vindt plaats via overschrijving.", "betaling"),
        ("Wij willen samen tot een oplossing komen.", "oplossing"),
        ("Wij geven uitvoering aan het plan.", "uitvoering"),
        ("Wij nemen uw vraag in behandeling nemen.", "behandeling"),
        ("Het contract ligt ter ondertekening klaar.", "ondertekening"),
    ],
)
def test_nominal_style(text: str, noun: str) -> None:
    assert [m.noun for m in find_nominal(text)] == [noun]


@pytest.mark.parametrize(
    "text",
    [
        "De verordening geeft aan dat het mag.",
        "Wij zorgen voor u.",
        "De woning heeft verwarming.",
        "Wij betalen de premie.",
    ],
)
def test_not_nominal_style(text: str) -> None:
    assert find_nominal(text) == []


def test_nominal_finding_suggests_the_verb() -> None:
    found = [f for f in find_problems([("p", "Wij gaan over tot betaling.")])
             if f.rule_id == NOMINAL_STYLE]
    assert len(found) == 1 and "betalen" in found[0].suggestion


@pytest.mark.parametrize(
    ("noun", "verb"),
    [("betaling", "betalen"), ("registratie", "registreren"), ("planning", "plannen"),
     ("behandelingen", "behandelen"), ("organisatie", "organiseren")],
)
def test_verb_for(noun: str, verb: str) -> None:
    assert verb_for(noun) == verb


SEARCHED = [
    "Indien u het formulier reeds heeft ingediend, dient u niets te doen. INDIEN NIET: bel ons.",
    "İndien u dat wilt (İ wordt twee tekens in kleine letters), kan dat teneinde alles te regelen.",
    "Wij zijn thans gesloten en thanſ (met een lange s) ook; ındien u wilt, kom morgen.",
    "Ten aanzien van de aanvraag: in het kader van de wet, ten behoeve van u, in casu de aanvrager.",
    "Dienen te, dien te, dienden te worden: de aanvragen dienden door u te worden ondertekend.",
    "Wij gaan thans over tot betaling. De betaling vindt morgen plaats. Ter ondertekening. Het doen van een aanvraag.",
    "Wat c.q. of dan wel: conform de wet, conform met, zorg dragen voor de opvolging.",
]


@pytest.mark.parametrize("text", SEARCHED)
def test_officialese_and_nominal_style_find_what_each_pattern_finds(text: str) -> None:
    """The shortcuts (needles, one expression for all frames) find what every pattern finds on its own."""
    officialese = [WordingMatch(m.start(), m.end(), m.group(), e.term, e.use)
                   for e in officialese_entries() for m in e.pattern.finditer(text)]
    assert find_officialese(text) == _drop_overlaps(officialese) != []
    nominal = [WordingMatch(m.start(), m.end(), m.group(), f.id, f.example, m.group("noun"))
               for f in nominal_frames() for p in f.patterns for m in p.finditer(text)]
    assert find_nominal(text) == _drop_overlaps(nominal)


def test_officialese_shortcuts_on_entries_that_share_a_start(tmp_path, monkeypatch) -> None:
    """An entry whose first letters begin another entry's word, and a match inside an earlier match."""
    (tmp_path / "plainlang").mkdir()
    (tmp_path / "plainlang" / "officialese.yaml").write_text(
        "entries:\n"
        "  - {term: dient, use: moet}\n"
        "  - {term: dienen te, forms: [], patterns: ['dien(?:t|en)\\s+te'], use: moeten}\n"
        "  - {term: aa bb, use: x}\n"
        "  - {term: bb cc, forms: [], patterns: ['bb(?:\\s+\\w+)+?\\s+cc'], use: y}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("A11Y_AUDIT_RULES", str(tmp_path))
    for text, terms in (("U dient te betalen.", ["dienen te"]), ("aa bb 1 bb 2 cc", ["aa bb"])):
        naive = [WordingMatch(m.start(), m.end(), m.group(), e.term, e.use)
                 for e in officialese_entries() for m in e.pattern.finditer(text)]
        found = find_officialese(text)
        assert found == _drop_overlaps(naive) and [m.term for m in found] == terms
