"""Progress on the terminal: bars on a terminal, one line per site otherwise."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from .config import Site
from .snapshot import PageSnapshot


class ConsoleProgress:
    def __init__(self) -> None:
        self.console = Console(stderr=True)
        self.bars = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=self.console, disable=not self.console.is_terminal,
        )
        self._sites_task: TaskID | None = None
        self._pages: dict[str, TaskID] = {}
        self._done: dict[str, int] = {}

    def __enter__(self) -> "ConsoleProgress":
        self.bars.__enter__()
        self._sites_task = self.bars.add_task("sites", total=0)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.bars.__exit__(*exc)

    def site_started(self, site: Site, total: int) -> None:
        assert self._sites_task is not None
        self.bars.update(self._sites_task, total=(self.bars.tasks[self._sites_task].total or 0) + 1)
        self._pages[site.id] = self.bars.add_task(f"  {site.id}", total=1)
        self._done[site.id] = 0

    def page_done(self, site: Site, snapshot: PageSnapshot, total: int) -> None:
        self._done[site.id] += 1
        self.bars.update(self._pages[site.id], completed=self._done[site.id], total=total)

    def site_done(self, site: Site) -> None:
        assert self._sites_task is not None
        self.bars.advance(self._sites_task)


class LogProgress:
    """One logfmt line per event on standard error, for journals and CI logs (no bars)."""

    def __init__(self) -> None:
        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        self._done: dict[str, int] = {}

    def __enter__(self) -> "LogProgress":
        return self

    def __exit__(self, *exc: Any) -> None:
        pass

    def log(self, event: str, **fields: Any) -> None:
        parts = [f"event={event}"] + [f"{k}={_logfmt(v)}" for k, v in fields.items()]
        self.console.print(" ".join(parts), markup=False)

    def site_started(self, site: Site, total: int) -> None:
        self._done[site.id] = 0
        self.log("site_started", site=site.id, url=site.url, max_pages=total)

    def page_done(self, site: Site, snapshot: PageSnapshot, total: int) -> None:
        self._done[site.id] += 1
        self.log("page_done", site=site.id, url=snapshot.requested_url, state=snapshot.state, reason=snapshot.reason,
                 ms=snapshot.timings.total_ms)

    def site_done(self, site: Site) -> None:
        self.log("site_done", site=site.id, pages=self._done.get(site.id, 0))


def _logfmt(value: Any) -> str:
    text = "" if value is None else str(value)
    return f'"{text}"' if (not text or any(c in text for c in ' "=')) else text


def progress_for_console() -> "ConsoleProgress | LogProgress":
    """Bars on a terminal; one line per event otherwise (cron, systemd, CI)."""
    return ConsoleProgress() if Console(stderr=True).is_terminal else LogProgress()
