"""Criteria that need all pages of a site: titles (2.4.2), several ways (2.4.5),
consistent navigation (3.2.3), consistent identification (3.2.4); and the skip
link of each page (2.4.1).

Pure functions over snapshots; their data is in rules/site.yaml.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..paths import load_rules_yaml
from ..snapshot import PageSnapshot
from .base import CANT_TELL, FAILED, Check, Finding
from .pages import home_of, is_web_link, page_url, url_key
from .site_texts import TEXTS

REPEATED_REGIONS = ("navigation", "banner", "contentinfo")
MIN_BLOCK_LINKS = 3  # links in a navigation, header or footer that make a block worth a skip link
_STRIP = re.compile(r"^[\s\W_]+|[\s\W_]+$")


@dataclass(frozen=True)
class _Rules:
    generic_titles: frozenset[str]
    separators: re.Pattern[str]
    sitemap_texts: re.Pattern[str]
    sitemap_urls: re.Pattern[str]
    search_texts: re.Pattern[str]
    search_urls: re.Pattern[str]
    skip_names: re.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_rules_yaml("site.yaml")
    assert isinstance(data, dict)

    def rx(key: str) -> re.Pattern[str]:
        return re.compile(data[key], re.IGNORECASE)

    return _Rules(
        frozenset(t.lower() for t in data["generic_titles"]), rx("title_separators"), rx("sitemap_texts"),
        rx("sitemap_urls"), rx("search_texts"), rx("search_urls"), rx("skip_link_names"),
    )


def _words(text: str) -> str:
    return " ".join(_STRIP.sub("", text.lower()).split())


# -- 2.4.2 page titles ----------------------------------------------------------


def title_parts(title: str) -> list[str]:
    return [p for p in (_words(part) for part in _rules().separators.split(title)) if p]


def site_name(snapshots: Sequence[PageSnapshot]) -> str | None:
    """The part of the page titles that names the site: on at least half of the pages (and two)."""
    counts = Counter(part for s in snapshots for part in set(title_parts(s.title)))
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name if count >= max(2, len(snapshots) / 2) else None


def page_titles(snapshots: Sequence[PageSnapshot]) -> Iterable[Finding]:
    generic = _rules().generic_titles
    home = home_of(snapshots)
    home_key = url_key(page_url(home)) if home else ""
    name = site_name(snapshots)
    flagged: set[str] = set()
    for s in snapshots:
        title = " ".join(s.title.split())
        if not title:
            continue  # axe-core's document-title reports an empty title
        rest = [p for p in title_parts(title) if p != name]
        is_home = url_key(page_url(s)) == home_key
        problem = ""
        if _words(title) in generic:
            problem = f"de titel '{title}' zegt niet over welke pagina het gaat"
        elif not is_home and rest and all(p in generic for p in rest):
            problem = f"de titel '{title}' zegt niet over welke pagina het gaat"
        elif not is_home and name and not rest:
            problem = f"de titel '{title}' is alleen de naam van de website"
        if problem:
            flagged.add(page_url(s))
            yield PAGE_TITLE.finding(page_url(s), snippet=title, message=problem)
    by_title: dict[str, list[PageSnapshot]] = defaultdict(list)
    for s in snapshots:
        if s.title.strip() and page_url(s) not in flagged:
            by_title[" ".join(s.title.lower().split())].append(s)
    for same in by_title.values():
        first = same[0]
        for s in same[1:]:
            if url_key(page_url(s)) != url_key(page_url(first)):
                yield PAGE_TITLE.finding(
                    page_url(s), snippet=s.title, outcome=CANT_TELL,
                    message=f"de pagina heeft dezelfde titel als {page_url(first)}",
                )


# -- 2.4.5 multiple ways -----------------------------------------------------


def ways_to_find_pages(snapshots: Sequence[PageSnapshot]) -> set[str]:
    """The ways a visitor can find pages, besides following links: 'search', 'sitemap'."""
    r = _rules()
    ways: set[str] = set()
    for s in snapshots:
        if s.search_forms:
            ways.add("search")
        for link in s.links:
            if not is_web_link(link.href):
                continue
            path = url_key(link.href).split("?")[0]
            name = _words(link.name)
            if r.search_texts.search(name) or r.search_urls.search(path):
                ways.add("search")
            if r.sitemap_texts.search(name) or r.sitemap_urls.search(path):
                ways.add("sitemap")
    return ways


def multiple_ways(snapshots: Sequence[PageSnapshot]) -> Iterable[Finding]:
    if ways_to_find_pages(snapshots):
        return
    home = home_of(snapshots)
    assert home is not None
    from_home = {url_key(link.href) for link in home.links}
    others = [s for s in snapshots if s is not home]
    # a small site where the home page links to every page may need nothing more (G125, G126)
    small = not others or all(url_key(page_url(s)) in from_home for s in others)
    # no navigation at all: the header and menu may be a script that did not load (unsure)
    no_navigation = not any(link.region in REPEATED_REGIONS for s in snapshots for link in s.links)
    why = ": de startpagina linkt wel naar alle bezochte pagina's" if small else ""
    why = why or ("; er is ook geen menu gevonden: kijk na of de kop en het menu wel geladen zijn" if no_navigation else "")
    yield MULTIPLE_WAYS.finding(
        page_url(home),
        outcome=CANT_TELL if small or no_navigation else FAILED,
        message="geen zoekfunctie en geen sitemap of A-Z-lijst gevonden" + why,
    )


# -- 3.2.3 and 3.2.4: repeated blocks of links ------------------------------------


def repeated_blocks(snapshot: PageSnapshot) -> dict[str, list[tuple[str, str]]]:
    """The page's navigation, header and footer: block key -> [(target, name)] in page order.

    The key is the landmark's role and name (or selector when it has no name). Navigation inside
    the main content (breadcrumbs, in-page menus) is not a repeated block.
    """
    landmarks = {lm.selector: lm for lm in snapshot.landmarks}
    blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for link in snapshot.links:
        if link.region not in REPEATED_REGIONS or not is_web_link(link.href):
            continue
        landmark = landmarks.get(link.landmark)
        if landmark is not None and landmark.parent == "main":
            continue
        name = landmark.name if landmark is not None else ""
        key = f"{link.region}: {name}" if name else f"{link.region} @ {link.landmark}"
        blocks[key].append((url_key(link.href), link.name))
    return blocks


def _block_label(key: str) -> str:
    role, _, rest = key.partition(": ")
    label = {"navigation": "het menu", "banner": "de kop", "contentinfo": "de voettekst"}
    return f"{label.get(role, key)} '{rest}'" if rest else label.get(key.split(" @ ")[0], key)


def navigation_order(snapshots: Sequence[PageSnapshot]) -> Iterable[Finding]:
    sequences: dict[str, list[tuple[PageSnapshot, tuple[str, ...], dict[str, str]]]] = defaultdict(list)
    for s in snapshots:
        for key, links in repeated_blocks(s).items():
            order = tuple(dict.fromkeys(target for target, _ in links))
            names = {}
            for target, name in links:
                names.setdefault(target, name)
            sequences[key].append((s, order, names))
    for key, pages in sequences.items():
        if len(pages) < 2:
            continue
        reference = Counter(order for _, order, _ in pages).most_common(1)[0][0]
        for s, order, names in pages:
            shared = [t for t in order if t in reference]
            expected = [t for t in reference if t in order]
            if len(shared) >= 2 and shared != expected:
                yield CONSISTENT_NAVIGATION.finding(
                    page_url(s),
                    snippet=" > ".join(names[t] for t in shared)[:300],
                    message=f"de links in {_block_label(key)} staan in een andere volgorde dan op de andere pagina's",
                )


def _name_key(name: str) -> str:
    return _words(re.sub(r"\d+", " ", name))


def consistent_identification(snapshots: Sequence[PageSnapshot]) -> Iterable[Finding]:
    # block key -> target -> page url -> names used there
    seen: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(lambda: defaultdict(dict))
    shown: dict[str, str] = {}
    for s in snapshots:
        for key, links in repeated_blocks(s).items():
            for target, name in links:
                if _name_key(name):
                    seen[key][target].setdefault(page_url(s), set()).add(_name_key(name))
                    shown.setdefault(_name_key(name), name)
    for key, targets in seen.items():
        for target, by_page in targets.items():
            if len(by_page) < 2 or any(len(names) > 1 for names in by_page.values()):
                continue  # one page, or two different links to the same target on one page
            used = {url: next(iter(names)) for url, names in by_page.items()}
            # a name that only adds to another ("Home, huidige pagina") counts as that name
            canonical = {n: min((m for m in used.values() if m in n), key=lambda m: (len(m), m)) for n in used.values()}
            counts = Counter(canonical[n] for n in used.values())
            if len(counts) < 2:
                continue
            usual = min(counts, key=lambda n: (-counts[n], n))  # on a tie, not the order the pages came in
            for url, name in used.items():
                if canonical[name] != usual:
                    yield CONSISTENT_IDENTIFICATION.finding(
                        url,
                        snippet=shown[name],
                        message=f"in {_block_label(key)} heet de link naar dezelfde pagina hier '{shown[name]}', "
                        f"op {counts[usual]} andere pagina's '{shown[usual]}'",
                    )


# -- 2.4.1 skip link (per page) -------------------------------------------------------


def skip_link(snapshot: PageSnapshot) -> Iterable[Finding]:
    url = page_url(snapshot)
    skip_names = _rules().skip_names
    candidates = [
        f for f in snapshot.focusables
        if f.tag in ("a", "area") and f.fragment and f.fragment.lower() not in ("top", "boven", "haut", "begin")
        and not f.fragment.startswith(("/", "!"))  # "#/route": a script's page address, not an anchor
    ]
    skip = next((f for f in candidates if skip_names.search(f.name) or f.target_in_main), None)
    if skip is not None:
        if skip.target_exists is False:
            yield BYPASS.finding(
                url, selector=skip.selector, snippet=skip.name,
                message=f"de link '{skip.name}' gaat naar #{skip.fragment}, maar dat deel van de pagina bestaat niet",
            )
        return
    if any(f.tag == "button" and skip_names.search(f.name) for f in snapshot.focusables):
        return  # a button that moves to the content ("Naar de inhoud"): its target cannot be read from the page
    if any(lm.role == "main" for lm in snapshot.landmarks):
        return  # a main landmark lets screen reader users jump to the content (ARIA11)
    chrome_links = sum(1 for link in snapshot.links if link.region in REPEATED_REGIONS)
    loose_links = sum(1 for link in snapshot.links if not link.region)
    if chrome_links < MIN_BLOCK_LINKS and not loose_links:
        return  # no block of links to bypass
    # A failure needs a real block: a navigation, header or footer with several links. With fewer, or links
    # outside any landmark, the page alone cannot tell whether they form a block repeated on other pages.
    failed = chrome_links >= MIN_BLOCK_LINKS and not snapshot.headings
    yield BYPASS.finding(
        url,
        outcome=FAILED if failed else CANT_TELL,
        message="geen link om de navigatie over te slaan en geen main-landmark"
        + ("; alleen koppen helpen om naar de inhoud te springen" if snapshot.headings else " of koppen"),
    )


def _check(rule_id: str, criterion: str, impact: str, understanding: str, **kwargs: object) -> Check:
    url = f"https://www.w3.org/WAI/WCAG22/Understanding/{understanding}.html"
    return Check(id=rule_id, criteria=(criterion,), impact=impact, texts=TEXTS[rule_id], help_url=url, **kwargs)  # type: ignore[arg-type]


PAGE_TITLE = _check("page-title-unclear", "2.4.2", "moderate", "page-titled", site=page_titles)
MULTIPLE_WAYS = _check("multiple-ways", "2.4.5", "moderate", "multiple-ways", site=multiple_ways)
CONSISTENT_NAVIGATION = _check("navigation-order", "3.2.3", "moderate", "consistent-navigation", site=navigation_order)
CONSISTENT_IDENTIFICATION = _check(
    "consistent-identification", "3.2.4", "moderate", "consistent-identification", site=consistent_identification
)
BYPASS = _check("skip-link", "2.4.1", "serious", "bypass-blocks", page=skip_link)

SITE_CHECKS: tuple[Check, ...] = (PAGE_TITLE, MULTIPLE_WAYS, CONSISTENT_NAVIGATION, CONSISTENT_IDENTIFICATION, BYPASS)
