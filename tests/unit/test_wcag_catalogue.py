"""The WCAG catalogue (rules/wcag.yaml) and its loader."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from a11y_audit.wcag import Catalogue, Criterion, criteria_from_axe_tags, load_catalogue
from a11y_audit.wcag import catalogue as catalogue_module

RULES = Path(__file__).resolve().parents[2] / "rules"

WCAG22_ADDITIONS = {
    "2.4.11", "2.4.12", "2.4.13", "2.5.7", "2.5.8", "3.2.6", "3.3.7", "3.3.8", "3.3.9",
}
WCAG21_ADDITIONS = {
    "1.3.4", "1.3.5", "1.3.6", "1.4.10", "1.4.11", "1.4.12", "1.4.13", "2.1.4", "2.2.6",
    "2.3.3", "2.5.1", "2.5.2", "2.5.3", "2.5.4", "2.5.5", "2.5.6", "4.1.3",
}


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue(RULES / "wcag.yaml")


# --- counts -----------------------------------------------------------------


def test_entry_count(cat: Catalogue) -> None:
    assert len(cat) == 87
    assert len(list(cat)) == 87
    assert len({c.number for c in cat}) == 87


def test_wcag22_counts_per_level(cat: Catalogue) -> None:
    all22 = cat.applicable("2.2", "AAA")
    assert len(all22) == 86
    assert Counter(c.level for c in all22) == {"A": 31, "AA": 24, "AAA": 31}
    assert "4.1.1" not in {c.number for c in all22}


def test_wcag21_counts_per_level(cat: Catalogue) -> None:
    all21 = cat.applicable("2.1", "AAA")
    assert len(all21) == 78
    assert Counter(c.level for c in all21) == {"A": 30, "AA": 20, "AAA": 28}


def test_wcag20_counts_per_level(cat: Catalogue) -> None:
    all20 = cat.applicable("2.0", "AAA")
    assert len(all20) == 61
    assert Counter(c.level for c in all20) == {"A": 25, "AA": 13, "AAA": 23}


@pytest.mark.parametrize(
    ("version", "level", "expected"),
    [
        ("2.2", "A", 31),
        ("2.2", "AA", 55),
        ("2.2", "AAA", 86),
        ("2.1", "A", 30),
        ("2.1", "AA", 50),
        ("2.1", "AAA", 78),
        ("2.0", "A", 25),
        ("2.0", "AA", 38),
        ("2.0", "AAA", 61),
    ],
)
def test_applicable_counts(cat: Catalogue, version: str, level: str, expected: int) -> None:
    assert len(cat.applicable(version, level)) == expected


def test_applicable_defaults_to_22_aa(cat: Catalogue) -> None:
    assert cat.applicable() == cat.applicable("2.2", "AA")
    assert {c.level for c in cat.applicable()} == {"A", "AA"}


def test_applicable_versions(cat: Catalogue) -> None:
    n22 = {c.number for c in cat.applicable("2.2", "AAA")}
    n21 = {c.number for c in cat.applicable("2.1", "AAA")}
    n20 = {c.number for c in cat.applicable("2.0", "AAA")}
    assert n22 - n21 == WCAG22_ADDITIONS
    assert n21 - n22 == {"4.1.1"}
    assert n21 - n20 == WCAG21_ADDITIONS
    assert n20 <= n21
    assert "4.1.1" in n20


def test_applicable_level_case_and_errors(cat: Catalogue) -> None:
    assert cat.applicable("2.2", "aa") == cat.applicable("2.2", "AA")
    with pytest.raises(ValueError):
        cat.applicable("3.0", "AA")
    with pytest.raises(ValueError):
        cat.applicable("2.2", "AAAA")


def test_applicable_is_sorted(cat: Catalogue) -> None:
    got = cat.applicable("2.2", "AAA")
    assert got == sorted(got, key=lambda c: c.sort_key)


# --- entries ------------------------------------------------------------------


def test_every_entry_complete(cat: Catalogue) -> None:
    for c in cat:
        assert c.level in ("A", "AA", "AAA"), c.number
        assert c.principle in (1, 2, 3, 4), c.number
        assert c.number.startswith(c.guideline + "."), c.number
        assert c.guideline.startswith(f"{c.principle}."), c.number
        assert c.since in ("2.0", "2.1", "2.2"), c.number
        assert c.name_en.strip() and c.name_nl.strip(), c.number
        assert c.understanding.startswith("https://www.w3.org/WAI/"), c.number
        assert c.understanding.endswith(".html"), c.number
        assert c.name_nl_source in ("w3c", "project"), c.number


def test_since_matches_known_additions(cat: Catalogue) -> None:
    for c in cat:
        if c.number in WCAG22_ADDITIONS:
            assert c.since == "2.2", c.number
        elif c.number in WCAG21_ADDITIONS:
            assert c.since == "2.1", c.number
        else:
            assert c.since == "2.0", c.number


def test_understanding_urls(cat: Catalogue) -> None:
    for c in cat:
        if c.number == "4.1.1":
            assert c.understanding == "https://www.w3.org/WAI/WCAG21/Understanding/parsing.html"
        else:
            assert c.understanding.startswith("https://www.w3.org/WAI/WCAG22/Understanding/")
    assert len({c.understanding for c in cat}) == 87


@pytest.mark.parametrize(
    ("number", "slug"),
    [
        ("1.3.5", "identify-input-purpose"),
        ("1.4.3", "contrast-minimum"),
        ("2.4.11", "focus-not-obscured-minimum"),
        ("2.4.12", "focus-not-obscured-enhanced"),
        ("2.4.13", "focus-appearance"),
        ("2.5.5", "target-size-enhanced"),
        ("2.5.7", "dragging-movements"),
        ("2.5.8", "target-size-minimum"),
        ("3.2.6", "consistent-help"),
        ("3.3.7", "redundant-entry"),
        ("3.3.8", "accessible-authentication-minimum"),
        ("3.3.9", "accessible-authentication-enhanced"),
        ("4.1.2", "name-role-value"),
    ],
)
def test_understanding_slugs(cat: Catalogue, number: str, slug: str) -> None:
    c = cat.get(number)
    assert c is not None
    assert c.understanding == f"https://www.w3.org/WAI/WCAG22/Understanding/{slug}.html"


def test_en301549_clauses(cat: Catalogue) -> None:
    # EN 301 549 V3.2.1 is based on WCAG 2.1; its clause 9 has a numbered clause
    # for each Level A and AA criterion only.
    for c in cat:
        if c.since == "2.2" or c.level == "AAA":
            assert c.en301549 is None, c.number
        else:
            assert c.en301549 == "9." + c.number, c.number
    assert sum(c.en301549 is not None for c in cat) == 50


def test_parsing_removed(cat: Catalogue) -> None:
    parsing = cat.get("4.1.1")
    assert parsing is not None
    assert parsing.removed_in == "2.2"
    assert parsing.level == "A" and parsing.since == "2.0"
    assert parsing.en301549 == "9.4.1.1"
    assert [c.number for c in cat if c.removed_in] == ["4.1.1"]


def test_project_translations_marked(cat: Catalogue) -> None:
    for number in WCAG22_ADDITIONS:
        c = cat.get(number)
        assert c is not None and c.name_nl_source == "project", number


def test_get_and_names(cat: Catalogue) -> None:
    c = cat.get("1.4.3")
    assert c is not None
    assert c.level == "AA" and c.principle == 1 and c.guideline == "1.4"
    assert c.name_en == "Contrast (Minimum)"
    assert c.name() == "Contrast (minimum)"
    assert c.name("nl-BE") == "Contrast (minimum)"
    assert c.name("en") == "Contrast (Minimum)"
    assert c.en301549 == "9.1.4.3"
    with pytest.raises(ValueError):
        c.name("fr")
    assert cat.get("9.9.9") is None
    assert "4.1.2" in cat


def test_criterion_is_frozen(cat: Catalogue) -> None:
    c = cat.get("1.1.1")
    assert isinstance(c, Criterion)
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.level = "AAA"  # type: ignore[misc]


def test_principle_and_guideline_names(cat: Catalogue) -> None:
    assert [cat.principle_name(n) for n in (1, 2, 3, 4)] == [
        "Waarneembaar", "Bedienbaar", "Begrijpelijk", "Robuust",
    ]
    assert [cat.principle_name(n, "en") for n in (1, 2, 3, 4)] == [
        "Perceivable", "Operable", "Understandable", "Robust",
    ]
    assert cat.principle_name("2") == "Bedienbaar"
    assert cat.guideline_name("1.1") == "Tekstalternatieven"
    assert cat.guideline_name("1.1", "en") == "Text Alternatives"
    assert cat.guideline_name("4.1") == "Compatibel"
    for c in cat:
        assert cat.guideline_name(c.guideline)
        assert cat.guideline_name(c.guideline, "en")
    with pytest.raises(KeyError):
        cat.principle_name(5)
    with pytest.raises(KeyError):
        cat.guideline_name("1.9")


# --- ordering -----------------------------------------------------------------


def test_numeric_order(cat: Catalogue) -> None:
    numbers = [c.number for c in cat]
    assert numbers.index("1.4.9") + 1 == numbers.index("1.4.10")
    assert numbers.index("1.4.13") + 1 == numbers.index("2.1.1")
    assert numbers.index("2.4.9") < numbers.index("2.4.10") < numbers.index("2.4.13")
    assert numbers[0] == "1.1.1" and numbers[-1] == "4.1.3"
    keys = [c.sort_key for c in cat]
    assert keys == sorted(keys)
    assert cat.get("1.4.10").sort_key == (1, 4, 10)  # type: ignore[union-attr]


# --- loading ------------------------------------------------------------------


def test_default_path_and_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(catalogue_module.RULES_ENV, raising=False)
    assert catalogue_module.default_rules_dir() == RULES
    first = load_catalogue()
    assert load_catalogue() is first
    assert len(first) == 87


def test_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = (RULES / "wcag.yaml").read_text(encoding="utf-8")
    (tmp_path / "wcag.yaml").write_text(
        text.replace('name_nl: "Contrast (minimum)"', 'name_nl: "Contrast (test)"'),
        encoding="utf-8",
    )
    monkeypatch.setenv(catalogue_module.RULES_ENV, str(tmp_path))
    cat = load_catalogue()
    assert cat.get("1.4.3").name_nl == "Contrast (test)"  # type: ignore[union-attr]
    monkeypatch.setenv(catalogue_module.RULES_ENV, str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError):
        load_catalogue()


def test_bad_entry_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "wcag.yaml"
    bad.write_text(
        "principles: {1: {name_nl: Waarneembaar, name_en: Perceivable}}\n"
        'guidelines: {"1.1": {name_nl: Tekstalternatieven, name_en: Text Alternatives}}\n'
        'criteria:\n  - {number: "1.1.1", level: A}\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="missing field"):
        load_catalogue(bad)


# --- axe-core tags --------------------------------------------------------------


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["wcag111"], ["1.1.1"]),
        (["wcag1410"], ["1.4.10"]),
        (["wcag412"], ["4.1.2"]),
        (["wcag258"], ["2.5.8"]),
        (["wcag2a", "wcag21aa", "wcag22aa", "wcag2aa", "wcag2aaa", "wcag21a"], []),
        (["cat.forms", "best-practice", "ACT", "EN-9.1.1.1", "TTv5", "section508"], []),
        (
            ["cat.color", "wcag2aa", "wcag143", "EN-301-549", "EN-9.1.4.3", "ACT", "TTv5"],
            ["1.4.3"],
        ),
        (["wcag412", "wcag1410", "wcag111", "wcag149", "wcag412", "wcag111"],
         ["1.1.1", "1.4.9", "1.4.10", "4.1.2"]),
        ([], []),
    ],
)
def test_criteria_from_axe_tags(tags: list[str], expected: list[str]) -> None:
    assert criteria_from_axe_tags(tags) == expected


def test_criteria_from_axe_tags_accepts_iterables() -> None:
    assert criteria_from_axe_tags(t for t in ("wcag2411", "wcag131")) == ["1.3.1", "2.4.11"]
    assert criteria_from_axe_tags(("wcag22",)) == []


def test_axe_tags_name_known_criteria(cat: Catalogue) -> None:
    tags = ["wcag" + c.number.replace(".", "") for c in cat]
    assert criteria_from_axe_tags(tags) == [c.number for c in cat]
