"""Orchestration: discover and sample every site, visit the sample with one pool of browser pages.

Per site, first discovery (``discover/crawl.py``: robots.txt, sitemaps, a breadth-first walk
over plain HTML) and the sample (``sample.py``: WCAG-EM structured + seeded random, at most
``max_pages``); the sampled pages go to one queue shared by all sites, visited by
``concurrency`` workers. Links in the rendered pages (JavaScript menus) add pages for roles
the sample still lacks, or fill the budget when discovery found fewer pages. Every request,
plain HTTP or browser, goes through one ``Politeness`` (per-host slots and delay, Retry-After)
and the site's gate (scope, robots.txt), so the load on one host stays what is configured
whatever the global concurrency.

A run can be resumed after it was killed (``audit(..., resume=run_id)``): the sample of each site
and every page added to it later are planned in the store in the same transaction as the page
that caused them, so a resumed run visits the planned pages not saved yet, and then does the
site-level steps of the sites not finished.

An incremental run (``audit(..., incremental=True)``, see ``incremental.py``) visits only the
sampled pages whose HTML, style sheets or scripts changed since the site's previous run; the others
carry that run's snapshot forward, checked again, marked with the run that visited them
(``carried_from``).
"""

from __future__ import annotations

import asyncio
import inspect
import platform
import random
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Protocol

from . import __version__
from .checks import check_page, check_site, document_findings
from .checks.statement_analysis import is_statement_link
from .config import Settings, Site, Targets, check_env
from .discover.crawl import Discovery, SiteGate, discover_site, site_hosts
from .discover.fetch import DEFAULT_BACK_OFF, SITE_HEADERS, Fetcher
from .discover.polite import Politeness
from .discover.robots import RobotsCache
from .discover.urls import document_kind, host_of, in_scope, is_page_candidate, normalise, page_key
from .gather import make_gatherer
from .gather.documents import document_inventory, fetch_documents
from .gather.page import Gatherer
from .gather.session import SiteSession
from .incremental import SiteResources, Validators, earlier_pages, unchanged
from . import reasons
from .sample import Candidate, Sample, load_sample_rules, select_sample, text_roles
from .snapshot import AUDITED, DocumentFacts, PageSnapshot, failed_page
from .store.sqlite import EarlierPage, Store, StoreError, Validated
from .trends import record_scores

DISCOVERIES_PER_WORKER = 2  # sites discovered at the same time, per browser worker
RENDERED_RESERVE = 3  # pages of the budget kept for roles only the rendered start page links to (JavaScript menus)


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
    gate: SiteGate
    seen: set[str] = field(default_factory=set)
    queued: int = 0
    finished: int = 0
    audited: int = 0
    roles: set[str] = field(default_factory=set)  # reasons the sample already has (statement, contact...)
    fill: bool = False  # discovery found fewer pages than the budget: rendered links fill it
    documents: list[DocumentFacts] = field(default_factory=list)  # found by discovery
    discovery_seconds: float = 0.0
    first_visit: float | None = None  # monotonic time the first page visit of the site started (in this process)
    visited_before: float = 0.0  # a resumed run: seconds the killed run spent visiting the site's pages
    retried: set[str] = field(default_factory=set)  # pages visited again after a 429/503
    held: list[tuple[str, int, tuple[str, ...]]] = field(default_factory=list)  # queued after the start page
    spares: list[tuple[str, int]] = field(default_factory=list)  # random pages for the reserve left unused
    order: dict[str, int] = field(default_factory=dict)  # page -> place in the visit order (documents' linked_from)
    session: SiteSession | None = None  # consent, login, cookies, headers, steps (gather/session.py)
    earlier: dict[str, EarlierPage] = field(default_factory=dict)  # incremental: the previous run's pages
    carry: dict[str, EarlierPage] = field(default_factory=dict)  # incremental: sampled pages unchanged since then
    resources: SiteResources | None = None  # the pages' style sheets and scripts, fetched once a run (incremental.py)

    def offer(self, url: str) -> bool:
        """Accept a URL for visiting when it is new, in scope, allowed and within the page budget."""
        url = normalise(url)
        key = page_key(url)  # /nieuws/index.html is the page /nieuws/
        if key in self.seen or self.queued >= self.max_pages:
            return False
        if not is_page_candidate(url) or not in_scope(url, self.hosts, self.site.include, self.site.exclude):
            return False
        if not self.gate.robots_allow(url):
            return False
        self.seen.add(key)
        return True  # the caller plans it (_plan), which counts it

    def visit_seconds(self) -> float:
        """Seconds spent visiting the site's pages, in this run and the one it resumes."""
        now = time.monotonic()
        if self.first_visit is None:
            self.first_visit = now
        return self.visited_before + (now - self.first_visit)

    def time_spent(self) -> float:
        return self.discovery_seconds + self.visit_seconds()


