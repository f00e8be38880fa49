"""Template-aware auditing (gather/axe_run.js) gives the findings of a full audit of every page.

A header and footer audited on one page are not audited again on the next pages of the site that
carry them; these tests audit the same pages both ways and require equal results: every field of
every finding, each page's axe results (passed element counts too) and the site score.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from a11y_audit.checks import check_page
from a11y_audit.config import Settings, Site, Targets
from a11y_audit.demo.server import serve_folder
from a11y_audit.gather.page import Gatherer
from a11y_audit.run import audit
from a11y_audit.store.sqlite import Store
from conftest import SHARED

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from sitegen import generate  # noqa: E402
from templates import ordered_score  # noqa: E402

pytestmark = pytest.mark.browser

STYLE = """<style>.top{background:#036;color:#fff;padding:4px}.top a{color:#fff}
nav li{display:inline-block;margin:0 6px}footer{margin-top:40px;background:#eee}.small{color:#999}
.skip{position:absolute;left:-10000px}</style>"""
HEADER = (
    '<header><div class="top"><a href="a.html">Contact</a> | <a href="b.html">Nieuws</a></div>'
    '<form role="search"><label for="q">Zoeken</label><input id="q" type="search"><button>Zoek</button></form>'
    '<nav aria-label="Hoofdmenu"><ul>'
    + "".join(f'<li><a href="{"abcdefgh"[i % 8]}.html">Onderwerp {i}</a></li>' for i in range(30))
    + '</ul></nav><a href="a.html"><svg width="16" height="16"><rect width="16" height="16"/></svg></a></header>'
)
FOOTER = '<footer><p class="small">Gemeente Proefdorp - <a href="a.html">Privacy</a></p></footer>'

# page -> (extra in <head>, <body> attributes, main content); only b.html may reuse the header
PAGES = {
    "a.html": ("", "", "<h1>Start</h1><p>Welkom.</p>"),
    "b.html": ("", "", "<h1>Nieuws</h1><p>Nieuws van de gemeente.</p><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"),
    # a label in the page for the header's search field: the field has two labels
    "c.html": ("", "", "<h1>Zoeken</h1><label for='q'>Zoekterm</label>"),
    # an element of the page over the header changes what the header's text stands on
    "d.html": ("", "", "<h1>Actie</h1><div style='position:absolute;top:0;left:0;width:400px;height:30px;background:#ccc'>Actie</div>"),
    # page styles that recolour the header's links
    "e.html": ("<style>.top a{color:#6699cc}</style>", "", "<h1>Stijl</h1>"),
    # a darker page behind the header: other contrast
    "f.html": ("<style>body{background:#555}</style>", "", "<h1>Donker</h1>"),
    # a small target of the page right under the header's last link
    "g.html": ("", "", "<a href='a.html' style='font-size:10px'>x</a><h1>Dicht</h1>"),
    # the id of the header's search field used again in the page
    "h.html": ("", "", "<h1>Dubbel</h1><p id='q' aria-describedby='q'>Tekst</p>"),
}


def write_pages(folder: Path) -> list[str]:
    for name, (head, body_attrs, main) in PAGES.items():
        (folder / name).write_text(
            f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{name}</title>{STYLE}{head}</head>'
            f'<body{body_attrs}><a class="skip" href="#main">Naar de inhoud</a>{HEADER}<main id="main">{main}</main>{FOOTER}</body></html>',
            encoding="utf-8",
        )
    return list(PAGES)


def visit_both(base: str, names: list[str]) -> tuple[Gatherer, dict]:
    """Each page with a full audit and a template-aware one, one after the other; their results must be equal."""
    settings = Settings(allowed_hosts=["127.0.0.1"], page_timeout=120)

    async def visit() -> tuple[Gatherer, dict]:
        async with Gatherer(settings.model_copy(update={"axe_templates": False})) as full, Gatherer(settings) as fast:
            assert full.templates is None
            snapshots = {}
            for name in names:  # each page finished (both ways at the same time) before the next starts
                a, b = await asyncio.gather(full.visit(base + name), fast.visit(base + name))
                assert a.audited and b.audited, (a.reason, b.reason)
                assert a.axe == b.axe, name
                assert finding_keys(check_page(a)) == finding_keys(check_page(b)), name
                snapshots[name] = b
        return fast, snapshots

    return asyncio.run(visit())


def reused_regions(templates) -> dict[str, dict[str, int]]:
    """Page name -> the regions it did not audit again -> their holes."""
    return {url.rsplit("/", 1)[1]: {r["region"]: r["holes"] for r in regions} for url, regions in templates.reused.items()}


def finding_keys(findings) -> Counter:
    return Counter((f.page_url, f.rule_id, f.engine, f.outcome, f.impact, f.selector, f.snippet, f.message, f.fingerprint)
                   for f in findings)


def test_regions_that_depend_on_the_page_are_audited_in_full(tmp_path: Path) -> None:
    names = write_pages(tmp_path)
    with serve_folder(tmp_path) as base:
        fast, snapshots = visit_both(base, names)
    reused = reused_regions(fast.templates)
    assert reused["b.html"]["header"] == 0  # the same header: not audited again
    for name in ("c.html", "d.html", "h.html"):  # a label for its field, an element over it, its field's id used again
        assert "header" not in reused.get(name, {}), name
    assert "e.html" not in reused and "f.html" not in reused  # other styles: other hashes
    assert reused["g.html"]["header"] >= 1  # reused, but its link near the page's link is audited again
    # the header's own barrier (a link without a name) is still reported on the page that reused it
    assert any(r.id == "link-name" for r in snapshots["b.html"].axe.violations)


def test_template_aware_audit_of_a_generated_site_equals_a_full_audit(tmp_path: Path) -> None:
    generate(tmp_path / "site", 6, shared_chrome=True)

    def run(templates: bool) -> tuple:
        settings = Settings(concurrency=2, per_host_concurrency=2, max_pages=7, allowed_hosts=["127.0.0.1"], request_delay=0,
                            sample_seed=1, page_timeout=120, axe_templates=templates)
        gatherers: list[Gatherer] = []

        def factory(s: Settings) -> Gatherer:
            gatherers.append(Gatherer(s))
            return gatherers[-1]

        with Store(tmp_path / f"{templates}.sqlite") as store:
            run_id = asyncio.run(audit(Targets(settings=settings, sites=[Site(id="gen", name="Gen", url=base + "p0.html")]),
                                       store, gatherer_factory=factory))
            score, findings = ordered_score(store, run_id, "gen")
            axe = {s.final_url: s.axe for s in store.snapshots(run_id, "gen") if s.audited}
        return finding_keys(findings), axe, score, gatherers[0].templates

    with serve_folder(tmp_path / "site") as base, ThreadPoolExecutor(2) as pool:  # both audits at the same time
        results = dict(zip((False, True), pool.map(run, (False, True))))
    (full_findings, full_axe, full_score, _), (fast_findings, fast_axe, fast_score, templates) = results[False], results[True]
    assert len(full_axe) >= 6  # p0-p5 and index.html (the footer's link to a missing statement: failed both times)
    assert fast_findings == full_findings
    assert fast_axe == full_axe
    assert fast_score == full_score
    # the start page is audited alone, so every later page reuses its header and footer
    assert len(templates.reused) == len(full_axe) - 1
    assert all(sum(r["elements"] for r in regions) > 200 for regions in templates.reused.values())
    # ... whose barriers are still reported on every page
    assert {url for url, rule, *_ in fast_findings if rule == "link-name"} == set(full_axe)


def test_real_municipal_pages_reuse_their_header_and_footer() -> None:
    """Two pages of a real municipal site (Icordis CMS): its header and footer, next to a cookie banner."""
    pages = SHARED / "real-pages"
    if not (pages / "aalter_be_eid.html").is_file():
        pytest.skip(f"{pages} is not here")
    with serve_folder(pages) as base:
        fast, _ = visit_both(base, ["aalter_be_eid.html", "aalter_be_verhuizen.html"])
    assert set(reused_regions(fast.templates)["aalter_be_verhuizen.html"]) == {"header", "footer"}
