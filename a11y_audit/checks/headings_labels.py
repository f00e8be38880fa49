"""Headings and form labels that do not describe their topic or purpose (WCAG 2.4.6).

Whether a heading or a label is descriptive is for a person to judge. What is certain: a heading
without any text (an accessible name that is empty: ``<h2></h2>``, a heading holding only an image
with alt="" or hidden text) describes nothing; "failed". A heading with text from CSS generated
content only (``::before``) is not judged: screen readers read that text, axe-core's name leaves it
out. Evidence, to review: a heading or label that is only punctuation, a placeholder left in a
template ("Titel", "Lorem ipsum"), a file name, or a label that names no data ("Info", "Menu").
The texts are in ``rules/headings-labels.yaml``. Form fields without any name are axe-core's
``label`` rule, not repeated here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..paths import load_rules_yaml
from ..snapshot import PageSnapshot
from .base import CANT_TELL, Check, Finding, Texts
from .pages import page_url

_ENDS = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_WORD = re.compile(r"[^\W_]")  # a letter or digit, in any script


@dataclass(frozen=True)
class _Rules:
    file_name: tuple[re.Pattern[str], ...]
    heading_placeholders: frozenset[str]
    vague_labels: frozenset[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_rules_yaml("headings-labels.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(t).lower() for texts in data[key].values() for t in texts)

    return _Rules(tuple(re.compile(p, re.IGNORECASE) for p in data["file_name"]),
                  words("heading_placeholders"), words("vague_labels"))


def _problem(text: str, placeholders: frozenset[str]) -> str:
    """Why ``text`` (a heading or label that is not empty) says nothing, or ""."""
    text = " ".join(text.split())
    if not _WORD.search(text):
        return f"'{text}' bestaat alleen uit leestekens of symbolen"
    core = " ".join(_ENDS.sub("", text.lower()).split())
    if any(rx.search(text) for rx in _rules().file_name):
        return f"'{text[:80]}' is een bestandsnaam"
    if core in placeholders or core.startswith("lorem ipsum"):
        return f"'{text[:80]}' is een tekst die in een sjabloon is blijven staan of niets over de inhoud zegt"
    return ""


def _headings(snapshot: PageSnapshot) -> Iterable[Finding]:
    url = page_url(snapshot)
    for heading in snapshot.headings:
        if not heading.text.strip():
            if not heading.css_text:
                yield HEADING_EMPTY.finding(
                    url, selector=heading.selector, snippet=f"h{heading.level}",
                    message=f"kop van niveau {heading.level} zonder tekst: een schermlezer meldt een kop, maar leest niets voor",
                )
            continue
        problem = _problem(heading.text, _rules().heading_placeholders)
        if problem:
            yield HEADING_UNCLEAR.finding(url, selector=heading.selector, snippet=heading.text[:200],
                                          message=f"de kop {problem}", outcome=CANT_TELL)


def _labels(snapshot: PageSnapshot) -> Iterable[Finding]:
    url = page_url(snapshot)
    for field in snapshot.form_fields:
        if not field.name.strip():
            continue  # no name at all: axe-core's label rule
        problem = _problem(field.name, _rules().vague_labels)
        if problem:
            yield LABEL_UNCLEAR.finding(url, selector=field.selector, snippet=field.name[:200],
                                        message=f"het label {problem}", outcome=CANT_TELL)


HEADING_EMPTY = Check(
    id="heading-empty",
    criteria=("2.4.6",),
    impact="moderate",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/headings-and-labels.html",
    texts={
        "nl": Texts(
            title="Koppen zonder tekst",
            who="Wie met een schermlezer van kop naar kop springt om de pagina te overzien, hoort 'kop niveau 2' en "
            "dan niets. Hij weet niet waarover het stuk gaat en denkt dat er iets ontbreekt.",
            fix="Geef de kop een tekst die zegt waarover het stuk eronder gaat, of verwijder het lege kop-element. "
            "Staat er alleen een afbeelding in de kop, geef die dan een alt-tekst. Een kop maak je niet om tekst "
            "groter of vetter te maken: gebruik daarvoor CSS.",
        ),
        "en": Texts(
            title="Headings without text",
            who="Screen reader users who move from heading to heading hear 'heading level 2' and nothing more.",
            fix="Give the heading a text that says what the section is about, or remove the empty heading element. "
            "An image as the only content of a heading needs an alt text.",
        ),
    },
    page=_headings,  # also yields the findings of heading-unclear
)

HEADING_UNCLEAR = Check(
    id="heading-unclear",
    criteria=("2.4.6",),
    impact="minor",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/headings-and-labels.html",
    texts={
        "nl": Texts(
            title="Koppen die niets over de inhoud zeggen",
            who="Een kop als 'Titel', 'Lorem ipsum', '---' of 'verslag.pdf' zegt niet waarover het stuk eronder gaat. "
            "Wie de pagina met een schermlezer via de koppen verkent, vindt de juiste inhoud niet.",
            fix="Vervang de kop door een tekst die het onderwerp van het stuk noemt. Kijk na of het een tekst is die "
            "in het sjabloon is blijven staan.",
        ),
        "en": Texts(
            title="Headings that say nothing about the content",
            who="A heading such as 'Title', 'Lorem ipsum', '---' or 'report.pdf' does not say what its section is "
            "about; people who explore the page by its headings cannot find the content.",
            fix="Replace the heading with a text that names the topic of its section; review it.",
        ),
    },
)

LABEL_UNCLEAR = Check(
    id="label-unclear",
    criteria=("2.4.6",),
    impact="moderate",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/headings-and-labels.html",
    texts={
        "nl": Texts(
            title="Formuliervelden met een label dat niet zegt wat je moet invullen",
            who="Een veld met als label 'Info', 'Menu' of '*' zegt niet welke gegevens erin horen. Wie het formulier "
            "met een schermlezer invult, hoort alleen dat label en weet niet wat hij moet typen; ook wie het label "
            "ziet, moet raden.",
            fix="Noem in het label de gegevens die in het veld horen, bijvoorbeeld 'Geboortedatum' of 'Uw vraag'. "
            "Kijk na of het label beschrijft wat er in het veld moet.",
        ),
        "en": Texts(
            title="Form fields whose label does not say what to fill in",
            who="A field labelled 'Info', 'Menu' or '*' does not say what data it takes; screen reader users hear "
            "only that label.",
            fix="Name the data the field takes in its label, e.g. 'Date of birth'; review it.",
        ),
    },
    page=_labels,
)

HEADINGS_LABELS_CHECKS: tuple[Check, ...] = (HEADING_EMPTY, HEADING_UNCLEAR, LABEL_UNCLEAR)
