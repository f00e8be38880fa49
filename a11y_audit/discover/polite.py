"""Politeness: how hard one host may be asked, shared by every request of a run.

One ``Politeness`` per run. Every request to a host, plain HTTP (robots.txt, sitemaps, discovery,
documents) or a page visit in the browser, first takes one of the host's ``per_host_concurrency``
slots, then waits until the host's next free moment: at least ``request_delay`` (or the site's
robots.txt Crawl-delay, whichever is longer, at most ``max_crawl_delay``) after the previous request
started. A 429 or 503 answer with Retry-After pushes the host's next free moment back. So the load
on one host stays what is configured whatever the global concurrency.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import AsyncIterator


@dataclass
class _Host:
    slots: asyncio.Semaphore
    delay: float
    next_at: float = 0.0  # monotonic time before which no new request starts
    last_start: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Politeness:
    def __init__(self, per_host_concurrency: int, delay: float, max_delay: float = 30.0):
        self.per_host_concurrency = per_host_concurrency
        self.delay = delay
        self.max_delay = max_delay
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str) -> _Host:
        if host not in self._hosts:
            self._hosts[host] = _Host(asyncio.Semaphore(self.per_host_concurrency), self.delay)
        return self._hosts[host]

    def set_crawl_delay(self, host: str, seconds: float | None) -> None:
        """The host's robots.txt asks for this delay (never below the configured one, capped)."""
        if seconds is not None and seconds > 0:
            entry = self._host(host)
            entry.delay = max(entry.delay, min(float(seconds), self.max_delay))
            entry.next_at = max(entry.next_at, entry.last_start + entry.delay)  # robots.txt itself counts too

    def delay_of(self, host: str) -> float:
        return self._host(host).delay

    def back_off(self, host: str, seconds: float) -> None:
        """The host said "not now" (429/503 Retry-After): no new request before ``seconds`` from now."""
        entry = self._host(host)
        entry.next_at = max(entry.next_at, time.monotonic() + max(0.0, seconds))

    async def turn(self, host: str) -> None:
        """Wait for the host's next free moment and claim it: call right before the request goes out."""
        entry = self._host(host)
        async with entry.lock:  # one waiter at a time claims the next moment
            while (wait := entry.next_at - time.monotonic()) > 0:  # a back-off may come in meanwhile
                await asyncio.sleep(wait)
            entry.last_start = time.monotonic()
            entry.next_at = entry.last_start + entry.delay

    async def free(self, host: str) -> None:
        """Wait until the host is free again (a back-off, the delay), without claiming the moment."""
        entry = self._host(host)
        while (wait := entry.next_at - time.monotonic()) > 0:
            await asyncio.sleep(wait)

    @asynccontextmanager
    async def slot(self, host: str, claim: bool = True) -> AsyncIterator[None]:
        """Hold one of the host's slots, starting no earlier than its next free moment. With
        ``claim=False`` the holder calls ``turn`` itself just before its request (a browser visit:
        the page's own request comes a moment after the visit starts)."""
        entry = self._host(host)
        async with entry.slots:
            await (self.turn(host) if claim else self.free(host))
            yield
