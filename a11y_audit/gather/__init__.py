"""The browser side: one visit per page produces a snapshot (page.py: Playwright; webdriver.py: Selenium)."""

from __future__ import annotations

from typing import Any

from ..config import Settings


def make_gatherer(settings: Settings) -> Any:
    """The gatherer of the configured backend: ``Gatherer`` (Playwright) or ``SeleniumGatherer`` (WebDriver)."""
    if settings.backend == "selenium":
        from .webdriver import SeleniumGatherer

        return SeleniumGatherer(settings)
    from .page import Gatherer

    return Gatherer(settings)
