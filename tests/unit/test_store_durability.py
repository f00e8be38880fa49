"""The store's part in resumable runs: transactions (nested too), the plan of a site, unfinished runs."""

import pytest

from a11y_audit.checks import check_page
from a11y_audit.config import Site
from a11y_audit.store.sqlite import Store

from snapshots import axe_rule, page


@pytest.fixture
def store(store_location):
    with Store(store_location) as store:
        yield store


def new_run(store: Store, targets: str = "targets.yaml") -> int:
    run_id = store.start_run({"max_pages": 5}, targets, "0.1.0", {})
    store.add_sites(run_id, [Site(id="a", name="A", url="https://a.be/")])
    return run_id


def test_a_failing_transaction_leaves_nothing_also_when_nested(store):
    run_id = new_run(store)
    image = axe_rule("image-alt", "critical", ("wcag2a", "wcag111"), "img")
    snapshot = page("https://a.be/", violations=[image])
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.plan_page(run_id, "a", "https://a.be/", 0, ("home",), 0)
            store.save_page(run_id, "a", 0, snapshot, check_page(snapshot))  # a transaction of its own, nested
            raise RuntimeError("killed halfway")
    assert store.pages(run_id, "a") == [] and store.findings(run_id) == [] and store.planned(run_id, "a") == []
    with store.transaction():
        store.plan_page(run_id, "a", "https://a.be/", 0, ("home",), 0)
        store.save_page(run_id, "a", 0, snapshot, check_page(snapshot))
    assert [p.url for p in store.pages(run_id, "a")] == ["https://a.be/"] and len(store.findings(run_id)) == 1


def test_plan_of_a_site_is_kept_in_visit_order(store):
    run_id = new_run(store)
    assert store.site_plan(run_id, "a") is None
    with store.transaction():
        store.plan_page(run_id, "a", "https://a.be/over", 1, ("random",), 1)
        store.plan_page(run_id, "a", "https://a.be/", 0, ("home",), 0)
        store.set_plan(run_id, "a", {"hosts": ["a.be"], "spares": [["https://a.be/x", 1]]})
    assert store.site_plan(run_id, "a") == {"hosts": ["a.be"], "spares": [["https://a.be/x", 1]]}
    assert [(p.url, p.reasons_chosen) for p in store.planned(run_id, "a")] == [
        ("https://a.be/", ("home",)), ("https://a.be/over", ("random",))]


def test_only_the_latest_run_of_a_targets_file_is_resumed_and_only_when_unfinished(store):
    assert store.unfinished_run("targets.yaml") is None
    first = new_run(store)
    other = new_run(store, "andere.yaml")
    assert store.unfinished_run("targets.yaml") == first  # killed: still 'running'
    store.finish_run(first, "interrupted")
    assert store.unfinished_run("targets.yaml") == first
    store.resume_run(first)
    assert store.run(first).status == "running" and store.run(first).finished_at is None
    store.finish_run(first)
    assert store.unfinished_run("targets.yaml") is None
    assert store.unfinished_run("andere.yaml") == other
    new_run(store)
    store.finish_run(new_run(store))  # a newer run finished: the older unfinished one is not taken up again
    assert store.unfinished_run("targets.yaml") is None
