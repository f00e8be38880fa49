"""The Selenium WebDriver backend against a real chromedriver server on 127.0.0.1 (Debian's chromium-driver).

The same fixture site is audited with the Playwright backend, with Selenium through the chromedriver
server as a remote WebDriver URL (as a Selenium Grid is used), and with Selenium starting its own
local chromedriver: pages, findings (with their fingerprints) and snapshots must be equal.
"""

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest
from conftest import visiting_slow_page
from hostile import HostileSite

from a11y_audit.config import Settings, Site, Targets
from a11y_audit.discover.crawl import SiteGate, site_hosts
from a11y_audit.gather.page import Gatherer
from a11y_audit.gather.webdriver import SeleniumGatherer
from a11y_audit.run import audit
from a11y_audit.store.sqlite import Store

pytestmark = pytest.mark.browser
CHROMEDRIVER = shutil.which("chromedriver")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chromedriver_url():
    """A chromedriver server, as a Selenium Grid would be: its address is all the backend gets."""
    if CHROMEDRIVER is None:
        pytest.skip("chromedriver is not installed (scripts/test.sh installs chromium-driver on Debian)")
    port = free_port()
    server = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "/status", timeout=1) as answer:  # noqa: S310 - loopback
                if json.load(answer)["value"]["ready"]:
                    break
        except OSError:
            pass
        assert time.time() < deadline, "chromedriver did not start"
        time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(10)


def _audit(base, tmp_path, **backend):
    # the interaction step is Playwright-only (docs/architecture.md): compare what both backends do
    settings = Settings(page_timeout=20, allowed_hosts=["127.0.0.1"], max_pages=20, interaction=False, **backend)
    targets = Targets(settings=settings, sites=[Site(id="test", name="Testgemeente", url=base)])
    with Store(tmp_path / "a.sqlite") as store:
        run_id = asyncio.run(audit(targets, store))
        pages = {p.url.replace(base, "/"): (p.state, p.reason, p.http_status) for p in store.pages(run_id, "test")}
        findings = {(f.page_url.replace(base, "/"), f.rule_id, f.outcome, f.selector, f.fingerprint)
                    for f in store.findings(run_id, "test")}
        snapshots = {s.requested_url: s for s in store.snapshots(run_id, "test")}
        run = store.run(run_id)
    return pages, findings, snapshots, run


def _facts(snapshot, site=None):
    """Everything the checks and reports use: the snapshot without its timings (and the servers' addresses)."""
    facts = snapshot.to_dict()
    facts.pop("timings")
    if site is None:
        return facts
    return json.loads(json.dumps(facts).replace(site.base, "SITE").replace(site.other, "OTHER"))


@pytest.fixture(scope="module")
def audited(fixture_site, chromedriver_url, tmp_path_factory):
    backends = {"playwright": {}, "remote": {"backend": "selenium", "selenium_url": chromedriver_url}, "local": {"backend": "selenium"}}
    with ThreadPoolExecutor(len(backends)) as pool:  # the three runs at the same time
        runs = {name: pool.submit(_audit, fixture_site, tmp_path_factory.mktemp(name), **backend) for name, backend in backends.items()}
        return {name: run.result() for name, run in runs.items()}


def test_both_backends_find_the_same_barriers_on_the_same_pages(audited):
    pages, findings, _, _ = audited["playwright"]
    assert pages["/slow"] == ("failed", "timeout: 20", None) and pages["/missing.html"] == ("failed", "http-status: 404", 404)
    assert {("/", "image-alt"), ("/", "label"), ("/nieuws.html", "link-name")} <= {f[:2] for f in findings}
    for selenium in ("remote", "local"):
        assert audited[selenium][0] == pages, selenium
        assert audited[selenium][1] == findings, selenium


def test_both_backends_produce_equal_snapshots(audited):
    snapshots = audited["playwright"][2]
    for selenium in ("remote", "local"):
        other = audited[selenium][2]
        assert other.keys() == snapshots.keys()
        for url, snapshot in snapshots.items():
            assert _facts(other[url]) == _facts(snapshot), (selenium, url)
            if snapshot.audited:
                assert other[url].timings.total_ms > 0 and other[url].timings.axe_ms > 0


def test_the_run_records_the_backend_and_the_same_engine(audited):
    reference = audited["playwright"][3]
    for selenium in ("remote", "local"):
        run = audited[selenium][3]
        assert run.settings["backend"] == "selenium"
        assert (run.axe_version, run.browser_version) == (reference.axe_version, reference.browser_version)
    print("\nseconds per audited page (visit total, mean):", {
        name: round(sum(s.timings.total_ms for s in snaps.values() if s.audited) / 1000
                    / sum(1 for s in snaps.values() if s.audited), 2)
        for name, (_, _, snaps, _) in audited.items()
    })


HOSTILE_TIMEOUT = 12  # ordinary pages well within it on a loaded machine; /lus never ends
AS_WITH_PLAYWRIGHT = ["/alert", "/weg", "/verversen", "/oneindig", "/latin1", "/verkeerd"]


def _visit_hostile(gatherer_class, paths, **settings):
    async def visits(site):
        page = Site(id="valstrik", name="Gemeente Valstrik", url=site.base + "/")
        gate = SiteGate(page, site_hosts(page), None)
        async with gatherer_class(Settings(page_timeout=HOSTILE_TIMEOUT, **settings)) as gatherer:
            snapshots = {path: await gatherer.visit(site.base + path, gate) for path in paths}
            return snapshots, dict(gatherer.retry_after)

    with HostileSite() as site:
        snapshots, retry_after = asyncio.run(visits(site))
        return site, snapshots, retry_after, [r.path for r in site.other_requests]


