"""Find and read the accessibility statement (toegankelijkheidsverklaring) of a site.

``analyse_statement`` is a pure function of the snapshots of one site and the
reference date: it finds the statement by link texts, URL patterns and page
titles (rules/statement.yaml), checks that it is linked from the home page or
from every page, and reads the statement page's text: compliance status, WCAG
version, dates, feedback and contact, enforcement procedure, non-accessible
content.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Sequence
from urllib.parse import urlsplit

from ..paths import load_rules_yaml
from ..snapshot import Link, PageSnapshot
from .pages import Block, home_of, is_web_link, ordered_text, page_url, url_key

MAX_AGE = timedelta(days=365)
NOT_STATEMENT_TEXT = ("banner", "navigation", "contentinfo", "search")
_STRIP = re.compile(r"^[\s\W_]+|[\s\W_]+$")


@dataclass(frozen=True)
class StatementResult:
    found: bool
    url: str = ""
    analysed: bool = False  # the statement page itself was visited and read
    linked_from_home: bool = False
    linked_from_all_pages: bool = False
    pages_without_link: tuple[str, ...] = ()  # audited pages (other than the statement) without a link to it
    status: str | None = None  # volledig, gedeeltelijk, niet
    wcag_version: str | None = None  # "2.1", ...
    date_drawn_up: date | None = None
    date_reviewed: date | None = None
    outdated: bool | None = None  # latest date older than a year before the reference date; None without date
    has_feedback: bool = False
    has_contact: bool = False
    has_enforcement: bool = False
    has_non_accessible_list: bool = False

    @property
    def linked(self) -> bool:
        """Linked as the rules ask: from the home page or from every page."""
        return self.linked_from_home or self.linked_from_all_pages

    @property
    def latest_date(self) -> date | None:
        dates = [d for d in (self.date_drawn_up, self.date_reviewed) if d]
        return max(dates) if dates else None


class _Rules:
    def __init__(self, data: dict[str, Any]):
        def rx(pattern: str) -> re.Pattern[str]:
            return re.compile(pattern, re.IGNORECASE)

        self.link_texts = frozenset(t.lower() for t in data["link_texts"])
        self.link_text_parts = tuple(t.lower() for t in data["link_text_parts"])
        self.url_patterns = tuple(rx(p) for p in data["url_patterns"])
        self.page_titles = tuple(t.lower() for t in data["page_titles"])
        self.sections = {k: rx(v) for k, v in data["sections"].items()}
        self.status = {k: rx(v) for k, v in data["status"].items()}
        self.reviewed = rx(r"\b(?:" + data["dates"]["reviewed"] + ")")
        self.drawn_up = rx(r"\b(?:" + data["dates"]["drawn_up"] + ")")
        self.feedback = rx(data["feedback"])
        self.contact = rx(data["contact"])
        self.enforcement = rx(data["enforcement"])
        self.non_accessible = rx(data["non_accessible"])
        self.wcag_version = rx(data["wcag_version"])


@lru_cache(maxsize=1)
def rules() -> _Rules:
    return _Rules(load_rules_yaml("statement.yaml"))  # type: ignore[arg-type]


def is_statement_link(link: Link) -> bool:
    if not is_web_link(link.href):
        return False
    r = rules()
    name = _STRIP.sub("", link.name.lower().replace("’", "'"))
    if name in r.link_texts or any(part in name for part in r.link_text_parts):
        return True
    path = urlsplit(link.href).path.lower()
    return any(p.search(path) for p in r.url_patterns)


def looks_like_statement(snapshot: PageSnapshot) -> bool:
    """The page's title or first heading names it as the accessibility statement."""
    first_heading = snapshot.headings[0].text if snapshot.headings else ""
    texts = (snapshot.title.lower().replace("’", "'"), first_heading.lower().replace("’", "'"))
    return any(t in text for t in rules().page_titles for text in texts)


