"""Where the project's data lives."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

RULES_ENV = "A11Y_AUDIT_RULES"


def rules_dir() -> Path:
    """The rules/ folder: $A11Y_AUDIT_RULES, else the one next to the package in the checkout."""
    override = os.environ.get(RULES_ENV)
    return Path(override) if override else Path(__file__).resolve().parents[1] / "rules"


@lru_cache(maxsize=32)
def load_rules_yaml(name: str) -> object:
    """A YAML data file from rules/, parsed (cached; treat the result as read-only)."""
    return YAML(typ="safe").load((rules_dir() / name).read_text(encoding="utf-8"))
