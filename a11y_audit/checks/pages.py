"""Small helpers shared by the site checks: page identity, the home page, a page's text in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence
from urllib.parse import urlsplit, urlunsplit

from ..snapshot import PageSnapshot

_INDEX = re.compile(r"/(index|default)\.(html?|php|aspx?)$", re.IGNORECASE)
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def page_url(snapshot: PageSnapshot) -> str:
    return snapshot.final_url or snapshot.requested_url


def url_key(url: str) -> str:
    """The identity of a link target: no fragment, no scheme, no www., /index.html is /."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = _INDEX.sub("/", re.sub(r"/{2,}", "/", parts.path) or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit(("", host, path, parts.query, ""))


def is_web_link(href: str) -> bool:
    return href.startswith(("http://", "https://"))


def home_of(snapshots: Sequence[PageSnapshot]) -> PageSnapshot | None:
    """The home page: the page with the shortest path (the first such page, in crawl order)."""
    if not snapshots:
        return None
    return min(snapshots, key=lambda s: len(urlsplit(url_key(page_url(s))).path.strip("/")))


@dataclass(frozen=True)
class Block:
    tag: str
    text: str
    region: str

    @property
    def heading_level(self) -> int:
        return int(self.tag[1]) if self.tag in HEADING_TAGS else 0


def ordered_text(snapshot: PageSnapshot, skip_regions: tuple[str, ...] = ()) -> list[Block]:
    """The page's text blocks and loose text, in document order."""
    loose = sorted(snapshot.loose_text, key=lambda t: t.before)
    out: list[Block] = []
    i = 0
    for index, block in enumerate(snapshot.text_blocks):
        while i < len(loose) and loose[i].before <= index:
            out.append(Block(loose[i].tag, loose[i].text, loose[i].region))
            i += 1
        out.append(Block(block.tag, block.text, block.region))
    out.extend(Block(t.tag, t.text, t.region) for t in loose[i:])
    return [b for b in out if b.region not in skip_regions]
