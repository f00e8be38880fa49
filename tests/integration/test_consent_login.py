"""Cookie banners, logins and secrets on real Chromium, against Gemeente Koekjesdorp on 127.0.0.1.

One `a11y-audit run` (a subprocess, secrets in its environment) audits two sites: Koekjesdorp, whose
pages hide behind a cookie banner and partly behind a login form, and its intranet, behind a bearer
token. Then every file the run wrote, its output and the store are searched for the secrets.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import sqlite3
import subprocess
import sys
import threading
import zipfile
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from a11y_audit.config import Action, Consent, Settings, Site
from a11y_audit.demo.server import serve_folder
from a11y_audit.gather.consent import detect, accept
from a11y_audit.gather.page import Gatherer
from a11y_audit.gather.session import SiteSession
from a11y_audit.paths import load_rules_yaml
from a11y_audit.store.sqlite import Store
from tests.consent_site import KoekjesdorpSite, serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


class _Pixel(BaseHTTPRequestHandler):
    """Another host (127.0.0.2) the intranet loads an image from: records the headers it gets."""

    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802
        type(self).seen.append({k.lower(): v for k, v in self.headers.items()})
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def other_host():
    server = ThreadingHTTPServer(("127.0.0.2", 0), _Pixel)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def secret_values():
    return {
        "KD_USER": f"inwoner-{secrets.token_hex(6)}",
        "KD_PASSWORD": f"wachtwoord-{secrets.token_hex(6)}",
        "KD_TOKEN": f"token-{secrets.token_hex(8)}",
    }


@pytest.fixture(scope="module")
def koekjesdorp(secret_values, other_host):
    site = KoekjesdorpSite(secret_values["KD_USER"], secret_values["KD_PASSWORD"], secret_values["KD_TOKEN"],
                           pixel=other_host + "pixel.png")
    with serve(site) as base:
        yield site, base


TARGETS = """\
settings:
  page_timeout: 20
  request_delay: 0
  max_pages: 8
  allowed_hosts: [127.0.0.1, 127.0.0.2]
sites:
  - id: koekjesdorp
    name: Gemeente Koekjesdorp
    url: {base}
    exclude: ['/intranet/']
    login:
      url: {base}aanmelden.html
      actions:
        - fill: {{selector: "#gebruiker", value: "${{env:KD_USER}}"}}
        - fill: {{selector: "#wachtwoord", value: "${{env:KD_PASSWORD}}"}}
        - click: 'role=button[name="Aanmelden"]'
      check: a.afmelden
  - id: intranet
    name: Intranet Koekjesdorp
    url: {base}intranet/
    include: ['/intranet/']
    headers:
      Authorization: "Bearer ${{env:KD_TOKEN}}"
