"""Template-aware auditing against a full audit of every page: same findings, CPU seconds per page.

    .venv/bin/python bench/templates.py [--pages 60] [--shared-chrome] [--concurrency 2] [--rounds 1]

Both run in this process on the same generated site (bench/sitegen.py, served on 127.0.0.1), with
the whole pipeline (discovery, sample, browser pool, checks, store), alternating so that machine
noise hits both. CPU seconds are those of this process and all its descendants (Playwright's driver,
Chromium and its renderers), sampled while the audit runs. The findings of both audits
(every field, site-level ones too), each page's axe results and the site score must be equal: the
script exits with status 1 when they are not.

By default the site is the reference site of bench/throughput.py, whose navigation differs on every
page; --shared-chrome gives it a municipal header and footer that are the same on every page.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from a11y_audit.config import Settings, Site, Targets  # noqa: E402
from a11y_audit.demo.server import serve_folder  # noqa: E402
from a11y_audit.gather.page import Gatherer  # noqa: E402
from a11y_audit.run import audit  # noqa: E402
from a11y_audit.store.sqlite import Store  # noqa: E402
from a11y_audit.wcag.scoring import score_site  # noqa: E402
from sitegen import generate  # noqa: E402


class CpuMeter:
    """CPU seconds (user + system) of this process and all its descendants while the block runs.

    Chromium's renderers end with their pages and are not all waited for by an ancestor of ours, so
    descendants are sampled every 0.1 s and each one's last reading counts."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._seen: dict[tuple[int, float], float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _read(self) -> None:
        for proc in psutil.Process().children(recursive=True):
            try:
                with proc.oneshot():
                    t = proc.cpu_times()
                    self._seen[(proc.pid, proc.create_time())] = t.user + t.system
            except psutil.Error:
                pass

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self._read()

    def __enter__(self) -> "CpuMeter":
        self._read()
        self._before = dict(self._seen)
        self._own = psutil.Process().cpu_times()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        own = psutil.Process().cpu_times()
        self.seconds = own.user + own.system - self._own.user - self._own.system
        self.seconds += sum(v - self._before.get(k, 0.0) for k, v in self._seen.items())


async def audit_site(base: str, pages: int, concurrency: int, templates: bool, folder: Path) -> dict[str, Any]:
    """One audit of the site; its findings, axe results per page, score, CPU and wall seconds."""
    settings = Settings(concurrency=concurrency, per_host_concurrency=concurrency, max_pages=pages + 1,
                        allowed_hosts=["127.0.0.1"], request_delay=0, sample_seed=1, axe_templates=templates,
                        page_timeout=300)  # a busy machine must not make pages time out in one audit only
    targets = Targets(settings=settings, sites=[Site(id="bench", name="Benchdorp", url=base + "p0.html")])
    gatherers: list[Gatherer] = []

    def factory(s: Settings) -> Gatherer:
        gatherers.append(Gatherer(s))
        return gatherers[-1]

    with Store(folder / f"{'templates' if templates else 'full'}-{time.monotonic_ns()}.sqlite") as store:
        wall = time.perf_counter()
        with CpuMeter() as cpu:
            run_id = await audit(targets, store, gatherer_factory=factory)
        wall = time.perf_counter() - wall
        audited = [p for p in store.pages(run_id, "bench") if p.state == "audited"]
        score, findings = ordered_score(store, run_id, "bench")
        axe = {s.final_url or s.requested_url: s.axe for s in store.snapshots(run_id, "bench")}
    reused = gatherers[0].templates
    return {"pages": len(audited), "cpu": cpu.seconds, "wall": wall, "findings": findings, "axe": axe, "score": score,
            "reused": dict(reused.reused) if reused else {}}


def ordered_score(store: Store, run_id: int, site_id: str) -> tuple[Any, list[Any]]:
    """The site's score and findings, scored with pages and findings in a fixed order: the store keeps them
    in the order pages finished, and the score's rule order and float sums follow that order."""
    findings = store.findings(run_id, site_id)
    snapshots = sorted(store.snapshots(run_id, site_id), key=lambda s: s.requested_url)
    ordered = sorted(findings, key=lambda f: (f.page_url, f.rule_id, f.selector, f.message, f.fingerprint))
    return score_site(snapshots, ordered), findings


def differences(full: dict[str, Any], fast: dict[str, Any]) -> list[str]:
    """Where the template-aware audit differs from the full one (empty: equal)."""
    out = []
    key = lambda f: (f.page_url, f.rule_id, f.engine, f.outcome, f.impact, f.selector, f.snippet, f.message, f.fingerprint)  # noqa: E731
    a, b = Counter(map(key, full["findings"])), Counter(map(key, fast["findings"]))
    out += [f"only in the full audit: {k[:3]} {k[5]}" for k in (a - b)]
    out += [f"only in the template-aware audit: {k[:3]} {k[5]}" for k in (b - a)]
    if full["axe"].keys() != fast["axe"].keys():
        out.append(f"pages differ: {sorted(full['axe'].keys() ^ fast['axe'].keys())}")
    out += [f"axe results differ on {url}" for url in full["axe"] if url in fast["axe"] and full["axe"][url] != fast["axe"][url]]
    if full["score"] != fast["score"]:
        out.append(f"scores differ: {full['score'].score} / {fast['score'].score}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--shared-chrome", action="store_true", help="a header and footer that are the same on every page")
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp) / "site", args.pages, shared_chrome=args.shared_chrome)
        with serve_folder(Path(tmp) / "site") as base:
            results: dict[bool, list[dict[str, Any]]] = {False: [], True: []}
            for round_ in range(args.rounds):
                for templates in ((False, True) if round_ % 2 == 0 else (True, False)):
                    results[templates].append(asyncio.run(audit_site(base, args.pages, args.concurrency, templates, Path(tmp))))
                problems = differences(results[False][-1], results[True][-1])
                failed |= bool(problems)
                for line in problems[:20]:
                    print("DIFFERENT:", line)
    full, fast = results[False], results[True]
    pages = full[0]["pages"]
    per_page = lambda runs: statistics.median(r["cpu"] / r["pages"] for r in runs)  # noqa: E731
    wall = lambda runs: statistics.median(r["wall"] for r in runs)  # noqa: E731
    print(f"{pages} pages ({'shared chrome' if args.shared_chrome else 'reference site'}), concurrency {args.concurrency}, "
          f"{args.rounds} round(s); findings per audit: {len(full[0]['findings'])}; "
          f"{'equal' if not failed else 'NOT EQUAL'} in every round")
    reused = fast[0]["reused"]
    elements = [sum(r["elements"] for r in regions) for regions in reused.values()]
    print(f"template-aware: regions reused on {len(reused)} pages, "
          f"{statistics.mean(elements) if elements else 0:.0f} elements per such page")
    print(f"{'':16} {'CPU s/page':>10} {'wall s':>8}")
    print(f"{'full':16} {per_page(full):>10.2f} {wall(full):>8.1f}")
    print(f"{'template-aware':16} {per_page(fast):>10.2f} {wall(fast):>8.1f}")
    saved = per_page(full) - per_page(fast)
    print(f"saved: {saved:.2f} CPU s per page ({saved / per_page(full):.0%})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
