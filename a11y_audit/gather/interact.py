"""The interaction step: keyboard, mouse and layout in the real browser, after axe-core and extract.js.

It changes the page (focus, hover, styles, viewport), so it comes last in a visit and is bounded: at
most ``MAX_TABS`` presses of Tab, a few hovers, and ``seconds`` in all. What it learned by then is
kept; a part cut short by the clock is named in ``errors``. In order:

1. keyboard: press Tab and note where focus goes (box, visible or not, in fixed content or a dialog);
   for a few elements of different kinds compare a screenshot with and without focus. When focus
   comes back to an element it had before without passing the end of the page, try to leave with
   Escape, Tab and Shift+Tab, then with the key combinations the page's text names (Ctrl+M): a
   keyboard trap when none works. Elements the page itself pulled focus back to (a second focus move
   after one key press, at once or by a timer) get the same test; each key there gets ``TRAP_WAIT_MS``
   for the page's own moves, and reaching the end of the page counts as getting out. For a trap, the
   browser's list of event listeners says whether activating one of its elements might release it.
   Template-aware (``walks``): a chrome region (header, navigation, footer, search) with the same
   structural hash as on a finished page of the site (gather/axe_run.js) is not walked again: its stops
   from that page are taken over, marked ``copied``, and the walk goes on from the last element walked
   there, past the region or further into it. So the presses go to what is new on each page, and a
   menu longer than one walk is covered over the first pages of a site.
2. mouse: elements with a pointer cursor outside the tab order that listen to clicks themselves
   (the browser's own list of event listeners, through the DevTools protocol; React too, which gives
   each element with an onClick handler a no-op listener of its own), or whose clicks a handler
   jQuery delegated higher up handles (jQuery keeps its selectors).
3. hover: hover the elements that style rules or mouse listeners show other content for, then press
   Escape: is that content still there?
4. spacing: the text spacing of WCAG 1.4.12 as a user style sheet: which texts are newly cut off by
   their box or overlap other text.
5. zoom: the same at 200 % (a 640 CSS pixel wide viewport, as a 1280 pixel window zoomed in).
6. reflow: at 320 CSS pixels, which texts run off the right edge of the page.
7. motion: device orientation and motion events sent to the window: does the page change, and does
   it have any control a person could use instead (a field, a link, a button that listens to clicks)?
8. shortcuts: with focus on the page itself, printable keys sent to the body: the first one the page
   reacts to (focus moves, the page scrolls, goes elsewhere or its content changes). Both send their
   events from within the page, in one task each, so only the page's direct reaction counts; they
   come last as that reaction may change the page.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict, deque
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from playwright.async_api import BrowserContext, CDPSession, Error as PlaywrightError, Page

from ..snapshot import (
    BrokenText, FocusStop, HoverContent, Interaction, KeyboardTrap, KeyShortcut, MotionReaction, MouseOnly, Overflow,
)
from .js import evaluate, load

SCRIPT = load("interact.js")
API = "window.__a11yAuditInteract"
MIN_SECONDS = 2.0  # with less time left the step is not started (it would only slow the pages visited meanwhile)
MAX_TABS = 60  # presses of Tab in the walk
BATCH = 20  # presses sent at once on a page without frames: Chromium then draws a frame per batch, not per
# press (measured: about a third of the CPU time of pressing one at a time)
TAB_DOWN = {"type": "keyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
TAB_UP = {"type": "keyUp", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
MEDIA = ("audio", "video")  # Tab goes through the browser's own controls of these: focus stays on the element
MAX_INNER = 12  # presses of Tab that stay on one such element (play, timeline, volume, fullscreen, menu...)
MAX_SHOTS = 8  # elements whose screen with and without focus is compared: one per kind of element, so many
# visible ones and as many of those that are not visible themselves
MAX_HOVERS = 8
HOVER_WAIT_MS = 150  # scripts that show a tooltip on mouseenter often wait a little
ESCAPE_WAIT_MS = 100
SETTLE_MS = 100  # after a change of viewport: resize handlers
ZOOM_VIEWPORT = {"width": 640, "height": 450}  # 1280 x 900 at 200 %
REFLOW_VIEWPORT = {"width": 320, "height": 256}  # WCAG 1.4.10: 1280 CSS pixels at 400 %
CLICK_EVENTS = {"click", "mousedown", "mouseup", "pointerdown", "pointerup"}
ACTIVATE_EVENTS = CLICK_EVENTS | {"DOMActivate", "change", "input"}  # what activating a button fires
KEY_EVENTS = {"keydown", "keyup", "keypress"}  # how a <div role="button"> is activated with Enter or Space
TRAP_WAIT_MS = 50  # after each key of a trap test: scripts that pull focus back with a timer
MAX_PULLED = 3  # elements the page pulled focus back to that get a trap test
HOVER_EVENTS = {"mouseenter", "mouseover", "pointerenter", "pointerover"}


@dataclass(frozen=True)
class RegionWalk:
    """The focus stops of one chrome region, in Tab order from its first tabbable element."""

    stops: tuple[FocusStop, ...]
    size: int  # the region's tabbable elements: walked to its end when there are as many stops


class Walks:
    """Per site, from finished pages: the walks through chrome regions, by the regions' structural hash, and
    the kinds of element (``group`` and ``look`` in interact.js: tag and class, styles when focused, the
    background behind) whose focus was seen to change the screen: later pages compare screens for others. Bounded like
    axe.Templates: the most recent ``max_sites`` sites, ``max_regions`` regions and ``max_kinds`` kinds each."""

    def __init__(self, max_sites: int = 16, max_regions: int = 64, max_kinds: int = 256):
        self.max_sites = max_sites
        self.max_regions = max_regions
        self.max_kinds = max_kinds
        self._sites: OrderedDict[str, tuple[dict[str, RegionWalk], set[tuple[str, ...]]]] = OrderedDict()

    def known(self, site: str) -> dict[str, RegionWalk]:
        return dict(self._sites.get(site, ({}, set()))[0])

    def indicated(self, site: str) -> set[tuple[str, ...]]:
        return set(self._sites.get(site, ({}, set()))[1])

    def learn(self, site: str, walks: dict[str, RegionWalk], indicated: set[tuple[str, ...]] = frozenset()) -> None:
        if not walks and not indicated:
            return
        regions, kinds = self._sites.setdefault(site, ({}, set()))
        self._sites.move_to_end(site)
        for key, walk in walks.items():
            if key in regions or len(regions) < self.max_regions:
                if len(walk.stops) > len(regions.get(key, RegionWalk((), 0)).stops):
                    regions[key] = walk
        kinds.update(list(indicated - kinds)[:max(0, self.max_kinds - len(kinds))])
        while len(self._sites) > self.max_sites:
            self._sites.popitem(last=False)


class _Facts:
    """What the step learned so far (kept when the clock stops it)."""

    def __init__(self) -> None:
        self.steps: list[str] = []
        self.errors: list[str] = []
        self.tab_presses = 0
        self.tabbable = 0
        self.walk_complete = False
        self.stops: list[FocusStop] = []
        self.traps: list[KeyboardTrap] = []
        self.mouse_only: list[MouseOnly] = []
        self.hover: list[HoverContent] = []
        self.spacing_broken: list[BrokenText] = []
        self.zoom_broken: list[BrokenText] = []
        self.reflow_width: int | None = None
        self.reflow_overflow: list[Overflow] = []
        self.motion: list[MotionReaction] = []
        self.shortcuts: list[KeyShortcut] = []

    def freeze(self) -> Interaction:
        return Interaction(**{k: tuple(v) if isinstance(v, list) else v for k, v in vars(self).items()})


async def interact(page: Page, context: BrowserContext, seconds: float, walks: Walks | None = None,
                   site: str = "") -> Interaction:
    """Run the steps on a loaded page within ``seconds``; never raises for page problems. With ``walks``,
    the Tab walk takes over what earlier pages of ``site`` walked in the same chrome regions."""
    facts = _Facts()
    learned: dict[str, RegionWalk] = {}
    indicated = walks.indicated(site) if walks else set()
    keyboard = partial(_keyboard, known=walks.known(site) if walks else {}, learned=learned, indicated=indicated)
    current = "start"
    if seconds < MIN_SECONDS:
        facts.errors.append(f"not started: {seconds:.1f} s left of the page's time")
        return facts.freeze()
    try:  # the DevTools session ends with the page's context, right after the visit
        async with asyncio.timeout(seconds):
            await page.evaluate(SCRIPT)
            cdp = await context.new_cdp_session(page)
            for current, step in (("keyboard", keyboard), ("mouse", _mouse_only), ("hover", _hover),
                                  ("spacing", _spacing), ("zoom", _zoom), ("reflow", _reflow), ("motion", _motion),
                                  ("shortcuts", _shortcuts)):
                try:
                    await step(page, cdp, facts)
                    facts.steps.append(current)
                except PlaywrightError as exc:
                    facts.errors.append(f"{current}: {_short(exc)}")
    except TimeoutError:
        facts.errors.append(f"{current}: time limit of {seconds:.1f} s")
    except PlaywrightError as exc:
        facts.errors.append(f"{current}: {_short(exc)}")
    if walks is not None:
        walks.learn(site, learned, indicated)
    return facts.freeze()


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


async def _call(page: Page, name: str, arg: Any = None) -> Any:
    return await evaluate(page, f"(arg) => {API}.{name}(arg)", arg)


async def _wait(page: Page, ms: int, frames: bool = False) -> None:
    """``ms`` in the page's own timer queue (``wait`` in interact.js): not a wall-clock wait, which a busy
    machine may end before a page's own shorter timer ran. A page whose timers or frames do not run (a
    blocking dialog, a hidden page) is not waited for longer than ``ms`` and a second."""
    try:
        await asyncio.wait_for(_call(page, "wait", {"ms": ms, "frames": frames}), ms / 1000 + 1)
    except asyncio.TimeoutError:
        pass


async def _capture(cdp: CDPSession, clip: dict[str, float] | None = None) -> str:
    shot = await cdp.send("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True} | ({"clip": clip} if clip else {}))
    return shot["data"]


# -- 1. keyboard --------------------------------------------------------------------------------


class _Presses:
    """Presses of Tab and where focus went after each: one at a time, or on a page without frames in
    batches sent at once, their stops noted by the page as each key goes up (``logTabs``)."""

    def __init__(self, page: Page, cdp: CDPSession, batch: bool):
        self.page, self.cdp, self.batch = page, cdp, batch
        self.sent = 0
        self.pending: deque[dict[str, Any]] = deque()
        self.last: dict[str, Any] | None = None  # the stop the walk goes on from
        self.moved = False  # focus was put elsewhere since (a screenshot)
        self.lost = False  # the page swallowed key-up events: one at a time from then on

    async def next(self) -> dict[str, Any] | None:
        """The next stop, None when ``MAX_TABS`` presses were made."""
        if not self.pending:
            if self.moved and self.last is not None:
                await self._back_to(self.last)
            if self.sent >= MAX_TABS:
                return None
            if self.batch:
                await self._send_batch()
            else:
                await self.page.keyboard.press("Tab")
                self.sent += 1
                self.pending.append(await _call(self.page, "stop", {"walk": True}))
        self.last = self.pending.popleft()
        return self.last

    async def _send_batch(self) -> None:
        count = min(BATCH, MAX_TABS - self.sent)
        await asyncio.gather(*(self.cdp.send("Input.dispatchKeyEvent", event)
                               for _ in range(count) for event in (TAB_DOWN, TAB_UP)))
        self.sent += count
        log = await _call(self.page, "takeLog")
        if len(log) < count:  # key-ups that did not reach the window: one at a time from here
            self.lost, self.batch = True, False
            await _call(self.page, "logTabs", False)
            log = log or [await _call(self.page, "stop", {"walk": True})]
        self.pending.extend(log)

    async def focus(self, stop: dict[str, Any]) -> bool:
        """Focus on ``stop`` again if presses went past it; True when it has focus."""
        if stop is self.last and not self.pending and not self.moved:
            return True
        self.moved = True
        return await _call(self.page, "focusStop", {"id": stop["id"], "shown": stop["shown"]})

    async def _back_to(self, stop: dict[str, Any]) -> None:
        if stop["id"]:  # (a region taken over: its last element)
            await _call(self.page, "focusStop", {"id": stop.get("resume") or stop["id"], "shown": stop["shown"]})
        else:
            await self.page.evaluate("() => document.activeElement && document.activeElement.blur && document.activeElement.blur()")
        self.moved = False

    async def reset(self) -> None:
        """Focus was moved by other keys or by the walk itself: what is pending is stale."""
        self.pending.clear()
        self.moved = False
        self.last = None
        if self.batch:
            await _call(self.page, "takeLog")


async def _keyboard(page: Page, cdp: CDPSession, facts: _Facts, known: dict[str, RegionWalk],
                    learned: dict[str, RegionWalk], indicated: set[tuple[str, ...]]) -> None:
    start = await _call(page, "startWalk", {key: {"index": len(walk.stops) - 1, "size": walk.size} for key, walk in known.items()})
    facts.tabbable = start["tabbable"]
    seen: dict[int, int] = {}  # element id -> index of its stop
    regions: list[dict[str, Any]] = []  # per stop: its chrome region, place in it, the region's size
    presses = _Presses(page, cdp, batch=not start["frames"])
    if presses.batch:
        await _call(page, "logTabs", True)
    try:
        await _walk(presses, facts, known, seen, regions, indicated)
    finally:
        facts.tab_presses = presses.sent  # in batches, a few more than the stops the walk needed
        learned.update(_region_walks(facts, regions))
        if presses.lost:
            facts.errors.append("keyboard: the page stops key-up events of Tab; pressed one at a time from then on")
        if presses.batch:
            await _call(page, "logTabs", False)


async def _walk(presses: _Presses, facts: _Facts, known: dict[str, RegionWalk], seen: dict[int, int],
                regions: list[dict[str, Any]], indicated: set[tuple[str, ...]]) -> None:
    """The Tab walk. ``indicated``: kinds of element, with how they look focused over their background, whose
    focus changed the screen on earlier pages (not compared again), learned here too."""
    page, cdp = presses.page, presses.cdp
    groups: set[tuple[str, ...]] = set()  # kinds compared on this page (one element of each)
    shots = {True: 0, False: 0}  # by "visible"
    passed_end = escaped = restart = False
    in_cross_frame = 0
    while (info := await presses.next()) is not None:
        if not info["id"]:  # on the document: the end of the tab order (or a page without any)
            if not facts.stops or passed_end:
                break
            passed_end = True
            continue
        in_cross_frame = in_cross_frame + 1 if info["cross"] else 0
        if in_cross_frame > 1:  # still in an iframe of another origin: its elements cannot be told apart
            continue
        key = info["id"]
        if info["tag"] in MEDIA and not passed_end and facts.stops and seen.get(key) == len(facts.stops) - 1:
            continue  # on to the next of its own controls
        if key in seen:
            first = seen[key]
            if passed_end or (first == 0 and len(seen) >= facts.tabbable):
                facts.walk_complete = True
                break
            # focus went round without reaching the end of the page: can the keyboard get out?
            ids = [k for k, i in sorted(seen.items(), key=lambda item: item[1]) if i >= first]
            cycle = [facts.stops[i] for i in sorted(seen.values()) if i >= first]
            if not await presses.focus(info):
                break
            trap = await _trap(page, cdp, ids, cycle)
            await presses.reset()
            if trap is not None or escaped:
                if trap is not None:
                    facts.traps.append(trap)
                break
            escaped = restart = True  # a dialog closed with Escape, or focus moved on: walk on from there, once
            seen.clear()
            continue
        passed_end = False
        earlier = known.get(info["region"]) if info["taken"] else None
        if earlier:  # walked on an earlier page: its stops are taken over, the page put focus on the last of them
            seen[key] = len(facts.stops)  # only its first element: the others were not focused on this page
            for index, stop in enumerate(earlier.stops):
                facts.stops.append(replace(stop, copied=True))
                regions.append({"region": info["region"], "region_index": index, "region_size": earlier.size,
                                "region_plain": True})
            continue
        seen[key] = len(facts.stops)
        regions.append({k: info[k] for k in ("region", "region_index", "region_size", "region_plain")})
        pixels = None
        group, visible = (info["group"], info["shown"]), not info["shown"]
        look = (*group, info["look"])  # the kind, as it looks focused over its background
        if not info["frame"] and group not in groups and look not in indicated and shots[visible] < MAX_SHOTS:
            groups.add(group)
            shots[visible] += 1
            if await presses.focus(info):
                pixels = await _focus_changes_pixels(page, cdp)
                if pixels:
                    indicated.add(look)
        facts.stops.append(FocusStop(
            selector=info["selector"], name=info["name"], tag=info["tag"], x=info["x"], y=info["y"],
            width=info["width"], height=info["height"], fixed=info["fixed"], dialog=info["dialog"], frame=info["frame"],
            shown=info["shown"], pixels_changed=pixels, prev_hidden=info["prev_hidden"],
            after_escape=restart,
        ))
        restart = False
    # elements the page pulled focus back to (at once or by a timer): the walk may have gone on before the
    # page did so. They get a trap test together (two may pull focus to and fro between them).
    tested = {selector for trap in facts.traps for selector in trap.selectors}
    pulled = [p for p in await _call(page, "pulled") if not p["dialog"] and p["selector"] not in tested][:MAX_PULLED]
    if pulled and await _call(page, "focusId", pulled[0]["id"]):
        await _wait(page, TRAP_WAIT_MS)
        ids = [p["id"] for p in pulled]
        if (await _call(page, "stop"))["id"] in ids:  # else the page moved focus on from there itself
            trap = await _trap(page, cdp, ids, [FocusStop(selector=p["selector"], name=p["name"]) for p in pulled])
            if trap is not None:
                facts.traps.append(trap)


def _region_walks(facts: _Facts, regions: list[dict[str, Any]]) -> dict[str, RegionWalk]:
    """The regions this walk went through from their first tabbable element, one after the other in
    document order, without a trap, dialog, frame or Escape on the way: walks a later page may take over."""
    if facts.traps:
        return {}
    out: dict[str, RegionWalk] = {}
    for key in {r["region"] for r in regions if r["region"]}:
        at = [i for i, r in enumerate(regions) if r["region"] == key]
        size = regions[at[0]]["region_size"]
        if (at != list(range(at[0], at[0] + len(at))) or [regions[i]["region_index"] for i in at] != list(range(len(at)))
                or not regions[at[0]]["region_plain"] or len(at) > size
                or any(facts.stops[i].after_escape or facts.stops[i].dialog or facts.stops[i].frame for i in at)):
            continue
        if len(at) < size and at[-1] + 1 < len(facts.stops):
            continue  # focus left the region before its end: not in document order
        out[key] = RegionWalk(stops=tuple(replace(facts.stops[i], copied=False) for i in at), size=size)
    return out


async def _focus_changes_pixels(page: Page, cdp: CDPSession) -> bool | None:
    """Does the screen look different with focus on the element than without? None: could not tell (also when the
    page moved focus itself meanwhile). First only around the element (cheaper); when nothing changed there, the
    whole screen."""
    blurred = await _call(page, "blur", True)
    if not blurred:
        return None
    if blurred["clip"]:
        unfocused = await _capture(cdp, blurred["clip"])
        if not await _call(page, "refocus"):
            return None
        if await _capture(cdp, blurred["clip"]) != unfocused:
            return True
        if not await _call(page, "blur"):
            return None
    unfocused = await _capture(cdp)
    if not await _call(page, "refocus"):
        return None
    return await _capture(cdp) != unfocused


async def _trap(page: Page, cdp: CDPSession, ids: list[int], cycle: list[FocusStop]) -> KeyboardTrap | None:
    """None when the keyboard takes focus out of the elements ``ids``: Escape and then Tab, Shift+Tab, or a key
    combination the page's text names. After each key the page gets ``TRAP_WAIT_MS`` to move focus itself; focus
    that reached the end of the page in between got out (in a real browser, to its address bar)."""
    keys = set(ids)
    visited: set[int] = set()
    tries = len(keys) + 2
    for key in ["Escape"] + ["Tab"] * tries + ["Shift+Tab"] * tries:
        if await _leaves(page, key, keys, visited):
            return None
    advice = await _call(page, "keyAdvice")
    for combo in advice["combos"]:
        if await _call(page, "focusId", ids[0]) and await _leaves(page, combo, keys, visited):
            return None
    held = [(key, stop) for key, stop in zip(ids, cycle) if key in visited] or list(zip(ids, cycle))  # where focus stayed
    cycle = [stop for _, stop in held]
    return KeyboardTrap(
        selectors=tuple(s.selector for s in cycle), names=tuple(s.name for s in cycle),
        dialog=all(s.dialog for s in cycle), control=await _may_release(page, cdp, [key for key, _ in held]),
        advice=tuple(advice["combos"]), key_hint=advice["words"] and not advice["combos"],
    )


async def _leaves(page: Page, key: str, keys: set[int], visited: set[int]) -> bool:
    info = await _press(page, key)
    inner = 0
    while key != "Escape" and info.get("tag") in MEDIA and info["id"] in visited and inner < MAX_INNER:
        inner += 1  # still on an audio or video element: through its own controls
        info = await _press(page, key)
    visited.add(info["id"])
    # focus went to the end of the page (the browser's own controls, where a script cannot take it back) or elsewhere
    return info["out"] or not info["id"] or info["id"] not in keys


async def _press(page: Page, key: str) -> dict[str, Any]:
    await page.keyboard.press(key)
    await _wait(page, TRAP_WAIT_MS)
    return await _call(page, "stop")


async def _path_listeners(cdp: CDPSession, items: list[dict[str, Any]]) -> list[set[str]]:
    """Per item of ``activation`` (or another list with ``path``): the event types its element, its ancestors, the
    document and the window listen to."""
    types = await _listeners(cdp, f"{API}.pathNodes()")
    return [set().union(*(types[n] for n in item["path"] if n < len(types))) for item in items]


async def _may_release(page: Page, cdp: CDPSession, ids: list[int]) -> bool:
    """Could activating one of the elements release focus (a link, a submit button, a button with a click listener)?"""
    items = await _call(page, "activation", ids)
    if any(item["kind"] == "acts" for item in items):
        return True
    if not any(item["kind"] in ("button", "aria") for item in items):
        return False
    for item, types in zip(items, await _path_listeners(cdp, items)):
        wanted = ACTIVATE_EVENTS | KEY_EVENTS if item["kind"] == "aria" else ACTIVATE_EVENTS if item["kind"] == "button" else set()
        if types & wanted:
            return True
    return False


# -- 2. mouse-only controls -----------------------------------------------------------------------


async def _listeners(cdp: CDPSession, expression: str) -> list[set[str]]:
    """The event types each element of the array ``expression`` listens to itself."""
    array = await cdp.send("Runtime.evaluate", {"expression": expression, "objectGroup": "a11y-audit"})
    object_id = array["result"].get("objectId")
    if not object_id:
        return []
    try:
        props = await cdp.send("Runtime.getProperties", {"objectId": object_id, "ownProperties": True})
        items = sorted((int(p["name"]), p["value"]["objectId"]) for p in props["result"]
                       if p["name"].isdigit() and p.get("value", {}).get("objectId"))
        out = []
        for _, element in items:
            found = await cdp.send("DOMDebugger.getEventListeners", {"objectId": element, "depth": 0})
            out.append({listener["type"] for listener in found["listeners"]})
        return out
    finally:
        await cdp.send("Runtime.releaseObjectGroup", {"objectGroup": "a11y-audit"})


async def _mouse_only(page: Page, cdp: CDPSession, facts: _Facts) -> None:
    candidates = await _call(page, "clickCandidates")
    if not candidates:
        return
    events = await _listeners(cdp, f"{API}.clickElements()")
    for candidate, types in zip(candidates, events):
        clicks = types & CLICK_EVENTS
        if clicks or candidate["delegated"]:
            facts.mouse_only.append(MouseOnly(
                selector=candidate["selector"], name=candidate["name"], tag=candidate["tag"],
                events=tuple(sorted(clicks or {"click"})), delegated=candidate["delegated"],
            ))


# -- 3. content on hover ------------------------------------------------------------------------


async def _hover(page: Page, cdp: CDPSession, facts: _Facts) -> None:
    await page.evaluate("() => document.activeElement && document.activeElement.blur && document.activeElement.blur()")
    count = await _call(page, "hoverCandidates")
    for index, types in enumerate(await _listeners(cdp, f"{API}.jsHoverElements()")):
        if types & HOVER_EVENTS:
            count = await _call(page, "addHoverTrigger", index)
    for index in range(min(count, MAX_HOVERS)):
        target = await _call(page, "prepareHover", index)
        if target is None:
            continue
        await page.mouse.move(target["x"], target["y"])
        await _wait(page, HOVER_WAIT_MS)
        shown = await _call(page, "revealed", index)
        if shown:
            await page.keyboard.press("Escape")
            await _wait(page, ESCAPE_WAIT_MS)
            still = await _call(page, "stillShown")
            for content, stays in zip(shown, still):
                facts.hover.append(HoverContent(
                    trigger=target["selector"], selector=content["selector"], text=content["text"],
                    positioned=content["positioned"], covers=content["covers"], dismissed=not stays,
                ))
        await page.mouse.move(0, 0)
        await _wait(page, ESCAPE_WAIT_MS // 2)


# -- 4-6. layout --------------------------------------------------------------------------------


def _broken(items: list[dict[str, Any]]) -> list[BrokenText]:
    return [BrokenText(selector=i["selector"], text=i["text"], how=i["how"], other=i["other"], link=i["link"]) for i in items]


async def _settle(page: Page) -> None:
    await _wait(page, SETTLE_MS, frames=True)


async def _spacing(page: Page, cdp: CDPSession, facts: _Facts) -> None:
    await page.keyboard.press("Escape")
    await page.evaluate("() => { document.activeElement && document.activeElement.blur && document.activeElement.blur(); "
                        "window.scrollTo({left: 0, top: 0, behavior: 'instant'}); }")
    await _settle(page)
    await _call(page, "baseline")
    await _call(page, "setSpacing", True)
    facts.spacing_broken.extend(_broken(await _call(page, "newlyBroken", False)))
    await _call(page, "setSpacing", False)


async def _zoom(page: Page, cdp: CDPSession, facts: _Facts) -> None:
    await page.set_viewport_size(ZOOM_VIEWPORT)
    await _settle(page)
    facts.zoom_broken.extend(_broken(await _call(page, "newlyBroken", True)))


async def _reflow(page: Page, cdp: CDPSession, facts: _Facts) -> None:
    await page.set_viewport_size(REFLOW_VIEWPORT)
    await _settle(page)
    result = await _call(page, "reflow")
    facts.reflow_width = result["width"]
    facts.reflow_overflow.extend(Overflow(selector=o["selector"], text=o["text"], right=o["right"]) for o in result["overflow"])


# -- 7-8. motion and character keys: last, as the page's reaction may change it -------------------


async def _motion(page: Page, cdp: CDPSession, facts: _Facts) -> None:
    found = await _call(page, "motion")
    if found is None:
        return
    operable = found["operable"]
    if not operable and found["controls"]:  # buttons: only what their click listeners do
        operable = any(types & (ACTIVATE_EVENTS | KEY_EVENTS if control["kind"] == "aria" else ACTIVATE_EVENTS)
                       for control, types in zip(found["controls"], await _path_listeners(cdp, found["controls"])))
    facts.motion.append(MotionReaction(event=found["event"], content=found["content"], selector=found["selector"],
                                       operable=operable))


async def _shortcuts(page: Page, cdp: CDPSession, facts: _Facts) -> None:
    found = await _call(page, "shortcuts")
    if found is not None:
        facts.shortcuts.append(KeyShortcut(key=found["key"], reaction=found["reaction"], selector=found["selector"],
                                           off_switch=found["off_switch"]))
