"""Incremental runs: which sampled pages did not change since the site's previous run.

Discovery fetches every page it finds over plain HTTP anyway, and records the validators of its
HTML: ETag, Last-Modified and a hash of the body. A page of the sample is taken over from the
previous run of its site (its snapshot carried forward, checked again, marked with the run that
visited it) when that run audited it with the same a11y-audit, axe-core, browser and audit
settings, and all three validators are the same as then; any difference means a visit. The HTML
is what is compared: a changed style sheet or script with an unchanged page is not noticed.
"""

from __future__ import annotations

from typing import Protocol

from .store.sqlite import EarlierPage, RunInfo, Store

SNAPSHOT_SETTINGS = ("wcag_version", "wcag_level", "allowed_hosts")  # settings that change what a visit records


class Validators(Protocol):
    etag: str
    last_modified: str
    content_hash: str


def unchanged(before: Validators, now: Validators) -> bool:
    """The same HTML: the same content hash, ETag and Last-Modified (an absent one on both sides)."""
    return bool(before.content_hash) and \
        (before.content_hash, before.etag, before.last_modified) == (now.content_hash, now.etag, now.last_modified)


def comparable(previous: RunInfo, run: RunInfo) -> bool:
    """A visit in ``previous`` stands for one in ``run``: the same engine and the same audit settings."""
    engine = ("tool_version", "axe_version", "browser_version")
    return all(getattr(previous, key) == getattr(run, key) for key in engine) and \
        all(previous.settings.get(key) == run.settings.get(key) for key in SNAPSHOT_SETTINGS)


def earlier_pages(store: Store, run_id: int, site_id: str) -> dict[str, EarlierPage]:
    """The pages of the site's previous run that this run may take over, by address."""
    previous = store.previous_run(site_id, run_id)
    if previous is None or not comparable(store.run(previous), store.run(run_id)):
        return {}
    return store.earlier_pages(previous, site_id)
