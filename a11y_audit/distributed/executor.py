"""The orchestrator's side: a Gatherer look-alike that sends each page visit to the Celery workers."""

from __future__ import annotations

import asyncio
from typing import Any

from celery.exceptions import TimeoutError as CeleryTimeout

from .. import reasons
from ..config import Settings
from ..gather.axe import AxeSource
from ..snapshot import PageSnapshot, failed_page
from .worker import TASK_ENGINE, TASK_GATHER, make_app


class CeleryGatherer:
    """Same interface as gather.page.Gatherer; ``visit`` runs on whichever worker is free."""

    def __init__(self, settings: Settings, broker: str, wait_for_workers: float = 120.0):
        self.settings = settings
        self.app = make_app(broker)
        self.settings_json = settings.model_dump(mode="json")
        self.wait_for_workers = wait_for_workers
        self.axe = AxeSource(path="", version="", script="")
        self.browser_version = ""

    async def __aenter__(self) -> "CeleryGatherer":
        result = self.app.send_task(TASK_ENGINE, args=[self.settings_json])
        try:
            info = await asyncio.to_thread(result.get, timeout=self.wait_for_workers)
        except CeleryTimeout:
            raise WorkersUnavailable(f"no a11y-audit worker answered within {self.wait_for_workers:g} s") from None
        self.axe = AxeSource(path=info["axe_path"], version=info["axe_version"], script="")
        self.browser_version = info["browser_version"]
        return self

    async def __aexit__(self, *exc: Any) -> None:
        self.app.close()

    async def visit(self, url: str) -> PageSnapshot:
        result = self.app.send_task(TASK_GATHER, args=[url, self.settings_json])
        try:
            data = await asyncio.to_thread(result.get, timeout=self.settings.page_timeout + 120)
        except CeleryTimeout:
            result.revoke()
            return failed_page(url, f"{reasons.TIMEOUT}: {self.settings.page_timeout:g}")
        except Exception as exc:  # noqa: BLE001 - a failed task is a page that could not be tested
            return failed_page(url, f"{reasons.ERROR}: worker: {type(exc).__name__}: {str(exc)[:200]}")
        return PageSnapshot.from_dict(data)


class WorkersUnavailable(RuntimeError):
    pass
