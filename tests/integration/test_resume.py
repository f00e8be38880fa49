"""A run killed with SIGKILL halfway goes on with `run --resume`: no page lost, none audited twice,
the same results as a run that was never interrupted."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import pytest
from paged_site import counting_handler, write_site

from a11y_audit.demo.server import serve_folder
from a11y_audit.store.sqlite import Store

pytestmark = pytest.mark.browser

PAGES = 8  # killed after 4


def targets_yaml(path, base):
    path.write_text(
        "settings:\n  page_timeout: 20\n  max_pages: 20\n  concurrency: 1\n  request_delay: 0\n  sample_seed: 7\n"
        "  allowed_hosts: [127.0.0.1]\n  interaction: false\n"  # the pages have nothing for the Tab walk and co. to find
        f"sites:\n  - id: pagina\n    name: Paginagemeente\n    url: {base}\n",
        encoding="utf-8",
    )
    return path


def start_cli(*args, env):
    return subprocess.Popen([sys.executable, "-m", "a11y_audit", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, start_new_session=True)  # own process group: Chromium dies with it


def saved_pages(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return con.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def results(db):
    with Store(db) as store:
        run_id = store.latest_run_id()
        run = store.run(run_id)
        site = store.sites(run_id)[0]
        pages = {(p.url, p.state, p.reason, p.chosen_for) for p in store.pages(run_id, "pagina")}
        findings = Counter((f.page_url, f.rule_id, f.outcome, f.selector) for f in store.findings(run_id, "pagina"))
        score = store.score_history("pagina", run_id)[-1]
        urls = Counter(r[0] for r in store.db.execute("SELECT url FROM pages WHERE run_id = ?", (run_id,)))
        planned = {p.url for p in store.planned(run_id, "pagina")}
        return run, site, pages, findings, score, urls, planned


def test_killed_run_resumes_without_losing_or_repeating_pages(tmp_path):
    env = os.environ | {"A11Y_AUDIT_LOCK_DIR": str(tmp_path)}
    paths = write_site(tmp_path / "site", PAGES)
    handler = counting_handler(delay=0.6)
    with serve_folder(tmp_path / "site", handler_class=handler) as base:
        targets = targets_yaml(tmp_path / "targets.yaml", base)
        # the run that is not interrupted, meanwhile (a targets file of its own: one run per file at a time)
        whole = start_cli("run", "--targets", str(targets_yaml(tmp_path / "whole.yaml", base)), "--out", str(tmp_path / "whole"),
                          env=env)

        db = tmp_path / "killed" / "a11y-audit.sqlite"
        killed = start_cli("run", "--targets", str(targets), "--out", str(tmp_path / "killed"), env=env)
        deadline = time.monotonic() + 300
        while saved_pages(db) < 4 and killed.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(killed.pid, signal.SIGKILL)
        killed.wait(timeout=30)
        before_kill = saved_pages(db)
        with Store(db) as store:
            run_id = store.latest_run_id()
            assert store.run(run_id).status == "running"
            kept = {p.url: p for p in store.pages(run_id, "pagina")}
            kept_findings = len(store.findings(run_id))
            spent = store.visit_seconds(run_id, "pagina")  # counted against max_site_seconds when resumed
        assert 4 <= before_kill < PAGES, "the run was not killed halfway"
        assert whole.wait(timeout=600) == 0, whole.stderr.read()

        handler.counts.clear()
        resumed = subprocess.run([sys.executable, "-m", "a11y_audit", "run", "--resume", "--targets", str(targets),
                                  "--out", str(tmp_path / "killed")], capture_output=True, text=True, env=env, timeout=600)
        assert resumed.returncode == 0, resumed.stderr
        assert f"Resuming run {run_id}." in resumed.stdout and f"Run {run_id} done." in resumed.stdout

    run, site, pages, findings, score, urls, planned = results(db)
    w_run, w_site, w_pages, w_findings, w_score, w_urls, w_planned = results(tmp_path / "whole" / "a11y-audit.sqlite")
    print(f"\npages saved before the kill: {before_kill} of {len(w_pages)}; findings then: {kept_findings}")
    assert run.id == run_id and run.status == "finished" and site.status == "audited"
    with Store(db) as store:  # 4 pages of 0.6 s each at least, then the resumed run's time on top
        assert spent > 2.4 and store.visit_seconds(run_id, "pagina") > spent + 2.4
    assert len(pages) == PAGES and set(urls.values()) == {1} and planned == set(urls)  # each planned page once
    # pages saved before the kill were not visited again; the others once each
    for path in paths:
        assert handler.counts[path] == (0 if base.rstrip("/") + path in kept else 1), path
    # the same results as the run that was not interrupted
    assert {(u.replace(base, "/"), *rest) for u, *rest in pages} == {(u.replace(base, "/"), *rest) for u, *rest in w_pages}
    assert findings == w_findings and sum(findings.values()) > PAGES
    assert (score.score, score.failed_criteria, score.failed_findings, score.pages_audited) == \
        (w_score.score, w_score.failed_criteria, w_score.failed_findings, w_score.pages_audited)
    assert planned == w_planned
