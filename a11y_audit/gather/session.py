"""Visiting a site as a visitor who answered its cookie banner and logged in.

One ``SiteSession`` per site and run (``run.py``), handed to every ``Gatherer.visit`` of the site:

- ``log_in`` runs the site's login steps once, before discovery, in a browser context of its own;
  the browser state after it (cookies, localStorage) is kept in ``state``. A consent banner on the
  login page is accepted first, and what that added to the state is left out again, so that the
  banner still shows on the first page and is audited there;
- every visit starts a fresh context from ``state`` (with the site's ``cookies``) and adds the site's
  ``headers`` to requests to the site's own hosts only;
- the first page where a consent banner shows is audited WITH it (once per site); consent is given
  after its audit and the state after that kept, so later pages are audited behind the banner. A
  later page where the banner shows anyway gets consent before its audit;
- the site's ``actions`` run on every page before its audit; a failing step, or failing consent
  steps of the site's own, make the page "could not test" with the step and the reason;
- every value resolved from ``${env:NAME}`` is replaced by ``REDACTED`` in what a visit returns,
  so secrets never reach the store, reports, exports or logs.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Mapping
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Error as PlaywrightError, Page, Route, TimeoutError as PlaywrightTimeout

from .. import reasons
from ..config import Action, Consent, Login, Settings, Site
from ..discover.urls import host_of
from ..secrets import redact, resolve, secret_values
from ..snapshot import ConsentBanner, PageSnapshot
from .consent import FIRST_LOOK, Banner, accept, detect, run_action
from .page import LOAD_SHARE, _dismiss, error_reason

if TYPE_CHECKING:
    from .page import Gatherer, RequestPolicy


@dataclass
class SiteSession:
    site_url: str
    hosts: set[str]  # the site's hosts (shared with its crawl): headers go there and nowhere else
    consent: Consent
    actions: list[Action]
    action_timeout: float
    login: Login | None = None
    headers: dict[str, str] = field(default_factory=dict)  # resolved
    secrets: tuple[str, ...] = ()  # resolved values, replaced in everything a visit returns
    state: dict[str, Any] = field(default_factory=lambda: {"cookies": [], "origins": []})  # carried to every context
    login_error: str = ""  # the reason every page of the site fails with when the login did not work
    banner_page: str = ""  # the page that audits the consent banner ("" until one shows)
    consented: bool = False  # ``state`` holds a given consent
    first_look: bool = True  # no page of the site looked for a banner yet

    @classmethod
    def for_site(cls, site: Site, settings: Settings, hosts: set[str], environ: Mapping[str, str] | None = None) -> "SiteSession":
        """The session of ``site``; its ${env:NAME} values are resolved now (check_env ran before)."""
        consent = site.consent or settings.consent
        actions = site.actions if site.actions is not None else settings.actions
        steps = [*actions, *consent.actions, *(site.login.actions if site.login else [])]
        secret_texts = [c.value for c in site.cookies] + list(site.headers.values()) + [a.fill.value for a in steps if a.fill]
        host = urlsplit(site.url or "").hostname or ""
        secure = (site.url or "").startswith("https://")
        cookies = [
            {"name": c.name, "value": resolve(c.value, environ), "domain": "." + c.domain.lstrip(".") if c.domain else host,
             "path": c.path, "expires": -1, "httpOnly": False, "secure": secure, "sameSite": "Lax"}
            for c in site.cookies
        ]
        return cls(
            site_url=site.url or "", hosts=hosts, consent=consent, actions=list(actions),
            action_timeout=settings.action_timeout, login=site.login,
            headers={name: resolve(value, environ) for name, value in site.headers.items()},
            secrets=secret_values(secret_texts, environ), state={"cookies": cookies, "origins": []},
        )

    @property
    def logged_in(self) -> bool:
        return bool(self.login or self.headers or self.state["cookies"])

    # -- every context -------------------------------------------------------

    async def open(self, context: BrowserContext) -> None:
        """Before the first request of a new context: the site's headers on requests to its hosts."""
        if self.headers:
            await context.route("**/*", self._add_headers)

    async def _add_headers(self, route: Route) -> None:
        try:
            if host_of(route.request.url) in self.hosts:
                await route.fallback(headers={**route.request.headers, **self.headers})
            else:
                await route.fallback()
        except PlaywrightError:
            pass  # the page or context closed meanwhile

    def request_headers(self, url: str) -> dict[str, str]:
        """For discovery's plain-HTTP requests: the site's headers and the cookies of ``state``."""
        if host_of(url) not in self.hosts:
            return {}
        parts = urlsplit(url)
        hostname, path = parts.hostname or "", parts.path or "/"
        cookies = [
            f"{c['name']}={c['value']}" for c in self.state["cookies"]
            if _domain_match(hostname, c["domain"]) and path.startswith(c["path"])
            and (parts.scheme == "https" or not c.get("secure"))
        ]
        return self.headers | ({"Cookie": "; ".join(cookies)} if cookies else {})

    # -- one visit -----------------------------------------------------------

    def allowance(self) -> float:
        """Seconds the steps before or after an audit may take (added to the page's time budget)."""
        return self.action_timeout * (len(self.actions) + len(self.consent.actions) + 2) + FIRST_LOOK

    async def before_audit(self, page: Page, url: str) -> tuple[Banner | None, ConsentBanner | None, str]:
        """Consent (unless this page audits the banner) and the site's steps; (banner, its record, reason the page
        cannot be tested or "")."""
        # consent managers add their banner after the load: wait for it on the site's first page, and on every
        # page while the banner is known to come back (consent could not be given)
        wait = FIRST_LOOK if self.first_look or (self.banner_page and not self.consented) else 0.0
        self.first_look = False
        found = await detect(page, self.consent, wait) if self.consent.accept else None
        record = None
        if found is not None:
            record = ConsentBanner(manager=found.manager, selector=found.where)
            if self.banner_page in ("", url):
                self.banner_page = url  # this page audits the banner; consent is given after its audit
            else:
                how, problem = await accept(page, found, self.consent, self.action_timeout)
                if problem and self.consent.actions:
                    return found, record, f"{reasons.CONSENT_FAILED}: {problem}"
                record = replace(record, audited=bool(problem), accepted=how, error=problem)
                if not problem:
                    await self._keep_consent(page.context)
        for step, action in enumerate(self.actions, 1):
            problem = await run_action(page, action, self.action_timeout)
            if problem:
                return found, record, f"{reasons.ACTION_FAILED}: step {step}: {problem}"
        return found, record, ""

    async def after_audit(self, page: Page, snapshot: PageSnapshot, found: Banner | None, record: ConsentBanner | None) -> PageSnapshot:
        """On the page that audited the banner: give consent now and keep the state for the later pages."""
        if found is not None and record is not None and record.audited and self.banner_page == snapshot.requested_url:
            how, problem = await accept(page, found, self.consent, self.action_timeout)
            record = replace(record, accepted=how, error=problem)
            if not problem:
                await self._keep_consent(page.context)
        return replace(snapshot, consent=record, logged_in=self.logged_in)

    def finish(self, snapshot: PageSnapshot) -> PageSnapshot:
        """What a visit returns: secrets replaced; a page that failed hands the banner audit on."""
        if not snapshot.audited and self.banner_page == snapshot.requested_url:
            self.banner_page = ""
        return self.redact_snapshot(snapshot)

    async def _keep_consent(self, context: BrowserContext) -> None:
        if not self.consented:
            self.state = await context.storage_state()
            self.consented = True

    def redact_snapshot(self, snapshot: PageSnapshot) -> PageSnapshot:
        if not self.secrets:
            return snapshot
        data = snapshot.to_dict()
        if not any(secret in json.dumps(data, ensure_ascii=False) for secret in self.secrets):
            return snapshot
        return PageSnapshot.from_dict(_redact(data, self.secrets))

    def redact(self, text: str) -> str:
        return redact(text, self.secrets)

    # -- login ---------------------------------------------------------------

    async def log_in(self, gatherer: "Gatherer", policy: "RequestPolicy | None" = None) -> None:
        """Run the login steps once; on success ``state`` is the logged-in browser state, else ``login_error`` says why."""
        if self.login is None:
            return
        seconds = gatherer.settings.page_timeout + self.action_timeout * (len(self.login.actions) + len(self.consent.actions) + 3)
        _, context = await gatherer._new_context(self.state)
        try:
            async with asyncio.timeout(seconds):
                self.login_error = await self._log_in(gatherer, context, policy)
        except asyncio.TimeoutError:
            self.login_error = f"{reasons.LOGIN_FAILED}: not done within {seconds:g} s"
        except PlaywrightError as exc:
            self.login_error = f"{reasons.LOGIN_FAILED}: {error_reason(exc)}"
        finally:
            try:
                await asyncio.wait_for(context.close(), 10)
            except (PlaywrightError, asyncio.TimeoutError):
                pass
        self.login_error = self.redact(self.login_error)

    async def _log_in(self, gatherer: "Gatherer", context: BrowserContext, policy: "RequestPolicy | None") -> str:
        assert self.login is not None
        await self.open(context)
        if gatherer.settings.allowed_hosts:
            await context.route("**/*", gatherer._only_allowed_hosts)
        if policy is not None:  # robots.txt and scope hold; the login form may navigate within the site
            await context.route("**/*", lambda route: gatherer._polite_route(route, policy, {"loaded": False}))
        page = await context.new_page()
        page.on("dialog", _dismiss)
        turn = getattr(policy, "turn", None)
        if turn is not None:
            await turn(self.login.url)
        response = await page.goto(self.login.url, wait_until="domcontentloaded")
        if response is not None and response.status >= 400:
            return f"{reasons.LOGIN_FAILED}: the login page answered {response.status}"
        try:
            await page.wait_for_load_state("load", timeout=gatherer.settings.page_timeout * LOAD_SHARE * 1000)
        except PlaywrightTimeout:
            pass
        consent_part: dict[str, Any] = {"cookies": [], "origins": []}
        found = await detect(page, self.consent, FIRST_LOOK) if self.consent.accept else None
        if found is not None:  # out of the way of the login form; left out of the state again below
            before = await context.storage_state()
            await accept(page, found, self.consent, self.action_timeout)
            consent_part = _added(before, await context.storage_state())
        for step, action in enumerate(self.login.actions, 1):
            problem = await run_action(page, action, self.action_timeout)
            if problem:
                return f"{reasons.LOGIN_FAILED}: step {step}: {problem}"
        try:
            await page.locator(self.login.check).first.wait_for(state="attached", timeout=self.action_timeout * 1000)
        except PlaywrightTimeout:
            return f"{reasons.LOGIN_FAILED}: {self.login.check!r} is not on the page after the login steps"
        self.state = _without(await context.storage_state(), consent_part)
        return ""


