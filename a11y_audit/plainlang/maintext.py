"""The main text of a page: what a writer wrote for it, without menus, footers, cookie banners
and site chrome, with the language of every block.

Pure functions of page snapshots and the data in ``rules/plainlang/maintext.yaml``:

- ``site_chrome(snapshots)``: texts that come back on most pages of a site;
- ``main_text(snapshot, chrome)``: the page's main text blocks in document order, each with its
  kind (heading, item, text), its declared and its effective language;
- ``PageText.dutch_blocks``: the blocks the plain-Dutch analysis reads.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..snapshot import PageSnapshot
from .language import Detection, detect, primary
from .rules import as_str_tuple, load_rules, rules_dir
from .sentences import words
from .structure import is_heading

HEADING = "heading"
ITEM = "item"
TEXT = "text"

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_HAS_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")


@dataclass(frozen=True)
class MainTextRules:
    skip_regions: frozenset[str]
    cookie_selector: re.Pattern[str] | None  # any of the rules' patterns
    cookie_text: tuple[str, ...]
    repeated_share: float
    repeated_min_pages: int
    loose_min_words: int
    item_tags: frozenset[str]
    max_findings_per_rule: int


@lru_cache(maxsize=4)
def _rules_for(_key: str) -> MainTextRules:
    data: dict[str, Any] = load_rules("maintext") or {}
    cookie = data.get("cookie") or {}
    selectors = as_str_tuple(cookie.get("selector"))
    repeated = data.get("repeated") or {}
    return MainTextRules(
        skip_regions=frozenset(as_str_tuple(data.get("skip_regions"))),
        cookie_selector=re.compile("|".join(f"(?:{p})" for p in selectors), re.IGNORECASE) if selectors else None,
        cookie_text=tuple(t.lower() for t in as_str_tuple(cookie.get("text"))),
        repeated_share=float(repeated.get("share", 0.6)),
        repeated_min_pages=int(repeated.get("min_pages", 4)),
        loose_min_words=int((data.get("loose_text") or {}).get("min_words", 8)),
        item_tags=frozenset(t.lower() for t in as_str_tuple(data.get("item_tags"))),
        max_findings_per_rule=int(data.get("max_findings_per_rule", 10)),
    )


def main_text_rules() -> MainTextRules:
    """The main-text settings from ``maintext.yaml``."""
    return _rules_for(str(rules_dir()))


@dataclass(frozen=True)
class MainBlock:
    """One block of a page's main text."""

    kind: str  # HEADING, ITEM or TEXT
    tag: str  # p, li, h2, ... ("div" and the like for loose text)
    text: str
    selector: str
    declared: str  # primary subtag of the lang attribute in force ("" when none); for loose text: the page's
    own_lang: bool  # the element (or an ancestor below <html>) has its own lang, other than the page's
    lang_known: bool  # the lang in force on the element is known (text blocks; not loose text)
    detection: Detection  # the language of the text itself (long enough texts only)
    language: str  # the language the block is taken to be in (see ``main_text``)

    @property
    def is_sentence(self) -> bool:
        """Running text: paragraphs, and items written as a full sentence. Headings never."""
        if self.kind == TEXT:
            return True
        return self.kind == ITEM and bool(_SENTENCE_END.search(self.text)) and len(words(self.text)) >= 3


@dataclass(frozen=True)
class PageText:
    """The main text of one page."""

    url: str
    title: str
    lang: str  # the lang attribute of <html>, as written
    declared: str  # its primary subtag ("nl")
    blocks: tuple[MainBlock, ...]
    detection: Detection  # the language of all main text together (blocks with their own lang left out)
    language: str  # the language the page is taken to be in

    @property
    def dutch_blocks(self) -> tuple[MainBlock, ...]:
        return tuple(b for b in self.blocks if b.language == "nl")

    @property
    def is_dutch(self) -> bool:
        return self.language == "nl"


def _normal(text: str) -> str:
    return " ".join(text.split()).lower()


def _is_cookie_banner(text: str, selector: str, rules: MainTextRules) -> bool:
    if rules.cookie_selector is not None and rules.cookie_selector.search(selector):
        return True
    low = _normal(text)
    return any(phrase in low for phrase in rules.cookie_text)


@dataclass(frozen=True)
class _Raw:
    tag: str
    text: str
    selector: str
    lang: str  # the lang in force on the element, as written ("" for loose text: not gathered)
    known_lang: bool  # True for text blocks; False for loose text, whose lang is not known


