"""Orchestration: visit the pages of every site with one pool of browser pages.

Discovery here is a breadth-first walk over same-site links found in the
snapshots, up to each site's ``max_pages``.  Pages of all sites share one
pool of ``concurrency`` workers; ``per_host_concurrency`` bounds the load on
any one host whatever the global concurrency.
"""

from __future__ import annotations

import asyncio
import re
import platform
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Protocol

from . import __version__
from .checks import check_page, check_site, document_findings
from .checks.statement_analysis import is_statement_link
from .config import Settings, Site, Targets
from .discover.urls import host_of, in_scope, is_page_candidate, normalise
from .gather.documents import fetch_documents
from .gather.page import Gatherer
from . import reasons
from .snapshot import PageSnapshot, failed_page
from .store.sqlite import Store
from .trends import record_scores


DIRECTORY_INDEX = re.compile(r"/(index|default)\.(html?|php|aspx?)$", re.IGNORECASE)


class Progress(Protocol):
    def site_started(self, site: Site, total: int) -> None: ...
    def page_done(self, site: Site, snapshot: PageSnapshot, total: int) -> None: ...
    def site_done(self, site: Site) -> None: ...


class _Quiet:
    def site_started(self, site: Site, total: int) -> None:
        pass

    def page_done(self, site: Site, snapshot: PageSnapshot, total: int) -> None:
        pass

    def site_done(self, site: Site) -> None:
        pass


@dataclass
class _SiteCrawl:
    site: Site
    max_pages: int
    hosts: set[str]
    seen: set[str] = field(default_factory=set)
    queued: int = 0
    finished: int = 0
    audited: int = 0

    def offer(self, url: str) -> bool:
        """Accept a URL for visiting when it is new, in scope and within the page budget."""
        url = normalise(url)
        key = DIRECTORY_INDEX.sub("/", url)  # /nieuws/index.html is the page /nieuws/
        if key in self.seen or self.queued >= self.max_pages:
            return False
        if not is_page_candidate(url) or not in_scope(url, self.hosts, self.site.include, self.site.exclude):
            return False
        self.seen.add(key)
        self.queued += 1
        return True


async def audit(
    targets: Targets,
    store: Store,
    *,
    targets_file: str | None = None,
    progress: Progress | None = None,
    gatherer_factory: Callable[..., Gatherer] = Gatherer,
) -> int:
    """Audit every site of ``targets``; store everything; return the run id."""
    progress = progress or _Quiet()
    settings = targets.settings
    run_id = store.start_run(
        settings.model_dump(mode="json"),
        targets_file,
        __version__,
        {"python": platform.python_version(), "playwright": _playwright_version(), "platform": platform.platform()},
    )
    store.add_sites(run_id, targets.sites)
    status = "interrupted"
    try:
        async with gatherer_factory(settings) as gatherer:
            store.set_engine(run_id, gatherer.axe.version, gatherer.axe.path, gatherer.browser_version)
            await _crawl(targets, store, run_id, gatherer, progress)
        record_scores(store, run_id)
        status = "finished"
    finally:
        store.finish_run(run_id, status)
    return run_id


async def _crawl(targets: Targets, store: Store, run_id: int, gatherer: Gatherer, progress: Progress) -> None:
    settings = targets.settings
    queue: asyncio.Queue[tuple[_SiteCrawl, str, int]] = asyncio.Queue()
    host_slots: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(settings.per_host_concurrency))
    crawls: list[_SiteCrawl] = []
    for site in targets.sites:
        if not site.url:
            store.set_site_status(run_id, site.id, "failed", reasons.NO_URL)
            continue
        crawl = _SiteCrawl(site, targets.site_max_pages(site), {host_of(normalise(u)) for u in [site.url, *site.pages]})
        crawls.append(crawl)
        progress.site_started(site, crawl.max_pages)
        for url in [site.url, *site.pages]:
            if crawl.offer(url):
                queue.put_nowait((crawl, normalise(url), 0))
        if not crawl.queued:
            store.set_site_status(run_id, site.id, "failed", f"{reasons.OUT_OF_SCOPE}: {site.url}")

    async def worker() -> None:
        while True:
            crawl, url, depth = await queue.get()
            try:
                async with host_slots[host_of(url)]:
                    snapshot = await gatherer.visit(url)
                if settings.follow_links:
                    _follow(crawl, snapshot, depth, queue)
                try:
                    findings = check_page(snapshot)
                except Exception as exc:  # noqa: BLE001 - a bug in one check must not lose the run
                    snapshot = failed_page(url, f"{reasons.CHECK_ERROR}: {type(exc).__name__}: {exc}")
                    findings = []
                store.save_page(run_id, crawl.site.id, depth, snapshot, findings)
                crawl.finished += 1
                crawl.audited += snapshot.audited
                progress.page_done(crawl.site, snapshot, crawl.queued)
                if crawl.finished == crawl.queued:
                    await _finish_site(store, run_id, crawl, settings)
                    progress.site_done(crawl.site)
            finally:
                queue.task_done()

    workers = [asyncio.create_task(worker()) for _ in range(settings.concurrency)]
    try:
        await queue.join()
    finally:
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)


def _follow(crawl: _SiteCrawl, snapshot: PageSnapshot, depth: int, queue: asyncio.Queue) -> None:
    if not snapshot.audited:
        return
    if depth == 0 and snapshot.final_url:
        # the home page may redirect (http -> https, adding www.): the site is where it lands
        crawl.hosts.add(host_of(normalise(snapshot.final_url)))
    links = snapshot.links
    if depth == 0:  # the accessibility statement first, so that a small page budget still includes it
        links = tuple(sorted(links, key=lambda link: not is_statement_link(link)))
    for link in links:
        if link.href and crawl.offer(link.href):
            queue.put_nowait((crawl, normalise(link.href), depth + 1))


async def _finish_site(store: Store, run_id: int, crawl: _SiteCrawl, settings: Settings) -> None:
    snapshots = list(store.snapshots(run_id, crawl.site.id))
    if settings.site_checks:  # `check` audits single pages: no statement, navigation or document checks there
        # the site's linked documents, each fetched once, after its pages (gather/documents.py)
        documents = await fetch_documents(snapshots, settings)
        for facts in documents:
            store.save_document(run_id, crawl.site.id, facts)
        today = date.fromisoformat(store.run(run_id).started_at[:10])  # the run's date: checking again gives the same
        store.save_site_findings(run_id, crawl.site.id, check_site(snapshots, today) + document_findings(documents))
    if crawl.audited:
        store.set_site_status(run_id, crawl.site.id, "audited")
    else:
        why = sorted({s.reason for s in snapshots if s.reason})
        store.set_site_status(run_id, crawl.site.id, "failed", "; ".join(why) or reasons.NOTHING_TESTED)


def _playwright_version() -> str:
    from importlib.metadata import version

    return version("playwright")
