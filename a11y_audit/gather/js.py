"""Running an in-page script with Playwright: its argument and result cross as one JSON string each.

Playwright converts and checks every value of an ``evaluate`` argument and result one by one in
Python; for the large results of axe-core and extract.js that took most of the 0.77 CPU seconds a
page the Python process used (measured on 20 generated pages; 0.48 with one string). One string is
checked at once, and ``json`` parses it in C.

The difference with ``evaluate``: what JSON cannot hold comes back as JSON.stringify makes it
(undefined object members left out, NaN and Infinity as None); DOM nodes cannot be returned.
"""

from __future__ import annotations

import json
from typing import Any

from playwright.async_api import Frame, Page


async def evaluate(target: Page | Frame, script: str, arg: Any = None) -> Any:
    """The result of ``script`` (a JavaScript function expression, maybe async) called with ``arg``."""
    # the script is part of the function Playwright sends, not eval'ed in the page: a page's
    # Content-Security-Policy may forbid eval
    text = await target.evaluate(f"async (arg) => JSON.stringify(await ({script})(JSON.parse(arg))) ?? 'null'", json.dumps(arg))
    return json.loads(text)
