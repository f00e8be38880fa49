"""Link texts that do not describe their target (WCAG 2.4.4) and text alternatives that say nothing (1.1.1)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable

from ..paths import load_rules_yaml
from ..snapshot import Link, PageSnapshot
from .base import CANT_TELL, FAILED, Check, Finding, Texts
from .pages import is_web_link, url_key

_STRIP = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_BARE_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]")
# On a sitemap the same name under two headings is normal: the tree is the context.
_SITEMAP_PAGE = re.compile(r"\b(sitemap|site ?map|sitekaart|plan du site)\b", re.IGNORECASE)


def vague_texts() -> frozenset[str]:
    data = load_rules_yaml("link-texts.yaml")
    return frozenset(text.lower() for texts in data["vague"].values() for text in texts)


def _without_context(link: Link) -> bool:
    """Nothing programmatic tells where the link goes: no other text in its sentence, paragraph, list item or
    table row (with the table's header cells), no description or title, and no heading before it (WCAG 2.4.4's
    link context; H80). Links to a bare "#" are left out: mostly a script's toggle, not a link to a page."""
    if link.context is None or link.heading_before is not False or link.href.endswith("#"):
        return False
    rest = link.context.lower()
    for own in (link.name, link.text):
        rest = rest.replace(" ".join(own.lower().split()), " ", 1) if own.strip() else rest
    return not _WORD.search(rest)


