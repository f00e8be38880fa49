"""Keyboard use: content a keyboard cannot reach, focus that cannot be seen.

- ``iframe-tab-order`` (WCAG 2.1.1; ACT rule akn7bn): an iframe with a negative tabindex takes its
  whole document out of the tab order, so links and buttons inside it cannot be reached with Tab.
- ``focus-visible`` (WCAG 2.4.7; ACT rule oj04fd): an element in the tab order whose rendering does
  not change at all when it gets focus.  In the browser each of the first elements in the tab
  order is focused from script, with transitions off; the styles of the element, its ancestors,
  siblings, first descendants and their ::before/::after are compared before and after, and any
  change of the page's DOM on focus (a script marking the element) counts as an indication.
"""

from __future__ import annotations

from typing import Iterable

from ..snapshot import PageSnapshot
from .base import CANT_TELL, Check, Finding, Texts


def _frames(snapshot: PageSnapshot) -> Iterable[Finding]:
    url = snapshot.final_url or snapshot.requested_url
    for frame in snapshot.frames_out_of_tab_order:
        if frame.focusable is None:
            yield IFRAME_TAB_ORDER.finding(
                url, selector=frame.selector, outcome=CANT_TELL,
                message="iframe met een negatieve tabindex; de inhoud komt van een ander domein en kon niet bekeken worden",
            )
        elif frame.focusable > 0:
            yield IFRAME_TAB_ORDER.finding(
                url, selector=frame.selector,
                message=f"iframe met een negatieve tabindex rond {frame.focusable} element(en) die met Tab bereikbaar moeten zijn",
            )


def _focus(snapshot: PageSnapshot) -> Iterable[Finding]:
    url = snapshot.final_url or snapshot.requested_url
    for element in snapshot.focus_unchanged:
        yield FOCUS_VISIBLE.finding(
            url, selector=element.selector, snippet=element.name,
            message="niets op de pagina verandert van uitzicht als dit element de focus krijgt",
        )


IFRAME_TAB_ORDER = Check(
    id="iframe-tab-order",
    criteria=("2.1.1",),
    impact="serious",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/keyboard.html",
    texts={
        "nl": Texts(
            title="Iframes met links of knoppen die uit de tabvolgorde gehaald zijn",
            who="Wie met het toetsenbord werkt, kan de links, knoppen en velden in het iframe niet bereiken: "
            "tabindex=\"-1\" op het iframe slaat alles erin over.",
            fix="Verwijder tabindex=\"-1\" van het iframe, of haal de bedieningselementen uit het iframe als het "
            "echt niet bereikbaar mag zijn (en verberg het dan ook voor iedereen).",
        ),
        "en": Texts(
            title="Iframes with links or buttons taken out of the tab order",
            who="Keyboard users cannot reach the links, buttons and fields in the iframe: tabindex=\"-1\" skips all of it.",
            fix="Remove tabindex=\"-1\" from the iframe, or remove the controls from it.",
        ),
    },
    page=_frames,
)

FOCUS_VISIBLE = Check(
    id="focus-visible",
    criteria=("2.4.7",),
    impact="serious",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/focus-visible.html",
    texts={
        "nl": Texts(
            title="Elementen waarop de toetsenbordfocus niet te zien is",
            who="Wie met het toetsenbord werkt, ziet niet waar hij is: er verschijnt geen rand, kleur of onderlijning "
            "als de link, knop of het veld de focus krijgt.",
            fix="Verwijder outline: none (of outline: 0) voor :focus, of geef :focus-visible een duidelijke eigen stijl, "
            "bijvoorbeeld outline: 2px solid met voldoende contrast.",
        ),
        "en": Texts(
            title="Elements whose keyboard focus cannot be seen",
            who="Keyboard users cannot see where they are: nothing changes when the link, button or field gets focus.",
            fix="Do not remove the outline on :focus, or give :focus-visible a clear style of its own.",
        ),
    },
    page=_focus,
)

KEYBOARD_CHECKS = (IFRAME_TAB_ORDER, FOCUS_VISIBLE)
