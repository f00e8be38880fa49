"""Finding and launching Chromium.

Order of preference: the ``browser_path`` setting, the ``A11Y_AUDIT_BROWSER``
environment variable, a system Chromium or Chrome, then Playwright's own
managed Chromium.  When none is found the user gets a message that says what
to install.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.async_api import Browser, Playwright

ENV_VAR = "A11Y_AUDIT_BROWSER"
SYSTEM_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

# Without these flags Chromium keeps trying to reach Google services, which
# stalls or slows it on closed networks; audits need none of them.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
    # audio and video that a page starts by itself play, as for a visitor who has used the site before
    # (browsers then allow it): checks/media.py needs to see what plays
    "--autoplay-policy=no-user-gesture-required",
]

HOW_TO_INSTALL = (
    "No Chromium browser was found. Install one of:\n"
    "  - Debian/Ubuntu: sudo apt-get install -y chromium\n"
    "  - any system:    .venv/bin/python -m playwright install chromium\n"
    f"or point to a Chromium/Chrome executable with the environment variable {ENV_VAR}=/path/to/chrome\n"
    "or the setting 'browser_path' in targets.yaml."
)


class BrowserNotFound(RuntimeError):
    def __init__(self, detail: str = ""):
        super().__init__(HOW_TO_INSTALL + (f"\n({detail})" if detail else ""))


def find_browser(setting: str | None = None, playwright_path: str | None = None) -> str:
    """The executable to launch; raise BrowserNotFound with instructions when there is none."""
    for candidate, origin in ((setting, "setting browser_path"), (os.environ.get(ENV_VAR), ENV_VAR)):
        if candidate:
            path = shutil.which(candidate) or candidate
            if not Path(path).is_file():
                raise BrowserNotFound(f"{origin} points to {candidate!r}, which is not an executable file")
            return path
    for name in SYSTEM_BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    if playwright_path and Path(playwright_path).is_file():
        return playwright_path
    raise BrowserNotFound()


async def launch(playwright: Playwright, setting: str | None = None) -> Browser:
    try:
        managed = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - Playwright raises when its browser registry is missing
        managed = None
    executable = find_browser(setting, managed)
    return await playwright.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)
