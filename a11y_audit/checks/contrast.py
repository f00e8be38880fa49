"""Enhanced contrast of text (WCAG 1.4.6, AAA; ACT rule 09o5cg, together with axe-core's color-contrast).

An AA audit runs axe-core's color-contrast (1.4.3) but not color-contrast-enhanced.  This check
reports only what color-contrast does not: text that meets 4.5:1 (3:1 when large) but not 7:1
(4.5:1), so no text is reported twice.  The browser reads the colours under the text from the
elements painted there (``text_contrast`` in the snapshot); text over images, gradients or
filters, or with a text shadow, is left out (axe-core reports those as "cannot tell"), and so is
text without letters or digits, which is not text in a human language.
"""

from __future__ import annotations

from typing import Iterable

from ..snapshot import PageSnapshot, TextContrast
from .base import Check, Finding, Texts

MINIMUM = {"normal": 4.5, "large": 3.0}  # 1.4.3
ENHANCED = {"normal": 7.0, "large": 4.5}  # 1.4.6
_EPSILON = 0.005


def below_enhanced_only(text: TextContrast) -> bool:
    """Whether the text meets 1.4.3 but not 1.4.6 (below 1.4.3, axe-core's color-contrast reports it)."""
    if text.ratio is None or text.uncertain:
        return False
    kind = "large" if text.large else "normal"
    return MINIMUM[kind] - _EPSILON <= text.ratio < ENHANCED[kind] - _EPSILON


def _enhanced(snapshot: PageSnapshot) -> Iterable[Finding]:
    url = snapshot.final_url or snapshot.requested_url
    for text in snapshot.text_contrast:
        if below_enhanced_only(text):
            needed = ENHANCED["large" if text.large else "normal"]
            yield TEXT_CONTRAST_ENHANCED.finding(
                url, selector=text.selector, snippet=text.text,
                message=f"contrast {text.ratio:.2f}:1 ({text.fg} op {text.bg}); voor AAA is {needed:g}:1 nodig",
            )


TEXT_CONTRAST_ENHANCED = Check(
    id="text-contrast-enhanced",
    criteria=("1.4.6",),  # AAA: advice, never scored
    impact="minor",
    help_url="https://www.w3.org/WAI/WCAG22/Understanding/contrast-enhanced.html",
    texts={
        "nl": Texts(
            title="Tekst onder het verhoogde contrast van 7:1 (AAA)",
            who="Slechtzienden lezen tekst met een contrast van 7:1 (4,5:1 voor grote tekst) veel makkelijker. "
            "Niveau AAA: geen wettelijke verplichting, wel een verbetering.",
            fix="Verhoog het contrast tot 7:1, of 4,5:1 voor grote tekst (vanaf 18 punt, of 14 punt vet).",
        ),
        "en": Texts(
            title="Text below the enhanced contrast of 7:1 (AAA)",
            who="People with low vision read text at 7:1 (4.5:1 for large text) much more easily. Level AAA: advice.",
            fix="Raise the contrast to 7:1, or 4.5:1 for large text (18pt, or 14pt bold).",
        ),
    },
    page=_enhanced,
)

CONTRAST_CHECKS = (TEXT_CONTRAST_ENHANCED,)
