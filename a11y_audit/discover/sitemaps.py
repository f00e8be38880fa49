"""Sitemaps (sitemaps.org): page URLs from a sitemap or a sitemap index, gzip and text sitemaps included.

Fetching goes through the polite fetcher (``fetch.Fetcher``): the same per-host slots, delay,
Retry-After handling and gate (scope, robots.txt) as every other request of a run.
"""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass

from .fetch import Fetcher, Gate

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_BYTES = 50 * 1024 * 1024  # the protocol's own limit for one sitemap file (uncompressed too)
SITEMAP_TYPES = "application/xml,text/xml,application/x-gzip,application/gzip,text/plain;q=0.8,*/*;q=0.5"


class SitemapError(ValueError):
    pass


@dataclass(frozen=True)
class Sitemap:
    pages: tuple[str, ...]
    sitemaps: tuple[str, ...]  # child sitemaps of a sitemap index


def _gunzip(data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress at most ``limit`` bytes: a gzip bomb stops there."""
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, limit)
    except zlib.error as exc:
        raise SitemapError(f"not a valid gzip file: {exc}") from None
    return out


def parse_sitemap(data: bytes) -> Sitemap:
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    stripped = data.lstrip()
    if stripped[:4].lower() in (b"http",):  # a text sitemap: one address a line
        lines = [line.strip() for line in data.decode("utf-8", errors="replace").splitlines()]
        return Sitemap(tuple(line for line in lines if line.startswith(("http://", "https://"))), ())
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise SitemapError(f"not a valid sitemap: {exc}") from None
    locs = [el.text.strip() for el in root.iter(f"{NS}loc") if el.text and el.text.strip()]
    if root.tag == f"{NS}sitemapindex":
        return Sitemap((), tuple(locs))
    if root.tag == f"{NS}urlset":
        return Sitemap(tuple(locs), ())
    raise SitemapError(f"not a sitemap: the root element is {root.tag}")


@dataclass(frozen=True)
class SitemapResult:
    pages: tuple[str, ...]
    read: tuple[str, ...]  # the sitemap files read
    problems: tuple[str, ...]  # "url: what went wrong"


async def read_sitemaps(
    fetcher: Fetcher, urls: list[str], gate: Gate | None = None, limit: int = 500, max_files: int = 20
) -> SitemapResult:
    """The page URLs of these sitemaps, following sitemap indexes, up to ``limit`` pages and ``max_files`` files."""
    pages: dict[str, None] = {}
    todo, seen, read, problems = list(urls), set(), [], []
    while todo and len(seen) < max_files and len(pages) < limit:
        current = todo.pop(0)
        if current in seen or not current.startswith(("http://", "https://")):
            continue
        seen.add(current)
        result = await fetcher.get(current, gate=gate, max_bytes=MAX_BYTES, accept=SITEMAP_TYPES)
        if result.reason or result.status is None or result.status >= 400:
            problems.append(f"{current}: {result.reason or result.status}")
            continue
        try:
            sitemap = parse_sitemap(result.body)
        except SitemapError as exc:
            problems.append(f"{current}: {exc}")
            continue
        read.append(current)
        for page in sitemap.pages:
            pages.setdefault(page, None)
        todo.extend(sitemap.sitemaps)
    return SitemapResult(tuple(pages)[:limit], tuple(read), tuple(problems))


def sitemap_pages(url: str, user_agent: str, limit: int = 500, max_files: int = 20) -> list[str]:
    """All page URLs of a sitemap (for ``a11y-audit check --sitemap``); raises SitemapError when it cannot be read."""
    if not url.startswith(("http://", "https://")):
        raise SitemapError(f"{url}: a sitemap address must start with http:// or https://")
    from ..config import Settings
    from .polite import Politeness

    async def read() -> SitemapResult:
        settings = Settings(user_agent=user_agent, request_delay=0)
        async with Fetcher(settings, Politeness(settings.per_host_concurrency, 0)) as fetcher:
            return await read_sitemaps(fetcher, [url], limit=limit, max_files=max_files)

    result = asyncio.run(read())
    if not result.read:
        raise SitemapError(f"cannot read the sitemap {url}: " + "; ".join(result.problems))
    return list(result.pages)
