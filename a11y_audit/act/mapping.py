"""rules/act-mapping.yaml: which tool rules (axe-core and our own) implement which ACT rule."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ..paths import rules_dir

MAPPING_FILE = "act-mapping.yaml"
AXE = "axe"
OWN = "a11y-audit"
_RULE_ID = r"[a-z0-9]{6}"


class MappingError(ValueError):
    pass


@dataclass(frozen=True)
class ToolRule:
    engine: str  # AXE or OWN
    id: str


@dataclass(frozen=True)
class RuleMapping:
    act_rule: str
    name: str
    tool_rules: tuple[ToolRule, ...]
    note: str = ""


class Mapping:
    def __init__(self, rules: dict[str, RuleMapping]):
        self.rules = rules

    def tool_rules(self, act_rule: str) -> tuple[ToolRule, ...]:
        entry = self.rules.get(act_rule)
        return entry.tool_rules if entry else ()

    def all_tool_rules(self) -> set[ToolRule]:
        return {t for entry in self.rules.values() for t in entry.tool_rules}

    def restricted(self, engines: set[str]) -> "Mapping":
        """The same mapping with only the tool rules of ``engines`` (e.g. axe-core only)."""
        return Mapping(
            {
                k: RuleMapping(v.act_rule, v.name, tuple(t for t in v.tool_rules if t.engine in engines), v.note)
                for k, v in self.rules.items()
            }
        )


def parse_mapping(data: Any, where: str = MAPPING_FILE, own_ids: set[str] | None = None) -> Mapping:
    import re

    if not isinstance(data, dict):
        raise MappingError(f"{where}: expected a mapping of ACT rule ids")
    rules: dict[str, RuleMapping] = {}
    for act_rule, entry in data.items():
        act_rule = str(act_rule)
        if not re.fullmatch(_RULE_ID, act_rule):
            raise MappingError(f"{where}: {act_rule!r} is not an ACT rule id (six lowercase letters or digits)")
        if not isinstance(entry, dict):
            raise MappingError(f"{where}: {act_rule}: expected keys name, axe, own")
        unknown = set(entry) - {"name", "axe", "own", "note"}
        if unknown:
            raise MappingError(f"{where}: {act_rule}: unknown key {', '.join(sorted(unknown))}")
        tool_rules: list[ToolRule] = []
        for engine, key in ((AXE, "axe"), (OWN, "own")):
            ids = entry.get(key) or []
            if not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
                raise MappingError(f"{where}: {act_rule}.{key}: expected a list of rule ids")
            if engine == OWN and own_ids is not None:
                missing = [i for i in ids if i not in own_ids]
                if missing:
                    raise MappingError(f"{where}: {act_rule}.own: no own check with id {', '.join(missing)}")
            tool_rules.extend(ToolRule(engine, i) for i in ids)
        rules[act_rule] = RuleMapping(act_rule, str(entry.get("name", "")), tuple(tool_rules), str(entry.get("note", "")))
    return Mapping(rules)


def load_mapping(path: Path | None = None) -> Mapping:
    from ..checks import REGISTRY

    path = path or rules_dir() / MAPPING_FILE
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MappingError(f"{path}: cannot read: {exc}") from None
    return parse_mapping(data, str(path), {c.id for c in REGISTRY})