async def audit(
    targets: Targets,
    store: Store,
    *,
    targets_file: str | None = None,
    progress: Progress | None = None,
    gatherer_factory: Callable[..., Gatherer] = make_gatherer,
    resume: int | None = None,
    incremental: bool = False,
) -> int:
    """Audit every site of ``targets``; store everything; return the run id.

    ``resume``: the id of a run that did not finish (``targets`` from ``targets_of_run``): its
    saved pages and finished sites are kept, the rest is done. ``incremental``: pages unchanged
    since the site's previous run carry its results (a resumed run does what it did).
    """
    progress = progress or _Quiet()
    settings = targets.settings
    check_env(targets)  # before anything is stored: a missing secret is a configuration error
    if resume is None:
        run_id = store.start_run(
            settings.model_dump(mode="json"),
            targets_file,
            __version__,
            {"python": platform.python_version(), "playwright": _playwright_version(), "platform": platform.platform()},
            incremental,
        )
        store.add_sites(run_id, targets.sites)
    else:
        run_id = resume
        incremental = store.run(run_id).incremental
        store.resume_run(run_id)
    status = "interrupted"
    try:
        async with gatherer_factory(settings) as gatherer:
            store.set_engine(run_id, gatherer.axe.version, gatherer.axe.path, gatherer.browser_version)
            await _crawl(targets, store, run_id, gatherer, progress, incremental)
        record_scores(store, run_id)
        status = "finished"
    finally:
        store.finish_run(run_id, status)
    return run_id


def targets_of_run(store: Store, run_id: int, targets: Targets) -> Targets:
    """What a resumed run goes on with: its own settings and sites (their scope from ``targets``)."""
    sites = {s.site_id for s in store.sites(run_id)}
    missing = sites - {s.id for s in targets.sites}
    if missing:
        raise StoreError(f"run {run_id} audits site(s) {', '.join(sorted(missing))}, which the targets file no longer has")
    return targets.model_copy(update={
        "settings": Settings.model_validate(store.run(run_id).settings),
        "sites": [s for s in targets.sites if s.id in sites],
    })


