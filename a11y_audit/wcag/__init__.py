"""WCAG success criteria: the catalogue in ``rules/wcag.yaml`` and its loader."""

from a11y_audit.wcag.catalogue import (
    Catalogue,
    Criterion,
    criteria_from_axe_tags,
    load_catalogue,
)

__all__ = ["Catalogue", "Criterion", "criteria_from_axe_tags", "load_catalogue"]
