"""The sample of pages to audit: WCAG-EM / EU 2018/1524, structured plus seeded random.

``select_sample`` is a pure function of the discovered pages, the page budget, the seed and the
rules in ``rules/sample.yaml``: the same input gives the same sample. Every chosen page carries
the reasons it was chosen (``REASONS``), which the store keeps and the reports show.

- The structured sample: the start page, the pages listed in targets.yaml, then the roles of
  rules/sample.yaml in their order (accessibility statement, contact, search, sitemap, login,
  help, legal pages, pages with forms, the page that links the most documents, one page per
  template), found by link texts (Dutch, French, English), URL patterns and page facts.
- The random sample: drawn with ``random.Random(seed)`` from the other discovered pages; at least
  ``random_share`` (10 %) of the structured sample, and it fills whatever budget the structured
  sample leaves, so a small site is audited whole. When the budget is tight the structured
  sample is cut (last roles first) to leave room for the random share; the start page always stays.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence
from urllib.parse import urlsplit

from .paths import load_rules_yaml

# Why a page is in the sample (stored comma-separated in pages.chosen_for; texts: report/messages.yaml chosen_<code>)
REASONS = ("home", "listed", "statement", "contact", "search", "sitemap", "login", "help", "legal", "form",
           "documents", "template", "random", "rendered")
TEXT_ROLES = ("statement", "contact", "search", "sitemap", "login", "help", "legal")
CORE = ("home", "listed", "statement", "contact", "search")  # never left out to make room for the random part


@dataclass(frozen=True)
class Candidate:
    """A page found by discovery (an HTML page that answered), as sampling sees it."""

    url: str
    depth: int = 0
    via: str = "link"  # start, listed, link, sitemap, search-form, rendered
    title: str = ""
    link_texts: tuple[str, ...] = ()  # texts of the links to this page, on any page
    forms: int = 0  # forms to fill in
    login: bool = False  # has a password field
    documents: int = 0  # documents linked from it
    template: str = ""  # template_key: layout and place in the address


@dataclass(frozen=True)
class Chosen:
    url: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Sample:
    chosen: list[Chosen]  # structured first, then random
    spares: list[str]  # more random pages, in draw order, for the budget kept free (``reserve``)
    reserve: int = 0  # pages of the budget kept for roles not found yet (links in rendered pages)


@dataclass(frozen=True)
class Role:
    name: str
    max: int
    link_texts: frozenset[str] = frozenset()
    link_text_parts: tuple[str, ...] = ()
    url_patterns: tuple[re.Pattern[str], ...] = ()
    titles: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class SampleRules:
    roles: tuple[Role, ...] = field(default_factory=tuple)

    def role(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)


@lru_cache(maxsize=1)
def load_sample_rules() -> SampleRules:
    data = load_rules_yaml("sample.yaml") or {}
    roles = []
    for name, spec in (data.get("roles") or {}).items():
        spec = spec or {}
        roles.append(Role(
            name=name,
            max=int(spec.get("max", 1)),
            link_texts=frozenset(clean_text(t) for t in spec.get("link_texts", [])),
            link_text_parts=tuple(clean_text(t) for t in spec.get("link_text_parts", [])),
            url_patterns=tuple(re.compile(p, re.IGNORECASE) for p in spec.get("url_patterns", [])),
            titles=tuple(re.compile(p, re.IGNORECASE) for p in spec.get("titles", [])),
        ))
    return SampleRules(tuple(roles))


def clean_text(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .:;,!?»>›|-–—()[]")


def match_strength(role: Role, url: str, link_texts: Iterable[str] = (), title: str = "") -> int:
    """3: a link text is one of the role's; 2: contains one; 1: the address or title fits; 0: no."""
    best = 0
    for text in link_texts:
        text = clean_text(text)
        if not text:
            continue
        if text in role.link_texts:
            return 3
        if any(part in text for part in role.link_text_parts):
            best = 2
    if best:
        return best
    path = urlsplit(url).path.lower()
    if any(p.search(path) for p in role.url_patterns) or (title and any(p.search(title) for p in role.titles)):
        return 1
    return 0