async def _crawl(targets: Targets, store: Store, run_id: int, gatherer: Gatherer, progress: Progress,
                 incremental: bool = False) -> None:
    settings = targets.settings
    queue: asyncio.Queue[tuple[_SiteCrawl, str, int, tuple[str, ...]]] = asyncio.Queue()
    politeness = Politeness(settings.per_host_concurrency, settings.request_delay, settings.max_crawl_delay)
    load_sample_rules()  # read rules/sample.yaml now, not halfway through a discovery (it blocks the event loop)
    async with Fetcher(settings, politeness) as fetcher:
        robots = RobotsCache(fetcher, settings.robots_agent)
        discoveries = asyncio.Semaphore(max(2, settings.concurrency * DISCOVERIES_PER_WORKER))
        preparing = []
        pending = {s.site_id for s in store.sites(run_id) if s.status == "pending"}  # a resumed run: the rest
        for site in targets.sites:
            if site.id not in pending:
                continue
            if not site.url:
                store.set_site_status(run_id, site.id, "failed", reasons.NO_URL)
                continue
            hosts = site_hosts(site)
            gate = SiteGate(site, hosts, None if site.ignore_robots else robots, politeness)
            crawl = _SiteCrawl(site, targets.site_max_pages(site), hosts, gate)
            if _takes_session(gatherer):
                crawl.session = SiteSession.for_site(site, settings, crawl.hosts)
            start = normalise(site.url)
            if not is_page_candidate(start) or not in_scope(start, hosts, site.include, site.exclude):
                store.set_site_status(run_id, site.id, "failed", f"{reasons.OUT_OF_SCOPE}: {site.url}")
                continue
            progress.site_started(site, crawl.max_pages)
            crawl.resources = SiteResources(fetcher, gate)
            if incremental:
                crawl.earlier, crawl.resources.before = earlier_pages(store, run_id, site.id)
            plan = store.site_plan(run_id, site.id)
            preparing.append(asyncio.create_task(
                _prepare_site(crawl, store, run_id, settings, fetcher, discoveries, queue, politeness, progress, gatherer)
                if plan is None else _resume_site(crawl, plan, store, run_id, settings, queue, politeness, progress, gatherer)
            ))

        async def worker() -> None:
            while True:
                crawl, url, depth, why = await queue.get()
                try:
                    await _visit_one(crawl, url, depth, why, store, run_id, settings, gatherer, politeness, queue, progress)
                except Exception as exc:  # noqa: BLE001 - a bug must not stall the queue or the site
                    with store.transaction():
                        _release(crawl, queue, store, run_id)
                    try:
                        store.save_page(run_id, crawl.site.id, depth,
                                        failed_page(url, f"{reasons.ERROR}: {type(exc).__name__}: {exc}"), [], chosen_for=why)
                    except Exception:  # noqa: BLE001 - already stored
                        pass
                    crawl.finished += 1
                    if crawl.finished == crawl.queued:
                        store.set_site_status(run_id, crawl.site.id, "failed", f"{reasons.ERROR}: {type(exc).__name__}: {exc}")
                finally:
                    queue.task_done()

        workers = [asyncio.create_task(worker()) for _ in range(settings.concurrency)]
        try:
            await asyncio.gather(*preparing)
            await queue.join()
        finally:
            for task in [*workers, *preparing]:
                task.cancel()
            await asyncio.gather(*workers, *preparing, return_exceptions=True)


async def _prepare_site(
    crawl: _SiteCrawl, store: Store, run_id: int, settings: Settings, fetcher: Fetcher, discoveries: asyncio.Semaphore,
    queue: asyncio.Queue, politeness: Politeness, progress: Progress, gatherer: Gatherer,
) -> None:
    """Discovery and sample of one site; its failed addresses are stored, its sample queued."""
    try:
        if crawl.session is not None:
            if not await _log_in(crawl, store, run_id, gatherer):
                progress.site_done(crawl.site)
                return
            SITE_HEADERS.set(crawl.session.request_headers)  # discovery sees the site as the browser will
        await _discover_and_sample(crawl, store, run_id, settings, fetcher, discoveries, queue, politeness, progress)
    except Exception as exc:  # noqa: BLE001 - a bug with one site must not lose the run
        if not crawl.queued:
            store.set_site_status(run_id, crawl.site.id, "failed", f"{reasons.ERROR}: {type(exc).__name__}: {exc}")
            progress.site_done(crawl.site)


async def _discover_and_sample(
    crawl: _SiteCrawl, store: Store, run_id: int, settings: Settings, fetcher: Fetcher, discoveries: asyncio.Semaphore,
    queue: asyncio.Queue, politeness: Politeness, progress: Progress,
) -> None:
    site = crawl.site
    async with discoveries:
        discovery = await discover_site(
            site, settings, fetcher, crawl.gate, hint=lambda url, text: bool(text_roles(url, [text] if text else [])),
            follow=settings.follow_links,
        )
    crawl.discovery_seconds = discovery.seconds
    seed = settings.sample_seed if settings.sample_seed is not None else random.SystemRandom().randrange(2**31)
    sample = select_sample(_candidates(discovery), crawl.max_pages, seed, settings.sample_random_share,
                           max_reserve=RENDERED_RESERVE if settings.follow_links else 0)
    chosen = sample.chosen
    summary = discovery.summary() | {"sample": {"size": len(chosen), "budget": crawl.max_pages, "reserve": sample.reserve,
                                                "random": sum(1 for c in chosen if "random" in c.reasons)}}
    with store.transaction():  # discovery, sample and plan: a resumed run finds all of them or none
        _store_sample(crawl, discovery, sample, seed, summary, store, run_id, settings, queue)
    if not crawl.queued:
        await _finish_site(store, run_id, crawl, settings, politeness)
        progress.site_done(site)