def _vague_links(snapshot: PageSnapshot) -> Iterable[Finding]:
    vague = vague_texts()
    for link in snapshot.links:
        if not link.href or link.href.startswith(("mailto:", "tel:", "javascript:")):
            continue
        name = _STRIP.sub("", link.name.lower())
        outcome = CANT_TELL
        if name in vague:
            problem = f"linktekst '{link.name}' zegt niet waar de link naartoe gaat"
            if _without_context(link):
                outcome = FAILED
                problem += ", en er staat geen tekst, beschrijving of kop bij die het zegt"
        elif _BARE_URL.match(link.name.strip()):
            problem = f"de linktekst is een webadres: '{link.name[:80]}'"
        else:
            continue
        yield VAGUE_LINK_TEXT.finding(
            snapshot.final_url or snapshot.requested_url,
            selector=link.selector,
            snippet=link.name,
            message=problem,
            outcome=outcome,
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
            "Een korte linktekst mag alleen als de zin, de alinea, het lijstitem, de tabelrij of de kop erboven het "
            "doel duidelijk maakt; kijk dat na. Staat er niets bij de link, dan is het zeker een probleem.",
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


# -- one name, several targets (2.4.4) ----------------------------------------


def _ambiguous_links(snapshot: PageSnapshot) -> Iterable[Finding]:
    """Links with the same accessible name that go to different pages.

    The surrounding text may tell them apart (2.4.4 allows "in context"), so this is "cannot tell",
    except inside one navigation landmark, where a menu gives no such context.
    Vague texts ("lees meer") are left to link-text-vague.
    """
    if _SITEMAP_PAGE.search(snapshot.title) or _SITEMAP_PAGE.search(snapshot.final_url.rsplit("/", 1)[-1]):
        return
    vague = vague_texts()
    groups: dict[str, list[Link]] = defaultdict(list)
    for link in snapshot.links:
        name = _STRIP.sub("", link.name.lower())
        if is_web_link(link.href) and name and name not in vague and not _BARE_URL.match(link.name.strip()):
            groups[" ".join(name.split())].append(link)
    for links in groups.values():
        first = links[0]
        other = next((link for link in links if url_key(link.href) != url_key(first.href)), None)
        if other is None:
            continue
        targets = len({url_key(link.href) for link in links})
        in_one_menu = defaultdict(set)
        for link in links:
            if link.region == "navigation" and link.landmark:
                in_one_menu[link.landmark].add(url_key(link.href))
        clearly = any(len(t) > 1 for t in in_one_menu.values())
        yield AMBIGUOUS_LINK_NAME.finding(
            snapshot.final_url or snapshot.requested_url,
            selector=other.selector,
            snippet=other.name,
            message=f"{len(links)} links heten '{other.name[:80]}' maar gaan naar {targets} verschillende pagina's"
            + (" (in hetzelfde menu)" if clearly else ""),
            outcome=FAILED if clearly else CANT_TELL,
        )


AMBIGUOUS_LINK_NAME = Check(
    id="link-name-ambiguous",
    criteria=("2.4.4",),
    impact="moderate",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-in-context.html",
    texts={
        "nl": Texts(
            title="Links met dezelfde tekst die naar verschillende pagina's gaan",
            who="Wie met een schermlezer de lijst van links doorloopt, hoort twee keer dezelfde tekst en weet niet dat "
            "de links naar iets anders gaan.",
            fix="Geef elke link een tekst die zijn eigen doel noemt, bijvoorbeeld 'Aanvraag identiteitskaart' en "
            "'Aanvraag rijbewijs' in plaats van twee keer 'Aanvragen'. Kijk na of de tekst rond de link het verschil "
            "duidelijk maakt.",
        ),
        "en": Texts(
            title="Links with the same text that go to different pages",
            who="Screen reader users who list the links hear the same text twice and cannot tell the links apart.",
            fix="Give each link a text that names its own target. Review whether the surrounding text makes the "
            "difference clear.",
        ),
    },
    page=_ambiguous_links,
)


# -- text alternatives that are file names or placeholders (1.1.1) ------------


@lru_cache(maxsize=1)
def _alt_rules() -> tuple[tuple[re.Pattern[str], ...], frozenset[str], tuple[str, ...]]:
    data = load_rules_yaml("alt-texts.yaml")
    names = tuple(re.compile(p, re.IGNORECASE) for p in data["file_name"])
    placeholders = frozenset(str(t).lower() for texts in data["placeholders"].values() for t in texts)
    prefixes = tuple(sorted((p.lower() for ps in data["redundant_prefixes"].values() for p in ps), key=len, reverse=True))
    return names, placeholders, prefixes


def _alt_texts(snapshot: PageSnapshot) -> Iterable[Finding]:
    names, placeholders, prefixes = _alt_rules()
    url = snapshot.final_url or snapshot.requested_url
    for image in snapshot.images:
        if image.alt is None or image.role in ("presentation", "none") or not image.alt.strip():
            continue
        alt = " ".join(image.alt.split())
        low = alt.lower()
        if any(rx.search(alt) for rx in names):
            problem = f"het tekstalternatief is een bestandsnaam: '{alt[:80]}'"
        elif low in placeholders or _STRIP.sub("", low) in placeholders:
            problem = f"het tekstalternatief '{alt[:80]}' zegt niet wat er op de afbeelding staat"
        else:
            prefix = next((p for p in prefixes if low.startswith(p + " ") or low == p), None)
            if prefix:
                yield ALT_REDUNDANT_PREFIX.finding(
                    url, selector=image.selector, snippet=alt[:200], outcome=CANT_TELL,
                    message=f"het tekstalternatief begint met '{alt[: len(prefix)]}'",
                )
            continue
        yield ALT_MEANINGLESS.finding(url, selector=image.selector, snippet=alt[:200], message=problem)


ALT_MEANINGLESS = Check(
    id="alt-text-meaningless",
    criteria=("1.1.1",),
    impact="serious",
    help_url="https://www.w3.org/WAI/tutorials/images/",
    texts={
        "nl": Texts(
            title="Afbeeldingen met een bestandsnaam of een nietszeggend woord als tekstalternatief",
            who="Een schermlezer leest 'IMG_1234.jpg' of 'afbeelding' voor. Blinde en slechtziende bezoekers weten "
            "niet wat er op de afbeelding staat of waar een link met die afbeelding naartoe gaat.",
            fix="Beschrijf in het alt-attribuut wat de afbeelding zegt of doet, bijvoorbeeld 'Gemeente Beekveld, naar "
            "de startpagina' voor een logo. Is de afbeelding alleen versiering, gebruik dan een leeg alt=\"\".",
        ),
        "en": Texts(
            title="Images whose text alternative is a file name or a placeholder word",
            who="Screen readers read 'IMG_1234.jpg' or 'image' aloud; blind visitors cannot tell what the image shows "
            "or where a linked image goes.",
            fix="Describe what the image says or does in its alt attribute; use alt=\"\" for decoration.",
        ),
    },
    page=_alt_texts,
)

ALT_REDUNDANT_PREFIX = Check(
    id="alt-text-redundant-prefix",
    criteria=("1.1.1",),
    impact="minor",
    help_url="https://www.w3.org/WAI/tutorials/images/tips/",
    texts={
        "nl": Texts(
            title="Tekstalternatieven die beginnen met 'afbeelding van' of 'foto van'",
            who="Een schermlezer zegt al dat het een afbeelding is; 'afbeelding van' maakt het tekstalternatief alleen "
            "langer.",
            fix="Laat 'afbeelding van' of 'foto van' weg, tenzij het soort beeld er echt toe doet (bijvoorbeeld een "
            "schilderij of een schets).",
        ),
        "en": Texts(
            title="Text alternatives that start with 'image of' or 'picture of'",
            who="Screen readers already announce an image; the prefix only makes the text longer.",
            fix="Leave out 'image of' unless the kind of image matters.",
        ),
    },
)
