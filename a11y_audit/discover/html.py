"""What discovery reads in a page's HTML without a browser (selectolax): links, forms, structure.

Pure functions over bytes. Wrong or missing encodings are survived: the charset comes from the
HTTP header, else the page's meta charset, else UTF-8, else windows-1252, and bytes that do not
fit are replaced.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
SEARCH_NAMES = re.compile(r"^(q|query|s|search|zoek\w*|keys?|keywords?|trefwoord\w*|term|recherche|searchtext)$", re.I)
NOT_FILLED_IN = {"hidden", "submit", "button", "image", "reset", "search"}
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "#text", "#comment", "-text", "_text", "_comment"}


@dataclass(frozen=True)
class HtmlFacts:
    title: str
    links: tuple[tuple[str, str], ...]  # (absolute URL, link text), in document order
    forms: int  # forms a visitor fills in (not search forms)
    login: bool  # a password field
    search_actions: tuple[str, ...]  # where the search forms send to
    structure: str  # short hash of the page's layout (tags, ids and classes near the top of body)
    refresh: str  # the target of a meta refresh, "" when none


def decode(body: bytes, charset: str = "") -> str:
    for candidate in (charset, _meta_charset(body), "utf-8"):
        if not candidate:
            continue
        try:
            codecs.lookup(candidate)
        except LookupError:
            continue
        try:
            return body.decode(candidate)
        except UnicodeDecodeError:
            continue
    return body.decode("windows-1252", errors="replace")


def _meta_charset(body: bytes) -> str:
    match = META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", errors="ignore").lower() if match else ""


def _text(node) -> str:  # noqa: ANN001 - a selectolax node
    text = " ".join((node.text(separator=" ") or "").split())
    if not text:
        text = node.attributes.get("aria-label") or node.attributes.get("title") or ""
        if not text:
            img = node.css_first("img[alt]")
            text = img.attributes.get("alt") or "" if img is not None else ""
    return text.strip()[:200]


def parse_html(body: bytes, url: str, charset: str = "") -> HtmlFacts:
    tree = LexborHTMLParser(decode(body, charset))
    base = url
    base_node = tree.css_first("base[href]")
    if base_node is not None and base_node.attributes.get("href"):
        base = urljoin(url, base_node.attributes["href"].strip())
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node is not None else ""

    links = []
    for node in tree.css("a[href], area[href]"):
        href = (node.attributes.get("href") or "").strip()
        if href and not href.startswith("#"):
            links.append((urljoin(base, href), _text(node)))

    forms, login, search = 0, False, []
    for form in tree.css("form"):
        fields = [f for f in form.css("input, textarea, select")
                  if f.tag != "input" or (f.attributes.get("type") or "text").lower() not in NOT_FILLED_IN]
        names = [(f.attributes.get("name") or "") for f in form.css("input")]
        is_search = (
            (form.attributes.get("role") or "").lower() == "search"
            or form.css_first("input[type=search]") is not None
            or any(SEARCH_NAMES.match(n) for n in names if n)
        )
        if form.css_first("input[type=password]") is not None:
            login = True
        if is_search:
            action = (form.attributes.get("action") or "").strip()
            search.append(urljoin(base, action) if action else url)
        elif fields:
            forms += 1

    refresh = ""
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() == "refresh":
            match = re.search(r"url\s*=\s*['\"]?([^'\"\s]+)", meta.attributes.get("content") or "", re.I)
            if match:
                refresh = urljoin(base, match.group(1))
    return HtmlFacts(title[:300], tuple(links), forms, login, tuple(dict.fromkeys(search)), _structure(tree), refresh)


def _structure(tree: LexborHTMLParser, depth: int = 3) -> str:
    """The layout of a page: the set of tag#id.class of the elements in the top ``depth`` levels of body."""
    body = tree.body
    if body is None:
        return ""
    seen: set[str] = set()
    level = [body]
    for _ in range(depth):
        nxt = []
        for parent in level:
            child = parent.child
            while child is not None:
                if child.tag not in SKIP_TAGS and not child.tag.startswith("#"):
                    classes = (child.attributes.get("class") or "").split()
                    ident = child.attributes.get("id") or ""
                    ident = "" if re.search(r"\d{3,}", ident) else ident  # generated ids differ per page
                    seen.add(f"{child.tag}#{ident}.{classes[0] if classes else ''}")
                    nxt.append(child)
                child = child.next
        level = nxt
    return hashlib.sha1("|".join(sorted(seen)).encode()).hexdigest()[:10]


def template_key(url: str, structure: str) -> str:
    """Pages of one template: the same layout, under the same path (digits and last segment left out)."""
    path = urlsplit(url).path
    parent = re.sub(r"\d+", "{n}", path.rsplit("/", 1)[0])
    return f"{parent}/*|{structure}"