def _store_sample(
    crawl: _SiteCrawl, discovery: Discovery, sample: Sample, seed: int, summary: dict[str, Any], store: Store, run_id: int,
    settings: Settings, queue: asyncio.Queue,
) -> None:
    site = crawl.site
    chosen = sample.chosen
    store.set_discovery(run_id, site.id, seed, summary, [r.to_dict() for r in discovery.records.values()])
    crawl.hosts |= discovery.hosts
    crawl.seen |= {page_key(r.url) for r in discovery.records.values()}
    crawl.seen |= {page_key(r.final_url) for r in discovery.records.values() if r.final_url}
    crawl.documents = [
        DocumentFacts(url=r.final_url or r.url, kind=r.document_kind, linked_from=r.linked_from,
                      link_text=(r.link_texts or [""])[0], state="pending")
        for r in discovery.documents
    ]
    crawl.roles = {why for c in chosen for why in c.reasons}
    crawl.fill = settings.follow_links and len(discovery.pages) < crawl.max_pages

    records = {r.url: r for r in discovery.records.values()}
    start = records.get(normalise(site.url))
    home_failed = start is not None and start.kind == "failed"
    # addresses that failed during discovery are stored (status and reason, no browser visit) when the
    # budget has room after the sample: a small site is shown whole, a large one keeps them in `discovered`
    room = crawl.max_pages - len(chosen) - len(sample.spares)
    for record in discovery.failed:
        if record is not start and room > 0:  # the start page gets a second try in the browser, below
            room -= 1
            store.save_page(run_id, site.id, record.depth,
                            failed_page(record.url, record.reason, http_status=record.http_status,
                                        final_url=record.final_url or record.url), [])
    # the pages discovery found are visited at their final address (after redirects, checked in scope);
    # the start page first, alone: the other pages follow when it is done, closest and first found first
    final = {r.final_url or r.url: r for r in discovery.pages}
    found_at = {url: i for i, url in enumerate(final)}
    crawl.spares = [(url, final[url].depth if url in final else 1) for url in sample.spares]
    for pick in sorted(chosen, key=lambda c: (final[c.url].depth if c.url in final else 0, found_at.get(c.url, 0))):
        record = final.get(pick.url)
        visit = (pick.url, record.depth if record else 0, pick.reasons)
        _plan(crawl, store, run_id, *visit)
        _carry_if_unchanged(crawl, pick.url, record)
        if "home" in pick.reasons:
            queue.put_nowait((crawl, *visit))
        else:
            crawl.held.append(visit)
    if home_failed and not _refused(start.reason) and crawl.gate.robots_allow(start.url):
        # plain HTTP failed (some servers treat it differently from a browser): one browser visit decides
        _plan(crawl, store, run_id, start.url, 0, ("home",))
        crawl.fill = settings.follow_links
        queue.put_nowait((crawl, start.url, 0, ("home",)))
    elif start is not None and start.kind in ("skipped", "failed"):  # robots.txt, unreachable: stored as such
        store.save_page(run_id, site.id, 0, failed_page(start.url, start.reason, http_status=start.http_status,
                                                        final_url=start.final_url or start.url), [])
    if crawl.held and crawl.queued == len(crawl.held):  # no start page to wait for
        _release(crawl, queue, store, run_id)
    store.set_plan(run_id, site.id, {
        "hosts": sorted(crawl.hosts), "documents": [d.to_dict() for d in crawl.documents], "fill": crawl.fill,
        "spares": crawl.spares, "discovery_seconds": crawl.discovery_seconds,
    })


