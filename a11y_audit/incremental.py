"""Incremental runs: which sampled pages did not change since the site's previous run.

Discovery fetches every page it finds over plain HTTP anyway, and records the validators of its
HTML: ETag, Last-Modified and a hash of the body. A page of the sample is taken over from the
previous run of its site (its snapshot carried forward, checked again, marked with the run that
visited it) when that run audited it with the same a11y-audit, axe-core, browser and audit
settings, all three validators of its HTML are the same as then, and so are those of every style
sheet and script on the site's hosts it loaded (``SiteResources``: each fetched once a run over
plain HTTP, after the site's pages in every run, so the next run has something to compare with).
Any difference, or a resource the previous run could not fetch, means a visit. Style sheets and
scripts of other hosts (a CDN) and images are not compared.
"""

from __future__ import annotations

import asyncio
import hashlib
from typing import Iterable, Protocol

from .discover.crawl import SiteGate
from .discover.fetch import Fetcher
from .store.sqlite import EarlierPage, RunInfo, Store, Validated

MAX_RESOURCE_BYTES = 10_000_000  # a style sheet or script larger than this is never taken as unchanged
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


def earlier_pages(store: Store, run_id: int, site_id: str) -> tuple[dict[str, EarlierPage], dict[str, Validated]]:
    """The pages of the site's previous run that this run may take over, by address, and the validators of
    their style sheets and scripts then."""
    previous = store.previous_run(site_id, run_id)
    if previous is None or not comparable(store.run(previous), store.run(run_id)):
        return {}, {}
    return store.earlier_pages(previous, site_id), store.resources(previous, site_id)


class SiteResources:
    """The style sheets and scripts of one site's pages in this run, each fetched at most once over plain
    HTTP (on the site's hosts, as its robots.txt allows), and their validators in the previous run."""

    def __init__(self, fetcher: Fetcher, gate: SiteGate, before: dict[str, Validated] | None = None):
        self.fetcher, self.gate, self.before = fetcher, gate, before or {}
        self._now: dict[str, asyncio.Task[Validated]] = {}

    def _own(self, urls: Iterable[str]) -> list[str]:
        return [u for u in dict.fromkeys(urls) if self.gate.on_site(u)]

    def _fetch(self, url: str) -> asyncio.Task[Validated]:
        if url not in self._now:
            self._now[url] = asyncio.ensure_future(self._get(url))
        return self._now[url]

    async def _get(self, url: str) -> Validated:
        async def gate(hop: str) -> str | None:
            return await self.gate.allowed(hop, whole_site=True)

        got = await self.fetcher.get(url, gate=gate, max_bytes=MAX_RESOURCE_BYTES, accept="*/*")
        if not got.ok:
            return Validated(url)  # no hash: never the same as anything
        return Validated(url, got.headers.get("etag", ""), got.headers.get("last-modified", ""),
                         hashlib.sha256(got.body).hexdigest())

    async def unchanged(self, urls: Iterable[str]) -> bool:
        """Every style sheet and script of ``urls`` on the site's hosts is as the previous run fetched it."""
        own = self._own(urls)
        if not all(u in self.before for u in own):
            return False
        now = await asyncio.gather(*(self._fetch(u) for u in own))
        return all(unchanged(self.before[u], n) for u, n in zip(own, now))

    async def fetched(self, urls: Iterable[str]) -> list[Validated]:
        """Those of ``urls`` on the site's hosts as this run fetched them (now, when not yet), for the next run."""
        return list(await asyncio.gather(*(self._fetch(u) for u in self._own(urls))))
