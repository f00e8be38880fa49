"""Pages that refresh or redirect themselves after a delay (ACT rules bc659a and bisz58).

Only the first ``<meta http-equiv="refresh">`` whose content the browser accepts counts: that is
the one the browser acts on.  The content is parsed as HTML's "shared declarative refresh steps"
do, so values a browser ignores ("+5", "; 30", "0: url") are not judged.
"""

from __future__ import annotations

from typing import Iterable

from ..snapshot import MetaRefresh, PageSnapshot
from .base import Check, Finding, Texts

TWENTY_HOURS = 72000  # seconds: WCAG 2.2.1's exception for a time limit longer than 20 hours
_WHITESPACE = " \t\n\f\r"


def refresh_delay(content: str) -> int | None:
    """The delay in seconds of a refresh declaration, or None when a browser would ignore it."""
    pos, end = 0, len(content)
    while pos < end and content[pos] in _WHITESPACE:
        pos += 1
    start = pos
    while pos < end and content[pos].isascii() and content[pos].isdigit():
        pos += 1
    digits = content[start:pos]
    if not digits and (pos >= end or content[pos] != "."):
        return None
    delay = int(digits) if digits else 0
    while pos < end and (content[pos] == "." or (content[pos].isascii() and content[pos].isdigit())):
        pos += 1
    if pos < end and content[pos] not in ";," + _WHITESPACE:
        return None
    return delay


def first_refresh(snapshot: PageSnapshot) -> tuple[MetaRefresh, int] | None:
    for meta in snapshot.meta_refresh:
        if not meta.content:
            continue
        delay = refresh_delay(meta.content)
        if delay is not None:
            return meta, delay
    return None


def _timed_refresh(snapshot: PageSnapshot) -> Iterable[Finding]:
    found = first_refresh(snapshot)
    if found and 0 < found[1] <= TWENTY_HOURS:
        meta, delay = found
        yield META_REFRESH_DELAY.finding(
            snapshot.final_url or snapshot.requested_url, selector=meta.selector, snippet=meta.content[:200],
            message=f"de pagina ververst of verspringt na {delay} seconden",
        )


def _any_refresh_delay(snapshot: PageSnapshot) -> Iterable[Finding]:
    found = first_refresh(snapshot)
    if found and found[1] > 0:
        meta, delay = found
        yield META_REFRESH_ANY_DELAY.finding(
            snapshot.final_url or snapshot.requested_url, selector=meta.selector, snippet=meta.content[:200],
            message=f"de pagina ververst of verspringt na {delay} seconden",
        )


META_REFRESH_DELAY = Check(
    id="meta-refresh-delay",
    criteria=("2.2.1",),
    impact="serious",
    help_url="https://www.w3.org/WAI/WCAG22/Techniques/failures/F40",
    texts={
        "nl": Texts(
            title="Pagina's die zichzelf na enige tijd verversen of naar een andere pagina gaan",
            who="Wie traag leest, een schermlezer of vergroting gebruikt, is de tekst kwijt voor hij uitgelezen is: "
            "de pagina begint opnieuw of verdwijnt zonder dat de bezoeker daar iets aan kan doen.",
            fix="Verwijder de meta refresh. Stuur bezoekers die naar een ander adres moeten door met een "
            "doorverwijzing op de server (HTTP 301); laat bezoekers zelf kiezen wanneer ze de pagina vernieuwen.",
        ),
        "en": Texts(
            title="Pages that refresh themselves or move to another page after a delay",
            who="Slow readers and screen reader or magnifier users lose the text before they finish it, without any way to stop it.",
            fix="Remove the meta refresh; redirect on the server (HTTP 301) and let visitors refresh when they want.",
        ),
    },
    page=_timed_refresh,
)

META_REFRESH_ANY_DELAY = Check(
    id="meta-refresh-any-delay",
    criteria=("2.2.4", "3.2.5"),  # AAA: advice, never scored
    impact="minor",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/change-on-request.html",
    texts={
        "nl": Texts(
            title="Pagina's die zichzelf na een vertraging verversen, ook na meer dan 20 uur (AAA)",
            who="Een verversing of doorverwijzing die de bezoeker niet zelf vraagt, onderbreekt wie de pagina leest. "
            "Niveau AAA: geen wettelijke verplichting, wel een verbetering.",
            fix="Ververs of verwijs alleen door op vraag van de bezoeker, of meteen (zonder vertraging) of op de server.",
        ),
        "en": Texts(
            title="Pages that refresh themselves after a delay, even one over 20 hours (AAA)",
            who="A refresh or redirect the visitor did not ask for interrupts reading. Level AAA: advice, not a legal requirement.",
            fix="Refresh or redirect only on request, at once, or on the server.",
        ),
    },
    page=_any_refresh_delay,
)

META_REFRESH_CHECKS = (META_REFRESH_DELAY, META_REFRESH_ANY_DELAY)
