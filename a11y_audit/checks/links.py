"""Link texts that do not describe their target (WCAG 2.4.4)."""

from __future__ import annotations

import re
from typing import Iterable

from ..paths import load_rules_yaml
from ..snapshot import PageSnapshot
from .base import CANT_TELL, Check, Finding, Texts

_STRIP = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_BARE_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)


def vague_texts() -> frozenset[str]:
    data = load_rules_yaml("link-texts.yaml")
    return frozenset(text.lower() for texts in data["vague"].values() for text in texts)


def _vague_links(snapshot: PageSnapshot) -> Iterable[Finding]:
    vague = vague_texts()
    for link in snapshot.links:
        if not link.href or link.href.startswith(("mailto:", "tel:", "javascript:")):
            continue
        name = _STRIP.sub("", link.name.lower())
        if name in vague:
            problem = f"linktekst '{link.name}' zegt niet waar de link naartoe gaat"
        elif _BARE_URL.match(link.name.strip()):
            problem = f"de linktekst is een webadres: '{link.name[:80]}'"
        else:
            continue
        yield VAGUE_LINK_TEXT.finding(
            snapshot.final_url or snapshot.requested_url,
            selector=link.selector,
            snippet=link.name,
            message=problem,
            outcome=CANT_TELL,
        )


VAGUE_LINK_TEXT = Check(
    id="link-text-vague",
    criteria=("2.4.4",),
    impact="moderate",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-in-context.html",
    texts={
        "nl": Texts(
            title="Linkteksten die niet zeggen waar de link naartoe gaat",
            who="Wie met een schermlezer een lijst van alle links opvraagt, hoort alleen 'lees meer' of 'klik hier' "
            "en weet niet waar elke link naartoe gaat.",
            fix="Schrijf in de link zelf waar hij naartoe gaat, bijvoorbeeld 'Lees meer over de nieuwe afvalkalender'. "
            "Dit mag alleen als de zin of het lijstitem rond de link het doel duidelijk maakt; kijk dat na.",
        ),
        "en": Texts(
            title="Link texts that do not say where the link goes",
            who="Screen reader users who list all links only hear 'read more' or 'click here' and cannot tell the links apart.",
            fix="Say in the link itself where it goes. Such a text is only acceptable when the surrounding sentence "
            "or list item makes the target clear; review it.",
        ),
    },
    page=_vague_links,
)
