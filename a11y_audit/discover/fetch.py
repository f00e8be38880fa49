"""The polite plain-HTTP fetcher: robots.txt, sitemaps, discovery of pages, linked documents.

Every request goes through ``Politeness`` (per-host slots and delay). Redirects are followed by
hand, and the caller's ``gate`` is asked before every hop, so scope and robots.txt hold for each
address actually requested. 429 and 503 are retried after Retry-After (when it is short enough).
Bodies are streamed and cut off at ``max_bytes``. Nothing here raises for a problem of the site:
it comes back as the result's ``reason`` (a code of ``reasons.py``).
"""

from __future__ import annotations

import asyncio
import re
import ssl
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Awaitable, Callable
from urllib.parse import urljoin

import httpx

from .. import reasons
from ..config import Settings
from .polite import Politeness
from .urls import host_of, normalise

MAX_REDIRECTS = 10
CHUNK = 64 * 1024
DEFAULT_BACK_OFF = 10.0  # seconds to leave a host alone after a 429/503 without Retry-After
RETRIES = 2  # extra attempts after a 429/503
REDIRECTS = (301, 302, 303, 307, 308)

Gate = Callable[[str], Awaitable[str | None]]  # a reason ("robots", "leaves-site: ...") to refuse an address, or None
# Headers for the site being discovered (its login cookies and headers: gather/session.py), by URL. run.py sets
# it in each site's own task, so a site's requests carry its headers and never another site's.
SITE_HEADERS: ContextVar[Callable[[str], dict[str, str]] | None] = ContextVar("site_headers", default=None)


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int | None = None
    content_type: str = ""  # lowercase, without parameters
    charset: str = ""
    body: bytes = b""
    reason: str = ""  # why there is no (complete) answer: timeout, dns, too-large, redirect-loop, ...
    redirects: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.reason and self.status is not None and self.status < 400


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def error_reason(exc: BaseException) -> str:
    """A reason code for a failed connection (the whole chain of causes is read)."""
    chain, seen = [], exc
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    text = " ".join(f"{type(e).__name__}: {e}" for e in chain)
    if isinstance(exc, (httpx.TimeoutException, asyncio.TimeoutError)):
        return reasons.TIMEOUT
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return reasons.REFUSED
    if any(isinstance(e, ssl.SSLError) for e in chain) or "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
        detail = re.search(r"\[SSL: ([A-Z_]+)\]|certificate verify failed: ([^(]+)", text)
        return f"{reasons.TLS}: {(detail.group(1) or detail.group(2)).strip()}" if detail else reasons.TLS
    if "Name or service not known" in text or "nodename nor servname" in text or "Temporary failure in name" in text \
            or "No address associated" in text:
        return reasons.DNS
    if "Connection refused" in text or "Errno 111" in text:
        return reasons.REFUSED
    return f"{reasons.NETWORK}: {type(exc).__name__}"


