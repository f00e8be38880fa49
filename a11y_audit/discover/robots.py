"""robots.txt (RFC 9309), read with Protego, fetched once per origin through the polite fetcher.

- 2xx: its rules hold for our product token (``Settings.robots_agent``), or else for ``*``;
- 4xx (none there), a redirect away from the site or too many redirects: everything may be visited;
- 5xx (after the Retry-After retries), no answer, a timeout: nothing may be visited, as the RFC says.

A site with ``ignore_robots: true`` (one's own site) gets rules that allow everything.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego

from .. import reasons
from .fetch import Fetcher, Gate
from .urls import host_of

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: at least 500 KiB must be parsed


@dataclass(frozen=True)
class Robots:
    origin: str
    status: str  # "found", "none" (4xx, or ignored), "unavailable"
    reason: str = ""  # for "unavailable": why
    agent: str = "a11y-audit"
    parser: Protego | None = field(default=None, compare=False)

    def allowed(self, url: str) -> bool:
        if self.status == "unavailable":
            return False
        if self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, self.agent))

    @property
    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(self.agent)
        return float(delay) if delay is not None else None

    @property
    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []


def parse_robots(origin: str, text: str, agent: str) -> Robots:
    return Robots(origin, "found", agent=agent, parser=Protego.parse(text))


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{host_of(url)}"


class RobotsCache:
    """The robots.txt of every origin of a run, each fetched once."""

    def __init__(self, fetcher: Fetcher, agent: str):
        self.fetcher = fetcher
        self.agent = agent
        self._cache: dict[str, Robots] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def known(self, url: str) -> Robots | None:
        return self._cache.get(origin_of(url))

    async def get(self, url: str, gate: Gate | None = None) -> Robots:
        """The rules for ``url``'s origin; ``gate`` (scope) bounds the redirects followed."""
        origin = origin_of(url)
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._cache:
                self._cache[origin] = await self._fetch(origin, gate)
                if self._cache[origin].crawl_delay:
                    self.fetcher.politeness.set_crawl_delay(host_of(origin), self._cache[origin].crawl_delay)
            return self._cache[origin]

    async def _fetch(self, origin: str, gate: Gate | None) -> Robots:
        result = await self.fetcher.get(
            origin + "/robots.txt", gate=gate, max_bytes=MAX_ROBOTS_BYTES, accept="text/plain,*/*;q=0.5", max_redirects=5,
        )
        code = result.reason.split(":")[0]
        if code == reasons.TOO_LARGE:
            return Robots(origin, "unavailable", f"{reasons.TOO_LARGE}", self.agent)
        if result.reason and (code in (reasons.LEAVES_SITE, reasons.TOO_MANY_REDIRECTS, reasons.REDIRECT_LOOP)):
            return Robots(origin, "none", agent=self.agent)  # RFC 9309 2.3.1.2: treat like "unavailable" (4xx)
        if result.reason:
            return Robots(origin, "unavailable", result.reason, self.agent)
        assert result.status is not None
        if result.status >= 500:
            return Robots(origin, "unavailable", f"{reasons.HTTP_STATUS}: {result.status}", self.agent)
        if result.status >= 400:
            return Robots(origin, "none", agent=self.agent)
        text = result.body.decode("utf-8", errors="replace")
        if "<html" in text[:1000].lower():  # a soft 404: an HTML page where robots.txt should be
            return Robots(origin, "none", agent=self.agent)
        return parse_robots(origin, text, self.agent)
