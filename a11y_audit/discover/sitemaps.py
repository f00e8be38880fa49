"""Sitemaps (sitemaps.org): page URLs from a sitemap or a sitemap index, gzip included."""

from __future__ import annotations

import gzip
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_BYTES = 50 * 1024 * 1024  # the protocol's own limit for one sitemap file


class SitemapError(ValueError):
    pass


@dataclass(frozen=True)
class Sitemap:
    pages: tuple[str, ...]
    sitemaps: tuple[str, ...]  # child sitemaps of a sitemap index


def parse_sitemap(data: bytes) -> Sitemap:
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
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


def fetch(url: str, user_agent: str, timeout: float = 30) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked by caller
            return response.read(MAX_BYTES + 1)[:MAX_BYTES]
    except OSError as exc:
        raise SitemapError(f"cannot fetch {url}: {exc}") from None


def sitemap_pages(url: str, user_agent: str, limit: int = 500, max_files: int = 20) -> list[str]:
    """All page URLs of a sitemap, following sitemap indexes, up to ``limit`` pages and ``max_files`` files."""
    if not url.startswith(("http://", "https://")):
        raise SitemapError(f"{url}: a sitemap address must start with http:// or https://")
    pages: list[str] = []
    todo, seen = [url], set()
    while todo and len(seen) < max_files and len(pages) < limit:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.add(current)
        sitemap = parse_sitemap(fetch(current, user_agent))
        pages.extend(p for p in sitemap.pages if p not in pages)
        todo.extend(sitemap.sitemaps)
    return pages[:limit]