"""


@pytest.fixture(scope="module")
def audited(koekjesdorp, secret_values, tmp_path_factory):
    site, base = koekjesdorp
    folder = tmp_path_factory.mktemp("koekjesdorp")
    targets = folder / "targets.yaml"
    targets.write_text(TARGETS.format(base=base), encoding="utf-8")
    out = folder / "out"
    env = os.environ | secret_values | {"PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "a11y_audit", "run", "--targets", str(targets), "--out", str(out)],
                            capture_output=True, text=True, timeout=600, env=env, cwd=folder)
    assert result.returncode == 0, result.stderr
    store = Store(out / "a11y-audit.sqlite")
    yield store, base, out, result, site
    store.close()


def _rel(url: str, base: str) -> str:
    return url.replace(base, "/")


def _snapshots(store: Store, site_id: str, base: str) -> dict:
    return {_rel(s.requested_url, base): s for s in store.snapshots(1, site_id)}


def test_content_behind_the_banner_is_audited_and_the_banner_once_per_site(audited):
    store, base, out, *_ = audited
    failed = {(_rel(f.page_url, base), f.rule_id) for f in store.findings(1, "koekjesdorp") if f.outcome == "failed"}
    assert [page for page, rule in failed if rule == "button-name"] == ["/"]  # the banner's own barrier, once
    assert ("/", "label") in failed  # the start page's content, under the banner
    assert ("/nieuws.html", "image-alt") in failed  # a page audited after consent
    snapshots = _snapshots(store, "koekjesdorp", base)
    home = snapshots["/"].consent
    assert home.manager == "generic" and home.audited and home.accepted.startswith("click") and not home.error
    assert snapshots["/nieuws.html"].consent is None  # consent carried over: no banner
    assert any(b.text == "Het nieuwe zwembad is open." for b in snapshots["/nieuws.html"].text_blocks)
    report = (out / "sites" / "koekjesdorp.html").read_text(encoding="utf-8")
    assert "stond een cookiebanner (herkend aan de tekst en de knop)" in report
    assert f"Daarna zijn de cookies aanvaard. {len(snapshots) - 1} andere pagina&#39;s zijn getest zonder de banner ervoor." in report


def test_a_banner_that_comes_back_is_accepted_before_the_audit(audited):
    store, base, *_ = audited
    enquete = _snapshots(store, "koekjesdorp", base)["/enquete.html"]
    assert enquete.audited and enquete.consent.audited is False and enquete.consent.accepted
    assert not [f for f in store.findings(1, "koekjesdorp") if f.page_url.endswith("/enquete.html") and f.rule_id == "button-name"]


def test_form_login_opens_the_protected_pages_and_never_logs_out(audited):
    store, base, out, _, site = audited
    snapshots = _snapshots(store, "koekjesdorp", base)
    mine = snapshots["/mijn/"]
    assert mine.audited and mine.final_url == base + "mijn/" and mine.logged_in and mine.title == "Mijn dossier"
    assert snapshots["/mijn/gegevens.html"].audited
    assert "Aangemeld als [verborgen]." in {b.text for b in mine.text_blocks}  # the user name is a secret
    assert ("mijn/", "link-name") in {(_rel(f.page_url, base)[1:], f.rule_id) for f in store.findings(1, "koekjesdorp")}
    assert ("GET", "/afmelden") not in site.requests
    report = (out / "sites" / "koekjesdorp.html").read_text(encoding="utf-8")
    assert f"{len(snapshots)} pagina&#39;s zijn getest als aangemelde gebruiker" in report
    assert [r for r in site.requests if r[0] == "POST"] == [("POST", "/aanmelden")]  # one login for the run


def test_headers_open_the_intranet_and_go_to_its_host_only(audited):
    store, base, *_ = audited
    pages = {_rel(p.url, base): p.state for p in store.pages(1, "intranet")}
    assert pages == {"/intranet/": "audited", "/intranet/verslag.html": "audited"}
    assert ("/intranet/", "html-has-lang") in {(_rel(f.page_url, base), f.rule_id) for f in store.findings(1, "intranet")}
    assert _Pixel.seen and not any("authorization" in headers for headers in _Pixel.seen)


def test_no_secret_in_the_store_reports_exports_or_output(audited, secret_values):
    store, base, out, result, _ = audited
    haystacks: dict[str, str] = {"stdout": result.stdout, "stderr": result.stderr}
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            haystacks[str(path)] = data.decode("latin-1")
            if path.suffix == ".xlsx":
                with zipfile.ZipFile(path) as book:
                    haystacks.update({f"{path}:{name}": book.read(name).decode("utf-8") for name in book.namelist()})
    db = sqlite3.connect(out / "a11y-audit.sqlite")
    for table, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for row in db.execute(f"SELECT * FROM {table}"):
            for value in row:
                if isinstance(value, bytes):
                    value = zlib.decompress(value).decode("utf-8")
                haystacks[f"{table}: {str(value)[:40]}"] = str(value)
    db.close()
    assert len(haystacks) > 20 and any("${env:KD_TOKEN}" not in h and "Koekjesdorp" in h for h in haystacks.values())
    for name, secret in secret_values.items():
        leaks = [where for where, text in haystacks.items() if secret in text]
        assert not leaks, f"{name} found in {leaks}"


# -- failures: one visit at a time -------------------------------------------------------------


def _session(base: str, **site: object) -> SiteSession:
    settings = Settings(page_timeout=15, allowed_hosts=["127.0.0.1"], action_timeout=1)
    return SiteSession.for_site(Site(id="k", name="K", url=base, **site), settings, {base.split("/")[2]})


def test_failed_steps_make_pages_not_tested_with_the_reason(koekjesdorp, secret_values):
    _, base = koekjesdorp

    async def scenario():
        async with Gatherer(Settings(page_timeout=15, allowed_hosts=["127.0.0.1"], action_timeout=1)) as gatherer:
            steps = _session(base, actions=[Action(wait_for="#bestaat-niet")])
            step_failed = await gatherer.visit(base + "nieuws.html", session=steps)
            own = _session(base, consent=Consent(banner="#koekjes", actions=[Action(click="#bestaat-niet")]))
            home = await gatherer.visit(base, session=own)  # audits the banner; its consent steps fail after that
            later = await gatherer.visit(base + "nieuws.html", session=own)  # banner again: consent must come first
            wrong = _session(base, login={"url": base + "aanmelden.html", "check": "a.afmelden", "actions": [
                {"fill": {"selector": "#gebruiker", "value": "${env:KD_USER}"}},
                {"fill": {"selector": "#wachtwoord", "value": "fout"}},
                {"click": "form button"}]})
            await wrong.log_in(gatherer)
            refused = await gatherer.visit(base + "mijn/", session=wrong)
            return step_failed, home, later, refused

    os.environ["KD_USER"] = secret_values["KD_USER"]
    try:
        step_failed, home, later, refused = asyncio.run(scenario())
    finally:
        del os.environ["KD_USER"]
    assert step_failed.state == "failed"
    assert step_failed.reason == "action-failed: step 1: wait_for '#bestaat-niet': not found or not usable within 1 s"
    assert home.audited and home.consent.manager == "site" and home.consent.error.startswith("step 1: click '#bestaat-niet'")
    assert later.state == "failed" and later.reason.startswith("consent-failed: step 1: click '#bestaat-niet'")
    assert refused.state == "failed" and refused.reason == "login-failed: 'a.afmelden' is not on the page after the login steps"


# Each manager of rules/consent.yaml as its banner looks in a page (trimmed); the button removes the banner.
REMOVE = "onclick=\"document.getElementById('cmp').remove()\""
MANAGERS = {
    "cookiebot": f'<div id="CybotCookiebotDialog"><p>Deze website gebruikt cookies.</p>'
                 f'<button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" {REMOVE}>Alle cookies toestaan</button></div>',
    "onetrust": f'<div id="onetrust-banner-sdk"><p>Wij gebruiken cookies.</p>'
                f'<button id="onetrust-accept-btn-handler" {REMOVE}>Alle cookies accepteren</button></div>',
    "didomi": f'<div id="didomi-host"><div id="didomi-notice"><p>Nous utilisons des cookies.</p>'
              f'<button id="didomi-notice-agree-button" {REMOVE}>Accepter</button></div></div>',
    "cookieyes": f'<div class="cky-consent-container"><p>We value your privacy.</p>'
                 f'<button class="cky-btn cky-btn-accept" data-cky-tag="accept-button" {REMOVE}>Accept All</button></div>',
    "complianz": f'<div class="cmplz-cookiebanner"><p>Cookies beheren</p><button class="cmplz-btn cmplz-accept" {REMOVE}>Accepteren</button></div>',
    "klaro": f'<div class="klaro"><div class="cookie-notice"><p>Wij gebruiken cookies.</p>'
             f'<button class="cm-btn cm-btn-success" {REMOVE}>Oké</button></div></div>',
    "osano": f'<div class="osano-cm-window"><div class="osano-cm-dialog"><p>This website stores data such as cookies.</p>'
             f'<button class="osano-cm-accept-all osano-cm-button" {REMOVE}>Accept All</button></div></div>',
    "tarteaucitron": f'<div id="tarteaucitronRoot"><div id="tarteaucitronAlertBig"><p>Ce site utilise des cookies.</p>'
                     f'<button id="tarteaucitronPersonalize2" {REMOVE}>Tout accepter</button></div></div>',
}


def test_built_in_rules_find_and_accept_each_consent_manager():
    async def scenario():
        found = {}
        async with Gatherer(Settings()) as gatherer:
            _, context = await gatherer._new_context()
            page = await context.new_page()
            for manager, markup in MANAGERS.items():
                await page.set_content(f'<main><p>Inhoud</p></main><div id="cmp">{markup}</div>')
                banner = await detect(page, Consent())
                how, problem = await accept(page, banner, Consent(), 2)
                found[manager] = (banner.manager, problem)
            await context.close()
        return found

    assert [m["id"] for m in load_rules_yaml("consent.yaml")["managers"]] == list(MANAGERS)
    assert asyncio.run(scenario()) == {manager: (manager, "") for manager in MANAGERS}


def test_a_banner_in_a_shadow_root_or_in_an_iframe_of_another_origin_is_found_and_accepted(tmp_path):
    # a consent manager that draws its banner in the open shadow root of a host element
    shadow = ('<main><p>Inhoud</p></main><div id="cmp-root"></div><script>'
              'const root = document.getElementById("cmp-root").attachShadow({mode: "open"});'
              'root.innerHTML = `<div style="position: fixed; bottom: 0"><p>Wij gebruiken cookies.</p>'
              '<button>Instellingen</button><button id="ja">Alles accepteren</button></div>`;'
              'root.getElementById("ja").onclick = () => document.getElementById("cmp-root").remove();</script>')
    # one that shows it in an iframe of its own host (here: another port), which the page removes on its message
    (tmp_path / "cmp").mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / "cmp" / "banner.html").write_text(
        '<!DOCTYPE html><html lang="nl"><body><p>Deze website gebruikt cookies.</p><button>Weigeren</button>'
        '<button onclick="parent.postMessage(\'ok\', \'*\')">Alle cookies aanvaarden</button></body></html>', encoding="utf-8")

    async def scenario(cmp_base: str, site_base: str):
        (tmp_path / "site" / "index.html").write_text(
            '<!DOCTYPE html><html lang="nl"><body><main><h1>Proefdorp</h1></main>'
            f'<iframe id="cmp-frame" src="{cmp_base}banner.html" title="Cookies" '
            'style="position: fixed; bottom: 0; width: 100%; height: 200px"></iframe>'
            '<script>addEventListener("message", () => document.getElementById("cmp-frame").remove());</script>'
            '</body></html>', encoding="utf-8")
        results = []
        async with Gatherer(Settings(allowed_hosts=["127.0.0.1"])) as gatherer:
            _, context = await gatherer._new_context()
            page = await context.new_page()
            await page.set_content(shadow)
            banner = await detect(page, Consent())
            results.append((banner.manager, banner.selector, banner.accept, await accept(page, banner, Consent(), 2)))
            await page.goto(site_base + "index.html")
            banner = await detect(page, Consent(), 2)
            results.append((banner.manager, banner.where, banner.accept, await accept(page, banner, Consent(), 2)))
            await context.close()
        return results

    with serve_folder(tmp_path / "cmp") as cmp_base, serve_folder(tmp_path / "site") as site_base:
        assert asyncio.run(scenario(cmp_base, site_base)) == [
            ("generic", "#cmp-root >> div:nth-of-type(1)", "#cmp-root >> #ja", ("click '#cmp-root >> #ja'", "")),
            ("generic", "#cmp-frame >> body:nth-of-type(1)", "body:nth-of-type(1) > button:nth-of-type(2)",
             ("click 'body:nth-of-type(1) > button:nth-of-type(2)' in '#cmp-frame'", "")),
        ]


def test_an_iframe_banner_inside_a_shadow_root_is_named_through_its_host():
    # the iframe's selector crosses the shadow root ("host >> iframe"), so the check whether the banner went
    # away looks at this iframe; here the button does nothing, and accepting reports that the banner stayed
    html = ('<main><p>Inhoud</p></main><div id="cmp-host"></div><script>'
            'const frame = document.createElement("iframe");'
            'frame.srcdoc = "<p>Deze website gebruikt cookies.</p><button>Weigeren</button><button>Alle cookies aanvaarden</button>";'
            'frame.style = "position: fixed; bottom: 0; width: 100%; height: 200px";'
            'document.getElementById("cmp-host").attachShadow({mode: "open"}).append(frame);</script>')

    async def scenario():
        async with Gatherer(Settings(allowed_hosts=["127.0.0.1"])) as gatherer:
            _, context = await gatherer._new_context()
            page = await context.new_page()
            await page.set_content(html)
            banner = await detect(page, Consent(), 2)
            result = (banner.where, await accept(page, banner, Consent(), 1))
            await context.close()
        return result

    assert asyncio.run(scenario()) == (
        "#cmp-host >> iframe:nth-of-type(1) >> body:nth-of-type(1)",
        ("click 'body:nth-of-type(1) > button:nth-of-type(2)' in '#cmp-host >> iframe:nth-of-type(1)'",
         "the banner was still there 1 s after accepting"))