class Fetcher:
    """One httpx client for a run; use as an async context manager."""

    def __init__(self, settings: Settings, politeness: Politeness):
        self.settings = settings
        self.politeness = politeness
        self.requests = 0  # requests sent, for the figures of a run
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> "Fetcher":
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            verify=not self.settings.ignore_tls_errors,
            trust_env=False,
            headers={"User-Agent": self.settings.user_agent, "Accept-Language": "nl-BE,nl;q=0.9,fr;q=0.5,en;q=0.4"},
            timeout=httpx.Timeout(self.settings.page_timeout),
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
        )
        return self

    async def __aexit__(self, *exc: Any) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def get(
        self,
        url: str,
        *,
        gate: Gate | None = None,
        max_bytes: int | None = None,
        timeout: float | None = None,
        accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        body_types: tuple[str, ...] | None = None,
        max_redirects: int = MAX_REDIRECTS,
    ) -> Fetched:
        """GET ``url``, following redirects that ``gate`` allows. The body is read only for
        ``body_types`` (content types; None: any) and up to ``max_bytes``."""
        max_bytes = max_bytes or self.settings.max_page_bytes
        timeout = timeout or self.settings.page_timeout
        current, hops = url, []
        for _ in range(max_redirects + 1):
            refused = await gate(current) if gate else None
            if refused:
                return Fetched(url, current, reason=refused, redirects=tuple(hops))
            if current in hops:
                return Fetched(url, current, reason=reasons.REDIRECT_LOOP, redirects=tuple(hops))
            hops.append(current)
            result = await self._one(current, max_bytes, timeout, accept, body_types)
            location = result.headers.get("location")
            if result.status in REDIRECTS and location and not result.reason:
                target = urljoin(current, location.strip())
                if not target.startswith(("http://", "https://")):
                    return Fetched(url, current, result.status, reason=f"{reasons.HTTP_STATUS}: {result.status}",
                                   redirects=tuple(hops))
                current = normalise(target)
                continue
            return Fetched(url, current, result.status, result.content_type, result.charset, result.body, result.reason,
                           tuple(hops[:-1]), result.headers)
        return Fetched(url, current, reason=reasons.TOO_MANY_REDIRECTS, redirects=tuple(hops))

    async def _one(self, url: str, max_bytes: int, timeout: float, accept: str,
                   body_types: tuple[str, ...] | None) -> Fetched:
        assert self._client is not None, "use Fetcher as an async context manager"
        host = host_of(url)
        result = Fetched(url, url)
        for attempt in range(RETRIES + 1):
            async with self.politeness.slot(host):
                self.requests += 1
                result = await self._request(url, max_bytes, timeout, accept, body_types)
            if result.status not in (429, 503) or result.reason:
                return result
            wait = retry_after_seconds(result.headers.get("retry-after"))
            self.politeness.back_off(host, min(wait if wait is not None else DEFAULT_BACK_OFF, self.settings.max_retry_after))
            if wait is not None and wait > self.settings.max_retry_after:
                break  # "come back tomorrow": not within this run
        return result

    async def _request(self, url: str, max_bytes: int, timeout: float, accept: str,
                       body_types: tuple[str, ...] | None) -> Fetched:
        assert self._client is not None
        try:
            async with asyncio.timeout(timeout):
                site_headers = SITE_HEADERS.get()
                sent = {"Accept": accept} | (site_headers(url) if site_headers else {})
                async with self._client.stream("GET", url, headers=sent) as response:
                    headers = {k.lower(): v for k, v in response.headers.items()}
                    content_type, _, params = headers.get("content-type", "").partition(";")
                    content_type = content_type.strip().lower()
                    charset = ""
                    match = re.search(r"charset=[\"']?([\w.:-]+)", params, re.IGNORECASE)
                    if match:
                        charset = match.group(1).lower()
                    status = response.status_code
                    if status in REDIRECTS or status >= 400 or (body_types is not None and content_type not in body_types):
                        return Fetched(url, url, status, content_type, charset, headers=headers)
                    length = headers.get("content-length", "")
                    if length.isdigit() and int(length) > max_bytes:
                        return Fetched(url, url, status, content_type, charset, reason=f"{reasons.TOO_LARGE}: {length}",
                                       headers=headers)
                    data = bytearray()
                    async for chunk in response.aiter_bytes(CHUNK):
                        data.extend(chunk)
                        if len(data) > max_bytes:
                            return Fetched(url, url, status, content_type, charset,
                                           reason=f"{reasons.TOO_LARGE}: > {max_bytes}", headers=headers)
                    return Fetched(url, url, status, content_type, charset, bytes(data), headers=headers)
        except (TimeoutError, httpx.TimeoutException):
            return Fetched(url, url, reason=f"{reasons.TIMEOUT}: {timeout:g}")
        except (httpx.HTTPError, OSError, ssl.SSLError, ValueError) as exc:
            return Fetched(url, url, reason=error_reason(exc))