def analyse_statement(snapshots: Sequence[PageSnapshot], today: date | None) -> StatementResult:
    """What the site's pages say about its accessibility statement, as of ``today`` (None: don't judge age)."""
    audited = [s for s in snapshots if s.audited]
    home = home_of(audited)
    if home is None:
        return StatementResult(found=False)
    linked = Counter(url_key(link.href) for s in audited for link in s.links if is_statement_link(link))
    by_key = {url_key(page_url(s)): s for s in audited}
    page = _choose_statement_page(audited, linked, by_key)
    if page is not None:
        key, url = url_key(page_url(page)), page_url(page)
    elif linked:
        key = linked.most_common(1)[0][0]
        url = next(link.href for s in audited for link in s.links if url_key(link.href) == key)
    else:
        return StatementResult(found=False)

    def links_to_statement(s: PageSnapshot) -> bool:
        return any(url_key(link.href) == key or is_statement_link(link) for link in s.links)

    others = [s for s in audited if url_key(page_url(s)) != key]
    without = tuple(page_url(s) for s in others if not links_to_statement(s))
    result = StatementResult(
        found=True,
        url=url,
        linked_from_home=links_to_statement(home) or url_key(page_url(home)) == key,
        linked_from_all_pages=bool(others) and not without,
        pages_without_link=without,
    )
    if page is None:
        return result
    return _read_content(result, page, today)


def _choose_statement_page(
    audited: list[PageSnapshot], linked: Counter[str], by_key: dict[str, PageSnapshot]
) -> PageSnapshot | None:
    linked_pages = [by_key[k] for k, _ in linked.most_common() if k in by_key]
    for s in linked_pages:
        if looks_like_statement(s):
            return s
    titled = [s for s in audited if looks_like_statement(s)]
    if titled:
        return titled[0]
    return linked_pages[0] if linked_pages else None


# -- the statement's content -------------------------------------------------


@dataclass(frozen=True)
class _Part:
    block: Block
    section: str | None  # status, non_accessible, drawn_up, feedback, enforcement


def _sections(blocks: list[Block]) -> list[_Part]:
    r = rules()
    stack: list[tuple[int, str | None]] = []
    parts: list[_Part] = []
    for block in blocks:
        level = block.heading_level
        if level:
            while stack and stack[-1][0] >= level:
                stack.pop()
            kind = next((k for k, rx in r.sections.items() if rx.search(block.text)), None)
            stack.append((level, kind or (stack[-1][1] if stack else None)))
        parts.append(_Part(block, stack[-1][1] if stack else None))
    return parts


def _read_content(result: StatementResult, page: PageSnapshot, today: date | None) -> StatementResult:
    r = rules()
    parts = _sections(ordered_text(page, skip_regions=NOT_STATEMENT_TEXT))
    body = [p for p in parts if not p.block.heading_level]
    status, status_text = _status(parts)
    version_source = [status_text] + [p.block.text for p in parts]
    version = next((m.group(1) for t in version_source if t for m in [r.wcag_version.search(t)] if m), None)
    drawn_up, reviewed = _dates(parts)
    latest = max((d for d in (drawn_up, reviewed) if d), default=None)
    feedback_parts = [i for i, p in enumerate(body) if p.section == "feedback" or r.feedback.search(p.block.text)]
    near_feedback = {j for i in feedback_parts for j in range(i, min(i + 4, len(body)))}
    contact = any(r.contact.search(body[j].block.text) for j in near_feedback) or any(
        link.href.startswith(("mailto:", "tel:")) and link.region == "main" for link in page.links
    )
    return replace(
        result,
        analysed=True,
        status=status,
        wcag_version=version,
        date_drawn_up=drawn_up,
        date_reviewed=reviewed,
        outdated=None if latest is None or today is None else latest < today - MAX_AGE,
        has_feedback=bool(feedback_parts),
        has_contact=contact,
        has_enforcement=any(p.section == "enforcement" or r.enforcement.search(p.block.text) for p in body),
        has_non_accessible_list=any(p.section == "non_accessible" or r.non_accessible.search(p.block.text) for p in body),
    )


_ABOUT_CONFORMANCE = re.compile(r"wcag|en 301 549|webrichtlijnen|website|webpagina|site|applicati|\bapp\b", re.IGNORECASE)


