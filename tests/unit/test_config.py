from pathlib import Path

import pytest
from click.testing import CliRunner

from a11y_audit.cli import main
from a11y_audit.config import ConfigError, load_targets, parse_targets

ROOT = Path(__file__).resolve().parents[2]

VALID = """\
settings:
  concurrency: 3
  wcag_version: 2.1
sites:
  - id: gent
    name: Stad Gent
    url: https://stad.gent/
    level: lokaal
    province: Oost-Vlaanderen
    nis_code: 44021
    tags: [centrumstad]
    max_pages: 5
    exclude: ['/agenda/']
  - id: vlaanderen
    name: Vlaanderen.be
    url: https://www.vlaanderen.be/
"""


def test_valid_targets_are_read_with_defaults():
    targets = parse_targets(VALID)
    assert targets.settings.concurrency == 3
    assert targets.settings.wcag_version == "2.1"
    assert targets.settings.wcag_level == "AA"
    gent, vlaanderen = targets.sites
    assert gent.nis_code == "44021"
    assert targets.site_max_pages(gent) == 5
    assert targets.site_max_pages(vlaanderen) == targets.settings.max_pages


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_targets(text, "targets.yaml")
    return info.value


@pytest.mark.parametrize(
    ("text", "line", "key", "expected"),
    [
        (VALID.replace("concurrency: 3", "concurrency: -1"), 2, "settings.concurrency", "greater than or equal to 1"),
        (VALID.replace("wcag_version: 2.1", "wcag_version: 3.0"), 3, "settings.wcag_version", "'2.0', '2.1' or '2.2'"),
        (VALID.replace("url: https://stad.gent/", "url: stad.gent"), 7, "sites[0].url", "http:// or https://"),
        (VALID.replace("nis_code: 44021", "nis_code: 4402"), 10, "sites[0].nis_code", "five digits"),
        (VALID.replace("level: lokaal", "level: gemeente"), 8, "sites[0].level", "'vlaams'"),
        (VALID.replace("    name: Vlaanderen.be\n", ""), 14, "sites[1].name", "required"),
        (VALID.replace("    tags:", "    tgas:"), 11, "sites[0].tgas", "unknown key"),
        (VALID.replace("id: vlaanderen", "id: gent"), 14, "sites[1].id", "used twice"),
        (VALID.replace("id: gent", "id: Stad Gent"), 5, "sites[0].id", "lowercase"),
        (VALID.replace("'/agenda/'", "'(unclosed'"), 13, "sites[0].exclude", "regular expression"),
    ],
)
def test_errors_name_file_line_and_key(text, line, key, expected):
    error = error_of(text)
    assert (error.path, error.line, error.key) == ("targets.yaml", line, key)
    assert expected in error.message
    assert str(error).startswith(f"targets.yaml:{line}: {key}: ")


def test_all_errors_are_reported_not_only_the_first():
    text = VALID.replace("    name: Vlaanderen.be\n", "").replace("concurrency: 3", "concurrency: zero")
    error = error_of(text)
    assert len(error.more) == 1
    assert "settings.concurrency" in str(error) and "sites[1].name" in str(error)


def test_broken_yaml_names_the_line():
    error = error_of("sites:\n  - id: a\n    name: [unclosed\n")
    assert error.line is not None and error.line >= 3
    assert "not valid YAML" in error.message


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_targets(tmp_path / "nope.yaml")


def test_cli_exits_2_and_writes_nothing_on_a_bad_file(tmp_path):
    bad = tmp_path / "targets.yaml"
    bad.write_text(VALID.replace("url: https://stad.gent/", "url: 12"), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", "--targets", str(bad), "--out", str(out)])
    assert result.exit_code == 2
    assert f"{bad}:7: sites[0].url" in result.output
    assert not out.exists()


@pytest.mark.parametrize("name", ["targets.yaml", "targets/gemeenten.yaml"])
def test_shipped_target_files_are_valid(name):
    targets = load_targets(ROOT / name)
    assert targets.sites


def test_municipalities_file_has_all_285_marked_unverified():
    targets = load_targets(ROOT / "targets" / "gemeenten.yaml")
    assert len(targets.sites) == 285
    assert all(not s.url_verified for s in targets.sites)
    assert all(s.nis_code and s.province and s.level == "lokaal" for s in targets.sites)
    assert {s.province for s in targets.sites} == {"Antwerpen", "Vlaams-Brabant", "West-Vlaanderen", "Oost-Vlaanderen", "Limburg"}
    assert sum(1 for s in targets.sites if s.url is None) == 4
