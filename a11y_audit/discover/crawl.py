"""Discovery of one site: robots.txt, sitemaps, then a breadth-first walk over plain HTML.

``discover_site`` asks the site's robots.txt first, reads the sitemaps it names and /sitemap.xml,
then fetches pages (plain HTTP, no browser) from the start page, the listed pages and the sitemap
pages, following the links it finds, until ``discovery_max_urls`` addresses were fetched, or
``discovery_seconds`` passed, or nothing is left. Addresses that look like role pages (statement,
contact, search...: the ``hint``) are fetched first, then the closest to the start page.

Every request is asked of the site's gate: in scope (the site's hosts, include/exclude) and allowed
by robots.txt, for each redirect hop too. Crawl traps are cut off: at most ``max_urls_per_pattern``
addresses of one shape, ``max_depth`` links from the start, no endlessly repeating paths.

The result is a list of ``Found`` records: pages (HTML that answered), documents (PDF, DOCX...
by extension or content type), failed pages (with status and reason) and addresses skipped.
"""

from __future__ import annotations

import asyncio
import hashlib
import heapq
import itertools
import time
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import urlsplit

from .. import reasons
from ..config import Settings, Site
from .fetch import Fetcher
from .html import parse_html, template_key
from .robots import RobotsCache, origin_of
from .sitemaps import read_sitemaps
from .urls import (
    DOCUMENT_TYPES, OTHER_FILES, document_kind, host_of, in_scope, looks_like_trap, normalise, page_key, url_pattern,
)

HTML_TYPES = ("text/html", "application/xhtml+xml", "")
DOCUMENT_CONTENT_TYPES = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/rtf": "rtf",
    "application/vnd.ms-excel": "xls",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
MAX_LINK_TEXTS = 8
UNREACHABLE = (reasons.DNS, reasons.REFUSED, reasons.TLS, reasons.NETWORK, reasons.TIMEOUT)
DUPLICATE = "duplicate"  # not a reason of a page: the record is another address of a page already known
MAX_RECORDS_FACTOR = 5  # records kept per site: this many times discovery_max_urls

Hint = Callable[[str, str], bool]  # (url, link text) -> looks like a page of the structured sample