def _domain_match(hostname: str, domain: str) -> bool:
    if domain.startswith("."):
        return hostname == domain[1:] or hostname.endswith(domain)
    return hostname == domain


def _cookie_key(cookie: dict[str, Any]) -> tuple[str, str, str]:
    return cookie["name"], cookie["domain"], cookie["path"]


def _added(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """What ``after`` has that ``before`` did not: new or changed cookies, new localStorage items."""
    old = {_cookie_key(c): c["value"] for c in before.get("cookies", [])}
    cookies = [c for c in after.get("cookies", []) if old.get(_cookie_key(c)) != c["value"]]
    old_items = {(o["origin"], item["name"]) for o in before.get("origins", []) for item in o.get("localStorage", [])}
    origins = [
        {"origin": o["origin"], "localStorage": [i for i in o.get("localStorage", []) if (o["origin"], i["name"]) not in old_items]}
        for o in after.get("origins", [])
    ]
    return {"cookies": cookies, "origins": [o for o in origins if o["localStorage"]]}


def _without(state: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    drop = {_cookie_key(c) for c in part["cookies"]}
    drop_items = {(o["origin"], i["name"]) for o in part["origins"] for i in o["localStorage"]}
    return {
        "cookies": [c for c in state.get("cookies", []) if _cookie_key(c) not in drop],
        "origins": [
            {**o, "localStorage": [i for i in o.get("localStorage", []) if (o["origin"], i["name"]) not in drop_items]}
            for o in state.get("origins", [])
        ],
    }


def _redact(value: Any, secrets: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, dict):
        return {k: _redact(v, secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_redact(v, secrets) for v in value]
    return value
