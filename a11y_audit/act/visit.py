"""Visiting ACT test cases: the suite served on 127.0.0.1, and SVG/XML cases.

HTML cases go through ``Gatherer.visit``: the same browser, settings and axe-core run as
``a11y-audit run``.  ``ActGatherer`` changes one thing: a navigation to a host that is not
allowed (a meta refresh to https://w3.org, a link target) is answered "204 No Content", which
leaves the page where it is, instead of being aborted, which would replace the page under test
by Chromium's error page halfway through the audit.

``Gatherer.visit`` refuses documents that are not HTML (audits skip them), so the few SVG and
XML cases take ``visit_document``: the same context, route blocking and axe options, with
axe-core injected by ``page.evaluate`` when the init script did not run in the document, and
only the page facts such a document has.  A top-level XML document without a style sheet is
replaced by Chromium's XML tree viewer (an XHTML page), so XML cases are loaded in an iframe of
a blank page, where Chromium keeps the document as it is, and tested inside that frame.
"""

from __future__ import annotations

import asyncio
import html
import time
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import ContextManager

from playwright.async_api import BrowserContext, Error as PlaywrightError, Frame, Route

from .. import reasons
from ..demo.server import serve_folder
from ..discover.urls import host_of
from ..gather import axe as axe_engine
from ..gather.js import evaluate
from ..gather.page import EXTRACT_LIMITS, EXTRACT_SCRIPT, Gatherer, build_snapshot
from ..snapshot import PageSnapshot, Timings, failed_page

_MINIMAL_FACTS = """() => {
  const root = document.documentElement;
  return {title: (document.title || "").replace(/\\s+/g, " ").trim(),
          lang: root ? (root.getAttribute("lang") || root.getAttribute("xml:lang") || "") : ""};
}"""


FRAME_PREFIX = "/__in-frame__/"


class ActGatherer(Gatherer):
    """``Gatherer`` whose blocked navigations leave the page in place (see the module text)."""

    async def _only_allowed_hosts(self, route: Route) -> None:
        request = route.request
        host = host_of(request.url).split(":")[0]
        blocked = not request.url.startswith(("data:", "blob:")) and host not in self.settings.allowed_hosts
        if blocked and request.is_navigation_request():
            await route.fulfill(status=204)
            return
        await super()._only_allowed_hosts(route)


class _QuietHandler(SimpleHTTPRequestHandler):
    # the test cases are UTF-8 and W3C serves them so; without a charset Chromium would read them as windows-1252
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".svg": "image/svg+xml; charset=utf-8",
        ".xml": "application/xml; charset=utf-8",
    }

    def do_GET(self) -> None:  # noqa: N802 - name of the base class method
        if self.path.startswith(FRAME_PREFIX):
            target = "/" + self.path[len(FRAME_PREFIX):]
            body = (
                '<!DOCTYPE html><html><head><title>frame</title></head>'
                f'<body style="margin:0"><iframe src="{html.escape(target, quote=True)}" '
                'style="border:0;width:100vw;height:100vh"></iframe></body></html>'
            ).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(root: Path) -> ContextManager[str]:
    """Serve ``root`` read-only on 127.0.0.1 (a free port), as UTF-8; yield the base URL."""
    return serve_folder(root, handler_class=_QuietHandler)


async def visit_document(gatherer: Gatherer, url: str) -> PageSnapshot:
    """One visit to an SVG or XML document, bounded by the page timeout like ``Gatherer.visit``."""
    started = time.perf_counter()
    browser, context = await gatherer._new_context()
    try:
        return await asyncio.wait_for(_visit(gatherer, context, url, started), gatherer.settings.page_timeout)
    except asyncio.TimeoutError:
        return failed_page(url, f"{reasons.TIMEOUT}: {gatherer.settings.page_timeout:g}")
    except PlaywrightError as exc:
        if not browser.is_connected():
            return failed_page(url, reasons.BROWSER_CRASH)
        return failed_page(url, f"{reasons.ERROR}: {str(exc).strip()[:300]}")
    finally:
        try:
            await asyncio.wait_for(context.close(), 10)
        except (PlaywrightError, asyncio.TimeoutError):
            pass


async def _visit(gatherer: Gatherer, context: BrowserContext, url: str, started: float) -> PageSnapshot:
    if gatherer.settings.allowed_hosts:
        await context.route("**/*", gatherer._only_allowed_hosts)
    await context.add_init_script(script=gatherer.axe.script)
    page = await context.new_page()
    in_frame = url.lower().endswith(".xml")
    if in_frame:
        origin, _, path = url.partition("://")[2].partition("/")
        url_loaded = f"{url.partition('://')[0]}://{origin}{FRAME_PREFIX}{path}"
    else:
        url_loaded = url
    async with page.expect_response(url) as response_info:
        await page.goto(url_loaded, wait_until="load")
    response = await response_info.value
    loaded = time.perf_counter()
    status = response.status if response else None
    content_type = (await response.header_value("content-type") or "") if response else ""
    if status is not None and status >= 400:
        return failed_page(url, f"{reasons.HTTP_STATUS}: {status}", http_status=status, final_url=url)
    target: Frame = page.main_frame.child_frames[0] if in_frame else page.main_frame
    if not await target.evaluate("() => typeof window.axe === 'object'"):
        await target.evaluate(gatherer.axe.script)
    raw_axe = await evaluate(target, axe_engine.RUN_SCRIPT, gatherer.axe_options)
    axed = time.perf_counter()
    try:
        facts = await evaluate(target, EXTRACT_SCRIPT, EXTRACT_LIMITS)
    except PlaywrightError:
        facts = await target.evaluate(_MINIMAL_FACTS)
    done = time.perf_counter()
    timings = Timings(
        navigation_ms=round((loaded - started) * 1000),
        axe_ms=round((axed - loaded) * 1000),
        extract_ms=round((done - axed) * 1000),
        total_ms=round((done - started) * 1000),
    )
    return build_snapshot(url, target.url, raw_axe, facts, http_status=status, content_type=content_type, timings=timings)
