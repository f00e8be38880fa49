"""The Selenium backend without a browser: settings, command line, what is missing, the performance log."""

import asyncio
import json
import os
import socket
import subprocess
import sys

import pytest

from a11y_audit.config import ConfigError, Settings, parse_targets
from a11y_audit.gather import make_gatherer
from a11y_audit.gather.page import Gatherer
from a11y_audit.gather.webdriver import SeleniumGatherer, WebDriverUnavailable, _Navigation

SITES = "sites:\n  - id: test\n    name: Test\n    url: http://127.0.0.1:9/\n"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_backend_and_grid_address_in_targets_yaml():
    targets = parse_targets("settings:\n  backend: selenium\n  selenium_url: http://grid.example:4444/wd/hub\n" + SITES)
    assert (targets.settings.backend, targets.settings.selenium_url) == ("selenium", "http://grid.example:4444/wd/hub")
    assert isinstance(make_gatherer(targets.settings), SeleniumGatherer)
    assert isinstance(make_gatherer(Settings()), Gatherer)


@pytest.mark.parametrize("line, key", [("  backend: webdriver\n", "settings.backend"),
                                       ("  selenium_url: grid.example:4444\n", "settings.selenium_url")])
def test_wrong_backend_settings_name_line_and_key(line, key):
    with pytest.raises(ConfigError) as info:
        parse_targets("settings:\n  page_timeout: 10\n" + line + SITES, "targets.yaml")
    assert (info.value.line, info.value.key) == (3, key)


def test_grid_password_is_not_stored_with_the_run():
    settings = Settings(backend="selenium", selenium_url="https://user:secret@grid.example/wd/hub")
    assert settings.model_dump(mode="json")["selenium_url"] == "https://***@grid.example/wd/hub"
    assert settings.selenium_url == "https://user:secret@grid.example/wd/hub"


def test_missing_chromedriver_says_what_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(WebDriverUnavailable, match="apt-get install -y chromium-driver"):
        asyncio.run(SeleniumGatherer(Settings(backend="selenium")).__aenter__())


def test_missing_selenium_package_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "selenium", None)  # as if it were not installed
    with pytest.raises(WebDriverUnavailable, match=r"pip install 'a11y-audit\[selenium\]'"):
        asyncio.run(SeleniumGatherer(Settings(backend="selenium")).__aenter__())


def test_grid_that_does_not_answer():
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(WebDriverUnavailable, match=f"no WebDriver server answers at {url}"):
        asyncio.run(SeleniumGatherer(Settings(backend="selenium", selenium_url=url)).__aenter__())


def _cli(tmp_path, *args):
    targets = tmp_path / "targets.yaml"
    targets.write_text(SITES, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "a11y_audit", "run", "--targets", str(targets), "--out", str(tmp_path / "out"),
                           *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "A11Y_AUDIT_LOCK_DIR": str(tmp_path)})


def test_run_with_a_grid_that_does_not_answer_cannot_test(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}"
    result = _cli(tmp_path, "--selenium-url", url)  # implies --backend selenium
    assert result.returncode == 3 and f"no WebDriver server answers at {url}" in result.stderr


def test_run_with_a_grid_address_that_is_not_one(tmp_path):
    result = _cli(tmp_path, "--backend", "selenium", "--selenium-url", "grid:4444")
    assert result.returncode == 2 and "--selenium-url" in result.stderr and "http://" in result.stderr


def _entry(method, **params):
    return {"message": json.dumps({"message": {"method": method, "params": params}})}


def test_the_top_frames_response_is_read_from_the_performance_log():
    navigation = _Navigation(frame="TOP")
    navigation.read([
        _entry("Network.requestWillBeSent", requestId="N1", loaderId="N1", frameId="TOP", type="Document",
               request={"url": "http://site.test/oud"}),
        _entry("Network.requestWillBeSent", requestId="N1", loaderId="N1", frameId="TOP", type="Document",
               request={"url": "http://site.test/nieuw"}, redirectResponse={"status": 301}),  # a redirect: same request
        _entry("Network.responseReceived", requestId="N1", frameId="TOP", type="Document",
               response={"url": "http://site.test/nieuw", "status": 503, "headers": {"Content-Type": "text/html", "Retry-After": "7"}}),
        _entry("Network.requestWillBeSent", requestId="F1", loaderId="F1", frameId="FRAME", type="Document", request={}),
        _entry("Network.responseReceived", requestId="F1", frameId="FRAME", type="Document",
               response={"url": "https://cdn.test/frame", "status": 200, "headers": {}}),
        _entry("Network.loadingFailed", requestId="F1", errorText="net::ERR_ABORTED"),
    ])
    assert navigation.response["status"] == 503 and navigation.header("retry-after") == "7" and not navigation.error
    assert navigation.header("content-type") == "text/html"
    assert navigation.origins == {"http://site.test", "https://cdn.test"}


def test_a_failed_navigation_keeps_its_network_error():
    navigation = _Navigation(frame="TOP")
    navigation.read([
        _entry("Network.requestWillBeSent", requestId="N2", loaderId="N2", frameId="TOP", type="Document", request={}),
        _entry("Network.loadingFailed", requestId="N2", errorText="net::ERR_CONNECTION_REFUSED"),
    ])
    assert navigation.response is None and navigation.error == "net::ERR_CONNECTION_REFUSED"