def _raw_blocks(snapshot: PageSnapshot, rules: MainTextRules) -> list[_Raw]:
    """Text blocks and running loose text in document order, outside the skipped regions and cookie banners."""
    loose_at: dict[int, list[_Raw]] = {}
    for loose in snapshot.loose_text:
        text = " ".join(loose.text.split())
        if loose.region in rules.skip_regions or len(words(text)) < rules.loose_min_words:
            continue
        if not _HAS_SENTENCE_END.search(text):
            continue
        loose_at.setdefault(loose.before, []).append(_Raw(loose.tag or "div", text, loose.selector, "", False))
    # a list item or paragraph that is only a link ("Maak een afspraak", a sitemap) is a menu, not writing
    link_texts = {_normal(t) for link in snapshot.links for t in (link.text, link.name) if t}
    out: list[_Raw] = []
    for index, block in enumerate(snapshot.text_blocks):
        out.extend(loose_at.pop(index, ()))
        if block.region in rules.skip_regions:
            continue
        if not is_heading(block.tag) and _normal(block.text) in link_texts:
            continue
        out.append(_Raw(block.tag.lower(), " ".join(block.text.split()), block.selector, block.lang, True))
    for index in sorted(loose_at):
        out.extend(loose_at[index])
    return [raw for raw in out if raw.text and not _is_cookie_banner(raw.text, raw.selector, rules)]


def site_chrome(snapshots: Sequence[PageSnapshot]) -> frozenset[str]:
    """Texts (normalised) that occur on most audited pages of one site: menus and boxes of the template."""
    rules = main_text_rules()
    return _chrome([_raw_blocks(s, rules) for s in snapshots if s.audited], rules)


def _chrome(pages: list[list[_Raw]], rules: MainTextRules) -> frozenset[str]:
    if len(pages) < max(rules.repeated_min_pages, 2):
        return frozenset()
    counts: Counter[str] = Counter()
    for raws in pages:
        counts.update({_normal(raw.text) for raw in raws})
    needed = max(2, math.ceil(rules.repeated_share * len(pages)))
    return frozenset(text for text, n in counts.items() if n >= needed)


def _kind(tag: str, rules: MainTextRules) -> str:
    if is_heading(tag):
        return HEADING
    return ITEM if tag in rules.item_tags else TEXT


def main_text(snapshot: PageSnapshot, chrome: Iterable[str] = frozenset()) -> PageText:
    """The main text of one page; ``chrome`` is ``site_chrome`` of its site.

    Language: the page is taken to be in the language detected in its main text when that is
    likely, else in the language of its lang attribute (Dutch when it has none: these are Flemish
    government sites). A block is in the language detected in its own text when that is likely;
    else in the language of its own lang attribute when it has one that differs from the page's;
    else in the page's language.
    """
    rules = main_text_rules()
    return _main_text(snapshot, _raw_blocks(snapshot, rules), frozenset(chrome), rules)


def _main_text(snapshot: PageSnapshot, blocks: list[_Raw], chrome: frozenset[str], rules: MainTextRules) -> PageText:
    page_lang = snapshot.lang or ""
    declared_page = primary(page_lang)
    seen: set[str] = set()
    raws: list[_Raw] = []
    for raw in blocks:
        key = _normal(raw.text)
        if key in chrome or key in seen:
            continue
        seen.add(key)
        raws.append(raw)

    def own(raw: _Raw) -> bool:
        return raw.known_lang and primary(raw.lang) != declared_page

    joined = " ".join(raw.text for raw in raws if not own(raw) and _kind(raw.tag, rules) != HEADING)
    page_detection = detect(joined)
    if page_detection.likely:
        page_language = page_detection.language
    else:
        page_language = declared_page or "nl"
    blocks = []
    for raw in raws:
        detection = detect(raw.text)
        declared = primary(raw.lang) if raw.known_lang else declared_page
        if detection.likely:
            language = detection.language
        elif own(raw) and declared:
            language = declared
        else:
            language = page_language
        blocks.append(MainBlock(
            kind=_kind(raw.tag, rules), tag=raw.tag, text=raw.text, selector=raw.selector,
            declared=declared, own_lang=own(raw), lang_known=raw.known_lang,
            detection=detection, language=language,
        ))
    return PageText(
        url=snapshot.final_url or snapshot.requested_url,
        title=snapshot.title,
        lang=page_lang,
        declared=declared_page,
        blocks=tuple(blocks),
        detection=page_detection,
        language=page_language,
    )


_last_site: tuple[tuple[PageSnapshot, ...], tuple[PageText, ...]] = ((), ())


def site_main_texts(snapshots: Sequence[PageSnapshot]) -> tuple[PageText, ...]:
    """The main text of every audited page of one site, with the site's chrome left out. The plain-language
    and language checks and the report each ask for the same pages: the last answer is kept."""
    global _last_site
    audited = tuple(s for s in snapshots if s.audited)
    last_pages, last_texts = _last_site
    if len(last_pages) == len(audited) and all(a is b for a, b in zip(last_pages, audited)):
        return last_texts
    rules = main_text_rules()
    raws = [_raw_blocks(s, rules) for s in audited]
    chrome = _chrome(raws, rules)
    texts = tuple(_main_text(s, r, chrome, rules) for s, r in zip(audited, raws))
    _last_site = (audited, texts)
    return texts
