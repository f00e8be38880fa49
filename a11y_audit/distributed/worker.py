"""The Celery side: a worker process keeps one browser and gathers one page per task."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

from celery import Celery

from ..config import Settings
from ..gather.page import Gatherer

TASK_GATHER = "a11y_audit.gather_page"
TASK_ENGINE = "a11y_audit.engine_info"


class _Browser:
    """One Gatherer per worker process, on its own event loop thread, relaunched when the settings change."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, name="a11y-audit gather", daemon=True).start()
        self.gatherer: Gatherer | None = None
        self.settings_key = ""

    def run(self, coroutine: Any, timeout: float) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def gatherer_for(self, settings: dict[str, Any]) -> Gatherer:
        key = json.dumps(settings, sort_keys=True)
        if self.gatherer is None or key != self.settings_key:
            if self.gatherer is not None:
                self.run(self.gatherer.__aexit__(None, None, None), 60)
            gatherer = Gatherer(Settings.model_validate(settings))
            self.run(gatherer.__aenter__(), 120)
            self.gatherer, self.settings_key = gatherer, key
        return self.gatherer


_browser: _Browser | None = None  # per worker process: the browser is the expensive part to keep


def _shared_browser() -> _Browser:
    global _browser
    if _browser is None:
        _browser = _Browser()
    return _browser


def gather_page(url: str, settings: dict[str, Any]) -> dict[str, Any]:
    browser = _shared_browser()
    gatherer = browser.gatherer_for(settings)
    snapshot = browser.run(gatherer.visit(url), gatherer.settings.page_timeout + 60)
    return snapshot.to_dict()


def engine_info(settings: dict[str, Any]) -> dict[str, str]:
    gatherer = _shared_browser().gatherer_for(settings)
    return {"axe_version": gatherer.axe.version, "axe_path": gatherer.axe.path, "browser_version": gatherer.browser_version}


def make_app(broker: str, backend: str | None = None) -> Celery:
    app = Celery("a11y_audit", broker=broker, backend=backend or broker)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_acks_late=True,  # a worker that dies mid-page gives the task back
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,  # one page at a time per worker: politeness stays with the orchestrator
        result_expires=3600,
        broker_connection_retry_on_startup=True,
    )
    app.task(name=TASK_GATHER)(gather_page)
    app.task(name=TASK_ENGINE)(engine_info)
    return app


def start_worker(broker: str, name: str | None = None, loglevel: str = "INFO") -> None:
    """Run a worker until stopped: one browser, one page at a time (start more for more)."""
    app = make_app(broker)
    argv = ["worker", f"--loglevel={loglevel}", "--pool=solo", "--without-gossip", "--without-mingle"]
    if name:
        argv.append(f"--hostname={name}")
    app.worker_main(argv=argv)
