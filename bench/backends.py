"""Time per page of the two browser backends: Playwright and Selenium WebDriver (local chromedriver).

The three audited pages of the fixture site (``tests/fixtures/site``, served on 127.0.0.1) are
visited in turns, one page at a time, by both backends, ``ROUNDS`` times; the first round warms up
and is not counted. Prints the median of each backend's visit (``Timings.total_ms``) and the wall
time of ``visit``, and whether the snapshots (without their timings) were equal every time.

Run: ``python bench/backends.py [rounds]`` (needs chromedriver: ``apt-get install chromium-driver``).
"""

from __future__ import annotations

import asyncio
import functools
import statistics
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from a11y_audit.config import Settings  # noqa: E402
from a11y_audit.gather.page import Gatherer  # noqa: E402
from a11y_audit.gather.webdriver import SeleniumGatherer  # noqa: E402

SITE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "site"
PAGES = ["", "page2.html", "nieuws.html"]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def facts(snapshot):
    data = snapshot.to_dict()
    data.pop("timings")
    return data


async def main(rounds: int) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    settings = Settings(page_timeout=30, allowed_hosts=["127.0.0.1"])
    visits: dict[str, list[float]] = {"playwright": [], "selenium": []}
    walls: dict[str, list[float]] = {"playwright": [], "selenium": []}
    equal = True
    async with Gatherer(settings) as playwright, SeleniumGatherer(settings.model_copy(update={"backend": "selenium"})) as selenium:
        for round_ in range(rounds):
            for page in PAGES:
                seen = {}
                for name, gatherer in (("playwright", playwright), ("selenium", selenium)):
                    started = time.perf_counter()
                    snapshot = await gatherer.visit(base + page)
                    wall = time.perf_counter() - started
                    seen[name] = facts(snapshot)
                    if round_:
                        visits[name].append(snapshot.timings.total_ms / 1000)
                        walls[name].append(wall)
                equal = equal and seen["playwright"] == seen["selenium"]
    server.shutdown()
    for name in visits:
        print(f"{name:10s} pages {len(visits[name]):3d}  median visit {statistics.median(visits[name]):.3f} s  "
              f"median wall {statistics.median(walls[name]):.3f} s")
    print(f"snapshots equal in every visit: {equal}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 6))
