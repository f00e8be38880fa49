"""Scheduled runs: alerts only when a site gets worse, and no overlapping runs."""

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from a11y_audit.demo.server import serve_folder
from a11y_audit.monitor.lock import run_lock

pytestmark = pytest.mark.browser
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site"


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's handler name
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"


@pytest.fixture
def receivers():
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        smtp_port = probe.getsockname()[1]
    smtp = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    posts = []

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            posts.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    http = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    yield inbox, posts, smtp_port, f"http://127.0.0.1:{http.server_address[1]}/hook"
    http.shutdown()
    smtp.stop()


def run(targets, out, env):
    return subprocess.run([sys.executable, "-m", "a11y_audit", "run", "--targets", str(targets), "--out", str(out)],
                          capture_output=True, text=True, timeout=300, env=env)


def test_one_alert_for_a_new_serious_barrier_and_none_when_nothing_changed(tmp_path, receivers):
    inbox, posts, smtp_port, hook = receivers
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    env = {**os.environ, "A11Y_AUDIT_SMTP_HOST": "127.0.0.1", "A11Y_AUDIT_SMTP_PORT": str(smtp_port),
           "A11Y_AUDIT_LOCK_DIR": str(tmp_path)}
    with serve_folder(site) as base:
        targets = tmp_path / "targets.yaml"
        targets.write_text(
            "settings:\n  max_pages: 2\n  follow_links: false\n  allowed_hosts: [127.0.0.1]\n"
            f"  alerts:\n    new_impact: serious\n    score_drop: 50\n    email_to: [webteam@testgemeente.be]\n"
            f"    webhook_url: {hook}\n    report_url: https://rapporten.testgemeente.be/a11y\n"
            f"sites:\n  - id: testgemeente\n    name: Testgemeente\n    url: {base}page2.html\n", encoding="utf-8")
        out = tmp_path / "out"
        first = run(targets, out, env)
        assert first.returncode == 0, first.stderr
        second = run(targets, out, env)
        assert second.returncode == 0 and "Alerts: 0 site(s) regressed" in second.stdout
        assert posts == [] and inbox.messages == []
        page = site / "page2.html"
        page.write_text(page.read_text(encoding="utf-8").replace(
            "</main>", '<form><input type="text" name="zoek"></form></main>'), encoding="utf-8")
        third = run(targets, out, env)
    assert third.returncode == 0, third.stderr
    assert "Alerts: 1 site(s) regressed (alert sent)" in third.stdout
    assert len(posts) == 1 and len(inbox.messages) == 1
    site_alert = posts[0]["sites"]
    assert [s["name"] for s in site_alert] == ["Testgemeente"]
    assert [f["rule_id"] for f in site_alert[0]["new_findings"]] == ["label"]
    mail = inbox.messages[0]
    assert "Testgemeente" in mail and "label" in mail and "Nieuw probleem" in mail
    assert "https://rapporten.testgemeente.be/a11y/sites/testgemeente.html" in mail


def test_overlapping_runs_are_refused(tmp_path):
    targets = tmp_path / "targets.yaml"
    targets.write_text("sites:\n  - id: a\n    name: A\n    url: http://127.0.0.1:1/\n", encoding="utf-8")
    env = {**os.environ, "A11Y_AUDIT_LOCK_DIR": str(tmp_path)}
    os.environ["A11Y_AUDIT_LOCK_DIR"] = str(tmp_path)
    try:
        with run_lock(str(targets.resolve())):
            busy = run(targets, tmp_path / "out", env)
    finally:
        del os.environ["A11Y_AUDIT_LOCK_DIR"]
    assert busy.returncode == 4
    assert "still busy" in busy.stderr
    assert not (tmp_path / "out").exists()