def text_roles(url: str, link_texts: Iterable[str] = (), title: str = "", rules: SampleRules | None = None) -> list[str]:
    """The roles (statement, contact, ...) an address plays by its link texts, address or title."""
    rules = rules or load_sample_rules()
    texts = tuple(link_texts)
    return [r.name for r in rules.roles if r.name in TEXT_ROLES and match_strength(r, url, texts, title)]


def select_sample(
    candidates: Sequence[Candidate],
    budget: int,
    seed: int,
    random_share: float = 0.1,
    rules: SampleRules | None = None,
    max_reserve: int = 0,
) -> Sample:
    """The pages to audit, structured sample first, each with why it was chosen.

    With ``max_reserve``, up to that many pages of the budget are kept free for roles with link
    texts that no discovered page plays (a menu built by JavaScript shows them only in the browser);
    ``spares`` then holds the random pages to use for what the reserve does not need.
    """
    rules = rules or load_sample_rules()
    pool: dict[str, Candidate] = {}
    for c in candidates:
        pool.setdefault(c.url, c)
    reasons: dict[str, list[str]] = {}  # url -> reasons, in the order pages were chosen

    def add(url: str, why: str) -> None:
        reasons.setdefault(url, [])
        if why not in reasons[url]:
            reasons[url].append(why)

    by_closeness = sorted(pool.values(), key=lambda c: (c.depth, c.via != "link", c.url))
    for c in by_closeness:
        if c.via == "start":
            add(c.url, "home")
    for c in by_closeness:
        if c.via == "listed":
            add(c.url, "listed")

    templates_done = {pool[u].template for u in reasons if pool[u].template}
    for role in rules.roles:
        if role.name == "home":
            continue
        if role.name in TEXT_ROLES:
            scored = [(match_strength(role, c.url, c.link_texts, c.title), c) for c in by_closeness]
            if role.name == "search":
                scored = [(max(s, 2 if c.via == "search-form" else 0), c) for s, c in scored]
            if role.name == "login":
                scored = [(max(s, 1 if c.login else 0), c) for s, c in scored]
            matches = [c for s, c in sorted(((s, c) for s, c in scored if s), key=lambda sc: -sc[0])]
        elif role.name == "form":
            matches = [c for c in by_closeness if c.forms]
        elif role.name == "documents":
            matches = sorted((c for c in by_closeness if c.documents), key=lambda c: -c.documents)
        elif role.name == "template":
            sizes: dict[str, int] = {}
            for c in pool.values():
                sizes[c.template] = sizes.get(c.template, 0) + 1
            matches = []
            for c in sorted(by_closeness, key=lambda c: (-sizes[c.template], c.depth, c.url)):
                if c.template and c.template not in templates_done:
                    templates_done.add(c.template)
                    matches.append(c)
        else:
            matches = []
        taken = 0
        for c in matches:
            if taken >= role.max:
                break
            if role.name == "template" and c.url in reasons:
                continue
            add(c.url, role.name)
            taken += 1
        templates_done |= {pool[u].template for u in reasons if pool[u].template}

    structured = list(reasons)
    core = max((i + 1 for i, url in enumerate(structured) if set(reasons[url]) & set(CORE)), default=0)
    keep = max(_structured_size(len(structured), len(pool), budget, random_share), min(core, budget))
    for url in structured[keep:]:
        del reasons[url]
    others = sorted(u for u in pool if u not in reasons)
    order = random.Random(seed).sample(others, len(others))  # one seeded permutation: draws, then spares
    minimum = min(math.ceil(random_share * keep), len(others))
    room = max(0, budget - len(reasons))
    found = {role for why in reasons.values() for role in why}
    missing = {r.name for r in rules.roles if r.name in TEXT_ROLES and r.name not in found}
    reserve = min(max_reserve, len(missing), max(0, room - minimum))
    drawn = order[: min(room - reserve, len(order))]
    for url in sorted(drawn):
        add(url, "random")
    spares = order[len(drawn): len(drawn) + reserve]
    return Sample([Chosen(url, tuple(why)) for url, why in reasons.items()], spares, reserve)


def _structured_size(structured: int, pool: int, budget: int, share: float) -> int:
    """How much of the structured sample fits the budget next to a random share of it (at least the start page)."""
    for size in range(min(structured, budget), 0, -1):
        random_part = min(math.ceil(share * size), pool - size)
        if size + random_part <= budget:
            return size
    return min(structured, 1)