async def _resume_site(
    crawl: _SiteCrawl, plan: dict[str, Any], store: Store, run_id: int, settings: Settings, queue: asyncio.Queue,
    politeness: Politeness, progress: Progress, gatherer: Gatherer,
) -> None:
    """A site of a resumed run: its planned pages not saved yet are visited, then the site is finished."""
    site = crawl.site
    if crawl.session is not None:  # the login of the killed run is gone with its browser
        if not await _log_in(crawl, store, run_id, gatherer):
            progress.site_done(site)
            return
        SITE_HEADERS.set(crawl.session.request_headers)
    crawl.hosts |= set(plan["hosts"])
    crawl.documents = [DocumentFacts.from_dict(d) for d in plan["documents"]]
    crawl.fill = plan["fill"]
    crawl.discovery_seconds = plan["discovery_seconds"]
    crawl.visited_before = store.visit_seconds(run_id, site.id)
    planned = store.planned(run_id, site.id)
    saved = {p.url: p for p in store.pages(run_id, site.id)}
    discovered = store.discovered(run_id, site.id)
    crawl.seen |= {page_key(u) for r in discovered for u in (r.url, r.final_url) if u}
    crawl.seen |= {page_key(p.url) for p in planned}
    crawl.roles = {why for p in planned for why in p.reasons_chosen}
    crawl.order = {p.url: p.position for p in planned}
    crawl.queued = len(planned)
    crawl.finished = sum(p.url in saved for p in planned)
    crawl.audited = sum(saved[p.url].state == AUDITED for p in planned if p.url in saved)
    home = [p for p in planned if "home" in p.reasons_chosen]
    released = not home or home[0].url in saved  # the rest of the sample was planned with the start page
    if home and home[0].url in saved and saved[home[0].url].final_url:
        crawl.hosts.add(host_of(normalise(saved[home[0].url].final_url)))
    if not released:
        crawl.spares = [(url, depth) for url, depth in plan["spares"]]
    if crawl.gate.robots is not None:  # robots.txt into the cache, for the links of the pages still to visit
        await crawl.gate.allowed(normalise(site.url))
    pages = {r.final_url: r for r in discovered if r.kind == "page"}
    for p in planned:
        if p.url not in saved:
            _carry_if_unchanged(crawl, p.url, pages.get(p.url))
            visit = (p.url, p.depth, p.reasons_chosen)
            if released or "home" in p.reasons_chosen:
                queue.put_nowait((crawl, *visit))
            else:
                crawl.held.append(visit)
    if crawl.finished == crawl.queued:
        await _finish_site(store, run_id, crawl, settings, politeness)
        progress.site_done(site)


async def _log_in(crawl: _SiteCrawl, store: Store, run_id: int, gatherer: Gatherer) -> bool:
    """The site's login, once, before its discovery; False (start page and site stored as failed) when it did not work."""
    session, login = crawl.session, crawl.site.login
    if session is None or login is None:
        return True
    refused = await crawl.gate.allowed(login.url)  # also reads the robots.txt the browser's requests are checked against
    if refused:
        session.login_error = f"{reasons.LOGIN_FAILED}: {login.url}: {refused}"
    else:
        await session.log_in(gatherer, crawl.gate)
    if not session.login_error:
        return True
    store.save_page(run_id, crawl.site.id, 0, failed_page(normalise(crawl.site.url or login.url), session.login_error), [],
                    chosen_for=("home",))
    store.set_site_status(run_id, crawl.site.id, "failed", session.login_error)
    return False


def _takes_session(gatherer: Gatherer) -> bool:
    try:
        return "session" in inspect.signature(gatherer.visit).parameters
    except (TypeError, ValueError):
        return False


def _carry_if_unchanged(crawl: _SiteCrawl, url: str, found: Validators | None) -> None:
    """Incremental: take the page over from the previous run when discovery found its HTML unchanged."""
    earlier = crawl.earlier.get(url)
    if earlier is not None and found is not None and unchanged(earlier, found):
        crawl.carry[url] = earlier


async def _unchanged_page(crawl: _SiteCrawl, store: Store, url: str) -> tuple[EarlierPage, PageSnapshot] | None:
    """Incremental: the previous run's page and its snapshot when its HTML (``crawl.carry``) and its style
    sheets and scripts are as they were then."""
    earlier = crawl.carry.get(url)
    if earlier is None or crawl.resources is None:
        return None
    snapshot = store.snapshot(earlier.run_id, crawl.site.id, url)
    return (earlier, snapshot) if await crawl.resources.unchanged(snapshot.resources) else None


def _plan(crawl: _SiteCrawl, store: Store, run_id: int, url: str, depth: int, why: tuple[str, ...]) -> None:
    """Count a page of the site as one to visit, in the store too (in the caller's transaction)."""
    crawl.queued += 1
    crawl.order[url] = len(crawl.order)
    store.plan_page(run_id, crawl.site.id, url, depth, why, crawl.order[url])


