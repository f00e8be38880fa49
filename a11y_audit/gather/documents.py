"""Download the documents a site links to, once each, within size and time limits.

Runs after the pages of a site: the inventory is every distinct document
linked from its audited pages (``Document`` in the snapshots), in page order,
up to ``max_documents``. PDFs are downloaded (streamed, stopped at
``document_max_bytes``, the whole fetch and analysis bounded by
``document_timeout``) and analysed with pypdf; other kinds (DOCX, ODT, XLSX...)
are only recorded. Redirects are followed by hand so that ``allowed_hosts`` holds
for every hop. Nothing here raises for a document problem: it becomes the
document's state and reason.

In a run (``run.py``) documents found by discovery are added to the inventory, every request
(each redirect hop too) is asked of the site's ``gate`` (scope, robots.txt), and goes through the
run's ``Politeness`` (per-host slots and delay) like every other request.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import replace
from typing import Any, Awaitable, Callable, Iterable, Sequence
from urllib.parse import urljoin

import httpx

from ..config import Settings
from ..discover.urls import host_of
from ..snapshot import DocumentFacts, PageSnapshot
from .pdf import analyse_pdf

ANALYSED_KINDS = ("pdf",)
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


class _Refused(Exception):
    """A document we will not fetch further; the message is the reason."""


def document_inventory(snapshots: Iterable[PageSnapshot], limit: int) -> list[DocumentFacts]:
    """Every distinct linked document, with the first page that links to it (not fetched yet)."""
    seen: dict[str, DocumentFacts] = {}
    for snapshot in snapshots:
        if not snapshot.audited:
            continue
        for doc in snapshot.documents:
            if doc.url not in seen and len(seen) < limit:
                seen[doc.url] = DocumentFacts(
                    url=doc.url, kind=doc.kind, linked_from=snapshot.final_url or snapshot.requested_url,
                    link_text=doc.link_text, state="pending",
                )
    return list(seen.values())


Gate = Callable[[str], Awaitable[str | None]]  # why an address may not be requested, or None


async def fetch_documents(
    snapshots: Sequence[PageSnapshot],
    settings: Settings,
    *,
    extra: Sequence[DocumentFacts] = (),
    gate: Gate | None = None,
    politeness: Any = None,
) -> list[DocumentFacts]:
    """Download and analyse the linked documents of one site's snapshots (and ``extra`` ones found otherwise)."""
    inventory = document_inventory(snapshots, settings.max_documents)
    known = {doc.url for doc in inventory}
    for doc in extra:
        if doc.url not in known and len(inventory) < settings.max_documents:
            known.add(doc.url)
            inventory.append(doc)
    if not inventory:
        return []
    slots = asyncio.Semaphore(settings.per_host_concurrency)
    limits = httpx.Timeout(settings.document_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": "application/pdf,*/*;q=0.5"}
    async with httpx.AsyncClient(follow_redirects=False, timeout=limits, headers=headers, trust_env=False,
                                 verify=not settings.ignore_tls_errors) as client:

        async def one(doc: DocumentFacts) -> DocumentFacts:
            if doc.kind not in ANALYSED_KINDS:
                return replace(doc, state="not-analysed")
            if gate is not None:
                refused = await gate(doc.url)
                if refused:
                    return replace(doc, state="skipped", reason=refused)
            if politeness is not None:
                return await fetch_document(client, doc, settings, gate, politeness)
            async with slots:
                return await fetch_document(client, doc, settings, gate)

        return list(await asyncio.gather(*(one(doc) for doc in inventory)))


async def fetch_document(
    client: httpx.AsyncClient, doc: DocumentFacts, settings: Settings, gate: Gate | None = None, politeness: Any = None
) -> DocumentFacts:
    started = time.monotonic()
    try:
        status, content_type, data = await asyncio.wait_for(
            _download(client, doc.url, settings, gate, politeness), settings.document_timeout
        )
    except asyncio.TimeoutError:
        return replace(doc, state="skipped", reason=f"timeout: {settings.document_timeout:g}")
    except _Refused as refused:
        return replace(doc, state="skipped", reason=str(refused))
    except httpx.HTTPError as exc:
        return replace(doc, state="failed", reason=f"network: {type(exc).__name__}")
    doc = replace(doc, http_status=status, content_type=content_type, size_bytes=len(data))
    if status >= 400:
        return replace(doc, state="failed", reason=f"http-status: {status}")
    if b"%PDF-" not in data[:1024]:
        return replace(doc, state="failed", reason=f"not-pdf: {content_type or 'unknown'}")
    left = settings.document_timeout - (time.monotonic() - started)
    try:
        facts = await asyncio.wait_for(asyncio.to_thread(analyse_pdf, data), max(left, 1.0))
    except asyncio.TimeoutError:
        return replace(doc, state="skipped", reason=f"timeout: {settings.document_timeout:g}")
    return replace(doc, **facts)


async def _download(
    client: httpx.AsyncClient, url: str, settings: Settings, gate: Gate | None = None, politeness: Any = None
) -> tuple[int, str, bytes]:
    for _ in range(MAX_REDIRECTS + 1):
        if not url.startswith(("http://", "https://")):
            raise _Refused("not-http")
        if settings.allowed_hosts and host_of(url).split(":")[0] not in settings.allowed_hosts:
            raise _Refused(f"host-not-allowed: {host_of(url)}")
        refused = await gate(url) if gate is not None else None
        if refused:
            raise _Refused(refused)
        turn = politeness.slot(host_of(url)) if politeness is not None else contextlib.nullcontext()
        async with turn:  # the host's slot and delay, like every request of a run
            async with client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > settings.document_max_bytes:
                    raise _Refused(f"too-large: {length}")
                data = bytearray()
                async for chunk in response.aiter_bytes(CHUNK):
                    data.extend(chunk)
                    if len(data) > settings.document_max_bytes:
                        raise _Refused(f"too-large: > {settings.document_max_bytes}")
                return response.status_code, response.headers.get("content-type", "").split(";")[0].strip(), bytes(data)
    raise _Refused("too-many-redirects")
