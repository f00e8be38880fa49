"""One browser visit per page, producing a PageSnapshot."""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import replace
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Protocol

from playwright.async_api import (
    Browser, BrowserContext, Dialog, Error as PlaywrightError, Playwright, Route, TimeoutError as PlaywrightTimeout,
    async_playwright,
)

from .. import reasons
from ..config import Settings
from ..discover.urls import document_kind, host_of
from ..snapshot import Document, PageSnapshot, Timings, failed_page
from . import axe as axe_engine
from .browser import launch
from .interact import Walks, interact
from .js import evaluate, load

if TYPE_CHECKING:
    from .session import SiteSession

EXTRACT_SCRIPT = load("extract.js")
EXTRACT_LIMITS = {"maxText": 5000, "maxLinks": 2000, "maxImages": 1000, "maxBlocks": 3000}
WATCH_SCRIPT = files(__package__).joinpath("watch.js").read_text(encoding="utf-8")
MEDIA_SCRIPT = load("media.js")
HTML_TYPES = ("text/html", "application/xhtml+xml")
LOAD_SHARE = 0.3  # of page_timeout: how long to wait for the load event after the DOM is there
INTERACTION_MARGIN = 2.0  # seconds of the page's budget left after the interaction step


class RequestPolicy(Protocol):
    """What the browser may request for one site (discover.crawl.SiteGate): robots.txt and scope."""

    def robots_allow(self, url: str) -> bool: ...

    def in_scope(self, url: str) -> bool: ...


