"""Incremental runs on a site where one page changes, then one page's style sheet: only that page is
visited again, the others carry the earlier results, marked with the run that visited them, and the
results are those of a full run."""

import asyncio
import time
from collections import Counter

import pytest
from paged_site import counting_handler, nav_of, write_page, write_site

from a11y_audit.config import Settings, Site, Targets
from a11y_audit.demo.server import serve_folder
from a11y_audit.report.export import run_to_dict
from a11y_audit.report.html import write_reports
from a11y_audit.run import audit
from a11y_audit.store.sqlite import Store

pytestmark = pytest.mark.browser

PAGES = 6
CHANGED = 3  # pagina-3.html gets a form field without a label between the runs


def results(store, run_id):
    pages = {(p.url, p.state, p.chosen_for) for p in store.pages(run_id, "pagina")}
    findings = Counter((f.page_url, f.rule_id, f.outcome, f.selector) for f in store.findings(run_id, "pagina"))
    score = store.score_history("pagina", run_id)[-1]
    return pages, findings, (score.score, score.failed_criteria, score.failed_findings, score.pages_audited)


def test_incremental_runs_visit_only_the_changed_page(tmp_path):
    folder = tmp_path / "site"
    paths = write_site(folder, PAGES)
    handler = counting_handler(delay=0.3)
    store = Store(tmp_path / "a.sqlite")
    seconds = {}
    with serve_folder(folder, handler_class=handler) as base:
        settings = Settings(page_timeout=20, max_pages=20, concurrency=1, request_delay=0, sample_seed=5,
                            allowed_hosts=["127.0.0.1"], interaction=False)  # nothing on these pages for the Tab walk and co.
        targets = Targets(settings=settings, sites=[Site(id="pagina", name="Paginagemeente", url=base)])

        def run(name, incremental):
            handler.counts.clear()
            started = time.monotonic()
            run_id = asyncio.run(audit(targets, store, incremental=incremental))
            seconds[name] = time.monotonic() - started
            return run_id, Counter(handler.counts)

        first, _ = run("full", False)
        time.sleep(1.1)  # a new Last-Modified second for the changed page
        write_page(folder, CHANGED, nav_of(folder), f"Onderwerp {CHANGED}",
                   'Nieuw: <label>Naam</label> <input type="text" name="naam">')
        second, requests = run("incremental", True)
        third, requests_again = run("incremental, nothing changed", True)
        full, _ = run("full after the change", False)
        time.sleep(1.1)
        (folder / "eigen.css").write_text("body { color: #222; } p { color: #bbb; }\n", encoding="utf-8")  # too light
        restyled, requests_css = run("incremental, a style sheet changed", True)

    changed_url = base + f"pagina-{CHANGED}.html"
    carried = {p.url: p.carried_from for p in store.pages(second, "pagina")}
    assert carried == {base.rstrip("/") + path: (None if path == f"/pagina-{CHANGED}.html" else first) for path in paths}
    # discovery fetched every page once; the browser only the changed one
    assert {path: requests[path] for path in paths} == {path: 2 if path == f"/pagina-{CHANGED}.html" else 1 for path in paths}
    # the next run carries everything, from the run that visited each page
    assert {p.url: p.carried_from for p in store.pages(third, "pagina")} == \
        {url: second if url == changed_url else first for url in carried}
    assert all(requests_again[path] == 1 for path in paths)
    # the same results as a full run
    expected = results(store, full)
    assert results(store, second) == expected and results(store, third) == expected
    assert any(url == changed_url and rule == "label" for url, rule, *_ in expected[1])
    assert store.run(second).incremental and not store.run(full).incremental
    # each style sheet fetched once a run over plain HTTP (the browser visited nothing)
    assert (requests_again["/stijl.css"], requests_again["/eigen.css"]) == (1, 1)

    # pagina-4.html's own style sheet changed, its HTML did not: it is visited again, the others are carried
    restyled_url = base + "pagina-4.html"
    assert {p.url: p.carried_from for p in store.pages(restyled, "pagina")} == \
        {url: None if url == restyled_url else full for url in carried}
    assert {path: requests_css[path] for path in paths} == {path: 2 if path == "/pagina-4.html" else 1 for path in paths}
    assert (requests_css["/stijl.css"], requests_css["/eigen.css"]) == (1, 2)  # checked once; visited once
    contrast = {f.page_url for f in store.findings(restyled, "pagina") if f.rule_id == "color-contrast" and f.outcome == "failed"}
    assert contrast == {restyled_url} and not any(f.rule_id == "color-contrast" for f in store.findings(full, "pagina"))

    exported = {p["url"]: p["carried_from"] for p in run_to_dict(store, second)["sites"][0]["pages"]}
    assert exported == carried
    write_reports(store, second, tmp_path / "out")
    html = (tmp_path / "out" / "sites" / "pagina.html").read_text(encoding="utf-8")
    assert html.count(f"ongewijzigd sinds test {first}: resultaat van toen overgenomen") == PAGES - 1
    store.close()
    print("\n" + ", ".join(f"{name}: {value:.1f} s" for name, value in seconds.items()))
