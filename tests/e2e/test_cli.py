"""The command line on a local fixture site: run, report, export."""

import json
import socket
import subprocess
import sys

import pytest

pytestmark = pytest.mark.browser


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "a11y_audit", *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_run_report_and_export(fixture_site, tmp_path):
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        "settings:\n  page_timeout: 20\n  max_pages: 3\n  allowed_hosts: [127.0.0.1]\n"
        f"sites:\n  - id: test\n    name: Testgemeente\n    url: {fixture_site}\n"
        f"  - id: niet-bereikbaar\n    name: Onbereikbaar\n    url: http://127.0.0.1:{closed_port()}/\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = cli("run", "--targets", str(targets), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Run 1 done. Reports:" in result.stdout
    assert (out / "index.html").is_file() and (out / "sites" / "test.html").is_file()
    data = json.loads((out / "run-1.json").read_text(encoding="utf-8"))
    sites = {s["id"]: s for s in data["sites"]}
    assert len(sites["test"]["pages"]) == 3  # max_pages
    assert sites["niet-bereikbaar"]["status"] == "failed"
    assert "De server weigerde de verbinding." in (out / "sites" / "niet-bereikbaar.html").read_text(encoding="utf-8")

    exported = cli("export", "1", "--format", "json", "--db", str(out / "a11y-audit.sqlite"))
    assert exported.returncode == 0 and json.loads(exported.stdout)["sites"] == data["sites"]

    again = cli("report", "--out", str(out), "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert "Accessibility report: Testgemeente" in (out / "sites" / "test.html").read_text(encoding="utf-8")


def test_unknown_site_and_missing_run_are_usage_errors(tmp_path):
    targets = tmp_path / "t.yaml"
    targets.write_text("sites:\n  - id: a\n    name: A\n    url: http://127.0.0.1:9/\n", encoding="utf-8")
    result = cli("run", "--targets", str(targets), "--site", "b", "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "no site with id b" in result.stderr
    empty = cli("report", "--out", str(tmp_path / "empty"))
    assert empty.returncode == 2 and "no such store" in empty.stderr


def test_no_browser_exits_3_with_instructions(tmp_path):
    import os

    env = {**os.environ, "A11Y_AUDIT_BROWSER": "/nonexistent/chrome"}
    result = subprocess.run([sys.executable, "-m", "a11y_audit", "doctor"], capture_output=True, text=True, env=env)
    assert result.returncode == 3
    assert "apt-get install -y chromium" in result.stderr
