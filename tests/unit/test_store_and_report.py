import json
import sqlite3
from pathlib import Path

import jsonschema
import pytest

from a11y_audit.checks import check_page
from a11y_audit.config import Site
from a11y_audit.report.export import run_to_dict
from a11y_audit.report.html import write_reports
from a11y_audit.snapshot import failed_page
from a11y_audit.store.schema import SCHEMA_VERSION
from a11y_audit.store.sqlite import Store, StoreError

from snapshots import axe_rule, document, link, page

ROOT = Path(__file__).resolve().parents[2]
EVIL = "<script>alert('x')</script>"


@pytest.fixture
def store(store_location):
    with Store(store_location) as store:
        yield store


def fill(store: Store) -> int:
    run_id = store.start_run({"wcag_version": "2.2", "wcag_level": "AA"}, "targets.yaml", "0.1.0", {"python": "3.11"})
    store.set_engine(run_id, "4.12.1", "/axe.min.js", "156.0")
    store.add_sites(run_id, [
        Site(id="a", name="Gemeente A", url="https://a.be/", level="lokaal", province="Limburg"),
        Site(id="b", name="Gemeente B", url="https://b.be/", url_verified=False),
    ])
    contrast = axe_rule("color-contrast", "serious", ("wcag2aa", "wcag143"), "p.licht", html="<p class='licht'>x</p>")
    image = axe_rule("image-alt", "critical", ("wcag2a", "wcag111"), "img", html=f'<img src="x.png" title="{EVIL}">')
    home = page("https://a.be/", violations=[contrast, image], title=EVIL,
                links=[link("javascript:alert(1)", "Lees meer"), link("https://a.be/nieuws", "Lees meer")],
                documents=[document("https://a.be/r.pdf", "Reglement"), document("javascript:alert(1).pdf", "Kwaad")])
    other = page("https://a.be/over", violations=[contrast])
    for depth, snapshot in enumerate([home, other, failed_page("https://a.be/traag", "timeout: 30")]):
        store.save_page(run_id, "a", depth, snapshot, check_page(snapshot))
    store.set_site_status(run_id, "a", "audited")
    store.set_site_status(run_id, "b", "failed", "dns")
    store.finish_run(run_id)
    return run_id


def test_schema_is_migrated_and_versioned(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "sites", "pages", "findings"} <= tables
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_store_keeps_runs_pages_snapshots_and_findings(store):
    run_id = fill(store)
    run = store.run(run_id)
    assert run.status == "finished" and run.axe_version == "4.12.1" and run.versions == {"python": "3.11"}
    pages = store.pages(run_id, "a")
    assert [(p.url, p.state) for p in pages] == [("https://a.be/", "audited"), ("https://a.be/over", "audited"), ("https://a.be/traag", "failed")]
    snapshots = list(store.snapshots(run_id, "a"))
    assert snapshots[0].title == EVIL and snapshots[0].axe.violations[0].id == "color-contrast"
    assert {f.rule_id for f in store.findings(run_id, "a")} == {"color-contrast", "image-alt", "link-text-vague"}


def test_a_failed_write_leaves_nothing_half_written(store):
    run_id = fill(store)
    before = len(store.findings(run_id))
    bad = page("https://a.be/bad", violations=[axe_rule("image-alt", "critical", ("wcag111",), "img")])
    findings = check_page(bad)
    object.__setattr__(findings[0], "rule_id", None)  # violates NOT NULL inside the transaction
    with pytest.raises(Exception, match="(?i)not[ -]null"):  # sqlite3's or psycopg's IntegrityError
        store.save_page(run_id, "a", 1, bad, findings)
    assert "https://a.be/bad" not in [p.url for p in store.pages(run_id, "a")]
    assert len(store.findings(run_id)) == before


def test_site_report_is_dutch_escaped_and_worst_first(store, tmp_path):
    run_id = fill(store)
    index = write_reports(store, run_id, tmp_path / "out")
    html = (tmp_path / "out" / "sites" / "a.html").read_text(encoding="utf-8")
    assert '<html lang="nl-BE">' in html
    assert "Toegankelijkheidsrapport: Gemeente A" in html
    # page content is data, never markup
    assert EVIL not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    # worst first: the critical 1.1.1 comes before the serious 1.4.3
    assert html.index("1.1.1 Niet-tekstuele content") < html.index("1.4.3 Contrast (minimum)")
    assert "Kritiek" in html and "Ernstig" in html
    assert "Voor wie is dit een probleem?" in html and "Hoe lost u het op?" in html
    assert "De pagina laadde niet binnen 30 seconden." in html
    assert "https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html" in html
    assert "Na te kijken door een mens" in html  # the vague link text
    assert "Gelinkte documenten" in html and "https://a.be/r.pdf" in html
    assert "2 van de 55 criteria" not in html  # the figure and its unit are separate elements
    index_html = index.read_text(encoding="utf-8")
    assert 'href="sites/a.html"' in index_html and "Gemeente B" in index_html
    assert "De domeinnaam bestaat niet of is onbekend." in index_html
    b_html = (tmp_path / "out" / "sites" / "b.html").read_text(encoding="utf-8")
    assert "niet nagekeken" in b_html  # unverified address


def test_reports_in_english(store, tmp_path):
    run_id = fill(store)
    write_reports(store, run_id, tmp_path / "out", lang="en")
    html = (tmp_path / "out" / "sites" / "a.html").read_text(encoding="utf-8")
    assert "Accessibility report: Gemeente A" in html and "1.1.1 Non-text Content" in html


def test_json_export_follows_its_published_schema(store):
    run_id = fill(store)
    data = run_to_dict(store, run_id)
    schema = json.loads((ROOT / "docs" / "run-export.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    site = next(s for s in data["sites"] if s["id"] == "a")
    assert site["pages"][2] | {"reason": "timeout: 30", "state": "failed"} == site["pages"][2]
    finding = next(f for f in site["findings"] if f["rule_id"] == "image-alt")
    assert finding["criteria"] == ["1.1.1"] and finding["outcome"] == "failed" and finding["engine"] == "axe"


def test_exports_hold_one_row_per_site_and_open_with_standard_readers(store, tmp_path):
    import csv

    import openpyxl

    run_id = fill(store)
    write_reports(store, run_id, tmp_path / "out")
    with (tmp_path / "out" / f"sites-{run_id}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["provincie"] == "Limburg" and rows[0]["criteria niet gehaald"] == "2"
    assert rows[1]["status"] == "failed" and rows[1]["reden niet getest"] == "dns"
    sheet = openpyxl.load_workbook(tmp_path / "out" / f"sites-{run_id}.xlsx").active
    values = list(sheet.values)
    assert len(values) == 3 and values[0][0] == "id" and values[1][1] == "Gemeente A"
    assert isinstance(values[1][values[0].index("score")], float)
