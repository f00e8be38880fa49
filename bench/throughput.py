"""Throughput and peak memory of the full audit against a raw Playwright + axe-core baseline.

    .venv/bin/python bench/throughput.py [--pages 60] [--concurrency 2 4] [--rounds 2] [--shared-chrome]

Both run in this process on the same generated site (bench/sitegen.py, served on
127.0.0.1), at the same concurrency, alternating so that machine noise hits both.
The baseline opens each page in a fresh context, injects axe-core and runs it
with the same options; the full audit adds our page facts, own checks, site
checks and the SQLite store; it is run twice, with the interaction step (the default: Tab walk,
mouse, hover, text spacing, zoom, reflow, motion, shortcuts) and without it. Reported per setting: pages per second, CPU
seconds per page (this process and its children: Playwright's driver, Chromium) and peak memory,
and the ratio of each full audit's pages per second to the baseline's.
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
    """Peak resident memory of this process and its children (Chromium), sampled every 50 ms, and
    the CPU time they used meanwhile (children by their last sample)."""

    def __init__(self) -> None:
        self.peak = 0
        self.cpu = 0.0
        self._children: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = me.memory_info().rss
            for proc in me.children(recursive=True):
                try:
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
                    self._children[proc.pid] = times.user + times.system
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def __enter__(self) -> "PeakMemory":
        times = psutil.Process().cpu_times()
        self._own = times.user + times.system
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        times = psutil.Process().cpu_times()
        self.cpu = times.user + times.system - self._own + sum(self._children.values())


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


async def full_audit(base: str, pages: int, concurrency: int, interaction: bool = True,
                     request_delay: float = Settings().request_delay) -> float:
    settings = Settings(concurrency=concurrency, per_host_concurrency=concurrency, max_pages=pages,
                        allowed_hosts=["127.0.0.1"], interaction=interaction, request_delay=request_delay)
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
    parser.add_argument("--shared-chrome", action="store_true",
                        help="the same header, menu and footer on every page (bench/sitegen.py municipal_chrome)")
    parser.add_argument("--request-delay", type=float, default=Settings().request_delay,
                        help="the full audit's seconds between two requests to one host (default: the setting's "
                             "default). With one site, its discovery waits that long between the fetches of its pages")
    args = parser.parse_args()
    kinds = {"raw": None, "full": True, "no interaction": False}
    with tempfile.TemporaryDirectory() as tmp:
        names = generate(Path(tmp) / "site", args.pages, shared_chrome=args.shared_chrome)
        with serve_folder(Path(tmp) / "site") as base:
            urls = [base + name for name in names]
            print(f"{len(urls)} generated pages{' with shared chrome' if args.shared_chrome else ''}; "
                  f"{args.rounds} round(s) per setting; medians; request_delay {args.request_delay:g} s")
            print(f"{'conc':>4} {'audit':<15} {'pages/s':>8} {'ratio':>6} {'CPU s/page':>11} {'peak MB':>8}")
            for concurrency in args.concurrency:
                rates: dict[str, list[float]] = {kind: [] for kind in kinds}
                cpus: dict[str, list[float]] = {kind: [] for kind in kinds}
                peaks: dict[str, int] = {kind: 0 for kind in kinds}
                for _ in range(args.rounds):
                    for kind, interaction in kinds.items():
                        with PeakMemory() as memory:
                            if interaction is None:
                                rate = asyncio.run(raw_baseline(urls, concurrency, Settings()))
                            else:
                                rate = asyncio.run(full_audit(base, len(urls), concurrency, interaction, args.request_delay))
                        rates[kind].append(rate)
                        cpus[kind].append(memory.cpu / len(urls))
                        peaks[kind] = max(peaks[kind], memory.peak)
                raw = statistics.median(rates["raw"])
                for kind in kinds:
                    rate = statistics.median(rates[kind])
                    print(f"{concurrency:>4} {kind:<15} {rate:>8.2f} {rate / raw:>6.2f} "
                          f"{statistics.median(cpus[kind]):>11.2f} {peaks[kind] / 2**20:>8.0f}")


if __name__ == "__main__":
    main()
