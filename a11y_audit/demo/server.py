"""Serve a folder of static files on 127.0.0.1 (demo sites, test fixtures, --dir builds)."""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@contextmanager
def serve_folder(folder: Path | str, port: int = 0,
                 handler_class: type[SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 while the block runs; yields the base URL ending in '/'."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {folder}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
