"""rules/axe-nl.yaml: a Dutch title, who and fix for every axe-core rule.

The rule list and tags come from the bundled axe.min.js, read with node.
Without node the comparison with axe-core is skipped; the file itself is
still checked.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from ruamel.yaml import YAML

YAML_PATH = Path(__file__).resolve().parents[2] / "rules" / "axe-nl.yaml"
AXE_PATH = Path(axe_playwright_python.__file__).parent / "axe.min.js"

TEXT_FIELDS = ("title", "who", "fix")
FIELDS = {*TEXT_FIELDS, "wcag"}
# Tags that put a rule at WCAG level A or AA. Rules with only AAA,
# "wcag2a-obsolete" (4.1.1) or best-practice tags get an empty wcag list.
LEVEL_A_AA = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"}
CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")  # wcag111 -> 1.1.1, wcag1410 -> 1.4.10
CRITERION = re.compile(r"^\d\.\d\.\d+$")

# window/document undefined: the UMD bundle then only exports axe to module.exports.
NODE_SCRIPT = """
global.window = undefined;
const axe = require(process.argv[1]);
process.stdout.write(JSON.stringify({
  version: axe.version,
  rules: axe.getRules().map(r => ({id: r.ruleId, tags: r.tags, help: r.help})),
}));
"""


def expected_wcag(tags: list[str]) -> list[str]:
    """WCAG criteria of a rule, only when it carries an A or AA level tag."""
    if not LEVEL_A_AA.intersection(tags):
        return []
    return [".".join(m.groups()) for tag in tags if (m := CRITERION_TAG.match(tag))]


def criterion_key(criterion: str) -> tuple[int, ...]:
    return tuple(int(part) for part in criterion.split("."))


@pytest.fixture(scope="module")
def texts() -> dict[str, Any]:
    data = YAML(typ="safe").load(YAML_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{YAML_PATH}: expected a mapping of axe rule ids"
    return data


@pytest.fixture(scope="module")
def axe_rules() -> dict[str, dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: cannot read the rule list from axe.min.js")
    assert AXE_PATH.is_file(), f"axe.min.js not found at {AXE_PATH}"
    proc = subprocess.run(
        [node, "-e", NODE_SCRIPT, str(AXE_PATH)], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, f"node could not load {AXE_PATH}:\n{proc.stderr}"
    rules = json.loads(proc.stdout)["rules"]
    assert rules, "axe.getRules() returned no rules"
    return {rule["id"]: rule for rule in rules}


def test_entries_are_complete(texts: dict[str, Any]) -> None:
    problems = []
    for rule_id, entry in texts.items():
        if not isinstance(entry, dict):
            problems.append(f"{rule_id}: expected the keys {sorted(FIELDS)}")
            continue
        if unknown := set(entry) - FIELDS:
            problems.append(f"{rule_id}: unknown key(s) {sorted(unknown)}")
        for field in TEXT_FIELDS:
            value = entry.get(field)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{rule_id}: '{field}' is missing or empty")
        wcag = entry.get("wcag")
        if not isinstance(wcag, list) or not all(isinstance(c, str) and CRITERION.match(c) for c in wcag):
            problems.append(f"{rule_id}: 'wcag' must be a list like [\"1.1.1\", \"1.4.10\"], got {wcag!r}")
        elif len(set(wcag)) != len(wcag):
            problems.append(f"{rule_id}: 'wcag' lists a criterion twice: {wcag}")
    assert not problems, "\n".join(problems)


def test_every_axe_rule_has_texts(texts: dict[str, Any], axe_rules: dict[str, dict[str, Any]]) -> None:
    missing = [rule for rule_id, rule in axe_rules.items() if rule_id not in texts]
    assert not missing, f"{len(missing)} axe-core rule(s) missing in {YAML_PATH}:\n" + "\n".join(
        f"  {r['id']}: tags {r['tags']}; axe help: {r['help']!r}; wcag: {expected_wcag(r['tags'])}" for r in missing
    )


def test_wcag_matches_axe_tags(texts: dict[str, Any], axe_rules: dict[str, dict[str, Any]]) -> None:
    wrong = []
    for rule_id, rule in axe_rules.items():
        entry = texts.get(rule_id)
        if not isinstance(entry, dict) or not isinstance(entry.get("wcag"), list):
            continue  # reported by the tests above
        expected = sorted(expected_wcag(rule["tags"]), key=criterion_key)
        try:
            actual = sorted(entry["wcag"], key=criterion_key)
        except (ValueError, TypeError, AttributeError):
            actual = entry["wcag"]
        if actual != expected:
            wrong.append(f"  {rule_id}: wcag {entry['wcag']} but axe tags {rule['tags']} give {expected}")
    assert not wrong, f"wcag lists in {YAML_PATH} that differ from axe-core:\n" + "\n".join(wrong)