def _status(parts: list[_Part]) -> tuple[str | None, str]:
    """The compliance status and the text it was read from."""
    in_section = [p for p in parts if p.section == "status"]
    elsewhere = [p for p in parts if p.section != "non_accessible" and _ABOUT_CONFORMANCE.search(p.block.text)]
    for candidates in (in_section, elsewhere):
        for part in candidates:
            status = _first_status(part.block.text)
            if status:
                return status, part.block.text
    return None, ""


def _first_status(text: str) -> str | None:
    found: list[tuple[int, str]] = []
    for status, rx in rules().status.items():
        for m in rx.finditer(text):
            negated = status == "volledig" and re.search(r"\b(niet|pas|not)\s+$", text[: m.start()], re.IGNORECASE)
            found.append((m.start(), "gedeeltelijk" if negated else status))  # "niet volledig conform"
    return min(found)[1] if found else None


# -- dates --------------------------------------------------------------------

_MONTHS = {
    **dict.fromkeys(["januari", "jan", "janvier", "january"], 1),
    **dict.fromkeys(["februari", "feb", "février", "fevrier", "february"], 2),
    **dict.fromkeys(["maart", "mrt", "mars", "march", "mar"], 3),
    **dict.fromkeys(["april", "apr", "avril"], 4),
    **dict.fromkeys(["mei", "mai", "may"], 5),
    **dict.fromkeys(["juni", "jun", "juin", "june"], 6),
    **dict.fromkeys(["juli", "jul", "juillet", "july"], 7),
    **dict.fromkeys(["augustus", "aug", "août", "aout", "august"], 8),
    **dict.fromkeys(["september", "sep", "sept", "septembre"], 9),
    **dict.fromkeys(["oktober", "okt", "octobre", "october", "oct"], 10),
    **dict.fromkeys(["november", "nov", "novembre"], 11),
    **dict.fromkeys(["december", "dec", "décembre", "decembre"], 12),
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE = re.compile(
    r"\b(?P<d1>\d{1,2})(?:e|er|ste|de|st|nd|rd|th)?\s+" + _MONTH.replace("(", "(?P<m1>", 1) + r"\s+(?P<y1>\d{4})\b"
    r"|\b" + _MONTH.replace("(", "(?P<m2>", 1) + r"\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})\b"
    r"|\b(?P<d3>\d{1,2})[./-](?P<m3>\d{1,2})[./-](?P<y3>\d{4})\b"
    r"|\b(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})\b"
    r"|\b" + _MONTH.replace("(", "(?P<m5>", 1) + r"\s+(?P<y5>\d{4})\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9ÀÉÈ])")
_ABOUT_STATEMENT = re.compile(r"verklaring|statement|déclaration|declaration", re.IGNORECASE)


def parse_dates(text: str) -> list[tuple[int, int, date]]:
    """Every date in the text: (start, end, date). Day-first for numeric dates (Belgian usage)."""
    out = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        try:
            if g["y1"]:
                d = date(int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"]))
            elif g["y2"]:
                d = date(int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"]))
            elif g["y3"]:
                d = date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
            elif g["y4"]:
                d = date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
            else:
                d = date(int(g["y5"]), _MONTHS[g["m5"].lower()], 1)
        except ValueError:
            continue
        out.append((m.start(), m.end(), d))
    return out


def _dates(parts: list[_Part]) -> tuple[date | None, date | None]:
    r = rules()
    drawn_up: date | None = None
    reviewed: date | None = None
    for part in parts:
        in_section = part.section == "drawn_up"
        for sentence in _SENTENCE.split(part.block.text):
            if not in_section and not _ABOUT_STATEMENT.search(sentence):
                continue
            previous_end = 0
            for start, end, found in parse_dates(sentence):
                lead = sentence[previous_end:start]
                previous_end = end
                if r.reviewed.search(lead):
                    reviewed = max(reviewed, found) if reviewed else found
                elif r.drawn_up.search(lead) or (in_section and drawn_up is None):
                    drawn_up = drawn_up or found
    return drawn_up, reviewed