def _takes_policy(gatherer: Gatherer) -> bool:
    try:
        return "policy" in inspect.signature(gatherer.visit).parameters
    except (TypeError, ValueError):
        return False


def _release(crawl: _SiteCrawl, queue: asyncio.Queue, store: Store, run_id: int) -> None:
    """After the start page: the rest of the sample, and random spares for the reserve its links did not use."""
    for visit in crawl.held:
        queue.put_nowait((crawl, *visit))
    crawl.held.clear()
    while crawl.spares and crawl.queued < crawl.max_pages:
        url, depth = crawl.spares.pop(0)
        _plan(crawl, store, run_id, url, depth, ("random",))
        queue.put_nowait((crawl, url, depth, ("random",)))
    crawl.spares.clear()


def _refused(reason: str) -> bool:
    """The page may not be requested at all (robots.txt, scope)."""
    return reasons.split(reason)[0] in (reasons.ROBOTS, reasons.ROBOTS_UNAVAILABLE, reasons.LEAVES_SITE)


def _candidates(discovery: Discovery) -> list[Candidate]:
    return [
        Candidate(url=r.final_url or r.url, depth=r.depth, via=r.via, title=r.title, link_texts=tuple(r.link_texts),
                  forms=r.forms, login=r.login, documents=r.documents, template=r.template)
        for r in discovery.pages
    ]


async def _visit_one(
    crawl: _SiteCrawl, url: str, depth: int, why: tuple[str, ...], store: Store, run_id: int, settings: Settings,
    gatherer: Gatherer, politeness: Politeness, queue: asyncio.Queue, progress: Progress,
) -> None:
    carried, earlier_snapshot = await _unchanged_page(crawl, store, url) or (None, None)
    if earlier_snapshot is not None:  # unchanged since the previous run: its snapshot, checked again below
        snapshot = earlier_snapshot
    elif crawl.time_spent() > settings.max_site_seconds:
        snapshot = failed_page(url, f"{reasons.TIME_LIMIT}: {settings.max_site_seconds:g}")
    else:
        if _takes_policy(gatherer):
            async with politeness.slot(host_of(url), claim=False):  # the visit claims the host's turn (gate.turn)
                if crawl.session is not None:
                    snapshot = await gatherer.visit(url, crawl.gate, session=crawl.session)
                else:
                    snapshot = await gatherer.visit(url, crawl.gate)
        else:  # e.g. distributed.CeleryGatherer: robots.txt and scope are not enforced inside that browser
            async with politeness.slot(host_of(url)):
                snapshot = await gatherer.visit(url)
        if snapshot.http_status in (429, 503) and url not in crawl.retried:
            wait = getattr(gatherer, "retry_after", {}).pop(url, DEFAULT_BACK_OFF)
            politeness.back_off(host_of(url), min(wait, settings.max_retry_after))
            if wait <= settings.max_retry_after:
                crawl.retried.add(url)
                queue.put_nowait((crawl, url, depth, why))  # once more, after the host's Retry-After
                return
    visited = snapshot
    try:
        findings = check_page(snapshot)
    except Exception as exc:  # noqa: BLE001 - a bug in one check must not lose the run
        snapshot = failed_page(url, f"{reasons.CHECK_ERROR}: {type(exc).__name__}: {exc}")
        findings = []
    with store.transaction():  # the page with the pages it adds: a resumed run visits those too
        if settings.follow_links:
            _follow(crawl, visited, depth, queue, settings, store, run_id)
        store.save_page(run_id, crawl.site.id, depth, snapshot, findings, chosen_for=why,
                        carried_from=carried.audited_in if carried else None)
        store.set_visit_seconds(run_id, crawl.site.id, crawl.visit_seconds())
        if "home" in why:
            _release(crawl, queue, store, run_id)
    crawl.finished += 1
    crawl.audited += snapshot.audited
    progress.page_done(crawl.site, snapshot, crawl.queued)
    if crawl.finished == crawl.queued:
        await _finish_site(store, run_id, crawl, settings, politeness)
        progress.site_done(crawl.site)


