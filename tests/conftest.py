"""Shared fixtures: local sites on 127.0.0.1 only, real Chromium, temporary stores."""

from __future__ import annotations

import asyncio
import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from postgres_server import postgres_server, postgres_url, store_location  # noqa: F401 - fixtures for all tests

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"
TEST_ASSETS = Path(__file__).resolve().parents[1] / ".venv" / "test-assets"  # scripts/test_assets.py
SLOW_ASKED = threading.Event()  # set when /slow is requested: a test can act while the browser waits for it


async def visiting_slow_page(gatherer, base: str) -> asyncio.Task:
    """Start a visit of the fixture site's /slow; return it once the server has the request (the browser waits)."""
    SLOW_ASKED.clear()
    visit = asyncio.create_task(gatherer.visit(base + "slow"))
    assert await asyncio.to_thread(SLOW_ASKED.wait, 15), "the slow page was not requested"
    return visit


class FixtureHandler(SimpleHTTPRequestHandler):
    """Static files, plus /slow, which never answers in time."""

    def do_GET(self) -> None:  # noqa: N802 - name of the base class method
        if self.path.startswith("/slow"):
            SLOW_ASKED.set()
            time.sleep(30)
            self.send_error(504)
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def fixture_site() -> Iterator[str]:
    """The fixture site with known barriers, served on 127.0.0.1; yields its base URL."""
    handler = functools.partial(FixtureHandler, directory=str(FIXTURES / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
