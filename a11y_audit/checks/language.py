"""The language of the text: lang attributes that do not match it (WCAG 3.1.1, 3.1.2), and pages not in Dutch.

The language of the main text of each page (and of its longer blocks, and of every element with a
lang attribute that changes the language) is detected with Lingua, confirmed by the text's function
words (``plainlang.language``). Precision over recall: a finding is "failed" only when the detection
is sure (at least ``sure_chars`` characters, very confident, function words agree; see
``bench/language_detection.py`` for the error rates by length), "cannot tell" when it is likely, and
nothing otherwise. A lang attribute naming a language outside nl, fr, en, de is judged when Lingua
knows that language: it is added to the detector's choice, so a Danish text is not mistaken for English.

A missing lang attribute on <html> is axe-core's html-has-lang, an invalid one html-lang-valid:
not repeated here.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ..plainlang.language import Detection, detect, known_to_detector, language_rules, primary
from ..plainlang.maintext import HEADING, MainBlock, PageText, main_text_rules, site_main_texts
from ..snapshot import PageSnapshot
from .base import CANT_TELL, FAILED, Check, Finding, Texts

NAMES = {"nl": "Nederlands", "fr": "Frans", "en": "Engels", "de": "Duits", "da": "Deens", "es": "Spaans",
         "it": "Italiaans", "pt": "Portugees", "sv": "Zweeds", "pl": "Pools", "tr": "Turks", "ar": "Arabisch"}
_SNIPPET = 200
_DOMINANT_SHARE = 0.8  # "failed" on <html> only when this share of the detected text is in that one language
_MIN_PAGE_CHARS = 100  # less main text than this: say nothing about the page's language
_NOT_DUTCH_CHARS = 200  # a page not in Dutch is only named with this much main text


def _in(code: str) -> str:
    """ "in het Frans", or "in de taal 'xx'" for a language without a Dutch name here."""
    return f"in het {NAMES[code]}" if code in NAMES else f"in de taal '{code}'"


def _judged(declared: str) -> bool:
    """Whether text said to be in ``declared`` can be checked: one of the four, or another language Lingua knows."""
    return declared in language_rules().languages or known_to_detector(declared)


def _own_texts(snapshot: PageSnapshot) -> dict[str, str]:
    """By selector: the text of blocks that hold parts with a lang attribute of their own, without those parts."""
    return {b.selector: b.lang_text for b in snapshot.text_blocks if b.lang_text is not None}


def _text(block: MainBlock, own: Mapping[str, str]) -> str:
    """The text of a block that is in the language of its lang attribute: without parts that say they are in another."""
    return own.get(block.selector, block.text)


def _cut(text: str) -> str:
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1].rstrip() + "…"


def _share_in(page: PageText, own: Mapping[str, str], language: str) -> float:
    """Of the main text whose language is likely known (blocks without a lang of their own): the share in ``language``."""
    found = [detect(_text(b, own), also=page.declared) for b in page.blocks if not b.own_lang]
    counted = [d for d in found if d.likely]
    total = sum(d.chars for d in counted)
    return sum(d.chars for d in counted if d.language == language) / total if total else 0.0


def _page_lang(page: PageText, own: Mapping[str, str]) -> Iterable[Finding]:
    """<html lang> names a language other than the one the main text is in (3.1.1)."""
    if not _judged(page.declared):
        return
    joined = " ".join(_text(b, own) for b in page.blocks if not b.own_lang and b.kind != HEADING)
    detected = detect(joined, also=page.declared)
    if not detected.likely or detected.language == page.declared:
        return
    if detected.chars < _MIN_PAGE_CHARS:
        return
    sure = detected.sure and _share_in(page, own, detected.language) >= _DOMINANT_SHARE
    first = next((b.text for b in page.blocks if b.kind != HEADING and not b.own_lang), "")
    yield HTML_LANG_MISMATCH.finding(
        page.url,
        selector="html",
        snippet=f'<html lang="{page.lang}">',
        message=f"De pagina zegt met lang=\"{page.lang}\" dat ze {_in(page.declared)} is, maar de hoofdtekst "
        f"is {_in(detected.language)} (zekerheid {detected.confidence:.0%}). Begin van de tekst: "
        f"'{_cut(first)}'",
        outcome=FAILED if sure else CANT_TELL,
    )


def _part_finding(url: str, selector: str, text: str, declared: str, detected: Detection) -> Finding:
    return LANG_OF_PART.finding(
        url,
        selector=selector,
        snippet=_cut(text),
        message=f"Deze tekst is {_in(detected.language)} (zekerheid {detected.confidence:.0%}), maar "
        f"het lang-attribuut dat ervoor geldt, zegt dat hij {_in(declared)} is. Zet lang=\"{detected.language}\" "
        "op het element.",
        outcome=FAILED if detected.sure else CANT_TELL,
    )


def _parts(page: PageText, snapshot: PageSnapshot, own: Mapping[str, str]) -> Iterable[Finding]:
    """Blocks of the main text, and elements with a lang attribute of their own anywhere on the page, whose
    text is in another language than the lang attribute in force says (3.1.2)."""
    cap = main_text_rules().max_findings_per_rule
    count = 0
    for block in page.blocks:
        if not block.lang_known or not _judged(block.declared):
            continue  # no lang in force (axe-core's html-has-lang) or one we cannot judge
        text = _text(block, own)
        detected = detect(text, also=block.declared)
        if not detected.likely or detected.language == block.declared:
            continue
        if not block.own_lang and detected.language == page.language:
            continue  # the whole page is in that language: then <html lang> is the problem, reported once
        count += 1
        if count > cap:
            return
        yield _part_finding(page.url, block.selector, text, block.declared, detected)
    judged = {block.selector for block in page.blocks if block.own_lang}
    for part in snapshot.lang_parts:
        declared = primary(part.lang)
        if part.selector in judged or not _judged(declared):
            continue
        detected = detect(part.text, also=declared)
        if not detected.likely or detected.language == declared:
            continue
        count += 1
        if count > cap:
            return
        yield _part_finding(page.url, part.selector, part.text, declared, detected)


def _not_dutch(page: PageText) -> Iterable[Finding]:
    """The main text of the page is not in Dutch (Flemish language legislation)."""
    detected = page.detection
    if not detected.likely or detected.language == "nl" or detected.chars < _NOT_DUTCH_CHARS:
        return
    first = next((b.text for b in page.blocks if b.kind != HEADING and not b.own_lang), "")
    yield NOT_DUTCH.finding(
        page.url,
        selector="html",
        snippet=_cut(first),
        message=f"De hoofdtekst van deze pagina is {_in(detected.language)}, niet in het Nederlands "
        f"(zekerheid {detected.confidence:.0%}).",
        outcome=CANT_TELL,
    )


def _language(snapshots: Sequence[PageSnapshot]) -> Iterable[Finding]:
    audited = [s for s in snapshots if s.audited]
    for snapshot, page in zip(audited, site_main_texts(audited)):
        own = _own_texts(snapshot)
        yield from _page_lang(page, own)
        yield from _parts(page, snapshot, own)
        yield from _not_dutch(page)


HTML_LANG_MISMATCH = Check(
    id="language-html-lang-mismatch",
    criteria=("3.1.1",),
    impact="serious",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/language-of-page.html",
    texts={
        "nl": Texts(
            title="De taal van de pagina klopt niet met haar tekst",
            who="Een schermlezer kiest zijn uitspraak op basis van het lang-attribuut. Staat daar 'en' op een "
            "Nederlandse pagina, dan leest hij de Nederlandse tekst voor met een Engelse uitspraak: onverstaanbaar.",
            fix="Zet de juiste taal op het html-element, bijvoorbeeld <html lang=\"nl\">. Vaak staat de verkeerde "
            "taal in de sjabloon of de instellingen van het beheersysteem: één aanpassing lost het op voor alle "
            "pagina's.",
        ),
        "en": Texts(
            title="The language of the page does not match its text",
            who="Screen readers choose their pronunciation from the lang attribute; Dutch text read with English "
            "pronunciation is unintelligible.",
            fix="Set the right language on the html element, e.g. <html lang=\"nl\">; usually one change in the "
            "template or the content management system's settings.",
        ),
    },
    site=_language,  # this one function yields the findings of the three language checks
)

LANG_OF_PART = Check(
    id="language-part-unmarked",
    criteria=("3.1.2",),
    impact="moderate",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/language-of-parts.html",
    texts={
        "nl": Texts(
            title="Tekst in een andere taal zonder lang-attribuut",
            who="Een schermlezer leest een Franse of Engelse alinea voor met een Nederlandse uitspraak, als de "
            "alinea niet zegt in welke taal ze is.",
            fix="Zet een lang-attribuut op het element met de anderstalige tekst, bijvoorbeeld <p lang=\"fr\">. "
            "Namen en leenwoorden hoeven dat niet.",
        ),
        "en": Texts(
            title="Text in another language without a lang attribute",
            who="Screen readers read a French or English paragraph with Dutch pronunciation when the paragraph "
            "does not say which language it is in.",
            fix="Put a lang attribute on the element with the other language, e.g. <p lang=\"fr\">. Names and "
            "loanwords need none.",
        ),
    },
)

NOT_DUTCH = Check(
    id="language-not-dutch",
    criteria=(),  # a legal requirement, not WCAG: see the note in tests/unit/test_scoring.py
    impact="moderate",
    help_url="",  # the law: gecoördineerde wetten op het gebruik van de talen in bestuurszaken (18 juli 1966)
    texts={
        "nl": Texts(
            title="Pagina's die niet in het Nederlands zijn",
            who="Besturen in Vlaanderen communiceren met het publiek in het Nederlands (de taalwetgeving in "
            "bestuurszaken: de gecoördineerde wetten van 18 juli 1966 op het gebruik van de talen in "
            "bestuurszaken). Wie de andere taal niet leest, kan deze pagina niet lezen.",
            fix="Kijk na of de pagina een toegelaten uitzondering is, zoals informatie voor toeristen of een "
            "vertaling naast de Nederlandse tekst. Zo niet: publiceer de tekst in het Nederlands.",
        ),
        "en": Texts(
            title="Pages not in Dutch",
            who="Governments in Flanders must communicate with the public in Dutch (the language legislation in "
            "administrative matters); readers who do not know the other language cannot read the page.",
            fix="Check whether the page is an allowed exception, such as information for tourists or a translation "
            "next to the Dutch text. If not, publish the text in Dutch.",
        ),
    },
)

LANGUAGE_CHECKS: tuple[Check, ...] = (HTML_LANG_MISMATCH, LANG_OF_PART, NOT_DUTCH)
