"""Cookie-consent banners and the action language of targets.yaml, in a live page.

``detect`` finds a visible banner (rules/consent.yaml: known consent managers, else a dialog or
fixed element with cookie words and an accept button), in the page, its open shadow roots, or
else in one of its visible iframes (consent managers that show their banner in a frame of their
own host); ``accept`` gives consent with the site's own steps or the built-in accept button and
waits until the banner is gone; ``run_action`` runs one step (click, fill, press, wait_for, wait).
Problems come back as text, never raised.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

from playwright.async_api import Error as PlaywrightError, Page, TimeoutError as PlaywrightTimeout

from ..config import Action, Consent
from ..paths import load_rules_yaml
from ..secrets import MissingSecret, resolve
from .js import load, with_common

DETECT_SCRIPT = load("consent.js")
FIRST_LOOK = 2.0  # seconds to wait for a banner on a site's first page: consent managers add theirs after the load
LOOK_EVERY = 0.25
MAX_FRAMES = 5  # iframes of the page a banner is looked for in
GONE_SCRIPT = """(selector) => {
  // "host >> inside": CSS inside the host's shadow root (as consent.js writes it)
  let elements = [document];
  try {
    for (const part of selector.split(" >> ")) {
      elements = elements.flatMap((scope) => [scope, scope.shadowRoot].filter(Boolean)
                                              .flatMap((root) => Array.from(root.querySelectorAll(part))));
    }
  } catch (e) { return true; }
  return !elements.some((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
}"""
FRAME_PATH = with_common("""(frame) => {
  //#include common.js
  return shadowPath(frame);
}""")


@dataclass(frozen=True)
class Banner:
    """A consent banner found in the page."""

    manager: str  # cookiebot, onetrust, ... (rules/consent.yaml), "generic", or "site" (the site's `banner` selector)
    selector: str  # the banner element
    gone: str  # selector whose visible elements all disappear once consent is given
    accept: str  # the accept button found ("" when none)
    frame: str = ""  # the iframe the banner is in ("" in the page itself); the selectors above are inside it

    @property
    def where(self) -> str:
        """The banner, for reports: inside its iframe when it is in one."""
        return f"{self.frame} >> {self.selector}" if self.frame else self.selector


def detection_rules(consent: Consent) -> dict[str, Any]:
    rules = load_rules_yaml("consent.yaml")
    return {
        "site": consent.banner,
        "managers": rules["managers"],
        "words": rules["generic"]["words"],
        "accept": rules["generic"]["accept"],
    }


async def detect(page: Page, consent: Consent, wait: float = 0.0) -> Banner | None:
    """The visible banner, looking again for up to ``wait`` seconds while there is none."""
    rules = detection_rules(consent)
    deadline = time.monotonic() + wait
    while not (found := await _look(page, rules)) and time.monotonic() < deadline:
        await asyncio.sleep(LOOK_EVERY)
    return found


async def _look(page: Page, rules: dict[str, Any]) -> Banner | None:
    found = await page.evaluate(DETECT_SCRIPT, rules)
    if found:
        return Banner(**found)
    frames = [f for f in page.frames if f.parent_frame == page.main_frame and not f.is_detached()][:MAX_FRAMES]
    for frame in frames:
        try:
            element = await frame.frame_element()
            if not await element.is_visible():
                continue
            found = await frame.evaluate(DETECT_SCRIPT, {**rules, "frame": True})
            if found:
                return Banner(**found, frame=await element.evaluate(FRAME_PATH))
        except PlaywrightError:  # the frame went away meanwhile
            continue
    return None


async def _gone(page: Page, banner: Banner) -> bool:
    if not banner.frame:
        return await page.evaluate(GONE_SCRIPT, banner.gone)
    if await page.evaluate(GONE_SCRIPT, banner.frame):  # the iframe itself was removed or hidden
        return True
    element = await page.query_selector(banner.frame)
    frame = await element.content_frame() if element else None
    return frame is None or await frame.evaluate(GONE_SCRIPT, banner.gone)


async def accept(page: Page, banner: Banner, consent: Consent, timeout: float) -> tuple[str, str]:
    """Give consent; (how it was given, problem or "")."""
    if consent.actions:
        how = "; ".join(action.describe() for action in consent.actions)
        for step, action in enumerate(consent.actions, 1):
            problem = await run_action(page, action, timeout)
            if problem:
                return how, f"step {step}: {problem}"
    elif banner.accept:
        how = f"click {banner.accept!r}" + (f" in {banner.frame!r}" if banner.frame else "")
        root = page.frame_locator(banner.frame) if banner.frame else page
        try:
            await root.locator(banner.accept).first.click(timeout=timeout * 1000)
        except PlaywrightTimeout:
            return how, f"{how}: the button could not be clicked within {timeout:g} s"
        except PlaywrightError as exc:
            return how, f"{how}: {_first_line(exc)}"
    else:
        return "", "no accept button found in the banner"
    deadline = time.monotonic() + timeout
    while True:
        try:
            if await _gone(page, banner):
                return how, ""
        except PlaywrightError:
            pass  # the page or frame changed under the check (a reload after consent): look again
        if time.monotonic() >= deadline:
            return how, f"the banner was still there {timeout:g} s after accepting"
        await asyncio.sleep(LOOK_EVERY)


async def run_action(page: Page, action: Action, timeout: float) -> str:
    """Run one step; "" when done, else what went wrong (never the value typed)."""
    ms = timeout * 1000
    try:
        if action.click is not None:
            await page.locator(action.click).first.click(timeout=ms)
        elif action.fill is not None:
            await page.locator(action.fill.selector).first.fill(resolve(action.fill.value), timeout=ms)
        elif action.press is not None:
            await page.keyboard.press(action.press)
        elif action.wait_for is not None:
            await page.locator(action.wait_for).first.wait_for(state="visible", timeout=ms)
        elif action.wait is not None:
            await asyncio.sleep(action.wait)
    except MissingSecret as exc:
        return f"{action.describe()}: {exc}"
    except PlaywrightTimeout:
        return f"{action.describe()}: not found or not usable within {timeout:g} s"
    except PlaywrightError as exc:
        return f"{action.describe()}: {_first_line(exc)}"
    return ""


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:300]
