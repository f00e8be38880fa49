"""One run at a time per targets file: an advisory lock that dies with its process."""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class AlreadyRunning(RuntimeError):
    pass


def lock_path(key: str) -> Path:
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Path(os.environ.get("A11Y_AUDIT_LOCK_DIR", tempfile.gettempdir())) / f"a11y-audit-{digest}.lock"


@contextmanager
def run_lock(key: str) -> Iterator[Path]:
    """Hold the lock for ``key`` (e.g. the targets file's absolute path) or raise AlreadyRunning.

    The operating system releases the lock when the process ends, also after
    kill -9, so a crashed run never blocks the next one.
    """
    path = lock_path(key)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while the lock is held
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise AlreadyRunning(f"another run of {key} is still busy ({holder}); not starting a second one") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield path
    finally:
        handle.close()
