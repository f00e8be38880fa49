"""axe-core: where its source comes from, how it is run, how its results are kept."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError

from ..snapshot import AxeNode, AxeResults, AxeRule
from .js import evaluate

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


# axe.run in the page, results slimmed there to what a snapshot keeps (gather/axe_run.js)
_RUN_JS = files(__package__).joinpath("axe_run.js").read_text(encoding="utf-8")
TEMPLATE_SCRIPT = _RUN_JS
RUN_SCRIPT = f"(options) => ({_RUN_JS})({{options, limit: {MAX_NODES_PER_RULE}, snippet: {MAX_SNIPPET}}})"
# known chrome regions are left out of axe's context only when they hold at least this many elements:
# measured, an element not audited saves about 1.2 ms CPU and the second axe run (whole-page rules)
# costs 50-70 ms
TEMPLATE_MIN_ELEMENTS = 60


class Templates:
    """Per site: what axe found in its chrome regions (header, navigation, footer, search) on pages that
    are finished, by the regions' structural hash; later pages of the site with the same region reuse it.

    Only a finished page teaches a region, so a page visited at the same time as the first one audits
    it in full. Bounded: the most recent ``max_sites`` sites, ``max_regions`` regions each.
    """

    def __init__(self, max_sites: int = 16, max_regions: int = 64):
        self.max_sites = max_sites
        self.max_regions = max_regions
        self._sites: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.reused: dict[str, list[dict[str, Any]]] = {}  # page -> its regions not audited again (region, elements, holes)
        self.errors = 0  # pages whose template-aware run failed and that were audited in full

    @staticmethod
    def site_of(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}".lower()

    def known(self, site: str) -> dict[str, Any]:
        regions = self._sites.get(site, {})
        if regions:
            self._sites.move_to_end(site)
        return regions

    def learn(self, url: str, summary: dict[str, Any]) -> None:
        if summary.get("reused"):
            self.reused[url] = summary["reused"]
        site = self.site_of(url)
        learned = summary.get("learned") or {}
        if not learned:
            return
        regions = self._sites.setdefault(site, {})
        self._sites.move_to_end(site)
        for key, result in learned.items():
            if len(regions) < self.max_regions:
                regions.setdefault(key, result)
        while len(self._sites) > self.max_sites:
            self._sites.popitem(last=False)


async def run(page: Any, options: dict[str, Any], templates: Templates | None = None, url: str = "") -> dict[str, Any]:
    """axe-core's results for ``page`` (a Playwright page), slimmed; with ``templates``, chrome regions
    already audited on an earlier page of the same site are not audited again (gather/axe_run.js)."""
    args: dict[str, Any] = {"options": options, "limit": MAX_NODES_PER_RULE, "snippet": MAX_SNIPPET}
    if templates is None:
        return await evaluate(page, TEMPLATE_SCRIPT, args)
    try:
        raw = await evaluate(
            page, TEMPLATE_SCRIPT,
            args | {"known": templates.known(Templates.site_of(url)), "record": True, "minElements": TEMPLATE_MIN_ELEMENTS},
        )
    except PlaywrightError:
        if page.is_closed():
            raise
        templates.errors += 1  # an error of the template step must not lose the page: a full run (that may fail too)
        return await evaluate(page, TEMPLATE_SCRIPT, args)
    templates.learn(url, raw.pop("regions", {}))
    return raw


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
