from datetime import datetime, timedelta, timezone

import pytest

from a11y_audit.checks import check_page
from a11y_audit.config import Site
from a11y_audit.store.sqlite import Store
from a11y_audit.trends import record_scores, score_history

from snapshots import axe_rule, page


def add_run(store: Store, started: datetime, sites=("a", "b")) -> int:
    run_id = store.start_run({"wcag_version": "2.2", "wcag_level": "AA"}, None, "0.1.0", {})
    store.db.execute("UPDATE runs SET started_at = ? WHERE id = ?", (started.isoformat(timespec="seconds"), run_id))
    store.add_sites(run_id, [Site(id=s, name=s.upper(), url=f"https://{s}.be/") for s in sites])
    for site in sites:
        snapshot = page(f"https://{site}.be/", violations=[axe_rule("image-alt", "critical", ("wcag2a", "wcag111"), "img")])
        store.save_page(run_id, site, 0, snapshot, check_page(snapshot))
        store.set_site_status(run_id, site, "audited")
    store.finish_run(run_id)
    record_scores(store, run_id)
    return run_id


@pytest.fixture
def store(store_location):
    with Store(store_location) as store:
        now = datetime(2026, 11, 29, tzinfo=timezone.utc)
        for days_ago in (60, 30, 14, 7, 1):
            add_run(store, now - timedelta(days=days_ago))
        yield store


def test_keep_runs_per_site_keeps_scores(store):
    removed = store.prune(keep_runs=2)
    assert sorted({run for run, _ in removed}) == [1, 2, 3]
    assert [r.id for r in store.runs()] == [4, 5]
    assert store.findings(1) == [] and store.pages(1, "a") == []
    assert len(store.findings(5, "a")) == 1
    # the trend still reaches back to the first run
    assert [row.run_id for row in score_history(store, "a", 5)] == [1, 2, 3, 4, 5]


def test_keep_days(store):
    store.prune(keep_days=20, today=datetime(2026, 11, 29, tzinfo=timezone.utc))
    assert [r.id for r in store.runs()] == [3, 4, 5]


def test_either_rule_keeps_a_run(store):
    store.prune(keep_runs=1, keep_days=10, today=datetime(2026, 11, 29, tzinfo=timezone.utc))
    assert [r.id for r in store.runs()] == [4, 5]


def test_repeated_nightly_prune_bounds_the_store(store_location):
    with Store(store_location) as store:
        start = datetime(2026, 1, 1, tzinfo=timezone.utc)
        for night in range(40):
            add_run(store, start + timedelta(days=night))
            store.prune(keep_runs=7)
            assert len(store.runs()) <= 7
        pages = store.db.execute("SELECT count(*) FROM pages").fetchone()[0]
        assert pages == 7 * 2
        assert len(score_history(store, "b", 40)) == 40


def test_prune_needs_a_rule(store):
    with pytest.raises(Exception, match="keep_runs or keep_days"):
        store.prune()
