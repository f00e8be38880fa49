"""Text spacing that users cannot override (WCAG 1.4.12; ACT rules 24afc2, 9e45ec, 78fd32).

A declaration with ``!important`` in a ``style`` attribute beats every author style sheet, also the
ones that assistive tools and browser extensions add to widen letter, word and line spacing.  It
is only a problem when the value itself is too small: letter spacing below 0.12 times the font
size, word spacing below 0.16 times, line height below 1.5 times (the latter only for text that
runs over more than one line).  The facts come from ``text_spacing`` in the snapshot: elements
with visible text of their own whose style attribute declares the property ``!important``.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..snapshot import PageSnapshot, TextSpacing
from .base import Check, Finding, Texts

HELP_URL = "https://www.w3.org/WAI/WCAG22/Understanding/text-spacing.html"
MINIMUM = {"letter-spacing": 0.12, "word-spacing": 0.16, "line-height": 1.5}
_EPSILON = 0.01  # px: rounding in computed values


def too_narrow(spacing: TextSpacing) -> bool:
    factor = MINIMUM[spacing.property]
    if spacing.property == "line-height":
        if spacing.lines < 2:
            return False  # one line of text: line height does not change the space between lines
        if spacing.computed_px is None:
            return True  # "normal" is about 1.2 times the font size
    if spacing.computed_px is None:
        return False
    return spacing.computed_px < factor * spacing.font_size_px - _EPSILON


def _judge(prop: str, check: Callable[[], Check]) -> Callable[[PageSnapshot], Iterable[Finding]]:
    def run(snapshot: PageSnapshot) -> Iterable[Finding]:
        for spacing in snapshot.text_spacing:
            if spacing.property == prop and too_narrow(spacing):
                ratio = (spacing.computed_px or 0) / spacing.font_size_px if spacing.font_size_px else 0
                shown = "normal" if spacing.computed_px is None else f"{ratio:.2f} keer de lettergrootte"
                yield check().finding(
                    snapshot.final_url or snapshot.requested_url,
                    selector=spacing.selector,
                    snippet=f"{prop}: {spacing.declared}",
                    message=f"{prop} is {shown} en kan niet groter gezet worden (minimaal {MINIMUM[prop]:g} keer)",
                )

    return run


def _check(rule_id: str, prop: str, nl_title: str, en_title: str) -> Check:
    return Check(
        id=rule_id,
        criteria=("1.4.12",),
        impact="serious",
        help_url=HELP_URL,
        texts={
            "nl": Texts(
                title=nl_title,
                who="Mensen met dyslexie of een visuele beperking zetten met een hulpmiddel meer ruimte tussen letters, "
                "woorden en regels. Een waarde met !important in het style-attribuut houdt dat tegen.",
                fix=f"Haal !important weg bij {prop} in het style-attribuut, of zet de waarde minstens op "
                f"{MINIMUM[prop]:g} keer de lettergrootte (bijvoorbeeld {MINIMUM[prop]:g}em).",
            ),
            "en": Texts(
                title=en_title,
                who="People with dyslexia or low vision widen spacing with tools; !important in a style attribute blocks them.",
                fix=f"Remove !important from {prop} in the style attribute, or make it at least {MINIMUM[prop]:g} times the font size.",
            ),
        },
        page=_judge(prop, lambda: _BY_PROPERTY[prop]),
    )


INLINE_LETTER_SPACING = _check(
    "inline-letter-spacing", "letter-spacing",
    "Te kleine letterafstand die gebruikers niet kunnen vergroten",
    "Letter spacing too small and locked with !important",
)
INLINE_WORD_SPACING = _check(
    "inline-word-spacing", "word-spacing",
    "Te kleine woordafstand die gebruikers niet kunnen vergroten",
    "Word spacing too small and locked with !important",
)
INLINE_LINE_HEIGHT = _check(
    "inline-line-height", "line-height",
    "Te kleine regelafstand die gebruikers niet kunnen vergroten",
    "Line height too small and locked with !important",
)
_BY_PROPERTY = {"letter-spacing": INLINE_LETTER_SPACING, "word-spacing": INLINE_WORD_SPACING, "line-height": INLINE_LINE_HEIGHT}
TEXT_SPACING_CHECKS = (INLINE_LETTER_SPACING, INLINE_WORD_SPACING, INLINE_LINE_HEIGHT)
