"""The Tab walk in real Chromium: presses sent in batches find the same stops as one press at a time,
and a header, menu or footer identical to one on an earlier page of the site is walked once: later
pages take its stops over (and what they say about focus) and spend their presses on their own content;
screens with and without focus are compared once a site for a kind of element whose focus shows."""

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from a11y_audit.checks import check_page
from a11y_audit.config import Settings
from a11y_audit.demo.server import serve_folder
from a11y_audit.gather import interact
from a11y_audit.gather.page import Gatherer
from a11y_audit.snapshot import PageSnapshot

pytestmark = pytest.mark.browser

CHROME = """<header><a href="p0.html">Gemeente Walkdorp</a><nav aria-label="Hoofdmenu"><ul>{menu}</ul></nav></header>"""
FOOTER = """<footer><a href="p1.html">Contact</a> <a href="p2.html">Privacy</a> <a href="p0.html">Toegankelijkheid</a></footer>"""
STYLE = "<style>header a:focus { outline: none; } main a:focus { outline: 3px solid #000; }</style>"


def _site(folder: Path, menu_links: int) -> list[str]:
    """Three pages with the same header (its links show no focus) and footer, and main content of their own."""
    menu = "".join(f'<li><a href="p{i % 3}.html">Menu {i}</a></li>' for i in range(menu_links))
    names = []
    for n in range(3):
        links = "".join(f'<li class="inhoud"><a href="p{(n + i) % 3}.html">Pagina {n} link {i}</a></li>' for i in range(4 + n))
        (folder / f"p{n}.html").write_text(
            f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Pagina {n}</title>{STYLE}</head><body>'
            f'{CHROME.format(menu=menu)}<main><h1>Pagina {n}</h1><ul>{links}</ul></main>{FOOTER}</body></html>',
            encoding="utf-8",
        )
        names.append(f"p{n}.html")
    return names


def _visit(folder: Path, names: list[str], settings: Settings) -> list[PageSnapshot]:
    async def visit_all() -> list[PageSnapshot]:
        with serve_folder(folder) as base:
            async with Gatherer(settings) as gatherer:
                return [await gatherer.visit(base + name) for name in names]  # one after the other: each learns

    return asyncio.run(visit_all())


def _focus_findings(snapshot: PageSnapshot) -> set[tuple[str, str]]:
    return {(f.rule_id, f.selector) for f in check_page(snapshot) if f.rule_id.startswith("focus-")}


def test_batched_presses_find_the_same_stops_as_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = _site(tmp_path, menu_links=12)
    settings = Settings(allowed_hosts=["127.0.0.1"], axe_templates=False)
    batched = _visit(tmp_path, names[:1], settings)[0]

    class OneAtATime(interact._Presses):
        def __init__(self, page, cdp, batch):  # type: ignore[no-untyped-def]
            super().__init__(page, cdp, batch=False)

    monkeypatch.setattr(interact, "_Presses", OneAtATime)
    single = _visit(tmp_path, names[:1], settings)[0]
    assert batched.interaction and single.interaction
    assert batched.interaction.stops == single.interaction.stops
    assert batched.interaction.walk_complete and single.interaction.walk_complete
    assert _focus_findings(batched) == _focus_findings(single)
    logo, first_menu_link = batched.interaction.stops[:2]
    assert logo.pixels_changed is False and first_menu_link.pixels_changed is False  # outline: none
    main = next(s for s in batched.interaction.stops if s.selector.startswith("body > main"))
    assert main.pixels_changed is True


def test_identical_chrome_is_walked_once_and_its_findings_stay_on_every_page(tmp_path: Path) -> None:
    names = _site(tmp_path, menu_links=70)  # more than one walk of interact.MAX_TABS presses
    first, second, third = _visit(tmp_path, names, Settings(allowed_hosts=["127.0.0.1"]))
    walks = [s.interaction for s in (first, second, third)]
    assert all(walks)
    # page 1: the whole walk in the header; page 2 takes those stops over and walks on to the end of
    # the menu, its main content and the footer; page 3 takes the header over and walks the rest
    assert [w.tab_presses for w in walks][0] == interact.MAX_TABS
    assert not any(s.copied for s in walks[0].stops)
    assert [s.selector for s in walks[1].stops[:interact.MAX_TABS]] == [s.selector for s in walks[0].stops]
    assert all(s.copied for s in walks[1].stops[:interact.MAX_TABS])
    assert walks[1].walk_complete and walks[2].walk_complete
    assert walks[2].tab_presses <= interact.BATCH  # one batch: its own six links and the end of the page
    assert [s.selector for s in walks[2].stops if not s.copied] == [
        f"body > main > ul > li:nth-of-type({i}) > a" for i in range(1, 7)]  # header and footer taken over
    for walk, n in zip(walks[1:], (1, 2)):
        main = [s.selector for s in walk.stops if s.selector.startswith("body > main")]
        assert len(main) == 4 + n and not any(s.copied for s in walk.stops if s.selector.startswith("body > main"))
    header = [s for s in walks[2].stops if s.selector.startswith("body > header")]
    assert len(header) == 71 and all(s.copied for s in header)  # the logo link and 70 menu links
    # what the walk saw of focus in the header (no change on the screen) is kept on every page
    assert walks[0].stops[0].pixels_changed is False
    assert walks[1].stops[0] == walks[2].stops[0] == replace(walks[0].stops[0], copied=True)
    # (page 2 walked further into the menu: the first menu link past the first walk is new to it)
    assert _focus_findings(first) < _focus_findings(second) == _focus_findings(third)
    # screens are compared once a site for a kind of element whose focus shows: the main links on page 2,
    # not on page 3; a kind whose focus did not show is compared again (the new menu link on page 2)
    main = [[s for s in walk.stops if s.selector.startswith("body > main")] for walk in walks[1:]]
    assert main[0][0].pixels_changed is True and all(s.pixels_changed is None for s in main[1])
