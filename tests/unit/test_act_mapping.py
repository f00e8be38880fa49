"""rules/act-mapping.yaml: valid, complete for the approved rules, and only rules that run in an audit."""

import pytest

from a11y_audit.act.mapping import AXE, OWN, MappingError, load_mapping, parse_mapping
from a11y_audit.act.suite import Suite, default_suite_dir
from a11y_audit.checks import REGISTRY
from a11y_audit.paths import load_rules_yaml

SUITE = default_suite_dir()


def test_mapping_loads_and_names_only_known_rules():
    mapping = load_mapping()
    own = {c.id for c in REGISTRY}
    axe_texts = load_rules_yaml("axe-nl.yaml")
    for entry in mapping.rules.values():
        assert entry.name
        for rule in entry.tool_rules:
            if rule.engine == OWN:
                assert rule.id in own
            else:
                # axe-nl.yaml lists A/AA criteria per axe rule; an empty list means best practice,
                # AAA or experimental: such rules do not run in an audit and must not be mapped
                assert rule.id in axe_texts, rule.id
                assert axe_texts[rule.id].get("wcag"), f"{rule.id} does not run in a WCAG A/AA audit"


@pytest.mark.parametrize(
    "data, problem",
    [
        ({"ABC": {"name": "x"}}, "not an ACT rule id"),
        ({"abc123": {"name": "x", "axe": "image-alt"}}, "expected a list"),
        ({"abc123": {"name": "x", "extra": 1}}, "unknown key"),
        ({"abc123": {"name": "x", "own": ["no-such-check"]}}, "no own check"),
    ],
)
def test_mapping_errors_name_the_rule_and_the_key(data, problem):
    with pytest.raises(MappingError, match=problem):
        parse_mapping(data, "act-mapping.yaml", {"link-text-vague"})


def test_restricting_to_axe_keeps_every_act_rule():
    mapping = load_mapping()
    axe_only = mapping.restricted({AXE})
    assert set(axe_only.rules) == set(mapping.rules)
    assert all(t.engine == AXE for t in axe_only.all_tool_rules())


@pytest.mark.skipif(not (SUITE / "cases.json").is_file(), reason="ACT test suite not present")
def test_every_approved_rule_of_the_suite_has_an_entry():
    suite = Suite(SUITE)
    mapping = load_mapping()
    assert set(suite.approved_rules()) <= set(mapping.rules)
