"""When an incremental run may take a page over from the previous run."""

from dataclasses import replace

from a11y_audit.incremental import comparable, unchanged
from a11y_audit.store.sqlite import DiscoveredRow, RunInfo

THEN = DiscoveredRow("https://a.be/", "https://a.be/", 0, "start", "page", 200, "text/html", "",
                     etag='"abc"', last_modified="Tue, 01 Dec 2026 10:00:00 GMT", content_hash="f00d")


def test_a_page_is_unchanged_only_when_hash_etag_and_last_modified_all_agree():
    assert unchanged(THEN, replace(THEN))
    assert not unchanged(THEN, replace(THEN, content_hash="beef"))
    assert not unchanged(THEN, replace(THEN, etag='"abd"'))  # the server says it changed
    assert not unchanged(THEN, replace(THEN, last_modified="Wed, 02 Dec 2026 08:00:00 GMT"))
    assert not unchanged(THEN, replace(THEN, etag=""))  # one side has no ETag: no proof
    plain = replace(THEN, etag="", last_modified="")
    assert unchanged(plain, replace(plain))  # a server without validators: the hash decides
    assert not unchanged(replace(plain, content_hash=""), replace(plain, content_hash=""))  # never fetched: visit


def run(**changes) -> RunInfo:
    info = RunInfo(1, "2026-12-01T10:00:00+00:00", None, "finished", "t.yaml",
                   {"wcag_version": "2.2", "wcag_level": "AA", "allowed_hosts": [], "max_pages": 10},
                   "0.1.0", "4.12.1", "146.0", {})
    return replace(info, **changes)


def test_only_a_run_with_the_same_engine_and_audit_settings_stands_for_this_one():
    assert comparable(run(), run(id=2, settings=run().settings | {"max_pages": 50}))
    assert not comparable(run(), run(axe_version="4.13.0"))
    assert not comparable(run(), run(browser_version="147.0"))
    assert not comparable(run(), run(tool_version="0.2.0"))
    assert not comparable(run(), run(settings=run().settings | {"wcag_level": "A"}))
