"""Decoration that assistive technology gets anyway (ACT rule 46ca7f; WAI-ARIA 1.2 presentational roles conflict resolution).

An element marked decorative with ``role="none"``/``"presentation"`` or an ``img`` with ``alt=""`` is
exposed with its own role after all when it is focusable or has a global ARIA attribute such as
``aria-label``: screen readers then announce something the author meant to hide, often without a
useful name.  The facts (``decorative_exposed``) come from axe-core's own role computation.
"""

from __future__ import annotations

from typing import Iterable

from ..snapshot import PageSnapshot
from .base import Check, Finding, Texts


def _exposed(snapshot: PageSnapshot) -> Iterable[Finding]:
    url = snapshot.final_url or snapshot.requested_url
    for element in snapshot.decorative_exposed:
        why = []
        if element.focusable:
            why.append("het kan de focus krijgen")
        if element.global_aria:
            why.append("het heeft " + ", ".join(element.global_aria))
        yield DECORATIVE_EXPOSED.finding(
            url, selector=element.selector, snippet=f"<{element.tag}>",
            message=f"als versiering gemarkeerd, maar toch voorgelezen als '{element.role}'"
            + (f" ({'; '.join(why)})" if why else ""),
        )


DECORATIVE_EXPOSED = Check(
    id="decorative-exposed",
    criteria=(),  # a WAI-ARIA requirement, not a WCAG criterion (axe-core: presentation-role-conflict, best practice)
    impact="minor",
    help_url="https://www.w3.org/WAI/standards-guidelines/act/rules/46ca7f/",
    texts={
        "nl": Texts(
            title="Versiering die schermlezers toch voorlezen",
            who="Het element is als versiering gemarkeerd (role=\"presentation\", role=\"none\" of alt=\"\"), maar "
            "een aria-label of de mogelijkheid om de focus te krijgen maakt het weer zichtbaar voor schermlezers.",
            fix="Kies: is het versiering, verwijder dan aria-label, aria-labelledby en tabindex; draagt het "
            "informatie, verwijder dan role=\"presentation\" of geef de afbeelding een echte alt-tekst.",
        ),
        "en": Texts(
            title="Decoration that screen readers announce anyway",
            who="The element is marked decorative, but a global ARIA attribute or focusability exposes it again.",
            fix="Decorative: remove aria-label, aria-labelledby and tabindex. Informative: remove the presentational role.",
        ),
    },
    page=_exposed,
)
