"""Throughput and peak memory of the full audit against a raw Playwright + axe-core baseline.

    .venv/bin/python bench/throughput.py [--pages 60] [--concurrency 2 4] [--rounds 2]

Both run in this process on the same generated site (bench/sitegen.py, served on
127.0.0.1), at the same concurrency, alternating so that machine noise hits both.
The baseline opens each page in a fresh context, injects axe-core and runs it
with the same options; the full audit adds our page facts, own checks, site
checks and the SQLite store. Reported: pages per second of each and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from playwright.async_api import async_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from a11y_audit.config import Settings, Site, Targets  # noqa: E402
from a11y_audit.demo.server import serve_folder  # noqa: E402
from a11y_audit.gather import axe as axe_engine  # noqa: E402
from a11y_audit.gather.browser import launch  # noqa: E402
from a11y_audit.run import audit  # noqa: E402
from a11y_audit.store.sqlite import Store  # noqa: E402
from sitegen import generate  # noqa: E402


class PeakMemory:
    """Peak resident memory of this process and its children (Chromium), sampled every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


async def raw_baseline(urls: list[str], concurrency: int, settings: Settings) -> float:
    """Plain Playwright + axe-core: a fresh context per page, axe injected, axe.run, results returned."""
    source = axe_engine.load_axe(settings.axe_path).script
    options = axe_engine.run_options(settings.wcag_version, settings.wcag_level)
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    async with async_playwright() as playwright:
        browser = await launch(playwright, settings.browser_path)
        started = time.perf_counter()

        async def worker() -> None:
            while not queue.empty():
                url = queue.get_nowait()
                context = await browser.new_context()
                await context.add_init_script(script=source)
                page = await context.new_page()
                await page.goto(url, wait_until="load")
                await page.evaluate("(o) => axe.run(document, o)", options)
                await context.close()

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
        await browser.close()
    return len(urls) / elapsed


async def full_audit(base: str, pages: int, concurrency: int) -> float:
    settings = Settings(concurrency=concurrency, per_host_concurrency=concurrency, max_pages=pages, allowed_hosts=["127.0.0.1"])
    targets = Targets(settings=settings, sites=[Site(id="bench", name="Benchdorp", url=base + "p0.html")])
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        started = time.perf_counter()
        run_id = await audit(targets, store)
        elapsed = time.perf_counter() - started
        audited = sum(1 for p in store.pages(run_id, "bench") if p.state == "audited")
    return audited / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        names = generate(Path(tmp) / "site", args.pages)
        with serve_folder(Path(tmp) / "site") as base:
            urls = [base + name for name in names]
            print(f"{len(urls)} generated pages; {args.rounds} round(s) per setting")
            print(f"{'conc':>4} {'raw p/s':>8} {'full p/s':>9} {'ratio':>6} {'raw MB':>7} {'full MB':>8}")
            for concurrency in args.concurrency:
                raws, fulls, raw_mem, full_mem = [], [], [], []
                for _ in range(args.rounds):
                    with PeakMemory() as memory:
                        raws.append(asyncio.run(raw_baseline(urls, concurrency, Settings())))
                    raw_mem.append(memory.peak)
                    with PeakMemory() as memory:
                        fulls.append(asyncio.run(full_audit(base, len(urls), concurrency)))
                    full_mem.append(memory.peak)
                raw, full = statistics.median(raws), statistics.median(fulls)
                print(f"{concurrency:>4} {raw:>8.2f} {full:>9.2f} {full / raw:>6.2f} "
                      f"{max(raw_mem) / 2**20:>7.0f} {max(full_mem) / 2**20:>8.0f}")


if __name__ == "__main__":
    main()