def _follow(crawl: _SiteCrawl, snapshot: PageSnapshot, depth: int, queue: asyncio.Queue, settings: Settings,
            store: Store, run_id: int) -> None:
    """Links of a rendered page (JavaScript menus too): pages for roles the sample lacks, or to fill the budget."""
    if not snapshot.audited or depth + 1 > settings.max_depth:
        return
    if depth == 0 and snapshot.final_url:
        # the home page may redirect (http -> https, adding www.): the site is where it lands
        crawl.hosts.add(host_of(normalise(snapshot.final_url)))
    links = snapshot.links
    if depth == 0:  # the accessibility statement first, so that a small page budget still includes it
        links = tuple(sorted(links, key=lambda link: not is_statement_link(link)))
    for link in links:
        if not link.href or document_kind(link.href):
            continue
        missing = [r for r in text_roles(link.href, [link.name or link.text]) if r not in crawl.roles]
        if not missing and not crawl.fill:
            continue
        if crawl.offer(link.href):
            why = tuple(missing) or ("rendered",)
            crawl.roles |= set(missing)
            _plan(crawl, store, run_id, normalise(link.href), depth + 1, why)
            queue.put_nowait((crawl, normalise(link.href), depth + 1, why))


async def _finish_site(
    store: Store, run_id: int, crawl: _SiteCrawl, settings: Settings, politeness: Politeness | None = None,
    reason: str = "",
) -> None:
    snapshots = list(store.snapshots(run_id, crawl.site.id))
    visits = sorted(snapshots, key=lambda s: crawl.order.get(s.requested_url, len(crawl.order)))  # in visit order
    if settings.site_checks:  # `check` audits single pages: no statement, navigation or document checks there
        today = date.fromisoformat(store.run(run_id).started_at[:10])  # the run's date: checking again gives the same
        # in visit order, not the order the pages finished in (site checks that count and compare pages must not
        # depend on timing); plain language and language detection take seconds: in a thread, off the event loop,
        # while the documents are fetched
        checking = asyncio.ensure_future(asyncio.to_thread(check_site, visits, today))
        # the site's documents, each fetched once, after its pages (gather/documents.py), within the site's time
        left = settings.max_site_seconds - crawl.time_spent()
        fetching = fetch_documents(visits, settings, extra=crawl.documents, gate=crawl.gate.allowed, politeness=politeness)
        try:
            if left <= 0:
                fetching.close()
                raise asyncio.TimeoutError
            documents = await asyncio.wait_for(fetching, left)
        except asyncio.TimeoutError:
            inventory = list({d.url: d for d in crawl.documents + document_inventory(snapshots, settings.max_documents)}.values())
            documents = [
                DocumentFacts(**(d.to_dict() | {"state": "skipped", "reason": f"{reasons.TIME_LIMIT}: {settings.max_site_seconds:g}"}))
                for d in inventory[: settings.max_documents]
            ]
        findings = await checking + document_findings(documents)
    resources = await _resources(crawl, snapshots, settings)
    with store.transaction():  # the site is finished with all of its site-level results, or not at all
        store.save_resources(run_id, crawl.site.id, resources)
        if settings.site_checks:
            for facts in documents:
                store.save_document(run_id, crawl.site.id, facts)
            store.save_site_findings(run_id, crawl.site.id, findings)
        if crawl.audited:
            store.set_site_status(run_id, crawl.site.id, "audited")
        else:
            why = sorted({s.reason for s in snapshots if s.reason} | ({reason} if reason else set()))
            store.set_site_status(run_id, crawl.site.id, "failed", "; ".join(why) or reasons.NOTHING_TESTED)


async def _resources(crawl: _SiteCrawl, snapshots: list[PageSnapshot], settings: Settings) -> list[Validated]:
    """The style sheets and scripts of the site's pages, fetched (once a run) for the next incremental run,
    within the site's time; not for `check` (single pages, never incremental)."""
    left = settings.max_site_seconds - crawl.time_spent()
    if crawl.resources is None or not settings.site_checks or left <= 0:
        return []
    try:
        return await asyncio.wait_for(crawl.resources.fetched(u for s in snapshots for u in s.resources), left)
    except asyncio.TimeoutError:
        return []


def _playwright_version() -> str:
    from importlib.metadata import version

    return version("playwright")