class Gatherer:
    """Owns the browser. ``visit`` never raises for page problems: it returns a failed snapshot.

    A crashed or disconnected browser is relaunched before the next visit.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        self.axe = axe_engine.load_axe(settings.axe_path)
        self.axe_options = axe_engine.run_options(settings.wcag_version, settings.wcag_level)
        self.templates = axe_engine.Templates() if settings.axe_templates else None
        self.walks = Walks() if settings.axe_templates else None  # the Tab walk through chrome regions, too
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._lock = asyncio.Lock()
        self.browser_version = ""
        self.restarts = 0
        self.retry_after: dict[str, float] = {}  # requested URL -> Retry-After seconds of its 429/503 answer

    async def __aenter__(self) -> "Gatherer":
        self._playwright = await async_playwright().start()
        await self._ensure_browser()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        if self._browser is not None:
            try:
                await self._browser.close()
            except PlaywrightError:
                pass
        if self._playwright is not None:
            await self._playwright.stop()

    async def _ensure_browser(self) -> Browser:
        async with self._lock:
            if self._browser is None or not self._browser.is_connected():
                if self._browser is not None:
                    self.restarts += 1
                assert self._playwright is not None, "use Gatherer as an async context manager"
                self._browser = await launch(self._playwright, self.settings.browser_path)
                self.browser_version = self._browser.version
            return self._browser

    async def _new_context(self, storage_state: dict[str, Any] | None = None) -> tuple[Browser, BrowserContext]:
        for attempt in range(2):
            browser = await self._ensure_browser()
            try:
                context = await browser.new_context(
                    user_agent=self.settings.user_agent, locale="nl-BE", viewport={"width": 1280, "height": 900},
                    ignore_https_errors=self.settings.ignore_tls_errors, storage_state=storage_state,
                )
                return browser, context
            except PlaywrightError:
                if attempt or browser.is_connected():
                    raise
                # the browser died since the last page: _ensure_browser relaunches it
        raise AssertionError("unreachable")

    async def visit(self, url: str, policy: RequestPolicy | None = None, session: "SiteSession | None" = None) -> PageSnapshot:
        """Visit ``url`` once. With a ``policy``, requests robots.txt disallows are never made, and the
        page cannot navigate itself away (to another site, or at all once loaded): it stays as loaded.
        With a ``session`` (gather/session.py): the site's login state, headers, consent and steps."""
        if session is None:
            return await self._visit_in_context(url, policy)
        if session.login_error:
            return failed_page(url, session.login_error)
        return session.finish(await self._visit_in_context(url, policy, session))

    async def _visit_in_context(self, url: str, policy: RequestPolicy | None, session: "SiteSession | None" = None) -> PageSnapshot:
        started = time.perf_counter()
        browser, context = await self._new_context(session.state if session else None)
        try:
            if session is not None:
                await session.open(context)
            async with asyncio.timeout(self.settings.page_timeout) as budget:
                return await self._visit(context, url, started, policy, budget, session)
        except asyncio.TimeoutError:
            return failed_page(url, f"{reasons.TIMEOUT}: {self.settings.page_timeout:g}")
        except PlaywrightError as exc:
            if not browser.is_connected():
                return failed_page(url, reasons.BROWSER_CRASH)
            return failed_page(url, error_reason(exc))
        finally:
            try:
                await asyncio.wait_for(context.close(), 10)
            except (PlaywrightError, asyncio.TimeoutError):
                pass

    async def _visit(
        self, context: BrowserContext, url: str, started: float, policy: RequestPolicy | None = None,
        budget: asyncio.Timeout | None = None, session: "SiteSession | None" = None,
    ) -> PageSnapshot:
        if self.settings.allowed_hosts:
            await context.route("**/*", self._only_allowed_hosts)
        state = {"loaded": False}
        if policy is not None:  # registered last, so asked first; passes on to the allowed-hosts route
            await context.route("**/*", lambda route: self._polite_route(route, policy, state))
        await context.add_init_script(script=self.axe.script)
        await context.add_init_script(script=WATCH_SCRIPT)
        page = await context.new_page()
        crashed = asyncio.Event()
        page.on("crash", lambda _page: crashed.set())
        page.on("dialog", _dismiss)  # alert, confirm, prompt, beforeunload: answered "cancel", the visit goes on

        # the DOM first; then the load event, but not for ever: a page whose scripts or requests never
        # finish is audited as it is by then
        turn = getattr(policy, "turn", None)
        if turn is not None:  # the host's politeness delay, right before the page's own request; not part of
            waiting = time.perf_counter()  # the page's time
            await turn(url)
            waited = time.perf_counter() - waiting
            if budget is not None and budget.when() is not None:
                budget.reschedule(budget.when() + waited)
        response = await page.goto(url, wait_until="domcontentloaded")
        try:
            await page.wait_for_load_state("load", timeout=self.settings.page_timeout * LOAD_SHARE * 1000)
        except PlaywrightTimeout:
            pass
        state["loaded"] = True
        loaded = time.perf_counter()
        status = response.status if response else None
        content_type = (await response.header_value("content-type") or "") if response else ""
        final_url = page.url
        if status in (429, 503) and response is not None:
            retry = await response.header_value("retry-after")
            if retry and retry.strip().isdigit():
                self.retry_after[url] = float(retry.strip())
        if status is not None and status >= 400:
            return failed_page(url, f"{reasons.HTTP_STATUS}: {status}", http_status=status, final_url=final_url)
        if content_type and not content_type.split(";")[0].strip().lower() in HTML_TYPES:
            return failed_page(url, f"{reasons.NOT_HTML}: {content_type.split(';')[0]}", http_status=status, final_url=final_url)

        if session is not None:  # consent and the site's steps; their time is not the page's
            _extend(budget, session.allowance())
            found, banner, problem = await session.before_audit(page, url)
            if problem:
                return failed_page(url, problem, http_status=status, final_url=final_url)
        axe_started = time.perf_counter()
        raw_axe = await axe_engine.run(page, self.axe_options, self.templates, url)
        axed = time.perf_counter()
        left = budget.when() - asyncio.get_running_loop().time() if budget is not None and budget.when() is not None else None
        media = await evaluate(page, MEDIA_SCRIPT, media_limits(left))  # before extract.js, whose focus probing may change text
        media_done = time.perf_counter()
        facts = await evaluate(page, EXTRACT_SCRIPT, EXTRACT_LIMITS) | media
        done = time.perf_counter()
        if crashed.is_set():
            return failed_page(url, reasons.TAB_CRASH)
        interaction = None
        if self.settings.interaction:  # last: it changes the page (focus, hover, styles, viewport)
            seconds = self.settings.interaction_seconds
            if budget is not None and budget.when() is not None:
                seconds = min(seconds, budget.when() - asyncio.get_running_loop().time() - INTERACTION_MARGIN)
            interaction = await interact(page, context, max(0.0, seconds), self.walks, axe_engine.Templates.site_of(url))
        finished = time.perf_counter()

        timings = Timings(
            navigation_ms=round((loaded - started) * 1000),
            axe_ms=round((axed - axe_started) * 1000),
            extract_ms=round((done - media_done) * 1000),
            total_ms=round((finished - started) * 1000),
            interaction_ms=round((finished - done) * 1000),
            media_ms=round((media_done - axed) * 1000),
        )
        snapshot = build_snapshot(url, final_url, raw_axe, facts, http_status=status, content_type=content_type, timings=timings)
        snapshot = replace(snapshot, interaction=interaction)
        if session is not None:
            _extend(budget, session.allowance())
            snapshot = await session.after_audit(page, snapshot, found, banner)
        return snapshot

    async def _polite_route(self, route: Route, policy: RequestPolicy, state: dict[str, bool]) -> None:
        request = route.request
        try:
            if request.url.startswith(("data:", "blob:")):
                await route.fallback()
            elif request.is_navigation_request() and request.frame.parent_frame is None and (
                state["loaded"] or not policy.in_scope(request.url) or not policy.robots_allow(request.url)
            ):
                await route.fulfill(status=204)  # no request made; the page under test stays where it is
            elif not policy.robots_allow(request.url):
                await route.abort("blockedbyclient")
            else:
                await route.fallback()
        except PlaywrightError:
            pass  # the page or context closed meanwhile

    async def _only_allowed_hosts(self, route: Route) -> None:
        host = host_of(route.request.url).split(":")[0]
        if route.request.url.startswith(("data:", "blob:")) or host in self.settings.allowed_hosts:
            await route.fallback()  # on to the site's headers (gather/session.py), if any
        else:
            await route.abort("blockedbyclient")


