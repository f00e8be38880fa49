"""Content locked in one orientation with a CSS rotation (WCAG 1.3.4; ACT rule b33eff).

A page that rotates an element a quarter turn only in portrait (or only in landscape), with a
transform in an ``@media (orientation: ...)`` rule, keeps it upright in just one orientation: on a
phone or tablet mounted on a wheelchair, the content is sideways.  The browser measures the
element's rotation with the orientation media rules as they are and swapped; a difference of 90
(or 270) degrees is a failure.
"""

from __future__ import annotations

from typing import Iterable

from ..snapshot import PageSnapshot
from .base import Check, Finding, Texts

TOLERANCE = 1.0  # degrees


def quarter_turn(angle: float) -> bool:
    return abs(angle % 180 - 90) <= TOLERANCE


def _locked(snapshot: PageSnapshot) -> Iterable[Finding]:
    url = snapshot.final_url or snapshot.requested_url
    for element in snapshot.orientation_transforms:
        if quarter_turn(element.angle):
            yield ORIENTATION_LOCK.finding(
                url, selector=element.selector,
                message=f"draait {element.angle:g} graden mee bij het wisselen tussen staand en liggend",
            )


ORIENTATION_LOCK = Check(
    id="orientation-lock",
    criteria=("1.3.4",),
    impact="serious",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/orientation.html",
    texts={
        "nl": Texts(
            title="Inhoud die door een CSS-rotatie maar in één schermstand rechtop staat",
            who="Wie een tablet of telefoon vast gemonteerd heeft (bijvoorbeeld op een rolstoel), kan het scherm niet "
            "draaien: de inhoud staat dan op zijn kant.",
            fix="Verwijder de transform: rotate(...) uit de @media (orientation: ...)-regel en laat de inhoud zich "
            "aanpassen aan staand en liggend.",
        ),
        "en": Texts(
            title="Content kept upright in one orientation only by a CSS rotation",
            who="People with a fixed-mounted device cannot turn it; the content is sideways for them.",
            fix="Remove the rotation from the @media (orientation: ...) rule and let the layout adapt.",
        ),
    },
    page=_locked,
)
