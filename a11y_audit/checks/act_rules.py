"""Own checks that implement W3C ACT rules where axe-core (as an AA audit runs it) has none or disagrees.

Which ACT rule each one implements: rules/act-mapping.yaml.  Run against the ACT test cases with
``a11y-audit act``.
"""

from __future__ import annotations

from .contrast import CONTRAST_CHECKS
from .decorative import DECORATIVE_EXPOSED
from .keyboard import KEYBOARD_CHECKS
from .media import MEDIA_CHECKS
from .meta_refresh import META_REFRESH_CHECKS
from .orientation import ORIENTATION_LOCK
from .text_spacing import TEXT_SPACING_CHECKS

ACT_CHECKS = (
    *META_REFRESH_CHECKS,
    *TEXT_SPACING_CHECKS,
    *KEYBOARD_CHECKS,
    DECORATIVE_EXPOSED,
    ORIENTATION_LOCK,
    *CONTRAST_CHECKS,
    *MEDIA_CHECKS,
)
