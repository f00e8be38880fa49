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

from ruamel.yaml import YAML

ENV_VAR = "A11Y_AUDIT_RULES"
DEFAULT_RULES_ROOT = Path(__file__).resolve().parents[2] / "rules"


def rules_dir() -> Path:
    """The folder holding the plain-language YAML files."""
    root = os.environ.get(ENV_VAR)
    base = Path(root) if root else DEFAULT_RULES_ROOT
    return base / "plainlang"


@lru_cache(maxsize=32)
def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return YAML(typ="safe").load(handle)


def load_rules(name: str) -> Any:
    """Parsed content of ``<rules_dir>/<name>.yaml``."""
    path = rules_dir() / f"{name}.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"plain-language rules file not found: {path}")
    return _load(path)


def as_str_tuple(value: Any) -> tuple[str, ...]:
    """A YAML list (or a single value, or nothing) as a tuple of strings."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value)
    return (str(value),)
