"""Dutch sentence splitting and word tokenising."""

from __future__ import annotations

import pytest

from a11y_audit.plainlang import sentence_spans, split_sentences, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations that never end a sentence
        ("Neem contact op met dhr. Peeters of mevr. Janssens. Zij helpen u.",
         ["Neem contact op met dhr. Peeters of mevr. Janssens.", "Zij helpen u."]),
        ("Lees o.a. De Standaard, bv. Het Nieuwsblad. Of niet.",
         ["Lees o.a. De Standaard, bv. Het Nieuwsblad.", "Of niet."]),
        ("Zie art. 5 en blz. 12 van het reglement. Dat is alles.",
         ["Zie art. 5 en blz. 12 van het reglement.", "Dat is alles."]),
        ("Dat is m.a.w. te laat, d.w.z. na de termijn. Kom i.p.v. te bellen.",
         ["Dat is m.a.w. te laat, d.w.z. na de termijn.", "Kom i.p.v. te bellen."]),
        ("Open van ma. t.e.m. vr. tussen 9 en 12 uur. T.a.v. de dienst Burgerzaken.",
         ["Open van ma. t.e.m. vr. tussen 9 en 12 uur.", "T.a.v. de dienst Burgerzaken."]),
        ("Het kost ca. 20 euro, incl. btw. Excl. verzending is het min. 15 euro.",
         ["Het kost ca. 20 euro, incl. btw.", "Excl. verzending is het min. 15 euro."]),
        # an abbreviation that can close a sentence
        ("We verkopen appels, peren enz. Daarna gaan we naar huis.",
         ["We verkopen appels, peren enz.", "Daarna gaan we naar huis."]),
        ("Breng uw identiteitskaart, rijbewijs e.d. mee. Dan gaat het snel.",
         ["Breng uw identiteitskaart, rijbewijs e.d. mee.", "Dan gaat het snel."]),
        ("Kom op tijd a.u.b. De deur sluit om 9 uur.",
         ["Kom op tijd a.u.b.", "De deur sluit om 9 uur."]),
        # numbers and dates
        ("Dat kost 1.500 euro. De betaling volgt om 12.30 uur. Klaar.",
         ["Dat kost 1.500 euro.", "De betaling volgt om 12.30 uur.", "Klaar."]),
        ("Zie de punten 3. 4. en 5. van de lijst. Dan weet u het.",
         ["Zie de punten 3. 4. en 5. van de lijst.", "Dan weet u het."]),
        ("Op 1 jan. 2025 start het project. Het eindigt op 31 dec. 2026.",
         ["Op 1 jan. 2025 start het project.", "Het eindigt op 31 dec. 2026."]),
        ("Het gebeurde in 2020. Daarna werd het beter.",
         ["Het gebeurde in 2020.", "Daarna werd het beter."]),
        # initials
        ("De brief is van J. Peeters. Hij schreef hem zelf.",
         ["De brief is van J. Peeters.", "Hij schreef hem zelf."]),
        ("Schepen A.M. De Vos en J.-P. Claes waren er. Zij spraken.",
         ["Schepen A.M. De Vos en J.-P. Claes waren er.", "Zij spraken."]),
        # URLs and e-mail addresses
        ("Ga naar www.vlaanderen.be/contact. Daar vindt u meer.",
         ["Ga naar www.vlaanderen.be/contact.", "Daar vindt u meer."]),
        ("Zie https://www.gent.be/e-loket?id=3. Mail naar info@stad.gent. Of bel ons.",
         ["Zie https://www.gent.be/e-loket?id=3.", "Mail naar info@stad.gent.", "Of bel ons."]),
        ("Mail naar jan.peeters@antwerpen.be als u vragen hebt.",
         ["Mail naar jan.peeters@antwerpen.be als u vragen hebt."]),
        # ellipses inside a sentence
        ("Ik dacht ... misschien toch niet. Goed.", ["Ik dacht ... misschien toch niet.", "Goed."]),
        ("Het was… nogal vreemd.", ["Het was… nogal vreemd."]),
        # question and exclamation marks, quotes
        ("Hebt u vragen? Bel ons! Wij helpen graag.",
         ["Hebt u vragen?", "Bel ons!", "Wij helpen graag."]),
        ('Hij zei: "Kom morgen." Daarna ging hij weg.',
         ['Hij zei: "Kom morgen."', "Daarna ging hij weg."]),
        # blank lines and list items
        ("Titel zonder punt\n\nEerste alinea. Tweede zin",
         ["Titel zonder punt", "Eerste alinea.", "Tweede zin"]),
        ("Breng mee:\n- uw kaart\n- een foto", ["Breng mee:", "- uw kaart", "- een foto"]),
        # a lower-case word after a period does not start a sentence
        ("De termijn is 30 d. na ontvangst.", ["De termijn is 30 d. na ontvangst."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []


def test_spans_point_into_the_text() -> None:
    text = "  Eerste zin.  Tweede zin? Derde "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Eerste zin.", "Tweede zin?", "Derde"]


def test_abbreviation_case_does_not_matter() -> None:
    assert len(split_sentences("Dhr. Peeters en Mevr. Claes komen. Welkom.")) == 2


def test_words_keep_compounds_and_apostrophes() -> None:
    assert words("De auto's en e-mails van 's avonds, ’t is laat.") == [
        "De", "auto's", "en", "e-mails", "van", "'s", "avonds", "’t", "is", "laat",
    ]


def test_words_skip_numbers_and_punctuation() -> None:
    assert words("COVID-19: 1.500 euro (ca. 20%)!") == ["COVID", "euro", "ca"]
    assert words("Coördinatie, geïnteresseerd en ideeën.") == [
        "Coördinatie", "geïnteresseerd", "en", "ideeën",
    ]
