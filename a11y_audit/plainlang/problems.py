"""``find_problems``: all plain-language findings for a list of text blocks."""

from __future__ import annotations

from collections.abc import Sequence

from . import findings as ids
from .findings import TextFinding
from .passive import find_passives
from .sentences import sentence_spans, word_count
from .settings import DEFAULT_SETTINGS, PlainLangSettings
from .structure import (
    Block,
    long_paragraphs,
    mixed_address,
    stretches_without_heading,
    unexplained_abbreviations,
)
from .wording import find_nominal, find_officialese, verb_for

_SNIPPET = 80


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1].rstrip() + "…"


def _sentence_at(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    for start, end in spans:
        if start <= offset < end:
            return text[start:end]
    return _snippet(text)


def _sentence_findings(index: int, text: str, settings: PlainLangSettings) -> list[TextFinding]:
    found: list[TextFinding] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        count = word_count(sentence)
        if count > settings.long_sentence_words:
            very = count > settings.very_long_sentence_words
            limit = settings.very_long_sentence_words if very else settings.long_sentence_words
            found.append(TextFinding(
                ids.LONG_SENTENCE, index, sentence, sentence,
                f"Deze zin telt {count} woorden: dat is {'heel ' if very else ''}lang "
                f"(meer dan {limit}). Lange zinnen zijn moeilijk te volgen.",
                "Maak er twee of meer korte zinnen van, met één boodschap per zin. "
                "Zet de belangrijkste informatie vooraan.",
                start, end,
            ))
        for match in find_passives(sentence):
            exact = sentence[match.start:match.end]
            found.append(TextFinding(
                ids.PASSIVE_VOICE, index, sentence, exact,
                f"Lijdende vorm ('{match.auxiliary} … {match.participle}'): de lezer ziet "
                "niet meteen wie iets doet.",
                "Schrijf actief en zeg wie het doet, bijvoorbeeld 'wij', 'u' of de naam "
                f"van de dienst, in plaats van '{match.auxiliary} {match.participle}'.",
                start + match.start, start + match.end,
            ))
    return found


def _wording_findings(index: int, text: str) -> list[TextFinding]:
    spans = sentence_spans(text)
    found: list[TextFinding] = []
    for match in find_officialese(text):
        found.append(TextFinding(
            ids.OFFICIALESE, index, _sentence_at(text, spans, match.start), match.text,
            f"'{match.term}' is ambtelijke taal of beleidsjargon: veel lezers kennen dat woord niet "
            "of lezen erover.",
            f"Schrijf '{match.advice}' in plaats van '{match.term}'.",
            match.start, match.end,
        ))
    for match in find_nominal(text):
        is_action = match.noun.lower().endswith(("ing", "ingen", "atie", "aties"))
        verb = verb_for(match.noun) if is_action else ""
        hint = f" Hier bijvoorbeeld met '{verb}'." if verb else ""
        found.append(TextFinding(
            ids.NOMINAL_STYLE, index, _sentence_at(text, spans, match.start), match.text,
            "Naamwoordstijl: de handeling staat in een zelfstandig naamwoord "
            f"('{match.noun}') en niet in het werkwoord.",
            f"Gebruik het werkwoord zelf: {match.advice}.{hint}",
            match.start, match.end,
        ))
    return found


def _text_findings(blocks: Sequence[Block], settings: PlainLangSettings) -> list[TextFinding]:
    found: list[TextFinding] = []
    for spot in unexplained_abbreviations(blocks):
        text = blocks[spot.block][1]
        found.append(TextFinding(
            ids.UNEXPLAINED_ABBREVIATION, spot.block,
            _sentence_at(text, sentence_spans(text), spot.start), spot.text,
            f"De afkorting '{spot.text}' wordt niet uitgelegd waar ze voor het eerst staat.",
            f"Schrijf de eerste keer voluit wat '{spot.text}' betekent, met de afkorting "
            f"erachter tussen haakjes, of gebruik geen afkorting.",
            spot.start, spot.end,
        ))
    mix = mixed_address(blocks)
    if mix is not None:
        spot = mix.first_minority
        text = blocks[spot.block][1]
        found.append(TextFinding(
            ids.MIXED_ADDRESS, spot.block,
            _sentence_at(text, sentence_spans(text), spot.start), spot.text,
            f"De tekst spreekt de lezer aan met 'u' ({mix.formal} keer) en met "
            f"'je/jij/jouw' ({mix.informal} keer).",
            "Kies één aanspreekvorm en houd die in de hele tekst aan: 'u' of 'je'.",
            spot.start, spot.end,
        ))
    for block, count in long_paragraphs(blocks, settings.long_paragraph_words):
        found.append(TextFinding(
            ids.LONG_PARAGRAPH, block, _snippet(blocks[block][1]), _snippet(blocks[block][1]),
            f"Deze alinea telt {count} woorden (meer dan {settings.long_paragraph_words}).",
            "Verdeel de alinea in kortere alinea's met elk één onderwerp, of maak "
            "een opsomming.",
        ))
    for block, count in stretches_without_heading(blocks, settings.words_without_heading):
        found.append(TextFinding(
            ids.MISSING_HEADINGS, block, _snippet(blocks[block][1]), _snippet(blocks[block][1]),
            f"Er staan {count} woorden na elkaar zonder tussenkop (meer dan "
            f"{settings.words_without_heading}).",
            "Zet tussenkoppen boven de stukken tekst, die zeggen waar elk stuk over gaat, "
            "zodat lezers snel vinden wat ze zoeken.",
        ))
    return found


def find_problems(
    blocks: Sequence[Block], settings: PlainLangSettings | None = None
) -> list[TextFinding]:
    """Plain-language findings for text blocks ``[(tag, text), ...]``.

    A tag ``h1``..``h6`` marks a heading; any other tag is body text.  The
    findings are sorted by block and position.
    """
    settings = settings or DEFAULT_SETTINGS
    found: list[TextFinding] = []
    for index, (_tag, text) in enumerate(blocks):
        found.extend(_sentence_findings(index, text, settings))
        found.extend(_wording_findings(index, text))
    found.extend(_text_findings(blocks, settings))
    disabled = set(settings.disabled_rules)
    order = {rule: rank for rank, rule in enumerate(ids.RULE_IDS)}
    return sorted(
        (f for f in found if f.rule_id not in disabled),
        key=lambda f: (f.block, -1 if f.start is None else f.start, order.get(f.rule_id, 99)),
    )
