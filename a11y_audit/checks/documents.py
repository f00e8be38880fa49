"""Linked PDF documents: tags, title, language, text layer (pure, over DocumentFacts).

The facts come from gather/documents.py, which downloads each distinct linked
document of a site once. Findings are site-level; their page_url is the
document's URL and the message names the page that links to it.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ..snapshot import DocumentFacts
from .base import CANT_TELL, Check, Finding, Texts

TECHNIQUES = "https://www.w3.org/WAI/WCAG22/Techniques/pdf/"


def document_findings(documents: Sequence[DocumentFacts]) -> list[Finding]:
    """Findings for the analysed PDFs of one site."""
    return [f.with_fingerprint() for doc in documents for f in _pdf(doc)]


def _pdf(doc: DocumentFacts) -> Iterable[Finding]:
    if doc.kind != "pdf" or doc.state != "analysed":
        return
    where = f" (gelinkt vanaf {doc.linked_from})" if doc.linked_from else ""
    name = doc.link_text or doc.url.rsplit("/", 1)[-1]

    def finding(check: Check, message: str, outcome: str = "failed") -> Finding:
        return check.finding(doc.url, snippet=name[:200], message=message + where, outcome=outcome)

    if doc.tagged is False:
        yield finding(PDF_UNTAGGED, "de PDF heeft geen tags: koppen, lijsten en tabellen zijn voor een schermlezer gewone tekst")
    if not doc.title:
        yield finding(PDF_NO_TITLE, "de PDF heeft geen titel in de documenteigenschappen")
    elif doc.display_doc_title is not True:
        yield finding(
            PDF_NO_TITLE, "de PDF heeft een titel, maar toont de bestandsnaam in de titelbalk (DisplayDocTitle staat niet aan)",
            outcome=CANT_TELL,
        )
    if not doc.lang:
        yield finding(PDF_NO_LANGUAGE, "de taal van de PDF is niet ingesteld")
    if doc.has_text is False:
        yield finding(
            PDF_NO_TEXT,
            "de eerste pagina's van de PDF zijn alleen afbeeldingen (gescand?): er is geen tekst"
            if doc.images_only else "de PDF heeft op de eerste pagina's geen tekst die een schermlezer kan lezen",
        )


def _check(rule_id: str, criterion: str, impact: str, technique: str, nl: Texts, en: Texts) -> Check:
    return Check(id=rule_id, criteria=(criterion,), impact=impact, texts={"nl": nl, "en": en}, help_url=TECHNIQUES + technique)


PDF_UNTAGGED = _check(
    "pdf-untagged", "1.3.1", "serious", "PDF9",
    Texts(
        title="PDF-documenten zonder tags",
        who="Een schermlezer kan in een PDF zonder tags geen koppen, lijsten of tabellen herkennen en leest de tekst "
        "soms in de verkeerde volgorde voor.",
        fix="Maak de PDF opnieuw vanuit Word of LibreOffice met 'Getagde PDF' aan, of zet de informatie op een "
        "webpagina.",
    ),
    Texts(
        title="PDF documents without tags",
        who="Screen readers cannot recognise headings, lists or tables in an untagged PDF, and may read it out of order.",
        fix="Export the PDF again with 'tagged PDF' switched on, or publish the information as a web page.",
    ),
)

PDF_NO_TITLE = _check(
    "pdf-no-title", "2.4.2", "moderate", "PDF18",
    Texts(
        title="PDF-documenten zonder titel",
        who="Een schermlezer leest de bestandsnaam voor in plaats van een titel; wie meerdere documenten open heeft, "
        "weet niet welk document wat is.",
        fix="Vul de titel in bij de documenteigenschappen en kies dat de PDF de titel toont in plaats van de "
        "bestandsnaam.",
    ),
    Texts(
        title="PDF documents without a title",
        who="Screen readers announce the file name instead of a title.",
        fix="Set the title in the document properties and have the PDF show the title, not the file name.",
    ),
)

PDF_NO_LANGUAGE = _check(
    "pdf-no-language", "3.1.1", "serious", "PDF16",
    Texts(
        title="PDF-documenten zonder taal",
        who="Een schermlezer weet niet in welke taal hij de tekst moet voorlezen; Nederlandse tekst klinkt dan "
        "onverstaanbaar.",
        fix="Stel de taal van het document in (Nederlands) voor u de PDF maakt, of in de documenteigenschappen.",
    ),
    Texts(
        title="PDF documents without a language",
        who="Screen readers do not know which language to read the text in.",
        fix="Set the document language before exporting, or in the document properties.",
    ),
)

PDF_NO_TEXT = _check(
    "pdf-no-text", "1.1.1", "critical", "PDF7",
    Texts(
        title="PDF-documenten zonder tekst (gescand)",
        who="Een gescande PDF is een foto van tekst. Een schermlezer kan er niets uit voorlezen, en wie de tekst "
        "groter zet of kopieert, krijgt niets.",
        fix="Maak de PDF vanuit het oorspronkelijke document, of laat tekstherkenning (OCR) lopen en kijk het "
        "resultaat na.",
    ),
    Texts(
        title="PDF documents without text (scanned)",
        who="A scanned PDF is a picture of text: screen readers cannot read it and text cannot be enlarged or copied.",
        fix="Create the PDF from the original document, or run text recognition (OCR) and check the result.",
    ),
)

DOCUMENT_CHECKS: tuple[Check, ...] = (PDF_UNTAGGED, PDF_NO_TITLE, PDF_NO_LANGUAGE, PDF_NO_TEXT)
