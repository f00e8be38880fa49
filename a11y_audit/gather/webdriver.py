"""The Selenium WebDriver backend: the visit of gather/page.py through a WebDriver server.

For teams whose browsers run on a Selenium Grid: a local chromedriver (started here) or the
address of a grid (``selenium_url``). It gives the same snapshot as the Playwright backend: the
same axe.min.js (added to every frame before the page's own scripts), the same run options,
extract.js and ``build_snapshot``, and each page set up as Playwright sets up a page of a fresh
context (viewport, screen, locale, user agent, fonts, focus; see ``_set_up_tab``). The browser
must be Chromium or Chrome: the setup and the script that runs before the page's own use the
DevTools protocol through ChromeDriver's ``goog/cdp/execute``, which a Selenium Grid passes on.

Every visit gets a new tab in a session that is kept for the next visit; after the visit the tab
is closed and the cookies and storage of every origin the page used are cleared. A session that
timed out, crashed or failed otherwise is ended and replaced; one that is gone before its next visit
(a grid ends sessions left idle) is replaced before the page is requested.

What WebDriver cannot do as Playwright does (no request interception):

- requests of the page's subresources (images, scripts, frames) that robots.txt disallows are
  made; only the page's own address is asked of the site's gate, before and after redirects;
- navigations the page starts itself (script, meta refresh) are held in the page with the
  Navigation API (``HOLD_SCRIPT``); before the load event one that the gate allows is made by
  WebDriver instead, after it none: the page stays as loaded, as with Playwright. A page that
  still ends up elsewhere (an HTTP redirect off the site) is not audited (``leaves-site``);
- the status and headers of the page's response come from ChromeDriver's performance log.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .. import reasons
from ..config import Settings
from ..snapshot import PageSnapshot, Timings, failed_page
from . import axe as axe_engine
from .browser import LAUNCH_ARGS, find_browser
from .page import (
    EXTRACT_LIMITS, EXTRACT_SCRIPT, HTML_TYPES, LOAD_SHARE, MEDIA_SCRIPT, WATCH_SCRIPT, RequestPolicy, error_reason, build_snapshot,
    media_limits,
)

# Playwright launches headless Chromium with these besides LAUNCH_ARGS: the same layout and media
HEADLESS_ARGS = [
    "--headless",
    "--hide-scrollbars",
    "--mute-audio",
    "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4",
    "--force-color-profile=srgb",
]
VIEWPORT = (1280, 900)
LOCALE = "nl-BE"
# the default fonts Playwright gives headless Chromium on Linux
FONT_FAMILIES = {"standard": "Times New Roman", "fixed": "Monospace", "serif": "Times New Roman",
                 "sansSerif": "Arial", "cursive": "Comic Sans MS", "fantasy": "Impact"}
NO_PROXY = "http://127.0.0.1:9"  # the discard port: nothing answers there
POLL = 0.05  # seconds between two looks at a loading page
GRACE = 10.0  # seconds past the page timeout after which a visit whose WebDriver server does not answer is given up
SESSION_TIMEOUT = 120.0  # seconds to wait for a new session (a busy grid queues the requests)
QUIT_TIMEOUT = 10.0  # seconds for ending a session

# Before the page's own scripts, in every frame: dialogs answered as dismissed (as Playwright's
# dialog.dismiss(); an open dialog would stop the page and every script WebDriver runs in it), and
# navigations of the top frame that the page starts itself cancelled and noted: the visit decides.
HOLD_SCRIPT = """window.alert = () => {}; window.confirm = () => false; window.prompt = () => null;
if (window.top === window && window.navigation) {
  navigation.addEventListener("navigate", (event) => {
    if (event.navigationType === "traverse" || event.destination.sameDocument || !event.cancelable) return;
    event.preventDefault();
    (window.__a11yAuditHeld = window.__a11yAuditHeld || []).push(event.destination.url);
  });
}"""
# null while the tab still shows the document it had before the navigation
POLL_SCRIPT = """return window.__a11yAuditOld ? null
  : [document.readyState, location.href, performance.timeOrigin, (window.__a11yAuditHeld || []).splice(0)];"""

HOW_TO_INSTALL_SELENIUM = (
    "The Selenium backend needs the Python package selenium:\n"
    "  .venv/bin/pip install 'a11y-audit[selenium]'   (or: pip install selenium)\n"
    "or use the Playwright backend (backend: playwright)."
)
HOW_TO_INSTALL_CHROMEDRIVER = (
    "The Selenium backend found no chromedriver. Install it:\n"
    "  - Debian/Ubuntu: sudo apt-get install -y chromium-driver\n"
    "or give the address of a WebDriver server or Selenium Grid with the setting 'selenium_url'\n"
    "in targets.yaml or --selenium-url URL."
)


class WebDriverUnavailable(RuntimeError):
    """No WebDriver session can be had: selenium or chromedriver missing, the grid unreachable."""


@dataclass
class _Navigation:
    """The top frame's document request, from the performance log."""

    frame: str
    request: str = ""
    response: dict[str, Any] | None = None
    error: str = ""
    origins: set[str] = field(default_factory=set)  # of every response in the tab: their storage is cleared

    def read(self, entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            message = json.loads(entry["message"])["message"]
            method, params = message.get("method"), message.get("params", {})
            if method == "Network.requestWillBeSent" and params.get("type") == "Document" \
                    and params.get("frameId") == self.frame and params.get("requestId") == params.get("loaderId"):
                self.request, self.response, self.error = params["requestId"], None, ""
            elif method == "Network.responseReceived":
                url = params.get("response", {}).get("url", "")
                if url.startswith(("http://", "https://")):
                    parts = urlsplit(url)
                    self.origins.add(f"{parts.scheme}://{parts.netloc}")
                if params.get("requestId") == self.request:
                    self.response = params["response"]
            elif method == "Network.loadingFailed" and params.get("requestId") == self.request and self.response is None:
                self.error = params.get("errorText", "")

    def header(self, name: str) -> str:
        headers = (self.response or {}).get("headers") or {}
        return next((str(v) for k, v in headers.items() if k.lower() == name), "")


@dataclass(frozen=True)
class _Page:
    """The document in the tab, as POLL_SCRIPT sees it."""

    ready: str  # document.readyState
    href: str
    time_origin: float  # differs for every document


class _Failed(Exception):
    """The visit ends with a failed page; the session can serve the next visit."""

    def __init__(self, snapshot: PageSnapshot):
        self.snapshot = snapshot


class SeleniumGatherer:
    """Same interface as gather.page.Gatherer; ``visit`` never raises for page problems."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.axe = axe_engine.load_axe(settings.axe_path)
        self.axe_options = axe_engine.run_options(settings.wcag_version, settings.wcag_level)
        self.browser_version = ""
        self.restarts = 0
        self.retry_after: dict[str, float] = {}  # requested URL -> Retry-After seconds of its 429/503 answer
        self._threads = ThreadPoolExecutor(settings.concurrency * 2 + 2, thread_name_prefix="a11y-audit webdriver")
        self._service: Any = None  # the local chromedriver, when there is no selenium_url
        self._url = settings.selenium_url or ""
        self._idle: list[Any] = []
        self._sessions: set[Any] = set()

    async def __aenter__(self) -> "SeleniumGatherer":
        try:
            import selenium  # noqa: F401 - only to say what to install
        except ImportError:
            raise WebDriverUnavailable(HOW_TO_INSTALL_SELENIUM) from None
        try:
            if not self._url:
                await self._call(self._start_chromedriver)
            session = await self._call(self._new_session)
        except BaseException:
            await self.__aexit__()
            raise
        self.browser_version = session.capabilities.get("browserVersion", "")
        self._idle.append(session)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        for session in list(self._sessions):
            await self._call(self._quit, session)
        if self._service is not None:
            await self._call(self._service.stop)
        self._threads.shutdown(wait=False, cancel_futures=True)

    async def _call(self, function: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._threads, function, *args)

    def _start_chromedriver(self) -> None:
        from selenium.webdriver.chrome.service import Service

        path = shutil.which("chromedriver")
        if path is None:
            raise WebDriverUnavailable(HOW_TO_INSTALL_CHROMEDRIVER)
        self._service = Service(executable_path=path)  # a path given: Selenium Manager downloads nothing
        self._service.start()
        self._url = self._service.service_url

    def _new_session(self) -> Any:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.remote.client_config import ClientConfig

        options = webdriver.ChromeOptions()
        if self._service is not None:
            options.binary_location = find_browser(self.settings.browser_path)
        elif self.settings.browser_path:
            options.binary_location = self.settings.browser_path  # a path on the grid's machine
        for arg in LAUNCH_ARGS + HEADLESS_ARGS:
            options.add_argument(arg)
        if self.settings.allowed_hosts:  # every other host goes to a proxy that is not there, so loads nothing
            options.add_argument(f"--proxy-server={NO_PROXY}")
            options.add_argument("--proxy-bypass-list=" + ";".join(["<-loopback>", *self.settings.allowed_hosts]))
        options.page_load_strategy = "none"  # the visit waits for the DOM and the load event itself
        options.unhandled_prompt_behavior = "dismiss"  # dialogs HOLD_SCRIPT does not reach (other sites' frames)
        options.accept_insecure_certs = self.settings.ignore_tls_errors
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        config = ClientConfig(remote_server_addr=self._url, timeout=SESSION_TIMEOUT)
        try:
            driver = webdriver.Remote(command_executor=self._url, options=options, client_config=config)
        except WebDriverException as exc:
            raise WebDriverUnavailable(f"no WebDriver session at {self._url}: {_message(exc)}") from None
        except Exception as exc:  # noqa: BLE001 - urllib3 and socket errors: connection refused, unknown host
            raise WebDriverUnavailable(f"no WebDriver server answers at {self._url}: {_message(exc)}") from None
        config.timeout = self.settings.page_timeout + GRACE  # for every command from now on
        self._sessions.add(driver)
        return driver

    def _quit(self, driver: Any) -> None:
        if driver not in self._sessions:
            return
        self._sessions.discard(driver)
        driver.command_executor.client_config.timeout = QUIT_TIMEOUT
        try:
            driver.quit()
        except Exception:  # noqa: BLE001 - the session or its browser is gone already
            pass

    async def visit(self, url: str, policy: RequestPolicy | None = None) -> PageSnapshot:
        """Visit ``url`` once (see gather.page.Gatherer.visit and the module text for what differs)."""
        turn = getattr(policy, "turn", None)
        if turn is not None:  # the host's politeness delay, right before the page's own request
            await turn(url)
        for fresh in (False, True):
            try:
                driver = self._idle.pop() if self._idle and not fresh else await self._call(self._new_session)
            except WebDriverUnavailable as exc:
                return failed_page(url, f"{reasons.BROWSER_CRASH}: {str(exc)[:300]}")
            started = time.perf_counter()
            work = asyncio.get_running_loop().run_in_executor(self._threads, self._visit, driver, url, policy, started)
            try:
                snapshot, reusable = await asyncio.wait_for(asyncio.shield(work), self.settings.page_timeout + GRACE)
            except (asyncio.TimeoutError, asyncio.CancelledError) as exc:  # ended once the WebDriver server answers
                work.add_done_callback(lambda _: self._threads.submit(self._quit, driver))
                if isinstance(exc, asyncio.CancelledError):
                    raise
                return failed_page(url, f"{reasons.TIMEOUT}: {self.settings.page_timeout:g}")
            if snapshot is not None:
                break
            self._threads.submit(self._quit, driver)  # gone before the page was requested: once more, in a new one
        if snapshot is None:
            return failed_page(url, reasons.BROWSER_CRASH)
        if reusable:
            self._idle.append(driver)
        else:
            if snapshot.reason == reasons.BROWSER_CRASH:
                self.restarts += 1
            self._threads.submit(self._quit, driver)  # not part of the page's time
        return snapshot

    def _visit(self, driver: Any, url: str, policy: RequestPolicy | None, started: float) -> tuple[PageSnapshot | None, bool]:
        """The visit in a new tab; whether the session can serve the next visit. No snapshot: the session
        failed before the page was requested."""
        deadline = time.monotonic() + self.settings.page_timeout
        try:
            home = driver.current_window_handle
            driver.switch_to.new_window("tab")
            navigation = _Navigation(frame=self._set_up_tab(driver))
        except Exception:  # noqa: BLE001 - the session or its browser is gone
            return None, False
        try:
            snapshot = self._load_and_audit(driver, navigation, url, policy, started, deadline)
        except _Failed as failed:
            snapshot = failed.snapshot
        except Exception as exc:  # noqa: BLE001 - timeouts, a crashed tab or browser, a server that does not answer
            return failed_page(url, _crash_reason(exc, self.settings.page_timeout)), False
        try:
            self._close_tab(driver, home, navigation)
        except Exception:  # noqa: BLE001 - the session is ended instead
            return snapshot, False
        return snapshot, True

    def _set_up_tab(self, driver: Any) -> str:
        """As Playwright sets up a page of a fresh context; returns the top frame's id."""
        width, height = VIEWPORT
        for command, params in (
            ("Page.addScriptToEvaluateOnNewDocument", {"source": HOLD_SCRIPT}),
            ("Page.addScriptToEvaluateOnNewDocument", {"source": self.axe.script}),
            ("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_SCRIPT}),
            ("Emulation.setFocusEmulationEnabled", {"enabled": True}),
            ("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1,
                                                    "mobile": False, "screenWidth": width, "screenHeight": height}),
            ("Emulation.setUserAgentOverride", {"userAgent": self.settings.user_agent, "acceptLanguage": LOCALE}),
            ("Emulation.setLocaleOverride", {"locale": LOCALE}),
            ("Page.setFontFamilies", {"fontFamilies": FONT_FAMILIES}),
        ):
            driver.execute_cdp_cmd(command, params)
        _performance_log(driver)  # what other tabs did before
        return driver.execute_cdp_cmd("Page.getFrameTree", {})["frameTree"]["frame"]["id"]

    def _load_and_audit(
        self, driver: Any, navigation: _Navigation, url: str, policy: RequestPolicy | None, started: float, deadline: float,
    ) -> PageSnapshot:
        # the DOM first; then the load event, but not for ever (gather.page.Gatherer._visit)
        page = self._navigate(driver, navigation, url, policy, deadline)
        if page is not None:
            load_until = min(deadline, time.monotonic() + self.settings.page_timeout * LOAD_SHARE)
            page = self._wait(driver, navigation, policy, load_until, "complete") or page
        loaded = time.perf_counter()
        navigation.read(_performance_log(driver))
        response = navigation.response
        if response is None:
            if navigation.error:
                raise _Failed(failed_page(url, error_reason(Exception(navigation.error))))
            raise _Failed(failed_page(url, f"{reasons.ERROR}: no response for the page"))
        status = int(response["status"])
        content_type = navigation.header("content-type")
        final_url = page.href if page else url
        if policy is not None and not policy.in_scope(final_url):  # an HTTP redirect off the site
            raise _Failed(failed_page(url, f"{reasons.LEAVES_SITE}: {final_url}", http_status=status, final_url=final_url))
        if policy is not None and not policy.robots_allow(final_url):
            raise _Failed(failed_page(url, reasons.ROBOTS, http_status=status, final_url=final_url))
        if status in (429, 503):
            retry = navigation.header("retry-after").strip()
            if retry.isdigit():
                self.retry_after[url] = float(retry)
        if status >= 400:
            raise _Failed(failed_page(url, f"{reasons.HTTP_STATUS}: {status}", http_status=status, final_url=final_url))
        if content_type and not content_type.split(";")[0].strip().lower() in HTML_TYPES:
            raise _Failed(failed_page(url, f"{reasons.NOT_HTML}: {content_type.split(';')[0]}", http_status=status,
                                      final_url=final_url))
        if page is None:
            raise _Failed(failed_page(url, f"{reasons.ERROR}: no page to audit", http_status=status, final_url=final_url))

        raw_axe = json.loads(driver.execute_script(
            f"return ({axe_engine.RUN_SCRIPT})(arguments[0]).then(JSON.stringify);", self.axe_options))
        axed = time.perf_counter()
        media = json.loads(driver.execute_script(
            f"return ({MEDIA_SCRIPT})(arguments[0]).then(JSON.stringify);", media_limits(deadline - time.monotonic())))
        media_done = time.perf_counter()
        facts = json.loads(driver.execute_script(f"return JSON.stringify(({EXTRACT_SCRIPT})(arguments[0]));", EXTRACT_LIMITS)) | media
        done = time.perf_counter()
        if driver.execute_script("return performance.timeOrigin;") != page.time_origin:  # HOLD_SCRIPT could not hold it
            raise _Failed(failed_page(url, f"{reasons.ERROR}: the page navigated away during the audit", http_status=status,
                                      final_url=final_url))
        timings = Timings(
            navigation_ms=round((loaded - started) * 1000),
            axe_ms=round((axed - loaded) * 1000),
            extract_ms=round((done - media_done) * 1000),
            total_ms=round((done - started) * 1000),
            media_ms=round((media_done - axed) * 1000),
        )
        return build_snapshot(url, final_url, raw_axe, facts, http_status=status, content_type=content_type, timings=timings)

    def _navigate(self, driver: Any, navigation: _Navigation, url: str, policy: RequestPolicy | None,
                  deadline: float) -> _Page | None:
        # every script, the polls too, gets what is left of the visit: one that times out means a page whose
        # scripts block it; after that only closing the tab is safe (ChromeDriver waits for the page otherwise)
        driver.set_script_timeout(max(0.1, deadline - time.monotonic()))
        driver.execute_script("window.__a11yAuditOld = true;")
        driver.set_page_load_timeout(max(0.1, deadline - time.monotonic()))
        driver.get(url)  # returns at once (page load strategy "none")
        return self._wait(driver, navigation, policy, deadline, "interactive", follow=True)

    def _wait(self, driver: Any, navigation: _Navigation, policy: RequestPolicy | None, until: float, ready: str,
              follow: bool = False) -> _Page | None:
        """The new document once it is ``ready`` (interactive: DOMContentLoaded; complete: the load event).
        None when no document will come (a network error, a download, no content) or, waiting for the load event, at
        ``until``; waiting for the DOM, the page times out then. With ``follow``, a navigation the page
        started itself is made when the policy allows it."""
        from selenium.common.exceptions import TimeoutException

        while True:
            state = driver.execute_script(POLL_SCRIPT)
            if state is None:  # the tab still shows its blank start document
                navigation.read(_performance_log(driver))
                if navigation.error or _not_html(navigation) or (navigation.response or {}).get("status") in (204, 205):
                    return None
            else:
                page = _Page(*state[:3])
                for target in state[3] if follow else ():
                    if policy is None or (policy.in_scope(target) and policy.robots_allow(target)):
                        return self._navigate(driver, navigation, target, policy, until)
                if page.ready in ("complete", ready):
                    return page
            if time.monotonic() >= until:
                if follow:
                    raise TimeoutException("the page did not load in time")
                return None
            time.sleep(POLL)

    def _close_tab(self, driver: Any, home: str, navigation: _Navigation) -> None:
        """Close the visit's tab; the next visit starts without the cookies and storage this one left."""
        driver.close()
        driver.switch_to.window(home)
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        for origin in sorted(navigation.origins):
            driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})


def _performance_log(driver: Any) -> list[dict[str, Any]]:
    """ChromeDriver's DevTools events since the last call."""
    return driver.execute("getLog", {"type": "performance"})["value"]


def _not_html(navigation: _Navigation) -> bool:
    content_type = navigation.header("content-type").split(";")[0].strip().lower()
    return bool(content_type) and content_type not in HTML_TYPES


def _message(exc: Exception) -> str:
    text = (getattr(exc, "msg", None) or str(exc)).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def _crash_reason(exc: Exception, page_timeout: float) -> str:
    from selenium.common.exceptions import TimeoutException

    message = _message(exc)
    lower = message.lower()
    if isinstance(exc, TimeoutException) or "timed out" in lower:  # the page, or the WebDriver server
        return f"{reasons.TIMEOUT}: {page_timeout:g}"
    if "tab crashed" in lower or "target crashed" in lower or "page crash" in lower:
        return reasons.TAB_CRASH
    if any(gone in lower for gone in ("not reachable", "disconnected", "invalid session id", "session deleted",
                                      "no such window", "connection refused", "max retries exceeded")):
        return reasons.BROWSER_CRASH
    return error_reason(exc)
