"""Two runs of the demo into one store: trends, changes, compare, PDF, and the reports' own audit."""

import subprocess
import sys

import pytest


from report_audit import report_violations

pytestmark = pytest.mark.browser


def cli(*args):
    return subprocess.run([sys.executable, "-m", "a11y_audit", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    out = tmp_path_factory.mktemp("two")
    for _ in range(2):
        result = cli("demo", "--out", str(out))
        assert result.returncode == 0, result.stderr
    return out


def test_unchanged_sites_have_zero_new_and_zero_fixed_findings(two_runs):
    result = cli("compare", "1", "2", "--db", str(two_runs / "a11y-audit.sqlite"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("findings: 0 new, 0 fixed") == 2
    assert "score:     53.4 -> 53.4 (+0.0)" in result.stdout or "(+0.0)" in result.stdout
    site = (two_runs / "sites" / "dorpsveen.html").read_text(encoding="utf-8")
    assert "Vergeleken met test 1: 0 nieuwe problemen, 0 opgelost" in site
    assert "Score door de tijd" in site


def test_comparison_ranks_the_accessible_site_first(two_runs):
    index = (two_runs / "index.html").read_text(encoding="utf-8")
    assert index.index("Gemeente Beekveld") < index.index("Gemeente Dorpsveen")
    assert "Rangschikking" in index and "Verdeling van de scores" in index and "Groepen" in index


def test_pdf_export(two_runs):
    result = cli("report", "--out", str(two_runs), "--pdf")
    assert result.returncode == 0, result.stderr
    pdf = (two_runs / "sites" / "dorpsveen.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_report_page_with_trends_passes_axe(two_runs, lang, tmp_path):
    out = tmp_path / lang
    result = cli("report", "--out", str(out), "--db", str(two_runs / "a11y-audit.sqlite"), "--lang", lang)
    assert result.returncode == 0, result.stderr
    pages = ["index.html", "sites/beekveld.html", "sites/dorpsveen.html"]
    assert report_violations(out, pages) == {page: [] for page in pages}