@dataclass
class Found:
    """One address discovery met."""

    url: str  # normalised, as linked
    depth: int
    via: str  # start, listed, link, sitemap, search-form, rendered
    kind: str = "pending"  # page, document, failed, skipped, duplicate
    final_url: str = ""
    http_status: int | None = None
    content_type: str = ""
    reason: str = ""
    title: str = ""
    link_texts: list[str] = field(default_factory=list)
    forms: int = 0
    login: bool = False
    documents: int = 0
    template: str = ""
    document_kind: str = ""
    linked_from: str = ""
    etag: str = ""  # the validators of a page's HTML, for incremental runs
    last_modified: str = ""
    content_hash: str = ""  # sha256 of the body as served

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class Discovery:
    site_id: str
    hosts: set[str]
    records: dict[str, Found] = field(default_factory=dict)  # by page_key
    aliases: dict[str, str] = field(default_factory=dict)  # page_key of where an address redirected -> its record's key
    robots: dict[str, str] = field(default_factory=dict)  # origin -> found | none | unavailable: reason
    sitemaps: list[str] = field(default_factory=list)  # sitemap files read
    sitemap_pages: int = 0
    fetched: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # why -> how many (robots, scope, trap, depth, budget, time)
    stopped: str = "done"  # done, budget, time
    seconds: float = 0.0

    def count(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    @property
    def pages(self) -> list[Found]:
        return [r for r in self.records.values() if r.kind == "page"]

    @property
    def failed(self) -> list[Found]:
        return [r for r in self.records.values() if r.kind == "failed"]

    @property
    def documents(self) -> list[Found]:
        return [r for r in self.records.values() if r.kind == "document"]

    def summary(self) -> dict[str, Any]:
        kinds: dict[str, int] = {}
        for r in self.records.values():
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
        return {
            "robots": dict(self.robots), "sitemaps": list(self.sitemaps), "sitemap_pages": self.sitemap_pages,
            "fetched": self.fetched, "found": kinds, "skipped": dict(self.skipped), "stopped": self.stopped,
            "seconds": round(self.seconds, 1), "hosts": sorted(self.hosts),
        }


class SiteGate:
    """Scope and robots.txt for every request of one site (plain HTTP and browser alike)."""

    def __init__(self, site: Site, hosts: set[str], robots: RobotsCache | None, politeness: Any = None):
        self.site = site
        self.hosts = hosts
        self.robots = robots  # None: robots.txt ignored (ignore_robots)
        self.politeness = politeness

    async def turn(self, url: str) -> None:
        """The host's turn for a browser visit (see ``Politeness.slot``)."""
        if self.politeness is not None:
            await self.politeness.turn(host_of(url))

    def in_scope(self, url: str) -> bool:
        return in_scope(normalise(url), self.hosts, self.site.include, self.site.exclude)

    def on_site(self, url: str) -> bool:
        return host_of(url) in self.hosts

    def robots_allow(self, url: str) -> bool:
        """From the cache only (robots.txt of the site's origins is read before anything else)."""
        if self.robots is None:
            return True
        rules = self.robots.known(url)
        return rules.allowed(url) if rules is not None else not self.on_site(url)

    async def allowed(self, url: str, *, whole_site: bool = False) -> str | None:
        """None when the address may be requested, else why not. ``whole_site``: any address on the site's
        hosts (a page's style sheets and scripts), not only those in its scope."""
        if not url.startswith(("http://", "https://")) or not (self.on_site(url) if whole_site else self.in_scope(url)):
            return f"{reasons.LEAVES_SITE}: {url}"
        if self.robots is None:
            return None
        rules = await self.robots.get(url, self.scope_only)
        if rules.status == "unavailable":
            if reasons.split(rules.reason)[0] in UNREACHABLE:
                return rules.reason  # the site cannot be reached at all: say that
            return f"{reasons.ROBOTS_UNAVAILABLE}: {rules.reason}"
        return None if rules.allowed(url) else reasons.ROBOTS

    async def scope_only(self, url: str) -> str | None:
        return None if self.on_site(url) else f"{reasons.LEAVES_SITE}: {url}"

    def start_gate(self) -> Callable[[str], Any]:
        """For the start page: a redirect may move to the same host with or without www. (added to the site)."""
        bare = {h.removeprefix("www.") for h in self.hosts}

        async def gate(url: str) -> str | None:
            host = host_of(url)
            if host not in self.hosts and host.removeprefix("www.") in bare:
                self.hosts.add(host)
            return await self.allowed(url)

        return gate


def site_hosts(site: Site) -> set[str]:
    urls = [u for u in [site.url, *site.pages] if u]
    return {host_of(normalise(u)) for u in urls} | {h.lower() for h in site.hosts}


async def discover_site(
    site: Site,
    settings: Settings,
    fetcher: Fetcher,
    gate: SiteGate,
    *,
    hint: Hint | None = None,
    follow: bool = True,
) -> Discovery:
    """Find the pages of ``site`` (see the module text). Never raises for a problem of the site."""
    started = time.monotonic()
    deadline = started + min(settings.discovery_seconds, settings.max_site_seconds)
    found = Discovery(site.id, gate.hosts)
    heap: list[tuple[int, int, int, str, str, str]] = []  # (priority, depth, order, url, via, link text)
    order = itertools.count()
    patterns: dict[str, int] = {}
    max_records = settings.discovery_max_urls * MAX_RECORDS_FACTOR
    hint = hint or (lambda _url, _text: False)

    def offer(url: str, depth: int, via: str, text: str = "", source: str = "") -> None:
        if not url.startswith(("http://", "https://")):
            return
        url = normalise(url)
        key = page_key(url)
        key = found.aliases.get(key, key)
        if key in found.records:
            record = found.records[key]
            if text and len(record.link_texts) < MAX_LINK_TEXTS and text not in record.link_texts:
                record.link_texts.append(text)
            return
        if len(found.records) >= max_records:
            found.count("budget")
            return
        kind = document_kind(url)
        if kind:  # a document: recorded, fetched later (gather/documents.py), never audited as a page
            found.records[key] = Found(url, depth, via, "document", url, document_kind=kind, linked_from=source,
                                       link_texts=[text] if text else [])
            return
        ext = urlsplit(url).path.lower().rpartition(".")[2]
        if "." in urlsplit(url).path.rsplit("/", 1)[-1] and (f".{ext}" in OTHER_FILES or f".{ext}" in DOCUMENT_TYPES):
            return  # images, style sheets, archives...
        if not gate.in_scope(url):
            found.count("scope")
            return
        if via not in ("start", "listed"):
            if depth > settings.max_depth:
                found.count("depth")
                return
            shape = url_pattern(url)
            if looks_like_trap(url) or patterns.get(shape, 0) >= settings.max_urls_per_pattern:
                found.count("trap")
                return
            patterns[shape] = patterns.get(shape, 0) + 1
        found.records[key] = Found(url, depth, via, link_texts=[text] if text else [], linked_from=source)
        first = 0 if via in ("start", "listed") else (1 if hint(url, text) else 2)
        heapq.heappush(heap, (first, depth, next(order), url, via, text))

    async def fetch(url: str, via: str) -> tuple[str, Any]:
        scope_gate = gate.start_gate() if via == "start" else gate.allowed
        own = page_key(url)

        async def the_gate(hop: str) -> str | None:
            key = page_key(hop)
            key = found.aliases.get(key, key)
            if key != own and key in found.records:  # redirected to a page known already: not asked twice
                return f"{DUPLICATE}: {found.records[key].url}"
            return await scope_gate(hop)

        return url, await fetcher.get(url, gate=the_gate, body_types=HTML_TYPES)

    # robots.txt of the start origin first: it may name sitemaps and a crawl delay
    starts = [u for u in [site.url, *site.pages] if u]
    if gate.robots is not None:
        for origin in dict.fromkeys(origin_of(normalise(u)) for u in starts):
            rules = await gate.robots.get(origin + "/", gate.scope_only)
            found.robots[origin] = rules.status + (f": {rules.reason}" if rules.reason else "")
    for url in starts:
        offer(url, 0, "start" if url == site.url else "listed")

    if follow:
        sitemap_urls = []
        if gate.robots is not None:
            for origin in list(found.robots):
                rules = gate.robots.known(origin + "/")
                sitemap_urls += rules.sitemaps if rules else []
        sitemap_urls += [origin_of(normalise(u)) + "/sitemap.xml" for u in starts[:1]]
        allowed_maps = [u for u in dict.fromkeys(normalise(u) for u in sitemap_urls) if gate.on_site(u)]
        try:
            result = await asyncio.wait_for(
                read_sitemaps(fetcher, allowed_maps, gate.allowed, limit=max_records),
                max(1.0, deadline - time.monotonic()),
            )
            found.sitemaps = list(result.read)
            found.sitemap_pages = len(result.pages)
            for page in result.pages:
                offer(page, 1, "sitemap")
        except asyncio.TimeoutError:
            found.count("time")

    in_flight: set[asyncio.Task] = set()
    width = max(1, settings.per_host_concurrency)
    try:
        while True:
            while heap and len(in_flight) < width and time.monotonic() < deadline:
                if found.fetched >= settings.discovery_max_urls:
                    found.stopped = "budget"
                    break
                _, depth, _, url, via, _ = heapq.heappop(heap)
                found.fetched += 1
                in_flight.add(asyncio.create_task(fetch(url, via)))
            if not in_flight:
                break
            left = deadline - time.monotonic()
            if left <= 0:
                found.stopped = "time"
                break
            done, in_flight = await asyncio.wait(in_flight, timeout=left, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                url, result = task.result()
                record = found.records[page_key(url)]
                _record(found, record, result, settings)
                if record.kind == "page" and follow and result.body:
                    # in a thread: the event loop goes on sending the other requests on time meanwhile
                    facts = await asyncio.to_thread(parse_html, result.body, record.final_url, result.charset)
                    record.title, record.forms, record.login = facts.title, facts.forms, facts.login
                    record.template = template_key(record.final_url, facts.structure)
                    docs = 0
                    for href, text in facts.links:
                        docs += bool(document_kind(href))
                        offer(href, record.depth + 1, "link", text, record.final_url)
                    record.documents = docs
                    for action in facts.search_actions:
                        offer(action.split("?")[0], record.depth + 1, "search-form", "", record.final_url)
                    if facts.refresh:
                        offer(facts.refresh, record.depth + 1, "link", "", record.final_url)
                elif record.kind == "page" and result.body:
                    facts = await asyncio.to_thread(parse_html, result.body, record.final_url, result.charset)
                    record.title = facts.title
    finally:
        for task in in_flight:
            task.cancel()
        if in_flight:
            await asyncio.gather(*in_flight, return_exceptions=True)
    if heap and found.stopped == "done":
        found.stopped = "time" if time.monotonic() >= deadline else "budget"
    for record in found.records.values():  # never fetched (budget, time): left as skipped
        if record.kind == "pending":
            record.kind, record.reason = "skipped", found.stopped
    found.seconds = time.monotonic() - started
    return found


def _record(found: Discovery, record: Found, result: Any, settings: Settings) -> None:
    record.final_url = result.final_url
    record.http_status = result.status
    record.content_type = result.content_type
    if result.reason:
        code = reasons.split(result.reason)[0]
        if code == DUPLICATE:
            record.kind, record.reason = "duplicate", reasons.split(result.reason)[1]
            return
        record.reason = result.reason
        record.kind = "skipped" if code in (reasons.ROBOTS, reasons.ROBOTS_UNAVAILABLE) else "failed"
        if code in (reasons.ROBOTS, reasons.ROBOTS_UNAVAILABLE):
            found.count("robots")
        return
    assert result.status is not None
    if result.status >= 400:
        record.kind, record.reason = "failed", f"{reasons.HTTP_STATUS}: {result.status}"
        return
    final_key = page_key(result.final_url)
    if final_key != page_key(record.url):
        other = found.records.get(found.aliases.get(final_key, final_key))
        if other is not None and other is not record:
            record.kind, record.reason = "duplicate", other.url  # two addresses, one page
            return
        found.aliases[final_key] = page_key(record.url)
    kind = DOCUMENT_CONTENT_TYPES.get(result.content_type)
    if kind:
        record.kind, record.document_kind = "document", kind
    elif result.content_type in HTML_TYPES:
        record.kind = "page"
        record.etag, record.last_modified = result.headers.get("etag", ""), result.headers.get("last-modified", "")
        record.content_hash = hashlib.sha256(result.body).hexdigest()
    else:
        record.kind, record.reason = "skipped", f"{reasons.NOT_HTML}: {result.content_type}"