def test_hostile_pages_hold_their_ground_as_with_playwright(chromedriver_url):
    with ThreadPoolExecutor(2) as pool:  # both at the same time, each on a hostile site of its own
        selenium = pool.submit(_visit_hostile, SeleniumGatherer, [*AS_WITH_PLAYWRIGHT, "/lus", "/druk", "/naar-elders"],
                               backend="selenium", selenium_url=chromedriver_url)
        playwright = pool.submit(_visit_hostile, Gatherer, AS_WITH_PLAYWRIGHT, interaction=False)  # Playwright-only step
        (site, snapshots, retry_after, other), (reference_site, reference, _, _) = selenium.result(), playwright.result()
    for path in AS_WITH_PLAYWRIGHT:
        assert snapshots[path].audited, (path, snapshots[path].reason)
        assert _facts(snapshots[path], site) == _facts(reference[path], reference_site), path
    # dialogs dismissed; a navigation away after the load event (script) or before it (meta refresh) held
    assert snapshots["/weg"].final_url == site.base + "/weg" and snapshots["/verversen"].final_url == site.base + "/verversen"
    assert (snapshots["/lus"].state, snapshots["/lus"].reason) == ("failed", f"timeout: {HOSTILE_TIMEOUT}")  # a script that never stops
    assert snapshots["/druk"].http_status == 429 and retry_after == {site.base + "/druk": 1.0}
    # WebDriver cannot stop an HTTP redirect off the site: the page is not audited, it is recorded as leaving
    assert (snapshots["/naar-elders"].state, snapshots["/naar-elders"].reason) == ("failed", f"leaves-site: {site.other}/doel")
    assert "/gestolen" not in other and "/ververst" not in other  # the held navigations were never made


def test_allowed_hosts_keep_the_browser_off_other_hosts(chromedriver_url):
    async def visit(site):
        settings = Settings(page_timeout=HOSTILE_TIMEOUT, allowed_hosts=["127.0.0.1"], backend="selenium",
                            selenium_url=chromedriver_url)
        async with SeleniumGatherer(settings) as gatherer:
            return await gatherer.visit(site.other + "/"), await gatherer.visit(site.base + "/nieuws")

    with HostileSite() as site:
        elsewhere, page = asyncio.run(visit(site))
        assert site.other_requests == []
    assert (elsewhere.state, elsewhere.reason) == ("failed", "network: ERR_PROXY_CONNECTION_FAILED")
    assert page.audited and page.title == "Nieuws"


def _browser_of(gatherer) -> psutil.Process:
    """The browser the gatherer's own chromedriver started (not a renderer)."""
    for child in psutil.Process(gatherer._service.process.pid).children(recursive=True):
        if "--type=" not in " ".join(child.cmdline()) and "crashpad" not in child.name():
            return child
    raise AssertionError("no browser process found")


def test_crashed_browser_is_replaced_and_the_run_goes_on(fixture_site):
    if CHROMEDRIVER is None:
        pytest.skip("chromedriver is not installed")

    async def scenario():
        async with SeleniumGatherer(Settings(page_timeout=20, backend="selenium")) as gatherer:
            slow = await visiting_slow_page(gatherer, fixture_site)
            _browser_of(gatherer).kill()
            crashed = await slow
            after = await gatherer.visit(fixture_site + "page2.html")
            return crashed, after, gatherer.restarts

    crashed, after, restarts = asyncio.run(scenario())
    assert (crashed.state, crashed.reason) == ("failed", "browser-crash")
    assert after.audited and after.title.startswith("Over de gemeente")
    assert restarts == 1


def test_a_session_the_grid_ended_is_replaced_before_the_page_is_requested(fixture_site, chromedriver_url):
    async def scenario():
        async with SeleniumGatherer(Settings(backend="selenium", selenium_url=chromedriver_url)) as gatherer:
            first = await gatherer.visit(fixture_site + "page2.html")
            (session,) = gatherer._idle
            ended = urllib.request.Request(f"{chromedriver_url}/session/{session.session_id}", method="DELETE")
            urllib.request.urlopen(ended, timeout=30).read()  # noqa: S310 - as a grid ends a session left idle
            second = await gatherer.visit(fixture_site + "page2.html")
            return first, second, gatherer.restarts

    first, second, restarts = asyncio.run(scenario())
    assert first.audited and second.audited and _facts(second) == _facts(first)
    assert restarts == 0


def _check(base, out, *backend):
    result = subprocess.run(
        [sys.executable, "-m", "a11y_audit", "check", base, base + "nieuws.html", "--json", str(out), *backend],
        capture_output=True, text=True, timeout=300, env={**os.environ, "A11Y_AUDIT_LOCK_DIR": str(out.parent)},
    )
    assert result.returncode == 1, result.stderr  # the fixture pages have barriers
    return sorted((f["page_url"], f["rule_id"], f["selector"], f["fingerprint"]) for f in json.loads(out.read_text())["findings"])


def test_check_command_with_a_selenium_grid_url(fixture_site, chromedriver_url, tmp_path):
    with ThreadPoolExecutor(2) as pool:  # both at the same time
        selenium = pool.submit(_check, fixture_site, tmp_path / "selenium.json", "--selenium-url", chromedriver_url)
        playwright = pool.submit(_check, fixture_site, tmp_path / "playwright.json")
        assert selenium.result() and selenium.result() == playwright.result()
