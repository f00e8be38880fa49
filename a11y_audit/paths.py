"""Where the project's data lives: the rules/ folder, and reading its YAML files."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

RULES_ENV = "A11Y_AUDIT_RULES"
DEFAULT_RULES = Path(__file__).resolve().parents[1] / "rules"


def rules_dir() -> Path:
    """The rules/ folder: $A11Y_AUDIT_RULES, else the one next to the package in the checkout."""
    override = os.environ.get(RULES_ENV)
    return Path(override).expanduser() if override else DEFAULT_RULES


@lru_cache(maxsize=64)
def load_yaml(path: Path) -> Any:
    """A YAML data file, parsed once per path (treat the result as read-only)."""
    with path.open(encoding="utf-8") as handle:
        return YAML(typ="safe").load(handle)


def load_rules_yaml(name: str) -> Any:
    """A YAML data file from rules/, e.g. "link-texts.yaml"."""
    return load_yaml(rules_dir() / name)
