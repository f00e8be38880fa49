"""The same audit stored in PostgreSQL and in SQLite: the same pages, findings, scores and reports."""

import json
import re
import subprocess
import sys

import pytest

pytestmark = pytest.mark.browser


def cli(*args):
    return subprocess.run([sys.executable, "-m", "a11y_audit", *args], capture_output=True, text=True, timeout=300)


def comparable(export: dict) -> dict:
    """An exported run without what differs between two runs of the same site (times, database ids)."""
    for site in export["sites"]:
        site["discovery"].pop("seconds")
    return {"settings": export["run"]["settings"], "status": export["run"]["status"], "sites": export["sites"]}


def report_text(path) -> str:
    html = path.read_text(encoding="utf-8")
    return re.sub(r"\d{1,2}:\d{2}|\d+(,\d+)? s\b", "", html)  # clock times and durations


def test_run_report_and_export_in_postgresql_equal_sqlite(fixture_site, postgres_url, tmp_path):
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        "settings:\n  page_timeout: 20\n  max_pages: 20\n  sample_seed: 3\n  allowed_hosts: [127.0.0.1]\n"
        "  concurrency: 1\n  per_host_concurrency: 1\n"  # one page at a time: the same order in both stores
        f"sites:\n  - id: test\n    name: Testgemeente\n    url: {fixture_site}\n",
        encoding="utf-8",
    )
    pg, lite = tmp_path / "pg", tmp_path / "lite"
    # both runs at the same time (their own copy of the targets file: one run per file at a time)
    lite_targets = tmp_path / "lite.yaml"
    lite_targets.write_text(targets.read_text(encoding="utf-8"), encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, "-m", "a11y_audit", "run", "--targets", str(file), "--out", str(out), *db],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for file, out, db in ((targets, pg, ["--db", postgres_url]), (lite_targets, lite, []))]
    for run in runs:
        stdout, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
        assert "Run 1 done." in stdout
    assert not (pg / "a11y-audit.sqlite").exists()

    exported = cli("export", "1", "--db", postgres_url)
    assert exported.returncode == 0, exported.stderr
    from_pg = json.loads(exported.stdout)
    from_sqlite = json.loads((lite / "run-1.json").read_text(encoding="utf-8"))
    assert from_pg == json.loads((pg / "run-1.json").read_text(encoding="utf-8"))
    assert comparable(from_pg) == comparable(from_sqlite)
    site = from_pg["sites"][0]
    assert site["status"] == "audited" and len(site["pages"]) == 5 and len(site["findings"]) >= 7

    again = cli("report", "1", "--db", postgres_url, "--out", str(pg))
    assert again.returncode == 0, again.stderr
    assert report_text(pg / "sites" / "test.html") == report_text(lite / "sites" / "test.html")