def build_snapshot(
    url: str,
    final_url: str,
    raw_axe: dict[str, Any],
    facts: dict[str, Any],
    *,
    http_status: int | None = None,
    content_type: str = "",
    timings: Timings = Timings(),
) -> PageSnapshot:
    """The snapshot of a page from what RUN_SCRIPT (axe-core) and EXTRACT_SCRIPT returned in it."""
    snapshot = PageSnapshot.from_dict(facts | {"requested_url": url, "final_url": final_url})
    return replace(
        snapshot,
        http_status=http_status,
        content_type=content_type,
        axe=axe_engine.convert(raw_axe),
        documents=_documents(snapshot),
        timings=timings,
    )


def media_limits(seconds_left: float | None = None) -> dict[str, float]:
    """Bounds of gather/media.js; its waits stay within ``seconds_left`` of the page's budget, less a margin."""
    budget = 3500 if seconds_left is None else max(0, (seconds_left - INTERACTION_MARGIN) * 1000)
    return {
        "maxMedia": 20, "maxTracks": 10, "maxListen": 3, "maxChanging": 20, "maxControls": 300,
        "minWatchMs": min(1200, budget), "maxWatchMs": 3500, "budgetMs": budget, "quietMs": 1250, "updates": 3,
        "trackWaitMs": min(1000, budget), "listenMs": min(300, budget), "audiblePeak": 0.01,
    }


def _documents(snapshot: PageSnapshot) -> tuple[Document, ...]:
    seen: dict[str, Document] = {}
    for link in snapshot.links:
        kind = document_kind(link.href)
        if kind and link.href.startswith(("http://", "https://")) and link.href not in seen:
            seen[link.href] = Document(url=link.href, kind=kind, link_text=link.name)
    return tuple(seen.values())


def _extend(budget: asyncio.Timeout | None, seconds: float) -> None:
    if budget is not None and budget.when() is not None:
        budget.reschedule(budget.when() + seconds)


async def _dismiss(dialog: Dialog) -> None:
    try:
        await dialog.dismiss()
    except PlaywrightError:
        pass


def error_reason(exc: PlaywrightError) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    cert = re.search(r"net::ERR_(CERT_[A-Z_]+|SSL_[A-Z_]+)", message)
    if cert:
        return f"{reasons.TLS}: {cert.group(1)}"
    if "net::ERR_NAME_NOT_RESOLVED" in message:
        return reasons.DNS
    if "net::ERR_CONNECTION_REFUSED" in message:
        return reasons.REFUSED
    network = re.search(r"net::(ERR_[A-Z_]+)", message)
    if network:
        return f"{reasons.NETWORK}: {network.group(1)}"
    if "Download is starting" in message:
        return f"{reasons.NOT_HTML}: download"
    if "Target crashed" in message or "has been closed" in message:
        return reasons.TAB_CRASH
    return f"{reasons.ERROR}: {message[:300]}"
