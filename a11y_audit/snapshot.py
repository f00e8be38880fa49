"""The boundary between gathering and checking.

A ``PageSnapshot`` is everything the browser learned during its one visit to a
page: axe-core's results and the page facts our own checks need.  It is plain
data: it can be serialised to JSON, stored, and checked again later without a
browser.  Every check is a pure function of snapshots.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SNAPSHOT_VERSION = 1

# Page states
AUDITED = "audited"  # the page loaded and was checked
FAILED = "failed"  # could not test: the reason says why


@dataclass(frozen=True)
class AxeNode:
    """One element an axe-core rule reported on."""

    target: str  # CSS selector
    html: str  # outer HTML snippet (truncated), page content: never render as markup
    summary: str = ""  # axe's failureSummary


@dataclass(frozen=True)
class AxeRule:
    """One axe-core rule result on one page."""

    id: str
    impact: str | None
    tags: tuple[str, ...]
    help: str
    help_url: str
    description: str = ""
    nodes: tuple[AxeNode, ...] = ()
    node_count: int = 0  # may exceed len(nodes) when nodes were not kept


@dataclass(frozen=True)
class AxeResults:
    version: str = ""
    violations: tuple[AxeRule, ...] = ()
    incomplete: tuple[AxeRule, ...] = ()
    passes: tuple[AxeRule, ...] = ()  # rule ids and node counts only
    inapplicable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Landmark:
    role: str  # banner, navigation, main, contentinfo, search, complementary, region, form
    name: str = ""
    selector: str = ""


@dataclass(frozen=True)
class Link:
    href: str  # absolute URL as resolved by the browser ("" when none)
    name: str  # accessible name
    text: str = ""  # visible text content
    selector: str = ""
    region: str = ""  # nearest landmark role: navigation, banner, contentinfo, main, ...
    lang: str = ""  # effective lang of the link element


@dataclass(frozen=True)
class TextBlock:
    """A block of running text (paragraph, list item, heading, table cell...)."""

    tag: str  # p, li, h2, td, ...
    text: str
    lang: str = ""  # effective lang attribute of the element ("" when none)
    region: str = ""  # nearest landmark role, "" when outside any landmark
    selector: str = ""


@dataclass(frozen=True)
class Document:
    """A linked non-HTML document (PDF, DOCX, ODT, XLSX, ...)."""

    url: str
    kind: str  # pdf, docx, odt, ...
    link_text: str = ""


@dataclass(frozen=True)
class Image:
    src: str
    alt: str | None  # None when the attribute is absent
    selector: str = ""
    role: str = ""


@dataclass(frozen=True)
class Timings:
    navigation_ms: int = 0  # from request to load event
    axe_ms: int = 0
    extract_ms: int = 0
    total_ms: int = 0


@dataclass(frozen=True)
class PageSnapshot:
    requested_url: str
    final_url: str = ""
    state: str = AUDITED
    reason: str = ""  # why the page could not be tested
    http_status: int | None = None
    content_type: str = ""
    title: str = ""
    lang: str = ""  # lang attribute of the html element, as written
    headings: tuple[Heading, ...] = ()
    landmarks: tuple[Landmark, ...] = ()
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    text_blocks: tuple[TextBlock, ...] = ()
    documents: tuple[Document, ...] = ()
    forms: int = 0
    axe: AxeResults = field(default_factory=AxeResults)
    timings: Timings = field(default_factory=Timings)
    version: int = SNAPSHOT_VERSION

    @property
    def audited(self) -> bool:
        return self.state == AUDITED

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PageSnapshot":
        return _build(cls, data)


def failed_page(url: str, reason: str, *, http_status: int | None = None, final_url: str = "") -> PageSnapshot:
    return PageSnapshot(requested_url=url, final_url=final_url or url, state=FAILED, reason=reason, http_status=http_status)


# -- (de)serialisation -------------------------------------------------------

_NESTED: dict[tuple[type, str], type] = {}


def _build(cls: type, data: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        inner = _NESTED.get((cls, f.name))
        if inner is not None and value is not None:
            if isinstance(value, (list, tuple)):
                value = tuple(_build(inner, v) for v in value)
            else:
                value = _build(inner, value)
        elif isinstance(value, (list, tuple)):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


_NESTED.update(
    {
        (AxeRule, "nodes"): AxeNode,
        (AxeResults, "violations"): AxeRule,
        (AxeResults, "incomplete"): AxeRule,
        (AxeResults, "passes"): AxeRule,
        (PageSnapshot, "headings"): Heading,
        (PageSnapshot, "landmarks"): Landmark,
        (PageSnapshot, "links"): Link,
        (PageSnapshot, "images"): Image,
        (PageSnapshot, "text_blocks"): TextBlock,
        (PageSnapshot, "documents"): Document,
        (PageSnapshot, "axe"): AxeResults,
        (PageSnapshot, "timings"): Timings,
    }
)
