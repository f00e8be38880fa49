"""Finding and reading the plain-language rules data (YAML files).

The data lives in ``rules/plainlang/`` at the repository root, or in the
``plainlang/`` folder of the directory named by the environment variable
``A11Y_AUDIT_RULES``.  Files are read once per path (``lru_cache``) and
returned as plain, read-only data.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..paths import DEFAULT_RULES as DEFAULT_RULES_ROOT
from ..paths import RULES_ENV as ENV_VAR
from ..paths import load_yaml, rules_dir as _rules_root

__all__ = ["DEFAULT_RULES_ROOT", "ENV_VAR", "as_str_tuple", "load_rules", "rules_dir"]


def rules_dir() -> Path:
    """The folder holding the plain-language YAML files."""
    return _rules_dir_for(os.environ.get(ENV_VAR, ""))


@lru_cache(maxsize=8)
def _rules_dir_for(_override: str) -> Path:
    """One Path per value of the environment variable (the analysis asks for it very often)."""
    return _rules_root() / "plainlang"


def load_rules(name: str) -> Any:
    """Parsed content of ``<rules_dir>/<name>.yaml``."""
    path = rules_dir() / f"{name}.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"plain-language rules file not found: {path}")
    return load_yaml(path)


def as_str_tuple(value: Any) -> tuple[str, ...]:
    """A YAML list (or a single value, or nothing) as a tuple of strings."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value)
    return (str(value),)
