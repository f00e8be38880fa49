"""axe-core: where its source comes from, how it is run, how its results are kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..snapshot import AxeNode, AxeResults, AxeRule

MAX_NODES_PER_RULE = 50
MAX_SNIPPET = 400

# axe-core tags per WCAG version and level; each version includes the earlier ones.
_TAGS = {
    ("2.0", "A"): ["wcag2a"],
    ("2.0", "AA"): ["wcag2a", "wcag2aa"],
    ("2.1", "A"): ["wcag2a", "wcag21a"],
    ("2.1", "AA"): ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    ("2.2", "A"): ["wcag2a", "wcag21a"],
    ("2.2", "AA"): ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
}


class AxeSourceError(RuntimeError):
    pass


@dataclass(frozen=True)
class AxeSource:
    path: str
    version: str
    script: str


def bundled_axe_path() -> Path:
    """axe.min.js as shipped by the axe-playwright-python package."""
    import axe_playwright_python  # the maintained package we take axe-core from

    return Path(axe_playwright_python.__file__).resolve().parent / "axe.min.js"


@lru_cache(maxsize=4)
def load_axe(path: str | None = None) -> AxeSource:
    file = Path(path) if path else bundled_axe_path()
    try:
        script = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise AxeSourceError(f"cannot read axe-core from {file}: {exc}") from None
    match = re.search(r"axe v(\d+\.\d+\.\d+[\w.-]*)", script[:500])
    if not match or "axe" not in script:
        raise AxeSourceError(f"{file} does not look like axe.min.js (no 'axe vX.Y.Z' header)")
    return AxeSource(str(file), match.group(1), script)


# axe-core rules marked experimental that we run anyway; their violations are reported as "needs
# review" (checks/axe.py): label-content-name-mismatch (2.5.3, ACT 2ee8b8)
EXPERIMENTAL_RULES = ("label-content-name-mismatch",)


def run_options(wcag_version: str, wcag_level: str) -> dict[str, Any]:
    return {
        "runOnly": {"type": "tag", "values": _TAGS[(wcag_version, wcag_level)]},
        "rules": {rule: {"enabled": True} for rule in EXPERIMENTAL_RULES},
        "performanceTimer": False,
    }


# Runs axe in the page and slims the passed and inapplicable rules down to
# what scoring needs (rule, tags, number of elements) before they cross to Python.
RUN_SCRIPT = """async (options) => {
  const r = await axe.run(document, options);
  const slim = (rule) => ({id: rule.id, impact: rule.impact, tags: rule.tags, help: rule.help,
                           helpUrl: rule.helpUrl, nodes: [], nodeCount: rule.nodes.length});
  return {testEngine: r.testEngine, violations: r.violations, incomplete: r.incomplete,
          passes: r.passes.map(slim), inapplicable: r.inapplicable.map((x) => ({id: x.id}))};
}"""


def _rule(raw: dict[str, Any], keep_nodes: bool) -> AxeRule:
    nodes_raw = raw.get("nodes") or []
    nodes: tuple[AxeNode, ...] = ()
    if keep_nodes:
        nodes = tuple(
            AxeNode(
                target=_target(n.get("target")),
                html=(n.get("html") or "")[:MAX_SNIPPET],
                summary=(n.get("failureSummary") or "")[:1000],
            )
            for n in nodes_raw[:MAX_NODES_PER_RULE]
        )
    return AxeRule(
        id=raw["id"],
        impact=raw.get("impact"),
        tags=tuple(raw.get("tags") or ()),
        help=raw.get("help") or "",
        help_url=raw.get("helpUrl") or "",
        description=raw.get("description") or "",
        nodes=nodes,
        node_count=raw.get("nodeCount", len(nodes_raw)),
    )


def _target(target: Any) -> str:
    """axe's target is a list of selectors, nested for iframes and shadow DOM."""
    if not target:
        return ""
    parts = []
    for part in target:
        parts.append(" >>> ".join(part) if isinstance(part, list) else str(part))
    return " >>> ".join(parts)


def convert(raw: dict[str, Any]) -> AxeResults:
    return AxeResults(
        version=(raw.get("testEngine") or {}).get("version", ""),
        violations=tuple(_rule(r, True) for r in raw.get("violations", [])),
        incomplete=tuple(_rule(r, True) for r in raw.get("incomplete", [])),
        passes=tuple(_rule(r, False) for r in raw.get("passes", [])),
        inapplicable=tuple(r["id"] for r in raw.get("inapplicable", [])),
    )
