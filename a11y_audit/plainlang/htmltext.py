"""The main text of an HTML draft or saved page, without a browser (selectolax).

``html_snapshot(html)`` reads an HTML text the way ``gather/extract.js`` reads a page in the
browser, as far as the main text needs it: the text blocks (p, li, h1-h6, td, ...) with the lang
and the landmark they are in, the running text outside those blocks, the links and the page's
lang and title. ``maintext.main_text`` then does the rest, as for an audited page: it leaves out
navigation, page header and footer, search, cookie banners and paragraphs that are only a link,
and decides the language of every block. Left out here already: what a browser does not show
(script, style, template, ``hidden``, ``display: none``) and ``aside``, the sidebar of a page.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..snapshot import Link, LooseText, PageSnapshot, TextBlock
from .maintext import PageText, main_text

_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "blockquote",
                     "figcaption", "caption"})
_BLOCK_SELECTOR = ", ".join(sorted(_BLOCKS))
_HOLDS_BLOCKS = "p, li, td, dd, blockquote"  # a block element around these is not a block itself (as in extract.js)
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
                     "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
                     "wbr"})
_NO_TEXT = frozenset({"script", "style", "noscript", "template", "textarea", "select", "option", "button", "svg",
                      "head", "title", "meta", "link", "aside"})
_LANDMARKS = frozenset({"banner", "navigation", "main", "contentinfo", "complementary", "search", "form", "region"})
_SCOPING = frozenset({"article", "aside", "main", "nav", "section"})
_NOT_SHOWN_RE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I
)
_HTML_START_RE = re.compile(r"^\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s|[a-z][a-z0-9]*[\s/>])", re.I | re.S)
_ID_RE = re.compile(r"^[A-Za-z][\w-]*$")


def looks_like_html(text: str) -> bool:
    """Whether a text is HTML: it starts with a doctype or a tag (after comments and white space)."""
    return bool(_HTML_START_RE.match(text[:2000]))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _element(node: LexborNode | None) -> bool:
    return node is not None and node.tag is not None and node.tag[0] not in "-#_"


def _shown(node: LexborNode) -> bool:
    attrs = node.attributes
    return "hidden" not in attrs and not _NOT_SHOWN_RE.search(attrs.get("style") or "")


def _role(node: LexborNode, scoped: bool) -> str:
    """The landmark role of an element, as extract.js's roleOf ("" when none)."""
    attrs = node.attributes
    explicit = (attrs.get("role") or "").split()
    if explicit:
        return explicit[0]
    tag = node.tag
    labelled = "aria-label" in attrs or "aria-labelledby" in attrs
    return {
        "header": "" if scoped else "banner",
        "footer": "" if scoped else "contentinfo",
        "nav": "navigation",
        "main": "main",
        "aside": "complementary",
        "search": "search",
        "form": "form" if labelled else "",
        "section": "region" if labelled else "",
    }.get(tag, "")


def _holds_blocks(node: LexborNode) -> bool:
    """Whether a p, li, td, dd or blockquote is inside the element (``css_first`` would find the element itself)."""
    child = node.child
    while child is not None:
        if _element(child) and child.css_first(_HOLDS_BLOCKS) is not None:
            return True
        child = child.next
    return False


def _inline_text(node: LexborNode) -> str:
    """The text of an element as the browser's innerText gives it, white space not yet collapsed."""
    out: list[str] = []
    child = node.child
    while child is not None:
        if child.tag == "-text":
            out.append(child.text_content or "")
        elif _element(child) and child.tag not in _NO_TEXT and _shown(child):
            inline = child.tag in _INLINE and child.tag != "br"
            out.append(_inline_text(child) if inline else f" {_inline_text(child)} ")
        child = child.next
    return "".join(out)


class _Reader:
    """One walk through the document in order, collecting what extract.js collects for the main text."""

    def __init__(self) -> None:
        self.blocks: list[TextBlock] = []
        self.loose: list[LooseText] = []

    def walk(self, node: LexborNode, lang: str, region: str, path: str, scoped: bool, in_block: bool) -> None:
        tag = node.tag
        if tag in _NO_TEXT or not _shown(node):
            return
        attrs = node.attributes
        if "lang" in attrs:
            lang = attrs.get("lang") or ""
        role = _role(node, scoped)
        if role in _LANDMARKS:
            region = role
        node_id = attrs.get("id") or ""
        path = f"#{node_id}" if _ID_RE.match(node_id) else f"{path} > {tag}" if path else tag
        if tag in _BLOCKS and not _holds_blocks(node):
            text = _clean(_inline_text(node))
            if text:
                self.blocks.append(TextBlock(tag=tag, text=text, lang=lang, region=region, selector=path))
                in_block = True
        scoped = scoped or tag in _SCOPING
        run: list[str] = []
        run_at = len(self.blocks)
        child = node.child
        while child is not None:
            if child.tag == "-text" or (_element(child) and child.tag in _INLINE):
                if not run:
                    run_at = len(self.blocks)
                if child.tag == "-text":
                    run.append(child.text_content or "")
                elif child.tag not in _NO_TEXT and _shown(child):
                    run.append(" " if child.tag == "br" else _inline_text(child))
                    if child.css_first(_BLOCK_SELECTOR) is not None:  # <a><h3>..</h3></a>: the heading is a block
                        self.walk(child, lang, region, path, scoped, True)
            elif _element(child):
                self._loose(run, run_at, tag, region, path, in_block)
                run = []
                self.walk(child, lang, region, path, scoped, in_block)
            child = child.next
        self._loose(run, run_at, tag, region, path, in_block)

    def _loose(self, run: list[str], before: int, tag: str, region: str, path: str, in_block: bool) -> None:
        text = _clean("".join(run))
        if in_block or len(re.sub(r"[\s\W_]+", "", text)) < 2:
            return
        self.loose.append(LooseText(text=text, tag=tag, region=region, selector=path, before=before))


def html_snapshot(html: str, url: str = "") -> PageSnapshot:
    """What the main text needs of an HTML page, read without a browser."""
    tree = LexborHTMLParser(html)
    root = tree.css_first("html")
    title = tree.css_first("title")
    reader = _Reader()
    links = []  # for main_text: a paragraph or item that is only a link is a menu, not writing
    for node in tree.css("a[href], area[href]"):
        text = _clean(_inline_text(node))
        links.append(Link(href=node.attributes.get("href") or "", name=text, text=text))
    body = tree.body or root
    if body is not None:
        lang = (root.attributes.get("lang") or "") if root is not None else ""
        reader.walk(body, lang, "", "", False, False)
    return PageSnapshot(
        requested_url=url,
        final_url=url,
        title=_clean(title.text()) if title is not None else "",
        lang=(root.attributes.get("lang") or "") if root is not None else "",
        links=tuple(links),
        text_blocks=tuple(reader.blocks),
        loose_text=tuple(reader.loose),
    )


def html_main_text(html: str, url: str = "") -> PageText:
    """The main text of an HTML page or draft, with the language of every block."""
    return main_text(html_snapshot(html, url))
